// The scalars and flow collections of the YAML lexer (yamllex.go): quoted texts and
// their escapes, [ ] and { } collections, block scalars.

package corpus

import (
	"bytes"
	"github.com/pssdc/guide-iad/tools/diag"
	"strings"
)

// quoted reads the quoted scalar opening at i (lines may follow); parent is the column
// of the entry it belongs to, which its following lines must be indented beyond. It
// returns the offset after the closing quote.
func (l *yamlLexer) quoted(i, parent int) (int, bool) {
	src := l.src
	q := src[i]
	under := -1 // a following line indented no more than parent
	multi := false
	for j := i + 1; j < len(src); j++ {
		switch c := src[j]; {
		case c == q && q == '\'' && j+1 < len(src) && src[j+1] == '\'':
			j++
		case c == q:
			if !multi {
				return j + 1, true
			}
			// Closed on a later line: the quote was most likely left open, and the
			// next key's quote closed it. Say so if anything is odd after it.
			end := l.lineEnd(j)
			k := l.skipBlanks(j+1, end)
			if under >= 0 || k < end && (src[k] != '#' || k == j+1) && !(src[k] == ':' && l.blankAt(k+1)) && !(src[k] == ',' || src[k] == ']' || src[k] == '}') {
				args := diag.A{"at": l.where(i), "quote": string(q), "next_at": l.where(j)}
				if under >= 0 && (k == end || src[k] == '#' && k > j+1) {
					l.forbid(i, "yaml_quote_not_closed_on_line", args) // the library accepts it
				} else {
					l.fail(i, "yaml_quote_not_closed_on_line", args)
					return 0, false
				}
			}
			return j + 1, true
		case c == '\\' && q == '"':
			if !l.escape(j) {
				return 0, false
			}
			j++
		case c == '\n':
			multi = true
			k := j + 1
			for k < len(src) && src[k] == ' ' {
				k++
			}
			if k-(j+1) == 0 && (bytes.HasPrefix(src[k:], []byte("---")) || bytes.HasPrefix(src[k:], []byte("..."))) && l.blankAt(k+3) {
				l.fail(i, "yaml_quote_never_closed", diag.A{"at": l.where(i), "quote": string(q)})
				return 0, false
			}
			if under < 0 && k < len(src) && src[k] != '\n' && k-(j+1) <= parent {
				under = k
			}
		}
	}
	l.fail(i, "yaml_quote_never_closed", diag.A{"at": l.where(i), "quote": string(q)})
	return 0, false
}

