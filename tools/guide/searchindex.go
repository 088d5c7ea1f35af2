package main

import (
	"fmt"
	"io"

	"github.com/pssdc/guide-iad/tools/searchindex"
)

// cmdSearchIndex indexes a built site with Pagefind (package searchindex).
func cmdSearchIndex(args []string, stderr io.Writer) error {
	fs := newFlags("search-index", stderr)
	site := fs.String("site", "public", "the built site to index (`dir`)")
	out := fs.String("out", "", "write the bundle to `dir` (default SITE/pagefind)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(stderr, "guide search-index: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	_, err := searchindex.Build(".", *site, *out)
	return err
}
