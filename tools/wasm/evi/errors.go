// The problems of the reader's files as the page gets them: what load and compute
// return when a file (or a choice) is at fault. Apart from main.go so that it builds,
// and is tested, outside the browser too.

package main

import (
	"encoding/json"
	"errors"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/evi"
)

// jsonError is one problem for the page, which words it in its language: from the
// i18n string evi_err_<code> and args (evi.Error's Code and PageArgs: a detail from
// the catalogue as {code, args}, worded from the i18n string of its code) when it has
// those strings, else from msg, the English text of guide evi. Errors that no file causes (a
// page that calls wrongly) have no code, but their cause, worded from the catalogue
// (diag.Cause: cause_system, the English text, when it is not one the catalogue knows).
type jsonError struct {
	Line   int            `json:"line,omitempty"`
	Column string         `json:"column,omitempty"`
	Code   evi.Code       `json:"code,omitempty"`
	Args   map[string]any `json:"args,omitempty"`
	Cause  *diag.Msg      `json:"cause,omitempty"`
	Msg    string         `json:"msg"`
}

type failure struct {
	OK     bool        `json:"ok"`
	File   string      `json:"file"` // "config", "data" or "choices"
	Errors []jsonError `json:"errors"`
}

func fail(file string, err error) string {
	f := failure{File: file}
	var list evi.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			f.Errors = append(f.Errors, jsonErr(e))
		}
	} else {
		cause := diag.Cause(err)
		f.Errors = []jsonError{{Cause: &cause, Msg: cause.Text("en")}}
	}
	return mustJSON(f)
}

// jsonErr is e as the page gets it.
func jsonErr(e *evi.Error) jsonError {
	return jsonError{Line: e.Line, Column: e.Column, Code: e.Code, Args: e.PageArgs(), Msg: e.Msg}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain data is marshalled
	}
	return string(b)
}
