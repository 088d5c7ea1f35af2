package format

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
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
	sources, err := corpus.List("../../data")
	if err != nil || len(sources) < 10 {
		t.Fatalf("%d files listed: %v", len(sources), err)
	}
	for _, s := range sources {
		o, err := File(s, true)
		changed := o.Changed
		if err != nil {
			t.Errorf("%s: %v", s.Path, err)
		} else if changed {
			t.Errorf("%s is not formatted; run make fmt", s.Path)
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
	if _, err := File(corpus.ClassifyPath(path), false); err == nil {
		t.Fatal("formatted a file YAML cannot read")
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, bad) {
		t.Error("refused file was changed")
	}
	good := []byte("title: {en: T, fr: T}\nid: x\n")
	os.WriteFile(path, good, 0o600)
	os.Chmod(path, 0o600)
	o, err := File(corpus.ClassifyPath(path), false)
	changed := o.Changed
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

// TestFileRefuses: File leaves alone every file the corpus reader rejects, naming the
// file and the reason, and writes CRLF files with LF and tab indentation with spaces,
// even when it can do nothing else.
func TestFileRefuses(t *testing.T) {
	valid := "id: x\ntitle: {en: T, fr: T}\n"
	nested := "id: x\ntitle:\n  en: T\n  fr: T\nthemes:\n  - a\n"
	cases := []struct {
		name    string
		src     string
		link    bool   // the file is a symbolic link to a file outside data/
		wantErr string // "" when it must be formatted
		want    string // content afterwards when formatted, or repaired when refused ("": unchanged)
	}{
		{"tab indentation", "id: x\ntitle:\n\ten: T\n\tfr: T\nthemes:\n\t- a\n", false, "", nested},
		{"tabs among spaces", "id: x\ntitle:\n  en: T\n\tfr: T\nthemes:\n  - a\n", false, "", nested},
		{"crlf, tabs and a syntax error", "id: x\r\ntitle:\r\n\ten: T\r\n\tfr: [T\r\n", false,
			"line ends and tab indentation repaired, nothing else; line 4:", "id: x\ntitle:\n en: T\n fr: [T\n"},
		{"two documents", valid + "---\nid: y\n", false, "more than one YAML document", ""},
		{"too large", "id: x\nsummary: {en: " + strings.Repeat("a", corpus.MaxFileSize) + ", fr: b}\n", false, "the limit is", ""},
		{"alias", "id: &a x\ntitle: {en: *a, fr: T}\n", false, "anchor", ""},
		{"link out of data", valid, true, "symbolic link leads outside the data folder", ""},
		{"crlf", strings.ReplaceAll(valid, "\n", "\r\n"), false, "", valid},
		{"lone cr", "id: x\ntitle: {en: T\r, fr: T}\n", false, "carriage return", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			dir := filepath.Join(data, "projects")
			must(t, os.MkdirAll(dir, 0o755))
			path := filepath.Join(dir, "x.yaml")
			target := path
			if c.link {
				target = filepath.Join(t.TempDir(), "secret.yaml")
				must(t, os.Symlink(target, path))
			}
			must(t, os.WriteFile(target, []byte(c.src), 0o644))
			sources, err := corpus.List(data)
			if err != nil || len(sources) != 1 {
				t.Fatalf("listed %v, %v", sources, err)
			}
			o, err := File(sources[0], false)
			changed := o.Changed
			got, _ := os.ReadFile(target)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), path) {
					t.Fatalf("got %v, want an error naming %s and saying %q", err, path, c.wantErr)
				}
				if want := cmp.Or(c.want, c.src); string(got) != want {
					t.Errorf("refused file holds %q, want %q", got, want)
				}
				if info, _ := os.Lstat(path); c.link && info.Mode()&os.ModeSymlink == 0 {
					t.Errorf("link replaced")
				}
				return
			}
			if err != nil || !changed || string(got) != c.want {
				t.Errorf("changed=%v err=%v content %q, want %q", changed, err, got, c.want)
			}
		})
	}
}

// TestFileLosesNoUpdate: a file changed between File's read and its write is left as
// the other writer made it, and File says so.
func TestFileLosesNoUpdate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "projects")
	must(t, os.MkdirAll(dir, 0o755))
	path := filepath.Join(dir, "x.yaml")
	must(t, os.WriteFile(path, []byte("title: {en: T, fr: T}\nid: x\n"), 0o644))
	f := corpus.Read(corpus.ClassifyPath(path))
	out, changed, err := Corpus(f)
	if err != nil || !changed {
		t.Fatalf("changed=%v err=%v", changed, err)
	}
	theirs := []byte("title: {en: T, fr: Traduit}\nid: x\n")
	must(t, os.WriteFile(path, theirs, 0o644))
	err = atomicfile.Replace(f.Path, f.OnDisk(), out)
	if !errors.Is(err, atomicfile.ErrChanged) || !strings.Contains(err.Error(), path) {
		t.Fatalf("got %v, want ErrChanged naming the file", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, theirs) {
		t.Errorf("the other writer's change was lost: %q", got)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
