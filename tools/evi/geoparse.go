package evi

import (
	"errors"
	"strconv"

	"github.com/pssdc/guide-iad/tools/diag"
)

// The parts of a GeoJSON file the reader takes, read with jscan: a feature's geometry
// (a Polygon or a MultiPolygon, whose coordinates become a Geometry's Polygons) and its
// code. What is wrong with one feature's geometry is a message of the catalogue
// (evi_geo_*, the detail of geojson_bad_geometry; no Code when nothing is); a fault of
// the file is an error.

// geoMsg is a message of the catalogue about a geometry; args are name, value pairs.
func geoMsg(code string, args ...any) diag.Msg {
	m := diag.M("evi_geo_"+code, nil)
	if len(args) > 0 {
		m.Args = diag.A{}
		for i := 0; i+1 < len(args); i += 2 {
			m.Args[args[i].(string)] = args[i+1]
		}
	}
	return m
}

var errNotGeometry = geoMsg("not_object")

// geometry reads the value of a feature's "geometry" at the cursor: the geometry, or
// what is wrong with it.
func (s *jscan) geometry() (*Geometry, diag.Msg, error) {
	if null, err := s.null(); null || err != nil {
		return nil, geoMsg("none"), err
	}
	start := s.i
	if s.peek() != '{' {
		_, err := s.value()
		return nil, errNotGeometry, err
	}
	var typ string
	var coords []byte // the coordinates' text, when read before the type
	var polys [][][][2]float64
	var bad diag.Msg
	notObject, parsed := false, false
	err := s.object(func(key []byte) error {
		switch {
		case is(key, "type"):
			if null, err := s.null(); null || err != nil {
				typ = ""
				return err
			}
			if s.peek() != '"' {
				notObject = true
				_, err := s.value()
				return err
			}
			tok, err := s.token()
			if err == nil {
				typ = text(tok)
			}
			return err
		case is(key, "coordinates"):
			if typ == "Polygon" || typ == "MultiPolygon" {
				at := s.i
				var err error
				polys, bad, err = s.polygons(typ == "MultiPolygon")
				parsed, coords = true, nil
				if err != nil { // not coordinates: is it JSON at all?
					s.i, parsed = at, false
					coords, err = s.value()
				}
				return err
			}
			var err error
			coords, err = s.value()
			parsed = false
			return err
		}
		_, err := s.value()
		return err
	})
	if err != nil {
		return nil, diag.Msg{}, err
	}
	g := &Geometry{raw: s.b[start:s.i]}
	if notObject {
		return nil, errNotGeometry, nil
	}
	multi := typ == "MultiPolygon"
	if typ != "Polygon" && !multi {
		return nil, geoMsg("type", "value", typ), nil
	}
	if !parsed {
		var err error
		sub := &jscan{b: coords}
		if polys, bad, err = sub.polygons(multi); err == nil && !sub.end() {
			err = errCoords
		}
		if err != nil {
			if multi {
				return nil, geoMsg("multipolygon_coordinates"), nil
			}
			return nil, geoMsg("polygon_coordinates"), nil
		}
	}
	if multi && len(polys) == 0 {
		return nil, geoMsg("no_polygons"), nil
	}
	if bad.Code != "" {
		return nil, bad, nil
	}
	g.Polygons = polys
	return g, diag.Msg{}, nil
}

var errCoords = errors.New("expected nested lists of numbers")

// polygons reads a Polygon's coordinates (one polygon) or a MultiPolygon's; bad is the
// first problem of a ring, in file order (worded as the detail of geojson_bad_geometry).
func (s *jscan) polygons(multi bool) (polys [][][][2]float64, bad diag.Msg, err error) {
	polygon := func() error {
		k := len(polys)
		var rings [][][2]float64
		err := s.array(func() error {
			ring, arity, err := s.ring()
			if err == nil && bad.Code == "" {
				bad = checkRing(len(rings), ring, arity)
				if bad.Code != "" && multi {
					bad = geoMsg("in_polygon", "polygon", k, "problem", bad)
				}
			}
			rings = append(rings, ring)
			return err
		})
		if err == nil && len(rings) == 0 && bad.Code == "" {
			bad = geoMsg("no_rings")
			if multi {
				bad = geoMsg("in_polygon", "polygon", k, "problem", bad)
			}
		}
		polys = append(polys, rings)
		return err
	}
	if multi {
		err = s.array(polygon)
	} else {
		err = polygon()
	}
	if err != nil {
		return nil, diag.Msg{}, err
	}
	return polys, bad, nil
}

// ring reads a list of [longitude, latitude] positions; arity is the index of the
// first position that is not 2 or 3 numbers, -1 if none.
func (s *jscan) ring() (ring [][2]float64, arity int, err error) {
	arity = -1
	ring = make([][2]float64, 0, 8) // most small areas' rings
	err = s.array(func() error {
		var pos [2]float64
		n := 0
		err := s.array(func() error {
			v, err := s.float()
			if n < 2 {
				pos[n] = v
			}
			n++
			return err
		})
		if (n < 2 || n > 3) && arity < 0 {
			arity = len(ring)
		}
		ring = append(ring, pos)
		return err
	})
	return ring, arity, err
}

// checkRing says what is wrong with ring r of a polygon (no Code if nothing).
func checkRing(r int, ring [][2]float64, arity int) diag.Msg {
	if len(ring) < 4 {
		return geoMsg("ring_short", "ring", r, "positions", len(ring))
	}
	for i, pos := range ring {
		if i == arity {
			return geoMsg("position_arity", "ring", r, "position", i)
		}
		lon, lat := pos[0], pos[1]
		if !(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90) {
			return geoMsg("position_range", "ring", r, "position", i, "lon", coord(lon), "lat", coord(lat))
		}
	}
	if ring[0] != ring[len(ring)-1] {
		return geoMsg("ring_open", "ring", r)
	}
	return diag.Msg{}
}

func coord(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
