//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/evi"
)

// sampleState loads the sample's configuration and data and computes them.
func sampleState(t testing.TB) (*evi.Config, []evi.Area, evi.Result) {
	t.Helper()
	cfg, areas, err := parseSample(readAll(t, sampleConfig), readAll(t, sampleCSV))
	if err != nil {
		t.Fatal(err)
	}
	return cfg, areas, evi.Compute(areas, cfg)
}

func readAll(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type serviceAnswer struct {
	OK     bool        `json:"ok"`
	Groups []jsonGroup `json:"groups"`
	CSV    string      `json:"csv"`
	Of     []int       `json:"of"`
	Map    *mapData    `json:"map"`
	File   string      `json:"file"`
	Errors []jsonError `json:"errors"`
}

// TestServiceMatchesGuideEvi: the group table the page gets is what guide evi
// --group-out writes for the same files, with groups and with service points.
func TestServiceMatchesGuideEvi(t *testing.T) {
	cfg, areas, res := sampleState(t)
	for _, tc := range []struct {
		name string
		in   serviceInput
		opts evi.Options
	}{
		{"groups", serviceInput{Kind: "groups", File: readAll(t, sampleGroups)}, evi.Options{Groups: sampleGroups}},
		{"points and geometry", serviceInput{Kind: "points", File: readAll(t, samplePoints), Geo: readAll(t, sampleAreas)},
			evi.Options{Points: samplePoints, Geometry: sampleAreas}},
		{"points within 10 km", serviceInput{Kind: "points", File: readAll(t, samplePoints), Geo: readAll(t, sampleAreas), RadiusKm: 10},
			evi.Options{Points: samplePoints, Geometry: sampleAreas, RadiusKm: 10}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, failure := loadService(cfg, areas, tc.in)
			if failure != "" {
				t.Fatal(failure)
			}
			var got serviceAnswer
			if err := json.Unmarshal([]byte(svc.result(&res)), &got); err != nil {
				t.Fatal(err)
			}
			o := tc.opts
			o.Config, o.Data, o.Format = sampleConfig, sampleCSV, "csv"
			o.GroupOut = filepath.Join(t.TempDir(), "groups.csv")
			if _, err := evi.Run(o, &bytes.Buffer{}); err != nil {
				t.Fatal(err)
			}
			if want := string(readAll(t, o.GroupOut)); got.CSV != want {
				t.Errorf("the page's group table:\n%s\nguide evi --group-out:\n%s", got.CSV, want)
			}
			if len(got.Of) != len(areas) || len(got.Groups) < 2 {
				t.Errorf("%d groups, %d areas with their group; want every one of %d areas", len(got.Groups), len(got.Of), len(areas))
			}
			if tc.in.Geo != nil && (got.Map == nil || len(got.Map.Points) != 4 || got.Map.Boundaries == "") {
				t.Errorf("the map lacks its points or catchment boundaries: %+v", got.Map)
			}
		})
	}
}

// TestServiceErrors: each file's problems come back with their file and code.
func TestServiceErrors(t *testing.T) {
	cfg, areas, _ := sampleState(t)
	for _, tc := range []struct {
		name string
		in   serviceInput
		file string
		code evi.Code
	}{
		{"unknown area in groups", serviceInput{Kind: "groups", File: []byte("code,group\nFX-99,a\n")}, "groups", evi.CodeGroupsUnknownArea},
		{"areas left out, by default", serviceInput{Kind: "groups", File: []byte("code,group\nFX-01,a\n")}, "groups", evi.CodeGroupsUngrouped},
		{"unknown policy", serviceInput{Kind: "groups", File: []byte("code,group\nFX-01,a\n"), Ungrouped: "sideways"}, "groups", evi.CodeGroupsBadPolicy},
		{"bad coordinate", serviceInput{Kind: "points", File: []byte("code,lat,lon\nP,91,0\n")}, "points", evi.CodePointsBadCoordinate},
		{"no location without geometry", serviceInput{Kind: "points", File: []byte("code,lat,lon\nP,47,-70\n")}, "data", evi.CodePointsMissingColumn},
		{"bad radius", serviceInput{Kind: "points", File: readAll(t, samplePoints), Geo: readAll(t, sampleAreas), RadiusKm: -1}, "points", evi.CodeBadRadius},
		{"geojson code twice", serviceInput{Geo: []byte(`{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"FX-01"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
{"type":"Feature","properties":{"code":"FX-01"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`)}, "geojson", evi.CodeGeoDuplicateCode},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, failure := loadService(cfg, areas, tc.in)
			var got serviceAnswer
			if err := json.Unmarshal([]byte(failure), &got); err != nil {
				t.Fatalf("%q: %v", failure, err)
			}
			if got.OK || got.File != tc.file || len(got.Errors) == 0 || got.Errors[0].Code != tc.code {
				t.Errorf("got %s; want a failure of %s with code %s", failure, tc.file, tc.code)
			}
		})
	}
}

