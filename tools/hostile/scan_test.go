package hostile

import (
	"bytes"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/sitetest"
	"golang.org/x/net/html"
)

func itoa(n int) string { return strconv.Itoa(n) }

type finding struct{ rule, file, detail string }

// scan is what scanning a built site found.
type scan struct {
	files    int
	scripts  map[string]bool // script signatures: src, or "inline type=…"
	findings []finding
	seen     map[finding]bool
}

func (s *scan) add(rule, file, detail string) {
	f := finding{rule, file, detail}
	if !s.seen[f] {
		s.seen[f] = true
		s.findings = append(s.findings, f)
	}
}

const (
	ruleScript    = "a script the plain site does not have"
	ruleHandler   = "an event-handler attribute (on…)"
	ruleScheme    = "a javascript:, vbscript: or data: URL"
	ruleElement   = "an element that loads or redirects (iframe, object, embed, base, meta refresh…)"
	ruleHost      = "a resource loaded from another host"
	ruleInvisible = "a bidi control or zero-width character"
	ruleFormula   = "a CSV cell a spreadsheet runs as a formula (starts with = + - @ TAB or CR)"
	ruleOutside   = "content of a file outside data/"
	rulePrivacy   = "an unpublished contact is identifiable (value or digest of id, name, email or phone)"
	ruleMarkup    = "markup in a text field of the open data"
	ruleDepth     = "HTML nested deeper than an HTML parser accepts (a data structure reached the page unbounded)"
)

// invisible are the characters no output may hold: bidi controls and marks, zero-width
// characters, and a byte order mark anywhere.
func invisible(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
		r >= 0x200B && r <= 0x200F, r == 0x2060, r == 0xFEFF, r == 0x061C:
		return true
	}
	return false
}

func checkInvisible(s *scan, file, where, text string) {
	for i, r := range text {
		if invisible(r) {
			lo := max(0, i-20)
			s.add(ruleInvisible, file, fmt.Sprintf("U+%04X in %s near %q", r, where, text[lo:min(len(text), i+20)]))
			return
		}
	}
}

