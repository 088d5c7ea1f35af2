package translations

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"

	datafiles "github.com/pssdc/guide-iad/tools/corpus" // package corpus: the one reader of data/
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// Problem is a row Import refused.
type Problem struct {
	Row     int    // in the CSV, as a spreadsheet numbers it
	File    string // the row's file column
	Key     string
	Message diag.Msg // why the row is refused
}

// String formats p as ROW: FILE: KEY: message, in English; the caller puts the CSV's
// name in front.
func (p Problem) String() string { return p.In("en") }

// In formats p as String does, the message worded in lang.
func (p Problem) In(lang string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d: ", p.Row)
	if p.File != "" {
		b.WriteString(p.File + ": ")
	}
	if p.Key != "" {
		b.WriteString(p.Key + ": ")
	}
	b.WriteString(p.Message.Text(lang))
	return b.String()
}

// Changed is one file Import rewrote.
type Changed struct {
	Path           string
	Imported       int  // texts written in
	PendingRemoved bool // translation_pending was removed: every text is translated
}

// Result is what Import did.
type Result struct {
	Changed  []Changed
	Problems []Problem
	Empty    int // rows without a translation, left alone
	Already  int // rows whose translation the file already holds
}

// Import writes the translations of rows into the files under dataDir. Each row's
// source text must still be the file's; a row that does not match, or whose target
// language already holds another text, is refused with a problem and the others are
// imported. Each file is rewritten atomically, in canonical form, after checking that
// only the translated texts (and translation_pending) changed and every comment is kept.
// The error is for I/O failures.
func Import(dataDir string, rows []Row) (Result, error) {
	var res Result
	var files []string
	byFile := map[string][]Row{}
	for _, r := range rows {
		if strings.TrimSpace(r.Translation) == "" {
			res.Empty++
			continue
		}
		if _, ok := byFile[r.File]; !ok {
			files = append(files, r.File)
		}
		byFile[r.File] = append(byFile[r.File], r)
	}
	for _, rel := range files {
		c, problems, already, err := importFile(dataDir, rel, byFile[rel])
		if err != nil {
			return res, err
		}
		res.Problems = append(res.Problems, problems...)
		res.Already += already
		if c.Imported > 0 {
			res.Changed = append(res.Changed, c)
		}
	}
	slices.SortStableFunc(res.Problems, func(a, b Problem) int { return a.Row - b.Row })
	return res, nil
}

func importFile(dataDir, rel string, rows []Row) (c Changed, problems []Problem, already int, err error) {
	refuseAll := func(msg diag.Msg) {
		for _, r := range rows {
			problems = append(problems, Problem{Row: r.Row, File: rel, Key: r.Key, Message: msg})
		}
	}
	p, kind, ok := resolve(dataDir, rel)
	c.Path = p
	if !ok {
		refuseAll(diag.M("translations_not_data_file", nil))
		return c, problems, 0, nil
	}
	if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
		refuseAll(diag.M("translations_no_file", nil))
		return c, problems, 0, nil
	} else if err != nil {
		return c, nil, 0, err
	}
	// Read as guide validate reads it (package corpus): a file it rejects (a link out of
	// the data folder, several documents, an alias…) is left alone.
	f := datafiles.ReadPath(dataDir, p)
	if err := f.Err(); err != nil {
		refuseAll(diag.M("translations_cannot_read", diag.A{"error": diag.Cause(err)}))
		return c, problems, 0, nil
	}
	root, err := f.Tree() // with its comments, which the new file keeps
	if err != nil {
		refuseAll(diag.M("translations_cannot_read", diag.A{"error": diag.Cause(err)}))
		return c, problems, 0, nil
	}
	src := f.Src
	var want any // the file's values as they should be after the import
	if err := yaml.Unmarshal(src, &want); err != nil {
		return c, nil, 0, err
	}
	spec := model.MustSpec(kind.New())
	id := scalarValue(lookup(root, "id"))
	for _, r := range rows {
		msg, done := apply(root, spec, id, r, want)
		switch {
		case msg.Code != "":
			problems = append(problems, Problem{Row: r.Row, File: rel, Key: r.Key, Message: msg})
		case done:
			c.Imported++
		default:
			already++
		}
	}
	if c.Imported == 0 {
		return c, problems, already, nil
	}
	if removePending(root, spec) {
		c.PendingRemoved = true
		delete(want.(map[string]any), "translation_pending")
	}
	out, err := encode(root, kind)
	if err == nil {
		err = verify(src, out, want)
	}
	if err != nil {
		// Should not happen; if it does, the file is left exactly as it was.
		refuseAll(diag.M("translations_left_alone", diag.A{"error": diag.Cause(err)}))
		return Changed{Path: p}, problems, already, nil
	}
	if !bytes.Equal(out, f.OnDisk()) {
		// Only if the file still holds what was read: a change made meanwhile (guide fmt,
		// an editor) is never overwritten; the rows are refused and can be imported again.
		err := atomicfile.Replace(p, f.OnDisk(), out)
		if errors.Is(err, atomicfile.ErrChanged) || errors.Is(err, atomicfile.ErrLink) {
			refuseAll(diag.M("translations_not_written", diag.A{"error": diag.Cause(err)}))
			return Changed{Path: p}, problems, already, nil
		}
		if err != nil {
			return c, nil, 0, err
		}
	}
	return c, problems, already, nil
}

