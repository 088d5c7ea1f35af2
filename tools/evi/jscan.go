package evi

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/diag"
)

// jscan reads JSON text in one pass, without reflection and without copying: the
// GeoJSON reader walks the file's objects with it and takes only what it needs (each
// feature's code and geometry). Every value it passes over is checked as JSON; at the
// first fault it stops with a *jsonFault.
type jscan struct {
	b     []byte
	i     int
	depth int
}

// maxJSONDepth is encoding/json's limit on nesting; a deeper file is at fault (and
// would otherwise grow the stack without bound).
const maxJSONDepth = 10000

// jsonFault is where a JSON text stops being what the reader expects: no detail for
// text that is not JSON (encoding/json words it, see geoFault), else what was expected
// there (evi_geo_*).
type jsonFault struct {
	off    int
	detail diag.Msg
}

func (f *jsonFault) Error() string { return f.detail.Text("en") }

func (s *jscan) fault() error { return &jsonFault{off: s.i} }

// shape is a fault of structure at off: JSON, but not what GeoJSON has there.
func (s *jscan) shape(off int, detail diag.Msg) error { return &jsonFault{off: off, detail: detail} }

// peek skips white space and returns the next byte, 0 at the end.
func (s *jscan) peek() byte {
	for s.i < len(s.b) {
		switch c := s.b[s.i]; c {
		case ' ', '\n', '\r', '\t':
			s.i++
		default:
			return c
		}
	}
	return 0
}

// end skips white space and reports whether the text ends there.
func (s *jscan) end() bool {
	s.peek()
	return s.i == len(s.b)
}

// token reads a string at the cursor and returns it with its quotes.
func (s *jscan) token() ([]byte, error) {
	start := s.i
	s.i++ // the opening quote, which the caller has seen
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return s.b[start:s.i], nil
		case c < 0x20:
			return nil, s.fault()
		case c == '\\':
			s.i++
			if s.i >= len(s.b) {
				return nil, s.fault()
			}
			switch s.b[s.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i++
			case 'u':
				for k := 1; k <= 4; k++ {
					if s.i+k >= len(s.b) || !isHex(s.b[s.i+k]) {
						s.i += k
						return nil, s.fault()
					}
				}
				s.i += 5
			default:
				return nil, s.fault()
			}
		default:
			s.i++
		}
	}
	return nil, s.fault()
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// text returns a string token's value as encoding/json decodes it.
func text(tok []byte) string {
	plain := tok[1 : len(tok)-1]
	if bytes.IndexByte(plain, '\\') < 0 && utf8.Valid(plain) {
		return string(plain)
	}
	var v string
	_ = json.Unmarshal(tok, &v) // checked by token
	return v
}

// number reads a number at the cursor, by JSON's grammar, and returns its text.
func (s *jscan) number() ([]byte, error) {
	start := s.i
	digits := func() bool {
		d := s.i
		for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
			s.i++
		}
		return s.i > d
	}
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(s.b) && s.b[s.i] == '0':
		s.i++
	case !digits():
		return nil, s.fault()
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		if !digits() {
			return nil, s.fault()
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if !digits() {
			return nil, s.fault()
		}
	}
	return s.b[start:s.i], nil
}

// value passes over any value at the cursor and returns its text.
func (s *jscan) value() ([]byte, error) {
	c := s.peek()
	start := s.i
	var err error
	switch {
	case c == '{':
		err = s.object(func([]byte) error { _, err := s.value(); return err })
	case c == '[':
		err = s.array(func() error { _, err := s.value(); return err })
	case c == '"':
		_, err = s.token()
	case c == '-' || c >= '0' && c <= '9':
		_, err = s.number()
	case c == 't':
		err = s.word("true")
	case c == 'f':
		err = s.word("false")
	case c == 'n':
		err = s.word("null")
	default:
		err = s.fault()
	}
	return s.b[start:s.i], err
}

func (s *jscan) word(w string) error {
	for k := range len(w) {
		if s.i >= len(s.b) || s.b[s.i] != w[k] {
			return s.fault()
		}
		s.i++
	}
	return nil
}

// null reads null if it is at the cursor.
func (s *jscan) null() (bool, error) {
	if s.peek() != 'n' {
		return false, nil
	}
	return true, s.word("null")
}

// object reads the object at the cursor, calling member with each key (a string token)
// with the cursor on its value, which member reads.
func (s *jscan) object(member func(key []byte) error) error {
	return s.nested('{', '}', func() error {
		if s.peek() != '"' {
			return s.fault()
		}
		key, err := s.token()
		if err != nil {
			return err
		}
		if s.peek() != ':' {
			return s.fault()
		}
		s.i++
		return member(key)
	})
}

// array reads the array at the cursor, calling item with the cursor on each element,
// which item reads.
func (s *jscan) array(item func() error) error {
	return s.nested('[', ']', item)
}

func (s *jscan) nested(open, close byte, item func() error) error {
	if s.peek() != open {
		return s.fault()
	}
	if s.depth++; s.depth > maxJSONDepth {
		return s.fault()
	}
	s.i++
	if s.peek() == close {
		s.i++
		s.depth--
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case close:
			s.i++
			s.depth--
			return nil
		default:
			return s.fault()
		}
	}
}

// is reports whether a key token names name, as encoding/json matches a struct's field
// (without regard to case).
func is(key []byte, name string) bool {
	plain := key[1 : len(key)-1]
	if bytes.IndexByte(plain, '\\') < 0 {
		return len(plain) == len(name) && bytes.EqualFold(plain, []byte(name))
	}
	return bytes.EqualFold([]byte(text(key)), []byte(name))
}

// float reads a number at the cursor as a float64.
func (s *jscan) float() (float64, error) {
	s.peek()
	n, err := s.number()
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return 0, errCoords // out of range
	}
	return v, nil
}
