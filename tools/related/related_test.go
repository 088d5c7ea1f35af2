package related

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/pssdc/guide-iad/tools/gen"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

func p(id string, themes, techniques, sources []string) Project {
	return Project{ID: id, Codes: map[string][]string{"themes": themes, "techniques": techniques, "data_sources": sources}}
}

func s(codes ...string) []string { return codes }

// ids returns the related ids of each project, "" when it has none.
func ids(r Related, id string) []string {
	var out []string
	for _, l := range r.Projects[id] {
		out = append(out, l.ID)
	}
	return out
}

// TestOrder: hand-made corpora for the weights, the ties and what is never listed.
func TestOrder(t *testing.T) {
	// Filler projects make codes common (a, x, k) so that weights differ by rarity.
	fill := func(n int) []Project {
		var out []Project
		for i := range n {
			out = append(out, p(fmt.Sprintf("z%02d", i), s("a"), s("x"), s("k")))
		}
		return out
	}
	cases := []struct {
		name     string
		projects []Project
		id       string
		want     []string
	}{
		{"a shared data source outweighs a shared theme of the same rarity",
			[]Project{p("me", s("t1"), s("x"), s("d1")), p("theme", s("t1"), s("y"), s("d9")), p("source", s("t9"), s("y"), s("d1"))},
			"me", s("source", "theme")},
		{"a shared technique outweighs a shared theme of the same rarity",
			[]Project{p("me", s("t1"), s("q1"), s("k")), p("b-theme", s("t1"), s("y"), s("d9")), p("c-tech", s("t9"), s("q1"), s("d8"))},
			"me", s("c-tech", "b-theme")},
		{"a rare shared theme outweighs a common shared data source",
			append(fill(20), p("me", s("rare"), s("y"), s("k")), p("b-common", s("t9"), s("y2"), s("k")), p("c-rare", s("rare"), s("y3"), s("d9"))),
			"me", s("c-rare", "b-common", "z00", "z01")},
		{"equal scores: ids in order; nothing shared: not listed",
			[]Project{p("me", s("t1"), s("x"), s("d1")), p("d", s("t1"), s("y"), s("d2")), p("b", s("t1"), s("y"), s("d2")), p("none", s("t2"), s("y"), s("d2"))},
			"me", s("b", "d")},
		{"at most four, best first",
			append(fill(6), p("me", s("a"), s("x"), s("k"))),
			"me", s("z00", "z01", "z02", "z03")},
		{"archived: never listed, but listed from",
			[]Project{p("me", s("t1"), s("x"), s("d1")), {ID: "a-old", Archived: true, Codes: map[string][]string{"themes": s("t1"), "techniques": s("x"), "data_sources": s("d1")}}, p("b", s("t1"), s("y"), s("d2"))},
			"a-old", s("me", "b")},
		{"archived: left out of others' lists",
			[]Project{p("me", s("t1"), s("x"), s("d1")), {ID: "a-old", Archived: true, Codes: map[string][]string{"themes": s("t1"), "techniques": s("x"), "data_sources": s("d1")}}, p("b", s("t1"), s("y"), s("d2"))},
			"me", s("b")},
		{"no project", nil, "me", nil},
		{"alone", []Project{p("me", s("t1"), s("x"), s("d1"))}, "me", nil},
		{"a code written twice counts once",
			[]Project{p("me", s("t1", "t1"), s("x"), s("d1")), p("b", s("t1", "t1"), s("y"), s("d2")), p("c", s("t2"), s("x"), s("d2"))},
			"me", s("c", "b")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ids(Compute(c.projects), c.id)
			if !slices.Equal(got, c.want) {
				t.Errorf("related(%s) = %v, want %v\n%+v", c.id, got, c.want, Compute(c.projects).Projects[c.id])
			}
		})
	}
}

