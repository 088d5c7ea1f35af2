package corpus

import (
	"bytes"
	"fmt"
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
	Message      string
}

func (e *yamlSyntax) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Message)
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
func syntaxError(src []byte, err error) (line, col int, msg string) {
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
func reword(src []byte, raw string, off int) (string, int) {
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
		return "the file ends inside a quoted text or a list in brackets; close it on the line where it starts", off
	case strings.Contains(raw, "mapping values are not allowed"):
		if i := bytes.Index(line, []byte(": ")); i >= 0 {
			if j := bytes.Index(line[i+2:], []byte(": ")); j >= 0 {
				return "`: ` inside a value; put the whole value in quotes (`key: \"text: more text\"`)", off + i + 2 + j
			}
		}
		return "`key:` where a value or a list item is expected: align the key with the keys above it (same column), or put the value in quotes if the `:` belongs to the text", off
	case strings.Contains(raw, "could not find expected ':'"):
		if i := bytes.IndexByte(line, ':'); i >= 0 && i+1 < len(line) && line[i+1] != ' ' {
			return "no space after `:`; write `key: value` with a space after the colon", off + i + 1
		}
		return "a line that is neither `key: value` nor a list item `- value`; add the `:` after the key, or indent the line like the text it continues", off
	case strings.Contains(raw, "did not find expected key"):
		return "this line does not continue the mapping above it: align its key with the keys above (same column), and leave nothing after a closing quote or bracket", off
	case strings.Contains(raw, "did not find expected '-' indicator"):
		return "a line inside a list that is not a list item; start each item with `- `, all in the same column", off
	case strings.Contains(raw, "did not find expected ',' or ']'"):
		return "the list in brackets is not closed before this point; separate its items with `,` and end it with `]`", off
	case strings.Contains(raw, "did not find expected ',' or '}'"):
		return "the mapping in braces is not closed before this point; separate its entries with `,` and end it with `}`", off
	case strings.Contains(raw, "did not find expected node content"):
		return "a value is missing here (an empty entry between commas, a stray `]` or `}`, or a `- ` inside brackets); write the value, in quotes if it starts with a special character", find("-,]}")
	case strings.Contains(raw, "block sequence entries are not allowed"):
		return "a list item `- ` on the same line as its key; start the list on the next line, indented under the key", find("-")
	case strings.Contains(raw, "found character that cannot start any token"):
		return "a character that cannot start a value (`@`, `` ` ``, `%`, a tab); put the value in quotes", find("@`%\t")
	case strings.Contains(raw, "tab character"):
		return "tab used for indentation; YAML indents with spaces only", find("\t")
	case strings.Contains(raw, "escape"), strings.Contains(raw, "hexdecimal"):
		return "an invalid `\\` escape in double-quoted text; write `\\\\` for a backslash, or use single quotes", find("\\")
	case strings.Contains(raw, "did not find expected comment or line break"),
		strings.Contains(raw, "indentation indicator equal to 0"):
		return "unexpected text after the block scalar indicator; end the line with `|`, `|-`, `>` or `>-` and write the text on the following lines, indented", find("|>")
	case strings.Contains(raw, "tag handle"), strings.Contains(raw, "tag URI"), strings.Contains(raw, "expected '!'"), strings.Contains(raw, "expected '>'"):
		return "`!` starts a YAML tag, which the guide does not use; put the value in quotes", find("!")
	case strings.Contains(raw, "alphabetic or numeric character"):
		return "`&` or `*` starts a YAML anchor or alias, which the guide does not use; put the value in quotes", find("&*")
	case strings.Contains(raw, "document indicator"):
		return "`---` or `...` at the start of a line inside quoted text or brackets; close the quote or bracket before it", off
	case strings.Contains(raw, "directive"), strings.Contains(raw, "non-alphabetical"), strings.Contains(raw, "version number"):
		return "a line starting with `%` is a YAML directive, which the guide does not use; put the text in quotes", find("%")
	case strings.Contains(raw, "max depth"):
		return fmt.Sprintf("nesting deeper than %d levels; the data model is never that deep", MaxDepth), off
	case strings.Contains(raw, "excessive aliasing"):
		return "YAML aliases are not allowed; write the values out in full", find("*")
	}
	if m := duplicateKey.FindStringSubmatch(raw); m != nil {
		line, _ := strconv.Atoi(m[1])
		_, o := libraryLine(src, line)
		return fmt.Sprintf("key `%s` written twice (first at line %s); keep one", m[2], m[3]), o
	}
	if m := unknownAlias.FindStringSubmatch(raw); m != nil {
		if i := bytes.Index(src, []byte("*"+m[1])); i >= 0 {
			off = i
		}
		return fmt.Sprintf("YAML alias `*%s` is not allowed; write the value out in full, in quotes if it starts with `*`", m[1]), off
	}
	if strings.HasPrefix(raw, "unreadable YAML") {
		return "the YAML reader could not read this file; compare it with a valid entry, line by line", off
	}
	return "this is not valid YAML; compare the line with a valid entry (keys, `: `, quotes and indentation)", off
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
	msg string
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

func (l *yamlLexer) fail(off int, format string, args ...any) {
	if l.hard == nil {
		l.hard = &yamlFinding{off, fmt.Sprintf(format, args...)}
	}
}

func (l *yamlLexer) forbid(off int, format string, args ...any) {
	if l.strict == nil {
		l.strict = &yamlFinding{off, fmt.Sprintf(format, args...)}
	}
}

// where names an offset for a message: "line 4, column 10".
func (l *yamlLexer) where(off int) string {
	line, col := position(l.src, off)
	return fmt.Sprintf("line %d, column %d", line, col)
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
		l.fail(i, "tab used for indentation; YAML indents with spaces only")
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
		l.fail(i, "a line starting with `%%` is a YAML directive, which the guide does not use; put the text in quotes")
		return
	}
	if l.plainCol >= 0 && indent > l.plainCol {
		// The plain value of the line above goes on.
		if k := plainKeyEnd(src[i:end], false); k >= 0 {
			l.fail(i, "this line is more indented than `%s` (%s), so YAML reads it as the continuation of the value there, where `: ` is not allowed; align it with the keys above, or put the value in quotes",
				keyText(src, l.plainKey), l.where(l.plainKey))
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
				l.fail(i, "wrong indentation: this line starts in column %d, between the entries above in column %d (%s) and in column %d (%s); align it with one of them",
					indent+1, popped.col+1, l.where(popped.off), top.col+1, l.where(top.off))
			} else {
				l.fail(i, "wrong indentation: this line starts in column %d, but the line above holds a complete value; align it with the entries in column %d (%s)",
					indent+1, top.col+1, l.where(top.off))
			}
			return
		}
		l.levels = append(l.levels, yamlLevel{col: indent, off: i, list: dash})
	} else if top := &l.levels[n-1]; top.list && !dash {
		l.fail(i, "a line inside a list that is not a list item; start each item with `- `, in the same column as the first (%s)", l.where(top.off))
		return
	} else if !top.list && dash {
		if !l.opens && !top.indentless {
			l.fail(i, "a list item where a key is expected; put the list under a key (`key:` on the line above), indented like the other items")
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
				l.fail(i, "a list item `- ` on the same line as its key; start the list on the next line, indented under the key")
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
			l.fail(i, "`!` starts a YAML tag, which the guide does not use; put the value in quotes")
			return
		case c == '&' || c == '!' || c == '*':
			for i < end && !l.blankAt(i) {
				i++
			}
			continue
		case c == '@' || c == '`' || c == '%':
			l.fail(i, "%s cannot start a value; put the value in quotes", charName(c))
			return
		case c == ']' || c == '}':
			l.fail(i, "`%c` closes a bracket that was never opened; remove it, or put the value in quotes", c)
			return
		case c == ',':
			l.fail(i, "`,` cannot start a value; put the value in quotes")
			return
		}
		// A plain scalar: a key if `: ` follows, else a value to the end of the line.
		if k := plainKeyEnd(src[i:end], false); k >= 0 {
			if keys > 0 {
				l.fail(i+k, "`: ` inside a value; put the whole value in quotes (`%s: \"%s\"`)", keyText(src, l.plainKey), src[i:end])
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
		l.forbid(k, "`#` right after %s starts no comment in YAML; put a space before `#`", closingName(src[j-1]))
	case k < end && src[k] != '#':
		l.textAfter(start, j, k)
	}
}

func closingName(c byte) string {
	switch c {
	case ']', '}':
		return fmt.Sprintf("the closing `%c`", c)
	case '"', '\'':
		return "the closing quote"
	}
	return fmt.Sprintf("`%c`", c)
}

// textAfter reports text at k after a quoted scalar or flow collection that ended at j.
func (l *yamlLexer) textAfter(start, j, k int) {
	switch q := l.src[start]; q {
	case '\'':
		l.fail(k, "text after the closing quote (%s); inside single quotes write `''` for `'`, or put the value in double quotes", l.where(j-1))
	case '"':
		l.fail(k, "text after the closing quote (%s); inside double quotes write `\\\"` for `\"`, or put the value in single quotes", l.where(j-1))
	default:
		l.fail(k, "text after the closing `%c` (%s); a list in brackets ends the value: put the text inside the brackets, or the whole value in quotes", l.src[j-1], l.where(j-1))
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
				msg := fmt.Sprintf("quoted text opened at %s is not closed on its line (the next `%c` is at %s); end it with `%c` on the same line, or use a block scalar `|` for text on several lines",
					l.where(i), q, l.where(j), q)
				if under >= 0 && (k == end || src[k] == '#' && k > j+1) {
					l.forbid(i, "%s", msg) // the library accepts it
				} else {
					l.fail(i, "%s", msg)
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
				l.fail(i, "quoted text opened at %s is never closed; end it with `%c` on the same line, or use a block scalar `|` for text on several lines", l.where(i), q)
				return 0, false
			}
			if under < 0 && k < len(src) && src[k] != '\n' && k-(j+1) <= parent {
				under = k
			}
		}
	}
	l.fail(i, "quoted text opened at %s is never closed; end it with `%c` on the same line, or use a block scalar `|` for text on several lines", l.where(i), q)
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
		l.fail(j, "unknown escape `%s` in double-quoted text; write `\\\\` for a backslash, or put the value in single quotes", src[j:end])
		return false
	}
	for k := j + 2; k < j+2+digits; k++ {
		if k >= len(src) || !isHex(src[k]) {
			l.fail(j, "`\\%c` must be followed by %d hexadecimal digits; write `\\\\` for a backslash, or put the value in single quotes", src[j+1], digits)
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
				l.forbid(j, "`#` right after %s starts no comment in YAML; put a space before `#`", closingName(p))
			}
			j = l.lineEnd(j)
		case c == '[' || c == '{':
			if len(stack) >= MaxDepth {
				l.fail(j, "nesting deeper than %d levels; the data model is never that deep", MaxDepth)
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
				l.fail(j, "`%c` where `%c` should close the `%c` opened at %s", c, want, src[top.off], l.where(top.off))
				return 0, false
			}
			stack = stack[:len(stack)-1]
			j++
			if len(stack) == 0 {
				if under >= 0 {
					l.forbid(under, "the lines of the %s opened at %s must be indented more than its key; indent this line, or keep it on one line",
						flowName(src[i]), l.where(i))
				}
				return j, true
			}
		case c == ',':
			if top.prev == 'o' || top.prev == ',' {
				l.fail(j, "an empty entry in the %s opened at %s; remove the extra `,`", flowName(src[top.off]), l.where(top.off))
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
				l.fail(j, "`- ` inside brackets; a list in brackets separates its items with `,` (`[a, b]`): remove the `-`, or put the value in quotes")
				return 0, false
			}
			l.forbid(j, "a lone `-` is not a value inside brackets; put it in quotes (`\"-\"`)")
			top.prev = 'v'
			j++
		case (c == '?' || c == ':') && (j+1 >= len(src) || strings.IndexByte(" \t\n,]}", src[j+1]) >= 0):
			if c == ':' && top.colon {
				l.fail(j, "`: ` inside a value in the %s opened at %s; put the value in quotes", flowName(src[top.off]), l.where(top.off))
				return 0, false
			}
			top.prev, top.colon = ':', c == ':'
			j++
		case c == '@' || c == '`' || c == '%' || c == '|' || c == '>':
			l.fail(j, "%s cannot start a value; put the value in quotes", charName(c))
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
func charName(c byte) string {
	if c == '`' {
		return "a backtick (`` ` ``)"
	}
	return "`" + string(c) + "`"
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

func flowName(c byte) string {
	if c == '[' {
		return "list in brackets `[`"
	}
	return "mapping in braces `{`"
}

func (l *yamlLexer) unclosed(off int) {
	closing := byte(']')
	if l.src[off] == '{' {
		closing = '}'
	}
	l.fail(off, "%s opened at %s is not closed on its line; end it with `%c` on the same line", flowName(l.src[off]), l.where(off), closing)
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
			l.fail(j, "the indentation indicator of a block scalar is 1 to 9, not 0; write `%c` alone and indent the text on the following lines", src[i])
			return
		}
	}
	switch {
	case j < end && src[j] == '#':
		l.forbid(j, "`#` right after `%s` starts no comment in YAML; put a space before `#`", src[i:j])
	case j < end && src[j] != ' ' && src[j] != '\t':
		l.fail(j, "unexpected `%c` after the block scalar indicator `%s`; end the line with `%c` (or `%c-`) and write the text on the following lines, indented", src[j], src[i:j], src[i], src[i])
		return
	default:
		if k := l.skipBlanks(j, end); k < end && src[k] != '#' {
			l.fail(k, "text after the block scalar indicator `%s`; end the line there and write the text on the following lines, indented", src[i:j])
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
