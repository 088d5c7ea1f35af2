package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/gen"
	"gopkg.in/yaml.v3"
)

// fastCases are small inputs at the edges of what fastParse reads; fast says whether it
// must read them itself (true) or leave them to the library (false). Either way, what it
// reads must equal the library's tree.
var fastCases = []struct {
	name string
	src  string
	fast bool
}{
	{"mapping", "id: a\ntitle:\n  en: \"A\"\n  fr: 'B'\n", true},
	{"comments everywhere", "# head\nid: a # line\n\n# between\nlist:\n  # in\n  - x # item\n  - \"y\" # q\n# foot\n", true},
	{"indentless sequence", "themes:\n- a\n- b\nnext: c\n", true},
	{"sequence of mappings", "links:\n  - en: a\n    fr: b\n  - en: c\n    fr: d\nz: 1\n", true},
	{"item block on next line", "links:\n  -\n    en: a\n", true},
	{"literal clip", "a: |\n  one\n\n  two\n\n\nb: x\n", true},
	{"literal strip", "a: |-\n  one\n  two\nb: x\n", true},
	{"literal keeps comment-like lines", "a: |\n  # not a comment\n  x\n", true},
	{"literal more indented lines", "a: |\n  one\n    two\n", true},
	{"literal at the end", "a: |\n  one\n", true},
	{"literal in a sequence", "a:\n  - |\n    one\n", true},
	{"literal trailing spaces", "a: |\n  one  \n", true},
	{"tags", "a: true\nb: False\nc: null\nd: 2024-02-29\ne: 42\nf: 0\ng: yes\nh: on\ni: no\n", true},
	{"escapes", "a: \"q\\\"b\\\\sn\\nt\\tu\\u00e9\"\nb: 'it''s'\n", true},
	{"plain with colon and hash", "a: https://example.org/x#y\nb: C# is a language\n", true},
	{"unicode", "a: Événement à Montréal — 55 000 $\nb: « guillemets »\n", true},
	{"deep", "a:\n  b:\n    c:\n      - d:\n          e: f\n", true},

	{"empty value", "a:\nb: x\n", false},
	{"empty at end", "a:\n", false},
	{"no final newline", "a: x", false},
	{"flow sequence", "a: [x, \"y\", 'z', 2024-01-02]\nb: []\n", true},
	{"flow mapping", "a:\n  - {code: CA, en: Federal (Canada), fr: Fédéral (Canada)}\n  - {code: x, en: It's, fr: d'été, n: 3}\n", true},
	{"flow after accents", "a: [été, « b », c]\n", true},
	{"folded", "a: >\n  one\n  two\n\n  three\nb: >-\n  x\n  y\n", true},
	{"folded more-indented", "a: >\n  one\n    two\n", false},
	{"nested flow", "a: [x, [y]]\n", false},
	{"multi-line flow", "a: [x,\n  y]\n", false},
	{"flow trailing comma", "a: [x, y,]\n", false},
	{"flow empty entry", "a: [x, , y]\n", false},
	{"flow colon in plain", "a: [http://x]\n", false},
	{"flow anchor", "a: [&x y]\n", false},
	{"keep chomping", "a: |+\n  one\n\n", false},
	{"indentation indicator", "a: |2\n  one\n", false},
	{"literal leading blank", "a: |\n\n  one\n", false},
	{"literal blank with extra spaces", "a: |\n  one\n      \n  two\n", false},
	{"multi-line plain", "a: one\n  two\n", false},
	{"multi-line quoted", "a: \"one\n  two\"\n", false},
	{"anchor", "a: &x 1\nb: *x\n", false},
	{"tag", "a: !!str 1\n", false},
	{"merge", "a:\n  <<: {}\n", false},
	{"quoted key", "\"a\": 1\n", false},
	{"key with space before colon", "a : 1\n", false},
	{"plain with colon space", "a: b: c\n", false},
	{"octal", "a: 0755\n", false},
	{"float", "a: 1e3\n", false},
	{"negative", "a: -1\n", false},
	{"signed", "a: +1\n", false},
	{"invalid date", "a: 2024-02-30\n", false},
	{"tilde", "a: ~\n", false},
	{"tab after colon", "a:\tb\n", false},
	{"control character", "a: b\x01c\n", false},
	{"line separator", "a: b\u2028c\n", false},
	{"document marker", "---\na: 1\n", false},
	{"scalar document", "just text\n", false},
	{"indented root", "  a: 1\n", false},
	{"bad indentation", "a:\n    b: 1\n  c: 2\n", false},
	{"sequence then key at its column", "a:\n  - x\n  b: y\n", false},
	{"unknown escape", "a: \"\\x41\"\n", false},
	{"surrogate escape", "a: \"\\ud800\"\n", false},
	{"only comments", "# nothing\n", false},
	{"empty", "", false},

	// What YAML forbids and yaml.v3 accepts: the fast reader must decline it, and the
	// validator's slow path reject it (strictYAML).
	{"comment glued to a flow sequence", "key: [a]#x\n", false},
	{"comment glued to a flow mapping", "key: {a: b}#x\n", false},
	{"comment glued to a double-quoted scalar", "key: \"v\"#x\n", false},
	{"comment glued to a single-quoted scalar", "key: 'v'#x\n", false},
	{"comment glued to a folded indicator", "key: >#x\n  a\n", false},
	{"comment glued to a literal indicator", "key: |-#x\n  a\n", false},
	{"comment glued in a sequence", "a:\n  - [x]#c\n", false},
	{"comment with a space after a flow sequence", "key: [a] #x\n", true},
	{"multi-line flow under-indented", "key: [a,\nb]\n", false},
	{"multi-line flow closing under-indented", "key: [a,\n  b\n]\n", false},
	{"multi-line flow indented", "key: [a,\n  b]\n", false},
	{"multi-line flow in a sequence", "key:\n  - [a,\n  b]\n", false},
	{"multi-line flow mapping", "key: {a: b,\n c: d}\n", false},
	{"lone dash in a flow sequence", "key: [-]\n", false},
	{"dash item in a flow sequence", "key: [a, -]\n", false},
	{"dash entry in a flow sequence", "key: [a, - b]\n", false},
	{"dash value in a flow mapping", "key: {a: -}\n", false},
	{"negative number in a flow sequence", "key: [-1, -a]\n", false},
}

