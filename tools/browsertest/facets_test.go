package browsertest

import (
	"encoding/json"
	"net/url"
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

// TestFacets: on the projects list, checking a value narrows the list to the matching
// case studies (all of them, from the open data, not only the page's), updates the
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
	axeClean := func(step string) {
		t.Helper()
		res, err := RunAxe(ctx, axe)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: %s", step, v.Report("/en/projects/"))
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
		if strings.HasSuffix(q.URL, "/projects.json") {
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
	axeClean("filtered list")

	// Loading the address gives the same view.
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if err := chromedp.Do(ctx, chromedp.Navigate(loc)); err != nil {
		t.Fatal(err)
	}
	wait("the view of the address", `!document.querySelector("[data-facets-results]").hidden && document.querySelectorAll("[data-facets-results] .card").length === 1`)
	if r := view("reloaded"); !slices.Equal(r.Links, v.Links) || !slices.Equal(r.Checked, v.Checked) || r.Status != v.Status {
		t.Errorf("after loading %s: %+v, want %+v", loc, r, v)
	}

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
	axeClean("enhanced panel")
	for _, m := range rec.Console() {
		t.Errorf("console: %s", m)
	}
}

// TestFacetsFrench: the French list filters with the French labels and grammar.
func TestFacetsFrench(t *testing.T) {
	b, srv := startBrowser(t)
	ctx, cancel := b.Tab(time.Minute)
	defer cancel()
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
}
