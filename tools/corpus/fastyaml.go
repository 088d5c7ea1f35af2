package corpus

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fastParse builds the yaml.v3 node tree of the files the guide is made of — block
// mappings and sequences, one-line flow collections of scalars (`themes: [a, b]`, the
// taxonomy's `{code: …, en: …, fr: …}`), single-line plain and quoted scalars, literal
// and folded block scalars, and comments, as `guide fmt` writes them — about ten times
// faster than the YAML library, which was two thirds of the validator's time. It gives
// the very tree yaml.Unmarshal gives (kinds, tags, styles, values, lines and columns
// counted in characters; comments are not kept, the checks do not read them), and
// returns false as soon as it meets anything else (an anchor, a tag, an empty value, a
// multi-line plain or quoted scalar, a folded scalar with more-indented lines, an
// unusual escape or number, a nested or multi-line flow collection, any syntax error):
// the caller then parses the file with the library, so odd files get the library's
// reading and its messages. docs/validator.md ("The fast reader") says the same;
// TestFastParseCases, TestFastParseMatchesLibrary and FuzzFastParse hold it to that.
func fastParse(src []byte) (*yaml.Node, bool) {
	if len(src) == 0 || src[len(src)-1] != '\n' || !plainCharacters(src) {
		return nil, false
	}
	f := fastParser{src: src}
	f.splitLines()
	first := f.nextContent(0)
	if first < 0 || f.lines[first].indent != 0 {
		return nil, false
	}
	root, next, ok := f.block(first, 0, false)
	if !ok || next >= 0 {
		return nil, false
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}
	return doc, true
}

// plainCharacters reports whether src holds none of the characters that the YAML
// library treats specially: control characters (tab and line feed aside), DEL, C1
// controls, the byte order mark, non-characters and the Unicode line breaks (NEL, LS,
// PS), which count as line ends in YAML.
func plainCharacters(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError, r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += size
	}
	return true
}

type fastLine struct {
	start, end int // byte offsets of the line, without its '\n'
	indent     int // leading spaces
	blank      bool
	comment    bool // first non-space character is '#'
}

type fastParser struct {
	src   []byte
	lines []fastLine
}

func (f *fastParser) splitLines() {
	f.lines = make([]fastLine, 0, bytes.Count(f.src, []byte{'\n'}))
	for start := 0; start < len(f.src); {
		end := start + bytes.IndexByte(f.src[start:], '\n')
		l := fastLine{start: start, end: end}
		i := start
		for i < end && f.src[i] == ' ' {
			i++
		}
		l.indent = i - start
		l.blank = i == end
		l.comment = !l.blank && f.src[i] == '#'
		f.lines = append(f.lines, l)
		start = end + 1
	}
}

// nextContent is the first line from i on that is neither blank nor a comment, or -1.
func (f *fastParser) nextContent(i int) int {
	for ; i < len(f.lines); i++ {
		if l := f.lines[i]; !l.blank && !l.comment {
			return i
		}
	}
	return -1
}

// text is line i from column col.
func (f *fastParser) text(i, col int) []byte {
	l := f.lines[i]
	return f.src[l.start+col : l.end]
}

// block reads the mapping or sequence whose first entry is on line i at column col.
// It returns the node and the next content line after it (-1 at the end).
func (f *fastParser) block(i, col int, indentless bool) (*yaml.Node, int, bool) {
	t := f.text(i, col)
	if isDash(t) {
		return f.sequence(i, col, indentless)
	}
	return f.mapping(i, col)
}

// isDash reports whether t starts a sequence entry ("- …" or a lone "-").
func isDash(t []byte) bool {
	return len(t) > 0 && t[0] == '-' && (len(t) == 1 || t[1] == ' ')
}

func (f *fastParser) mapping(i, col int) (*yaml.Node, int, bool) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: i + 1, Column: col + 1}
	for {
		t := f.text(i, col)
		n := keyLength(t)
		if n == 0 {
			return nil, 0, false
		}
		keyNode, ok := plainScalar(string(t[:n]), i, col)
		if !ok {
			return nil, 0, false
		}
		var value *yaml.Node
		var next int
		rest := col + n + 1 // after the colon
		pos := skipSpaces(f.text(i, 0), rest)
		if v := f.text(i, 0); pos == len(v) || (v[pos] == '#' && pos > rest) {
			// The value is a block on the following lines: deeper, or a sequence at
			// this mapping's own column.
			j := f.nextContent(i + 1)
			if j < 0 {
				return nil, 0, false
			}
			ind := f.lines[j].indent
			switch {
			case ind > col:
				value, next, ok = f.block(j, ind, false)
			case ind == col && isDash(f.text(j, col)):
				value, next, ok = f.sequence(j, col, true)
			default:
				return nil, 0, false // an empty value
			}
		} else {
			value, next, ok = f.inline(i, pos, col)
		}
		if !ok {
			return nil, 0, false
		}
		m.Content = append(m.Content, keyNode, value)
		if next < 0 {
			return m, -1, true
		}
		switch ind := f.lines[next].indent; {
		case ind == col:
			i = next
		case ind < col:
			return m, next, true
		default:
			return nil, 0, false
		}
	}
}

