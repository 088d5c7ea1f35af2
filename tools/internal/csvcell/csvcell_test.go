package csvcell

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, c := range Cases {
		if got := Escape(c.In); got != c.Out {
			t.Errorf("Escape(%q) = %q, want %q", c.In, got, c.Out)
		}
	}
}

// TestRoundTrip: whatever a cell holds, writing it escaped and reading it back gives it
// again, through a real CSV writer and reader; and no written cell starts with a formula
// character unless it is a plain number.
func TestRoundTrip(t *testing.T) {
	var values []string
	for _, c := range Cases {
		values = append(values, c.In, c.Out, "'"+c.In)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(Row(append([]string(nil), values...))); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	rec, err := csv.NewReader(&buf).Read()
	if err != nil {
		t.Fatal(err)
	}
	for i, cell := range rec {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !number.MatchString(cell) {
			t.Errorf("%q is written %q, which a spreadsheet would run", values[i], cell)
		}
		if got := Unescape(cell); got != values[i] {
			t.Errorf("%q is written %q and read back as %q", values[i], cell, got)
		}
	}
}
