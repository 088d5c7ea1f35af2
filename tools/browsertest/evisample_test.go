package browsertest

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/pssdc/guide-iad/tools/evi"
)

// eviGroupsPartial is GROUPS.csv naming the sample's first 30 areas only: FX-31 to FX-40
// are ungrouped.
const eviGroupsPartial = "testdata/evi-groups-partial.csv"

// TestEVISampleHTML: the calculator's page carries the sample's result as HTML
// (layouts/_partials/evi/sample.html), which reads without JavaScript: the page as served
// (parsed apart, where no script runs) shows the results — summary, the table with a
// service-area column, the service areas, the charts and their table — and hides the
// inputs that need the script; and it says what the script draws once started, cell
// for cell.
func TestEVISampleHTML(t *testing.T) {
	b, srv := startBrowser(t)
	for _, pg := range eviPages {
		t.Run(pg.lang, func(t *testing.T) {
			ctx, cancel := b.Tab(2 * time.Minute)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+pg.path)); err != nil {
				t.Fatal(err)
			}
			if err := eviRuns(ctx, 1, time.Minute); err != nil {
				t.Fatal(err)
			}
			type view struct {
				Hidden                              map[string]bool
				Keys                                []string
				Rows                                []string
				Summary, Groups, Charts, ChartTable string
				Figures, Bars                       int
			}
			// see reads a document: the live page, or the page as served.
			const see = `(d => {
				const text = id => (d.getElementById(id) || {textContent: ""}).textContent.replace(/\s+/g, " ").trim();
				// A table's caption and cells, each trimmed (the template's line breaks are not the script's).
				const cells = id => Array.from(d.querySelectorAll("#" + id + " caption, #" + id + " th, #" + id + " td")).map(e => e.textContent.replace(/\s+/g, " ").trim()).join("|");
				const hidden = {};
				for (const id of ["evi", "evi-inputs", "evi-results", "evi-service-results", "evi-groups-block", "evi-download", "evi-editor"]) {
					let e = d.getElementById(id), h = false;
					for (; e; e = e.parentElement) { if (e.hidden) { h = true; } }
					hidden[id] = h;
				}
				return {
					Hidden: hidden,
					Keys: Array.from(d.querySelectorAll("#evi-table thead th")).map(th => th.dataset.key),
					Rows: Array.from(d.querySelectorAll("#evi-table tbody tr")).map(tr => Array.from(tr.cells).map(c => c.textContent).join("|")),
					Summary: text("evi-summary"), Groups: cells("evi-groups-wrap"),
					Charts: Array.from(d.querySelectorAll("#evi-charts svg text, #evi-charts title, #evi-charts desc, #evi-charts figcaption")).map(e => e.textContent).join("|"),
					ChartTable: cells("evi-chart-table"),
					Figures: d.querySelectorAll("#evi-charts figure svg[role=img]").length,
					Bars: d.querySelectorAll("#evi-charts rect.evi-bar").length,
				};
			})`
			live, err := evalJS[view](ctx, see+`(document)`)
			if err != nil {
				t.Fatal(err)
			}
			served, err := chromedp.Run(ctx, chromedp.Evaluate[view](
				`fetch(location.href).then(r => r.text()).then(h => `+see+`(new DOMParser().parseFromString(h, "text/html")))`,
				chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			for id, want := range map[string]bool{"evi": false, "evi-results": false, "evi-service-results": false, "evi-groups-block": false, "evi-inputs": true, "evi-download": true, "evi-editor": true} {
				if served.Hidden[id] != want {
					t.Errorf("without the script, #%s hidden: %v, want %v", id, served.Hidden[id], want)
				}
			}
			if live.Hidden["evi-inputs"] || live.Hidden["evi-download"] {
				t.Errorf("with the script, the inputs or the download are still hidden: %v", live.Hidden)
			}
			if len(served.Rows) != 40 || served.Figures != 4 || served.Bars != 20 || !slices.Contains(served.Keys, "group") {
				t.Errorf("the page as served: %d rows, %d charts, %d bars, columns %v; want 40 rows, 4 charts of 5 bars, a group column",
					len(served.Rows), served.Figures, served.Bars, served.Keys)
			}
			if !slices.Equal(served.Keys, live.Keys) {
				t.Errorf("columns as served %v, drawn by the script %v", served.Keys, live.Keys)
			}
			for i := range min(len(served.Rows), len(live.Rows)) {
				if served.Rows[i] != live.Rows[i] {
					t.Errorf("row %d as served:\n  %q\ndrawn by the script:\n  %q", i+1, served.Rows[i], live.Rows[i])
				}
			}
			for what, pair := range map[string][2]string{"summary": {served.Summary, live.Summary}, "service areas": {served.Groups, live.Groups},
				"charts": {served.Charts, live.Charts}, "charts' table": {served.ChartTable, live.ChartTable}} {
				if pair[0] != pair[1] || pair[0] == "" {
					t.Errorf("%s as served:\n  %q\ndrawn by the script:\n  %q", what, pair[0], pair[1])
				}
			}
		})
	}
}

