// Package newentry writes the skeleton of a new entry, data/KIND/ID.yaml, from the
// model's spec: the required keys with empty placeholders ("" and []) that the validator
// rejects until they are filled in, and the optional keys commented out, all in the
// model's order. Nothing here is written per kind: a key added to tools/model appears in
// new entries, flags and prompts by itself.
package newentry

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	datafiles "github.com/pssdc/guide-iad/tools/corpus" // package corpus: the one reader of data/
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/schema"
	"gopkg.in/yaml.v3"
)

// ErrExists is returned when the entry's file is already there.
var ErrExists = errors.New("already exists")

// Values are the values given for inputs, by Input.Key. Lists are comma-separated;
// booleans are "true" or "false". Empty values count as not given.
type Values map[string]string

// Input is one value `guide new` takes from a flag or a prompt: a top-level key whose
// value is a string, a date, a boolean, one language of a bilingual text or a list of
// strings (codes, ids). Lists of texts and of mappings are left to the editor.
type Input struct {
	Key   string       // key path: "id", "title.en", "themes"
	Flag  string       // flag name: "id", "title-en", "data-sources"
	Lang  string       // the language of a bilingual text
	Field *model.Field // the top-level field
}

// Shape is the shape of the input's value.
func (in Input) Shape() model.Shape {
	if in.Lang != "" {
		return model.ShapeText
	}
	return in.Field.Spec.Shape
}

// List reports whether the input takes several values (comma-separated).
func (in Input) List() bool { return in.Field.Spec.Shape == model.ShapeList }

// Markdown reports whether the input is one language of a Markdown text.
func (in Input) Markdown() bool { return in.Field.Spec.Shape == model.ShapeMarkdown }

// EntryKinds returns the kinds `guide new` creates: those stored one file per entry.
func EntryKinds() []model.Kind {
	var out []model.Kind
	for _, k := range model.Kinds {
		if k.Dir != "" {
			out = append(out, k)
		}
	}
	return out
}

// KindNamed finds an entry kind by its name (project) or folder (projects).
func KindNamed(name string) (model.Kind, bool) {
	for _, k := range EntryKinds() {
		if name == k.Name || name == k.Dir {
			return k, true
		}
	}
	return model.Kind{}, false
}

// Inputs lists the inputs of a kind in the model's order.
func Inputs(kind model.Kind) []Input {
	spec := model.MustSpec(kind.New())
	var out []Input
	for i := range spec.Fields {
		f := &spec.Fields[i]
		flag := strings.ReplaceAll(f.Key, "_", "-")
		switch f.Spec.Shape {
		case model.ShapeString, model.ShapeDate, model.ShapeBool:
			out = append(out, Input{Key: f.Key, Flag: flag, Field: f})
		case model.ShapeText, model.ShapeMarkdown:
			for _, lang := range model.Languages {
				out = append(out, Input{Key: f.Key + "." + lang, Flag: flag + "-" + lang, Lang: lang, Field: f})
			}
		case model.ShapeList:
			if f.Spec.Elem.Shape == model.ShapeString {
				out = append(out, Input{Key: f.Key, Flag: flag, Field: f})
			}
		}
	}
	return out
}

// Describe says in words, in language lang, what the input takes, for flag help and
// questions: the model's description of the field (model.Field.Describe), with what a
// flag or an answer adds (commas between items, the id's characters, optional).
func (in Input) Describe(lang string) string {
	f, w := in.Field, Words(lang)
	var s string
	switch {
	case in.Lang != "":
		s = f.DescribeIn(in.Lang, lang)
	case f.ID:
		s = f.Describe(lang) + w.T("id_chars")
	case f.Lang:
		s = w.T("pending_desc", "langs", f.Describe(lang))
	case in.List():
		s = f.Describe(lang) + w.T("comma_separated")
	case f.Phone:
		s = f.Describe(lang) + w.T("phone_example")
	default:
		s = f.Describe(lang)
		if f.Max > 0 && in.Shape() == model.ShapeString {
			s += fmt.Sprintf(model.MaxWords(lang), f.Max)
		}
	}
	if !f.Required {
		s += w.T("optional")
	}
	return s
}

