package model

import (
	"slices"
	"strings"
	"testing"
)

// TestProjectRules spells out the rules the tags give the project kind, so that a
// changed tag is a deliberate, reviewed change.
func TestProjectRules(t *testing.T) {
	s := MustSpec(new(Project))
	for _, tc := range []struct {
		key      string
		shape    Shape
		required bool
		max      int
		vocab    []string
		ref      string
	}{
		{key: "id", shape: ShapeString, required: true},
		{key: "title", shape: ShapeText, required: true, max: 120},
		{key: "summary", shape: ShapeText, required: true, max: 300},
		{key: "jurisdiction", shape: ShapeString, required: true, vocab: []string{"jurisdictions"}},
		{key: "themes", shape: ShapeList, required: true, vocab: []string{"themes"}},
		{key: "challenge", shape: ShapeMarkdown, required: true, max: 20000},
		{key: "lessons", shape: ShapeList, required: true, max: 2000},
		{key: "contacts", shape: ShapeList, ref: "contacts"},
		{key: "ended", shape: ShapeDate},
		{key: "reviewed", shape: ShapeDate, required: true},
	} {
		f, ok := s.Lookup(tc.key)
		if !ok {
			t.Errorf("project has no key %q", tc.key)
			continue
		}
		if f.Spec.Shape != tc.shape || f.Required != tc.required || f.Max != tc.max || !slices.Equal(f.Vocab, tc.vocab) || f.Ref != tc.ref {
			t.Errorf("%s: got shape %d required %v max %d vocab %v ref %q", tc.key, f.Spec.Shape, f.Required, f.Max, f.Vocab, f.Ref)
		}
	}
	if s.Keys()[0] != "id" || s.Keys()[1] != "example" {
		t.Errorf("canonical order starts %v; want id, example", s.Keys()[:2])
	}
	metrics, _ := s.Lookup("metrics")
	if metrics.Spec.Elem.Shape != ShapeStruct || !slices.Equal(metrics.Spec.Elem.Keys(), []string{"label", "value"}) {
		t.Errorf("metrics items: %v", metrics.Spec.Elem.Keys())
	}
}

// TestMarkdownHasALimit: every Markdown field has a length limit, which bounds the time
// goldmark takes on it in the validator and in Hugo (docs/data-model.md, "Limits").
func TestMarkdownHasALimit(t *testing.T) {
	var walk func(kind, path string, s *Spec)
	walk = func(kind, path string, s *Spec) {
		for _, f := range s.Fields {
			spec := f.Spec
			if spec.Shape == ShapeList {
				spec = spec.Elem
			}
			switch spec.Shape {
			case ShapeMarkdown:
				if f.Max <= 0 || f.Max > 20000 {
					t.Errorf("%s: %s%s: Markdown with max=%d; give it max=N with N ≤ 20000", kind, path, f.Key, f.Max)
				}
			case ShapeStruct:
				walk(kind, path+f.Key+".", spec)
			}
		}
	}
	for _, k := range Kinds {
		walk(k.Name, "", MustSpec(k.New()))
	}
}

// TestEveryKindHasASpec: each kind's type yields a spec, and entry kinds carry the
// common keys.
func TestEveryKindHasASpec(t *testing.T) {
	for _, k := range Kinds {
		s, err := SpecOf(k.New())
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if k.Dir == "" {
			continue
		}
		for _, key := range []string{"id", "example", "translation_pending"} {
			if _, ok := s.Lookup(key); !ok {
				t.Errorf("%s lacks %q", k, key)
			}
		}
		if f, _ := s.Lookup("id"); !f.ID {
			t.Errorf("%s: id is not marked as the entry's id", k)
		}
	}
}

// TestBadTags: a mistake in a rule tag is an error, never a silently dropped rule.
func TestBadTags(t *testing.T) {
	type unknownRule struct {
		A string `yaml:"a" guide:"requird"`
	}
	type unknownVocab struct {
		A string `yaml:"a" guide:"vocab=colours"`
	}
	type badMax struct {
		A Text `yaml:"a" guide:"max=lots"`
	}
	type noKey struct {
		A string `guide:"required"`
	}
	type unknownRef struct {
		A []string `yaml:"a" guide:"ref=people"`
	}
	type badType struct {
		A int `yaml:"a"`
	}
	for _, tc := range []struct {
		v    any
		want string
	}{
		{unknownRule{}, `unknown rule "requird"`},
		{unknownVocab{}, `unknown vocabulary "colours"`},
		{badMax{}, `bad max "lots"`},
		{noKey{}, "has no yaml key"},
		{unknownRef{}, `unknown reference kind "people"`},
		{badType{}, "unsupported type int"},
	} {
		_, err := SpecOf(tc.v)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%T: got %v, want %q", tc.v, err, tc.want)
		}
	}
}

func TestKindOfPath(t *testing.T) {
	for path, want := range map[string]string{
		"data/projects/x.yaml":             "project",
		"testdata/invalid/contacts/y.yaml": "contact",
		"data/taxonomy.yaml":               "taxonomy",
		"elsewhere/editions.yaml":          "editions",
		"data/drafts/x.yaml":               "",
		"notes.yaml":                       "",
	} {
		k, ok := KindOfPath(path)
		if got := k.Name; got != want || ok != (want != "") {
			t.Errorf("%s: got %q (%v), want %q", path, got, ok, want)
		}
	}
}

func TestDateAndText(t *testing.T) {
	if got := Date("2018-09-26").Time(); got.Year() != 2018 || got.Day() != 26 {
		t.Errorf("got %v", got)
	}
	if !Date("26/09/2018").Time().IsZero() {
		t.Error("malformed date parsed")
	}
	x := Text{En: "a", Fr: "b"}
	if x.Get("fr") != "b" || x.Get("en") != "a" {
		t.Error("Text.Get")
	}
}
