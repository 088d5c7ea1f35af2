// What each page paints: graphics objects outside marked content, decorations,
// artifacts and tagged content inside each other, counted page by page.

package pdffile

import (
	"github.com/pssdc/guide-iad/tools/diag"
)

// Unmarked returns, for each page, how many graphics objects paint outside any marked
// content: neither tagged nor artifact (Matterhorn 01-005).
func (f *File) Unmarked() ([]int, error) {
	return f.countObjects(func(_ []byte, _ []op, objs []graphicsObject) (n int) {
		for _, g := range objs {
			if g.paints && g.marked == 0 {
				n++
			}
		}
		return n
	})
}

// Decorations returns, for each page, how many rules or backgrounds are painted at the
// start or the end of an element's tagged text, where the rewrite would make them
// artifacts (Matterhorn 01-001).
func (f *File) Decorations() ([]int, error) {
	return f.countObjects(func(data []byte, ops []op, objs []graphicsObject) int {
		return len(decorationEdits(data, ops, objs, func(int) bool { return true }))
	})
}

// Nested returns, for each page, how many artifacts begin inside tagged content
// (Matterhorn 01-003) and how many tagged sequences inside an artifact (01-004).
func (f *File) Nested() (artifactInTagged, taggedInArtifact []int, err error) {
	kinds := func(ops []op) (a, t int) {
		var stack []op
		for _, o := range ops {
			switch o.name {
			case "BDC", "BMC":
				isArt := len(o.args) > 0 && o.args[0] == name("Artifact")
				for _, s := range stack {
					if isArt && tagged(s) {
						a++
						break
					}
					if tagged(o) && len(s.args) > 0 && s.args[0] == name("Artifact") {
						t++
						break
					}
				}
				stack = append(stack, o)
			case "EMC":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
		}
		return a, t
	}
	if artifactInTagged, err = f.countObjects(func(_ []byte, ops []op, _ []graphicsObject) int { a, _ := kinds(ops); return a }); err != nil {
		return nil, nil, err
	}
	taggedInArtifact, err = f.countObjects(func(_ []byte, ops []op, _ []graphicsObject) int { _, t := kinds(ops); return t })
	return artifactInTagged, taggedInArtifact, err
}

// countObjects sums count over the content streams of each page.
func (f *File) countObjects(count func(data []byte, ops []op, objs []graphicsObject) int) ([]int, error) {
	var counts []int
	err := f.eachContent(func(page int, stream int, data []byte) error {
		for len(counts) <= page {
			counts = append(counts, 0)
		}
		ops, err := contentOps(data)
		if err != nil {
			return err
		}
		objs, err := graphicsObjects(ops)
		if err != nil {
			return err
		}
		counts[page] += count(data, ops, objs)
		return nil
	})
	return counts, err
}

// eachContent calls fn with every content stream of every page (0-based page index).
func (f *File) eachContent(fn func(page, stream int, data []byte) error) error {
	pages, err := f.Pages()
	if err != nil {
		return err
	}
	for i, pg := range pages {
		d, err := f.dictAt(pg)
		if err != nil {
			return err
		}
		for _, s := range contentRefs(d) {
			_, data, err := f.streamData(s.num)
			if err != nil {
				return diag.Wrap(err, "pdffile_page", diag.A{"page": i + 1, "error": diag.Cause(err)})
			}
			if err := fn(i, s.num, data); err != nil {
				return diag.Wrap(err, "pdffile_page", diag.A{"page": i + 1, "error": diag.Cause(err)})
			}
		}
	}
	return nil
}

// contentRefs returns the content streams of a page.
func contentRefs(page dict) []ref {
	switch c := page["Contents"].(type) {
	case ref:
		return []ref{c}
	case []any:
		var streams []ref
		for _, s := range c {
			if r, ok := s.(ref); ok {
				streams = append(streams, r)
			}
		}
		return streams
	}
	return nil
}
