// write.go: the form's values as a data file in canonical form (ToYAML).

package webform

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/schema"
	"gopkg.in/yaml.v3"
)

// flowWidth is the longest line a bilingual text is written on as {en: …, fr: …}.
const flowWidth = 100

// ToYAML writes the form's values as a data file of the kind, in canonical form (what
// `guide fmt` writes). values hold, by key: strings (codes, ids, dates, URLs), booleans,
// {en, fr} objects, and lists of those or of objects with their own keys. Optional keys
// without a value are left out; required ones are written empty, for the validator to
// name them. Text is kept as typed, except spaces at the ends and line ends (CRLF).
func ToYAML(kind model.Kind, values map[string]any) ([]byte, error) {
	spec, err := model.SpecOf(kind.New())
	if err != nil {
		return nil, err
	}
	pending, _ := values["translation_pending"].(string)
	b := &builder{pending: pending}
	root := b.mapping(spec, values, 0)
	if len(root.Content) > 0 {
		root.Content[0].HeadComment = "# yaml-language-server: $schema=../../" + schema.Dir + "/" + schema.FileName(kind)
	}
	if b.err != nil {
		return nil, b.err
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	canonical, err := format.Format(kind, out.Bytes())
	if err != nil {
		return nil, err
	}
	// The file must say what the form said: read it back and compare.
	back, _, err := FromYAML(kind, canonical)
	if err != nil {
		return nil, err
	}
	if want := clean(spec, values, pending); !reflect.DeepEqual(back, want) {
		return nil, fmt.Errorf("the YAML written does not read back as the form's values (%v, want %v)", back, want)
	}
	return canonical, nil
}

type builder struct {
	pending string
	err     error
}

func (b *builder) mapping(spec *model.Spec, values map[string]any, depth int) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := range spec.Fields {
		f := &spec.Fields[i]
		v := values[f.Key]
		if isEmpty(f.Spec, v, b.pending) && !f.Required {
			continue
		}
		m.Content = append(m.Content, str(f.Key), b.value(f, f.Spec, v, depth))
	}
	return m
}

func (b *builder) value(f *model.Field, spec *model.Spec, v any, depth int) *yaml.Node {
	return b.valueIn(f, spec, v, depth, false)
}

// valueIn renders a value; inFlow says it goes in a flow collection ([a, b]).
func (b *builder) valueIn(f *model.Field, spec *model.Spec, v any, depth int, inFlow bool) *yaml.Node {
	switch spec.Shape {
	case model.ShapeBool:
		on, _ := v.(bool)
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(on)}
	case model.ShapeDate:
		s := strings.TrimSpace(asString(v))
		if model.ValidDate(s) {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: s}
		}
		return scalar(s, false, inFlow)
	case model.ShapeString:
		return scalar(strings.TrimSpace(asString(v)), false, inFlow)
	case model.ShapeText, model.ShapeMarkdown:
		return b.text(f.Key, spec.Shape == model.ShapeMarkdown, v, depth)
	case model.ShapeList:
		items, _ := v.([]any)
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		if spec.Elem.Shape == model.ShapeString || spec.Elem.Shape == model.ShapeDate {
			seq.Style = yaml.FlowStyle
		}
		for _, item := range items {
			if isEmpty(spec.Elem, item, b.pending) {
				continue
			}
			seq.Content = append(seq.Content, b.valueIn(f, spec.Elem, item, depth+1, seq.Style == yaml.FlowStyle))
		}
		return seq
	case model.ShapeStruct:
		m, _ := v.(map[string]any)
		return b.mapping(spec, m, depth+1)
	}
	b.err = fmt.Errorf("%s: unsupported shape", f.Key)
	return &yaml.Node{Kind: yaml.ScalarNode}
}

