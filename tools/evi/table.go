package evi

import (
	"io"
	"strings"
	"unicode/utf8"
)

// table is a small CSV file of the service-area tools (GROUPS.csv, POINTS.csv) read
// whole: the header, then each non-blank row with its line. It is read as ReadCSV reads
// data: UTF-8 with or without a byte order mark, comma, semicolon or tab.
type table struct {
	header map[string]int // column name → index
	rows   [][]string
	lines  []int
	errs   ErrorList
}

// readTable reads a table of at most MaxRows rows whose header must hold every column
// of required; optional columns may be absent. A required column missing is reported
// with code.
func readTable(r io.Reader, required []string, code Code) (*table, error) {
	cr, header, err := openCSV(r)
	if err != nil {
		return nil, err
	}
	t := &table{header: map[string]int{}}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if _, dup := t.header[h]; !dup && h != "" {
			t.header[h] = i
		}
	}
	for _, name := range required {
		if _, ok := t.header[name]; !ok {
			t.errs = append(t.errs, newError(1, "", code, "name", name, "columns", required))
		}
	}
	if len(t.errs) > 0 {
		return nil, t.errs
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, append(t.errs, csvError(err).(ErrorList)...)
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(t.rows) == MaxRows {
			return nil, ErrorList{newError(line, "", CodeCSVTooManyRows, "limit", MaxRows)}
		}
		if len(rec) != len(header) {
			t.report(line, "", CodeCSVFieldCount,
				"fields", len(rec), "expected", len(header))
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	return t, nil
}

// cell is the trimmed value of a column in row i; "" when the column is absent.
func (t *table) cell(i int, column string) string {
	j, ok := t.header[column]
	if !ok {
		return ""
	}
	s := strings.TrimSpace(t.rows[i][j])
	if !utf8.ValidString(s) {
		t.report(t.lines[i], column, CodeCSVInvalidUTF8)
		return ""
	}
	return s
}

// report records an error, up to MaxErrors of them (then one saying so).
func (t *table) report(line int, column string, code Code, args ...any) {
	t.add(newError(line, column, code, args...))
}

// add records an error, up to MaxErrors of them (then one saying so).
func (t *table) add(e *Error) {
	switch {
	case len(t.errs) < MaxErrors:
		t.errs = append(t.errs, e)
	case len(t.errs) == MaxErrors:
		t.errs = append(t.errs, newError(e.Line, "", CodeCSVTooManyErrors, "limit", MaxErrors))
	}
}
