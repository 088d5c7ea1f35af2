package evi

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

var nan = math.NaN()

// mustConfig parses a configuration written in a test.
func mustConfig(t testing.TB, src string) *Config {
	t.Helper()
	cfg, err := ParseConfig([]byte(src))
	if err != nil {
		t.Fatalf("configuration: %v", err)
	}
	return cfg
}

// mustAreas reads a CSV written in a test.
func mustAreas(t testing.TB, cfg *Config, src string) []Area {
	t.Helper()
	areas, err := ReadCSV(strings.NewReader(src), cfg)
	if err != nil {
		t.Fatalf("data: %v", err)
	}
	return areas
}

// want is the expected result of one area. NaN stands for "no score".
type want struct {
	code     string
	excluded string
	missing  string // comma-separated
	pr       []float64
	score    []float64
	pct      []float64
	overall  float64
	index    float64
	quintile int
	flags    int
}

func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

func sameAll(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !same(a[i], b[i]) {
			return false
		}
	}
	return true
}

func checkArea(t *testing.T, got AreaResult, w want) {
	t.Helper()
	g := want{
		code: got.Code, excluded: got.Excluded, missing: strings.Join(got.Missing, ","),
		pr: got.PR, score: got.ThemeScore, pct: got.ThemePercentile,
		overall: got.Overall, index: got.Index, quintile: got.Quintile, flags: got.Flags,
	}
	if g.code != w.code || g.excluded != w.excluded || g.missing != w.missing ||
		!sameAll(g.pr, w.pr) || !sameAll(g.score, w.score) || !sameAll(g.pct, w.pct) ||
		!same(g.overall, w.overall) || !same(g.index, w.index) || g.quintile != w.quintile || g.flags != w.flags {
		t.Errorf("area %s:\n got %+v\nwant %+v", w.code, g, w)
	}
}

// oneTheme is a configuration with one indicator x in one theme.
const oneTheme = `
columns: {code: code, population: pop}
indicators:
  x: {theme: t, direction: 1}
`

