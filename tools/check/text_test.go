package check

import (
	"fmt"
	"maps"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"github.com/pssdc/guide-iad/tools/model"
)

// checkSource parses src as a file of the named kind and checks it against the valid
// corpus's taxonomy; it returns the diagnostics as text lines without the file name.
func checkSource(t testing.TB, kindName, src string) []string {
	t.Helper()
	var kind model.Kind
	for _, k := range model.Kinds {
		if k.Name == kindName {
			kind = k
		}
	}
	name := kind.File
	if kind.Dir != "" {
		name = kind.Dir + "/x.yaml"
	}
	p := parse(name, []byte(src))
	if p.root != nil {
		var tax *vocabularies
		if kind.Dir != "" {
			tax = testVocabularies(t)
		}
		checkEntry(p, kind, tax, today)
	}
	var out []string
	for _, d := range p.diags {
		out = append(out, fmt.Sprintf("%d:%d: %s: %s", d.Line, d.Column, d.Key, d.Message))
	}
	return out
}

var testVocab *vocabularies

func testVocabularies(t testing.TB) *vocabularies {
	if testVocab == nil {
		src, err := os.ReadFile("testdata/valid/taxonomy.yaml")
		if err != nil {
			t.Fatal(err)
		}
		kind, _ := model.KindByFile("taxonomy.yaml")
		file := &parsedFile{src: source{Path: "taxonomy.yaml", Kind: kind}, p: parse("taxonomy.yaml", src)}
		var diags diag.List
		testVocab = loadVocabularies(file, &diags)
	}
	return testVocab
}

const editionsTemplate = `editions:
  - id: "2026-1"
    date: 2026-11-30
    title: {en: "TITLE", fr: "Première édition, novembre 2026"}
`

