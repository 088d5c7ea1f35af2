package browsertest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/pssdc/guide-iad/tools/sitetest"
)

// The site is static, so its Content-Security-Policy is a <meta http-equiv> in <head>.
// A policy in a meta element ignores frame-ancestors, report-uri and sandbox (CSP Level 3,
// §3.3): those belong in an HTTP header of the host, if the host allows one.
//
// Policy is the policy the layouts carry (layouts/_partials/head.html and
// layouts/alias.html); the gate checks the properties below, not this exact text.
const Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// PrintPolicy is the policy of the print edition's pages (layouts/home.print.html, printed
// to PDF by tools/pdf): the same but for inline styles, which it needs for its per-page
// running heads (@page margin boxes written per case study) and named pages.
const PrintPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// IsPrintPage reports whether a site path is a print-edition page (output format "print",
// base name "edition": /en/edition.html; see tools/pdf.HugoConfig).
func IsPrintPage(path string) bool { return strings.HasSuffix(path, "/edition.html") }

// ParseCSP splits a policy into its directives (names in lower case) and their sources.
// The first occurrence of a directive wins, as in browsers.
func ParseCSP(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) == 0 {
			continue
		}
		name := strings.ToLower(f[0])
		if _, seen := out[name]; !seen {
			out[name] = f[1:]
		}
	}
	return out
}

// fallsBack lists the fetch directives that fall back to default-src.
var fallsBack = []string{"script-src", "style-src", "img-src", "font-src", "connect-src", "media-src", "object-src", "frame-src", "worker-src", "manifest-src", "child-src"}

// effective returns the sources that apply to a fetch directive.
func effective(p map[string][]string, name string) ([]string, bool) {
	if s, ok := p[name]; ok {
		return s, true
	}
	if slices.Contains(fallsBack, name) {
		s, ok := p["default-src"]
		return s, ok
	}
	return nil, false
}

var hashSource = regexp.MustCompile(`^'(sha256|sha384|sha512)-[A-Za-z0-9+/=_-]+'$`)

// CheckPolicy returns what is wrong with a policy for this site: scripts only from the
// site (no 'unsafe-inline', no 'unsafe-eval', no other host), no plugin objects, a fixed
// base URI and form target, no source on another host in any fetch directive, and no
// directive a <meta> policy ignores.
func CheckPolicy(policy string) []string {
	p := ParseCSP(policy)
	var problems []string
	if _, ok := p["default-src"]; !ok {
		problems = append(problems, "no default-src")
	}
	script, ok := effective(p, "script-src")
	if !ok {
		problems = append(problems, "no script-src (nor default-src): any script may run")
	}
	for _, s := range script {
		switch ls := strings.ToLower(s); ls {
		case "'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'":
			problems = append(problems, "script-src allows "+ls)
		}
	}
	if obj, _ := effective(p, "object-src"); !slices.Equal(obj, []string{"'none'"}) {
		problems = append(problems, "object-src is not 'none'")
	}
	for _, d := range []string{"base-uri", "form-action"} {
		s, ok := p[d]
		if !ok {
			problems = append(problems, "no "+d+" (it does not fall back to default-src)")
			continue
		}
		for _, v := range s {
			if v != "'self'" && v != "'none'" {
				problems = append(problems, fmt.Sprintf("%s allows %s", d, v))
			}
		}
	}
	for _, d := range []string{"frame-ancestors", "report-uri", "sandbox"} {
		if _, ok := p[d]; ok {
			problems = append(problems, d+" is ignored in a <meta> policy: leave it out (set it as an HTTP header of the host)")
		}
	}
	names := make([]string, 0, len(p))
	for name := range p {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if name != "default-src" && !slices.Contains(fallsBack, name) {
			continue
		}
		for _, s := range p[name] {
			ls := strings.ToLower(s)
			switch {
			case ls == "'self'" || ls == "'none'" || ls == "'strict-dynamic'" || hashSource.MatchString(s):
			case ls == "data:" && (name == "img-src" || name == "font-src" || name == "media-src"):
			// Pages with `wasm: true` (head.html) may compile WebAssembly; it runs no JavaScript.
			case ls == "'wasm-unsafe-eval'" && name == "script-src":
			case strings.HasPrefix(ls, "'unsafe-"):
				if name != "script-src" && name != "default-src" {
					problems = append(problems, fmt.Sprintf("%s allows %s", name, ls))
				}
			default:
				problems = append(problems, fmt.Sprintf("%s allows %s: every resource comes from the site itself", name, s))
			}
		}
	}
	return problems
}

