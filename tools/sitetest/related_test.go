package sitetest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestRelatedCaseStudies: a case study lists the others it shares codes with (tools/related),
// in both languages, with their jurisdiction and what they share; an English-only title on
// a French page is marked lang="en"; a case study that shares nothing has no such section.
// In the fixture, alpha-outreach and gamma-inventory share one data source
// (administrative); beta-forecasting shares nothing.
func TestRelatedCaseStudies(t *testing.T) {
	s := fixtureSite(t)
	cases := []struct {
		path, href, lang, text string
	}{
		{"/en/projects/alpha-outreach/", "/en/projects/gamma-inventory/", "", "Gamma open service inventory Alberta; shares: Administrative data"},
		{"/fr/projets/alpha-outreach/", "/fr/projets/gamma-inventory/", "en", "Gamma open service inventory Alberta ; en commun : Données administratives"},
		{"/en/projects/gamma-inventory/", "/en/projects/alpha-outreach/", "", "Alpha outreach mapping Federal (Canada); shares: Administrative data"},
		{"/fr/projets/gamma-inventory/", "/fr/projets/alpha-outreach/", "", "Cartographie de la sensibilisation Alpha Fédéral (Canada) ; en commun : Données administratives"},
	}
	for _, c := range cases {
		p := s.PageAt(c.path)
		if p == nil {
			t.Fatalf("no page %s", c.path)
		}
		sections := Find(p.Doc, func(n *html.Node) bool {
			return n.Data == "section" && Attr(n, "aria-labelledby") == "related-case-studies"
		})
		if len(sections) != 1 {
			t.Errorf("%s: %d related case studies sections, want 1", c.path, len(sections))
			continue
		}
		items := Find(sections[0], func(n *html.Node) bool { return n.Data == "li" })
		if len(items) != 1 {
			t.Errorf("%s: %d related case studies, want 1", c.path, len(items))
			continue
		}
		if got := strings.Join(strings.Fields(strings.ReplaceAll(Text(items[0]), "\u00a0", " ")), " "); got != c.text {
			t.Errorf("%s: related %q, want %q", c.path, got, c.text)
		}
		a := Find(items[0], func(n *html.Node) bool { return n.Data == "a" })
		if len(a) != 1 || Attr(a[0], "href") != c.href || Attr(a[0], "lang") != c.lang {
			t.Errorf("%s: link %v, want href %s lang %q", c.path, a, c.href, c.lang)
		}
		if !hasAttr(sections[0], "data-pagefind-ignore") {
			t.Errorf("%s: the related case studies are indexed for search as the page's own text", c.path)
		}
	}
	for _, path := range []string{"/en/projects/beta-forecasting/", "/fr/projets/beta-forecasting/"} {
		if p := s.PageAt(path); p == nil || strings.Contains(string(p.Raw), "related-case-studies") {
			t.Errorf("%s: a related case studies section, but it shares nothing", path)
		}
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
