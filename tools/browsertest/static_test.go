package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/sitetest"
)

// These gates read the built site's files: they need Hugo only.

// TestContentSecurityPolicy: every HTML file of the site (pages, 404s, redirects) carries
// one CSP meta at the top of <head>, with a policy that forbids inline script and any
// other host (CheckPolicy).
func TestContentSecurityPolicy(t *testing.T) {
	s := builtSite(t)
	bad := 0
	for _, path := range sortedPages(s.Pages) {
		policy, problems := PageCSP(s.Pages[path].Doc)
		if policy != "" {
			for _, p := range CheckPolicy(policy) {
				// The print edition styles its pages inline (PrintPolicy).
				if !(IsPrintPage(path) && p == "style-src allows 'unsafe-inline'") {
					problems = append(problems, p)
				}
			}
		}
		if IsPrintPage(path) && policy == "" {
			problems = []string{fmt.Sprintf("no CSP meta in the print edition: layouts/home.print.html needs, after <meta charset>:\n<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">", PrintPolicy)}
		}
		for _, p := range problems {
			bad++
			if bad <= 20 {
				t.Errorf("%s: %s", path, p)
			}
		}
	}
	if bad > 20 {
		t.Errorf("… %d problems in all over %d pages; the head partial (layouts/_partials/head.html) and layouts/alias.html need:\n<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">", bad, len(s.Pages), Policy)
	}
}

// TestNoInlineCode: no page has an inline script, an event-handler attribute, a
// javascript: URL or an inline style, all of which the policy blocks.
func TestNoInlineCode(t *testing.T) {
	s := builtSite(t)
	for _, path := range sortedPages(s.Pages) {
		var found []string
		for _, f := range InlineCode(s.Pages[path].Doc) {
			// The print edition may style inline (PrintPolicy), not script.
			if !(IsPrintPage(path) && (strings.Contains(f, "inline style") || strings.Contains(f, "inline <style>"))) {
				found = append(found, f)
			}
		}
		for i, f := range found {
			if i == 5 {
				t.Errorf("%s: … %d in all", path, len(found))
				break
			}
			t.Errorf("%s: %s", path, f)
		}
	}
}

// TestSubresources: what pages load by themselves (images, scripts, stylesheets, icons,
// media) and what stylesheets refer to (url(), @import) is on the site and exists.
// TestInternalLinks (tools/sitetest) checks the links a reader follows.
func TestSubresources(t *testing.T) {
	s := builtSite(t)
	checked := 0
	for _, path := range sortedPages(s.Pages) {
		for _, ref := range Subresources(s.Pages[path].Doc) {
			checked++
			target, _, ok := s.Resolve(path, ref)
			switch {
			case strings.HasPrefix(ref, "data:"):
			case !ok:
				t.Errorf("%s: loads %s from another host", path, ref)
			case !s.Exists(target):
				t.Errorf("%s: loads %s, which is not on the site", path, ref)
			}
		}
	}
	var sheets []string
	for f := range s.Files {
		if strings.HasSuffix(f, ".css") {
			sheets = append(sheets, f)
		}
	}
	slices.Sort(sheets)
	for _, f := range sheets {
		b, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		for _, ref := range sitetest.CSSURLs(string(b)) {
			checked++
			target, _, ok := s.Resolve(f, ref)
			switch {
			case !ok:
				t.Errorf("%s: refers to %s on another host", f, ref)
			case !s.Exists(target):
				t.Errorf("%s: refers to %s, which is not on the site", f, ref)
			}
		}
	}
	if checked == 0 {
		t.Error("no page loads anything: is the stylesheet gone?")
	}
}

func sortedPages[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
