package corpus

import (
	"bytes"
	"fmt"
	"github.com/pssdc/guide-iad/tools/diag"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// YAML syntax errors, worded for a contributor.
//
// yaml.v3 reports a syntax error with a line only (none at all on the first line), its
// own wording ("did not find expected key") and often the wrong place: an unclosed quote
// is reported where the file ends, a parser error one line before the fault. So when the
// library rejects a file, yamlLexer scans the source again the way the YAML scanner
// does — quoted scalars, flow collections, block scalars, comments, indentation — and
// finds where the fault starts: where the unclosed quote or bracket opened, the line
// that breaks the indentation, the character that cannot start a value. What it cannot
// place is placed on the library's line and worded from the library's message.
//
// yaml.v3 also accepts a few things YAML forbids, which other readers of the data
// (Hugo's YAML library, the open-data users' tools) may read otherwise or reject: a
// comment glued to a value (`[a]#x`, `"v"#x`, `>#x`), a lone `-` as a value in a flow
// collection (`[a, -]`), and the lines of a multi-line flow collection or quoted scalar
// indented no more than their key. strictYAML reports those; the fast reader declines
// them (FuzzFastParse holds it to that), so it only runs after the library.

// yamlSyntax is a syntax error at a line and column (both from 1, the column in
// characters), with a message saying what is wrong and what to write.
type yamlSyntax struct {
	Line, Column int
	Message      diag.Msg
}

func (e *yamlSyntax) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message.Text("en"))
}

// unmarshalStrict parses src with the library and then rejects what YAML forbids but
// the library accepts. A syntax error comes back as a *yamlSyntax.
func unmarshalStrict(src []byte, doc *yaml.Node) error {
	if err := unmarshalSafely(src, doc); err != nil {
		return explainYAMLError(src, err)
	}
	if e := strictYAML(src); e != nil {
		return e
	}
	return nil
}

// syntaxError gives the line, column and message of any error unmarshalStrict or the
// library returned on src.
func syntaxError(src []byte, err error) (line, col int, msg diag.Msg) {
	e, ok := err.(*yamlSyntax)
	if !ok {
		e = explainYAMLError(src, err)
	}
	return e.Line, e.Column, e.Message
}

// strictYAML reports the first construct YAML forbids that yaml.v3 accepts, or nil.
func strictYAML(src []byte) *yamlSyntax {
	l := lexYAML(src)
	if l.strict == nil {
		return nil
	}
	return l.syntax(l.strict)
}

// explainYAMLError places and words an error of the library on src.
func explainYAMLError(src []byte, err error) *yamlSyntax {
	l := lexYAML(src)
	if f := l.firstFinding(); f != nil {
		return l.syntax(f)
	}
	rawLine, raw := yamlError(err)
	line, off := libraryLine(src, rawLine)
	e := &yamlSyntax{Line: line}
	e.Message, off = reword(src, raw, off)
	e.Line, e.Column = position(src, off)
	return e
}

// libraryLine is the line the library named, within the file (the library names none
// for a fault on the first line), and the offset of its first character that is not a
// space.
func libraryLine(src []byte, line int) (int, int) {
	if line < 1 {
		line = 1
	}
	off := 0
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 || off+i+1 >= len(src) {
			line = n
			break
		}
		off += i + 1
	}
	for off < len(src) && src[off] == ' ' {
		off++
	}
	return line, off
}

var (
	duplicateKey = regexp.MustCompile(`line (\d+): mapping key "(.*)" already defined at line (\d+)`)
	unknownAlias = regexp.MustCompile(`unknown anchor '(.*)' referenced`)
)

