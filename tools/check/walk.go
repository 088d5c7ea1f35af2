package check

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// StaleAfterMonths is the age past which an entry's review date draws a warning
// (model.StaleAfterMonths, which the site's freshness notice uses too).
const StaleAfterMonths = model.StaleAfterMonths

// entry is what one checked data file contributes to cross-file checks.
type entry struct {
	path     string
	kind     model.Kind
	id       string
	idLine   int
	idColumn int
	fields   map[string]*yaml.Node // top-level values by key
	refs     []reference
	links    []siteLink
	pending  string
	example  bool       // a sample entry (example: true)
	life     *lifecycle // archived, replaced_by, former_ids (archive.go); nil without them
}

// reference is one id that must exist in another folder.
type reference struct {
	dir       string
	id        string
	key       string
	line, col int
}

// walker checks one file's node tree against the model's spec.
type walker struct {
	p       *parsed
	tax     *vocabularies // nil when the taxonomy could not be loaded
	now     time.Time
	pending string
	missing map[string]int // fields lacking text in the pending language
	e       *entry

	// set while checking a Markdown value, for links found in it
	linkKey        string
	offsetPosition func(offset int) (line, col int)

	lineStarts []int // byte offset of each line of the source, made when first needed
}

func (w *walker) errorf(n *yaml.Node, key, code string, args diag.A) {
	w.p.errorf(n.Line, n.Column, key, code, args)
}

func (w *walker) warnf(n *yaml.Node, key, code string, args diag.A) {
	w.p.diags = append(w.p.diags, diag.New(w.p.path, n.Line, n.Column, diag.Warning, key, code, args))
}

// checkEntry checks a parsed file of the given kind and returns what cross-file
// checks need.
func checkEntry(p *parsed, kind model.Kind, tax *vocabularies, now time.Time) *entry {
	e := &entry{path: p.path, kind: kind, fields: map[string]*yaml.Node{}}
	w := &walker{p: p, tax: tax, now: now, e: e, missing: map[string]int{}}
	spec := model.MustSpec(kind.New())
	for i := 0; i+1 < len(p.root.Content); i += 2 {
		e.fields[p.root.Content[i].Value] = p.root.Content[i+1]
	}
	// The pending language changes how every bilingual field is judged, so read it first.
	if n, ok := e.fields["translation_pending"]; ok && n.Kind == yaml.ScalarNode && slices.Contains(model.Languages, n.Value) {
		w.pending = n.Value
		e.pending = n.Value
	}
	first := len(p.diags)
	w.invisible(p.root, "")
	w.mapping(p.root, spec, "")
	if kind.Dir != "" {
		w.entryRules()
		w.lifecycleRules()
		w.examples()
		w.idHint(first)
	}
	w.mapTabs(first)
	// Messages quote keys and values: show their invisible characters as escapes, so a
	// terminal or a CI log never reorders or hides what it prints.
	for i := first; i < len(p.diags); i++ {
		p.diags[i].Key = visible(p.diags[i].Key)
		p.diags[i].Message = visible(p.diags[i].Message)
	}
	return e
}

// mapping checks a mapping node against a struct spec.
func (w *walker) mapping(n *yaml.Node, spec *model.Spec, path string) {
	if n.Kind != yaml.MappingNode {
		w.errorf(n, path, "not_mapping", diag.A{"found": describe(n)})
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" && k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
			w.errorf(k, path, "key_not_plain", diag.A{"found": describe(k)})
			continue
		}
		key := join(path, k.Value)
		if first, dup := seen[k.Value]; dup {
			w.errorf(k, key, "duplicate_key", diag.A{"first": first.Line})
			continue
		}
		seen[k.Value] = k
		f, ok := spec.Lookup(k.Value)
		if !ok {
			w.errorf(k, key, "unknown_key", diag.A{"hint": suggest(k.Value, spec.Keys()), "keys": spec.Keys()})
			continue
		}
		if isNull(v) {
			if f.Required {
				w.errorf(v, key, "empty", diag.A{"expected": f.Expect()})
			} else {
				w.errorf(v, key, "empty_optional", diag.A{"expected": f.Expect()})
			}
			continue
		}
		w.value(v, f, f.Spec, key)
	}
	for _, f := range spec.Fields {
		if f.Required && seen[f.Key] == nil {
			w.errorf(n, join(path, f.Key), "missing_key", diag.A{"key": f.Key, "expected": f.Expect()})
		}
	}
}

