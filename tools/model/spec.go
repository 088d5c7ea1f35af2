package model

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Shape is the form a value takes in YAML.
type Shape int

const (
	ShapeStruct   Shape = iota // a mapping with known keys
	ShapeText                  // {en, fr} plain text
	ShapeMarkdown              // {en, fr} Markdown
	ShapeString                // a string scalar
	ShapeBool                  // true or false
	ShapeDate                  // YYYY-MM-DD
	ShapeList                  // a sequence of Elem
)

// Spec describes the allowed value at one place of a data file.
type Spec struct {
	Shape  Shape
	Fields []Field // ShapeStruct: keys in canonical order
	Elem   *Spec   // ShapeList
	index  map[string]int
}

// Field is one key of a mapping with its rules. For a list, the rules other than
// Required apply to each item.
type Field struct {
	Key      string
	Required bool
	Plain    bool
	Max      int
	Vocab    []string
	Ref      string
	ID       bool
	URL      bool
	Email    bool
	Phone    bool
	Lang     bool
	SameKind bool // the id of another entry of the same kind
	OldID    bool // an id the entry no longer has
	Spec     *Spec
}

// Lookup returns the field with the given key.
func (s *Spec) Lookup(key string) (*Field, bool) {
	i, ok := s.index[key]
	if !ok {
		return nil, false
	}
	return &s.Fields[i], true
}

// Keys returns the keys of a struct spec in canonical order.
func (s *Spec) Keys() []string {
	keys := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		keys[i] = f.Key
	}
	return keys
}

var (
	textType     = reflect.TypeFor[Text]()
	markdownType = reflect.TypeFor[Markdown]()
	dateType     = reflect.TypeFor[Date]()
	specCache    = map[reflect.Type]*Spec{}
)

// SpecOf derives the spec of v (a pointer to, or value of, a model struct).
func SpecOf(v any) (*Spec, error) {
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := specCache[t]; ok {
		return s, nil
	}
	s, err := specOfType(t)
	if err != nil {
		return nil, err
	}
	specCache[t] = s
	return s, nil
}

// MustSpec is SpecOf for the model's own types, which init has already checked.
func MustSpec(v any) *Spec {
	s, err := SpecOf(v)
	if err != nil {
		panic(err)
	}
	return s
}

func specOfType(t reflect.Type) (*Spec, error) {
	switch {
	case t == textType:
		return &Spec{Shape: ShapeText}, nil
	case t == markdownType:
		return &Spec{Shape: ShapeMarkdown}, nil
	case t == dateType:
		return &Spec{Shape: ShapeDate}, nil
	}
	switch t.Kind() {
	case reflect.String:
		return &Spec{Shape: ShapeString}, nil
	case reflect.Bool:
		return &Spec{Shape: ShapeBool}, nil
	case reflect.Slice:
		elem, err := specOfType(t.Elem())
		if err != nil {
			return nil, err
		}
		return &Spec{Shape: ShapeList, Elem: elem}, nil
	case reflect.Struct:
		s := &Spec{Shape: ShapeStruct}
		if err := addFields(s, t); err != nil {
			return nil, err
		}
		s.index = make(map[string]int, len(s.Fields))
		for i, f := range s.Fields {
			if _, dup := s.index[f.Key]; dup {
				return nil, fmt.Errorf("key %q twice in %s", f.Key, t)
			}
			s.index[f.Key] = i
		}
		return s, nil
	}
	return nil, fmt.Errorf("unsupported type %s", t)
}

func addFields(s *Spec, t reflect.Type) error {
	for i := range t.NumField() {
		sf := t.Field(i)
		yamlTag := sf.Tag.Get("yaml")
		name, opts, _ := strings.Cut(yamlTag, ",")
		if strings.Contains(opts, "inline") {
			if err := addFields(s, sf.Type); err != nil {
				return err
			}
			continue
		}
		if name == "" || name == "-" {
			return fmt.Errorf("field %s has no yaml key", sf.Name)
		}
		sub, err := specOfType(sf.Type)
		if err != nil {
			return fmt.Errorf("field %s: %w", sf.Name, err)
		}
		f := Field{Key: name, Spec: sub}
		if err := parseRules(&f, sf.Tag.Get("guide")); err != nil {
			return fmt.Errorf("field %s: %w", sf.Name, err)
		}
		s.Fields = append(s.Fields, f)
	}
	return nil
}

func parseRules(f *Field, tag string) error {
	if tag == "" {
		return nil
	}
	for opt := range strings.SplitSeq(tag, ",") {
		name, arg, _ := strings.Cut(opt, "=")
		switch name {
		case "required":
			f.Required = true
		case "plain":
			f.Plain = true
		case "id":
			f.ID = true
		case "url":
			f.URL = true
		case "email":
			f.Email = true
		case "phone":
			f.Phone = true
		case "lang":
			f.Lang = true
		case "samekind":
			f.SameKind = true
		case "oldid":
			f.OldID = true
		case "max":
			n, err := strconv.Atoi(arg)
			if err != nil || n <= 0 {
				return fmt.Errorf("bad max %q", arg)
			}
			f.Max = n
		case "vocab":
			f.Vocab = strings.Split(arg, "|")
			for _, v := range f.Vocab {
				if _, ok := (&Taxonomy{}).Vocabulary(v); !ok {
					return fmt.Errorf("unknown vocabulary %q", v)
				}
			}
		case "ref":
			if _, ok := KindByDir(arg); !ok {
				return fmt.Errorf("unknown reference kind %q", arg)
			}
			f.Ref = arg
		default:
			return fmt.Errorf("unknown rule %q", name)
		}
	}
	return nil
}
