// The object parser: tokens, values, strings and names.

package pdffile

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
)

// parser reads PDF objects from data at pos.
type parser struct {
	data    []byte
	pos     int
	content bool // a content stream: numbers are never the start of a reference
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if isSpace(c) {
			p.pos++
		} else if c == '%' {
			for p.pos < len(p.data) && p.data[p.pos] != '\n' && p.data[p.pos] != '\r' {
				p.pos++
			}
		} else {
			return
		}
	}
}

func (p *parser) keyword(k string) bool {
	p.skipSpace()
	if bytes.HasPrefix(p.data[p.pos:], []byte(k)) {
		p.pos += len(k)
		return true
	}
	return false
}

func (p *parser) token() string {
	p.skipSpace()
	s := p.pos
	for p.pos < len(p.data) && !isSpace(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
		p.pos++
	}
	return string(p.data[s:p.pos])
}

// value parses one object; "N G R" becomes a ref.
func (p *parser) value() (any, error) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, diag.Errorf("pdffile_file_end", nil)
	}
	switch c := p.data[p.pos]; {
	case c == '/':
		p.pos++
		s := p.pos
		for p.pos < len(p.data) && !isSpace(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
			p.pos++
		}
		return name(unescapeName(string(p.data[s:p.pos]))), nil
	case c == '(':
		return p.literal()
	case c == '<' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '<':
		p.pos += 2
		d := dict{}
		for {
			p.skipSpace()
			if p.pos+1 < len(p.data) && p.data[p.pos] == '>' && p.data[p.pos+1] == '>' {
				p.pos += 2
				break
			}
			k, err := p.value()
			if err != nil {
				return nil, err
			}
			kn, ok := k.(name)
			if !ok {
				return nil, diag.Errorf("pdffile_key_not_name", diag.A{"key": fmt.Sprint(k)})
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			d[kn] = v
		}
		// A stream follows some dictionaries; its content is not needed here.
		save := p.pos
		if p.keyword("stream") {
			if n, ok := d["Length"].(int); ok && n >= 0 && p.pos+n <= len(p.data) {
				if p.pos < len(p.data) && p.data[p.pos] == '\r' {
					p.pos++
				}
				if p.pos < len(p.data) && p.data[p.pos] == '\n' {
					p.pos++
				}
				p.pos += n
				if p.keyword("endstream") {
					return d, nil
				}
				return nil, diag.Errorf("pdffile_no_endstream_length", nil)
			}
			end := bytes.Index(p.data[p.pos:], []byte("endstream"))
			if end < 0 {
				return nil, diag.Errorf("pdffile_no_endstream", nil)
			}
			p.pos += end + len("endstream")
		} else {
			p.pos = save
		}
		return d, nil
	case c == '<':
		p.pos++
		e := bytes.IndexByte(p.data[p.pos:], '>')
		if e < 0 {
			return nil, diag.Errorf("pdffile_unterminated_hex", nil)
		}
		hex := strings.Map(func(r rune) rune {
			if r < 128 && isSpace(byte(r)) {
				return -1
			}
			return r
		}, string(p.data[p.pos:p.pos+e]))
		p.pos += e + 1
		if len(hex)%2 == 1 {
			hex += "0"
		}
		b := make([]byte, len(hex)/2)
		for i := range b {
			v, err := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
			if err != nil {
				return nil, diag.Wrap(err, "pdffile_bad_hex", diag.A{"error": diag.Cause(err)})
			}
			b[i] = byte(v)
		}
		return string(b), nil
	case c == '[':
		p.pos++
		var arr []any
		for {
			p.skipSpace()
			if p.pos < len(p.data) && p.data[p.pos] == ']' {
				p.pos++
				return arr, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
	default:
		t := p.token()
		if t == "" {
			return nil, diag.Errorf("pdffile_unexpected_at", diag.A{"char": string(c), "offset": p.pos})
		}
		switch t {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		if c := t[0]; c != '+' && c != '-' && c != '.' && (c < '0' || c > '9') {
			return keywordValue(t), nil // an operator or a keyword: no number parse (and no error to allocate)
		}
		if strings.IndexByte(t, '.') >= 0 {
			if f, err := strconv.ParseFloat(t, 64); err == nil {
				return f, nil
			}
			return keywordValue(t), nil
		}
		if n, err := strconv.Atoi(t); err == nil {
			if p.content {
				return n, nil
			}
			// Look ahead for "G R".
			save := p.pos
			g := p.token()
			if gn, err := strconv.Atoi(g); err == nil {
				if p.token() == "R" {
					return ref{n, gn}, nil
				}
			}
			p.pos = save
			return n, nil
		}
		if f, err := strconv.ParseFloat(t, 64); err == nil {
			return f, nil
		}
		return keywordValue(t), nil
	}
}

// keywordValue is a bare keyword (obj, endobj, R …) met where a value was expected.
type keywordValue string

func (p *parser) literal() (string, error) {
	p.pos++ // (
	var b []byte
	depth := 1
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		p.pos++
		switch c {
		case '\\':
			if p.pos >= len(p.data) {
				return "", diag.Errorf("pdffile_unterminated_string", nil)
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '\r':
				if p.pos < len(p.data) && p.data[p.pos] == '\n' {
					p.pos++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '7'; i++ {
						v = v*8 + int(p.data[p.pos]-'0')
						p.pos++
					}
					b = append(b, byte(v))
				} else {
					b = append(b, e)
				}
			}
		case '(':
			depth++
			b = append(b, c)
		case ')':
			depth--
			if depth == 0 {
				return string(b), nil
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return "", diag.Errorf("pdffile_unterminated_string", nil)
}

func unescapeName(s string) string {
	if !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
