// Service areas in the browser: the groups (GROUPS.csv) or catchments (POINTS.csv) of
// the loaded areas, the group table of each result (the same rows as guide evi
// --group-out) and the map of the areas (their GeoJSON, simplified: simplify.go). Apart
// from main.go so that it builds, and is tested, outside the browser too.

package main

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pssdc/guide-iad/tools/evi"
)

// serviceInput is what the page gives: Kind "groups" (File is GROUPS.csv), "points"
// (File is POINTS.csv, RadiusKm 0 for none) or "" (a map without service areas); Geo the
// GeoJSON of the areas (or nothing), whose property Property holds the code; Ungrouped
// the policy for the areas GROUPS.csv does not name (guide evi --ungrouped; "" for the
// default, evi.UngroupedError).
type serviceInput struct {
	Kind      string
	File      []byte
	RadiusKm  float64
	Geo       []byte
	Property  string
	Ungrouped string
}

// serviceState is what loadService read, kept for each result.
type serviceState struct {
	grouping *evi.Grouping
	mapJSON  *mapData // nil without a GeoJSON
}

// step records the time spent in a step of loadService since t (main.go sets it to
// the browser benchmark's timings).
var step = func(string, time.Time) {}

// lastGeo is the GeoJSON last read, for the same areas: choosing service points after
// the boundaries does not read the boundaries again.
var lastGeo struct {
	text  []byte
	areas []evi.Area
	prop  string
	geo   evi.Areas
}

// mapData is the map the page draws, in SVG units (y down).
type mapData struct {
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// Paths is each area's boundary as the d of an SVG path ("" without geometry), in
	// data order; CX, CY its centroid and Box its bounding box (x0, y0, x1, y1), for the
	// keyboard and the pointer (-1 and zeros without geometry).
	Paths []string  `json:"paths"`
	CX    []float64 `json:"cx"`
	CY    []float64 `json:"cy"`
	Box   []float64 `json:"box"`
	// Boundaries is the d of the edges between areas of different groups (catchment
	// boundaries); "" without groups.
	Boundaries string     `json:"boundaries"`
	Points     []mapPoint `json:"points"`
	// Before and After count the positions before and after simplification.
	Before int `json:"before"`
	After  int `json:"after"`
}

