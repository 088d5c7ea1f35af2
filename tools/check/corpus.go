// Package check validates the guide's data files against the model: each file on its
// own (syntax, keys, types, codes, text rules) and the corpus as a whole (references
// between entries). Every finding is a diagnostic with file, line, column and key.
package check

import (
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// Options say what to check.
type Options struct {
	// DataDir is the corpus root (data/). It must hold taxonomy.yaml.
	DataDir string
	// Paths are the files and folders to report on; empty means the whole DataDir.
	// Files outside DataDir are checked against it (references, taxonomy) too.
	Paths []string
	// Now is the day future dates are judged against; zero means today.
	Now time.Time
	// SiteConfig is the Hugo configuration that names the site's sections, for checking
	// links between pages; default: config.toml beside DataDir. Without it, such links
	// are left to the site build.
	SiteConfig string
}

// Result is the outcome of a check.
type Result struct {
	Diagnostics diag.List
	Files       int // files reported on
}

// source is one file to check.
type source = corpus.Source

// Run checks the corpus. The error is for usage and I/O problems (a path that does not
// exist, an unreadable folder); findings in the data are diagnostics.
func Run(opts Options) (Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.DataDir == "" {
		opts.DataDir = "data"
	}
	sources, err := corpus.List(opts.DataDir)
	if err != nil {
		return Result{}, err
	}
	report := map[string]bool{}
	if len(opts.Paths) == 0 {
		for _, s := range sources {
			report[s.Path] = true
		}
	} else {
		extra, err := corpus.ListPaths(opts.DataDir, opts.Paths)
		if err != nil {
			return Result{}, err
		}
		for _, s := range extra {
			report[s.Path] = true
		}
		sources = corpus.Merge(sources, extra)
	}

	// The taxonomy first: every other file's codes are checked against it. Then each
	// file is read, parsed and checked in one go, so only a file's tree per core is in
	// memory at a time; what the cross-file checks need is kept in a small entry.
	var all diag.List
	var tax *vocabularies
	var rest []source
	var taxFile *parsedFile
	for _, s := range sources {
		if s.Problem.Code == "" && s.Kind.Name == "taxonomy" {
			taxFile = &parsedFile{src: s, p: readAndParse(s)}
		} else {
			rest = append(rest, s)
		}
	}
	tax = loadVocabularies(taxFile, &all)
	if taxFile == nil {
		// Whatever was asked for, a missing taxonomy is the first thing to fix.
		taxPath := filepath.Join(opts.DataDir, "taxonomy.yaml")
		all[len(all)-1].File = taxPath
		report[taxPath] = true
	}
	if taxFile != nil {
		all = append(all, taxFile.p.diags...)
	}
	results := make([]*parsed, len(rest))
	entries := make([]*entry, len(rest))
	// Findings are kept for the first files (in order) up to a budget, then only counted:
	// what a report can show is bounded (diag.MaxTotal), and so is memory, however many
	// broken files there are.
	var retained atomic.Int64
	Parallel(len(rest), func(i int) {
		p := readAndParse(rest[i])
		if p.root != nil {
			entries[i] = checkEntry(p, rest[i].Kind, tax, opts.Now)
			entries[i].fields = nil
		}
		p.root, p.src = nil, nil
		switch {
		case !report[p.path]:
			p.diags = nil // never shown
		case retained.Add(int64(min(len(p.diags), diag.MaxPerFile))) > 2*diag.MaxTotal:
			p.diags = p.diags.Cap(0)
		default:
			p.diags = p.diags.Cap(diag.MaxPerFile)
		}
		results[i] = p
	})
	for _, p := range results {
		all = append(all, p.diags...)
	}
	if opts.SiteConfig == "" {
		opts.SiteConfig = filepath.Join(filepath.Dir(filepath.Clean(opts.DataDir)), "config.toml")
	}
	paths, err := loadSitePaths(opts.SiteConfig)
	if err != nil {
		return Result{}, err
	}
	all = append(all, crossCheck(slices.DeleteFunc(entries, func(e *entry) bool { return e == nil }), paths, tax)...)

	var shown diag.List
	for _, d := range all {
		if report[d.File] {
			shown = append(shown, d)
		}
	}
	return Result{Diagnostics: shown.Cap(diag.MaxPerFile), Files: len(report)}, nil
}

type parsedFile struct {
	src source
	p   *parsed
}

// Parallel runs f(0..n-1) on all cores (the validator's per-file work, and
// tools/hugodata's conversion of the same files).
func Parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	// Each worker takes the next index itself: no channel hand-off (and no sleeping and
	// waking of threads) per item, which the many small items of the open data's rows
	// and the JSON copy's files paid for in system time.
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// vocabularies indexes the taxonomy's codes.
type vocabularies struct {
	sets  map[string]map[string]bool
	order map[string][]string
}

func (v *vocabularies) has(vocab, code string) bool { return v.sets[vocab][code] }
func (v *vocabularies) codes(vocab string) []string { return v.order[vocab] }

var (
	jurisdictionCode = regexp.MustCompile(`^CA(-[A-Z]{2})?$`)
	languageCode     = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// loadVocabularies checks taxonomy.yaml and indexes it. It returns nil (codes are then
// not checked) when the taxonomy is missing or has errors, and says so once.
func loadVocabularies(tf *parsedFile, all *diag.List) *vocabularies {
	if tf == nil {
		*all = append(*all, diag.New("", 0, 0, diag.Error, "", "taxonomy_missing", nil))
		return nil
	}
	if tf.p.root == nil {
		return nil
	}
	checkEntry(tf.p, tf.src.Kind, nil, time.Time{})
	v := &vocabularies{sets: map[string]map[string]bool{}, order: map[string][]string{}}
	spec := model.MustSpec(new(model.Taxonomy))
	firstSeen := map[string]string{} // theme and technique codes share the expertise space
	for i := 0; i+1 < len(tf.p.root.Content); i += 2 {
		name := tf.p.root.Content[i].Value
		list := tf.p.root.Content[i+1]
		if _, ok := spec.Lookup(name); !ok || list.Kind != yaml.SequenceNode {
			continue
		}
		v.sets[name] = map[string]bool{}
		for j, item := range list.Content {
			if item.Kind != yaml.MappingNode {
				continue
			}
			var codeNode *yaml.Node
			for k := 0; k+1 < len(item.Content); k += 2 {
				if item.Content[k].Value == "code" {
					codeNode = item.Content[k+1]
				}
			}
			checkSynonyms(tf.p, item, fmt.Sprintf("%s[%d]", name, j))
			if codeNode == nil || codeNode.Kind != yaml.ScalarNode {
				continue
			}
			code, key := codeNode.Value, fmt.Sprintf("%s[%d].code", name, j)
			switch {
			case v.sets[name][code]:
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "code_twice", diag.A{"code": code, "list": name})
			case name == "jurisdictions" && !jurisdictionCode.MatchString(code):
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "not_jurisdiction_code", diag.A{"code": code})
			case name == "languages" && !languageCode.MatchString(code):
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "not_language_code", diag.A{"code": code})
			case name != "jurisdictions" && name != "languages" && !model.IDShaped(code):
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "bad_code", diag.A{"code": code})
			}
			if name == "themes" || name == "techniques" {
				if other, dup := firstSeen[code]; dup && other != name {
					tf.p.errorf(codeNode.Line, codeNode.Column, key, "theme_and_technique", diag.A{"code": code})
				}
				firstSeen[code] = name
			}
			v.sets[name][code] = true
			v.order[name] = append(v.order[name], code)
		}
	}
	if tf.p.diags.HasErrors() {
		*all = append(*all, diag.New(tf.p.path, 0, 0, diag.Error, "", "taxonomy_has_errors", nil))
		return nil
	}
	return v
}

