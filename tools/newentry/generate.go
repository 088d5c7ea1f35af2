package newentry

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/schema"
	"gopkg.in/yaml.v3"
)

// Generate returns the new entry's file. Given values are written in; every other
// required key gets an empty placeholder ("" or []) that the validator reports until it
// is filled in; optional keys without a value are written as comments. Bilingual texts
// leave out the language declared in translation_pending. The result is in canonical
// form (guide fmt leaves it alone).
func Generate(kind model.Kind, values Values) ([]byte, error) {
	spec, err := model.SpecOf(kind.New())
	if err != nil {
		return nil, err
	}
	g := &generator{values: values, pending: values["translation_pending"]}
	root := g.mapping(spec, "")
	if len(root.Content) == 0 {
		return nil, diag.Errorf("newentry_no_required_key", diag.A{"kind": kind.Name})
	}
	header := []string{
		"# yaml-language-server: $schema=../../" + schema.Dir + "/" + schema.FileName(kind),
		`# Fill in every "" and [] (` + "`go run ./tools/guide validate FILE`, or `make validate`," + ` lists`,
		`# those left); to use an optional key, remove the "# " before it. Rules are in`,
		`# docs/data-model.md. You may delete these three lines.`,
	}
	first := root.Content[0]
	first.HeadComment = strings.Join(append(header, nonEmpty(first.HeadComment)...), "\n")
	out, err := encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
	if err != nil {
		return nil, err
	}
	return format.Format(kind, out)
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func encode(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type generator struct {
	values  Values
	pending string
	// commenting is set while rendering an optional key that will be commented out:
	// a boolean's placeholder is then true (false is the default, not worth writing).
	commenting bool
}

// given reports whether a value was given for the key (any language of a text).
func (g *generator) given(key string, f *model.Field) bool {
	if g.commenting {
		return false
	}
	switch f.Spec.Shape {
	case model.ShapeText, model.ShapeMarkdown:
		for _, lang := range model.Languages {
			if g.values[key+"."+lang] != "" {
				return true
			}
		}
		return false
	}
	return g.values[key] != ""
}

// mapping renders a struct spec: present keys as nodes, the others as comments above
// the next present key (or below the last one).
func (g *generator) mapping(spec *model.Spec, path string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var commented []string
	for i := range spec.Fields {
		f := &spec.Fields[i]
		key := join(path, f.Key)
		if !f.Required && !g.given(key, f) {
			commented = append(commented, g.commentedOut(f, key)...)
			continue
		}
		k := str(f.Key)
		if len(commented) > 0 {
			k.HeadComment, commented = strings.Join(commented, "\n"), nil
		}
		m.Content = append(m.Content, k, g.value(f, f.Spec, key))
	}
	if len(commented) > 0 {
		// Comments after the last key belong to it (a mapping's own foot comment would
		// be written after a blank line).
		if n := len(m.Content); n > 0 {
			m.Content[n-2].FootComment = strings.Join(commented, "\n")
		} else {
			m.FootComment = strings.Join(commented, "\n")
		}
	}
	return m
}

// commentedOut renders an optional key with its placeholder, as comment lines.
func (g *generator) commentedOut(f *model.Field, key string) []string {
	was := g.commenting
	g.commenting = true
	defer func() { g.commenting = was }()
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(f.Key), g.value(f, f.Spec, key)}}
	b, err := encode(m)
	if err != nil { // cannot happen with the nodes built here
		return []string{"# " + f.Key + ":"}
	}
	var lines []string
	for line := range strings.SplitSeq(strings.TrimRight(string(b), "\n"), "\n") {
		lines = append(lines, strings.TrimRight("# "+line, " "))
	}
	return lines
}

// value renders a field's value: the given one, else its placeholder.
func (g *generator) value(f *model.Field, spec *model.Spec, key string) *yaml.Node {
	v := g.values[key]
	if g.commenting {
		v = ""
	}
	switch spec.Shape {
	case model.ShapeString:
		if v != "" {
			return scalar(v, "!!str")
		}
		return empty()
	case model.ShapeDate:
		if model.ValidDate(v) {
			return scalar(v, "!!timestamp")
		} else if v != "" {
			return scalar(v, "!!str")
		}
		return empty()
	case model.ShapeBool:
		switch {
		case v != "":
			return scalar(v, "!!bool")
		case g.commenting:
			return scalar("true", "!!bool")
		}
		return scalar("false", "!!bool")
	case model.ShapeText, model.ShapeMarkdown:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, lang := range model.Languages {
			lv := g.values[key+"."+lang]
			if g.commenting {
				lv = ""
			}
			if lang == g.pending && lv == "" {
				continue // left out until translated
			}
			n := empty()
			if lv != "" {
				n = scalar(lv, "!!str")
			}
			m.Content = append(m.Content, str(lang), n)
		}
		return m
	case model.ShapeList:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		if spec.Elem.Shape == model.ShapeString {
			seq.Style = yaml.FlowStyle
			for item := range strings.SplitSeq(v, ",") {
				if item = strings.TrimSpace(item); item != "" {
					seq.Content = append(seq.Content, scalar(item, "!!str"))
				}
			}
			return seq
		}
		// The items given (a terminal asks for a project's lessons one by one), else one
		// to copy for each further one.
		seq.Content = []*yaml.Node{g.value(f, spec.Elem, key+"[0]")}
		for i := 1; g.itemGiven(key, i); i++ {
			seq.Content = append(seq.Content, g.value(f, spec.Elem, fmt.Sprintf("%s[%d]", key, i)))
		}
		return seq
	case model.ShapeStruct:
		return g.mapping(spec, key)
	}
	return empty()
}

// itemGiven reports whether item i of the list key has a value, in some language.
func (g *generator) itemGiven(key string, i int) bool {
	if g.commenting {
		return false
	}
	item := fmt.Sprintf("%s[%d]", key, i)
	if g.values[item] != "" {
		return true
	}
	for _, lang := range model.Languages {
		if g.values[item+"."+lang] != "" {
			return true
		}
	}
	return false
}

func str(s string) *yaml.Node { return scalar(s, "!!str") }

func scalar(v, tag string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
	switch {
	case strings.Contains(v, "\n"):
		n.Style = yaml.LiteralStyle
	case tag == "!!str" && format.NeedsQuotes(v, false):
		// Quoted the way the corpus quotes, not with the encoder's single quotes.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// empty is the placeholder of a text, code or date: "" (a null would read as "not
// given"; an empty string is an error wherever a value is required or written).
func empty() *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
