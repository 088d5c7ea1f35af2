// Package schema generates JSON Schemas (draft 2020-12) from the model, so that editors
// complete and flag fields with the very rules the validator applies. The schemas are a
// projection of tools/model: never edit them by hand.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/pssdc/guide-iad/tools/model"
)

// Dir is where the schemas are committed; the site serves them under /schemas/.
const Dir = "static/schemas"

// BaseURL is the stable address the schemas' $id points to.
const BaseURL = "https://guide-iad.example.org/schemas/"

// FileName is the schema file of a kind.
func FileName(k model.Kind) string { return k.Name + ".schema.json" }

// Generate returns the schema of a kind. vocab gives the codes of each vocabulary
// (nil: codes are only typed as strings).
func Generate(k model.Kind, vocab func(name string) []string) ([]byte, error) {
	spec, err := model.SpecOf(k.New())
	if err != nil {
		return nil, err
	}
	doc := object{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         BaseURL + FileName(k),
		"title":       "Guide IAD " + k.Name,
		"description": description(k),
	}
	for key, v := range structSchema(spec, vocab) {
		doc[key] = v
	}
	doc["$defs"] = object{
		"text": object{
			"type": "object", "additionalProperties": false,
			"description": "Text in English and French.",
			"properties":  object{"en": object{"type": "string", "minLength": 1}, "fr": object{"type": "string", "minLength": 1}},
		},
		"date": object{"type": "string", "pattern": model.DatePatternSource, "format": "date"},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// object keeps JSON output readable; encoding/json sorts map keys, which is stable.
type object map[string]any

func structSchema(spec *model.Spec, vocab func(string) []string) object {
	props := object{}
	var required []string
	for _, f := range spec.Fields {
		o := fieldSchema(&f, f.Spec, vocab)
		o["description"] = f.Sentence("en") // the one description of a field (model.Field.Expect)
		props[f.Key] = o
		if f.Required {
			required = append(required, f.Key)
		}
	}
	o := object{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func fieldSchema(f *model.Field, s *model.Spec, vocab func(string) []string) object {
	switch s.Shape {
	case model.ShapeStruct:
		return structSchema(s, vocab)
	case model.ShapeList:
		o := object{"type": "array", "items": fieldSchema(f, s.Elem, vocab)}
		if f.Required {
			o["minItems"] = 1
		}
		if s.Elem.Shape == model.ShapeString {
			o["uniqueItems"] = true
		}
		return o
	case model.ShapeText, model.ShapeMarkdown:
		o := object{"$ref": "#/$defs/text"}
		if f.Max > 0 {
			o["properties"] = object{"en": object{"maxLength": f.Max}, "fr": object{"maxLength": f.Max}}
		}
		return o
	case model.ShapeBool:
		return object{"type": "boolean"}
	case model.ShapeDate:
		return object{"$ref": "#/$defs/date"}
	}
	o := object{"type": "string", "minLength": 1}
	switch {
	case f.ID:
		o["pattern"] = model.IDPatternSource
		o["maxLength"] = model.MaxIDLength
	case len(f.Vocab) > 0:
		var codes []string
		if vocab != nil {
			for _, v := range f.Vocab {
				codes = append(codes, vocab(v)...)
			}
		}
		if len(codes) > 0 {
			o["enum"] = codes
		}
	case f.Ref != "":
		o["pattern"] = model.IDPatternSource
	case f.SameKind || f.OldID:
		o["pattern"] = model.IDPatternSource
	case f.URL:
		o["pattern"] = `^https://[^/\s]+`
		o["format"] = "uri"
	case f.Email:
		o["format"] = "email"
	case f.Lang:
		o["enum"] = model.Languages
	}
	if f.Max > 0 {
		o["maxLength"] = f.Max
	}
	return o
}

func description(k model.Kind) string {
	if k.Dir != "" {
		return fmt.Sprintf("A %s of the guide: data/%s/ID.yaml. Generated from tools/model by `guide schema`; do not edit.", k.Name, k.Dir)
	}
	return fmt.Sprintf("data/%s. Generated from tools/model by `guide schema`; do not edit.", k.File)
}
