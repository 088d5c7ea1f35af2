package hugodata

import (
	"encoding/json"
	"path/filepath"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/history"
	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
)

// HistoryFile is the file of the derived data (WriteDerived) that holds the history of
// every entry taken from git (package history): hugo.Data.history in templates.
const HistoryFile = "history.json"

// WriteHistory writes the history of the entries of dataDir into out (the derived
// folder) and returns what the command must say about it: a warning when the clone is
// shallow (the history starts at a date) or when there is no git history at all.
func WriteHistory(dataDir, out string) (diag.List, error) {
	return writeHistory(nil, dataDir, "", out)
}

// ReadHistory is the history of the entries of the data folder dataDir (in a git
// working tree) as of the commit rev ("" for the checked-out one): history.ReadAt, its
// failure named as the commands name it.
func ReadHistory(dataDir, rev string) (*history.History, error) {
	h, err := history.ReadAt(dataDir, rev)
	if err != nil {
		return nil, diag.Wrap(err, "history_git", diag.A{"dir": dataDir, "error": diag.Cause(err)})
	}
	return h, nil
}

// writeHistory writes h (nil: ReadHistory of dataDir as of rev) into out, the derived
// folder, and returns what the command must say about it.
func writeHistory(h *history.History, dataDir, rev, out string) (diag.List, error) {
	if h == nil {
		var err error
		if h, err = ReadHistory(dataDir, rev); err != nil {
			return nil, err
		}
	}
	b, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	if err := atomicfile.Write(filepath.Join(out, HistoryFile), b); err != nil {
		return nil, err
	}
	var notes diag.List
	switch {
	case !h.Available:
		notes = append(notes, diag.New(dataDir, 0, 0, diag.Warning, "", "history_unavailable", nil))
	case h.Shallow:
		notes = append(notes, diag.New(dataDir, 0, 0, diag.Warning, "", "history_shallow", diag.A{"since": h.Since}))
	}
	return notes, nil
}
