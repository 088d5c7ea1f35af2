// submission.go: one submission of several files (a project and the new contacts,
// practices and resources it cites), checked together as guide validate checks them.

package webform

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
)

// File is one file of a submission: where it goes in the repository and its text.
type File struct {
	Path string `json:"path"`
	Text string `json:"text"`
}

// Result is the file the form made of its values, where it goes, whether it replaces a
// published entry, and what the validator says of it and of the files that go with it.
type Result struct {
	YAML        []byte
	Path        string
	Exists      bool
	Diagnostics diag.List
}

// Build writes the form's values as a file of the kind (ToYAML) and checks it with the
// files that go with it (Together), plus the guide's advice on the form's values.
func (f *Form) Build(kind model.Kind, values map[string]any, with []File) (Result, error) {
	out, err := ToYAML(kind, values)
	if err != nil {
		return Result{}, err
	}
	id, _ := values["id"].(string)
	p := Path(kind, id)
	diags := append(f.Together(append([]File{{Path: p, Text: string(out)}}, with...)), Advice(kind, p, values)...)
	diags.Sort()
	return Result{YAML: out, Path: p, Exists: f.Exists(kind, id), Diagnostics: diags}, nil
}

// Together checks each file against the site's corpus with the ids of the other files
// added, as guide validate checks new files given together: a project may cite the
// contact whose file goes with it. A file outside data/KIND/ is named and not checked.
func (f *Form) Together(files []File) diag.List {
	c := f.corpus
	c.IDs = maps.Clone(c.IDs)
	if c.IDs == nil {
		c.IDs = map[string][]string{}
	}
	listed := slices.Clone(c.ListedContacts)
	for _, file := range files {
		k, ok := model.KindOfPath(file.Path)
		if !ok || k.Dir == "" {
			continue
		}
		c.IDs[k.Dir] = append(slices.Clone(c.IDs[k.Dir]), strings.TrimSuffix(path.Base(file.Path), ".yaml"))
		if values, _, err := FromYAML(k, []byte(file.Text)); err == nil {
			listed = append(listed, idsOf(values["contacts"])...)
		}
	}
	c.ListedContacts = listed
	var out diag.List
	for _, file := range files {
		if k, ok := model.KindOfPath(file.Path); !ok || k.Dir == "" || path.Dir(file.Path) != "data/"+k.Dir {
			out = append(out, diag.New(file.Path, 0, 0, diag.Error, "", CodeNotEntry, diag.A{"path": file.Path}))
			continue
		}
		out = append(out, f.validateIn(c, file.Path, []byte(file.Text))...)
	}
	out.Sort()
	return out
}

// CodeNotEntry is the code of the error on a file of a submission that is not an entry
// (data/KIND/ID.yaml).
const CodeNotEntry = "form_not_entry"

func idsOf(v any) []string {
	items, _ := v.([]any)
	var out []string
	for _, item := range items {
		if s, ok := item.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Advice is what the guide asks of an entry beyond what makes it valid, as warnings on
// the form's values: a project gives three to five lessons (content/*/submit.md,
// "Before you start"). The validator accepts fewer; the form says so while it is filled.
func Advice(kind model.Kind, p string, values map[string]any) diag.List {
	if kind.Dir != "projects" {
		return nil
	}
	items, _ := values["lessons"].([]any)
	spec := model.MustSpec(kind.New())
	n := 0
	for _, item := range items {
		if lessons, ok := spec.Lookup("lessons"); ok && !isEmpty(lessons.Spec.Elem, item, "") {
			n++
		}
	}
	if n == 0 || n >= LessonsAsked {
		return nil // none: the validator's error says the list is empty
	}
	return diag.List{diag.New(p, 0, 0, diag.Warning, "lessons", CodeFewLessons, diag.A{"count": n, "min": LessonsAsked})}
}

// LessonsAsked is how many lessons the guide asks of a project at least (three to five).
const LessonsAsked = 3

// CodeFewLessons is the code of the warning on a project with fewer lessons than asked.
const CodeFewLessons = "form_few_lessons"

// Describe names a file loaded to go with a submission: its id (from its file name) and
// how the form lists it in the page's language (a person's name and organisation, an
// entry's title). It does not judge the file: Together does.
func Describe(kind model.Kind, name, src, lang string) (id, label string, err error) {
	values, _, err := FromYAML(kind, []byte(src))
	if err != nil {
		return "", "", err
	}
	id = strings.TrimSuffix(path.Base(name), path.Ext(name))
	text := func(key string) string {
		m, _ := values[key].(map[string]any)
		for _, l := range []string{lang, "en", "fr"} {
			if s, _ := m[l].(string); strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
		return ""
	}
	if kind.Dir == "contacts" {
		name, _ := values["name"].(string)
		label = strings.TrimSpace(name)
		if org := text("organization"); org != "" {
			label = fmt.Sprintf("%s — %s", label, org)
		}
	} else {
		label = text("title")
	}
	if label == "" {
		label = id
	}
	return id, label, nil
}
