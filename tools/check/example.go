package check

import (
	"bytes"

	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// Sample entries carry `example: true` (their people are fictional, their projects
// illustrative). A real entry made by copying one keeps what marks it as a sample, or
// cites the sample's fictional people; these checks say so, as warnings: the entry may
// be right, the copy is what to look at.

// illustrativeWords are the words of the sample files' own comment ("Illustrative
// example written for the starter corpus; not a real project record."), in lower case.
var illustrativeWords = [][]byte{[]byte("illustrative example"), []byte("exemple fictif"), []byte("exemple illustratif")}

// examples records whether the entry is a sample and, when it is not, warns about a
// sample's comment copied along.
func (w *walker) examples() {
	if n := w.e.fields["example"]; n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!bool" && n.Value == "true" {
		w.e.example = true
		return
	}
	lineNo := 0
	for line := range bytes.SplitSeq(w.p.src, []byte("\n")) {
		lineNo++
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] != '#' {
			continue
		}
		lower := bytes.ToLower(t)
		for _, words := range illustrativeWords {
			if bytes.Contains(lower, words) {
				col := bytes.IndexByte(line, '#') + 1
				w.p.diags = append(w.p.diags, diag.New(w.p.path, lineNo, col, diag.Warning, "", "illustrative_comment", nil))
				return
			}
		}
	}
}

// exampleCitations warns about a real entry that cites a sample entry.
func exampleCitations(entries []*entry, byKind map[string]map[string]*entry) diag.List {
	var out diag.List
	for _, e := range entries {
		if e.example {
			continue
		}
		for _, r := range e.refs {
			cited, ok := byKind[r.dir][r.id]
			if !ok || !cited.example {
				continue
			}
			out = append(out, diag.New(e.path, r.line, r.col, diag.Warning, r.key, "example_cited",
				diag.A{"kind": diag.M("kind_"+cited.kind.Name, nil), "id": r.id, "new": cited.kind.Name}))
		}
	}
	return out
}
