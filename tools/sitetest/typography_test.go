package sitetest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"
)

// TestFrenchTypography: in the French pages, the text and the attributes read aloud or
// shown (aria-label, title, alt, placeholder, the meta description) follow Canadian
// French typography — a no-break space (U+00A0, or the narrow U+202F) before a colon
// and inside « » — wherever the site writes French. English passages (lang="en…", as in
// an entry whose translation is pending), code and scripts are left out.
func TestFrenchTypography(t *testing.T) {
	s := fixtureSite(t)
	var paths []string
	for p := range s.Pages {
		if strings.HasPrefix(p, "/fr/") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	if len(paths) < 20 {
		t.Fatalf("only %d French pages", len(paths))
	}
	for _, p := range paths {
		page := s.Pages[p]
		if page.IsRedirect() {
			continue
		}
		for _, bad := range frenchTypographyErrors(page.Doc) {
			t.Errorf("%s: %s", p, bad)
		}
	}
}

func TestFrenchTypographyCatches(t *testing.T) {
	for _, c := range []struct {
		html string
		bad  int
	}{
		{"<p>Juridiction\u00a0: Ontario</p>", 0},
		{"<p>Juridiction : Ontario</p>", 1},
		{"<p>«\u00a0Bonjour\u00a0»</p>", 0},
		{"<p>« Bonjour »</p>", 2},
		{`<p lang="en">Note : English</p>`, 0},
		{"<p><code>key : value</code></p>", 0},
		{`<a aria-label="Ontario : 3 études de cas" href="/">x</a>`, 1},
		{`<meta name="description" content="« a »">`, 2},
		{"<p>https://example.org/a:b</p>", 0},
	} {
		doc, err := html.Parse(strings.NewReader(c.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := frenchTypographyErrors(doc); len(got) != c.bad {
			t.Errorf("%s: %d findings %q, want %d", c.html, len(got), got, c.bad)
		}
	}
}

// frenchTypographyErrors lists the places of doc where an ordinary space stands before a
// colon or inside guillemets.
func frenchTypographyErrors(doc *html.Node) []string {
	var out []string
	check := func(where, text string) {
		for i := 0; i < len(text); i++ {
			var bad bool
			switch {
			case text[i] == ':' && i > 0 && text[i-1] == ' ':
				bad = true
			case strings.HasPrefix(text[i:], "« "):
				bad = true
			case text[i] == ' ' && strings.HasPrefix(text[i+1:], "»"):
				bad = true
			}
			if bad {
				from, to := max(0, i-25), min(len(text), i+25)
				out = append(out, where+": ordinary space in "+strings.TrimSpace(text[from:to])+` (use a no-break space, U+00A0)`)
			}
		}
	}
	var walk func(n *html.Node, english bool)
	walk = func(n *html.Node, english bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "code", "pre", "kbd", "samp", "textarea", "svg":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" {
					english = strings.HasPrefix(a.Val, "en")
				}
			}
			if !english {
				for _, a := range n.Attr {
					switch {
					case a.Key == "aria-label", a.Key == "title", a.Key == "alt", a.Key == "placeholder",
						n.Data == "meta" && a.Key == "content":
						check("<"+n.Data+" "+a.Key+">", a.Val)
					}
				}
			}
		}
		if n.Type == html.TextNode && !english {
			check("text", n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, english)
		}
	}
	walk(doc, false)
	return out
}

// TestFrenchInterfaceStrings: every string of i18n/fr.yaml follows the same rules, also
// those the pages only use from JavaScript (filters, calculator, submission form).
func TestFrenchInterfaceStrings(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repo, "i18n", "fr.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	strs := map[string]string{}
	for key, v := range raw {
		switch v := v.(type) {
		case string:
			strs[key] = v
		case map[string]any: // plural forms: one, other
			for form, s := range v {
				strs[key+"."+form], _ = s.(string)
			}
		}
	}
	if len(strs) < 100 {
		t.Fatalf("read only %d strings", len(strs))
	}
	for key, value := range strs {
		doc := &html.Node{Type: html.DocumentNode}
		doc.AppendChild(&html.Node{Type: html.TextNode, Data: value})
		for _, bad := range frenchTypographyErrors(doc) {
			t.Errorf("i18n/fr.yaml: %s: %s", key, bad)
		}
	}
}