var (
	siteHost = mustHost(sitetest.BaseURL)
	cssURL   = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]+)`)
	atomHTML = regexp.MustCompile(`(?s)<(content|summary)[^>]*type="html"[^>]*>(.*?)</(?:content|summary)>`)
	// Text in the open data is markup only where a browser or Hugo would read it so: a
	// tag's opening or a shortcode. An `onclick=` or `javascript:` outside a tag is words
	// (URL fields, where a scheme matters, are checked as URLs).
	markupInTxt = regexp.MustCompile(`(?i)<\s*/?\s*[a-z!?]|\{\{[<%]`)
)

func mustHost(u string) string {
	p, _ := url.Parse(u)
	return p.Host
}

// foreign reports whether a URL (as written in a page of the site) reaches another host.
func foreign(raw string) bool {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return strings.Contains(raw, "//")
	}
	if u.Host == "" {
		return false
	}
	return u.Host != siteHost
}

func badScheme(raw string) bool {
	v := strings.ToLower(strings.Join(strings.Fields(raw), ""))
	v = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return -1
		}
		return r
	}, v)
	return strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")
}

// scanSite scans every file of a built site; ref, the scan of the plain site, is what the
// site itself does: its scripts are allowed and its own findings are not repeated.
func scanSite(t *testing.T, public string, ref *scan) *scan {
	t.Helper()
	s := &scan{scripts: map[string]bool{}, seen: map[finding]bool{}}
	secrets := unpublishedSecrets(t, filepath.Join(filepath.Dir(public), "data"))
	err := filepath.WalkDir(public, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, path)
		rel = "/" + filepath.ToSlash(rel)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s.files++
		scanBytes(s, rel, b, secrets)
		switch strings.ToLower(filepath.Ext(path)) {
		case ".html", ".htm":
			scanHTML(s, rel, b)
		case ".xml":
			scanXML(s, rel, b)
		case ".json":
			scanJSON(s, rel, b)
		case ".csv":
			scanCSV(s, rel, b)
		case ".js", ".css", ".txt", ".webmanifest", ".toml":
			checkInvisible(s, rel, "the file", string(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ref != nil {
		for sig := range s.scripts {
			if !ref.scripts[sig] {
				s.add(ruleScript, "(site)", sig)
			}
		}
		s.findings = slices.DeleteFunc(s.findings, func(f finding) bool { return ref.seen[f] })
	}
	return s
}

// scanBytes looks for what no output may hold, whatever its format.
func scanBytes(s *scan, file string, b []byte, secrets map[string]string) {
	if bytes.Contains(b, []byte(secretTag)) {
		s.add(ruleOutside, file, secretTag)
	}
	lower := bytes.ToLower(b)
	for needle, what := range secrets {
		if bytes.Contains(lower, []byte(needle)) {
			s.add(rulePrivacy, file, what)
		}
	}
}

func scanHTML(s *scan, file string, b []byte) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		s.add(ruleDepth, file, err.Error())
		return
	}
	scanNode(s, file, doc)
}

func scanNode(s *scan, file string, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		checkInvisible(s, file, "text", n.Data)
		if n.Parent != nil && n.Parent.Data == "style" {
			checkCSS(s, file, n.Data)
		}
	case html.ElementNode:
		scanElement(s, file, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		scanNode(s, file, c)
	}
}

func scanElement(s *scan, file string, n *html.Node) {
	tag := strings.ToLower(n.Data)
	attr := func(k string) string { return sitetest.Attr(n, k) }
	switch tag {
	case "script":
		if src := attr("src"); src != "" {
			s.scripts["src="+src] = true
		} else {
			s.scripts["inline type="+attr("type")] = true
		}
	case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal":
		s.add(ruleElement, file, "<"+tag+">")
	case "meta":
		switch equiv := strings.ToLower(attr("http-equiv")); equiv {
		case "", "content-security-policy":
		case "refresh":
			_, target, _ := strings.Cut(strings.ToLower(attr("content")), "url=")
			if target == "" || foreign(target) || badScheme(target) {
				s.add(ruleElement, file, fmt.Sprintf("<meta http-equiv=refresh content=%q>", attr("content")))
			}
		default:
			s.add(ruleElement, file, fmt.Sprintf("<meta http-equiv=%q>", equiv))
		}
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		checkInvisible(s, file, "attribute "+key, a.Val)
		if strings.HasPrefix(key, "on") {
			s.add(ruleHandler, file, fmt.Sprintf("<%s %s=%q>", tag, key, a.Val))
		}
		switch key {
		case "href", "src", "action", "formaction", "poster", "data", "background", "xlink:href", "srcset", "cite", "ping":
			for _, u := range urlsOf(key, a.Val) {
				if badScheme(u) && !(tag == "link" && attr("rel") == "icon" && u == "data:,") {
					s.add(ruleScheme, file, fmt.Sprintf("<%s %s=%q>", tag, key, a.Val))
				}
				loads := key != "href" && key != "cite" || tag == "link" && !slices.Contains([]string{"alternate", "canonical"}, attr("rel")) || tag == "use" || tag == "image"
				if loads && foreign(u) {
					s.add(ruleHost, file, fmt.Sprintf("<%s %s=%q>", tag, key, a.Val))
				}
			}
		case "style":
			checkCSS(s, file, a.Val)
		}
	}
}

func urlsOf(key, val string) []string {
	if key != "srcset" {
		return []string{val}
	}
	var out []string
	for _, part := range strings.Split(val, ",") {
		if f := strings.Fields(part); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

func checkCSS(s *scan, file, css string) {
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		if foreign(m[1]) || strings.HasPrefix(strings.ToLower(m[1]), "javascript:") {
			s.add(ruleHost, file, "CSS url("+m[1]+")")
		}
	}
}

// scanXML checks feeds and sitemaps: the text (entities decoded) and, for Atom's HTML
// content, the HTML a feed reader renders.
func scanXML(s *scan, file string, b []byte) {
	checkInvisible(s, file, "the XML", html.UnescapeString(string(b)))
	for _, m := range atomHTML.FindAllSubmatch(b, -1) {
		frag := html.UnescapeString(string(m[2]))
		scanHTML(s, file+" (Atom "+string(m[1])+")", []byte("<!doctype html><html><body>"+frag))
	}
	if regexp.MustCompile(`(?i)<(script|iframe|object|embed)\b`).Match(b) {
		s.add(ruleElement, file, "an active element in the XML")
	}
}

func scanJSON(s *scan, file string, b []byte) {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		checkInvisible(s, file, "the JSON", string(b))
		return
	}
	open := strings.Contains(file, "/projects.json") || strings.Contains(file, "/practices.json") || strings.Contains(file, "/resources.json") || strings.Contains(file, "/contacts.json")
	var walk func(any, string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case string:
			checkInvisible(s, file, "JSON "+path, x)
			if open && markupInTxt.MatchString(x) && !markdownField(path) {
				s.add(ruleMarkup, file, fmt.Sprintf("%s = %q", path, x))
			}
		case []any:
			for i, e := range x {
				walk(e, fmt.Sprintf("%s[%d]", path, i))
			}
		case map[string]any:
			for k, e := range x {
				checkInvisible(s, file, "JSON key", k)
				walk(e, path+"."+k)
			}
		}
	}
	walk(v, "")
}

// markdownField reports whether the open-data field at path (JSON "[3].challenge",
// "[3].lessons_text[0]"; a CSV column name) is Markdown or the plain text of Markdown
// (docs/open-data.md): Markdown may show "<form>" as code, and its plain text is the
// text the page shows, so neither is a text field that should be free of markup.
func markdownField(path string) bool {
	key := path[strings.LastIndex(path, ".")+1:]
	if i := strings.IndexByte(key, '['); i >= 0 {
		key = key[:i]
	}
	switch key {
	case "challenge", "approach", "results", "lessons", "body", "description":
		return true
	}
	return strings.HasSuffix(key, "_text")
}

func scanCSV(s *scan, file string, b []byte) {
	// The byte order mark the open-data CSV files start with (for Excel); anywhere
	// else it is an invisible character like any other.
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	records, err := r.ReadAll()
	if err != nil {
		s.add(ruleFormula, file, "unparsable CSV: "+err.Error())
		return
	}
	for i, rec := range records {
		for j, cell := range rec {
			checkInvisible(s, file, fmt.Sprintf("row %d", i+1), cell)
			col := ""
			if j < len(records[0]) {
				col = records[0][j]
			}
			// A cell that csvcell.Escape would change is one a spreadsheet runs (a plain
			// number such as -70.3 is not: Escape leaves it, and so does this check).
			if i > 0 && cell != "" && cell[0] != '\'' && csvcell.Escape(cell) != cell {
				s.add(ruleFormula, file, fmt.Sprintf("row %d, %s: %q", i+1, col, cell))
			}
			if i > 0 && strings.HasSuffix(file, ".csv") && markupInTxt.MatchString(cell) && !markdownField(col) {
				s.add(ruleMarkup, file, fmt.Sprintf("row %d: %q", i+1, cell))
			}
		}
	}
}

// unpublishedSecrets returns, for every contact of data without consent, the strings
// that would identify them (lowercased): id, name, email, phone (also its digits), and
// the MD5, SHA-1, SHA-256 and SHA-512 of each (hex; SHA-256 also in base64).
func unpublishedSecrets(t *testing.T, data string) map[string]string {
	t.Helper()
	out := map[string]string{}
	hidden, err := sitetest.HiddenContacts(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range hidden {
		values := []string{c.ID, c.Name, c.Email, c.Phone, strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, c.Phone)}
		for _, v := range values {
			if len(v) < 5 {
				continue
			}
			for _, x := range []string{v, strings.ToLower(v)} {
				what := fmt.Sprintf("%s of %s", "%s", c.ID)
				out[strings.ToLower(x)] = fmt.Sprintf(what, fmt.Sprintf("%q", x))
				m5, s1, s256, s512 := md5.Sum([]byte(x)), sha1.Sum([]byte(x)), sha256.Sum256([]byte(x)), sha512.Sum512([]byte(x))
				for name, sum := range map[string][]byte{"MD5": m5[:], "SHA-1": s1[:], "SHA-256": s256[:], "SHA-512": s512[:]} {
					out[hex.EncodeToString(sum)] = fmt.Sprintf(what, name+" of "+strconv.Quote(x))
				}
				out[strings.ToLower(base64.StdEncoding.EncodeToString(s256[:]))] = fmt.Sprintf(what, "base64 SHA-256 of "+strconv.Quote(x))
				out[strings.ToLower(base64.RawURLEncoding.EncodeToString(s256[:]))] = fmt.Sprintf(what, "base64url SHA-256 of "+strconv.Quote(x))
			}
		}
	}
	return out
}
