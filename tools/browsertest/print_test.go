package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// printState describes, in the page as laid out, what the print stylesheet must hide,
// keep and add.
const printState = `(() => {
	const display = sel => Array.from(document.querySelectorAll(sel)).map(e => getComputedStyle(e).display);
	const main = document.querySelector("main");
	const r = main ? main.getBoundingClientRect() : {width: 0, height: 0};
	const ext = Array.from(document.querySelectorAll('main a[href^="http"]')).filter(a => a.getClientRects().length > 0);
	return {
		nav: display(".site-nav"), footerLinks: display(".footer-links"), toggle: display(".lang-toggle"),
		actions: display(".entry-actions"), search: display('header form, header [role="search"]'),
		mainDisplay: main ? getComputedStyle(main).display : "", mainW: r.width, mainH: r.height,
		h1: Array.from(document.querySelectorAll("main h1")).filter(e => e.getClientRects().length > 0).length,
		sections: Array.from(document.querySelectorAll("main section")).filter(e => e.getClientRects().length > 0).length,
		external: ext.map(a => ({href: a.getAttribute("href"), after: getComputedStyle(a, "::after").content})),
		metricsBreak: Array.from(document.querySelectorAll("table.metrics, .contact")).map(e => getComputedStyle(e).breakInside),
	};
})()`

type printResult struct {
	Nav         []string `json:"nav"`
	FooterLinks []string `json:"footerLinks"`
	Toggle      []string `json:"toggle"`
	Actions     []string `json:"actions"`
	Search      []string `json:"search"`
	MainDisplay string   `json:"mainDisplay"`
	MainW       float64  `json:"mainW"`
	MainH       float64  `json:"mainH"`
	H1          int      `json:"h1"`
	Sections    int      `json:"sections"`
	External    []struct {
		Href  string `json:"href"`
		After string `json:"after"`
	} `json:"external"`
	MetricsBreak []string `json:"metricsBreak"`
}

// TestPrintStylesheet loads each case study with print media emulated (as when it is
// printed): the navigation, the language toggle, the footer links, a search form in the
// header and the "Suggest an edit" links are not displayed; the main content is, with its
// title and sections; every external link in it prints its address after it; metrics
// tables and contact cards are not split across pages.
func TestPrintStylesheet(t *testing.T) {
	b, srv := startBrowser(t)
	for _, path := range caseStudies {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) {
			ctx, cancel := b.Tab(time.Minute)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}), chromedp.Navigate(srv.URL+path)); err != nil {
				t.Fatal(err)
			}
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](printState))
			if err != nil {
				t.Fatal(err)
			}
			var r printResult
			if err := json.Unmarshal(raw, &r); err != nil {
				t.Fatal(err)
			}
			hidden := func(what string, displays []string, required bool) {
				if required && len(displays) == 0 {
					t.Errorf("no %s on the page: the test needs it", what)
				}
				for _, d := range displays {
					if d != "none" {
						t.Errorf("printed, the %s is displayed (display: %s), want none", what, d)
					}
				}
			}
			hidden("navigation (.site-nav)", r.Nav, true)
			hidden("language toggle (.lang-toggle)", r.Toggle, true)
			hidden("footer links (.footer-links)", r.FooterLinks, true)
			hidden("edit and report links (.entry-actions)", r.Actions, true)
			hidden("header search form", r.Search, false)
			if r.MainDisplay == "none" || r.MainW < 100 || r.MainH < 500 {
				t.Errorf("printed, the main content is not shown (display %q, %.0f×%.0f)", r.MainDisplay, r.MainW, r.MainH)
			}
			if r.H1 != 1 || r.Sections < 5 {
				t.Errorf("printed, %d title(s) and %d sections are shown, want 1 and at least 5", r.H1, r.Sections)
			}
			if len(r.External) == 0 {
				t.Error("no external link in the case study: the test needs one")
			}
			for _, e := range r.External {
				if !strings.Contains(e.After, e.Href) {
					t.Errorf("printed, the link to %s is followed by %s, want its address", e.Href, e.After)
				}
			}
			if len(r.MetricsBreak) == 0 {
				t.Error("no metrics table or contact card in the case study: the test needs one")
			}
			for _, v := range r.MetricsBreak {
				if v != "avoid" {
					t.Errorf("printed, a metrics table or contact card has break-inside: %s, want avoid", v)
				}
			}
		})
	}
}

