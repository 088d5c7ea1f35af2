// Package related finds, for every case study, the (at most) four other case studies that
// share the most with it: themes, techniques and data sources, the rarer a shared code
// the more it counts, data sources and techniques above themes. `guide hugo-data` writes
// the result as related.json for the case-study pages (docs/site.md, "Related case
// studies").
//
// Score. A code t of vocabulary v weighs w(t) = K(v) × round(100 × ln(1 + N/df(t))),
// where N is the number of case studies listed (not archived), df(t) how many of them
// carry t, K = 3 for data sources and techniques and 2 for themes. The score of q for p
// is the sum of the weights of the codes they share. A case study is described by its
// (at most) MaxTerms heaviest codes, its profile (ties: vocabulary, then code); both
// sides of a comparison use their profiles. Only the MaxCodes heaviest codes of the
// corpus count (255; the taxonomy has 33).
//
// Order: score, then the number of shared codes, then id (ascending): deterministic.
// Archived case studies are never listed; they get their own list.
//
// Cost: linear in the number of case studies, exactly. Every listed case study is
// entered in an index under each non-empty subset of its profile (at most 2^MaxTerms - 1
// = 255 keys; the index is radix-sorted, index.go). For p, the subsets of its profile are visited by decreasing weight (then
// size); a case study q first met under subset S shares exactly S with p: had it shared
// a larger set, that heavier subset would have been visited before and q met there. So
// the case studies come out in the final order, and p stops after four, reading from
// each posting list only the first few entries it has not met. Each project costs at
// most 255 subsets and about 255 × 9 postings read, whatever N: no pair is compared, no
// bound makes the result approximate. A test compares it with all pairs.
package related

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// Max is how many related case studies each case study lists.
const Max = 4

// MaxTerms bounds a profile: a case study tagged with more codes is compared through its
// MaxTerms heaviest.
const MaxTerms = 8

// Vocabularies are the vocabularies compared, with their factor K.
var Vocabularies = []struct {
	Name   string
	Factor int
}{{"data_sources", 3}, {"techniques", 3}, {"themes", 2}}

// Project is what a case study brings: its id, its codes by vocabulary and whether it is
// archived.
type Project struct {
	ID       string
	Codes    map[string][]string // vocabulary → codes
	Archived bool
}

// Term is a shared code.
type Term struct {
	Vocab string `json:"vocab"`
	Code  string `json:"code"`
}

// Link is one related case study and what it shares, heaviest code first.
type Link struct {
	ID     string `json:"id"`
	Shared []Term `json:"shared"`
	Score  int    `json:"score"`
}

// Related is what related.json holds: id → its related case studies, best first
// (case studies with none are left out).
type Related struct {
	Projects map[string][]Link `json:"projects"`
}

type key uint64 // the term numbers + 1 of a subset, ascending, a byte each

type term struct {
	Term
	vocab  int // position in Vocabularies
	weight int
}

// Compute returns the related case studies of every project.
func Compute(projects []Project) Related { return compute(projects, nil) }

// work counts what compute did, for the benchmark: posting lists opened and postings read.
type work struct{ lists, postings int }

func compute(projects []Project, w *work) Related {
	ps := slices.Clone(projects)
	slices.SortFunc(ps, func(a, b Project) int { return cmp.Compare(a.ID, b.ID) })
	terms, profiles := profiles(ps)
	idx := buildIndex(ps, profiles)
	out := Related{Projects: map[string][]Link{}}
	type subset struct {
		mask   int // the positions in the profile
		size   int
		weight int
	}
	var subsets []subset
	var weights [1 << MaxTerms]int
	for i, p := range ps {
		prof := profiles[i]
		// Each subset's weight from a smaller one's: the mask without its lowest bit.
		subsets = subsets[:0]
		weights[0] = 0
		for mask := 1; mask < 1<<len(prof); mask++ {
			low := bits.TrailingZeros(uint(mask))
			weights[mask] = weights[mask&(mask-1)] + terms[prof[low]].weight
			subsets = append(subsets, subset{mask, bits.OnesCount(uint(mask)), weights[mask]})
		}
		slices.SortFunc(subsets, func(a, b subset) int {
			if c := cmp.Compare(b.weight, a.weight); c != 0 {
				return c
			}
			return cmp.Compare(b.size, a.size)
		})
		var links []Link
		met := []int32{int32(i)}
		for g := 0; g < len(subsets) && len(links) < Max; {
			// A group of subsets of equal weight and size: its new case studies tie but
			// for their ids.
			end := g + 1
			for end < len(subsets) && subsets[end].weight == subsets[g].weight && subsets[end].size == subsets[g].size {
				end++
			}
			need := Max - len(links)
			type found struct {
				q    int32
				mask int
			}
			var group []found
			for _, s := range subsets[g:end] {
				n := 0
				read := 0
				for _, q := range idx.list(i, s.mask) {
					if n == need {
						break
					}
					read++
					if !slices.Contains(met, q) && !slices.ContainsFunc(group, func(f found) bool { return f.q == q }) {
						group = append(group, found{q, s.mask})
						n++
					}
				}
				if w != nil {
					w.lists++
					w.postings += read
				}
			}
			slices.SortFunc(group, func(a, b found) int { return cmp.Compare(a.q, b.q) })
			for _, f := range group[:min(need, len(group))] {
				met = append(met, f.q)
				links = append(links, Link{ID: ps[f.q].ID, Shared: shared(terms, prof, f.mask), Score: subsets[g].weight})
			}
			g = end
		}
		if len(links) > 0 {
			out.Projects[p.ID] = links
		}
	}
	return out
}

