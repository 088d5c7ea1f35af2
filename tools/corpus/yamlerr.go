package corpus

import (
	"bytes"
	"fmt"
	"github.com/pssdc/guide-iad/tools/diag"
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
	rawLine, raw, cause := diag.YAMLMessage(err)
	line, off := libraryLine(src, rawLine)
	e := &yamlSyntax{Line: line}
	e.Message, off = reword(src, raw, cause, off)
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

// reword turns the library's message into plain words for a data file: cause is the
// message as the catalogue words it (diag.YAMLMessage), raw its English text; off is
// the start of the line the library named, and the returned offset is where on that
// line the fault is, when the message says what to look for.
func reword(src []byte, raw string, cause diag.Msg, off int) (diag.Msg, int) {
	end := off + lineLength(src[off:])
	line := src[off:end]
	find := func(chars string) int {
		if i := bytes.IndexAny(line, chars); i >= 0 {
			return off + i
		}
		return off
	}
	switch cause.Code {
	case "cause_yaml_end":
		return diag.M("yaml_unexpected_end", nil), off
	case "cause_yaml_mapping_value":
		if i := bytes.Index(line, []byte(": ")); i >= 0 {
			if j := bytes.Index(line[i+2:], []byte(": ")); j >= 0 {
				return diag.M("yaml_colon_in_value", nil), off + i + 2 + j
			}
		}
		return diag.M("yaml_key_unexpected", nil), off
	case "cause_yaml_expected_colon":
		if i := bytes.IndexByte(line, ':'); i >= 0 && i+1 < len(line) && line[i+1] != ' ' {
			return diag.M("yaml_no_space_after_colon", nil), off + i + 1
		}
		return diag.M("yaml_not_key_value", nil), off
	case "cause_yaml_expected_key":
		return diag.M("yaml_not_continuing", nil), off
	case "cause_yaml_expected_dash":
		return diag.M("yaml_not_list_item", nil), off
	case "cause_yaml_unclosed_list":
		return diag.M("yaml_list_unclosed", nil), off
	case "cause_yaml_unclosed_mapping":
		return diag.M("yaml_mapping_unclosed", nil), off
	case "cause_yaml_node_content":
		return diag.M("yaml_missing_value", nil), find("-,]}")
	case "cause_yaml_sequence_entry":
		return diag.M("yaml_item_on_key_line", nil), find("-")
	case "cause_yaml_bad_start":
		return diag.M("yaml_bad_start_char", nil), find("@`%\t")
	case "cause_yaml_tab":
		return diag.M("tab_indent", nil), find("\t")
	case "cause_yaml_escape", "cause_yaml_code_escape":
		return diag.M("yaml_bad_escape", nil), find("\\")
	case "cause_yaml_after_indicator":
		return diag.M("yaml_block_indicator_text", nil), find("|>")
	case "cause_yaml_tag":
		return diag.M("yaml_tag_char", nil), find("!")
	case "cause_yaml_anchor_char":
		return diag.M("yaml_anchor_char", nil), find("&*")
	case "cause_yaml_document_marker":
		return diag.M("yaml_document_marker", nil), off
	case "cause_yaml_directive":
		return diag.M("yaml_directive", nil), find("%")
	case "cause_yaml_too_deep":
		return diag.M("too_deep", diag.A{"max": MaxDepth}), off
	case "cause_yaml_aliases":
		return diag.M("yaml_aliases", nil), find("*")
	case "cause_yaml_duplicate_key":
		return diag.M("yaml_duplicate_key", diag.A{"key": cause.Args["key"], "first": strconv.Itoa(cause.Args["first"].(int))}), off
	case "cause_yaml_unknown_alias":
		name, _ := cause.Args["name"].(string)
		if i := bytes.Index(src, []byte("*"+name)); i >= 0 {
			off = i
		}
		return diag.M("yaml_unknown_alias", diag.A{"name": name}), off
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
