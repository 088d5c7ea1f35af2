package evi

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Error is one problem in a configuration or data file, worded for the person who has
// to fix the file: "data.csv:14: column "pct_no_internet": "abc" is not a number".
//
// Error() is that English text; Words gives it in French. Both come from the catalogue
// of package diag (code evi_err_<Code>, see Message). Code and Args say the same thing
// for a program that words it itself (the web tool: i18n key evi_err_<Code>, with
// {name} replaced by Args[name]). Every Error that a file can cause has a Code from
// Codes; Args then holds exactly the names that Code.Args lists.
type Error struct {
	File   string // the file's name as the user gave it; empty when unknown
	Line   int    // 1-based line in the file; 0 when the problem is not on one line
	Column string // the data column concerned, if any
	Msg    string // the English text, without file, line and column (Message in English)

	Code Code           // what kind of problem; see Codes
	Args map[string]any // what Msg names, by name: string, int or []string values

	detail *diag.Msg // Args["detail"] as a message of the catalogue, worded in each language
}

func (e *Error) Error() string { return e.Words("en") }

// ErrorList holds the problems found in one file, in file order. ParseConfig and
// ReadCSV return one (never an empty one) when the file is at fault; any other error
// they return is an I/O error.
type ErrorList []*Error

func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the errors of the list, so that errors.As finds an *Error (the first)
// in an ErrorList, wrapped or not.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// InFile returns a copy of l whose errors name the given file.
func (l ErrorList) InFile(name string) ErrorList {
	out := make(ErrorList, len(l))
	for i, e := range l {
		c := *e
		c.File = name
		out[i] = &c
	}
	return out
}

// err returns l as an error, or nil when it is empty (never a typed nil).
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Code is the stable, machine-readable name of a kind of Error. A code, once published,
// keeps its meaning and its Args: the catalogue of package diag words it (evi_err_<code>,
// which also says its Args) and the web tool has a translation for each (i18n key
// evi_err_<code>); tools/evi's tests fail when one is missing. A new kind of problem
// gets a new code.
type Code string

// The codes of the data file (ReadCSV). Row errors also set Error.Column.
const (
	CodeCSVEmpty           Code = "csv_empty"            // no header row
	CodeCSVBareQuote       Code = "csv_bare_quote"       // a " inside a field that is not quoted
	CodeCSVQuote           Code = "csv_quote"            // a quoted field not closed, or text after its closing "
	CodeCSVSyntax          Code = "csv_syntax"           // other CSV syntax: detail (encoding/csv's, worded by diag.Cause)
	CodeCSVDuplicateColumn Code = "csv_duplicate_column" // name twice in the header, at columns first and second (1-based)
	CodeCSVMissingColumn   Code = "csv_missing_column"   // name, which the configuration gives as role, is not in the header
	CodeCSVMissingCase     Code = "csv_missing_column_case"
	CodeCSVTooManyRows     Code = "csv_too_many_rows"   // more than limit data rows
	CodeCSVFieldCount      Code = "csv_field_count"     // a row of fields fields, the header has expected
	CodeCSVTooManyErrors   Code = "csv_too_many_errors" // stopped after limit errors
	CodeCSVNoRows          Code = "csv_no_rows"         // a header and nothing else
	CodeCSVEmptyCode       Code = "csv_empty_code"
	CodeCSVDuplicateCode   Code = "csv_duplicate_code"      // area code value already on line first
	CodeCSVNegative        Code = "csv_negative_population" // value is below 0
	CodeCSVInvalidUTF8     Code = "csv_invalid_utf8"
	CodeCSVTooLarge        Code = "csv_too_large_number"         // value overflows a float64
	CodeCSVNotNumber       Code = "csv_not_number"               // value is not a number
	CodeCSVNotNumberComma  Code = "csv_not_number_decimal_point" // …with a comma or space, in a comma-separated file
	CodeCSVNotNumberSpace  Code = "csv_not_number_separator"     // …with a comma or space, in a ;- or tab-separated file
)

