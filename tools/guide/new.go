package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"github.com/pssdc/guide-iad/tools/newentry"
)

// The terminal guide new reads its answers from; variables so tests can stand in for one.
var (
	newStdin        io.Reader = os.Stdin
	stdinIsTerminal           = func() bool {
		info, err := os.Stdin.Stat()
		return err == nil && info.Mode()&os.ModeCharDevice != 0
	}
)

func newKindNames() []string {
	var names []string
	for _, k := range newentry.EntryKinds() {
		names = append(names, k.Name)
	}
	return names
}

func newUsage(lang string) string { return usageLine("new", lang) + "\n" }

// langArg finds the value of -lang among args before they are parsed: the flags' own
// help is worded in that language.
func langArg(args []string) string {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if name != "lang" || !strings.HasPrefix(a, "-") {
			continue
		}
		if hasValue {
			return value
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// cmdNew creates data/KIND/ID.yaml with every required key, empty until filled in, and
// the optional keys commented out. Values come from flags (one per key, -KEY-en and
// -KEY-fr for texts) or, on a terminal and without value flags, from questions in the
// contributor's language (-lang, else the locale). It exits 0 when the file is created
// (when the input ends mid-way too: the answers so far are written), 1 when it exists
// already or nothing was answered, 2 for usage errors (a flag value the validator
// rejects among them) and I/O errors.
func cmdNew(args []string, stdout, stderr io.Writer) (int, error) {
	lang := newentry.Lang(langArg(args), os.Getenv)
	if lang != "en" && lang != "fr" {
		lang = "en"
	}
	w := newentry.Words(lang)
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		out := stderr
		if len(args) > 0 {
			out = stdout
		}
		fmt.Fprintf(out, "%s\n%s\n", newUsage(lang), w.T("help"))
		if len(args) == 0 {
			return 0, errUsage
		}
		return 0, flag.ErrHelp
	}
	kind, ok := newentry.KindNamed(args[0])
	if !ok {
		fmt.Fprintf(stderr, "guide new: %s\n%s", w.T("unknown_kind", "kind", strconv.Quote(args[0]), "kinds", strings.Join(newKindNames(), ", ")), newUsage(lang))
		return 0, errUsage
	}
	fs := newFlags("new "+kind.Name, stderr)
	dataDir := fs.String("data", "data", w.T("flag_data"))
	noPrompt := fs.Bool("no-prompt", false, w.T("flag_no_prompt"))
	langFlag := fs.String("lang", "", w.T("flag_lang"))
	inputs := newentry.Inputs(kind)
	strs := map[string]*string{}
	bools := map[string]*bool{}
	for _, in := range inputs {
		if in.Shape() == model.ShapeBool {
			bools[in.Key] = fs.Bool(in.Flag, false, in.Describe(lang))
		} else {
			strs[in.Key] = fs.String(in.Flag, "", in.Describe(lang))
		}
	}
	fs.Usage = func() {
		usage := diag.Text(lang, "help_usage_line", diag.A{"command": "new " + kind.Name + " [-data DIR] [-lang en|fr] [-no-prompt] [-KEY VALUE ...]"})
		fmt.Fprintf(stderr, "%s\n\n%s\n\n", usage, w.T("kind_help", "dir", kind.Dir))
		printFlags(stderr, fs, lang)
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return 0, diag.In(err, lang)
	}
	if *langFlag != "" && *langFlag != "en" && *langFlag != "fr" {
		fmt.Fprintf(stderr, "guide new: %s\n%s", w.T("bad_lang", "lang", strconv.Quote(*langFlag)), newUsage(lang))
		return 0, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "guide new: %s\n%s", w.T("unexpected_argument", "arg", strconv.Quote(fs.Arg(0))), newUsage(lang))
		return 0, errUsage
	}
	values := newentry.Values{}
	for k, p := range strs {
		if v := strings.TrimSpace(*p); v != "" {
			values[k] = v
		}
	}
	for k, p := range bools {
		if *p {
			values[k] = "true"
		}
	}
	flagOf := map[string]string{}
	tax, _ := corpus.LoadTaxonomy(*dataDir) // without it, no codes from labels, no numbered choices
	for _, in := range inputs {
		flagOf[in.Key] = in.Flag
		if v := values[in.Key]; v != "" {
			values[in.Key] = newentry.Resolve(in, v, newentry.Terms(in, tax), false)
		}
	}

	checkValues := func(values newentry.Values) (newentry.Checked, error) {
		src, err := newentry.Generate(kind, values)
		if err != nil {
			return newentry.Checked{}, err
		}
		var given []newentry.Input
		for _, in := range inputs {
			if values[in.Key] != "" {
				given = append(given, in)
			}
		}
		return newentry.Check(*dataDir, kind, values["id"], src, given)
	}
	taken := func(id string) string {
		if !newentry.SafeName(id) || !model.ValidID(id) {
			return w.T("invalid_id", "id", strconv.Quote(id))
		}
		path := newentry.Path(*dataDir, kind, id)
		if _, err := os.Lstat(path); err == nil {
			return w.T("exists", "path", path)
		}
		return ""
	}

	// Flag values first: a wrong one is reported before anything is asked.
	if id := values["id"]; id != "" && newentry.SafeName(id) {
		if _, err := os.Lstat(newentry.Path(*dataDir, kind, id)); err == nil {
			fmt.Fprintf(stderr, "guide new: %s\n", w.T("exists", "path", newentry.Path(*dataDir, kind, id)))
			return 1, nil
		}
	}
	c, err := checkValues(values)
	if err != nil {
		return 0, diag.In(err, lang)
	}
	if reportNewProblems(stderr, w, c, flagOf) {
		return 0, errUsage
	}

	// With value flags guide new asks nothing: the flags are the whole answer.
	ended := false
	if !*noPrompt && len(values) == 0 && stdinIsTerminal() {
		p := &newentry.Prompter{In: bufio.NewReader(newStdin), Out: stdout, Lang: lang, Tax: tax,
			Check: func(values newentry.Values, in newentry.Input) string {
				if in.Field.ID {
					if msg := taken(values[in.Key]); msg != "" {
						return msg
					}
				}
				c, err := checkValues(values)
				if err != nil {
					return diag.Words(err, lang)
				}
				for _, pr := range c.Problems {
					if pr.Input.Key == in.Key {
						return pr.In(lang)
					}
				}
				return ""
			}}
		err := p.Ask(kind, values)
		switch {
		case errors.Is(err, newentry.ErrEnded):
			ended = true
		case err != nil:
			return 0, diag.In(diag.Wrap(err, "newentry_reading_answers", diag.A{"error": diag.Cause(err)}), lang)
		}
		fmt.Fprintln(stdout)
		if ended && len(values) == 0 {
			fmt.Fprintf(stderr, "guide new: %s\n", w.T("eof_nothing"))
			return 1, nil
		}
	}

	if values["id"] == "" {
		values["id"] = newentry.SuggestID(kind, values)
		switch {
		case ended:
			// The answers so far go to a file of their own, whatever the id's fate.
			values["id"] = freeID(values["id"], kind.Name, func(id string) bool { return taken(id) == "" })
		case values["id"] == "":
			fmt.Fprintf(stderr, "guide new: %s\n%s", w.T("no_id"), newUsage(lang))
			return 0, errUsage
		default:
			if msg := taken(values["id"]); msg != "" {
				fmt.Fprintf(stderr, "guide new: %s\n", msg)
				return 1, nil
			}
			if c, err = checkValues(values); err != nil {
				return 0, diag.In(err, lang)
			}
			if reportNewProblems(stderr, w, c, flagOf) {
				return 0, errUsage
			}
		}
	}
	src, err := newentry.Generate(kind, values)
	if err != nil {
		return 0, diag.In(err, lang)
	}
	path, err := newentry.Create(*dataDir, kind, values["id"], src)
	if errors.Is(err, newentry.ErrExists) {
		fmt.Fprintf(stderr, "guide new: %s\n", w.T("exists", "path", path))
		return 1, nil
	}
	if err != nil {
		return 0, diag.In(err, lang)
	}
	if c, err = checkValues(values); err != nil {
		return 0, diag.In(err, lang)
	}
	keys := c.LeftKeys()
	left := len(keys)
	switch {
	case ended:
		fmt.Fprintf(stderr, "guide new: %s\n", w.T("eof_saved", "path", path, "left", w.T("left", "n", left)))
	case left == 0:
		fmt.Fprintln(stdout, w.T("created", "path", path))
	default:
		fmt.Fprintln(stdout, w.T("created_left", "path", path, "n", left, "keys", strings.Join(keys, ", ")))
	}
	return 0, nil
}

// freeID is id, else new-KIND, made free by a number (id-2, id-3…) when taken.
func freeID(id, kind string, free func(string) bool) string {
	if id == "" {
		id = "new-" + kind
	}
	if free(id) {
		return id
	}
	base := strings.TrimRight(id[:min(len(id), model.MaxIDLength-4)], "-")
	for n := 2; n < 1000; n++ {
		if next := base + "-" + strconv.Itoa(n); free(next) {
			return next
		}
	}
	return id // Create then refuses to replace it, and says so
}

// reportNewProblems prints the validator's objections to given values, by flag, and
// reports whether there were any. Problems of the corpus itself are notes.
func reportNewProblems(stderr io.Writer, w newentry.Words, c newentry.Checked, flagOf map[string]string) bool {
	bad := false
	for _, p := range c.Problems {
		if p.Input.Field == nil {
			fmt.Fprintf(stderr, "guide new: %s\n", w.T("note", "msg", p.In(string(w))))
			continue
		}
		fmt.Fprintf(stderr, "guide new: -%s: %s\n", flagOf[p.Input.Key], p.In(string(w)))
		bad = true
	}
	return bad
}