type mapPoint struct {
	Code   string  `json:"code"`
	NameEN string  `json:"name_en"`
	NameFR string  `json:"name_fr"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
}

// loadService reads the service areas and the map of the areas, or returns a failure
// (as fail) whose file is "groups", "points" or "geojson".
func loadService(cfg *evi.Config, areas []evi.Area, in serviceInput) (*serviceState, string) {
	s := &serviceState{}
	var geo evi.Areas
	if len(in.Geo) > 0 {
		prop := in.Property
		if prop == "" {
			prop = "code"
		}
		t := time.Now()
		if bytes.Equal(lastGeo.text, in.Geo) && lastGeo.prop == prop && len(lastGeo.areas) == len(areas) && (len(areas) == 0 || &lastGeo.areas[0] == &areas[0]) {
			geo = lastGeo.geo
		} else {
			lastGeo.text, lastGeo.geo = nil, nil
			var err error
			if geo, err = evi.ReadGeoJSON(bytes.NewReader(in.Geo), areas, prop); err != nil {
				return nil, fail("geojson", err)
			}
			lastGeo.text, lastGeo.areas, lastGeo.prop, lastGeo.geo = in.Geo, areas, prop, geo
		}
		step("geojson", t)
	}
	t := time.Now()
	var points []evi.Point
	switch in.Kind {
	case "groups":
		policy := in.Ungrouped
		if policy == "" {
			policy = evi.UngroupedError
		}
		g, err := evi.ReadGroups(bytes.NewReader(in.File), "groups", areas, "data", policy)
		if err != nil {
			return nil, fail("groups", err)
		}
		s.grouping = g
	case "points":
		var err error
		if points, err = evi.ReadPoints(bytes.NewReader(in.File)); err != nil {
			return nil, fail("points", err)
		}
		var loc []evi.Location
		if geo != nil {
			loc = evi.LocationsOf(geo)
		} else if loc, err = evi.DataLocations(cfg, areas); err != nil {
			return nil, fail("data", err)
		}
		if s.grouping, _, err = evi.Catchments(points, areas, loc, in.RadiusKm); err != nil {
			return nil, fail("points", err)
		}
	case "":
	default:
		return nil, fail("groups", errors.New("unknown kind of service areas "+in.Kind))
	}
	step("groups_or_catchments", t)
	if geo != nil {
		t = time.Now()
		s.mapJSON = buildMap(geo, points, s.grouping)
		step("map", t)
	}
	return s, ""
}

// buildMap projects and simplifies the areas, and draws the catchment boundaries.
func buildMap(geo evi.Areas, points []evi.Point, g *evi.Grouping) *mapData {
	p := newProjection(func(yield func(lon, lat float64)) {
		for _, a := range geo {
			if a != nil {
				for _, poly := range a.Polygons {
					for _, v := range poly[0] {
						yield(v[0], v[1])
					}
				}
			}
		}
		for _, pt := range points {
			yield(pt.Lon, pt.Lat)
		}
	})
	rings, before, after := simplifyAreas(geo, p)
	m := &mapData{Width: round1(p.width), Height: round1(p.height), Before: before, After: after,
		Paths: make([]string, len(geo)), CX: make([]float64, len(geo)), CY: make([]float64, len(geo)), Box: make([]float64, 4*len(geo))}
	var b []byte
	for k, rs := range rings {
		if rs == nil {
			m.CX[k], m.CY[k] = -1, -1 // JSON has no NaN; the page skips an empty path
			continue
		}
		b = b[:0]
		box := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, r := range rs {
			for i, v := range r[:len(r)-1] {
				if i == 0 {
					b = append(b, 'M')
				} else {
					b = append(b, ' ')
				}
				b = appendXY(b, v)
				box = [4]float64{math.Min(box[0], v[0]), math.Min(box[1], v[1]), math.Max(box[2], v[0]), math.Max(box[3], v[1])}
			}
			b = append(b, 'Z')
		}
		m.Paths[k] = string(b)
		lat, lon := geo[k].Centroid()
		c := p.xy(lon, lat)
		m.CX[k], m.CY[k] = round1(c[0]), round1(c[1])
		for j, v := range box {
			m.Box[4*k+j] = round1(v)
		}
	}
	for _, pt := range points {
		c := p.xy(pt.Lon, pt.Lat)
		m.Points = append(m.Points, mapPoint{Code: pt.Code, NameEN: pt.NameEN, NameFR: pt.NameFR, X: round1(c[0]), Y: round1(c[1])})
	}
	if g != nil {
		m.Boundaries = boundaries(rings, g)
	}
	return m
}

// boundaries returns the edges (of the simplified rings) that areas of different groups
// share, as the d of one path. An edge's two areas hold it with the same positions, as
// simplifyAreas keeps shared edges alike.
func boundaries(rings [][][][2]float64, g *evi.Grouping) string {
	type edge [2][2]float64
	first := map[edge]int{} // edge → group of the first area seen with it
	var b strings.Builder
	for k, rs := range rings {
		for _, r := range rs {
			for i := 0; i+1 < len(r); i++ {
				e := edge{r[i], r[i+1]}
				if e[1][0] < e[0][0] || e[1][0] == e[0][0] && e[1][1] < e[0][1] {
					e = edge{e[1], e[0]}
				}
				other, seen := first[e]
				if !seen {
					first[e] = g.Of[k]
					continue
				}
				if other != g.Of[k] {
					b.Write(append(appendXY([]byte{'M'}, e[0]), ' '))
					b.Write(appendXY(nil, e[1]))
				}
			}
		}
	}
	return b.String()
}

func appendXY(b []byte, v [2]float64) []byte {
	b = strconv.AppendFloat(b, round1(v[0]), 'f', -1, 64)
	b = append(b, ' ')
	return strconv.AppendFloat(b, round1(v[1]), 'f', -1, 64)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// jsonGroup is one row of the group table, as WriteGroupsCSV writes it (null for an
// empty cell).
type jsonGroup struct {
	Group       string   `json:"group"`
	NameEN      string   `json:"name_en"`
	NameFR      string   `json:"name_fr"`
	Areas       int      `json:"areas"`
	AreasRanked int      `json:"areas_ranked"`
	Population  *float64 `json:"population"`
	EVIMean     *float64 `json:"evi_mean"`
	ShareQ5     *float64 `json:"share_q5"`
}

// serviceResult is the answer for a result: the group table and its CSV (what guide
// evi --group-out writes), each area's group (index in groups, -1 for none) and the map.
func (s *serviceState) result(res *evi.Result) string {
	out := struct {
		OK     bool        `json:"ok"`
		Groups []jsonGroup `json:"groups"`
		CSV    string      `json:"csv"`
		Of     []int       `json:"of"`
		Map    *mapData    `json:"map"`
	}{OK: true, Map: s.mapJSON, Groups: []jsonGroup{}}
	if s.grouping != nil {
		rows := evi.Aggregate(res, s.grouping)
		for _, r := range rows {
			out.Groups = append(out.Groups, jsonGroup{r.ID, r.NameEN, r.NameFR, r.Areas, r.Ranked, orNull(r.Population), orNull(r.EVIMean), orNull(r.ShareQ5)})
		}
		var b bytes.Buffer
		if err := evi.WriteGroupsCSV(&b, rows); err == nil {
			out.CSV = b.String()
		}
		out.Of = s.grouping.Of
	}
	return mustJSON(out)
}

func orNull(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}
