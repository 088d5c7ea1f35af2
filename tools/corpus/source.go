package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// Limits on what a data file may be; they keep the validator's memory and time bounded
// whatever a contributor (or an attacker) sends.
const (
	MaxFileSize = 1 << 20 // bytes
	MaxDepth    = 12      // nesting of mappings and sequences
	MaxNodes    = 50_000  // YAML nodes in one file
)

// parsed is a data file read and parsed into a YAML node tree.
type parsed struct {
	path  string
	src   []byte
	raw   []byte     // the content as read, when CRLF line ends were read as LF or tabs as spaces
	crlf  bool       // the file had CRLF line ends
	tabs  *TabRepair // how tab indentation was read as spaces; nil without
	root  *yaml.Node // the top-level mapping; nil when parsing failed
	diags diag.List
}

func (p *parsed) errorf(line, col int, key, code string, args diag.A) {
	p.diags = append(p.diags, diag.New(p.path, line, col, diag.Error, key, code, args))
}

// parse reads src as one YAML document holding a mapping. Every problem becomes a
// diagnostic; the returned root is nil when the file cannot be checked further.
func parse(path string, src []byte) *parsed {
	p := &parsed{path: path, src: src}
	switch {
	case len(src) > MaxFileSize:
		p.errorf(0, 0, "", "file_too_large", diag.A{"size": len(src), "limit": MaxFileSize})
		return p
	case len(bytes.TrimSpace(src)) == 0:
		p.errorf(1, 1, "", "file_empty", nil)
		return p
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		p.errorf(1, 1, "", "bom", nil)
		return p
	}
	if !utf8.Valid(src) {
		line, col := invalidUTF8At(src)
		p.errorf(line, col, "", "invalid_utf8", nil)
		return p
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		// CRLF line ends (Git for Windows checks files out so) are read as LF: lines and
		// columns stay those of the file. A lone CR is an old Mac line end or a hidden
		// character, and is refused.
		if i := loneCR(src); i >= 0 {
			line, col := position(src, i)
			p.errorf(line, col, "", "lone_cr", nil)
			return p
		}
		p.raw, p.crlf = src, true
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		p.src = src
	}
	if line, col, ok := tabIndent(src); ok {
		p.repairTabs(line, col) // reported, then the rest checked as if they were spaces
		src = p.src
		defer func() { p.tabs.Map(p.diags[1:]) }()
	}
	// YAML reads these as line ends, editors mostly do not: every line and column after
	// one would be off, so the file is refused before it is parsed.
	for _, lb := range []struct{ r, name string }{{"\u0085", "U+0085 NEXT LINE"}, {"\u2028", "U+2028 LINE SEPARATOR"}, {"\u2029", "U+2029 PARAGRAPH SEPARATOR"}} {
		if i := bytes.Index(src, []byte(lb.r)); i >= 0 {
			line, col := position(src, i)
			p.errorf(line, col, "", "line_break_char", diag.A{"char": lb.name})
			return p
		}
	}

	var doc yaml.Node
	if fast, ok := fastParse(src); ok {
		doc = *fast
	} else if hasDocumentMarker(src) {
		if !p.decodeStream(src, &doc) {
			return p
		}
	} else if err := unmarshalStrict(src, &doc); err != nil {
		line, col, msg := syntaxError(src, err)
		p.errorf(line, col, "", "yaml_syntax", diag.A{"detail": msg})
		return p
	} else if doc.Kind == 0 {
		p.errorf(1, 1, "", "only_comments", nil)
		return p
	}
	if len(doc.Content) == 0 {
		p.errorf(1, 1, "", "only_comments", nil)
		return p
	}
	root := doc.Content[0]
	if !p.checkTree(root) {
		return p
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root.Line, root.Column, "", "root_not_mapping", diag.A{"found": describe(root)})
		return p
	}
	p.root = root
	return p
}

// loneCR returns the offset of the first CR not followed by LF, or -1.
func loneCR(src []byte) int {
	for i, c := range src {
		if c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			return i
		}
	}
	return -1
}

// hasDocumentMarker reports whether a line starts with --- or ... (a document start
// or end): only then can a file hold several documents, which the slower stream
// decoder must look for.
func hasDocumentMarker(src []byte) bool {
	for _, m := range [][]byte{[]byte("---"), []byte("...")} {
		if bytes.HasPrefix(src, m) || bytes.Contains(src, append([]byte("\n"), m...)) {
			return true
		}
	}
	return false
}

