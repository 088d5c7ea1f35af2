package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/gitrepo"
)

// DatedHistory makes the staged fixture site (Stage with tools/check/testdata/valid) a
// throwaway git repository with dated commits: everything added, with two print editions
// and a case study last reviewed long ago (2026-01-10), a resource added (2026-05-05), a
// case study's French title edited (2026-06-15), another archived and replaced
// (2026-07-02), a practice renamed with former_ids (2026-08-20). It returns the commits
// by name: add, new, edit, archive, rename. The entry pages then have a history, an
// archived notice and a freshness notice (TestHistorySite; the browser tests' axe run).
func DatedHistory(t testing.TB, site string) map[string]string {
	t.Helper()
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(site, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	r := gitrepo.New(t, site)
	c := map[string]string{}
	c["add"] = r.Commit("2026-01-10", "the corpus, two editions", map[string]string{
		"data/editions.yaml": "editions:\n" +
			"  - {id: \"2026-1\", date: 2026-03-01, title: {en: March 2026, fr: Mars 2026}}\n" +
			"  - {id: \"2026-2\", date: 2026-11-30, title: {en: November 2026, fr: Novembre 2026}}\n",
		"data/projects/beta-forecasting.yaml": strings.Replace(read("data/projects/beta-forecasting.yaml"), "reviewed: 2026-02-10", "reviewed: 2025-03-01", 1),
	})
	c["new"] = r.Commit("2026-05-05", "a new resource", map[string]string{
		"data/resources/new-tool.yaml": strings.Replace(read("data/resources/index-tool.yaml"), "id: index-tool", "id: new-tool", 1),
	})
	c["edit"] = r.Commit("2026-06-15", "alpha: French title", map[string]string{
		"data/projects/alpha-outreach.yaml": strings.Replace(read("data/projects/alpha-outreach.yaml"), "fr: Cartographie de la sensibilisation Alpha", "fr: Cartographie du rayonnement Alpha", 1),
	})
	c["archive"] = r.Commit("2026-07-02", "archive gamma", map[string]string{
		"data/projects/gamma-inventory.yaml": read("data/projects/gamma-inventory.yaml") +
			"archived: {date: 2026-07-01, reason: {en: The inventory moved to the open data portal.}}\nreplaced_by: alpha-outreach\n",
	})
	r.Move("data/practices/start-small.yaml", "data/practices/begin-small.yaml")
	c["rename"] = r.Commit("2026-08-20", "rename start-small", map[string]string{
		"data/practices/begin-small.yaml":    strings.Replace(read("data/practices/begin-small.yaml"), "id: start-small", "id: begin-small", 1) + "former_ids: [start-small]\n",
		"data/projects/alpha-outreach.yaml":  strings.Replace(read("data/projects/alpha-outreach.yaml"), "practices: [start-small]", "practices: [begin-small]", 1),
		"data/projects/gamma-inventory.yaml": strings.Replace(read("data/projects/gamma-inventory.yaml"), "practices: [start-small]", "practices: [begin-small]", 1),
	})
	return c
}
