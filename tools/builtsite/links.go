package builtsite

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// CheckLinks checks a built site as it will be served at baseURL (https://host/ or
// https://host/sub/): every address that its pages and stylesheets give the browser —
// href, src, action and the data-* addresses read by scripts, CSS url() and @import —
// that points into the site (root-relative, or absolute on baseURL's host) must stay
// under baseURL's path and name a built file, except under the site paths notBuilt.
// Relative addresses, other hosts, data: URLs and fragments are not checked. It returns
// the problems, sorted, and the number of addresses checked. `make site` runs it on the
// release before publishing it (guide links); the tests run it on their builds.
func CheckLinks(s *Site, baseURL string, notBuilt ...string) (problems []string, checked int) {
	base, err := url.Parse(baseURL)
	if err != nil || base.Host == "" {
		return []string{fmt.Sprintf("base URL %q: want https://host/ or https://host/path/", baseURL)}, 0
	}
	prefix := base.Path
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	host := base.Scheme + "://" + base.Host
	check := func(where, u string) {
		switch {
		case strings.HasPrefix(u, host+"/"):
			u = strings.TrimPrefix(u, host)
		case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//"):
		default:
			return // relative, external, data: or fragment-only
		}
		checked++
		if !strings.HasPrefix(u, prefix) {
			problems = append(problems, fmt.Sprintf("%s: %q is outside the site's path %s", where, u, prefix))
			return
		}
		path := "/" + strings.TrimPrefix(u, prefix)
		path, _, _ = strings.Cut(path, "#")
		path, _, _ = strings.Cut(path, "?")
		if p, err := url.PathUnescape(path); err == nil {
			path = p
		}
		for _, nb := range notBuilt {
			if strings.HasPrefix(path, nb) {
				return
			}
		}
		if !s.Exists(path) {
			problems = append(problems, fmt.Sprintf("%s: %q names no built file", where, u))
		}
	}
	for path, page := range s.Pages {
		for _, n := range Find(page.Doc, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" || a.Key == "action" || strings.HasPrefix(a.Key, "data-") {
					check(path+" <"+n.Data+" "+a.Key+">", a.Val)
				}
			}
		}
	}
	for path := range s.Files {
		if !strings.HasSuffix(path, ".css") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.Root, filepath.FromSlash(path)))
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		for _, u := range CSSURLs(string(b)) {
			check(path+" url()", u)
		}
	}
	sort.Strings(problems)
	return problems, checked
}