// TestEVIUngroupedPolicy: the calculator offers guide evi's --ungrouped policies, with
// its default checked; with a GROUPS.csv that leaves areas out, "error" names them,
// "group" and "ignore" give guide evi's group table, and the area table's service-area
// column follows; axe-core finds nothing wrong.
func TestEVIUngroupedPolicy(t *testing.T) {
	tl := needTools(t, "chromium", AxePath)
	b, srv := startBrowser(t)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	expected := map[string][]byte{}
	for _, p := range []string{evi.UngroupedGroup, evi.UngroupedIgnore} {
		expected[p] = eviGroupsExpected(t, evi.Options{Groups: eviGroupsPartial, Ungrouped: p})
	}
	for _, pg := range eviPages {
		t.Run(pg.lang, func(t *testing.T) {
			ctx, cancel := b.Tab(5 * time.Minute)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+pg.path)); err != nil {
				t.Fatal(err)
			}
			if err := eviRuns(ctx, 1, time.Minute); err != nil {
				t.Fatal(err)
			}
			radios, err := evalJS[[][3]string](ctx, `Array.from(document.querySelectorAll('input[name="evi-ungrouped"]')).map(r => [r.value, String(r.checked), r.labels[0].textContent.trim()])`)
			if err != nil {
				t.Fatal(err)
			}
			var values []string
			for _, r := range radios {
				values = append(values, r[0])
				if (r[1] == "true") != (r[0] == evi.UngroupedError) || r[2] == "" {
					t.Errorf("policy %q: checked %s, label %q; want guide evi's default (%s) checked, and a label", r[0], r[1], r[2], evi.UngroupedError)
				}
			}
			if !slices.Equal(values, evi.UngroupedPolicies) {
				t.Errorf("the policies offered: %v, want guide evi's %v", values, evi.UngroupedPolicies)
			}
			legend, err := AXElements(ctx, ".evi-ungrouped")
			if err != nil || len(legend) != 1 || legend[0].Role != "group" || legend[0].Name == "" {
				t.Errorf("the policies' fieldset: %+v (%v); want a named group", legend, err)
			}

			// The default, error: the areas left out are named.
			if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("evi-areas"), []string{absPath(t, eviGroupsPartial)})); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "the ungrouped areas named", `!document.getElementById("evi-errors").hidden && document.getElementById("evi-errors").textContent.includes("FX-31")`); err != nil {
				heading, items, _ := eviShownErrors(ctx)
				t.Fatalf("%v: %q %q", err, heading, items)
			}
			_, items, err := eviShownErrors(ctx)
			if err != nil || len(items) != 10 {
				t.Errorf("%d errors shown (%v), want one for each of FX-31 to FX-40: %q", len(items), err, items)
			}
			checkAxe(t, ctx, axe, pg.path+" (ungrouped areas named)")

			runs := 1
			for _, policy := range []string{evi.UngroupedGroup, evi.UngroupedIgnore} {
				before, _ := evalJS[int](ctx, `Number(document.getElementById("evi").dataset.runs || 0)`)
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("evi-ungrouped-"+policy))); err != nil {
					t.Fatal(err)
				}
				if err := eviRuns(ctx, max(before, runs)+1, 2*time.Minute); err != nil {
					t.Fatal(err)
				}
				runs = max(before, runs) + 1
				want := expected[policy]
				if err := waitFor(ctx, "the group table", fmt.Sprintf(`document.querySelectorAll("#evi-groups-table tbody tr").length === %d`, bytes.Count(want, []byte("\n"))-1)); err != nil {
					t.Fatalf("%s: %v", policy, err)
				}
				_, csv, err := clickDownload(ctx, t.TempDir(), "evi-groups-download")
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(csv, want) {
					t.Errorf("%s: the page's group table\n%s\nguide evi --ungrouped %s:\n%s", policy, csv, policy, want)
				}
				keys, rows, err := eviTable(ctx)
				if err != nil {
					t.Fatal(err)
				}
				groups := eviColumn(keys, rows, "group")
				if len(groups) != 40 {
					t.Fatalf("%s: the area table has no service-area column (columns %v)", policy, keys)
				}
				for i, g := range groups {
					// FX-31 to FX-40: in no service area, or in the last one.
					if left := i >= 30; left && policy == evi.UngroupedIgnore && g != "" || g == "" && (!left || policy == evi.UngroupedGroup) {
						t.Errorf("%s: area %d in service area %q", policy, i+1, g)
					}
				}
			}
			checkAxe(t, ctx, axe, pg.path+" (ungrouped areas ignored)")
		})
	}
}

