package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
)

// AXElement is an element of the page as the browser's accessibility tree has it, with
// what the page shows of it.
type AXElement struct {
	Role string // computed role ("link", "heading", "region"…)
	Name string // computed accessible name, spaces collapsed
	Text string // the text shown (innerText), spaces collapsed
}

// AXElements returns, in document order, the elements that match the CSS selector sel
// in the page of ctx, with the role and name Chromium computes for them.
func AXElements(ctx context.Context, sel string) ([]AXElement, error) {
	doc, err := chromedp.Call(ctx, dom.GetDocument, dom.GetDocumentParams{})
	if err != nil {
		return nil, err
	}
	found, err := chromedp.Call(ctx, dom.QuerySelectorAll, dom.QuerySelectorAllParams{NodeID: doc.Root.NodeID, Selector: sel})
	if err != nil {
		return nil, err
	}
	q, _ := json.Marshal(sel)
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(`+string(q)+`)).map(e => e.innerText)`))
	if err != nil {
		return nil, err
	}
	if len(texts) != len(found.NodeIDs) {
		return nil, fmt.Errorf("%s: %d elements in the DOM, %d in the page's script", sel, len(found.NodeIDs), len(texts))
	}
	no := false
	out := make([]AXElement, len(found.NodeIDs))
	for i, id := range found.NodeIDs {
		tree, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{NodeID: id, FetchRelatives: &no})
		if err != nil {
			return nil, err
		}
		out[i].Text = collapse(texts[i])
		if len(tree.Nodes) > 0 {
			n := tree.Nodes[0]
			out[i].Role, out[i].Name = axString(n.Role), collapse(axString(n.Name))
		}
	}
	return out, nil
}

// axString is the value of an accessibility property as a string ("" when absent).
func axString(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return string(v.Value)
	}
	return s
}

// collapse joins the words of s with single spaces (no-break spaces are kept).
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }), " ")
}