// TestTieOnScore: the weights as defined, and equal scores: more shared codes first,
// then ids.
func TestTieOnScore(t *testing.T) {
	for _, c := range []struct{ n, df, want int }{{4, 2, 110}, {4, 4, 69}, {1000, 1, 691}, {8, 3, 130}, {8, 6, 85}} {
		if got := weight(c.n, c.df); got != c.want {
			t.Errorf("weight(%d, %d) = %d, want %d (round(100 ln(1 + n/df)))", c.n, c.df, got, c.want)
		}
	}
	// Eight projects: theme a (4 carry it) weighs 2·110, theme b (6) 2·85, data source d
	// (3) 3·130: a and b together weigh what d weighs alone, 390.
	ps := []Project{
		p("me", s("a", "b"), s("x0"), s("d")),
		p("a-one", s("c1"), s("x1"), s("d")),       // d: 390, one code
		p("b-pair", s("a", "b"), s("x2"), s("e2")), // a + b: 390, two codes
		p("o1", s("a", "b"), s("x3"), s("e3")),     // a + b: 390, two codes
		p("o2", s("a"), s("x4"), s("d")),           // a + d: 610
		p("o3", s("b"), s("x5"), s("e5")),
		p("o4", s("b"), s("x6"), s("e6")),
		p("o5", s("b"), s("x7"), s("e7")),
	}
	r := Compute(ps)
	if got, want := ids(r, "me"), s("o2", "b-pair", "o1", "a-one"); !slices.Equal(got, want) {
		t.Errorf("related(me) = %v, want %v", got, want)
	}
	var scores []int
	for _, l := range r.Projects["me"] {
		scores = append(scores, l.Score)
	}
	if want := []int{610, 390, 390, 390}; !slices.Equal(scores, want) {
		t.Errorf("scores = %v, want %v", scores, want)
	}
}

// TestShared: the shared codes come heaviest first.
func TestShared(t *testing.T) {
	ps := []Project{p("me", s("t1"), s("x"), s("d1")), p("b", s("t1"), s("x"), s("d1")), p("c", s("t2"), s("x"), s("d2"))}
	got := Compute(ps).Projects["me"][0].Shared
	want := []Term{{"data_sources", "d1"}, {"techniques", "x"}, {"themes", "t1"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shared = %v, want %v (d1: 3·92, x: 3·69, t1: 2·92)", got, want)
	}
}

// TestProfile: a project tagged with more than MaxTerms codes is compared through its
// heaviest ones (ties: vocabulary, then code).
func TestProfile(t *testing.T) {
	many := s("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9")
	ps := []Project{p("me", many, s("x"), s("k")), p("b", s("t9"), s("x"), s("k")), p("c", s("t1"), s("y"), s("d"))}
	for range 10 {
		ps = append(ps, p(fmt.Sprintf("z%d", len(ps)), s("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"), s("x"), s("k")))
	}
	// t9 (2 of 13 carry it) weighs 2·193; k and x (12) 3·73; t2…t8 (11) 2·78; t1 (12) 2·73.
	terms, prof := profiles(ps)
	var got []string
	for _, n := range prof[0] {
		got = append(got, terms[n].Code)
	}
	slices.Sort(got)
	if want := s("k", "t2", "t3", "t4", "t5", "t6", "t9", "x"); !slices.Equal(got, want) {
		t.Errorf("profile of me = %v, want %v", got, want)
	}
}

// brute is the definition: every pair, by score, shared codes, id.
func brute(ps []Project) Related {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b Project) int { return cmp.Compare(a.ID, b.ID) })
	terms, prof := profiles(ps)
	out := Related{Projects: map[string][]Link{}}
	for i := range ps {
		var links []Link
		for j := range ps {
			if i == j || ps[j].Archived {
				continue
			}
			mask, w := 0, 0
			for n, a := range prof[i] {
				if slices.Contains(prof[j], a) {
					mask |= 1 << n
					w += terms[a].weight
				}
			}
			if mask != 0 {
				links = append(links, Link{ID: ps[j].ID, Shared: shared(terms, prof[i], mask), Score: w})
			}
		}
		slices.SortStableFunc(links, func(a, b Link) int {
			if c := cmp.Compare(b.Score, a.Score); c != 0 {
				return c
			}
			return cmp.Compare(len(b.Shared), len(a.Shared))
		})
		if len(links) > 0 {
			out.Projects[ps[i].ID] = links[:min(Max, len(links))]
		}
	}
	return out
}

