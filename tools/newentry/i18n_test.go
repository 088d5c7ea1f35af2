package newentry

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestCatalogues: every key the code asks for (T("key") in the tools that speak for
// guide new, and the kinds' titles kind_KIND) has a code new_KEY in the catalogue
// (which tools/diag checks for both languages and French typography), and every new_
// code is asked for.
func TestCatalogues(t *testing.T) {
	used := map[string]bool{}
	for _, k := range EntryKinds() {
		used["kind_"+k.Name] = true
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
		for _, lang := range diag.Languages {
			if _, ok := diag.Template(lang, "new_"+key); !ok {
				t.Errorf("%s: used, but new_%s is not in the %s catalogue", key, key, lang)
			}
		}
	}
	for _, code := range diag.Codes() {
		if key, ok := strings.CutPrefix(code, "new_"); ok && !used[key] {
			t.Errorf("%s: in the catalogue, used nowhere", code)
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
