package builtsite

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
	base, err := url.Parse(baseURL)
	if err != nil || base.Host == "" {
		return []diag.Msg{diag.M("links_bad_base_url", diag.A{"value": baseURL})}, 0
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
			problems = append(problems, diag.M("links_outside_path", diag.A{"where": where, "address": u, "prefix": prefix}))
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
			problems = append(problems, diag.M("links_not_built", diag.A{"where": where, "address": u}))
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
			problems = append(problems, diag.M("links_unreadable", diag.A{"error": err.Error()}))
			continue
		}
		for _, u := range CSSURLs(string(b)) {
			check(path+" url()", u)
		}
	}
	slices.SortFunc(problems, func(a, b diag.Msg) int { return strings.Compare(a.String(), b.String()) })
	return problems, checked
}
