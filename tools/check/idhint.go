package check

import (
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
)

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
		id = model.Slug(stem)
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