func TestFastParseCases(t *testing.T) {
	for _, c := range fastCases {
		t.Run(c.name, func(t *testing.T) {
			_, ok := compareWithLibrary(t, []byte(c.src))
			if ok != c.fast {
				t.Errorf("fastParse read it: %v; want %v", ok, c.fast)
			}
		})
	}
}

// TestFastParseMatchesLibrary: on every fixture, every data file of the guide and a
// generated corpus, fastParse gives the library's tree or declines; and it reads every
// data file and every generated file itself, which is what makes the validator fast.
func TestFastParseMatchesLibrary(t *testing.T) {
	gendir := filepath.Join(t.TempDir(), "data")
	if err := gen.Write(gendir, gen.Options{Projects: 150, Seed: 3, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		glob     string
		mustFast bool
	}{
		{"../check/testdata/*/*.yaml", false},
		{"../check/testdata/*/*/*.yaml", false},
		{"../../data/*.yaml", true},
		{"../../data/*/*.yaml", true},
		{filepath.Join(gendir, "*", "*.yaml"), true},
	} {
		files, _ := filepath.Glob(set.glob)
		if len(files) == 0 {
			t.Fatalf("no file matches %s", set.glob)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, ok := compareWithLibrary(t, src)
			if set.mustFast && !ok {
				t.Errorf("%s: fastParse declined a well-formed data file", f)
			}
		}
	}
}

// FuzzFastParse: whatever the input, fastParse never panics, and when it reads a file it
// gives the library's tree.
func FuzzFastParse(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c.src))
	}
	seeds, _ := filepath.Glob("../check/testdata/*/*/*.yaml")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		compareWithLibrary(t, src)
		checkSyntaxError(t, src)
	})
}