// TestComputeByHand checks small cases whose every number was computed by hand; the
// comment of each case shows the computation. PR = (rank − 1) / (N − 1), ties taking
// the smallest rank; quintile = ⌊5 × (rank − 1) / N⌋ + 1.
func TestComputeByHand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		config   string
		data     string
		weighted bool
		n        []int // IndicatorN
		want     []want
	}{
		{
			// x: 10 20 20 30 40, N = 5, N − 1 = 4. Ranks 1 2 2 4 5 (the tied 20s share
			// rank 2; rank 3 is skipped). PR = 0/4 1/4 1/4 3/4 4/4.
			// One indicator: theme score = PR, theme percentile = overall PR = PR.
			// Quintile ⌊5(r−1)/5⌋+1 = r: 1 2 2 4 5. Flags: PR ≥ 0.9 only for E.
			name:   "ties",
			config: oneTheme,
			data:   "code,pop,x\nA,1,10\nB,1,20\nC,1,20\nD,1,30\nE,1,40\n",
			n:      []int{5},
			want: []want{
				{code: "A", pr: []float64{0}, score: []float64{0}, pct: []float64{0}, overall: 0, index: 0, quintile: 1},
				{code: "B", pr: []float64{.25}, score: []float64{.25}, pct: []float64{.25}, overall: .25, index: 25, quintile: 2},
				{code: "C", pr: []float64{.25}, score: []float64{.25}, pct: []float64{.25}, overall: .25, index: 25, quintile: 2},
				{code: "D", pr: []float64{.75}, score: []float64{.75}, pct: []float64{.75}, overall: .75, index: 75, quintile: 4},
				{code: "E", pr: []float64{1}, score: []float64{1}, pct: []float64{1}, overall: 1, index: 100, quintile: 5, flags: 1},
			},
		},
		{
			// B (population 0) and C (population empty) are kept but not ranked: B's
			// x = 50 must not push D below 1. Ranked: A 5, E 6, D 7; N = 3, N − 1 = 2.
			// PR A 0/2 = 0, E 1/2 = .5, D 2/2 = 1. Quintiles ⌊5·0/3⌋+1 = 1,
			// ⌊5·1/3⌋+1 = 2, ⌊5·2/3⌋+1 = 4.
			name:   "zero and missing population",
			config: oneTheme,
			data:   "code,pop,x\nA,100,5\nB,0,50\nC,,1\nD,200,7\nE,50,6\n",
			n:      []int{3},
			want: []want{
				{code: "A", pr: []float64{0}, score: []float64{0}, pct: []float64{0}, overall: 0, index: 0, quintile: 1},
				{code: "B", excluded: ExcludedZeroPopulation, pr: []float64{nan}, score: []float64{nan}, pct: []float64{nan}, overall: nan, index: nan},
				{code: "C", excluded: ExcludedMissingPopulation, pr: []float64{nan}, score: []float64{nan}, pct: []float64{nan}, overall: nan, index: nan},
				{code: "D", pr: []float64{1}, score: []float64{1}, pct: []float64{1}, overall: 1, index: 100, quintile: 4, flags: 1},
				{code: "E", pr: []float64{.5}, score: []float64{.5}, pct: []float64{.5}, overall: .5, index: 50, quintile: 2},
			},
		},
		{
			// inc (direction 1): A 10, B 20, C 30 → PR 0, .5, 1.
			// speed (direction −1): × −1 = A −100, B −50, C −200 → C rank 1, A 2, B 3
			// → PR C 0, A .5, B 1: the slowest area is the most vulnerable.
			// Theme scores: A 0+.5 = .5, B .5+1 = 1.5, C 1+0 = 1 → percentiles A 0,
			// C .5, B 1. Quintiles (N = 3): A 1, C 2, B 4. Flags: B (speed), C (inc).
			name: "reversed direction",
			config: `
columns: {code: code, population: pop}
indicators:
  inc: {theme: t, direction: 1}
  speed: {theme: t, direction: -1}
`,
			data: "code,pop,inc,speed\nA,1,10,100\nB,1,20,50\nC,1,30,200\n",
			n:    []int{3, 3},
			want: []want{
				{code: "A", pr: []float64{0, .5}, score: []float64{.5}, pct: []float64{0}, overall: .5, index: 0, quintile: 1},
				{code: "B", pr: []float64{.5, 1}, score: []float64{1.5}, pct: []float64{1}, overall: 1.5, index: 100, quintile: 4, flags: 1},
				{code: "C", pr: []float64{1, 0}, score: []float64{1}, pct: []float64{.5}, overall: 1, index: 50, quintile: 2, flags: 1},
			},
		},
		{
			// CDC's rule for a reversed indicator: 1 − PR of the values as they are.
			// income (direction −1): A 10, B 20, C 20, D 30, E 40; PR of the values:
			// A 0, B and C .25 (tied at rank 2), D .75, E 1 → 1 − PR: A 1, B and C .75,
			// D .25, E 0. The tied areas share the HIGHER rank (.75); ranking the
			// negated values would have given them .5 (SVI 2018, Carbon and Lycoming
			// counties: CDC 0.5455, where negating gave 0.5303).
			// Quintiles (N = 5) by overall = PR: E 1, D 2, B and C ⌊5·2/5⌋+1 = 3, A 5.
			name: "reversed direction with ties",
			config: `
columns: {code: code, population: pop}
indicators:
  income: {theme: t, direction: -1}
`,
			data: "code,pop,income\nA,1,10\nB,1,20\nC,1,20\nD,1,30\nE,1,40\n",
			n:    []int{5},
			want: []want{
				{code: "A", pr: []float64{1}, score: []float64{1}, pct: []float64{1}, overall: 1, index: 100, quintile: 5, flags: 1},
				{code: "B", pr: []float64{.75}, score: []float64{.75}, pct: []float64{.5}, overall: .75, index: 50, quintile: 3},
				{code: "C", pr: []float64{.75}, score: []float64{.75}, pct: []float64{.5}, overall: .75, index: 50, quintile: 3},
				{code: "D", pr: []float64{.25}, score: []float64{.25}, pct: []float64{.25}, overall: .25, index: 25, quintile: 2},
				{code: "E", pr: []float64{0}, score: []float64{0}, pct: []float64{0}, overall: 0, index: 0, quintile: 1},
			},
		},
		{
			// N = 1 everywhere: every PR is 0 by definition, quintile ⌊5·0/1⌋+1 = 1.
			name: "one area",
			config: `
columns: {code: code, population: pop}
indicators:
  x: {theme: a, direction: 1}
  y: {theme: b, direction: -1}
`,
			data: "code,pop,x,y\nA,10,3,4\n",
			n:    []int{1, 1},
			want: []want{
				{code: "A", pr: []float64{0, 0}, score: []float64{0, 0}, pct: []float64{0, 0}, overall: 0, index: 0, quintile: 1},
			},
		},
		{
			// Themes a: x, b: y, c: z; N = 4, N − 1 = 3.
			// x 1 2 3 4 → A 0, B .3333, C .6667, D 1.
			// y 4 3 2 1 → D 0, C .3333, B .6667, A 1.
			// z 2 2 4 1 → D rank 1, A and B rank 2, C rank 4 → D 0, A .3333, B .3333, C 1.
			// Theme scores = PRs, so theme percentiles = PRs.
			// Overall: A 0+1+.3333 = 1.3333, B .3333+.6667+.3333 = 1.3333 (equal once
			// rounded to 4 decimals, although the floating-point sums differ), C 2,
			// D 1 → D rank 1, A and B rank 2, C rank 4 → index D 0, A 33.33, B 33.33,
			// C 100. Quintiles (N = 4): D 1, A and B ⌊5·1/4⌋+1 = 2, C ⌊5·3/4⌋+1 = 4.
			name: "one indicator per theme",
			config: `
columns: {code: code, population: pop}
indicators:
  x: {theme: a, direction: 1}
  y: {theme: b, direction: 1}
  z: {theme: c, direction: 1}
`,
			data: "code,pop,x,y,z\nA,1,1,4,2\nB,1,2,3,2\nC,1,3,2,4\nD,1,4,1,1\n",
			n:    []int{4, 4, 4},
			want: []want{
				{code: "A", pr: []float64{0, 1, .3333}, score: []float64{0, 1, .3333}, pct: []float64{0, 1, .3333}, overall: 1.3333, index: 33.33, quintile: 2, flags: 1},
				{code: "B", pr: []float64{.3333, .6667, .3333}, score: []float64{.3333, .6667, .3333}, pct: []float64{.3333, .6667, .3333}, overall: 1.3333, index: 33.33, quintile: 2},
				{code: "C", pr: []float64{.6667, .3333, 1}, score: []float64{.6667, .3333, 1}, pct: []float64{.6667, .3333, 1}, overall: 2, index: 100, quintile: 4, flags: 1},
				{code: "D", pr: []float64{1, 0, 0}, score: []float64{1, 0, 0}, pct: []float64{1, 0, 0}, overall: 1, index: 0, quintile: 1, flags: 1},
			},
		},
		{
			// Theme t1: x, y; theme t2: z. B lacks y, C lacks z.
			// x 1 2 3 4 (N = 4) → A 0, B .3333, C .6667, D 1.
			// y A 1, C 3, D 4 (N = 3) → A 0, C .5, D 1; B none.
			// z A 1, B 2, D 4 (N = 3) → A 0, B .5, D 1; C none.
			// t1: A 0+0 = 0; B has 1 of 2 → .3333 × 2/1 = .6666; C .6667+.5 = 1.1667;
			// D 2 → percentiles (N = 4) A 0, B .3333, C .6667, D 1.
			// t2: A 0, B .5, C none (every indicator missing), D 1 → percentiles
			// (N = 3) A 0, B .5, D 1.
			// Overall: A 0, B .6666+.5 = 1.1666, C none, D 3 → N = 3 → index A 0,
			// B 50, D 100; quintiles A 1, B 2, D 4. Flags: D 3 (x, y, z at 1).
			name: "missing values",
			config: `
columns: {code: code, population: pop}
indicators:
  x: {theme: t1, direction: 1}
  y: {theme: t1, direction: 1}
  z: {theme: t2, direction: 1}
`,
			data: "code,pop,x,y,z\nA,1,1,1,1\nB,1,2,,2\nC,1,3,3,NA\nD,1,4,4,4\n",
			n:    []int{4, 3, 3},
			want: []want{
				{code: "A", pr: []float64{0, 0, 0}, score: []float64{0, 0}, pct: []float64{0, 0}, overall: 0, index: 0, quintile: 1},
				{code: "B", missing: "y", pr: []float64{.3333, nan, .5}, score: []float64{.6666, .5}, pct: []float64{.3333, .5}, overall: 1.1666, index: 50, quintile: 2},
				{code: "C", missing: "z", pr: []float64{.6667, .5, nan}, score: []float64{1.1667, nan}, pct: []float64{.6667, nan}, overall: nan, index: nan},
				{code: "D", pr: []float64{1, 1, 1}, score: []float64{2, 1}, pct: []float64{1, 1}, overall: 3, index: 100, quintile: 4, flags: 3},
			},
		},
		{
			// x 1 2 3 → PR A 0, B .5, C 1; y 3 2 1 → PR A 1, B .5, C 0.
			// Unweighted, every overall score would be 1 (all tied). With weight 2 on
			// theme a: A 2·0+1 = 1, B 2·.5+.5 = 1.5, C 2·1+0 = 2 → index 0, 50, 100.
			name: "weights",
			config: `
columns: {code: code, population: pop}
themes:
  a: {weight: 2}
  b:
indicators:
  x: {theme: a, direction: 1}
  y: {theme: b, direction: 1}
`,
			data:     "code,pop,x,y\nA,1,1,3\nB,1,2,2\nC,1,3,1\n",
			weighted: true,
			n:        []int{3, 3},
			want: []want{
				{code: "A", pr: []float64{0, 1}, score: []float64{0, 1}, pct: []float64{0, 1}, overall: 1, index: 0, quintile: 1, flags: 1},
				{code: "B", pr: []float64{.5, .5}, score: []float64{.5, .5}, pct: []float64{.5, .5}, overall: 1.5, index: 50, quintile: 2},
				{code: "C", pr: []float64{1, 0}, score: []float64{1, 0}, pct: []float64{1, 0}, overall: 2, index: 100, quintile: 4, flags: 1},
			},
		},
		{
			// The same data without weights: overall 1, 1, 1, all tied at rank 1 →
			// index 0 and quintile 1 for all (ties share the smallest rank).
			name: "all tied",
			config: `
columns: {code: code, population: pop}
indicators:
  x: {theme: a, direction: 1}
  y: {theme: b, direction: 1}
`,
			data: "code,pop,x,y\nA,1,1,3\nB,1,2,2\nC,1,3,1\n",
			n:    []int{3, 3},
			want: []want{
				{code: "A", pr: []float64{0, 1}, score: []float64{0, 1}, pct: []float64{0, 1}, overall: 1, index: 0, quintile: 1, flags: 1},
				{code: "B", pr: []float64{.5, .5}, score: []float64{.5, .5}, pct: []float64{.5, .5}, overall: 1, index: 0, quintile: 1},
				{code: "C", pr: []float64{1, 0}, score: []float64{1, 0}, pct: []float64{1, 0}, overall: 1, index: 0, quintile: 1, flags: 1},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := mustConfig(t, tc.config)
			res := Compute(mustAreas(t, cfg, tc.data), cfg)
			if res.Weighted != tc.weighted {
				t.Errorf("Weighted = %v, want %v", res.Weighted, tc.weighted)
			}
			if wantMethod := map[bool]string{false: MethodSVI, true: MethodWeighted}[tc.weighted]; res.Method != wantMethod {
				t.Errorf("Method = %q, want %q", res.Method, wantMethod)
			}
			if fmt.Sprint(res.IndicatorN) != fmt.Sprint(tc.n) {
				t.Errorf("IndicatorN = %v, want %v", res.IndicatorN, tc.n)
			}
			if len(res.Areas) != len(tc.want) {
				t.Fatalf("%d areas, want %d", len(res.Areas), len(tc.want))
			}
			for i, w := range tc.want {
				checkArea(t, res.Areas[i], w)
			}
		})
	}
}

