package sitetest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/searchkw"
	"golang.org/x/net/html"
)

// sections are the entry kinds' URL segments per language (config.toml, params.paths).
var sections = map[string]map[string]string{
	"en": {"projects": "projects", "practices": "practices", "resources": "resources"},
	"fr": {"projects": "projets", "practices": "pratiques", "resources": "ressources"},
}

// keywordsOf returns the texts of the hidden keyword paragraphs of p.
func keywordsOf(p *Page) []string {
	var out []string
	for _, n := range Find(p.Doc, func(n *html.Node) bool {
		return n.Data == "p" && hasAttr(n, "hidden") && Attr(n, "data-pagefind-weight") == "3"
	}) {
		out = append(out, Text(n))
	}
	return out
}

// TestSearchKeywordsPrinted: every case study, practice and resource page of the
// fixture, in both languages, has the line package searchkw computes for it, once,
// inside its indexed body (or no paragraph when the line is empty).
func TestSearchKeywordsPrinted(t *testing.T) {
	s := fixtureSite(t)
	k, err := searchkw.Compute(fixture)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for lang, kinds := range k {
		for kind, lines := range kinds {
			for id, line := range lines {
				n++
				path := "/" + lang + "/" + sections[lang][kind] + "/" + id + "/"
				p := s.PageAt(path)
				if p == nil {
					t.Errorf("no page %s", path)
					continue
				}
				got, want := keywordsOf(p), []string{line}
				if line == "" {
					want = nil
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
					t.Errorf("%s: keywords %q, want %q", path, got, want)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("%d pages with keywords, want at least 10", n)
	}
}

// TestSearchKeywordsData: the partial prints the derived line as text, escaped, and a
// build whose derived data lack an entry's line (older than the entries) fails, naming
// the entry's file, instead of publishing a page the search no longer finds.
func TestSearchKeywordsData(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(k searchkw.Keywords)
		failed string // the error the build must fail with; "" for a build that succeeds
	}{
		{"markup in a line is text", func(k searchkw.Keywords) {
			k["en"]["projects"]["beta-forecasting"] = `<b onmouseover="x()">CRA</b> & ARC`
		}, ""},
		{"stale derived data", func(k searchkw.Keywords) {
			delete(k["fr"]["practices"], "start-small")
		}, "data/practices/start-small.yaml: no search keywords in the derived data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			site, err := Stage(repo, fixture, dir)
			if err != nil {
				t.Fatal(err)
			}
			conf, err := Keywords(site)
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(site, "tmp", "keywords", searchkw.File)
			var k searchkw.Keywords
			if b, err := os.ReadFile(file); err != nil || json.Unmarshal(b, &k) != nil {
				t.Fatalf("%s: %v", file, err)
			}
			c.edit(k)
			b, _ := json.Marshal(k)
			if err := os.WriteFile(file, b, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "public")
			output, err := Build(repo, site, out, "--config", filepath.Join(site, "config.toml")+","+conf)
			if c.failed != "" {
				if err == nil || !strings.Contains(string(output), c.failed) {
					t.Fatalf("build error %v, want one saying %q", err, c.failed)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(filepath.Join(out, "en", "projects", "beta-forecasting", "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			want := `<p hidden data-pagefind-weight="3">&lt;b onmouseover=&#34;x()&#34;&gt;CRA&lt;/b&gt; &amp; ARC</p>`
			if !strings.Contains(string(raw), want) {
				t.Errorf("beta-forecasting: no %s", want)
			}
		})
	}
}
