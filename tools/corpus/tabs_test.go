package corpus

import (
	"testing"
)

// TestTabRepair: the tab widths tried, the copy read, and the columns mapped back.
func TestTabRepair(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       string
		width     int    // the width chosen
		lines     int    // lines with a tab in their indentation
		repaired  string // the copy read
		line, col int    // a column of the copy…
		orig      int    // …and where it is in the file
	}{
		{"tabs only: one space each, columns unchanged", "a:\n\tb: 1\n\tc:\n\t\t- x\n", 1, 3,
			"a:\n b: 1\n c:\n  - x\n", 4, 5, 5},
		{"a tab among spaces: a tab stop of 4", "a:\n    b: 1\n\tc: 2\n", 4, 1,
			"a:\n    b: 1\n    c: 2\n", 3, 8, 5},
		{"a tab among two-space indentation: a tab stop of 2", "a:\n  b: 1\n\tc: 2\n", 2, 1,
			"a:\n  b: 1\n  c: 2\n", 3, 6, 5},
		{"inside the spaces of a tab: the tab's column", "a:\n    b: 1\n\tc: 2\n", 4, 1,
			"a:\n    b: 1\n    c: 2\n", 3, 3, 1},
		{"a line without tabs keeps its columns", "a:\n    b: 1\n\tc: 2\n", 4, 1,
			"a:\n    b: 1\n    c: 2\n", 2, 8, 8},
		{"a tab after a dash", "a:\n  -\tx\n", 1, 1, "a:\n  - x\n", 2, 5, 5},
		{"nothing parses: the first width, one space", "a:\n\tb: [\n", 1, 1, "a:\n b: [\n", 2, 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line, col, ok := tabIndent([]byte(tc.src))
			if !ok {
				t.Fatal("no tab found")
			}
			p := &parsed{path: "x.yaml", src: []byte(tc.src)}
			p.repairTabs(line, col)
			if p.tabs.Width != tc.width || p.tabs.Lines != tc.lines || string(p.src) != tc.repaired {
				t.Errorf("width %d, %d lines, read %q; want %d, %d, %q", p.tabs.Width, p.tabs.Lines, p.src, tc.width, tc.lines, tc.repaired)
			}
			if string(p.raw) != tc.src {
				t.Errorf("the file's own bytes became %q", p.raw)
			}
			if got := p.tabs.Column(tc.line, tc.col); got != tc.orig {
				t.Errorf("column %d:%d maps to %d, want %d", tc.line, tc.col, got, tc.orig)
			}
			if len(p.diags) != 1 || p.diags[0].Code != "tab_indent_repairable" || p.diags[0].Line != line || p.diags[0].Column != col {
				t.Errorf("diagnostics %v", p.diags)
			}
		})
	}
	var none *TabRepair
	if none.Column(3, 7) != 7 {
		t.Error("a nil repair moves columns")
	}
}