// TestPercentRank checks the rounding to 4 decimals and N = 1.
func TestPercentRank(t *testing.T) {
	for _, tc := range []struct {
		below, n int
		want     float64
	}{
		{0, 1, 0},         // N = 1: defined as 0
		{0, 2, 0},         // 0/1
		{1, 2, 1},         // 1/1
		{1, 4, .3333},     // 1/3 = 0.33333…
		{2, 4, .6667},     // 2/3 = 0.66666… rounds up
		{1, 20001, .0001}, // 1/20000 = 0.00005 exactly: half rounds away from zero
		{1, 30001, 0},     // 1/30000 = 0.0000333… rounds to 0
		{29999, 30001, 1}, // 29999/30000 = 0.99996… rounds to 1
		{1234, 10001, .1234},
	} {
		if got := percentRank(tc.below, tc.n); got != tc.want {
			t.Errorf("percentRank(%d, %d) = %v, want %v", tc.below, tc.n, got, tc.want)
		}
	}
}

// TestQuintiles checks group sizes: equal when N is a multiple of 5, differing by at
// most one otherwise, and tied areas sharing the quintile of their smallest rank.
func TestQuintiles(t *testing.T) {
	sizes := func(below []int, n int) [5]int {
		var s [5]int
		for _, b := range below {
			s[quintile(b, n)-1]++
		}
		return s
	}
	distinct := func(n int) []int {
		b := make([]int, n)
		for i := range b {
			b[i] = i
		}
		return b
	}
	for _, tc := range []struct {
		name  string
		below []int
		n     int
		want  [5]int
	}{
		{"10 distinct", distinct(10), 10, [5]int{2, 2, 2, 2, 2}},
		{"7 distinct", distinct(7), 7, [5]int{2, 1, 2, 1, 1}}, // ⌊5r/7⌋ for r = 0…6: 0 0 1 2 2 3 4
		{"3 distinct", distinct(3), 3, [5]int{1, 1, 0, 1, 0}}, // 0, 1, 3
		{"1", distinct(1), 1, [5]int{1, 0, 0, 0, 0}},
		// Ranks 1 2 2 2 5 6 7 8 9 10: the three tied at rank 2 all go to quintile 1.
		{"ties", []int{0, 1, 1, 1, 4, 5, 6, 7, 8, 9}, 10, [5]int{4, 0, 2, 2, 2}},
	} {
		if got := sizes(tc.below, tc.n); got != tc.want {
			t.Errorf("%s: sizes %v, want %v", tc.name, got, tc.want)
		}
	}
}

