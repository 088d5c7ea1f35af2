package opendata

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
)

// rows builds the rows of every table in one language: the JSON values of each row,
// keyed exactly by the table's fields (strings, bools, nil for a missing value, []any
// for lists), in id order. The same values as the Hugo templates gave
// (docs/open-data.md, "Fields").
type rows struct {
	d          *Data
	site       *Site
	lang       string
	other      string
	labels     map[string]map[string]string // vocabulary → code → label in lang
	urls       map[string]map[string]map[string]string
	relations  map[string]map[string][]string // projectPractices, practiceProjects, resourceProjects
	contactsOf map[string][]string            // contact id → projects naming it
}

func newRows(d *Data, site *Site, lang string, urls map[string]map[string]map[string]string, rel map[string]map[string][]string, cp map[string][]string) *rows {
	r := &rows{d: d, site: site, lang: lang, other: otherLang(lang), labels: map[string]map[string]string{},
		urls: urls, relations: rel, contactsOf: cp}
	for vocab, items := range d.Taxonomy {
		r.labels[vocab] = map[string]string{}
		for _, it := range items {
			r.labels[vocab][str(it["code"])] = str(it[lang])
		}
	}
	r.labels["expertise"] = map[string]string{}
	for _, vocab := range []string{"themes", "techniques"} {
		for _, it := range d.Taxonomy[vocab] {
			r.labels["expertise"][str(it["code"])] = str(it[lang])
		}
	}
	return r
}

func otherLang(lang string) string {
	if lang == "en" {
		return "fr"
	}
	return "en"
}

// table returns the rows of one table, made in parallel (each row reads only shared,
// unchanging maps).
func (r *rows) table(name string) ([]obj, error) {
	ids := sortedKeys(r.d.Entries[name])
	made := make([]obj, len(ids))
	errs := make([]error, len(ids))
	check.Parallel(len(ids), func(i int) {
		id := ids[i]
		e := r.d.Entries[name][id]
		switch name {
		case "projects":
			made[i], errs[i] = r.project(id, e)
		case "practices":
			made[i], errs[i] = r.practice(id, e)
		case "resources":
			made[i], errs[i] = r.resource(id, e)
		case "contacts":
			if truthy(e["consent"]) {
				made[i], errs[i] = r.contact(id, e)
			}
		default:
			errs[i] = diag.Errorf("opendata_no_table", diag.A{"table": name})
		}
	})
	var out []obj
	for i, row := range made {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if row != nil {
			out = append(out, row)
		}
	}
	return out, nil
}

// common fills the fields every table has.
func (r *rows) common(kind, id string, e obj, use string, row obj) {
	row["id"] = id
	row["date_updated"] = nil
	if u := r.d.Updated[kind][id]; u != "" {
		row["date_updated"] = u
	}
	row["date_archived"] = nil
	if a, ok := e["archived"].(obj); ok {
		row["date_archived"] = date(a["date"])
	}
	row["example"] = e["example"] == true
	row["translation_pending"] = e["translation_pending"]
	row["text_language"] = use
}

// use is the language of an entry's texts in this file: the other one while the
// entry's translation into this one is pending.
func (r *rows) use(e obj) string {
	if e["translation_pending"] == r.lang {
		return r.other
	}
	return r.lang
}

