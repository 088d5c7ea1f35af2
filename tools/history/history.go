// Package history computes the dated changes of every entry of data/ from git: which
// commit added, updated or archived it, and which fields (and languages of text) each
// commit changed. `guide hugo-data` writes it beside the JSON copy of the data
// (history.json) for the entry pages, the open data, changes.json and the feed of
// changes, and the print edition's "updated since the previous edition".
//
// Cost: one `git log --raw -M` over the data folder (renames followed pairwise, commit
// by commit) and one `git cat-file --batch` for the blobs it names, whatever the number
// of entries; each blob is parsed by the project's one reader (tools/corpus, with its
// limits) and compared key by key. Old versions never passed today's validator, so only
// the keys the model knows are named, and only entries that exist now are reported.
package history

import (
	"strings"

	"github.com/pssdc/guide-iad/tools/model"
)

// Field is one top-level key a change touched, with the languages of the text that
// changed in it (none when only codes, dates or ids changed).
type Field struct {
	Key   string   `json:"key"`
	Langs []string `json:"langs,omitempty"`
}

// Change is what one commit did to one entry.
type Change struct {
	Date   string  `json:"date"`   // the commit's date, YYYY-MM-DD
	Commit string  `json:"commit"` // full hash
	Kind   string  `json:"kind"`   // folder under data/: projects, contacts, …
	ID     string  `json:"id"`     // the entry's id today (after renames)
	Change string  `json:"change"` // added, updated or archived
	Fields []Field `json:"fields"`
}

// Entry is the history of one entry.
type Entry struct {
	Added   string   `json:"added,omitempty"`   // date of the change that added it
	Updated string   `json:"updated,omitempty"` // date of its latest change
	Changes []Change `json:"changes"`           // newest first
}

// History is what history.json holds.
type History struct {
	// Available is false when data/ is not in a git working tree (or git is missing):
	// then there is no history at all.
	Available bool `json:"available"`
	// Shallow says the clone stops before the first commit: history starts at Since.
	Shallow bool `json:"shallow"`
	// Since is the date of the oldest commit seen when Shallow.
	Since string `json:"since,omitempty"`
	// StaleAfterMonths is model.StaleAfterMonths, for the pages' freshness notice.
	StaleAfterMonths int `json:"stale_after_months"`
	// Changes lists every change, newest first.
	Changes []Change `json:"changes"`
	// Entries holds each entry's history: kind folder → id → entry.
	Entries map[string]map[string]*Entry `json:"entries"`
}

// Change kinds.
const (
	Added    = "added"
	Updated  = "updated"
	Archived = "archived"
)

// entryPath splits a path relative to the data folder into an entry kind's folder and
// an id, or says it is no entry file (a single file, another folder, a hostile name).
func entryPath(rel string) (dir, id string, ok bool) {
	dir, file, found := strings.Cut(rel, "/")
	if !found || strings.Contains(file, "/") || !strings.HasSuffix(file, ".yaml") {
		return "", "", false
	}
	if _, known := model.KindByDir(dir); !known {
		return "", "", false
	}
	id = strings.TrimSuffix(file, ".yaml")
	return dir, id, model.ValidID(id)
}

// index fills Entries from Changes (newest first).
func (h *History) index() {
	h.Entries = map[string]map[string]*Entry{}
	for _, c := range h.Changes {
		byID := h.Entries[c.Kind]
		if byID == nil {
			byID = map[string]*Entry{}
			h.Entries[c.Kind] = byID
		}
		e := byID[c.ID]
		if e == nil {
			e = &Entry{Updated: c.Date}
			byID[c.ID] = e
		}
		e.Changes = append(e.Changes, c)
		if c.Change == Added {
			e.Added = c.Date
		}
	}
}
