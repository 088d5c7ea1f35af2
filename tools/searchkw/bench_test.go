package searchkw

import (
	"path/filepath"
	"testing"

	"github.com/pssdc/guide-iad/tools/gen"
)

// BenchmarkCompute10k: the keywords of a generated corpus of 10,000 case studies (with
// its practices and resources), both languages, read from disk as guide hugo-data reads
// them: the Go step that replaces the template's keywords (docs/publishing.md,
// Performance). go test ./tools/searchkw -run '^$' -bench Compute10k -benchtime 3x
func BenchmarkCompute10k(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "data")
	if err := gen.Write(dir, gen.Options{Projects: 10000, Seed: 7, Taxonomy: "../../data/taxonomy.yaml"}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLine: one case study's line (its rules alone, without reading).
func BenchmarkLine(b *testing.B) {
	terms := NewTerms(tax, "fr")
	e := Entry{
		Codes: map[string][]string{"jurisdictions": {"CA-NS"}, "techniques": {"evi"}, "themes": {"privacy"}},
		Names: []string{"Agence du revenu du Canada", "Statistique Canada (StatCan)"},
		Text:  "Indice de cybervulnérabilité des ménages. L'échange de données et l'autoévaluation (EFVP) d'un e-service.",
	}
	for b.Loop() {
		Line("fr", terms, e)
	}
}
