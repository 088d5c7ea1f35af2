// The texts in both languages: an {en, fr} mapping, each language's value, and the
// translation a contributor may leave pending.

package check

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// bilingual checks an {en, fr} mapping.
func (w *walker) bilingual(n *yaml.Node, f *model.Field, markdown bool, key string) {
	if n.Kind != yaml.MappingNode {
		found := describe(n)
		w.errorf(n, key, "not_bilingual", diag.A{"found": found})
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		lkey := join(key, k.Value)
		if !slices.Contains(model.Languages, k.Value) {
			w.errorf(k, lkey, "unknown_language_key", diag.A{"hint": suggest(k.Value, model.Languages)})
			continue
		}
		if seen[k.Value] {
			w.errorf(k, lkey, "duplicate_language_key", nil)
			continue
		}
		seen[k.Value] = true
		if isNull(v) {
			w.missingLanguage(k, k.Value, lkey)
			continue
		}
		s, ok := w.str(v, f, lkey)
		if !ok {
			continue
		}
		if f.Max > 0 && utf8.RuneCountInString(strings.TrimSpace(s)) > f.Max {
			w.errorf(v, lkey, "too_long", diag.A{"length": utf8.RuneCountInString(strings.TrimSpace(s)), "max": f.Max})
			continue // Markdown that long is not parsed: its time is bounded by the limit
		}
		if markdown {
			w.markdown(v, s, lkey)
		} else {
			w.plain(v, s, lkey)
		}
	}
	for _, lang := range model.Languages {
		if !seen[lang] {
			w.missingLanguage(n, lang, join(key, lang))
		}
	}
}

func (w *walker) missingLanguage(n *yaml.Node, lang, key string) {
	if lang == w.pending {
		w.missing[key]++
		return
	}
	w.errorf(n, key, "missing_language", diag.A{"language": languageName(lang), "lang": lang})
}

func languageName(lang string) diag.Msg {
	if lang == "fr" {
		return diag.M("language_fr", nil)
	}
	return diag.M("language_en", nil)
}
