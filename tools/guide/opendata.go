package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/opendata"
)

// cmdOpenData writes the open data of the site (package opendata) and the Hugo
// configuration that serves it.
func cmdOpenData(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("opendata", stderr)
	data := fs.String("data", "data", "help_flag_data_validated")
	out := fs.String("out", "tmp/opendata", "help_flag_opendata_out")
	site := openDataSiteFlags(fs)
	history := fs.String("history", "", "help_flag_opendata_history")
	git := fs.Bool("git", false, "help_flag_opendata_git")
	lang := langFlag(fs)
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	_, err := opendata.Write(opendata.Options{DataDir: *data, SiteDir: *site.dir, ConfigFile: *site.config,
		BaseURL: releaseBaseURL(*site.baseURL), HistoryFile: *history, Git: *git, Out: *out})
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	fmt.Fprintf(stdout, "%s.toml\n", *out)
	return 0, nil
}

// siteFlags are where the open data takes the site's schema and addresses from.
type siteFlags struct{ dir, config, baseURL *string }

// openDataSiteFlags declares -site, -config and -base-url, the open data's flags that
// guide opendata and guide hugo-data -opendata share.
func openDataSiteFlags(fs *flag.FlagSet) siteFlags {
	return siteFlags{
		dir:     fs.String("site", ".", "help_flag_opendata_site"),
		config:  fs.String("config", "config.toml", "help_flag_opendata_config"),
		baseURL: fs.String("base-url", "", "help_flag_opendata_base_url"),
	}
}
