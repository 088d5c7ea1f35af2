// Package diag holds the diagnostics that guide's commands report: one type, printed
// like a compiler message (path:line:col: severity: key: message), as JSON, or as
// GitHub Actions workflow commands.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity says whether a finding blocks a submission.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	// Note is no finding: it says how many findings were left out (Cap).
	Note Severity = "note"
)

// Output caps: a file (or a corpus) broken everywhere must not make a report nobody can
// read, nor hold unbounded memory (see Cap).
const (
	MaxPerFile = 50
	MaxTotal   = 1000
)

// Diagnostic is one finding about one place in one file.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Key      string   `json:"key"`
	Message  string   `json:"message"` // in English, from Code and Args; see In
	Code     string   `json:"code"`    // the catalogue's name for the finding
	Args     A        `json:"args"`    // what the message names, by name

	// moreErrors and moreWarnings are the findings a Note stands for.
	moreErrors, moreWarnings int
}

// String formats d as path:line:col: severity: key: message; parts that are unknown
// (line 0, empty key) are left out.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Column > 0 {
			fmt.Fprintf(&b, ":%d", d.Column)
		}
	}
	if d.File == "" {
		b.WriteString("guide")
	}
	fmt.Fprintf(&b, ": %s: ", d.Severity)
	if d.Key != "" {
		b.WriteString(d.Key)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// List is a set of diagnostics.
type List []Diagnostic

// Sort orders by file, position, then message, so output is stable whatever order
// files were checked in; a file's note on findings left out comes after them.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(boolInt(a.Severity == Note), boolInt(b.Severity == Note)),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Key, b.Key),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Count returns the number of errors and warnings, those a note stands for included.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		switch d.Severity {
		case Error:
			errors++
		case Note:
			errors += d.moreErrors
			warnings += d.moreWarnings
		default:
			warnings++
		}
	}
	return errors, warnings
}

// Cap keeps at most perFile findings of each file (the first by position), replacing
// the others with one note, "… and N more in this file", and returns l sorted. Notes
// already in l are merged, so capping twice counts everything once. perFile 0 keeps
// only the note, a negative perFile keeps all.
func (l List) Cap(perFile int) List {
	l.Sort()
	if perFile < 0 {
		return l
	}
	out := l[:0]
	for i := 0; i < len(l); {
		j := i
		for j < len(l) && l[j].File == l[i].File {
			j++
		}
		kept := 0
		var note *Diagnostic
		var drop Diagnostic
		for _, d := range l[i:j] {
			switch {
			case d.Severity == Note:
				drop.moreErrors += d.moreErrors
				drop.moreWarnings += d.moreWarnings
				note = &drop
			case kept < perFile:
				out = append(out, d)
				kept++
			default:
				if d.Severity == Error {
					drop.moreErrors++
				} else {
					drop.moreWarnings++
				}
				note = &drop
			}
		}
		if note != nil {
			out = append(out, moreNote(l[i].File, drop.moreErrors, drop.moreWarnings, -1))
		}
		i = j
	}
	clear(l[len(out):]) // what was left out holds no memory
	return out
}

// moreNote is the note standing for findings left out.
func moreNote(file string, errs, warns int, where int) Diagnostic {
	d := New(file, 0, 0, Note, "", "more_in_file", A{"findings": errs + warns, "errors": errs, "warnings": warns})
	if where >= 0 {
		d = New(file, 0, 0, Note, "", "more_in_files", A{"findings": errs + warns, "errors": errs, "warnings": warns, "files": where})
	}
	d.moreErrors, d.moreWarnings = errs, warns
	return d
}

// limit caps l for printing: MaxPerFile findings a file, MaxTotal in all, then one note
// for the rest.
func limit(l List) List {
	l = slices.Clone(l).Cap(MaxPerFile)
	shown := 0
	for i, d := range l {
		if d.Severity != Note {
			shown++
		}
		if shown > MaxTotal {
			rest := l[i:]
			errs, warns := rest.Count()
			files := map[string]bool{}
			for _, d := range rest {
				files[d.File] = true
			}
			return append(l[:i:i], moreNote("", errs, warns, len(files)))
		}
	}
	return l
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Formats accepted by Write.
var Formats = []string{"text", "json", "github"}

// Write prints l in the given format, in English (see WriteIn).
func Write(w io.Writer, format string, l List, files int) error {
	return WriteIn(w, format, "en", l, files)
}

// WriteIn prints l in the given format, worded in lang. Text output ends with a summary line naming
// the number of files checked and counting every finding; at most MaxPerFile findings
// of a file and MaxTotal in all are printed, each cap with a note of how many more there
// are, in every format.
func WriteIn(w io.Writer, format, lang string, l List, files int) error {
	all := l
	l = limit(l).In(lang)
	switch format {
	case "text":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, d.String()); err != nil {
				return err
			}
		}
		e, wn := all.Count()
		_, err := fmt.Fprintln(w, Summary(lang, files, e, wn))
		return err
	case "json":
		for i := range l {
			if l[i].Args == nil {
				l[i].Args = A{}
			}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(l)
	case "github":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, githubCommand(d)); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// githubCommand renders d as a workflow command, which GitHub shows as an annotation
// on the pull request's line. Data and properties have their own escaping rules.
func githubCommand(d Diagnostic) string {
	var props []string
	if d.File != "" {
		props = append(props, "file="+escapeProperty(d.File))
	}
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
	}
	if d.Column > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Column))
	}
	if d.Key != "" {
		props = append(props, "title="+escapeProperty(d.Key))
	}
	level := string(d.Severity)
	if d.Severity == Note {
		level = "notice"
	}
	return fmt.Sprintf("::%s %s::%s", level, strings.Join(props, ","), escapeData(d.Message))
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Summary is the closing line of the text format: "3 files checked: 1 error, 0 warnings".
func Summary(lang string, files, errors, warnings int) string {
	return Text(lang, "summary", A{"files": files, "errors": errors, "warnings": warnings})
}
