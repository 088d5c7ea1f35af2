package pdf

import (
	"strings"
	"testing"
)

// TestCaseContactLanguages: a case study's contacts say in which languages one may write
// to them, in the edition's language (issue 21, item 4), as the directory does. The
// directory prints "Email: …" on a line of its own; a case study prints the address,
// then a full stop and the languages, so the two do not match each other.
func TestCaseContactLanguages(t *testing.T) {
	_, res := printed(t)
	for _, tc := range []struct{ lang, want string }{
		{"en", "casey.river@example.org, +1 613 555 0101. Works in: English, French"},
		{"fr", "casey.river@example.org, +1 613 555 0101. Langues de travail : Anglais, Français"},
	} {
		text := norm(run(t, "pdftotext", "-raw", res[tc.lang].File, "-"))
		if n := strings.Count(text, tc.want); n != 2 { // alpha-outreach and beta-forecasting
			t.Errorf("%s PDF: %q appears %d times, want 2 (the two case studies that name Casey River)", tc.lang, tc.want, n)
		}
	}
}
