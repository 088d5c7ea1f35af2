// Listing the data folder: which files a command reads, and of what kind, whether given
// as the folder or as paths.

package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
)

// RealDir resolves the data folder once (it may be a symbolic link) and checks it is a
// folder.
func RealDir(dataDir string) (string, error) {
	real, err := filepath.EvalSymlinks(dataDir)
	if err != nil {
		return "", diag.Wrap(err, "data_folder_error", diag.A{"error": diag.Cause(err)})
	}
	real, err = filepath.Abs(real)
	if err != nil {
		return "", diag.Wrap(err, "data_folder_error", diag.A{"error": diag.Cause(err)})
	}
	info, err := os.Stat(real)
	if err != nil {
		return "", diag.Wrap(err, "data_folder_error", diag.A{"error": diag.Cause(err)})
	}
	if !info.IsDir() {
		return "", diag.Errorf("data_not_folder", diag.A{"dir": dataDir})
	}
	// data/ may be a link (a checkout arranged so), but only to a folder of the project
	// that holds it: a submission cannot point the guide at the rest of the machine.
	if li, err := os.Lstat(dataDir); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		project, err := filepath.EvalSymlinks(filepath.Dir(filepath.Clean(dataDir)))
		if err == nil {
			project, err = filepath.Abs(project)
		}
		if err != nil || !Within(project, real) {
			return "", &RejectedError{Diag: diag.New(dataDir, 0, 0, diag.Error, "", "data_link_outside", diag.A{"target": real}), Folder: true}
		}
	}
	return real, nil
}

// List lists every file under dataDir with its kind, flagging files that have no place
// there. Paths are named under dataDir as given.
func List(dataDir string) ([]Source, error) {
	realRoot, err := RealDir(dataDir)
	if err != nil {
		return nil, err
	}
	return listUnder(dataDir, realRoot, realRoot, nil)
}

// listUnder walks the real folder dir (realRoot or a folder inside it) and names its
// files under shown, the folder as given (data/, or data/projects through a link…);
// each file is classified by its place in realRoot.
func listUnder(shown, realRoot, dir string, out []Source) ([]Source, error) {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return diag.Wrap(err, "reading_error", diag.A{"path": path, "error": diag.Cause(err)})
		}
		if path == dir {
			return nil
		}
		rel, _ := filepath.Rel(realRoot, path)
		inner, _ := filepath.Rel(dir, path)
		name := filepath.Join(shown, inner)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if d.Type()&fs.ModeSymlink != 0 {
			if problem := linkProblem(realRoot, path); problem.Code != "" {
				out = append(out, Source{Path: name, Problem: problem})
				return nil
			}
		}
		if d.IsDir() {
			if len(parts) == 1 {
				if _, ok := model.KindByDir(parts[0]); ok {
					return nil
				}
			}
			if len(parts) == 2 {
				out = append(out, Source{Path: name, Problem: diag.M("subfolder", nil)})
			} else {
				out = append(out, Source{Path: name, Problem: diag.M("unexpected_folder", diag.A{"layout": LayoutHint()})})
			}
			return filepath.SkipDir
		}
		s := Classify(name, parts)
		s.root, s.rel = realRoot, rel
		out = append(out, s)
		return nil
	})
	return out, err
}

// linkProblem says why the symbolic link at path cannot be read, or has no code.
func linkProblem(realRoot, path string) diag.Msg {
	target, err := filepath.EvalSymlinks(path)
	if err == nil {
		target, err = filepath.Abs(target)
	}
	if err != nil || realRoot == "" || !Within(realRoot, target) {
		return diag.M("link_outside", nil)
	}
	if st, err := os.Stat(target); err == nil && st.IsDir() {
		return diag.M("link_to_folder", nil)
	}
	return diag.Msg{}
}

// Classify finds the kind of a file from its place: parts are its path inside the data
// folder (taxonomy.yaml, KIND/ID.yaml).
func Classify(path string, parts []string) Source {
	name := parts[len(parts)-1]
	ext := filepath.Ext(name)
	s := Source{Path: path}
	switch {
	case ext == ".yml":
		s.Problem = diag.M("yml_extension", diag.A{"name": strings.TrimSuffix(name, ext) + ".yaml"})
	case ext != ".yaml":
		s.Problem = diag.M("not_yaml", diag.A{"layout": LayoutHint()})
	case len(parts) == 1:
		if k, ok := model.KindByFile(name); ok {
			s.Kind = k
		} else {
			s.Problem = diag.M("unexpected_top_file", diag.A{"layout": LayoutHint()})
		}
	case len(parts) == 2:
		k, ok := model.KindByDir(parts[0])
		if !ok {
			s.Problem = diag.M("unexpected_folder", diag.A{"layout": LayoutHint()})
		}
		s.Kind = k
	default:
		s.Problem = diag.M("nested_entry", nil)
	}
	return s
}

