// Guide is the command-line tool of Guide IAD, the Data-Driven Intelligence Playbook.
// It is the single authority on what a valid submission is.
//
// Usage:
//
//	guide validate [-data DIR] [-format text|json|github] [-lang en|fr] [path ...]
//	guide fmt [-check] [-data DIR] [-lang en|fr] [path ...]
//	guide schema [-data DIR] [-out DIR] [-check]
//	guide new project|contact|practice|resource [-data DIR] [-lang en|fr] [-id ID] [-no-prompt] [-KEY VALUE ...]
//	guide translations [-data DIR] [-o FILE] [-lang en|fr] | [-data DIR] -import FILE [-lang en|fr]
//	guide review [-older-than AGE] [-data DIR] [-format text|csv] [-now YYYY-MM-DD] [-lang en|fr]
//	guide pdf [-public DIR] [-edition ID] [-paper letter|a4] [-lang en,fr] [-chromium PATH] [-site-params FILE] [-hugo-config] [-v]
//	guide edition publish [-lang en|fr] ID | list [-lang en|fr] | build [-public DIR] [-site-params FILE] [-paper letter|a4] [-lang en|fr]
//	guide links [-site DIR] [-base-url URL] [-config FILE] [-lang en|fr]
//	guide evi --config CONFIG.yaml [--format csv|json|geojson] [--out FILE] [--lang en|fr] [--groups GROUPS.csv [--ungrouped error|ignore|group] | --points POINTS.csv [--radius-km R]] [--group-out OUT.csv] [--geometry AREAS.geojson [--geometry-code PROPERTY]] DATA.csv
//	guide hugo-data [-data DIR] [-out DIR] [-derived DIR] [-opendata DIR [-site DIR] [-config FILE] [-base-url URL]] [-lang en|fr]
//	guide opendata [-data DIR] [-out DIR] [-site DIR] [-config FILE] [-base-url URL] [-history FILE | -git] [-lang en|fr]
//	guide wasm [-out DIR]
//	guide search-index [-site DIR] [-out DIR]
//	guide gen -projects N -out DIR [-seed S]
//
// validate checks the YAML files under data/ (or the given files and folders, against
// data/) and prints one line per finding: path:line:col: error|warning: key: message.
// It exits 0 when there are no errors (warnings allowed), 1 when there are errors and
// 2 for usage or I/O errors.
//
// fmt rewrites data files in canonical form (key order, indentation), keeping every
// value and comment; -check only lists the files that need it and exits 1 if any do.
//
// schema writes the JSON Schemas of every kind, generated from the model with the
// taxonomy's codes; -check only reports whether the committed ones are up to date.
//
// hugo-data writes the JSON copy of the validated data/ that make site gives Hugo, the
// derived data (history from git, related case studies) into -derived, and DIR.toml, the
// Hugo configuration that mounts both; -derived alone writes only the derived data, and
// DERIVED.toml mounts data/ beside it (make serve).
//
// wasm compiles the programs under tools/wasm/ to WebAssembly for the website.
//
// search-index builds the site's search index with Pagefind (without its unused UIs).
//
// gen writes a synthetic, valid corpus of N projects for benchmarks.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/gen"
	"github.com/pssdc/guide-iad/tools/hugodata"
	"github.com/pssdc/guide-iad/tools/schema"
)

// errUsage marks errors that should print usage and exit 2.
var errUsage = errors.New("usage")

func main() {
	if len(os.Args) > 1 && (os.Args[1] == "validate" || os.Args[1] == "fmt") {
		// The validator's memory stays small (one parsed file per core); trading some
		// of it for less garbage collection makes it faster…
		debug.SetGCPercent(400)
		// …but never at the cost of unbounded memory: past this soft limit the
		// collector runs as often as needed (20,000 broken files validate in under
		// 300 MiB). Only there: the commands that hold the whole corpus (hugo-data's
		// history, the open data: 300–450 MiB at 10,000 projects) would collect
		// without pause under it, three times slower.
		debug.SetMemoryLimit(200 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	lang := diag.LangFromEnv(os.Getenv)
	if len(args) == 0 {
		writeUsage(stderr, lang)
		return 2
	}
	switch args[0] {
	case "help", "-h", "--help":
		writeUsage(stdout, lang)
		return 0
	}
	cmd, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "guide: %s\n", diag.Text(lang, "usage_unknown_command", diag.A{"value": args[0]}))
		writeUsage(stderr, lang)
		return 2
	}
	status, err := cmd.run(args[1:], stdout, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, new(*corpus.RejectedError)), errors.Is(err, hugodata.ErrOutRefused):
		// A data file or an output folder the command refuses: a finding, like
		// guide validate's, not a usage error.
		fmt.Fprintf(stderr, "guide %s: %s\n", args[0], diag.Words(err, lang))
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "guide %s: %s\n", args[0], diag.Words(err, lang))
		return 2
	}
	return status
}

