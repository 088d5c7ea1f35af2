package sitetest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"
)

// Tests of the map of jurisdictions (layouts/_partials/map/jurisdictions.html), the
// "Suggest an edit" and "Report an error" links of entries (case-actions.html) and the
// open data page (content/<lang>/open-data.md). Expected values are computed here from
// the fixture's YAML, not taken from the site.

type vocabEntry struct {
	Code string `yaml:"code"`
	En   string `yaml:"en"`
	Fr   string `yaml:"fr"`
}

func (v vocabEntry) label(lang string) string {
	if lang == "fr" {
		return v.Fr
	}
	return v.En
}

// fixtureJurisdictions returns the fixture's jurisdictions in taxonomy order, the number
// of projects in each, and the number of multi-jurisdictional projects.
func fixtureJurisdictions(t *testing.T) (codes []vocabEntry, counts map[string]int, multi int) {
	t.Helper()
	var tax struct {
		Jurisdictions []vocabEntry `yaml:"jurisdictions"`
	}
	readYAML(t, filepath.Join(fixture, "taxonomy.yaml"), &tax)
	counts = map[string]int{}
	for _, id := range fixtureIDs(t, "projects") {
		var p struct {
			Jurisdiction string `yaml:"jurisdiction"`
			Level        string `yaml:"level"`
		}
		readYAML(t, filepath.Join(fixture, "projects", id+".yaml"), &p)
		counts[p.Jurisdiction]++
		if p.Level == "multi-jurisdictional" {
			multi++
		}
	}
	if len(tax.Jurisdictions) < 10 || len(counts) < 2 {
		t.Fatalf("fixture has %d jurisdictions and projects in %d: expected the Canadian vocabulary and projects in several", len(tax.Jurisdictions), len(counts))
	}
	return tax.Jurisdictions, counts, multi
}

