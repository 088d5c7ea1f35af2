package sitetest

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pssdc/guide-iad/tools/hugodata"
	"golang.org/x/net/html"
)

const (
	repo    = "../.."
	fixture = "../check/testdata/valid"
)

var (
	buildOnce sync.Once
	built     *Site
	buildErr  error
)

// fixtureSite builds the fixture corpus once for all tests of the package, as make serve
// does: Hugo reads data/ and the derived data (related case studies; no history, the
// staged site is no git repository).
func fixtureSite(t *testing.T) *Site {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "guide-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		site, err := Stage(repo, fixture, dir)
		if err != nil {
			buildErr = err
			return
		}
		data, toml := filepath.Join(site, "data"), filepath.Join(site, "tmp", "hugo-derived.toml")
		if _, err := hugodata.Derive(data, filepath.Join(site, "tmp", "hugo-derived"), site, toml, data); err != nil {
			buildErr = err
			return
		}
		out := filepath.Join(dir, "public")
		if _, err := Build(repo, site, out, "--config", filepath.Join(site, "config.toml")+","+toml); err != nil {
			buildErr = err
			return
		}
		built, buildErr = Read(out)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return built
}

// pairs of the fixture's entries: English path, French path.
var fixturePages = [][2]string{
	{"/en/", "/fr/"},
	{"/en/projects/", "/fr/projets/"},
	{"/en/projects/alpha-outreach/", "/fr/projets/alpha-outreach/"},
	{"/en/projects/beta-forecasting/", "/fr/projets/beta-forecasting/"},
	{"/en/projects/gamma-inventory/", "/fr/projets/gamma-inventory/"},
	{"/en/practices/", "/fr/pratiques/"},
	{"/en/practices/start-small/", "/fr/pratiques/start-small/"},
	{"/en/resources/", "/fr/ressources/"},
	{"/en/resources/index-tool/", "/fr/ressources/index-tool/"},
	{"/en/contacts/", "/fr/personnes-ressources/"},
	{"/en/jurisdictions/", "/fr/juridictions/"},
	{"/en/jurisdictions/ca-on/", "/fr/juridictions/ca-on/"},
	{"/en/levels/", "/fr/ordres-de-gouvernement/"},
	{"/en/themes/", "/fr/themes/"},
	{"/en/themes/digital-inclusion/", "/fr/themes/digital-inclusion/"},
	{"/en/techniques/", "/fr/techniques/"},
	{"/en/stages/", "/fr/etapes/"},
	{"/en/data-sources/", "/fr/sources-de-donnees/"},
	{"/en/about/", "/fr/a-propos/"},
	{"/en/submit/", "/fr/soumettre/"},
	{"/en/licence/", "/fr/licence/"},
}

func TestPagesExistInBothLanguages(t *testing.T) {
	s := fixtureSite(t)
	for _, pair := range fixturePages {
		for i, p := range pair {
			page := s.PageAt(p)
			if page == nil {
				t.Errorf("missing page %s", p)
				continue
			}
			want := []string{"en-CA", "fr-CA"}[i]
			if got := Attr(Find(page.Doc, is("html"))[0], "lang"); got != want {
				t.Errorf("%s: <html lang=%q>, want %q", p, got, want)
			}
		}
	}
}

// TestCounterparts: on every page, the hreflang alternates in <head> and the visible
// language toggle both lead to the same page in the other language, and back.
func TestCounterparts(t *testing.T) {
	s := fixtureSite(t)
	for path, page := range s.Pages {
		if page.IsRedirect() || !strings.HasPrefix(path, "/en/") && !strings.HasPrefix(path, "/fr/") {
			continue
		}
		lang, other := "en", "fr"
		if strings.HasPrefix(path, "/fr/") {
			lang, other = "fr", "en"
		}
		alternates := map[string]string{}
		for _, l := range Find(page.Doc, func(n *html.Node) bool {
			return n.Data == "link" && Attr(n, "rel") == "alternate" && Attr(n, "hreflang") != ""
		}) {
			target, _, ok := s.Resolve(path, Attr(l, "href"))
			if !ok {
				t.Errorf("%s: alternate %s leaves the site", path, Attr(l, "href"))
				continue
			}
			alternates[Attr(l, "hreflang")] = target
		}
		for _, hl := range []string{"en-CA", "fr-CA"} {
			if alternates[hl] == "" {
				t.Errorf("%s: no <link rel=alternate hreflang=%s>", path, hl)
			} else if !s.Exists(alternates[hl]) {
				t.Errorf("%s: alternate %s → %s does not exist", path, hl, alternates[hl])
			}
		}
		if alternates[lang+"-CA"] != path {
			t.Errorf("%s: its own alternate is %s", path, alternates[lang+"-CA"])
		}
		toggles := Find(page.Doc, func(n *html.Node) bool {
			return n.Data == "a" && strings.HasPrefix(Attr(n, "hreflang"), other)
		})
		if len(toggles) == 0 {
			t.Errorf("%s: no language toggle (<a hreflang=%s>)", path, other)
			continue
		}
		target, _, ok := s.Resolve(path, Attr(toggles[0], "href"))
		if !ok || target != alternates[other+"-CA"] {
			t.Errorf("%s: toggle → %s, alternate → %s", path, target, alternates[other+"-CA"])
			continue
		}
		back := s.PageAt(target)
		if back == nil {
			t.Errorf("%s: toggle target %s is not a page", path, target)
			continue
		}
		backToggles := Find(back.Doc, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(Attr(n, "hreflang"), lang) })
		if len(backToggles) == 0 {
			t.Errorf("%s: no toggle back to %s", target, lang)
			continue
		}
		if b, _, _ := s.Resolve(target, Attr(backToggles[0], "href")); b != path {
			t.Errorf("%s → %s, but its toggle leads back to %s", path, target, b)
		}
	}
}

