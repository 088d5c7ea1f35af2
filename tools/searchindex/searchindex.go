// Package searchindex builds the search index of a built site with Pagefind, as
// `make site`, `make pdf` and `make serve` do after Hugo (`guide search-index`), and as
// the browser tests do.
//
// Pagefind writes, beside the index and the JavaScript API that the search page uses
// (assets/js/search.js imports pagefind.js, which loads pagefind-worker.js, the
// WebAssembly and the index files), four user interfaces the site does not use: its
// default UI, the modular and component UIs and the highlighter (about 430 KB). They are
// removed, so that nothing unused is published.
package searchindex

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Bin is the Pagefind command under the repository, installed from package.json by
// `npm ci --ignore-scripts` (the binary ships in its platform package,
// @pagefind/<os>-<arch>).
const Bin = "node_modules/.bin/pagefind"

// EntryName is the bundle's list of languages and their indexes.
const EntryName = "pagefind-entry.json"

// ErrNotInstalled is returned (wrapped) by Build when Pagefind is not installed.
var ErrNotInstalled error = diag.Errorf("searchindex_not_installed", nil)

// Unused are the files of Pagefind's bundle that the site does not load.
var Unused = []string{
	"pagefind-ui.js", "pagefind-ui.css",
	"pagefind-modular-ui.js", "pagefind-modular-ui.css",
	"pagefind-component-ui.js", "pagefind-component-ui.css",
	"pagefind-highlight.js",
}

// Build indexes the built site under site (one index per <html lang>) into out (site's
// pagefind/ when out is ""), with Pagefind from repo's node_modules. A bundle left in out
// before (Hugo copies static/pagefind/ from `make serve` into public/) is removed first.
// It returns Pagefind's output.
func Build(repo, site, out string) ([]byte, error) {
	if out == "" {
		out = filepath.Join(site, "pagefind")
	}
	site, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	// out is emptied first: it must not be the site or a folder that holds it.
	if rel, err := filepath.Rel(absOut, site); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return nil, diag.Errorf("searchindex_out_holds_site", diag.A{"out": out, "site": site})
	}
	bin, err := filepath.Abs(filepath.Join(repo, Bin))
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(bin); errors.Is(err, fs.ErrNotExist) {
		return nil, diag.Wrap(ErrNotInstalled, "searchindex_no_bin", diag.A{"bin": bin, "error": diag.Cause(ErrNotInstalled)})
	}
	if err := os.RemoveAll(absOut); err != nil {
		return nil, err
	}
	// One Pagefind run per language folder, each with its own glob, into the same
	// bundle: a run holds only its language's pages in memory (for 10,000 projects,
	// about half of the 2.2 GB of one run over both), writes the same files as one run
	// would (the index files are named by their content), and its pagefind-entry.json
	// lists its language only: the entries are merged.
	langs, err := languageDirs(site)
	if err != nil {
		return nil, err
	}
	globs := []string{""}
	if len(langs) > 0 {
		globs = globs[:0]
		for _, l := range langs {
			globs = append(globs, l+"/**/*.{html}")
		}
	}
	pages, done, err := stagePages(site, absOut, langs)
	if err != nil {
		return nil, err
	}
	defer done()
	var output []byte
	var entries [][]byte
	for _, glob := range globs {
		args := []string{"--site", pages, "--output-path", absOut, "--quiet"}
		if glob != "" {
			args = append(args, "--glob", glob)
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		output = append(output, out...)
		if err != nil {
			return output, diag.Wrap(err, "searchindex_failed", diag.A{"site": site, "error": diag.Cause(err), "output": string(out)})
		}
		entry, err := os.ReadFile(filepath.Join(absOut, EntryName))
		if err != nil {
			return output, diag.Wrap(err, "searchindex_no_entry", diag.A{"file": EntryName, "error": diag.Cause(err)})
		}
		entries = append(entries, entry)
	}
	if len(entries) > 1 {
		merged, err := mergeEntries(entries)
		if err != nil {
			return output, err
		}
		if err := os.WriteFile(filepath.Join(absOut, EntryName), merged, 0o644); err != nil {
			return output, err
		}
	}
	if _, err := os.Stat(filepath.Join(out, "pagefind.js")); err != nil {
		return output, diag.Wrap(err, "searchindex_no_js", diag.A{"out": out, "error": diag.Cause(err), "output": string(output)})
	}
	for _, name := range Unused {
		if err := os.Remove(filepath.Join(out, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return output, err
		}
	}
	return output, nil
}

var langDir = regexp.MustCompile(`^[a-z]{2,3}$`)

// languageDirs returns the site's language folders (en, fr: a two- or three-letter
// folder with an index.html), sorted. Pages outside them (the root's language chooser
// and the copy of the English 404 page) have no data-pagefind-body and are not indexed
// in any case.
func languageDirs(site string) ([]string, error) {
	entries, err := os.ReadDir(site)
	if err != nil {
		return nil, err
	}
	var langs []string
	for _, e := range entries {
		if !e.IsDir() || !langDir.MatchString(e.Name()) {
			continue
		}
		if _, err := os.Stat(filepath.Join(site, e.Name(), "index.html")); err == nil {
			langs = append(langs, e.Name())
		}
	}
	sort.Strings(langs)
	return langs, nil
}

// entry is pagefind-entry.json (Pagefind 1.x).
type entry struct {
	Version           string                     `json:"version"`
	Languages         map[string]json.RawMessage `json:"languages"`
	IncludeCharacters json.RawMessage            `json:"include_characters,omitempty"`
}

// mergeEntries merges the pagefind-entry.json of runs over different languages: same
// version and characters, the union of the languages (written as one run writes it:
// the languages in order, compact).
func mergeEntries(files [][]byte) ([]byte, error) {
	var merged entry
	for i, f := range files {
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(f, &keys); err != nil {
			return nil, diag.Errorf("searchindex_entry_unreadable", diag.A{"file": EntryName, "error": diag.CauseIn(err, f)})
		}
		for k := range keys {
			if k != "version" && k != "languages" && k != "include_characters" {
				return nil, diag.Errorf("searchindex_entry_unknown_field", diag.A{"file": EntryName, "field": k})
			}
		}
		var e entry
		if err := json.Unmarshal(f, &e); err != nil {
			return nil, diag.Errorf("searchindex_entry_unreadable", diag.A{"file": EntryName, "error": diag.CauseIn(err, f)})
		}
		if i == 0 {
			merged = entry{Version: e.Version, Languages: map[string]json.RawMessage{}, IncludeCharacters: e.IncludeCharacters}
		} else if e.Version != merged.Version || !bytes.Equal(e.IncludeCharacters, merged.IncludeCharacters) {
			return nil, diag.Errorf("searchindex_entry_disagree", diag.A{"file": EntryName})
		}
		for l, v := range e.Languages {
			if _, dup := merged.Languages[l]; dup {
				return nil, diag.Errorf("searchindex_entry_language_twice", diag.A{"file": EntryName, "lang": l})
			}
			merged.Languages[l] = v
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(merged); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
