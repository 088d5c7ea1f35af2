// Package newentry writes the skeleton of a new entry, data/KIND/ID.yaml, from the
// model's spec: the required keys with empty placeholders ("" and []) that the validator
// rejects until they are filled in, and the optional keys commented out, all in the
// model's order. Nothing here is written per kind: a key added to tools/model appears in
// new entries, flags and prompts by itself.
package newentry

import (
	"fmt"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/model"
)

// Values are the values given for inputs, by Input.Key. Lists are comma-separated;
// booleans are "true" or "false". Empty values count as not given.
type Values map[string]string

// Input is one value `guide new` takes from a flag or a prompt: a top-level key whose
// value is a string, a date, a boolean, one language of a bilingual text or a list of
// strings (codes, ids). Lists of texts and of mappings are left to the editor.
type Input struct {
	Key   string       // key path: "id", "title.en", "themes"
	Flag  string       // flag name: "id", "title-en", "data-sources"
	Lang  string       // the language of a bilingual text
	Field *model.Field // the top-level field
	// more marks a further item of a list of texts, asked on a terminal: an empty
	// answer ends the list.
	more bool
}

// Shape is the shape of the input's value.
func (in Input) Shape() model.Shape {
	if in.Lang != "" {
		return model.ShapeText
	}
	return in.Field.Spec.Shape
}

// List reports whether the input takes several values (comma-separated).
func (in Input) List() bool { return in.Field.Spec.Shape == model.ShapeList }

// Markdown reports whether the input is one language of a Markdown text (or of an
// item of a list of them).
func (in Input) Markdown() bool {
	s := in.Field.Spec
	return s.Shape == model.ShapeMarkdown || s.Shape == model.ShapeList && s.Elem.Shape == model.ShapeMarkdown
}

// EntryKinds returns the kinds `guide new` creates: those stored one file per entry.
func EntryKinds() []model.Kind {
	var out []model.Kind
	for _, k := range model.Kinds {
		if k.Dir != "" {
			out = append(out, k)
		}
	}
	return out
}

// KindNamed finds an entry kind by its name (project) or folder (projects).
func KindNamed(name string) (model.Kind, bool) {
	for _, k := range EntryKinds() {
		if name == k.Name || name == k.Dir {
			return k, true
		}
	}
	return model.Kind{}, false
}

// Inputs lists the inputs of a kind in the model's order.
func Inputs(kind model.Kind) []Input {
	spec := model.MustSpec(kind.New())
	var out []Input
	for i := range spec.Fields {
		f := &spec.Fields[i]
		flag := strings.ReplaceAll(f.Key, "_", "-")
		switch f.Spec.Shape {
		case model.ShapeString, model.ShapeDate, model.ShapeBool:
			out = append(out, Input{Key: f.Key, Flag: flag, Field: f})
		case model.ShapeText, model.ShapeMarkdown:
			for _, lang := range model.Languages {
				out = append(out, Input{Key: f.Key + "." + lang, Flag: flag + "-" + lang, Lang: lang, Field: f})
			}
		case model.ShapeList:
			if f.Spec.Elem.Shape == model.ShapeString {
				out = append(out, Input{Key: f.Key, Flag: flag, Field: f})
			}
		}
	}
	return out
}

// Describe says in words, in language lang, what the input takes, for flag help and
// questions: the model's description of the field (model.Field.Describe), with what a
// flag or an answer adds (commas between items, the id's characters, optional).
func (in Input) Describe(lang string) string {
	f, w := in.Field, Words(lang)
	var s string
	switch {
	case in.Lang != "":
		s = f.DescribeIn(in.Lang, lang)
	case f.ID:
		s = f.Describe(lang) + w.T("id_chars")
	case f.Lang:
		s = w.T("pending_desc", "langs", f.Describe(lang))
	case in.List():
		s = f.Describe(lang) + w.T("comma_separated")
	case f.Phone:
		s = f.Describe(lang) + w.T("phone_example")
	default:
		s = f.Describe(lang)
		if f.Max > 0 && in.Shape() == model.ShapeString {
			s += fmt.Sprintf(model.MaxWords(lang), f.Max)
		}
	}
	if !f.Required {
		s += w.T("optional")
	}
	return s
}

// SuggestID derives an id from the entry's first required text after its id (a
// project's title, a contact's name) with check.ProposedID (at most 40 characters):
// from the text in the first language given (English, else French), or "" when there
// is none yet.
func SuggestID(kind model.Kind, values Values) string {
	for _, in := range Inputs(kind) {
		f := in.Field
		if f.ID || !f.Required || in.List() || len(f.Vocab) > 0 || f.Ref != "" || f.Email || f.URL || f.Phone || f.Lang {
			continue
		}
		if s := in.Shape(); s != model.ShapeText && s != model.ShapeString || in.Markdown() {
			continue
		}
		if in.Lang == "" {
			return check.ProposedID(values[in.Key])
		}
		for _, lang := range model.Languages {
			if id := check.ProposedID(values[f.Key+"."+lang]); id != "" {
				return id
			}
		}
		return ""
	}
	return ""
}
