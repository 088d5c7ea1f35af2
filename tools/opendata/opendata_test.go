package opendata

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/gen"
	"github.com/pssdc/guide-iad/tools/internal/csvcell"
)

// TestCSVCells: every text cell and every list item of the CSV files goes through
// csvcell (the rule of every CSV the project writes), and the file is RFC 4180 with a
// byte order mark, all fields quoted, CRLF records; the header is left alone.
func TestCSVCells(t *testing.T) {
	table := Table{Name: "t", Fields: []Field{
		{Name: "text", Type: "string"},
		{Name: "md", Type: "string", Markdown: true},
		{Name: "codes", Type: "string", List: true},
		{Name: "lines", Type: "string", List: true, Lines: true},
		{Name: "flag", Type: "boolean"},
	}}
	var rs []obj
	for _, c := range csvcell.Cases {
		rs = append(rs, obj{"text": c.In, "md": "# not in CSV", "codes": []any{c.In, "b"}, "lines": []any{c.In, "x\ny"}, "flag": true})
	}
	_, b, err := encode(table, rs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\ufeff\"text\",\"codes\",\"lines\",\"flag\"\r\n")) {
		t.Fatalf("header: %q", b[:min(len(b), 60)])
	}
	r := csv.NewReader(bytes.NewReader(b[3:]))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(csvcell.Cases)+1 {
		t.Fatalf("%d records for %d cases", len(recs), len(csvcell.Cases))
	}
	for i, c := range csvcell.Cases {
		// A list is one cell, neutralised as a whole; a line break in an item of a
		// "lines" list becomes a space.
		want := []string{c.Out, csvcell.Escape(c.In + ";b"), csvcell.Escape(strings.ReplaceAll(c.In, "\n", " ") + "\nx y"), "true"}
		for j := range want {
			if recs[i+1][j] != want[j] {
				t.Errorf("case %q, column %s: %q, want %q", c.In, recs[0][j], recs[i+1][j], want[j])
			}
		}
	}
	if n := bytes.Count(b, []byte("\r\n")); n != len(csvcell.Cases)+1 || !bytes.HasSuffix(b, []byte("\"true\"\r\n")) {
		t.Errorf("%d CRLF for %d records, or no CRLF at the end", n, len(csvcell.Cases)+1)
	}
}

// TestPlain: the plain text of Markdown fields, as the site's plain-text partial gave
// it (the expected texts are what the Hugo templates wrote for the same Markdown).
func TestPlain(t *testing.T) {
	for _, c := range []struct {
		md, want string
		line     bool
	}{
		{"Many clients could not **use** it.\n\n### Context\n\nOffices were far.\n", "Many clients could not use it.\nContext\nOffices were far.", false},
		{"See [the beta page](/en/projects/beta/).", "See the beta page.", false},
		{"Pick one.\n\n- Name the decision.\n- Find the data.\n", "Pick one.\nName the decision.\nFind the data.", false},
		{"A *lesson*\non two lines.", "A lesson on two lines.", true},
		{"Two.\n\nParagraphs.", "Two. Paragraphs.", true},
		{"Fish & chips < 5 \"quoted\" 'single' a+b `x<y`", "Fish & chips < 5 \"quoted\" 'single' a+b x<y", false},
		{"Shortcode {{< x >}} and `{{% y %}}`", "Shortcode {{< x >}} and {&#123;% y %}}", false},
		{"Raw <b>HTML</b> is dropped.", "Raw HTML is dropped.", false},
		{"> Quoted\n> text.\n\nAfter.", "Quoted text.\nAfter.", false},
		// Hugo's plainify drops a line break that follows a space: a table row's cells
		// end with one, so a table comes out on one line.
		{"| a | b |\n|---|---|\n| 1 | 2 |\n", "a b 1 2", false},
		{"", "", false},
	} {
		if got := Plain(c.md, c.line); got != c.want {
			t.Errorf("Plain(%q, %v) = %q, want %q", c.md, c.line, got, c.want)
		}
	}
}

// BenchmarkBuild: the open data of a generated corpus of 10,000 projects, both
// languages, from reading data/ to the files' bytes (not written).
func BenchmarkBuild(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "data")
	if err := gen.Write(dir, gen.Options{Projects: 10000, Seed: 7, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		b.Fatal(err)
	}
	sc, err := LoadSchema("../..")
	if err != nil {
		b.Fatal(err)
	}
	site, err := LoadSite("../../config.toml", "")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		d, err := LoadData(dir, "", false)
		if err != nil {
			b.Fatal(err)
		}
		files, err := Build(sc, d, site)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, f := range files {
			n += len(f)
		}
		b.ReportMetric(float64(n)/1e6, "MB")
	}
}

// TestWriteRefuses: Write replaces only a folder it made, and writes nothing into the
// data folder.
func TestWriteRefuses(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.CopyFS(data, os.DirFS("../check/testdata/valid")); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "keep.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ out, want string }{
		{docs, "is not a folder guide opendata made"},
		{dir, "is not a folder guide opendata made"},
		{data, "is inside the data folder"},
		{filepath.Join(data, "opendata"), "is inside the data folder"},
	} {
		_, err := Write(Options{DataDir: data, SiteDir: "../..", ConfigFile: "../../config.toml", Out: c.out})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("-out %s: err = %v, want %q", c.out, err, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(docs, "keep.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(data, "opendata")); !os.IsNotExist(err) {
		t.Errorf("a folder was made in the data folder: %v", err)
	}
	out := filepath.Join(dir, "tmp", "opendata")
	files, err := Write(Options{DataDir: data, SiteDir: "../..", ConfigFile: "../../config.toml", Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(Options{DataDir: data, SiteDir: "../..", ConfigFile: "../../config.toml", Out: out}); err != nil {
		t.Fatalf("writing again into its own folder: %v", err)
	}
	conf, err := os.ReadFile(out + ".toml")
	if err != nil || !strings.Contains(string(conf), "staticDir = [\"static\", ") || !strings.Contains(string(conf), fmt.Sprintf("csv = %d\n", len(files["en/projects.csv"]))) {
		t.Errorf("%s.toml: %v\n%s", out, err, conf)
	}
}
