package check

import (
	"bytes"
	"fmt"
	"github.com/pssdc/guide-iad/tools/diag"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Text rules that apply to every value: no invisible or control characters anywhere (keys
// included), no markup a browser could read in plain text. Each finding is reported at
// the line and column of the offending characters in the file.

// runeNames names the invisible characters a contributor is most likely to meet (pasted
// from a word processor or a web page) or an attacker to use (bidi overrides that reorder
// what a reviewer reads, zero-width characters that hide text).
var runeNames = map[rune]string{
	0x0000: "NULL", 0x0007: "BELL", 0x0008: "BACKSPACE", 0x0009: "CHARACTER TABULATION",
	0x000B: "LINE TABULATION", 0x000C: "FORM FEED", 0x001B: "ESCAPE", 0x007F: "DELETE",
	0x0085: "NEXT LINE", 0x00AD: "SOFT HYPHEN", 0x061C: "ARABIC LETTER MARK",
	0x115F: "HANGUL CHOSEONG FILLER", 0x1160: "HANGUL JUNGSEONG FILLER",
	0x180E: "MONGOLIAN VOWEL SEPARATOR",
	0x200B: "ZERO WIDTH SPACE", 0x200C: "ZERO WIDTH NON-JOINER", 0x200D: "ZERO WIDTH JOINER",
	0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK",
	0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
	0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING",
	0x202C: "POP DIRECTIONAL FORMATTING", 0x202D: "LEFT-TO-RIGHT OVERRIDE",
	0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2060: "WORD JOINER", 0x2061: "FUNCTION APPLICATION",
	0x2062: "INVISIBLE TIMES", 0x2063: "INVISIBLE SEPARATOR", 0x2064: "INVISIBLE PLUS",
	0x2066: "LEFT-TO-RIGHT ISOLATE", 0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
	0x3164: "HANGUL FILLER", 0xFEFF: "ZERO WIDTH NO-BREAK SPACE",
	0xFFA0: "HALFWIDTH HANGUL FILLER",
	0xFFF9: "INTERLINEAR ANNOTATION ANCHOR", 0xFFFA: "INTERLINEAR ANNOTATION SEPARATOR",
	0xFFFB: "INTERLINEAR ANNOTATION TERMINATOR",
}

// assigned holds every code point Go's Unicode tables know; the rest is unassigned.
// (unicode.C is no use here: it counts unassigned code points as "other".)
var assigned = []*unicode.RangeTable{unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z,
	unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs}

// forbiddenRune says why r may not appear in a value or key (no code when it may). Line feed
// is the line end of block scalars; tab is allowed only in Markdown (code), which its
// caller decides. U+00A0 (no-break space) and U+202F (narrow no-break space) are
// ordinary characters of French typography and are allowed.
func forbiddenRune(r rune) diag.Msg {
	if r < 0x7F {
		if r >= 0x20 || r == '\n' || r == '\t' {
			return diag.Msg{}
		}
	} else if r >= 0xA0 && r < 0x300 && r != 0xAD {
		return diag.Msg{} // Latin-1 and Latin Extended: the common case of French text
	}
	name, known := runeNames[r]
	var what diag.Msg
	switch {
	case r >= 0xE0000 && r <= 0xE007F:
		what = diag.M("rune_tag", nil)
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		what = diag.M("rune_noncharacter", nil)
	case unicode.Is(unicode.Cc, r):
		what = diag.M("rune_control", nil)
	case unicode.Is(unicode.Cf, r), known:
		what = diag.M("rune_invisible", nil)
	case unicode.Is(unicode.Co, r):
		what = diag.M("rune_private", nil)
	case r == 0x2028 || r == 0x2029:
		what = diag.M("rune_line_break", nil)
	case !unicode.In(r, assigned...):
		what = diag.M("rune_unassigned", diag.A{"version": unicode.Version})
	default:
		return diag.Msg{}
	}
	if known {
		return diag.M("rune_named", diag.A{"code": fmt.Sprintf("U+%04X", r), "name": name, "what": what})
	}
	return diag.M("rune", diag.A{"code": fmt.Sprintf("U+%04X", r), "what": what})
}

// firstForbidden returns the byte offset and description of the first forbidden rune
// in s, or -1. Tabs are allowed when tab is true.
func firstForbidden(s string, tab bool) (int, diag.Msg) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7F || c == '\n' || c == '\t' && tab {
				i++
				continue
			}
			if c == '\t' {
				return i, diag.M("rune_named", diag.A{"code": "U+0009", "name": runeNames['\t'], "what": diag.M("rune_tab", nil)})
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if why := forbiddenRune(r); why.Code != "" {
			return i, why
		}
		i += size
	}
	return -1, diag.Msg{}
}

// invisible reports the first forbidden character of every key and scalar value under
// n, whatever the key (comments are not values and may hold anything). Tabs are let
// through in values: Markdown code may hold them; plain text rejects them itself.
func (w *walker) invisible(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.ScalarNode:
		if off, why := firstForbidden(n.Value, true); off >= 0 {
			line, col := w.locate(n, n.Value, off, n.Value[off:off+runeLen(n.Value[off:])])
			w.p.errorf(line, col, key, "forbidden_char", diag.A{"char": why})
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kkey := join(key, k.Value)
			if off, why := firstForbidden(k.Value, false); off >= 0 {
				line, col := w.locate(k, k.Value, off, k.Value[off:off+runeLen(k.Value[off:])])
				w.p.errorf(line, col, key, "forbidden_char_key", diag.A{"char": why})
				kkey = join(key, "?")
			}
			w.invisible(v, kkey)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			w.invisible(c, fmt.Sprintf("%s[%d]", key, i))
		}
	}
}