// langFlag declares a command's -lang: the language of its messages, by default the
// locale's (diag.LangFromEnv).
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", diag.LangFromEnv(os.Getenv), "help_flag_lang")
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("guide "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { writeHelp(stderr, fs, name, helpLang(fs)) }
	return fs
}

// parseNoArgs parses the flags of a command that takes no other argument, and refuses
// one: "guide NAME: unexpected argument …", a usage error.
func parseNoArgs(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: %s\n", fs.Name(), diag.Text(flagsLang(args), "usage_unexpected_argument", diag.A{"value": fs.Arg(0)}))
		return errUsage
	}
	return nil
}

func cmdValidate(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("validate", stderr)
	dataDir := fs.String("data", "data", "help_flag_data_taxonomy")
	format := fs.String("format", "text", "help_flag_format")
	lang := langFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	if !slices.Contains(diag.Languages, *lang) {
		newSayer(stderr, "validate", diag.LangFromEnv(os.Getenv)).text("usage_unknown_language", diag.A{"value": *lang, "languages": diag.Languages})
		return 0, errUsage
	}
	if !slices.Contains(diag.Formats, *format) {
		newSayer(stderr, "validate", *lang).text("usage_unknown_format", diag.A{"value": *format, "formats": diag.Formats})
		return 0, errUsage
	}
	res, err := check.Run(check.Options{DataDir: *dataDir, Paths: fs.Args()})
	if err != nil {
		return 0, err
	}
	if err := diag.WriteIn(stdout, *format, *lang, res.Diagnostics, res.Files); err != nil {
		return 0, err
	}
	if res.Diagnostics.HasErrors() {
		return 1, nil
	}
	return 0, nil
}

func cmdGen(args []string, stderr io.Writer) error {
	fs := newFlags("gen", stderr)
	n := fs.Int("projects", 1000, "help_flag_gen_projects")
	out := fs.String("out", "", "help_flag_gen_out")
	seed := fs.Int64("seed", 1, "help_flag_gen_seed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || *n < 1 || fs.NArg() > 0 {
		newSayer(stderr, "gen", flagsLang(args)).text("usage_gen_needs", nil)
		return errUsage
	}
	return gen.Write(*out, gen.Options{Projects: *n, Seed: *seed})
}

func cmdSchema(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("schema", stderr)
	dataDir := fs.String("data", "data", "help_flag_data_codes")
	out := fs.String("out", schema.Dir, "help_flag_schema_out")
	checkOnly := fs.Bool("check", false, "help_flag_schema_check")
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	tax, err := corpus.LoadTaxonomy(*dataDir) // with the validator's limits
	if err != nil {
		return 0, err
	}
	if !*checkOnly {
		return 0, schema.WriteAll(*out, tax.Codes)
	}
	stale, err := schema.Stale(*out, tax.Codes)
	if err != nil {
		return 0, err
	}
	for _, f := range stale {
		fmt.Fprintln(stdout, diag.Text(diag.LangFromEnv(os.Getenv), "schema_stale", diag.A{"file": f}))
	}
	if len(stale) > 0 {
		return 1, nil
	}
	return 0, nil
}

func cmdFmt(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("fmt", stderr)
	checkOnly := fs.Bool("check", false, "help_flag_fmt_check")
	dataDir := fs.String("data", "data", "help_flag_data_paths")
	lang := langFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	// The files are listed and read as guide validate lists and reads them (package
	// corpus): the same limits, links and all; a file it rejects is left alone.
	var sources []corpus.Source
	var err error
	if fs.NArg() == 0 {
		sources, err = corpus.List(*dataDir)
	} else {
		sources, err = corpus.ListPaths(*dataDir, fs.Args())
	}
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	status := 0
	for _, s := range sources {
		if s.NotData() {
			continue // not a data file: guide validate says what to do with it
		}
		o, err := format.File(s, *checkOnly)
		switch {
		case err != nil:
			fmt.Fprintln(stderr, fileError(s.Path, diag.In(err, *lang)))
			status = 1
		case o.Changed && *checkOnly:
			fmt.Fprintln(stdout, diag.Text(*lang, "fmt_needs_formatting", diag.A{"file": s.Path}))
			status = 1
		case o.Changed && o.TabWidth > 1:
			// A tab wider than one space: the indentation was a guess worth a look.
			fmt.Fprintln(stdout, diag.Text(*lang, "fmt_formatted_tabs", diag.A{"file": s.Path, "width": o.TabWidth}))
		case o.Changed:
			fmt.Fprintln(stdout, diag.Text(*lang, "fmt_formatted", diag.A{"file": s.Path}))
		}
	}
	return status, nil
}

// fileError renders a refusal about one file as path[:line:col]: error: message, the
// form of every diagnostic, whether or not err already names the file.
func fileError(path string, err error) string {
	msg := err.Error()
	if strings.HasPrefix(msg, path+":") && strings.Contains(msg, ": "+string(diag.Error)+": ") {
		return msg
	}
	msg = strings.TrimPrefix(strings.TrimPrefix(msg, path+": "), path+" ")
	return path + ": " + string(diag.Error) + ": " + msg
}
