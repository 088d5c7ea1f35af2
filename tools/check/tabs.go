package check

// mapTabs moves the positions the walker found in a file whose tab indentation the
// reader read as spaces (corpus.TabRepair) back to the file: its findings from index
// first on, and what the cross-file checks will report at.
func (w *walker) mapTabs(first int) {
	r := w.p.tabs
	if r == nil {
		return
	}
	r.Map(w.p.diags[first:])
	e := w.e
	e.idColumn = r.Column(e.idLine, e.idColumn)
	for i := range e.refs {
		e.refs[i].col = r.Column(e.refs[i].line, e.refs[i].col)
	}
	for i := range e.links {
		e.links[i].col = r.Column(e.links[i].line, e.links[i].col)
	}
}
