package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestUsageErrorsWorded: the usage errors of guide's commands, the flag package's among
// them, are worded from the catalogue in the language asked for (-lang, else the
// locale's), exit 2, and are followed by the command's help as before.
func TestUsageErrorsWorded(t *testing.T) {
	for _, tc := range []struct {
		locale string
		args   []string
		want   string // stderr's first line
	}{
		{"en_CA.UTF-8", []string{"validate", "-bogus"}, "guide validate: unknown flag -bogus; guide validate -h lists the flags"},
		{"fr_CA.UTF-8", []string{"validate", "--bogus=1"}, "guide validate: option inconnue -bogus\u00a0; guide validate -h énumère les options"},
		{"en_CA.UTF-8", []string{"validate", "-lang", "fr", "-bogus"}, "guide validate: option inconnue -bogus\u00a0; guide validate -h énumère les options"},
		{"en_CA.UTF-8", []string{"validate", "-format"}, "guide validate: -format needs a value: write -format VALUE or -format=VALUE"},
		{"fr_CA.UTF-8", []string{"validate", "-format"}, "guide validate: -format demande une valeur\u00a0: écrivez -format VALEUR ou -format=VALEUR"},
		{"en_CA.UTF-8", []string{"validate", "---x"}, `guide validate: bad flag syntax "---x"; write -name or -name=value`},
		{"fr_CA.UTF-8", []string{"validate", "-=x"}, "guide validate: option mal formée «\u00a0-=x\u00a0»\u00a0; écrivez -nom ou -nom=valeur"},
		{"en_CA.UTF-8", []string{"gen", "-projects", "many"}, `guide gen: -projects: "many" is not a whole number; write one such as 12`},
		{"fr_CA.UTF-8", []string{"gen", "-seed=1e99"}, "guide gen: -seed\u00a0: «\u00a01e99\u00a0» n’est pas un nombre entier\u00a0; écrivez-en un comme 12"},
		{"en_CA.UTF-8", []string{"gen", "-projects", "99999999999999999999"}, `guide gen: -projects: "99999999999999999999" is out of range`},
		{"en_CA.UTF-8", []string{"pdf", "-v=maybe"}, `guide pdf: -v: "maybe" is not a yes/no value; write true or false`},
		{"fr_CA.UTF-8", []string{"pdf", "--timeout", "10"}, "guide pdf: -timeout\u00a0: «\u00a010\u00a0» n’est pas une durée\u00a0; écrivez un nombre et une unité, comme 90s, 10m ou 1h30m"},
		{"en_CA.UTF-8", []string{"evi", "--radius-km", "far", "d.csv"}, `guide evi: -radius-km: "far" is not a number; write one such as 2.5`},
		{"fr_CA.UTF-8", []string{"review", "-bogus"}, "guide review: option inconnue -bogus\u00a0; guide review -h énumère les options"},
		{"fr_CA.UTF-8", []string{"new", "project", "-bogus"}, "guide new project: option inconnue -bogus\u00a0; guide new project -h énumère les options"},
		{"en_CA.UTF-8", []string{"frobnicate"}, `guide: unknown command "frobnicate"`},
		{"fr_CA.UTF-8", []string{"frobnicate"}, "guide: commande inconnue «\u00a0frobnicate\u00a0»"},
		{"en_CA.UTF-8", []string{"validate", "-format", "xml"}, `guide validate: unknown format "xml"; expected text or json or github`},
		{"en_CA.UTF-8", []string{"validate", "-lang", "fr", "-format", "xml"}, "guide validate: format inconnu «\u00a0xml\u00a0»\u00a0; text ou json ou github attendu"},
		{"fr_CA.UTF-8", []string{"validate", "-lang", "de"}, "guide validate: langue inconnue «\u00a0de\u00a0»\u00a0; en ou fr attendue"},
		{"en_CA.UTF-8", []string{"search-index", "extra"}, `guide search-index: unexpected argument "extra"`},
		{"fr_CA.UTF-8", []string{"wasm", "extra"}, "guide wasm: argument inattendu «\u00a0extra\u00a0»"},
		{"en_CA.UTF-8", []string{"gen", "-projects", "0"}, "guide gen: need -out DIR and -projects N ≥ 1, and no other arguments"},
		{"fr_CA.UTF-8", []string{"gen"}, "guide gen: -out DOSSIER et -projects N ≥ 1 sont nécessaires, sans autre argument"},
	} {
		t.Run(tc.locale+" "+strings.Join(tc.args, " "), func(t *testing.T) {
			t.Setenv("LC_ALL", tc.locale)
			var out, errOut bytes.Buffer
			status := run(tc.args, &out, &errOut)
			first, _, _ := strings.Cut(errOut.String(), "\n")
			if status != 2 || first != tc.want {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2, first line\n%s", status, errOut.String(), tc.want)
			}
		})
	}
}
