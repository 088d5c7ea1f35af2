package browsertest

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pssdc/guide-iad/tools/searchindex"
	"github.com/pssdc/guide-iad/tools/sitetest"
	"gopkg.in/yaml.v3"
)

// searchQuery is one query of testdata/search-queries.yaml.
type searchQuery struct {
	Q    string   `yaml:"q"`
	Why  string   `yaml:"why"`
	Want []string `yaml:"want"`
}

// frSections are the French section folders of the English ones (config.toml).
var frSections = strings.NewReplacer("projects/", "projets/", "practices/", "pratiques/", "resources/", "ressources/")

// searchPages are the search page of each language.
var searchPages = map[string]string{"en": "/en/search/", "fr": "/fr/recherche/"}

// TestSearchRecall runs the committed query set (testdata/search-queries.yaml: what a
// practitioner types, in both languages) on the real search page of a site built from the
// guide's own data/ and indexed as `make site` does, and requires every entry a query
// wants among its first 5 results (recall at 5 of 100 %). It logs the recall at 5 and the
// mean reciprocal rank of the first wanted entry (docs/site.md, Search, gives them).
func TestSearchRecall(t *testing.T) {
	tl := needTools(t, "chromium")
	raw, err := os.ReadFile("testdata/search-queries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var set map[string][]searchQuery
	if err := yaml.Unmarshal(raw, &set); err != nil {
		t.Fatal(err)
	}
	if len(set["en"]) < 30 || len(set["fr"]) < 30 {
		t.Fatalf("the query set has %d English and %d French queries, want at least 30 of each", len(set["en"]), len(set["fr"]))
	}
	dir := t.TempDir()
	src, err := sitetest.Stage(repo, filepath.Join(repo, "data"), dir)
	if err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	if _, err := sitetest.Build(repo, src, public); err != nil {
		t.Fatal(err)
	}
	if out, err := searchindex.Build(repo, public, ""); errors.Is(err, searchindex.ErrNotInstalled) && os.Getenv("CI") == "" {
		t.Skip(err)
	} else if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	b, err := StartBrowser(tl.Chromium)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	srv, err := Serve(public)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	var wanted, found int
	var rr float64
	var queries int
	for _, lang := range []string{"en", "fr"} {
		ctx, cancel := b.Tab(5 * time.Minute)
		for _, q := range set[lang] {
			links, err := searchOnPage(ctx, srv.URL+searchPages[lang], q.Q)
			if err != nil {
				cancel()
				t.Fatalf("%s %q: %v", lang, q.Q, err)
			}
			first := 0.0
			for _, w := range q.Want {
				path := "/" + lang + "/" + w + "/"
				if lang == "fr" {
					path = "/fr/" + frSections.Replace(w) + "/"
				}
				if !built(public, path) {
					t.Errorf("%s %q wants %s, which the site does not have", lang, q.Q, path)
				}
				wanted++
				rank := indexOf(links, path) + 1
				if rank >= 1 && rank <= 5 {
					found++
				} else {
					t.Errorf("%s %q (%s): %s is at rank %d, want it in the first 5; results: %q", lang, q.Q, q.Why, path, rank, top(links, 5))
				}
				if rank > 0 && 1/float64(rank) > first {
					first = 1 / float64(rank)
				}
			}
			rr += first
			queries++
		}
		cancel()
	}
	t.Logf("search query set: %d queries, recall at 5 = %.1f %% (%d of %d wanted entries), MRR = %.3f",
		queries, 100*float64(found)/float64(wanted), found, wanted, rr/float64(queries))
}

// searchOnPage opens the search page with ?q= and returns the links of the results shown
// (the first 10).
func searchOnPage(ctx context.Context, page, q string) ([]string, error) {
	u := page + "?q=" + url.QueryEscape(q)
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		return nil, err
	}
	if err := waitFor(ctx, "the results", searchDone); err != nil {
		return nil, err
	}
	return evalJS[[]string](ctx, resultLinks)
}

// built reports whether the site in public has a page at path.
func built(public, path string) bool {
	_, err := os.Stat(filepath.Join(public, filepath.FromSlash(path), "index.html"))
	return err == nil
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func top(s []string, n int) []string { return s[:min(n, len(s))] }
