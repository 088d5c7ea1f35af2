// The YAML lexer: it scans a file's lines as the YAML scanner does, closely enough to
// find where a syntax fault starts (see yamlerr.go, which words it).

package corpus

import (
	"bytes"
	"github.com/pssdc/guide-iad/tools/diag"
	"strings"
)

// yamlFinding is a fault the lexer found at byte offset off.
type yamlFinding struct {
	off int
	msg diag.Msg
}

// yamlLexer scans YAML source as the YAML scanner does, closely enough to find where
// faults start. Columns are byte offsets from the line's start (indentation is spaces,
// so they compare with indentation); messages get character columns from position.
type yamlLexer struct {
	src []byte
	p   int // offset of the line being read
	ls  int // offset of the start of the line the tokens are on
	// hard is the first fault that the library rejects too (the scan stops there);
	// strict the first that YAML forbids and the library accepts.
	hard, strict *yamlFinding
	// levels are the columns of the block collections open on previous lines, with
	// the offset of the line that opened each.
	levels []yamlLevel
	// opens: the previous content line leaves its value to the following lines
	// (`key:`, `-`). plainCol >= 0: the previous line ended with a plain value, which
	// continues on the lines indented more than plainCol.
	opens    bool
	plainCol int
	plainKey int // offset of the key whose plain value may continue
}

// yamlLevel is a block collection: the column of its entries, the offset of its first
// line, whether it is a list (its entries start with `- `) and, for a mapping, whether
// a list is written at its own column under its last key (`key:` then `- a`).
type yamlLevel struct {
	col, off         int
	list, indentless bool
}

