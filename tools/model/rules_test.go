package model

import (
	"strings"
	"testing"
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
