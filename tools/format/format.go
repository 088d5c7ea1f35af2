// Package format rewrites data files in canonical form: keys in the model's order,
// two-space indentation, LF line ends, no byte order mark. Comments and values are
// preserved; Format proves it on every file by comparing before and after, and refuses
// to return a result that would lose anything.
package format

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"slices"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// ErrUnknownKind is returned for a file whose kind cannot be told from its place.
var ErrUnknownKind error = diag.Errorf("fmt_unknown_kind", nil)

// Format returns the canonical form of a data file of the given kind.
func Format(kind model.Kind, src []byte) ([]byte, error) {
	if len(src) > corpus.MaxFileSize {
		return nil, diag.Errorf("fmt_too_large", diag.A{"size": len(src), "limit": corpus.MaxFileSize})
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		return nil, diag.Wrap(err, "fmt_unreadable", diag.A{"error": diag.Cause(err)})
	}
	// A second document would be lost by the encoder: refuse, never drop it.
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, diag.Errorf("fmt_several_documents", nil)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, diag.Errorf("fmt_not_mapping", nil)
	}
	if hasAlias(&doc) {
		return nil, diag.Errorf("fmt_alias", nil)
	}
	spec, err := model.SpecOf(kind.New())
	if err != nil {
		return nil, err
	}
	// The comment above the first key belongs to the file (schema line, notes), not to
	// that key: it stays on top whatever key comes first.
	root := doc.Content[0]
	var top string
	if len(root.Content) > 0 {
		top, root.Content[0].HeadComment = root.Content[0].HeadComment, ""
	}
	reorder(root, spec)
	if top != "" && len(root.Content) > 0 {
		first := root.Content[0]
		first.HeadComment = joinComments(top, first.HeadComment)
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if err := same(src, out.Bytes()); err != nil {
		return nil, diag.Wrap(err, "fmt_would_change", diag.A{"difference": diag.Cause(err)})
	}
	return out.Bytes(), nil
}

// reorder sorts a mapping's keys into the spec's order, recursively; keys the spec does
// not know keep their relative order after the known ones (the validator flags them).
func reorder(n *yaml.Node, spec *model.Spec) {
	if n.Kind != yaml.MappingNode {
		return
	}
	order := map[string]int{}
	var fields map[string]*model.Spec
	switch spec.Shape {
	case model.ShapeStruct:
		fields = map[string]*model.Spec{}
		for i, f := range spec.Fields {
			order[f.Key] = i
			fields[f.Key] = f.Spec
		}
	case model.ShapeText, model.ShapeMarkdown:
		for i, l := range model.Languages {
			order[l] = i
		}
	default:
		return
	}
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	rank := func(p pair) int {
		if r, ok := order[p.k.Value]; ok {
			return r
		}
		return len(order)
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return rank(a) - rank(b) })
	for i, p := range pairs {
		n.Content[2*i], n.Content[2*i+1] = p.k, p.v
		if sub := fields[p.k.Value]; sub != nil {
			reorderValue(p.v, sub)
		}
	}
}

func reorderValue(n *yaml.Node, spec *model.Spec) {
	switch {
	case spec.Shape == model.ShapeList && n.Kind == yaml.SequenceNode:
		for _, item := range n.Content {
			reorderValue(item, spec.Elem)
		}
	case n.Kind == yaml.MappingNode:
		reorder(n, spec)
	}
}

func joinComments(a, b string) string {
	if b == "" {
		return a
	}
	return a + "\n" + b
}

func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// same checks that two YAML texts hold equal values and the same comments.
func same(before, after []byte) error {
	var a, b any
	if err := yaml.Unmarshal(before, &a); err != nil {
		return err
	}
	if err := yaml.Unmarshal(after, &b); err != nil {
		return diag.Wrap(err, "fmt_output_unparsable", diag.A{"error": diag.Cause(err)})
	}
	if !reflect.DeepEqual(a, b) {
		return diag.Errorf("fmt_values_differ", nil)
	}
	ca, cb := Comments(before), Comments(after)
	if !slices.Equal(ca, cb) {
		return diag.Errorf("fmt_comments_differ", diag.A{"before": len(ca), "after": len(cb)})
	}
	return nil
}

// Comments lists every comment text of a YAML document, sorted.
func Comments(src []byte) []string {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return nil
	}
	var out []string
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range bytes.Split([]byte(c), []byte("\n")) {
				if t := bytes.TrimSpace(line); len(t) > 0 {
					out = append(out, string(t))
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	slices.Sort(out)
	return out
}

// Corpus formats a data file the corpus reader read (corpus.Read): it refuses a file
// the reader rejects (size, encoding, several documents, aliases…), naming its first
// error, and returns the canonical form and whether it differs from the bytes on disk
// (CRLF line ends included). Tab indentation, which the reader reads as spaces
// (corpus.TabRepair), is no reason to refuse: it is whitespace, and the canonical form
// has none.
func Corpus(f *corpus.File) (out []byte, changed bool, err error) {
	if err := f.ErrBeyondTabs(); err != nil {
		return nil, false, err
	}
	if f.Kind.Name == "" {
		return nil, false, ErrUnknownKind
	}
	out, err = Format(f.Kind, f.Src)
	if err != nil {
		return nil, false, err
	}
	return out, !bytes.Equal(f.OnDisk(), out), nil
}