// checkSyntaxError: when the library rejects src, the validator's message has a line
// and a column inside the file and is not the library's wording.
func checkSyntaxError(t *testing.T, src []byte) {
	t.Helper()
	var doc yaml.Node
	err := unmarshalSafely(src, &doc)
	if err == nil {
		strictYAML(src) // must not panic
		return
	}
	line, col, m := syntaxError(src, err)
	msg := m.Text("en")
	lines := bytes.Count(src, []byte("\n")) + 1
	_, raw := diag.YAMLRaw(err)
	if line < 1 || line > lines || col < 1 || msg == "" || strings.Contains(msg, raw) {
		t.Fatalf("library error %q placed at %d:%d (file of %d lines) with message %q:\n%s", err, line, col, lines, msg, src)
	}
}

// compareWithLibrary runs fastParse on src and, when it reads it, fails unless the
// library reads the same tree. It returns fastParse's result.
func compareWithLibrary(t *testing.T, src []byte) (*yaml.Node, bool) {
	t.Helper()
	got, ok := fastParse(src)
	if !ok {
		return nil, false
	}
	var want yaml.Node
	if err := unmarshalSafely(src, &want); err != nil {
		t.Fatalf("fastParse read a file the library rejects (%v):\n%s", err, src)
	}
	if e := strictYAML(src); e != nil {
		t.Fatalf("fastParse read a file YAML forbids (%v):\n%s", e, src)
	}
	if diff := nodeDiff("", got, &want); diff != "" {
		t.Fatalf("fastParse and the library differ at %s\n%s", diff, src)
	}
	return got, true
}

// nodeDiff describes the first difference between two trees, comments aside.
func nodeDiff(path string, a, b *yaml.Node) string {
	show := func(n *yaml.Node) string {
		return fmt.Sprintf("kind %d style %d tag %q value %q at %d:%d anchor %q (%d children)",
			n.Kind, n.Style, n.Tag, n.Value, n.Line, n.Column, n.Anchor, len(n.Content))
	}
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value ||
		a.Line != b.Line || a.Column != b.Column || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s:\n  fast:    %s\n  library: %s", strings.TrimPrefix(path, "."), show(a), show(b))
	}
	for i := range a.Content {
		if d := nodeDiff(fmt.Sprintf("%s.%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// longFlow is a one-line flow sequence of n short items, under 1 MiB for n up to 250,000.
func longFlow(n int) []byte {
	var b strings.Builder
	b.WriteString("id: long\nthemes: [")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("é") // a character of two bytes: columns are counted in characters
	}
	b.WriteString("]\n")
	return []byte(b.String())
}

// TestFastParseLongFlowIsLinear: the fast reader counted each item's column from the
// start of its line, so a one-line flow sequence of 250,000 items (under 1 MiB) took
// minutes. It must now take a small fraction of a second (the bound is generous for a
// loaded machine; the quadratic reader took over a minute), and give the right columns.
func TestFastParseLongFlowIsLinear(t *testing.T) {
	const n = 250_000
	src := longFlow(n)
	if len(src) > MaxFileSize {
		t.Fatalf("input is %d bytes, over the file limit", len(src))
	}
	start := time.Now()
	doc, ok := fastParse(src)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("fastParse of a %d-byte flow line took %v", len(src), elapsed)
	}
	if !ok {
		t.Fatal("fastParse declined a long flow sequence")
	}
	seq := doc.Content[0].Content[3]
	if len(seq.Content) != n {
		t.Fatalf("%d items, want %d", len(seq.Content), n)
	}
	// "themes: [" is 9 characters; item k starts after k items of "é, " (3 characters).
	for _, k := range []int{0, 1, n / 2, n - 1} {
		if got, want := seq.Content[k].Column, 10+3*k; got != want {
			t.Errorf("item %d at column %d, want %d", k, got, want)
		}
	}
}

// BenchmarkFastParseLongFlow: a one-line flow sequence of 250,000 items (≈ 1 MiB).
func BenchmarkFastParseLongFlow(b *testing.B) {
	src := longFlow(250_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, ok := fastParse(src); !ok {
			b.Fatal("declined")
		}
	}
}
