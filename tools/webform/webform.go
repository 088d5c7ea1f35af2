// Package webform is what the online submission form runs in the browser (compiled to
// WebAssembly in tools/wasm/validate): it turns the form's values into a data file in
// canonical form, reads a data file back into values, and checks a file with the
// validator's own rules (check.CheckBytes) against the corpus the site publishes. No
// rule is written here: the shapes come from tools/model, the verdicts from tools/check
// and the layout from tools/format.
package webform

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/schema"
	"gopkg.in/yaml.v3"
)

// SiteCorpus is the JSON the site publishes for the form (layouts/submit-form): the
// taxonomy, the ids of the published entries, and the site's section paths. It says
// nothing of the contacts who have not agreed to be listed, not even a digest of their
// ids: whether someone is an unpublished contact must not be learnt from the site
// (docs/security.md). References to them are left to the review (Unchecked).
type SiteCorpus struct {
	// Taxonomy is data/taxonomy.yaml as JSON: vocabulary → terms {code, en, fr}.
	Taxonomy map[string][]map[string]string `json:"taxonomy"`
	// IDs are the ids of the entries by folder. Contacts are those with consent only.
	IDs map[string][]string `json:"ids"`
	// ListedContacts are the ids of contacts some project lists (consented ones only).
	ListedContacts []string `json:"listed_contacts"`
	// Paths are the URL segments of the site's sections: lang → name → segment.
	Paths map[string]map[string]string `json:"paths"`
}

// Form is the form's engine: the corpus, read once.
type Form struct {
	corpus check.Corpus
	now    func() time.Time
}

// New reads the corpus JSON the site publishes.
func New(corpusJSON []byte) (*Form, error) {
	var sc SiteCorpus
	if err := json.Unmarshal(corpusJSON, &sc); err != nil {
		return nil, fmt.Errorf("reading the site's corpus: %w", err)
	}
	if len(sc.Taxonomy) == 0 {
		return nil, errors.New("reading the site's corpus: no taxonomy in it")
	}
	tax, err := yaml.Marshal(sc.Taxonomy)
	if err != nil {
		return nil, fmt.Errorf("reading the site's corpus: %w", err)
	}
	return &Form{
		corpus: check.Corpus{Taxonomy: tax, IDs: sc.IDs, ListedContacts: sc.ListedContacts, SitePaths: sc.Paths},
		now:    time.Now,
	}, nil
}

// Kind returns the entry kind named by its folder or name (projects or project).
func Kind(name string) (model.Kind, error) {
	for _, k := range model.Kinds {
		if k.Dir != "" && (name == k.Dir || name == k.Name) {
			return k, nil
		}
	}
	return model.Kind{}, fmt.Errorf("unknown kind of entry %q; expected projects, contacts, practices or resources", name)
}

// Path is where a file of the kind with that id goes in the repository.
func Path(kind model.Kind, id string) string {
	if id == "" {
		id = "new-" + kind.Name
	}
	return "data/" + kind.Dir + "/" + id + ".yaml"
}

// Validate checks src as the file at path (data/KIND/ID.yaml) with the validator's rules.
// A reference to a contact the site does not publish cannot be checked here: it is
// named in a warning (Unchecked) instead of an error, and left to `guide validate` in
// the pull request, which reads every contact.
func (f *Form) Validate(path string, src []byte) diag.List {
	c := f.corpus
	var notes diag.List
	if k, ok := model.KindOfPath(path); ok {
		c, notes = f.unchecked(k, path, src)
	}
	out := append(check.CheckBytes(path, src, c, f.now()), notes...)
	out.Sort()
	return out
}

// CodeUnchecked is the code of the warning on a reference to a contact who is not
// among the published ones: the site does not say whether such a person is in the guide.
const CodeUnchecked = "form_unchecked_contact"

// Worded returns l as the form shows it, worded in lang from the validator's catalogue.
// The form's layout makes some things plain in fewer words: an empty box is empty,
// whatever the YAML around it would need, and the field's hint says what to write.
// Only the wording changes: the verdict is the validator's.
func Worded(l diag.List, lang string) diag.List {
	out := make(diag.List, len(l))
	for i, d := range l {
		switch {
		case d.Code == "empty":
			d.Code, d.Args = "form_empty", nil
		case d.Code == "not_date" && d.Args["value"] == "":
			d.Code, d.Args = "form_empty_date", nil
		}
		out[i] = d.In(lang)
	}
	return out
}

// unchecked returns the corpus with the contacts src refers to and the site does not
// publish, so that the validator does not call them unknown, and a warning for each.
func (f *Form) unchecked(kind model.Kind, path string, src []byte) (check.Corpus, diag.List) {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return f.corpus, nil // the validator says what is wrong with the file
	}
	root := doc.Content[0]
	c := f.corpus
	var notes diag.List
	added := map[string]bool{}
	spec := model.MustSpec(kind.New())
	for _, field := range spec.Fields {
		if field.Ref != "contacts" {
			continue
		}
		var list *yaml.Node
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == field.Key {
				list = root.Content[i+1]
			}
		}
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		for i, n := range list.Content {
			id := n.Value
			// A value that is no id gets the validator's error, not the warning.
			if n.Kind != yaml.ScalarNode || !model.IDShaped(id) || slices.Contains(f.corpus.IDs["contacts"], id) {
				continue // the validator judges it
			}
			notes = append(notes, diag.New(path, n.Line, n.Column, diag.Warning, fmt.Sprintf("%s[%d]", field.Key, i), CodeUnchecked, diag.A{"id": id}))
			if added[id] {
				continue
			}
			if len(added) == 0 {
				ids := maps.Clone(c.IDs)
				if ids == nil {
					ids = map[string][]string{}
				}
				ids["contacts"] = slices.Clone(c.IDs["contacts"])
				c.IDs = ids
			}
			added[id] = true
			c.IDs["contacts"] = append(c.IDs["contacts"], id)
		}
	}
	return c, notes
}

// Exists reports whether an entry of the kind with this id is already published.
func (f *Form) Exists(kind model.Kind, id string) bool {
	return slices.Contains(f.corpus.IDs[kind.Dir], id)
}

// Field is what the form needs to know of one key of the model: whether it is
// required (a list: with at least one item) and its length limit (per language).
type Field struct {
	Key      string `json:"key"`
	Required bool   `json:"required"`
	Max      int    `json:"max,omitempty"`
}

// Fields lists the keys the form must have inputs for, from the model: top-level keys,
// and KEY.SUBKEY for the keys of lists of mappings (metrics.label).
func Fields(kind model.Kind) []Field {
	var out []Field
	for _, f := range model.MustSpec(kind.New()).Fields {
		out = append(out, Field{Key: f.Key, Required: f.Required, Max: f.Max})
		if f.Spec.Shape == model.ShapeList && f.Spec.Elem.Shape == model.ShapeStruct {
			for _, sub := range f.Spec.Elem.Fields {
				out = append(out, Field{Key: f.Key + "." + sub.Key, Required: sub.Required, Max: sub.Max})
			}
		}
	}
	return out
}

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
