package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

func TestSlug(t *testing.T) {
	long := strings.Repeat("abcdefghi ", 9) // 90 characters
	for _, tc := range []struct{ in, want string }{
		{"Équipe de données", "equipe-de-donnees"},
		{"Lending laptops through public libraries", "lending-laptops-through-public-libraries"},
		{"Prêt d'ordinateurs — Québec 2024", "pret-d-ordinateurs-quebec-2024"},
		{"L’œuvre à Montréal", "l-oeuvre-a-montreal"},
		{"Ægir & Straße", "aegir-strasse"},
		{"ŁÓDŹ, Dvořák, Þór", "lodz-dvorak-thor"},
		{"  --Hello,   World!--  ", "hello-world"},
		{"snake_case and CamelCase", "snake-case-and-camelcase"},
		{"数据 team", "team"},
		{"!!!", ""},
		{"", ""},
		{long, strings.TrimSuffix(strings.Repeat("abcdefghi-", 8), "-")},
		{strings.Repeat("x", 100), strings.Repeat("x", MaxIDLength)},
	} {
		got := Slug(tc.in)
		if got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !ValidID(got) {
			t.Errorf("Slug(%q) = %q is not a valid id", tc.in, got)
		}
	}
}

// TestShortSlug: cut after a whole word, or inside a word longer than the limit.
func TestShortSlug(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"Saskatchewan highway permit forecasting with seasonal models", 40, "saskatchewan-highway-permit-forecasting"},
		{"Lending laptops through public libraries", 40, "lending-laptops-through-public-libraries"},
		{strings.Repeat("x", 50), 40, strings.Repeat("x", 40)},
		{"Équipe de données", 6, "equipe"},
	} {
		if got := ShortSlug(tc.in, tc.n); got != tc.want || len(got) > tc.n {
			t.Errorf("ShortSlug(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestIDAndDateRules(t *testing.T) {
	for s, want := range map[string]bool{
		"a": true, "alpha-2": true, "a-b-c": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "a_b": false, "é": false, "a b": false,
		strings.Repeat("a", MaxIDLength): true, strings.Repeat("a", MaxIDLength+1): false,
	} {
		if got := ValidID(s); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string][2]bool{ // shaped, valid
		"2024-05-01": {true, true}, "2024-02-30": {true, false}, "2024-5-1": {false, false},
		"2024-05-01T10:00:00Z": {false, false}, "": {false, false}, "２０２４-05-01": {false, false},
	} {
		if got := [2]bool{DateShaped(s), ValidDate(s)}; got != want {
			t.Errorf("DateShaped, ValidDate(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"yes": true, "No": true, "ON": true, "off": true, "y": true, "N": true, "true": false, "yeah": false, "": false} {
		if got := YAML11Bool(s); got != want {
			t.Errorf("YAML11Bool(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestDescriptions: every field has a description in each language, worded from the
// catalogue (model's words are diag's expect_* and describe_*), different in the two.
func TestDescriptions(t *testing.T) {
	for _, k := range Kinds {
		for _, f := range MustSpec(k.New()).Fields {
			for _, lang := range Languages {
				d := f.Describe(lang)
				if d == "" || strings.Contains(d, "%!") || strings.Contains(d, "{") && !strings.Contains(d, "{en: …") {
					t.Errorf("%s.%s in %s: %q", k, f.Key, lang, d)
				}
				if f.Spec.Shape == ShapeText {
					if d := f.DescribeIn("fr", lang); !strings.Contains(d, diag.Text(lang, "language_fr", nil)) || f.Max > 0 && !strings.Contains(d, fmt.Sprint(f.Max)) {
						t.Errorf("%s.%s in %s: DescribeIn: %q", k, f.Key, lang, d)
					}
				}
			}
			if f.Describe("en") == f.Describe("fr") && !f.Lang && f.Spec.Shape != ShapeBool {
				t.Errorf("%s.%s: the same description in both languages: %q", k, f.Key, f.Describe("en"))
			}
		}
	}
	project := MustSpec(new(Project))
	for key, want := range map[string][2]string{
		"title":    {"text in both languages {en: …, fr: …}", "du texte dans les deux langues `{en: …, fr: …}`"},
		"themes":   {"a list of codes from themes in taxonomy.yaml", "une liste\u00a0: des codes de themes dans taxonomy.yaml"},
		"contacts": {"a list of ids of entries in data/contacts", "une liste\u00a0: des identifiants de fiches de data/contacts"},
		"metrics":  {"a list of mappings with keys label, value", "une liste\u00a0: des mappages avec les clés label, value"},
		"started":  {"a date YYYY-MM-DD", "une date AAAA-MM-JJ"},
	} {
		f, _ := project.Lookup(key)
		if got := [2]string{f.Describe("en"), f.Describe("fr")}; got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}