// TestAgainstAllPairs: the index gives exactly what comparing every pair gives, on
// generated corpora and on random ones with a tiny vocabulary (many ties) and archived
// entries.
func TestAgainstAllPairs(t *testing.T) {
	corpora := map[string][]Project{"generated-1000": generated(t, 1000)}
	r := rand.New(rand.NewPCG(1, 2))
	for c := range 20 {
		var ps []Project
		pick := func(prefix string, vocab, most int) []string {
			var out []string
			for range 1 + r.IntN(most) {
				out = append(out, fmt.Sprintf("%s%d", prefix, r.IntN(vocab)))
			}
			return out
		}
		for i := range 30 + r.IntN(200) {
			q := p(fmt.Sprintf("p%03d", i), pick("t", 3+c%5, 4), pick("x", 2+c%4, 3), pick("d", 3, 3))
			q.Archived = r.IntN(10) == 0
			ps = append(ps, q)
		}
		corpora[fmt.Sprintf("random-%d", c)] = ps
	}
	for name, ps := range corpora {
		got, want := Compute(ps), brute(ps)
		if !reflect.DeepEqual(got, want) {
			for id, w := range want.Projects {
				if !reflect.DeepEqual(got.Projects[id], w) {
					t.Errorf("%s: %s:\n got %+v\nwant %+v", name, id, got.Projects[id], w)
					break
				}
			}
			if len(got.Projects) != len(want.Projects) {
				t.Errorf("%s: %d projects with related, want %d", name, len(got.Projects), len(want.Projects))
			}
		}
	}
}

func generated(tb testing.TB, n int) []Project {
	dir := filepath.Join(tb.TempDir(), "data")
	if err := gen.Write(dir, gen.Options{Projects: n, Seed: 7, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		tb.Fatal(err)
	}
	ps, err := Load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	if len(ps) != n {
		tb.Fatalf("loaded %d projects, want %d", len(ps), n)
	}
	return ps
}

// BenchmarkCompute: the related case studies of 1,000 and 10,000 generated projects
// (docs/site.md, "Related case studies", quotes it). Besides the wall time it reports
// the CPU time of the process per operation (cpu-ns/op: on a shared, loaded machine
// the wall time varies several-fold, the CPU time much less) and, per project, the
// index's entries, the posting lists opened and the postings read: constant when the
// work is linear.
func BenchmarkCompute(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		ps := generated(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			runtime.GC() // the corpus generator's garbage is not the computation's
			report := testutil.ReportCPU(b, "cpu-ns/op")
			for b.Loop() {
				Compute(ps)
			}
			report()
			var w work
			compute(ps, &w)
			b.ReportMetric(float64(w.lists)/float64(n), "lists/project")
			b.ReportMetric(float64(w.postings)/float64(n), "postings/project")
			_, profs := profiles(ps)
			entries := 0
			for _, p := range profs {
				entries += 1<<len(p) - 1
			}
			b.ReportMetric(float64(entries)/float64(n), "entries/project")
		})
	}
}

// TestMaxCodes: beyond MaxCodes codes in the corpus, the lightest count for nothing. 300
// projects with a theme of their own (the heaviest codes) and three codes all carry:
// only unique themes are compared, so none is related to another.
func TestMaxCodes(t *testing.T) {
	var ps []Project
	for i := range 300 {
		ps = append(ps, p(fmt.Sprintf("p%03d", i), s(fmt.Sprintf("u%03d", i), "common"), s("x"), s("k")))
	}
	terms, _ := profiles(ps)
	if len(terms) != MaxCodes || terms[len(terms)-1].Code != "u254" {
		t.Errorf("%d codes compared, the lightest %v; want %d, u254", len(terms), terms[len(terms)-1], MaxCodes)
	}
	if r := Compute(ps); len(r.Projects) != 0 {
		t.Errorf("%d projects with related ones, want none", len(r.Projects))
	}
}
