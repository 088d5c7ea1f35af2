package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// broken returns n errors in each of files files.
func broken(files, n int) List {
	var l List
	for f := range files {
		for i := range n {
			l = append(l, Diagnostic{File: fmt.Sprintf("data/projects/p%04d.yaml", f), Line: i + 1, Column: 1,
				Severity: Error, Key: "id", Message: "bad"})
		}
	}
	return l
}

// TestWriteCaps: every format prints at most MaxPerFile findings of a file and MaxTotal
// in all, and says how many more there are; the text summary counts them all.
func TestWriteCaps(t *testing.T) {
	cases := []struct {
		name    string
		l       List
		shown   int    // findings printed
		notes   int    // notes printed
		note    string // in the last note
		summary string // text only
	}{
		{"few", broken(3, 2), 6, 0, "", "3 files checked: 6 errors, 0 warnings"},
		{"one file broken everywhere", broken(1, 120), MaxPerFile, 1, "… and 70 more findings in this file (70 errors, 0 warnings not shown)", "1 file checked: 120 errors, 0 warnings"},
		{"many broken files", broken(30, 60), MaxTotal, 21, "… and 600 more findings in 10 files (600 errors", "30 files checked: 1800 errors, 0 warnings"},
	}
	for _, c := range cases {
		for _, format := range Formats {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				files := map[string]bool{}
				for _, d := range c.l {
					files[d.File] = true
				}
				var b bytes.Buffer
				if err := Write(&b, format, c.l, len(files)); err != nil {
					t.Fatal(err)
				}
				var shown, notes int
				var last string
				switch format {
				case "json":
					var items []Diagnostic
					if err := json.Unmarshal(b.Bytes(), &items); err != nil {
						t.Fatal(err)
					}
					for _, d := range items {
						if d.Severity == Note {
							notes++
							last = d.Message
						} else {
							shown++
						}
					}
				default:
					for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
						switch {
						case strings.Contains(line, ": note: ") || strings.HasPrefix(line, "::notice "):
							notes++
							last = line
						case strings.Contains(line, ": error: ") || strings.HasPrefix(line, "::error "):
							shown++
						}
					}
					if format == "text" && !strings.HasSuffix(strings.TrimSpace(b.String()), c.summary) {
						t.Errorf("summary: got %q, want %q", b.String()[max(0, b.Len()-80):], c.summary)
					}
				}
				if shown != c.shown || notes != c.notes || !strings.Contains(last, c.note) {
					t.Errorf("%d shown, %d notes, last %q; want %d, %d, %q", shown, notes, last, c.shown, c.notes, c.note)
				}
			})
		}
	}
}

// TestCapTwice: capping a capped list (the validator caps each file, Write caps again)
// counts every finding once.
func TestCapTwice(t *testing.T) {
	l := broken(1, 80).Cap(MaxPerFile)
	l = append(l, Diagnostic{File: "data/projects/p0000.yaml", Line: 200, Severity: Warning, Message: "late"})
	l = l.Cap(MaxPerFile)
	if e, w := l.Count(); e != 80 || w != 1 {
		t.Errorf("count %d errors, %d warnings; want 80, 1", e, w)
	}
	if len(l) != MaxPerFile+1 || l[len(l)-1].Severity != Note {
		t.Errorf("%d diagnostics, last %v", len(l), l[len(l)-1])
	}
}
