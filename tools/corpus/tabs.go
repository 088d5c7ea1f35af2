package corpus

import (
	"bytes"
	"slices"

	"github.com/pssdc/guide-iad/tools/diag"
	"gopkg.in/yaml.v3"
)

// Tab indentation is whitespace: YAML refuses it, but what the contributor meant can
// be read back. The reader reports it (one error, at the first tab, counting the lines)
// and checks the rest of the file as if the tabs were spaces, so that one run of guide
// validate shows every problem; guide fmt writes that repaired copy.

// tabWidths are the widths a tab is tried as, in order: one space keeps every column
// of the file where it is (enough when the file is indented with tabs only); then the
// tab stops editors show, for a file that mixes tabs and spaces.
var tabWidths = []int{1, 4, 8, 2}

// TabRepair says how the tabs of a file's indentation were read as spaces.
type TabRepair struct {
	Width int // the tab stop: a tab goes to the next column after a multiple of it
	Lines int // lines whose indentation held a tab
	// starts[line] are the columns, in the repaired line, where each character of the
	// original indentation starts, for the lines whose columns moved.
	starts map[int][]int
}

// Column maps a column of the repaired file back to the file on disk.
func (r *TabRepair) Column(line, col int) int {
	if r == nil {
		return col
	}
	starts, ok := r.starts[line]
	if !ok {
		return col
	}
	// starts has one more entry: where the text after the indentation starts.
	i, found := slices.BinarySearch(starts, col)
	switch {
	case found:
		return i + 1
	case i == len(starts):
		return len(starts) + col - starts[len(starts)-1]
	}
	return i // inside the spaces of a tab: the tab's own column
}

// Map maps the positions of diagnostics about the repaired file back to the file.
func (r *TabRepair) Map(l diag.List) {
	if r == nil {
		return
	}
	for i := range l {
		if l[i].Line > 0 && l[i].Column > 0 {
			l[i].Column = r.Column(l[i].Line, l[i].Column)
		}
	}
}

// repairTabs reads the tabs of src's indentation as spaces, with the first width that
// makes valid YAML (else the first), and reports them; the first is at line:col.
func (p *parsed) repairTabs(line, col int) {
	var fixed []byte
	var rep *TabRepair
	for i, w := range tabWidths {
		out, r := expandTabs(p.src, w)
		if i == 0 {
			fixed, rep = out, r
		}
		var doc yaml.Node
		if unmarshalSafely(out, &doc) == nil {
			fixed, rep = out, r
			break
		}
	}
	if p.raw == nil {
		p.raw = p.src
	}
	p.src, p.tabs = fixed, rep
	reading := diag.M("tab_read_one", nil)
	if rep.Width > 1 {
		reading = diag.M("tab_read_stop", diag.A{"width": rep.Width})
	}
	p.errorf(line, col, "", "tab_indent_repairable", diag.A{"count": rep.Lines, "reading": reading})
}

// expandTabs replaces each tab among a line's leading spaces and list dashes by the
// spaces up to the next tab stop of width w.
func expandTabs(src []byte, w int) ([]byte, *TabRepair) {
	r := &TabRepair{Width: w, starts: map[int][]int{}}
	out := make([]byte, 0, len(src)+len(src)/8)
	lineNo := 0
	for line := range bytes.SplitAfterSeq(src, []byte("\n")) {
		lineNo++
		n := 0
		for n < len(line) && (line[n] == ' ' || line[n] == '\t' || line[n] == '-') {
			n++
		}
		if bytes.IndexByte(line[:n], '\t') < 0 {
			out = append(out, line...)
			continue
		}
		r.Lines++
		starts := make([]int, 0, n+1)
		col := 0 // columns written so far
		for _, c := range line[:n] {
			starts = append(starts, col+1)
			if c != '\t' {
				out = append(out, c)
				col++
				continue
			}
			next := (col/w + 1) * w
			for ; col < next; col++ {
				out = append(out, ' ')
			}
		}
		starts = append(starts, col+1)
		if w != 1 {
			r.starts[lineNo] = starts
		}
		out = append(out, line[n:]...)
	}
	return out, r
}

// FirstBeyondTabs is the file's first error other than the tab indentation the reader
// repaired.
func (f *File) FirstBeyondTabs() (d diag.Diagnostic, ok bool) {
	for _, d := range f.Diags {
		if d.Severity == diag.Error && d.Code != "tab_indent_repairable" {
			return d, true
		}
	}
	return d, false
}

// ErrBeyondTabs is Err without the tab indentation the reader repaired: what keeps a
// command that writes the repaired copy (guide fmt) from doing so.
func (f *File) ErrBeyondTabs() error {
	if d, ok := f.FirstBeyondTabs(); ok {
		return &RejectedError{Diag: d}
	}
	return nil
}