func (r *rows) project(id string, e obj) (obj, error) {
	use := r.use(e)
	row := obj{}
	r.common("projects", id, e, use, row)
	for _, k := range []string{"title", "summary", "organization"} {
		row[k] = tr(e[k], use)
	}
	row["partners"] = trList(e["partners"], use)
	for _, c := range []struct{ code, vocab string }{{"jurisdiction", "jurisdictions"}, {"level", "levels"}, {"stage", "stages"}} {
		if err := r.setCode(row, "projects", id, c.code, c.vocab, str(e[c.code])); err != nil {
			return nil, err
		}
	}
	row["started"], row["ended"] = date(e["started"]), nil
	if truthy(e["ended"]) {
		row["ended"] = date(e["ended"])
	}
	for _, c := range []struct{ key, label, vocab string }{{"themes", "theme_labels", "themes"}, {"techniques", "technique_labels", "techniques"}, {"data_sources", "data_source_labels", "data_sources"}} {
		if err := r.setCodes(row, "projects", id, c.key, c.label, c.vocab, e[c.key]); err != nil {
			return nil, err
		}
	}
	for _, k := range []string{"challenge", "approach", "results"} {
		md := tr(e[k], use)
		row[k], row[k+"_text"] = md, Plain(str(md), false)
	}
	lessons, lessonsText := []any{}, []any{}
	for _, l := range list(e["lessons"]) {
		v := tr(l, use)
		lessons = append(lessons, v)
		lessonsText = append(lessonsText, Plain(str(v), true))
	}
	row["lessons"], row["lessons_text"] = lessons, lessonsText
	mL, mV, lT, lU := []any{}, []any{}, []any{}, []any{}
	for _, m := range list(e["metrics"]) {
		o, _ := m.(obj)
		mL, mV = append(mL, tr(o["label"], use)), append(mV, tr(o["value"], use))
	}
	for _, l := range list(e["links"]) {
		o, _ := l.(obj)
		lT, lU = append(lT, tr(o["title"], use)), append(lU, str(o["url"]))
	}
	row["metric_labels"], row["metric_values"], row["link_titles"], row["link_urls"] = mL, mV, lT, lU
	row["practices"] = strs(r.relations["projectPractices"][id])
	row["resources"] = list(e["resources"])
	// Only people who agreed to be listed; never the others' ids.
	cons := []any{}
	for _, c := range list(e["contacts"]) {
		if ce, ok := r.d.Entries["contacts"][str(c)]; ok && truthy(ce["consent"]) {
			cons = append(cons, str(ce["id"]))
		}
	}
	row["contacts"] = cons
	row["reviewed"] = date(e["reviewed"])
	r.addURLs("projects", id, row)
	return row, nil
}

func (r *rows) practice(id string, e obj) (obj, error) {
	use := r.use(e)
	row := obj{}
	r.common("practices", id, e, use, row)
	row["title"], row["summary"] = tr(e["title"], use), tr(e["summary"], use)
	body := tr(e["body"], use)
	row["body"], row["body_text"] = body, Plain(str(body), false)
	row["checklist"], row["key_questions"] = trList(e["checklist"], use), trList(e["key_questions"], use)
	if err := r.setCodes(row, "practices", id, "techniques", "technique_labels", "techniques", codeStrings(e["techniques"])); err != nil {
		return nil, err
	}
	row["projects"] = strs(r.relations["practiceProjects"][id])
	row["reviewed"] = date(e["reviewed"])
	r.addURLs("practices", id, row)
	return row, nil
}

func (r *rows) resource(id string, e obj) (obj, error) {
	use := r.use(e)
	row := obj{}
	r.common("resources", id, e, use, row)
	row["title"], row["summary"], row["publisher"] = tr(e["title"], use), tr(e["summary"], use), tr(e["publisher"], use)
	if err := r.setCode(row, "resources", id, "kind", "resource_kinds", str(e["kind"])); err != nil {
		return nil, err
	}
	row["link"] = and(e["url"])
	desc := tr(e["description"], use)
	row["description"], row["description_text"] = desc, Plain(str(desc), false)
	for _, c := range []struct{ key, label string }{{"themes", "theme_labels"}, {"techniques", "technique_labels"}} {
		if err := r.setCodes(row, "resources", id, c.key, c.label, c.key, list(e[c.key])); err != nil {
			return nil, err
		}
	}
	row["projects"] = strs(r.relations["resourceProjects"][id])
	row["reviewed"] = date(e["reviewed"])
	r.addURLs("resources", id, row)
	return row, nil
}

