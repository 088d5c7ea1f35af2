// Content streams: the operators of a page, its graphics objects, where marked content
// begins and ends.

package pdffile

import (
	"errors"
	"fmt"
)

// op is one operator of a content stream with its operands; from and to are its byte
// span, operands included.
type op struct {
	name     string
	args     []any
	from, to int
}

// contentOps tokenises a content stream. Inline images (BI … ID … EI) are refused:
// Chromium does not write them.
func contentOps(data []byte) ([]op, error) {
	p := &parser{data: data, content: true}
	var ops []op
	var args []any
	from := -1
	for {
		p.skipSpace()
		if p.pos >= len(data) {
			break
		}
		if from < 0 {
			from = p.pos
		}
		v, err := p.value()
		if err != nil {
			return nil, fmt.Errorf("content stream at byte %d: %w", p.pos, err)
		}
		k, ok := v.(keywordValue)
		if !ok {
			args = append(args, v)
			continue
		}
		if k == "BI" {
			return nil, errors.New("content stream: inline images are not supported")
		}
		ops = append(ops, op{name: string(k), args: args, from: from, to: p.pos})
		args, from = nil, -1
	}
	if len(args) > 0 {
		return nil, errors.New("content stream: operands without an operator at the end")
	}
	return ops, nil
}

// Graphics objects: where they begin and the operators that end them (PDF 1.7, 8.2).
var (
	pathStart = map[string]bool{"m": true, "re": true}
	pathPaint = map[string]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, "n": true}
	painting  = map[string]bool{"Do": true, "sh": true}
)

// graphicsObject is one graphics object of a content stream: ops[first..last].
type graphicsObject struct {
	first, last int
	paints      bool    // false for a path ended by n (a clip)
	marked      int     // depth of marked content around it
	mc          int     // the op that opens the innermost marked content around it, or -1
	y           float64 // the vertical position of its start, in default user space
	placed      bool    // y comes from the text matrix
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

func (m matrix) mul(n matrix) matrix { // m × n
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func num(v any) (float64, bool) {
	switch v := v.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

func matrixArgs(args []any) (matrix, bool) {
	var m matrix
	if len(args) != 6 {
		return m, false
	}
	for i, a := range args {
		f, ok := num(a)
		if !ok {
			return m, false
		}
		m[i] = f
	}
	return m, true
}

// graphicsObjects lists the graphics objects of a content stream with the depth of
// marked content around each, and the position of text objects (from their first Tm or
// Td) and paths (from their first point) on the page.
func graphicsObjects(ops []op) ([]graphicsObject, error) {
	var out []graphicsObject
	ctm := matrix{1, 0, 0, 1, 0, 0}
	var stack []matrix
	var mcs []int // the ops that open the marked content around
	marked := 0
	cur := -1 // index in out of the open object
	for i, o := range ops {
		switch o.name {
		case "q":
			stack = append(stack, ctm)
		case "Q":
			if len(stack) == 0 {
				return nil, errors.New("content stream: Q without q")
			}
			ctm, stack = stack[len(stack)-1], stack[:len(stack)-1]
		case "cm":
			if m, ok := matrixArgs(o.args); ok {
				ctm = m.mul(ctm)
			}
		case "BDC", "BMC":
			marked++
			mcs = append(mcs, i)
		case "EMC":
			if marked == 0 {
				return nil, errors.New("content stream: EMC without BDC")
			}
			marked--
			mcs = mcs[:len(mcs)-1]
		}
		mc := -1
		if len(mcs) > 0 {
			mc = mcs[len(mcs)-1]
		}
		switch {
		case o.name == "BT":
			cur = len(out)
			out = append(out, graphicsObject{first: i, paints: true, marked: marked, mc: mc, y: ctm[5]})
		case o.name == "ET":
			if cur < 0 {
				return nil, errors.New("content stream: ET without BT")
			}
			out[cur].last, cur = i, -1
		case o.name == "Tm" && cur >= 0 && !out[cur].placed && ops[out[cur].first].name == "BT":
			// the position of the text: its first text matrix
			if m, ok := matrixArgs(o.args); ok {
				out[cur].y, out[cur].placed = m.mul(ctm)[5], true
			}
		case pathStart[o.name] && cur < 0:
			y := ctm[5]
			if len(o.args) >= 2 {
				x0, _ := num(o.args[0])
				y0, _ := num(o.args[1])
				y = x0*ctm[1] + y0*ctm[3] + ctm[5]
			}
			cur = len(out)
			out = append(out, graphicsObject{first: i, marked: marked, mc: mc, y: y})
		case pathPaint[o.name] && cur >= 0 && ops[out[cur].first].name != "BT":
			out[cur].last, out[cur].paints, cur = i, o.name != "n", -1
		case o.name == "W" || o.name == "W*":
			// part of the path being built
		case painting[o.name] && cur < 0:
			out = append(out, graphicsObject{first: i, last: i, paints: true, marked: marked, mc: mc, y: ctm[5]})
		}
	}
	if cur >= 0 {
		return nil, errors.New("content stream: a graphics object is not closed")
	}
	if marked != 0 {
		return nil, errors.New("content stream: BDC without EMC")
	}
	return out, nil
}

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
				return fmt.Errorf("page %d: %w", i+1, err)
			}
			if err := fn(i, s.num, data); err != nil {
				return fmt.Errorf("page %d: %w", i+1, err)
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
