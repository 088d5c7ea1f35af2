package opendatatest

import (
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/markdown"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// plainText is what the open data's NAME_text fields must hold for a Markdown value,
// worked out here from goldmark's syntax tree (not from the site's HTML): one line per
// paragraph, heading, list item or code block, the text of inline elements (emphasis,
// links, code) kept and their markup dropped, soft line breaks as spaces. With line
// set, the lines are joined with spaces (a list item of lessons_text).
func plainText(md string, line bool) string {
	src := []byte(md)
	doc := markdown.Parser().Parser().Parse(text.NewReader(src))
	var lines []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			flush()
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if entering {
				flush()
				l := n.Lines()
				for i := range l.Len() {
					s := l.At(i)
					cur.Write(s.Value(src))
				}
				flush()
			}
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				cur.Write(n.Segment.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					cur.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				cur.Write(n.Value)
			}
		case *ast.AutoLink:
			if entering {
				cur.Write(n.Label(src))
			}
		}
		return ast.WalkContinue, nil
	})
	flush()
	sep := "\n"
	if line {
		sep = " "
	}
	return strings.Join(lines, sep)
}

// TestPlainTextOracle: the oracle itself, on the shapes the fixture uses.
func TestPlainTextOracle(t *testing.T) {
	for _, c := range []struct {
		md, want string
		line     bool
	}{
		{"Many clients could not **use** it.\n\n### Context\n\nOffices were far.\n", "Many clients could not use it.\nContext\nOffices were far.", false},
		{"See [the beta page](/en/projects/beta/).", "See the beta page.", false},
		{"Pick one.\n\n- Name the decision.\n- Find the data.\n", "Pick one.\nName the decision.\nFind the data.", false},
		{"A *lesson*\non two lines.", "A lesson on two lines.", true},
		{"Two.\n\nParagraphs.", "Two. Paragraphs.", true},
	} {
		if got := plainText(c.md, c.line); got != c.want {
			t.Errorf("plainText(%q) = %q, want %q", c.md, got, c.want)
		}
	}
}
