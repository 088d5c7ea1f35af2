package webform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessagesKnown: every English pattern of the French table is a message the
// validator still writes (a reworded message would silently fall back to English).
func TestMessagesKnown(t *testing.T) {
	files, _ := filepath.Glob("../check/*.go")
	more, _ := filepath.Glob("../corpus/*.go") // the reader's messages (size, encoding, YAML)
	files = append(files, more...)
	var src strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src.Write(b)
	}
	// The fragments are pieces the validator puts together; the messages are whole.
	for _, table := range [][][2]string{frMessages} {
		for _, pair := range table {
			en := pair[0]
			if !strings.Contains(src.String(), en) && !strings.Contains(src.String(), strings.ReplaceAll(en, `"`, `\"`)) {
				t.Errorf("the validator no longer writes %q", en)
			}
			if strings.Count(en, "%") != strings.Count(pair[1], "%") {
				t.Errorf("%q and %q have different verbs", en, pair[1])
			}
		}
	}
}

func TestTranslate(t *testing.T) {
	tests := []struct{ en, fr, lang string }{
		{`"Beta-X" is not a valid id; use lowercase letters, digits and single hyphens, e.g. "beta-x" (and name the file after it)`,
			"«\u00a0Beta-X\u00a0» n'est pas un identifiant valide; utilisez des lettres minuscules, des chiffres et des traits d'union simples, p. ex. «\u00a0beta-x\u00a0» (et nommez le fichier d'après lui)", "fr"},
		{`is empty; remove the key or give it a value (an https:// URL)`, `est vide; retirez la clé ou donnez-lui une valeur (une adresse https://)`, "fr"},
		{`unknown code "digital" in themes (did you mean "digital-inclusion"?); expected one of a, b`,
			"code «\u00a0digital\u00a0» inconnu dans themes (vouliez-vous dire «\u00a0digital-inclusion\u00a0»?); valeurs attendues : a, b", "fr"},
		{`no contact with id "pat" (data/contacts/pat.yaml)`, "aucune entrée de personne-ressource n'a l'identifiant «\u00a0pat\u00a0» (data/contacts/pat.yaml)", "fr"},
		{`is 301 characters long; the limit is 300`, `compte 301 caractères; la limite est de 300`, "fr"},
		{fmt.Sprintf(Unchecked, "dana-lake"), "«\u00a0dana-lake\u00a0» ne figure pas parmi les personnes-ressources publiées; ce formulaire ne peut pas vérifier les personnes non publiées (sans consentement consigné)\u00a0: l'examen du groupe de travail confirmera la référence", "fr"},
		{`a message nobody wrote`, `a message nobody wrote`, "en"},
	}
	for _, tt := range tests {
		got, lang := Translate(tt.en, "fr")
		if got != tt.fr || lang != tt.lang {
			t.Errorf("Translate(%q)\n got %q (%s)\nwant %q (%s)", tt.en, got, lang, tt.fr, tt.lang)
		}
		if got, lang := Translate(tt.en, "en"); got != tt.en || lang != "en" {
			t.Errorf("English changed: %q", got)
		}
	}
	// An empty box, in the form's words.
	for _, msg := range []string{`is empty; text in both languages {en: …, fr: …}`, `"" is not a date; expected YYYY-MM-DD, e.g. 2026-03-31`} {
		en, _ := Translate(msg, "en")
		fr, lang := Translate(msg, "fr")
		if !strings.HasPrefix(en, "is empty: ") || !strings.HasPrefix(fr, "est vide\u00a0: ") || lang != "fr" {
			t.Errorf("%q: %q, %q", msg, en, fr)
		}
	}
}