// randomCase builds a random configuration and data with ties, missing values and
// unranked areas.
func randomCase(rng *rand.Rand) (*Config, []Area) {
	nt := 1 + rng.IntN(3)
	k := nt + rng.IntN(4)
	cfg := &Config{Columns: Columns{Code: "code", Population: "pop"}}
	for t := range nt {
		cfg.Themes = append(cfg.Themes, Theme{ID: fmt.Sprint("t", t), Weight: 1})
	}
	for j := range k {
		dir := 1
		if rng.IntN(3) == 0 {
			dir = -1
		}
		cfg.Indicators = append(cfg.Indicators, Indicator{Column: fmt.Sprint("x", j), Theme: fmt.Sprint("t", j%nt), Direction: dir})
	}
	if rng.IntN(4) == 0 {
		cfg.Themes[0].Weight = 0.5 + rng.Float64()*2
	}
	n := 1 + rng.IntN(40)
	areas := make([]Area, n)
	for i := range areas {
		a := &areas[i]
		a.Code = fmt.Sprint("A", i)
		a.Population = float64(1 + rng.IntN(1000))
		switch rng.IntN(12) {
		case 0:
			a.Population = 0
		case 1:
			a.Population = nan
		}
		a.Values = make([]float64, k)
		for j := range a.Values {
			a.Values[j] = float64(rng.IntN(6)) // few distinct values: many ties
			if rng.IntN(10) == 0 {
				a.Values[j] = nan
			}
		}
	}
	return cfg, areas
}

