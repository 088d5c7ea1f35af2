package diag

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestCatalogue: every code has a template in every language, and the templates of a
// code name the same arguments (none unknown, none missing).
func TestCatalogue(t *testing.T) {
	if len(Codes()) < 100 {
		t.Errorf("%d codes; the validator alone has more", len(Codes()))
	}
	for _, code := range Codes() {
		en, _ := Template("en", code)
		want := Placeholders(en)
		for _, lang := range Languages {
			tmpl, ok := Template(lang, code)
			if !ok || strings.TrimSpace(tmpl) == "" {
				t.Errorf("%s: no %s template", code, lang)
				continue
			}
			if got := Placeholders(tmpl); !slices.Equal(got, want) {
				t.Errorf("%s: the %s template names %v, the English one %v", code, lang, got, want)
			}
		}
	}
	for code := range catalogueFR {
		if _, ok := catalogueEN[code]; !ok {
			t.Errorf("%s: French template of a code English does not have", code)
		}
	}
}

// TestFrenchTypography: no ASCII space (nor none) before : ; ! ? — a no-break space;
// « and » with no-break spaces inside; no ASCII apostrophe in words.
func TestFrenchTypography(t *testing.T) {
	for code, tmpl := range catalogueFR {
		prose := stripCode(tmpl)
		for i, r := range prose {
			if !strings.ContainsRune(":;!?", r) {
				continue
			}
			before := prose[:i]
			if r == ':' && (strings.HasSuffix(before, "https") || strings.HasSuffix(before, "http") || strings.HasSuffix(before, "ISO 3166-2")) {
				continue // a URL scheme, a code name
			}
			if !strings.HasSuffix(before, "\u00a0") {
				t.Errorf("%s: %q without a no-break space before it: %q", code, r, tmpl)
			}
		}
		if strings.Count(prose, "«") != strings.Count(prose, "«\u00a0") || strings.Count(prose, "»") != strings.Count(prose, "\u00a0»") {
			t.Errorf("%s: « » need no-break spaces inside: %q", code, tmpl)
		}
		if strings.Contains(prose, "'") {
			t.Errorf("%s: write ’ for the apostrophe: %q", code, tmpl)
		}
	}
}

// stripCode removes `code` spans and {placeholders}, which keep their characters.
func stripCode(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "``"):
			end := strings.Index(s[2:], "``")
			if end < 0 {
				return b.String()
			}
			s = s[end+4:]
		case s[0] == '`':
			end := strings.IndexByte(s[1:], '`')
			if end < 0 {
				return b.String()
			}
			s = s[end+2:]
		case s[0] == '{':
			if n, _, _, _, _ := parsePlaceholder(s); n > 0 {
				s = s[n:]
				b.WriteString("X")
				continue
			}
			fallthrough
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	return b.String()
}

// TestWording: quoting, numbers, lists, plurals and pieces in each language.
func TestWording(t *testing.T) {
	args := A{"value": "x\"y", "hint": M("did_you_mean", A{"value": "en"})}
	for lang, want := range map[string]string{
		"en": `"x\"y" is not a language of the guide; expected en or fr (did you mean "en"?)`,
		"fr": "«\u00a0x\"y\u00a0» n’est pas une langue du guide\u00a0; en ou fr attendu (vouliez-vous dire «\u00a0en\u00a0»\u00a0?)",
	} {
		if got := Text(lang, "not_language", args); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
	if got := Summary("fr", 32, 0, 2); got != "32 fichiers vérifiés\u00a0: 0 erreur, 2 avertissements" {
		t.Errorf("French summary %q", got)
	}
	if got := Summary("en", 1, 1, 0); got != "1 file checked: 1 error, 0 warnings" {
		t.Errorf("English summary %q", got)
	}
	if got := Number("fr", 1048576); got != "1\u00a0048\u00a0576" {
		t.Errorf("French number %q", got)
	}
	if got := Text("fr", "unknown_code", A{"value": "x", "vocab": []string{"themes", "techniques"}, "hint": Msg{}, "choices": Msg{}}); !strings.Contains(got, "themes ou techniques") {
		t.Errorf("French list %q", got)
	}
	if err := CheckArgs("not_language", A{"value": "x"}); err == nil {
		t.Error("CheckArgs accepts a missing argument")
	}
	if err := CheckArgs("not_language", A{"value": "x", "hint": Msg{}, "other": 1}); err == nil {
		t.Error("CheckArgs accepts an unknown argument")
	}
}

func TestLangFromEnv(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "en"},
		{map[string]string{"LANG": "fr_CA.UTF-8"}, "fr"},
		{map[string]string{"LANG": "fr_CA.UTF-8", "LC_MESSAGES": "en_CA.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "fr_FR", "LC_MESSAGES": "en_CA.UTF-8"}, "fr"},
		{map[string]string{"LC_ALL": "", "LANG": "fr"}, "fr"},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
	} {
		if got := LangFromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %s, want %s", c.env, got, c.want)
		}
	}
}

// TestCodedErrors: a coded error says itself in either language, keeps what it wraps,
// and In fixes its language.
func TestCodedErrors(t *testing.T) {
	sentinel := Errorf("fmt_values_differ", nil)
	err := Wrap(sentinel, "fmt_would_change", A{"difference": Cause(sentinel)})
	if got := err.Error(); got != "formatting would change the file's meaning, so it was left alone: values differ" {
		t.Errorf("English %q", got)
	}
	if got := Words(err, "fr"); !strings.Contains(got, "les valeurs diffèrent") {
		t.Errorf("French %q", got)
	}
	fixed := In(err, "fr")
	if fixed.Error() != Words(err, "fr") || Words(fixed, "en") != Words(err, "fr") {
		t.Errorf("In: %q", fixed.Error())
	}
	var e *CodedError
	if !errors.As(fixed, &e) || !errors.Is(fixed, sentinel) {
		t.Error("In hides what it wraps")
	}
}
