package newentry

import (
	"embed"
	"fmt"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// The words of guide new, in each language of the site: i18n/en.yaml and i18n/fr.yaml,
// same keys, {name} standing for an argument.
//
//go:embed i18n/*.yaml
var catalogueFiles embed.FS

var catalogues = func() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, lang := range model.Languages {
		src, err := catalogueFiles.ReadFile("i18n/" + lang + ".yaml")
		if err != nil {
			panic(err)
		}
		var m map[string]string
		if err := yaml.Unmarshal(src, &m); err != nil {
			panic(fmt.Sprintf("newentry: i18n/%s.yaml: %v", lang, err))
		}
		out[lang] = m
	}
	return out
}()

// Words speaks one language of the site.
type Words string

// T returns the string key in the language, with each {name} replaced by the value
// following name in args (name, value, name, value…). A key missing from the catalogue
// gives the key itself, which TestCatalogues prevents.
func (w Words) T(key string, args ...any) string {
	s, ok := catalogues[string(w)][key]
	if !ok {
		if s, ok = catalogues["en"][key]; !ok {
			return key
		}
	}
	if len(args) == 0 {
		return s
	}
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// Lang is the language guide new speaks: the -lang flag's value when given, else the
// locale's (diag.LangFromEnv, as every command).
func Lang(flag string, getenv func(string) string) string {
	if flag != "" {
		return flag
	}
	return diag.LangFromEnv(getenv)
}
