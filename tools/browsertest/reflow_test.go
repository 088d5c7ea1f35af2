package browsertest

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// overflowing lists, on a page at the current viewport, the elements that stick out to
// the right of it, other than inside a box that scrolls or clips horizontally (a wide
// table in its own scrolling container is allowed: WCAG 1.4.10 exempts two-dimensional
// content). Empty when the page has no horizontal scrolling.
const overflowing = `(() => {
  const w = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= w) return [];
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 1) continue;
    let a = el.parentElement, contained = false;
    for (; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === "auto" || ox === "scroll" || ox === "hidden" || ox === "clip") { contained = true; break; }
    }
    if (contained) continue;
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + cls + " (right edge " + Math.round(r.right) + " px)");
    if (out.length === 8) break;
  }
  return out.length ? out : ["the page scrolls sideways (" + document.documentElement.scrollWidth + " px wide)"];
})()`

// TestReflow: WCAG 2.1 success criterion 1.4.10 (AA), reflow — every kind of page, in
// both languages, reads at 320 CSS pixels wide (a 1280-pixel screen zoomed to 400 %)
// without scrolling sideways; and axe-core finds no violation at that width either (a
// table that scrolls in its own box must be reachable with the keyboard, for example).
func TestReflow(t *testing.T) {
	builtSite(t)
	tl := needTools(t, "chromium", AxePath)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	b, srv := startBrowser(t)
	ctx, cancel := b.Tab(5 * time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800)); err != nil {
		t.Fatal(err)
	}
	for _, pt := range pageTypes {
		for _, path := range []string{pt.en, pt.fr} {
			err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path))
			if err == nil {
				_, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](LoadFonts, chromedp.EvalAwaitPromise))
			}
			var bad []string
			if err == nil {
				bad, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](overflowing))
			}
			if err != nil {
				t.Errorf("%s (%s): %v", path, pt.kind, err)
				continue
			}
			for _, b := range bad {
				t.Errorf("%s (%s) at 320 px: %s", path, pt.kind, b)
			}
			res, err := RunAxe(ctx, axe)
			if err != nil {
				t.Errorf("%s (%s) at 320 px: axe: %v", path, pt.kind, err)
				continue
			}
			for _, v := range res.Violations {
				t.Error(v.Report(path + " at 320 px"))
			}
		}
	}
}