// text writes {en, fr}: on one line when short and single-line, else one key a line;
// the pending language is left out while empty.
func (b *builder) text(key string, markdown bool, v any, depth int) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	width := 2*depth + len(key) + 4
	var texts []string
	for _, lang := range model.Languages {
		s := textOf(v, lang, markdown)
		if s == "" && lang == b.pending {
			continue
		}
		texts = append(texts, lang, s)
		width += len(lang) + 4 + utf8.RuneCountInString(s)
	}
	flow := width <= flowWidth
	for i := 0; i < len(texts); i += 2 {
		if strings.Contains(texts[i+1], "\n") {
			flow = false
		}
	}
	if flow {
		m.Style = yaml.FlowStyle
	}
	for i := 0; i < len(texts); i += 2 {
		m.Content = append(m.Content, str(texts[i]), scalar(texts[i+1], markdown, flow))
	}
	return m
}

// textOf returns one language of an {en, fr} value, as it is to be written.
func textOf(v any, lang string, markdown bool) string {
	m, _ := v.(map[string]any)
	s := strings.ReplaceAll(asString(m[lang]), "\r\n", "\n")
	if !markdown || !strings.Contains(strings.TrimSpace(s), "\n") {
		return strings.TrimSpace(s)
	}
	// Markdown over several lines: a block scalar (|) ending with one line end, no
	// spaces at the ends of lines (they would force a quoted style).
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n") + "\n"
}

func asString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	case bool:
		return fmt.Sprint(v)
	case float64:
		return fmt.Sprint(v)
	}
	return ""
}

// isEmpty reports whether a form value says nothing.
func isEmpty(spec *model.Spec, v any, pending string) bool {
	switch spec.Shape {
	case model.ShapeBool:
		on, _ := v.(bool)
		return !on
	case model.ShapeText, model.ShapeMarkdown:
		for _, lang := range model.Languages {
			if textOf(v, lang, false) != "" {
				return false
			}
		}
		return true
	case model.ShapeList:
		items, _ := v.([]any)
		for _, item := range items {
			if !isEmpty(spec.Elem, item, pending) {
				return false
			}
		}
		return true
	case model.ShapeStruct:
		m, _ := v.(map[string]any)
		for _, f := range spec.Fields {
			if !isEmpty(f.Spec, m[f.Key], pending) {
				return false
			}
		}
		return true
	}
	return strings.TrimSpace(asString(v)) == ""
}

// clean is values as ToYAML writes them, for the read-back comparison.
func clean(spec *model.Spec, values map[string]any, pending string) map[string]any {
	out := map[string]any{}
	for i := range spec.Fields {
		f := &spec.Fields[i]
		v := values[f.Key]
		if isEmpty(f.Spec, v, pending) && !f.Required {
			continue
		}
		out[f.Key] = cleanValue(f.Spec, v, pending)
	}
	return out
}

func cleanValue(spec *model.Spec, v any, pending string) any {
	switch spec.Shape {
	case model.ShapeBool:
		on, _ := v.(bool)
		return on
	case model.ShapeText, model.ShapeMarkdown:
		m := map[string]any{}
		for _, lang := range model.Languages {
			s := textOf(v, lang, spec.Shape == model.ShapeMarkdown)
			if s == "" && lang == pending {
				continue
			}
			m[lang] = s
		}
		return m
	case model.ShapeList:
		items, _ := v.([]any)
		out := []any{}
		for _, item := range items {
			if !isEmpty(spec.Elem, item, pending) {
				out = append(out, cleanValue(spec.Elem, item, pending))
			}
		}
		return out
	case model.ShapeStruct:
		m, _ := v.(map[string]any)
		return clean(spec, m, pending)
	}
	return strings.TrimSpace(asString(v))
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// scalar is a text value: a block (|) over several lines, double-quoted where a YAML
// reader would not read it back as that text (format.NeedsQuotes), plain elsewhere.
func scalar(s string, block, flow bool) *yaml.Node {
	n := str(s)
	switch {
	case strings.Contains(s, "\n") && block:
		n.Style = yaml.LiteralStyle
	case format.NeedsQuotes(s, flow):
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}
