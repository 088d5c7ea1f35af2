package main

import (
	"fmt"
	"io"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/opendata"
)

// cmdOpenData writes the open data of the site (package opendata) and the Hugo
// configuration that serves it.
func cmdOpenData(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("opendata", stderr)
	data := fs.String("data", "data", "the data `dir` (validated first with guide validate)")
	out := fs.String("out", "tmp/opendata", "write the files into `dir`, and their Hugo mount into DIR.toml")
	site := fs.String("site", ".", "the Hugo project `dir` (the schema in layouts/_partials/opendata/)")
	config := fs.String("config", "config.toml", "the site's Hugo configuration `file` (baseURL, params.paths)")
	baseURL := fs.String("base-url", "", "the site's address `URL`, instead of the configuration's baseURL")
	history := fs.String("history", "", "the history.json `file` of guide hugo-data, for the entries' dates of change")
	git := fs.Bool("git", false, "without -history: take the dates of change from git, as guide hugo-data does")
	lang := langFlag(fs)
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	_, err := opendata.Write(opendata.Options{DataDir: *data, SiteDir: *site, ConfigFile: *config,
		BaseURL: *baseURL, HistoryFile: *history, Git: *git, Out: *out})
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	fmt.Fprintf(stdout, "%s.toml\n", *out)
	return 0, nil
}
