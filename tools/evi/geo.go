package evi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"

	"github.com/pssdc/guide-iad/tools/diag"
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

// ReadGeoJSON reads a FeatureCollection of the areas of a data file: each feature's
// property named property holds the area's code (a text or a whole number), its geometry
// a Polygon or a MultiPolygon in longitude and latitude (WGS 84, as GeoJSON requires).
// A feature without a code, a code twice, a code that is not an area of the data and an
// invalid geometry are errors naming the feature (its index, and the line where it
// starts). Areas of the data may lack a feature.
//
// The file is read in one pass (jscan) that keeps only each feature's code and
// geometry; a property other than the code is passed over, never decoded.
func ReadGeoJSON(r io.Reader, areas []Area, property string) (Areas, error) {
	data, err := readAll(r, geoLimit)
	if err != nil {
		return nil, err
	}
	if len(data) > geoLimit {
		return nil, ErrorList{newError(0, "", CodeGeoTooLarge, "limit", geoLimit)}
	}
	data = bytes.TrimPrefix(data, bom)
	rd := geoReader{s: jscan{b: data}, property: property,
		areaAt: make(map[string]int, len(areas)), firstAt: make(map[string]int, len(areas)),
		out: make(Areas, len(areas))}
	for i, a := range areas {
		rd.areaAt[a.Code] = i
	}
	typ, err := rd.file()
	if err == nil && !rd.s.end() {
		err = rd.s.fault() // text after the end
	}
	if err != nil {
		return nil, ErrorList{geoFault(data, err)}
	}
	if typ != "FeatureCollection" {
		return nil, ErrorList{newError(0, "", CodeGeoNotCollection, "value", typ)}
	}
	if len(rd.errs) > 0 {
		return nil, rd.errorList()
	}
	return rd.out, nil
}

// geoReader reads a GeoJSON file of areas: each feature's code and geometry.
type geoReader struct {
	s        jscan
	property string
	areaAt   map[string]int // the data's index of each area's code
	firstAt  map[string]int // the index of the feature of each code seen
	out      Areas
	features int // features read
	errs     []geoErr
}

// geoErr is an error about the feature that starts at off in the file.
type geoErr struct {
	off int
	e   *Error
}

// file reads the top-level object and returns its type.
func (rd *geoReader) file() (string, error) {
	s := &rd.s
	var typ string
	if null, err := s.null(); null || err != nil {
		return "", err
	}
	if s.peek() != '{' {
		at := s.i
		if _, err := s.value(); err != nil {
			return "", err
		}
		return "", s.shape(at, geoMsg("not_json_object"))
	}
	err := s.object(func(key []byte) error {
		switch {
		case is(key, "type"):
			t, err := rd.text("type")
			typ = t
			return err
		case is(key, "features"):
			if null, err := s.null(); null || err != nil {
				return err
			}
			if s.peek() != '[' {
				return rd.notA("features", "list")
			}
			return s.array(rd.feature)
		}
		_, err := s.value()
		return err
	})
	return typ, err
}

// text reads a member that must be a string or null.
func (rd *geoReader) text(name string) (string, error) {
	s := &rd.s
	if null, err := s.null(); null || err != nil {
		return "", err
	}
	if s.peek() != '"' {
		return "", rd.notA(name, "text")
	}
	tok, err := s.token()
	if err != nil {
		return "", err
	}
	return text(tok), nil
}

// notA is the fault of a member name whose value, at the cursor, is not what (list,
// object or text: evi_geo_must_be_<what>): a fault of the text when the value is not
// JSON at all.
func (rd *geoReader) notA(name, what string) error {
	s := &rd.s
	at := s.i
	if _, err := s.value(); err != nil {
		return err
	}
	return s.shape(at, geoMsg("must_be_"+what, "name", name))
}

