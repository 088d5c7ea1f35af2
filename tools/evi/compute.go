package evi

import "math"

// Why an area is left out of the ranking.
const (
	ExcludedZeroPopulation    = "zero population"
	ExcludedMissingPopulation = "missing population"
	ExcludedInvalidPopulation = "invalid population" // negative or infinite; ReadCSV rejects these
)

// Method labels, one of which every output carries.
const (
	MethodSVI      = "CDC/ATSDR SVI percentile-rank method"
	MethodWeighted = "weighted themes: a departure from the CDC/ATSDR SVI percentile-rank method"
)

// Result holds the scores of every area, in input order, and what they were computed from.
type Result struct {
	Config   *Config
	Weighted bool   // a theme weight differs from 1
	Method   string // MethodSVI or MethodWeighted

	Ranked     int   // areas ranked: population above zero
	IndicatorN []int // per indicator: ranked areas with a value (the N of its ranks)
	ThemeN     []int // per theme: ranked areas with a theme score
	OverallN   int   // ranked areas with an overall score (the N of the index)

	Areas []AreaResult

	// Groups summarises the areas by service area when Run was given groups or
	// points (Aggregate); nil otherwise.
	Groups []GroupResult
}

// AreaResult holds the scores of one area. NaN marks a score that does not exist: every
// score of an excluded area, the rank of a missing indicator value, and the theme score
// of a theme whose indicators are all missing (and then the overall score and index).
type AreaResult struct {
	Line       int
	Code       string
	NameEN     string
	NameFR     string
	Population float64 // NaN when missing

	Excluded string   // "" when ranked, else why not (ExcludedZeroPopulation…)
	Missing  []string // the indicators whose value is missing, in configuration order

	PR              []float64 // per indicator: percentile rank, 0 to 1, 4 decimals
	ThemeScore      []float64 // per theme: sum of its indicators' ranks (rescaled when some are missing)
	ThemePercentile []float64 // per theme: percentile rank of the theme score
	Overall         float64   // sum of the theme scores, each times its weight
	Index           float64   // the e-vulnerability index: 100 × percentile rank of Overall, 2 decimals
	Quintile        int       // 1 (least vulnerable) to 5 (most) by Overall; 0 without one
	Flags           int       // indicators whose rank is at least FlagThreshold
}

// FlagThreshold is the percentile rank from which an indicator is flagged: the top 10%.
const FlagThreshold = 0.90

