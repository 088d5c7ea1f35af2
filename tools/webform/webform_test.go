package webform

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

const corpusDir = "../check/testdata/valid"

var today = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// siteCorpus builds, from a data folder, the JSON the site publishes for the form
// (layouts/submit-form/corpus.json): consented contacts by id, nothing of the others.
func siteCorpus(t *testing.T, dir string) []byte {
	t.Helper()
	var sc SiteCorpus
	b, err := os.ReadFile(filepath.Join(dir, "taxonomy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &sc.Taxonomy); err != nil {
		t.Fatal(err)
	}
	sc.IDs = map[string][]string{}
	for _, k := range model.Kinds {
		files, _ := filepath.Glob(filepath.Join(dir, k.Dir, "*.yaml"))
		for _, f := range files {
			var e struct {
				ID       string   `yaml:"id"`
				Consent  string   `yaml:"consent"`
				Contacts []string `yaml:"contacts"`
			}
			b, _ := os.ReadFile(f)
			if err := yaml.Unmarshal(b, &e); err != nil {
				t.Fatal(err)
			}
			if k.Dir == "contacts" && e.Consent == "" {
				continue
			}
			sc.IDs[k.Dir] = append(sc.IDs[k.Dir], e.ID)
			sc.ListedContacts = append(sc.ListedContacts, e.Contacts...)
		}
	}
	cfg, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Languages map[string]struct {
			Params struct {
				Paths map[string]string `toml:"paths"`
			} `toml:"params"`
		} `toml:"languages"`
	}
	if err := toml.Unmarshal(cfg, &c); err != nil {
		t.Fatal(err)
	}
	sc.Paths = map[string]map[string]string{}
	for lang, l := range c.Languages {
		sc.Paths[lang] = l.Params.Paths
	}
	out, err := json.Marshal(sc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func newForm(t *testing.T) *Form {
	t.Helper()
	f, err := New(siteCorpus(t, corpusDir))
	if err != nil {
		t.Fatal(err)
	}
	f.now = func() time.Time { return today }
	return f
}

// TestRoundTrip: every valid project of the corpus, read into the form's values and
// written back, is a valid file in canonical form (guide fmt leaves it alone) that
// reads back as the same values; its text is the golden file's.
func TestRoundTrip(t *testing.T) {
	form := newForm(t)
	files, _ := filepath.Glob(filepath.Join(corpusDir, "projects", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no projects")
	}
	kind, _ := Kind("projects")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			values, dropped, err := FromYAML(kind, src)
			if err != nil || len(dropped) > 0 {
				t.Fatalf("FromYAML: %v, dropped %v", err, dropped)
			}
			// Through JSON, as from the browser.
			values = viaJSON(t, values)
			out, err := ToYAML(kind, values)
			if err != nil {
				t.Fatal(err)
			}
			if again, err := format.Format(kind, out); err != nil || !bytes.Equal(again, out) {
				t.Errorf("not canonical (err %v):\n%s\n--- guide fmt:\n%s", err, out, again)
			}
			path := Path(kind, values["id"].(string))
			if d := form.Validate(path, out); d.HasErrors() {
				t.Errorf("invalid:\n%s\n%v", out, d)
			}
			var a, b any
			if err := yaml.Unmarshal(src, &a); err != nil {
				t.Fatal(err)
			}
			if err := yaml.Unmarshal(out, &b); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("values differ:\n%s", out)
			}
			testutil.Golden(t, "./tools/webform", filepath.Join("testdata", strings.TrimSuffix(filepath.Base(file), ".yaml")+".golden.yaml"), out)
		})
	}
}

