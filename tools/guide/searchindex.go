package main

import (
	"io"

	"github.com/pssdc/guide-iad/tools/searchindex"
)

// cmdSearchIndex indexes a built site with Pagefind (package searchindex).
func cmdSearchIndex(args []string, stderr io.Writer) error {
	fs := newFlags("search-index", stderr)
	site := fs.String("site", "public", "help_flag_search_site")
	out := fs.String("out", "", "help_flag_search_out")
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return err
	}
	_, err := searchindex.Build(".", *site, *out)
	return err
}
