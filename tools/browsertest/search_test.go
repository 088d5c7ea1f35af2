package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/pssdc/guide-iad/tools/searchindex"
)

// pagefindErr is why the fixture site has no search index (Pagefind not installed), or
// nil once builtSite has indexed it.
var pagefindErr error

// indexSite runs Pagefind on the built fixture site, as `make site` does, so that the
// sweep and the search tests see the search page with its index. Without Pagefind the
// site is still built (the other gates need only Hugo); needPagefind skips or, under CI,
// fails the tests that search.
func indexSite() error {
	_, err := searchindex.Build(repo, siteDir, "")
	if errors.Is(err, searchindex.ErrNotInstalled) {
		pagefindErr = err
		return nil
	}
	return err
}

func needPagefind(t *testing.T) {
	t.Helper()
	builtSite(t)
	if pagefindErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set, so search must be tested: %v", pagefindErr)
		}
		t.Skip(pagefindErr)
	}
}

// waitFor evaluates a JavaScript predicate in the tab until it is true, for up to 15 s;
// errors while a new page replaces the old one (no context to evaluate in) are retried.
func waitFor(ctx context.Context, what, expr string) error {
	deadline := time.Now().Add(15 * time.Second)
	var err error
	for time.Now().Before(deadline) {
		var ok bool
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return nil
		}
		if ctx.Err() != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err == nil {
		err = errors.New("still false")
	}
	return fmt.Errorf("waiting for %s (%s): %w", what, expr, err)
}

// resultLinks are the links of the search results shown.
const resultLinks = `Array.from(document.querySelectorAll("[data-search-results] h2 a")).map(a => a.getAttribute("href"))`

// searchDone is true once the status says something other than "Searching…".
const searchDone = `(() => { const s = document.querySelector("[data-search-status]"); return s && s.textContent !== "" && s.textContent !== JSON.parse(document.querySelector("[data-search-root]").dataset.strings).loading; })()`

