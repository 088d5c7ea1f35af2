package main

import (
	"io"

	"github.com/pssdc/guide-iad/tools/searchindex"
)

// cmdSearchIndex indexes a built site with Pagefind (package searchindex).
func cmdSearchIndex(args []string, stderr io.Writer) error {
	fs := newFlags("search-index", stderr)
	site := fs.String("site", "public", "the built site to index (`dir`)")
	out := fs.String("out", "", "write the bundle to `dir` (default SITE/pagefind)")
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return err
	}
	_, err := searchindex.Build(".", *site, *out)
	return err
}
