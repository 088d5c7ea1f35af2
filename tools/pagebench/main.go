// Command pagebench measures the pages of the site on a slow profile, as a public
// servant's old laptop on a weak line (issue 22, item 9): Chromium's network emulation
// at 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, and its CPU slowed 4×. It builds the
// fixture site (tools/check/testdata/valid) with the browser programs, serves it on
// 127.0.0.1, and prints for every page type (browsertest.PageTypes), in both languages,
// the bytes fetched before the reader acts (uncompressed: the files' sizes; and as
// transferred) against the 500 KB ceiling; then the time to ready of the submission
// form (typing accepted; validator ready after the first focus) and of the calculator
// (sample painted from the page's HTML, then drawn by its script; a file scored by the
// downloaded program). tools/bench.sh runs it (make bench); docs/site.md, Performance,
// gives its figures.
//
// Usage: go run ./tools/pagebench [-fast] [-only KIND]   (-fast: no emulation, to
// compare; -only: the page types whose kind holds KIND, e.g. calculator)
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/pssdc/guide-iad/tools/browsertest"
	"github.com/pssdc/guide-iad/tools/internal/chromium"
	"github.com/pssdc/guide-iad/tools/sitetest"
)

// The slow profile, and the budget's ceiling (browsertest.PageBudgetBytes is a test's).
const (
	downBytes  = 1.6e6 / 8 // bytes per second
	upBytes    = 750e3 / 8 // bytes per second
	latencyMs  = 150       // milliseconds
	cpuSlowing = 4         // times
	ceiling    = 500_000   // bytes
)

func main() {
	fast := flag.Bool("fast", false, "measure without the slow profile")
	only := flag.String("only", "", "measure only the page types whose kind contains this")
	flag.Parse()
	if err := run(!*fast, *only); err != nil {
		fmt.Fprintln(os.Stderr, "pagebench:", err)
		os.Exit(1)
	}
}

