package diag

import (
	"regexp"
	"strconv"
	"strings"
)

// The messages of the YAML reader (gopkg.in/yaml.v3), worded from the catalogue: the one
// table that the corpus's reader (which then places and rewords them for a data file)
// and the calculator's configuration share.

// yamlMessages gives the code of each message yaml.v3 says, by a part of its text, in
// the order to try them.
var yamlMessages = []struct {
	part, code string
}{
	{"found unexpected end of stream", "cause_yaml_end"},
	{"mapping values are not allowed", "cause_yaml_mapping_value"},
	{"could not find expected ':'", "cause_yaml_expected_colon"},
	{"did not find expected key", "cause_yaml_expected_key"},
	{"did not find expected '-' indicator", "cause_yaml_expected_dash"},
	{"did not find expected ',' or ']'", "cause_yaml_unclosed_list"},
	{"did not find expected ',' or '}'", "cause_yaml_unclosed_mapping"},
	{"did not find expected node content", "cause_yaml_node_content"},
	{"block sequence entries are not allowed", "cause_yaml_sequence_entry"},
	{"found character that cannot start any token", "cause_yaml_bad_start"},
	{"tab character", "cause_yaml_tab"},
	{"found unknown escape character", "cause_yaml_escape"},
	{"escape", "cause_yaml_code_escape"},
	{"hexdecimal", "cause_yaml_code_escape"},
	{"did not find expected comment or line break", "cause_yaml_after_indicator"},
	{"indentation indicator equal to 0", "cause_yaml_after_indicator"},
	{"tag handle", "cause_yaml_tag"},
	{"tag URI", "cause_yaml_tag"},
	{"expected '!'", "cause_yaml_tag"},
	{"expected '>'", "cause_yaml_tag"},
	{"alphabetic or numeric character", "cause_yaml_anchor_char"},
	{"document indicator", "cause_yaml_document_marker"},
	{"directive", "cause_yaml_directive"},
	{"non-alphabetical", "cause_yaml_directive"},
	{"version number", "cause_yaml_directive"},
	{"max depth", "cause_yaml_too_deep"},
	{"excessive aliasing", "cause_yaml_aliases"},
	{"invalid leading UTF-8 octet", "cause_yaml_encoding"},
	{"invalid trailing UTF-8 octet", "cause_yaml_encoding"},
	{"incomplete UTF-8 octet sequence", "cause_yaml_encoding"},
	{"invalid length of a UTF-8 sequence", "cause_yaml_encoding"},
	{"invalid Unicode character", "cause_yaml_encoding"},
	{"control characters are not allowed", "cause_yaml_control"},
}

var (
	yamlDuplicateKey = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)`)
	yamlUnknownAlias = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
	yamlLine         = regexp.MustCompile(`^line (\d+):( |$)`)
)

// YAMLMessage splits an error of yaml.v3 ("yaml: line 3: did not find expected key")
// into the line it names (0 for none), its English message, and that message worded
// from the catalogue: cause_system (the English text, marked as such) when the
// catalogue does not know it.
func YAMLMessage(err error) (line int, raw string, m Msg) {
	line, raw = YAMLRaw(err)
	m, ok := yamlProblem(raw)
	if !ok {
		m = M("cause_system", A{"text": raw})
	}
	return line, raw, m
}

// YAMLRaw splits an error of yaml.v3 into the line it names (0 for none) and its
// English message.
func YAMLRaw(err error) (line int, raw string) {
	raw = strings.TrimPrefix(err.Error(), "yaml: ")
	raw = strings.TrimPrefix(raw, "unmarshal errors:\n  ")
	if m := yamlLine.FindStringSubmatch(raw); m != nil {
		line, _ = strconv.Atoi(m[1])
		raw = raw[len(m[0]):]
	}
	return line, raw
}

// yamlProblem words a message of yaml.v3, without its line.
func yamlProblem(raw string) (Msg, bool) {
	if m := yamlDuplicateKey.FindStringSubmatch(raw); m != nil {
		first, _ := strconv.Atoi(m[2])
		return M("cause_yaml_duplicate_key", A{"key": m[1], "first": first}), true
	}
	if m := yamlUnknownAlias.FindStringSubmatch(raw); m != nil {
		return M("cause_yaml_unknown_alias", A{"name": m[1]}), true
	}
	for _, y := range yamlMessages {
		if strings.Contains(raw, y.part) {
			return M(y.code, nil), true
		}
	}
	return Msg{}, false
}

// yamlCause words an error of yaml.v3 as Cause does: with its line when it names one.
func yamlCause(text string) (Msg, bool) {
	if !strings.HasPrefix(text, "yaml: ") || strings.Count(text, "\n") > 1 {
		return Msg{}, false
	}
	line, raw := YAMLRaw(plainText(text))
	m, ok := yamlProblem(raw)
	if !ok {
		return Msg{}, false
	}
	if line > 0 {
		m = M("cause_yaml_line", A{"line": line, "problem": m})
	}
	return M("cause_yaml", A{"problem": m}), true
}

type plainText string

func (t plainText) Error() string { return string(t) }