// feature reads the feature at the cursor and takes its code and geometry.
func (rd *geoReader) feature() error {
	s := &rd.s
	i := rd.features
	rd.features++
	s.peek()
	off := s.i
	var codeTok []byte
	var g *Geometry
	bad := geoMsg("none")
	if null, err := s.null(); err != nil {
		return err
	} else if !null {
		if s.peek() != '{' {
			return rd.notA(fmt.Sprintf("features[%d]", i), "object")
		}
		err := s.object(func(key []byte) error {
			var err error
			switch {
			case is(key, "type"):
				_, err = rd.text("type")
			case is(key, "properties"):
				codeTok, err = rd.properties()
			case is(key, "geometry"):
				g, bad, err = s.geometry()
			default:
				_, err = s.value()
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	rd.take(off, i, codeTok, g, bad)
	return nil
}

// properties reads a feature's properties and returns the text of the code's value
// (nil without one).
func (rd *geoReader) properties() ([]byte, error) {
	s := &rd.s
	if null, err := s.null(); null || err != nil {
		return nil, err
	}
	if s.peek() != '{' {
		return nil, rd.notA("properties", "object")
	}
	var code []byte
	err := s.object(func(key []byte) error {
		v, err := s.value()
		if text(key) == rd.property {
			code = v
		}
		return err
	})
	return code, err
}

// take checks a feature's code and keeps its geometry; feature i starts at off.
func (rd *geoReader) take(off, i int, codeTok []byte, g *Geometry, bad diag.Msg) {
	report := func(code Code, args ...any) {
		if len(rd.errs) < MaxErrors {
			rd.errs = append(rd.errs, geoErr{off, newError(0, "", code, args...)})
		}
	}
	code, ok := geoCode(codeTok)
	if !ok {
		report(CodeGeoNoCode, "index", i, "property", rd.property)
		return
	}
	if first, dup := rd.firstAt[code]; dup {
		report(CodeGeoDuplicateCode, "value", code, "index", i, "first", first)
		return
	}
	rd.firstAt[code] = i
	a, known := rd.areaAt[code]
	switch {
	case !known:
		report(CodeGeoUnknownCode, "value", code, "index", i)
	case bad.Code != "":
		if len(rd.errs) < MaxErrors {
			rd.errs = append(rd.errs, geoErr{off, detailError(0, CodeGeoBadGeometry, bad, "value", code, "index", i)})
		}
	default:
		rd.out[a] = g
	}
}

// errorList returns the errors, each naming the line where its feature starts.
func (rd *geoReader) errorList() ErrorList {
	out := make(ErrorList, len(rd.errs))
	line, at := 1, 0
	for k, ge := range rd.errs {
		line += bytes.Count(rd.s.b[at:ge.off], []byte("\n"))
		at = ge.off
		ge.e.Line = line
		out[k] = ge.e
	}
	return out
}

// geoCode reads a code property: a JSON string, or a whole number (FIPS-like codes are
// often numbers in GeoJSON files).
func geoCode(tok []byte) (string, bool) {
	switch {
	case len(tok) == 0:
		return "", false
	case tok[0] == '"':
		s := text(tok)
		return s, s != ""
	case tok[0] == '-' || tok[0] >= '0' && tok[0] <= '9':
		if _, err := strconv.ParseInt(string(tok), 10, 64); err == nil {
			return string(tok), true
		}
	}
	return "", false
}

// geoFault is the error of a file that is not GeoJSON: where encoding/json finds the
// text is not JSON, worded as it words it; else where the file is not what GeoJSON has
// there (a list where an object should be…).
func geoFault(data []byte, err error) *Error {
	if !json.Valid(data) {
		return jsonSyntaxError(data, json.Unmarshal(data, new(any))) // checked before decoding
	}
	var f *jsonFault
	if !errors.As(err, &f) || f.detail.Code == "" {
		f = &jsonFault{off: len(data), detail: geoMsg("not_json_object")} // jscan is stricter than encoding/json: not expected
	}
	line, col := lineCol(data, f.off)
	return detailError(line, CodeGeoSyntax, f.detail, "column", col)
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

// jsonSyntaxError names the line and column of a JSON syntax error, and words it from
// the catalogue.
func jsonSyntaxError(data []byte, err error) *Error {
	line, col := 0, 0
	if offset := diag.JSONOffset(err); offset >= 0 {
		line, col = lineCol(data, offset)
	}
	return detailError(line, CodeGeoSyntax, diag.Cause(err), "column", col)
}

// lineCol returns the 1-based line and column of byte offset in data.
func lineCol(data []byte, offset int) (line, col int) {
	before := data[:min(offset, len(data))]
	nl := bytes.LastIndexByte(before, '\n')
	return 1 + bytes.Count(before, []byte("\n")), len(before) - nl
}

// readAll reads r to its end, or to one byte more than limit: in one buffer of the
// right size when r says its size (a file, a bytes.Reader), so that a file of tens of
// megabytes is not copied and cleared again at each doubling.
func readAll(r io.Reader, limit int) ([]byte, error) {
	size := 0
	switch v := r.(type) {
	case interface{ Len() int }:
		size = v.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil {
			size = int(min(fi.Size(), int64(limit)))
		}
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, limit)+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, int64(limit)+1))
	return buf.Bytes(), err
}