func (r *rows) contact(id string, e obj) (obj, error) {
	use := r.use(e)
	row := obj{}
	r.common("contacts", id, e, use, row)
	row["name"], row["email"] = str(e["name"]), str(e["email"])
	row["role"], row["organization"] = tr(e["role"], use), tr(e["organization"], use)
	if err := r.setCode(row, "contacts", id, "jurisdiction", "jurisdictions", str(e["jurisdiction"])); err != nil {
		return nil, err
	}
	row["phone"] = and(e["phone"])
	for _, c := range []struct{ key, label, vocab string }{{"languages", "language_labels", "languages"}, {"expertise", "expertise_labels", "expertise"}} {
		if err := r.setCodes(row, "contacts", id, c.key, c.label, c.vocab, codeStrings(e[c.key])); err != nil {
			return nil, err
		}
	}
	row["projects"] = strs(r.contactsOf[id])
	row["url"] = r.site.section(r.lang, "contacts") + "#contact-" + id
	row["counterpart_url"] = r.site.section(r.other, "contacts") + "#contact-" + id
	return row, nil
}

// addURLs sets url and counterpart_url: the entry's pages, nil for an entry without a
// listed page (archived).
func (r *rows) addURLs(kind, id string, row obj) {
	row["url"], row["counterpart_url"] = nil, nil
	if u, ok := r.urls[r.lang][kind][id]; ok {
		row["url"] = u
	}
	if u, ok := r.urls[r.other][kind][id]; ok {
		row["counterpart_url"] = u
	}
}

// setCode sets a code field and its label (field CODE_label).
func (r *rows) setCode(row obj, kind, id, key, vocab, code string) error {
	label, err := r.label(vocab, code, kind, id)
	if err != nil {
		return err
	}
	row[key], row[key+"_label"] = code, label
	return nil
}

// setCodes sets a list of codes (as given) and the list of their labels.
func (r *rows) setCodes(row obj, kind, id, key, labelKey, vocab string, codes any) error {
	labels, err := r.labelList(vocab, codes, kind, id)
	if err != nil {
		return err
	}
	row[key], row[labelKey] = codes, labels
	return nil
}

// codeStrings is a list of codes as strings (the templates' `string .`).
func codeStrings(v any) []any {
	out := []any{}
	for _, c := range list(v) {
		out = append(out, str(c))
	}
	return out
}

func (r *rows) label(vocab, code, kind, id string) (string, error) {
	l, ok := r.labels[vocab][code]
	if !ok {
		return "", diag.Errorf("opendata_unknown_code", diag.A{"file": fmt.Sprintf("data/%s/%s.yaml", kind, id), "vocab": vocab, "code": code})
	}
	return l, nil
}

func (r *rows) labelList(vocab string, codes any, kind, id string) ([]any, error) {
	out := []any{}
	for _, c := range list(codes) {
		l, err := r.label(vocab, str(c), kind, id)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// str is Hugo's `string`: the text of a scalar, "" for nil.
func str(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// tr is `index TEXT LANG`: the text in a language, nil if missing.
func tr(v any, lang string) any {
	if o, ok := v.(obj); ok {
		return o[lang]
	}
	return nil
}

func trList(v any, lang string) []any {
	out := []any{}
	for _, it := range list(v) {
		out = append(out, tr(it, lang))
	}
	return out
}

func list(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return []any{}
}

func strs(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

// and is the templates' `and V (string V)`: the text, or V itself when it is false
// (nil, "").
func and(v any) any {
	if !truthy(v) {
		return v
	}
	return str(v)
}

func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return v != ""
	case bool:
		return v
	case obj:
		return len(v) > 0
	case []any:
		return len(v) > 0
	}
	return true
}

// date is `(time.AsTime V).Format "2006-01-02"`; validated dates are YYYY-MM-DD (or a
// timestamp, whose date part is taken).
func date(v any) any {
	s := str(v)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sortedSet turns a set into its sorted members.
func sortedSet(m map[string]bool) []string {
	out := sortedKeys(m)
	return slices.Clip(out)
}
