package hugodata

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/gen"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"github.com/pssdc/guide-iad/tools/sitetest"
)

func TestWriteJSON(t *testing.T) {
	for _, c := range []struct{ yaml, json string }{
		{"id: a\nexample: true\nn: 42\nx: 1.5\nz: null\n", `{"id":"a","example":true,"n":42,"x":1.5,"z":null}`},
		{"started: 2016-10-03\nreviewed: \"2026-04-22\"\n", `{"started":"2016-10-03","reviewed":"2026-04-22"}`},
		{"title:\n  en: \"A <b> & \\\"q\\\"\"\n  fr: « été »\n", `{"title":{"en":"A \u003cb\u003e \u0026 \"q\"","fr":"« été »"}}`},
		{"themes: [a, b]\nlist:\n  - en: x\n    fr: y\n", `{"themes":["a","b"],"list":[{"en":"x","fr":"y"}]}`},
		{"text: |\n  line one\n\n  line two\n", `{"text":"line one\n\nline two\n"}`},
		{"octal: 0755\nyes: yes\n", `{"octal":493,"yes":"yes"}`},
	} {
		doc, err := corpus.ParseYAML([]byte(c.yaml))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := writeJSON(&b, doc.Content[0]); err != nil {
			t.Fatalf("%q: %v", c.yaml, err)
		}
		if b.String() != c.json {
			t.Errorf("%q:\n got %s\nwant %s", c.yaml, b.String(), c.json)
		}
	}
}

func TestWriteRefusesWhatValidateRefuses(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	os.MkdirAll(filepath.Join(data, "projects"), 0o755)
	os.WriteFile(filepath.Join(data, "projects", "a.yaml"), []byte("a: &x 1\nb: *x\n"), 0o644)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, Marker), nil, 0o644)
	os.WriteFile(filepath.Join(out, "keep.json"), []byte("{}"), 0o644)
	err := Write(data, out, dir)
	if err == nil || !strings.Contains(err.Error(), "a.yaml") || !strings.Contains(err.Error(), "a.yaml:1:4: error: YAML anchor") {
		t.Fatalf("err = %v, want the reader's first error (the anchor)", err)
	}
	if _, err := os.Stat(filepath.Join(out, "keep.json")); err != nil {
		t.Errorf("a failed Write touched the previous copy: %v", err)
	}
	if _, err := os.Stat(out + ".new"); !os.IsNotExist(err) {
		t.Errorf("a failed Write left %s.new behind", out)
	}
}

