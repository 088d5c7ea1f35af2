package diag

// commandsEN words the codes of guide translations, guide review, guide new's own errors
// and the usage errors they share, in English; init adds them to the catalogue.
var commandsEN = map[string]string{
	"flag_error":                     "{flag}: {error}",
	"left_out":                       "{file}: left out: {error}",
	"newentry_bad_name":              "{id:q} cannot name a file",
	"newentry_exists":                "{path} already exists",
	"newentry_folder_outside":        "{dir}: error: the folder is a symbolic link leading outside the data folder; nothing was written",
	"newentry_no_required_key":       "{kind} has no required key",
	"newentry_reading_answers":       "reading answers: {error}",
	"review_bad_age":                 "{value:q} is not an age; expected a number and a unit: 30d (days), 12m (months) or 2y (years)",
	"review_bad_now":                 "{value:q} is not a date; expected YYYY-MM-DD",
	"review_days_ago":                "{date} ({days} {days|day|days} ago)",
	"review_entry":                   "{kind} {id}: {title}",
	"review_heading":                 "{count} {count|entry|entries} to review ({when}), oldest first:",
	"review_months_ago":              "{date} ({months} {months|month|months} ago)",
	"review_more_without_consent":    "and {count} {count|contact|contacts} without consent, not shown: {ids}",
	"review_never":                   "never reviewed (no valid reviewed date)",
	"review_no_consenting_contact":   "no contact who agreed to be listed ({count} without consent: {ids})",
	"review_no_contact":              "no contact listed",
	"review_none":                    "no entry to review ({when})",
	"review_when":                    "last reviewed before {cutoff}: older than {age} on {now}",
	"review_when_or_never":           "last reviewed before {cutoff}: older than {age} on {now}, or never",
	"translations_bad_key":           "not a key path such as title, lessons[2] or metrics[0].label",
	"translations_bad_languages":     "languages {source:q} → {target:q}: expected en → fr or fr → en",
	"translations_cannot_read":       "cannot read the file: {error}",
	"translations_comments_change":   "comments would change ({before} before, {after} after)",
	"translations_csv_empty":         "empty file; expected a header line: {header}",
	"translations_csv_no_column":     "row 1: no {column:q} column; the header must name {columns}",
	"translations_id_changed":        "the file's id is {id:q}, not {row:q}; was the entry renamed since the export?",
	"translations_import_summary":    "{imported} {imported|translation|translations} imported into {files} {files|file|files}; {refused} {refused|row|rows} refused, {empty} without translation, {already} already in the files",
	"translations_imported":          "{file}: {count} {count|translation|translations} imported",
	"translations_imported_pending":  "{file}: {count} {count|translation|translations} imported; translation_pending removed: every text has both languages",
	"translations_left_alone":        "the file was left alone: {error}",
	"translations_no_file":           "no such file in the data folder; was it renamed since the export?",
	"translations_no_text":           "no text in both languages at this key; the file changed since the export: export again",
	"translations_not_data_file":     "not a data file of the guide (expected KIND/ID.yaml as exported); row left alone",
	"translations_not_written":       "{error}; nothing was written to it",
	"translations_result_unparsable": "the result does not parse: {error}",
	"translations_source_changed":    "the {lang} source text changed since the export; export again and translate the new text",
	"translations_target_differs":    "the file already holds a different {lang} text; remove this row or that text",
	"translations_values_change":     "values other than the translations would change",
	"translations_worklist_written":  "{file}: {texts} {texts|text|texts} to translate in {files} {files|file|files}",
	"usage_flags_conflict":           "{a} and {b} do not go together",
	"usage_unexpected_argument":      "unexpected argument {value:q}",
	"usage_unknown_format":           "unknown format {value:q}; expected {formats:or}",
	"usage_unknown_language":         "unknown language {value:q}; expected {languages:or}",
}

func init() {
	for code, t := range commandsEN {
		catalogueEN[code] = t
	}
}
