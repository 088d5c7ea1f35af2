package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/pssdc/guide-iad/tools/evi"
)

const eviUsage = "usage: guide evi --config CONFIG.yaml [--format csv|json] [--out FILE] DATA.csv\n"

// cmdEvi computes the e-vulnerability index of the areas of a CSV file (package evi).
// It exits 0 when the result is written, 1 when the configuration or the data is at
// fault (one message per problem, naming file, line and column), 2 for usage and I/O
// errors. With --out, the file is replaced only by a complete result.
func cmdEvi(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("evi", stderr)
	config := fs.String("config", "", "the configuration `file` (YAML): columns, themes and indicators")
	format := fs.String("format", "csv", "output `format`: csv or json")
	out := fs.String("out", "", "write the result to `file` (atomically) instead of standard output")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\nComputes the e-vulnerability index of each area of DATA.csv (CDC/ATSDR SVI\npercentile-rank method). Flags may come before or after DATA.csv.\n\n", eviUsage)
		fs.PrintDefaults()
	}
	// The flag package stops at the first argument that is not a flag; the data file may
	// come before the flags (guide evi data.csv --config c.yaml), so parse in turns.
	var files []string
	rest := args
	for {
		if err := parseFlags(fs, rest); err != nil {
			return 0, err
		}
		consumed := len(rest) - fs.NArg()
		if fs.NArg() == 0 {
			break
		}
		if consumed > 0 && rest[consumed-1] == "--" {
			files = append(files, fs.Args()...)
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	switch {
	case *config == "":
		fmt.Fprintf(stderr, "guide evi: --config is required\n%s", eviUsage)
		return 0, errUsage
	case len(files) != 1:
		fmt.Fprintf(stderr, "guide evi: expected one data file, got %d\n%s", len(files), eviUsage)
		return 0, errUsage
	case *format != "csv" && *format != "json":
		fmt.Fprintf(stderr, "guide evi: unknown format %q; expected csv or json\n", *format)
		return 0, errUsage
	}
	res, err := evi.Run(evi.Options{Config: *config, Data: files[0], Format: *format, Out: *out}, stdout)
	var list evi.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	if res.Weighted {
		fmt.Fprintf(stderr, "guide evi: note: theme weights differ from 1, a departure from the CDC/ATSDR SVI method; the output says so\n")
	}
	if *out != "" {
		fmt.Fprintf(stdout, "%s: %d areas, %d ranked, %d indexed\n", *out, len(res.Areas), res.Ranked, res.OverallN)
	}
	return 0, nil
}
