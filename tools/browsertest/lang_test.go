package browsertest

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"
)

// englishOnlyTitles returns the titles of the fixture's entries written in English only
// (translation_pending: fr), which the French site shows in English.
func englishOnlyTitles(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, kind := range []string{"projects", "practices", "resources"} {
		files, _ := filepath.Glob(filepath.Join(fixture, kind, "*.yaml"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var e struct {
				Pending string            `yaml:"translation_pending"`
				Title   map[string]string `yaml:"title"`
			}
			if err := yaml.Unmarshal(raw, &e); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if e.Pending == "fr" && e.Title["en"] != "" {
				out = append(out, e.Title["en"])
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no entry in English only (translation_pending: fr)", fixture)
	}
	return out
}

// untaggedTitles is a function of a list of titles: it lists the places of the page where
// one of them is written in an element whose language is not English.
const untaggedTitles = `((titles) => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walk.nextNode()); ) {
    for (const t of titles) {
      if (!n.data.includes(t)) continue;
      const el = n.parentElement, l = el.closest("[lang]");
      const lang = l ? l.getAttribute("lang") : "";
      if (lang !== "en" && !lang.startsWith("en-")) {
        const where = [];
        for (let a = el; a && a !== document.body && where.length < 4; a = a.parentElement) where.unshift(a.tagName.toLowerCase() + (a.className && typeof a.className === "string" ? "." + a.className.trim().split(/\s+/)[0] : ""));
        out.push(JSON.stringify(t) + " in " + where.join(" > ") + " (language " + JSON.stringify(lang) + ")");
      }
    }
  }
  return out;
})`

// TestLanguageOfParts: WCAG 2.1 success criterion 3.1.2 (AA), language of parts — on the
// French site, every place that shows the title of an entry written in English only
// marks it lang="en": every French page whose HTML has the title (cards, lists, related
// entries, captions), and the results of the French search page, drawn by its script.
func TestLanguageOfParts(t *testing.T) {
	s := builtSite(t)
	needPagefind(t)
	titles := englishOnlyTitles(t)
	arg, _ := json.Marshal(titles)
	b, srv := startBrowser(t)
	ctx, cancel := b.Tab(5 * time.Minute)
	defer cancel()

	var paths []string
	for _, path := range pagesToLoad(s) {
		if !strings.HasPrefix(path, "/fr/") {
			continue
		}
		for _, title := range titles {
			if strings.Contains(string(s.Pages[path].Raw), title) {
				paths = append(paths, path)
				break
			}
		}
	}
	if len(paths) < 3 {
		t.Fatalf("the titles %q are on %d French pages, want the entry's page and lists", titles, len(paths))
	}
	check := func(where string) {
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](untaggedTitles+"("+string(arg)+")"))
		if err != nil {
			t.Errorf("%s: %v", where, err)
		}
		for _, b := range bad {
			t.Errorf("%s: %s", where, b)
		}
	}
	for _, path := range paths {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		check(path)
	}
	for _, title := range titles {
		path := "/fr/recherche/?q=" + url.QueryEscape(strings.Fields(title)[0])
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path)); err != nil {
			t.Fatal(err)
		}
		q, _ := json.Marshal(title)
		if err := waitFor(ctx, "a result titled "+string(q), `Array.from(document.querySelectorAll("[data-search-results] h2 a")).some(a => a.textContent === `+string(q)+`)`); err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		check(path)
	}
}
