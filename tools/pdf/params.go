package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// WriteSiteParams writes a Hugo configuration file that gives the site the PDFs just
// made, as params.editionpdfs."<edition>".<lang> = {edition, url, bytes, pages, paper,
// new}.
// `make site` passes it to a second Hugo build (--config config.toml,…,FILE, without
// cleaning the folder), so that the website links each PDF with its size and page count
// (layouts/_partials/print/download.html, the editions page). One file per edition:
// Hugo merges the params of several such files, so the release can list the PDFs of
// every edition. The print pages do not read it: the second build leaves them, and so
// the PDFs, unchanged.
func WriteSiteParams(file string, results []Result) error {
	var b bytes.Buffer
	b.WriteString("# Written by `guide pdf`: the print editions, for the website's links to them.\n")
	b.WriteString("# Pass it to Hugo after config.toml (see the Makefile's pdf target). Do not edit.\n")
	for _, r := range results {
		fmt.Fprintf(&b, "\n[params.editionpdfs.%s.%s]\n", strconv.Quote(r.Edition), r.Lang)
		fmt.Fprintf(&b, "  edition = %s\n", strconv.Quote(r.Edition))
		fmt.Fprintf(&b, "  url = %s\n", strconv.Quote(r.URL))
		fmt.Fprintf(&b, "  bytes = %d\n", r.Bytes)
		fmt.Fprintf(&b, "  pages = %d\n", r.Pages)
		fmt.Fprintf(&b, "  paper = %s\n", strconv.Quote(r.Paper))
		fmt.Fprintf(&b, "  new = %d\n", r.New)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := writeTemp(file, b.Bytes())
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