// Generate returns the new entry's file. Given values are written in; every other
// required key gets an empty placeholder ("" or []) that the validator reports until it
// is filled in; optional keys without a value are written as comments. Bilingual texts
// leave out the language declared in translation_pending. The result is in canonical
// form (guide fmt leaves it alone).
func Generate(kind model.Kind, values Values) ([]byte, error) {
	spec, err := model.SpecOf(kind.New())
	if err != nil {
		return nil, err
	}
	g := &generator{values: values, pending: values["translation_pending"]}
	root := g.mapping(spec, "")
	if len(root.Content) == 0 {
		return nil, diag.Errorf("newentry_no_required_key", diag.A{"kind": kind.Name})
	}
	header := []string{
		"# yaml-language-server: $schema=../../" + schema.Dir + "/" + schema.FileName(kind),
		`# Fill in every "" and [] (` + "`make validate`" + ` lists those left); to use an optional key,`,
		`# remove the "# " before it. Rules: docs/data-model.md. You may delete these two lines.`,
	}
	first := root.Content[0]
	first.HeadComment = strings.Join(append(header, nonEmpty(first.HeadComment)...), "\n")
	out, err := encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
	if err != nil {
		return nil, err
	}
	return format.Format(kind, out)
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func encode(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

type generator struct {
	values  Values
	pending string
	// commenting is set while rendering an optional key that will be commented out:
	// a boolean's placeholder is then true (false is the default, not worth writing).
	commenting bool
}

// given reports whether a value was given for the key (any language of a text).
func (g *generator) given(key string, f *model.Field) bool {
	if g.commenting {
		return false
	}
	switch f.Spec.Shape {
	case model.ShapeText, model.ShapeMarkdown:
		for _, lang := range model.Languages {
			if g.values[key+"."+lang] != "" {
				return true
			}
		}
		return false
	}
	return g.values[key] != ""
}

// mapping renders a struct spec: present keys as nodes, the others as comments above
// the next present key (or below the last one).
func (g *generator) mapping(spec *model.Spec, path string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var commented []string
	for i := range spec.Fields {
		f := &spec.Fields[i]
		key := join(path, f.Key)
		if !f.Required && !g.given(key, f) {
			commented = append(commented, g.commentedOut(f, key)...)
			continue
		}
		k := str(f.Key)
		if len(commented) > 0 {
			k.HeadComment, commented = strings.Join(commented, "\n"), nil
		}
		m.Content = append(m.Content, k, g.value(f, f.Spec, key))
	}
	if len(commented) > 0 {
		// Comments after the last key belong to it (a mapping's own foot comment would
		// be written after a blank line).
		if n := len(m.Content); n > 0 {
			m.Content[n-2].FootComment = strings.Join(commented, "\n")
		} else {
			m.FootComment = strings.Join(commented, "\n")
		}
	}
	return m
}

// commentedOut renders an optional key with its placeholder, as comment lines.
func (g *generator) commentedOut(f *model.Field, key string) []string {
	was := g.commenting
	g.commenting = true
	defer func() { g.commenting = was }()
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(f.Key), g.value(f, f.Spec, key)}}
	b, err := encode(m)
	if err != nil { // cannot happen with the nodes built here
		return []string{"# " + f.Key + ":"}
	}
	var lines []string
	for line := range strings.SplitSeq(strings.TrimRight(string(b), "\n"), "\n") {
		lines = append(lines, strings.TrimRight("# "+line, " "))
	}
	return lines
}

// value renders a field's value: the given one, else its placeholder.
func (g *generator) value(f *model.Field, spec *model.Spec, key string) *yaml.Node {
	v := g.values[key]
	if g.commenting {
		v = ""
	}
	switch spec.Shape {
	case model.ShapeString:
		if v != "" {
			return scalar(v, "!!str")
		}
		return empty()
	case model.ShapeDate:
		if model.ValidDate(v) {
			return scalar(v, "!!timestamp")
		} else if v != "" {
			return scalar(v, "!!str")
		}
		return empty()
	case model.ShapeBool:
		switch {
		case v != "":
			return scalar(v, "!!bool")
		case g.commenting:
			return scalar("true", "!!bool")
		}
		return scalar("false", "!!bool")
	case model.ShapeText, model.ShapeMarkdown:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, lang := range model.Languages {
			lv := g.values[key+"."+lang]
			if g.commenting {
				lv = ""
			}
			if lang == g.pending && lv == "" {
				continue // left out until translated
			}
			n := empty()
			if lv != "" {
				n = scalar(lv, "!!str")
			}
			m.Content = append(m.Content, str(lang), n)
		}
		return m
	case model.ShapeList:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		if spec.Elem.Shape == model.ShapeString {
			seq.Style = yaml.FlowStyle
			for item := range strings.SplitSeq(v, ",") {
				if item = strings.TrimSpace(item); item != "" {
					seq.Content = append(seq.Content, scalar(item, "!!str"))
				}
			}
			return seq
		}
		// One item to copy for each further one.
		seq.Content = []*yaml.Node{g.value(f, spec.Elem, key+"[0]")}
		return seq
	case model.ShapeStruct:
		return g.mapping(spec, key)
	}
	return empty()
}

func str(s string) *yaml.Node { return scalar(s, "!!str") }