// apply writes one row's translation into the tree (and into want, the expected
// values). It returns why the row is refused, or whether it changed anything.
func apply(root *yaml.Node, spec *model.Spec, id string, r Row, want any) (msg diag.Msg, changed bool) {
	switch {
	case r.ID != id:
		return diag.M("translations_id_changed", diag.A{"id": id, "row": r.ID}), false
	case !slices.Contains(model.Languages, r.Source) || !slices.Contains(model.Languages, r.Target) || r.Source == r.Target:
		return diag.M("translations_bad_languages", diag.A{"source": r.Source, "target": r.Target}), false
	}
	path, ok := parseKey(r.Key)
	if !ok {
		return diag.M("translations_bad_key", nil), false
	}
	m, markdown, ok := find(root, spec, path)
	if !ok {
		return diag.M("translations_no_text", nil), false
	}
	have := texts(m)
	source := have[r.Source]
	if source == nil || normalize(source.Value) != normalize(r.Text) {
		return diag.M("translations_source_changed", diag.A{"lang": r.Source}), false
	}
	translation := clean(r.Translation, source.Value, markdown)
	if target := have[r.Target]; target != nil {
		if normalize(target.Value) == normalize(translation) {
			return diag.Msg{}, false
		}
		return diag.M("translations_target_differs", diag.A{"lang": r.Target}), false
	}
	setText(m, r.Target, translation, source)
	setWanted(want, path, r.Target, translation)
	return diag.Msg{}, true
}

// normalize is how texts are compared: spreadsheets may change line ends and trim
// trailing blanks.
func normalize(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
}

// clean trims a translation and ends it like its source: a Markdown block that ends
// with a line break keeps one.
func clean(t, source string, markdown bool) string {
	t = normalize(t)
	if markdown && strings.HasSuffix(source, "\n") {
		t += "\n"
	}
	return t
}

// encode writes the tree the way guide fmt does, and returns guide fmt's form of it.
func encode(root *yaml.Node, kind model.Kind) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return format.Format(kind, b.Bytes())
}

// verify checks the new file: it holds exactly the expected values and the same
// comments as before.
func verify(before, after []byte, want any) error {
	var got any
	if err := yaml.Unmarshal(after, &got); err != nil {
		return diag.Wrap(err, "translations_result_unparsable", diag.A{"error": diag.Cause(err)})
	}
	if !reflect.DeepEqual(got, want) {
		return diag.Errorf("translations_values_change", nil)
	}
	if a, b := format.Comments(before), format.Comments(after); !slices.Equal(a, b) {
		return diag.Errorf("translations_comments_change", diag.A{"before": len(a), "after": len(b)})
	}
	return nil
}

// WriteFile writes the worklist to path atomically: a complete file or none.
func WriteFile(path string, rows []Row) error {
	var b bytes.Buffer
	if err := WriteCSV(&b, rows); err != nil {
		return err
	}
	return atomicfile.Write(path, b.Bytes())
}
