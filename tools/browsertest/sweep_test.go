package browsertest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// sweepTabs is how many tabs load pages at once (the machine has two cores).
const sweepTabs = 3

// pageResult is what one load of a page in the browser gave.
type pageResult struct {
	Path     string
	Status   int64
	Requests []Request
	Console  []string
	Pending  []string
	Fonts    []string // faces that failed to load
	Axe      *AxeResult
	Err      error
}

var (
	sweepOnce    sync.Once
	sweepResults map[string]*pageResult
	sweepTime    time.Duration
)

// sweep loads every page of the fixture site once, in a few tabs of one browser, records
// its requests and console, and runs axe-core on it. The tests read the results.
func sweep(t *testing.T) map[string]*pageResult {
	t.Helper()
	s := builtSite(t)
	tl := needTools(t, "chromium", AxePath)
	b, srv := startBrowser(t)
	sweepOnce.Do(func() {
		if tl.Java != "" && tl.Vnu != "" {
			startVnu(tl) // in the background, while the browser works
		}
		start := time.Now()
		axe, err := LoadAxe(tl.Axe)
		if err != nil {
			sweepResults = map[string]*pageResult{"": {Err: err}}
			return
		}
		pages := pagesToLoad(s)
		work := make(chan string)
		results := make(chan *pageResult)
		var wg sync.WaitGroup
		for range sweepTabs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx, cancel := b.Tab(3 * time.Minute)
				defer cancel()
				rec, err := Record(ctx)
				for p := range work {
					if err != nil {
						results <- &pageResult{Path: p, Err: err}
						continue
					}
					results <- loadPage(ctx, rec, srv.URL+p, p, axe)
				}
			}()
		}
		go func() {
			for _, p := range pages {
				work <- p
			}
			close(work)
			wg.Wait()
			close(results)
		}()
		sweepResults = map[string]*pageResult{}
		for r := range results {
			sweepResults[r.Path] = r
		}
		sweepTime = time.Since(start)
	})
	if r := sweepResults[""]; r != nil {
		t.Fatal(r.Err)
	}
	return sweepResults
}

// loadPage loads one page in the tab of ctx and checks it.
func loadPage(ctx context.Context, rec *Recorder, url, path, axe string) *pageResult {
	res := &pageResult{Path: path}
	rec.Reset()
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	resp, err := chromedp.Run(pctx, chromedp.NavigateResponse(url))
	if err != nil {
		res.Err = fmt.Errorf("loading: %w", err)
		return res
	}
	res.Status = resp.Status
	if res.Fonts, err = chromedp.Run(pctx, chromedp.Evaluate[[]string](LoadFonts, chromedp.EvalAwaitPromise)); err != nil {
		res.Err = fmt.Errorf("waiting for fonts: %w", err)
		return res
	}
	sctx, scancel := context.WithTimeout(pctx, 5*time.Second)
	res.Pending = rec.Settle(sctx, 20*time.Millisecond)
	scancel()
	// A Web Worker's script is answered to the worker's own target: ask the server.
	res.Pending = slices.DeleteFunc(res.Pending, func(u string) bool {
		status, ok := server.Answered(u)
		return ok && status < 400
	})
	res.Requests, res.Console = rec.Requests(), rec.Console()
	if axe != "" {
		if res.Axe, err = RunAxe(pctx, axe); err != nil {
			res.Err = err
		}
	}
	return res
}

// checkLoaded fails for the pages that did not load, and for page types missing from the
// sweep; it returns the results in path order.
func checkLoaded(t *testing.T, results map[string]*pageResult) []*pageResult {
	t.Helper()
	for _, pt := range pageTypes {
		for _, p := range []string{pt.en, pt.fr} {
			if results[p] == nil {
				t.Errorf("%s (%s) was not loaded: is it still in the fixture site?", p, pt.kind)
			}
		}
	}
	var out []*pageResult
	for _, p := range pagesToLoad(site) {
		r := results[p]
		if r == nil {
			continue
		}
		if r.Err != nil {
			t.Errorf("%s: %v", p, r.Err)
			continue
		}
		if r.Status != 200 {
			t.Errorf("%s: HTTP %d", p, r.Status)
		}
		out = append(out, r)
	}
	return out
}

// TestAccessibility runs axe-core's WCAG 2.0/2.1 A and AA rules on every page of the
// fixture site, both languages: no violation is allowed.
func TestAccessibility(t *testing.T) {
	results := sweep(t)
	pages := checkLoaded(t, results)
	violations, version := 0, ""
	var review []string
	for _, r := range pages {
		if r.Axe == nil {
			continue
		}
		version = r.Axe.Version
		for _, v := range r.Axe.Violations {
			violations++
			t.Error(v.Report(r.Path))
		}
		for _, v := range r.Axe.Incomplete {
			for _, n := range v.Nodes {
				review = append(review, fmt.Sprintf("%s: %s at %s: %s", r.Path, v.ID, n.Selector(), oneLine(n.Summary, 160)))
			}
		}
	}
	t.Logf("axe-core %s, rules %s: %s on %s (sweep of the site in %.1f s)",
		version, strings.Join(AxeTags, ","), plural(violations, "violation", "violations"), plural(len(pages), "page", "pages"), sweepTime.Seconds())
	// What axe could not decide (text over an image or a gradient, for example) is for a
	// person to look at: listed, not a failure.
	for i, r := range review {
		if i == 10 {
			t.Logf("needs review: … %d in all", len(review))
			break
		}
		t.Logf("needs review: %s", r)
	}
}

// TestNoForeignRequests: loading any page requests nothing from another host than the
// site, and every request the page makes succeeds.
func TestNoForeignRequests(t *testing.T) {
	results := sweep(t)
	pages := checkLoaded(t, results)
	total := 0
	for _, r := range pages {
		total += len(r.Requests)
		for _, q := range Foreign(r.Requests, server.Host) {
			t.Errorf("%s: request to another host: %s (%s)", r.Path, q.URL, q.Type)
		}
		for _, q := range r.Requests {
			switch {
			case q.Blocked != "":
				t.Errorf("%s: %s blocked (%s)", r.Path, q.URL, q.Blocked)
			case q.Failed != "":
				t.Errorf("%s: %s failed: %s", r.Path, q.URL, q.Failed)
			case q.Status >= 400:
				t.Errorf("%s: %s: HTTP %d", r.Path, q.URL, q.Status)
			}
		}
		if len(r.Pending) > 0 {
			t.Errorf("%s: requests still pending after the load: %s", r.Path, strings.Join(r.Pending, ", "))
		}
		if len(r.Fonts) > 0 {
			t.Errorf("%s: fonts that failed to load: %s", r.Path, strings.Join(r.Fonts, ", "))
		}
	}
	for _, f := range server.Failures() {
		if strings.HasPrefix(f, "/favicon.ico ") {
			f += `: browsers ask for it when a page names no icon; add <link rel="icon" href="data:,"> (or a real icon) to the head partial and layouts/alias.html`
		}
		t.Errorf("the server answered an error: %s", f)
	}
	t.Logf("%s over %s, all to %s", plural(total, "request", "requests"), plural(len(pages), "page", "pages"), server.Host)
}

// TestConsoleClean: no page logs an error or a warning (a CSP violation, a resource that
// failed, a script error) while it loads.
func TestConsoleClean(t *testing.T) {
	results := sweep(t)
	for _, r := range checkLoaded(t, results) {
		for _, c := range r.Console {
			t.Errorf("%s: %s", r.Path, c)
		}
	}
}
