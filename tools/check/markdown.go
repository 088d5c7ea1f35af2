package check

import (
	"bytes"
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
	if !mayHaveMarkup(s) {
		return
	}
	src := []byte(s)
	doc := markdown.Parser().Parser().Parse(text.NewReader(src))
	report := func(offset int, format string, args ...any) {
		line, col := w.sourcePosition(n, src, offset)
		w.p.errorf(line, col, key, format, args...)
	}
	w.linkKey = key
	w.offsetPosition = func(offset int) (int, int) { return w.sourcePosition(n, src, offset) }
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *ast.HTMLBlock:
			report(firstOffset(node), "raw HTML is not allowed; write Markdown (e.g. **bold**, [text](https://…))")
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			off := 0
			if node.Segments.Len() > 0 {
				off = node.Segments.At(0).Start
			}
			report(off, "raw HTML %q is not allowed; write Markdown", rawText(node, src))
		case *ast.Heading:
			if node.Level < 3 {
				report(firstOffset(node), "heading level %d (%s) is not allowed; the page owns levels 1 and 2: start at ###", node.Level, strings.Repeat("#", node.Level))
			}
		case *ast.Link:
			w.link(report, firstOffset(node), string(node.Destination), linkText(node, src))
		case *ast.AutoLink:
			w.link(report, firstOffset(node), string(node.URL(src)), string(node.Label(src)))
		case *ast.Image:
			report(firstOffset(node), "images are not allowed in entries; link to the image instead")
		}
		return ast.WalkContinue, nil
	})
}

func (w *walker) link(report func(int, string, ...any), off int, dest, label string) {
	switch {
	case strings.TrimSpace(label) == "":
		report(off, "link to %q has no text; write [what the reader will find](%s)", dest, dest)
	case dest == "":
		report(off, "link %q has no destination", label)
	case strings.HasPrefix(dest, "mailto:"):
	case strings.HasPrefix(dest, "/en/"), strings.HasPrefix(dest, "/fr/"):
		// A page of the site: checked once every entry is known.
		path, _, _ := strings.Cut(dest, "#")
		path, _, _ = strings.Cut(path, "?")
		line, col := w.offsetPosition(off)
		w.e.links = append(w.e.links, siteLink{path: path, key: w.linkKey, line: line, col: col})
	default:
		if msg := checkURL(dest); msg != "" {
			report(off, "link %s; or a site path starting with /en/ or /fr/", msg)
		}
	}
}

// sourcePosition maps a byte offset in a scalar's value to its line and column in the
// file. Block scalars (| and >) keep their lines; other styles are reported at the value.
func (w *walker) sourcePosition(n *yaml.Node, value []byte, offset int) (int, int) {
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		return n.Line, n.Column
	}
	lineInValue := bytes.Count(value[:offset], []byte("\n"))
	start := bytes.LastIndexByte(value[:offset], '\n') + 1
	colInValue := len([]rune(string(value[start:offset])))
	// Blank lines inside a block scalar have no indentation; find it on the first line.
	line := n.Line + 1 + lineInValue
	indent := 0
	lines := bytes.Split(w.p.src, []byte("\n"))
	if n.Line < len(lines) {
		first := lines[n.Line] // the line after the indicator (0-based index n.Line)
		indent = len(first) - len(bytes.TrimLeft(first, " "))
	}
	return line, indent + colInValue + 1
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
