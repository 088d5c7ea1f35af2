package sitetest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
	// The compiled browser programs (assets/wasm/, published as /wasm/NAME.HASH.wasm)
	// and the search index (pagefind/) are made by make, not by Hugo: a fresh clone's
	// test build has neither (TestRelease checks them in the whole release).
	if checked := checkAddresses(t, s, prefix, "/wasm/", "/pagefind/"); checked < 200 {
		t.Errorf("only %d addresses checked; the site looks empty", checked)
	}
}

// checkAddresses reports, as test errors, what CheckLinks finds in the built site s
// served under the path prefix ("/" or "/sub/"), and returns how many addresses it
// checked.
func checkAddresses(t *testing.T, s *Site, prefix string, notBuilt ...string) int {
	t.Helper()
	problems, checked := CheckLinks(s, strings.TrimSuffix(BaseURL, "/")+prefix, notBuilt...)
	for _, p := range problems {
		t.Error(p)
	}
	return checked
}

func TestCSSURLs(t *testing.T) {
	css := `@import "base.css"; @font-face{src:url(/fonts/a.woff2) format("woff2"),url('b.woff')} .x{background:url("data:image/png;base64,AA")} .y{mask:url(#m)}`
	if got, want := CSSURLs(css), []string{"base.css", "/fonts/a.woff2", "b.woff"}; !slices.Equal(got, want) {
		t.Errorf("CSSURLs = %q, want %q", got, want)
	}
}
