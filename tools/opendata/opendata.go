// Package opendata writes the open data of the site (docs/open-data.md): for each
// language, the CSV and JSON file of every table (projects, practices, resources,
// consenting contacts) and the Frictionless datapackage.json describing them, from the
// validated data/ and the schema the site's templates also read
// (layouts/_partials/opendata/schema.html). Hugo mounts the folder as static files
// (WriteMount), so the site serves them and the downloads list names their sizes.
// It used to be Hugo templates (about a quarter of the build's template time at 1,000
// projects); the files are byte for byte those the templates wrote.
package opendata

import (
	"bytes"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"github.com/pssdc/guide-iad/tools/internal/fastjson"
)

// Langs are the languages of the site, in order.
var Langs = []string{"en", "fr"}

// Files is the content of every file, by path under the output folder ("en/projects.csv").
type Files map[string][]byte

// Build makes every open-data file of both languages.
func Build(sc *Schema, d *Data, site *Site) (Files, error) {
	if err := checkLabels(d); err != nil {
		return nil, err
	}
	urls := map[string]map[string]map[string]string{}
	for _, lang := range Langs {
		urls[lang] = map[string]map[string]string{}
		for _, kind := range []string{"projects", "practices", "resources"} {
			urls[lang][kind] = map[string]string{}
			for id, e := range d.Entries[kind] {
				// Archived entries have a page but are in no list of the site (build.list
				// never): the templates took addresses from the section's list.
				if _, archived := e["archived"]; !archived {
					urls[lang][kind][id] = site.section(lang, kind) + id + "/"
				}
			}
		}
	}
	rel, cp := relations(d)
	files := Files{}
	for _, lang := range Langs {
		r := newRows(d, site, lang, urls, rel, cp)
		for _, t := range sc.Resources {
			rs, err := r.table(t.Name)
			if err != nil {
				return nil, err
			}
			if err := checkRows(t, rs); err != nil {
				return nil, err
			}
			j, c, err := encode(t, rs)
			if err != nil {
				return nil, err
			}
			files[lang+"/"+t.Name+".json"], files[lang+"/"+t.Name+".csv"] = j, c
		}
		dp, err := datapackage(sc, d, site, lang)
		if err != nil {
			return nil, err
		}
		files[lang+"/datapackage.json"] = dp
	}
	return files, nil
}

// relations are the links between entries as lookup/relations.html makes them (both
// directions, archived entries left out), and each contact's projects (all of them).
func relations(d *Data) (map[string]map[string][]string, map[string][]string) {
	sets := map[string]map[string]map[string]bool{"projectPractices": {}, "practiceProjects": {}, "resourceProjects": {}}
	add := func(rel, from, to string) {
		if sets[rel][from] == nil {
			sets[rel][from] = map[string]bool{}
		}
		sets[rel][from][to] = true
	}
	contacts := map[string]map[string]bool{}
	for id, e := range d.Entries["projects"] {
		for _, c := range list(e["contacts"]) {
			if contacts[str(c)] == nil {
				contacts[str(c)] = map[string]bool{}
			}
			contacts[str(c)][id] = true
		}
		if truthy(e["archived"]) {
			continue
		}
		for _, p := range list(e["practices"]) {
			add("projectPractices", id, str(p))
			add("practiceProjects", str(p), id)
		}
		for _, res := range list(e["resources"]) {
			add("resourceProjects", str(res), id)
		}
	}
	for id, e := range d.Entries["practices"] {
		if truthy(e["archived"]) {
			continue
		}
		for _, p := range list(e["projects"]) {
			add("projectPractices", str(p), id)
			add("practiceProjects", id, str(p))
		}
	}
	rel := map[string]map[string][]string{}
	for name, m := range sets {
		rel[name] = map[string][]string{}
		for k, set := range m {
			rel[name][k] = sortedSet(set)
		}
	}
	cp := map[string][]string{}
	for k, set := range contacts {
		cp[k] = sortedSet(set)
	}
	return rel, cp
}

// checkLabels: list items are ids, codes and taxonomy labels; only a label could hold
// the CSV list separator.
func checkLabels(d *Data) error {
	for _, vocab := range sortedKeys(d.Taxonomy) {
		for _, it := range d.Taxonomy[vocab] {
			for _, lang := range Langs {
				if strings.Contains(str(it[lang]), ";") {
					return diag.Errorf("opendata_label_separator", diag.A{"vocab": vocab, "code": str(it["code"]), "lang": lang})
				}
			}
		}
	}
	return nil
}

// checkRows: every row has exactly the table's fields.
func checkRows(t Table, rs []obj) error {
	for _, row := range rs {
		if len(row) != len(t.Fields) {
			return diag.Errorf("opendata_row_fields", diag.A{"table": t.Name, "keys": len(row), "fields": len(t.Fields)})
		}
		for _, f := range t.Fields {
			if _, ok := row[f.Name]; !ok {
				return diag.Errorf("opendata_row_lacks", diag.A{"table": t.Name, "field": f.Name})
			}
		}
	}
	return nil
}

// encode writes a table's JSON and CSV files, each row encoded in parallel.
//
// JSON: Hugo's jsonify, i.e. encoding/json (keys sorted; <, > and & escaped), whose
// bytes package fastjson gives faster; an array's bytes are its elements' joined with
// ",", so rows are encoded one by one; an empty table is [].
//
// CSV: a byte order mark (Excel then reads UTF-8), a header of the fields not marked
// markdown, then a record per row; every field quoted, records ending in CRLF, lists
// joined with ";" (or a line break for "lines", a line break inside an item becoming a
// space), missing values empty, each cell through csvcell.
func encode(t Table, rs []obj) (jsonFile, csvFile []byte, err error) {
	var cols []Field
	for _, f := range t.Fields {
		if !f.Markdown {
			cols = append(cols, f)
		}
	}
	js := make([][]byte, len(rs))
	recs := make([][]byte, len(rs))
	errs := make([]error, len(rs))
	check.Parallel(len(rs), func(i int) {
		js[i], errs[i] = fastjson.Marshal(rs[i])
		recs[i] = record(cols, rs[i])
	})
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	names := make([]string, len(cols))
	for i, f := range cols {
		names[i] = f.Name
	}
	var c bytes.Buffer
	c.WriteString("\ufeff")
	writeRecord(&c, names, false)
	for _, r := range recs {
		c.Write(r)
	}
	return append(append([]byte("["), bytes.Join(js, []byte(","))...), ']'), c.Bytes(), nil
}

// record is a row's CSV record.
func record(cols []Field, row obj) []byte {
	cells := make([]string, len(cols))
	for i, f := range cols {
		v := row[f.Name]
		switch {
		case f.Lines:
			items := list(v)
			parts := make([]string, len(items))
			for k, it := range items {
				parts[k] = strings.ReplaceAll(str(it), "\n", " ")
			}
			cells[i] = strings.Join(parts, "\n")
		case f.List:
			items := list(v)
			parts := make([]string, len(items))
			for k, it := range items {
				parts[k] = str(it)
			}
			cells[i] = strings.Join(parts, ";")
		case v == true:
			cells[i] = "true"
		case v == false:
			cells[i] = "false"
		default:
			cells[i] = str(v)
		}
	}
	var b bytes.Buffer
	writeRecord(&b, cells, true)
	return b.Bytes()
}

func writeRecord(b *bytes.Buffer, cells []string, escape bool) {
	for i, c := range cells {
		if i > 0 {
			b.WriteByte(',')
		}
		if escape {
			c = csvcell.Escape(c)
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(c, `"`, `""`))
		b.WriteByte('"')
	}
	b.WriteString("\r\n")
}
