package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pssdc/guide-iad/tools/builtsite"
	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
)

// cmdLinks checks a built release before it is published: every address its pages and
// stylesheets give the browser that points into the site names a built file, under the
// base URL's path (builtsite.CheckLinks). Exit 1 when one does not.
func cmdLinks(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("links", stderr)
	site := fs.String("site", "public", "help_flag_site")
	baseURL := fs.String("base-url", "", "help_flag_links_base_url")
	config := fs.String("config", "config.toml", "help_flag_links_config")
	notBuilt := fs.String("not-built", "", "help_flag_links_not_built")
	lang := langFlag(fs)
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	say := newSayer(stderr, "links", *lang)
	*baseURL = releaseBaseURL(*baseURL)
	if *baseURL == "" {
		c, err := check.ReadSiteConfig(*config)
		if err != nil {
			return 0, err
		}
		*baseURL = c.BaseURL
	}
	// One page at a time: the whole site's parsed pages would pass the release's memory
	// budget (docs/publishing.md, Performance).
	var skip []string
	for p := range strings.SplitSeq(*notBuilt, ",") {
		if p = strings.TrimSpace(p); p != "" {
			skip = append(skip, p)
		}
	}
	problems, checked, pages, err := builtsite.CheckLinksIn(*site, *baseURL, skip...)
	if err != nil {
		return 0, err
	}
	if pages == 0 {
		say.text("links_no_page", diag.A{"site": *site})
		return 1, nil
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, diag.Text(*lang, "links_broken", diag.A{"site": *site, "problem": p}))
	}
	if len(problems) > 0 {
		say.text("links_broken_summary", diag.A{"broken": len(problems), "checked": checked, "site": *site, "url": *baseURL})
		return 1, nil
	}
	fmt.Fprintln(stdout, diag.Text(*lang, "links_all_resolve", diag.A{"checked": checked, "pages": pages, "site": *site}))
	return 0, nil
}

// releaseBaseURL is the address the release is served at: the -base-url flag, else
// $HUGO_BASEURL, which the Pages workflow gives Hugo; "" when neither is set (the
// configuration's baseURL then).
func releaseBaseURL(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv("HUGO_BASEURL")
}
