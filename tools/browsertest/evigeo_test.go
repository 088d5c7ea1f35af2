package browsertest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/evi"
)

// eviOpen opens the calculator at url in a new tab of b for at most timeout, with its
// console and requests recorded, and waits for the sample's result.
func eviOpen(t *testing.T, b *Browser, url string, timeout time.Duration) (context.Context, *Recorder) {
	t.Helper()
	ctx, cancel := b.Tab(timeout)
	t.Cleanup(cancel)
	rec, err := Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if err := eviRuns(ctx, 1, time.Minute); err != nil {
		t.Fatal(err)
	}
	return ctx, rec
}

// eviBadGeo is a GeoJSON file of the sample's areas whose second polygon leaves the
// globe: guide evi's detail, a message within a message (evi_geo_in_polygon,
// evi_geo_position_range).
const eviBadGeo = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"FX-01"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[0,0],[200,0],[1,1],[0,0]]]]}}]}
`

// eviBadJSON is a GeoJSON file that is not JSON: the detail is what encoding/json
// says, worded from the catalogue (cause_json_char, cause_json_after_element).
const eviBadJSON = `{"type":"FeatureCollection","features":[1 2]}
`

// TestEVIGeoErrorsWorded: the problems of a GeoJSON file of boundaries, details
// included, are worded on the calculator in the page's language from the codes that
// evi.wasm passes (evi_geo_*, and cause_* for what the JSON reader says): in English
// as guide evi words them, in French without an English word of guide evi's message;
// the console stays clean.
func TestEVIGeoErrorsWorded(t *testing.T) {
	needTools(t, "chromium")
	b, srv := startBrowser(t)
	for _, tc := range []struct {
		name, src string
		code      evi.Code
	}{
		{"geometry", eviBadGeo, evi.CodeGeoBadGeometry},
		{"json", eviBadJSON, evi.CodeGeoSyntax},
	} {
		path := filepath.Join(t.TempDir(), "bad-areas.geojson")
		if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := evi.ReadGeoJSON(strings.NewReader(tc.src), []evi.Area{{Code: "FX-01"}}, "code")
		var list evi.ErrorList
		if !errors.As(err, &list) || len(list) != 1 || list[0].Code != tc.code {
			t.Fatalf("%s: guide evi reads the bad GeoJSON as %v; want one %s", tc.name, err, tc.code)
		}
		english := eviEnglishWords(list)
		delete(english, "features") // GeoJSON's name, in either language
		delete(english, "geojson")  // the format's name
		detail := list[0].Message().Args["detail"].(diag.Msg)
		french := strings.ToLower(detail.Text("fr"))
		for _, w := range eviWord.FindAllString(strings.ToLower(detail.Text("en")), -1) {
			if !strings.Contains(french, w) { // Args holds the detail's English text
				english[w] = true
			}
		}
		for _, pg := range eviPages {
			t.Run(tc.name+"/"+pg.lang, func(t *testing.T) {
				ctx, rec := eviOpen(t, b, srv.URL+pg.path, 4*time.Minute)
				if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("evi-geo"), []string{path})); err != nil {
					t.Fatal(err)
				}
				heading, items, err := eviShownErrors(ctx)
				if err != nil || len(items) != 1 {
					t.Fatalf("errors shown: %q %q (%v); want one", heading, items, err)
				}
				for _, c := range rec.Console() {
					t.Errorf("console: %s", c)
				}
				detail := strings.NewReplacer("’", "'").Replace(detail.Text(pg.lang)) // the page's French apostrophe
				if !strings.Contains(strings.NewReplacer("’", "'").Replace(items[0]), detail) {
					t.Errorf("the page says\n%q\nwithout guide evi's detail\n%q", items[0], detail)
				}
				if pg.lang == "en" {
					if !strings.Contains(items[0], list[0].Msg) {
						t.Errorf("the page says\n%q\nguide evi says\n%q", items[0], list[0].Msg)
					}
					return
				}
				for _, w := range eviWord.FindAllString(strings.ToLower(items[0]), -1) {
					if english[w] {
						t.Errorf("the French page says %q: English word %q", items[0], w)
					}
				}
			})
		}
	}
}
