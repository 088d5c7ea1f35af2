package browsertest

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// facetState is what the projects list shows: the cards' links, the status, the checked
// values, some counts, and whether the paginated list or the results are visible.
const facetState = `(() => {
	const vis = (sel) => { const e = document.querySelector(sel); return !!e && !e.hidden; };
	const list = vis("[data-facets-results]") ? "[data-facets-results]" : "[data-facets-list]";
	const counts = {};
	for (const id of ["facet-level-provincial", "facet-level-federal", "facet-jurisdiction-ca-on", "facet-jurisdiction-ca-ab"]) {
		const l = document.querySelector('label[for="' + id + '"] .facet-count');
		counts[id] = l ? l.textContent : "";
	}
	return {
		links: Array.from(document.querySelectorAll(list + " .card-title a")).map(a => a.getAttribute("href")),
		results: vis("[data-facets-results]"),
		status: document.querySelector("[data-facets-status]").textContent,
		checked: Array.from(document.querySelectorAll("[data-facets] input:checked")).map(i => i.id),
		clear: vis("[data-facets-clear]"),
		search: location.search,
		counts,
	};
})()`

type facetView struct {
	Links   []string          `json:"links"`
	Results bool              `json:"results"`
	Status  string            `json:"status"`
	Checked []string          `json:"checked"`
	Clear   bool              `json:"clear"`
	Search  string            `json:"search"`
	Counts  map[string]string `json:"counts"`
}

// facetIndexBudget is the most the fixture's English filter index may weigh: 1,763 bytes
// when written, for three case studies, most of it the vocabularies' codes and labels;
// the English projects.json the filters fetched before is about 2,700 bytes. At 10,000
// projects the index is 3.1 MB against 11.8 MB (0.58 MB against 1.30 MB gzipped).
const facetIndexBudget = 2000

// facetIndexPath is the filter index of facets-index.html, fingerprinted.
var facetIndexPath = regexp.MustCompile(`^/(en|fr)/facets\.[0-9a-f]{64}\.json$`)

// checkFacetIndex checks that the list fetched its filter index (data-src) once the
// filters were used, with its full size, within facetIndexBudget when budget is set, and
// never the open-data projects.json.
func checkFacetIndex(t *testing.T, ctx context.Context, rec *Recorder, budget bool) {
	t.Helper()
	src, err := evalJS[string](ctx, `document.querySelector("[data-facets-root]").dataset.src`)
	if err != nil {
		t.Fatal(err)
	}
	if !facetIndexPath.MatchString(src) {
		t.Fatalf("data-src is %q, want the fingerprinted filter index /<lang>/facets.<sha256>.json", src)
	}
	if sri, _ := evalJS[string](ctx, `document.querySelector("[data-facets-root]").dataset.integrity`); !strings.HasPrefix(sri, "sha256-") {
		t.Errorf("data-integrity is %q, want the index's sha256 digest", sri)
	}
	info, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(src)))
	if err != nil {
		t.Fatalf("data-src: %v", err)
	}
	var got *Request
	for deadline := time.Now().Add(5 * time.Second); ; {
		got = nil
		for _, q := range rec.Requests() {
			u, err := url.Parse(q.URL)
			if err != nil {
				continue
			}
			if strings.HasSuffix(u.Path, "/projects.json") {
				t.Errorf("the filters fetched the open data %s", q.URL)
			}
			if u.Path == src && got == nil {
				got = &q
			}
		}
		if (got != nil && got.Done) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got == nil {
		t.Fatalf("the filters did not fetch %s", src)
	}
	if got.Status != 200 || !got.Done || got.Failed != "" {
		t.Fatalf("%s: HTTP %d, done %v, failed %q", src, got.Status, got.Done, got.Failed)
	}
	// Chromium reports what came over the wire, headers included (the test server does
	// not compress), not the body alone.
	size := info.Size()
	if n := int64(got.Bytes); n < size || n > size+1024 {
		t.Errorf("%s: %d bytes transferred, want the file's %d plus the headers", src, n, size)
	}
	pj, err := os.Stat(filepath.Join(siteDir, filepath.Dir(filepath.FromSlash(src)), "projects.json"))
	if err != nil {
		t.Fatal(err)
	}
	if budget && size > facetIndexBudget {
		t.Errorf("%s: %d bytes, more than the fixture's budget of %d", src, size, facetIndexBudget)
	}
	if size >= pj.Size() {
		t.Errorf("%s: %d bytes, no smaller than projects.json (%d)", src, size, pj.Size())
	}
	t.Logf("filter index %s: %d bytes (%.0f transferred); projects.json: %d bytes", src, size, got.Bytes, pj.Size())
}

