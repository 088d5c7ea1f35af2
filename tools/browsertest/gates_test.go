package browsertest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/net/html"
)

// The gates must be able to fail: these tests give them pages that break each rule.

func TestCheckPolicy(t *testing.T) {
	if p := CheckPolicy(Policy); len(p) > 0 {
		t.Errorf("the site's policy fails its own check: %v", p)
	}
	if p := CheckPolicy(PrintPolicy); !slices.Equal(p, []string{"style-src allows 'unsafe-inline'"}) {
		t.Errorf("the print edition's policy: %v, want only its inline styles", p)
	}
	for policy, want := range map[string][]string{
		"default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'": {"script-src allows 'unsafe-inline'"},
		"default-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'":                    {"script-src allows 'unsafe-inline'"},
		"script-src 'self'":                             {"no default-src", "object-src is not 'none'", "no base-uri", "no form-action"},
		Policy + "; frame-ancestors 'none'":             {"frame-ancestors is ignored"},
		Policy + "; font-src https://fonts.gstatic.com": {}, // the first font-src wins, as in browsers
		strings.Replace(Policy, "font-src 'self'", "font-src 'self' https://fonts.gstatic.com", 1): {"font-src allows https://fonts.gstatic.com"},
		strings.Replace(Policy, "img-src 'self' data:", "img-src *", 1):                            {"img-src allows *"},
		strings.Replace(Policy, "script-src 'self'", "script-src 'self' data:", 1):                 {"script-src allows data:"},
		strings.Replace(Policy, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1):         {"style-src allows 'unsafe-inline'"},
	} {
		got := strings.Join(CheckPolicy(policy), "\n")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("CheckPolicy(%q) = %q, want a problem %q", policy, got, w)
			}
		}
		if len(want) == 0 && got != "" {
			t.Errorf("CheckPolicy(%q) = %q, want none", policy, got)
		}
	}
}

