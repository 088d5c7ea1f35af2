// Package fastjson writes JSON exactly as encoding/json.Marshal does (map keys sorted, <,
// > and & escaped as \u003c…, invalid UTF-8 as \ufffd), faster for the values the
// guide's data are made of: strings, booleans, nil, []any and map[string]any. A string
// with no character to escape is copied as is; anything else (an escape, a number,
// another type) is left to encoding/json itself, so the bytes are always its own.
// The open data and the JSON copy of data/ spent most of their encoding time in
// encoding/json's reflection and allocations.
package fastjson

import (
	"encoding/json"
	"slices"
	"unicode/utf8"
)

// Marshal is json.Marshal(v).
func Marshal(v any) ([]byte, error) { return Append(nil, v) }

// Append appends json.Marshal(v) to dst.
func Append(dst []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case string:
		return AppendString(dst, v), nil
	case bool:
		if v {
			return append(dst, "true"...), nil
		}
		return append(dst, "false"...), nil
	case []any:
		if v == nil {
			return append(dst, "null"...), nil
		}
		dst = append(dst, '[')
		for i, e := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			var err error
			if dst, err = Append(dst, e); err != nil {
				return nil, err
			}
		}
		return append(dst, ']'), nil
	case map[string]any:
		if v == nil {
			return append(dst, "null"...), nil
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		dst = append(dst, '{')
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(AppendString(dst, k), ':')
			var err error
			if dst, err = Append(dst, v[k]); err != nil {
				return nil, err
			}
		}
		return append(dst, '}'), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(dst, b...), nil
}

// AppendString appends json.Marshal(s) to dst.
func AppendString(dst []byte, s string) []byte {
	if !plain(s) {
		b, _ := json.Marshal(s) // a string always has a JSON form
		return append(dst, b...)
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// plain reports whether encoding/json writes s as is between quotes: valid UTF-8 with no
// control character, quote, backslash, <, >, & or U+2028/U+2029.
func plain(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		case c >= utf8.RuneSelf:
			ascii = false
			if c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return false
			}
		}
	}
	return ascii || utf8.ValidString(s)
}
