package diag

// searchFR words the codes of the search's synonyms in taxonomy.yaml (docs/site.md,
// Search) in French; an Area of areas.go holds them.
var searchFR = map[string]string{
	"synonym_is_label":  "le synonyme {synonym:q} est le libellé même du terme ; retirez-le : le libellé est déjà cherché",
	"synonym_twice":     "le synonyme {synonym:q} figure deux fois pour ce terme et cette langue ; gardez-en un",
	"synonyms_too_many": "{count} synonymes ; {max} au plus par langue : gardez les mots que les lecteurs tapent le plus",
}
