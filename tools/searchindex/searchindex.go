// Package searchindex builds the search index of a built site with Pagefind, as
// `make site`, `make pdf` and `make serve` do after Hugo (`guide search-index`), and as
// the browser tests do.
//
// Pagefind writes, beside the index and the JavaScript API that the search page uses
// (assets/js/search.js imports pagefind.js, which loads pagefind-worker.js, the
// WebAssembly and the index files), four user interfaces the site does not use: its
// default UI, the modular and component UIs and the highlighter (about 430 KB). They are
// removed, so that nothing unused is published.
package searchindex

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Bin is the Pagefind command under the repository, installed from package.json by
// `npm ci --ignore-scripts` (the binary ships in its platform package,
// @pagefind/<os>-<arch>).
const Bin = "node_modules/.bin/pagefind"

// ErrNotInstalled is returned (wrapped) by Build when Pagefind is not installed.
var ErrNotInstalled error = diag.Errorf("searchindex_not_installed", nil)

// Unused are the files of Pagefind's bundle that the site does not load.
var Unused = []string{
	"pagefind-ui.js", "pagefind-ui.css",
	"pagefind-modular-ui.js", "pagefind-modular-ui.css",
	"pagefind-component-ui.js", "pagefind-component-ui.css",
	"pagefind-highlight.js",
}

// Build indexes the built site under site (one index per <html lang>) into out (site's
// pagefind/ when out is ""), with Pagefind from repo's node_modules. A bundle left in out
// before (Hugo copies static/pagefind/ from `make serve` into public/) is removed first.
// It returns Pagefind's output.
func Build(repo, site, out string) ([]byte, error) {
	if out == "" {
		out = filepath.Join(site, "pagefind")
	}
	site, err := filepath.Abs(site)
	if err != nil {
		return nil, err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	// out is emptied first: it must not be the site or a folder that holds it.
	if rel, err := filepath.Rel(absOut, site); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return nil, diag.Errorf("searchindex_out_holds_site", diag.A{"out": out, "site": site})
	}
	bin, err := filepath.Abs(filepath.Join(repo, Bin))
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(bin); errors.Is(err, fs.ErrNotExist) {
		return nil, diag.Wrap(ErrNotInstalled, "searchindex_no_bin", diag.A{"bin": bin, "error": diag.Cause(ErrNotInstalled)})
	}
	if err := os.RemoveAll(absOut); err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--site", site, "--output-path", absOut, "--quiet")
	cmd.Dir = repo
	output, err := cmd.CombinedOutput()
	if err != nil {
		return output, diag.Wrap(err, "searchindex_failed", diag.A{"site": site, "error": err.Error(), "output": string(output)})
	}
	if _, err := os.Stat(filepath.Join(out, "pagefind.js")); err != nil {
		return output, diag.Wrap(err, "searchindex_no_js", diag.A{"out": out, "error": err.Error(), "output": string(output)})
	}
	for _, name := range Unused {
		if err := os.Remove(filepath.Join(out, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return output, err
		}
	}
	return output, nil
}
