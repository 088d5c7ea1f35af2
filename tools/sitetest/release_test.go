package sitetest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"github.com/pssdc/guide-iad/tools/pdf"
	"github.com/pssdc/guide-iad/tools/searchindex"
	"github.com/pssdc/guide-iad/tools/wasmbuild"
)

// buildRelease builds the fixture corpus as `make site` builds the release (Makefile,
// target site; docs/publishing.md): the browser programs, Hugo with the print pages
// added to the site's output formats, the PDFs, Hugo again linking them, /404.html and
// the search index. base is the base URL's path ("/" or "/sub/"). It returns the
// release folder.
func buildRelease(dir, base string) (string, error) {
	site, err := Stage(repo, fixture, dir)
	if err != nil {
		return "", err
	}
	// The browser programs, compiled once for every release of the tests.
	wasmOnce.Do(func() {
		wasmDir, wasmErr = os.MkdirTemp("", "guide-release-wasm-")
		tempDirs.Store(wasmDir, true)
		if wasmErr == nil {
			wasmErr = StageWASM(repo, wasmDir)
		}
	})
	if wasmErr != nil {
		return "", wasmErr
	}
	if err := copyTree(filepath.Join(wasmDir, wasmbuild.SiteDir), filepath.Join(site, wasmbuild.SiteDir)); err != nil {
		return "", err
	}
	config := filepath.Join(site, "config.toml")
	conf, err := pdf.HugoConfig(config)
	if err != nil {
		return "", err
	}
	printConf := filepath.Join(dir, "print-output.toml")
	if err := os.WriteFile(printConf, []byte(conf), 0o644); err != nil {
		return "", err
	}
	out := filepath.Join(dir, "release")
	baseURL := strings.TrimSuffix(BaseURL, "/") + base
	if _, err := Build(repo, site, out, "--baseURL", baseURL, "--gc", "--config", config+","+printConf); err != nil {
		return "", err
	}
	results, err := pdf.Run(context.Background(), pdf.Options{Public: out})
	if err != nil {
		return "", fmt.Errorf("guide pdf: %w", err)
	}
	params := filepath.Join(dir, "print-edition.toml")
	if err := pdf.WriteSiteParams(params, results); err != nil {
		return "", err
	}
	if _, err := Build(repo, site, out, "--baseURL", baseURL, "--config", config+","+printConf+","+params); err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(out, "en", "404.html"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(out, "404.html"), b, 0o644); err != nil {
		return "", err
	}
	if msg, err := searchindex.Build(repo, out, ""); err != nil {
		return "", fmt.Errorf("search index: %w\n%s", err, msg)
	}
	return out, nil
}

var (
	releaseOnce sync.Map // base → *releaseBuild
	wasmOnce    sync.Once
	wasmDir     string
	wasmErr     error
	tempDirs    sync.Map // folders shared by the tests, removed by TestMain
)

func TestMain(m *testing.M) {
	code := m.Run()
	tempDirs.Range(func(k, _ any) bool {
		os.RemoveAll(k.(string))
		return true
	})
	os.Exit(code)
}

type releaseBuild struct {
	once sync.Once
	out  string
	err  error
}

// release builds the fixture's release under base once for the package's tests.
func release(t *testing.T, base string) *Site {
	t.Helper()
	needPrintTools(t)
	v, _ := releaseOnce.LoadOrStore(base, &releaseBuild{})
	rb := v.(*releaseBuild)
	rb.once.Do(func() {
		dir, err := os.MkdirTemp("", "guide-release-")
		if err != nil {
			rb.err = err
			return
		}
		tempDirs.Store(dir, true)
		rb.out, rb.err = buildRelease(dir, base)
	})
	if rb.err != nil {
		t.Fatal(rb.err)
	}
	s, err := Read(rb.out)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// needPrintTools skips a release test when Chromium or Pagefind is missing, except under
// CI (CI set), where it must run: there it fails.
func needPrintTools(t *testing.T) {
	t.Helper()
	var missing []string
	if _, err := pdf.FindChromium(""); err != nil {
		missing = append(missing, "Chromium (sudo apt-get install -y chromium)")
	}
	if _, err := os.Stat(filepath.Join(repo, "node_modules", ".bin", "pagefind")); err != nil {
		missing = append(missing, "Pagefind (npm ci --ignore-scripts)")
	}
	if len(missing) == 0 {
		return
	}
	msg := strings.Join(missing, " and ") + " not installed (tools/deps.sh test installs them)"
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set, so the release must be built: %s", msg)
	}
	t.Skipf("skipping the release test: %s", msg)
}

