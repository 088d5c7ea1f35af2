// Package model is the single source of the rules for the guide's data: the Go types
// below describe every kind of entry, and their `guide` struct tags carry the rules that
// the validator, the JSON Schemas and the browser form derive from.
//
// Tag options (comma-separated):
//
//	required     the key must be present (lists: with at least one item)
//	plain        bilingual text that holds no Markdown and no HTML
//	max=N        at most N characters (per language for bilingual text)
//	vocab=NAME   a code from that vocabulary of taxonomy.yaml (NAME|NAME for several)
//	ref=KIND     the id of an entry of that kind (contacts, practices, …)
//	id           the entry's own id: kebab-case, equal to the file name
//	url          an absolute https URL
//	email        an email address
//	phone        a telephone number
//	lang         a language code of the site (en or fr)
//	samekind     the id of another entry of the same kind (replaced_by)
//	oldid        an id the entry had before a rename, used by no entry now (former_ids)
package model

import (
	"fmt"
	"path/filepath"
	"time"
)

// Languages of the site, in display order.
var Languages = []string{"en", "fr"}

// Text is a bilingual plain-text value.
type Text struct {
	En string `yaml:"en,omitempty" json:"en,omitempty"`
	Fr string `yaml:"fr,omitempty" json:"fr,omitempty"`
}

// Get returns the value in language lang.
func (t Text) Get(lang string) string {
	if lang == "fr" {
		return t.Fr
	}
	return t.En
}

// Markdown is a bilingual Markdown value, rendered by the site's goldmark setup.
type Markdown Text

// Date is a calendar day written YYYY-MM-DD.
type Date string

// DateLayout is how dates are written in data files.
const DateLayout = "2006-01-02"

// Time parses d; the zero time when d is empty or malformed (the validator reports that).
func (d Date) Time() time.Time {
	t, _ := time.Parse(DateLayout, string(d))
	return t
}

// Common fields of every entry.
type Common struct {
	ID                 string `yaml:"id" json:"id" guide:"required,id"`
	Example            bool   `yaml:"example,omitempty" json:"example,omitempty"`
	TranslationPending string `yaml:"translation_pending,omitempty" json:"translation_pending,omitempty" guide:"lang"`
}

// Headline is the title and summary every entry but a contact opens with.
type Headline struct {
	Title   Text `yaml:"title" guide:"required,plain,max=120"`
	Summary Text `yaml:"summary" guide:"required,plain,max=300"`
}

// Lifecycle holds the keys any entry may carry about its life (docs/data-model.md,
// "Archiving"): archived retires the entry (its page stays, with a notice; it leaves
// the lists and the print edition), replaced_by names the entry of the same kind that
// takes its place, former_ids the ids it had before a rename (their addresses redirect).
// The checks between entries (the replacement exists and is not archived, no former id
// reused) are in tools/check/archive.go.
type Lifecycle struct {
	Archived   Archive  `yaml:"archived,omitempty"`
	ReplacedBy string   `yaml:"replaced_by,omitempty" guide:"samekind"`
	FormerIDs  []string `yaml:"former_ids,omitempty" guide:"oldid"`
}

// Archive says when and why an entry was retired.
type Archive struct {
	Date   Date `yaml:"date" guide:"required"`
	Reason Text `yaml:"reason" guide:"required,plain,max=300"`
}

// StaleAfterMonths is the age past which an entry's review date draws a warning from
// the validator and a notice on the entry's page ("may be out of date").
const StaleAfterMonths = 18

