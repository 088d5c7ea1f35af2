package browsertest

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// illegible lists, in the page as drawn, the elements of a chart, a map tile or a badge
// whose colour contrasts too little with what is behind them: text under 4.5:1, bars and
// axes under 3:1 (WCAG 1.4.3 and 1.4.11). The background is the first ancestor's that is
// not transparent. It also fails when there is nothing to check.
const illegible = `(() => {
  const rgb = s => { const m = s.match(/[\d.]+/g); return m ? m.map(Number) : null; };
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const bg = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c && (c.length < 4 || c[3] > 0)) return c; } return [255, 255, 255]; };
  const checks = [
    [".evi-chart .evi-tick, .evi-chart .evi-value", "fill", 4.5, "chart label"],
    [".evi-chart .evi-bar", "fill", 3, "chart bar"],
    [".evi-chart .evi-axis", "stroke", 3, "chart axis"],
    ["ul.tilemap a .tm-code, ul.tilemap a .tm-n", "color", 4.5, "map tile text"],
    [".badge", "color", 4.5, "badge"],
    [".pagination a", "color", 4.5, "page link"],
  ];
  const out = [];
  let seen = 0;
  for (const [sel, prop, min, what] of checks) {
    for (const el of document.querySelectorAll(sel)) {
      const fg = rgb(getComputedStyle(el)[prop]);
      if (!fg) { out.push(what + " " + JSON.stringify(el.textContent.trim()) + ": no " + prop); continue; }
      seen++;
      const r = ratio(fg, bg(el));
      if (r < min) out.push(what + " " + JSON.stringify(el.textContent.trim().slice(0, 30)) + ": " + prop + " " + getComputedStyle(el)[prop] + " on " + bg(el).join(",") + ", " + r.toFixed(1) + ":1, want " + min + ":1");
    }
  }
  if (!seen) out.push("no chart, tile or badge to check");
  return out;
})()`

// TestForcedColors: in a forced-colours theme (Chromium's forced-colors: active
// emulation), light and dark, the calculator's charts (drawn from the sample by its
// script), the tiles of the map and the badges of the lists keep their contrast: the
// charts take the theme's colours instead of keeping their own blue and grey.
func TestForcedColors(t *testing.T) {
	b, srv := startBrowser(t)
	pages := []struct{ path, ready string }{
		{"/en/e-vulnerability-calculator/", ".evi-chart .evi-bar"},
		{"/fr/calculateur-de-cybervulnerabilite/", ".evi-chart .evi-bar"},
		{"/en/", "ul.tilemap"},
		{"/fr/", "ul.tilemap"},
		{"/fr/projets/", ".badge"},
	}
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			for _, p := range pages {
				ctx, cancel := b.Tab(2 * time.Minute)
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
					{Name: "forced-colors", Value: "active"}, {Name: "prefers-color-scheme", Value: scheme}}})
				if err == nil {
					err = chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.path))
				}
				if err == nil {
					err = waitFor(ctx, p.ready, `document.querySelector("`+p.ready+`") !== null && matchMedia("(forced-colors: active)").matches`)
				}
				var bad []string
				if err == nil {
					bad, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](illegible))
				}
				cancel()
				if err != nil {
					t.Errorf("%s: %v", p.path, err)
					continue
				}
				for _, b := range bad {
					t.Errorf("%s, forced colours (%s): %s", p.path, scheme, b)
				}
			}
		})
	}
}