// decodeStream decodes the first document and reports any further one.
func (p *parsed) decodeStream(src []byte, doc *yaml.Node) bool {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := decodeSafely(dec, doc); errors.Is(err, io.EOF) {
		p.errorf(1, 1, "", "only_comments", nil)
		return false
	} else if err != nil {
		line, col, msg := syntaxError(src, err)
		p.errorf(line, col, "", "yaml_syntax", diag.A{"detail": msg})
		return false
	}
	var extra yaml.Node
	switch err := decodeSafely(dec, &extra); {
	case err == nil:
		p.errorf(extra.Line, extra.Column, "", "several_documents", nil)
		return false
	case !errors.Is(err, io.EOF):
		line, col, msg := syntaxError(src, err)
		p.errorf(line, col, "", "yaml_syntax_second", diag.A{"detail": msg})
		return false
	}
	if e := strictYAML(src); e != nil {
		p.errorf(e.Line, e.Column, "", "yaml_syntax", diag.A{"detail": e.Message})
		return false
	}
	return true
}

// decodeSafely and unmarshalSafely turn a panic inside the YAML library into an error:
// a malformed file must be reported, never crash the tool.
func decodeSafely(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("unreadable YAML (%v)", r)
		}
	}()
	return dec.Decode(n)
}

func unmarshalSafely(src []byte, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("unreadable YAML (%v)", r)
		}
	}()
	return yaml.Unmarshal(src, n)
}

// checkTree rejects anchors, aliases, merge keys, tags and excessive depth or size, so
// that nothing later can blow up (alias-expansion bombs) or be misread.
func (p *parsed) checkTree(root *yaml.Node) bool {
	ok := true
	nodes := 0
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		nodes++
		if nodes > MaxNodes {
			p.errorf(n.Line, n.Column, "", "too_many_nodes", diag.A{"max": MaxNodes})
			return false
		}
		if depth > MaxDepth {
			p.errorf(n.Line, n.Column, "", "too_deep", diag.A{"max": MaxDepth})
			return false
		}
		switch {
		case n.Kind == yaml.AliasNode:
			p.errorf(n.Line, n.Column, "", "yaml_alias", diag.A{"name": n.Value})
			ok = false
			return true
		case n.Anchor != "":
			p.errorf(n.Line, n.Column, "", "yaml_anchor", diag.A{"name": n.Anchor})
			ok = false
		case n.Tag == "!!merge":
			p.errorf(n.Line, n.Column, "", "yaml_merge", nil)
			ok = false
		case n.Style&yaml.TaggedStyle != 0:
			p.errorf(n.Line, n.Column, "", "yaml_tag", diag.A{"tag": n.Tag})
			ok = false
		}
		for _, c := range n.Content {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	return walk(root, 0) && ok
}

// position converts a byte offset to a 1-based line and column (in characters).
func position(src []byte, off int) (line, col int) { return diag.LineColumn(src, off) }

func invalidUTF8At(src []byte) (line, col int) {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			line = bytes.Count(src[:i], []byte("\n")) + 1
			return line, i - (bytes.LastIndexByte(src[:i], '\n') + 1) + 1
		}
		i += size
	}
	return 1, 1
}

// tabIndent finds a tab among a line's leading whitespace (or list dashes).
func tabIndent(src []byte) (line, col int, found bool) {
	if bytes.IndexByte(src, '\t') < 0 {
		return 0, 0, false
	}
	line, col = 1, 1
	leading := true
	for _, c := range src {
		switch {
		case c == '\n':
			line, col, leading = line+1, 1, true
			continue
		case c == '\t' && leading:
			return line, col, true
		case c != ' ' && c != '-':
			leading = false
		}
		col++
	}
	return 0, 0, false
}

// describe names what a node holds, for "found …" messages.
func describe(n *yaml.Node) diag.Msg {
	switch n.Kind {
	case yaml.MappingNode:
		return diag.M("found_mapping", nil)
	case yaml.SequenceNode:
		return diag.M("found_list", nil)
	case yaml.AliasNode:
		return diag.M("found_alias", nil)
	}
	switch n.Tag {
	case "!!null":
		return diag.M("found_null", nil)
	case "!!bool":
		return diag.M("found_bool", diag.A{"value": n.Value})
	case "!!int":
		return diag.M("found_int", diag.A{"value": n.Value})
	case "!!float":
		return diag.M("found_float", diag.A{"value": n.Value})
	case "!!timestamp":
		return diag.M("found_timestamp", diag.A{"value": n.Value})
	}
	v := n.Value
	if utf8.RuneCountInString(v) > 40 {
		v = string([]rune(v)[:40]) + "…"
	}
	return diag.M("found_text", diag.A{"value": v})
}
