package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorpusLayout: files with no place in data/ — a symlink leading outside, a
// non-YAML file, a .yml file, a stray folder, a file in a subfolder — each get a clear
// error naming them, and the rest of the corpus is still checked.
func TestCorpusLayout(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	if err := copyDir(validCorpus, data); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(root, "secret.yaml")
	write(t, outside, "id: secret\n")
	must(t, os.Symlink(outside, filepath.Join(data, "projects", "secret.yaml")))
	must(t, os.Symlink(filepath.Join(data, "projects", "beta-forecasting.yaml"), filepath.Join(data, "projects", "inside-link.yaml")))
	write(t, filepath.Join(data, "README.md"), "# notes\n")
	write(t, filepath.Join(data, "projects", "delta.yml"), "id: delta\n")
	write(t, filepath.Join(data, "projects", "notes.txt"), "hello\n")
	write(t, filepath.Join(data, "drafts", "x.yaml"), "id: x\n")
	write(t, filepath.Join(data, "projects", "old", "y.yaml"), "id: y\n")

	res, err := Run(Options{DataDir: data, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(render(t, res.Diagnostics), filepath.ToSlash(data), "data")
	for _, want := range []string{
		"data/projects/secret.yaml: error: symbolic link leads outside the data folder",
		"data/README.md: error: not a YAML data file",
		"data/projects/delta.yml: error: use the .yaml extension: rename to delta.yaml",
		"data/projects/notes.txt: error: not a YAML data file",
		"data/drafts: error: unexpected folder",
		"data/projects/old: error: unexpected folder: entries go directly in their folder",
		// A link inside data/ is read, and then its id does not match its name.
		`data/projects/inside-link.yaml:3:5: error: id: id "beta-forecasting" differs from the file name`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "secret") && strings.Contains(got, "id: secret") {
		t.Error("the file outside data/ was read")
	}
}

// TestMissingTaxonomy: without taxonomy.yaml, one clear error, no cascade of codes.
func TestMissingTaxonomy(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	must(t, copyDir(validCorpus, data))
	must(t, os.Remove(filepath.Join(data, "taxonomy.yaml")))
	res, err := Run(Options{DataDir: data, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	e, _ := res.Diagnostics.Count()
	if e != 1 || !strings.Contains(render(t, res.Diagnostics), "taxonomy.yaml: error: taxonomy.yaml is missing") {
		t.Errorf("want one error about the missing taxonomy, got:\n%s", render(t, res.Diagnostics))
	}
}

func copyDir(src, dst string) error {
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

func write(t *testing.T, path, content string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(content), 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