func TestPageCSPAndInlineCode(t *testing.T) {
	meta := `<meta http-equiv="Content-Security-Policy" content="` + Policy + `">`
	for name, c := range map[string]struct {
		page       string
		csp        []string // problems expected from PageCSP
		inline     []string // findings expected from InlineCode
		subresUrls []string
	}{
		"clean": {page: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` + meta + `<link rel="stylesheet" href="/a.css"><script type="application/json" id="d">{"a":1}</script></head><body><img src="/x.png" srcset="/x2.png 2x, /x3.png 3x" alt=""></body></html>`,
			subresUrls: []string{"/a.css", "/x.png", "/x2.png", "/x3.png"}},
		"no policy": {page: `<html><head><title>x</title></head><body></body></html>`, csp: []string{"no <meta"}},
		"late policy": {page: `<html><head><link rel="stylesheet" href="/a.css">` + meta + `</head></html>`,
			csp: []string{"after a <link>"}, subresUrls: []string{"/a.css"}},
		"inline code": {page: `<html><head>` + meta + `<style>p{}</style></head><body onload="go()"><script>go()</script><a href="javascript:void(0)">x</a><p style="color:red">y</p><script src="https://cdn.example/x.js"></script></body></html>`,
			inline:     []string{"inline <script>", "onload", "javascript: URL", "inline <style>", "inline style"},
			subresUrls: []string{"https://cdn.example/x.js"}},
	} {
		doc, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		_, problems := PageCSP(doc)
		checkAll(t, name+": PageCSP", problems, c.csp)
		checkAll(t, name+": InlineCode", InlineCode(doc), c.inline)
		if got := Subresources(doc); !slices.Equal(got, c.subresUrls) {
			t.Errorf("%s: Subresources = %q, want %q", name, got, c.subresUrls)
		}
	}
}

// checkAll: every wanted text is in one of got, and got is empty when nothing is wanted.
func checkAll(t *testing.T, what string, got, want []string) {
	t.Helper()
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("%s = %q, want %q", what, got, w)
		}
	}
	if len(want) == 0 && len(got) > 0 {
		t.Errorf("%s = %q, want nothing", what, got)
	}
}

func TestForeign(t *testing.T) {
	reqs := []Request{
		{URL: "http://127.0.0.1:8080/en/"}, {URL: "http://127.0.0.1:8080/css/a.css"},
		{URL: "data:image/png;base64,AA"}, {URL: "about:blank"},
		{URL: "http://127.0.0.1:9090/x.png"}, {URL: "https://fonts.googleapis.com/css"}, {URL: "ws://127.0.0.1:8080/"},
	}
	var got []string
	for _, q := range Foreign(reqs, "127.0.0.1:8080") {
		got = append(got, q.URL)
	}
	if want := []string{"http://127.0.0.1:9090/x.png", "https://fonts.googleapis.com/css", "ws://127.0.0.1:8080/"}; !slices.Equal(got, want) {
		t.Errorf("Foreign = %q, want %q", got, want)
	}
}

func TestVnuMessages(t *testing.T) {
	var report struct{ Messages []VnuMessage }
	raw := `{"messages":[
		{"type":"error","url":"file:/p/en/index.html","lastLine":3,"firstColumn":1,"message":"Element “div” not allowed as child of element “ul” in this context."},
		{"type":"info","subType":"warning","url":"file:/p/en/index.html","lastLine":9,"message":"Resource violates Content Security Policy (meta tag): external stylesheet “/css/main.min.8e1a...” blocked by “style-src” directive."},
		{"type":"info","subType":"warning","url":"file:/p/en/index.html","lastLine":9,"message":"Resource violates Content Security Policy (meta tag): external stylesheet “https://fonts.googleapis.com/css” blocked by “style-src” directive."},
		{"type":"info","url":"file:/p/x.json","message":"File was not checked."},
		{"type":"non-document-error","subType":"io","url":"file:/p/y.html","message":"Cannot read."}]}`
	if err := json.Unmarshal([]byte(raw), &report); err != nil {
		t.Fatal(err)
	}
	m := report.Messages
	if !m[0].IsError() || Filtered(m[0]) != nil || !strings.HasPrefix(m[0].String(), "/p/en/index.html:3:1: error: Element") {
		t.Errorf("an error is not reported as one: %s", m[0])
	}
	if !m[1].IsWarning() || Filtered(m[1]) == nil {
		t.Errorf("vnu's file: false positive on a site-relative stylesheet is not accepted: %s", m[1])
	}
	if Filtered(m[2]) != nil {
		t.Errorf("a stylesheet from another host is accepted: %s", m[2])
	}
	if m[3].IsError() || m[3].IsWarning() {
		t.Errorf("an info message counts: %s", m[3])
	}
	if !m[4].IsError() {
		t.Errorf("the checker's own failure does not count as an error: %s", m[4])
	}
	for _, f := range VnuFilters {
		if f.Reason == "" {
			t.Errorf("filter %s has no reason", f.Pattern)
		}
	}
}

func TestAxeNodeSelector(t *testing.T) {
	for raw, want := range map[string]string{
		`["main > p:nth-child(2)"]`: "main > p:nth-child(2)",
		`["iframe", "#inner > a"]`:  "iframe >> #inner > a",
		`[["my-widget", "button"]]`: "my-widget >> button",
		`not json`:                  "not json",
	} {
		if got := (AxeNode{Target: json.RawMessage(raw)}).Selector(); got != want {
			t.Errorf("Selector(%s) = %q, want %q", raw, got, want)
		}
	}
}

func TestTransparent(t *testing.T) {
	for c, want := range map[string]bool{"transparent": true, "rgba(0, 0, 0, 0)": true, "rgb(5, 53, 210)": false, "rgba(5, 53, 210, 0.5)": false} {
		if transparent(c) != want {
			t.Errorf("transparent(%q) = %v", c, !want)
		}
	}
}

// TestGatesCatchABadPage serves a page that breaks the rules from a second server and
// checks that each gate sees it: axe's violations, the request to another host, the
// console error, the missing focus indicator, and (on a page with the policy) the
// inline script the policy blocks.
func TestGatesCatchABadPage(t *testing.T) {
	b, _ := startBrowser(t)
	tl := needTools(t, "chromium", AxePath)
	axe, err := LoadAxe(tl.Axe)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Serve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	dir := t.TempDir()
	pages := map[string]string{
		"bad.html": `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bad</title>
<style>a:focus, a:focus-visible { outline: none; }</style></head><body>
<a href="#x">first link</a>
<img src="` + other.URL + `/pixel.png">
<button onclick="x()">go</button>
<script>console.error("boom from an inline script")</script>
</body></html>`,
		"csp.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="` + Policy + `"><title>CSP</title></head><body><main><h1>CSP</h1>
<script>document.title = "ran"</script></main></body></html>`,
	}
	for name, body := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	ctx, cancel := b.Tab(time.Minute)
	defer cancel()
	rec, err := Record(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r := loadPage(ctx, rec, srv.URL+"/bad.html", "/bad.html", axe)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var rules []string
	for _, v := range r.Axe.Violations {
		rules = append(rules, v.ID)
		if rep := v.Report("/bad.html"); !strings.Contains(rep, "/bad.html: "+v.ID+" (") || !strings.Contains(rep, "    at ") {
			t.Errorf("report lacks the page, rule or element:\n%s", rep)
		}
	}
	for _, want := range []string{"image-alt", "html-has-lang"} {
		if !slices.Contains(rules, want) {
			t.Errorf("axe found %v, not %s", rules, want)
		}
	}
	if f := Foreign(r.Requests, srv.Host); len(f) != 1 || !strings.HasPrefix(f[0].URL, other.URL) {
		t.Errorf("requests to another host: %v, want the image from %s", f, other.URL)
	}
	if c := strings.Join(r.Console, "\n"); !strings.Contains(c, "boom from an inline script") {
		t.Errorf("console %q lacks the script's error", c)
	}
	if err := press(ctx, kb.Tab); err != nil {
		t.Fatal(err)
	}
	f, err := focusNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if f.Tag != "a" || !strings.Contains(f.indicatorProblem(), "no visible focus indicator") {
		t.Errorf("focus on %s with outline: none: indicator problem %q", f, f.indicatorProblem())
	}

	r = loadPage(ctx, rec, srv.URL+"/csp.html", "/csp.html", "")
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title == "ran" {
		t.Error("the inline script ran despite the policy")
	}
	if c := strings.Join(r.Console, "\n"); !regexp.MustCompile(`(?i)content security policy`).MatchString(c) {
		t.Errorf("console %q does not report the blocked inline script", c)
	}
	// The page is parsed like the site's: the static checks see the same.
	doc, _ := html.Parse(bytes.NewReader([]byte(pages["csp.html"])))
	if got := InlineCode(doc); len(got) != 1 {
		t.Errorf("InlineCode(csp.html) = %q, want the inline script", got)
	}
}