// TestMonotone is the property test: making one indicator of one area more vulnerable
// (raising it when its direction is 1, lowering it when −1) never lowers that area's
// index, nor its rank on that indicator, nor its theme percentile.
func TestMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 7))
	checked := 0
	for iter := range 3000 {
		cfg, areas := randomCase(rng)
		before := Compute(areas, cfg)
		i := rng.IntN(len(areas))
		j := rng.IntN(len(cfg.Indicators))
		if before.Areas[i].Excluded != "" || math.IsNaN(areas[i].Values[j]) {
			continue
		}
		changed := make([]Area, len(areas))
		copy(changed, areas)
		changed[i].Values = append([]float64(nil), areas[i].Values...)
		changed[i].Values[j] += float64(cfg.Indicators[j].Direction) * float64(1+rng.IntN(3))
		after := Compute(changed, cfg)
		b, a := before.Areas[i], after.Areas[i]
		t2 := 0
		for ti, th := range cfg.Themes {
			if th.ID == cfg.Indicators[j].Theme {
				t2 = ti
			}
		}
		if a.PR[j] < b.PR[j] || a.ThemePercentile[t2] < b.ThemePercentile[t2] ||
			(!math.IsNaN(b.Index) && a.Index < b.Index) {
			t.Fatalf("case %d: raising indicator %d of area %d lowered it: PR %v → %v, theme %v → %v, index %v → %v",
				iter, j, i, b.PR[j], a.PR[j], b.ThemePercentile[t2], a.ThemePercentile[t2], b.Index, a.Index)
		}
		checked++
	}
	if checked < 1000 {
		t.Fatalf("only %d cases checked", checked)
	}
}

