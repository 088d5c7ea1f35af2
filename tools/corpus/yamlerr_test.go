package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/gen"
	"gopkg.in/yaml.v3"
)

// syntaxCases: broken YAML, and the exact line, column and message the validator gives.
// strict marks what yaml.v3 accepts and the validator rejects (YAML forbids it).
var syntaxCases = []struct {
	name      string
	src       string
	line, col int
	msg       string
	strict    bool
}{
	{"unclosed double quote", "id: x\ntitle:\n  en: \"never closed\n  fr: b\nsummary: c\n", 3, 7,
		"quoted text opened at line 3, column 7 is never closed; end it with `\"` on the same line, or use a block scalar `|` for text on several lines", false},
	{"unclosed single quote", "id: x\ntitle: 'never closed\n", 2, 8,
		"quoted text opened at line 2, column 8 is never closed; end it with `'` on the same line, or use a block scalar `|` for text on several lines", false},
	{"quote closed by the next line's quote", "id: x\ntitle:\n  en: \"never closed\n  fr: \"b\"\n", 3, 7,
		"quoted text opened at line 3, column 7 is not closed on its line (the next `\"` is at line 4, column 7); end it with `\"` on the same line, or use a block scalar `|` for text on several lines", false},
	{"unclosed quote after accents", "id: x\ntitle: [été, «b», \"x\n", 2, 19,
		"quoted text opened at line 2, column 19 is never closed; end it with `\"` on the same line, or use a block scalar `|` for text on several lines", false},
	{"unclosed flow sequence", "id: x\nthemes: [a, b\ntech: c\n", 2, 9,
		"list in brackets `[` opened at line 2, column 9 is not closed on its line; end it with `]` on the same line", false},
	{"unclosed flow sequence closed later", "id: x\nthemes: [a, b\ntech: [c]\n", 2, 9,
		"list in brackets `[` opened at line 2, column 9 is not closed on its line; end it with `]` on the same line", false},
	{"unclosed flow mapping", "id: x\ntitle: {en: a, fr: b\ntech: c\n", 2, 8,
		"mapping in braces `{` opened at line 2, column 8 is not closed on its line; end it with `}` on the same line", false},
	{"unclosed nested flow", "id: x\ntitle: [a, [b]\n", 2, 8,
		"list in brackets `[` opened at line 2, column 8 is not closed on its line; end it with `]` on the same line", false},
	{"colon in a value in braces", "id: x\ntitle: {en: Note: x, fr: y}\n", 2, 17,
		"`: ` inside a value in the mapping in braces `{` opened at line 2, column 8; put the value in quotes", false},
	{"mismatched brackets", "id: x\ntitle: [a}\n", 2, 10,
		"`}` where `]` should close the `[` opened at line 2, column 8", false},
	{"colon in plain text", "id: x\ntitle: Note: x\n", 2, 12,
		"`: ` inside a value; put the whole value in quotes (`title: \"Note: x\"`)", false},
	{"no space after colon", "id: x\ntitle:Note\nb: c\n", 2, 7,
		"no space after `:`; write `key: value` with a space after the colon", false},
	{"key without colon", "id: x\ntitle\nb: c\n", 2, 1,
		"a line that is neither `key: value` nor a list item `- value`; add the `:` after the key, or indent the line like the text it continues", false},
	{"indentation between two levels", "id: x\ntitle:\n  en: a\n fr: b\n", 4, 2,
		"wrong indentation: this line starts in column 2, between the entries above in column 3 (line 3, column 3) and in column 1 (line 1, column 1); align it with one of them", false},
	{"indentation deeper than siblings", "id: x\ntitle:\n  en: a\n    fr: b\n", 4, 5,
		"this line is more indented than `en` (line 3, column 3), so YAML reads it as the continuation of the value there, where `: ` is not allowed; align it with the keys above, or put the value in quotes", false},
	{"indented root key", "id: x\n  title: a\n", 2, 3,
		"this line is more indented than `id` (line 1, column 1), so YAML reads it as the continuation of the value there, where `: ` is not allowed; align it with the keys above, or put the value in quotes", false},
	{"list item less indented", "id: x\nlist:\n  - a\n - b\n", 4, 2,
		"wrong indentation: this line starts in column 2, between the entries above in column 3 (line 3, column 3) and in column 1 (line 1, column 1); align it with one of them", false},
	{"key inside a list", "id: x\nlist:\n  - a\n  b: c\n", 4, 3,
		"a line inside a list that is not a list item; start each item with `- `, in the same column as the first (line 3, column 3)", false},
	{"list item after a complete value", "id: x\ntitle: a\n- b\n", 3, 1,
		"a list item where a key is expected; put the list under a key (`key:` on the line above), indented like the other items", false},
	{"list item on the key's line", "id: x\nlist: - a\n", 2, 7,
		"a list item `- ` on the same line as its key; start the list on the next line, indented under the key", false},
	{"tab in indentation", "id: x\ntitle:\n\ten: a\n", 3, 1,
		"tab used for indentation; YAML indents with spaces only", false},
	{"unknown escape", "id: x\ntitle: \"a\\qb\"\n", 2, 10,
		"unknown escape `\\q` in double-quoted text; write `\\\\` for a backslash, or put the value in single quotes", false},
	{"short hexadecimal escape", "id: x\ntitle: \"a\\xb\"\n", 2, 10,
		"`\\x` must be followed by 2 hexadecimal digits; write `\\\\` for a backslash, or put the value in single quotes", false},
	{"stray closing bracket", "id: x\ntitle: ]\n", 2, 8,
		"`]` closes a bracket that was never opened; remove it, or put the value in quotes", false},
	{"stray closing brace", "id: x\ntitle: }\n", 2, 8,
		"`}` closes a bracket that was never opened; remove it, or put the value in quotes", false},
	{"at sign", "id: x\ntitle: @me\n", 2, 8,
		"`@` cannot start a value; put the value in quotes", false},
	{"backtick", "id: x\ntitle: `me`\n", 2, 8,
		"a backtick (`` ` ``) cannot start a value; put the value in quotes", false},
	{"percent in a value", "id: x\ntitle: %x\n", 2, 8,
		"`%` cannot start a value; put the value in quotes", false},
	{"directive", "id: x\n%x: y\n", 2, 1,
		"a line starting with `%` is a YAML directive, which the guide does not use; put the text in quotes", false},
	{"text after a flow sequence", "id: x\ntitle: [a] b\n", 2, 12,
		"text after the closing `]` (line 2, column 10); a list in brackets ends the value: put the text inside the brackets, or the whole value in quotes", false},
	{"apostrophe in single quotes", "id: x\ntitle: 'it's'\n", 2, 12,
		"text after the closing quote (line 2, column 11); inside single quotes write `''` for `'`, or put the value in double quotes", false},
	{"quote in double quotes", "id: x\ntitle: \"say \"hi\"\"\n", 2, 14,
		"text after the closing quote (line 2, column 13); inside double quotes write `\\\"` for `\"`, or put the value in single quotes", false},
	{"empty flow entry", "id: x\ntitle: [a, , b]\n", 2, 12,
		"an empty entry in the list in brackets `[` opened at line 2, column 8; remove the extra `,`", false},
	{"dash entry in a flow sequence", "id: x\ntitle: [a, - b]\n", 2, 12,
		"`- ` inside brackets; a list in brackets separates its items with `,` (`[a, b]`): remove the `-`, or put the value in quotes", false},
	{"block scalar header", "id: x\ntitle: |x\n  a\n", 2, 9,
		"unexpected `x` after the block scalar indicator `|`; end the line with `|` (or `|-`) and write the text on the following lines, indented", false},
	{"block scalar indentation 0", "id: x\ntitle: >0\n  a\n", 2, 9,
		"the indentation indicator of a block scalar is 1 to 9, not 0; write `>` alone and indent the text on the following lines", false},
	{"block scalar two chomping indicators", "id: x\ntitle: |+-\n  a\n", 2, 10,
		"unexpected `-` after the block scalar indicator `|+`; end the line with `|` (or `|-`) and write the text on the following lines, indented", false},
	{"undefined tag handle", "id: x\ntitle: !e!x a\n", 2, 8,
		"`!` starts a YAML tag, which the guide does not use; put the value in quotes", false},
	{"unknown alias", "id: x\ntitle: *x\n", 2, 8,
		"YAML alias `*x` is not allowed; write the value out in full, in quotes if it starts with `*`", false},

	{"comment glued to a flow sequence", "id: x\ntitle: [a]#x\n", 2, 11,
		"`#` right after the closing `]` starts no comment in YAML; put a space before `#`", true},
	{"comment glued to a flow mapping", "id: x\ntitle: {a: b}#x\n", 2, 14,
		"`#` right after the closing `}` starts no comment in YAML; put a space before `#`", true},
	{"comment glued to a quote", "id: x\ntitle: \"v\"#x\n", 2, 11,
		"`#` right after the closing quote starts no comment in YAML; put a space before `#`", true},
	{"comment glued to a folded indicator", "id: x\ntitle: >#x\n  a\n", 2, 9,
		"`#` right after `>` starts no comment in YAML; put a space before `#`", true},
	{"comment glued to a literal indicator", "id: x\ntitle: |-#x\n  a\n", 2, 10,
		"`#` right after `|-` starts no comment in YAML; put a space before `#`", true},
	{"lone dash in a flow sequence", "id: x\ntitle: [a, -]\n", 2, 12,
		"a lone `-` is not a value inside brackets; put it in quotes (`\"-\"`)", true},
	{"flow sequence under-indented", "id: x\ntitle: [a,\nb]\n", 3, 1,
		"the lines of the list in brackets `[` opened at line 2, column 8 must be indented more than its key; indent this line, or keep it on one line", true},
	{"flow sequence closed under-indented", "id: x\nlist:\n  - [a,\n    b,\n  ]\n", 5, 3,
		"the lines of the list in brackets `[` opened at line 3, column 5 must be indented more than its key; indent this line, or keep it on one line", true},
	{"quoted text under-indented", "id: x\ntitle: \"a\nb\"\n", 2, 8,
		"quoted text opened at line 2, column 8 is not closed on its line (the next `\"` is at line 3, column 2); end it with `\"` on the same line, or use a block scalar `|` for text on several lines", true},
}

