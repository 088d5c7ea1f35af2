package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/chromedp/chromedp"
)

// AxeTags are the rule sets run: WCAG 2.0 and 2.1, levels A and AA.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// AxeResult is what axe-core found on one page.
type AxeResult struct {
	Version    string         `json:"version"`
	Violations []AxeViolation `json:"violations"`
	// Incomplete are the checks axe could not decide (a person must look); they do not
	// fail the gate but are logged.
	Incomplete []AxeViolation `json:"incomplete"`
	Passes     int            `json:"passes"`
}

// AxeViolation is one rule that failed, with the elements it failed on.
type AxeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Tags    []string  `json:"tags"`
	Nodes   []AxeNode `json:"nodes"`
}

// AxeNode is one element a rule failed on.
type AxeNode struct {
	Target  json.RawMessage `json:"target"` // CSS selectors (nested for shadow DOM and frames)
	HTML    string          `json:"html"`
	Summary string          `json:"summary"`
}

// LoadAxe reads axe-core's script.
func LoadAxe(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("axe-core: %w (run `npm ci --ignore-scripts`)", err)
	}
	return string(b), nil
}

// RunAxe injects axe-core (its source) into the page of the tab of ctx and runs the WCAG
// 2.1 A and AA rules on the whole document.
func RunAxe(ctx context.Context, source string) (*AxeResult, error) {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](source+"\n;void 0")); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	tags, _ := json.Marshal(AxeTags)
	script := `(async () => {
		const r = await axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations", "incomplete"]});
		const rule = v => ({id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl, tags: v.tags,
			nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary || ""}))});
		return {version: axe.version, violations: r.violations.map(rule), incomplete: r.incomplete.map(rule), passes: r.passes.length};
	})()`
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](script, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	var res AxeResult
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("reading axe-core's result: %w", err)
	}
	return &res, nil
}

// Selector returns the node's target as one string: selectors joined by " >> " where
// the element is inside a frame or a shadow root.
func (n AxeNode) Selector() string {
	var flat func(v any) []string
	flat = func(v any) []string {
		switch v := v.(type) {
		case string:
			return []string{v}
		case []any:
			var out []string
			for _, e := range v {
				out = append(out, flat(e)...)
			}
			return out
		}
		return nil
	}
	var v any
	if err := json.Unmarshal(n.Target, &v); err != nil {
		return string(n.Target)
	}
	return strings.Join(flat(v), " >> ")
}

// Report describes a violation for a person who must fix it: the page, the rule, its
// impact and help, and each element with axe's summary of what to change.
func (v AxeViolation) Report(page string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%s): %s — %s\n", page, v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "    at %s\n      %s\n", n.Selector(), oneLine(n.HTML, 200))
		for _, l := range strings.Split(strings.TrimSpace(n.Summary), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				fmt.Fprintf(&b, "      %s\n", l)
			}
		}
	}
	return b.String()
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
