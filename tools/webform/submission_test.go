package webform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readWith returns a file of testdata/with as the file data/DIR/AS of the submission.
func readWith(t *testing.T, dir, name, as string) File {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "with", name))
	if err != nil {
		t.Fatal(err)
	}
	return File{Path: "data/" + dir + "/" + as, Text: string(b)}
}

// TestBuildTogether: a project is checked with the files that go with it, as guide
// validate checks new files given together: a new contact or practice it cites is
// known, a wrong one is named with its file, and the guide's advice on lessons is a
// warning.
func TestBuildTogether(t *testing.T) {
	form := newForm(t)
	kind, _ := Kind("projects")
	lessons := func(n int) []any {
		var out []any
		for i := 0; i < n; i++ {
			out = append(out, map[string]any{"en": "A lesson.", "fr": "Une leçon."})
		}
		return out
	}
	tests := []struct {
		name   string
		change func(v map[string]any)
		with   []File
		want   []string // substrings of the rendered diagnostics, in order; none: no finding
	}{
		{"three lessons, nothing with it", func(v map[string]any) {}, nil, nil},
		{"one lesson", func(v map[string]any) { v["lessons"] = lessons(1) }, nil,
			[]string{"warning: lessons: 1 lesson; the guide asks for three to five"}},
		{"two lessons", func(v map[string]any) { v["lessons"] = lessons(2) }, nil,
			[]string{"warning: lessons: 2 lessons; the guide asks for three to five"}},
		{"no lesson: the validator's error only", func(v map[string]any) { v["lessons"] = []any{} }, nil,
			[]string{"error: lessons:"}},
		{"a new contact, without its file", func(v map[string]any) { v["contacts"] = []any{"casey-river", "robin-new"} }, nil,
			[]string{`warning: contacts[1]: "robin-new" is not among the published contacts`}},
		{"a new contact, with its file", func(v map[string]any) { v["contacts"] = []any{"casey-river", "robin-new"} },
			[]File{readWith(t, "contacts", "robin-new.yaml", "robin-new.yaml")}, nil},
		{"a new contact's file with an error", func(v map[string]any) { v["contacts"] = []any{"email-invalid"} },
			[]File{readWith(t, "contacts", "email_invalid.yaml", "email-invalid.yaml")},
			[]string{`data/contacts/email-invalid.yaml:7:8: error: email: "robin.new" is not an email address`}},
		{"a new practice, without its file", func(v map[string]any) { v["practices"] = []any{"new-practice"} }, nil,
			[]string{`error: practices[0]: no practice with id "new-practice"`}},
		{"a new practice, with its file", func(v map[string]any) { v["practices"] = []any{"new-practice"} },
			[]File{readWith(t, "practices", "new-practice.yaml", "new-practice.yaml")}, nil},
		{"a file that is no entry", func(v map[string]any) {}, []File{{Path: "data/taxonomy.yaml", Text: "x: 1\n"}},
			[]string{"data/taxonomy.yaml: error: data/taxonomy.yaml is not a guide entry"}},
		{"a file outside data", func(v map[string]any) {}, []File{{Path: "../contacts/x.yaml", Text: "x: 1\n"}},
			[]string{"is not a guide entry"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, _ := os.ReadFile(filepath.Join(corpusDir, "projects", "beta-forecasting.yaml"))
			v, _, _ := FromYAML(kind, src)
			v["contacts"] = []any{"casey-river"}
			v["lessons"] = lessons(3)
			v = viaJSON(t, v)
			tt.change(v)
			res, err := form.Build(kind, v, tt.with)
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			for _, d := range res.Diagnostics {
				got.WriteString(d.String() + "\n")
			}
			if len(tt.want) == 0 && got.Len() > 0 {
				t.Errorf("want no diagnostics, got\n%s", got.String())
			}
			rest := got.String()
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("want %q (in this order) in\n%s", w, got.String())
					break
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// TestBuildFrench: the form's own findings are worded in French from the catalogue.
func TestBuildFrench(t *testing.T) {
	form := newForm(t)
	kind, _ := Kind("projects")
	src, _ := os.ReadFile(filepath.Join(corpusDir, "projects", "beta-forecasting.yaml"))
	v, _, _ := FromYAML(kind, src)
	v["contacts"] = []any{"casey-river"}
	res, err := form.Build(kind, viaJSON(t, v), []File{{Path: "data/x.yaml", Text: ""}})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, d := range Worded(res.Diagnostics, "fr") {
		got.WriteString(d.Message + "\n")
	}
	for _, want := range []string{"1 leçon\u00a0; le guide en demande de trois à cinq", "data/x.yaml n’est pas une fiche du guide"} {
		if !strings.Contains(got.String(), want) {
			t.Errorf("want %q in\n%s", want, got.String())
		}
	}
}

// TestDescribe: a file that goes with a submission is named as the form lists it.
func TestDescribe(t *testing.T) {
	tests := []struct {
		kind, name, lang, id, label string
		err                         bool
	}{
		{"contacts", "robin-new.yaml", "fr", "robin-new", "Robin New — Ville de Lakeview", false},
		{"contacts", "robin-new.yaml", "en", "robin-new", "Robin New — Town of Lakeview", false},
		{"practices", "new-practice.yaml", "fr", "new-practice", "Prêter par les bibliothèques", false},
		{"practices", "new-practice.yaml", "en", "new-practice", "Lend through libraries", false},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.lang, func(t *testing.T) {
			kind, _ := Kind(tt.kind)
			f := readWith(t, tt.kind, tt.name, tt.name)
			id, label, err := Describe(kind, tt.name, f.Text, tt.lang)
			if err != nil || id != tt.id || label != tt.label {
				t.Errorf("Describe = %q, %q, %v; want %q, %q", id, label, err, tt.id, tt.label)
			}
		})
	}
	kind, _ := Kind("contacts")
	if _, _, err := Describe(kind, "x.yaml", "- a list\n", "en"); err == nil {
		t.Error("a file that holds no mapping should be refused")
	}
}