func lexYAML(src []byte) *yamlLexer {
	if bytes.IndexByte(src, '\r') >= 0 {
		// CRLF line ends: the same lines and columns with LF.
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	l := &yamlLexer{src: src, plainCol: -1}
	for l.p < len(src) && l.hard == nil {
		l.line()
	}
	return l
}

func (l *yamlLexer) firstFinding() *yamlFinding {
	switch {
	case l.hard == nil:
		return l.strict
	case l.strict == nil || l.hard.off < l.strict.off:
		return l.hard
	}
	return l.strict
}

func (l *yamlLexer) syntax(f *yamlFinding) *yamlSyntax {
	line, col := position(l.src, f.off)
	return &yamlSyntax{Line: line, Column: col, Message: f.msg}
}

func (l *yamlLexer) fail(off int, code string, args diag.A) {
	if l.hard == nil {
		l.hard = &yamlFinding{off, diag.M(code, args)}
	}
}

func (l *yamlLexer) forbid(off int, code string, args diag.A) {
	if l.strict == nil {
		l.strict = &yamlFinding{off, diag.M(code, args)}
	}
}

// where names an offset for a message: "line 4, column 10".
func (l *yamlLexer) where(off int) diag.Msg {
	line, col := position(l.src, off)
	return diag.M("at", diag.A{"line": line, "column": col})
}

func (l *yamlLexer) lineEnd(i int) int {
	return i + lineLength(l.src[i:])
}

// blankAt reports whether offset i is a space, a tab, a line end or the end of the file.
func (l *yamlLexer) blankAt(i int) bool {
	return i >= len(l.src) || l.src[i] == ' ' || l.src[i] == '\t' || l.src[i] == '\n'
}

func (l *yamlLexer) skipBlanks(i, end int) int {
	for i < end && (l.src[i] == ' ' || l.src[i] == '\t') {
		i++
	}
	return i
}

// line reads the line at l.p in block context, and whatever it opens (a quoted scalar,
// a flow collection or a block scalar may take the following lines too).
func (l *yamlLexer) line() {
	src := l.src
	start := l.p
	end := l.lineEnd(start)
	l.p, l.ls = end+1, start
	i := start
	for i < end && src[i] == ' ' {
		i++
	}
	indent := i - start
	j := l.skipBlanks(i, end)
	if j == end || src[j] == '#' {
		if j < end {
			l.plainCol = -1 // a comment line ends a multi-line plain value
		}
		return
	}
	if src[i] == '\t' {
		l.fail(i, "tab_indent", nil)
		return
	}
	if indent == 0 && (bytes.HasPrefix(src[i:end], []byte("---")) || bytes.HasPrefix(src[i:end], []byte("..."))) && l.blankAt(i+3) {
		l.levels, l.opens, l.plainCol = nil, false, -1
		if src[i] == '.' {
			return
		}
		if i = l.skipBlanks(i+3, end); i == end || src[i] == '#' {
			return
		}
	}
	if indent == 0 && src[i] == '%' {
		l.fail(i, "yaml_directive", nil)
		return
	}
	if l.plainCol >= 0 && indent > l.plainCol {
		// The plain value of the line above goes on.
		if k := plainKeyEnd(src[i:end], false); k >= 0 {
			l.fail(i, "yaml_continuation_colon", diag.A{"key": keyText(src, l.plainKey), "at": l.where(l.plainKey)})
		}
		return
	}
	l.plainCol = -1
	var popped *yamlLevel
	for len(l.levels) > 0 && l.levels[len(l.levels)-1].col > indent {
		popped = &l.levels[len(l.levels)-1]
		l.levels = l.levels[:len(l.levels)-1]
	}
	dash := src[i] == '-' && l.blankAt(i+1)
	if n := len(l.levels); n == 0 || l.levels[n-1].col < indent {
		if n > 0 && !l.opens {
			top := l.levels[n-1]
			if popped != nil {
				l.fail(i, "yaml_indent_between", diag.A{"column": indent + 1, "inner": popped.col + 1, "inner_at": l.where(popped.off), "outer": top.col + 1, "outer_at": l.where(top.off)})
			} else {
				l.fail(i, "yaml_indent_after_value", diag.A{"column": indent + 1, "entries": top.col + 1, "at": l.where(top.off)})
			}
			return
		}
		l.levels = append(l.levels, yamlLevel{col: indent, off: i, list: dash})
	} else if top := &l.levels[n-1]; top.list && !dash {
		l.fail(i, "yaml_list_not_item", diag.A{"at": l.where(top.off)})
		return
	} else if !top.list && dash {
		if !l.opens && !top.indentless {
			l.fail(i, "yaml_item_for_key", nil)
			return
		}
		top.indentless = true
	} else if !top.list {
		top.indentless = false
	}
	l.opens = false
	l.tokens(i, end, indent, 0)
}

// tokens reads the nodes of a block line from offset i; parent is the column of the
// collection entry they belong to.
func (l *yamlLexer) tokens(i, end, parent, keys int) {
	src := l.src
	for {
		i = l.skipBlanks(i, end)
		if i >= end {
			l.opens = true
			return
		}
		c := src[i]
		switch {
		case c == '#':
			l.opens = true
			return
		case c == '-' && l.blankAt(i+1):
			if keys > 0 {
				l.fail(i, "yaml_item_on_key_line", nil)
				return
			}
			parent = i - l.ls
			l.plainKey = i
			if k := l.skipBlanks(i+1, end); k < end && src[k] != '#' {
				l.levels = append(l.levels, yamlLevel{col: k - l.ls, off: k})
			}
			i++
			continue
		case (c == '?' || c == ':') && l.blankAt(i+1):
			i++
			continue
		case c == '"' || c == '\'':
			j, ok := l.quoted(i, parent)
			if !ok {
				return
			}
			l.after(i, j, &keys)
			return
		case c == '[' || c == '{':
			j, ok := l.flow(i, parent)
			if !ok {
				return
			}
			l.after(i, j, &keys)
			return
		case c == '|' || c == '>':
			l.blockScalar(i, end, parent)
			return
		case c == '!' && undefinedTagHandle(src[i:end]):
			l.fail(i, "yaml_tag_char", nil)
			return
		case c == '&' || c == '!' || c == '*':
			for i < end && !l.blankAt(i) {
				i++
			}
			continue
		case c == '@' || c == '`' || c == '%':
			l.fail(i, "yaml_cannot_start", diag.A{"char": charName(c)})
			return
		case c == ']' || c == '}':
			l.fail(i, "yaml_unopened_bracket", diag.A{"char": string(c)})
			return
		case c == ',':
			l.fail(i, "yaml_comma_start", nil)
			return
		}
		// A plain scalar: a key if `: ` follows, else a value to the end of the line.
		if k := plainKeyEnd(src[i:end], false); k >= 0 {
			if keys > 0 {
				l.fail(i+k, "yaml_colon_in_value_key", diag.A{"key": keyText(src, l.plainKey), "value": string(src[i:end])})
				return
			}
			keys++
			l.plainKey = i
			parent = i - l.ls
			i += k + 1
			continue
		}
		if !hasComment(src[i:end]) {
			l.plainCol = parent
		}
		return
	}
}

// after reads what follows a quoted scalar or flow collection that ran from start to
// j: `:` (it was a key), a comment or the line's end.
func (l *yamlLexer) after(start, j int, keys *int) {
	src := l.src
	end := l.lineEnd(j)
	l.p = end + 1
	k := l.skipBlanks(j, end)
	switch {
	case k < end && src[k] == ':' && l.blankAt(k+1):
		l.plainKey = start
		parent := start - l.ls
		if nl := bytes.LastIndexByte(src[start:j], '\n'); nl >= 0 {
			l.ls = start + nl + 1 // a key on several lines: the library rejects it
		}
		l.tokens(k+1, end, parent, *keys+1)
	case k < end && src[k] == '#' && k == j:
		l.forbid(k, "yaml_glued_comment", diag.A{"after": closingName(src[j-1])})
	case k < end && src[k] != '#':
		l.textAfter(start, j, k)
	}
}

func closingName(c byte) diag.Msg {
	switch c {
	case ']', '}':
		return diag.M("closing_bracket", diag.A{"char": string(c)})
	case '"', '\'':
		return diag.M("closing_quote", nil)
	}
	return diag.M("char", diag.A{"char": string(c)})
}

// textAfter reports text at k after a quoted scalar or flow collection that ended at j.
func (l *yamlLexer) textAfter(start, j, k int) {
	switch q := l.src[start]; q {
	case '\'':
		l.fail(k, "yaml_after_single_quote", diag.A{"at": l.where(j - 1)})
	case '"':
		l.fail(k, "yaml_after_double_quote", diag.A{"at": l.where(j - 1)})
	default:
		l.fail(k, "yaml_after_bracket", diag.A{"char": string(l.src[j-1]), "at": l.where(j - 1)})
	}
}

// hasComment reports whether a plain value runs into a comment (` #`).
func hasComment(t []byte) bool {
	return bytes.Contains(t, []byte(" #")) || bytes.Contains(t, []byte("\t#"))
}

// plainKeyEnd is the offset of the `:` that ends the plain key at the start of t (a
// `:` followed by a space or the line's end, before any comment), or -1. In a flow
// collection a `:` followed by `,`, `]` or `}` ends a key too.
func plainKeyEnd(t []byte, flow bool) int {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case ':':
			if i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t' || flow && strings.IndexByte(",]}", t[i+1]) >= 0 {
				return i
			}
		case '#':
			if i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
				return -1
			}
		case ',', ']', '}', '[', '{':
			if flow {
				return -1
			}
		}
	}
	return -1
}

// keyText is the key that starts at offset i, for messages.
func keyText(src []byte, i int) string {
	if src[i] == '-' {
		return "-"
	}
	end := i + lineLength(src[i:])
	if k := plainKeyEnd(src[i:end], false); k >= 0 {
		end = i + k
	}
	return string(src[i:end])
}
