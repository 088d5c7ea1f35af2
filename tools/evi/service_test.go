package evi

import (
	"bytes"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// TestAggregateByHand: six areas in two groups and a third group whose only area has
// no index. One indicator, so the index is 100 × PR of the values:
//
//	A 10 → PR 0     index 0    quintile 1   pop 100   group n
//	B 20 → PR .25   index 25   quintile 2   pop 300   group n
//	C 30 → PR .5    index 50   quintile 3   pop 200   group s
//	D 40 → PR .75   index 75   quintile 4   pop 100   group s
//	E 50 → PR 1     index 100  quintile 5   pop 200   group s
//	F pop 0: not ranked                                group x
//
// n: population 400, mean (100·0 + 300·25) / 400 = 18.75, no quintile 5 → 0.
// s: population 500, mean (200·50 + 100·75 + 200·100) / 500 = 75, q5 200/500 = .4.
// x: 1 area, 0 ranked, empty values.
func TestAggregateByHand(t *testing.T) {
	cfg := mustConfig(t, "columns: {code: code, population: pop}\nindicators:\n  v: {theme: t, direction: 1}\n")
	areas, err := ReadCSV(strings.NewReader("code,pop,v\nA,100,10\nB,300,20\nC,200,30\nD,100,40\nE,200,50\nF,0,60\n"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	res := Compute(areas, cfg)
	groups := "code,group,group_name_en,group_name_fr\nA,n,North,Nord\nC,s,South,\nB,n,,\nD,s,,Sud\nE,s,,\nF,x,,\n"
	g, err := ReadGroups(strings.NewReader(groups), "groups.csv", areas, "data.csv", UngroupedError)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteGroupsCSV(&out, Aggregate(&res, g)); err != nil {
		t.Fatal(err)
	}
	want := "group,name_en,name_fr,areas,areas_ranked,population,evi_mean,share_q5\n" +
		"n,North,Nord,2,2,400,18.75,0\n" +
		"s,South,Sud,3,3,500,75,0.4\n" +
		"x,,,1,0,,,\n"
	if out.String() != want {
		t.Errorf("got\n%swant\n%s", out.String(), want)
	}
}

// TestUngroupedPolicies: an area GROUPS.csv does not name is an error by default, left
// out with ignore, in a last group with group.
func TestUngroupedPolicies(t *testing.T) {
	areas := serviceAreas(t)
	groups := "code,group\nB,g\n"
	if _, err := ReadGroups(strings.NewReader(groups), "groups.csv", areas, "data.csv", UngroupedError); err == nil ||
		!strings.Contains(err.Error(), `data.csv:2: area "A" is in no group`) {
		t.Errorf("error policy: %v", err)
	}
	g, err := ReadGroups(strings.NewReader(groups), "groups.csv", areas, "data.csv", UngroupedIgnore)
	if err != nil || len(g.Groups) != 1 || g.Of[0] != -1 || g.Of[1] != 0 || g.Of[2] != -1 {
		t.Errorf("ignore policy: %+v, %v", g, err)
	}
	g, err = ReadGroups(strings.NewReader(groups), "groups.csv", areas, "data.csv", UngroupedGroup)
	if err != nil || len(g.Groups) != 2 || g.Groups[1].ID != UngroupedID || g.Of[0] != 1 || g.Of[2] != 1 {
		t.Errorf("group policy: %+v, %v", g, err)
	}
}

// randomService is a random data set with locations and service points.
func randomService(rng *rand.Rand, n, k int) ([]Area, *Config, []Point, []Location) {
	cfg := &Config{Columns: Columns{Code: "c", Population: "p"}, Themes: []Theme{{ID: "t"}},
		Indicators: []Indicator{{Column: "x", Theme: "t", Direction: 1}, {Column: "y", Theme: "t", Direction: -1}}}
	areas := make([]Area, n)
	loc := make([]Location, n)
	for i := range areas {
		pop := float64(rng.IntN(5000))
		if rng.IntN(10) == 0 {
			pop = 0
		}
		x := float64(rng.IntN(20))
		if rng.IntN(15) == 0 {
			x = math.NaN()
		}
		areas[i] = Area{Line: i + 2, Code: "a" + strconv.Itoa(i), Population: pop, Values: []float64{x, float64(rng.IntN(20))}}
		loc[i] = Location{Lat: 42 + rng.Float64()*20, Lon: -140 + rng.Float64()*80, OK: true}
	}
	points := make([]Point, k)
	for j := range points {
		points[j] = Point{Code: "p" + strconv.Itoa(j), Lat: 42 + rng.Float64()*20, Lon: -140 + rng.Float64()*80}
	}
	return areas, cfg, points, loc
}

// haversineKm is the textbook formula, for checking Catchments against brute force.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	dφ, dλ := (lat2-lat1)*r, (lon2-lon1)*r
	h := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * EarthRadiusKm * math.Asin(math.Sqrt(h))
}

// TestCatchmentsBruteForce: every area joins the point nearest by the haversine
// distance (within a rounding tolerance for near-ties), at that distance; with a
// radius, exactly the areas farther than it are outside.
func TestCatchmentsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 60))
	for iter := range 50 {
		areas, _, points, loc := randomService(rng, 200, 1+rng.IntN(30))
		radius := 0.0
		if iter%2 == 1 {
			radius = 50 + rng.Float64()*500
		}
		g, dist, err := Catchments(points, areas, loc, radius)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range loc {
			best, bestD := -1, math.Inf(1)
			for k, p := range points {
				if d := haversineKm(l.Lat, l.Lon, p.Lat, p.Lon); d < bestD {
					best, bestD = k, d
				}
			}
			if math.Abs(dist[i]-bestD) > 1e-6 {
				t.Fatalf("case %d area %d: distance %v, brute force %v", iter, i, dist[i], bestD)
			}
			got := g.Groups[g.Of[i]].ID
			switch {
			case radius > 0 && bestD > radius:
				if got != OutsideID {
					t.Fatalf("case %d area %d: %.1f km from every point, radius %.1f: group %s, want outside", iter, i, bestD, radius, got)
				}
			case got != points[best].Code:
				k := g.Of[i]
				if d := haversineKm(l.Lat, l.Lon, points[k].Lat, points[k].Lon); math.Abs(d-bestD) > 1e-6 {
					t.Fatalf("case %d area %d: group %s at %v km, brute force %s at %v km", iter, i, got, d, points[best].Code, bestD)
				}
			}
		}
	}
}