// The codes of the configuration (ParseConfig). Those that the same check reports in
// several places name it with section ("configuration", "columns", "themes",
// "indicators"), name (the theme or indicator, or "") and key (the key whose value is
// at fault, or ""): "themes: "access": label_en".
const (
	CodeConfigTooLarge         Code = "config_too_large" // more than limit bytes
	CodeConfigYAMLSyntax       Code = "config_yaml_syntax"
	CodeConfigYAMLBadStart     Code = "config_yaml_bad_start"     // a tab, or @ or ` starting a value
	CodeConfigYAMLExpectedKey  Code = "config_yaml_expected_key"  // usually a line indented less than its siblings
	CodeConfigYAMLColon        Code = "config_yaml_mapping_value" // a "key: value" where none may be: indented too far, or an unquoted ": "
	CodeConfigYAMLExpectedDash Code = "config_yaml_expected_dash" // a key among the items of a list
	CodeConfigYAMLNoColon      Code = "config_yaml_expected_colon"
	CodeConfigYAMLUnclosed     Code = "config_yaml_unclosed"         // [ or { not closed
	CodeConfigYAMLEnd          Code = "config_yaml_unexpected_end"   // usually a quote not closed
	CodeConfigYAMLEscape       Code = "config_yaml_escape"           // \q in a double-quoted text
	CodeConfigYAMLEncoding     Code = "config_yaml_encoding"         // not UTF-8 text, or control characters
	CodeConfigEmpty            Code = "config_empty"                 // nothing but comments
	CodeConfigNotMapping       Code = "config_not_mapping"           // the top level is not key: value
	CodeConfigExpectedMapping  Code = "config_expected_mapping"      // at section, name
	CodeConfigExpectedPlainKey Code = "config_expected_plain_key"    // at section, name
	CodeConfigDuplicateKey     Code = "config_duplicate_key"         // value twice at section, name; first on line first
	CodeConfigExpectedText     Code = "config_expected_text"         // at section, name, key
	CodeConfigUnknownSection   Code = "config_unknown_section"       // value
	CodeConfigNoColumns        Code = "config_missing_columns"       // no columns section
	CodeConfigNoIndicators     Code = "config_missing_indicators"    // no indicators section
	CodeConfigUnknownColumnKey Code = "config_unknown_column_key"    // value under columns
	CodeConfigNoCode           Code = "config_missing_code"          // columns: code
	CodeConfigNoPopulation     Code = "config_missing_population"    // columns: population
	CodeConfigCodeIsPopulation Code = "config_code_is_population"    // value names both
	CodeConfigEmptyThemeID     Code = "config_empty_theme_name"      // under themes
	CodeConfigBadWeight        Code = "config_bad_weight"            // theme name, weight value
	CodeConfigUnknownThemeKey  Code = "config_unknown_theme_key"     // theme name, key value
	CodeConfigNoIndicator      Code = "config_no_indicators"         // an empty indicators section
	CodeConfigTooMany          Code = "config_too_many_indicators"   // count indicators, more than limit
	CodeConfigEmptyIndicator   Code = "config_empty_indicator_name"  // under indicators
	CodeConfigReservedColumn   Code = "config_reserved_column"       // indicator name is a column of columns (reserved)
	CodeConfigUnknownIndKey    Code = "config_unknown_indicator_key" // indicator name, key value
	CodeConfigNoDirection      Code = "config_missing_direction"     // indicator name
	CodeConfigBadDirection     Code = "config_bad_direction"         // indicator name, direction value
	CodeConfigNoTheme          Code = "config_missing_theme"         // indicator name
	CodeConfigEmptyTheme       Code = "config_empty_theme"           // indicator name
	CodeConfigUndeclaredTheme  Code = "config_undeclared_theme"      // indicator name, theme value, declared themes
	CodeConfigUnusedTheme      Code = "config_unused_theme"          // theme name
	CodeChoiceNotIndicator     Code = "choice_not_indicator"         // Error.Column is not an indicator
	CodeChoiceTwice            Code = "choice_twice"                 // Error.Column chosen twice
	CodeChoiceUnknownTheme     Code = "choice_unknown_theme"         // value is not one of themes
	CodeChoiceBadDirection     Code = "choice_bad_direction"         // value is not 1 or -1
)

// whereArgs are the Args of the checks made in several places of a configuration; their
// messages name the place as {where} (evi_err_where_name, evi_err_where_key).
var whereArgs = []string{"section", "name", "key"}

// catalogued is the prefix of the codes' messages in the catalogue of package diag, the
// one that words every message of guide: evi_err_<code>, as the page's i18n keys.
const catalogued = "evi_err_"

// terms are the Args whose values are words from a fixed list rather than the user's
// text; a program wording the error translates them too (i18n key
// evi_err_<arg>_<value>, as evi_err_role_population).
var terms = map[string][]string{
	// csv_missing_column*: what the configuration uses the column for.
	"role": {"code", "name_en", "name_fr", "population", "indicator"},
	// config_reserved_column: the entry of columns that already names the column.
	"reserved": {"code", "name_en", "name_fr", "population"},
}

