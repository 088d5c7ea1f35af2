package pdf

// Writing the results: whole files renamed into place, never a partial one.

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// commit writes every PDF and manifest to a temporary file beside its target, then
// renames them all into place; on any failure it removes the temporary files.
func commit(public string, results []Result, outputs [][]byte) error {
	type file struct{ tmp, final string }
	var files []file
	cleanup := func() {
		for _, f := range files {
			os.Remove(f.tmp)
		}
	}
	stage := func(final string, data []byte) error {
		tmp, err := writeTemp(final, data)
		if err != nil {
			return err
		}
		files = append(files, file{tmp, final})
		return nil
	}
	for i, r := range results {
		if err := stage(r.File, outputs[i]); err != nil {
			cleanup()
			return err
		}
		m, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			cleanup()
			return err
		}
		if err := stage(filepath.Join(filepath.Dir(r.File), ManifestName), append(m, '\n')); err != nil {
			cleanup()
			return err
		}
	}
	if testHookBeforeCommit != nil {
		if err := testHookBeforeCommit(); err != nil {
			cleanup()
			return err
		}
	}
	for i, f := range files {
		if err := os.Rename(f.tmp, f.final); err != nil {
			for _, g := range files[i:] {
				os.Remove(g.tmp)
			}
			return err
		}
	}
	return nil
}

// writeTemp writes data to a new hidden temporary file in final's folder, synced to
// disk, and returns its path.
func writeTemp(final string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// removeStale removes temporary files left by a run that was killed (SIGKILL leaves no
// chance to clean up; the PDFs themselves are only ever renamed into place, whole).
func removeStale(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	for _, m := range matches {
		base := filepath.Base(m)
		if strings.Contains(base, ".pdf.") || strings.Contains(base, ".json.") {
			os.Remove(m)
		}
	}
}

// sitePath is the URL path of a file of public/.
func sitePath(public, file string) string {
	rel, err := filepath.Rel(public, file)
	if err != nil {
		return ""
	}
	return path.Join("/", filepath.ToSlash(rel))
}
