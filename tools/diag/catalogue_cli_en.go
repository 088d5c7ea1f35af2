package diag

// cliEN words, in English, the codes of the command line's help for first-time
// contributors (issue 20): tab indentation read as spaces, copied samples, ids that
// files cannot be named after, guide fmt's repairs; an Area of areas.go holds them.
var cliEN = map[string]string{
	"example_cited":         "{kind} {id:q} is an illustrative example (`example: true`), not a real one; cite a real {kind}, or write one with `go run ./tools/guide new {new}`",
	"fmt_formatted_tabs":    "{file}: formatted; each tab of the indentation became spaces ({width} at most): check the indentation",
	"fmt_whitespace_only":   "line ends and tab indentation repaired, nothing else; line {line}: {error}; fix it, then run `go run ./tools/guide fmt` again (`go run ./tools/guide validate {file}` shows every problem)",
	"id_file_not_id":        "id {id:q} differs from the file name {file:q}, which cannot be an id; rename the file to {id}.yaml",
	"id_missing":            "missing required key; add `id: {id}` (the entry's id, equal to the file name){rename}",
	"id_missing_rename":     ", and rename the file to {id}.yaml: {file:q} cannot be an id",
	"illustrative_comment":  "this comment says the file is an illustrative example, but the entry has no `example: true`; if the entry is real, remove the comment and check what else came from the sample (contacts, practices, resources); a new entry is best started with `go run ./tools/guide new`",
	"tab_indent_repairable": "tab used for indentation on {count} {count|line|lines}, the first here; YAML indents with spaces only; the rest of the file was checked {reading}, which `go run ./tools/guide fmt` (or `make fmt`) writes",
	"tab_read_one":          "as if each tab were one space",
	"tab_read_stop":         "as if each tab were spaces up to the next tab stop (every {width} columns)",
}