// TestAgainstDefinition compares Compute with a direct O(n²) reading of the method on
// random cases: rank − 1 = number of areas with a strictly smaller value.
func TestAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 500 {
		cfg, areas := randomCase(rng)
		res := Compute(areas, cfg)
		ranked := func(i int) bool { p := areas[i].Population; return p > 0 }
		pr := func(vals map[int]float64, i int) float64 {
			below := 0
			for _, v := range vals {
				if v < vals[i] {
					below++
				}
			}
			if len(vals) <= 1 {
				return 0
			}
			return math.Round(float64(below)*1e4/float64(len(vals)-1)) / 1e4
		}
		// CDC's reversed rule: 1 − PR of the values as they are, (N − rank) / (N − 1).
		reversed := func(vals map[int]float64, i int) float64 {
			if len(vals) <= 1 {
				return 0
			}
			above := 0
			for _, v := range vals {
				if v >= vals[i] {
					above++ // the value itself included: N − below
				}
			}
			return math.Round(float64(above-1)*1e4/float64(len(vals)-1)) / 1e4
		}
		for j, ind := range cfg.Indicators {
			vals := map[int]float64{}
			for i := range areas {
				if v := areas[i].Values[j]; ranked(i) && !math.IsNaN(v) {
					vals[i] = v
				}
			}
			for i := range areas {
				want := nan
				if _, ok := vals[i]; ok && ind.Direction < 0 {
					want = reversed(vals, i)
				} else if ok {
					want = pr(vals, i)
				}
				if got := res.Areas[i].PR[j]; !same(got, want) {
					t.Fatalf("case %d: area %d indicator %d: PR %v, want %v", iter, i, j, got, want)
				}
			}
		}
		overall := map[int]float64{}
		for i, a := range res.Areas {
			if !math.IsNaN(a.Overall) {
				overall[i] = a.Overall
			}
		}
		for i, a := range res.Areas {
			if _, ok := overall[i]; !ok {
				if !math.IsNaN(a.Index) || a.Quintile != 0 {
					t.Fatalf("case %d: area %d has an index without an overall score", iter, i)
				}
				continue
			}
			if want := math.Round(pr(overall, i)*1e4) / 100; a.Index != want {
				t.Fatalf("case %d: area %d: index %v, want %v", iter, i, a.Index, want)
			}
			if a.Index < 0 || a.Index > 100 || a.Quintile < 1 || a.Quintile > 5 {
				t.Fatalf("case %d: area %d: index %v, quintile %d out of range", iter, i, a.Index, a.Quintile)
			}
		}
	}
}

