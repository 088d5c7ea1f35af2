// Package translations is the translators' round trip: Worklist lists every bilingual
// text of the data files that has one language and lacks the other (declared pending
// with translation_pending, or simply missing), WriteCSV writes that list for a
// spreadsheet, and Import writes the translated texts back into the YAML files. Import
// edits the files' node trees, so comments and layout stay as they were; it refuses a
// row whose source text has changed since the export, and removes translation_pending
// from an entry once every text has its pending language.
package translations

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	datafiles "github.com/pssdc/guide-iad/tools/corpus" // package corpus: the one reader of data/
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// Columns are the worklist's CSV columns, in order.
var Columns = []string{"file", "id", "key", "source_language", "target_language", "source_text", "translation"}

// Row is one text to translate.
type Row struct {
	File        string // path under the data folder, with slashes: projects/ID.yaml
	ID          string // the entry's id; empty for files without one (editions.yaml)
	Key         string // key path as in validator messages: title, lessons[2], metrics[0].label
	Source      string // language of the text
	Target      string // language to translate into
	Text        string // the text in the source language
	Translation string // empty in an export
	Row         int    // row number in the CSV as a spreadsheet shows it (header: 1)
}

// Worklist lists the texts to translate in every data file under dataDir, file by file
// in the order of model.Kinds, keys in file order. Files YAML cannot read are left out
// and named in skipped (guide validate says what is wrong with them).
func Worklist(dataDir string) (rows []Row, skipped []diag.Msg, err error) {
	files, err := dataFiles(dataDir)
	if err != nil {
		return nil, nil, err
	}
	for _, f := range files {
		file := datafiles.Read(f.source)
		if err := file.Err(); err != nil {
			skipped = append(skipped, diag.M("left_out", diag.A{"file": f.source.Path, "error": diag.Cause(err)}))
			continue
		}
		root := file.Root
		id := scalarValue(lookup(root, "id"))
		walk(root, model.MustSpec(f.kind.New()), "", func(key string, m *yaml.Node) {
			have := texts(m)
			for _, target := range model.Languages {
				if have[target] != nil {
					continue
				}
				for _, source := range model.Languages {
					if n := have[source]; n != nil {
						rows = append(rows, Row{File: f.rel, ID: id, Key: key, Source: source, Target: target, Text: n.Value})
						break
					}
				}
			}
		})
	}
	return rows, skipped, nil
}

type dataFile struct {
	rel    string // slash-separated, under the data folder
	kind   model.Kind
	source datafiles.Source
}

// dataFiles lists the data files of every kind, in the order of model.Kinds, as package
// corpus lists them (the validator's listing: links leading out of the data folder are
// listed with their problem, and Worklist leaves them out naming it).
func dataFiles(dataDir string) ([]dataFile, error) {
	sources, err := datafiles.List(dataDir)
	if err != nil {
		return nil, err
	}
	order := map[string]int{}
	for i, k := range model.Kinds {
		order[k.Name] = i
	}
	var out []dataFile
	for _, s := range sources {
		if s.NotData() {
			continue // not a data file: guide validate says what to do with it
		}
		out = append(out, dataFile{filepath.ToSlash(s.Rel()), s.Kind, s})
	}
	slices.SortStableFunc(out, func(a, b dataFile) int {
		return cmp.Or(cmp.Compare(order[a.kind.Name], order[b.kind.Name]), cmp.Compare(a.rel, b.rel))
	})
	return out, nil
}

// walk calls visit for every bilingual mapping under n, with its key path.
func walk(n *yaml.Node, spec *model.Spec, key string, visit func(key string, m *yaml.Node)) {
	switch spec.Shape {
	case model.ShapeStruct:
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if f, ok := spec.Lookup(n.Content[i].Value); ok {
				walk(n.Content[i+1], f.Spec, join(key, n.Content[i].Value), visit)
			}
		}
	case model.ShapeList:
		if n.Kind != yaml.SequenceNode {
			return
		}
		for i, item := range n.Content {
			walk(item, spec.Elem, key+"["+strconv.Itoa(i)+"]", visit)
		}
	case model.ShapeText, model.ShapeMarkdown:
		if n.Kind == yaml.MappingNode {
			visit(key, n)
		}
	}
}

// texts returns the value nodes of a bilingual mapping that hold text, by language.
func texts(m *yaml.Node) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i].Value, m.Content[i+1]
		if slices.Contains(model.Languages, k) && hasText(v) {
			out[k] = v
		}
	}
	return out
}

func hasText(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag != "!!null" && strings.TrimSpace(n.Value) != ""
}

// lookup returns the value of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalarValue(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func join(p, key string) string {
	if p == "" {
		return key
	}
	return p + "." + key
}

// WriteCSV writes rows as CSV, with a header line. A cell a spreadsheet would run as a
// formula (starting with =, +, -, @, a tab or a carriage return) or that starts with an
// apostrophe is written with one more apostrophe in front (tools/internal/csvcell);
// ReadCSV removes it.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(csvcell.Row([]string{r.File, r.ID, r.Key, r.Source, r.Target, r.Text, r.Translation})); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ReadCSV reads a worklist, its columns found by their names in the header. Row numbers
// are those a spreadsheet shows (the header is row 1), whatever line breaks the texts
// hold. A byte order mark, as spreadsheet programs write, is skipped. One leading
// apostrophe is removed from every cell (csvcell.Unescape: WriteCSV put it there, or a
// spreadsheet user marked the cell as text), so a translation that really starts with
// an apostrophe is written with two.
func ReadCSV(r io.Reader) ([]Row, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, diag.Errorf("translations_csv_empty", diag.A{"header": strings.Join(Columns, ",")})
	} else if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, c := range Columns {
		if _, ok := col[c]; !ok {
			return nil, diag.Errorf("translations_csv_no_column", diag.A{"column": c, "columns": strings.Join(Columns, ", ")})
		}
	}
	var rows []Row
	for n := 2; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		} else if err != nil {
			return nil, err
		}
		get := func(c string) string {
			if i := col[c]; i < len(rec) {
				return csvcell.Unescape(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // a blank line
		}
		rows = append(rows, Row{File: strings.TrimSpace(get("file")), ID: strings.TrimSpace(get("id")), Key: strings.TrimSpace(get("key")),
			Source: strings.TrimSpace(get("source_language")), Target: strings.TrimSpace(get("target_language")),
			Text: get("source_text"), Translation: get("translation"), Row: n})
	}
}

// resolve checks a row's file name and returns its path and kind: a file of an entry
// folder or a single data file, never anything outside the data folder.
func resolve(dataDir, rel string) (string, model.Kind, bool) {
	if rel == "" || strings.Contains(rel, `\`) || path.IsAbs(rel) || path.Clean(rel) != rel {
		return "", model.Kind{}, false
	}
	dir, name := path.Split(rel)
	var k model.Kind
	var ok bool
	if dir == "" {
		k, ok = model.KindByFile(name)
	} else {
		k, ok = model.KindByDir(strings.TrimSuffix(dir, "/"))
		ok = ok && strings.HasSuffix(name, ".yaml") && !strings.HasPrefix(name, ".")
	}
	return filepath.Join(dataDir, filepath.FromSlash(rel)), k, ok
}