// TestTextRules: the text rules in files the invalid fixtures cannot hold (editions.yaml,
// taxonomy.yaml) and the text that must stay allowed (French typography, Markdown that
// shows braces, comparisons). want is "" for a clean file, else the start of a
// diagnostic ("line:col: key: message…").
func TestTextRules(t *testing.T) {
	taxonomy, err := os.ReadFile("testdata/valid/taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	project, err := os.ReadFile("testdata/valid/projects/beta-forecasting.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const challenge = "challenge: {en: Wait times rose in winter., fr: Les délais d'attente augmentaient l'hiver.}"
	withChallenge := func(en string) string {
		s := strings.Replace(string(project), challenge, "challenge:\n  en: |\n    "+strings.ReplaceAll(en, "\n", "\n    ")+"\n  fr: Les délais d'attente augmentaient l'hiver.", 1)
		return strings.Replace(s, "id: beta-forecasting", "id: x", 1)
	}
	for _, tc := range []struct {
		name, kind, src, want string
	}{
		{"edition meta refresh", "editions",
			strings.Replace(editionsTemplate, "TITLE", `First <meta http-equiv=refresh content='0;url=https://evil.example/'>`, 1),
			`4:24: editions[0].title.en: HTML "<meta http-equiv=ref" is not allowed in plain text`},
		{"edition entity", "editions", strings.Replace(editionsTemplate, "TITLE", "First &#x3C;b&#x3E;", 1),
			`4:24: editions[0].title.en: character reference "&#x3C;" is not allowed`},
		{"edition bidi", "editions", strings.Replace(editionsTemplate, "TITLE", "First \u202eedition", 1),
			"4:24: editions[0].title.en: U+202E RIGHT-TO-LEFT OVERRIDE (an invisible character) is not allowed"},
		{"edition id zero width", "editions", strings.Replace(editionsTemplate, `"2026-1"`, "\"2026\u200b-1\"", 1),
			"2:14: editions[0].id: U+200B ZERO WIDTH SPACE"},
		{"edition French typography", "editions",
			strings.Replace(editionsTemplate, "Première édition, novembre 2026", "Première édition\u00a0: «\u00a0novembre\u202f2026\u00a0» — l’été", 1), ""},
		{"taxonomy label html", "taxonomy", strings.Replace(string(taxonomy), "en: Ontario,", "en: Ontario<img/src=x>,", 1),
			`13:30: jurisdictions[9].en: HTML "<img/src=x>" is not allowed in plain text`},
		{"taxonomy key bidi", "taxonomy", strings.Replace(string(taxonomy), "levels:", "lev\u2066els:", 1),
			"18:4: : key holds U+2066 LEFT-TO-RIGHT ISOLATE"},
		{"taxonomy comment may hold anything", "taxonomy", strings.Replace(string(taxonomy), "levels:", "levels: # \u202e\u200b <b> &lt;", 1), ""},
		{"plain comparison", "project", strings.Replace(strings.Replace(string(project), "id: beta-forecasting", "id: x", 1), "Waits fell by a third.", "Waits fell < 3 minutes & R&D stayed.", 1), ""},
		{"markdown braces as text", "project", withChallenge("Write {&#123;< or `{ {<` to show them; `{{ jinja }}` and &lt;b&gt; are text."), ""},
		{"markdown nested list within limits", "project", withChallenge("- a\n  - b\n    - c\n      - d\n\n> > quoted\n\n[[a]](https://example.org)"), ""},
		{"markdown code fence keeps its indentation", "project", withChallenge("```\n" + strings.Repeat(" ", 40) + "deep code\n```"), ""},
		{"markdown tab allowed", "project", withChallenge("```\ncode\there\n```"), ""},
		{"markdown shortcode in block", "project", withChallenge("First line.\n\nSee {{< figure src=\"https://evil.example/x.png\" >}} here."),
			`18:9: challenge.en: Hugo shortcode syntax "{{<" is not allowed`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := checkSource(t, tc.kind, tc.src)
			if tc.want == "" {
				if len(got) > 0 {
					t.Errorf("want no diagnostic, got:\n%s", strings.Join(got, "\n"))
				}
				return
			}
			for _, g := range got {
				if strings.HasPrefix(g, tc.want) {
					return
				}
			}
			t.Errorf("want a diagnostic starting %q, got:\n%s", tc.want, strings.Join(got, "\n"))
		})
	}
}

// TestForbiddenRune: every class of character, allowed or not.
func TestForbiddenRune(t *testing.T) {
	for r, want := range map[rune]string{
		'a': "", 'é': "", '«': "", 0x00A0: "", 0x202F: "", 0x2019: "", '\n': "", '\t': "",
		0x1F600: "", 0x4E2D: "", 0x2003: "",
		0x0000: "U+0000 NULL (a control character)", 0x001B: "U+001B ESCAPE (a control character)",
		0x0085: "U+0085 NEXT LINE (a control character)", 0x009F: "U+009F (a control character)",
		0x200B: "U+200B ZERO WIDTH SPACE", 0x200C: "U+200C ZERO WIDTH NON-JOINER", 0x200D: "U+200D ZERO WIDTH JOINER",
		0x200E: "U+200E LEFT-TO-RIGHT MARK", 0x200F: "U+200F RIGHT-TO-LEFT MARK", 0x061C: "U+061C ARABIC LETTER MARK",
		0x202A: "U+202A", 0x202B: "U+202B", 0x202C: "U+202C", 0x202D: "U+202D", 0x202E: "U+202E RIGHT-TO-LEFT OVERRIDE",
		0x2066: "U+2066", 0x2067: "U+2067", 0x2068: "U+2068", 0x2069: "U+2069 POP DIRECTIONAL ISOLATE",
		0x2060: "U+2060 WORD JOINER", 0xFEFF: "U+FEFF ZERO WIDTH NO-BREAK SPACE", 0x00AD: "U+00AD SOFT HYPHEN",
		0xE000: "U+E000 (a private-use character)", 0x10FFFD: "U+10FFFD (a private-use character)",
		0xE0041: "U+E0041 (an invisible tag character)", 0xFFFF: "U+FFFF (a noncharacter)",
		0x0378: "U+0378 (a code point not assigned", 0x2028: "U+2028 LINE SEPARATOR",
	} {
		got := forbiddenRune(r).Text("en")
		if want == "" && got != "" || !strings.HasPrefix(got, want) {
			t.Errorf("forbiddenRune(U+%04X) = %q, want %q…", r, got, want)
		}
	}
}

