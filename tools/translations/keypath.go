// Key paths (title, lessons[2], metrics[0].label): finding the text a row names in a
// file's YAML tree and writing its translation there.

package translations

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// segment is one step of a key path: a key, then list indexes.
type segment struct {
	key     string
	indexes []int
}

var segmentPattern = regexp.MustCompile(`^([a-z_]+)((?:\[\d+\])*)$`)

func parseKey(key string) ([]segment, bool) {
	var out []segment
	for part := range strings.SplitSeq(key, ".") {
		m := segmentPattern.FindStringSubmatch(part)
		if m == nil {
			return nil, false
		}
		s := segment{key: m[1]}
		for idx := range strings.SplitSeq(strings.Trim(m[2], "[]"), "][") {
			if idx == "" {
				continue
			}
			n, err := strconv.Atoi(idx)
			if err != nil {
				return nil, false
			}
			s.indexes = append(s.indexes, n)
		}
		out = append(out, s)
	}
	return out, len(out) > 0
}

// find follows a key path through the tree and the spec to a bilingual mapping.
func find(n *yaml.Node, spec *model.Spec, path []segment) (m *yaml.Node, markdown, ok bool) {
	for _, s := range path {
		if spec.Shape != model.ShapeStruct || n.Kind != yaml.MappingNode {
			return nil, false, false
		}
		f, found := spec.Lookup(s.key)
		if !found {
			return nil, false, false
		}
		n, spec = lookup(n, s.key), f.Spec
		if n == nil {
			return nil, false, false
		}
		for _, i := range s.indexes {
			if spec.Shape != model.ShapeList || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
				return nil, false, false
			}
			n, spec = n.Content[i], spec.Elem
		}
	}
	if (spec.Shape != model.ShapeText && spec.Shape != model.ShapeMarkdown) || n.Kind != yaml.MappingNode {
		return nil, false, false
	}
	return n, spec.Shape == model.ShapeMarkdown, true
}

// setText puts text under lang in a bilingual mapping: in place of an empty value, or
// as a new key in the languages' order. A flow mapping ({en: …}) becomes a block one
// when the text runs over several lines.
func setText(m *yaml.Node, lang, text string, source *yaml.Node) {
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text}
	flow := m.Style&yaml.FlowStyle != 0
	switch {
	case strings.Contains(text, "\n"):
		v.Style = yaml.LiteralStyle
		m.Style &^= yaml.FlowStyle
	case source.Style&yaml.DoubleQuotedStyle != 0, format.NeedsQuotes(text, flow):
		v.Style = yaml.DoubleQuotedStyle
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == lang { // an empty value: fr: or fr: ""
			old := m.Content[i+1]
			v.HeadComment, v.LineComment, v.FootComment = old.HeadComment, old.LineComment, old.FootComment
			m.Content[i+1] = v
			return
		}
	}
	rank := slices.Index(model.Languages, lang)
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(model.Languages, m.Content[i].Value); r > rank {
			at = i
			break
		}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: lang}
	m.Content = slices.Insert(m.Content, at, k, v)
}

// setWanted records a translation in the expected values.
func setWanted(v any, path []segment, lang, text string) {
	for _, s := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		v = m[s.key]
		for _, i := range s.indexes {
			l, ok := v.([]any)
			if !ok || i >= len(l) {
				return
			}
			v = l[i]
		}
	}
	if m, ok := v.(map[string]any); ok {
		m[lang] = text
	}
}

// removePending removes translation_pending when no text lacks its language any more.
// The key's comments move to the next key.
func removePending(root *yaml.Node, spec *model.Spec) bool {
	at := -1
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "translation_pending" {
			at = i
		}
	}
	if at < 0 {
		return false
	}
	lang := root.Content[at+1].Value
	if !slices.Contains(model.Languages, lang) {
		return false
	}
	complete := true
	walk(root, spec, "", func(_ string, m *yaml.Node) {
		if texts(m)[lang] == nil {
			complete = false
		}
	})
	if !complete {
		return false
	}
	k, v := root.Content[at], root.Content[at+1]
	var comments []string
	for _, c := range []string{k.HeadComment, k.LineComment, v.LineComment, k.FootComment, v.FootComment} {
		if c != "" {
			comments = append(comments, c)
		}
	}
	root.Content = slices.Delete(root.Content, at, at+2)
	if len(comments) > 0 {
		if at < len(root.Content) {
			next := root.Content[at]
			next.HeadComment = strings.Join(append(comments, nonEmpty(next.HeadComment)...), "\n")
		} else if at > 0 {
			prev := root.Content[at-2]
			prev.FootComment = strings.Join(append(nonEmpty(prev.FootComment), comments...), "\n")
		}
	}
	return true
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