// TestInternalLinks: every link and anchor within the site resolves.
func TestInternalLinks(t *testing.T) {
	s := fixtureSite(t)
	ids := map[string]map[string]bool{}
	checked := 0
	for path, page := range s.Pages {
		for _, n := range Find(page.Doc, func(n *html.Node) bool { return (n.Data == "a" || n.Data == "link") && Attr(n, "href") != "" }) {
			href := Attr(n, "href")
			target, frag, ok := s.Resolve(path, href)
			if !ok {
				continue
			}
			checked++
			if !s.Exists(target) {
				t.Errorf("%s: broken link %s", path, href)
				continue
			}
			if frag == "" {
				continue
			}
			tp := s.PageAt(target)
			if tp == nil {
				continue
			}
			if ids[target] == nil {
				ids[target] = IDs(tp.Doc)
			}
			if !ids[target][frag] {
				t.Errorf("%s: link %s: no id %q on %s", path, href, frag, target)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d internal links checked; the site looks empty", checked)
	}
}

// TestCaseStudyContent: a case study shows its sections, labels and links.
func TestCaseStudyContent(t *testing.T) {
	s := fixtureSite(t)
	en := string(s.PageAt("/en/projects/alpha-outreach/").Raw)
	fr := string(s.PageAt("/fr/projets/alpha-outreach/").Raw)
	for _, want := range []string{
		"Alpha outreach mapping", "Fictional Federal Agency", "Statistics partner",
		"Illustrative example", "Start with the service question.",
		"People reached", "12,000",
		`href="/en/themes/digital-inclusion/"`, `href="/en/techniques/geospatial-analysis/"`,
		`href="/en/data-sources/census/"`, `href="/en/jurisdictions/ca/"`,
		`href="/en/practices/start-small/"`, `href="/en/resources/index-tool/"`,
		"casey.river@example.org", "Director of analytics",
		"April 1, 2019", "March 31, 2021", "May 1, 2026",
		"https://www12.statcan.gc.ca/census-recensement/index-eng.cfm",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("English case study lacks %q", want)
		}
	}
	for _, want := range []string{
		"Cartographie de la sensibilisation Alpha", "Exemple illustratif",
		"1er\u00a0avril\u00a02019", "31\u00a0mars\u00a02021",
		`href="/fr/themes/digital-inclusion/"`, `href="/fr/pratiques/start-small/"`,
		"Directrice de l'analytique",
	} {
		want = strings.ReplaceAll(want, "\u00a0", " ")
		if !strings.Contains(normalizeSpaces(fr), want) {
			t.Errorf("French case study lacks %q", want)
		}
	}
}

// TestConsent: a contact without consent appears nowhere.
func TestConsent(t *testing.T) {
	s := fixtureSite(t)
	for path, page := range s.Pages {
		if strings.Contains(string(page.Raw), "dana.lake@example.org") || strings.Contains(string(page.Raw), "Dana Lake") {
			t.Errorf("%s shows a contact who has not consented", path)
		}
	}
	dir := string(s.PageAt("/en/contacts/").Raw)
	if !strings.Contains(dir, "Casey River") {
		t.Error("contacts directory lacks the consented contact")
	}
}

// TestPendingTranslation: the French page of an English-only entry says so and links
// to the English page.
func TestPendingTranslation(t *testing.T) {
	s := fixtureSite(t)
	fr := s.PageAt("/fr/projets/gamma-inventory/")
	if fr == nil {
		t.Fatal("no French page for the entry whose translation is pending")
	}
	links := Find(fr.Doc, func(n *html.Node) bool {
		return n.Data == "a" && Attr(n, "href") != "" && strings.HasSuffix(Attr(n, "href"), "/en/projects/gamma-inventory/")
	})
	if len(links) == 0 {
		t.Error("pending-translation page does not link to the English page")
	}
	if !regexp.MustCompile(`(?i)traduction`).Match(fr.Raw) {
		t.Error("pending-translation page has no notice mentioning the translation")
	}
	if !strings.Contains(string(fr.Raw), "Gamma open service inventory") {
		t.Error("pending-translation page does not show the available text")
	}
	// The English text shown on a French page is marked as English for screen readers.
	marked := Find(fr.Doc, func(n *html.Node) bool { return Attr(n, "lang") == "en" || Attr(n, "lang") == "en-CA" })
	if len(marked) == 0 {
		t.Error("English text on the French page carries no lang attribute")
	}
}

// TestMissingInterfaceStringFailsBuild removes one interface string used by the
// layouts from i18n/fr.yaml: the build must fail.
func TestMissingInterfaceStringFailsBuild(t *testing.T) {
	dir := t.TempDir()
	site, err := Stage(repo, fixture, dir)
	if err != nil {
		t.Fatal(err)
	}
	key := usedI18nKey(t)
	frPath := filepath.Join(site, "i18n", "fr.yaml")
	src, err := os.ReadFile(frPath)
	if err != nil {
		t.Fatal(err)
	}
	stripped := removeKey(string(src), key)
	if stripped == string(src) {
		t.Fatalf("could not remove key %q from i18n/fr.yaml", key)
	}
	if err := os.WriteFile(frPath, []byte(stripped), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Build(repo, site, filepath.Join(dir, "public"))
	if err == nil {
		t.Fatalf("build succeeded without the French string %q", key)
	}
	if !strings.Contains(string(out), key) {
		t.Errorf("build failure does not name the missing key %q:\n%s", key, out)
	}
}

// TestI18nFilesHaveSameKeys: English and French interface files define the same keys.
func TestI18nFilesHaveSameKeys(t *testing.T) {
	en, fr := i18nKeys(t, "en"), i18nKeys(t, "fr")
	for _, k := range en {
		if !slices.Contains(fr, k) {
			t.Errorf("i18n/fr.yaml lacks %q", k)
		}
	}
	for _, k := range fr {
		if !slices.Contains(en, k) {
			t.Errorf("i18n/en.yaml lacks %q", k)
		}
	}
}

var topKey = regexp.MustCompile(`(?m)^([A-Za-z0-9_]+):`)

func i18nKeys(t *testing.T, lang string) []string {
	b, err := os.ReadFile(filepath.Join(repo, "i18n", lang+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, m := range topKey.FindAllStringSubmatch(string(b), -1) {
		keys = append(keys, m[1])
	}
	return keys
}

// usedI18nKey finds a key used by the page skeleton (baseof.html or the header, footer
// and head partials), so every page needs it.
func usedI18nKey(t *testing.T) string {
	re := regexp.MustCompile(`(?:i18n|T) "([A-Za-z0-9_]+)"`)
	for _, name := range []string{"baseof.html", "_partials/header.html", "_partials/footer.html", "_partials/head.html"} {
		b, err := os.ReadFile(filepath.Join(repo, "layouts", name))
		if err != nil {
			continue
		}
		if m := re.FindSubmatch(b); m != nil {
			return string(m[1])
		}
	}
	t.Fatal("neither baseof.html nor its header, footer or head partials use an i18n string")
	return ""
}

// removeKey deletes a top-level key and its indented continuation lines.
func removeKey(src, key string) string {
	lines := strings.Split(src, "\n")
	var out []string
	skipping := false
	for _, l := range lines {
		if strings.HasPrefix(l, key+":") {
			skipping = true
			continue
		}
		if skipping && (strings.HasPrefix(l, " ") || l == "") {
			continue
		}
		skipping = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func is(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func normalizeSpaces(s string) string {
	return strings.NewReplacer("\u00a0", " ", "&nbsp;", " ", "\u202f", " ", "&#39;", "'", "’", "'").Replace(s)
}

// TestNoValueRefusedByEscaping: Go's contextual escaping writes ZgotmplZ where a
// template puts a value in a place it cannot make safe (an attribute name, a URL with a
// bad scheme). With no data marked safe, that is how a template mistake shows: it must
// never reach a published file.
func TestNoValueRefusedByEscaping(t *testing.T) {
	s := fixtureSite(t)
	for path := range s.Files {
		b, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(path)))
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.Index(b, []byte("ZgotmplZ")); i >= 0 {
			t.Errorf("%s: %q", path, b[max(0, i-60):i+8])
		}
	}
}
