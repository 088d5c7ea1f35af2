package searchindex

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const repo = "../.."

// TestBuild indexes a two-page bilingual site: the bundle has the API and one index per
// language, and none of the unused user interfaces.
func TestBuild(t *testing.T) {
	site := t.TempDir()
	for lang, text := range map[string]string{"en-CA": "Laptop lending in libraries", "fr-CA": "Prêt d'ordinateurs en bibliothèque"} {
		dir := filepath.Join(site, lang)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		page := `<!DOCTYPE html><html lang="` + lang + `"><head><title>x</title></head><body><main data-pagefind-body><h1>` + text + `</h1></main></body></html>`
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A bundle from an earlier build must not survive.
	stale := filepath.Join(site, "pagefind", "stale.txt")
	os.MkdirAll(filepath.Dir(stale), 0o755)
	os.WriteFile(stale, nil, 0o644)

	out, err := Build(repo, site, "")
	if errors.Is(err, ErrNotInstalled) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	bundle := filepath.Join(site, "pagefind")
	for _, want := range []string{"pagefind.js", "pagefind-worker.js", "wasm.en-ca.pagefind", "wasm.fr-ca.pagefind"} {
		if _, err := os.Stat(filepath.Join(bundle, want)); err != nil {
			t.Errorf("missing %s: %v", want, err)
		}
	}
	for _, name := range append(Unused, "stale.txt") {
		if _, err := os.Stat(filepath.Join(bundle, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still in the bundle", name)
		}
	}
}

// TestBuildErrors: no Pagefind, or nothing to index, is an error naming the cause.
func TestBuildErrors(t *testing.T) {
	if _, err := Build(t.TempDir(), t.TempDir(), ""); !errors.Is(err, ErrNotInstalled) {
		t.Errorf("without node_modules: err = %v, want ErrNotInstalled", err)
	}
	// An output folder that is, or holds, the site would be emptied: refused, site intact.
	site := t.TempDir()
	page := filepath.Join(site, "index.html")
	os.WriteFile(page, []byte("<html lang=en></html>"), 0o644)
	for _, out := range []string{site, filepath.Dir(site)} {
		if _, err := Build(repo, site, out); err == nil || !strings.Contains(err.Error(), "would hold the site") {
			t.Errorf("out %s: err = %v, want a refusal", out, err)
		}
	}
	if _, err := os.Stat(page); err != nil {
		t.Errorf("the site was touched: %v", err)
	}
	if _, err := os.Stat(filepath.Join(repo, Bin)); err != nil {
		return
	}
	if _, err := Build(repo, t.TempDir(), ""); err == nil {
		t.Error("an empty site was indexed without error")
	}
}
