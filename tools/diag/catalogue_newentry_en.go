package diag

// newentryEN words guide new's questions, hints and messages (tools/newentry and
// tools/guide/new.go) in English; init adds them to the catalogue.
var newentryEN = map[string]string{
	"new_ask_intro":           "Answer each question and press Enter. A required value left empty is asked again; type - to leave it empty and fill it in the file later.",
	"new_bad_lang":            "-lang {lang}: expected en or fr",
	"new_choose_many":         "Type numbers or codes, separated by commas.",
	"new_choose_one":          "Type a number or a code.",
	"new_comma_separated":     ", separated by commas",
	"new_created":             "created {path}; check it with `go run ./tools/guide validate {path}`",
	"new_created_left":        "created {path}: {n} {n|value|values} to fill in ({keys}); `go run ./tools/guide validate {path}` says what each needs",
	"new_eof_nothing":         "the input ended before the first answer; nothing was written",
	"new_eof_saved":           "the input ended before the last question; your answers so far are saved in {path}: fill in the rest there ({left}), then check it with `go run ./tools/guide validate {path}`",
	"new_exists":              "{path} already exists; choose another id, or edit that file",
	"new_flag_data":           "the corpus `folder`, holding taxonomy.yaml",
	"new_flag_lang":           "the `language` of the questions, en or fr (default: from LC_ALL, LC_MESSAGES or LANG)",
	"new_flag_no_prompt":      "ask nothing, even on a terminal: keys without a flag stay empty",
	"new_help":                "Creates data/KIND/ID.yaml from the model: the required keys with empty values (\"\" and []) that guide validate reports until they are filled in, and the optional keys commented out. Run \"guide new KIND -h\" for the flags of a kind.",
	"new_id_chars":            ": lowercase letters, digits and hyphens",
	"new_id_proposed":         "Proposed: {id}. Press Enter to accept it, or type another id.",
	"new_id_required":         "  an id is required: it names the file data/{dir}/ID.yaml; type lowercase letters, digits and hyphens.",
	"new_invalid_id":          "{id} is not a valid id; use lowercase letters, digits and hyphens",
	"new_kind_contact":        "New contact (resource person).",
	"new_kind_help":           "Creates data/{dir}/ID.yaml. Without -id, the id is made from the title or the name. Without value flags, on a terminal, guide new asks for the values one by one; with value flags it asks nothing: the keys no flag gives stay empty.",
	"new_kind_practice":       "New practice.",
	"new_kind_project":        "New project (case study).",
	"new_kind_resource":       "New resource.",
	"new_left":                "{n} {n|value|values} left",
	"new_multiline":           "Type the text over as many lines as needed (Markdown; a blank line separates paragraphs), then a line holding only {end} to end it.",
	"new_list_more":           "Another item: type it, or press Enter to end the list.",
	"new_no_id":               "no id: give -id ID (or the text it is made from, such as -title-en)",
	"new_not_accepted":        "  not accepted: {reason}",
	"new_note":                "note: {msg}",
	"new_optional":            " (optional)",
	"new_pending_desc":        "the language still being translated: {langs}",
	"new_phone_example":       ", e.g. +1 613 555 0100 or (819) 372-4600 ext. 123",
	"new_question":            "{key}: {desc}",
	"new_required_again":      "  {key} is required: type a value, or - to fill it in later in the file.",
	"new_unexpected_argument": "unexpected argument {arg}; values go in flags such as -id",
	"new_unknown_kind":        "unknown kind {kind}; expected {kinds}",
}

func init() {
	for code, t := range newentryEN {
		catalogueEN[code] = t
	}
}
