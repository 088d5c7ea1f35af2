package newentry

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	datafiles "github.com/pssdc/guide-iad/tools/corpus" // package corpus: the one reader of data/
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
)

// ErrExists is returned when the entry's file is already there.
var ErrExists = errors.New("already exists")

// Path is where the entry of that kind and id lives.
func Path(dataDir string, kind model.Kind, id string) string {
	return filepath.Join(dataDir, kind.Dir, id+".yaml")
}

// SafeName reports whether id can name a file in the kind's folder (no separators, no
// leading dot); whether it is a valid id is the validator's call.
func SafeName(id string) bool {
	return id != "" && !strings.ContainsAny(id, `/\`+"\x00") && !strings.HasPrefix(id, ".")
}

// Problem is a given value that the validator rejects, or (Input.Field nil) a problem
// of the corpus itself.
type Problem struct {
	Input   Input
	Message string          // in English
	Diag    diag.Diagnostic // the validator's finding, worded in either language by In
}

// In returns the problem worded in lang: the finding's message, or the whole finding
// (path:line:col: error: key: message) for a problem of the corpus.
func (p Problem) In(lang string) string {
	d := p.Diag.In(lang)
	if p.Input.Field == nil {
		return d.String()
	}
	return d.Message
}

// Checked is what the validator says about a generated entry.
type Checked struct {
	Problems []Problem // errors about given values
	Left     int       // other errors: the placeholders still to fill in
	left     []string  // their keys, in the validator's order
}

// LeftKeys are the keys of the values still to fill in, each once, in the file's order
// (then the problems' keys).
func (c Checked) LeftKeys() []string {
	keys := slices.Clone(c.left)
	for _, p := range c.Problems {
		if p.Input.Field != nil {
			keys = append(keys, p.Input.Key)
		}
	}
	seen := map[string]bool{}
	return slices.DeleteFunc(keys, func(k string) bool {
		dup := seen[k] || k == ""
		seen[k] = true
		return dup
	})
}

// Check runs the validator on src as the entry kind/id of the corpus in dataDir, and
// sorts its errors into those about given inputs and the rest.
func Check(dataDir string, kind model.Kind, id string, src []byte, given []Input) (Checked, error) {
	if !SafeName(id) {
		id = "new-" + kind.Name
	}
	tmp, err := os.MkdirTemp("", "guide-new-*")
	if err != nil {
		return Checked{}, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, kind.Dir, id+".yaml")
	if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil {
		return Checked{}, err
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return Checked{}, err
	}
	res, err := check.Run(check.Options{DataDir: dataDir, Paths: []string{path}})
	if err != nil {
		return Checked{}, err
	}
	var c Checked
	for _, d := range res.Diagnostics {
		if d.Severity != diag.Error {
			continue
		}
		if d.File != path {
			// The corpus's own problems (a broken taxonomy) stop the check of codes.
			c.Problems = append(c.Problems, Problem{Message: d.String(), Diag: d})
			continue
		}
		matched := false
		for _, in := range given {
			if d.Key == in.Key || strings.HasPrefix(d.Key, in.Key+".") || strings.HasPrefix(d.Key, in.Key+"[") {
				c.Problems = append(c.Problems, Problem{Input: in, Message: d.Message, Diag: d})
				matched = true
				break
			}
		}
		if !matched {
			c.Left++
			c.left = append(c.left, d.Key)
		}
	}
	return c, nil
}

// Create writes the entry's file atomically, refusing to replace an existing one (the
// error then wraps ErrExists). It returns the file's path.
func Create(dataDir string, kind model.Kind, id string, src []byte) (string, error) {
	if !SafeName(id) {
		return "", diag.Errorf("newentry_bad_name", diag.A{"id": id})
	}
	path := Path(dataDir, kind, id)
	if _, err := os.Lstat(path); err == nil {
		return path, diag.Wrap(ErrExists, "newentry_exists", diag.A{"path": path})
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return path, err
	}
	// Nothing is written through a link out of the data folder (data/projects → /etc).
	if root, err := datafiles.RealDir(dataDir); err != nil {
		return path, err
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err != nil {
		return path, err
	} else if dir, err = filepath.Abs(dir); err != nil || !datafiles.Within(root, dir) {
		return path, diag.Errorf("newentry_folder_outside", diag.A{"dir": filepath.Dir(path)})
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+id+".yaml.*")
	if err != nil {
		return path, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(src); err != nil {
		tmp.Close()
		return path, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return path, err
	}
	if err := tmp.Close(); err != nil {
		return path, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return path, err
	}
	// A hard link creates the name only if it is free, in one step: a file created
	// meanwhile by someone else is never replaced.
	err = os.Link(tmp.Name(), path)
	switch {
	case err == nil:
		return path, nil
	case errors.Is(err, fs.ErrExist):
		return path, diag.Wrap(ErrExists, "newentry_exists", diag.A{"path": path})
	}
	// File systems without hard links: check, then rename.
	if _, err := os.Lstat(path); err == nil {
		return path, diag.Wrap(ErrExists, "newentry_exists", diag.A{"path": path})
	}
	return path, os.Rename(tmp.Name(), path)
}
