package evi

import (
	"errors"
	"fmt"
)

// The parts of a GeoJSON file the reader takes, read with jscan: a feature's geometry
// (a Polygon or a MultiPolygon, whose coordinates become a Geometry's Polygons) and its
// code. What is wrong with one feature is a string (the detail of geojson_bad_geometry);
// a fault of the file is an error.

var errNotGeometry = "the geometry is not an object with type and coordinates"

// geometry reads the value of a feature's "geometry" at the cursor: the geometry, or
// what is wrong with it.
func (s *jscan) geometry() (*Geometry, string, error) {
	if null, err := s.null(); null || err != nil {
		return nil, "no geometry", err
	}
	start := s.i
	if s.peek() != '{' {
		_, err := s.value()
		return nil, errNotGeometry, err
	}
	var typ string
	var coords []byte // the coordinates' text, when read before the type
	var polys [][][][2]float64
	var bad string
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
		return nil, "", err
	}
	g := &Geometry{raw: s.b[start:s.i]}
	if notObject {
		return nil, errNotGeometry, nil
	}
	multi := typ == "MultiPolygon"
	if typ != "Polygon" && !multi {
		return nil, fmt.Sprintf("type %q; expected Polygon or MultiPolygon", typ), nil
	}
	if !parsed {
		var err error
		sub := &jscan{b: coords}
		if polys, bad, err = sub.polygons(multi); err == nil && !sub.end() {
			err = errCoords
		}
		if err != nil {
			if multi {
				return nil, "a MultiPolygon's coordinates must be a list of polygons, each a list of rings of [longitude, latitude] positions", nil
			}
			return nil, "a Polygon's coordinates must be a list of rings of [longitude, latitude] positions", nil
		}
	}
	if multi && len(polys) == 0 {
		return nil, "a MultiPolygon without polygons", nil
	}
	if bad != "" {
		return nil, bad, nil
	}
	g.Polygons = polys
	return g, "", nil
}

var errCoords = errors.New("expected nested lists of numbers")

// polygons reads a Polygon's coordinates (one polygon) or a MultiPolygon's; bad is the
// first problem of a ring, in file order (worded as the detail of geojson_bad_geometry).
func (s *jscan) polygons(multi bool) (polys [][][][2]float64, bad string, err error) {
	polygon := func() error {
		k := len(polys)
		var rings [][][2]float64
		err := s.array(func() error {
			ring, arity, err := s.ring()
			if err == nil && bad == "" {
				bad = checkRing(len(rings), ring, arity)
				if bad != "" && multi {
					bad = fmt.Sprintf("polygon %d: %s", k, bad)
				}
			}
			rings = append(rings, ring)
			return err
		})
		if err == nil && len(rings) == 0 && bad == "" {
			bad = "a polygon without rings"
			if multi {
				bad = fmt.Sprintf("polygon %d: %s", k, bad)
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
		return nil, "", err
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

// checkRing says what is wrong with ring r of a polygon, "" if nothing.
func checkRing(r int, ring [][2]float64, arity int) string {
	if len(ring) < 4 {
		return fmt.Sprintf("ring %d has %d positions; a ring has at least 4, the last equal to the first", r, len(ring))
	}
	for i, pos := range ring {
		if i == arity {
			return fmt.Sprintf("ring %d, position %d: expected [longitude, latitude]", r, i)
		}
		lon, lat := pos[0], pos[1]
		if !(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90) {
			return fmt.Sprintf("ring %d, position %d: [%g, %g] is not a longitude and a latitude in degrees", r, i, lon, lat)
		}
	}
	if ring[0] != ring[len(ring)-1] {
		return fmt.Sprintf("ring %d is not closed: its last position must equal its first", r)
	}
	return ""
}
