package diag

// searchEN words the codes of the search's synonyms in taxonomy.yaml (docs/site.md,
// Search) in English; an Area of areas.go holds them.
var searchEN = map[string]string{
	"synonym_is_label":  "synonym {synonym:q} is the term's own label; remove it: the label is searched already",
	"synonym_twice":     "synonym {synonym:q} appears twice for this term and language; keep one",
	"synonyms_too_many": "{count} synonyms; at most {max} per language: keep the words readers type most",
}