// Compute scores every area against the others (see the package documentation for the
// method). It does not modify its arguments and needs no I/O. An indicator whose theme
// is not in cfg.Themes gets ranks but counts in no theme; ParseConfig prevents that.
func Compute(areas []Area, cfg *Config) Result {
	n, k, nt := len(areas), len(cfg.Indicators), len(cfg.Themes)
	res := Result{
		Config:     cfg,
		Weighted:   cfg.Weighted(),
		Method:     MethodSVI,
		IndicatorN: make([]int, k),
		ThemeN:     make([]int, nt),
		Areas:      make([]AreaResult, n),
	}
	if res.Weighted {
		res.Method = MethodWeighted
	}

	// Which indicators belong to each theme.
	members := make([][]int, nt)
	themeOf := map[string]int{}
	for t, th := range cfg.Themes {
		themeOf[th.ID] = t
	}
	for j, ind := range cfg.Indicators {
		if t, ok := themeOf[ind.Theme]; ok {
			members[t] = append(members[t], j)
		}
	}

	// One backing array per kind of score: three allocations instead of three per area.
	prs := fill(make([]float64, n*k), math.NaN())
	scores := fill(make([]float64, n*nt), math.NaN())
	pcts := fill(make([]float64, n*nt), math.NaN())
	ranked := make([]int, 0, n)
	// The lists of missing indicators share one array, sized by a first count.
	nMissing := 0
	for i := range areas {
		for j := range k {
			if !finite(value(&areas[i], j)) {
				nMissing++
			}
		}
	}
	missing := make([]string, 0, nMissing)
	for i := range areas {
		a := &areas[i]
		r := &res.Areas[i]
		*r = AreaResult{
			Line: a.Line, Code: a.Code, NameEN: a.NameEN, NameFR: a.NameFR, Population: a.Population,
			PR:              prs[i*k : (i+1)*k : (i+1)*k],
			ThemeScore:      scores[i*nt : (i+1)*nt : (i+1)*nt],
			ThemePercentile: pcts[i*nt : (i+1)*nt : (i+1)*nt],
			Overall:         math.NaN(),
			Index:           math.NaN(),
		}
		start := len(missing)
		for j := range k {
			if !finite(value(a, j)) {
				missing = append(missing, cfg.Indicators[j].Column)
			}
		}
		if len(missing) > start {
			r.Missing = missing[start:len(missing):len(missing)]
		}
		switch p := a.Population; {
		case p > 0 && !math.IsInf(p, 1):
			ranked = append(ranked, i)
		case p == 0:
			r.Excluded = ExcludedZeroPopulation
		case math.IsNaN(p):
			r.Excluded = ExcludedMissingPopulation
		default:
			r.Excluded = ExcludedInvalidPopulation
		}
	}
	res.Ranked = len(ranked)

	// Scratch space shared by every ranking.
	rk := &ranker{
		pairs: make([]pair, 0, len(ranked)),
		tmp:   make([]pair, len(ranked)),
		below: make([]int, len(ranked)),
	}

	// 1. Each indicator, times its direction, ranked among the ranked areas that have it.
	// The work is column by column: one indicator of every area, then its ranks, sit in
	// contiguous memory (col), which is several times faster than striding across areas.
	nr := len(ranked)
	cols := make([]float64, k*nr)
	for q, i := range ranked {
		a := &areas[i]
		for j := range k {
			cols[j*nr+q] = value(a, j)
		}
	}
	for j, ind := range cfg.Indicators {
		col := cols[j*nr : (j+1)*nr]
		rk.reset()
		for q, v := range col {
			if finite(v) {
				rk.add(q, v)
			} else {
				col[q] = math.NaN()
			}
		}
		nv := rk.rank()
		res.IndicatorN[j] = nv
		for p, e := range rk.pairs {
			// The value is no longer needed. A reversed indicator (a lower value more
			// vulnerable) takes 1 − PR of the values as they are, as CDC does: tied areas
			// share the higher rank, where ranking the negated values would give them the
			// lower one (Carbon and Lycoming counties, per capita income, SVI 2018).
			if ind.Direction < 0 {
				col[e.who] = reversedPercentRank(rk.below[p], nv)
			} else {
				col[e.who] = percentRank(rk.below[p], nv)
			}
		}
	}
	for q, i := range ranked {
		pr := res.Areas[i].PR
		for j := range pr {
			pr[j] = cols[j*nr+q]
		}
	}

	// 2. Theme scores: the sum of the members' ranks. When some are missing, the sum of
	// those present is scaled by members/present, which is the same as giving each
	// missing rank the mean of the present ones; with none present there is no score.
	for _, i := range ranked {
		r := &res.Areas[i]
		for t, ms := range members {
			sum, present := 0.0, 0
			for _, j := range ms {
				if pr := r.PR[j]; !math.IsNaN(pr) {
					sum += pr
					present++
				}
			}
			if present > 0 {
				r.ThemeScore[t] = round4(sum * float64(len(ms)) / float64(present))
			}
		}
		for _, pr := range r.PR {
			if pr >= FlagThreshold {
				r.Flags++
			}
		}
	}

	// 3. Theme percentiles: the theme scores ranked the same way.
	for t := range cfg.Themes {
		rk.reset()
		for _, i := range ranked {
			if s := res.Areas[i].ThemeScore[t]; !math.IsNaN(s) {
				rk.add(i, s)
			}
		}
		nv := rk.rank()
		res.ThemeN[t] = nv
		for p, e := range rk.pairs {
			res.Areas[e.who].ThemePercentile[t] = percentRank(rk.below[p], nv)
		}
	}

	// 4. Overall score (weighted sum of the theme scores), index and quintile. An area
	// with a theme score missing has neither: a whole theme is not imputed.
	rk.reset()
	for _, i := range ranked {
		r := &res.Areas[i]
		sum := 0.0
		for t, th := range cfg.Themes {
			sum += th.EffectiveWeight() * r.ThemeScore[t]
		}
		if !math.IsNaN(sum) {
			r.Overall = round4(sum)
			rk.add(i, r.Overall)
		}
	}
	res.OverallN = rk.rank()
	for p, e := range rk.pairs {
		r := &res.Areas[e.who]
		pr := percentRank(rk.below[p], res.OverallN)
		r.Index = math.Round(pr*1e4) / 100
		r.Quintile = quintile(rk.below[p], res.OverallN)
	}
	return res
}

