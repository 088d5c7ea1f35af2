// The machine checks of PDF/UA-1: the Matterhorn Protocol's failure conditions that
// tools/pdf tests on both editions (docs/print.md lists them, and those left to a
// person).

package pdffile

import (
	"fmt"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
)

// CheckUA returns the failures found, each starting with its Matterhorn failure
// condition ("06-001: …"); none for a conforming file.
func (f *File) CheckUA() ([]string, error) {
	var fails []string
	fail := func(code, format string, args ...any) {
		fails = append(fails, code+": "+fmt.Sprintf(format, args...))
	}
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	// Metadata (06), title display (07), language (11), tags (01).
	if x, err := f.Metadata(); err != nil {
		fail("06-001", "no XMP metadata stream in the catalog")
	} else {
		if !strings.Contains(x, "<pdfuaid:part>1</pdfuaid:part>") {
			fail("06-002", "the metadata has no PDF/UA identifier (pdfuaid:part 1)")
		}
		if !strings.Contains(x, "<dc:title>") {
			fail("06-003", "the metadata has no dc:title")
		}
	}
	if vp, err := f.dictAt(root["ViewerPreferences"]); err != nil || vp["DisplayDocTitle"] != true {
		fail("07-001", "the viewer preferences do not set /DisplayDocTitle true")
	}
	if l, _ := root["Lang"].(string); l == "" {
		fail("11-006", "the catalog has no /Lang")
	}
	if mi, err := f.dictAt(root["MarkInfo"]); err == nil && mi["Suspects"] == true {
		fail("01-007", "/MarkInfo /Suspects true")
	}
	if ok, err := f.Tagged(); err != nil || !ok {
		fail("01-001", "not tagged: no /MarkInfo /Marked true or no structure tree")
		return fails, nil
	}
	unmarked, err := f.Unmarked()
	if err != nil {
		return nil, err
	}
	for i, n := range unmarked {
		if n > 0 {
			fail("01-005", "page %d: %d graphics objects neither tagged nor artifact", i+1, n)
		}
	}
	inTagged, inArtifact, err := f.Nested()
	if err != nil {
		return nil, err
	}
	for i := range inTagged {
		if inTagged[i] > 0 {
			fail("01-003", "page %d: %d artifacts inside tagged content", i+1, inTagged[i])
		}
		if inArtifact[i] > 0 {
			fail("01-004", "page %d: %d tagged sequences inside an artifact", i+1, inArtifact[i])
		}
	}
	decorations, err := f.Decorations()
	if err != nil {
		return nil, err
	}
	for i, n := range decorations {
		if n > 0 {
			fail("01-001", "page %d: %d rules or backgrounds tagged with the text they adorn", i+1, n)
		}
	}
	// Structure: headings (14), figures (13), table headers (15), links (28).
	tree, err := f.dictAt(root["StructTreeRoot"])
	if err != nil {
		return nil, err
	}
	level, headings := 0, 0
	err = f.walkStruct(tree["K"], 0, func(e dict) {
		s, _ := e["S"].(name)
		switch {
		case len(s) == 2 && s[0] == 'H' && s[1] >= '1' && s[1] <= '6':
			l := int(s[1] - '0')
			if level == 0 && l != 1 {
				fail("14-002", "the first heading is %s, not H1", s)
			} else if l > level+1 {
				fail("14-003", "heading %s follows H%d", s, level)
			}
			level, headings = l, headings+1
		case s == "Figure":
			if figureAlt(e) == "" {
				fail("13-004", "a Figure without /Alt")
			}
		case s == "TH":
			if !hasScope(f, e) {
				fail("15-003", "a TH without /Scope")
			}
		}
	})
	if err != nil {
		return nil, err
	}
	fails = append(fails, f.checkOutline(headings)...)
	return append(fails, f.checkLinks(tree)...), nil
}

// figureAlt is a Figure's alternative text, decoded: its /Alt, else its /ActualText;
// "" for none.
func figureAlt(e dict) string {
	if alt, _ := e["Alt"].(string); alt != "" {
		return decodeText(alt)
	}
	at, _ := e["ActualText"].(string)
	return decodeText(at)
}

// FigureAlts returns the alternative text of every Figure structure element
// (figureAlt), in the order of the structure tree; "" for a figure that has none.
func (f *File) FigureAlts() ([]string, error) {
	tree, err := f.structTree()
	if err != nil {
		return nil, err
	}
	var alts []string
	err = f.walkStruct(tree["K"], 0, func(e dict) {
		if s, _ := e["S"].(name); s == "Figure" {
			alts = append(alts, figureAlt(e))
		}
	})
	return alts, err
}

// checkOutline: the outline has one item for each heading, leads to it (/SE), and nests
// as the headings' levels do.
func (f *File) checkOutline(headings int) []string {
	items, err := f.Outline()
	if err != nil {
		return []string{err.Error()}
	}
	var fails []string
	if len(items) != headings {
		fails = append(fails, fmt.Sprintf("outline: %d items for %d headings", len(items), headings))
	}
	var levels []int // the heading level of the items above, by depth
	for _, it := range items {
		e, err := f.dictAt(it.se)
		s, _ := e["S"].(name)
		if err != nil || len(s) != 2 || s[0] != 'H' || s[1] < '1' || s[1] > '6' {
			fails = append(fails, fmt.Sprintf("outline: %q does not lead to a heading", it.Title))
			continue
		}
		l := int(s[1] - '0')
		levels = append(levels[:min(it.Depth, len(levels))], l)
		if it.Depth > 0 && len(levels) > 1 && levels[len(levels)-2] >= l {
			fails = append(fails, fmt.Sprintf("outline: %q (%s) below a heading of level %d", it.Title, s, levels[len(levels)-2]))
		}
	}
	return fails
}

