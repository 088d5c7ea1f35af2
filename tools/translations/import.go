package translations

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
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

// segment is one step of a key path: a key, then list indexes.
type segment struct {
	key     string
	indexes []int
}

var segmentPattern = regexp.MustCompile(`^([a-z_]+)((?:\[\d+\])*)$`)

func parseKey(key string) ([]segment, bool) {
	var out []segment
	for part := range strings.SplitSeq(key, ".") {
		m := segmentPattern.FindStringSubmatch(part)
		if m == nil {
			return nil, false
		}
		s := segment{key: m[1]}
		for idx := range strings.SplitSeq(strings.Trim(m[2], "[]"), "][") {
			if idx == "" {
				continue
			}
			n, err := strconv.Atoi(idx)
			if err != nil {
				return nil, false
			}
			s.indexes = append(s.indexes, n)
		}
		out = append(out, s)
	}
	return out, len(out) > 0
}

// find follows a key path through the tree and the spec to a bilingual mapping.
func find(n *yaml.Node, spec *model.Spec, path []segment) (m *yaml.Node, markdown, ok bool) {
	for _, s := range path {
		if spec.Shape != model.ShapeStruct || n.Kind != yaml.MappingNode {
			return nil, false, false
		}
		f, found := spec.Lookup(s.key)
		if !found {
			return nil, false, false
		}
		n, spec = lookup(n, s.key), f.Spec
		if n == nil {
			return nil, false, false
		}
		for _, i := range s.indexes {
			if spec.Shape != model.ShapeList || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
				return nil, false, false
			}
			n, spec = n.Content[i], spec.Elem
		}
	}
	if (spec.Shape != model.ShapeText && spec.Shape != model.ShapeMarkdown) || n.Kind != yaml.MappingNode {
		return nil, false, false
	}
	return n, spec.Shape == model.ShapeMarkdown, true
}

// setText puts text under lang in a bilingual mapping: in place of an empty value, or
// as a new key in the languages' order. A flow mapping ({en: …}) becomes a block one
// when the text runs over several lines.
func setText(m *yaml.Node, lang, text string, source *yaml.Node) {
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text}
	flow := m.Style&yaml.FlowStyle != 0
	switch {
	case strings.Contains(text, "\n"):
		v.Style = yaml.LiteralStyle
		m.Style &^= yaml.FlowStyle
	case source.Style&yaml.DoubleQuotedStyle != 0, format.NeedsQuotes(text, flow):
		v.Style = yaml.DoubleQuotedStyle
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == lang { // an empty value: fr: or fr: ""
			old := m.Content[i+1]
			v.HeadComment, v.LineComment, v.FootComment = old.HeadComment, old.LineComment, old.FootComment
			m.Content[i+1] = v
			return
		}
	}
	rank := slices.Index(model.Languages, lang)
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(model.Languages, m.Content[i].Value); r > rank {
			at = i
			break
		}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: lang}
	m.Content = slices.Insert(m.Content, at, k, v)
}

// setWanted records a translation in the expected values.
func setWanted(v any, path []segment, lang, text string) {
	for _, s := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		v = m[s.key]
		for _, i := range s.indexes {
			l, ok := v.([]any)
			if !ok || i >= len(l) {
				return
			}
			v = l[i]
		}
	}
	if m, ok := v.(map[string]any); ok {
		m[lang] = text
	}
}

// removePending removes translation_pending when no text lacks its language any more.
// The key's comments move to the next key.
func removePending(root *yaml.Node, spec *model.Spec) bool {
	at := -1
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "translation_pending" {
			at = i
		}
	}
	if at < 0 {
		return false
	}
	lang := root.Content[at+1].Value
	if !slices.Contains(model.Languages, lang) {
		return false
	}
	complete := true
	walk(root, spec, "", func(_ string, m *yaml.Node) {
		if texts(m)[lang] == nil {
			complete = false
		}
	})
	if !complete {
		return false
	}
	k, v := root.Content[at], root.Content[at+1]
	var comments []string
	for _, c := range []string{k.HeadComment, k.LineComment, v.LineComment, k.FootComment, v.FootComment} {
		if c != "" {
			comments = append(comments, c)
		}
	}
	root.Content = slices.Delete(root.Content, at, at+2)
	if len(comments) > 0 {
		if at < len(root.Content) {
			next := root.Content[at]
			next.HeadComment = strings.Join(append(comments, nonEmpty(next.HeadComment)...), "\n")
		} else if at > 0 {
			prev := root.Content[at-2]
			prev.FootComment = strings.Join(append(nonEmpty(prev.FootComment), comments...), "\n")
		}
	}
	return true
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
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
		return diag.Wrap(err, "translations_result_unparsable", diag.A{"error": err.Error()})
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
