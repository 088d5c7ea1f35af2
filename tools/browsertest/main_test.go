package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/pssdc/guide-iad/tools/sitetest"
)

const (
	repo    = "../.."
	fixture = "../check/testdata/valid"
)

// pageTypes are the kinds of page the gates must see (PageTypes, pagetypes.go).
var pageTypes = func() (out []struct{ kind, en, fr string }) {
	for _, p := range PageTypes {
		out = append(out, struct{ kind, en, fr string }{p.Kind, p.EN, p.FR})
	}
	return out
}()

// caseStudies are the pages of the budget, no-JavaScript and keyboard gates.
var caseStudies = []string{"/en/projects/alpha-outreach/", "/fr/projets/alpha-outreach/"}

var (
	siteOnce  sync.Once
	site      *sitetest.Site
	siteDir   string
	siteErr   error
	tempDir   string
	toolsOnce sync.Once
	tools     Tools
	missing   []string

	browserOnce sync.Once
	browser     *Browser
	server      *Server
	browserErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if browser != nil {
		browser.Close()
	}
	if server != nil {
		server.Close()
	}
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
	os.Exit(code)
}

// builtSite builds the fixture corpus once for the package's tests.
func builtSite(t *testing.T) *sitetest.Site {
	t.Helper()
	siteOnce.Do(func() {
		tempDir, siteErr = os.MkdirTemp("", "guide-browsertest-")
		if siteErr != nil {
			return
		}
		src, err := sitetest.Stage(repo, fixture, tempDir)
		if err != nil {
			siteErr = err
			return
		}
		if err := sitetest.StageWASM(repo, src); err != nil {
			siteErr = err
			return
		}
		siteDir = filepath.Join(tempDir, "public")
		if _, err := sitetest.Build(repo, src, siteDir); err != nil {
			siteErr = err
			return
		}
		if siteErr = indexSite(); siteErr != nil { // search_test.go
			return
		}
		site, siteErr = sitetest.Read(siteDir)
	})
	if siteErr != nil {
		t.Fatal(siteErr)
	}
	return site
}

// needTools returns the tools; when some are missing the test is skipped with the way to
// install them, except under CI (CI set), where the gates must run: there it fails.
func needTools(t *testing.T, which ...string) Tools {
	t.Helper()
	toolsOnce.Do(func() { tools, missing = FindTools(repo) })
	var lack []string
	for _, m := range missing {
		for _, w := range which {
			if strings.HasPrefix(m, w) {
				lack = append(lack, m)
			}
		}
	}
	if len(lack) > 0 {
		msg := "missing: " + strings.Join(lack, ", ") + "; `tools/deps.sh test` installs them"
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set, so the quality gates must run: %s", msg)
		}
		t.Skip(msg)
	}
	return tools
}

// startBrowser serves the fixture site and starts the browser, once.
func startBrowser(t *testing.T) (*Browser, *Server) {
	t.Helper()
	builtSite(t)
	tl := needTools(t, "chromium")
	browserOnce.Do(func() {
		server, browserErr = Serve(siteDir)
		if browserErr != nil {
			return
		}
		browser, browserErr = StartBrowser(tl.Chromium)
	})
	if browserErr != nil {
		t.Fatal(browserErr)
	}
	return browser, server
}

// pagesToLoad returns the site paths of every page but the redirects, sorted.
func pagesToLoad(s *sitetest.Site) []string {
	var out []string
	for path, p := range s.Pages {
		if !p.IsRedirect() {
			out = append(out, path)
		}
	}
	sort.Strings(out)
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