func (f *fastParser) sequence(i, col int, indentless bool) (*yaml.Node, int, bool) {
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: i + 1, Column: col + 1}
	for {
		line := f.text(i, 0)
		pos := skipSpaces(line, col+1)
		var item *yaml.Node
		var next int
		var ok bool
		switch t := line[pos:]; {
		case pos == len(line) || (t[0] == '#' && pos > col+1):
			j := f.nextContent(i + 1)
			if j < 0 || f.lines[j].indent <= col {
				return nil, 0, false // an empty entry
			}
			item, next, ok = f.block(j, f.lines[j].indent, false)
		case isDash(t):
			return nil, 0, false // a sequence on the entry's line
		case keyLength(t) > 0:
			item, next, ok = f.mapping(i, pos)
		default:
			item, next, ok = f.inline(i, pos, col)
		}
		if !ok {
			return nil, 0, false
		}
		s.Content = append(s.Content, item)
		if next < 0 {
			return s, -1, true
		}
		ind := f.lines[next].indent
		switch {
		case ind == col && isDash(f.text(next, col)):
			i = next
		case ind < col, ind == col && indentless:
			return s, next, true
		default:
			return nil, 0, false
		}
	}
}

// keyLength is the length of the plain key that starts t when t reads `key:` followed
// by a space or the end of the line; 0 otherwise.
func keyLength(t []byte) int {
	n := 0
	for n < len(t) && n < 256 {
		c := t[n]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || n > 0 && (c >= '0' && c <= '9' || c == '-') {
			n++
			continue
		}
		break
	}
	if n == 0 || n >= len(t) || t[n] != ':' || (n+1 < len(t) && t[n+1] != ' ') {
		return 0
	}
	return n
}

func skipSpaces(t []byte, i int) int {
	for i < len(t) && t[i] == ' ' {
		i++
	}
	return i
}

// inline reads the scalar that starts on line i at byte pos, the value of a mapping or
// a sequence at column parent; it returns the next content line.
func (f *fastParser) inline(i, pos, parent int) (*yaml.Node, int, bool) {
	line := f.text(i, 0)
	t := line[pos:]
	switch t[0] {
	case '"', '\'':
		value, end, ok := quoted(t)
		if !ok || !onlyComment(t[end:]) {
			return nil, 0, false
		}
		style := yaml.DoubleQuotedStyle
		if t[0] == '\'' {
			style = yaml.SingleQuotedStyle
		}
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: style, Value: value, Line: i + 1, Column: pos + 1}
		return n, f.nextContent(i + 1), true
	case '|', '>':
		return f.blockScalar(i, pos, parent)
	case '[', '{':
		n, end, ok := f.flow(i, pos)
		if !ok || !onlyComment(line[end:]) {
			return nil, 0, false
		}
		return n, f.nextContent(i + 1), true
	case ']', '}', '&', '*', '!', '%', '@', '`', ',', '?', ':', '-', '#', '\t':
		return nil, 0, false
	}
	end := len(t)
	if c := bytes.Index(t, []byte(" #")); c >= 0 {
		end = c
	}
	for end > 0 && t[end-1] == ' ' {
		end--
	}
	v := t[:end]
	if bytes.Contains(v, []byte(": ")) || v[len(v)-1] == ':' || bytes.IndexByte(v, '\t') >= 0 {
		return nil, 0, false
	}
	n, ok := plainScalar(string(v), i, pos)
	if !ok {
		return nil, 0, false
	}
	return n, f.nextContent(i + 1), true
}

// onlyComment reports whether what follows a quoted scalar is spaces and, after at
// least one space, a comment.
func onlyComment(t []byte) bool {
	i := skipSpaces(t, 0)
	return i == len(t) || (i > 0 && t[i] == '#')
}

// blockScalar reads a literal (`|`, `|-`) or folded (`>`, `>-`) block scalar whose
// indicator is on line i at byte pos. Folded lines are joined by a space and each empty
// line between them gives a line break; a folded scalar with more-indented lines, where
// the folding rules change, is left to the library.
func (f *fastParser) blockScalar(i, pos, parent int) (*yaml.Node, int, bool) {
	head := f.text(i, pos)
	style := yaml.LiteralStyle
	if head[0] == '>' {
		style = yaml.FoldedStyle
	}
	var strip bool
	switch string(head[1:]) {
	case "":
	case "-":
		strip = true
	default:
		return nil, 0, false // keep, explicit indentation or a comment
	}
	first := i + 1
	if first >= len(f.lines) || f.lines[first].blank {
		return nil, 0, false
	}
	indent := f.lines[first].indent
	if indent <= parent {
		return nil, 0, false // empty
	}
	var b []byte
	pendingBreaks := 0
	j := first
	for ; j < len(f.lines); j++ {
		l := f.lines[j]
		if l.blank {
			if l.indent > indent {
				return nil, 0, false
			}
			pendingBreaks++
			continue
		}
		if l.indent < indent {
			break
		}
		content := f.src[l.start+indent : l.end]
		switch {
		case style == yaml.FoldedStyle && l.indent > indent || content[0] == '\t':
			return nil, 0, false // more-indented
		case len(b) == 0:
		case style == yaml.LiteralStyle:
			b = append(b, '\n')
		case pendingBreaks == 0:
			b = append(b, ' ')
		}
		for ; pendingBreaks > 0; pendingBreaks-- {
			b = append(b, '\n')
		}
		b = append(b, content...)
	}
	if !strip {
		b = append(b, '\n')
	}
	if !utf8.Valid(b) {
		return nil, 0, false
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: style, Value: string(b), Line: i + 1, Column: pos + 1}
	return n, f.nextContent(j), true
}

// ParseYAML reads one data file into its yaml.v3 tree as the validator reads it (the
// fast reader, else the library). It does not check anything: use it on files that
// passed Run.
func ParseYAML(src []byte) (*yaml.Node, error) {
	if doc, ok := fastParse(src); ok {
		return doc, nil
	}
	var doc yaml.Node
	if err := unmarshalStrict(src, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}
