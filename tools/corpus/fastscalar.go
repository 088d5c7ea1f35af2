// The scalars of the fast reader (fastyaml.go): quoted and plain scalars, and the
// one-line flow collections of scalars.

package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// quoted unquotes the single-line quoted scalar at the start of t and returns its
// value and the offset just after the closing quote.
func quoted(t []byte) (string, int, bool) {
	q := t[0]
	var b []byte
	for i := 1; i < len(t); i++ {
		c := t[i]
		switch {
		case c == q && q == '\'':
			if i+1 < len(t) && t[i+1] == '\'' {
				b = append(b, '\'')
				i++
				continue
			}
			return string(b), i + 1, true
		case c == q:
			return string(b), i + 1, true
		case c == '\\' && q == '"':
			if i+1 >= len(t) {
				return "", 0, false
			}
			i++
			switch t[i] {
			case '"', '\\':
				b = append(b, t[i])
			case 'n':
				b = append(b, '\n')
			case 't':
				b = append(b, '\t')
			case 'u':
				if i+4 >= len(t) {
					return "", 0, false
				}
				r, err := strconv.ParseUint(string(t[i+1:i+5]), 16, 32)
				if err != nil || r >= 0xD800 && r <= 0xDFFF {
					return "", 0, false
				}
				b = utf8.AppendRune(b, rune(r))
				i += 4
			default:
				return "", 0, false
			}
		case c == '\t':
			return "", 0, false
		default:
			b = append(b, c)
		}
	}
	return "", 0, false // not closed on this line
}

// plainScalar is the node of a plain scalar with the tag yaml.v3 resolves for it; it
// declines the values whose resolution it does not mirror exactly.
func plainScalar(v string, i, col int) (*yaml.Node, bool) {
	tag := "!!str"
	switch c := v[0]; {
	case c >= '0' && c <= '9' || c == '+' || c == '-':
		switch {
		case isDate(v):
			tag = "!!timestamp"
		case isDecimal(v):
			tag = "!!int"
		case !mayBeNumberOrTime(v):
			// "14,168", "90 %", "12 months": no number or timestamp syntax allows
			// these characters, so the library reads a string too.
		default:
			return nil, false
		}
	case c == '.' || c == '~' || c == '<':
		return nil, false
	case c == 't' || c == 'T' || c == 'f' || c == 'F':
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			tag = "!!bool"
		}
	case c == 'n' || c == 'N':
		switch v {
		case "null", "Null", "NULL":
			tag = "!!null"
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v, Line: i + 1, Column: col + 1}, true
}

// isDate: YYYY-MM-DD, a valid day (yaml.v3 resolves it to a timestamp).
func isDate(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	_, err := time.Parse("2006-01-02", v)
	return err == nil
}

// isDecimal: a plain decimal integer without sign or leading zero, small enough for int64.
func isDecimal(v string) bool {
	if len(v) > 18 || (v[0] == '0' && len(v) > 1) {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// mayBeNumberOrTime reports whether every character of v could belong to one of the
// integer, float or timestamp spellings yaml.v3 resolves (digits, signs, base prefixes,
// hexadecimal digits, underscores, exponents, and the date and time separators).
func mayBeNumberOrTime(v string) bool {
	extra := "xXoObB_+-." // base prefixes, digit separators, signs, decimal point
	if len(v) > 4 && v[4] == '-' && isDecimal(v[:4]) {
		extra += "tTZ: " // a timestamp starts with a year and a hyphen
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
		case strings.IndexByte(extra, c) >= 0:
		default:
			return false
		}
	}
	return true
}

// flow reads a one-line flow collection of scalars — `[a, "b"]` or `{code: CA, en: x}` —
// that starts on line i at byte pos; it returns the node and the offset after it.
// Nested collections, multi-line ones and anything ambiguous are left to the library.
// Columns are counted with one cursor moving forward along the line, so that a line of
// a hundred thousand items costs linear time (counting from the line's start for each
// item was quadratic: a 1 MiB line took minutes).
func (f *fastParser) flow(i, pos int) (*yaml.Node, int, bool) {
	line := f.text(i, 0)
	cols := columnCursor{line: line}
	seq := line[pos] == '['
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Line: i + 1, Column: cols.at(pos)}
	closing := byte('}')
	if seq {
		n.Kind, n.Tag, closing = yaml.SequenceNode, "!!seq", ']'
	}
	p := skipSpaces(line, pos+1)
	if p < len(line) && line[p] == closing {
		return n, p + 1, true
	}
	for {
		if !seq {
			k := keyLength(line[p:])
			if k == 0 || p+k+1 >= len(line) {
				return nil, 0, false
			}
			key, ok := plainScalar(string(line[p:p+k]), i, cols.at(p)-1)
			if !ok {
				return nil, 0, false
			}
			n.Content = append(n.Content, key)
			p = skipSpaces(line, p+k+1)
		}
		item, end, ok := flowScalar(line, p, i, &cols)
		if !ok {
			return nil, 0, false
		}
		n.Content = append(n.Content, item)
		p = skipSpaces(line, end)
		switch {
		case p < len(line) && line[p] == closing:
			return n, p + 1, true
		case p < len(line) && line[p] == ',':
			p = skipSpaces(line, p+1)
			if p >= len(line) || line[p] == closing || line[p] == ',' {
				return nil, 0, false // a trailing or empty entry
			}
		default:
			return nil, 0, false
		}
	}
}

// flowScalar reads a quoted or plain scalar inside a flow collection at byte p of line i.
func flowScalar(line []byte, p, i int, cols *columnCursor) (*yaml.Node, int, bool) {
	if p >= len(line) {
		return nil, 0, false
	}
	switch line[p] {
	case '"', '\'':
		value, end, ok := quoted(line[p:])
		if !ok {
			return nil, 0, false
		}
		style := yaml.DoubleQuotedStyle
		if line[p] == '\'' {
			style = yaml.SingleQuotedStyle
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: style, Value: value, Line: i + 1, Column: cols.at(p)}, p + end, true
	}
	end := p
	for end < len(line) && strings.IndexByte(",]}", line[end]) < 0 {
		if strings.IndexByte(":#?[{\t", line[end]) >= 0 || end == p && strings.IndexByte("&*!|>%@`", line[end]) >= 0 {
			return nil, 0, false
		}
		end++
	}
	v := bytes.TrimRight(line[p:end], " ")
	if len(v) == 0 || v[0] == '-' {
		return nil, 0, false
	}
	n, ok := plainScalar(string(v), i, cols.at(p)-1)
	return n, end, ok
}

// columnCursor gives the 1-based column of byte offsets of a line, counted in
// characters as the YAML library counts them; the offsets asked for must not decrease,
// so the whole line is counted once.
type columnCursor struct {
	line []byte
	pos  int // byte offset reached
	col  int // characters before pos
}

func (c *columnCursor) at(pos int) int {
	for ; c.pos < pos; c.pos++ {
		if c.line[c.pos] < utf8.RuneSelf || utf8.RuneStart(c.line[c.pos]) {
			c.col++
		}
	}
	return c.col + 1
}
