package check

import (
	"github.com/pssdc/guide-iad/tools/diag"
	"strings"
)

// suggest returns ` (did you mean "x"?)` when one candidate is close to s: equal but
// for case, hyphens and underscores, or within a small edit distance.
func suggest(s string, candidates []string) diag.Msg {
	if best := closest(s, candidates); best != "" {
		return diag.M("did_you_mean", diag.A{"value": best})
	}
	return diag.Msg{}
}

// separators are what closest ignores; built once (a Replacer per call made 17 GB of
// garbage on 20,000 broken files).
var separators = strings.NewReplacer("-", "", "_", "", " ", "")

func closest(s string, candidates []string) string {
	norm := func(x string) string { return separators.Replace(strings.ToLower(x)) }
	for _, c := range candidates {
		if c != s && norm(c) == norm(s) {
			return c
		}
	}
	for _, c := range candidates { // ON for CA-ON
		if strings.HasSuffix(strings.ToLower(c), "-"+strings.ToLower(s)) {
			return c
		}
	}
	limit := max(1, min(3, len([]rune(s))/3))
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c), bestDist); d < bestDist && c != s {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, giving up (returning limit)
// once it reaches limit.
func distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if abs(len(ra)-len(rb)) >= limit {
		return limit
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], limit)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