// crossCheck applies the rules between files: unique ids, references that resolve,
// contacts that some project names.
func crossCheck(entries []*entry, paths sitePaths, tax *vocabularies) diag.List {
	var out diag.List
	byKind := map[string]map[string]*entry{}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].path < entries[j].path })
	for _, e := range entries {
		if e.kind.Dir == "" || e.id == "" {
			continue
		}
		if byKind[e.kind.Dir] == nil {
			byKind[e.kind.Dir] = map[string]*entry{}
		}
		if first, dup := byKind[e.kind.Dir][e.id]; dup {
			out = append(out, diag.New(e.path, e.idLine, e.idColumn, diag.Error, "id", "id_not_unique", diag.A{"id": e.id, "other": first.path}))
			continue
		}
		byKind[e.kind.Dir][e.id] = e
	}
	out = append(out, exampleCitations(entries, byKind)...)
	out = append(out, crossLifecycle(entries, byKind)...)
	referenced := map[string]bool{}
	for _, e := range entries {
		for _, r := range e.refs {
			if _, ok := byKind[r.dir][r.id]; ok {
				if r.dir == "contacts" {
					referenced[r.id] = true
				}
				continue
			}
			ids := make([]string, 0, len(byKind[r.dir]))
			for id := range byKind[r.dir] {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			out = append(out, diag.New(e.path, r.line, r.col, diag.Error, r.key, "no_such_entry",
				diag.A{"kind": diag.M("kind_"+strings.TrimSuffix(r.dir, "s"), nil), "id": r.id, "dir": r.dir, "hint": suggest(r.id, ids)}))
		}
	}
	if paths != nil {
		pages := paths.pages(byKind, tax)
		for _, e := range entries {
			paths.checkLinks(e, pages, func(e *entry, l siteLink) {
				out = append(out, diag.New(e.path, l.line, l.col, diag.Error, l.key, "no_such_page", diag.A{"path": l.path}))
			})
		}
	}
	for id, c := range byKind["contacts"] {
		if !referenced[id] {
			out = append(out, diag.New(c.path, c.idLine, c.idColumn, diag.Warning, "id", "contact_unlisted", nil))
		}
	}
	return out
}

func layoutHint() string { return corpus.LayoutHint() }