// TestAggregateProperties: every area is in exactly one group and the groups' counts
// add up; a group's mean index lies between the smallest and largest index of its
// ranked areas; shares are within [0, 1]; populations add up to the ranked areas'.
func TestAggregateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 18))
	for iter := range 100 {
		areas, cfg, points, loc := randomService(rng, 50+rng.IntN(300), 1+rng.IntN(12))
		res := Compute(areas, cfg)
		g, _, err := Catchments(points, areas, loc, 0)
		if err != nil {
			t.Fatal(err)
		}
		groups := Aggregate(&res, g)
		total, ranked := 0, 0
		var pop float64
		for gi, gr := range groups {
			total += gr.Areas
			ranked += gr.Ranked
			lo, hi := math.Inf(1), math.Inf(-1)
			var gpop float64
			for i, a := range res.Areas {
				if g.Of[i] == gi && !math.IsNaN(a.Index) {
					lo, hi = min(lo, a.Index), max(hi, a.Index)
					gpop += a.Population
				}
			}
			if gr.Ranked == 0 {
				if !math.IsNaN(gr.EVIMean) || !math.IsNaN(gr.ShareQ5) || !math.IsNaN(gr.Population) {
					t.Fatalf("case %d group %s: values without a ranked area: %+v", iter, gr.ID, gr)
				}
				continue
			}
			pop += gr.Population
			if gr.EVIMean < lo-0.005 || gr.EVIMean > hi+0.005 {
				t.Fatalf("case %d group %s: mean %v outside [%v, %v]", iter, gr.ID, gr.EVIMean, lo, hi)
			}
			if gr.ShareQ5 < 0 || gr.ShareQ5 > 1 || gr.Population != gpop {
				t.Fatalf("case %d group %s: share %v, population %v (areas: %v)", iter, gr.ID, gr.ShareQ5, gr.Population, gpop)
			}
		}
		var wantPop float64
		for _, a := range res.Areas {
			if !math.IsNaN(a.Index) {
				wantPop += a.Population
			}
		}
		if total != len(areas) || ranked != res.OverallN || pop != wantPop {
			t.Fatalf("case %d: %d areas in groups of %d, %d ranked of %d, population %v of %v", iter, total, len(areas), ranked, res.OverallN, pop, wantPop)
		}
	}
}

