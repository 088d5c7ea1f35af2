package format

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pssdc/guide-iad/tools/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden formats the fixtures of testdata/ and compares with their .golden files.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		kind, _ := model.KindOfPath(f)
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Format(kind, src)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		golden := f + ".golden"
		if *update {
			os.WriteFile(golden, got, 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got\n%s\nwant\n%s", f, got, want)
		}
	}
}

// TestRoundTrip formats every data file of the repository and every validator fixture
// that YAML can read: formatting keeps values and comments (Format checks that itself)
// and formatting twice equals formatting once.
func TestRoundTrip(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../data/*.yaml", "../../data/*/*.yaml", "../check/testdata/*/*.yaml", "../check/testdata/*/*/*.yaml", "testdata/*/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d files found", len(files))
	}
	formatted := 0
	for _, f := range files {
		kind, ok := model.KindOfPath(f)
		if !ok {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		once, err := Format(kind, src)
		if err != nil {
			continue // unreadable fixtures are refused, as they should be
		}
		formatted++
		twice, err := Format(kind, once)
		if err != nil {
			t.Errorf("%s: formatting the formatted file failed: %v", f, err)
			continue
		}
		if !bytes.Equal(once, twice) {
			t.Errorf("%s: formatting is not idempotent", f)
		}
	}
	if formatted < 40 {
		t.Errorf("only %d files formatted", formatted)
	}
}

// TestDataIsFormatted: the committed corpus is in canonical form (guide fmt --check).
func TestDataIsFormatted(t *testing.T) {
	files, _ := filepath.Glob("../../data/*/*.yaml")
	more, _ := filepath.Glob("../../data/*.yaml")
	for _, f := range append(files, more...) {
		changed, err := File(f, true)
		if err != nil {
			t.Errorf("%s: %v", f, err)
		} else if changed {
			t.Errorf("%s is not formatted; run make fmt", f)
		}
	}
}

// TestFileIsAtomic: a refused file is left exactly as it was and no temporary file
// remains.
func TestFileIsAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "projects")
	os.MkdirAll(dir, 0o755)
	path := filepath.Join(dir, "x.yaml")
	bad := []byte("id: x\ntitle: [unclosed\n")
	os.WriteFile(path, bad, 0o644)
	if _, err := File(path, false); err == nil {
		t.Fatal("formatted a file YAML cannot read")
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, bad) {
		t.Error("refused file was changed")
	}
	good := []byte("title: {en: T, fr: T}\nid: x\n")
	os.WriteFile(path, good, 0o600)
	os.Chmod(path, 0o600)
	changed, err := File(path, false)
	if err != nil || !changed {
		t.Fatalf("changed=%v err=%v", changed, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode changed to %v", info.Mode().Perm())
	}
	got, _ = os.ReadFile(path)
	if string(got) != "id: x\ntitle: {en: T, fr: T}\n" {
		t.Errorf("got %q", got)
	}
}