func viaJSON(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestToYAML: what the form sends becomes the file the validator judges, the message
// naming the field; text is written in the style YAML needs.
func TestToYAML(t *testing.T) {
	form := newForm(t)
	kind, _ := Kind("project")
	base := func() map[string]any {
		src, _ := os.ReadFile(filepath.Join(corpusDir, "projects", "beta-forecasting.yaml"))
		v, _, _ := FromYAML(kind, src)
		v["contacts"] = []any{"casey-river"} // not dana-lake, who has no consent
		return viaJSON(t, v)
	}
	tests := []struct {
		name   string
		change func(v map[string]any)
		yaml   string // a substring of the file
		diag   string // a substring of the rendered diagnostics; "" for none
	}{
		{"as is", func(v map[string]any) {}, "title: {en: Beta contact-centre forecasting, fr: Prévision du centre d'appels Bêta}", ""},
		{"published contact", func(v map[string]any) {}, "contacts: [casey-river]\n", ""},
		{"unpublished contact kept, left to the review", func(v map[string]any) { v["contacts"] = []any{"casey-river", "dana-lake"} },
			"contacts: [casey-river, dana-lake]", `:22:25: warning: contacts[1]: "dana-lake" is not among the published contacts; this form cannot check`},
		{"not an id", func(v map[string]any) { v["contacts"] = []any{"Dana Lake"} }, "contacts: [Dana Lake]", `error: contacts[0]: "Dana Lake" is not an id`},
		{"capital id", func(v map[string]any) { v["id"] = "Beta-Forecasting" }, "id: Beta-Forecasting", `id: "Beta-Forecasting" is not a valid id`},
		{"empty title", func(v map[string]any) { v["title"] = map[string]any{"en": " ", "fr": ""} }, `title: {en: "", fr: ""}`, "title.en: is empty"},
		{"pending", func(v map[string]any) {
			v["translation_pending"] = "fr"
			v["title"] = map[string]any{"en": "Beta", "fr": ""}
		}, "title: {en: Beta}", "warning: translation_pending: French translation pending for 1 field"},
		{"boolean word quoted", func(v map[string]any) { v["organization"] = map[string]any{"en": "yes", "fr": "Non"} }, `organization: {en: "yes", fr: Non}`, ""},
		{"markdown block", func(v map[string]any) {
			v["results"] = map[string]any{"en": "Waits fell.\r\n\r\n- by a third  \r\n", "fr": "Les attentes ont baissé."}
		}, "results:\n  en: |\n    Waits fell.\n\n    - by a third\n  fr: Les attentes ont baissé.\n", ""},
		// The form cannot tell a mistyped id from a person who is not published.
		{"unknown contact", func(v map[string]any) { v["contacts"] = []any{"pat-nobody"} }, "contacts: [pat-nobody]", `warning: contacts[0]: "pat-nobody" is not among the published contacts`},
		{"unknown practice", func(v map[string]any) { v["practices"] = []any{"pat-nobody"} }, "practices: [pat-nobody]", `error: practices[0]: no practice with id "pat-nobody"`},
		{"empty list item dropped", func(v map[string]any) {
			v["lessons"] = []any{map[string]any{"en": "", "fr": ""}, map[string]any{"en": "One", "fr": "Une"}}
		}, "lessons:\n  - {en: One, fr: Une}\n", ""},
		{"metrics", func(v map[string]any) {
			v["metrics"] = []any{map[string]any{"label": map[string]any{"en": "Calls", "fr": "Appels"}, "value": map[string]any{"en": "12,000", "fr": ""}}}
		}, "metrics:\n  - label: {en: Calls, fr: Appels}\n    value: {en: \"12,000\", fr: \"\"}\n", "metrics[0].value.fr: is empty"},
		{"bad date", func(v map[string]any) { v["started"] = "2022-02-30" }, `started: "2022-02-30"`, `started: "2022-02-30" is not a day of the calendar`},
		{"no date", func(v map[string]any) { delete(v, "reviewed") }, `reviewed: ""`, "reviewed"},
		{"bad email-like url", func(v map[string]any) {
			v["links"] = []any{map[string]any{"title": map[string]any{"en": "Site", "fr": "Site"}, "url": "http://example.org"}}
		}, "url: http://example.org", `uses http; use https://example.org`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := base()
			tt.change(v)
			out, err := ToYAML(kind, v)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tt.yaml) {
				t.Errorf("want %q in\n%s", tt.yaml, out)
			}
			id, _ := v["id"].(string)
			var got strings.Builder
			for _, d := range form.Validate(Path(kind, id), out) {
				got.WriteString(d.String() + "\n")
			}
			switch {
			case tt.diag == "" && got.Len() > 0:
				t.Errorf("want no diagnostics, got\n%s\n%s", got.String(), out)
			case !strings.Contains(got.String(), tt.diag):
				t.Errorf("want %q in\n%s\n%s", tt.diag, got.String(), out)
			}
		})
	}
}

