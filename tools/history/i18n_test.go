package history

import (
	"os"
	"testing"

	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// TestFieldNames: the site names every key a change may list (each top-level key of each
// entry kind of the model) and each kind of change, in both languages
// (history_field_<key>, history_change_<kind> in i18n/en.yaml and i18n/fr.yaml).
func TestFieldNames(t *testing.T) {
	for _, lang := range model.Languages {
		b, err := os.ReadFile("../../i18n/" + lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		var strs map[string]any
		if err := yaml.Unmarshal(b, &strs); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, k := range model.Kinds {
			if k.Dir == "" {
				continue
			}
			for _, key := range model.MustSpec(k.New()).Keys() {
				want = append(want, "history_field_"+key)
			}
		}
		for _, c := range []string{Added, Updated, Archived} {
			want = append(want, "history_change_"+c)
		}
		for _, m := range model.Languages {
			want = append(want, "history_lang_"+m)
		}
		for _, key := range want {
			if s, _ := strs[key].(string); s == "" {
				t.Errorf("i18n/%s.yaml: no %s", lang, key)
			}
		}
	}
}
