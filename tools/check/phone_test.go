package check

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

func TestValidPhone(t *testing.T) {
	for _, tc := range []struct {
		phone string
		valid bool
	}{
		{"+1 613 555 0100", true},
		{"(819) 372-4600", true},
		{"613-555-0100", true},
		{"613.555.0100", true},
		{"1-800-555-0100", true},
		{"+1 (613) 555-0100", true},
		{"555-0100", true},
		{"+33 1 23 45 67 89", true},
		{"613-555-0100 ext. 123", true},
		{"613-555-0100 ext 123", true},
		{"613-555-0100, ext. 123", true},
		{"613-555-0100 x123", true},
		{"613-555-0100 x 123", true},
		{"613-555-0100x123", true},
		{"613 555-0100 poste 123", true},
		{"+1 613 555 0100 (poste 123)", true},
		{"+1 613 555 0100 (ext. 123)", true},
		{"(819) 372-4600 p. 4", true},
		{"+1 613 555 0100 Ext. 12", true},

		{"call me", false},
		{"", false},
		{"613", false},
		{"555-010", false},                   // six digits
		{"+1 613 555 0100 0100 0100", false}, // sixteen digits
		{"613-555-0100 ext.", false},         // an extension without digits
		{"613-555-0100 (poste 123", false},   // unbalanced
		{"((613)) 555-0100", false},
		{"(613) (555) 0100", false},
		{"(61a) 555-0100", false},
		{"613  555 0100", false}, // two spaces
		{"613-555-0100 ext. 1234567", false},
		{"poste 123", false},
		{"x123", false},
		{"613-555-0100 poste 12 poste 3", false},
		{"+1 613 555 0100\n", false},
		{"tel: 613 555 0100", false},
	} {
		if got := validPhone(tc.phone); got != tc.valid {
			t.Errorf("validPhone(%q) = %v, want %v", tc.phone, got, tc.valid)
		}
	}
}

// phoneExample finds what looks like a North American telephone number in a message,
// with the extension that follows it.
var phoneExample = regexp.MustCompile(`(\+1 |1-)?(\([0-9]{3}\) |[0-9]{3}[ .-])[0-9]{3}[ .-][0-9]{4}( \((ext\.|poste) [0-9]+\)|,? (ext\.|poste|x) ?[0-9]+|x[0-9]+)?`)

// TestPhoneExamplesValid feeds every telephone number shown in the catalogue and in the
// site's strings (i18n/), in every language, to the rule: a message never shows an
// example it would refuse.
func TestPhoneExamplesValid(t *testing.T) {
	seen := map[string]int{}
	for _, lang := range diag.Languages {
		for _, code := range diag.Codes() {
			text, _ := diag.Template(lang, code)
			for _, ex := range phoneExample.FindAllString(text, -1) {
				seen[code]++
				if !validPhone(ex) {
					t.Errorf("%s %s shows %q, which the rule refuses", lang, code, ex)
				}
			}
		}
	}
	// The site's own strings (the online form's hints) too.
	for _, lang := range diag.Languages {
		src, err := os.ReadFile(filepath.Join("..", "..", "i18n", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, ex := range phoneExample.FindAllString(string(src), -1) {
			seen["i18n"]++
			if !validPhone(ex) {
				t.Errorf("i18n/%s.yaml shows %q, which the rule refuses", lang, ex)
			}
		}
	}
	// The messages that must show one, in both languages.
	for _, code := range []string{"not_phone", "new_phone_example", "i18n"} {
		if seen[code] < len(diag.Languages) {
			t.Errorf("%s shows %d telephone numbers in %d languages; want one in each", code, seen[code], len(diag.Languages))
		}
	}
}
