package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/hugodata"
)

// cmdHugoData writes the JSON copy of data/ that the site is built from (package
// hugodata), the derived data (the history of its entries from git, the related case
// studies) in a folder of their own, and the Hugo configuration that mounts both:
// OUT.toml. With -derived alone it writes only the derived data, and DERIVED.toml
// mounts data/ itself beside it (make serve).
func cmdHugoData(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("hugo-data", stderr)
	data := fs.String("data", "data", "help_flag_data_validated")
	out := fs.String("out", "tmp/hugo-data", "help_flag_hugodata_out")
	derived := fs.String("derived", "", "help_flag_hugodata_derived")
	lang := langFlag(fs)
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	copyToo := *derived == "" || flagSet(fs, "out")
	if *derived == "" {
		*derived = filepath.Join(filepath.Dir(*out), hugodata.DerivedDir)
	}
	if copyToo {
		if err := hugodata.Write(*data, *out, "."); err != nil {
			return 0, diag.In(err, *lang)
		}
	}
	toml, base := *out+".toml", *out
	if !copyToo {
		toml, base = *derived+".toml", *data
	}
	notes, err := hugodata.Derive(*data, *derived, ".", toml, base)
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	for _, d := range notes {
		fmt.Fprintln(stderr, d.In(*lang).String())
	}
	fmt.Fprintln(stdout, toml)
	return 0, nil
}

// flagSet reports whether the command line gave flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