// TestMarkdownShapeProblem: each limit, just inside and just beyond.
func TestMarkdownShapeProblem(t *testing.T) {
	for _, tc := range []struct {
		name, s string
		bad     bool
	}{
		{"links", strings.Repeat("[a](https://example.org) ", 900), false},
		{"too many brackets", strings.Repeat("[a](b) ", 1001), true},
		{"depth 4", "[[[[a]]]]", false},
		{"depth 5", "[[[[[a]]]]]", true},
		{"escaped brackets", strings.Repeat(`\[`, 3000), false},
		{"brackets close per paragraph", strings.Repeat("[[[a\n\n", 50), false},
		{"six quotes", "> > > > > > a", false},
		{"seven quotes", "> > > > > > > a", true},
		{"seven list markers", "- 1. * + - 2) - a", true},
		{"indent 16", strings.Repeat(" ", 16) + "a", false},
		{"indent 17", strings.Repeat(" ", 17) + "a", true},
		{"indent in fence", "~~~\n" + strings.Repeat(" ", 40) + "a\n~~~", false},
		{"indent after fence", "```\na\n```\n" + strings.Repeat(" ", 40) + "a", true},
		{"table 20 columns", "|" + strings.Repeat("a|", 20), false},
		{"table 21 columns", "|" + strings.Repeat("a|", 21), true},
		{"table rows", strings.Repeat("|a|\n", 301), true},
		{"emphasis", strings.Repeat("*a_", 1000), false},
		{"emphasis storm", strings.Repeat("*a_", 1001), true},
		{"backtick run 16", "a" + strings.Repeat("`", 16), false},
		{"backtick run 17", "a" + strings.Repeat("`", 17), true},
		{"backtick runs", strings.Repeat("`a", 2001), true},
	} {
		off, m := markdownShapeProblem(tc.s)
		msg := m.Text("en")
		if (off >= 0) != tc.bad {
			t.Errorf("%s: got offset %d %q, want bad=%v", tc.name, off, msg, tc.bad)
		}
	}
}

// worstMarkdown are the shapes goldmark is slowest on, each as large as a 1 MiB project
// may hold: once as a storm in one field (rejected before goldmark), once spread over
// lessons just inside every limit (accepted, parsed).
var worstMarkdown = map[string]string{
	"brackets":     "[",
	"nested-links": "[[[[a](b)](c)](d)](e) ",
	"links":        "[a](b) ",
	"open-links":   "[a](",
	"open-titles":  "[a](b \"",
	"open-dests":   "[a](<",
	"quotes":       "> > > > > > a\n",
	"lists":        "- - - - - - a\n",
	"emphasis":     "*a_",
	"backticks":    "`a``",
	"table":        "|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|\n",
}

// worstProject builds a project of about 1 MiB whose Markdown is unit repeated: the
// challenge in one piece, and lessons of 2,000 characters.
func worstProject(t testing.TB, unit string, lessons bool) string {
	t.Helper()
	return worstProjectOf(t, unit, lessons, 1<<20-8192)
}