// TestMapKeyboard tabs through the home page of each language until the map of
// jurisdictions: every tile is reached in turn, in reading order, with a visible focus
// indicator.
func TestMapKeyboard(t *testing.T) {
	b, srv := startBrowser(t)
	for _, path := range []string{"/en/", "/fr/"} {
		t.Run(strings.Trim(path, "/"), func(t *testing.T) {
			ctx, cancel := b.Tab(time.Minute)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
				t.Fatal(err)
			}
			tiles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("ul.tilemap a")).map(a => a.getAttribute("href"))`))
			if err != nil {
				t.Fatal(err)
			}
			if len(tiles) < 10 {
				t.Fatalf("%d tiles on the map, want one per jurisdiction", len(tiles))
			}
			var reached []string
			for i := 0; i < 200 && len(reached) < len(tiles); i++ {
				if err := press(ctx, kb.Tab); err != nil {
					t.Fatal(err)
				}
				f, err := focusNow(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(f.Path, "tilemap") {
					if len(reached) > 0 {
						break
					}
					continue
				}
				reached = append(reached, f.Href)
				if p := f.indicatorProblem(); p != "" {
					t.Errorf("tile %s: %s", f.Href, p)
				}
			}
			if strings.Join(reached, " ") != strings.Join(tiles, " ") {
				t.Errorf("Tab reached the tiles %q, want %q", reached, tiles)
			}
		})
	}
}

// TestPrintStamp prints each case study (print media, the browser's "beforeprint"
// event) and reads its print stamp (print-stamp.html, print-stamp.js), which must say
// only what it knows (issue 21, item 6): without JavaScript, the address and the day
// the page was built; with it, the address and the day of printing, in place of the
// day built.
func TestPrintStamp(t *testing.T) {
	b, srv := startBrowser(t)
	for _, path := range caseStudies {
		fr := strings.HasPrefix(path, "/fr/")
		from, built, on := "Printed from ", "; page built on ", " on "
		if fr {
			from, built, on = "Imprimé depuis ", "\u00a0; page produite le ", " le "
		}
		for _, js := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/js=%t", strings.Trim(path, "/"), js), func(t *testing.T) {
				ctx, cancel := b.Tab(time.Minute)
				defer cancel()
				if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js}); err != nil {
						return err
					}
					_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
					return err
				}), chromedp.Navigate(srv.URL+path)); err != nil {
					t.Fatal(err)
				}
				if js {
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.dispatchEvent(new Event("beforeprint"))`)); err != nil {
						t.Fatal(err)
					}
				}
				// innerText is what the paper shows: hidden spans are left out. With JavaScript
				// disabled, Evaluate still runs (the debugger's scripts are not the page's).
				var st struct{ Text, URL, Built string }
				raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`(() => {
					const p = document.querySelector(".print-stamp");
					if (!p) return {Text: "", URL: "", Built: ""};
					const time = p.querySelector("[data-print-built] time");
					return {Text: p.innerText, URL: p.querySelector(".print-url").textContent, Built: time ? time.getAttribute("datetime") : ""};
				})()`))
				if err == nil {
					err = json.Unmarshal(raw, &st)
				}
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasSuffix(st.URL, path) {
					t.Errorf("the stamp's address is %q, want the page's permalink (…%s)", st.URL, path)
				}
				day, err := time.Parse("2006-01-02", st.Built)
				if err != nil {
					t.Fatalf("the stamp's build date: %v", err)
				}
				if age := time.Since(day); age < -48*time.Hour || age > 72*time.Hour {
					t.Errorf("the stamp says the page was built on %s: the test site was built today", st.Built)
				}
				want := from + st.URL + built + longDate(day, fr) + "."
				if js {
					want = from + st.URL + on + longDate(time.Now(), fr) + "."
				}
				if got := strings.TrimSpace(st.Text); got != want {
					t.Errorf("the printed stamp says\n\t%q\nwant\n\t%q", got, want)
				}
			})
		}
	}
}

// longDate writes a day as the site does (date-text.html): "December 7, 2026",
// "7 décembre 2026", "1er décembre 2026".
func longDate(d time.Time, fr bool) string {
	if !fr {
		return d.Format("January 2, 2006")
	}
	months := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	day := strconv.Itoa(d.Day())
	if d.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, months[d.Month()-1], d.Year())
}