func scalar(v, tag string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
	switch {
	case strings.Contains(v, "\n"):
		n.Style = yaml.LiteralStyle
	case tag == "!!str" && format.NeedsQuotes(v, false):
		// Quoted the way the corpus quotes, not with the encoder's single quotes.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// empty is the placeholder of a text, code or date: "" (a null would read as "not
// given"; an empty string is an error wherever a value is required or written).
func empty() *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// SuggestID derives an id from the entry's first required text after its id (a
// project's title, a contact's name) with model.Slug: from the text in the first
// language given (English, else French), or "" when there is none yet.
func SuggestID(kind model.Kind, values Values) string {
	for _, in := range Inputs(kind) {
		f := in.Field
		if f.ID || !f.Required || in.List() || len(f.Vocab) > 0 || f.Ref != "" || f.Email || f.URL || f.Phone || f.Lang {
			continue
		}
		if s := in.Shape(); s != model.ShapeText && s != model.ShapeString || in.Markdown() {
			continue
		}
		if in.Lang == "" {
			return model.Slug(values[in.Key])
		}
		for _, lang := range model.Languages {
			if id := model.Slug(values[f.Key+"."+lang]); id != "" {
				return id
			}
		}
		return ""
	}
	return ""
}

// Path is where the entry of that kind and id lives.
func Path(dataDir string, kind model.Kind, id string) string {
	return filepath.Join(dataDir, kind.Dir, id+".yaml")
}

// SafeName reports whether id can name a file in the kind's folder (no separators, no
// leading dot); whether it is a valid id is the validator's call.
func SafeName(id string) bool {
	return id != "" && !strings.ContainsAny(id, `/\`+"\x00") && !strings.HasPrefix(id, ".")
}

// Problem is a given value that the validator rejects, or (Input.Field nil) a problem
// of the corpus itself.
type Problem struct {
	Input   Input
	Message string          // in English
	Diag    diag.Diagnostic // the validator's finding, worded in either language by In
}

// In returns the problem worded in lang: the finding's message, or the whole finding
// (path:line:col: error: key: message) for a problem of the corpus.
func (p Problem) In(lang string) string {
	d := p.Diag.In(lang)
	if p.Input.Field == nil {
		return d.String()
	}
	return d.Message
}

// Checked is what the validator says about a generated entry.
type Checked struct {
	Problems []Problem // errors about given values
	Left     int       // other errors: the placeholders still to fill in
}

// Check runs the validator on src as the entry kind/id of the corpus in dataDir, and
// sorts its errors into those about given inputs and the rest.
func Check(dataDir string, kind model.Kind, id string, src []byte, given []Input) (Checked, error) {
	if !SafeName(id) {
		id = "new-" + kind.Name
	}
	tmp, err := os.MkdirTemp("", "guide-new-*")
	if err != nil {
		return Checked{}, err
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, kind.Dir, id+".yaml")
	if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil {
		return Checked{}, err
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		return Checked{}, err
	}
	res, err := check.Run(check.Options{DataDir: dataDir, Paths: []string{path}})
	if err != nil {
		return Checked{}, err
	}
	var c Checked
	for _, d := range res.Diagnostics {
		if d.Severity != diag.Error {
			continue
		}
		if d.File != path {
			// The corpus's own problems (a broken taxonomy) stop the check of codes.
			c.Problems = append(c.Problems, Problem{Message: d.String(), Diag: d})
			continue
		}
		matched := false
		for _, in := range given {
			if d.Key == in.Key || strings.HasPrefix(d.Key, in.Key+".") || strings.HasPrefix(d.Key, in.Key+"[") {
				c.Problems = append(c.Problems, Problem{Input: in, Message: d.Message, Diag: d})
				matched = true
				break
			}
		}
		if !matched {
			c.Left++
		}
	}
	return c, nil
}

// Create writes the entry's file atomically, refusing to replace an existing one (the
// error then wraps ErrExists). It returns the file's path.
func Create(dataDir string, kind model.Kind, id string, src []byte) (string, error) {
	if !SafeName(id) {
		return "", diag.Errorf("newentry_bad_name", diag.A{"id": id})
	}
	path := Path(dataDir, kind, id)
	if _, err := os.Lstat(path); err == nil {
		return path, diag.Wrap(ErrExists, "newentry_exists", diag.A{"path": path})
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return path, err
	}
	// Nothing is written through a link out of the data folder (data/projects → /etc).
	if root, err := datafiles.RealDir(dataDir); err != nil {
		return path, err
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err != nil {
		return path, err
	} else if dir, err = filepath.Abs(dir); err != nil || !datafiles.Within(root, dir) {
		return path, diag.Errorf("newentry_folder_outside", diag.A{"dir": filepath.Dir(path)})
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+id+".yaml.*")
	if err != nil {
		return path, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(src); err != nil {
		tmp.Close()
		return path, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return path, err
	}
	if err := tmp.Close(); err != nil {
		return path, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return path, err
	}
	// A hard link creates the name only if it is free, in one step: a file created
	// meanwhile by someone else is never replaced.
	err = os.Link(tmp.Name(), path)
	switch {
	case err == nil:
		return path, nil
	case errors.Is(err, fs.ErrExist):
		return path, diag.Wrap(ErrExists, "newentry_exists", diag.A{"path": path})
	}
	// File systems without hard links: check, then rename.
	if _, err := os.Lstat(path); err == nil {
		return path, diag.Wrap(ErrExists, "newentry_exists", diag.A{"path": path})
	}
	return path, os.Rename(tmp.Name(), path)
}