// worstProjectOf is worstProject with about size bytes of Markdown.
func worstProjectOf(t testing.TB, unit string, lessons bool, size int) string {
	t.Helper()
	src, err := os.ReadFile("testdata/valid/projects/beta-forecasting.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "id: beta-forecasting", "id: x", 1)
	// block writes text as a literal block scalar indented by indent spaces.
	block := func(text string, indent int) string {
		pad := "\n" + strings.Repeat(" ", indent)
		return "|" + pad + strings.ReplaceAll(strings.TrimRight(text, "\n"), "\n", pad) + "\n"
	}
	if !lessons {
		body := strings.Repeat(unit, size/(len(unit)+4*strings.Count(unit, "\n")))
		return strings.Replace(s, "challenge: {en: Wait times rose in winter., fr: Les délais d'attente augmentaient l'hiver.}",
			"challenge:\n  en: "+block(body, 4)+"  fr: x", 1)
	}
	// Lessons just inside the limits: 2,000 characters, at most 1,000 [ and 2,000 runs.
	lesson := strings.Repeat(unit, 1900/len(unit))
	var b strings.Builder
	for b.Len() < size {
		b.WriteString("  - en: " + block(lesson, 6) + "    fr: x\n")
	}
	return strings.Replace(s, "lessons:\n", "lessons:\n"+b.String(), 1)
}

// BenchmarkWorstMarkdown validates 1 MiB projects of the worst Markdown shapes.
// Target: ≤ 1 s each (docs/validator.md, "Limits").
func BenchmarkWorstMarkdown(b *testing.B) {
	for _, name := range sortedKeys(worstMarkdown) {
		for _, lessons := range []bool{false, true} {
			src := worstProject(b, worstMarkdown[name], lessons)
			label := name + "/storm"
			if lessons {
				label = name + "/lessons"
			}
			b.Run(label, func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					checkSource(b, "project", src)
				}
			})
		}
	}
}

// TestWorstMarkdownIsBounded: the work of checking every worst shape grows linearly with
// its size. Each 1 MiB project is measured against the same shape at a sixteenth of the
// size, in the same run, in processor time (the tests of this package run one at a time,
// so the process's time is the check's; waiting for a processor on a loaded machine is
// not counted): linear work gives a ratio near 16, quadratic work near 256 (minutes at
// 1 MiB); the test fails above 64. The budget itself (≤ 1 s a project) is
// BenchmarkWorstMarkdown's to show, not a timed test's.
func TestWorstMarkdownIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const full, small = 1<<20 - 8192, (1<<20 - 8192) / 16
	if !testutil.CPUKnown {
		t.Skip("the system does not say the processor time used")
	}
	// fastest: the least of two runs, and what the check found.
	fastest := func(src string) (time.Duration, []string) {
		best, found := time.Duration(1<<63-1), []string(nil)
		for range 2 {
			runtime.GC() // the previous run's garbage is not this one's work
			start := testutil.CPUTime()
			found = checkSource(t, "project", src)
			best = min(best, testutil.CPUTime()-start)
		}
		return best, found
	}
	for _, name := range sortedKeys(worstMarkdown) {
		for _, lessons := range []bool{false, true} {
			src := worstProjectOf(t, worstMarkdown[name], lessons, full)
			if len(src) > MaxFileSize || len(src) < MaxFileSize*9/10 {
				t.Fatalf("%s: %d bytes; want just under 1 MiB", name, len(src))
			}
			part := worstProjectOf(t, worstMarkdown[name], lessons, small)
			tSmall, _ := fastest(part)
			tFull, got := fastest(src)
			// Below 10 ms the clock's grain (the system counts processor time in ticks)
			// and the fixed costs decide the ratio; a quadratic check still fails, as
			// its full size then takes over 640 ms.
			tSmall = max(tSmall, 10*time.Millisecond)
			ratio := float64(tFull) / float64(tSmall)
			if ratio > 64 {
				t.Errorf("%s (lessons %v): %v for %d bytes, %v for %d: %.0f times the time for %.0f times the size; the check is not linear",
					name, lessons, tFull, len(src), tSmall, len(part), ratio, float64(len(src))/float64(len(part)))
			}
			if !lessons && len(got) == 0 {
				t.Errorf("%s: a 1 MiB storm in one field was accepted", name)
			}
		}
	}
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}
