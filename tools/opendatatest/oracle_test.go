package opendatatest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// corpus is the staged data/ as plain maps, read with yaml.v3 (not with Hugo), from
// which the tests work out what the open-data files must hold.
type corpus struct {
	projects, practices, resources, contacts map[string]map[string]any
	taxonomy                                 map[string][]map[string]any
}

func loadCorpus(dir string) (*corpus, error) {
	c := &corpus{}
	var err error
	for kind, dst := range map[string]*map[string]map[string]any{
		"projects": &c.projects, "practices": &c.practices, "resources": &c.resources, "contacts": &c.contacts,
	} {
		if *dst, err = loadKind(filepath.Join(dir, kind)); err != nil {
			return nil, err
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "taxonomy.yaml"))
	if err != nil {
		return nil, err
	}
	if err := yaml.Unmarshal(b, &c.taxonomy); err != nil {
		return nil, err
	}
	return c, nil
}

func loadKind(dir string) (map[string]map[string]any, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := yaml.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".yaml")] = m
	}
	return out, nil
}

// label is the label of a taxonomy code in a language.
func (c *corpus) label(vocab, code, lang string) string {
	vocabs := []string{vocab}
	if vocab == "expertise" {
		vocabs = []string{"themes", "techniques"}
	}
	for _, v := range vocabs {
		for _, t := range c.taxonomy[v] {
			if t["code"] == code {
				return t[lang].(string)
			}
		}
	}
	panic(fmt.Sprintf("no %s code %q", vocab, code))
}

// URL sections of the fixture site (config.toml, params.paths).
var sections = map[string]map[string]string{
	"en": {"projects": "projects", "practices": "practices", "resources": "resources", "contacts": "contacts"},
	"fr": {"projects": "projets", "practices": "pratiques", "resources": "ressources", "contacts": "personnes-ressources"},
}

func pageURL(lang, kind, id string) string {
	if kind == "contacts" {
		return fmt.Sprintf("https://e2e.test/%s/%s/#contact-%s", lang, sections[lang][kind], id)
	}
	return fmt.Sprintf("https://e2e.test/%s/%s/%s/", lang, sections[lang][kind], id)
}

// rows returns what /<lang>/<name>.json must hold, in id order, as encoding/json decodes
// it: every field of every entry of the YAML, Markdown as written and as plain text
// (plainText), lists of objects as parallel lists.
func (c *corpus) rows(name, lang string) []map[string]any {
	var out []map[string]any
	var ids []string
	src := map[string]map[string]map[string]any{"projects": c.projects, "practices": c.practices, "resources": c.resources, "contacts": c.contacts}[name]
	for id := range src {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := src[id]
		if name == "contacts" {
			if _, ok := e["consent"]; !ok {
				continue
			}
		}
		use := lang
		if e["translation_pending"] == lang {
			use = other(lang)
		}
		text := func(key string) any { return e[key].(map[string]any)[use] }
		plain := func(key string) any { return plainText(text(key).(string), false) }
		// texts: the key's list of {en, fr} in the row's language; sub picks a key of
		// each item first, md makes each item's plain text.
		texts := func(key, sub string, md bool) []any {
			out := []any{}
			items, _ := e[key].([]any)
			for _, it := range items {
				m := it.(map[string]any)
				if sub != "" {
					m = m[sub].(map[string]any)
				}
				v := m[use].(string)
				if md {
					out = append(out, plainText(v, true))
				} else {
					out = append(out, v)
				}
			}
			return out
		}
		linkURLs := []any{}
		for _, l := range func() []any { l, _ := e["links"].([]any); return l }() {
			linkURLs = append(linkURLs, l.(map[string]any)["url"])
		}
		codes := func(key string) []any { return strs(e[key]) }
		labels := func(vocab, key string) []any {
			out := []any{}
			for _, code := range strs(e[key]) {
				out = append(out, c.label(vocab, code.(string), lang))
			}
			return out
		}
		// The fixture build has no git history (date_updated is empty; tools/sitetest's
		// TestHistorySite checks it with one).
		var archived any
		if a, ok := e["archived"].(map[string]any); ok {
			archived = date(a["date"])
		}
		row := map[string]any{
			"id":                  id,
			"date_updated":        nil,
			"date_archived":       archived,
			"example":             e["example"] == true,
			"translation_pending": e["translation_pending"],
			"text_language":       use,
			"url":                 pageURL(lang, name, id),
			"counterpart_url":     pageURL(other(lang), name, id),
		}
		switch name {
		case "projects":
			contacts := []any{}
			for _, cid := range strs(e["contacts"]) {
				if _, ok := c.contacts[cid.(string)]["consent"]; ok {
					contacts = append(contacts, cid)
				}
			}
			practices := set(strs(e["practices"]))
			for pid, p := range c.practices {
				for _, x := range strs(p["projects"]) {
					if x == id {
						practices[pid] = true
					}
				}
			}
			j, lv, st := e["jurisdiction"].(string), e["level"].(string), e["stage"].(string)
			add(row, map[string]any{
				"title": text("title"), "summary": text("summary"), "organization": text("organization"),
				"partners":  texts("partners", "", false),
				"challenge": text("challenge"), "challenge_text": plain("challenge"),
				"approach": text("approach"), "approach_text": plain("approach"),
				"results": text("results"), "results_text": plain("results"),
				"lessons": texts("lessons", "", false), "lessons_text": texts("lessons", "", true),
				"metric_labels": texts("metrics", "label", false), "metric_values": texts("metrics", "value", false),
				"link_titles": texts("links", "title", false), "link_urls": linkURLs,
				"jurisdiction": j, "jurisdiction_label": c.label("jurisdictions", j, lang),
				"level": lv, "level_label": c.label("levels", lv, lang),
				"stage": st, "stage_label": c.label("stages", st, lang),
				"started": date(e["started"]), "ended": date(e["ended"]),
				"themes": codes("themes"), "theme_labels": labels("themes", "themes"),
				"techniques": codes("techniques"), "technique_labels": labels("techniques", "techniques"),
				"data_sources": codes("data_sources"), "data_source_labels": labels("data_sources", "data_sources"),
				"practices": sorted(practices), "resources": codes("resources"), "contacts": contacts,
				"reviewed": date(e["reviewed"]),
			})
		case "practices":
			projects := set(strs(e["projects"]))
			for pid, p := range c.projects {
				for _, x := range strs(p["practices"]) {
					if x == id {
						projects[pid] = true
					}
				}
			}
			add(row, map[string]any{
				"title": text("title"), "summary": text("summary"),
				"body": text("body"), "body_text": plain("body"),
				"checklist": texts("checklist", "", false), "key_questions": texts("key_questions", "", false),
				"techniques": codes("techniques"), "technique_labels": labels("techniques", "techniques"),
				"projects": sorted(projects), "reviewed": date(e["reviewed"]),
			})
		case "resources":
			projects := map[string]bool{}
			for pid, p := range c.projects {
				for _, x := range strs(p["resources"]) {
					if x == id {
						projects[pid] = true
					}
				}
			}
			k := e["kind"].(string)
			add(row, map[string]any{
				"title": text("title"), "summary": text("summary"),
				"kind": k, "kind_label": c.label("resource_kinds", k, lang),
				"publisher": text("publisher"), "link": e["url"],
				"description": text("description"), "description_text": plain("description"),
				"themes": codes("themes"), "theme_labels": labels("themes", "themes"),
				"techniques": codes("techniques"), "technique_labels": labels("techniques", "techniques"),
				"projects": sorted(projects), "reviewed": date(e["reviewed"]),
			})
		case "contacts":
			projects := map[string]bool{}
			for pid, p := range c.projects {
				for _, x := range strs(p["contacts"]) {
					if x == id {
						projects[pid] = true
					}
				}
			}
			j := e["jurisdiction"].(string)
			add(row, map[string]any{
				"name": e["name"], "role": text("role"), "organization": text("organization"),
				"jurisdiction": j, "jurisdiction_label": c.label("jurisdictions", j, lang),
				"email": e["email"], "phone": e["phone"],
				"languages": codes("languages"), "language_labels": labels("languages", "languages"),
				"expertise": codes("expertise"), "expertise_labels": labels("expertise", "expertise"),
				"projects": sorted(projects),
			})
		}
		out = append(out, row)
	}
	return out
}

