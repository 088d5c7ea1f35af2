package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// AXElement is an element of the page as the browser's accessibility tree has it, with
// what the page shows of it.
type AXElement struct {
	Role  string // computed role ("link", "heading", "region"…)
	Name  string // computed accessible name, spaces collapsed
	Text  string // the text shown (without .visually-hidden), spaces collapsed
	Shown bool   // rendered (it has a box: not display: none, nor inside a hidden element or a closed <details>)
}

// shownText is a function of an element: its text without what only assistive
// technology gets (.visually-hidden) or nobody gets ([hidden]).
const shownText = `(e => { const c = e.cloneNode(true); c.querySelectorAll(".visually-hidden, [hidden]").forEach(x => x.remove()); return c.textContent; })`

// AXElements returns, in document order, the elements that match the CSS selector sel
// in the page of ctx, with the role and name Chromium computes for them.
func AXElements(ctx context.Context, sel string) ([]AXElement, error) {
	q, _ := json.Marshal(sel)
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]struct {
		Text  string
		Shown bool
	}](`Array.from(document.querySelectorAll(`+string(q)+`)).map(e => ({Text: `+shownText+`(e), Shown: e.getClientRects().length > 0 && (!e.checkVisibility || e.checkVisibility())}))`))
	if err != nil {
		return nil, err
	}
	no := false
	out := make([]AXElement, len(texts))
	for i := range texts {
		// The element as a remote object, which the accessibility domain takes.
		obj, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: fmt.Sprintf("document.querySelectorAll(%s)[%d]", q, i)})
		if err != nil {
			return nil, err
		}
		if obj.ExceptionDetails != nil || obj.Result == nil || obj.Result.ObjectID == "" {
			return nil, fmt.Errorf("%s: element %d is gone", sel, i)
		}
		tree, err := chromedp.Call(ctx, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: obj.Result.ObjectID, FetchRelatives: &no})
		if err != nil {
			return nil, err
		}
		out[i].Text, out[i].Shown = collapse(texts[i].Text), texts[i].Shown
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
