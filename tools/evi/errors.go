package evi

import (
	"fmt"
	"strings"
)

// Error is one problem in a configuration or data file, worded for the person who has
// to fix the file: "data.csv:14: column "pct_no_internet": "abc" is not a number".
type Error struct {
	File   string // the file's name as the user gave it; empty when unknown
	Line   int    // 1-based line in the file; 0 when the problem is not on one line
	Column string // the data column concerned, if any
	Msg    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		if e.File == "" {
			fmt.Fprintf(&b, "line %d", e.Line)
		} else {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", e.Column)
	}
	b.WriteString(e.Msg)
	return b.String()
}

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
