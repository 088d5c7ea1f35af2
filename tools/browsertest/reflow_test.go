package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"
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

// overlapping lists the boxes that overlap another of their kind (map tiles, cards,
// contact cards, the terms of a card, contact emails) or whose text overflows them: what
// the audit of issue 22 saw at 320 px (tiles pushed over each other by the federal tile,
// French card metadata and emails running out of their box), which a page that does not
// scroll sideways can still hide.
const overlapping = `(() => {
  const groups = {"map tile": "ul.tilemap a", "card": ".card, .contact", "card term": ".card-meta > div, .contact-details dd", "email": ".contact a[href^='mailto:']"};
  const name = e => (e.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
  const out = [];
  for (const [kind, sel] of Object.entries(groups)) {
    const els = Array.from(document.querySelectorAll(sel));
    const rs = els.map(e => e.getBoundingClientRect());
    els.forEach((e, i) => {
      if (getComputedStyle(e).overflowX === "visible" && e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) {
        out.push(kind + " " + JSON.stringify(name(e)) + ": its text is " + e.scrollWidth + " px wide in a box of " + e.clientWidth + " px");
      }
      for (let j = i + 1; j < els.length; j++) {
        const a = rs[i], b = rs[j];
        if (!a.width || !b.width || e.contains(els[j]) || els[j].contains(e)) continue;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          out.push(kind + " " + JSON.stringify(name(e)) + " overlaps " + JSON.stringify(name(els[j])));
        }
      }
    });
  }
  return out;
})()`

// textSpacing applies the text-spacing overrides of WCAG 2.1 success criterion 1.4.12
// (the values of its bookmarklet): line height 1.5, paragraphs 2 em apart, letters 0.12
// em, words 0.16 em.
const textSpacing = `(() => {
  const s = document.createElement("style");
  s.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
  document.head.append(s);
  return true;
})()`

// longWords puts the longest words a corpus can bring into the boxes that must hold
// them: the longest vocabulary label of the language in every term of a card and of a
// contact card (the fixture corpus has no « Multigouvernemental »), and a long address
// in every contact's email link. A function of the label.
const longWords = `((label) => {
  for (const dd of document.querySelectorAll(".card-meta dd, .contact-details dd:not(:has(a, ul))")) dd.textContent = label;
  for (const a of document.querySelectorAll(".contact a[href^='mailto:']")) a.textContent = "firstname.hyphenated-lastname@department-of-innovation.example.org";
  return true;
})`

// longestLabel returns, for each language, the vocabulary label of the fixture's
// taxonomy with the longest word (the widest line a term of a card can need).
func longestLabel(t *testing.T) map[string]string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(fixture, "taxonomy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var tax map[string][]map[string]string
	if err := yaml.Unmarshal(raw, &tax); err != nil {
		t.Fatal(err)
	}
	out, best := map[string]string{}, map[string]int{}
	for _, vocab := range tax {
		for _, term := range vocab {
			for _, lang := range []string{"en", "fr"} {
				for _, w := range strings.FieldsFunc(term[lang], func(r rune) bool { return r == ' ' || r == '-' }) {
					if n := utf8.RuneCountInString(w); n > best[lang] {
						best[lang], out[lang] = n, term[lang]
					}
				}
			}
		}
	}
	if out["en"] == "" || out["fr"] == "" {
		t.Fatalf("%s: no labels in en and fr", fixture)
	}
	return out
}

// TestReflow: WCAG 2.1 success criteria 1.4.10 (AA), reflow, and 1.4.12 (AA), text
// spacing — every kind of page, in both languages, reads at 320 CSS pixels wide (a
// 1280-pixel screen zoomed to 400 %), with and without the text-spacing overrides,
// without scrolling sideways and without boxes overlapping or text running out of them
// (also with the longest labels and a long email put in); and axe-core finds no
// violation at that width either (a table that scrolls in its own box must be reachable
// with the keyboard, for example).
func TestReflow(t *testing.T) {
	builtSite(t)
	tl := needTools(t, "chromium", AxePath)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	labels := longestLabel(t)
	b, srv := startBrowser(t)
	for _, spacing := range []bool{false, true} {
		variant := "320 px"
		if spacing {
			variant = "320 px with text spacing"
		}
		t.Run(strings.ReplaceAll(variant, " ", "_"), func(t *testing.T) {
			for _, pt := range pageTypes {
				for i, path := range []string{pt.en, pt.fr} {
					where := path + " (" + pt.kind + ") at " + variant
					// A tab per page: a slow page (axe on a busy machine) does not eat
					// the time of the next.
					ctx, cancel := b.Tab(2 * time.Minute)
					problems, err := reflowProblems(ctx, srv.URL+path, spacing, axe, labels[[2]string{"en", "fr"}[i]])
					cancel()
					if err != nil {
						t.Errorf("%s: %v", where, err)
					}
					for _, p := range problems {
						t.Errorf("%s: %s", where, p)
					}
				}
			}
		})
	}
}

// reflowProblems loads the page at url in a 320-pixel-wide viewport, with the
// text-spacing overrides or else with axe-core run, and returns what overflows or
// overlaps, then the same with the longest words (label) put in.
func reflowProblems(ctx context.Context, url string, spacing bool, axe string, label string) ([]string, error) {
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800), chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](LoadFonts, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	var out []string
	if spacing {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](textSpacing)); err != nil {
			return nil, err
		}
	} else {
		res, err := RunAxe(ctx, axe)
		if err != nil {
			return nil, fmt.Errorf("axe: %w", err)
		}
		for _, v := range res.Violations {
			out = append(out, v.Report("axe"))
		}
	}
	arg, _ := json.Marshal(label)
	for _, stress := range []string{"", longWords + "(" + string(arg) + ")"} {
		suffix := ""
		if stress != "" {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](stress)); err != nil {
				return out, err
			}
			suffix = " (with the longest words)"
		}
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](overflowing))
		if err != nil {
			return out, err
		}
		more, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](overlapping))
		if err != nil {
			return out, err
		}
		for _, b := range append(bad, more...) {
			out = append(out, b+suffix)
		}
	}
	return out, nil
}