// reword turns the library's message into plain words; off is the start of the line the
// library named, and the returned offset is where on that line the fault is, when the
// message says what to look for.
func reword(src []byte, raw string, off int) (diag.Msg, int) {
	end := off + lineLength(src[off:])
	line := src[off:end]
	find := func(chars string) int {
		if i := bytes.IndexAny(line, chars); i >= 0 {
			return off + i
		}
		return off
	}
	switch {
	case strings.Contains(raw, "found unexpected end of stream"):
		return diag.M("yaml_unexpected_end", nil), off
	case strings.Contains(raw, "mapping values are not allowed"):
		if i := bytes.Index(line, []byte(": ")); i >= 0 {
			if j := bytes.Index(line[i+2:], []byte(": ")); j >= 0 {
				return diag.M("yaml_colon_in_value", nil), off + i + 2 + j
			}
		}
		return diag.M("yaml_key_unexpected", nil), off
	case strings.Contains(raw, "could not find expected ':'"):
		if i := bytes.IndexByte(line, ':'); i >= 0 && i+1 < len(line) && line[i+1] != ' ' {
			return diag.M("yaml_no_space_after_colon", nil), off + i + 1
		}
		return diag.M("yaml_not_key_value", nil), off
	case strings.Contains(raw, "did not find expected key"):
		return diag.M("yaml_not_continuing", nil), off
	case strings.Contains(raw, "did not find expected '-' indicator"):
		return diag.M("yaml_not_list_item", nil), off
	case strings.Contains(raw, "did not find expected ',' or ']'"):
		return diag.M("yaml_list_unclosed", nil), off
	case strings.Contains(raw, "did not find expected ',' or '}'"):
		return diag.M("yaml_mapping_unclosed", nil), off
	case strings.Contains(raw, "did not find expected node content"):
		return diag.M("yaml_missing_value", nil), find("-,]}")
	case strings.Contains(raw, "block sequence entries are not allowed"):
		return diag.M("yaml_item_on_key_line", nil), find("-")
	case strings.Contains(raw, "found character that cannot start any token"):
		return diag.M("yaml_bad_start_char", nil), find("@`%\t")
	case strings.Contains(raw, "tab character"):
		return diag.M("tab_indent", nil), find("\t")
	case strings.Contains(raw, "escape"), strings.Contains(raw, "hexdecimal"):
		return diag.M("yaml_bad_escape", nil), find("\\")
	case strings.Contains(raw, "did not find expected comment or line break"),
		strings.Contains(raw, "indentation indicator equal to 0"):
		return diag.M("yaml_block_indicator_text", nil), find("|>")
	case strings.Contains(raw, "tag handle"), strings.Contains(raw, "tag URI"), strings.Contains(raw, "expected '!'"), strings.Contains(raw, "expected '>'"):
		return diag.M("yaml_tag_char", nil), find("!")
	case strings.Contains(raw, "alphabetic or numeric character"):
		return diag.M("yaml_anchor_char", nil), find("&*")
	case strings.Contains(raw, "document indicator"):
		return diag.M("yaml_document_marker", nil), off
	case strings.Contains(raw, "directive"), strings.Contains(raw, "non-alphabetical"), strings.Contains(raw, "version number"):
		return diag.M("yaml_directive", nil), find("%")
	case strings.Contains(raw, "max depth"):
		return diag.M("too_deep", diag.A{"max": MaxDepth}), off
	case strings.Contains(raw, "excessive aliasing"):
		return diag.M("yaml_aliases", nil), find("*")
	}
	if m := duplicateKey.FindStringSubmatch(raw); m != nil {
		line, _ := strconv.Atoi(m[1])
		_, o := libraryLine(src, line)
		return diag.M("yaml_duplicate_key", diag.A{"key": m[2], "first": m[3]}), o
	}
	if m := unknownAlias.FindStringSubmatch(raw); m != nil {
		if i := bytes.Index(src, []byte("*"+m[1])); i >= 0 {
			off = i
		}
		return diag.M("yaml_unknown_alias", diag.A{"name": m[1]}), off
	}
	if strings.HasPrefix(raw, "unreadable YAML") {
		return diag.M("yaml_unreadable", nil), off
	}
	return diag.M("yaml_invalid", nil), off
}

func lineLength(t []byte) int {
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		return i
	}
	return len(t)
}

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