// TestFacets: on the projects list, checking a value narrows the list to the matching
// case studies (all of them, from the filter index, not only the page's), updates the
// counts and puts the state in the address; loading that address gives the same view;
// two values of one filter are combined with "or"; the back button restores the
// previous state; "clear all" shows the whole list again. axe-core finds nothing in the
// enhanced panel and the filtered list.
func TestFacets(t *testing.T) {
	b, srv := startBrowser(t)
	tl := needTools(t, "chromium", AxePath)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := b.Tab(2 * time.Minute)
	defer cancel()
	rec, err := Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	view := func(step string) facetView {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](facetState))
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		var v facetView
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	wait := func(step, expr string) {
		t.Helper()
		if err := waitFor(ctx, step, expr); err != nil {
			t.Fatalf("%v; view: %+v", err, view(step))
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/en/projects/")); err != nil {
		t.Fatal(err)
	}
	wait("the checkboxes", `!!document.querySelector("#facet-jurisdiction-ca-on")`)
	all := view("loaded")
	if len(all.Links) != 3 || all.Results || all.Clear {
		t.Fatalf("before filtering: %+v, want the three case studies of the list", all)
	}
	for _, q := range rec.Requests() {
		if strings.HasSuffix(q.URL, "/projects.json") || strings.Contains(q.URL, "/facets.") && strings.HasSuffix(q.URL, ".json") {
			t.Errorf("the list fetches %s before a filter is used", q.URL)
		}
	}

	// One value, in a filter opened as a reader would.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`details[data-facet="jurisdiction"] > summary`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#facet-jurisdiction-ca-on"))); err != nil {
		t.Fatal(err)
	}
	wait("the filtered list", `!document.querySelector("[data-facets-results]").hidden && document.querySelectorAll("[data-facets-results] .card").length === 1`)
	v := view("Ontario")
	if !slices.Equal(v.Links, []string{"/en/projects/beta-forecasting/"}) {
		t.Errorf("Ontario: cards %q, want beta-forecasting only", v.Links)
	}
	if v.Status != "1 case study matches the filters" {
		t.Errorf("Ontario: status %q", v.Status)
	}
	if q, _ := url.ParseQuery(strings.TrimPrefix(v.Search, "?")); !slices.Equal(q["jurisdiction"], []string{"ca-on"}) {
		t.Errorf("Ontario: address query %q, want jurisdiction=ca-on", v.Search)
	}
	// Counts: other filters count within Ontario; the jurisdictions still count all.
	want := map[string]string{"facet-level-provincial": "(1)", "facet-level-federal": "(0)", "facet-jurisdiction-ca-on": "(1)", "facet-jurisdiction-ca-ab": "(1)"}
	for id, w := range want {
		if v.Counts[id] != w {
			t.Errorf("Ontario: count of %s is %q, want %q", id, v.Counts[id], w)
		}
	}
	if !v.Clear {
		t.Error("Ontario: no “clear all” button")
	}
	// The filters fetched the small filter index, not the open data (projects.json).
	checkFacetIndex(t, ctx, rec, true)
	checkAxe(t, ctx, axe, "/en/projects/ ("+"filtered list"+")")

	// Loading the address gives the same view.
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if err := chromedp.Do(ctx, chromedp.Navigate(loc)); err != nil {
		t.Fatal(err)
	}
	wait("the view of the address", `!document.querySelector("[data-facets-results]").hidden && document.querySelectorAll("[data-facets-results] .card").length === 1`)
	if r := view("reloaded"); !slices.Equal(r.Links, v.Links) || !slices.Equal(r.Checked, v.Checked) || r.Status != v.Status {
		t.Errorf("after loading %s: %+v, want %+v", loc, r, v)
	}

	// No match is not a dead end (issue 21): the status says so in words and the ways on
	// (practices, resources, resource persons, submitting) are shown; unchecking
	// brings the list back.
	for _, css := range []string{`details[data-facet="level"] > summary`, "#facet-level-federal"} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(css))); err != nil {
			t.Fatal(err)
		}
	}
	wait("no match", `document.querySelectorAll("[data-facets-results] .card").length === 0 && !document.querySelector("[data-facets-empty]").hidden`)
	if none := view("Ontario and federal"); !strings.HasPrefix(none.Status, "No case study matches all these filters.") {
		t.Errorf("Ontario and federal: status %q, want the no-match sentence", none.Status)
	}
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`["/en/practices/", "/en/resources/", "/en/submit/"].every(h => document.querySelector("[data-facets-empty] a[href='" + h + "']"))`)); err != nil || !ok {
		t.Errorf("no match: the ways on are not all linked (%v)", err)
	}
	for _, css := range []string{"#facet-level-federal", `details[data-facet="level"] > summary`} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(css))); err != nil {
			t.Fatal(err)
		}
	}
	wait("Ontario again", `document.querySelectorAll("[data-facets-results] .card").length === 1 && document.querySelector("[data-facets-empty]").hidden`)

	// A second jurisdiction: "or" within a filter.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#facet-jurisdiction-ca-ab"))); err != nil {
		t.Fatal(err)
	}
	wait("two jurisdictions", `document.querySelectorAll("[data-facets-results] .card").length === 2`)
	two := view("Ontario or Alberta")
	if two.Status != "2 case studies match the filters" || !strings.Contains(two.Search, "jurisdiction=ca-ab") {
		t.Errorf("Ontario or Alberta: %+v", two)
	}
	// "and" across filters, with a start year (filled in from the data).
	wait("the start years", `!document.querySelector('details[data-facet="year"]').hidden`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`details[data-facet="year"] > summary`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#facet-year-2022"))); err != nil {
		t.Fatal(err)
	}
	wait("a start year", `document.querySelectorAll("[data-facets-results] .card").length === 1`)
	if y := view("2022"); !slices.Equal(y.Links, []string{"/en/projects/beta-forecasting/"}) || !strings.Contains(y.Search, "year=2022") {
		t.Errorf("Ontario or Alberta, started 2022: %+v", y)
	}

	// Back: the previous state again.
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	wait("the previous state", `document.querySelectorAll("[data-facets-results] .card").length === 2`)
	if b := view("back"); b.Search != two.Search || !slices.Equal(b.Checked, two.Checked) {
		t.Errorf("after Back: %+v, want %+v", b, two)
	}

	// Clear all.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-facets-clear]"))); err != nil {
		t.Fatal(err)
	}
	wait("the whole list", `document.querySelector("[data-facets-results]").hidden`)
	c := view("cleared")
	if len(c.Links) != 3 || len(c.Checked) != 0 || c.Search != "" || c.Clear {
		t.Errorf("after “clear all”: %+v, want the three case studies, nothing checked, no query", c)
	}
	if !strings.HasPrefix(c.Status, "Filters cleared") {
		t.Errorf("after “clear all”: status %q", c.Status)
	}
	checkAxe(t, ctx, axe, "/en/projects/ ("+"enhanced panel"+")")
	for _, m := range rec.Console() {
		t.Errorf("console: %s", m)
	}
}

