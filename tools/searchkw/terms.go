package searchkw

import (
	"regexp"
	"strings"

	"github.com/pssdc/guide-iad/tools/model"
)

// vocabularies are the vocabularies whose codes have keywords (keys of taxonomy.yaml).
var vocabularies = []string{"jurisdictions", "levels", "stages", "themes", "techniques", "data_sources", "resource_kinds"}

// Terms are, for one language, the words the search finds a taxonomy code by:
// vocabulary → code → the code's label and its synonyms in the language, then the
// acronyms among its synonyms in the other language, joined by Sep (data/taxonomy.yaml,
// `synonyms: {en: […], fr: […]}`, checked by guide validate). An abbreviation typed with
// points (N.-É.) is read as its label by the search page (search.html), not here.
type Terms map[string]map[string]string

// acronymWord is a word in capitals (digits, points and hyphens allowed): an acronym.
var acronymWord = regexp.MustCompile(`^[\p{Lu}\d.\-]{2,}$`)

// NewTerms returns the Terms of lang ("en" or "fr") in t.
func NewTerms(t *model.Taxonomy, lang string) Terms {
	out := make(Terms, len(vocabularies))
	for _, v := range vocabularies {
		terms, _ := t.Vocabulary(v)
		codes := make(map[string]string, len(terms))
		for _, term := range terms {
			words := []string{term.En}
			own, other := term.Synonyms.En, term.Synonyms.Fr
			if lang == "fr" {
				words[0], own, other = term.Fr, term.Synonyms.Fr, term.Synonyms.En
			}
			words = append(words, own...)
			for _, w := range other {
				if acronymWord.MatchString(w) {
					words = append(words, w)
				}
			}
			codes[term.Code] = strings.Join(words, Sep)
		}
		out[v] = codes
	}
	return out
}