// PageCSP returns the policy of a page's <meta http-equiv="Content-Security-Policy">, and
// the problems of its placement: none, several, outside <head>, or after an element that
// loads or runs something (the policy only applies to what follows it).
func PageCSP(doc *html.Node) (policy string, problems []string) {
	metas := sitetest.Find(doc, func(n *html.Node) bool {
		return n.Data == "meta" && strings.EqualFold(sitetest.Attr(n, "http-equiv"), "Content-Security-Policy")
	})
	switch len(metas) {
	case 0:
		return "", []string{`no <meta http-equiv="Content-Security-Policy">`}
	case 1:
	default:
		problems = append(problems, fmt.Sprintf("%d CSP meta elements: browsers enforce all of them; keep one", len(metas)))
	}
	m := metas[0]
	if m.Parent == nil || m.Parent.Data != "head" {
		problems = append(problems, "the CSP meta is not a child of <head>, where browsers read it")
	}
	for n := m.PrevSibling; n != nil; n = n.PrevSibling {
		if n.Type == html.ElementNode && (n.Data == "link" || n.Data == "script" || n.Data == "style" || n.Data == "base") {
			problems = append(problems, fmt.Sprintf("the CSP meta comes after a <%s>, which it does not cover: put it right after <meta charset>", n.Data))
			break
		}
	}
	return sitetest.Attr(m, "content"), problems
}

// jsTypes are the <script type> values that run as script (empty: JavaScript).
var jsTypes = []string{"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

// InlineCode returns the inline scripts, event-handler attributes, javascript: URLs and
// inline styles of a page: all of them are blocked by the site's policy. A <script> of a
// data type (application/json, application/ld+json) does not run, and is allowed.
func InlineCode(doc *html.Node) []string {
	var out []string
	for _, n := range sitetest.Find(doc, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "script":
			typ := strings.ToLower(strings.TrimSpace(strings.Split(sitetest.Attr(n, "type"), ";")[0]))
			if sitetest.Attr(n, "src") == "" && slices.Contains(jsTypes, typ) && strings.TrimSpace(sitetest.Text(n)) != "" {
				out = append(out, "inline <script>: "+oneLine(sitetest.Text(n), 80))
			}
		case "style":
			out = append(out, "inline <style> (style-src 'self' blocks it): "+oneLine(sitetest.Text(n), 80))
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(k, "on"):
				out = append(out, fmt.Sprintf("<%s %s=%q>: event handler attribute", n.Data, a.Key, oneLine(a.Val, 60)))
			case k == "style":
				out = append(out, fmt.Sprintf("<%s style=%q>: inline style (style-src 'self' blocks it)", n.Data, oneLine(a.Val, 60)))
			case (k == "href" || k == "src" || k == "action" || k == "formaction") &&
				strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
				out = append(out, fmt.Sprintf("<%s %s=%q>: javascript: URL", n.Data, a.Key, oneLine(a.Val, 60)))
			}
		}
	}
	return out
}

// Subresources returns the URLs a page loads by itself (not the links a reader follows):
// images, scripts, stylesheets, icons, media, frames, objects. srcset lists are split.
func Subresources(doc *html.Node) []string {
	var out []string
	add := func(v string) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	srcset := func(v string) {
		for _, c := range strings.Split(v, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				add(f[0])
			}
		}
	}
	for _, n := range sitetest.Find(doc, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "img", "source", "video", "audio", "track", "iframe", "embed", "script":
			add(sitetest.Attr(n, "src"))
			srcset(sitetest.Attr(n, "srcset"))
			add(sitetest.Attr(n, "poster"))
		case "input":
			if strings.EqualFold(sitetest.Attr(n, "type"), "image") {
				add(sitetest.Attr(n, "src"))
			}
		case "object":
			add(sitetest.Attr(n, "data"))
		case "link":
			for _, rel := range strings.Fields(strings.ToLower(sitetest.Attr(n, "rel"))) {
				switch rel {
				case "stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest", "mask-icon":
					add(sitetest.Attr(n, "href"))
					srcset(sitetest.Attr(n, "imagesrcset"))
				}
			}
		}
	}
	return out
}
