package searchindex

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
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

// TestBuildPerLanguage: on a site with language folders, Build runs Pagefind once per
// language and merges the entries: the bundle is the very one a single run over the
// whole site writes (same files, same bytes), without the unused interfaces.
func TestBuildPerLanguage(t *testing.T) {
	site := t.TempDir()
	for lang, text := range map[string]string{"en": "Laptop lending in libraries", "fr": "Prêt d'ordinateurs en bibliothèque"} {
		for _, page := range []string{"index.html", "projects/x/index.html"} {
			file := filepath.Join(site, lang, filepath.FromSlash(page))
			os.MkdirAll(filepath.Dir(file), 0o755)
			html := `<!DOCTYPE html><html lang="` + lang + `-CA"><head><title>x</title></head><body><main data-pagefind-body><h1>` + text + " " + page + `</h1></main></body></html>`
			if err := os.WriteFile(file, []byte(html), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Pages without data-pagefind-body (term and list pages): Pagefind leaves them out,
	// and Build does not even give them to it (stagePages); the bundle must not differ.
	for lang, text := range map[string]string{"en": "Themes laptop", "fr": "Thèmes ordinateur"} {
		file := filepath.Join(site, lang, "themes", "a", "index.html")
		os.MkdirAll(filepath.Dir(file), 0o755)
		html := `<!DOCTYPE html><html lang="` + lang + `-CA"><head><title>x</title></head><body><main><h1>` + text + `</h1></main></body></html>`
		if err := os.WriteFile(file, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(site, "index.html"), []byte(`<!DOCTYPE html><html lang="en-CA"><title>choose</title></html>`), 0o644)
	out, err := Build(repo, site, "")
	if errors.Is(err, ErrNotInstalled) && os.Getenv("CI") == "" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	whole := filepath.Join(t.TempDir(), "whole")
	bin, _ := filepath.Abs(filepath.Join(repo, Bin))
	if b, err := exec.Command(bin, "--site", site, "--output-path", whole, "--quiet").CombinedOutput(); err != nil {
		t.Fatalf("pagefind: %v\n%s", err, b)
	}
	for _, name := range Unused {
		os.Remove(filepath.Join(whole, name))
	}
	a, b := files(t, filepath.Join(site, "pagefind")), files(t, whole)
	if len(a) < 8 {
		t.Fatalf("only %d files in the bundle", len(a))
	}
	for name, content := range b {
		if got, ok := a[name]; !ok {
			t.Errorf("%s: written by one run over the site, not by the runs per language", name)
		} else if !bytes.Equal(got, content) {
			t.Errorf("%s differs:\n%s\n%s", name, got, content)
		}
	}
	for name := range a {
		if _, ok := b[name]; !ok {
			t.Errorf("%s: written by the runs per language only", name)
		}
	}
	if !strings.Contains(string(a[EntryName]), `"en-ca"`) || !strings.Contains(string(a[EntryName]), `"fr-ca"`) {
		t.Errorf("%s lacks a language: %s", EntryName, a[EntryName])
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(site), "."+filepath.Base(site)+".pagefind-pages-*")); len(m) > 0 {
		t.Errorf("the staged pages are left: %s", m)
	}
}

// TestStagePages: per language folder, the pages that carry data-pagefind-body, or all
// of them when none does (Pagefind's own rule, per run); nothing outside the language
// folders nor from the bundle's folder.
func TestStagePages(t *testing.T) {
	site := filepath.Join(t.TempDir(), "release")
	pages := map[string]string{
		"index.html":                 "<html data-pagefind-body>",
		"en/index.html":              "<html><main>home</main>",
		"en/projects/x/index.html":   "<html><main data-pagefind-body>x</main>",
		"en/themes/a/index.html":     "<html><main>a</main>",
		"en/projects/x/data.json":    `{"data-pagefind-body": 1}`,
		"fr/index.html":              "<html><main>accueil</main>",
		"fr/themes/a/index.html":     "<html><main>a</main>",
		"en/pagefind/old/index.html": "<html data-pagefind-body>",
	}
	for rel, text := range pages {
		p := filepath.Join(site, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		langs []string
		want  []string
	}{
		{"per language", []string{"en", "fr"}, []string{"en/projects/x/index.html", "fr/index.html", "fr/themes/a/index.html"}},
		{"whole site", nil, []string{"index.html", "en/projects/x/index.html"}},
	} {
		dir, done, err := stagePages(site, filepath.Join(site, "en", "pagefind"), tc.langs)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got := files(t, dir)
		if len(got) != len(tc.want) {
			t.Errorf("%s: staged %d pages, want %v", tc.name, len(got), tc.want)
		}
		for _, rel := range tc.want {
			if string(got[rel]) != pages[rel] {
				t.Errorf("%s: %s staged as %q, want %q", tc.name, rel, got[rel], pages[rel])
			}
		}
		done()
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %s left after done (%v)", tc.name, dir, err)
		}
	}
}

func files(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMergeEntriesErrors(t *testing.T) {
	en := []byte(`{"version":"1.6.0","languages":{"en-ca":{"page_count":1}},"include_characters":["_"]}`)
	for _, tc := range []struct {
		name  string
		other string
		want  string
	}{
		{"same language twice", `{"version":"1.6.0","languages":{"en-ca":{"page_count":2}},"include_characters":["_"]}`, "language en-ca indexed by two runs"},
		{"other version", `{"version":"1.7.0","languages":{"fr-ca":{}},"include_characters":["_"]}`, "disagree"},
		{"unknown field", `{"version":"1.6.0","languages":{"fr-ca":{}},"include_characters":["_"],"new":1}`, `unknown field "new"`},
	} {
		if _, err := mergeEntries([][]byte{en, []byte(tc.other)}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
