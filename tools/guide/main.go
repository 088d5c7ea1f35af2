// Guide is the command-line tool of Guide IAD, the Data-Driven Intelligence Playbook.
// It is the single authority on what a valid submission is.
//
// Usage:
//
//	guide validate [-data DIR] [-format text|json|github] [-lang en|fr] [path ...]
//	guide fmt [-check] [-data DIR] [-lang en|fr] [path ...]
//	guide schema [-data DIR] [-out DIR] [-check]
//	guide new project|contact|practice|resource [-id ID] [-KEY VALUE ...]
//	guide translations [-data DIR] [-o FILE] | -import FILE
//	guide review [-older-than 12m] [-data DIR] [-format text|csv]
//	guide pdf [-public DIR] [-edition ID] [-paper letter|a4] [-lang en,fr] [-site-params FILE]
//	guide edition publish ID | list | build [-public DIR] [-site-params FILE]
//	guide links [-site DIR] [-base-url URL]
//	guide evi --config CONFIG.yaml [--format csv|json] [--out FILE] DATA.csv
//	guide hugo-data [-data DIR] [-out DIR] [-lang en|fr]
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
// hugo-data writes the JSON copy of the validated data/ that make site gives Hugo, and
// DIR.toml, the Hugo configuration that mounts it.
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

const usage = `usage: guide <command> [arguments]

commands:
  validate [-data DIR] [-format text|json|github] [-lang en|fr] [path ...]
                 check data files; exit 1 on errors
  fmt [-check] [-data DIR] [-lang en|fr] [path ...]
                 put data files in canonical form (default: data/)
  schema [-data DIR] [-out DIR] [-check]
                 write the JSON Schemas generated from the model
  new project|contact|practice|resource [-data DIR] [-id ID] [-no-prompt] [-KEY VALUE ...]
                 create data/KIND/ID.yaml with the keys to fill in; exit 1 if it exists
  translations [-data DIR] [-o FILE] | -import FILE
                 texts awaiting translation as CSV, or write translations back
  review [-older-than 12m] [-data DIR] [-format text|csv] [-now YYYY-MM-DD]
                 entries due for review, oldest first, with their consented contacts
  pdf [-public DIR] [-edition ID] [-paper letter|a4] [-lang en,fr] [-site-params FILE] [-hugo-config]
                 print the edition of each language to public/<lang>/*.pdf (headless Chromium);
                 -edition ID of a published edition rebuilds it from its tag edition-ID
  edition publish ID | list | build [-public DIR] [-site-params FILE]
                 freeze an edition as the git tag edition-ID (after guide validate); list the
                 editions; print every edition into the release (make site)
  links [-site DIR] [-base-url URL]
                 check that every address of the built site's pages and stylesheets resolves
  evi --config CONFIG.yaml [--format csv|json] [--out FILE] DATA.csv
                 e-vulnerability index of each area of DATA.csv; exit 1 on data errors
  hugo-data [-data DIR] [-out DIR] [-lang en|fr]
                 write the JSON copy of data/ that Hugo builds the site from (default tmp/hugo-data)
  wasm [-out DIR]
                 compile the browser programs (tools/wasm/*) to DIR (default static/wasm)
  search-index [-site DIR] [-out DIR]
                 index a built site for search with Pagefind (default public, into DIR/pagefind)
  gen -projects N -out DIR [-seed S]
                 write a synthetic valid corpus (for benchmarks)

Run "guide <command> -h" for a command's flags.
`

// errUsage marks errors that should print usage and exit 2.
var errUsage = errors.New("usage")

