package diag

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"
)

// The cause of an error, as the argument of a message: what the system or a library
// said (a file it cannot open, JSON it cannot read) is worded from the catalogue
// (catalogue_cause_*.go) in either language, with what it names as arguments. A cause
// that Cause does not know keeps its English text, marked in French as the system's.

// Cause is err as the argument of a message: itself, worded, when it can say itself in
// either language (a *CodedError); a cause it knows (a file system error, a JSON, CSV
// or YAML syntax error) as a message of the catalogue; else its English text, as
// cause_system. Cause(nil) is Msg{}, which words as nothing.
func Cause(err error) Msg {
	if err == nil {
		return Msg{}
	}
	if e, ok := err.(*CodedError); ok {
		return e.Msg()
	}
	if m, ok := known(err); ok {
		return m
	}
	return M("cause_system", A{"text": err.Error()})
}

// CauseIn is Cause for an error of reading src: a JSON error names the line and column
// of its offset in src.
func CauseIn(err error, src []byte) Msg {
	m := Cause(err)
	off := JSONOffset(err)
	if off < 0 || m.Code == "cause_system" {
		return m
	}
	line, col := LineColumn(src, off)
	return M("cause_at", A{"line": line, "column": col, "cause": m})
}

// JSONOffset is the byte offset in the text read of encoding/json's syntax or type
// error err (the character at fault, the value of the wrong type); -1 for another.
func JSONOffset(err error) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return int(se.Offset - 1) // the offset is after the character at fault
	case errors.As(err, &te):
		return int(te.Offset)
	}
	return -1
}

// LineColumn returns the 1-based line and column (in characters) of byte offset off in
// src.
func LineColumn(src []byte, off int) (line, col int) {
	before := src[:max(0, min(off, len(src)))]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}

// known words the causes Cause knows; ok is false for others, and for an error that
// wraps one in words of its own (fmt.Errorf("…: %w")), whose words would be lost.
func known(err error) (Msg, bool) {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	var js *json.SyntaxError
	var jt *json.UnmarshalTypeError
	var ce *csv.ParseError
	var exit exitError
	var m Msg
	var inner error
	switch {
	case errors.As(err, &pe):
		m, inner = M("cause_path", A{"op": op(pe.Op), "path": pe.Path, "problem": problem(pe.Err)}), pe
	case errors.As(err, &le):
		m, inner = M("cause_link", A{"op": op(le.Op), "old": le.Old, "new": le.New, "problem": problem(le.Err)}), le
	case errors.As(err, &se):
		m, inner = M("cause_syscall", A{"call": se.Syscall, "problem": problem(se.Err)}), se
	case errors.As(err, &js):
		m, inner = jsonSyntax(js.Error()), js
	case errors.As(err, &jt):
		m, inner = jsonType(jt), jt
	case errors.As(err, &ce):
		m, inner = csvCause(ce), ce
	case errors.As(err, &exit):
		m, inner = exitCause(exit), exit
	default:
		if m, ok := yamlCause(err.Error()); ok {
			return m, true
		}
		return plain(err)
	}
	if m.Code == "" || inner.Error() != err.Error() {
		return Msg{}, false
	}
	return m, true
}

// problem words what a file system error says went wrong: an error of errnos, else
// the system's English text.
func problem(err error) Msg {
	if m, ok := plain(err); ok {
		return m
	}
	return M("cause_system", A{"text": err.Error()})
}

// exitError is a program's end (*exec.ExitError), known by its method so that
// package diag, which the browser's programs link, does without os/exec.
type exitError interface {
	error
	ExitCode() int
}

// exitCause words a program's exit status; Msg{} for an end by a signal.
func exitCause(e exitError) Msg {
	status := e.ExitCode()
	if status < 0 || e.Error() != "exit status "+strconv.Itoa(status) {
		return Msg{}
	}
	return M("cause_exit_status", A{"status": status})
}

// errnos are the system's errors Cause words, by code; fs.ErrNotExist and the like
// are found with errors.Is, so that a file system other than the operating system's
// is worded too.
var errnos = []struct {
	err  error
	code string
}{
	{syscall.ENOENT, "cause_not_exist"},
	{syscall.EACCES, "cause_permission"},
	{syscall.EPERM, "cause_not_permitted"},
	{syscall.EEXIST, "cause_exist"},
	{syscall.EISDIR, "cause_is_dir"},
	{syscall.ENOTDIR, "cause_not_dir"},
	{syscall.ENOSPC, "cause_no_space"},
	{syscall.EROFS, "cause_read_only"},
	{syscall.EMFILE, "cause_too_many_files"},
	{syscall.ENAMETOOLONG, "cause_name_too_long"},
	{syscall.ENOTEMPTY, "cause_not_empty"},
	{syscall.ELOOP, "cause_link_loop"},
	{syscall.EIO, "cause_io"},
	{fs.ErrNotExist, "cause_not_exist"},
	{fs.ErrPermission, "cause_permission"},
	{fs.ErrExist, "cause_exist"},
	{fs.ErrClosed, "cause_closed"},
	{context.DeadlineExceeded, "cause_deadline"},
	{context.Canceled, "cause_canceled"},
	{io.ErrUnexpectedEOF, "cause_unexpected_eof"},
	{csv.ErrBareQuote, "cause_csv_bare_quote"},
	{csv.ErrQuote, "cause_csv_quote"},
	{csv.ErrFieldCount, "cause_csv_field_count"},
	{csv.ErrTrailingComma, "cause_csv_trailing_comma"},
}

