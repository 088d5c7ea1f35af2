package check

import (
	"fmt"
	"net/mail"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

var (
	phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 ().-]{6,22}[0-9]( (ext\.|x) ?[0-9]{1,6})?$`)
)

// StaleAfterMonths is the age past which an entry's review date draws a warning.
const StaleAfterMonths = 18

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

func (w *walker) errorf(n *yaml.Node, key, format string, args ...any) {
	w.p.errorf(n.Line, n.Column, key, format, args...)
}

func (w *walker) warnf(n *yaml.Node, key, format string, args ...any) {
	w.p.diags = append(w.p.diags, diag.Diagnostic{File: w.p.path, Line: n.Line, Column: n.Column,
		Severity: diag.Warning, Key: key, Message: fmt.Sprintf(format, args...)})
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
	}
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
		w.errorf(n, path, "expected a mapping of keys, found %s", describe(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" && k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
			w.errorf(k, path, "a key must be a plain name, found %s", describe(k))
			continue
		}
		key := join(path, k.Value)
		if first, dup := seen[k.Value]; dup {
			w.errorf(k, key, "duplicate key (first at line %d); keep one", first.Line)
			continue
		}
		seen[k.Value] = k
		f, ok := spec.Lookup(k.Value)
		if !ok {
			w.errorf(k, key, "unknown key%s; allowed here: %s", suggest(k.Value, spec.Keys()), strings.Join(spec.Keys(), ", "))
			continue
		}
		if isNull(v) {
			if f.Required {
				w.errorf(v, key, "is empty; %s", expectation(f))
			} else {
				w.errorf(v, key, "is empty; remove the key or give it a value (%s)", expectation(f))
			}
			continue
		}
		w.value(v, f, f.Spec, key)
	}
	for _, f := range spec.Fields {
		if f.Required && seen[f.Key] == nil {
			w.errorf(n, join(path, f.Key), "missing required key; add `%s:` (%s)", f.Key, expectation(&f))
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
			w.errorf(n, key, "expected true or false, found %s", describe(n))
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
			w.errorf(n, key, "expected a list, found %s; write `%s: [%s]` or one `- item` per line", describe(n), lastKey(key), n.Value)
		} else {
			w.errorf(n, key, "expected a list, found %s", describe(n))
		}
		return
	}
	if len(n.Content) == 0 && f.Required {
		w.errorf(n, key, "needs at least one item")
		return
	}
	seen := map[string]int{}
	for i, item := range n.Content {
		ikey := fmt.Sprintf("%s[%d]", key, i)
		if isNull(item) {
			w.errorf(item, ikey, "empty list item; remove the `-` or give it a value")
			continue
		}
		w.value(item, f, spec.Elem, ikey)
		if spec.Elem.Shape == model.ShapeString && item.Kind == yaml.ScalarNode {
			if j, dup := seen[item.Value]; dup {
				w.errorf(item, ikey, "%q is listed twice (also item %d); keep one", item.Value, j)
			}
			seen[item.Value] = i
		}
	}
}

// str checks that n is a string scalar, as written: YAML would turn an unquoted 0755,
// 1e3, yes or 2024-01-01 into another type.
func (w *walker) str(n *yaml.Node, f *model.Field, key string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		w.errorf(n, key, "expected %s, found %s", expectation(f), describe(n))
		return "", false
	}
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
	if !quoted && n.Tag != "!!str" {
		w.errorf(n, key, "text expected, found %s; quote it (\"%s\") so YAML keeps it as text", describe(n), n.Value)
		return "", false
	}
	// A code that is no code at all gets the vocabulary's message, which says what to write.
	if !quoted && model.YAML11Bool(n.Value) && (len(f.Vocab) == 0 || w.isCode(f, n.Value)) {
		w.errorf(n, key, "unquoted %q is read as a boolean by YAML 1.1 tools; quote it (\"%s\")", n.Value, n.Value)
		return "", false
	}
	if strings.TrimSpace(n.Value) == "" {
		w.errorf(n, key, "is empty; %s", expectation(f))
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
			w.errorf(n, key, "%q is not an id (lowercase letters, digits and hyphens)", s)
			return
		}
		w.e.refs = append(w.e.refs, reference{dir: f.Ref, id: s, key: key, line: n.Line, col: n.Column})
	case f.URL:
		if msg := checkURL(s); msg != "" {
			w.errorf(n, key, "%s", msg)
		}
	case f.Email:
		if a, err := mail.ParseAddress(s); err != nil || a.Address != s || a.Name != "" {
			w.errorf(n, key, "%q is not an email address; expected name@organization.ca", s)
		}
	case f.Phone:
		if !phonePattern.MatchString(s) {
			w.errorf(n, key, "%q is not a telephone number; expected digits such as +1 613 555 0100 (ext. 123)", s)
		}
	case f.Lang:
		if !slices.Contains(model.Languages, s) {
			w.errorf(n, key, "%q is not a language of the guide; expected en or fr%s", s, suggest(s, model.Languages))
		}
	}
	if f.Max > 0 && utf8.RuneCountInString(s) > f.Max {
		w.errorf(n, key, "is %d characters long; the limit is %d", utf8.RuneCountInString(s), f.Max)
	}
	if f.Plain || (len(f.Vocab) == 0 && f.Ref == "" && !f.ID && !f.URL && !f.Email && !f.Phone && !f.Lang) {
		w.plain(n, s, key)
	}
}

func (w *walker) id(n *yaml.Node, s, key string) {
	w.e.id, w.e.idLine, w.e.idColumn = s, n.Line, n.Column
	switch {
	case len(s) > model.MaxIDLength:
		w.errorf(n, key, "id is %d characters long; the limit is %d", len(s), model.MaxIDLength)
		return
	case !model.IDShaped(s):
		w.errorf(n, key, "%q is not a valid id; use lowercase letters, digits and single hyphens, e.g. %q (and name the file after it)", s, model.Slug(s))
		return
	}
	if w.e.kind.Dir == "" {
		return
	}
	stem := strings.TrimSuffix(filepath.Base(w.p.path), filepath.Ext(w.p.path))
	if s != stem {
		w.errorf(n, key, "id %q differs from the file name %q; rename the file to %s.yaml or set `id: %s`", s, filepath.Base(w.p.path), s, stem)
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
	hint := suggest(s, all)
	if len(all) <= 15 {
		hint += "; expected one of " + strings.Join(all, ", ")
	}
	w.errorf(n, key, "unknown code %q in %s%s", s, strings.Join(f.Vocab, " or "), hint)
}

func (w *walker) date(n *yaml.Node, key string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!timestamp" && n.Tag != "!!str") {
		w.errorf(n, key, "expected a date YYYY-MM-DD, found %s", describe(n))
		return
	}
	if !model.DateShaped(n.Value) {
		w.errorf(n, key, "%q is not a date; expected YYYY-MM-DD, e.g. 2026-03-31", n.Value)
		return
	}
	if _, err := time.Parse(model.DateLayout, n.Value); err != nil {
		w.errorf(n, key, "%q is not a day of the calendar", n.Value)
	}
}

// bilingual checks an {en, fr} mapping.
func (w *walker) bilingual(n *yaml.Node, f *model.Field, markdown bool, key string) {
	if n.Kind != yaml.MappingNode {
		found := describe(n)
		w.errorf(n, key, "expected text in both languages `{en: …, fr: …}`, found %s", found)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		lkey := join(key, k.Value)
		if !slices.Contains(model.Languages, k.Value) {
			w.errorf(k, lkey, "unknown language key%s; expected en and fr", suggest(k.Value, model.Languages))
			continue
		}
		if seen[k.Value] {
			w.errorf(k, lkey, "duplicate key; keep one")
			continue
		}
		seen[k.Value] = true
		if isNull(v) {
			w.missingLanguage(k, k.Value, lkey)
			continue
		}
		s, ok := w.str(v, f, lkey)
		if !ok {
			continue
		}
		if f.Max > 0 && utf8.RuneCountInString(strings.TrimSpace(s)) > f.Max {
			w.errorf(v, lkey, "is %d characters long; the limit is %d", utf8.RuneCountInString(strings.TrimSpace(s)), f.Max)
			continue // Markdown that long is not parsed: its time is bounded by the limit
		}
		if markdown {
			w.markdown(v, s, lkey)
		} else {
			w.plain(v, s, lkey)
		}
	}
	for _, lang := range model.Languages {
		if !seen[lang] {
			w.missingLanguage(n, lang, join(key, lang))
		}
	}
}

func (w *walker) missingLanguage(n *yaml.Node, lang, key string) {
	if lang == w.pending {
		w.missing[key]++
		return
	}
	w.errorf(n, key, "missing %s text; add `%s: …`, or declare `translation_pending: %s` while it is being translated", languageName(lang), lang, lang)
}

// entryRules are the rules that involve several keys of one entry.
func (w *walker) entryRules() {
	fields := w.e.fields
	if w.pending != "" {
		if n := fields["translation_pending"]; n != nil {
			if len(w.missing) == 0 {
				w.warnf(n, "translation_pending", "declares %s pending, yet every text has its %s version; remove the key", languageName(w.pending), w.pending)
			} else {
				w.warnf(n, "translation_pending", "%s translation pending for %d %s; the %s site shows the other language with a notice",
					languageName(w.pending), len(w.missing), plural(len(w.missing), "field", "fields"), languageName(w.pending))
			}
		}
	}
	started, ended := fields["started"], fields["ended"]
	if started != nil && ended != nil && model.DateShaped(started.Value) && model.DateShaped(ended.Value) && ended.Value < started.Value {
		w.errorf(ended, "ended", "%s is before started (%s)", ended.Value, started.Value)
	}
	for _, key := range []string{"reviewed", "consent", "started"} {
		n := fields[key]
		if n == nil || !model.DateShaped(n.Value) {
			continue
		}
		if t, err := time.Parse(model.DateLayout, n.Value); err == nil && t.After(w.now) {
			w.errorf(n, key, "%s is in the future", n.Value)
		}
	}
	if n := fields["reviewed"]; n != nil && model.DateShaped(n.Value) {
		if t, err := time.Parse(model.DateLayout, n.Value); err == nil && t.Before(w.now.AddDate(0, -StaleAfterMonths, 0)) {
			w.warnf(n, "reviewed", "last reviewed %s, more than %d months ago; check the entry with its jurisdiction and update the date", n.Value, StaleAfterMonths)
		}
	}
	if w.e.kind.Name == "contact" && fields["consent"] == nil {
		w.warnf(w.p.root, "consent", "no consent date: this contact will not be published; add `consent: YYYY-MM-DD` once the person agrees to be listed")
	}
}

func checkURL(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Sprintf("%q is not a URL: %v", s, err)
	case u.Scheme == "http":
		return fmt.Sprintf("%q uses http; use https://%s", s, strings.TrimPrefix(s, "http://"))
	case u.Scheme != "https":
		if u.Scheme == "" {
			return fmt.Sprintf("%q is not an absolute URL; expected https://host/path", s)
		}
		return fmt.Sprintf("%q: scheme %q is not allowed; expected an https:// URL", s, u.Scheme)
	case u.Host == "" || u.Hostname() == "":
		return fmt.Sprintf("%q has no host; expected https://host/path", s)
	case u.User != nil:
		return fmt.Sprintf("%q holds a user name or password; remove it", s)
	case strings.ContainsAny(s, " \t\n"):
		return fmt.Sprintf("%q contains spaces; encode them as %%20", s)
	}
	return ""
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

// expectation says in words what a field takes (model's one description of fields).
func expectation(f *model.Field) string { return f.Describe("en") }

func languageName(lang string) string {
	if lang == "fr" {
		return "French"
	}
	return "English"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
