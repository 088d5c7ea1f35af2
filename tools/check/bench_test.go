package check

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/gen"
	"github.com/pssdc/guide-iad/tools/model"
)

// BenchmarkValidate validates generated corpora of realistic submissions (≈ 3 KB each,
// with cross-references). Target: 10,000 projects in ≤ 1 s on 2 cores.
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		dir := filepath.Join(b.TempDir(), "data")
		if err := gen.Write(dir, gen.Options{Projects: n, Seed: 1, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			for b.Loop() {
				res, err := Run(Options{DataDir: dir})
				if err != nil {
					b.Fatal(err)
				}
				if res.Diagnostics.HasErrors() {
					b.Fatalf("generated corpus has errors: %v", res.Diagnostics[0])
				}
			}
		})
	}
}

// TestGeneratedCorpusIsValid: the generator and the validator agree.
func TestGeneratedCorpusIsValid(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := gen.Write(dir, gen.Options{Projects: 60, Seed: 7, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{DataDir: dir, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diagnostics.HasErrors() {
		t.Fatalf("generated corpus has errors:\n%s", render(t, res.Diagnostics))
	}
	b, _ := os.ReadFile(filepath.Join(dir, "projects", "project-00001.yaml"))
	if len(b) < 2500 {
		t.Errorf("generated project is %d bytes; the benchmark wants realistic ≈ 3 KB entries", len(b))
	}
}

// FuzzCheck feeds arbitrary bytes to the parser and the checks of every kind: they must
// never panic, whatever the input. Seeds: every fixture in testdata.
func FuzzCheck(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*/*.yaml")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err == nil {
			f.Add(b)
		}
	}
	tax := fuzzVocabularies(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, k := range model.Kinds {
			p := parse("projects/x.yaml", src)
			if p.root == nil {
				if !p.diags.HasErrors() {
					t.Fatal("unparsable input without an error")
				}
				continue
			}
			checkEntry(p, k, tax, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
		}
	})
}

func fuzzVocabularies(f *testing.F) *vocabularies {
	src, err := os.ReadFile("testdata/valid/taxonomy.yaml")
	if err != nil {
		f.Fatal(err)
	}
	kind, _ := model.KindByFile("taxonomy.yaml")
	file := &parsedFile{src: source{Path: "taxonomy.yaml", Kind: kind}, p: parse("taxonomy.yaml", src)}
	var diags diag.List
	v := loadVocabularies(file, &diags)
	if v == nil {
		f.Fatalf("fixture taxonomy does not load: %v", diags)
	}
	return v
}