// value checks one value against its field's rules.
func (w *walker) value(n *yaml.Node, f *model.Field, spec *model.Spec, key string) {
	switch spec.Shape {
	case model.ShapeStruct:
		w.mapping(n, spec, key)
	case model.ShapeList:
		w.list(n, f, spec, key)
	case model.ShapeText, model.ShapeMarkdown:
		w.bilingual(n, f, spec.Shape == model.ShapeMarkdown, key)
	case model.ShapeBool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || (n.Value != "true" && n.Value != "false") {
			w.errorf(n, key, "not_bool", diag.A{"found": describe(n)})
		}
	case model.ShapeDate:
		w.date(n, key)
	case model.ShapeString:
		if s, ok := w.str(n, f, key); ok {
			w.stringRules(n, f, s, key)
		}
	}
}

func (w *walker) list(n *yaml.Node, f *model.Field, spec *model.Spec, key string) {
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.ScalarNode && !isNull(n) {
			w.errorf(n, key, "not_list_scalar", diag.A{"found": describe(n), "key": lastKey(key), "value": n.Value})
		} else {
			w.errorf(n, key, "not_list", diag.A{"found": describe(n)})
		}
		return
	}
	if len(n.Content) == 0 && f.Required {
		w.errorf(n, key, "empty_list", nil)
		return
	}
	seen := map[string]int{}
	for i, item := range n.Content {
		ikey := fmt.Sprintf("%s[%d]", key, i)
		if isNull(item) {
			w.errorf(item, ikey, "empty_item", nil)
			continue
		}
		w.value(item, f, spec.Elem, ikey)
		if spec.Elem.Shape == model.ShapeString && item.Kind == yaml.ScalarNode {
			if j, dup := seen[item.Value]; dup {
				w.errorf(item, ikey, "listed_twice", diag.A{"value": item.Value, "item": j})
			}
			seen[item.Value] = i
		}
	}
}

// str checks that n is a string scalar, as written: YAML would turn an unquoted 0755,
// 1e3, yes or 2024-01-01 into another type.
func (w *walker) str(n *yaml.Node, f *model.Field, key string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		w.errorf(n, key, "wrong_shape", diag.A{"expected": f.Expect(), "found": describe(n)})
		return "", false
	}
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
	if !quoted && n.Tag != "!!str" {
		w.errorf(n, key, "not_text", diag.A{"found": describe(n), "value": n.Value})
		return "", false
	}
	// A code that is no code at all gets the vocabulary's message, which says what to write.
	if !quoted && model.YAML11Bool(n.Value) && (len(f.Vocab) == 0 || w.isCode(f, n.Value)) {
		w.errorf(n, key, "yaml11_bool", diag.A{"value": n.Value})
		return "", false
	}
	if strings.TrimSpace(n.Value) == "" {
		w.errorf(n, key, "empty", diag.A{"expected": f.Expect()})
		return "", false
	}
	return n.Value, true
}

func (w *walker) stringRules(n *yaml.Node, f *model.Field, s, key string) {
	switch {
	case f.ID:
		w.id(n, s, key)
	case len(f.Vocab) > 0:
		w.code(n, f, s, key)
	case f.Ref != "":
		if !model.IDShaped(s) {
			w.errorf(n, key, "not_id", diag.A{"value": s})
			return
		}
		w.e.refs = append(w.e.refs, reference{dir: f.Ref, id: s, key: key, line: n.Line, col: n.Column})
	case f.URL:
		if msg := checkURL(s); msg.Code != "" {
			w.errorf(n, key, msg.Code, msg.Args)
		}
	case f.Email:
		if !validEmail(s) {
			w.errorf(n, key, "not_email", diag.A{"value": s})
		}
	case f.Phone:
		if !validPhone(s) {
			w.errorf(n, key, "not_phone", diag.A{"value": s})
		}
	case f.SameKind || f.OldID:
		if !model.IDShaped(s) {
			w.errorf(n, key, "not_id", diag.A{"value": s})
		}
	case f.Lang:
		if !slices.Contains(model.Languages, s) {
			w.errorf(n, key, "not_language", diag.A{"value": s, "hint": suggest(s, model.Languages)})
		}
	}
	if f.Max > 0 && utf8.RuneCountInString(s) > f.Max {
		w.errorf(n, key, "too_long", diag.A{"length": utf8.RuneCountInString(s), "max": f.Max})
	}
	if f.Plain || (len(f.Vocab) == 0 && f.Ref == "" && !f.ID && !f.URL && !f.Email && !f.Phone && !f.Lang && !f.SameKind && !f.OldID) {
		w.plain(n, s, key)
	}
}