// TestGeoJSONRoundTrip: the GeoJSON output has a feature per area with a geometry, the
// area's boundary unchanged, and its index; centroids of squares are their centres.
func TestGeoJSONRoundTrip(t *testing.T) {
	areas := serviceAreas(t)
	cfg := mustConfig(t, "columns: {code: code, population: population}\nindicators:\n  pct_no_internet: {theme: t, direction: 1}\n  speed: {theme: t, direction: -1}\n")
	res := Compute(areas, cfg)
	src := collection(
		feature(`"A"`, `{"type":"Polygon","coordinates":`+square(-75, 45)+`}`),
		feature(`"C"`, `{"type":"MultiPolygon","coordinates":[`+square(-70, 50)+`,`+square(-60, 50)+`]}`))
	geo, err := ReadGeoJSON(strings.NewReader(src), areas, "code")
	if err != nil {
		t.Fatal(err)
	}
	if lat, lon := geo[0].Centroid(); lat != 45.5 || lon != -74.5 {
		t.Errorf("centroid of A: %v, %v; want 45.5, -74.5", lat, lon)
	}
	if lat, lon := geo[2].Centroid(); lat != 50.5 || lon != -64.5 {
		t.Errorf("centroid of C: %v, %v; want 50.5, -64.5", lat, lon)
	}
	if geo[1] != nil {
		t.Error("B has no feature but got a geometry")
	}
	var out bytes.Buffer
	g := &Grouping{Groups: []Group{{ID: "g"}}, Of: []int{0, 0, -1}}
	if err := WriteGeoJSON(&out, &res, geo, g); err != nil {
		t.Fatal(err)
	}
	back, err := ReadGeoJSON(bytes.NewReader(out.Bytes()), areas, "code")
	if err != nil {
		t.Fatalf("%v\n%s", err, out.Bytes())
	}
	if back[0] == nil || back[2] == nil || back[1] != nil || len(back[2].Polygons) != 2 {
		t.Errorf("read back: %+v", back)
	}
	for _, want := range []string{`"code": "A"`, `"evi": ` + ftoa(res.Areas[0].Index), `"group": "g"`, `"code": "C"`, `"group": null`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
}

// TestServiceGolden: the sample by service area, from GROUPS.csv and from the service
// points (centroids of the sample's GeoJSON, within 12 km), through Run as guide evi
// runs it; and the GeoJSON output.
func TestServiceGolden(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name   string
		opt    Options
		golden string
	}{
		{"groups", Options{Groups: "testdata/sample-groups.csv"}, "sample-groups.out.csv"},
		{"catchments", Options{Points: "testdata/sample-points.csv", RadiusKm: 12, Geometry: "testdata/sample-areas.geojson"}, "sample-catchments.out.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.opt
			o.Config, o.Data, o.Format = "testdata/sample-config.yaml", "testdata/sample.csv", FormatGeoJSON
			if o.Geometry == "" {
				o.Format = "csv"
			}
			o.GroupOut = dir + "/" + tc.golden
			var out bytes.Buffer
			if _, err := Run(o, &out); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(o.GroupOut)
			if err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, "./tools/evi", "testdata/"+tc.golden, got)
			if o.Format == FormatGeoJSON {
				testutil.Golden(t, "./tools/evi", "testdata/sample-catchments.out.geojson", out.Bytes())
			}
		})
	}
}

// TestRunServiceUsage: the combinations Run refuses, before writing anything.
func TestRunServiceUsage(t *testing.T) {
	dir := t.TempDir()
	base := Options{Config: "testdata/sample-config.yaml", Data: "testdata/sample.csv", Format: "csv", Out: dir + "/out.csv"}
	for _, tc := range []struct {
		name string
		edit func(*Options)
		want string
	}{
		{"groups without group-out", func(o *Options) { o.Groups = "testdata/sample-groups.csv" }, "--group-out OUT.csv is required"},
		{"both", func(o *Options) {
			o.Groups, o.Points, o.GroupOut = "testdata/sample-groups.csv", "testdata/sample-points.csv", dir+"/g.csv"
		}, "not both"},
		{"group-out alone", func(o *Options) { o.GroupOut = dir + "/g.csv" }, "--group-out needs"},
		{"geojson without geometry", func(o *Options) { o.Format = FormatGeoJSON }, "needs --geometry"},
		{"points without locations", func(o *Options) { o.Points, o.GroupOut = "testdata/sample-points.csv", dir+"/g.csv" }, `no "lat" column`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := base
			tc.edit(&o)
			_, err := Run(o, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("files written: %v", entries)
			}
		})
	}
}

// TestDataLocations: ReadCSV takes the lat and lon columns in its one pass; an area
// with either value missing has no location.
func TestDataLocations(t *testing.T) {
	areas := serviceRead(t, "code,population,pct_no_internet,speed,lat,lon\nA,10,1,5, 45.5 ,-75.25\nB,20,2,6,NA,-75\nC,30,3,7,-90,180\n")
	loc, err := DataLocations(serviceConfig(t), areas)
	if err != nil {
		t.Fatal(err)
	}
	want := []Location{{Lat: 45.5, Lon: -75.25, OK: true}, {}, {Lat: -90, Lon: 180, OK: true}}
	if !slices.Equal(loc, want) {
		t.Errorf("got %+v, want %+v", loc, want)
	}
}