func evalJS[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// TestSearch: a search typed in the header box of a case study opens the search page,
// which lists the matching case study; French is searched in its own index with French
// stemming; a filter narrows the results and is kept in the address. The page logs no
// error (the Content-Security-Policy lets Pagefind's WebAssembly run), asks no other host,
// and axe-core finds nothing on it with its results.
func TestSearch(t *testing.T) {
	needPagefind(t)
	b, srv := startBrowser(t)
	ctx, cancel := b.Tab(2 * time.Minute)
	defer cancel()
	rec, err := Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clean := func(step string) {
		t.Helper()
		for _, c := range rec.Console() {
			t.Errorf("%s: console: %s", step, c)
		}
		for _, q := range Foreign(rec.Requests(), srv.Host) {
			t.Errorf("%s: request to another host: %s", step, q.URL)
		}
		for _, q := range rec.Requests() {
			if q.Failed != "" || q.Status >= 400 || q.Blocked != "" {
				t.Errorf("%s: %s failed: %s %d %s", step, q.URL, q.Failed, q.Status, q.Blocked)
			}
		}
		rec.Reset()
	}

	t.Run("header box, English", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/en/projects/alpha-outreach/")); err != nil {
			t.Fatal(err)
		}
		// The case study itself loads nothing of the search.
		for _, q := range rec.Requests() {
			if strings.Contains(q.URL, "/pagefind/") || strings.Contains(q.URL, "/js/search") {
				t.Errorf("a case study loads %s", q.URL)
			}
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS("#site-search-q"), "forecasts")); err != nil {
			t.Fatal(err)
		}
		if err := press(ctx, kb.Enter); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "the search page's results", `location.pathname === "/en/search/" && document.querySelectorAll("[data-search-results] li").length > 0`); err != nil {
			t.Fatal(err)
		}
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		if u, _ := url.Parse(loc); u == nil || u.Query().Get("q") != "forecasts" {
			t.Errorf("the search page is at %s, want ?q=forecasts", loc)
		}
		links, err := evalJS[[]string](ctx, resultLinks)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(links, "/en/projects/beta-forecasting/") {
			t.Errorf("results for “forecasts”: %q, want /en/projects/beta-forecasting/", links)
		}
		if v, _ := evalJS[string](ctx, `document.querySelector("#search-q").value`); v != "forecasts" {
			t.Errorf("the page's search box holds %q, want the words searched for", v)
		}
		status, _ := evalJS[string](ctx, `document.querySelector("[data-search-status]").textContent`)
		if !strings.Contains(status, "forecasts") || !strings.Contains(status, "result") {
			t.Errorf("status %q does not give the number of results for the words", status)
		}
		marks, _ := evalJS[int](ctx, `document.querySelectorAll("[data-search-results] mark").length`)
		if marks == 0 {
			t.Error("no word of the excerpts is marked")
		}
		clean("English search")
	})

	t.Run("French stemming, French index only", func(t *testing.T) {
		// "cartographier" is in no page: the French page has "cartographié" and
		// "Cartographie", which French stemming brings to the same stem.
		for path, p := range site.Pages {
			if strings.Contains(strings.ToLower(string(p.Raw)), "cartographier") {
				t.Fatalf("%s contains “cartographier”: the test needs a word form found only by stemming", path)
			}
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/fr/recherche/?q=cartographier")); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "the French results", searchDone); err != nil {
			t.Fatal(err)
		}
		links, err := evalJS[[]string](ctx, resultLinks)
		if err != nil {
			t.Fatal(err)
		}
		if len(links) == 0 || links[0] != "/fr/projets/alpha-outreach/" {
			t.Errorf("French results for “cartographier”: %q, want /fr/projets/alpha-outreach/ first", links)
		}
		for _, l := range links {
			if !strings.HasPrefix(l, "/fr/") {
				t.Errorf("the French search finds %s", l)
			}
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/en/search/?q=cartographier")); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "the English results", searchDone); err != nil {
			t.Fatal(err)
		}
		// Pagefind may still offer near matches in English pages, but not the case study,
		// whose English text has no such word, nor any French page.
		links, _ = evalJS[[]string](ctx, resultLinks)
		for _, l := range links {
			if l == "/en/projects/alpha-outreach/" || !strings.HasPrefix(l, "/en/") {
				t.Errorf("the English search for “cartographier” finds %s", l)
			}
		}
		// No result at all: the status says so.
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/en/search/?q=zzqxjw")); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "no result", searchDone); err != nil {
			t.Fatal(err)
		}
		if status, _ := evalJS[string](ctx, `document.querySelector("[data-search-status]").textContent`); !strings.HasPrefix(status, "No results for “zzqxjw”") {
			t.Errorf("status for no result: %q", status)
		}
		// Nothing found for a misspelt word: the closest taxonomy terms and the filters
		// are offered, in the page's language (issue 16, item 4).
		for _, c := range []struct{ page, q, status, term, termURL, filters string }{
			{"/en/search/", "fkrecasting", "No results for “fkrecasting”", "Forecasting", "/en/techniques/forecasting/", "/en/projects/"},
			{"/fr/recherche/", "zprevision", "Aucun résultat", "Prévision", "/fr/techniques/forecasting/", "/fr/projets/"},
		} {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+c.page+"?q="+c.q)); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "no result", searchDone); err != nil {
				t.Fatal(err)
			}
			got, err := evalJS[[]string](ctx, `[document.querySelector("[data-search-status]").textContent].concat(Array.from(document.querySelectorAll(".search-suggestions a")).map(a => a.textContent + " " + a.getAttribute("href")))`)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) < 3 || !strings.HasPrefix(got[0], c.status) || !slices.Contains(got, c.term+" "+c.termURL) || !strings.HasSuffix(got[len(got)-1], " "+c.filters) {
				t.Errorf("%s?q=%s: status and suggestions %q; want %q, a link %q to %s and the filters %s last", c.page, c.q, got, c.status, c.term, c.termURL, c.filters)
			}
		}
		clean("French search")
	})

	t.Run("filter", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/en/search/?q=fictional")); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "the results", searchDone); err != nil {
			t.Fatal(err)
		}
		links, _ := evalJS[[]string](ctx, resultLinks)
		var cases []string
		for _, l := range links {
			if strings.HasPrefix(l, "/en/projects/") {
				cases = append(cases, l)
			}
		}
		if len(cases) < 2 {
			t.Fatalf("results for “fictional”: %q, want the three case studies", links)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`details[data-facet="jurisdiction"] > summary`))); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#search-jurisdiction-ca-on"))); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "the filtered results", `location.search.includes("jurisdiction=ca-on") && document.querySelectorAll("[data-search-results] li").length === 1`); err != nil {
			links, _ := evalJS[[]string](ctx, resultLinks)
			t.Fatalf("%v; results: %q", err, links)
		}
		links, _ = evalJS[[]string](ctx, resultLinks)
		if !slices.Equal(links, []string{"/en/projects/beta-forecasting/"}) {
			t.Errorf("results for “fictional” in Ontario: %q, want only /en/projects/beta-forecasting/", links)
		}
		// The filtered search is a link: loading it again gives the same results.
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		if err := chromedp.Do(ctx, chromedp.Navigate(loc)); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, "the results of the address", searchDone); err != nil {
			t.Fatal(err)
		}
		if on, _ := evalJS[bool](ctx, `document.querySelector("#search-jurisdiction-ca-on").checked`); !on {
			t.Error("after a reload, the filter is not checked")
		}
		if links, _ := evalJS[[]string](ctx, resultLinks); !slices.Equal(links, []string{"/en/projects/beta-forecasting/"}) {
			t.Errorf("after a reload of %s: %q", loc, links)
		}
		// axe-core on the page with its results and the checkboxes.
		tl := needTools(t, "chromium", AxePath)
		axe, err := LoadAxe(tl.Axe)
		if err != nil {
			t.Fatal(err)
		}
		checkAxe(t, ctx, axe, "/en/search/?q=fictional&jurisdiction=ca-on")
		clean("filtered search")
	})
}

// TestSearchWithoutJavaScript: without JavaScript the search page says that search needs
// it and links to the filter pages, and the projects list's filter panel is made of
// links to the term pages.
func TestSearchWithoutJavaScript(t *testing.T) {
	b, srv := startBrowser(t)
	for _, c := range []struct{ path, text, link string }{
		{"/en/search/", "Search needs JavaScript", "/en/themes/"},
		{"/fr/recherche/", "La recherche nécessite JavaScript", "/fr/themes/"},
		{"/en/projects/", "Choose a value to see its case studies.", "/en/jurisdictions/ca-on/"},
		{"/fr/projets/", "Choisissez une valeur pour en voir les études de cas.", "/fr/juridictions/ca-on/"},
	} {
		ctx, cancel := b.Tab(time.Minute)
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}), chromedp.Navigate(srv.URL+c.path))
		var text string
		var links []string
		if err == nil {
			text, err = evalJS[string](ctx, `document.querySelector("main").innerText`)
		}
		if err == nil {
			links, err = evalJS[[]string](ctx, `Array.from(document.querySelectorAll("main a")).map(a => a.getAttribute("href"))`)
		}
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if !strings.Contains(text, c.text) {
			t.Errorf("%s without JavaScript does not say %q:\n%s", c.path, c.text, text)
		}
		if !slices.Contains(links, c.link) {
			t.Errorf("%s without JavaScript: no link to %s among %q", c.path, c.link, links)
		}
	}
}
