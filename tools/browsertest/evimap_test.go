package browsertest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/pssdc/guide-iad/tools/evi"
)

var (
	eviSamplePoints = repo + "/static/evi/sample-points.csv"
	eviSampleGroups = repo + "/static/evi/sample-groups.csv"
	eviSampleAreas  = repo + "/static/evi/sample-areas.geojson"
)

// absPath is path made absolute, as Chromium needs for a file to upload.
func absPath(t *testing.T, path string) string {
	t.Helper()
	p, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// eviGroupsExpected is what guide evi --group-out writes for the sample with o's
// service areas.
func eviGroupsExpected(t *testing.T, o evi.Options) []byte {
	t.Helper()
	o.Config, o.Data, o.Format = eviSampleConfig, eviSampleData, "csv"
	o.GroupOut = filepath.Join(t.TempDir(), "groups.csv")
	if _, err := evi.Run(o, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(o.GroupOut)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEVIMap drives the map of the calculator in both languages: the sample shows its
// 40 areas, the legend (five quintiles and no index, the service point and the
// boundary) and its 4 service points; the keyboard reaches the map in one stop and the
// arrow keys, Home and End move from area to area, whose description follows; the
// group table is what guide evi --group-out writes for the sample's service points,
// then for its GROUPS.csv once chosen; the map downloads as a valid SVG; axe-core finds
// nothing wrong; the console stays clean.
func TestEVIMap(t *testing.T) {
	tl := needTools(t, "chromium", AxePath)
	b, srv := startBrowser(t)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	byPoints := eviGroupsExpected(t, evi.Options{Points: eviSamplePoints, Geometry: eviSampleAreas})
	byGroups := eviGroupsExpected(t, evi.Options{Groups: eviSampleGroups})
	for _, pg := range eviPages {
		t.Run(pg.lang, func(t *testing.T) {
			ctx, rec := eviOpen(t, b, srv.URL+pg.path, 6*time.Minute)
			type drawn struct {
				Areas, Paths, Points, Swatches, Legend int
				Boundaries                             bool
				Title                                  string
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[drawn](`(() => {
				const m = document.querySelector("#evi-map svg");
				if (!m) return {};
				return {
					Areas: Number(document.getElementById("evi").dataset.mapAreas),
					Paths: Array.from(m.querySelectorAll(".evi-map-areas path")).reduce((n, p) => n + (p.getAttribute("d").match(/M/g) || []).length, 0),
					Points: m.querySelectorAll(".evi-map-points path").length,
					Swatches: m.querySelectorAll(".evi-map-legend rect").length,
					Legend: m.querySelectorAll(".evi-map-legend text").length,
					Boundaries: (m.querySelector(".evi-map-boundaries") || {getAttribute: () => ""}).getAttribute("d") !== "",
					Title: m.querySelector("title").textContent,
				};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if got.Areas != 40 || got.Paths != 40 || got.Points != 4 || got.Swatches != 6 || got.Legend != 9 || !got.Boundaries || got.Title == "" {
				t.Errorf("the sample's map: %+v; want 40 areas drawn, 4 points, 6 swatches and 9 legend texts (heading, 6 swatches, point, boundary), boundaries and a title", got)
			}
			checkAxe(t, ctx, axe, pg.path+" (map of the sample)")

			// The keyboard: one stop, then the arrow keys.
			info := func() (string, string) {
				v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.getElementById("evi-map").dataset.current || "", document.getElementById("evi-map-info").textContent]`))
				if err != nil || len(v) != 2 {
					t.Fatal(err)
				}
				return v[0], v[1]
			}
			if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("evi-map"))); err != nil {
				t.Fatal(err)
			}
			cur, text := info()
			if cur != "0" || !strings.Contains(text, "FX-01") || !strings.Contains(text, pg.sampleName) {
				t.Errorf("on focus, area %q: %q; want the first area, FX-01, described", cur, text)
			}
			seen := map[string]bool{cur: true}
			for _, key := range []string{kb.ArrowRight, kb.ArrowUp, kb.ArrowLeft, kb.ArrowDown} {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
					t.Fatal(err)
				}
				c, tx := info()
				if c == cur || tx == text {
					t.Errorf("key %q: still area %s (%q)", key, c, tx)
				}
				cur, text = c, tx
				seen[c] = true
			}
			if len(seen) < 3 {
				t.Errorf("the arrow keys visited only areas %v", seen)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.End)); err != nil {
				t.Fatal(err)
			}
			if cur, text = info(); cur != "39" || !strings.Contains(text, "FX-40") {
				t.Errorf("End: area %s (%q); want FX-40", cur, text)
			}
			checkAxe(t, ctx, axe, pg.path+" (map, an area described)")

			// The group table: the sample's service points, as guide evi writes them.
			dir := t.TempDir()
			check := func(want []byte, what string) {
				t.Helper()
				_, csv, err := clickDownload(ctx, dir, "evi-groups-download")
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(csv, want) {
					t.Errorf("%s: the page's group table\n%s\nguide evi --group-out:\n%s", what, csv, want)
				}
				rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#evi-groups-table tbody tr")).map(r => r.dataset.group)`))
				if err != nil || len(rows) != bytes.Count(want, []byte("\n"))-1 {
					t.Errorf("%s: the table shows groups %v (%v); want those of\n%s", what, rows, err, want)
				}
			}
			check(byPoints, "service points")

			// The SVG download is an SVG document.
			name, svg, err := clickDownload(ctx, dir, "evi-map-download")
			if err != nil {
				t.Fatal(err)
			}
			var root struct {
				XMLName xml.Name
				Paths   []struct{} `xml:"g>path"`
			}
			if err := xml.Unmarshal(svg, &root); err != nil || root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" || !strings.HasSuffix(name, ".svg") {
				t.Errorf("the map downloads as %q, %d bytes: root %v, %v", name, len(svg), root.XMLName, err)
			}
			if bytes.Contains(svg, []byte("evi-map-focus")) || !bytes.Contains(svg, []byte("<pattern")) {
				t.Error("the SVG download keeps the keyboard's highlight or lacks its patterns")
			}

			// Choosing GROUPS.csv: the table of those groups.
			if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("evi-areas"), []string{absPath(t, eviSampleGroups)})); err != nil {
				t.Fatal(err)
			}
			if err := eviRuns(ctx, 2, 4*time.Minute); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector('#evi-groups-table tr[data-group="west"]')`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
				t.Fatalf("no group west after choosing the sample's GROUPS.csv: %v", err)
			}
			check(byGroups, "GROUPS.csv")
			checkAxe(t, ctx, axe, pg.path+" (service areas from GROUPS.csv)")
			for _, c := range rec.Console() {
				t.Errorf("console: %s", c)
			}
			for _, r := range rec.Requests() {
				if !strings.HasPrefix(r.URL, srv.URL) && !strings.HasPrefix(r.URL, "blob:") && !strings.HasPrefix(r.URL, "data:") {
					t.Errorf("a request to another host: %s", r.URL)
				}
			}
		})
	}
}

// TestEVIMapBenchmark measures the map at the scale of issue 18: 60,000 areas with
// their boundaries and 500 service points (tools/evi SyntheticGeometry): the Go
// program's service areas (GeoJSON read, catchments, simplification) and aggregation,
// the map's drawing and its first frame, the longest task of the page meanwhile, and a
// key press. It logs the figures; set GUIDE_EVI_BENCH=1 to run it.
func TestEVIMapBenchmark(t *testing.T) {
	if os.Getenv("GUIDE_EVI_BENCH") == "" {
		t.Skip("a benchmark: set GUIDE_EVI_BENCH=1 to run it")
	}
	const areas, indicators, points = 60_000, 20, 500
	dir := t.TempDir()
	config, data := evi.Synthetic(areas, indicators)
	geo, pts := evi.SyntheticGeometry(areas, points)
	files := map[string][]byte{"config.yaml": config, "data.csv": data, "areas.geojson": geo, "points.csv": pts}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := func(name string) []string { return []string{filepath.Join(dir, name)} }
	b, srv := startBrowser(t)
	ctx, cancel := b.Tab(10 * time.Minute)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+eviPages[0].path))
	if err == nil {
		err = eviRuns(ctx, 1, time.Minute)
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("evi-config"), path("config.yaml")))
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("evi-data"), path("data.csv")))
	}
	if err == nil {
		err = eviRuns(ctx, 2, 3*time.Minute)
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("evi-geo"), path("areas.geojson")))
	}
	if err == nil {
		err = eviRuns(ctx, 3, 3*time.Minute)
	}
	var geoSteps string // the boundaries chosen: the GeoJSON read and the map without groups
	if err == nil {
		geoSteps, err = chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({service_ms: eviTimings.service, go: window.eviGoTimings || null})`))
	}
	if err == nil { // the longest tasks of the page from here on
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { window.eviLongest = 0; new PerformanceObserver(l => l.getEntries().forEach(e => { window.eviLongest = Math.max(window.eviLongest, e.duration); })).observe({type: "longtask"}); return true; })()`))
	}
	start := time.Now()
	if err == nil {
		err = chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("evi-areas"), path("points.csv")))
	}
	if err == nil {
		err = eviRuns(ctx, 4, 3*time.Minute)
	}
	wall := time.Since(start)
	type figures struct {
		Compute, Service, Map, Paint, Longest float64
		Areas                                 int
		Go                                    string
	}
	var f figures
	if err == nil {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](`eviTimings.mapPaint > 0`, chromedp.WithPollingTimeout(time.Minute)))
	}
	if err == nil {
		f, err = chromedp.Run(ctx, chromedp.Evaluate[figures](`({Compute: eviTimings.compute, Service: eviTimings.service, Map: eviTimings.map, Paint: eviTimings.mapPaint, Longest: window.eviLongest, Areas: Number(document.getElementById("evi").dataset.mapAreas), Go: JSON.stringify(window.eviGoTimings || null)})`))
	}
	var keyMs float64
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Focus(chromedp.ID("evi-map")))
	}
	if err == nil {
		keyStart := time.Now()
		err = chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight))
		keyMs = float64(time.Since(keyStart).Microseconds()) / 1000
	}
	if err != nil {
		t.Fatal(err)
	}
	if f.Areas != areas {
		t.Fatalf("%d areas on the map, want %d", f.Areas, areas)
	}
	load, _ := os.ReadFile("/proc/loadavg")
	t.Log(fmt.Sprintf("%d areas (GeoJSON %.1f MB), %d service points: POINTS.csv chosen → groups and map shown in %.0f ms wall clock; "+
		"compute %.0f ms, service call (catchments, simplification, aggregation, copy) %.0f ms, map built %.0f ms, on screen %.0f ms after; "+
		"longest task %.0f ms; arrow key answered in %.0f ms; inside WebAssembly: %s; before, with the boundaries alone: %s; load average %s",
		areas, float64(len(geo))/1e6, points, float64(wall.Milliseconds()), f.Compute, f.Service, f.Map, f.Paint, f.Longest, keyMs, f.Go, geoSteps,
		strings.Join(strings.Fields(string(load))[:3], " ")))
}
