// Package webform is what the online submission form runs in the browser (compiled to
// WebAssembly in tools/wasm/validate): it turns the form's values into a data file in
// canonical form, reads a data file back into values, and checks a file with the
// validator's own rules (check.CheckBytes) against the corpus the site publishes. No
// rule is written here: the shapes come from tools/model, the verdicts from tools/check
// and the layout from tools/format.
package webform

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
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
	return f.validateIn(f.corpus, path, src)
}

// validateIn is Validate against the corpus c (the site's, with the ids of the other
// files of a submission).
func (f *Form) validateIn(c check.Corpus, path string, src []byte) diag.List {
	var notes diag.List
	if k, ok := model.KindOfPath(path); ok {
		c, notes = unchecked(c, k, path, src)
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
func unchecked(c check.Corpus, kind model.Kind, path string, src []byte) (check.Corpus, diag.List) {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return c, nil // the validator says what is wrong with the file
	}
	root := doc.Content[0]
	known := c.IDs["contacts"]
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
			if n.Kind != yaml.ScalarNode || !model.IDShaped(id) || slices.Contains(known, id) {
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
// and KEY.SUBKEY for the keys of lists of mappings (metrics.label). The keys of an
// entry's life (model.Lifecycle: archived, replaced_by, former_ids) are left out: a
// submission brings a new entry, and retiring or renaming one is an edit of its file
// (CONTRIBUTING), which the working group reviews.
func Fields(kind model.Kind) []Field {
	var out []Field
	life := map[string]bool{}
	for _, f := range model.MustSpec(&model.Lifecycle{}).Fields {
		life[f.Key] = true
	}
	for _, f := range model.MustSpec(kind.New()).Fields {
		if life[f.Key] {
			continue
		}
		out = append(out, Field{Key: f.Key, Required: f.Required, Max: f.Max})
		if f.Spec.Shape == model.ShapeList && f.Spec.Elem.Shape == model.ShapeStruct {
			for _, sub := range f.Spec.Elem.Fields {
				out = append(out, Field{Key: f.Key + "." + sub.Key, Required: sub.Required, Max: sub.Max})
			}
		}
	}
	return out
}
