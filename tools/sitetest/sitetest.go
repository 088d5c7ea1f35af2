// Package sitetest builds the Hugo site from a corpus with the pinned Hugo and reads
// the result back, for end-to-end tests of the website (and later of the print edition).
package sitetest

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pssdc/guide-iad/tools/wasmbuild"
	"golang.org/x/net/html"
)

// SiteDirs are the parts of the repository that make the site, besides data/.
var SiteDirs = []string{"config.toml", "content", "layouts", "i18n", "assets", "static"}

// BaseURL is the address given to test builds, so that absolute links can be told
// apart from external ones.
const BaseURL = "https://e2e.test/"

// Stage copies the site sources from repo and the corpus dataDir into a new folder
// under dir and returns it: the test then owns a site it may alter.
func Stage(repo, dataDir, dir string) (string, error) {
	site := filepath.Join(dir, "site")
	for _, part := range SiteDirs {
		if err := copyTree(filepath.Join(repo, part), filepath.Join(site, part)); err != nil {
			return "", err
		}
	}
	if err := copyTree(dataDir, filepath.Join(site, "data")); err != nil {
		return "", err
	}
	return site, nil
}

// StageWASM compiles the browser programs of repo (tools/wasm/*) into the staged site,
// for the tests of the pages that run them; Stage leaves out the repository's own,
// possibly stale, assets/wasm/.
func StageWASM(repo, site string) error {
	_, err := wasmbuild.Build(repo, filepath.Join(site, wasmbuild.SiteDir))
	return err
}

// Build runs the pinned Hugo (go tool hugo, from repo's module) on site into out, with
// warnings (missing translations among them) treated as errors.
func Build(repo, site, out string, extra ...string) ([]byte, error) {
	args := append([]string{"tool", "hugo", "--source", site, "--destination", out,
		"--baseURL", BaseURL, "--printI18nWarnings", "--panicOnWarning"}, extra...)
	cmd := exec.Command("go", args...)
	cmd.Dir = repo
	output, err := cmd.CombinedOutput()
	if err != nil {
		return output, fmt.Errorf("hugo: %w\n%s", err, output)
	}
	return output, nil
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() && (rel == "wasm" || rel == "pagefind") && (filepath.Base(src) == "static" || filepath.Base(src) == "assets") {
			// Generated, possibly stale: make wasm (see StageWASM) and make serve's search
			// index (tests index their own site with searchindex.Build).
			return filepath.SkipDir
		}
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// Page is one built HTML page.
type Page struct {
	Path string // site path, e.g. /en/projects/x/
	File string
	Doc  *html.Node
	Raw  []byte
}

// Site is a built site read back.
type Site struct {
	Root  string
	Pages map[string]*Page // by site path
	Files map[string]bool  // every file, by site path (/en/projects/x/index.html)
}

// Read loads every file of a built site and parses its HTML pages.
func Read(root string) (*Site, error) {
	s := &Site{Root: root, Pages: map[string]*Page{}, Files: map[string]bool{}}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		sitePath := "/" + filepath.ToSlash(rel)
		s.Files[sitePath] = true
		if !strings.HasSuffix(path, ".html") {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return fmt.Errorf("%s: %w", sitePath, err)
		}
		pagePath := strings.TrimSuffix(sitePath, "index.html")
		s.Pages[pagePath] = &Page{Path: pagePath, File: path, Doc: doc, Raw: raw}
		return nil
	})
	return s, err
}

// IsRedirect reports whether a page is only a redirect (Hugo's aliases, such as the
// /page/1/ of a paginated list), which has no content of its own.
func (p *Page) IsRedirect() bool {
	return len(Find(p.Doc, func(n *html.Node) bool {
		return n.Data == "meta" && strings.EqualFold(Attr(n, "http-equiv"), "refresh")
	})) > 0
}

// Resolve turns a link found on page into a site path and fragment; ok is false for
// links that leave the site.
func (s *Site) Resolve(page, href string) (path, fragment string, ok bool) {
	base, _ := url.Parse(strings.TrimSuffix(BaseURL, "/") + page)
	u, err := url.Parse(href)
	if err != nil {
		return "", "", false
	}
	abs := base.ResolveReference(u)
	b, _ := url.Parse(BaseURL)
	if abs.Host != b.Host || (abs.Scheme != "http" && abs.Scheme != "https") {
		return "", "", false
	}
	return abs.Path, abs.Fragment, true
}

// Exists reports whether a site path names a built file or page.
func (s *Site) Exists(path string) bool {
	if s.Files[path] {
		return true
	}
	if strings.HasSuffix(path, "/") {
		return s.Files[path+"index.html"]
	}
	return s.Files[path+"/index.html"]
}

// PageAt returns the page a site path names.
func (s *Site) PageAt(path string) *Page {
	if p, ok := s.Pages[path]; ok {
		return p
	}
	return s.Pages[strings.TrimSuffix(path, "index.html")]
}

// Find returns the elements of the page's document for which match is true.
func Find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// Attr returns an attribute's value.
func Attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// Text returns the text content of n.
func Text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// IDs returns the set of id attributes on a page (anchor targets).
func IDs(doc *html.Node) map[string]bool {
	ids := map[string]bool{}
	for _, n := range Find(doc, func(n *html.Node) bool { return Attr(n, "id") != "" }) {
		ids[Attr(n, "id")] = true
	}
	return ids
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// CSSURLs returns the URLs a stylesheet refers to (url() and @import), data: URLs left
// out.
func CSSURLs(css string) []string {
	var out []string
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		for _, g := range m[1:] {
			if g != "" && !strings.HasPrefix(strings.ToLower(g), "data:") && !strings.HasPrefix(g, "#") {
				out = append(out, g)
				break
			}
		}
	}
	return out
}
