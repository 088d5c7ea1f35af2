package check

import (
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
)

// MaxProposedID is the length of the ids the tools propose: shorter than the longest
// valid one (model.MaxIDLength), so that a file name and an address stay readable.
const MaxProposedID = 40

// ProposedID is the id the tools propose for a text (a title, a file name): its
// kebab-case form (model.Slug), cut after a whole word to at most MaxProposedID
// characters (model.ShortSlug); "" when the text has no letter or digit.
func ProposedID(s string) string { return model.ShortSlug(s, MaxProposedID) }

// idHint words a missing id with the id to write: the file's name when it can be one,
// else its kebab-case form (model.Slug), with the file name that goes with it. It
// replaces the generic missing_key finding among the walker's, from index first on.
func (w *walker) idHint(first int) {
	if w.e.kind.Dir == "" || w.e.fields["id"] != nil {
		return
	}
	base := filepath.Base(w.p.path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	id, rename := stem, diag.Msg{}
	if !model.ValidID(stem) {
		id = ProposedID(stem)
		rename = diag.M("id_missing_rename", diag.A{"id": id, "file": base})
	}
	if id == "" {
		return // nothing to propose: the generic message stays
	}
	for i := first; i < len(w.p.diags); i++ {
		if d := w.p.diags[i]; d.Code == "missing_key" && d.Key == "id" {
			w.p.diags[i] = diag.New(d.File, d.Line, d.Column, d.Severity, d.Key, "id_missing", diag.A{"id": id, "rename": rename})
		}
	}
}
