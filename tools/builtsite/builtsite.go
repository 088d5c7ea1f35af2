// Package builtsite reads a built site back (its files and parsed HTML pages) and
// checks its links: what guide links needs before a release is published, and what the
// end-to-end tests (tools/sitetest) read their builds with.
package builtsite

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// TestBaseURL is the address the tests give their builds (sitetest.Build), so that
// absolute links can be told apart from external ones; Site.Resolve resolves against it.
const TestBaseURL = "https://e2e.test/"

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
		page, err := readPage(root, path)
		if err != nil {
			return err
		}
		s.Pages[page.Path] = page
		return nil
	})
	return s, err
}

// readPage reads and parses the HTML page at path, a file under root.
func readPage(root, path string) (*Page, error) {
	rel, _ := filepath.Rel(root, path)
	sitePath := "/" + filepath.ToSlash(rel)
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sitePath, err)
	}
	pagePath := strings.TrimSuffix(sitePath, "index.html")
	return &Page{Path: pagePath, File: path, Doc: doc, Raw: raw}, nil
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
	base, _ := url.Parse(strings.TrimSuffix(TestBaseURL, "/") + page)
	u, err := url.Parse(href)
	if err != nil {
		return "", "", false
	}
	abs := base.ResolveReference(u)
	b, _ := url.Parse(TestBaseURL)
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
