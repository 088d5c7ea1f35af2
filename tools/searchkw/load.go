package searchkw

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
	"github.com/pssdc/guide-iad/tools/model"
)

// File is the keywords' file in the derived data (hugo.Data.keywords).
const File = "keywords.json"

// kinds are the kinds of entry whose pages carry keywords (their folders in data/).
var kinds = []string{"projects", "practices", "resources"}

// Keywords are what keywords.json holds: language → kind → entry id → its line (Line;
// "" for an entry without keywords, so that a missing id means stale data).
type Keywords map[string]map[string]map[string]string

// entry holds the fields of a data file the keywords are made from.
type entry struct {
	TranslationPending string       `yaml:"translation_pending"`
	Title              model.Text   `yaml:"title"`
	Summary            model.Text   `yaml:"summary"`
	Body               model.Text   `yaml:"body"`
	Organization       model.Text   `yaml:"organization"`
	Partners           []model.Text `yaml:"partners"`
	Publisher          model.Text   `yaml:"publisher"`
	Jurisdiction       string       `yaml:"jurisdiction"`
	Level              string       `yaml:"level"`
	Stage              string       `yaml:"stage"`
	Kind               string       `yaml:"kind"`
	Themes             []string     `yaml:"themes"`
	Techniques         []string     `yaml:"techniques"`
	DataSources        []string     `yaml:"data_sources"`
}

// Compute reads the taxonomy and the case studies, practices and resources of dataDir
// with the project's one reader (package corpus and its limits) and returns their
// keywords. A file the reader rejects stops it, as it stops the JSON copy.
func Compute(dataDir string) (Keywords, error) {
	return ComputeSet(dataDir, nil)
}

// ComputeSet is Compute from the data folder read already (set, as guide hugo-data reads
// it once for every file it writes), or read here when set is nil.
func ComputeSet(dataDir string, set *check.DataSet) (Keywords, error) {
	tax, err := corpus.LoadTaxonomy(dataDir)
	if err != nil {
		return nil, err
	}
	if set == nil {
		if set, err = check.ReadDataSet(dataDir); err != nil {
			return nil, diag.Wrap(err, "hugodata_listing", diag.A{"dir": dataDir, "error": diag.Cause(err)})
		}
	}
	var files []*corpus.File
	var sources []corpus.Source
	for i, s := range set.Sources {
		if s.Problem.Code == "" && isKind(s.Kind.Dir) {
			files = append(files, set.Files[i])
			sources = append(sources, s)
		}
	}
	terms := map[string]Terms{}
	out := Keywords{}
	for _, lang := range model.Languages {
		terms[lang] = NewTerms(tax, lang)
		out[lang] = map[string]map[string]string{}
		for _, k := range kinds {
			out[lang][k] = map[string]string{}
		}
	}
	lines := make([][]string, len(files))
	errs := make([]error, len(files))
	check.Parallel(len(files), func(i int) {
		f := files[i]
		if errs[i] = f.Err(); errs[i] != nil {
			return
		}
		var e entry
		if err := f.Root.Decode(&e); err != nil {
			errs[i] = diag.Wrap(err, "hugodata_file", diag.A{"file": f.Path, "error": diag.Cause(err)})
			return
		}
		for _, lang := range model.Languages {
			lines[i] = append(lines[i], Line(lang, terms[lang], e.in(sources[i].Kind.Dir, lang)))
		}
	})
	for i, s := range sources {
		if errs[i] != nil {
			return nil, errs[i]
		}
		id := strings.TrimSuffix(filepath.Base(s.Path), ".yaml")
		for j, lang := range model.Languages {
			out[lang][s.Kind.Dir][id] = lines[i][j]
		}
	}
	return out, nil
}

// Write writes the keywords of dataDir (ComputeSet: from set when it was read already)
// as JSON into the file path.
func Write(dataDir string, set *check.DataSet, path string) error {
	k, err := ComputeSet(dataDir, set)
	if err != nil {
		return err
	}
	b, err := json.Marshal(k)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, b)
}

func isKind(dir string) bool { return slices.Contains(kinds, dir) }

// in returns what the page of e in lang makes its keywords from, as its template
// (layouts/KIND/page.html) gives it: the text of the language shown (the other one when
// the translation is pending in lang), the codes and the names of its kind.
func (e *entry) in(kind, lang string) Entry {
	use := lang
	if e.TranslationPending == lang {
		use = other(lang)
	}
	title := e.Title.Get(use)
	text := title + " " + e.Summary.Get(use)
	switch kind {
	case "projects":
		names := []string{e.Organization.Get(use)}
		for _, p := range e.Partners {
			names = append(names, p.Get(use))
		}
		return Entry{Text: text, Names: names, Codes: map[string][]string{
			"jurisdictions": {e.Jurisdiction}, "levels": {e.Level}, "stages": {e.Stage},
			"themes": e.Themes, "techniques": e.Techniques, "data_sources": e.DataSources,
		}}
	case "resources":
		names := []string{e.Publisher.Get(use)}
		if len(strings.Split(title, " ")) <= 4 { // a short title: its acronym too
			names = append(names, title)
		}
		return Entry{Text: text, Names: names, Codes: map[string][]string{
			"resource_kinds": {e.Kind}, "themes": e.Themes, "techniques": e.Techniques,
		}}
	default: // practices: the body is read for the acronyms it defines
		return Entry{Text: text + " " + e.Body.Get(use), Codes: map[string][]string{"techniques": e.Techniques}}
	}
}

func other(lang string) string {
	if lang == "fr" {
		return "en"
	}
	return "fr"
}