// hasScope reports whether a TH has a /Scope in its attributes.
func hasScope(f *File, e dict) bool {
	a, _ := f.resolve(e["A"])
	list, ok := a.([]any)
	if !ok {
		list = []any{a}
	}
	for _, x := range list {
		if d, err := f.dictAt(x); err == nil && d["Scope"] != nil {
			return true
		}
	}
	return false
}

// walkStruct calls fn on every structure element below k, in document order.
func (f *File) walkStruct(k any, depth int, fn func(dict)) error {
	if depth > 256 {
		return diag.Errorf("pdffile_deep_structure", nil)
	}
	if arr, ok := k.([]any); ok {
		for _, x := range arr {
			if err := f.walkStruct(x, depth+1, fn); err != nil {
				return err
			}
		}
		return nil
	}
	r, ok := k.(ref)
	if !ok {
		return nil // an MCID, or a marked-content or object reference
	}
	v, err := f.resolve(r)
	if err != nil {
		return err
	}
	if arr, ok := v.([]any); ok {
		return f.walkStruct(arr, depth+1, fn)
	}
	e, ok := v.(dict)
	if !ok || e["S"] == nil {
		return nil
	}
	fn(e)
	return f.walkStruct(e["K"], depth+1, fn)
}

// checkLinks: every link annotation has /Contents and belongs to a Link structure
// element (through its /StructParent in the parent tree); every page with annotations
// has /Tabs /S.
func (f *File) checkLinks(tree dict) []string {
	var fails []string
	parents := map[int]any{}
	if err := f.numberTree(tree["ParentTree"], 0, parents); err != nil {
		return []string{"28-011: " + err.Error()}
	}
	pages, err := f.Pages()
	if err != nil {
		return []string{err.Error()}
	}
	for i, pg := range pages {
		d, _ := f.dictAt(pg)
		av, _ := f.resolve(d["Annots"])
		annots, _ := av.([]any)
		if len(annots) > 0 && d["Tabs"] == nil {
			fails = append(fails, fmt.Sprintf("28-008: page %d has annotations and no /Tabs", i+1))
		} else if len(annots) > 0 && d["Tabs"] != name("S") {
			fails = append(fails, fmt.Sprintf("28-009: page %d has annotations and /Tabs %v, not /S", i+1, d["Tabs"]))
		}
		for _, a := range annots {
			ad, err := f.dictAt(a)
			if err != nil || ad["Subtype"] != name("Link") {
				continue
			}
			if c, _ := ad["Contents"].(string); c == "" {
				fails = append(fails, fmt.Sprintf("28-012: page %d: a link annotation without /Contents", i+1))
			}
			sp, ok := ad["StructParent"].(int)
			var se dict
			if ok {
				se, _ = f.dictAt(parents[sp])
			}
			if se == nil || se["S"] != name("Link") {
				fails = append(fails, fmt.Sprintf("28-011: page %d: a link annotation not in a Link structure element", i+1))
			}
		}
	}
	return fails
}

// numberTree reads a number tree into out.
func (f *File) numberTree(v any, depth int, out map[int]any) error {
	if depth > 64 {
		return diag.Errorf("pdffile_deep_number_tree", nil)
	}
	node, err := f.dictAt(v)
	if err != nil {
		return err
	}
	if nums, ok := node["Nums"].([]any); ok {
		for i := 0; i+1 < len(nums); i += 2 {
			k, ok := nums[i].(int)
			if !ok {
				return diag.Errorf("pdffile_number_tree_key", diag.A{"key": fmt.Sprint(nums[i])})
			}
			out[k] = nums[i+1]
		}
	}
	if kids, ok := node["Kids"].([]any); ok {
		for _, k := range kids {
			if err := f.numberTree(k, depth+1, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// Metadata returns the XMP metadata stream of the catalog.
func (f *File) Metadata() (string, error) {
	root, err := f.dictAt(f.trailer["Root"])
	if err != nil {
		return "", err
	}
	r, ok := root["Metadata"].(ref)
	if !ok {
		return "", diag.Errorf("pdffile_no_metadata", nil)
	}
	_, x, err := f.streamData(r.num)
	return string(x), err
}

// LinkContents returns the /Contents of every link annotation, page by page.
func (f *File) LinkContents() ([]string, error) {
	pages, err := f.Pages()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, pg := range pages {
		d, err := f.dictAt(pg)
		if err != nil {
			return nil, err
		}
		av, _ := f.resolve(d["Annots"])
		annots, _ := av.([]any)
		for _, a := range annots {
			if ad, err := f.dictAt(a); err == nil && ad["Subtype"] == name("Link") {
				c, _ := ad["Contents"].(string)
				out = append(out, decodeText(c))
			}
		}
	}
	return out, nil
}