func add(dst, src map[string]any) {
	for k, v := range src {
		dst[k] = v
	}
}

func strs(v any) []any {
	out := []any{}
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, fmt.Sprint(x))
		}
	}
	return out
}

func set(l []any) map[string]bool {
	m := map[string]bool{}
	for _, x := range l {
		m[x.(string)] = true
	}
	return m
}

func sorted(m map[string]bool) []any {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := []any{}
	for _, k := range keys {
		out = append(out, k)
	}
	return out
}

// date formats a YAML date (a time.Time or a "YYYY-MM-DD" string) or returns nil.
func date(v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case time.Time:
		return v.Format("2006-01-02")
	default:
		return fmt.Sprint(v)
	}
}

// published names, for each key an entry may have in data/, the fields of the open data
// that carry it, where they are not the key itself ("" = deliberately not published).
var published = map[string]map[string][]string{
	"projects":  {"metrics": {"metric_labels", "metric_values"}, "links": {"link_titles", "link_urls"}},
	"practices": {},
	"resources": {"url": {"link"}},
	"contacts":  {"consent": {""}},
}

// TestEveryYAMLFieldPublished: every key of every entry of the fixture corpus reaches
// its open-data row (under its own name or those of published), so that a field added to
// the model and the data but not to the open data fails here.
func TestEveryYAMLFieldPublished(t *testing.T) {
	b := fixtureBuild(t)
	src := map[string]map[string]map[string]any{"projects": b.corpus.projects, "practices": b.corpus.practices, "resources": b.corpus.resources, "contacts": b.corpus.contacts}
	for _, lang := range langs {
		for _, tbl := range tables {
			rows := map[string]map[string]any{}
			for _, r := range b.jsonRows(t, lang, tbl) {
				rows[r["id"].(string)] = r
			}
			seen := 0
			for id, e := range src[tbl] {
				row := rows[id]
				if row == nil {
					continue // an unconsented contact: TestConsentedContactsOnly
				}
				for key := range e {
					fields, ok := published[tbl][key]
					if !ok {
						fields = []string{key}
					}
					for _, f := range fields {
						if _, ok := row[f]; f != "" && !ok {
							t.Errorf("/%s/%s.json %s: no field %q for the YAML key %q", lang, tbl, id, f, key)
						}
					}
					seen++
				}
			}
			if seen == 0 {
				t.Errorf("/%s/%s.json: no fixture entry to compare", lang, tbl)
			}
		}
	}
}
