package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/history"
	"github.com/pssdc/guide-iad/tools/hugodata"
	"github.com/pssdc/guide-iad/tools/opendata"
)

// cmdHugoData writes the JSON copy of data/ that the site is built from (package
// hugodata), the derived data (the history of its entries from git, the related case
// studies) in a folder of their own, and the Hugo configuration that mounts both:
// OUT.toml. With -derived alone it writes only the derived data, and DERIVED.toml
// mounts data/ itself beside it (make serve). With -opendata it writes the open data
// too (as guide opendata -history would, then), from the same read of data/ and git:
// each file is read and parsed once, and git's history is read while the files are.
func cmdHugoData(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("hugo-data", stderr)
	data := fs.String("data", "data", "help_flag_data_validated")
	out := fs.String("out", "tmp/hugo-data", "help_flag_hugodata_out")
	derived := fs.String("derived", "", "help_flag_hugodata_derived")
	openOut := fs.String("opendata", "", "help_flag_hugodata_opendata")
	site := openDataSiteFlags(fs)
	lang := langFlag(fs)
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	copyToo := *derived == "" || flagSet(fs, "out")
	if *derived == "" {
		*derived = filepath.Join(filepath.Dir(*out), hugodata.DerivedDir)
	}
	type read struct {
		h   *history.History
		err error
	}
	hist := make(chan read, 1)
	go func() { // git's history, while the files are read and copied
		h, err := hugodata.ReadHistory(*data, "")
		hist <- read{h, err}
	}()
	set, err := hugodata.ReadData(*data)
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	if copyToo {
		if err := hugodata.WriteSet(set, *out, "."); err != nil {
			return 0, diag.In(err, *lang)
		}
	}
	toml, base := *out+".toml", *out
	if !copyToo {
		toml, base = *derived+".toml", *data
	}
	// A failed read of the history is read again by DeriveSet, which names the failure
	// where it always did (after the related case studies).
	r := <-hist
	notes, err := hugodata.DeriveSet(set, r.h, *derived, ".", toml, base)
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	if *openOut != "" {
		_, err := opendata.Write(opendata.Options{DataDir: *data, SiteDir: *site.dir, ConfigFile: *site.config,
			BaseURL: releaseBaseURL(*site.baseURL), Out: *openOut, Set: set, History: r.h})
		if err != nil {
			return 0, diag.In(err, *lang)
		}
	}
	for _, d := range notes {
		fmt.Fprintln(stderr, d.In(*lang).String())
	}
	fmt.Fprintln(stdout, toml)
	if *openOut != "" {
		fmt.Fprintf(stdout, "%s.toml\n", *openOut)
	}
	return 0, nil
}

// flagSet reports whether the command line gave flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