func fixtureIDs(t *testing.T, kind string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(fixture, kind, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture %s (%v)", kind, err)
	}
	var ids []string
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	return ids
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// tileName is the accessible name of the link to multi-jurisdictional case studies:
// "Ontario: 3 case studies", « Ontario : 3 études de cas », with the singular for 1 and
// words for 0.
func tileName(lang, name string, n int) string {
	switch {
	case lang == "fr" && n == 0:
		return name + "\u00a0: aucune étude de cas"
	case lang == "fr" && n == 1:
		return name + "\u00a0: 1 étude de cas"
	case lang == "fr":
		return fmt.Sprintf("%s\u00a0: %d études de cas", name, n)
	case n == 0:
		return name + ": no case studies"
	case n == 1:
		return name + ": 1 case study"
	}
	return fmt.Sprintf("%s: %d case studies", name, n)
}

// tileLabelName is the accessible name of a tile of the map that shows shown (a code,
// or the whole name of a wide tile) and the count n: "ON 3 case studies, Ontario",
// « YT 0 étude de cas, Yukon », "Federal (Canada) 1 case study".
func tileLabelName(lang, shown, name string, n int) string {
	unit := map[string][2]string{"en": {"case study", "case studies"}, "fr": {"étude de cas", "études de cas"}}[lang]
	words := unit[1]
	if n == 1 || (lang == "fr" && n == 0) {
		words = unit[0]
	}
	out := fmt.Sprintf("%s %d %s", shown, n, words)
	if shown != name {
		out += ", " + name
	}
	return out
}

// accessibleName is the text of n without what is hidden from assistive technology
// (aria-hidden subtrees), spaces collapsed (no-break spaces kept).
func accessibleName(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && Attr(n, "aria-hidden") == "true" {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.FieldsFunc(b.String(), func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }), " ")
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(Attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// TestJurisdictionMap: on the home page and the jurisdictions page of each language, the
// map has one link per jurisdiction of the taxonomy, to its term page, which exists; its
// accessible name gives the name and the fixture's count of case studies in the page's
// language; the number shown is that count; the table alternative lists the same
// jurisdictions and counts; the multi-jurisdictional entry links to its level page.
func TestJurisdictionMap(t *testing.T) {
	s := fixtureSite(t)
	codes, counts, multi := fixtureJurisdictions(t)
	for _, c := range []struct{ lang, page, jur, levels string }{
		{"en", "/en/", "jurisdictions", "levels"},
		{"en", "/en/jurisdictions/", "jurisdictions", "levels"},
		{"fr", "/fr/", "juridictions", "ordres-de-gouvernement"},
		{"fr", "/fr/juridictions/", "juridictions", "ordres-de-gouvernement"},
	} {
		t.Run(strings.Trim(c.page, "/"), func(t *testing.T) {
			page := s.PageAt(c.page)
			if page == nil {
				t.Fatalf("no page %s", c.page)
			}
			maps := Find(page.Doc, func(n *html.Node) bool { return n.Data == "ul" && hasClass(n, "tilemap") })
			if len(maps) != 1 {
				t.Fatalf("%d tile maps (ul.tilemap), want 1", len(maps))
			}
			links := Find(maps[0], is("a"))
			if len(links) != len(codes) {
				t.Errorf("%d tiles, want one per jurisdiction: %d", len(links), len(codes))
			}
			byHref := map[string]*html.Node{}
			for _, a := range links {
				byHref[Attr(a, "href")] = a
			}
			for _, j := range codes {
				href := fmt.Sprintf("/%s/%s/%s/", c.lang, c.jur, strings.ToLower(j.Code))
				a := byHref[href]
				if a == nil {
					t.Errorf("no tile links to %s (%s)", href, j.Code)
					continue
				}
				if target, _, ok := s.Resolve(c.page, href); !ok || !s.Exists(target) {
					t.Errorf("tile of %s: %s does not exist", j.Code, href)
				}
				n := counts[j.Code]
				// Label in name (WCAG 2.5.3): what the tile shows, then the words.
				shownCode := Find(a, func(n *html.Node) bool { return hasClass(n, "tm-code") })
				if len(shownCode) != 1 {
					t.Errorf("tile of %s: %d codes shown (span.tm-code), want 1", j.Code, len(shownCode))
					continue
				}
				if got, want := accessibleName(a), tileLabelName(c.lang, strings.TrimSpace(Text(shownCode[0])), j.label(c.lang), n); got != want {
					t.Errorf("tile of %s: accessible name %q, want %q", j.Code, got, want)
				}
				shown := Find(a, func(n *html.Node) bool { return hasClass(n, "tm-n") })
				if len(shown) != 1 || strings.TrimSpace(Text(shown[0])) != fmt.Sprint(n) {
					t.Errorf("tile of %s does not show its count %d", j.Code, n)
				}
			}

			// The table alternative: same jurisdictions and counts, in taxonomy order.
			var rows [][2]string
			for _, tbl := range Find(page.Doc, is("table")) {
				if len(Find(tbl, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(Attr(n, "href"), "/"+c.jur+"/") })) == 0 {
					continue
				}
				for _, tr := range Find(tbl, is("tr")) {
					th := Find(tr, func(n *html.Node) bool { return n.Data == "th" && Attr(n, "scope") == "row" })
					td := Find(tr, is("td"))
					if len(th) == 1 && len(td) == 2 {
						rows = append(rows, [2]string{strings.TrimSpace(Text(th[0])), strings.TrimSpace(Text(td[1]))})
					}
				}
			}
			if len(rows) != len(codes) {
				t.Fatalf("table alternative has %d rows (jurisdiction, level, count), want %d", len(rows), len(codes))
			}
			for i, j := range codes {
				want := [2]string{j.label(c.lang), fmt.Sprint(counts[j.Code])}
				if rows[i] != want {
					t.Errorf("table row %d: %q, want %q", i+1, rows[i], want)
				}
			}

			// Multi-jurisdictional projects: a link to the level's page.
			multiHref := fmt.Sprintf("/%s/%s/multi-jurisdictional/", c.lang, c.levels)
			found := false
			for _, a := range Find(page.Doc, is("a")) {
				if Attr(a, "href") != multiHref {
					continue
				}
				found = true
				name := map[string]string{"en": "Multi-jurisdictional", "fr": "Multigouvernemental"}[c.lang]
				if got, want := accessibleName(a), tileName(c.lang, name, multi); got != want {
					t.Errorf("multi-jurisdictional link: %q, want %q", got, want)
				}
			}
			if !found {
				t.Errorf("no link to %s", multiHref)
			} else if !s.Exists(multiHref) {
				t.Errorf("%s does not exist", multiHref)
			}
		})
	}
}

// TestEntryActions: every case study, practice and resource page has a link to edit its
// data file in the repository of config.toml, and one to open an issue whose title
// names the file (hence the id) and whose body gives the page's address.
func TestEntryActions(t *testing.T) {
	s := fixtureSite(t)
	cfg, err := os.ReadFile(filepath.Join(repo, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*repository\s*=\s*"([^"]+)"`).FindSubmatch(cfg)
	if m == nil {
		t.Fatal(`config.toml has no params.repository = "https://github.com/OWNER/REPO"`)
	}
	repoURL := strings.TrimSuffix(string(m[1]), "/")
	branch := "main"
	if b := regexp.MustCompile(`(?m)^\s*branch\s*=\s*"([^"]+)"`).FindSubmatch(cfg); b != nil {
		branch = string(b[1])
	}
	sections := map[string][2]string{"projects": {"projects", "projets"}, "practices": {"practices", "pratiques"}, "resources": {"resources", "ressources"}}
	checked := 0
	for kind, dirs := range sections {
		for _, id := range fixtureIDs(t, kind) {
			file := fmt.Sprintf("data/%s/%s.yaml", kind, id)
			for i, lang := range []string{"en", "fr"} {
				path := fmt.Sprintf("/%s/%s/%s/", lang, dirs[i], id)
				page := s.PageAt(path)
				if page == nil {
					t.Errorf("no page %s", path)
					continue
				}
				checked++
				var edit, issue []string
				for _, a := range Find(page.Doc, is("a")) {
					href := Attr(a, "href")
					switch {
					case strings.HasPrefix(href, repoURL+"/edit/"):
						edit = append(edit, href)
					case strings.HasPrefix(href, repoURL+"/issues/new?"):
						issue = append(issue, href)
					}
				}
				if want := fmt.Sprintf("%s/edit/%s/%s", repoURL, branch, file); len(edit) != 1 || edit[0] != want {
					t.Errorf("%s: edit links %q, want one to %s", path, edit, want)
				}
				if len(issue) != 1 {
					t.Errorf("%s: %d links to open an issue, want 1", path, len(issue))
					continue
				}
				u, err := url.Parse(issue[0])
				if err != nil {
					t.Errorf("%s: issue link %q: %v", path, issue[0], err)
					continue
				}
				q := u.Query()
				if title := q.Get("title"); !strings.Contains(title, file) || !strings.Contains(title, id) {
					t.Errorf("%s: issue title %q does not name %s", path, title, file)
				}
				if body, want := q.Get("body"), strings.TrimSuffix(BaseURL, "/")+path; !strings.Contains(body, want) {
					t.Errorf("%s: issue body %q does not give the page's address %s", path, body, want)
				}
			}
		}
	}
	if checked < 6 {
		t.Errorf("only %d entry pages checked", checked)
	}
}

// TestOpenDataPage: the open data page exists in both languages, links every file of its
// language's data package (each exists) and the Atom feed, describes every field of
// every table, and is linked from the footer of every page.
func TestOpenDataPage(t *testing.T) {
	s := fixtureSite(t)
	for _, c := range []struct{ lang, page string }{{"en", "/en/open-data/"}, {"fr", "/fr/donnees-ouvertes/"}} {
		page := s.PageAt(c.page)
		if page == nil {
			t.Errorf("no open data page %s", c.page)
			continue
		}
		var pkg struct {
			Resources []struct {
				Path   string `json:"path"`
				Schema *struct {
					Fields []struct {
						Name string `json:"name"`
					} `json:"fields"`
				} `json:"schema"`
			} `json:"resources"`
		}
		raw, err := os.ReadFile(filepath.Join(s.Root, c.lang, "datapackage.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &pkg); err != nil {
			t.Fatalf("/%s/datapackage.json: %v", c.lang, err)
		}
		hrefs := map[string]bool{}
		for _, a := range Find(page.Doc, is("a")) {
			href := Attr(a, "href")
			hrefs[href] = true
			if target, _, ok := s.Resolve(c.page, href); ok && !s.Exists(target) {
				t.Errorf("%s: broken link %s", c.page, href)
			}
		}
		// Download links are named by their file and its size (issue 22, item 6):
		// "projects.csv, 3 kB", « projects.csv, 3 ko » (the units of i18n print_size_kb).
		named := 0
		for _, a := range Find(page.Doc, is("a")) {
			href := Attr(a, "href")
			if t := Attr(a, "type"); t != "text/csv" && !(t == "application/json" && !strings.HasSuffix(href, "datapackage.json")) {
				continue
			}
			named++
			info, err := os.Stat(filepath.Join(s.Root, filepath.FromSlash(href)))
			if err != nil {
				t.Errorf("%s: %v", c.page, err)
				continue
			}
			kb := (info.Size() + 999) / 1000
			want := fmt.Sprintf("%s, %d%s", path.Base(href), kb, map[string]string{"en": " kB", "fr": "\u00a0ko"}[c.lang])
			if got := strings.TrimSpace(Text(a)); got != want {
				t.Errorf("%s: the link to %s is named %q, want %q", c.page, href, got, want)
			}
		}
		if named < 6 {
			t.Errorf("%s: %d links to CSV and JSON files, want 2 per table", c.page, named)
		}
		fields := map[string]bool{}
		for _, th := range Find(page.Doc, func(n *html.Node) bool { return n.Data == "th" && Attr(n, "scope") == "row" }) {
			fields[strings.TrimSpace(Text(th))] = true
		}
		want := []string{"datapackage.json", "atom.xml"}
		for _, r := range pkg.Resources {
			want = append(want, r.Path)
			if r.Schema == nil {
				continue
			}
			for _, f := range r.Schema.Fields {
				if !fields[f.Name] {
					t.Errorf("%s: field %s of %s is not described", c.page, f.Name, r.Path)
				}
			}
		}
		if len(want) < 8 {
			t.Errorf("/%s/datapackage.json lists only %d resources", c.lang, len(want)-2)
		}
		for _, f := range want {
			href := "/" + c.lang + "/" + f
			if !hrefs[href] {
				t.Errorf("%s does not link %s", c.page, href)
			} else if !s.Exists(href) {
				t.Errorf("%s links %s, which does not exist", c.page, href)
			}
		}
	}
	for path, page := range s.Pages {
		lang := strings.Split(strings.Trim(path, "/"), "/")[0]
		want := map[string]string{"en": "/en/open-data/", "fr": "/fr/donnees-ouvertes/"}[lang]
		if want == "" || page.IsRedirect() {
			continue
		}
		found := false
		for _, f := range Find(page.Doc, is("footer")) {
			for _, a := range Find(f, is("a")) {
				found = found || Attr(a, "href") == want
			}
		}
		if !found {
			t.Errorf("%s: the footer does not link the open data page %s", path, want)
		}
	}
}
