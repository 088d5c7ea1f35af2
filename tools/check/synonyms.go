package check

import (
	"fmt"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// checkSynonyms checks the search synonyms of one taxonomy term (item, the mapping at
// key, e.g. themes[3]), beyond what the model's spec checks (a mapping of en and fr
// lists of strings of at most 60 characters): at most model.MaxSynonyms per language,
// none twice and none equal to the term's label in that language (letter case aside).
func checkSynonyms(p *parsed, item *yaml.Node, key string) {
	labels := map[string]string{}
	var syn *yaml.Node
	for k := 0; k+1 < len(item.Content); k += 2 {
		switch name := item.Content[k].Value; name {
		case "en", "fr":
			labels[name] = strings.ToLower(item.Content[k+1].Value)
		case "synonyms":
			syn = item.Content[k+1]
		}
	}
	if syn == nil || syn.Kind != yaml.MappingNode {
		return
	}
	for k := 0; k+1 < len(syn.Content); k += 2 {
		lang, list := syn.Content[k].Value, syn.Content[k+1]
		if list.Kind != yaml.SequenceNode {
			continue // the spec reports it
		}
		at := fmt.Sprintf("%s.synonyms.%s", key, lang)
		if n := len(list.Content); n > model.MaxSynonyms {
			p.errorf(list.Line, list.Column, at, "synonyms_too_many", diag.A{"count": n, "max": model.MaxSynonyms})
		}
		seen := map[string]bool{}
		for i, s := range list.Content {
			if s.Kind != yaml.ScalarNode {
				continue
			}
			word := strings.ToLower(strings.TrimSpace(s.Value))
			where := fmt.Sprintf("%s[%d]", at, i)
			switch {
			case word == labels[lang]:
				p.errorf(s.Line, s.Column, where, "synonym_is_label", diag.A{"synonym": s.Value})
			case seen[word]:
				p.errorf(s.Line, s.Column, where, "synonym_twice", diag.A{"synonym": s.Value})
			}
			seen[word] = true
		}
	}
}
