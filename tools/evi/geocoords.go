package evi

import (
	"errors"
	"strconv"
)

// coordScanner reads the coordinates of a Polygon or MultiPolygon from their JSON text
// without reflection: nested arrays of numbers, several times faster than
// json.Unmarshal into [][][]float64 on 60,000 areas. The text has already been
// checked as JSON by the decoder that found it.
type coordScanner struct {
	b []byte
	i int
}

var errCoords = errors.New("expected nested lists of numbers")

func (s *coordScanner) skipSpace() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\n' || s.b[s.i] == '\r' || s.b[s.i] == '\t') {
		s.i++
	}
}

// list calls item for each element of the array that starts at the cursor.
func (s *coordScanner) list(item func() error) error {
	s.skipSpace()
	if s.i >= len(s.b) || s.b[s.i] != '[' {
		return errCoords
	}
	s.i++
	s.skipSpace()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		s.skipSpace()
		if s.i >= len(s.b) {
			return errCoords
		}
		switch s.b[s.i] {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return errCoords
		}
	}
}

func (s *coordScanner) number() (float64, error) {
	s.skipSpace()
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		if c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			s.i++
			continue
		}
		break
	}
	if start == s.i {
		return 0, errCoords
	}
	return strconv.ParseFloat(string(s.b[start:s.i]), 64)
}

// position reads [x, y] or [x, y, z].
func (s *coordScanner) position() ([]float64, error) {
	var pos []float64
	err := s.list(func() error {
		v, err := s.number()
		pos = append(pos, v)
		return err
	})
	return pos, err
}

// polygon reads a list of rings of positions.
func (s *coordScanner) polygon() ([][][]float64, error) {
	var rings [][][]float64
	err := s.list(func() error {
		var ring [][]float64
		err := s.list(func() error {
			pos, err := s.position()
			ring = append(ring, pos)
			return err
		})
		rings = append(rings, ring)
		return err
	})
	return rings, err
}

func scanPolygon(b []byte) ([][][]float64, error) {
	s := &coordScanner{b: b}
	return s.polygon()
}

func scanMultiPolygon(b []byte) ([][][][]float64, error) {
	s := &coordScanner{b: b}
	var polys [][][][]float64
	err := s.list(func() error {
		p, err := s.polygon()
		polys = append(polys, p)
		return err
	})
	return polys, err
}