// Codes returns every code an Error can have, sorted: those of the catalogue (package
// diag) under evi_err_, but for the words of a place and of the terms.
func Codes() []Code {
	var out []Code
	for _, c := range diag.Codes() {
		name, ok := strings.CutPrefix(c, catalogued)
		if ok && !strings.HasPrefix(name, "where_") && !isTerm(name) {
			out = append(out, Code(name))
		}
	}
	return out
}

// isTerm reports whether name is ARG_VALUE for a value of terms.
func isTerm(name string) bool {
	for arg, values := range terms {
		if v, ok := strings.CutPrefix(name, arg+"_"); ok && slices.Contains(values, v) {
			return true
		}
	}
	return false
}

// Args returns the names of the Args of an Error with code c, sorted, as its message in
// the catalogue names them ({where} standing for section, name and key); nil for an
// unknown code.
func (c Code) Args() []string {
	t, ok := diag.Template("en", catalogued+string(c))
	if !ok {
		return nil
	}
	var out []string
	for _, name := range diag.Placeholders(t) {
		if name == "where" {
			out = append(out, whereArgs...)
		} else {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// Terms returns the Args whose values come from a fixed list of words, with that
// list: a program that words errors in another language translates those values too.
func Terms() map[string][]string {
	out := make(map[string][]string, len(terms))
	for k, v := range terms {
		out[k] = slices.Clone(v)
	}
	return out
}

// newError returns an Error worded from the catalogue; args are name, value pairs.
func newError(line int, column string, code Code, args ...any) *Error {
	e := &Error{Line: line, Column: column, Code: code}
	if len(args) > 0 {
		e.Args = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			e.Args[args[i].(string)] = args[i+1]
		}
	}
	e.Msg = e.Message().Text("en")
	return e
}

// detailError is newError for a code whose detail is a message of the catalogue: Args
// holds it in English (what the page shows), Message words it in each language.
func detailError(line int, code Code, detail diag.Msg, args ...any) *Error {
	e := newError(line, "", code, append(args, "detail", detail.Text("en"))...)
	e.detail = &detail
	return e
}

// PageArgs are e's Args as a program that words them itself gets them (the calculator
// page, through tools/wasm/evi): a detail that is a message of the catalogue (the
// evi_geo_* of a GeoJSON file) as that message, code and Args, not its English text.
func (e *Error) PageArgs() map[string]any {
	if e.detail == nil {
		return e.Args
	}
	args := make(map[string]any, len(e.Args))
	for k, v := range e.Args {
		args[k] = v
	}
	args["detail"] = *e.detail
	return args
}

// Message is what e says, without file, line and column, as a message of the catalogue:
// its Args, with the place they name as {where} and the terms as words of their own.
func (e *Error) Message() diag.Msg {
	args := diag.A{}
	for name, v := range e.Args {
		if s, ok := v.(string); ok && terms[name] != nil {
			v = diag.M(catalogued+name+"_"+s, nil)
		}
		if l, ok := v.([]string); ok && len(l) == 0 {
			v = diag.M("evi_none", nil)
		}
		args[name] = v
	}
	if e.detail != nil {
		args["detail"] = *e.detail
	}
	if section, ok := args["section"]; ok {
		where := section
		if name, _ := e.Args["name"].(string); name != "" {
			where = diag.M(catalogued+"where_name", diag.A{"section": section, "name": name})
		}
		if key, _ := e.Args["key"].(string); key != "" {
			where = diag.M(catalogued+"where_key", diag.A{"where": where, "key": key})
		}
		delete(args, "section")
		delete(args, "name")
		delete(args, "key")
		args["where"] = where
	}
	return diag.M(catalogued+string(e.Code), args)
}

// Words returns e as Error does, worded in lang: file:line: column "x": message.
func (e *Error) Words(lang string) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		if e.File == "" {
			b.WriteString(diag.Text(lang, "evi_line", diag.A{"line": e.Line}))
		} else {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Column != "" {
		b.WriteString(diag.Text(lang, "evi_column", diag.A{"column": e.Column}))
	}
	b.WriteString(e.Message().Text(lang))
	return b.String()
}

// Diagnostic is e as guide reports every finding (package diag): path:line:col: error:
// key: message, the key being the data column concerned (if any) and col the
// character column where the error gives one (a GeoJSON file's syntax).
func (e *Error) Diagnostic() diag.Diagnostic {
	m := e.Message()
	col, _ := e.Args["column"].(int)
	return diag.New(e.File, e.Line, col, diag.Error, e.Column, m.Code, m.Args)
}

// Diagnostics returns the errors of l as guide reports them.
func (l ErrorList) Diagnostics() diag.List {
	out := make(diag.List, len(l))
	for i, e := range l {
		out[i] = e.Diagnostic()
	}
	return out
}