// visible writes the forbidden characters of s as \u escapes.
func visible(s string) string {
	if off, _ := firstForbidden(s, true); off < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r != '\t' && forbiddenRune(r).Code != "" {
			fmt.Fprintf(&b, "\\u%04X", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func runeLen(s string) int {
	_, size := utf8.DecodeRuneInString(s)
	return size
}

// Plain text: what a browser could read as markup. A "<" followed by a letter, "/", "!"
// or "?" opens a tag, a comment, a declaration or a processing instruction, closed or
// not (`<svg/onload=…>`, `<img src=x onerror=…//`, `<!--`). A character reference
// (`&lt;`, `&#60;`, `&#x3c;`) has no use in plain text, which is never HTML: write the
// character itself.
var (
	markupStart  = regexp.MustCompile(`<[A-Za-z/!?]`)
	charRef      = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);`)
	lineMarker   = regexp.MustCompile(`^(#{1,6} |[*+-] |> |\d+\. )`)
	markdownMark = []string{"](", "**", "__", "`"}
)

func (w *walker) plain(n *yaml.Node, s, key string) {
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		line, col := w.locate(n, s, i, "\t")
		w.p.errorf(line, col, key, "plain_tab", nil)
		return
	}
	for _, d := range shortcodeDelims {
		if i := strings.Index(s, d.delim); i >= 0 {
			// Plain text is never rendered as content, but a template that one day did
			// would run it: refused as in Markdown.
			line, col := w.locate(n, s, i, d.delim)
			w.p.errorf(line, col, key, "plain_shortcode", diag.A{"delim": d.delim, "spaced": d.delim[:1] + " " + d.delim[1:]})
			return
		}
	}
	if strings.ContainsAny(s, "<&") {
		if loc := markupStart.FindStringIndex(s); loc != nil {
			end := min(len(s), loc[0]+20)
			if j := strings.IndexByte(s[loc[0]:end], '>'); j >= 0 {
				end = loc[0] + j + 1
			}
			line, col := w.locate(n, s, loc[0], s[loc[0]:loc[1]])
			w.p.errorf(line, col, key, "plain_html", diag.A{"html": s[loc[0]:end]})
			return
		}
		if loc := charRef.FindStringIndex(s); loc != nil {
			line, col := w.locate(n, s, loc[0], s[loc[0]:loc[1]])
			w.p.errorf(line, col, key, "plain_char_ref", diag.A{"ref": s[loc[0]:loc[1]]})
			return
		}
	}
	if mark, off := findMarkdownMark(s); mark != "" {
		line, col := w.locate(n, s, off, mark)
		w.p.errorf(line, col, key, "plain_markdown", diag.A{"mark": strings.TrimSpace(mark)})
	}
}

// findMarkdownMark returns the first Markdown mark in s and its offset: a link,
// emphasis, code, or a heading, list or quote marker at the start of a line.
func findMarkdownMark(s string) (string, int) {
	for _, m := range markdownMark {
		if i := strings.Index(s, m); i >= 0 {
			return m, i
		}
	}
	off := 0
	for line := range strings.SplitSeq(s, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		if m := lineMarker.FindString(trimmed); m != "" {
			return m, off + len(line) - len(trimmed)
		}
		off += len(line) + 1
	}
	return "", 0
}

// locate finds the line and column in the file of the text `token` that starts at byte
// offset off of the value of n: the k-th occurrence of token from the node's start in
// the source, k being its rank among the occurrences in the value. When the value does
// not hold it as written (an escape in a double-quoted string, a folded line), the
// position of the value itself is returned.
func (w *walker) locate(n *yaml.Node, value string, off int, token string) (int, int) {
	if token == "" || w.p.src == nil {
		return n.Line, n.Column
	}
	start := w.offsetOf(n.Line, n.Column)
	if start < 0 {
		return n.Line, n.Column
	}
	rank := strings.Count(value[:off], token)
	src := w.p.src[start:]
	pos := 0
	for {
		i := bytes.Index(src[pos:], []byte(token))
		if i < 0 {
			return n.Line, n.Column
		}
		if rank == 0 {
			return position(w.p.src, start+pos+i)
		}
		rank--
		pos += i + len(token)
	}
}

// offsetOf converts a 1-based line and column (in characters) to a byte offset in the
// source; -1 when out of range.
func (w *walker) offsetOf(line, col int) int {
	if w.lineStarts == nil {
		w.lineStarts = []int{0}
		for i, c := range w.p.src {
			if c == '\n' {
				w.lineStarts = append(w.lineStarts, i+1)
			}
		}
	}
	if line < 1 || line > len(w.lineStarts) {
		return -1
	}
	off := w.lineStarts[line-1]
	for c := 1; c < col && off < len(w.p.src) && w.p.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(w.p.src[off:])
		off += size
	}
	return off
}
