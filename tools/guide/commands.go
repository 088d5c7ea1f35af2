package main

import (
	"fmt"
	"io"
	"strings"
)

// command is one row of the command table, the one place that names guide's commands:
// the usage (guide, guide help, an unknown command), each command's -h and the
// package comment's list (TestDocListsCommands) are all written from it.
type command struct {
	name     string
	synopsis string // the arguments, after "guide NAME "
	summary  string // what it does, one line or two
	run      func(args []string, stdout, stderr io.Writer) (int, error)
}

// commands is filled in init: the commands' functions print the usage, which reads it.
var commands []command

func init() {
	commands = []command{
		{"validate", "[-data DIR] [-format text|json|github] [-lang en|fr] [path ...]",
			"check data files; exit 1 on errors", cmdValidate},
		{"fmt", "[-check] [-data DIR] [-lang en|fr] [path ...]",
			"put data files in canonical form (default: data/)", cmdFmt},
		{"schema", "[-data DIR] [-out DIR] [-check]",
			"write the JSON Schemas generated from the model", cmdSchema},
		// new, review and translations keep their usage line next to their flags.
		{"new", synopsisOf("new", newUsage()),
			"create data/KIND/ID.yaml with the keys to fill in; exit 1 if it exists", cmdNew},
		{"translations", synopsisOf("translations", translationsUsage),
			"texts awaiting translation as CSV, or write translations back", cmdTranslations},
		{"review", synopsisOf("review", reviewUsage),
			"entries due for review, oldest first, with their consented contacts", cmdReview},
		{"pdf", "[-public DIR] [-edition ID] [-paper letter|a4] [-lang en,fr] [-chromium PATH] [-site-params FILE] [-hugo-config] [-v]",
			"print the edition of each language to public/<lang>/*.pdf (headless Chromium);\n" +
				"-edition ID of a published edition rebuilds it from its tag edition-ID", cmdPdf},
		{"edition", "publish [-lang en|fr] ID | list [-lang en|fr] | build [-public DIR] [-site-params FILE] [-paper letter|a4] [-lang en|fr]",
			"freeze an edition as the git tag edition-ID (after guide validate); list the\n" +
				"editions; print every edition into the release (make site)", cmdEdition},
		{"links", "[-site DIR] [-base-url URL] [-config FILE] [-lang en|fr]",
			"check that every address of the built site's pages and stylesheets resolves", cmdLinks},
		{"evi", synopsisOf("evi", eviUsage),
			"e-vulnerability index of each area of DATA.csv; exit 1 on data errors", cmdEvi},
		{"hugo-data", "[-data DIR] [-out DIR] [-derived DIR] [-lang en|fr]",
			"write the JSON copy of data/ that Hugo builds the site from (default tmp/hugo-data) and the derived data (history, related case studies)", cmdHugoData},
		{"wasm", "[-out DIR]",
			"compile the browser programs (tools/wasm/*) to DIR (default assets/wasm)", cmdWasm},
		{"search-index", "[-site DIR] [-out DIR]",
			"index a built site for search with Pagefind (default public, into DIR/pagefind)",
			func(args []string, _, stderr io.Writer) (int, error) { return 0, cmdSearchIndex(args, stderr) }},
		{"gen", "-projects N -out DIR [-seed S]",
			"write a synthetic valid corpus (for benchmarks)",
			func(args []string, _, stderr io.Writer) (int, error) { return 0, cmdGen(args, stderr) }},
	}
}

// helpText is what -h says after the usage line of a command that needs more than its
// summary.
var helpText = map[string]string{
	"review": "Lists the entries to check again with their jurisdiction, oldest first, with the\n" +
		"name, email and role of each contact who agreed to be listed.",
	"evi": "Computes the e-vulnerability index of each area of DATA.csv (CDC/ATSDR SVI\n" +
		"percentile-rank method). Flags may come before or after DATA.csv.",
}

// synopsisOf takes a command's arguments from its own usage text: each line
// "usage: guide NAME ARGS" or "       guide NAME ARGS", the alternatives joined by " | ".
func synopsisOf(name, usage string) string {
	var alts []string
	for line := range strings.SplitSeq(strings.TrimSpace(usage), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "usage:"))
		alts = append(alts, strings.TrimSpace(strings.TrimPrefix(line, "guide "+name)))
	}
	return strings.Join(alts, " | ")
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// usageLine is "usage: guide NAME SYNOPSIS".
func usageLine(name string) string {
	c, _ := lookup(name)
	return strings.TrimSpace("usage: guide " + name + " " + c.synopsis)
}

// writeUsage prints the list of commands.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "usage: guide <command> [arguments]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %s %s\n", c.name, c.synopsis)
		for line := range strings.SplitSeq(c.summary, "\n") {
			fmt.Fprintf(w, "                 %s\n", line)
		}
	}
	fmt.Fprint(w, "\nRun \"guide <command> -h\" for a command's flags.\n")
}

// docUsage is the list of the package comment, one synopsis a line.
func docUsage() string {
	var b strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&b, "//\tguide %s\n", strings.TrimSpace(c.name+" "+c.synopsis))
	}
	return b.String()
}
