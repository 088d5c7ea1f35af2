package corpus

import (
	"slices"
	"testing"
)

// TestTaxonomyOfTheRepository: the guide's own taxonomy loads through the reader and has
// every vocabulary, each term labelled in both languages.
func TestTaxonomyOfTheRepository(t *testing.T) {
	tax, err := LoadTaxonomy("../../data")
	if err != nil {
		t.Fatal(err)
	}
	j := tax.Codes("jurisdictions")
	if len(j) != 14 || j[0] != "CA" || !slices.Contains(j, "CA-QC") {
		t.Errorf("jurisdictions: %v", j)
	}
	for _, name := range []string{"levels", "stages", "themes", "techniques", "data_sources", "resource_kinds", "languages"} {
		terms, ok := tax.Vocabulary(name)
		if !ok || len(terms) == 0 {
			t.Errorf("vocabulary %s is empty", name)
		}
		for _, term := range terms {
			if term.En == "" || term.Fr == "" {
				t.Errorf("%s %s lacks a label", name, term.Code)
			}
		}
	}
	if _, ok := tax.Vocabulary("colours"); ok {
		t.Error("unknown vocabulary found")
	}
}