// TestFromYAML: what the form cannot hold is named.
func TestFromYAML(t *testing.T) {
	kind, _ := Kind("projects")
	src := []byte("# a note\nid: x\ncolour: blue\ntitle: {en: T, de: U}\nthemes: digital\nlessons:\n  - {en: A}\n")
	v, dropped, err := FromYAML(kind, src)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"colour", "title.de", "themes"}; !reflect.DeepEqual(dropped, want) {
		t.Errorf("dropped %v, want %v", dropped, want)
	}
	if v["id"] != "x" || !reflect.DeepEqual(v["lessons"], []any{map[string]any{"en": "A"}}) {
		t.Errorf("values %v", v)
	}
	if n := Comments(src); n != 1 {
		t.Errorf("comments %d, want 1", n)
	}
	if _, _, err := FromYAML(kind, []byte("- a\n")); err == nil {
		t.Error("a list read as an entry")
	}
}

// TestFields: the keys the form must have, from the model.
func TestFields(t *testing.T) {
	kind, _ := Kind("projects")
	var keys []string
	for _, f := range Fields(kind) {
		keys = append(keys, f.Key)
		if f.Key == "summary" && (!f.Required || f.Max != 300) {
			t.Errorf("summary: %+v", f)
		}
	}
	got := strings.Join(keys, " ")
	for _, want := range []string{"id ", " title ", " metrics metrics.label metrics.value ", " links links.title links.url ", " reviewed"} {
		if !strings.Contains(" "+got, want) {
			t.Errorf("%q not in %s", want, got)
		}
	}
}

// FuzzToYAML: whatever a contributor types in a text box, the form writes a file that
// reads back as what was typed (ToYAML compares) and that guide fmt leaves alone.
func FuzzToYAML(f *testing.F) {
	for _, s := range []string{
		"plain", "", " ", "yes", "No", "~", "null", "12,000", "0755", "1e3", "2024-01-01", "-", "- item", "# not a comment",
		"a: b", "a #b", "'quoted'", `"double"`, `back\slash`, "tab\there", "[x]", "{x}", "&anchor", "*alias", "!tag", "%TAG",
		"@at", "`code`", "|", ">", "?", "…", "é", "😀", "\u00a0nbsp", "line\nline", "  indented\ncode", "\n\nlead", "trail  \n",
		"---", "...", "a\n---\nb", "x\r\ny", "\t\tleading tab", "ends with backslash \\", "\x00nul", "\u2028sep",
	} {
		f.Add(s, "Markdown:\n\n"+s)
	}
	kind, _ := Kind("projects")
	f.Fuzz(func(t *testing.T, plain, md string) {
		values := map[string]any{
			"id": "x", "title": map[string]any{"en": plain, "fr": plain}, "jurisdiction": plain,
			"challenge": map[string]any{"en": md, "fr": plain},
			"lessons":   []any{map[string]any{"en": md, "fr": md}},
			"links":     []any{map[string]any{"title": map[string]any{"en": plain}, "url": plain}},
		}
		out, err := ToYAML(kind, values)
		if err != nil {
			if !utf8.ValidString(plain) || !utf8.ValidString(md) {
				return // the browser's text is always valid UTF-8
			}
			t.Fatalf("ToYAML(%q, %q): %v", plain, md, err)
		}
		if again, err := format.Format(kind, out); err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not canonical (err %v):\n%s", err, out)
		}
	})
}