// ranker ranks values: after rank, below[p] is the number of values strictly smaller
// than that of the area sorted[p].who — its rank minus one, ties sharing the smallest
// rank. The values are mapped to integer keys in the same order (see key) and sorted by
// a least-significant-digit radix sort: linear time, stable, and exact, since keys are
// compared whole. It is within the O(n log n) the method needs, and several times
// faster than sorting floats and finding each one by binary search.
type ranker struct {
	pairs  []pair // the values added, then sorted
	tmp    []pair
	below  []int
	counts [8][256]int
}

type pair struct {
	key uint64
	who int // whose value: an area, or its place among the ranked areas
}

func (rk *ranker) reset() {
	rk.pairs = rk.pairs[:0]
}

func (rk *ranker) add(area int, v float64) {
	rk.pairs = append(rk.pairs, pair{key(v), area})
}

// key maps a float64 (not NaN) to a uint64 in the same order: flip every bit of a
// negative number, only the sign bit of a positive one. Adding 0 turns −0 into +0, so
// that they tie.
func key(v float64) uint64 {
	b := math.Float64bits(v + 0)
	if b>>63 == 1 {
		return ^b
	}
	return b | 1<<63
}

// rank sorts the pairs, fills below and returns the number of values ranked.
func (rk *ranker) rank() int {
	n := len(rk.pairs)
	if n == 0 {
		return 0
	}
	// One pass counts the 8 bytes of every key; each byte with more than one value then
	// takes a pass, lowest byte first.
	rk.counts = [8][256]int{}
	for _, p := range rk.pairs {
		k := p.key
		for d := range 8 {
			rk.counts[d][byte(k>>(8*d))]++
		}
	}
	src, dst := rk.pairs, rk.tmp[:n]
	for d := range 8 {
		c := &rk.counts[d]
		shift := 8 * d
		if c[byte(src[0].key>>shift)] == n {
			continue // every key has the same byte here
		}
		sum := 0
		for b, k := range c {
			c[b] = sum
			sum += k
		}
		for _, p := range src {
			b := byte(p.key >> shift)
			dst[c[b]] = p
			c[b]++
		}
		src, dst = dst, src
	}
	// Keep the sorted slice in pairs and the other as scratch.
	rk.pairs, rk.tmp = src, dst[:cap(dst)]
	below := rk.below[:n]
	for p := range src {
		if p > 0 && src[p].key == src[p-1].key {
			below[p] = below[p-1]
		} else {
			below[p] = p
		}
	}
	return n
}

// percentRank is (rank − 1) / (N − 1) rounded to 4 decimals (half away from zero),
// given rank − 1. With N = 1 it is 0: a lone area is not more vulnerable than itself.
func percentRank(below, n int) float64 {
	if n <= 1 {
		return 0
	}
	return math.Round(float64(below)*1e4/float64(n-1)) / 1e4
}

// reversedPercentRank is 1 − PR for a reversed indicator, given the rank − 1 of the
// value as it is: (N − rank) / (N − 1), computed before rounding so that it is exactly
// 1 − PR rounded once, to 4 decimals. With N = 1 it is 0, as percentRank.
func reversedPercentRank(below, n int) float64 {
	if n <= 1 {
		return 0
	}
	return percentRank(n-1-below, n)
}

// quintile is ⌊5 × (rank − 1) / N⌋ + 1: 1 to 5, ties sharing the smallest rank's.
func quintile(below, n int) int {
	return 5*below/n + 1
}

func round4(x float64) float64 {
	return math.Round(x*1e4) / 1e4
}

func finite(v float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0)
}

// value is the j-th indicator of a, NaN when a has fewer values.
func value(a *Area, j int) float64 {
	if j < len(a.Values) {
		return a.Values[j]
	}
	return math.NaN()
}

func fill(s []float64, v float64) []float64 {
	for i := range s {
		s[i] = v
	}
	return s
}
