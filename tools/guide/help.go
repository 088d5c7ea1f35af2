package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/pdf"
)

// A flag's description is a catalogue code (help_flag_…), worded when -h prints it, in
// the language of the command's -lang or else the locale's. helpArgs holds the
// arguments of the codes that name a value from elsewhere.
var helpArgs = map[string]diag.A{
	"help_flag_format":       {"formats": diag.Formats},
	"help_flag_pdf_chromium": {"env": pdf.ChromiumEnv},
}

// helpLang is the language of a flag set's help while it is parsed: the -lang given
// after -h (the arguments not parsed yet), else the -lang parsed already, else the
// locale's. A -lang that is no language of messages (guide pdf's list) is passed over.
func helpLang(fs *flag.FlagSet) string {
	if l := langArg(fs.Args()); slices.Contains(diag.Languages, l) {
		return l
	}
	if f := fs.Lookup("lang"); f != nil && slices.Contains(diag.Languages, f.Value.String()) {
		return f.Value.String()
	}
	return diag.LangFromEnv(os.Getenv)
}

// writeHelp prints what -h says: the usage line(s) of the command, what it does, and
// its flags, in lang. name is a command of the table or "edition SUB".
func writeHelp(w io.Writer, fs *flag.FlagSet, name, lang string) {
	cmd, sub, _ := strings.Cut(name, " ")
	c, _ := lookup(cmd)
	usage, text := usageLine(cmd, lang), ""
	if _, ok := diag.Template(lang, c.code("text")); ok {
		text = diag.Text(lang, c.code("text"), nil)
	} else {
		text = diag.Text(lang, c.code("summary"), nil)
	}
	if sub != "" {
		for _, alt := range c.alternatives() {
			if strings.HasPrefix(alt, sub+" ") || alt == sub {
				usage = diag.Text(lang, "help_usage_line", diag.A{"command": cmd + " " + alt})
			}
		}
		text = diag.Text(lang, "help_"+cmd+"_"+sub, nil)
	}
	fmt.Fprintf(w, "%s\n\n%s\n\n", usage, text)
	printFlags(w, fs, lang)
}

// printFlags lists the flags of fs as flag.PrintDefaults does, their descriptions and
// defaults worded in lang: a description that is a catalogue code is worded from it
// (guide new's come worded already, from package newentry).
func printFlags(w io.Writer, fs *flag.FlagSet, lang string) {
	fs.VisitAll(func(f *flag.Flag) {
		worded := *f
		if _, ok := diag.Template(lang, f.Usage); ok {
			worded.Usage = diag.Text(lang, f.Usage, helpArgs[f.Usage])
		}
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", f.Name)
		name, usage := flag.UnquoteUsage(&worded)
		if name != "" {
			b.WriteString(" " + name)
		}
		if b.Len() <= 4 { // a one-letter flag without a value: on the same line
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		// -lang's description says where its default comes from: the locale.
		if !isZeroValue(f) && f.Usage != "help_flag_lang" {
			code := "help_default_plain"
			if g, ok := f.Value.(flag.Getter); ok {
				if _, ok := g.Get().(string); ok {
					code = "help_default"
				}
			}
			b.WriteString(" " + diag.Text(lang, code, diag.A{"value": f.DefValue}))
		}
		fmt.Fprintln(w, b.String())
	})
}

// isZeroValue: the flag's default is its type's zero, which flag.PrintDefaults leaves
// unsaid.
func isZeroValue(f *flag.Flag) bool {
	switch f.DefValue {
	case "", "0", "false", "0s":
		return true
	}
	return false
}

// writeForms prints each form of a command whose first word is a subcommand, with what
// it does (help_NAME_SUB) under it, in lang.
func writeForms(w io.Writer, name, lang string) {
	c, _ := lookup(name)
	lines := strings.Split(usageLine(name, lang), "\n")
	for i, alt := range c.alternatives() {
		sub, _, _ := strings.Cut(alt, " ")
		fmt.Fprintln(w, lines[i])
		for line := range strings.SplitSeq(diag.Text(lang, "help_"+name+"_"+sub, nil), "\n") {
			fmt.Fprintf(w, "%39s%s\n", "", line)
		}
	}
}
