package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// datapackage is /<lang>/datapackage.json, the Frictionless Data Package (v1)
// descriptor of the language's files: each CSV file a Tabular Data Resource with its
// Table Schema (the fields not marked markdown), each JSON file a data resource whose
// schema lists every key (lists typed array), and the licence.
func datapackage(sc *Schema, d *Data, site *Site, lang string) ([]byte, error) {
	pkg := sc.Package
	var resources []any
	for _, t := range sc.Resources {
		var fields, jsonFields []any
		for _, f := range t.Fields {
			desc := f.Description[lang]
			if f.IsText {
				desc += " " + sc.Common.Text[lang]
			}
			switch {
			case f.Markdown:
				desc += " " + sc.Common.Markdown[lang]
			case f.Lines:
				desc += " " + sc.Common.Lines[lang]
			case f.List:
				desc += " " + sc.Common.List[lang]
			}
			fd := obj{"name": f.Name, "type": f.Type, "description": desc}
			if f.Format != "" {
				fd["format"] = f.Format
			}
			c := obj{}
			if f.Required {
				c["required"] = true
			}
			if len(f.Enum) > 0 {
				c["enum"] = f.Enum
			}
			if f.Vocab != "" {
				codes := []string{}
				for _, it := range d.Taxonomy[f.Vocab] {
					codes = append(codes, str(it["code"]))
				}
				c["enum"] = codes
			}
			if len(c) > 0 {
				fd["constraints"] = c
			}
			if !f.Markdown {
				fields = append(fields, fd)
			}
			if f.List {
				fj := obj{}
				for k, v := range fd {
					fj[k] = v
				}
				fj["type"] = "array"
				fd = fj
			}
			jsonFields = append(jsonFields, fd)
		}
		csvPath, jsonPath := t.Name+".csv", t.Name+".json"
		resources = append(resources, obj{
			"name":        t.Name,
			"path":        csvPath,
			"profile":     "tabular-data-resource",
			"title":       t.Title[lang] + " (CSV)",
			"description": t.Description[lang],
			"format":      "csv",
			"mediatype":   "text/csv",
			"encoding":    "utf-8",
			"dialect":     obj{"delimiter": ",", "doubleQuote": true, "header": true, "lineTerminator": "\r\n", "quoteChar": `"`},
			"schema":      obj{"fields": fields, "primaryKey": []string{"id"}, "missingValues": []string{""}},
		}, obj{
			"name":        t.Name + "-json",
			"path":        jsonPath,
			"profile":     "data-resource",
			"title":       t.Title[lang] + " (JSON)",
			"description": t.Description[lang] + " " + fmt.Sprintf(pkg.JSONNote[lang], csvPath),
			"format":      "json",
			"mediatype":   "application/json",
			"encoding":    "utf-8",
			"schema":      obj{"fields": jsonFields, "primaryKey": []string{"id"}},
		})
	}
	out := obj{
		"profile":      "data-package",
		"name":         pkg.Name + "-" + lang,
		"id":           site.home(lang) + "datapackage.json",
		"title":        pkg.Title[lang],
		"description":  pkg.Description[lang],
		"homepage":     site.home(lang),
		"keywords":     pkg.Keywords[lang],
		"licenses":     []any{obj{"name": pkg.Licence.Name, "path": pkg.Licence.Path[lang], "title": pkg.Licence.Title[lang]}},
		"contributors": []any{obj{"title": pkg.Contributor[lang], "role": "author"}},
		"resources":    resources,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil // with its final line break, as the template printed it
}
