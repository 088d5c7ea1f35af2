package newentry

import (
	"bytes"
	"errors"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/check"
	datafiles "github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

const corpus = "../check/testdata/valid"

// today is fixed so that dates filled in are never "in the future" or stale.
var today = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// goldenCases are the files compared with testdata/NAME.golden: every kind with an id
// only, and a project with values from flags and French pending.
func goldenCases() map[string]struct {
	kind   model.Kind
	values Values
} {
	cases := map[string]struct {
		kind   model.Kind
		values Values
	}{}
	for _, k := range EntryKinds() {
		cases[k.Name] = struct {
			kind   model.Kind
			values Values
		}{k, Values{"id": "new-" + k.Name}}
	}
	project, _ := KindNamed("project")
	cases["project-values"] = struct {
		kind   model.Kind
		values Values
	}{project, Values{
		"id": "laptop-lending", "translation_pending": "fr", "example": "true",
		"title.en": "Lending laptops: yes, through libraries", "jurisdiction": "CA-NS",
		"themes": "digital-inclusion, client-experience", "started": "2024-04-01",
		"challenge.en": "Line one.\n\nLine two.\n", "contacts": "casey-river",
		"lessons[0].en": "Start small.", "lessons[1].en": "Name an owner.\n\nEarly.",
	}}
	return cases
}

// TestGolden compares each generated file with its golden file, and checks that it is
// in canonical form (guide fmt would leave it alone).
func TestGolden(t *testing.T) {
	for name, c := range goldenCases() {
		t.Run(name, func(t *testing.T) {
			got, err := Generate(c.kind, c.values)
			if err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, "./tools/newentry", filepath.Join("testdata", name+".golden"), got)
			again, err := format.Format(c.kind, got)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, got) {
				t.Errorf("not in canonical form; guide fmt gives\n%s", again)
			}
		})
	}
}

// TestKeysInModelOrder: the keys, written or commented out, follow the model's order.
func TestKeysInModelOrder(t *testing.T) {
	for _, k := range EntryKinds() {
		src, err := Generate(k, Values{"id": "x"})
		if err != nil {
			t.Fatal(err)
		}
		key := regexp.MustCompile(`(?m)^(?:# )?([a-z_]+):`)
		var got []string
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			got = append(got, m[1])
		}
		want := model.MustSpec(k.New()).Keys()
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: keys\n%v\nwant\n%v", k, got, want)
		}
	}
}