// escape checks the escape sequence at offset j (a backslash) in double-quoted text.
func (l *yamlLexer) escape(j int) bool {
	src := l.src
	if j+1 >= len(src) {
		return true // the unclosed quote is reported
	}
	digits := 0
	switch src[j+1] {
	case '0', 'a', 'b', 't', '\t', 'n', 'v', 'f', 'r', 'e', ' ', '"', '/', '\\', 'N', '_', 'L', 'P', '\n':
		return true
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		end := j + 2
		for end < len(src) && src[end]&0xc0 == 0x80 {
			end++
		}
		l.fail(j, "yaml_unknown_escape", diag.A{"escape": string(src[j:end])})
		return false
	}
	for k := j + 2; k < j+2+digits; k++ {
		if k >= len(src) || !isHex(src[k]) {
			l.fail(j, "yaml_hex_escape", diag.A{"char": string(src[j+1]), "digits": digits})
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// flow reads the flow collection opening at i (lines may follow) and returns the
// offset after its closing bracket.
func (l *yamlLexer) flow(i, parent int) (_ int, ok bool) {
	src := l.src
	type open struct {
		off   int
		prev  byte // what came last: 'o' the opening, ',' a comma, 'v' a value, ':' a colon
		colon bool // the entry has its `:`
	}
	stack := []open{{off: i, prev: 'o'}}
	under := -1
	defer func() {
		// A fault after a line indented no more than the key: the collection was
		// most likely left open on its first line, and took the following lines in.
		if !ok && under >= 0 && l.hard != nil && l.hard.off > under {
			l.hard = nil
			l.unclosed(i)
		}
	}()
	j := i + 1
	for j < len(src) {
		top := &stack[len(stack)-1]
		c := src[j]
		switch {
		case c == '\n':
			k := j + 1
			for k < len(src) && src[k] == ' ' {
				k++
			}
			if k-(j+1) == 0 && (bytes.HasPrefix(src[k:], []byte("---")) || bytes.HasPrefix(src[k:], []byte("..."))) && l.blankAt(k+3) {
				l.unclosed(stack[len(stack)-1].off)
				return 0, false
			}
			if under < 0 && k < len(src) && src[k] != '\n' && src[k] != '#' && k-(j+1) <= parent {
				under = k
			}
			j = k
		case c == ' ' || c == '\t':
			j++
		case c == '#':
			if p := src[j-1]; p != ' ' && p != '\t' && p != '\n' {
				l.forbid(j, "yaml_glued_comment", diag.A{"after": closingName(p)})
			}
			j = l.lineEnd(j)
		case c == '[' || c == '{':
			if len(stack) >= MaxDepth {
				l.fail(j, "too_deep", diag.A{"max": MaxDepth})
				return 0, false
			}
			top.prev = 'v'
			stack = append(stack, open{off: j, prev: 'o'})
			j++
		case c == ']' || c == '}':
			want := byte(']')
			if src[top.off] == '{' {
				want = '}'
			}
			if c != want {
				l.fail(j, "yaml_wrong_closing", diag.A{"char": string(c), "want": string(want), "open": string(src[top.off]), "at": l.where(top.off)})
				return 0, false
			}
			stack = stack[:len(stack)-1]
			j++
			if len(stack) == 0 {
				if under >= 0 {
					l.forbid(under, "yaml_flow_indent", diag.A{"flow": flowName(src[i]), "at": l.where(i)})
				}
				return j, true
			}
		case c == ',':
			if top.prev == 'o' || top.prev == ',' {
				l.fail(j, "yaml_empty_flow_entry", diag.A{"flow": flowName(src[top.off]), "at": l.where(top.off)})
				return 0, false
			}
			top.prev, top.colon = ',', false
			j++
		case c == '"' || c == '\'':
			k, ok := l.quoted(j, parent)
			if !ok {
				return 0, false
			}
			if k < len(src) && strings.IndexByte(" \t\n,]}:", src[k]) < 0 {
				l.textAfter(j, k, k)
				return 0, false
			}
			top.prev = 'v'
			j = k
		case c == '-' && (j+1 >= len(src) || strings.IndexByte(" \t\n,]}", src[j+1]) >= 0):
			k := l.skipBlanks(j+1, l.lineEnd(j))
			if k < len(src) && strings.IndexByte("\n,]}#", src[k]) < 0 {
				l.fail(j, "yaml_dash_in_brackets", nil)
				return 0, false
			}
			l.forbid(j, "yaml_lone_dash", nil)
			top.prev = 'v'
			j++
		case (c == '?' || c == ':') && (j+1 >= len(src) || strings.IndexByte(" \t\n,]}", src[j+1]) >= 0):
			if c == ':' && top.colon {
				l.fail(j, "yaml_colon_in_flow", diag.A{"flow": flowName(src[top.off]), "at": l.where(top.off)})
				return 0, false
			}
			top.prev, top.colon = ':', c == ':'
			j++
		case c == '@' || c == '`' || c == '%' || c == '|' || c == '>':
			l.fail(j, "yaml_cannot_start", diag.A{"char": charName(c)})
			return 0, false
		case c == '&' || c == '!' || c == '*':
			for j < len(src) && strings.IndexByte(" \t\n,[]{}", src[j]) < 0 {
				j++
			}
		default:
			// A plain scalar, to a flow indicator, `: `, ` #` or the line's end; at
			// least one character (`:[` is a plain scalar's start).
			j++
			for j < len(src) && strings.IndexByte(",[]{}\n", src[j]) < 0 {
				if src[j] == ':' && (j+1 >= len(src) || strings.IndexByte(" \t\n,[]{}", src[j+1]) >= 0) {
					break
				}
				if src[j] == '#' && (src[j-1] == ' ' || src[j-1] == '\t') {
					break
				}
				j++
			}
			top.prev = 'v'
		}
	}
	l.unclosed(stack[len(stack)-1].off)
	return 0, false
}

// charName shows a character in a message.
func charName(c byte) diag.Msg {
	if c == '`' {
		return diag.M("backtick", nil)
	}
	return diag.M("char", diag.A{"char": string(c)})
}

// undefinedTagHandle reports whether t starts with a tag written with a named handle
// (`!e!x`), which no %TAG directive defines: the library rejects it.
func undefinedTagHandle(t []byte) bool {
	for i := 1; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '!':
			return i > 1
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-':
		default:
			return false
		}
	}
	return false
}

func flowName(c byte) diag.Msg {
	if c == '[' {
		return diag.M("flow_list", nil)
	}
	return diag.M("flow_mapping", nil)
}

func (l *yamlLexer) unclosed(off int) {
	closing := byte(']')
	if l.src[off] == '{' {
		closing = '}'
	}
	l.fail(off, "yaml_flow_not_closed", diag.A{"flow": flowName(l.src[off]), "at": l.where(off), "closing": string(closing)})
}

// blockScalar reads the header of a literal or folded scalar at i and skips its lines.
func (l *yamlLexer) blockScalar(i, end, parent int) {
	src := l.src
	j := i + 1
	explicit, chomp := 0, false
	for n := 0; n < 2 && j < end; n++ {
		switch c := src[j]; {
		case (c == '+' || c == '-') && !chomp:
			chomp = true
			j++
		case c >= '1' && c <= '9' && explicit == 0:
			explicit = int(c - '0')
			j++
		case c == '0':
			l.fail(j, "yaml_indicator_zero", diag.A{"char": string(src[i])})
			return
		}
	}
	switch {
	case j < end && src[j] == '#':
		l.forbid(j, "yaml_glued_comment", diag.A{"after": diag.M("code", diag.A{"text": string(src[i:j])})})
	case j < end && src[j] != ' ' && src[j] != '\t':
		l.fail(j, "yaml_after_indicator", diag.A{"char": string(src[j]), "indicator": string(src[i:j]), "style": string(src[i])})
		return
	default:
		if k := l.skipBlanks(j, end); k < end && src[k] != '#' {
			l.fail(k, "yaml_text_after_indicator", diag.A{"indicator": string(src[i:j])})
			return
		}
	}
	// The content: the lines indented more than parent (or as set by the indicator).
	indent := -1
	if explicit > 0 {
		indent = parent + explicit
	}
	p := end + 1
	for p < len(src) {
		e := l.lineEnd(p)
		k := p
		for k < e && src[k] == ' ' {
			k++
		}
		if k < e && indent < 0 {
			if k-p <= parent {
				break
			}
			indent = k - p
		}
		if k < e && k-p < indent {
			break
		}
		p = e + 1
	}
	l.p = p
}
