package format

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/corpus"
	"gopkg.in/yaml.v3"
)

// yaml11 is the YAML 1.1 type repository (yaml.org/type: bool, null, int, float,
// timestamp, merge, value), written out apart from NeedsQuotes: a string that matches
// must be quoted for YAML 1.1 readers.
var yaml11 = regexp.MustCompile(`^(` +
	`y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF` +
	`|~|null|Null|NULL` +
	`|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+` +
	`|[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)` +
	`|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?(([ \t]*)Z|[-+][0-9]{1,2}(:[0-9]{2})?)?` +
	`|<<|=` +
	`)$`)

func TestNeedsQuotes(t *testing.T) {
	for _, tc := range []struct {
		s     string
		block bool // quoted in block context
		flow  bool // quoted in a flow collection
	}{
		{"plain text", false, false},
		{"Prêt d'ordinateurs", false, false},
		{"14,168", false, true},
		{"90 %", false, false},
		{"12 months", false, false},
		{"a [draft]", false, true},
		{"C#", false, false},
		{"e-mail", false, false},
		{"x: y", true, true},
		{"note #1", true, true},
		{"ends with:", true, true},
		{"", true, true},
		{" leading", true, true},
		{"trailing ", true, true},
		{"tab\there", true, true},
		{"yes", true, true}, {"No", true, true}, {"ON", true, true}, {"off", true, true}, {"y", true, true}, {"N", true, true},
		{"true", true, true}, {"False", true, true},
		{"null", true, true}, {"~", true, true}, {"NULL", true, true},
		{"42", true, true}, {"-7", true, true}, {"+1", true, true}, {"017", true, true}, {"0o17", true, true},
		{"0x1F", true, true}, {"0b101", true, true}, {"1_000", true, true},
		{"3.14", true, true}, {".5", true, true}, {"1e3", true, true}, {"6.02e+23", true, true},
		{".inf", true, true}, {"-.Inf", true, true}, {".NaN", true, true},
		{"1:30", true, true}, {"190:20:30", true, true},
		{"2024-05-01", true, true}, {"2024-5-1 10:00:00", true, true}, {"2001-12-14t21:59:43.10-05:00", true, true},
		{"<<", true, true}, {"=", true, true},
		{"- item", true, true}, {"-", true, true}, {"? key", true, true}, {":colon", true, true},
		{"[list]", true, true}, {"{map}", true, true}, {"#comment", true, true}, {"&anchor", true, true},
		{"*alias", true, true}, {"!tag", true, true}, {"|", true, true}, {">", true, true},
		{"'quoted'", true, true}, {`"quoted"`, true, true}, {"%directive", true, true}, {"@at", true, true}, {"`tick", true, true},
		{"yes please", false, false}, {"null island", false, false}, {"version 1.2", false, false},
	} {
		for _, flow := range []bool{false, true} {
			want := tc.block
			if flow {
				want = tc.flow
			}
			if got := NeedsQuotes(tc.s, flow); got != want {
				t.Errorf("NeedsQuotes(%q, flow %v) = %v, want %v", tc.s, flow, got, want)
			}
			roundTrip(t, tc.s, flow)
		}
	}
}

// roundTrip writes s as NeedsQuotes says (plain, or double-quoted) in a data file and
// reads it back with yaml.v3 and with the validator's reader (corpus.ParseYAML, the
// fast reader where it applies): both must give the very string. A plain s must not be
// another type for YAML 1.1 readers either.
func roundTrip(t *testing.T, s string, flow bool) {
	t.Helper()
	quoted := NeedsQuotes(s, flow)
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if quoted {
		n.Style = yaml.DoubleQuotedStyle
	}
	var v *yaml.Node = n
	if flow {
		v = &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "en"}, n}}
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "title"}, v}}
	src, err := yaml.Marshal(doc)
	if err != nil {
		t.Errorf("%q: %v", s, err)
		return
	}
	if !quoted {
		if yaml11.MatchString(s) {
			t.Errorf("%q written plain is not text for YAML 1.1 readers", s)
		}
		want := "title: " + s + "\n"
		if flow {
			want = "title: {en: " + s + "}\n"
		}
		if string(src) != want {
			t.Errorf("%q: plain, yet written\n%s", s, src)
		}
	}
	check := func(reader string, root *yaml.Node) {
		t.Helper()
		got := root.Content[0].Content[1]
		if flow {
			got = got.Content[1]
		}
		if got.Tag != "!!str" || got.Value != s {
			t.Errorf("%s reads %q (flow %v) written as\n%s\nas %s %q", reader, s, flow, src, got.Tag, got.Value)
		}
	}
	var lib yaml.Node
	if err := yaml.Unmarshal(src, &lib); err != nil {
		t.Errorf("yaml.v3 cannot read %q written as\n%s\n%v", s, src, err)
	} else {
		check("yaml.v3", &lib)
	}
	if fast, err := corpus.ParseYAML(src); err != nil {
		t.Errorf("corpus.ParseYAML cannot read %q written as\n%s\n%v", s, src, err)
	} else {
		check("corpus.ParseYAML", fast)
	}
}

// TestNeedsQuotesYAML11 runs the YAML 1.1 oracle over generated numbers, words and dates.
func TestNeedsQuotesYAML11(t *testing.T) {
	var words []string
	for _, w := range []string{"yes", "no", "on", "off", "y", "n", "true", "false", "null"} {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, sign := range []string{"", "-", "+"} {
		for _, num := range []string{"0", "7", "010", "0x1f", "0b11", "1_0", "1.", "1.5", ".5", "1.5e+3", "1:2", "1:20:30", "1:20.5", ".inf", ".nan"} {
			words = append(words, sign+num)
		}
	}
	words = append(words, "2024-01-02", "2024-1-2 3:04:05", "2024-01-02T03:04:05Z", "2024-01-02 03:04:05 -5")
	for _, w := range words {
		if yaml11.MatchString(w) && !NeedsQuotes(w, false) {
			t.Errorf("%q is not text for YAML 1.1 readers, and is not quoted", w)
		}
		roundTrip(t, w, false)
	}
}
