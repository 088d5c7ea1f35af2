package evi

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

// refGeoJSON decodes a valid GeoJSON file of polygons with encoding/json: each code's
// rings, as the reader must find them.
func refGeoJSON(t *testing.T, data []byte, property string) map[string][][][][2]float64 {
	t.Helper()
	var f struct {
		Features []struct {
			Properties map[string]any
			Geometry   struct {
				Type        string
				Coordinates json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	out := map[string][][][][2]float64{}
	for _, ft := range f.Features {
		var polys [][][][]float64
		if ft.Geometry.Type == "Polygon" {
			var p [][][]float64
			if err := json.Unmarshal(ft.Geometry.Coordinates, &p); err != nil {
				t.Fatal(err)
			}
			polys = [][][][]float64{p}
		} else if err := json.Unmarshal(ft.Geometry.Coordinates, &polys); err != nil {
			t.Fatal(err)
		}
		var g [][][][2]float64
		for _, p := range polys {
			var rings [][][2]float64
			for _, r := range p {
				var ring [][2]float64
				for _, pos := range r {
					ring = append(ring, [2]float64{pos[0], pos[1]})
				}
				rings = append(rings, ring)
			}
			g = append(g, rings)
		}
		out[ft.Properties[property].(string)] = g
	}
	return out
}

// TestReadGeoJSONAsEncodingJSON: on valid files, what the one-pass reader finds is
// what encoding/json decodes: the sample, a synthetic grid, and a file that uses what
// JSON allows (escapes in keys and codes, white space everywhere, members in any
// order, other members and properties of every kind, keys in another case as
// encoding/json matches struct fields, numbers with exponents, a third coordinate).
func TestReadGeoJSONAsEncodingJSON(t *testing.T) {
	sample, err := os.ReadFile("testdata/sample-areas.geojson")
	if err != nil {
		t.Fatal(err)
	}
	grid, _ := SyntheticGeometry(200, 1)
	odd := "\ufeff{ \"bbox\" : [1, 2, 3, 4] ,\"FEATURES\":[\n" +
		` {"geometry": {"coordinates" : [ [ [ -7.5e1, 4.5E+1, 12 ] , [-74, 45], [-74,46.0],[-7.5e1,4.5e1]] ], "bbox": null, "type":"Polygon"},` +
		` "properties": {"name": {"en": ["x", true, false, null]}, "\u0063ode": "A", "n": -0.5e-3}, "type": "Feature", "id": 1},` + "\n" +
		"\t{\"type\":\"Feature\",\"properties\":{\"code\":\"\\u0042\"},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[" + square(1, 2) + "," + square(3, 4) + "]}}\r\n" +
		`], "Type": "FeatureCollection"}`
	for _, c := range []struct {
		name string
		data []byte
	}{{"sample", sample}, {"grid", grid}, {"odd", []byte(odd)}} {
		t.Run(c.name, func(t *testing.T) {
			want := refGeoJSON(t, bytes.TrimPrefix(c.data, bom), "code")
			var areas []Area
			for code := range want {
				areas = append(areas, Area{Code: code})
			}
			slices.SortFunc(areas, func(a, b Area) int { return strings.Compare(a.Code, b.Code) })
			got, err := ReadGeoJSON(bytes.NewReader(c.data), areas, "code")
			if err != nil {
				t.Fatal(err)
			}
			for i, a := range areas {
				if got[i] == nil || !slices.EqualFunc(got[i].Polygons, want[a.Code], func(p, q [][][2]float64) bool {
					return slices.EqualFunc(p, q, slices.Equal)
				}) {
					t.Errorf("%s: got %v, want %v", a.Code, got[i], want[a.Code])
				}
			}
			if len(areas) < 2 {
				t.Errorf("%d areas read", len(areas))
			}
		})
	}
}

// FuzzReadGeoJSON: whatever the bytes, the reader does not panic, and a text that is
// not JSON is reported as such (geojson_syntax), with the line encoding/json finds.
func FuzzReadGeoJSON(f *testing.F) {
	f.Add([]byte(collection(feature(`"A"`, `{"type":"Polygon","coordinates":`+square(0, 0)+`}`))))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"properties":{"code":3},"geometry":{"coordinates":[[[[0,0]]]],"type":"MultiPolygon"}}]}`))
	f.Add([]byte(`{"features":[null,{"geometry":[]}], "type": "x\u0041"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		areas := []Area{{Code: "A"}, {Code: "3"}}
		_, err := ReadGeoJSON(bytes.NewReader(data), areas, "code")
		if json.Valid(bytes.TrimPrefix(data, bom)) {
			return
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 || list[0].Code != CodeGeoSyntax {
			t.Fatalf("not JSON, but %v", err)
		}
	})
}
