package sitetest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/hugodata"
	"github.com/pssdc/guide-iad/tools/pdf"
	"golang.org/x/net/html"
)

// historySite builds the fixture corpus from a throwaway git repository with dated
// commits (DatedHistory). Built as make site does: guide hugo-data's copy and derived data (history, related),
// then Hugo with the print pages. It returns the built site's folder and the commits.
func historySite(t *testing.T) (string, map[string]string) {
	t.Helper()
	const repo = "../.."
	dir := t.TempDir()
	site, err := Stage(repo, "../check/testdata/valid", dir)
	if err != nil {
		t.Fatal(err)
	}
	c := DatedHistory(t, site)
	copyDir := filepath.Join(site, "tmp", "hugo-data")
	if err := hugodata.Write(filepath.Join(site, "data"), copyDir, site); err != nil {
		t.Fatal(err)
	}
	if notes, err := hugodata.Derive(filepath.Join(site, "data"), filepath.Join(site, "tmp", "hugo-derived"), site, copyDir+".toml", copyDir); err != nil || len(notes) > 0 {
		t.Fatalf("history: %v %v", notes, err)
	}
	printConf := filepath.Join(dir, "print-output.toml")
	conf, err := pdf.HugoConfig(filepath.Join(site, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(printConf, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := Build(repo, site, out, "--config", filepath.Join(site, "config.toml")+","+copyDir+".toml,"+printConf); err != nil {
		t.Fatal(err)
	}
	return out, c
}

func TestHistorySite(t *testing.T) {
	out, c := historySite(t)
	if d := os.Getenv("HISTORY_SITE_KEEP"); d != "" {
		os.CopyFS(d, os.DirFS(out))
	}
	s, err := Read(out)
	if err != nil {
		t.Fatal(err)
	}
	page := func(path string) string {
		t.Helper()
		p := s.PageAt(path)
		if p == nil {
			t.Fatalf("no page %s", path)
		}
		return Text(p.Doc)
	}
	file := func(path string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Run("page history", func(t *testing.T) {
		for _, tc := range []struct{ path, want string }{
			{"/en/projects/alpha-outreach/", "June 15, 2026 — Updated. Changed: Title (French)"},
			{"/en/projects/alpha-outreach/", "January 10, 2026 — Added"},
			{"/en/projects/alpha-outreach/", "Last updated: August 20, 2026"},
			{"/fr/projets/alpha-outreach/", "15 juin 2026 — Mise à jour. Modifié\u00a0: Titre (français)"},
			{"/fr/projets/alpha-outreach/", "10 janvier 2026 — Ajout"},
			{"/en/practices/begin-small/", "August 20, 2026 — Updated. Changed: Identifier, Former identifiers"},
			{"/en/practices/begin-small/", "January 10, 2026 — Added"},
			{"/en/projects/gamma-inventory/", "July 2, 2026 — Archived. Changed: Archiving (English), Replacement"},
		} {
			if got := page(tc.path); !strings.Contains(strings.Join(strings.Fields(got), " "), strings.Join(strings.Fields(tc.want), " ")) {
				t.Errorf("%s: no %q", tc.path, tc.want)
			}
		}
		p := s.PageAt("/en/projects/alpha-outreach/")
		var commits []string
		for _, a := range Find(p.Doc, func(n *html.Node) bool { return n.Data == "a" && strings.Contains(Attr(n, "href"), "/commit/") }) {
			commits = append(commits, Attr(a, "href"))
		}
		if len(commits) != 3 || !strings.HasSuffix(commits[0], "/commit/"+c["rename"]) || !strings.HasSuffix(commits[2], "/commit/"+c["add"]) {
			t.Errorf("commit links %v", commits)
		}
	})
	t.Run("archived", func(t *testing.T) {
		for _, tc := range []struct{ path, want string }{
			{"/en/projects/gamma-inventory/", "This entry was archived on July 1, 2026."},
			{"/en/projects/gamma-inventory/", "Reason: The inventory moved to the open data portal."},
			{"/en/projects/gamma-inventory/", "It is replaced by Alpha"},
			{"/fr/projets/gamma-inventory/", "Cette fiche a été archivée le 1er juillet 2026."},
		} {
			if got := page(tc.path); !strings.Contains(strings.Join(strings.Fields(got), " "), tc.want) {
				t.Errorf("%s: no %q", tc.path, tc.want)
			}
		}
		// alpha-outreach shares a data source with it: an archived case study is never a
		// related one (tools/related).
		for _, list := range []string{"/en/projects/", "/fr/projets/", "/en/", "/en/practices/begin-small/", "/en/projects/alpha-outreach/", "/fr/projets/alpha-outreach/"} {
			p := s.PageAt(list)
			if p == nil {
				t.Fatalf("no page %s", list)
			}
			for _, a := range Find(p.Doc, func(n *html.Node) bool { return n.Data == "a" }) {
				if strings.Contains(Attr(a, "href"), "gamma-inventory") {
					t.Errorf("%s links the archived case study", list)
				}
			}
		}
	})
	t.Run("redirects", func(t *testing.T) {
		for _, path := range []string{"/en/practices/start-small/", "/fr/pratiques/start-small/"} {
			p := s.PageAt(path)
			if p == nil || !p.IsRedirect() {
				t.Fatalf("%s: no redirect", path)
			}
			if b := file(strings.TrimPrefix(path, "/") + "index.html"); !strings.Contains(b, "/begin-small/") {
				t.Errorf("%s does not lead to begin-small:\n%s", path, b)
			}
		}
	})
	t.Run("changes.json", func(t *testing.T) {
		var doc struct {
			Changes []struct {
				Date, ID, Kind, Change, Commit, URL string
				Fields                              []struct{ Key string }
			}
		}
		if err := json.Unmarshal([]byte(file("en/changes.json")), &doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ch := range doc.Changes {
			got = append(got, ch.Date+" "+ch.Kind+"/"+ch.ID+" "+ch.Change+" "+ch.Commit[:7])
		}
		want := []string{
			"2026-08-20 practices/begin-small updated " + c["rename"][:7],
			"2026-08-20 projects/alpha-outreach updated " + c["rename"][:7],
			"2026-08-20 projects/gamma-inventory updated " + c["rename"][:7],
			"2026-07-02 projects/gamma-inventory archived " + c["archive"][:7],
			"2026-06-15 projects/alpha-outreach updated " + c["edit"][:7],
		}
		if len(got) < 5 || strings.Join(got[:5], "\n") != strings.Join(want, "\n") {
			t.Errorf("first changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, ch := range doc.Changes {
			if ch.Kind == "contacts" && ch.ID == "dana-lake" {
				t.Error("a contact without consent is in changes.json")
			}
		}
	})
	t.Run("open data", func(t *testing.T) {
		for _, tc := range []struct{ file, id, updated, archived string }{
			{"en/projects.json", "gamma-inventory", "2026-08-20", "2026-07-01"},
			{"fr/projects.json", "beta-forecasting", "2026-01-10", ""},
			{"en/practices.json", "begin-small", "2026-08-20", ""},
			{"fr/contacts.json", "casey-river", "2026-01-10", ""},
		} {
			var rows []map[string]any
			if err := json.Unmarshal([]byte(file(tc.file)), &rows); err != nil {
				t.Fatalf("%s: %v", tc.file, err)
			}
			found := false
			for _, r := range rows {
				if r["id"] != tc.id {
					continue
				}
				found = true
				archived, _ := r["date_archived"].(string)
				if r["date_updated"] != tc.updated || archived != tc.archived {
					t.Errorf("%s %s: date_updated %v, date_archived %v; want %s, %q", tc.file, tc.id, r["date_updated"], r["date_archived"], tc.updated, tc.archived)
				}
			}
			if !found {
				t.Errorf("%s: no %s", tc.file, tc.id)
			}
		}
		csv := file("en/projects.csv")
		header, rest, _ := strings.Cut(csv, "\r\n")
		if !strings.Contains(header, `"reviewed","date_updated","date_archived"`) || !strings.Contains(rest, `"2026-08-20","2026-07-01"`) {
			t.Errorf("projects.csv: no date_updated and date_archived columns:\n%s", header)
		}
		pkg := file("fr/datapackage.json")
		if n := strings.Count(pkg, `"name": "date_archived"`) + strings.Count(pkg, `"name":"date_archived"`); n != 8 {
			t.Errorf("datapackage.json describes date_archived %d times, want 8: in the CSV and JSON schemas of the four tables of entries", n)
		}
	})
	t.Run("freshness", func(t *testing.T) {
		if got := strings.Join(strings.Fields(page("/en/projects/beta-forecasting/")), " "); !strings.Contains(got, "This entry was last reviewed on March 1, 2025, more than 18 months ago") {
			t.Error("no freshness notice on a case study reviewed in March 2025")
		}
		if got := page("/fr/projets/alpha-outreach/"); strings.Contains(got, "révisée pour la dernière fois") {
			t.Error("freshness notice on a case study reviewed in May 2026")
		}
	})
	t.Run("print", func(t *testing.T) {
		p := s.PageAt("/en/edition.html")
		if p == nil {
			t.Fatal("no print edition")
		}
		var sections []string
		for _, sec := range Find(p.Doc, func(n *html.Node) bool { return n.Data == "section" && strings.Contains(Attr(n, "class"), "new") }) {
			sections = append(sections, strings.Join(strings.Fields(Text(sec)), " "))
		}
		got := strings.Join(sections, "\n")
		for _, want := range []string{"Resources: new", "Case studies: updated Alpha outreach mapping", "Practices: updated", "Archived since the previous edition Gamma open service inventory — July 1, 2026"} {
			if !strings.Contains(got, want) {
				t.Errorf("print edition, new since the previous edition: no %q in\n%s", want, got)
			}
		}
		if ids := IDs(p.Doc); ids["case-gamma-inventory"] || !ids["case-alpha-outreach"] {
			t.Errorf("the print edition holds the archived case study or not the others")
		}
	})
	t.Run("feed", func(t *testing.T) {
		feed := file("fr/changes.xml")
		for _, want := range []string{"<title type=\"text\">Archivage\u00a0: Gamma", "/commit/" + c["archive"], "xml:lang=\"fr-CA\""} {
			if !strings.Contains(feed, want) {
				t.Errorf("changes.xml: no %q", want)
			}
		}
		if head := file("en/index.html"); !strings.Contains(head, `href="`+BaseURL+`en/changes.xml"`) {
			t.Error("the home page does not link the feed of changes")
		}
	})
}
