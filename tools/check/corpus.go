// Package check validates the guide's data files against the model: each file on its
// own (syntax, keys, types, codes, text rules) and the corpus as a whole (references
// between entries). Every finding is a diagnostic with file, line, column and key.
package check

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

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
type source struct {
	path string // as shown in messages
	kind model.Kind
	// problem is set when the file cannot be a data file at all (wrong place or type).
	problem string
}

// Run checks the corpus. The error is for usage and I/O problems (a path that does not
// exist, an unreadable folder); findings in the data are diagnostics.
func Run(opts Options) (Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.DataDir == "" {
		opts.DataDir = "data"
	}
	info, err := os.Stat(opts.DataDir)
	if err != nil {
		return Result{}, fmt.Errorf("data folder: %w", err)
	}
	if !info.IsDir() {
		return Result{}, fmt.Errorf("data folder %s is not a folder", opts.DataDir)
	}
	sources, err := listCorpus(opts.DataDir)
	if err != nil {
		return Result{}, err
	}
	report := map[string]bool{}
	if len(opts.Paths) == 0 {
		for _, s := range sources {
			report[s.path] = true
		}
	} else {
		extra, err := listPaths(opts.DataDir, opts.Paths, report)
		if err != nil {
			return Result{}, err
		}
		sources = mergeSources(sources, extra)
	}

	// The taxonomy first: every other file's codes are checked against it. Then each
	// file is read, parsed and checked in one go, so only a file's tree per core is in
	// memory at a time; what the cross-file checks need is kept in a small entry.
	var all diag.List
	var tax *vocabularies
	var rest []source
	var taxFile *parsedFile
	for _, s := range sources {
		if s.problem == "" && s.kind.Name == "taxonomy" {
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
	Parallel(len(rest), func(i int) {
		p := readAndParse(rest[i])
		if p.root != nil {
			entries[i] = checkEntry(p, rest[i].kind, tax, opts.Now)
			entries[i].fields = nil
		}
		p.root, p.src = nil, nil
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
	shown.Sort()
	return Result{Diagnostics: shown, Files: len(report)}, nil
}

// listCorpus lists every file under dataDir with its kind, flagging files that have no
// place there.
func listCorpus(dataDir string) ([]source, error) {
	realRoot, err := filepath.EvalSymlinks(dataDir)
	if err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	var out []source
	err = filepath.WalkDir(dataDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		if path == dataDir {
			return nil
		}
		rel, _ := filepath.Rel(dataDir, path)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if d.Type()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(path)
			if err != nil || !within(realRoot, target) {
				out = append(out, source{path: path, problem: "symbolic link leads outside the data folder; put the file itself here"})
				return nil
			}
			st, err := os.Stat(path)
			if err == nil && st.IsDir() {
				out = append(out, source{path: path, problem: "symbolic link to a folder; put the files themselves here"})
				return nil
			}
		}
		if d.IsDir() {
			if len(parts) == 1 {
				if _, ok := model.KindByDir(parts[0]); ok {
					return nil
				}
			}
			if len(parts) == 2 {
				out = append(out, source{path: path, problem: "unexpected folder: entries go directly in their folder, not in subfolders"})
			} else {
				out = append(out, source{path: path, problem: "unexpected folder; data/ holds " + layoutHint()})
			}
			return filepath.SkipDir
		}
		out = append(out, classify(path, parts))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// classify finds the kind of a file from its place: data/taxonomy.yaml, data/KIND/ID.yaml.
func classify(path string, parts []string) source {
	name := parts[len(parts)-1]
	ext := filepath.Ext(name)
	s := source{path: path}
	switch {
	case ext == ".yml":
		s.problem = fmt.Sprintf("use the .yaml extension: rename to %s", strings.TrimSuffix(name, ext)+".yaml")
	case ext != ".yaml":
		s.problem = "not a YAML data file; data/ holds " + layoutHint()
	case len(parts) == 1:
		if k, ok := model.KindByFile(name); ok {
			s.kind = k
		} else {
			s.problem = "unexpected file at the top of data/; entries go in " + layoutHint()
		}
	case len(parts) == 2:
		k, ok := model.KindByDir(parts[0])
		if !ok {
			s.problem = "unexpected folder; data/ holds " + layoutHint()
		}
		s.kind = k
	default:
		s.problem = "entries go directly in their folder, not in subfolders"
	}
	return s
}

// listPaths resolves command-line paths into sources, marking each for reporting. A
// path inside dataDir keeps its place; one outside is classified by its parent folder's
// name (projects/, contacts/…) or its file name.
func listPaths(dataDir string, paths []string, report map[string]bool) ([]source, error) {
	var out []source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		var files []string
		if info.IsDir() {
			err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !d.IsDir() {
					files = append(files, path)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		} else {
			files = []string{p}
		}
		for _, f := range files {
			f = filepath.Clean(f)
			report[f] = true
			if rel, err := filepath.Rel(dataDir, f); err == nil && !strings.HasPrefix(rel, "..") {
				continue // already listed with the corpus
			}
			parent := filepath.Base(filepath.Dir(f))
			if _, ok := model.KindByDir(parent); ok {
				out = append(out, classify(f, []string{parent, filepath.Base(f)}))
			} else {
				out = append(out, classify(f, []string{filepath.Base(f)}))
			}
		}
	}
	return out, nil
}

// mergeSources adds extra files to the corpus; an extra file replaces a corpus file of
// the same kind and name (it is a new version of it).
func mergeSources(corpus, extra []source) []source {
	key := func(s source) string { return s.kind.Name + "/" + filepath.Base(s.path) }
	replaced := map[string]bool{}
	for _, s := range extra {
		if s.problem == "" {
			replaced[key(s)] = true
		}
	}
	out := extra
	for _, s := range corpus {
		if s.problem != "" || !replaced[key(s)] {
			out = append(out, s)
		}
	}
	return out
}

type parsedFile struct {
	src source
	p   *parsed
}

// readAndParse reads and parses one file; problems become its diagnostics.
func readAndParse(s source) *parsed {
	if s.problem != "" {
		p := &parsed{path: s.path}
		p.errorf(0, 0, "", "%s", s.problem)
		return p
	}
	data, err := readLimited(s.path)
	if err != nil {
		p := &parsed{path: s.path}
		p.errorf(0, 0, "", "cannot read: %v", errors.Unwrap(err))
		return p
	}
	return parse(s.path, data)
}

// readLimited reads at most MaxFileSize+1 bytes, enough to tell a file is too large
// without holding a huge one in memory.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// Parallel runs f(0..n-1) on all cores (the validator's per-file work, and
// tools/hugodata's conversion of the same files).
func Parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
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
		*all = append(*all, diag.Diagnostic{Severity: diag.Error,
			Message: "taxonomy.yaml is missing; codes cannot be checked"})
		return nil
	}
	if tf.p.root == nil {
		return nil
	}
	checkEntry(tf.p, tf.src.kind, nil, time.Time{})
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
			if codeNode == nil || codeNode.Kind != yaml.ScalarNode {
				continue
			}
			code, key := codeNode.Value, fmt.Sprintf("%s[%d].code", name, j)
			switch {
			case v.sets[name][code]:
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "code %q appears twice in %s", code, name)
			case name == "jurisdictions" && !jurisdictionCode.MatchString(code):
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "%q is not an ISO 3166-2:CA code; expected CA (federal) or CA-XX (e.g. CA-ON)", code)
			case name == "languages" && !languageCode.MatchString(code):
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "%q is not an ISO 639 language code (e.g. fr, iu)", code)
			case name != "jurisdictions" && name != "languages" && !idPattern.MatchString(code):
				tf.p.errorf(codeNode.Line, codeNode.Column, key, "%q is not a valid code; use lowercase letters, digits and hyphens", code)
			}
			if name == "themes" || name == "techniques" {
				if other, dup := firstSeen[code]; dup && other != name {
					tf.p.errorf(codeNode.Line, codeNode.Column, key, "code %q is both a theme and a technique; contacts' expertise needs them distinct", code)
				}
				firstSeen[code] = name
			}
			v.sets[name][code] = true
			v.order[name] = append(v.order[name], code)
		}
	}
	if tf.p.diags.HasErrors() {
		*all = append(*all, diag.Diagnostic{File: tf.p.path, Severity: diag.Error,
			Message: "the taxonomy has errors, so codes in other files were not checked; fix it first"})
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
			out = append(out, diag.Diagnostic{File: e.path, Line: e.idLine, Column: e.idColumn, Severity: diag.Error,
				Key: "id", Message: fmt.Sprintf("id %q is also used by %s; ids must be unique", e.id, first.path)})
			continue
		}
		byKind[e.kind.Dir][e.id] = e
	}
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
			out = append(out, diag.Diagnostic{File: e.path, Line: r.line, Column: r.col, Severity: diag.Error,
				Key: r.key, Message: fmt.Sprintf("no %s with id %q (data/%s/%s.yaml)%s", strings.TrimSuffix(r.dir, "s"), r.id, r.dir, r.id, suggest(r.id, ids))})
		}
	}
	if paths != nil {
		pages := paths.pages(byKind, tax)
		for _, e := range entries {
			paths.checkLinks(e, pages, func(e *entry, l siteLink, msg string) {
				out = append(out, diag.Diagnostic{File: e.path, Line: l.line, Column: l.col, Severity: diag.Error, Key: l.key, Message: msg})
			})
		}
	}
	for id, c := range byKind["contacts"] {
		if !referenced[id] {
			out = append(out, diag.Diagnostic{File: c.path, Line: c.idLine, Column: c.idColumn, Severity: diag.Warning,
				Key: "id", Message: "no project lists this contact; add it to a project's `contacts` or remove the file"})
		}
	}
	return out
}

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../") && !filepath.IsAbs(rel)
}

func layoutHint() string {
	var dirs []string
	for _, k := range model.Kinds {
		if k.Dir != "" {
			dirs = append(dirs, k.Dir+"/ID.yaml")
		} else {
			dirs = append(dirs, k.File)
		}
	}
	return strings.Join(dirs, ", ")
}
