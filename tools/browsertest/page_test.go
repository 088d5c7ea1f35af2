package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/pssdc/guide-iad/tools/sitetest"
)

// BudgetBytes is the most a case study may transfer when loaded with an empty cache:
// HTML, CSS and the fonts it uses (issue 5, item 7: 60 KB; 1 KB = 1000 bytes).
const BudgetBytes = 60_000

// TestCaseStudyBudget loads each case study of caseStudies with the cache disabled and
// adds up the bytes transferred for every request (headers included, as Chromium
// counts them): no more than BudgetBytes. The sum of the files' sizes is logged beside.
func TestCaseStudyBudget(t *testing.T) {
	b, srv := startBrowser(t)
	for _, path := range caseStudies {
		ctx, cancel := b.Tab(time.Minute)
		rec, err := Record(ctx)
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			cancel()
			t.Fatal(err)
		}
		r := loadPage(ctx, rec, srv.URL+path, path, "")
		cancel()
		if r.Err != nil {
			t.Errorf("%s: %v", path, r.Err)
			continue
		}
		if len(r.Pending) > 0 {
			t.Errorf("%s: requests still pending: %s", path, strings.Join(r.Pending, ", "))
		}
		var total, files int64
		var lines []string
		for _, q := range r.Requests {
			total += int64(q.Bytes)
			size := fileSize(q.URL, srv.URL)
			files += size
			lines = append(lines, fmt.Sprintf("%7d B transferred (file %6d B) %-10s %s", int64(q.Bytes), size, q.Type, strings.TrimPrefix(q.URL, srv.URL)))
		}
		sort.Strings(lines)
		report := fmt.Sprintf("%s: %d B transferred in %s (files %d B), budget %d B\n    %s",
			path, total, plural(len(r.Requests), "request", "requests"), files, BudgetBytes, strings.Join(lines, "\n    "))
		if total > BudgetBytes || files > BudgetBytes {
			t.Errorf("over budget: %s", report)
		} else {
			t.Log(report)
		}
	}
}

// fileSize is the size of the built file a URL of the test server names (0 if none).
func fileSize(u, base string) int64 {
	p := strings.TrimPrefix(u, base)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	fi, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(p)))
	if err != nil {
		return 0
	}
	return fi.Size()
}

// TestReadableWithoutJavaScript loads each case study with JavaScript disabled: its main
// content (title, sections, lessons) is there and visible, and the page's text is the
// same as with JavaScript.
func TestReadableWithoutJavaScript(t *testing.T) {
	b, srv := startBrowser(t)
	s := builtSite(t)
	for _, path := range caseStudies {
		want := mainTexts(t, s.PageAt(path).Doc)
		if len(want) < 5 {
			t.Fatalf("%s: only %d headings and paragraphs in <main>: is this a case study?", path, len(want))
		}
		var got [2]string
		for i, disabled := range []bool{true, false} {
			ctx, cancel := b.Tab(time.Minute)
			err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: disabled})
				return err
			}), chromedp.Navigate(srv.URL+path))
			if err == nil {
				// innerText is the text as rendered: what is hidden by CSS is left out.
				got[i], err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main") ? document.querySelector("main").innerText : ""`))
			}
			cancel()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		// innerText follows CSS (text-transform, line breaks between blocks): compare
		// without case and spaces.
		norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
		noJS := norm(got[0])
		for _, w := range want {
			if !strings.Contains(noJS, norm(w)) {
				t.Errorf("%s without JavaScript: %q is not shown", path, w)
			}
		}
		if noJS != norm(got[1]) {
			t.Errorf("%s: the main text differs without JavaScript (%d characters) and with it (%d)", path, len(noJS), len(norm(got[1])))
		}
	}
}

// mainTexts returns the text of the headings, paragraphs and list items in <main>.
// offScreen reports whether n is not meant for the screen: inside an element with the
// hidden attribute (the search keywords) or a print-only one (the print stamp).
func offScreen(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		for _, a := range n.Attr {
			if a.Key == "hidden" || a.Key == "class" && slices.Contains(strings.Fields(a.Val), "print-stamp") {
				return true
			}
		}
	}
	return false
}

func mainTexts(t *testing.T, doc *html.Node) []string {
	t.Helper()
	mains := sitetest.Find(doc, func(n *html.Node) bool { return n.Data == "main" })
	if len(mains) != 1 {
		t.Fatalf("%d <main> elements", len(mains))
	}
	var out []string
	for _, n := range sitetest.Find(mains[0], func(n *html.Node) bool {
		switch n.Data {
		case "h1", "h2", "h3", "p", "li", "dt", "dd", "th", "td":
			return !offScreen(n)
		}
		return false
	}) {
		if s := strings.Join(strings.Fields(sitetest.Text(n)), " "); len(s) > 3 && len(s) < 200 {
			out = append(out, s)
		}
	}
	return out
}
