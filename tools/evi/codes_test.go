package evi

import (
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/pssdc/guide-iad/tools/diag"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// wantErr is one expected Error: where, which code, which Args.
type wantErr struct {
	line   int
	column string
	code   Code
	args   map[string]any
}

// a builds Args from name, value pairs.
func a(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// at is the Args of a place in the configuration.
func at(section, name, key string, more ...any) map[string]any {
	return a(append([]any{"section", section, "name", name, "key", key}, more...)...)
}

// codeCase is an input that fails, and the errors it must give.
type codeCase struct {
	name string
	run  func(t *testing.T) error
	want []wantErr
}

func csvCase(name, data string, lim limits, want ...wantErr) codeCase {
	return codeCase{name: "csv/" + name, want: want, run: func(t *testing.T) error {
		_, err := readCSV(strings.NewReader(data), mustConfig(t, csvConfig), lim)
		return err
	}}
}

func configCase(name, src string, want ...wantErr) codeCase {
	return codeCase{name: "config/" + name, want: want, run: func(*testing.T) error {
		_, err := ParseConfig([]byte(src))
		return err
	}}
}

const choicesConfig = "columns: {code: c, population: p}\nthemes: {a: , b: }\nindicators:\n  x: {theme: a, direction: 1}\n  y: {theme: b, direction: -1}\n"

func choicesCase(name string, choices []Choice, want ...wantErr) codeCase {
	return codeCase{name: "choices/" + name, want: want, run: func(t *testing.T) error {
		_, _, err := mustConfig(t, choicesConfig).WithChoices(choices)
		return err
	}}
}

// codeCases are the inputs of TestErrorCodes, one or more per code: every code of
// Codes must appear (TestErrorCodesCovered), and the English i18n strings must word
// each of these errors as Error.Msg does (TestEnglishStringsMatchMessages).
func codeCases() []codeCase {
	const cols = "columns: {code: code, population: pop}\n"
	many := new(strings.Builder)
	many.WriteString(cols + "indicators:\n")
	for i := range MaxIndicators + 1 {
		fmt.Fprintf(many, "  x%d: {theme: t, direction: 1}\n", i)
	}
	d := defaultLimits
	return append([]codeCase{
		// The data file.
		csvCase("empty file", "", d, wantErr{0, "", CodeCSVEmpty, nil}),
		csvCase("bare quote", csvHeader+"A,a\"b,a,10,1,2\n", d, wantErr{2, "", CodeCSVBareQuote, nil}),
		csvCase("quote not closed", csvHeader+"A,\"a,a,10,1,2\n", d, wantErr{2, "", CodeCSVQuote, nil}),
		{name: "csv/other syntax", want: []wantErr{{7, "", CodeCSVSyntax, a("detail", "odd")}}, run: func(*testing.T) error {
			return csvError(&csv.ParseError{StartLine: 7, Line: 7, Column: 1, Err: errors.New("odd")})
		}},
		csvCase("duplicate column", "code,name_en,name_fr,population,speed,pct_no_internet,speed\nA,a,a,1,2,3,4\n", d,
			wantErr{1, "", CodeCSVDuplicateColumn, a("name", "speed", "first", 5, "second", 7)}),
		csvCase("missing columns", "population,pct_no_internet\nA,1\n", d,
			wantErr{1, "", CodeCSVMissingColumn, a("name", "code", "role", "code")},
			wantErr{1, "", CodeCSVMissingColumn, a("name", "name_en", "role", "name_en")},
			wantErr{1, "", CodeCSVMissingColumn, a("name", "name_fr", "role", "name_fr")},
			wantErr{1, "", CodeCSVMissingColumn, a("name", "speed", "role", "indicator")}),
		csvCase("missing column, other case", "code,name_en,name_fr,Population,pct_no_internet,speed\nA,a,a,1,2,3\n", d,
			wantErr{1, "", CodeCSVMissingCase, a("name", "population", "role", "population", "found", "Population")}),
		csvCase("too many rows", csvHeader+"A,a,a,1,1,2\nB,b,b,1,1,2\nC,c,c,1,1,2\n", limits{rows: 2, errors: 20},
			wantErr{4, "", CodeCSVTooManyRows, a("limit", 2)}),
		csvCase("field count", csvHeader+"A,a,a,10,1,2\nB,b,b,10\n", d,
			wantErr{3, "", CodeCSVFieldCount, a("fields", 4, "expected", 6)}),
		csvCase("too many errors", csvHeader+"A,a,a,?,1,2\nB,b,b,?,?,2\n", limits{rows: 100, errors: 2},
			wantErr{2, "population", CodeCSVNotNumber, a("value", "?")},
			wantErr{3, "population", CodeCSVNotNumber, a("value", "?")},
			wantErr{3, "", CodeCSVTooManyErrors, a("limit", 2)}),
		csvCase("header only", csvHeader, d, wantErr{0, "", CodeCSVNoRows, nil}),
		csvCase("empty code", csvHeader+" ,a,a,10,1,2\n", d, wantErr{2, "code", CodeCSVEmptyCode, nil}),
		csvCase("duplicate code", csvHeader+"A,a,a,10,1,2\nA,b,b,10,1,2\n", d,
			wantErr{3, "code", CodeCSVDuplicateCode, a("value", "A", "first", 2)}),
		csvCase("negative population", csvHeader+"A,a,a, -5 ,1,2\n", d,
			wantErr{2, "population", CodeCSVNegative, a("value", "-5")}),
		csvCase("not UTF-8", csvHeader+"A,a,Montr\xe9al,10,1,2\n", d, wantErr{2, "name_fr", CodeCSVInvalidUTF8, nil}),
		csvCase("too large", csvHeader+"A,a,a,10,1e999,2\n", d,
			wantErr{2, "pct_no_internet", CodeCSVTooLarge, a("value", "1e999")}),
		csvCase("not a number", csvHeader+"A,a,a,10,abc,0x10\n", d,
			wantErr{2, "pct_no_internet", CodeCSVNotNumber, a("value", "abc")},
			wantErr{2, "speed", CodeCSVNotNumber, a("value", "0x10")}),
		csvCase("thousands separator, commas", csvHeader+"A,a,a,\"1,234\",1,2\n", d,
			wantErr{2, "population", CodeCSVNotNumberComma, a("value", "1,234")}),
		csvCase("thousands separator, semicolons", strings.ReplaceAll(csvHeader, ",", ";")+"A;a;a;1 234;1,5;1.234,5\n", d,
			wantErr{2, "population", CodeCSVNotNumberSpace, a("value", "1 234")},
			wantErr{2, "speed", CodeCSVNotNumberSpace, a("value", "1.234,5")}),

		// The configuration.
		configCase("too large", "# "+strings.Repeat("x", MaxConfigBytes),
			wantErr{0, "", CodeConfigTooLarge, a("limit", MaxConfigBytes)}),
		configCase("YAML: other", "a: *x\n",
			wantErr{0, "", CodeConfigYAMLSyntax, a("detail", "unknown anchor 'x' referenced")}),
		configCase("YAML: tab", "columns:\n\tcode: a\n",
			wantErr{2, "", CodeConfigYAMLBadStart, a("detail", "found character that cannot start any token")}),
		configCase("YAML: indented less", "columns:\n  code: a\n population: b\n",
			wantErr{2, "", CodeConfigYAMLExpectedKey, a("detail", "did not find expected key")}),
		configCase("YAML: indented more", "columns:\n  code: a\n  population: p: q\n",
			wantErr{3, "", CodeConfigYAMLColon, a("detail", "mapping values are not allowed in this context")}),
		configCase("YAML: key in a list", "- a\nb: c\n",
			wantErr{1, "", CodeConfigYAMLExpectedDash, a("detail", "did not find expected '-' indicator")}),
		configCase("YAML: no colon", "a: |\n b\nc\n",
			wantErr{3, "", CodeConfigYAMLNoColon, a("detail", "could not find expected ':'")}),
		configCase("YAML: [ not closed", "columns: [a, b\n",
			wantErr{1, "", CodeConfigYAMLUnclosed, a("detail", "did not find expected ',' or ']'")}),
		configCase("YAML: { not closed", "columns: {a: b\n",
			wantErr{1, "", CodeConfigYAMLUnclosed, a("detail", "did not find expected ',' or '}'")}),
		configCase("YAML: quote not closed", "a: \"b\n",
			wantErr{2, "", CodeConfigYAMLEnd, a("detail", "found unexpected end of stream")}),
		configCase("YAML: escape", "a: \"\\q\"\n",
			wantErr{0, "", CodeConfigYAMLEscape, a("detail", "found unknown escape character")}),
		configCase("YAML: not UTF-8", "a: \xff\n",
			wantErr{0, "", CodeConfigYAMLEncoding, a("detail", "invalid UTF-8")}),
		configCase("YAML: control character", "a: \x01\n",
			wantErr{0, "", CodeConfigYAMLEncoding, a("detail", "control characters are not allowed")}),
		configCase("empty", "# nothing\n", wantErr{0, "", CodeConfigEmpty, nil}),
		configCase("not a mapping", "- columns\n", wantErr{1, "", CodeConfigNotMapping, nil}),
		configCase("indicator not a mapping", cols+"indicators:\n  x: 3\n",
			wantErr{3, "", CodeConfigExpectedMapping, at("indicators", "x", "")}),
		configCase("columns not a mapping", "columns: code\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{1, "", CodeConfigExpectedMapping, at("columns", "", "")}),
		configCase("key not plain", cols+"indicators:\n  ? [a]\n  : {theme: t, direction: 1}\n  x: {theme: t, direction: 1}\n",
			wantErr{3, "", CodeConfigExpectedPlainKey, at("indicators", "", "")}),
		configCase("duplicate indicator", cols+"indicators:\n  x: {theme: t, direction: 1}\n  x: {theme: t, direction: -1}\n",
			wantErr{4, "", CodeConfigDuplicateKey, at("indicators", "", "", "value", "x", "first", 3)}),
		configCase("duplicate key of a theme", cols+"themes:\n  t: {label_en: A, label_en: B}\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{3, "", CodeConfigDuplicateKey, at("themes", "t", "", "value", "label_en", "first", 3)}),
		configCase("not a text", "columns: {code: [a], population: p}\nthemes:\n  t: {label_fr: {a: b}}\nindicators:\n  x: {theme: [t], direction: 1}\n",
			wantErr{1, "", CodeConfigExpectedText, at("columns", "", "code")},
			wantErr{1, "", CodeConfigNoCode, nil},
			wantErr{3, "", CodeConfigExpectedText, at("themes", "t", "label_fr")},
			wantErr{5, "", CodeConfigExpectedText, at("indicators", "x", "theme")}),
		configCase("unknown section", cols+"indicator:\n  x: {theme: t, direction: 1}\n",
			wantErr{1, "", CodeConfigNoIndicators, nil},
			wantErr{2, "", CodeConfigUnknownSection, a("value", "indicator")}),
		configCase("missing_values not a list", cols+"indicators:\n  x: {theme: t, direction: 1}\nmissing_values: -999\n",
			wantErr{4, "", CodeConfigMissingValuesList, nil}),
		configCase("missing_values too many", cols+"indicators:\n  x: {theme: t, direction: 1}\nmissing_values: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21]\n",
			wantErr{4, "", CodeConfigMissingValuesMany, a("count", 21, "limit", MaxMissingValues)}),
		configCase("missing_values empty, bad, twice", cols+"indicators:\n  x: {theme: t, direction: 1}\nmissing_values:\n  - ''\n  - 'a,b'\n  - -999\n  - '-999'\n",
			wantErr{5, "", CodeConfigMissingValueEmpty, nil},
			wantErr{6, "", CodeConfigMissingValueBad, a("value", "a,b")},
			wantErr{8, "", CodeConfigMissingValueTwice, a("value", "-999")}),
		configCase("no columns", "indicators:\n  x: {theme: t, direction: 1}\n", wantErr{1, "", CodeConfigNoColumns, nil}),
		configCase("unknown column key", "columns: {code: c, population: p, name: n}\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{1, "", CodeConfigUnknownColumnKey, a("value", "name")}),
		configCase("no code, no population", "columns: {name_en: n}\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{1, "", CodeConfigNoCode, nil},
			wantErr{1, "", CodeConfigNoPopulation, nil}),
		configCase("code is population", "columns: {code: c, population: c}\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{1, "", CodeConfigCodeIsPopulation, a("value", "c")}),
		configCase("empty theme name", cols+"themes:\n  \" \": {}\n  t:\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{3, "", CodeConfigEmptyThemeID, nil}),
		configCase("weights", cols+"themes:\n  t: {weight: 0}\n  u: {weight: heavy}\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{3, "", CodeConfigBadWeight, a("name", "t", "value", "0")},
			wantErr{4, "", CodeConfigBadWeight, a("name", "u", "value", "heavy")}),
		configCase("unknown theme key", cols+"themes:\n  t: {label: T}\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{3, "", CodeConfigUnknownThemeKey, a("name", "t", "value", "label")}),
		configCase("no indicators", cols+"indicators: {}\n", wantErr{2, "", CodeConfigNoIndicator, nil}),
		configCase("too many indicators", many.String(),
			wantErr{3, "", CodeConfigTooMany, a("count", MaxIndicators+1, "limit", MaxIndicators)}),
		configCase("empty indicator name", cols+"indicators:\n  \"\": {theme: t, direction: 1}\n",
			wantErr{3, "", CodeConfigEmptyIndicator, nil}),
		configCase("indicator is a column of columns", "columns: {code: code, name_fr: nom, population: pop}\nindicators:\n  pop: {theme: t, direction: 1}\n  nom: {theme: t, direction: 1}\n",
			wantErr{3, "", CodeConfigReservedColumn, a("name", "pop", "reserved", "population")},
			wantErr{4, "", CodeConfigReservedColumn, a("name", "nom", "reserved", "name_fr")}),
		configCase("unknown indicator key", cols+"indicators:\n  x: {theme: t, direction: 1, weight: 2}\n",
			wantErr{3, "", CodeConfigUnknownIndKey, a("name", "x", "value", "weight")}),
		configCase("directions", cols+"indicators:\n  x: {theme: t}\n  y: {theme: t, direction: up}\n  z:\n    theme: t\n    direction: 2\n",
			wantErr{3, "", CodeConfigNoDirection, a("name", "x")},
			wantErr{4, "", CodeConfigBadDirection, a("name", "y", "value", "up")},
			wantErr{7, "", CodeConfigBadDirection, a("name", "z", "value", "2")}),
		configCase("themes of indicators", cols+"indicators:\n  x: {direction: 1}\n  y: {theme: \"\", direction: 1}\n",
			wantErr{3, "", CodeConfigNoTheme, a("name", "x")},
			wantErr{4, "", CodeConfigEmptyTheme, a("name", "y")}),
		configCase("undeclared theme", cols+"themes:\n  access:\n  skills:\nindicators:\n  x: {theme: acces, direction: 1}\n  y: {theme: skills, direction: 1}\n",
			wantErr{6, "", CodeConfigUndeclaredTheme, a("name", "x", "value", "acces", "declared", []string{"access", "skills"})}),
		configCase("no theme declared", cols+"themes: {}\nindicators:\n  x: {theme: t, direction: 1}\n",
			wantErr{4, "", CodeConfigUndeclaredTheme, a("name", "x", "value", "t", "declared", []string{})}),
		configCase("theme without indicators", cols+"themes:\n  access:\n  skills:\nindicators:\n  x: {theme: access, direction: 1}\n",
			wantErr{4, "", CodeConfigUnusedTheme, a("name", "skills")}),

		// The choices of the web tool.
		choicesCase("bad choices", []Choice{{"w", "a", 1}, {"x", "c", 1}, {"y", "b", 0}, {"y", "b", 1}},
			wantErr{0, "w", CodeChoiceNotIndicator, nil},
			wantErr{0, "x", CodeChoiceUnknownTheme, a("value", "c", "themes", []string{"a", "b"})},
			wantErr{0, "y", CodeChoiceBadDirection, a("value", 0)},
			wantErr{0, "y", CodeChoiceTwice, nil}),
	}, serviceCodeCases()...)
}

// caseErrors runs a case and returns its ErrorList.
func caseErrors(t *testing.T, c codeCase) ErrorList {
	t.Helper()
	err := c.run(t)
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want an ErrorList", err)
	}
	return list
}

// TestErrorCodes: each kind of error has its code and Args, exactly the Args its code
// declares, beside the English message.
func TestErrorCodes(t *testing.T) {
	for _, c := range codeCases() {
		t.Run(c.name, func(t *testing.T) {
			list := caseErrors(t, c)
			if len(list) != len(c.want) {
				t.Fatalf("%d errors, want %d:\n%v", len(list), len(c.want), list)
			}
			for i, e := range list {
				w := c.want[i]
				if e.Line != w.line || e.Column != w.column || e.Code != w.code {
					t.Errorf("error %d: line %d, column %q, code %q; want %d, %q, %q (%s)", i, e.Line, e.Column, e.Code, w.line, w.column, w.code, e)
				}
				if w.args == nil {
					w.args = map[string]any{}
				}
				got := e.Args
				if got == nil {
					got = map[string]any{}
				}
				if !reflect.DeepEqual(got, w.args) {
					t.Errorf("error %d (%s): Args %#v, want %#v", i, e.Code, got, w.args)
				}
				if !slices.Contains(Codes(), e.Code) {
					t.Errorf("error %d: code %q is not in Codes", i, e.Code)
				}
				if m := e.Message(); diag.CheckArgs(m.Code, m.Args) != nil {
					t.Errorf("error %d: %v", i, diag.CheckArgs(m.Code, m.Args))
				}
				if names := slices.Sorted(maps.Keys(got)); !slices.Equal(names, slices.Sorted(slices.Values(e.Code.Args()))) {
					t.Errorf("error %d (%s): Args %v, but the code declares %v", i, e.Code, names, e.Code.Args())
				}
				for name, v := range got {
					switch v.(type) {
					case string, int, []string:
					default:
						t.Errorf("error %d (%s): Args[%q] is a %T, not a string, int or []string", i, e.Code, name, v)
					}
					if list, ok := terms[name]; ok && !slices.Contains(list, v.(string)) {
						t.Errorf("error %d (%s): Args[%q] = %q, not one of the terms %v", i, e.Code, name, v, list)
					}
				}
			}
		})
	}
}

// TestErrorCodesCovered: every code of Codes is produced by some case of codeCases,
// so that each has its Args checked and its English string compared.
func TestErrorCodesCovered(t *testing.T) {
	seen := map[Code]bool{}
	for _, c := range codeCases() {
		for _, w := range c.want {
			seen[w.code] = true
		}
	}
	for _, c := range Codes() {
		if !seen[c] {
			t.Errorf("no case of codeCases produces %q", c)
		}
	}
	if len(Codes()) < 60 {
		t.Errorf("only %d codes", len(Codes()))
	}
}

// TestErrorWrapped: an ErrorList wrapped with %w is still found by errors.As, as a list
// and as its first *Error.
func TestErrorWrapped(t *testing.T) {
	_, err := ParseConfig([]byte("columns: {code: c}\nindicators:\n  x: {direction: 1}\n"))
	wrapped := fmt.Errorf("config.yaml: %w", err)
	var list ErrorList
	if !errors.As(wrapped, &list) || len(list) != 2 {
		t.Fatalf("errors.As(ErrorList): %v", wrapped)
	}
	var e *Error
	if !errors.As(wrapped, &e) || e != list[0] || e.Code != CodeConfigNoPopulation {
		t.Errorf("errors.As(*Error) gives %v, want the first error, %s", e, list[0])
	}
	if in := list.InFile("c.yaml"); in[0].Code != list[0].Code || !reflect.DeepEqual(in[1].Args, list[1].Args) {
		t.Error("InFile loses Code or Args")
	}
}
