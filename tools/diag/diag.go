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
)

// Diagnostic is one finding about one place in one file.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Key      string   `json:"key"`
	Message  string   `json:"message"`
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
// files were checked in.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Key, b.Key),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of errors and warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Formats accepted by Write.
var Formats = []string{"text", "json", "github"}

// Write prints l in the given format. Text output ends with a summary line naming
// the number of files checked.
func Write(w io.Writer, format string, l List, files int) error {
	switch format {
	case "text":
		for _, d := range l {
			if _, err := fmt.Fprintln(w, d.String()); err != nil {
				return err
			}
		}
		e, wn := l.Count()
		_, err := fmt.Fprintf(w, "%d %s checked: %d %s, %d %s\n",
			files, plural(files, "file", "files"), e, plural(e, "error", "errors"), wn, plural(wn, "warning", "warnings"))
		return err
	case "json":
		if l == nil {
			l = List{}
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
	props = append(props, "file="+escapeProperty(d.File))
	if d.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Line))
	}
	if d.Column > 0 {
		props = append(props, fmt.Sprintf("col=%d", d.Column))
	}
	if d.Key != "" {
		props = append(props, "title="+escapeProperty(d.Key))
	}
	return fmt.Sprintf("::%s %s::%s", d.Severity, strings.Join(props, ","), escapeData(d.Message))
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
