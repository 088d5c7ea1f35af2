package builtsite

import (
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pssdc/guide-iad/tools/diag"
	"golang.org/x/net/html"
)

// CheckLinks checks a built site as it will be served at baseURL (https://host/ or
// https://host/sub/): every address that its pages and stylesheets give the browser —
// href, src, action and the data-* addresses read by scripts, CSS url() and @import —
// that points into the site (root-relative, or absolute on baseURL's host) must stay
// under baseURL's path and name a built file, except under the site paths notBuilt.
// Relative addresses, other hosts, data: URLs and fragments are not checked. It returns
// the problems, sorted (worded from the catalogue of package diag), and the number of addresses checked. `make site` runs it on the
// release before publishing it (guide links); the tests run it on their builds.
func CheckLinks(s *Site, baseURL string, notBuilt ...string) (problems []diag.Msg, checked int) {
	c, bad := newLinkChecker(s, baseURL, notBuilt)
	if bad != nil {
		return bad, 0
	}
	for path, page := range s.Pages {
		c.add(c.page(path, page.Doc))
	}
	c.css()
	return c.result()
}

// CheckLinksIn is CheckLinks on the built site under root, read one page at a time on
// every core instead of whole (Read): its memory is that of a few pages, not of the
// site (for 10,000 projects, 722 MB of HTML). pages is the number of HTML pages.
func CheckLinksIn(root, baseURL string, notBuilt ...string) (problems []diag.Msg, checked, pages int, err error) {
	s := &Site{Root: root, Pages: map[string]*Page{}, Files: map[string]bool{}}
	var html []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		s.Files["/"+filepath.ToSlash(rel)] = true
		if strings.HasSuffix(path, ".html") {
			html = append(html, path)
		}
		return nil
	})
	if err != nil {
		return nil, 0, 0, err
	}
	c, bad := newLinkChecker(s, baseURL, notBuilt)
	if bad != nil {
		return bad, 0, len(html), nil
	}
	var (
		mu   sync.Mutex
		errs []error
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), max(len(html), 1)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(html); i = int(next.Add(1)) - 1 {
				page, err := readPage(root, html[i])
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					continue
				}
				c.add(c.page(page.Path, page.Doc))
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		return nil, 0, len(html), errs[0]
	}
	c.css()
	problems, checked = c.result()
	return problems, checked, len(html), nil
}

// linkChecker holds what CheckLinks and CheckLinksIn check against: the site's files,
// the base URL's host and path, the paths not built; and what they found (add is safe
// from several goroutines).
type linkChecker struct {
	s            *Site
	host, prefix string
	notBuilt     []string
	mu           sync.Mutex
	problems     []diag.Msg
	checked      int
}

func newLinkChecker(s *Site, baseURL string, notBuilt []string) (*linkChecker, []diag.Msg) {
	base, err := url.Parse(baseURL)
	if err != nil || base.Host == "" {
		return nil, []diag.Msg{diag.M("links_bad_base_url", diag.A{"value": baseURL})}
	}
	prefix := base.Path
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return &linkChecker{s: s, host: base.Scheme + "://" + base.Host, prefix: prefix, notBuilt: notBuilt}, nil
}

// check checks one address found at where.
func (c *linkChecker) check(where, u string) (problem *diag.Msg, counted bool) {
	switch {
	case strings.HasPrefix(u, c.host+"/"):
		u = strings.TrimPrefix(u, c.host)
	case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//"):
	default:
		return nil, false // relative, external, data: or fragment-only
	}
	if !strings.HasPrefix(u, c.prefix) {
		m := diag.M("links_outside_path", diag.A{"where": where, "address": u, "prefix": c.prefix})
		return &m, true
	}
	path := "/" + strings.TrimPrefix(u, c.prefix)
	path, _, _ = strings.Cut(path, "#")
	path, _, _ = strings.Cut(path, "?")
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	for _, nb := range c.notBuilt {
		if strings.HasPrefix(path, nb) {
			return nil, true
		}
	}
	if !c.s.Exists(path) {
		m := diag.M("links_not_built", diag.A{"where": where, "address": u})
		return &m, true
	}
	return nil, true
}

// page checks the addresses of one page's elements.
func (c *linkChecker) page(path string, doc *html.Node) (problems []diag.Msg, checked int) {
	for _, n := range Find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		for _, a := range n.Attr {
			if a.Key == "href" || a.Key == "src" || a.Key == "action" || strings.HasPrefix(a.Key, "data-") {
				p, counted := c.check(path+" <"+n.Data+" "+a.Key+">", a.Val)
				if counted {
					checked++
				}
				if p != nil {
					problems = append(problems, *p)
				}
			}
		}
	}
	return problems, checked
}

func (c *linkChecker) add(problems []diag.Msg, checked int) {
	c.mu.Lock()
	c.problems = append(c.problems, problems...)
	c.checked += checked
	c.mu.Unlock()
}

// css checks the addresses of the site's stylesheets.
func (c *linkChecker) css() {
	for path := range c.s.Files {
		if !strings.HasSuffix(path, ".css") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(c.s.Root, filepath.FromSlash(path)))
		if err != nil {
			c.add([]diag.Msg{diag.M("links_unreadable", diag.A{"error": diag.Cause(err)})}, 0)
			continue
		}
		for _, u := range CSSURLs(string(b)) {
			p, counted := c.check(path+" url()", u)
			n := 0
			if counted {
				n = 1
			}
			var ps []diag.Msg
			if p != nil {
				ps = append(ps, *p)
			}
			c.add(ps, n)
		}
	}
}

// result returns the problems, sorted, and the number of addresses checked.
func (c *linkChecker) result() ([]diag.Msg, int) {
	problems := c.problems
	slices.SortFunc(problems, func(a, b diag.Msg) int { return strings.Compare(a.String(), b.String()) })
	return problems, c.checked
}