// shared lists the codes of the subset mask of a profile, heaviest first (then by
// vocabulary and code).
func shared(terms []term, prof []int, mask int) []Term {
	var ts []term
	for j := range prof {
		if mask&(1<<j) != 0 {
			ts = append(ts, terms[prof[j]])
		}
	}
	slices.SortFunc(ts, byWeight)
	out := make([]Term, len(ts))
	for n := range ts {
		out[n] = ts[n].Term
	}
	return out
}

func byWeight(a, b term) int {
	if c := cmp.Compare(b.weight, a.weight); c != 0 {
		return c
	}
	if c := cmp.Compare(a.vocab, b.vocab); c != 0 {
		return c
	}
	return cmp.Compare(a.Code, b.Code)
}

// MaxCodes bounds the codes compared: numbered heaviest first, a code beyond the 255th
// (only in a taxonomy of more than 255 themes, techniques and data sources) counts for
// nothing, so that a subset fits a 64-bit key.
const MaxCodes = 255

// profiles numbers the codes heaviest first (byWeight), weighs them, and returns each
// project's profile: the numbers of its (at most MaxTerms) heaviest codes, ascending.
func profiles(ps []Project) ([]term, [][]int) {
	df := map[Term]int{}
	var terms []term
	sets := make([][]Term, len(ps))
	listed := 0
	for i, p := range ps {
		if !p.Archived {
			listed++
		}
		for v, voc := range Vocabularies {
			for _, c := range p.Codes[voc.Name] {
				t := Term{voc.Name, c}
				if slices.Contains(sets[i], t) {
					continue // a code written twice counts once
				}
				sets[i] = append(sets[i], t)
				n, seen := df[t]
				if !seen {
					terms = append(terms, term{Term: t, vocab: v})
				}
				if !p.Archived {
					n++
				}
				df[t] = n
			}
		}
	}
	for n := range terms {
		// A code only archived case studies carry is shared with nobody listed.
		terms[n].weight = Vocabularies[terms[n].vocab].Factor * weight(listed, max(1, df[terms[n].Term]))
	}
	slices.SortFunc(terms, byWeight)
	terms = terms[:min(len(terms), MaxCodes)]
	number := make(map[Term]int, len(terms))
	for n, t := range terms {
		number[t.Term] = n
	}
	all := make([][]int, len(ps))
	for i, set := range sets {
		for _, t := range set {
			if n, ok := number[t]; ok {
				all[i] = append(all[i], n)
			}
		}
		slices.Sort(all[i]) // heaviest first
		all[i] = all[i][:min(len(all[i]), MaxTerms)]
	}
	return terms, all
}

// weight is round(100 × ln(1 + n/df)): at least 1, more for a rarer code.
func weight(n, df int) int {
	return max(1, int(math.Round(100*math.Log1p(float64(n)/float64(df)))))
}

func keyOf(profile []int, mask int) key {
	var k key
	shift := 0
	for j := range profile {
		if mask&(1<<j) != 0 {
			k |= key(profile[j]+1) << shift
			shift += 8
		}
	}
	return k
}

// forSubsets calls f with the key and the mask (profile positions) of every non-empty
// subset of profile (at most MaxTerms term numbers, ascending).
func forSubsets(profile []int, f func(key, int)) {
	for mask := 1; mask < 1<<len(profile); mask++ {
		f(keyOf(profile, mask), mask)
	}
}
