// The shape of a Markdown value (its size, depth and lines), checked in one pass before
// goldmark parses it, so that no value can make the parser's work grow without bound.

package check

import (
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// Limits on the shape of Markdown, checked in one pass before goldmark parses it: the
// shapes goldmark (in the validator and in Hugo) takes quadratic time or output on.
// Text that a person writes stays far inside them.
const (
	maxBracketDepth = 4    // [ inside [ (a linked image is 2)
	maxBrackets     = 1000 // [ in one value (links, images, references)
	maxContainers   = 6    // quotes and list markers opened on one line
	maxIndent       = 16   // leading spaces outside fenced code (nested lists)
	maxTableCells   = 21   // | on one line: a table of 20 columns
	maxTableLines   = 300  // lines holding a |
	maxEmphasisRuns = 2000 // runs of *, _ or ~
	maxBacktickRun  = 16   // ` in a row (a fence needs 3)
	maxBacktickRuns = 2000 // runs of `
	// Every "](" makes goldmark read a link destination up to its ")" (or to the end of
	// the paragraph when there is none): the sum of those distances in one text.
	maxDestinationScan = 200_000

	maxMarkdownFindings = 10 // findings reported per text, then a count
)

// markdownShape reports the first shape of s that exceeds the limits above; false
// when there was one (goldmark is then not run on s).
func (w *walker) markdownShape(n *yaml.Node, s, key string) bool {
	off, msg := markdownShapeProblem(s)
	if off < 0 {
		return true
	}
	token := s[off:min(len(s), off+1)]
	line, col := w.locate(n, s, off, token)
	w.p.errorf(line, col, key, msg.Code, msg.Args)
	return false
}

// markdownShapeProblem returns the offset and message of the first shape of s beyond
// the limits, or -1. It runs in time linear in len(s).
func markdownShapeProblem(s string) (int, diag.Msg) {
	depth, brackets, tableLines, emphasis, backtickRuns := 0, 0, 0, 0, 0
	fence := ""
	// Open "](" not yet closed by ")": their number, the offset of the first and the sum
	// of their offsets; scan is the sum of the distances settled so far.
	open, firstOpen, openSum, scan := 0, 0, 0, 0
	settle := func(at int) bool {
		scan += open*at - openSum
		open, openSum = 0, 0
		return scan <= maxDestinationScan
	}
	scanMessage := diag.M("md_unclosed_links", nil)
	for lineStart := 0; lineStart < len(s); {
		lineEnd := strings.IndexByte(s[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(s)
		} else {
			lineEnd += lineStart
		}
		line := s[lineStart:lineEnd]
		next := lineEnd + 1
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		// Fenced code: its lines are text to goldmark, indentation included.
		if f := fenceOf(trimmed); f != "" && (fence == "" || strings.HasPrefix(f, fence[:1]) && len(f) >= len(fence)) {
			if fence == "" {
				fence = f
			} else if strings.TrimSpace(trimmed[len(f):]) == "" {
				fence = ""
			}
			lineStart = next
			continue
		}
		if fence != "" {
			lineStart = next
			continue
		}
		if indent > maxIndent {
			return lineStart, diag.M("md_indent", diag.A{"indent": indent, "max": maxIndent, "depth": maxIndent / 2})
		}
		// Containers opened on this line: > and list markers.
		containers, r := 0, trimmed
		for {
			r = strings.TrimLeft(r, " ")
			if strings.HasPrefix(r, ">") {
				r = r[1:]
			} else if len(r) >= 2 && strings.IndexByte("-*+", r[0]) >= 0 && r[1] == ' ' {
				r = r[2:]
			} else if m := orderedMarker(r); m > 0 {
				r = r[m:]
			} else {
				break
			}
			if containers++; containers > maxContainers {
				return lineStart, diag.M("md_containers", diag.A{"max": maxContainers})
			}
		}
		if c := strings.Count(line, "|"); c > 0 {
			if c > maxTableCells {
				return lineStart + strings.IndexByte(line, '|'), diag.M("md_table_cells", diag.A{"count": c, "max": maxTableCells - 1})
			}
			if tableLines++; tableLines > maxTableLines {
				return lineStart + strings.IndexByte(line, '|'), diag.M("md_table_lines", diag.A{"max": maxTableLines})
			}
		}
		for i := 0; i < len(line); i++ {
			switch c := line[i]; c {
			case '\\':
				i++ // an escaped character is text
			case '[':
				depth++
				brackets++
				if depth > maxBracketDepth {
					return lineStart + i, diag.M("md_bracket_depth", diag.A{"max": maxBracketDepth})
				}
				if brackets > maxBrackets {
					return lineStart + i, diag.M("md_brackets", diag.A{"max": maxBrackets})
				}
			case ']':
				if depth > 0 {
					depth--
				}
				if i+1 < len(line) && line[i+1] == '(' {
					if open == 0 {
						firstOpen = lineStart + i
					}
					open++
					openSum += lineStart + i
				}
			case ')':
				if open > 0 && !settle(lineStart+i) {
					return firstOpen, scanMessage
				}
			case '*', '_', '~':
				if i == 0 || line[i-1] != c {
					if emphasis++; emphasis > maxEmphasisRuns {
						return lineStart + i, diag.M("md_emphasis", diag.A{"max": maxEmphasisRuns})
					}
				}
			case '`':
				j := i
				for j < len(line) && line[j] == '`' {
					j++
				}
				if j-i > maxBacktickRun {
					return lineStart + i, diag.M("md_backtick_run", diag.A{"count": j - i, "max": maxBacktickRun})
				}
				if backtickRuns++; backtickRuns > maxBacktickRuns {
					return lineStart + i, diag.M("md_backtick_runs", diag.A{"max": maxBacktickRuns})
				}
				i = j - 1
			}
		}
		if strings.TrimSpace(line) == "" {
			depth = 0 // a blank line ends the paragraph, its brackets and its links
			if !settle(lineStart) {
				return firstOpen, scanMessage
			}
		}
		lineStart = next
	}
	if !settle(len(s)) {
		return firstOpen, scanMessage
	}
	return -1, diag.Msg{}
}

// fenceOf returns the fence that opens or closes a fenced code block at the start of a
// line (``` or ~~~, or longer), or "".
func fenceOf(line string) string {
	for _, c := range []byte{'`', '~'} {
		i := 0
		for i < len(line) && line[i] == c {
			i++
		}
		if i >= 3 {
			return line[:i]
		}
	}
	return ""
}

// orderedMarker returns the length of an ordered-list marker ("1. ", "12) ") at the start
// of s, or 0.
func orderedMarker(s string) int {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' && s[i] != ')' || s[i+1] != ' ' {
		return 0
	}
	return i + 2
}
