package evi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// MaxGeoJSONBytes limits a GeoJSON file of areas: 60,000 small areas with their
// boundaries take some tens of megabytes.
const MaxGeoJSONBytes = 512 << 20

// geoLimit is MaxGeoJSONBytes; tests lower it.
var geoLimit = MaxGeoJSONBytes

// The errors of a GeoJSON file of areas. A feature is named by its place in the
// features list (index, from 0) and, when it has one, its code.
const (
	CodeGeoSyntax        Code = "geojson_syntax"         // detail, column (and the Error's line)
	CodeGeoTooLarge      Code = "geojson_too_large"      // limit
	CodeGeoNotCollection Code = "geojson_not_collection" // value: the type found
	CodeGeoNoCode        Code = "geojson_no_code"        // index, property
	CodeGeoDuplicateCode Code = "geojson_duplicate_code" // value, index, first
	CodeGeoUnknownCode   Code = "geojson_unknown_code"   // value, index
	CodeGeoBadGeometry   Code = "geojson_bad_geometry"   // value (code), index, detail
)

// Geometry is the boundary of one area: polygons of rings of [lon, lat] positions (the
// first ring of a polygon is its outside, the others its holes).
type Geometry struct {
	Polygons [][][][2]float64
	raw      json.RawMessage // the geometry object as the file gave it
}

// Areas holds the geometry of each area of a data file, by index in the data; nil for an
// area the GeoJSON does not have.
type Areas []*Geometry

type geoFile struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

type geoFeature struct {
	Type       string                     `json:"type"`
	Properties map[string]json.RawMessage `json:"properties"`
	Geometry   json.RawMessage            `json:"geometry"`
}

type geoGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// ReadGeoJSON reads a FeatureCollection of the areas of a data file: each feature's
// property named property holds the area's code (a text or a whole number), its geometry
// a Polygon or a MultiPolygon in longitude and latitude (WGS 84, as GeoJSON requires).
// A feature without a code, a code twice, a code that is not an area of the data and an
// invalid geometry are errors naming the feature. Areas of the data may lack a feature.
func ReadGeoJSON(r io.Reader, areas []Area, property string) (Areas, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(geoLimit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > geoLimit {
		return nil, ErrorList{newError(0, "", CodeGeoTooLarge, "limit", geoLimit)}
	}
	var f geoFile
	if err := json.Unmarshal(bytes.TrimPrefix(data, bom), &f); err != nil {
		return nil, ErrorList{jsonSyntaxError(data, err)}
	}
	if f.Type != "FeatureCollection" {
		return nil, ErrorList{newError(0, "", CodeGeoNotCollection, "value", f.Type)}
	}
	areaAt := make(map[string]int, len(areas))
	for i, a := range areas {
		areaAt[a.Code] = i
	}
	out := make(Areas, len(areas))
	firstAt := map[string]int{}
	var errs ErrorList
	report := func(code Code, args ...any) {
		if len(errs) < MaxErrors {
			errs = append(errs, newError(0, "", code, args...))
		}
	}
	for i, ft := range f.Features {
		code, ok := geoCode(ft.Properties[property])
		if !ok {
			report(CodeGeoNoCode, "index", i, "property", property)
			continue
		}
		if first, dup := firstAt[code]; dup {
			report(CodeGeoDuplicateCode,
				"value", code, "index", i, "first", first)
			continue
		}
		firstAt[code] = i
		a, known := areaAt[code]
		if !known {
			report(CodeGeoUnknownCode, "value", code, "index", i)
			continue
		}
		g, err := parseGeometry(ft.Geometry)
		if err != nil {
			report(CodeGeoBadGeometry, "value", code, "index", i, "detail", err.Error())
			continue
		}
		out[a] = g
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// geoCode reads a code property: a JSON string, or a whole number (FIPS-like codes are
// often numbers in GeoJSON files).
func geoCode(raw json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, s != ""
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if _, err := strconv.ParseInt(n.String(), 10, 64); err == nil {
			return n.String(), true
		}
	}
	return "", false
}

func parseGeometry(raw json.RawMessage) (*Geometry, error) {
	var gg geoGeometry
	if len(raw) == 0 || string(raw) == "null" {
		return nil, errors.New("no geometry")
	}
	if err := json.Unmarshal(raw, &gg); err != nil {
		return nil, errors.New("the geometry is not an object with type and coordinates")
	}
	g := &Geometry{raw: raw}
	switch gg.Type {
	case "Polygon":
		p, err := scanPolygon(gg.Coordinates)
		if err != nil {
			return nil, errors.New("a Polygon's coordinates must be a list of rings of [longitude, latitude] positions")
		}
		g.Polygons = make([][][][2]float64, 1)
		if err := addPolygon(g, 0, p); err != nil {
			return nil, err
		}
	case "MultiPolygon":
		mp, err := scanMultiPolygon(gg.Coordinates)
		if err != nil {
			return nil, errors.New("a MultiPolygon's coordinates must be a list of polygons, each a list of rings of [longitude, latitude] positions")
		}
		if len(mp) == 0 {
			return nil, errors.New("a MultiPolygon without polygons")
		}
		g.Polygons = make([][][][2]float64, len(mp))
		for k, p := range mp {
			if err := addPolygon(g, k, p); err != nil {
				return nil, fmt.Errorf("polygon %d: %w", k, err)
			}
		}
	default:
		return nil, fmt.Errorf("type %q; expected Polygon or MultiPolygon", gg.Type)
	}
	return g, nil
}

func addPolygon(g *Geometry, k int, p [][][]float64) error {
	if len(p) == 0 {
		return errors.New("a polygon without rings")
	}
	for r, ring := range p {
		if len(ring) < 4 {
			return fmt.Errorf("ring %d has %d positions; a ring has at least 4, the last equal to the first", r, len(ring))
		}
		out := make([][2]float64, len(ring))
		for i, pos := range ring {
			if len(pos) < 2 || len(pos) > 3 {
				return fmt.Errorf("ring %d, position %d: expected [longitude, latitude]", r, i)
			}
			lon, lat := pos[0], pos[1]
			if !(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90) {
				return fmt.Errorf("ring %d, position %d: [%g, %g] is not a longitude and a latitude in degrees", r, i, lon, lat)
			}
			out[i] = [2]float64{lon, lat}
		}
		if out[0] != out[len(out)-1] {
			return fmt.Errorf("ring %d is not closed: its last position must equal its first", r)
		}
		g.Polygons[k] = append(g.Polygons[k], out)
	}
	return nil
}

// Centroid is the area-weighted centroid of the geometry's outer rings, in degrees
// (planar in longitude and latitude, which is close enough for small areas); the mean
// of the positions for a geometry without area.
func (g *Geometry) Centroid() (lat, lon float64) {
	var a, cx, cy, n, sx, sy float64
	for _, p := range g.Polygons {
		ring := p[0]
		for i := 0; i+1 < len(ring); i++ {
			x0, y0, x1, y1 := ring[i][0], ring[i][1], ring[i+1][0], ring[i+1][1]
			c := x0*y1 - x1*y0
			a += c
			cx += (x0 + x1) * c
			cy += (y0 + y1) * c
			sx += x0
			sy += y0
			n++
		}
	}
	if math.Abs(a) < 1e-12 {
		return sy / n, sx / n
	}
	return cy / (3 * a), cx / (3 * a)
}

// jsonSyntaxError names the line and column of a JSON syntax error.
func jsonSyntaxError(data []byte, err error) *Error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	offset := int64(-1)
	switch {
	case errors.As(err, &se):
		offset = se.Offset - 1 // the offset is after the character at fault
	case errors.As(err, &te):
		offset = te.Offset
	}
	line, col := 0, 0
	if offset >= 0 {
		line, col = 1, 1
		for _, c := range data[:min(int(offset), len(data))] {
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
	}
	detail := err.Error()
	return newError(line, "", CodeGeoSyntax, "detail", detail, "column", col)
}
