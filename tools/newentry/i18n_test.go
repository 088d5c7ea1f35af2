package newentry

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/model"
)

// TestCatalogues: both languages have the same keys with the same arguments, French
// follows its typography, and every key the code asks for exists.
func TestCatalogues(t *testing.T) {
	arg := regexp.MustCompile(`\{[a-z_]+\}`)
	for key, en := range catalogues["en"] {
		fr, ok := catalogues["fr"][key]
		if !ok {
			t.Errorf("%s: no French", key)
			continue
		}
		a, b := arg.FindAllString(en, -1), arg.FindAllString(fr, -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(slices.Compact(a), slices.Compact(b)) {
			t.Errorf("%s: arguments %v in English, %v in French", key, a, b)
		}
	}
	for key, fr := range catalogues["fr"] {
		if _, ok := catalogues["en"][key]; !ok {
			t.Errorf("%s: no English", key)
		}
		for _, bad := range []string{" :", " ?", "« ", " »", "'"} {
			if strings.Contains(fr, bad) {
				t.Errorf("%s: %q holds %q: French uses a no-break space before : and ?, inside « », and the apostrophe ’", key, fr, bad)
			}
		}
	}
	// Keys asked for in the code: T("key" in the tools that speak for guide new, and the
	// kinds' titles new_KIND.
	used := map[string]bool{}
	for _, k := range EntryKinds() {
		used["new_"+k.Name] = true
	}
	call := regexp.MustCompile(`\.T\("([a-z_]+)"[,)]`)
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../guide/new*.go")
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			used[string(m[1])] = true
		}
	}
	for key := range used {
		for _, lang := range model.Languages {
			if _, ok := catalogues[lang][key]; !ok {
				t.Errorf("%s: used, but not in i18n/%s.yaml", key, lang)
			}
		}
	}
	for key := range catalogues["en"] {
		if !used[key] {
			t.Errorf("%s: in the catalogues, used nowhere", key)
		}
	}
}

func TestLang(t *testing.T) {
	for _, tc := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", nil, "en"},
		{"fr", map[string]string{"LANG": "en_CA.UTF-8"}, "fr"},
		{"en", map[string]string{"LC_ALL": "fr_CA.UTF-8"}, "en"},
		{"", map[string]string{"LANG": "fr_CA.UTF-8"}, "fr"},
		{"", map[string]string{"LC_MESSAGES": "fr", "LANG": "en_US.UTF-8"}, "fr"},
		{"", map[string]string{"LC_ALL": "C", "LANG": "fr_CA.UTF-8"}, "en"},
		{"", map[string]string{"LC_ALL": "", "LC_MESSAGES": "", "LANG": "FR_ca"}, "fr"},
	} {
		if got := Lang(tc.flag, func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("Lang(%q, %v) = %q, want %q", tc.flag, tc.env, got, tc.want)
		}
	}
}
