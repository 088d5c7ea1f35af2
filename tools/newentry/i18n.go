package newentry

import (
	"fmt"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Words speaks one language of the site. guide new's words are in the catalogue of
// every message (tools/diag/catalogue_newentry_*.go), under codes new_KEY.
type Words string

// T returns the words of key (code new_KEY) in the language, with each {name} replaced
// by the value following name in args (name, value, name, value…). A key missing from
// the catalogue gives [new_KEY], which TestCatalogues prevents.
func (w Words) T(key string, args ...any) string {
	var a diag.A
	if len(args) > 0 {
		a = diag.A{}
		for i := 0; i+1 < len(args); i += 2 {
			a[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	return diag.Text(string(w), "new_"+key, a)
}

// Lang is the language guide new speaks: the -lang flag's value when given, else the
// locale's (diag.LangFromEnv, as every command).
func Lang(flag string, getenv func(string) string) string {
	if flag != "" {
		return flag
	}
	return diag.LangFromEnv(getenv)
}
