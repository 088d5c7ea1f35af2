package check

import (
	"bytes"
	"github.com/pssdc/guide-iad/tools/diag"
	"strings"

	"github.com/pssdc/guide-iad/tools/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// markdown parses s with the site's goldmark configuration and reports raw HTML,
// headings above level 3, empty links and links the site cannot follow, each at its line
// in the data file.
func (w *walker) markdown(n *yaml.Node, s, key string) {
	if !w.shortcodes(n, s, key) || !w.markdownShape(n, s, key) {
		return
	}
	if !mayHaveMarkup(s) {
		return
	}
	src := []byte(s)
	doc := markdown.Parser().Parser().Parse(text.NewReader(src))
	reported := 0
	report := func(offset int, code string, args diag.A) {
		if reported++; reported > maxMarkdownFindings {
			return
		}
		line, col := w.sourcePosition(n, src, offset)
		w.p.errorf(line, col, key, code, args)
	}
	defer func() {
		if reported > maxMarkdownFindings {
			line, col := w.sourcePosition(n, src, 0)
			w.p.errorf(line, col, key, "markdown_more", diag.A{"count": reported - maxMarkdownFindings})
		}
	}()
	var codeRanges [][2]int
	w.linkKey = key
	w.offsetPosition = func(offset int) (int, int) { return w.sourcePosition(n, src, offset) }
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if reported > maxMarkdownFindings {
			return ast.WalkStop, nil // enough to fix; the rest is not worth the time
		}
		switch node := node.(type) {
		case *ast.HTMLBlock:
			report(firstOffset(node), "html_block", nil)
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			off := 0
			if node.Segments.Len() > 0 {
				off = node.Segments.At(0).Start
			}
			report(off, "raw_html", diag.A{"html": rawText(node, src)})
		case *ast.Heading:
			if node.Level < 3 {
				report(firstOffset(node), "heading_level", diag.A{"level": node.Level, "marks": strings.Repeat("#", node.Level)})
			}
		case *ast.Link:
			w.link(report, opening(src, firstOffset(node)), string(node.Destination), linkText(node, src))
		case *ast.AutoLink:
			w.link(report, firstOffset(node), string(node.URL(src)), string(node.Label(src)))
			codeRanges = append(codeRanges, spanOf(node, src))
		case *ast.Image:
			report(opening(src, firstOffset(node)), "image", nil)
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock:
			codeRanges = append(codeRanges, spanOf(node, src))
		}
		return ast.WalkContinue, nil
	})
	if reported == 0 {
		// What CommonMark does not take for HTML (`<svg/onload=…>`, an unclosed
		// `<img src=x onerror=…`) is shown as text by the site, but the open data
		// publishes the Markdown as written and other renderers are more lenient: outside
		// code, `<` followed by a letter, /, ! or ? is refused as in plain text.
		for _, loc := range markupStart.FindAllStringIndex(s, -1) {
			if inRanges(codeRanges, loc[0]) || loc[0] > 0 && s[loc[0]-1] == '\\' {
				continue
			}
			end := min(len(s), loc[0]+20)
			if j := strings.IndexAny(s[loc[0]:end], ">\n"); j >= 0 {
				end = loc[0] + j + 1
			}
			report(loc[0], "markdown_html", diag.A{"html": strings.TrimSuffix(s[loc[0]:end], "\n")})
			break
		}
	}
}

// spanOf gives the bytes of src a code span, code block or autolink covers: from its
// first to its last segment, with the delimiters around an inline one.
func spanOf(node ast.Node, src []byte) [2]int {
	lo, hi := len(src), 0
	grow := func(seg text.Segment) {
		lo, hi = min(lo, seg.Start), max(hi, seg.Stop)
	}
	if node.Type() == ast.TypeBlock {
		for i := range node.Lines().Len() {
			grow(node.Lines().At(i))
		}
	} else if a, ok := node.(*ast.AutoLink); ok {
		label := a.Label(src)
		if i := bytes.Index(src, append([]byte("<"), label...)); i >= 0 {
			// the first such autolink; later copies of the same address are the same text
			grow(text.NewSegment(i, i+len(label)+2))
		}
	} else {
		for c := node.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				grow(t.Segment)
			}
		}
	}
	if hi < lo {
		return [2]int{0, 0}
	}
	// Reach out over the backticks or angle brackets around an inline span.
	for lo > 0 && (src[lo-1] == '`' || src[lo-1] == '<') {
		lo--
	}
	for hi < len(src) && (src[hi] == '`' || src[hi] == '>') {
		hi++
	}
	return [2]int{lo, hi}
}

