// The artifacts: content that Chromium paints outside marked content (its margin boxes:
// running heads and "Page x of y"; dotted leaders) and the rules and backgrounds at the
// edges of an element's tagged content, wrapped in or moved to /Artifact marked content.

package pdffile

import (
	"bytes"
	"sort"
)

// An edit of a content stream: del bytes at pos replaced by text.
type edit struct {
	pos, del int
	text     string
}

const layout = "/Artifact <</Type /Layout>> BDC"

// markArtifacts returns the content stream with every painting graphics object that
// lies outside marked content wrapped in /Artifact marked content: pagination (a
// running head above the middle of the page, a footer below) when it lies in a part of
// the stream that has no marked content at all, as Chromium's margin boxes do, else
// layout (a rule, a dotted leader or a background). The rules and backgrounds that
// Chromium paints at the start or the end of an element's tagged content, before or
// after its text, are moved out of it into layout artifacts (decorations). It returns
// nil when nothing needs changing.
func markArtifacts(data []byte, height float64, untag func(mcid int) bool) ([]byte, error) {
	ops, err := contentOps(data)
	if err != nil {
		return nil, err
	}
	objs, err := graphicsObjects(ops)
	if err != nil {
		return nil, err
	}
	edits := untaggedEdits(ops, objs, height)
	edits = append(edits, decorationEdits(data, ops, objs, untag)...)
	if len(edits) == 0 {
		return nil, nil
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].pos < edits[j].pos })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(data[last:e.pos])
		out.WriteString(e.text)
		last = e.pos + e.del
	}
	out.Write(data[last:])
	return out.Bytes(), nil
}

// untaggedEdits wraps the painting objects outside marked content. Consecutive objects
// of the same kind with nothing between them that opens or closes marked content or a
// graphics state are wrapped together.
func untaggedEdits(ops []op, objs []graphicsObject, height float64) []edit {
	// The top-level q … Q blocks that hold no marked content.
	plain := make([]bool, len(ops))
	depth, start, hasMC := 0, 0, false
	for i, o := range ops {
		switch o.name {
		case "q":
			if depth == 0 {
				start, hasMC = i, false
			}
			depth++
		case "Q":
			depth--
			if depth == 0 && !hasMC {
				for j := start; j <= i; j++ {
					plain[j] = true
				}
			}
		case "BDC", "BMC":
			hasMC = true
		}
	}
	var edits []edit
	open, last := "", 0
	for _, g := range objs {
		if !g.paints || g.marked > 0 {
			continue
		}
		tag := layout
		if plain[g.first] {
			sub := "Footer"
			if g.y > height/2 {
				sub = "Header"
			}
			tag = "/Artifact <</Type /Pagination /Subtype /" + sub + ">> BDC"
		}
		if open == tag && quiet(ops, last, g.first) {
			edits[len(edits)-1].pos = ops[g.last].to // the run goes on
		} else {
			edits = append(edits, edit{pos: ops[g.first].from, text: tag + "\n"}, edit{pos: ops[g.last].to, text: "\nEMC"})
			open = tag
		}
		last = g.last + 1
	}
	return edits
}

// decorationEdits moves the paths that a tagged marked-content sequence paints before
// its first or after its last text or image out of it, into layout artifacts.
func decorationEdits(data []byte, ops []op, objs []graphicsObject, untag func(mcid int) bool) []edit {
	byMC := map[int][]graphicsObject{}
	var order []int
	for _, g := range objs {
		if g.mc >= 0 && g.paints {
			if _, ok := byMC[g.mc]; !ok {
				order = append(order, g.mc)
			}
			byMC[g.mc] = append(byMC[g.mc], g)
		}
	}
	var edits []edit
	emc := matchEMCs(ops)
	for _, b := range order {
		if !tagged(ops[b]) {
			continue
		}
		list := byMC[b]
		isPath := func(g graphicsObject) bool { return pathStart[ops[g.first].name] }
		lead := 0
		for lead < len(list) && isPath(list[lead]) && quiet(ops, prevEnd(list, lead, b), list[lead].first) {
			lead++
		}
		if lead == len(list) {
			// Nothing but paths: a rule or a background of its own, which becomes an
			// artifact when untag takes its MCID out of the structure tree; not a list
			// bullet (Lbl) or a figure, which are content.
			d, _ := ops[b].args[1].(dict)
			mcid, _ := d["MCID"].(int)
			tag := ops[b].args[0]
			if tag != name("Lbl") && tag != name("Figure") && !hasMC(ops[b+1:emc[b]]) && untag(mcid) {
				edits = append(edits, edit{pos: ops[b].from, del: ops[b].to - ops[b].from, text: layout})
			}
			continue
		}
		if lead > 0 {
			bdc := string(data[ops[b].from:ops[b].to])
			edits = append(edits, edit{pos: ops[b].from, del: ops[b].to - ops[b].from, text: layout},
				edit{pos: ops[list[lead-1].last].to, text: "\nEMC\n" + bdc})
		}
		end := emc[b]
		trail := len(list)
		for trail > lead && isPath(list[trail-1]) && quiet(ops, list[trail-1].last+1, nextStart(list, trail-1, end)) {
			trail--
		}
		if trail < len(list) {
			edits = append(edits, edit{pos: ops[list[trail].first].from, text: "EMC\n" + layout + "\n"})
		}
	}
	return edits
}

// tagged reports whether a BDC op opens content of a structure element (an /MCID).
func tagged(o op) bool {
	if o.name != "BDC" || len(o.args) != 2 || o.args[0] == name("Artifact") {
		return false
	}
	d, ok := o.args[1].(dict)
	return ok && d["MCID"] != nil
}

// prevEnd is the op after list[i-1] (after the BDC b for the first).
func prevEnd(list []graphicsObject, i, b int) int {
	if i == 0 {
		return b + 1
	}
	return list[i-1].last + 1
}

// nextStart is the first op of list[i+1] (the EMC for the last).
func nextStart(list []graphicsObject, i, emc int) int {
	if i+1 == len(list) {
		return emc
	}
	return list[i+1].first
}

// matchEMCs returns, for each op that opens marked content, the index of the EMC that
// closes it (len(ops) when none does).
func matchEMCs(ops []op) map[int]int {
	out := map[int]int{}
	var open []int
	for i, o := range ops {
		switch o.name {
		case "BDC", "BMC":
			open = append(open, i)
		case "EMC":
			if len(open) > 0 {
				out[open[len(open)-1]] = i
				open = open[:len(open)-1]
			}
		}
	}
	for _, b := range open {
		out[b] = len(ops)
	}
	return out
}

// hasMC reports whether ops open marked content.
func hasMC(ops []op) bool {
	for _, o := range ops {
		if o.name == "BDC" || o.name == "BMC" {
			return true
		}
	}
	return false
}

// quiet reports whether ops[from:to] neither opens nor closes marked content or a
// graphics state.
func quiet(ops []op, from, to int) bool {
	for _, o := range ops[from:to] {
		switch o.name {
		case "BDC", "BMC", "EMC", "q", "Q", "BT", "ET":
			return false
		}
	}
	return true
}