// TestComputeDoesNotModify: Compute leaves its arguments alone.
func TestComputeDoesNotModify(t *testing.T) {
	cfg := mustConfig(t, oneTheme)
	areas := mustAreas(t, cfg, "code,pop,x\nA,1,3\nB,1,1\nC,1,2\n")
	Compute(areas, cfg)
	if areas[0].Values[0] != 3 || areas[1].Values[0] != 1 || areas[2].Values[0] != 2 {
		t.Errorf("values changed: %v %v %v", areas[0].Values, areas[1].Values, areas[2].Values)
	}
}

// TestKeyOrder: key keeps the order of floats, and −0 ties with +0.
func TestKeyOrder(t *testing.T) {
	vals := []float64{math.Inf(-1), -1e300, -2.5, -1, -1e-300, math.Copysign(0, -1), 0, 1e-300, 1, 2.5, 1e300, math.Inf(1)}
	for i := 1; i < len(vals); i++ {
		a, b := key(vals[i-1]), key(vals[i])
		if vals[i-1] == vals[i] && a != b || vals[i-1] < vals[i] && a >= b {
			t.Errorf("key(%v) = %x, key(%v) = %x: order lost", vals[i-1], a, vals[i], b)
		}
	}
}

// TestRanker ranks values with ties through every byte of the key, in both the
// zero-rank and the all-equal cases.
func TestRanker(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := range 200 {
		n := rng.IntN(300)
		vals := make([]float64, n)
		for i := range vals {
			switch rng.IntN(3) {
			case 0:
				vals[i] = float64(rng.IntN(5)) // ties
			case 1:
				vals[i] = rng.NormFloat64() * 1e6
			default:
				vals[i] = -rng.Float64()
			}
			if iter%50 == 0 {
				vals[i] = 7 // all equal
			}
		}
		rk := &ranker{tmp: make([]pair, n), below: make([]int, n)}
		for i, v := range vals {
			rk.add(i, v)
		}
		rk.rank()
		for p, e := range rk.pairs {
			want := 0
			for _, v := range vals {
				if v < vals[e.who] {
					want++
				}
			}
			if rk.below[p] != want || (p > 0 && vals[rk.pairs[p-1].who] > vals[e.who]) {
				t.Fatalf("case %d: value %v at %d: below %d, want %d", iter, vals[e.who], p, rk.below[p], want)
			}
		}
	}
}