// Project is a case study: one data-driven intelligence project of one organisation.
type Project struct {
	Common       `yaml:",inline"`
	Headline     `yaml:",inline"`
	Jurisdiction string     `yaml:"jurisdiction" guide:"required,vocab=jurisdictions"`
	Level        string     `yaml:"level" guide:"required,vocab=levels"`
	Organization Text       `yaml:"organization" guide:"required,plain,max=200"`
	Partners     []Text     `yaml:"partners,omitempty" guide:"plain,max=200"`
	Stage        string     `yaml:"stage" guide:"required,vocab=stages"`
	Started      Date       `yaml:"started" guide:"required"`
	Ended        Date       `yaml:"ended,omitempty"`
	Themes       []string   `yaml:"themes" guide:"required,vocab=themes"`
	Techniques   []string   `yaml:"techniques" guide:"required,vocab=techniques"`
	DataSources  []string   `yaml:"data_sources" guide:"required,vocab=data_sources"`
	Challenge    Markdown   `yaml:"challenge" guide:"required,max=20000"`
	Approach     Markdown   `yaml:"approach" guide:"required,max=20000"`
	Results      Markdown   `yaml:"results" guide:"required,max=20000"`
	Lessons      []Markdown `yaml:"lessons" guide:"required,max=2000"`
	Metrics      []Metric   `yaml:"metrics,omitempty"`
	Links        []Link     `yaml:"links,omitempty"`
	Contacts     []string   `yaml:"contacts,omitempty" guide:"ref=contacts"`
	Practices    []string   `yaml:"practices,omitempty" guide:"ref=practices"`
	Resources    []string   `yaml:"resources,omitempty" guide:"ref=resources"`
	Reviewed     Date       `yaml:"reviewed" guide:"required"`
	Lifecycle    `yaml:",inline"`
}

// Metric is one measured result of a project.
type Metric struct {
	Label Text `yaml:"label" guide:"required,plain,max=120"`
	Value Text `yaml:"value" guide:"required,plain,max=60"`
}

// Link points to a public page about a project.
type Link struct {
	Title Text   `yaml:"title" guide:"required,plain,max=200"`
	URL   string `yaml:"url" guide:"required,url"`
}

// Contact is a resource person. Without Consent the contact is never published.
type Contact struct {
	Common       `yaml:",inline"`
	Name         string   `yaml:"name" guide:"required,max=120"`
	Role         Text     `yaml:"role" guide:"required,plain,max=200"`
	Organization Text     `yaml:"organization" guide:"required,plain,max=200"`
	Jurisdiction string   `yaml:"jurisdiction" guide:"required,vocab=jurisdictions"`
	Email        string   `yaml:"email" guide:"required,email"`
	Phone        string   `yaml:"phone,omitempty" guide:"phone"`
	Languages    []string `yaml:"languages" guide:"required,vocab=languages"`
	Expertise    []string `yaml:"expertise" guide:"required,vocab=themes|techniques"`
	Consent      Date     `yaml:"consent,omitempty"`
	Lifecycle    `yaml:",inline"`
}

// Practice is a process or best practice, in the manner of a playbook's plays.
type Practice struct {
	Common       `yaml:",inline"`
	Headline     `yaml:",inline"`
	Body         Markdown `yaml:"body" guide:"required,max=20000"`
	Checklist    []Text   `yaml:"checklist" guide:"required,plain,max=300"`
	KeyQuestions []Text   `yaml:"key_questions" guide:"required,plain,max=300"`
	Projects     []string `yaml:"projects,omitempty" guide:"ref=projects"`
	Techniques   []string `yaml:"techniques,omitempty" guide:"vocab=techniques"`
	Reviewed     Date     `yaml:"reviewed" guide:"required"`
	Lifecycle    `yaml:",inline"`
}

// Resource is a tool, dataset, guide, training or standard practitioners can reuse.
type Resource struct {
	Common      `yaml:",inline"`
	Headline    `yaml:",inline"`
	Kind        string   `yaml:"kind" guide:"required,vocab=resource_kinds"`
	Publisher   Text     `yaml:"publisher" guide:"required,plain,max=200"`
	URL         string   `yaml:"url,omitempty" guide:"url"`
	Description Markdown `yaml:"description" guide:"required,max=20000"`
	Themes      []string `yaml:"themes,omitempty" guide:"vocab=themes"`
	Techniques  []string `yaml:"techniques,omitempty" guide:"vocab=techniques"`
	Reviewed    Date     `yaml:"reviewed" guide:"required"`
	Lifecycle   `yaml:",inline"`
}

// Term is one code of a vocabulary with its labels and, for the search, the other words
// readers use for it (docs/site.md, Search).
type Term struct {
	Code     string   `yaml:"code" guide:"required,max=40"`
	En       string   `yaml:"en" guide:"required,max=120"`
	Fr       string   `yaml:"fr" guide:"required,max=120"`
	Synonyms Synonyms `yaml:"synonyms,omitempty"`
}

