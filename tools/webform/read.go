// read.go: a data file read back into the form's values (FromYAML).

package webform

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// FromYAML reads a data file of the kind into the form's values (the inverse of
// ToYAML). What the form cannot hold — keys the model does not know, values of the wrong
// shape — is left out and named in dropped by its key path; the validator says why.
func FromYAML(kind model.Kind, src []byte) (values map[string]any, dropped []string, err error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, nil, fmt.Errorf("the file is not YAML the form can read: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, errors.New("the file does not hold one YAML mapping of keys")
	}
	r := &reader{}
	values = r.mapping(model.MustSpec(kind.New()), doc.Content[0], "")
	return values, r.dropped, nil
}

type reader struct{ dropped []string }

func (r *reader) mapping(spec *model.Spec, n *yaml.Node, path string) map[string]any {
	out := map[string]any{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := join(path, k.Value)
		f, ok := spec.Lookup(k.Value)
		if !ok {
			r.dropped = append(r.dropped, key)
			continue
		}
		if _, dup := out[k.Value]; dup {
			r.dropped = append(r.dropped, key)
			continue
		}
		if val, ok := r.value(f.Spec, v, key); ok {
			out[k.Value] = val
		}
	}
	return out
}

func (r *reader) value(spec *model.Spec, n *yaml.Node, key string) (any, bool) {
	if n.Kind == yaml.AliasNode {
		r.dropped = append(r.dropped, key)
		return nil, false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, false
	}
	switch spec.Shape {
	case model.ShapeBool:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
			return n.Value == "true", true
		}
	case model.ShapeString, model.ShapeDate:
		if n.Kind == yaml.ScalarNode {
			return n.Value, true
		}
	case model.ShapeText, model.ShapeMarkdown:
		if n.Kind != yaml.MappingNode {
			break
		}
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !slices.Contains(model.Languages, k.Value) || v.Kind != yaml.ScalarNode {
				r.dropped = append(r.dropped, join(key, k.Value))
				continue
			}
			if v.Tag != "!!null" {
				m[k.Value] = v.Value
			}
		}
		return m, true
	case model.ShapeList:
		if n.Kind != yaml.SequenceNode {
			break
		}
		out := []any{}
		for i, item := range n.Content {
			if v, ok := r.value(spec.Elem, item, fmt.Sprintf("%s[%d]", key, i)); ok {
				out = append(out, v)
			}
		}
		return out, true
	case model.ShapeStruct:
		if n.Kind == yaml.MappingNode {
			return r.mapping(spec, n, key), true
		}
	}
	r.dropped = append(r.dropped, key)
	return nil, false
}

// Comments counts the comment lines of src other than the schema line ToYAML writes:
// the form does not keep them.
func Comments(src []byte) int {
	n := 0
	for _, c := range format.Comments(src) {
		if !strings.HasPrefix(c, "# yaml-language-server:") {
			n++
		}
	}
	return n
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
