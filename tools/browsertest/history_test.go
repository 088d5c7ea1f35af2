package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/hugodata"
	"github.com/pssdc/guide-iad/tools/sitetest"
)

// TestHistoryPagesAxe runs axe-core on the entry pages of a site built, as make site
// builds it, from a git repository with dated commits (sitetest.DatedHistory): pages with
// a history (an edit, a rename), an archived case study's notice, a stale one's notice,
// and the related case studies, in both languages. The fixture site of the sweep has no
// history (it is no git repository), so the sweep never sees these sections.
func TestHistoryPagesAxe(t *testing.T) {
	b, _ := startBrowser(t)
	tl := needTools(t, "chromium", AxePath)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, err := sitetest.Stage(repo, fixture, dir)
	if err != nil {
		t.Fatal(err)
	}
	sitetest.DatedHistory(t, src)
	data, copyDir := filepath.Join(src, "data"), filepath.Join(src, "tmp", "hugo-data")
	if err := hugodata.Write(data, copyDir, src); err != nil {
		t.Fatal(err)
	}
	if _, err := hugodata.Derive(data, filepath.Join(src, "tmp", "hugo-derived"), src, copyDir+".toml", copyDir); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := sitetest.Build(repo, src, out, "--config", filepath.Join(src, "config.toml")+","+copyDir+".toml"); err != nil {
		t.Fatal(err)
	}
	srv, err := Serve(out)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx, cancel := b.Tab(3 * time.Minute)
	defer cancel()
	rec, err := Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Each page and what it must show, so that the run is not vacuous.
	for _, c := range []struct{ path, must string }{
		{"/en/projects/alpha-outreach/", `class="history-list"`},
		{"/fr/projets/alpha-outreach/", `class="history-list"`},
		{"/en/projects/gamma-inventory/", `notice-archived`},
		{"/fr/projets/gamma-inventory/", `notice-archived`},
		{"/en/projects/beta-forecasting/", `notice-stale`},
		{"/fr/projets/beta-forecasting/", `notice-stale`},
		{"/en/projects/gamma-inventory/", `id="related-case-studies"`},
		{"/fr/projets/gamma-inventory/", `id="related-case-studies"`},
		{"/en/practices/begin-small/", `class="history-list"`},
		{"/fr/pratiques/begin-small/", `class="history-list"`},
		{"/en/resources/new-tool/", `class="history-list"`},
		{"/fr/ressources/new-tool/", `class="history-list"`},
	} {
		html, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(c.path), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), c.must) {
			t.Errorf("%s: no %s: the page does not show what axe must check", c.path, c.must)
			continue
		}
		r := loadPage(ctx, rec, srv.URL+c.path, c.path, axe)
		if r.Err != nil {
			t.Errorf("%s: %v", c.path, r.Err)
			continue
		}
		for _, v := range r.Axe.Violations {
			t.Error(v.Report(c.path))
		}
	}
}
