package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
)

// command is one row of the command table, the one place that names guide's commands:
// the usage (guide, guide help, an unknown command), each command's -h and the
// package comment's list (TestDocListsCommands) are all written from it. What a
// command does is worded from the catalogue (help_summary_NAME, and help_text_NAME
// where -h says more), in English or French.
type command struct {
	name     string
	synopsis string // the arguments, after "guide NAME "; alternatives joined by " | "
	run      func(args []string, stdout, stderr io.Writer) (int, error)
}

// commands is filled in init: the commands' functions print the usage, which reads it.
var commands []command

func init() {
	commands = []command{
		{"validate", "[-data DIR] [-format text|json|github] [-lang en|fr] [path ...]", cmdValidate},
		{"fmt", "[-check] [-data DIR] [-lang en|fr] [path ...]", cmdFmt},
		{"schema", "[-data DIR] [-out DIR] [-check]", cmdSchema},
		{"new", strings.Join(newKindNames(), "|") + " [-data DIR] [-lang en|fr] [-id ID] [-no-prompt] [-KEY VALUE ...]", cmdNew},
		{"translations", "[-data DIR] [-o FILE] [-lang en|fr] | [-data DIR] -import FILE [-lang en|fr]", cmdTranslations},
		{"review", "[-older-than AGE] [-data DIR] [-format text|csv] [-now YYYY-MM-DD] [-lang en|fr]", cmdReview},
		{"pdf", "[-public DIR] [-edition ID] [-paper letter|a4] [-lang en,fr] [-chromium PATH] [-site-params FILE] [-hugo-config] [-v]", cmdPdf},
		{"edition", "publish [-lang en|fr] ID | list [-lang en|fr] | build [-public DIR] [-site-params FILE] [-paper letter|a4] [-lang en|fr]", cmdEdition},
		{"links", "[-site DIR] [-base-url URL] [-config FILE] [-lang en|fr]", cmdLinks},
		{"evi", "--config CONFIG.yaml [--format csv|json|geojson] [--out FILE] [--lang en|fr] [--groups GROUPS.csv [--ungrouped error|ignore|group] | --points POINTS.csv [--radius-km R]] [--group-out OUT.csv] [--geometry AREAS.geojson [--geometry-code PROPERTY]] DATA.csv", cmdEvi},
		{"hugo-data", "[-data DIR] [-out DIR] [-derived DIR] [-opendata DIR [-site DIR] [-config FILE] [-base-url URL]] [-lang en|fr]", cmdHugoData},
		{"opendata", "[-data DIR] [-out DIR] [-site DIR] [-config FILE] [-base-url URL] [-history FILE | -git] [-lang en|fr]", cmdOpenData},
		{"wasm", "[-out DIR]", cmdWasm},
		{"search-index", "[-site DIR] [-out DIR]",
			func(args []string, _, stderr io.Writer) (int, error) { return 0, cmdSearchIndex(args, stderr) }},
		{"gen", "-projects N -out DIR [-seed S]",
			func(args []string, _, stderr io.Writer) (int, error) { return 0, cmdGen(args, stderr) }},
	}
}

// code is the catalogue code of what the command does, help_KIND_NAME.
func (c command) code(kind string) string {
	return "help_" + kind + "_" + strings.ReplaceAll(c.name, "-", "_")
}

// alternatives splits the synopsis at each " | " outside brackets: the command's
// forms, one a usage line.
func (c command) alternatives() []string {
	var alts []string
	depth, from := 0, 0
	for i := 0; i < len(c.synopsis); i++ {
		switch c.synopsis[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '|':
			if depth == 0 && i > 0 && c.synopsis[i-1] == ' ' {
				alts = append(alts, strings.TrimSpace(c.synopsis[from:i]))
				from = i + 1
			}
		}
	}
	return append(alts, strings.TrimSpace(c.synopsis[from:]))
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// usageLine is "usage: guide NAME SYNOPSIS", one line a form of the command, in lang.
func usageLine(name, lang string) string {
	c, _ := lookup(name)
	var b strings.Builder
	for i, alt := range c.alternatives() {
		code := "help_usage_more"
		if i == 0 {
			code = "help_usage_line"
		} else {
			b.WriteByte('\n')
		}
		b.WriteString(diag.Text(lang, code, diag.A{"command": strings.TrimSpace(name + " " + alt)}))
	}
	return b.String()
}

// writeUsage prints the list of commands, in lang.
func writeUsage(w io.Writer, lang string) {
	fmt.Fprintf(w, "%s\n\n%s\n", diag.Text(lang, "help_usage", nil), diag.Text(lang, "help_commands", nil))
	for _, c := range commands {
		fmt.Fprintf(w, "  %s %s\n", c.name, c.synopsis)
		for line := range strings.SplitSeq(diag.Text(lang, c.code("summary"), nil), "\n") {
			fmt.Fprintf(w, "                 %s\n", line)
		}
	}
	fmt.Fprintf(w, "\n%s\n", diag.Text(lang, "help_more", nil))
}

// docUsage is the list of the package comment, one synopsis a line.
func docUsage() string {
	var b strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&b, "//\tguide %s\n", strings.TrimSpace(c.name+" "+c.synopsis))
	}
	return b.String()
}
