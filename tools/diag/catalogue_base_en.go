package diag

// catalogueEN words, in English, the codes every program may show: package diag's own
// (the summary line, the notes of findings left out), `code` (a piece of code in a
// message, which any program may name) and those of the areas a program
// uses (Use, areas.go), added at its start; see words.go for the placeholders.
var catalogueEN = map[string]string{
	"code":          "`{text}`",
	"more_in_file":  "… and {findings} more {findings|finding|findings} in this file ({errors} {errors|error|errors}, {warnings} {warnings|warning|warnings} not shown); fix these first and run again",
	"more_in_files": "… and {findings} more {findings|finding|findings} in {files} {files|file|files} ({errors} {errors|error|errors}, {warnings} {warnings|warning|warnings} not shown); fix these first and run again",
	"summary":       "{files} {files|file|files} checked: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}",
}
