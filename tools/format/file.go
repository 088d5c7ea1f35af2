//go:build !js

package format

import (
	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
)

// Formatting files in place is for the command line (guide fmt): the browser's form
// (tools/wasm/validate) formats text, and does not link the writer.

// Outcome is what File did to a file.
type Outcome struct {
	Changed bool
	// TabWidth is the most spaces a tab of the indentation became; 0 without tabs.
	TabWidth int
}

// File formats one file in place, as read by corpus.Read(s). It reports whether the
// file changed. The file is replaced all or nothing, and only if it still holds what
// was read (atomicfile.Replace): a concurrent change makes it fail, naming the file.
// A file that cannot be formatted, but whose line ends or tab indentation the reader
// repaired, gets those repairs (whitespace only) and the error says so
// (fmt_whitespace_only).
func File(s corpus.Source, check bool) (Outcome, error) {
	f := corpus.Read(s)
	var o Outcome
	if f.Tabs != nil {
		o.TabWidth = f.Tabs.Width
	}
	out, changed, err := Corpus(f)
	o.Changed = changed
	if err != nil {
		return o, whitespaceOnly(f, check, err)
	}
	if !changed || check {
		return o, nil
	}
	return o, atomicfile.Replace(f.Path, f.OnDisk(), out)
}

// whitespaceOnly writes the reader's whitespace repairs of a file that cannot be
// formatted (not with check), and words err as what is left to fix.
func whitespaceOnly(f *corpus.File, check bool, err error) error {
	d, ok := f.FirstBeyondTabs()
	if check || !ok || f.Raw == nil || f.Src == nil || d.Line == 0 {
		return err // refused before any repair: nothing was read as it should be
	}
	if werr := atomicfile.Replace(f.Path, f.OnDisk(), f.Src); werr != nil {
		return werr
	}
	return diag.Wrap(err, "fmt_whitespace_only", diag.A{"file": f.Path, "line": d.Line, "error": diag.M(d.Code, d.Args)})
}
