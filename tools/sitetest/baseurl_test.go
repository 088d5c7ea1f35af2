package sitetest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestBaseURLWithPath builds the fixture site under a baseURL with a path, as GitHub
// Pages serves a project site (https://OWNER.github.io/REPO/), and requires every URL
// the pages and stylesheets give the browser (links, scripts, forms, the data-*
// addresses read by scripts, CSS url()) to stay under that path and name a built file.
// A root-relative "/evi/sample.csv" would leave the site there.
func TestBaseURLWithPath(t *testing.T) {
	const prefix = "/sub/"
	dir := t.TempDir()
	site, err := Stage(repo, fixture, dir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := Build(repo, site, out, "--baseURL", strings.TrimSuffix(BaseURL, "/")+prefix); err != nil {
		t.Fatal(err)
	}
	s, err := Read(out)
	if err != nil {
		t.Fatal(err)
	}
	// The compiled browser programs (static/wasm/) and the search index (pagefind/) are
	// made by make, not by Hugo: a fresh clone's test build has neither (TestRelease
	// checks them in the whole release).
	if checked := checkAddresses(t, s, prefix, "/wasm/", "/pagefind/"); checked < 200 {
		t.Errorf("only %d addresses checked; the site looks empty", checked)
	}
}

// checkAddresses requires every URL that the pages and stylesheets of the built site s
// give the browser (links, scripts, forms, the data-* addresses read by scripts, CSS
// url()) to stay under the site's path prefix ("/" or "/sub/") and name a built file,
// except those under the given site paths (not built). It returns how many it checked.
func checkAddresses(t *testing.T, s *Site, prefix string, notBuilt ...string) int {
	t.Helper()
	host := strings.TrimSuffix(BaseURL, "/")
	checked := 0
	check := func(where, u string) {
		switch {
		case strings.HasPrefix(u, host+"/"):
			u = strings.TrimPrefix(u, host)
		case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//"):
		default:
			return // relative, external, data: or fragment-only
		}
		checked++
		if !strings.HasPrefix(u, prefix) {
			t.Errorf("%s: %q is outside the site's path %s", where, u, prefix)
			return
		}
		path := "/" + strings.TrimPrefix(u, prefix)
		path, _, _ = strings.Cut(path, "#")
		path, _, _ = strings.Cut(path, "?")
		for _, p := range notBuilt {
			if strings.HasPrefix(path, p) {
				return
			}
		}
		if !s.Exists(path) {
			t.Errorf("%s: %q names no built file", where, u)
		}
	}
	for path, page := range s.Pages {
		for _, n := range Find(page.Doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" || a.Key == "action" || strings.HasPrefix(a.Key, "data-") {
					check(path+" <"+n.Data+" "+a.Key+">", a.Val)
				}
			}
		}
	}
	for path := range s.Files {
		if !strings.HasSuffix(path, ".css") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(path)))
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range CSSURLs(string(b)) {
			check(path+" url()", u)
		}
	}
	return checked
}

func TestCSSURLs(t *testing.T) {
	css := `@import "base.css"; @font-face{src:url(/fonts/a.woff2) format("woff2"),url('b.woff')} .x{background:url("data:image/png;base64,AA")} .y{mask:url(#m)}`
	if got, want := CSSURLs(css), []string{"base.css", "/fonts/a.woff2", "b.woff"}; !slices.Equal(got, want) {
		t.Errorf("CSSURLs = %q, want %q", got, want)
	}
}
