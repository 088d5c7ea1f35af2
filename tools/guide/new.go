package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pssdc/guide-iad/tools/corpus"
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

func newUsage() string {
	return "usage: guide new " + strings.Join(newKindNames(), "|") + " [-data DIR] [-id ID] [-no-prompt] [-KEY VALUE ...]\n"
}

// cmdNew creates data/KIND/ID.yaml with every required key, empty until filled in, and
// the optional keys commented out. Values come from flags (one per key, -KEY-en and
// -KEY-fr for texts) and, on a terminal, from questions. It exits 0 when the file is
// created, 1 when it exists already, 2 for usage errors (a value the validator rejects
// among them) and I/O errors.
func cmdNew(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		fmt.Fprintf(w, "%s\nCreates data/KIND/ID.yaml from the model: the required keys with empty values\n(\"\" and []) that guide validate reports until they are filled in, and the optional\nkeys commented out. Run \"guide new KIND -h\" for the flags of a kind.\n", newUsage())
		if len(args) == 0 {
			return 0, errUsage
		}
		return 0, flag.ErrHelp
	}
	kind, ok := newentry.KindNamed(args[0])
	if !ok {
		fmt.Fprintf(stderr, "guide new: unknown kind %q; expected %s\n%s", args[0], strings.Join(newKindNames(), ", "), newUsage())
		return 0, errUsage
	}
	fs := newFlags("new "+kind.Name, stderr)
	dataDir := fs.String("data", "data", "the corpus `folder`, holding taxonomy.yaml")
	noPrompt := fs.Bool("no-prompt", false, "ask nothing, even on a terminal: keys without a flag stay empty")
	inputs := newentry.Inputs(kind)
	strs := map[string]*string{}
	bools := map[string]*bool{}
	for _, in := range inputs {
		if in.Shape() == model.ShapeBool {
			bools[in.Key] = fs.Bool(in.Flag, false, in.Describe())
		} else {
			strs[in.Key] = fs.String(in.Flag, "", in.Describe())
		}
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: guide new %s [-data DIR] [-no-prompt] [-KEY VALUE ...]\n\nCreates data/%s/ID.yaml. Without -id, the id is made from the first text (title or\nname). On a terminal, guide new asks for the required values no flag gives.\n\n", kind, kind.Dir)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return 0, err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "guide new: unexpected argument %q; values go in flags such as -id\n%s", fs.Arg(0), newUsage())
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
	for _, in := range inputs {
		flagOf[in.Key] = in.Flag
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
		if !newentry.SafeName(id) {
			return fmt.Sprintf("%q is not a valid id; use lowercase letters, digits and hyphens", id)
		}
		path := newentry.Path(*dataDir, kind, id)
		if _, err := os.Lstat(path); err == nil {
			return fmt.Sprintf("%s already exists; choose another id, or edit that file", path)
		}
		return ""
	}

	// Flag values first: a wrong one is reported before anything is asked.
	if id := values["id"]; id != "" {
		if msg := taken(id); msg != "" {
			fmt.Fprintf(stderr, "guide new: %s\n", msg)
			return 1, nil
		}
	}
	c, err := checkValues(values)
	if err != nil {
		return 0, err
	}
	if reportNewProblems(stderr, c, flagOf) {
		return 0, errUsage
	}

	if !*noPrompt && stdinIsTerminal() {
		tax, _ := corpus.LoadTaxonomy(*dataDir) // without it, no numbered choices
		p := &newentry.Prompter{In: bufio.NewReader(newStdin), Out: stdout, Tax: tax,
			Check: func(values newentry.Values, in newentry.Input) string {
				if in.Field.ID {
					if msg := taken(values[in.Key]); msg != "" {
						return msg
					}
				}
				c, err := checkValues(values)
				if err != nil {
					return err.Error()
				}
				for _, pr := range c.Problems {
					if pr.Input.Key == in.Key {
						return pr.Message
					}
				}
				return ""
			}}
		if err := p.Ask(kind, values); err != nil {
			return 0, fmt.Errorf("reading answers: %w", err)
		}
		fmt.Fprintln(stdout)
	}

	if values["id"] == "" {
		values["id"] = newentry.SuggestID(kind, values)
		if values["id"] == "" {
			fmt.Fprintf(stderr, "guide new: no id: give -id ID (or the text it is made from, such as -title-en)\n%s", newUsage())
			return 0, errUsage
		}
		if msg := taken(values["id"]); msg != "" {
			fmt.Fprintf(stderr, "guide new: %s\n", msg)
			return 1, nil
		}
		if c, err = checkValues(values); err != nil {
			return 0, err
		}
		if reportNewProblems(stderr, c, flagOf) {
			return 0, errUsage
		}
	}
	src, err := newentry.Generate(kind, values)
	if err != nil {
		return 0, err
	}
	path, err := newentry.Create(*dataDir, kind, values["id"], src)
	if errors.Is(err, newentry.ErrExists) {
		fmt.Fprintf(stderr, "guide new: %s already exists; choose another id, or edit that file\n", path)
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	if c, err = checkValues(values); err != nil {
		return 0, err
	}
	switch c.Left {
	case 0:
		fmt.Fprintf(stdout, "created %s; check it with `go run ./tools/guide validate %s`\n", path, path)
	case 1:
		fmt.Fprintf(stdout, "created %s: 1 value to fill in; `go run ./tools/guide validate %s` says which\n", path, path)
	default:
		fmt.Fprintf(stdout, "created %s: %d values to fill in; `go run ./tools/guide validate %s` lists them\n", path, c.Left, path)
	}
	return 0, nil
}

// reportNewProblems prints the validator's objections to given values, by flag, and
// reports whether there were any. Problems of the corpus itself are notes.
func reportNewProblems(stderr io.Writer, c newentry.Checked, flagOf map[string]string) bool {
	bad := false
	for _, p := range c.Problems {
		if p.Input.Field == nil {
			fmt.Fprintf(stderr, "guide new: note: %s\n", p.Message)
			continue
		}
		fmt.Fprintf(stderr, "guide new: -%s: %s\n", flagOf[p.Input.Key], p.Message)
		bad = true
	}
	return bad
}