// edgeCount counts the edges of rings, whichever way they are walked.
func edgeCount(rings [][][][2]float64) map[[2][2]float64]int {
	n := map[[2][2]float64]int{}
	for _, rs := range rings {
		for _, r := range rs {
			for i := 0; i+1 < len(r); i++ {
				a, b := r[i], r[i+1]
				if b[0] < a[0] || b[0] == a[0] && b[1] < a[1] {
					a, b = b, a
				}
				n[[2][2]float64{a, b}]++
			}
		}
	}
	return n
}

// TestSimplifyKeepsSharedEdges: after simplification an edge between two areas is still
// held by both (no gap or overlap opens between neighbours): the edges held by one area
// only are those of the outer boundary, as before simplification; and the
// simplification removes positions.
func TestSimplifyKeepsSharedEdges(t *testing.T) {
	geoJSON, _ := evi.SyntheticGeometry(2500, 0)
	_, areas, err := parseSample(evi.Synthetic(2500, 4))
	if err != nil {
		t.Fatal(err)
	}
	geo, err := evi.ReadGeoJSON(bytes.NewReader(geoJSON), areas, "code")
	if err != nil {
		t.Fatal(err)
	}
	m := buildMap(geo, nil, nil)
	p := newProjection(func(yield func(lon, lat float64)) {
		for _, a := range geo {
			for _, v := range a.Polygons[0][0] {
				yield(v[0], v[1])
			}
		}
	})
	full := make([][][][2]float64, len(geo))
	outer := map[[2]float64]bool{} // positions on the outer boundary
	for k, a := range geo {
		var r [][2]float64
		for _, v := range a.Polygons[0][0] {
			r = append(r, p.xy(v[0], v[1]))
		}
		full[k] = [][][2]float64{r}
	}
	for e, n := range edgeCount(full) {
		if n == 1 {
			outer[e[0]], outer[e[1]] = true, true
		}
	}
	simple, before, after := simplifyAreas(geo, p)
	for e, n := range edgeCount(simple) {
		if n > 2 || n == 1 && !(outer[e[0]] && outer[e[1]]) {
			t.Errorf("edge %v held by %d areas after simplification", e, n)
		}
	}
	if after >= before || m.After != after || m.Before != before {
		t.Errorf("positions: %d before, %d after (map: %d, %d); the midpoints should go", before, after, m.Before, m.After)
	}
	if len(m.Paths) != 2500 || !strings.HasPrefix(m.Paths[0], "M") {
		t.Errorf("paths: %d, first %q", len(m.Paths), m.Paths[0])
	}
}

// TestDouglasPeucker: hand-made runs.
func TestDouglasPeucker(t *testing.T) {
	for _, tc := range []struct {
		name string
		pts  [][2]float64
		want []bool
	}{
		{"straight", [][2]float64{{0, 0}, {1, 0.1}, {2, 0}, {3, 0}}, []bool{true, false, false, true}},
		{"a peak stays", [][2]float64{{0, 0}, {1, 3}, {2, 1.5}, {3, 0}}, []bool{true, true, false, true}},
		{"a peak and a dip", [][2]float64{{0, 0}, {1, 3}, {2, 0.2}, {3, -3}, {4, 0}}, []bool{true, true, false, true, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keep := make([]bool, len(tc.pts))
			keep[0], keep[len(keep)-1] = true, true
			douglasPeucker(tc.pts, 0, len(tc.pts)-1, keep)
			for i := range keep {
				if keep[i] != tc.want[i] {
					t.Errorf("kept %v; want %v", keep, tc.want)
					break
				}
			}
		})
	}
}

// BenchmarkServiceMap: the map of 60,000 areas (tools/evi SyntheticGeometry) with 500
// service points: GeoJSON read, catchments, simplification, paths and boundaries.
func BenchmarkServiceMap(b *testing.B) {
	cfgText, data := evi.Synthetic(60000, 8)
	geo, points := evi.SyntheticGeometry(60000, 500)
	cfg, areas, err := parseSample(cfgText, data)
	if err != nil {
		b.Fatal(err)
	}
	res := evi.Compute(areas, cfg)
	b.ResetTimer()
	for b.Loop() {
		lastGeo.text = nil // read the GeoJSON each time
		svc, failure := loadService(cfg, areas, serviceInput{Kind: "points", File: points, Geo: geo})
		if failure != "" {
			b.Fatal(failure)
		}
		_ = svc.result(&res)
		b.ReportMetric(float64(svc.mapJSON.After)/float64(svc.mapJSON.Before), "kept/position")
	}
}
