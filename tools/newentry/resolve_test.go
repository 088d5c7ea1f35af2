package newentry

import (
	"testing"

	datafiles "github.com/pssdc/guide-iad/tools/corpus"
)

// TestResolve: what guide new maps to codes without doubt, from a flag (no numbers) or
// a terminal (numbers of the choices shown), and what it leaves for the validator.
func TestResolve(t *testing.T) {
	tax, err := datafiles.LoadTaxonomy(corpus)
	if err != nil {
		t.Fatal(err)
	}
	input := func(kind, key string) Input {
		k, _ := KindNamed(kind)
		for _, in := range Inputs(k) {
			if in.Key == key {
				return in
			}
		}
		t.Fatalf("%s has no input %s", kind, key)
		return Input{}
	}
	for _, tc := range []struct {
		kind, key, value string
		numbers          bool
		want             string
	}{
		{"project", "jurisdiction", "Québec", false, "CA-QC"},
		{"project", "jurisdiction", "quebec", false, "CA-QC"},
		{"project", "jurisdiction", "ca-on", false, "CA-ON"},
		{"project", "jurisdiction", "Nouvelle-Écosse", false, "CA-NS"},
		{"project", "jurisdiction", "nova scotia", false, "CA-NS"},
		{"project", "jurisdiction", "Fédéral", false, "CA"},
		{"project", "jurisdiction", "Canada", false, "CA"},
		{"project", "jurisdiction", "ON", false, "ON"}, // a province's own code: left to the validator's did-you-mean
		{"project", "jurisdiction", "Ontario-ish", false, "Ontario-ish"},
		{"project", "jurisdiction", "1", false, "1"}, // numbers only where choices were shown
		{"project", "jurisdiction", "1", true, "CA"},
		{"project", "level", "Municipal", false, "municipal"},
		{"project", "level", "Provincial", false, "provincial"},
		{"project", "themes", "Digital inclusion, client-experience", false, "digital-inclusion, client-experience"},
		{"project", "themes", "1 2", true, "benefits, channel-shift"},
		{"project", "translation_pending", "français", false, "fr"},
		{"project", "translation_pending", "French", false, "fr"},
		{"project", "translation_pending", "anglais", false, "en"},
		{"project", "translation_pending", "Inuktitut", false, "Inuktitut"}, // not a language of the site
		{"contact", "languages", "français, English, Inuktitut", false, "fr, en, iu"},
		{"contact", "expertise", "Prévision", false, "forecasting"},
		{"project", "title.en", "Québec", false, "Québec"}, // free text is never touched
	} {
		in := input(tc.kind, tc.key)
		if got := Resolve(in, tc.value, Terms(in, tax), tc.numbers); got != tc.want {
			t.Errorf("%s %s %q (numbers %v) = %q, want %q", tc.kind, tc.key, tc.value, tc.numbers, got, tc.want)
		}
	}
}