func (w *walker) id(n *yaml.Node, s, key string) {
	w.e.id, w.e.idLine, w.e.idColumn = s, n.Line, n.Column
	switch {
	case len(s) > model.MaxIDLength:
		w.errorf(n, key, "id_too_long", diag.A{"length": len(s), "max": model.MaxIDLength})
		return
	case !model.IDShaped(s):
		w.errorf(n, key, "bad_id", diag.A{"value": s, "example": ProposedID(s)})
		return
	}
	if w.e.kind.Dir == "" {
		return
	}
	stem := strings.TrimSuffix(filepath.Base(w.p.path), filepath.Ext(w.p.path))
	switch {
	case s == stem:
	case !model.ValidID(stem):
		// Never suggest an id that is refused in turn (`id: Sask Highway Permit`).
		w.errorf(n, key, "id_file_not_id", diag.A{"id": s, "file": filepath.Base(w.p.path)})
	default:
		w.errorf(n, key, "id_not_file_name", diag.A{"id": s, "file": filepath.Base(w.p.path), "stem": stem})
	}
}

func (w *walker) isCode(f *model.Field, s string) bool {
	for _, v := range f.Vocab {
		if w.tax == nil || w.tax.has(v, s) {
			return true
		}
	}
	return false
}

func (w *walker) code(n *yaml.Node, f *model.Field, s, key string) {
	if w.isCode(f, s) {
		return // with no taxonomy loaded, its own errors are reported instead
	}
	var all []string
	for _, v := range f.Vocab {
		all = append(all, w.tax.codes(v)...)
	}
	choices := diag.Msg{}
	if len(all) <= 15 {
		choices = diag.M("one_of", diag.A{"codes": all})
	}
	w.errorf(n, key, "unknown_code", diag.A{"value": s, "vocab": f.Vocab, "hint": suggest(s, all), "choices": choices})
}

func (w *walker) date(n *yaml.Node, key string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!timestamp" && n.Tag != "!!str") {
		w.errorf(n, key, "not_date_scalar", diag.A{"found": describe(n)})
		return
	}
	if !model.DateShaped(n.Value) {
		w.errorf(n, key, "not_date", diag.A{"value": n.Value})
		return
	}
	if _, err := time.Parse(model.DateLayout, n.Value); err != nil {
		w.errorf(n, key, "not_day", diag.A{"value": n.Value})
	}
}

// entryRules are the rules that involve several keys of one entry.
func (w *walker) entryRules() {
	fields := w.e.fields
	if w.pending != "" {
		if n := fields["translation_pending"]; n != nil {
			if len(w.missing) == 0 {
				w.warnf(n, "translation_pending", "pending_needless", diag.A{"language": languageName(w.pending), "lang": w.pending})
			} else {
				w.warnf(n, "translation_pending", "pending", diag.A{"language": languageName(w.pending), "fields": len(w.missing)})
			}
		}
	}
	started, ended := fields["started"], fields["ended"]
	if started != nil && ended != nil && model.DateShaped(started.Value) && model.DateShaped(ended.Value) && ended.Value < started.Value {
		w.errorf(ended, "ended", "ended_before_started", diag.A{"ended": ended.Value, "started": started.Value})
	}
	for _, key := range []string{"reviewed", "consent", "started"} {
		n := fields[key]
		if n == nil || !model.DateShaped(n.Value) {
			continue
		}
		if t, err := time.Parse(model.DateLayout, n.Value); err == nil && t.After(w.now) {
			w.errorf(n, key, "future_date", diag.A{"date": n.Value})
		}
	}
	if n := fields["reviewed"]; n != nil && model.DateShaped(n.Value) {
		if t, err := time.Parse(model.DateLayout, n.Value); err == nil && t.Before(w.now.AddDate(0, -StaleAfterMonths, 0)) {
			w.warnf(n, "reviewed", "stale", diag.A{"date": n.Value, "months": StaleAfterMonths})
		}
	}
	if w.e.kind.Name == "contact" && fields["consent"] == nil {
		w.warnf(w.p.root, "consent", "no_consent", nil)
	}
}

func checkURL(s string) diag.Msg {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return diag.M("url_invalid", diag.A{"value": s, "error": diag.Cause(err)})
	case u.Scheme == "http":
		return diag.M("url_http", diag.A{"value": s, "rest": strings.TrimPrefix(s, "http://")})
	case u.Scheme != "https":
		if u.Scheme == "" {
			return diag.M("url_relative", diag.A{"value": s})
		}
		return diag.M("url_scheme", diag.A{"value": s, "scheme": u.Scheme})
	case u.Host == "" || u.Hostname() == "":
		return diag.M("url_no_host", diag.A{"value": s})
	case u.User != nil:
		return diag.M("url_user", diag.A{"value": s})
	case strings.ContainsAny(s, " \t\n"):
		return diag.M("url_spaces", diag.A{"value": s})
	}
	return diag.Msg{}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}