// Synonyms are the other words and acronyms for a taxonomy term, per language: the
// search finds the term's entries by them (docs/site.md, Search); no page shows them.
type Synonyms struct {
	En []string `yaml:"en,omitempty" guide:"max=60"`
	Fr []string `yaml:"fr,omitempty" guide:"max=60"`
}

// MaxSynonyms is how many synonyms a term may have per language.
const MaxSynonyms = 12

// Taxonomy holds the controlled vocabularies (data/taxonomy.yaml).
type Taxonomy struct {
	Jurisdictions []Term `yaml:"jurisdictions" guide:"required"`
	Levels        []Term `yaml:"levels" guide:"required"`
	Stages        []Term `yaml:"stages" guide:"required"`
	Themes        []Term `yaml:"themes" guide:"required"`
	Techniques    []Term `yaml:"techniques" guide:"required"`
	DataSources   []Term `yaml:"data_sources" guide:"required"`
	ResourceKinds []Term `yaml:"resource_kinds" guide:"required"`
	Languages     []Term `yaml:"languages" guide:"required"`
}

// Vocabulary returns the terms of the named vocabulary (its key in taxonomy.yaml).
func (t *Taxonomy) Vocabulary(name string) ([]Term, bool) {
	switch name {
	case "jurisdictions":
		return t.Jurisdictions, true
	case "levels":
		return t.Levels, true
	case "stages":
		return t.Stages, true
	case "themes":
		return t.Themes, true
	case "techniques":
		return t.Techniques, true
	case "data_sources":
		return t.DataSources, true
	case "resource_kinds":
		return t.ResourceKinds, true
	case "languages":
		return t.Languages, true
	}
	return nil, false
}

// Edition is one print edition of the guide.
type Edition struct {
	ID    string `yaml:"id" guide:"required,max=40"`
	Date  Date   `yaml:"date" guide:"required"`
	Title Text   `yaml:"title" guide:"required,plain,max=120"`
}

// Editions is data/editions.yaml.
type Editions struct {
	Editions []Edition `yaml:"editions" guide:"required"`
}

// Kind describes one kind of data file: where it lives and which type holds it.
type Kind struct {
	Name string // singular, as in messages and schema file names
	Dir  string // folder under data/; empty for single files
	File string // file name under data/ for single files
	New  func() any
}

// Kinds lists every kind of data file. Entry kinds (with Dir) come first.
var Kinds = []Kind{
	{Name: "project", Dir: "projects", New: func() any { return new(Project) }},
	{Name: "contact", Dir: "contacts", New: func() any { return new(Contact) }},
	{Name: "practice", Dir: "practices", New: func() any { return new(Practice) }},
	{Name: "resource", Dir: "resources", New: func() any { return new(Resource) }},
	{Name: "taxonomy", File: "taxonomy.yaml", New: func() any { return new(Taxonomy) }},
	{Name: "editions", File: "editions.yaml", New: func() any { return new(Editions) }},
}

// KindByDir returns the entry kind stored in folder dir.
func KindByDir(dir string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Dir != "" && k.Dir == dir {
			return k, true
		}
	}
	return Kind{}, false
}

// KindByFile returns the single-file kind named file.
func KindByFile(file string) (Kind, bool) {
	for _, k := range Kinds {
		if k.File != "" && k.File == file {
			return k, true
		}
	}
	return Kind{}, false
}

// String names the kind.
func (k Kind) String() string { return k.Name }

// Validate the model itself at start-up: a typo in a tag must not silently drop a rule.
func init() {
	for _, k := range Kinds {
		if _, err := SpecOf(k.New()); err != nil {
			panic(fmt.Sprintf("model: %s: %v", k.Name, err))
		}
	}
}

// Codes returns the codes of the named vocabulary in order.
func (t *Taxonomy) Codes(name string) []string {
	terms, _ := t.Vocabulary(name)
	codes := make([]string, len(terms))
	for i, term := range terms {
		codes[i] = term.Code
	}
	return codes
}

// KindOfPath finds the kind of a data file from its place: a file in a folder named
// after an entry kind (projects/ID.yaml), or a single file by name (taxonomy.yaml).
func KindOfPath(path string) (Kind, bool) {
	if k, ok := KindByDir(filepath.Base(filepath.Dir(path))); ok {
		return k, true
	}
	return KindByFile(filepath.Base(path))
}