// ClassifyPath finds the kind of a file outside any data folder by its parent folder's
// name (projects/, contacts/…) or its own name.
func ClassifyPath(path string) Source {
	parent := filepath.Base(filepath.Dir(path))
	if _, ok := model.KindByDir(parent); ok {
		return Classify(path, []string{parent, filepath.Base(path)})
	}
	return Classify(path, []string{filepath.Base(path)})
}

// ListPaths resolves command-line paths (files and folders) into sources. A file inside
// dataDir is classified by its place there (and the symlink rules of List apply); one
// outside by its parent folder's name or its own name. A folder that is a symbolic link
// is resolved once. Paths are named as given (cleaned), so callers can tell which
// files were asked for.
func ListPaths(dataDir string, paths []string) ([]Source, error) {
	realRoot, _ := RealDir(dataDir) // no data folder: every path is outside one
	var out []Source
	for _, p := range paths {
		p = filepath.Clean(p)
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if info.IsDir() {
			real, err := filepath.EvalSymlinks(p)
			if err == nil {
				real, err = filepath.Abs(real)
			}
			if err != nil {
				return nil, err
			}
			if realRoot != "" && Within(realRoot, real) {
				out, err = listUnder(p, realRoot, real, out)
			} else if lexicallyIn(dataDir, p) {
				out = append(out, Source{Path: p, Problem: diag.M("link_outside_folder", nil)})
			} else {
				out, err = listOutside(p, real, out)
			}
			if err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, sourceOf(dataDir, realRoot, p))
	}
	return out, nil
}

// listOutside lists the files of a folder outside the data folder; a symbolic link
// there is not followed.
func listOutside(shown, dir string, out []Source) ([]Source, error) {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		name := filepath.Join(shown, rel)
		if d.Type()&fs.ModeSymlink != 0 {
			out = append(out, Source{Path: name, Problem: diag.M("link_given", nil)})
			return nil
		}
		out = append(out, ClassifyPath(name))
		return nil
	})
	return out, err
}

// sourceOf classifies one file given on the command line.
func sourceOf(dataDir, realRoot, p string) Source {
	abs, err := filepath.Abs(p)
	if err != nil {
		return Source{Path: p, Problem: diag.M("bad_path", diag.A{"error": diag.Cause(err)})}
	}
	dirReal, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err == nil {
		abs = filepath.Join(dirReal, filepath.Base(abs))
	}
	if realRoot != "" && Within(realRoot, abs) {
		rel, _ := filepath.Rel(realRoot, abs)
		if info, err := os.Lstat(abs); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if problem := linkProblem(realRoot, abs); problem.Code != "" {
				return Source{Path: p, Problem: problem}
			}
		}
		s := Classify(p, strings.Split(filepath.ToSlash(rel), "/"))
		s.root, s.rel = realRoot, rel
		return s
	}
	if realRoot != "" && lexicallyIn(dataDir, p) {
		// Named under data/, but a folder on the way is a link leading out of it.
		return Source{Path: p, Problem: diag.M("link_outside", nil)}
	}
	if info, err := os.Lstat(p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return Source{Path: p, Problem: diag.M("link_given", nil)}
	}
	return ClassifyPath(p)
}

// Rel returns the file's path inside the data folder (projects/ID.yaml), or its base
// name for a file given from elsewhere.
func (s Source) Rel() string {
	if s.rel != "" {
		return s.rel
	}
	return filepath.Base(s.Path)
}

// NotData reports whether s is simply not a data file (a README, a .yml file, a
// folder with no place in data/): guide validate names it, other commands pass it by.
// A symbolic link leading out of the data folder is never NotData: every command
// refuses it, naming it.
func (s Source) NotData() bool {
	return s.Problem.Code != "" && !strings.HasPrefix(s.Problem.Code, "link_") && filepath.Ext(s.Path) != ".yaml" ||
		s.Problem.Code == "" && filepath.Ext(s.Path) != ".yaml"
}

// InDataDir reports whether s is a file of the listed data folder (not one given from
// elsewhere).
func (s Source) InDataDir() bool { return s.root != "" }

// Merge adds extra files to the corpus; an extra file replaces a corpus file of the
// same kind and name (it is a new version of it), and a corpus file named again in
// extra is kept once.
func Merge(corpus, extra []Source) []Source {
	key := func(s Source) string { return s.Kind.Name + "/" + filepath.Base(s.Path) }
	replaced := map[string]bool{}
	seen := map[string]bool{}
	var out []Source
	for _, s := range extra {
		if seen[s.Path] {
			continue
		}
		seen[s.Path] = true
		if s.Problem.Code == "" {
			replaced[key(s)] = true
		}
		out = append(out, s)
	}
	for _, s := range corpus {
		if seen[s.Path] {
			continue
		}
		if s.Problem.Code != "" || !replaced[key(s)] {
			out = append(out, s)
		}
	}
	return out
}
