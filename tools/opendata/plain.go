package opendata

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/pssdc/guide-iad/tools/markdown"
)

// Plain returns the plain text of a Markdown field (the NAME_text fields) as the site
// made it in Hugo: the Markdown rendered as layouts/_partials/markdown.html renders it
// (goldmark with the site's settings, package markdown; shortcode openers broken the
// same way), then the steps of the former partial opendata/plain-text.html: a line break after each block
// element, Hugo's plainify (tpl.StripHTML), htmlUnescape, trimmed, and lines closed up
// (with line, one line in all: a list item of lessons_text).
func Plain(md string, line bool) string {
	if t, ok := plainText(md, line); ok {
		return t
	}
	return render(md, line)
}

// render is Plain through goldmark and the partial's steps.
func render(md string, line bool) string {
	md = strings.ReplaceAll(md, "{{<", "{&#123;<")
	md = strings.ReplaceAll(md, "{{%", "{&#123;%")
	var b bytes.Buffer
	// goldmark buffers what it renders, in a new 4 KiB buffer unless given one: one of
	// these per core, not per text (which was most of the open data's allocations).
	w := writers.Get().(*bufio.Writer)
	w.Reset(&b)
	err := markdown.Parser().Convert([]byte(md), w)
	if err == nil {
		err = w.Flush()
	}
	w.Reset(nil)
	writers.Put(w)
	if err != nil {
		return "" // goldmark's HTML renderer does not fail on a bytes.Buffer
	}
	h := blockEnd.ReplaceAllString(b.String(), "$1<br>")
	t := strings.TrimSpace(html.UnescapeString(stripHTML(h)))
	if strings.Contains(t, "\n") {
		sep := "\n"
		if line {
			sep = " "
		}
		t = lineBreak.ReplaceAllString(t, sep)
	}
	return t
}

var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

var (
	blockEnd  = regexp.MustCompile(`(</(?:h[1-6]|li|pre|blockquote|tr|dt|dd)>)`)
	lineBreak = regexp.MustCompile(`[ \t]*\n\s*`)
)

// The steps of Hugo's tpl.StripHTML (v0.165), which plainify calls.
const newLinePlaceholder = "___hugonl_"

var stripPre = strings.NewReplacer("\n", " ", "</p>", newLinePlaceholder, "<br>", newLinePlaceholder, "<br />", newLinePlaceholder)

func stripHTML(s string) string {
	if !strings.ContainsAny(s, "<>") {
		return s
	}
	pre := stripPre.Replace(s)
	replaced := pre != s
	s = stripTags(pre)
	if replaced {
		s = strings.ReplaceAll(s, newLinePlaceholder, "\n")
	}
	var b strings.Builder
	var wasSpace bool
	for _, r := range s {
		isSpace := unicode.IsSpace(r)
		if !(isSpace && wasSpace) {
			b.WriteRune(r)
		}
		wasSpace = isSpace
	}
	if b.Len() > 0 {
		s = b.String()
	}
	return s
}

// stripTags is html/template's own (Hugo's StripTags is a copy of it), reached the one
// way the standard library exposes it: HTML content written into an attribute value is
// stripped of its tags, then normalised (the characters " ' + < > ` and NUL written
// as references, which are no spaces). The caller unescapes references afterwards, as
// htmlUnescape does, so the normalisation leaves no trace in the result.
func stripTags(s string) string {
	var b strings.Builder
	if err := attrTemplate().Execute(&b, template.HTML(s)); err != nil {
		return s
	}
	out := b.String()
	return out[len(`<a title="`) : len(out)-len(`">`)]
}

var attrTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("attr").Parse(`<a title="{{.}}">`))
})