// TestFacetsFrench: the French list filters with the French labels and grammar, and its
// cards are the server's.
func TestFacetsFrench(t *testing.T) {
	b, srv := startBrowser(t)
	ctx, cancel := b.Tab(time.Minute)
	defer cancel()
	rec, err := Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/fr/projets/?level=provincial")); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, "the filtered list", `document.querySelectorAll("[data-facets-results] .card").length === 2`); err != nil {
		t.Fatal(err)
	}
	status, _ := evalJS[string](ctx, `document.querySelector("[data-facets-status]").textContent`)
	if status != "2 études de cas correspondent aux filtres" {
		t.Errorf("status %q", status)
	}
	// gamma-inventory is in English only: its card says so and marks the language.
	lang, _ := evalJS[string](ctx, `(() => { const a = document.querySelector('[data-facets-results] a[href="/fr/projets/gamma-inventory/"]'); return a ? a.lang + "|" + a.closest("li").querySelector(".badge-language").textContent : ""; })()`)
	if lang != "en|En anglais seulement" {
		t.Errorf("card of the English-only case study: %q, want lang=en and its badge", lang)
	}
	// Each card the script made is the server's card of that case study (project-card.html,
	// in the paginated list, hidden while filtering), markup and all.
	diff, err := evalJS[[]string](ctx, `(() => {
		const norm = (li) => li.outerHTML;
		const server = new Map();
		for (const li of document.querySelectorAll("[data-facets-list] .card")) server.set(li.querySelector("a").getAttribute("href"), norm(li));
		const out = [];
		for (const li of document.querySelectorAll("[data-facets-results] .card")) {
			const href = li.querySelector("a").getAttribute("href");
			if (norm(li) !== server.get(href)) out.push(norm(li) + "\n  server: " + server.get(href));
		}
		return out;
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diff {
		t.Errorf("card made by facets.js differs from the server's:\n  script: %s", d)
	}
	checkFacetIndex(t, ctx, rec, false)
}