// TestWASMProgress: while a WebAssembly program downloads (its responses throttled to
// wasmProgressRate), the page shows a named progress bar and says so in its status
// (role="status"); once the program is ready, the bar is gone. For the submission form
// (first focus) and the calculator (a file chosen), in both languages.
func TestWASMProgress(t *testing.T) {
	b, srv := startBrowser(t)
	const wasmProgressRate = 1_000_000 // bytes per second: 5 to 7 s for the programs
	type page struct {
		kind, lang, path  string
		root, bar, status string // ids
		downloading       string // the key of the downloading status in the root's data-i18n
		start, ready      string // scripts: start the download; true once ready
	}
	var pages []page
	for _, p := range submitPages {
		pages = append(pages, page{"form", p.lang, p.path, "sf", "sf-progress", "sf-status", "downloading",
			`document.getElementById("sf").dispatchEvent(new FocusEvent("focusin", {bubbles: true}))`,
			`["ready", "failed"].includes(document.getElementById("sf").dataset.state)`})
	}
	for _, p := range eviPages {
		pages = append(pages, page{"calculator", p.lang, p.path, "evi", "evi-progress", "evi-status", "status_downloading",
			`(() => { const s = document.getElementById("evi-direction-0"); s.value = String(-Number(s.value)); s.dispatchEvent(new Event("change")); return true; })()`,
			`Number(document.getElementById("evi").dataset.runs || 0) >= 2`})
	}
	for _, p := range pages {
		t.Run(p.kind+"-"+p.lang, func(t *testing.T) {
			ctx, cancel := b.Tab(3 * time.Minute)
			defer cancel()
			// Not from the cache, where an earlier test left the programs.
			if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
				MatchedNetworkConditions: []*network.Conditions{{URLPattern: "*://*:*/*.wasm", DownloadThroughput: wasmProgressRate, UploadThroughput: -1}},
			}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.path)); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "the page's script", fmt.Sprintf(`!document.getElementById(%q).hidden && !!window.wasmLoad`, p.root)); err != nil {
				t.Fatal(err)
			}
			if p.kind == "calculator" {
				if err := eviRuns(ctx, 1, time.Minute); err != nil {
					t.Fatal(err)
				}
			}
			bar := func() AXElement {
				t.Helper()
				els, err := AXElements(ctx, "#"+p.bar)
				if err != nil || len(els) != 1 {
					t.Fatalf("#%s: %v %v", p.bar, els, err)
				}
				return els[0]
			}
			if bar().Shown {
				t.Fatalf("#%s shown before the program is needed", p.bar)
			}
			// Every text the status takes, from now on.
			if _, err := evalJS[bool](ctx, fmt.Sprintf(`(s => { window.statusSeen = []; new MutationObserver(() => statusSeen.push(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true}); return true; })(document.getElementById(%q))`, p.status)); err != nil {
				t.Fatal(err)
			}
			if _, err := evalJS[bool](ctx, p.start); err != nil {
				t.Fatal(err)
			}
			if err := waitFor(ctx, "the progress bar", fmt.Sprintf(`(b => !b.hidden && b.value > 0)(document.getElementById(%q))`, p.bar)); err != nil {
				t.Fatal(err)
			}
			if e := bar(); !e.Shown || e.Role != "progressbar" || e.Name == "" {
				t.Errorf("while downloading, #%s: %+v; want a progress bar shown, with a name", p.bar, e)
			}
			said, err := evalJS[[]string](ctx, `statusSeen`)
			if err != nil {
				t.Fatal(err)
			}
			prefix, err := evalJS[string](ctx, fmt.Sprintf(`JSON.parse(document.getElementById(%q).dataset.i18n)[%q].split("{")[0]`, p.root, p.downloading))
			if err != nil || prefix == "" {
				t.Fatalf("no string %s on the page (%v)", p.downloading, err)
			}
			if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, prefix) }) {
				t.Errorf("the status said %q while downloading; want %q…", said, prefix)
			}
			ready, err := chromedp.Run(ctx, chromedp.Poll[bool](p.ready, chromedp.WithPollingTimeout(2*time.Minute)))
			if err != nil || !ready {
				t.Fatalf("not ready: %v", err)
			}
			if bar().Shown {
				t.Errorf("#%s still shown once the program is ready", p.bar)
			}
		})
	}
}
