package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// markTabbables numbers, in document order, the elements a keyboard user should reach
// with Tab (data-kb-index), and returns how many there are and the index of the first
// one inside <main>.
const markTabbables = `(() => {
	const sel = 'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable=true]';
	const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
	const all = Array.from(document.querySelectorAll(sel)).filter(e => shown(e) || e.classList.contains("skip-link"));
	const main = document.querySelector("main");
	let firstInMain = -1;
	all.forEach((e, i) => { e.dataset.kbIndex = String(i); if (firstInMain < 0 && main && main.contains(e)) firstInMain = i; });
	return {count: all.length, firstInMain};
})()`

// focused describes the focused element and how its focus is drawn.
const focused = `(() => {
	const e = document.activeElement;
	const path = e => { const p = []; for (; e && e.nodeType === 1 && e !== document.body; e = e.parentElement) { let s = e.tagName.toLowerCase(); if (e.id) { p.unshift(s + "#" + e.id); break; } if (e.classList.length) s += "." + Array.from(e.classList).join("."); p.unshift(s); } return p.join(" > "); };
	if (!e || e === document.body || e === document.documentElement) return {tag: "body", index: -1, hash: location.hash};
	const cs = getComputedStyle(e), r = e.getBoundingClientRect();
	return {
		tag: e.tagName.toLowerCase(), id: e.id, path: path(e), text: (e.innerText || e.getAttribute("aria-label") || "").trim().slice(0, 60),
		href: e.getAttribute("href") || "", index: e.dataset.kbIndex === undefined ? -1 : Number(e.dataset.kbIndex),
		focusVisible: e.matches(":focus-visible"),
		outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0, outlineColor: cs.outlineColor, boxShadow: cs.boxShadow,
		x: r.left, y: r.top, w: r.width, h: r.height, vw: innerWidth, vh: innerHeight, hash: location.hash,
	};
})()`

type focusState struct {
	Tag          string  `json:"tag"`
	ID           string  `json:"id"`
	Path         string  `json:"path"`
	Text         string  `json:"text"`
	Href         string  `json:"href"`
	Index        int     `json:"index"`
	FocusVisible bool    `json:"focusVisible"`
	OutlineStyle string  `json:"outlineStyle"`
	OutlineWidth float64 `json:"outlineWidth"`
	OutlineColor string  `json:"outlineColor"`
	BoxShadow    string  `json:"boxShadow"`
	X            float64 `json:"x"`
	Y            float64 `json:"y"`
	W            float64 `json:"w"`
	H            float64 `json:"h"`
	VW           float64 `json:"vw"`
	VH           float64 `json:"vh"`
	Hash         string  `json:"hash"`
}

func (f focusState) String() string {
	s := f.Path
	if f.Text != "" {
		s += fmt.Sprintf(" (%q)", f.Text)
	}
	return s
}

// indicatorProblem says what is wrong with how focus is drawn on the element, or "".
// The indicator is an outline of at least 2 CSS pixels in a colour that is not
// transparent, or a box-shadow; and the element is in the viewport, with a size.
func (f focusState) indicatorProblem() string {
	var p []string
	if !f.FocusVisible {
		p = append(p, "it does not match :focus-visible")
	}
	outline := f.OutlineStyle != "none" && f.OutlineStyle != "hidden" && f.OutlineWidth >= 2 && !transparent(f.OutlineColor)
	shadow := f.BoxShadow != "" && f.BoxShadow != "none"
	if !outline && !shadow {
		p = append(p, fmt.Sprintf("no visible focus indicator (outline: %s %.1fpx %s; box-shadow: %s)", f.OutlineStyle, f.OutlineWidth, f.OutlineColor, f.BoxShadow))
	}
	if f.W < 1 || f.H < 1 {
		p = append(p, fmt.Sprintf("it has no size (%.0f×%.0f)", f.W, f.H))
	} else if f.X+f.W <= 0 || f.Y+f.H <= 0 || f.X >= f.VW || f.Y >= f.VH {
		p = append(p, fmt.Sprintf("it is outside the viewport at (%.0f, %.0f)", f.X, f.Y))
	}
	return strings.Join(p, "; ")
}

func transparent(c string) bool {
	c = strings.ReplaceAll(c, " ", "")
	return c == "transparent" || strings.HasPrefix(c, "rgba(") && strings.HasSuffix(c, ",0)")
}

func focusNow(ctx context.Context) (focusState, error) {
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](focused))
	if err != nil {
		return focusState{}, err
	}
	var f focusState
	err = json.Unmarshal(raw, &f)
	return f, err
}

func press(ctx context.Context, key string) error { return chromedp.Do(ctx, chromedp.KeyEvent(key)) }

// TestKeyboard tabs through each case study: the first Tab reaches the skip link, which
// is then visible and leads, with Enter, to the main content; every Tab after that
// reaches the next link or control in document order, each with a visible focus
// indicator, until all were reached.
func TestKeyboard(t *testing.T) {
	b, srv := startBrowser(t)
	for _, path := range caseStudies {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) {
			ctx, cancel := b.Tab(time.Minute)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
				t.Fatal(err)
			}
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](markTabbables))
			if err != nil {
				t.Fatal(err)
			}
			var marks struct {
				Count       int `json:"count"`
				FirstInMain int `json:"firstInMain"`
			}
			if err := json.Unmarshal(raw, &marks); err != nil {
				t.Fatal(err)
			}
			if marks.Count < 10 || marks.FirstInMain < 0 {
				t.Fatalf("%d links and controls, none in <main>: is this a case study?", marks.Count)
			}

			// The skip link first, visible when focused, to #main.
			if err := press(ctx, kb.Tab); err != nil {
				t.Fatal(err)
			}
			f, err := focusNow(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if f.Index != 0 || !strings.Contains(f.Path, "skip-link") || f.Href != "#main" {
				t.Fatalf("the first Tab reaches %s (href %q), not the skip link (a.skip-link href=#main)", f, f.Href)
			}
			if p := f.indicatorProblem(); p != "" {
				t.Errorf("skip link: %s", p)
			}
			if err := press(ctx, kb.Enter); err != nil {
				t.Fatal(err)
			}
			f, err = focusNow(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if f.Hash != "#main" {
				t.Errorf("Enter on the skip link leads to %q, not #main", f.Hash)
			}
			if f.ID != "main" {
				t.Errorf("after the skip link, focus is on %s, not on <main id=main tabindex=-1>", f)
			}
			if err := press(ctx, kb.Tab); err != nil {
				t.Fatal(err)
			}
			if f, err = focusNow(ctx); err != nil {
				t.Fatal(err)
			}
			if f.Index != marks.FirstInMain {
				t.Errorf("after the skip link, Tab reaches %s (#%d), not the first link of the main content (#%d)", f, f.Index, marks.FirstInMain)
			}

			// The whole page, from the top.
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](markTabbables)); err != nil {
				t.Fatal(err)
			}
			bad := 0
			for i := 0; i < marks.Count; i++ {
				if err := press(ctx, kb.Tab); err != nil {
					t.Fatal(err)
				}
				f, err := focusNow(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if f.Index != i {
					t.Errorf("Tab %d reaches %s (#%d), not element #%d in document order", i+1, f, f.Index, i)
					if bad++; bad > 5 {
						t.Fatal("giving up")
					}
					continue
				}
				if p := f.indicatorProblem(); p != "" {
					t.Errorf("focus on %s: %s", f, p)
					if bad++; bad > 10 {
						t.Fatal("giving up")
					}
				}
			}
			t.Logf("%s: %d Tabs, each to the next element with a visible focus", path, marks.Count)
		})
	}
}
