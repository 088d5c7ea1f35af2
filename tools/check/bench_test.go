package check

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/gen"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// BenchmarkValidate validates generated corpora of realistic submissions (≈ 3 KB each,
// with cross-references). Target: 10,000 projects in ≤ 1 s on 2 cores.
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		dir := filepath.Join(b.TempDir(), "data")
		if err := gen.Write(dir, gen.Options{Projects: n, Seed: 1, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				res, err := Run(Options{DataDir: dir})
				if err != nil {
					b.Fatal(err)
				}
				if res.Diagnostics.HasErrors() {
					b.Fatalf("generated corpus has errors: %v", res.Diagnostics[0])
				}
			}
		})
	}
}

// TestGeneratedCorpusIsValid: the generator and the validator agree.
func TestGeneratedCorpusIsValid(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := gen.Write(dir, gen.Options{Projects: 60, Seed: 7, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{DataDir: dir, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("generated corpus has errors:\n%s", render(t, res.Diagnostics))
	}
	b, _ := os.ReadFile(filepath.Join(dir, "projects", "project-00001.yaml"))
	if len(b) < 2500 {
		t.Errorf("generated project is %d bytes; the benchmark wants realistic ≈ 3 KB entries", len(b))
	}
}

// FuzzCheck feeds arbitrary bytes to the parser and the checks of every kind: they must
// never panic, whatever the input. Seeds: every fixture in testdata.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*/*.yaml")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err == nil {
			f.Add(b)
		}
	}
	for _, payload := range fuzzPayloads {
		f.Add([]byte("id: x\ntitle: {en: \"" + payload + "\", fr: T}\nchallenge: {en: \"" + payload + "\", fr: T}\n"))
	}
	tax := fuzzVocabularies(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, k := range model.Kinds {
			p := parse("projects/x.yaml", src)
			if p.root == nil {
				if !p.diags.HasErrors() {
					t.Fatal("unparsable input without an error")
				}
				continue
			}
			checkEntry(p, k, tax, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
			for _, d := range p.diags {
				if d.Line > lines || d.Line < 0 || d.Line > 0 && d.Column < 1 {
					t.Fatalf("%s: diagnostic outside the file (%d lines): %s", k.Name, lines, d)
				}
			}
			if !p.diags.HasErrors() {
				acceptedIsInert(t, k.Name, p.root)
			}
		}
	})
}

// fuzzPayloads seed FuzzCheck with what the text rules refuse, for the fuzzer to vary.
var fuzzPayloads = []string{
	"{{< param title >}}", "{{% param baseURL %}}", "<svg/onload=alert(1)>", "<img src=x onerror=alert(1)//",
	"&lt;script&gt;", "&#x3c;b&#x3e;", "a\u202eb", "a\u200bb", "a\ufeffb", "a\u2066b", "a\x1bb",
	"[a](javascript:alert(1))", "![x](https://evil.example/x.png)", "[[[[[[[[a]]]]]]]]", "> > > > > > > > x",
}

// acceptedIsInert is FuzzCheck's oracle, written apart from the rules it checks: a value
// of a file the checks accept holds no invisible or control character, no shortcode
// delimiter and nothing a browser reads as a tag's start outside backticks.
func acceptedIsInert(t *testing.T, kind string, n *yaml.Node) {
	t.Helper()
	if n.Kind == yaml.ScalarNode {
		v := n.Value
		for _, r := range v {
			if r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r >= 0x200b && r <= 0x200f ||
				r >= 0x202a && r <= 0x202e || r >= 0x2060 && r <= 0x2069 || r == 0xfeff || r == 0x061c {
				t.Fatalf("%s: accepted value %q holds U+%04X", kind, v, r)
			}
		}
		for _, d := range []string{"{{<", "{{%"} {
			if strings.Contains(v, d) {
				t.Fatalf("%s: accepted value %q holds shortcode syntax", kind, v)
			}
		}
		outsideCode := v
		if strings.Contains(v, "`") {
			outsideCode = "" // the Markdown rule leaves code alone; checked by its own tests
		}
		for _, loc := range fuzzTagStart.FindAllStringIndex(outsideCode, -1) {
			rest := outsideCode[loc[0]:]
			if loc[0] > 0 && outsideCode[loc[0]-1] == '\\' || fuzzAutolink.MatchString(rest) {
				continue // an escaped < or a Markdown autolink
			}
			t.Fatalf("%s: accepted value %q reads as HTML", kind, v)
		}
	}
	for _, c := range n.Content {
		acceptedIsInert(t, kind, c)
	}
}

var (
	fuzzTagStart = regexp.MustCompile(`<[A-Za-z/!?]`)
	fuzzAutolink = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>`)
)

func fuzzVocabularies(f *testing.F) *vocabularies {
	src, err := os.ReadFile("testdata/valid/taxonomy.yaml")
	if err != nil {
		f.Fatal(err)
	}
	kind, _ := model.KindByFile("taxonomy.yaml")
	file := &parsedFile{src: source{Path: "taxonomy.yaml", Kind: kind}, p: parse("taxonomy.yaml", src)}
	var diags diag.List
	v := loadVocabularies(file, &diags)
	if v == nil {
		f.Fatalf("fixture taxonomy does not load: %v", diags)
	}
	return v
}
