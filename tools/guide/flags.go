package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
)

// The flag package words its parse errors in English: parseFlags silences it, checks the
// arguments first as the flag package reads them, and words what is wrong from the
// catalogue ("guide NAME: message", in the -lang given or the locale's language).

// parseValue parses a value of one kind of the flag package's values, as it does.
type parseValue struct {
	parse   func(s string) error
	notCode string // the message when s does not parse
}

// valueKinds maps the types of the flag package's values (not exported: taken from a
// flag set, no command's, with one flag of each kind) to how they parse.
var valueKinds = func() map[reflect.Type]parseValue {
	set := flag.NewFlagSet("", flag.ContinueOnError)
	set.Bool("bool", false, "")
	set.Int("int", 0, "")
	set.Int64("int64", 0, "")
	set.Uint("uint", 0, "")
	set.Uint64("uint64", 0, "")
	set.Float64("float64", 0, "")
	set.Duration("duration", 0, "")
	kinds := map[string]parseValue{
		"bool":     {func(s string) error { _, err := strconv.ParseBool(s); return err }, "usage_not_bool"},
		"int":      {func(s string) error { _, err := strconv.ParseInt(s, 0, strconv.IntSize); return err }, "usage_not_whole_number"},
		"int64":    {func(s string) error { _, err := strconv.ParseInt(s, 0, 64); return err }, "usage_not_whole_number"},
		"uint":     {func(s string) error { _, err := strconv.ParseUint(s, 0, strconv.IntSize); return err }, "usage_not_whole_number"},
		"uint64":   {func(s string) error { _, err := strconv.ParseUint(s, 0, 64); return err }, "usage_not_whole_number"},
		"float64":  {func(s string) error { _, err := strconv.ParseFloat(s, 64); return err }, "usage_not_number"},
		"duration": {func(s string) error { _, err := time.ParseDuration(s); return err }, "usage_not_duration"},
	}
	byType := map[reflect.Type]parseValue{}
	for name, k := range kinds {
		byType[reflect.TypeOf(set.Lookup(name).Value)] = k
	}
	return byType
}()

// checkValue reports what is wrong with the value s of flag f, or nil. Values of other
// types (strings, and none else in guide) take any text.
func checkValue(f *flag.Flag, s string) *diag.Msg {
	k, ok := valueKinds[reflect.TypeOf(f.Value)]
	if !ok {
		return nil
	}
	var m diag.Msg
	switch err := k.parse(s); {
	case err == nil:
		return nil
	case errors.Is(err, strconv.ErrRange):
		m = diag.M("usage_out_of_range", diag.A{"value": s})
	default:
		m = diag.M(k.notCode, diag.A{"value": s})
	}
	return &m
}

// flagProblem reads args as fs.Parse will, and returns what it would refuse, worded by
// code, or nil: bad syntax, an unknown flag, a missing value, a value of the wrong kind.
// -h and -help, when not flags of fs, are left to fs.Parse (they ask for the help).
func flagProblem(fs *flag.FlagSet, args []string) *diag.Msg {
	command := fs.Name()
	for len(args) > 0 {
		s := args[0]
		if len(s) < 2 || s[0] != '-' {
			return nil // the first argument that is not a flag ends them
		}
		args = args[1:]
		dashes := 1
		if s[1] == '-' {
			if len(s) == 2 {
				return nil // "--" ends the flags
			}
			dashes = 2
		}
		name, value, hasValue := strings.Cut(s[dashes:], "=")
		if name == "" || name[0] == '-' || name[0] == '=' {
			m := diag.M("usage_bad_flag_syntax", diag.A{"value": s})
			return &m
		}
		f := fs.Lookup(name)
		if f == nil {
			if name == "h" || name == "help" {
				return nil
			}
			m := diag.M("usage_unknown_flag", diag.A{"flag": "-" + name, "command": command})
			return &m
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			if !hasValue {
				if len(args) == 0 {
					m := diag.M("usage_flag_needs_value", diag.A{"flag": "-" + name})
					return &m
				}
				value, args = args[0], args[1:]
			}
			hasValue = true
		}
		if hasValue {
			if m := checkValue(f, value); m != nil {
				wrapped := diag.M("flag_error", diag.A{"flag": "-" + name, "error": *m})
				return &wrapped
			}
		}
	}
	return nil
}

// parseFlags parses args into fs; a parse error is worded from the catalogue on fs's
// output (the flag package's own words silenced), followed by the command's help as
// the flag package would, and returned as errUsage. -h returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(out)
	problem := flagProblem(fs, args)
	if problem == nil {
		err := fs.Parse(args)
		if err == nil || errors.Is(err, flag.ErrHelp) {
			return err
		}
		// Something flagProblem did not foresee: still worded, never the flag package's.
		m := diag.M("usage_flag_not_read", diag.A{"command": fs.Name()})
		problem = &m
	} else {
		defer fs.Usage()
	}
	fmt.Fprintf(out, "%s: %s\n", fs.Name(), problem.Text(flagsLang(args)))
	return errUsage
}

// flagsLang is the language of the messages about args: their -lang if it names one,
// else the locale's.
func flagsLang(args []string) string {
	if l := langArg(args); slices.Contains(diag.Languages, l) {
		return l
	}
	return diag.LangFromEnv(os.Getenv)
}