// TestRelease: in the whole release, under the root and under a base path, every
// address a page or stylesheet gives the browser names a built file — the PDFs, CSV,
// JSON, feed, fonts, scripts, WebAssembly and search index included — and so does every
// file the open data's package lists; the home and editions pages of both languages
// link their PDF.
func TestRelease(t *testing.T) {
	for _, base := range []string{"/", "/sub/"} {
		t.Run(strings.Trim(base, "/")+"root", func(t *testing.T) {
			s := release(t, base)
			if checked := checkAddresses(t, s, base); checked < 300 {
				t.Errorf("only %d addresses checked; the release looks empty", checked)
			}
			kinds := map[string]bool{}
			for path := range s.Files {
				kinds[filepath.Ext(path)] = true
			}
			for _, ext := range []string{".pdf", ".csv", ".json", ".xml", ".woff2", ".js", ".wasm", ".pf_meta"} {
				if !kinds[ext] {
					t.Errorf("the release has no %s file", ext)
				}
			}
			for _, page := range []string{"/en/", "/fr/", "/en/editions/", "/fr/editions/"} {
				p := s.PageAt(page)
				if p == nil {
					t.Errorf("missing page %s", page)
					continue
				}
				if !regexp.MustCompile(`href="` + regexp.QuoteMeta(base) + `(en|fr)/[a-z-]+-2026-1\.pdf"`).Match(p.Raw) {
					t.Errorf("%s links no PDF of the edition", page)
				}
			}
			checkDataPackages(t, s, base)
		})
	}
}

// checkDataPackages requires every resource of each language's datapackage.json, and the
// feed's links, to name a built file.
func checkDataPackages(t *testing.T, s *Site, base string) {
	t.Helper()
	for _, lang := range []string{"en", "fr"} {
		b, err := os.ReadFile(filepath.Join(s.Root, lang, "datapackage.json"))
		if err != nil {
			t.Error(err)
			continue
		}
		var dp struct {
			Resources []struct {
				Path string `json:"path"`
			} `json:"resources"`
		}
		if err := json.Unmarshal(b, &dp); err != nil {
			t.Errorf("/%s/datapackage.json: %v", lang, err)
			continue
		}
		if len(dp.Resources) == 0 {
			t.Errorf("/%s/datapackage.json lists no resource", lang)
		}
		for _, r := range dp.Resources {
			target, _, ok := s.Resolve(base+lang+"/datapackage.json", r.Path)
			if !ok || !strings.HasPrefix(target, base) || !s.Exists("/"+strings.TrimPrefix(target, base)) {
				t.Errorf("/%s/datapackage.json: resource %q names no built file", lang, r.Path)
			}
		}
		feed, err := os.ReadFile(filepath.Join(s.Root, lang, "atom.xml"))
		if err != nil {
			t.Error(err)
			continue
		}
		links := feedLink.FindAllSubmatch(feed, -1)
		if len(links) < 3 {
			t.Errorf("/%s/atom.xml: only %d links", lang, len(links))
		}
		for _, m := range links {
			target, _, ok := s.Resolve(base+lang+"/atom.xml", string(m[1]))
			if !ok {
				continue // the author's address, outside the site
			}
			if !strings.HasPrefix(target, base) || !s.Exists("/"+strings.TrimPrefix(target, base)) {
				t.Errorf("/%s/atom.xml: link %q names no built file", lang, m[1])
			}
		}
	}
}

var feedLink = regexp.MustCompile(`<link [^>]*href="([^"]+)"`)

// TestReleaseReproducible: two releases of the same sources are the same files, byte for
// byte — the PDFs included (dated from their edition, no /ID) — apart from none.
func TestReleaseReproducible(t *testing.T) {
	needPrintTools(t)
	if testing.Short() {
		t.Skip("builds the release twice")
	}
	first := release(t, "/")
	dir := t.TempDir()
	out, err := buildRelease(dir, "/")
	if err != nil {
		t.Fatal(err)
	}
	a, b := testutil.ReadTree(t, first.Root), testutil.ReadTree(t, out)
	if len(a) < 100 {
		t.Fatalf("only %d files in the release", len(a))
	}
	var differ []string
	for name, content := range a {
		other, ok := b[name]
		switch {
		case !ok:
			differ = append(differ, name+" (first build only)")
		case !bytes.Equal(content, other):
			differ = append(differ, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			differ = append(differ, name+" (second build only)")
		}
	}
	sort.Strings(differ)
	if len(differ) > 0 {
		t.Errorf("two releases of the same sources differ in %d files:\n%s", len(differ), strings.Join(differ, "\n"))
	}
}
