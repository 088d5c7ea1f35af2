package format

import (
	"regexp"
	"strings"

	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// NeedsQuotes reports whether the one-line text s must be written quoted for every YAML
// reader to read it back as that very text: yaml.v3 and Hugo (YAML 1.2) and the YAML 1.1
// readers of other tools (PyYAML, Ruby, CI actions). flow says the scalar sits in a
// flow collection ({en: …} or [a, b]), where flow indicators end it. The guide writes
// the quoted ones with double quotes. This is the one rule guide new, the online form and
// the translation import apply when they write text.
//
// Quoted are: the empty string; text starting or ending with a space; text holding a
// line break or another control character (callers write several lines as a | block);
// text that starts with an indicator (- ? : , [ ] { } # & * ! | > ' " % @ `) or holds
// ": " or " #" or ends with ":"; in flow context, any of , [ ] { }; and the words and
// numbers some reader takes for another type: booleans (YAML 1.1's y/yes/n/no/on/off
// too), null and ~, integers and floats of either version (0x1F, 0o17, 017, 1_000, 1e3,
// .5, .inf, .nan, the sexagesimal 1:30 of YAML 1.1), dates and timestamps, and the
// YAML 1.1 merge and value keys << and =.
func NeedsQuotes(s string, flow bool) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return true
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return true
		}
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(s[0])) {
		return true
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return true
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return true
	}
	if model.YAML11Bool(s) || otherTypes.MatchString(s) {
		return true
	}
	// Anything else yaml.v3 would not write plain (it knows its own resolver best).
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if flow {
		n = &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle, Content: []*yaml.Node{n}}
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		return true
	}
	if flow {
		out = out[1:]
	}
	return len(out) > 0 && (out[0] == '\'' || out[0] == '"')
}

// otherTypes matches the plain scalars that YAML 1.1 or 1.2 resolves to a type other
// than a string, case-insensitively, a little more widely than either (any digit
// sequence with signs, underscores, points, colons, base prefixes or exponents): quoting
// a string too many is harmless, one too few changes its type.
var otherTypes = regexp.MustCompile(`(?i)^(` +
	`true|false|null|~|<<|=` +
	`|[-+]?\.?(inf|infinity|nan)` +
	`|[-+]?0[xob][0-9a-f_]+` +
	`|[-+]?[0-9_]*\.?[0-9_]+(e[-+]?[0-9]+)?` +
	`|[-+]?[0-9][0-9_]*\.[0-9_]*(e[-+]?[0-9]+)?` +
	`|[-+]?[0-9][0-9_]*(:[0-9_]+)+(\.[0-9_]*)?` +
	`|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([t \t].*)?` +
	`)$`)