func inRanges(ranges [][2]int, off int) bool {
	for _, r := range ranges {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

func (w *walker) link(report func(int, string, diag.A), off int, dest, label string) {
	switch {
	case strings.TrimSpace(label) == "":
		report(off, "link_no_text", diag.A{"dest": dest})
	case dest == "":
		report(off, "link_no_destination", diag.A{"label": label})
	case strings.HasPrefix(dest, "mailto:"):
	case strings.HasPrefix(dest, "/en/"), strings.HasPrefix(dest, "/fr/"):
		// A page of the site: checked once every entry is known.
		path, _, _ := strings.Cut(dest, "#")
		path, _, _ = strings.Cut(path, "?")
		line, col := w.offsetPosition(off)
		w.e.links = append(w.e.links, siteLink{path: path, key: w.linkKey, line: line, col: col})
	default:
		if msg := checkURL(dest); msg.Code != "" {
			report(off, "link_url", diag.A{"problem": msg})
		}
	}
}

// sourcePosition maps a byte offset in a scalar's value to its line and column in the
// file. Block scalars (| and >) keep their lines; other styles are reported at the value.
func (w *walker) sourcePosition(n *yaml.Node, value []byte, offset int) (int, int) {
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		// A one-line value: find what starts at offset (up to 8 bytes of its line) as
		// written in the file.
		end := offset
		for end < len(value) && end < offset+8 && value[end] != '\n' {
			end++
		}
		return w.locate(n, string(value), offset, string(value[offset:end]))
	}
	lineInValue := bytes.Count(value[:offset], []byte("\n"))
	start := bytes.LastIndexByte(value[:offset], '\n') + 1
	colInValue := len([]rune(string(value[start:offset])))
	// Blank lines inside a block scalar have no indentation; find it on the first line.
	line := n.Line + 1 + lineInValue
	indent := 0
	if start := w.offsetOf(n.Line+1, 1); start >= 0 { // the line after the indicator
		first := w.p.src[start:]
		if end := bytes.IndexByte(first, '\n'); end >= 0 {
			first = first[:end]
		}
		indent = len(first) - len(bytes.TrimLeft(first, " "))
	}
	return line, indent + colInValue + 1
}

// opening moves the offset of a link's or image's text back to its [ or ![.
func opening(src []byte, off int) int {
	if off > 0 && off <= len(src) && src[off-1] == '[' {
		off--
		if off > 0 && src[off-1] == '!' {
			off--
		}
	}
	return off
}

func firstOffset(node ast.Node) int {
	for c := node; c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	// An inline node without text: use its parent's first line.
	for p := node.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

func rawText(node *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := range node.Segments.Len() {
		seg := node.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

func linkText(node ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(node, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// mayHaveMarkup is a fast, conservative filter: text without these characters has no
// HTML, heading, link, autolink or image for the checks to find, so goldmark need not
// parse it. A setext heading's underline (=== or ---) ends its line with = or -.
func mayHaveMarkup(s string) bool {
	return strings.ContainsAny(s, "<#[@=") ||
		strings.Contains(s, "://") || strings.Contains(s, "www.") ||
		strings.Contains(s, "-\n") || strings.HasSuffix(strings.TrimRight(s, " \n"), "-")
}

// Hugo reads these in any text it renders as content, before Markdown: `{{< name >}}`
// and `{{% name %}}` call a shortcode (which can embed other sites, read the site's
// configuration or fetch from the network at build), `{{</* … */>}}` is its comment
// form. Data is never a page's content, so none of them is allowed anywhere in a
// Markdown value, code included. The site neutralises the openers too
// (layouts/_partials/markdown.html), should anything reach it unchecked.
var shortcodeDelims = []struct{ delim, instead string }{
	{"{{<", "{&#123;< in text or { {< in code"},
	{"{{%", "{&#123;% in text or { {% in code"},
	{">}}", "> }} (with a space)"},
	{"%}}", "% }} (with a space)"},
}

// shortcodes reports every shortcode delimiter in s at its line and column; false when
// there was one.
func (w *walker) shortcodes(n *yaml.Node, s, key string) bool {
	if !strings.Contains(s, "{{") && !strings.Contains(s, "}}") {
		return true
	}
	ok := true
	for _, d := range shortcodeDelims {
		for off := 0; ; {
			i := strings.Index(s[off:], d.delim)
			if i < 0 {
				break
			}
			line, col := w.locate(n, s, off+i, d.delim)
			w.p.errorf(line, col, key, "markdown_shortcode", diag.A{"delim": d.delim, "instead": d.instead})
			ok = false
			off += i + len(d.delim)
		}
	}
	return ok
}