func TestSyntaxErrors(t *testing.T) {
	for _, c := range syntaxCases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			var lib yaml.Node
			libErr := unmarshalSafely(src, &lib)
			if c.strict != (libErr == nil) {
				t.Fatalf("yaml.v3 error %v; the case says strict=%v", libErr, c.strict)
			}
			var doc yaml.Node
			err := unmarshalStrict(src, &doc)
			if err == nil {
				t.Fatal("accepted")
			}
			line, col, m := syntaxError(src, err)
			msg := m.Text("en")
			if line != c.line || col != c.col || msg != c.msg {
				t.Errorf("got  %d:%d %s\nwant %d:%d %s", line, col, msg, c.line, c.col, c.msg)
			}
			if _, ok := fastParse(src); ok {
				t.Error("the fast reader read it")
			}
			// The validator says the same, at the same place.
			p := parse("x.yaml", src)
			if len(p.diags) != 1 || p.diags[0].Line != c.line || p.diags[0].Column != c.col {
				t.Errorf("validator: %v", p.diags)
			}
		})
	}
}

// TestStrictAcceptsValidFiles: the strict re-scan finds nothing in any valid file —
// the valid fixtures, the guide's data, a generated corpus, and the fast reader's cases
// that yaml.v3 reads and YAML allows.
func TestStrictAcceptsValidFiles(t *testing.T) {
	gendir := filepath.Join(t.TempDir(), "data")
	if err := gen.Write(gendir, gen.Options{Projects: 60, Seed: 5, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, glob := range []string{"../check/testdata/valid/*.yaml", "../check/testdata/valid/*/*.yaml", "../check/testdata/warnings/*/*.yaml",
		"../../data/*.yaml", "../../data/*/*.yaml", filepath.Join(gendir, "*", "*.yaml")} {
		m, _ := filepath.Glob(glob)
		if len(m) == 0 {
			t.Fatalf("no file matches %s", glob)
		}
		files = append(files, m...)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if e := strictYAML(src); e != nil {
			t.Errorf("%s: %v", f, e)
		}
	}
	valid := []string{
		"a: [x, -1, '-', \"-\", -x]\n",
		"a: [x,\n  y]\n",
		"a:\n  - [x,\n    y]\n",
		"a: \"x\n  y\"\n",
		"a: x#y\n",
		"a: [x#y]\n",
		"a: 'x' # c\nb: [x] # c\nc: > # c\n  x\n",
		"a: |2\n   x\n",
		"a: |+\n  x\n\n",
		"? a\n: b\n",
		"a:\n- x\n- y\nb: z\n",
		"- a: 1\n  b: 2\n- c\n",
		"a: one\n  two\n",
		"\"a\": b\n'c': [d]\n",
		"a: {b: c, d: [e, f]}\n",
		"--- \na: 1\n...\n",
		"a: \"x\"\r\nb: [y] # c\r\nc: |\r\n  z\r\n",
	}
	for _, v := range valid {
		var doc yaml.Node
		if err := unmarshalStrict([]byte(v), &doc); err != nil {
			t.Errorf("%q: %v", v, err)
		}
	}
}

// TestSyntaxErrorsOfMutants breaks every valid fixture and data file in many ways —
// deleting a character, inserting a quote, a colon, a bracket, a dash, a tab or a
// space — and requires every syntax error yaml.v3 reports to get a line and a column
// inside the file, and a message of the guide's own, not the library's.
func TestSyntaxErrorsOfMutants(t *testing.T) {
	var files []string
	for _, glob := range []string{"../check/testdata/valid/*.yaml", "../check/testdata/valid/*/*.yaml", "../../data/projects/*.yaml"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	inserts := []string{"\"", "'", ":", ": ", "[", "{", "]", "}", "- ", "\t", " ", "  ", "#", "@", "`", "%", "|", ">", "&", "!", "*", ",", "\\", "\n"}
	errs, counted := 0, map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(src) > 6000 {
			src = src[:bytes.LastIndexByte(src[:6000], '\n')+1]
		}
		step := len(src)/80 + 1 // about 80 places per file
		for i := 0; i < len(src); i += step {
			for k := i; k < len(src) && k < i+step; k++ {
				if src[k] == ' ' || src[k] == ':' || src[k] == '"' || src[k] == '\'' || src[k] == '-' {
					i = k // prefer the places where YAML syntax is
					break
				}
			}
			mutants := [][]byte{append(append([]byte{}, src[:i]...), src[i+1:]...)}
			for _, s := range inserts {
				m := append(append(append([]byte{}, src[:i]...), s...), src[i:]...)
				mutants = append(mutants, m)
			}
			for _, m := range mutants {
				var doc yaml.Node
				lerr := unmarshalSafely(m, &doc)
				if lerr == nil {
					continue
				}
				errs++
				_, raw := diag.YAMLRaw(lerr)
				counted[strings.SplitN(raw, ":", 2)[0]] = true
				line, col, sm := syntaxError(m, lerr)
				msg := sm.Text("en")
				lines := bytes.Count(m, []byte("\n")) + 1
				if line < 1 || line > lines || col < 1 || msg == "" || strings.Contains(msg, raw) {
					t.Errorf("%s mutated at %d: %q placed at %d:%d with %q", f, i, lerr, line, col, msg)
				}
			}
		}
	}
	if errs < 2000 {
		t.Errorf("only %d syntax errors generated; the test must break files more", errs)
	}
	t.Logf("%d syntax errors of yaml.v3, %d distinct messages of the library", errs, len(counted))
}

// TestYAMLErrorsAreLinear: placing and wording an error, and the strict re-scan, take
// linear time on files of 1 MiB built to be slow (the validator's bound is one second
// per file, yaml.v3 included; the limit here, for the re-scan alone, is generous for a
// loaded machine: a quadratic step would take minutes).
func TestYAMLErrorsAreLinear(t *testing.T) {
	fill := func(head, unit, tail string) []byte {
		n := (MaxFileSize - len(head) - len(tail)) / len(unit)
		return []byte(head + strings.Repeat(unit, n) + tail)
	}
	for name, src := range map[string][]byte{
		"dashes on one line":      fill("", "- ", "x\n"),
		"unclosed long flow":      fill("a: [", "b, ", "\n"),
		"deep brackets":           fill("a: ", "[", "\n"),
		"unclosed quote, escapes": fill("a: \"", "\\n", "\n"),
		"glued comments":          fill("", "- 'x'#c\n", ""),
		"multi-line flows":        fill("", "- [x,\n  y,\n  z]\n", "- [x,\ny]\n"),
		"keys on one line":        fill("", "a: ", "\n"),
		"many keys, then a fault": fill("", "k: v\n", " bad: x\n"),
		"long quoted keys":        fill("", "\"k\": 'v'\n", "\"k\": 'v\n"),
	} {
		var doc yaml.Node
		libErr := unmarshalSafely(src, &doc)
		start := time.Now()
		var e *yamlSyntax
		if libErr != nil {
			e = explainYAMLError(src, libErr)
		} else {
			e = strictYAML(src)
		}
		if elapsed := time.Since(start); elapsed > 2*time.Second {
			t.Errorf("%s: %v", name, elapsed)
		}
		if e == nil || e.Line < 1 || e.Column < 1 {
			t.Errorf("%s: %v", name, e)
		}
	}
}

// TestLibraryMessagesReworded: the library's messages the lexer does not meet (a
// duplicate key is reported when decoding into a map, not into a node tree) are placed
// and worded too.
func TestLibraryMessagesReworded(t *testing.T) {
	src := []byte("a: 1\nb: 2\na: 3\n") // nothing for the lexer to find
	for _, c := range []struct {
		err       string
		line, col int
		msg       string
	}{
		{"yaml: unmarshal errors:\n  line 3: mapping key \"a\" already defined at line 1", 3, 1,
			"key `a` written twice (first at line 1); keep one"},
		{"yaml: line 2: did not find expected key", 2, 1,
			"this line does not continue the mapping above it: align its key with the keys above (same column), and leave nothing after a closing quote or bracket"},
		{"yaml: something new", 1, 1,
			"this is not valid YAML; compare the line with a valid entry (keys, `: `, quotes and indentation)"},
		{"yaml: line 40: found unexpected end of stream", 3, 1,
			"the file ends inside a quoted text or a list in brackets; close it on the line where it starts"},
	} {
		e := explainYAMLError(src, errors.New(c.err))
		if e.Line != c.line || e.Column != c.col || e.Message.Text("en") != c.msg {
			t.Errorf("%q: got %d:%d %s", c.err, e.Line, e.Column, e.Message.Text("en"))
		}
	}
}
