package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinks: guide links passes a site, served under a base path, whose addresses
// resolve, and names each address that names no built file or leaves the base path.
func TestLinks(t *testing.T) {
	site := func(extra string) string {
		root := t.TempDir()
		for path, body := range map[string]string{
			"x.pdf":         "%PDF",
			"fonts/a.woff2": "",
			"css/a.css":     `@font-face{src:url(/sub/fonts/a.woff2)}`,
			"en/index.html": `<!DOCTYPE html><html><head><link rel="stylesheet" href="/sub/css/a.css"></head><body><a href="https://x.test/sub/en/">home</a> <a href="/sub/x.pdf">pdf</a> <a href="https://other.test/">out</a> <a href="#top">top</a>` + extra + `</body></html>`,
		} {
			file := filepath.Join(root, filepath.FromSlash(path))
			os.MkdirAll(filepath.Dir(file), 0o755)
			if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return root
	}
	for _, tc := range []struct {
		name   string
		extra  string
		status int
		want   []string
	}{
		{"all resolve", "", 0, []string{"4 addresses checked in 1 pages", "all resolve"}},
		{"missing file", `<a href="/sub/missing.pdf">x</a>`, 1, []string{`/en/ <a href>: "/sub/missing.pdf" names no built file`, "1 broken of 5"}},
		{"outside the base path", `<img src="/img/a.png" alt="">`, 1, []string{`/en/ <img src>: "/img/a.png" is outside the site's path /sub/`}},
		{"not built yet", `<div data-bundle="/sub/pagefind/pagefind.js"></div>`, 0, []string{"5 addresses checked", "all resolve"}},
		{"not built yet, but not that", `<div data-bundle="/sub/pagefind/pagefind.js"></div><a href="/sub/pagefind.js">x</a>`, 1, []string{`"/sub/pagefind.js" names no built file`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			status, err := cmdLinks([]string{"-site", site(tc.extra), "-base-url", "https://x.test/sub/", "-not-built", "/pagefind/, /other/"}, &out, &errOut)
			if err != nil || status != tc.status {
				t.Errorf("status %d, %v; want %d\n%s", status, err, tc.status, errOut.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String()+errOut.String(), w) {
					t.Errorf("output lacks %q:\n%s%s", w, out.String(), errOut.String())
				}
			}
		})
	}
}

// TestNoTestCode: the guide binary links no package of test helpers (sitetest,
// testutil, opendatatest…) nor the testing package.
func TestNoTestCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for dep := range strings.FieldsSeq(string(out)) {
		ours := strings.HasPrefix(dep, "github.com/pssdc/guide-iad/")
		if dep == "testing" || ours && (strings.HasSuffix(dep, "test") || strings.HasSuffix(dep, "testutil")) {
			t.Errorf("guide links %s, a test package", dep)
		}
	}
}
