package sitetest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
)

// PagefindBin is the Pagefind command under the repository, installed from package.json
// by `npm ci --ignore-scripts` (the binary ships in its platform package, @pagefind/<os>-<arch>).
const PagefindBin = "node_modules/.bin/pagefind"

// ErrNoPagefind is returned (wrapped) by Pagefind when the command is not installed.
var ErrNoPagefind = errors.New("pagefind is not installed (npm ci --ignore-scripts, or tools/deps.sh test)")

// Pagefind indexes a built site for its search page, as `make site` does after Hugo: it
// writes the search bundle to public/pagefind/ (one index per <html lang>). A bundle left
// there before (copied by Hugo from a static/pagefind/ of `make serve`) is removed first.
func Pagefind(repo, public string) ([]byte, error) {
	bin, err := filepath.Abs(filepath.Join(repo, PagefindBin))
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(bin); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", bin, ErrNoPagefind)
	}
	if err := os.RemoveAll(filepath.Join(public, "pagefind")); err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--site", public, "--quiet")
	cmd.Dir = repo
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("pagefind --site %s: %w\n%s", public, err, out)
	}
	if _, err := os.Stat(filepath.Join(public, "pagefind", "pagefind.js")); err != nil {
		return out, fmt.Errorf("pagefind wrote no pagefind/pagefind.js under %s: %w\n%s", public, err, out)
	}
	return out, nil
}