func run(slow bool, only string) error {
	repo, err := os.Getwd()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "guide-pagebench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	src, err := sitetest.Stage(repo, filepath.Join(repo, "tools/check/testdata/valid"), tmp)
	if err != nil {
		return err
	}
	if err := sitetest.StageWASM(repo, src); err != nil {
		return err
	}
	out := filepath.Join(tmp, "public")
	if _, err := sitetest.Build(repo, src, out); err != nil {
		return err
	}
	srv, err := chromium.Serve(out, chromium.ServeOptions{})
	if err != nil {
		return err
	}
	defer srv.Close()
	exe, err := chromium.Find("")
	if err != nil {
		return err
	}
	b, err := chromium.Start(context.Background(), exe, browsertest.BrowserFlags...)
	if err != nil {
		return err
	}
	defer b.Close()
	tab := func() (context.Context, context.CancelFunc, error) {
		tctx, tcancel := b.Tab()
		ctx, cancel := context.WithTimeout(tctx, 5*time.Minute)
		done := func() { cancel(); tcancel() }
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil || !slow {
			return ctx, done, err
		}
		if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: latencyMs, DownloadThroughput: downBytes, UploadThroughput: upBytes}},
		}); err != nil {
			return ctx, done, err
		}
		_, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpuSlowing})
		return ctx, done, err
	}

	profile := "no emulation"
	if slow {
		profile = fmt.Sprintf("1.6 Mbit/s down, 750 kbit/s up, %d ms latency, CPU slowed %d×", latencyMs, cpuSlowing)
	}
	fmt.Printf("== pages before the reader acts (%s); ceiling %d KB\n", profile, ceiling/1000)
	fmt.Printf("%-36s %-4s %9s %12s %9s  %s\n", "page type", "lang", "files KB", "transferred", "loaded s", "")
	over := 0
	for _, pt := range browsertest.PageTypes {
		if !strings.Contains(pt.Kind, only) {
			continue
		}
		for _, p := range [][2]string{{"en", pt.EN}, {"fr", pt.FR}} {
			ctx, done, err := tab()
			if err != nil {
				done()
				return err
			}
			files, sent, secs, err := measurePage(ctx, srv.URL, p[1], out)
			done()
			if err != nil {
				return fmt.Errorf("%s: %w", p[1], err)
			}
			verdict := "met"
			if files > ceiling || sent > ceiling {
				verdict, over = "OVER", over+1
			}
			fmt.Printf("%-36s %-4s %9.1f %9.1f KB %9.2f  %s\n", pt.Kind, p[0], float64(files)/1000, float64(sent)/1000, secs, verdict)
		}
	}

	fmt.Printf("== time to ready (%s)\n", profile)
	for _, lang := range []string{"en", "fr"} {
		for _, pt := range browsertest.PageTypes {
			if !strings.Contains(pt.Kind, only) {
				continue
			}
			var path string
			if lang == "en" {
				path = pt.EN
			} else {
				path = pt.FR
			}
			var err error
			ctx, done, terr := tab()
			if terr != nil {
				done()
				return terr
			}
			switch pt.Kind {
			case "submit online (form)":
				err = formReady(ctx, srv.URL+path, lang)
			case "e-vulnerability index calculator":
				err = calculatorReady(ctx, srv.URL+path, lang, filepath.Join(repo, "static/evi/sample.csv"))
			}
			done()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	if over > 0 {
		return fmt.Errorf("%d pages over the %d KB ceiling", over, ceiling/1000)
	}
	return nil
}

// measurePage loads url+path and returns the bytes of the files it fetched until the
// network is quiet for a second (their size as built), the bytes transferred, and the
// seconds to the load event.
func measurePage(ctx context.Context, base, path, site string) (files, sent int64, secs float64, err error) {
	rec, err := browsertest.Record(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+path)); err != nil {
		return 0, 0, 0, err
	}
	rec.Settle(ctx, time.Second)
	for _, q := range rec.Requests() {
		files += builtSize(site, strings.TrimPrefix(q.URL, base))
		sent += int64(q.Bytes)
	}
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.getEntriesByType("navigation")[0].loadEventEnd`))
	return files, sent, ms / 1000, err
}

func builtSize(site, p string) int64 {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	fi, err := os.Stat(filepath.Join(site, filepath.FromSlash(p)))
	if err != nil {
		return 0
	}
	return fi.Size()
}

// poll waits until the script expr is true and returns the page's clock then (ms).
func poll(ctx context.Context, expr string) (float64, error) {
	return chromedp.Run(ctx, chromedp.Poll[float64](`(`+expr+`) && performance.now()`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(4*time.Minute)))
}

// formReady: the form shown (typing accepted), then, after a focus in it, the
// validator ready (data-state on #sf).
func formReady(ctx context.Context, url, lang string) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	shown, err := poll(ctx, `!document.getElementById("sf").hidden`)
	if err != nil {
		return err
	}
	focus, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(document.getElementById("sf").dispatchEvent(new FocusEvent("focusin", {bubbles: true})), performance.now())`))
	if err != nil {
		return err
	}
	ready, err := poll(ctx, `["ready", "failed"].includes(document.getElementById("sf").dataset.state)`)
	if err != nil {
		return err
	}
	fmt.Printf("form, %s: typing accepted at %.2f s; validator ready %.2f s after the first focus\n", lang, shown/1000, (ready-focus)/1000)
	return nil
}

// calculatorReady: the sample's result painted (the first contentful paint, when the
// page's HTML holds the sample's table: layouts/_partials/evi/sample.html), then drawn
// by the script, then a file chosen (the sample's CSV) scored by the program,
// downloaded then.
func calculatorReady(ctx context.Context, url, lang, csv string) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	painted, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`fetch(location.href).then(r => r.text()).then(h =>
		new DOMParser().parseFromString(h, "text/html").querySelectorAll("#evi-table tbody tr").length > 0
			? performance.getEntriesByName("first-contentful-paint")[0].startTime : -1)`, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	shown, err := poll(ctx, `Number(document.getElementById("evi").dataset.runs || 0) >= 1`)
	if err != nil {
		return err
	}
	if painted >= 0 {
		fmt.Printf("calculator, %s: sample painted from the HTML at %.2f s\n", lang, painted/1000)
	}
	chose, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	if err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#evi-data"), []string{csv})); err != nil {
		return err
	}
	scored, err := poll(ctx, `Number(document.getElementById("evi").dataset.runs || 0) >= 2`)
	if err != nil {
		return err
	}
	fmt.Printf("calculator, %s: sample shown at %.2f s; a file scored %.2f s after it was chosen (program downloaded then)\n", lang, shown/1000, (scored-chose)/1000)
	return nil
}
