package diag

// opendataEN words the codes of guide opendata (tools/opendata) in English; an Area of
// areas.go holds them.
var opendataEN = map[string]string{
	"opendata_file":            "{file}: {error}",
	"opendata_label_separator": "data/taxonomy.yaml: {vocab} {code:q}: the {lang} label contains \";\", the list separator of the open-data CSV files; write the label without it",
	"opendata_no_paths":        "{file}: no languages.en.params.paths or languages.fr.params.paths; the open data needs the URL segment of each section",
	"opendata_no_table":        "no table {table:q} in the open-data schema",
	"opendata_out_in_data":     "refused to write: -out {out} is inside the data folder; write the open data elsewhere (default tmp/opendata)",
	"opendata_out_foreign":     "refused to write: {path} is not a folder guide opendata made (no {marker} in it); it was left alone: remove it or choose another -out",
	"opendata_row_fields":      "open data: the {table} rows have {keys} keys but the schema lists {fields} fields; add each field to both",
	"opendata_row_lacks":       "open data: the {table} rows lack the field {field:q} of the schema; add it to the row or remove it from the schema",
	"opendata_schema_text":     "{file}: no schema text between backquotes; the open-data schema is YAML text returned by the partial",
	"opendata_schema_yaml":     "{file}: the open-data schema is not valid: {error}",
	"opendata_toml_foreign":    "refused to write: {path} exists and guide opendata did not write it; it was left alone: remove it or choose another -out",
	"opendata_unknown_code":    "{file}: unknown {vocab} code {code:q}; run guide validate, which names the codes data/taxonomy.yaml defines",
}
