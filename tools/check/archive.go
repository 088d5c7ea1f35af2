package check

import (
	"fmt"
	"sort"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// The rules on the keys of an entry's life (model.Lifecycle): archived, replaced_by and
// former_ids. The walker has already checked their shapes (a date, a reason in both
// languages or pending, ids as text); these are the rules between keys and entries.

// idAt is an id written at a place of a file.
type idAt struct {
	id        string
	key       string
	line, col int
}

// lifecycle is what an entry says about its life, kept for the checks between entries.
type lifecycle struct {
	archived   bool
	replacedBy *idAt
	formerIDs  []idAt
}

// lifecycleRules checks the keys of one entry's life against each other and keeps what
// the checks between entries need in w.e.life.
func (w *walker) lifecycleRules() {
	fields := w.e.fields
	life := &lifecycle{}
	if a := fields["archived"]; a != nil && a.Kind == yaml.MappingNode {
		life.archived = true
		for i := 0; i+1 < len(a.Content); i += 2 {
			d := a.Content[i+1]
			if a.Content[i].Value != "date" || !model.DateShaped(d.Value) {
				continue
			}
			if t, err := time.Parse(model.DateLayout, d.Value); err == nil && t.After(w.now) {
				w.errorf(d, "archived.date", "future_date", diag.A{"date": d.Value})
			}
		}
	}
	if n := fields["replaced_by"]; n != nil && n.Kind == yaml.ScalarNode && n.Value != "" {
		switch {
		case !model.IDShaped(n.Value):
			// the walker has said so
		case fields["archived"] == nil:
			w.errorf(n, "replaced_by", "replaced_by_not_archived", diag.A{"id": n.Value})
		case n.Value == w.e.id:
			w.errorf(n, "replaced_by", "replaced_by_self", diag.A{"id": n.Value})
		default:
			life.replacedBy = &idAt{id: n.Value, key: "replaced_by", line: n.Line, col: n.Column}
		}
	}
	if n := fields["former_ids"]; n != nil && n.Kind == yaml.SequenceNode {
		for i, item := range n.Content {
			key := fmt.Sprintf("former_ids[%d]", i)
			switch {
			case item.Kind != yaml.ScalarNode || item.Value == "":
				// the walker has said what is wrong with it
			case !model.IDShaped(item.Value):
				// the walker has said so
			case item.Value == w.e.id:
				w.errorf(item, key, "former_id_self", diag.A{"id": item.Value})
			default:
				life.formerIDs = append(life.formerIDs, idAt{id: item.Value, key: key, line: item.Line, col: item.Column})
			}
		}
	}
	if life.archived || life.replacedBy != nil || len(life.formerIDs) > 0 {
		w.e.life = life
	}
}

// crossLifecycle applies the rules between entries: a replacement exists, is of the
// same kind and is not archived itself (so replacements never form a cycle), and a
// former id is neither the id of an entry of the same kind nor the former id of another
// (an old address redirects to one page).
func crossLifecycle(entries []*entry, byKind map[string]map[string]*entry) diag.List {
	var out diag.List
	formerOf := map[string]map[string]*entry{}
	for _, e := range entries {
		if e.life == nil || e.kind.Dir == "" {
			continue
		}
		same := byKind[e.kind.Dir]
		kindName := diag.M("kind_"+e.kind.Name, nil)
		if r := e.life.replacedBy; r != nil {
			switch target, ok := same[r.id]; {
			case !ok:
				ids := make([]string, 0, len(same))
				for id := range same {
					ids = append(ids, id)
				}
				sort.Strings(ids)
				out = append(out, diag.New(e.path, r.line, r.col, diag.Error, r.key, "no_such_entry",
					diag.A{"kind": kindName, "id": r.id, "dir": e.kind.Dir, "hint": suggest(r.id, ids)}))
			case target.life != nil && target.life.archived:
				out = append(out, diag.New(e.path, r.line, r.col, diag.Error, r.key, "replaced_by_archived",
					diag.A{"id": r.id, "file": target.path}))
			}
		}
		if formerOf[e.kind.Dir] == nil {
			formerOf[e.kind.Dir] = map[string]*entry{}
		}
		for _, f := range e.life.formerIDs {
			if other, ok := same[f.id]; ok {
				out = append(out, diag.New(e.path, f.line, f.col, diag.Error, f.key, "former_id_in_use",
					diag.A{"id": f.id, "other": other.path, "kind": kindName}))
				continue
			}
			if other, dup := formerOf[e.kind.Dir][f.id]; dup && other != e {
				out = append(out, diag.New(e.path, f.line, f.col, diag.Error, f.key, "former_id_twice",
					diag.A{"id": f.id, "other": other.path}))
				continue
			}
			formerOf[e.kind.Dir][f.id] = e
		}
	}
	return out
}
