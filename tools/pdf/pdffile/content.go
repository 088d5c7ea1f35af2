// Content streams: the operators of a page, its graphics objects, where marked content
// begins and ends.

package pdffile

import (
	"bytes"
	"github.com/pssdc/guide-iad/tools/diag"
)

// op is one operator of a content stream with its operands; from and to are its byte
// span, operands included.
type op struct {
	name     string
	args     []any
	from, to int
}

// contentOps tokenises a content stream. Only the operands of the operators that the
// rewrite reads (argOps) are parsed into values; the others are skipped without
// allocating. Inline images (BI … ID … EI) are refused: Chromium does not write them.
func contentOps(data []byte) ([]op, error) {
	p := &parser{data: data, content: true}
	var ops []op
	from, n := -1, 0
	for {
		p.skipSpace()
		if p.pos >= len(data) {
			break
		}
		if from < 0 {
			from = p.pos
		}
		if c := data[p.pos]; isDelim(c) || c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
			if err := p.skipValue(0); err != nil {
				return nil, diag.Wrap(err, "pdffile_content_at", diag.A{"offset": p.pos, "error": diag.Cause(err)})
			}
			n++
			continue
		}
		s := p.pos
		for p.pos < len(data) && !isSpace(data[p.pos]) && !isDelim(data[p.pos]) {
			p.pos++
		}
		t := data[s:p.pos]
		if string(t) == "true" || string(t) == "false" || string(t) == "null" {
			n++
			continue
		}
		name, ok := opNames[string(t)]
		if !ok {
			return nil, diag.Errorf("pdffile_unknown_operator", diag.A{"offset": s, "op": t})
		}
		if name == "BI" {
			return nil, diag.Errorf("pdffile_inline_image", nil)
		}
		o := op{name: name, from: from, to: p.pos}
		if argOps[name] && n > 0 {
			q := &parser{data: data, pos: from, content: true}
			o.args = make([]any, 0, n)
			for range n {
				v, err := q.value()
				if err != nil {
					return nil, diag.Wrap(err, "pdffile_content_at", diag.A{"offset": q.pos, "error": diag.Cause(err)})
				}
				o.args = append(o.args, v)
			}
		}
		ops = append(ops, o)
		from, n = -1, 0
	}
	if n > 0 {
		return nil, diag.Errorf("pdffile_trailing_operands", nil)
	}
	return ops, nil
}

// argOps are the operators whose operands the rewrite reads.
var argOps = map[string]bool{"cm": true, "Tm": true, "BDC": true, "BMC": true, "m": true, "re": true}

// opNames are the operators of PDF 1.7 (Annex A), each name once in memory.
var opNames = func() map[string]string {
	m := map[string]string{}
	for _, o := range []string{"b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1", "Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J", "K", "k", "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw", "Tz", "v", "w", "W", "W*", "y", "'", "\""} {
		m[o] = o
	}
	return m
}()

// skipValue moves past one operand without building it.
func (p *parser) skipValue(depth int) error {
	if depth > 64 {
		return diag.Errorf("pdffile_deep_operand", nil)
	}
	p.skipSpace()
	if p.pos >= len(p.data) {
		return diag.Errorf("pdffile_stream_end", nil)
	}
	d := p.data
	switch c := d[p.pos]; {
	case c == '(':
		p.pos++
		for level := 1; level > 0; p.pos++ {
			if p.pos >= len(d) {
				return diag.Errorf("pdffile_unterminated_string", nil)
			}
			switch d[p.pos] {
			case '\\':
				p.pos++
			case '(':
				level++
			case ')':
				level--
			}
		}
	case c == '<' && p.pos+1 < len(d) && d[p.pos+1] == '<':
		p.pos += 2
		for {
			p.skipSpace()
			if p.pos+1 < len(d) && d[p.pos] == '>' && d[p.pos+1] == '>' {
				p.pos += 2
				return nil
			}
			if err := p.skipValue(depth + 1); err != nil {
				return err
			}
		}
	case c == '<':
		e := bytes.IndexByte(d[p.pos:], '>')
		if e < 0 {
			return diag.Errorf("pdffile_unterminated_hex", nil)
		}
		p.pos += e + 1
	case c == '[':
		p.pos++
		for {
			p.skipSpace()
			if p.pos < len(d) && d[p.pos] == ']' {
				p.pos++
				return nil
			}
			if err := p.skipValue(depth + 1); err != nil {
				return err
			}
		}
	case c == '/':
		p.pos++
		for p.pos < len(d) && !isSpace(d[p.pos]) && !isDelim(d[p.pos]) {
			p.pos++
		}
	case isDelim(c):
		return diag.Errorf("pdffile_unexpected", diag.A{"char": string(c)})
	default:
		s := p.pos
		for p.pos < len(d) && !isSpace(d[p.pos]) && !isDelim(d[p.pos]) {
			p.pos++
		}
		if s == p.pos {
			return diag.Errorf("pdffile_unexpected", diag.A{"char": string(c)})
		}
	}
	return nil
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
				return nil, diag.Errorf("pdffile_unbalanced", diag.A{"found": "Q", "missing": "q"})
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
				return nil, diag.Errorf("pdffile_unbalanced", diag.A{"found": "EMC", "missing": "BDC"})
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
				return nil, diag.Errorf("pdffile_unbalanced", diag.A{"found": "ET", "missing": "BT"})
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
		return nil, diag.Errorf("pdffile_graphics_open", nil)
	}
	if marked != 0 {
		return nil, diag.Errorf("pdffile_unbalanced", diag.A{"found": "BDC", "missing": "EMC"})
	}
	return out, nil
}