func errorsOf(l diag.List) diag.List {
	var out diag.List
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// TestPlaceholdersFail: a new file draws an error for every required key until it is
// filled in; nothing left empty passes.
func TestPlaceholdersFail(t *testing.T) {
	data := testutil.CopyTree(t, corpus)
	for _, k := range EntryKinds() {
		id := "new-" + k.Name
		src, err := Generate(k, Values{"id": id})
		if err != nil {
			t.Fatal(err)
		}
		path, err := Create(data, k, id, src)
		if err != nil {
			t.Fatal(err)
		}
		res, err := check.Run(check.Options{DataDir: data, Paths: []string{path}, Now: today})
		if err != nil {
			t.Fatal(err)
		}
		errs := errorsOf(res.Diagnostics)
		for _, f := range model.MustSpec(k.New()).Fields {
			if !f.Required || f.ID {
				continue
			}
			found := false
			for _, d := range errs {
				if d.Key == f.Key || strings.HasPrefix(d.Key, f.Key+".") || strings.HasPrefix(d.Key, f.Key+"[") {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: the placeholder of %s passes validation", k, f.Key)
			}
		}
	}
}

// TestFilledPasses fills the placeholders programmatically, by the spec: the file is
// then valid, with its optional keys still commented out and with all of them in use.
func TestFilledPasses(t *testing.T) {
	for _, uncomment := range []bool{false, true} {
		data := testutil.CopyTree(t, corpus)
		for _, k := range EntryKinds() {
			id := "new-" + k.Name
			src, err := Generate(k, Values{"id": id})
			if err != nil {
				t.Fatal(err)
			}
			if uncomment {
				src = uncommentKeys(src)
			}
			filled := fill(t, data, k, src)
			path, err := Create(data, k, id, filled)
			if err != nil {
				t.Fatal(err)
			}
			res, err := check.Run(check.Options{DataDir: data, Paths: []string{path}, Now: today})
			if err != nil {
				t.Fatal(err)
			}
			if errs := errorsOf(res.Diagnostics); len(errs) > 0 {
				t.Errorf("%s (optional keys in use: %v): filled file has errors:\n%s\n%s", k, uncomment, errs, filled)
			}
		}
	}
}

// uncommentKeys turns the commented-out optional keys (after the three header lines)
// into keys.
func uncommentKeys(src []byte) []byte {
	lines := strings.Split(string(src), "\n")
	for i := 4; i < len(lines); i++ { // after the header: the schema line and three of help
		lines[i] = strings.TrimPrefix(lines[i], "# ")
	}
	return []byte(strings.Join(lines, "\n"))
}

// fill replaces every placeholder with a value that fits its field's rules.
func fill(t *testing.T, data string, k model.Kind, src []byte) []byte {
	t.Helper()
	tax, err := datafiles.LoadTaxonomy(data)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	var walk func(n *yaml.Node, f *model.Field, s *model.Spec)
	walk = func(n *yaml.Node, f *model.Field, s *model.Spec) {
		switch s.Shape {
		case model.ShapeStruct:
			for i := 0; i+1 < len(n.Content); i += 2 {
				sub, ok := s.Lookup(n.Content[i].Value)
				if !ok {
					t.Fatalf("unknown key %s", n.Content[i].Value)
				}
				walk(n.Content[i+1], sub, sub.Spec)
			}
		case model.ShapeText, model.ShapeMarkdown:
			for i := 1; i < len(n.Content); i += 2 {
				if n.Content[i].Value == "" {
					n.Content[i].Value = "Sample text in " + n.Content[i-1].Value + "."
				}
			}
		case model.ShapeList:
			if len(n.Content) == 0 && s.Elem.Shape == model.ShapeString {
				n.Content = []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str"}}
			}
			for _, item := range n.Content {
				walk(item, f, s.Elem)
			}
		case model.ShapeString, model.ShapeDate:
			if n.Value != "" {
				return
			}
			n.Style = 0
			switch {
			case s.Shape == model.ShapeDate:
				n.Value, n.Tag = "2026-01-01", "!!timestamp"
			case len(f.Vocab) > 0:
				n.Value = tax.Codes(f.Vocab[0])[0]
			case f.Ref != "":
				files, _ := filepath.Glob(filepath.Join(data, f.Ref, "*.yaml"))
				n.Value = strings.TrimSuffix(filepath.Base(files[0]), ".yaml")
			case f.SameKind:
				files, _ := filepath.Glob(filepath.Join(data, k.Dir, "*.yaml"))
				n.Value = strings.TrimSuffix(filepath.Base(files[0]), ".yaml")
			case f.OldID:
				n.Value = "former-" + k.Name
			case f.Email:
				n.Value = "someone@example.org"
			case f.Phone:
				n.Value = "+1 613 555 0100"
			case f.URL:
				n.Value = "https://example.org/page"
			case f.Lang:
				n.Value = "fr" // draws a warning only: every text has its French version
			default:
				n.Value = "Sample"
			}
		}
	}
	walk(doc.Content[0], nil, model.MustSpec(k.New()))
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCreateRefusesOverwrite: an existing file is never replaced, and no temporary
// file is left behind.
func TestCreateRefusesOverwrite(t *testing.T) {
	data := testutil.CopyTree(t, corpus)
	project, _ := KindNamed("project")
	path := filepath.Join(data, "projects", "alpha-outreach.yaml")
	before, _ := os.ReadFile(path)
	_, err := Create(data, project, "alpha-outreach", []byte("id: alpha-outreach\n"))
	if !errors.Is(err, ErrExists) {
		t.Fatalf("err = %v, want ErrExists", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("existing file changed")
	}
	if _, err := Create(data, project, "fresh", []byte("id: fresh\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(data, project, "fresh", []byte("id: other\n")); !errors.Is(err, ErrExists) {
		t.Fatalf("second create: err = %v, want ErrExists", err)
	}
	entries, _ := os.ReadDir(filepath.Join(data, "projects"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if _, err := Create(data, project, "../escape", nil); err == nil {
		t.Error("an id with a path separator was accepted")
	}
}

// TestCheckGivenValues: the validator's messages about given values come back by
// input, with its suggestions; placeholders are counted apart.
func TestCheckGivenValues(t *testing.T) {
	project, _ := KindNamed("project")
	contact, _ := KindNamed("contact")
	for _, tc := range []struct {
		kind   model.Kind
		values Values
		key    string
		want   string // in the message; "" for no problem
	}{
		{project, Values{"id": "x", "jurisdiction": "ON"}, "jurisdiction", `did you mean "CA-ON"?`},
		{project, Values{"id": "x", "themes": "digital-inclusion, channel-shfit"}, "themes", `did you mean "channel-shift"?`},
		{project, Values{"id": "x", "started": "2024-13-01"}, "started", "not a day of the calendar"},
		{project, Values{"id": "x", "contacts": "casey-rivers"}, "contacts", `did you mean "casey-river"?`},
		{project, Values{"id": "x", "title.en": "**Bold** title"}, "title.en", "Markdown"},
		{project, Values{"id": "Bad_Id"}, "id", "not a valid id"},
		{project, Values{"id": "x", "translation_pending": "de"}, "translation_pending", "not a language"},
		{contact, Values{"id": "x", "email": "not-an-email"}, "email", "not an email address"},
		{contact, Values{"id": "x", "expertise": "forecasting"}, "expertise", ""},
		{project, Values{"id": "x", "jurisdiction": "CA-ON", "level": "provincial"}, "level", ""},
	} {
		src, err := Generate(tc.kind, tc.values)
		if err != nil {
			t.Fatal(err)
		}
		var given []Input
		for _, in := range Inputs(tc.kind) {
			if tc.values[in.Key] != "" {
				given = append(given, in)
			}
		}
		c, err := Check(corpus, tc.kind, tc.values["id"], src, given)
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, p := range c.Problems {
			if p.Input.Key == tc.key {
				msgs = append(msgs, p.Message)
			}
		}
		switch {
		case tc.want == "" && len(msgs) > 0:
			t.Errorf("%v: unexpected problems %q", tc.values, msgs)
		case tc.want != "" && (len(msgs) == 0 || !strings.Contains(msgs[0], tc.want)):
			t.Errorf("%v: problems %q, want one containing %q", tc.values, msgs, tc.want)
		}
		if c.Left == 0 {
			t.Errorf("%v: no placeholder counted", tc.values)
		}
	}
}

// TestSuggestID: the id comes from the title (English, else French) or the name, by
// model.Slug (tested there).
func TestSuggestID(t *testing.T) {
	project, _ := KindNamed("projects")
	contact, _ := KindNamed("contact")
	for _, tc := range []struct {
		kind   model.Kind
		values Values
		want   string
	}{
		{project, Values{"title.en": "Open Data Inventory", "title.fr": "Autre"}, "open-data-inventory"},
		{project, Values{"title.fr": "Équipe de données"}, "equipe-de-donnees"},
		{project, Values{"title.en": "!!!", "title.fr": "Prêt d'ordinateurs"}, "pret-d-ordinateurs"},
		{project, Values{"summary.en": "no title"}, ""},
		{contact, Values{"name": "Amélie Tremblay"}, "amelie-tremblay"},
	} {
		if got := SuggestID(tc.kind, tc.values); got != tc.want {
			t.Errorf("SuggestID(%s, %v) = %q, want %q", tc.kind, tc.values, got, tc.want)
		}
	}
}
