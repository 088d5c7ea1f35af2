package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoDeadEnds: a jurisdiction with no case study (Nunavut, with one consented and one
// unconsented resource person in testdata/deadend) lists its consented resource person
// with her working languages, comparable case studies (the federal one), the practice and
// resource that case study followed and used, and the ways
// on, says "no case study" in words in both languages, and shows nothing of the person
// who did not consent; a case study's contact card gives the working languages in the
// page's language.
func TestNoDeadEnds(t *testing.T) {
	dir := t.TempDir()
	site, err := Stage(repo, fixture, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := copyTree("testdata/deadend", filepath.Join(site, "data")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := Build(repo, site, out); err != nil {
		t.Fatal(err)
	}
	page := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return normalizeSpaces(strings.ReplaceAll(string(b), "\u00a0", " "))
	}
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/en/jurisdictions/ca-nu/", []string{
			"No case studies yet.", "Resource persons in this jurisdiction", "Nia North",
			"nia.north@example.org", "Works in", "Inuktitut, English",
			"Comparable case studies nearby", `href="/en/projects/alpha-outreach/"`,
			"Practices and resources of these case studies", `href="/en/practices/start-small/"`, `href="/en/resources/index-tool/"`,
			`href="/en/practices/"`, `href="/en/resources/"`, `href="/en/submit/"`,
		}},
		{"/fr/juridictions/ca-nu/", []string{
			"Aucune étude de cas pour l'instant.", "Personnes-ressources de cette administration",
			"Nia North", "Langues de travail", "Inuktitut, Anglais",
			"Études de cas comparables à proximité", `href="/fr/projets/alpha-outreach/"`,
			"Pratiques et ressources de ces études de cas", `href="/fr/pratiques/start-small/"`, `href="/fr/ressources/index-tool/"`,
			`href="/fr/soumettre/"`,
		}},
		// The case study's card: working languages in the page's language.
		{"/en/projects/alpha-outreach/", []string{"Casey River", "Works in", "English, French"}},
		{"/fr/projets/alpha-outreach/", []string{"Casey River", "Langues de travail", "Anglais, Français"}},
		// A jurisdiction with case studies keeps its list and gains its people.
		{"/en/jurisdictions/ca/", []string{"1 case study", "Casey River"}},
	} {
		got := page(c.path)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q", c.path, w)
			}
		}
		for _, not := range []string{"Omar Ice", "omar.ice", "omar-ice", "0 case studies", "0 études de cas"} {
			if strings.Contains(got, not) {
				t.Errorf("%s shows %q", c.path, not)
			}
		}
	}
}
