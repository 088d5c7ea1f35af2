package main

import (
	"fmt"
	"io"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/hugodata"
)

// cmdHugoData writes the JSON copy of data/ that the site is built from (package
// hugodata), the history of its entries from git, and the Hugo configuration that
// mounts it.
func cmdHugoData(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("hugo-data", stderr)
	data := fs.String("data", "data", "help_flag_data_validated")
	out := fs.String("out", "tmp/hugo-data", "help_flag_hugodata_out")
	lang := langFlag(fs)
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	if err := hugodata.Write(*data, *out, "."); err != nil {
		return 0, diag.In(err, *lang)
	}
	notes, err := hugodata.WriteHistory(*data, *out)
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	for _, d := range notes {
		fmt.Fprintln(stderr, d.In(*lang).String())
	}
	fmt.Fprintf(stdout, "%s.toml\n", *out)
	return 0, nil
}