// TestSameSite builds the fixture corpus, the guide's own data and a generated corpus
// twice each, from the YAML files (Hugo's own reading) and from the JSON copy, and
// requires the very same files.
//
// The generated corpus (1,000 projects, 100 contacts drawn from a small pool of names)
// also makes the test one of reproducible builds: people share names and expertise, so a
// template that sorts a map (Hugo's `sort` visits a map in random order, and its stable
// sort keeps that order among equal names) gives two different pages. It is a
// probabilistic check: with some 25 shared names, two builds agree by chance only when
// every tie falls the same way (it failed on the first run against such a template).
func TestSameSite(t *testing.T) {
	generated := filepath.Join(t.TempDir(), "data")
	if err := gen.Write(generated, gen.Options{Projects: 1000, Seed: 7, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		t.Fatal(err)
	}
	for name, corpus := range map[string]string{"fixture": "../check/testdata/valid", "data": "../../data", "generated": generated} {
		t.Run(name, func(t *testing.T) { sameSite(t, corpus) })
	}
}

func sameSite(t *testing.T, corpus string) {
	const repo = "../.."
	dir := t.TempDir()
	site, err := sitetest.Stage(repo, corpus, dir)
	if err != nil {
		t.Fatal(err)
	}
	// Both builds get the derived data (history, related case studies), as make serve
	// (beside data/) and make site (beside the copy) give it.
	data, derived := filepath.Join(site, "data"), filepath.Join(site, "tmp", "hugo-derived")
	serveConf := derived + ".toml"
	if _, err := Derive(data, derived, site, serveConf, data); err != nil {
		t.Fatal(err)
	}
	fromYAML := filepath.Join(dir, "public-yaml")
	if _, err := sitetest.Build(repo, site, fromYAML, "--config", filepath.Join(site, "config.toml")+","+serveConf); err != nil {
		t.Fatal(err)
	}
	copyDir := filepath.Join(site, "tmp", "hugo-data")
	if err := Write(data, copyDir, site); err != nil {
		t.Fatal(err)
	}
	if _, err := Derive(data, derived, site, copyDir+".toml", copyDir); err != nil {
		t.Fatal(err)
	}
	// Without data/, the build can only have read the copy.
	if err := os.RemoveAll(data); err != nil {
		t.Fatal(err)
	}
	fromJSON := filepath.Join(dir, "public-json")
	if _, err := sitetest.Build(repo, site, fromJSON, "--config", filepath.Join(site, "config.toml")+","+copyDir+".toml"); err != nil {
		t.Fatal(err)
	}
	a, b := testutil.ReadTree(t, fromYAML), testutil.ReadTree(t, fromJSON)
	if name := "en/projects/alpha-outreach/index.html"; b[name] != nil && !bytes.Contains(b[name], []byte(`id="related-case-studies"`)) {
		t.Errorf("%s: no related case studies: the derived data did not reach the build", name)
	}
	if len(a) < 100 {
		t.Fatalf("only %d files built", len(a))
	}
	for name, content := range a {
		other, ok := b[name]
		switch {
		case !ok:
			t.Errorf("%s: built from YAML only", name)
		case !bytes.Equal(content, other):
			t.Errorf("%s differs:\n%s", name, firstDifference(content, other))
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			t.Errorf("%s: built from JSON only", name)
		}
	}
}

func firstDifference(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "  yaml: " + string(a[from:min(len(a), i+80)]) + "\n  json: " + string(b[from:min(len(b), i+80)])
}

// TestWriteRefusesOut: Write never empties or replaces a folder it did not make, one
// inside data/, or one holding data/ or the project; each refusal leaves it whole.
func TestWriteRefusesOut(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, site string) string // returns -out
		want  string                                 // in the error; "" when accepted
	}{
		{"new folder", func(t *testing.T, site string) string { return filepath.Join(site, "tmp", "hugo-data") }, ""},
		{"empty folder", func(t *testing.T, site string) string {
			out := filepath.Join(site, "empty")
			mustMkdir(t, out)
			return out
		}, ""},
		{"its own copy", func(t *testing.T, site string) string {
			out := filepath.Join(site, "copy")
			mustMkdir(t, out)
			mustWrite(t, filepath.Join(out, Marker), "")
			mustWrite(t, filepath.Join(out, "stale.json"), "{}")
			return out
		}, ""},
		{"a copy made before the marker", func(t *testing.T, site string) string {
			out := filepath.Join(site, "old-copy")
			mustMkdir(t, filepath.Join(out, "projects"))
			mustWrite(t, filepath.Join(out, "projects", "a.json"), "{}")
			mustWrite(t, out+".toml", "# Generated by guide hugo-data: Hugo reads the JSON copy\n")
			return out
		}, ""},
		{"json files without the mount", func(t *testing.T, site string) string {
			out := filepath.Join(site, "static")
			mustMkdir(t, out)
			mustWrite(t, filepath.Join(out, "data.json"), "{}")
			return out
		}, "did not make"},
		{"docs", func(t *testing.T, site string) string {
			out := filepath.Join(site, "docs")
			mustMkdir(t, out)
			mustWrite(t, filepath.Join(out, "validator.md"), "# keep me")
			return out
		}, "did not make"},
		{"docs.new beside", func(t *testing.T, site string) string {
			mustMkdir(t, filepath.Join(site, "docs.new"))
			mustWrite(t, filepath.Join(site, "docs.new", "notes.md"), "keep")
			return filepath.Join(site, "docs")
		}, "did not make"},
		{"foreign toml", func(t *testing.T, site string) string {
			mustWrite(t, filepath.Join(site, "config.toml"), "baseURL = 'x'\n")
			return filepath.Join(site, "config")
		}, "did not write it"},
		{"inside data", func(t *testing.T, site string) string { return filepath.Join(site, "data", "projects", "out") }, "inside the data folder"},
		{"data itself", func(t *testing.T, site string) string { return filepath.Join(site, "data") }, "inside the data folder"},
		{"the project", func(t *testing.T, site string) string { return site }, "holds"},
		{"above the project", func(t *testing.T, site string) string { return filepath.Dir(site) }, "holds"},
		{"a link to data", func(t *testing.T, site string) string {
			link := filepath.Join(site, "linked")
			if err := os.Symlink(filepath.Join(site, "data"), link); err != nil {
				t.Fatal(err)
			}
			return link
		}, "inside the data folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := filepath.Join(t.TempDir(), "site")
			mustMkdir(t, filepath.Join(site, "data", "projects"))
			mustWrite(t, filepath.Join(site, "data", "projects", "a.yaml"), "id: a\n")
			out := c.setup(t, site)
			before := snapshot(t, filepath.Dir(site))
			err := Write(filepath.Join(site, "data"), out, site)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if _, err := os.Stat(filepath.Join(out, "projects", "a.json")); err != nil {
					t.Error(err)
				}
				if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
					t.Errorf("no marker: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error saying %q", err, c.want)
			}
			if after := snapshot(t, filepath.Dir(site)); after != before {
				t.Errorf("a refused Write changed files:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// TestWriteLinks: a link in data/ leading outside is refused (its content is never
// copied); data/ itself a link is read through.
func TestWriteLinks(t *testing.T) {
	site := t.TempDir()
	real := filepath.Join(site, "realdata") // a folder of the same project
	mustMkdir(t, filepath.Join(real, "projects"))
	mustWrite(t, filepath.Join(real, "projects", "a.yaml"), "id: a\n")
	if err := os.Symlink(real, filepath.Join(site, "data")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(site, "out")
	if err := Write(filepath.Join(site, "data"), out, site); err != nil {
		t.Fatalf("data/ as a link: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "projects", "a.json")); string(b) != `{"id":"a"}` {
		t.Errorf("got %q", b)
	}
	secret := filepath.Join(t.TempDir(), "secret.yaml")
	mustWrite(t, secret, "password: hunter2\n")
	if err := os.Symlink(secret, filepath.Join(real, "projects", "b.yaml")); err != nil {
		t.Fatal(err)
	}
	err := Write(filepath.Join(site, "data"), out, site)
	if err == nil || !strings.Contains(err.Error(), "b.yaml") || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("got %v, want a refusal of the link b.yaml", err)
	}
	filepath.WalkDir(site, func(path string, d fs.DirEntry, err error) error {
		if d != nil && d.Type().IsRegular() && bytes.Contains(must(os.ReadFile(path)), []byte("hunter2")) {
			t.Errorf("%s holds the content of the link's target", path)
		}
		return nil
	})
}

// TestWriteSizeLimit: an oversized file is refused at once, without being read whole.
func TestWriteSizeLimit(t *testing.T) {
	site := t.TempDir()
	data := filepath.Join(site, "data")
	mustMkdir(t, data)
	mustWrite(t, filepath.Join(data, "taxonomy.yaml"), "themes:\n"+strings.Repeat("  - {code: x, en: y, fr: z}\n", 100_000))
	err := Write(data, filepath.Join(site, "out"), site)
	if err == nil || !strings.Contains(err.Error(), "taxonomy.yaml: error: file is") {
		t.Fatalf("got %v, want the size limit", err)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot lists every file under root with its content's length, to tell whether
// anything changed.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil {
			info, _ := d.Info()
			fmt.Fprintf(&b, "%s:%d ", path, info.Size())
		}
		return nil
	})
	return b.String()
}

func must(b []byte, _ error) []byte { return b }
