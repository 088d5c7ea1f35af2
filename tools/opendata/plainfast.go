package opendata

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// plainText is Plain for the many texts that are only paragraphs of words, without
// running goldmark: every line empty or starting with a letter, none with a space at
// either end or two in a row, and no character that Markdown, its linkify extension,
// HTML or the steps after it would read otherwise (only letters, digits, marks, single
// spaces, line breaks and .,;'"()%?/$€-+ and the typographic quotes and dashes). There
// goldmark makes a <p> of each paragraph, its lines joined by line breaks that the
// steps after turn into spaces, and the paragraphs end up one per line (or joined by a
// space, with line). ok is false for any other text, which Plain renders.
// TestPlainFastSame compares both on the fixtures, the generated corpus and random
// texts.
func plainText(md string, line bool) (text string, ok bool) {
	if strings.Contains(md, "  ") || strings.Contains(strings.ToLower(md), "www.") {
		return "", false
	}
	var paras []string
	var cur []string
	for _, l := range strings.Split(md, "\n") {
		if l == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, " "))
				cur = nil
			}
			continue
		}
		if first, _ := utf8.DecodeRuneInString(l); !unicode.IsLetter(first) || l[len(l)-1] == ' ' {
			return "", false
		}
		for _, r := range l {
			if !plainRune(r) {
				return "", false
			}
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	sep := "\n"
	if line {
		sep = " "
	}
	return strings.Join(paras, sep), true
}

// plainRune reports whether r means nothing but itself in a paragraph of plainText.
func plainRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune(`.,;'"()%?/$-+`, r)
	case unicode.IsSpace(r) || r == utf8.RuneError:
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || strings.ContainsRune("’‘“”«»–—…€", r)
}
