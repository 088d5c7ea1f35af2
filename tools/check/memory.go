package check

import (
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
)

// Corpus is what one file is checked against when there is no data folder to read, as
// in the browser: the taxonomy's text, the ids of the entries of each kind and the
// site's section paths. CheckBytes then reports what Run would on the same file.
type Corpus struct {
	// Dir is the data folder the ids live in, as named in messages; default "data".
	Dir string
	// Taxonomy is the content of taxonomy.yaml.
	Taxonomy []byte
	// IDs are the ids of the existing entries by folder: "contacts" → ids.
	IDs map[string][]string
	// ListedContacts are the ids of the contacts that some existing project lists.
	ListedContacts []string
	// Examples are the ids among IDs of the sample entries (example: true), by folder:
	// a real entry that cites one draws a warning.
	Examples map[string][]string
	// SitePaths are the URL segments of each section in each language (lang → logical
	// name → segment, as config.toml's languages.LANG.params.paths); nil leaves links
	// between pages to the site build.
	SitePaths map[string]map[string]string
}

// CheckBytes checks src as the data file at path (such as data/projects/ID.yaml: its
// kind comes from its folder or name) against the corpus c, as Run checks a file given
// in Options.Paths: the same rules, the same messages. A file of the same kind and name
// among c.IDs is the one src replaces. Only the diagnostics about path are returned,
// sorted, plus one about the taxonomy when it has errors.
func CheckBytes(path string, src []byte, c Corpus, now time.Time) diag.List {
	if now.IsZero() {
		now = time.Now()
	}
	if c.Dir == "" {
		c.Dir = "data"
	}
	s := classifyPath(path)
	if s.Problem.Code != "" {
		p := &parsed{path: path}
		p.errorf(0, 0, "", s.Problem.Code, s.Problem.Args)
		return p.diags
	}

	var all diag.List
	taxKind, _ := model.KindByFile("taxonomy.yaml")
	taxPath := filepath.Join(c.Dir, taxKind.File)
	taxFile := &parsedFile{src: source{Path: taxPath, Kind: taxKind}, p: parse(taxPath, c.Taxonomy)}
	tax := loadVocabularies(taxFile, &all)
	if tax == nil && taxFile.p.root == nil {
		// An unreadable taxonomy: loadVocabularies says nothing, Run shows its own errors.
		first := taxFile.p.diags[0]
		all = append(all, diag.New(taxPath, 0, 0, diag.Error, "", "taxonomy_unreadable", diag.A{"problem": diag.M(first.Code, first.Args)}))
	}

	p := parse(path, src)
	var entries []*entry
	if p.root != nil {
		e := checkEntry(p, s.Kind, tax, now)
		e.fields = nil
		entries = append(entries, e)
	}
	all = append(all, p.diags...)

	// The other entries are known by their ids only. Cross-file checks need those the
	// file can meet: its own id (unique ids), the ids it refers to, and the entries its
	// links name; a kind with an unknown reference comes whole, for the did-you-mean.
	self := filepath.Base(path)
	need := map[string]map[string]bool{}
	whole := map[string]bool{}
	want := func(dir, id string) {
		if need[dir] == nil {
			need[dir] = map[string]bool{}
		}
		need[dir][id] = true
	}
	if len(entries) == 1 {
		e := entries[0]
		if e.kind.Dir != "" && e.id != "" {
			want(e.kind.Dir, e.id)
		}
		for _, r := range e.refs {
			if slices.Contains(c.IDs[r.dir], r.id) {
				want(r.dir, r.id)
			} else {
				whole[r.dir] = true
			}
		}
		for _, l := range e.links {
			if parts := strings.Split(strings.Trim(l.path, "/"), "/"); len(parts) == 3 {
				for dir := range c.IDs {
					want(dir, parts[2])
				}
			}
		}
	}
	for _, k := range model.Kinds {
		if k.Dir == "" {
			continue
		}
		for _, id := range c.IDs[k.Dir] {
			if k.Name == s.Kind.Name && id+".yaml" == self || !whole[k.Dir] && !need[k.Dir][id] {
				continue
			}
			entries = append(entries, &entry{path: filepath.Join(c.Dir, k.Dir, id+".yaml"), kind: k, id: id,
				example: slices.Contains(c.Examples[k.Dir], id)})
		}
	}
	if len(c.ListedContacts) > 0 {
		projects, _ := model.KindByDir("projects")
		lister := &entry{path: filepath.Join(c.Dir, projects.Dir, "\x00listed-contacts"), kind: projects}
		for _, id := range c.ListedContacts {
			lister.refs = append(lister.refs, reference{dir: "contacts", id: id})
		}
		entries = append(entries, lister)
	}
	all = append(all, crossCheck(entries, sitePaths(c.SitePaths), tax)...)

	out := slices.DeleteFunc(all, func(d diag.Diagnostic) bool {
		return d.File != path && !(d.File == taxPath && d.Severity == diag.Error && d.Line == 0)
	})
	out.Sort()
	return out
}

// classifyPath finds the kind of a file outside any data folder, as Run does for the
// paths it is given: by its parent folder's name (projects/, contacts/…) or its name.
func classifyPath(path string) source { return corpus.ClassifyPath(path) }