// plain words an error of errnos (the problem of a file system error, a CSV reader's
// error), or an error with no more to it than its text: ok is false for other errors.
func plain(err error) (Msg, bool) {
	if err == nil {
		return Msg{}, false
	}
	for _, e := range errnos {
		if errors.Is(err, e.err) && err.Error() == e.err.Error() {
			return M(e.code, nil), true
		}
	}
	return Msg{}, false
}

// op words a file system operation ("open", "stat"…); one it does not know stays as
// the system names it.
func op(name string) any {
	code := "cause_op_" + name
	if _, ok := catalogueEN[code]; ok {
		return M(code, nil)
	}
	return name
}

// jsonContexts are the places encoding/json names after "invalid character 'x'".
var jsonContexts = map[string]string{
	"looking for beginning of value":             "cause_json_in_value",
	"looking for beginning of object key string": "cause_json_in_key",
	"after object key":                           "cause_json_after_key",
	"after object key:value pair":                "cause_json_after_pair",
	"after array element":                        "cause_json_after_element",
	"in string literal":                          "cause_json_in_string",
	`in \u hexadecimal character escape`:         "cause_json_in_unicode_escape",
	"in string escape code":                      "cause_json_in_escape",
	"in numeric literal":                         "cause_json_in_number",
	"after decimal point in numeric literal":     "cause_json_after_point",
	"in exponent of numeric literal":             "cause_json_in_exponent",
	"after top-level value":                      "cause_json_after_top",
}

// jsonSyntax words a json.SyntaxError's text; Msg{} when it is not one it knows.
func jsonSyntax(text string) Msg {
	if text == "unexpected end of JSON input" {
		return M("cause_json_end", nil)
	}
	rest, ok := strings.CutPrefix(text, "invalid character '")
	if !ok {
		return Msg{}
	}
	for context, code := range jsonContexts {
		if char, ok := strings.CutSuffix(rest, "' "+context); ok {
			return M("cause_json_char", A{"character": char, "context": M(code, nil)})
		}
	}
	// in literal true (expecting 'r')
	i := strings.Index(rest, "' in literal ")
	if i < 0 || !strings.HasSuffix(rest, "')") {
		return Msg{}
	}
	literal, expected, ok := strings.Cut(rest[i+len("' in literal "):len(rest)-2], " (expecting '")
	if !ok {
		return Msg{}
	}
	return M("cause_json_char", A{"character": rest[:i],
		"context": M("cause_json_in_literal", A{"literal": literal, "expected": expected})})
}

// jsonType words a json.UnmarshalTypeError: what the file holds where, and what the
// program expects there, as JSON names its types.
func jsonType(e *json.UnmarshalTypeError) Msg {
	found := e.Value
	if strings.HasPrefix(found, "number") {
		found = "number"
	}
	args := A{"found": jsonWord(found), "expected": jsonWord(jsonKind(e.Type))}
	if e.Field == "" {
		return M("cause_json_type", args)
	}
	args["field"] = e.Field
	return M("cause_json_field_type", args)
}

// jsonKind names the JSON type that a Go value of type t reads.
func jsonKind(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "value"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "string" // base64
		}
		return "array"
	case reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return "value"
}

// jsonWord is the catalogue's word for a JSON type ("string", "number", "bool",
// "array", "object", "null"); another stays as is.
func jsonWord(kind string) any {
	code := "cause_json_" + kind
	if _, ok := catalogueEN[code]; ok {
		return M(code, nil)
	}
	return kind
}

// csvCause words a csv.ParseError with its place.
func csvCause(e *csv.ParseError) Msg {
	problem, ok := plain(e.Err)
	if !ok {
		return Msg{}
	}
	switch {
	case errors.Is(e.Err, csv.ErrFieldCount):
		return M("cause_csv_record", A{"line": e.Line, "problem": problem})
	case e.StartLine != e.Line:
		return M("cause_csv_record_at", A{"start": e.StartLine, "line": e.Line, "column": e.Column, "problem": problem})
	}
	return M("cause_csv_at", A{"line": e.Line, "column": e.Column, "problem": problem})
}