func main() {
	// The validator's memory stays small (one parsed file per core); trading some of it
	// for less garbage collection makes it faster.
	debug.SetGCPercent(400)
	// …but never at the cost of unbounded memory: past this soft limit the collector
	// runs as often as needed (20,000 broken files validate in under 300 MiB).
	debug.SetMemoryLimit(200 << 20)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	status := 0
	switch args[0] {
	case "validate":
		status, err = cmdValidate(args[1:], stdout, stderr)
	case "fmt":
		status, err = cmdFmt(args[1:], stdout, stderr)
	case "schema":
		status, err = cmdSchema(args[1:], stdout, stderr)
	case "new":
		status, err = cmdNew(args[1:], stdout, stderr)
	case "translations":
		status, err = cmdTranslations(args[1:], stdout, stderr)
	case "review":
		status, err = cmdReview(args[1:], stdout, stderr)
	case "pdf":
		status, err = cmdPdf(args[1:], stdout, stderr)
	case "edition":
		status, err = cmdEdition(args[1:], stdout, stderr)
	case "links":
		status, err = cmdLinks(args[1:], stdout, stderr)
	case "evi":
		status, err = cmdEvi(args[1:], stdout, stderr)
	case "hugo-data":
		status, err = cmdHugoData(args[1:], stdout, stderr)
	case "wasm":
		status, err = cmdWasm(args[1:], stdout, stderr)
	case "search-index":
		err = cmdSearchIndex(args[1:], stderr)
	case "gen":
		err = cmdGen(args[1:], stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "guide: unknown command %q\n%s", args[0], usage)
		return 2
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, new(*corpus.RejectedError)), errors.Is(err, hugodata.ErrOutRefused):
		// A data file or an output folder the command refuses: a finding, like
		// guide validate's, not a usage error.
		fmt.Fprintf(stderr, "guide %s: %s\n", args[0], diag.Words(err, diag.LangFromEnv(os.Getenv)))
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "guide %s: %s\n", args[0], diag.Words(err, diag.LangFromEnv(os.Getenv)))
		return 2
	}
	return status
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("guide "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses and maps flag errors to errUsage (the flag package has printed them).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

func cmdValidate(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("validate", stderr)
	dataDir := fs.String("data", "data", "the corpus `folder`, holding taxonomy.yaml")
	format := fs.String("format", "text", "output `format`: "+strings.Join(diag.Formats, ", "))
	lang := fs.String("lang", diag.LangFromEnv(os.Getenv), "`language` of the messages, en or fr (default from LC_ALL, LC_MESSAGES or LANG)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: guide validate [-data DIR] [-format text|json|github] [-lang en|fr] [path ...]\n\n")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return 0, err
	}
	if !validFormat(*format) {
		fmt.Fprintf(stderr, "guide validate: unknown format %q; expected one of %s\n", *format, strings.Join(diag.Formats, ", "))
		return 0, errUsage
	}
	if !slices.Contains(diag.Languages, *lang) {
		fmt.Fprintf(stderr, "guide validate: unknown language %q; expected one of %s\n", *lang, strings.Join(diag.Languages, ", "))
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

func validFormat(f string) bool {
	for _, x := range diag.Formats {
		if x == f {
			return true
		}
	}
	return false
}

func cmdGen(args []string, stderr io.Writer) error {
	fs := newFlags("gen", stderr)
	n := fs.Int("projects", 1000, "number of `projects` to generate")
	out := fs.String("out", "", "output `folder` (created; must not exist or be empty)")
	seed := fs.Int64("seed", 1, "random `seed`: the same seed gives the same corpus")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" || *n < 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "guide gen: need -out DIR and -projects N ≥ 1, and no other arguments")
		return errUsage
	}
	return gen.Write(*out, gen.Options{Projects: *n, Seed: *seed})
}

func cmdSchema(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("schema", stderr)
	dataDir := fs.String("data", "data", "the corpus `folder` whose taxonomy.yaml gives the codes")
	out := fs.String("out", schema.Dir, "output `folder`")
	checkOnly := fs.Bool("check", false, "write nothing; exit 1 when a schema is out of date")
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
		fmt.Fprintf(stdout, "%s: out of date; run `go run ./tools/guide schema`\n", f)
	}
	if len(stale) > 0 {
		return 1, nil
	}
	return 0, nil
}

func cmdFmt(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("fmt", stderr)
	checkOnly := fs.Bool("check", false, "write nothing; list the files that need formatting and exit 1 if any")
	dataDir := fs.String("data", "data", "the corpus `folder` the paths are judged against")
	lang := fs.String("lang", diag.LangFromEnv(os.Getenv), "`language` of the messages, en or fr (default from LC_ALL, LC_MESSAGES or LANG)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: guide fmt [-check] [-data DIR] [-lang en|fr] [path ...]\n\n")
		fs.PrintDefaults()
	}
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
		changed, err := format.File(s, *checkOnly)
		switch {
		case err != nil:
			fmt.Fprintln(stderr, fileError(s.Path, diag.In(err, *lang)))
			status = 1
		case changed && *checkOnly:
			fmt.Fprintln(stdout, diag.Text(*lang, "fmt_needs_formatting", diag.A{"file": s.Path}))
			status = 1
		case changed:
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
