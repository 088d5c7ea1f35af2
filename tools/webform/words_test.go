package webform

import (
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestFrenchMessages: the French form shows a sample of the validator's errors (and
// its own warning) in French, worded from the catalogue, with their codes; the English
// form shows the validator's English; an empty box is said in the form's words.
func TestFrenchMessages(t *testing.T) {
	form := newForm(t)
	src := `id: Beta_X
title: {en: A title, fr: ""}
summary: {en: "<b>bold</b>", fr: Résumé}
jurisdiction: CA-ZZ
started: "2026-02-30"
contacts: [dana-lake]
bogus: 1
`
	l := form.Validate("data/projects/beta-x.yaml", []byte(src))
	want := map[string]string{ // code → what its French says
		"bad_id":                 "n’est pas un identifiant valide",
		"unknown_key":            "clé inconnue",
		"plain_html":             "n’est pas permis dans le texte simple",
		"not_day":                "n’est pas un jour du calendrier",
		"form_unchecked_contact": "ne figure pas parmi les personnes-ressources publiées",
	}
	fr, en := Worded(l, "fr"), Worded(l, "en")
	seen := map[string]bool{}
	for i, d := range fr {
		if d.Code == "" {
			t.Errorf("no code: %s", d)
		}
		if en[i].Message != l[i].Message && en[i].Code == l[i].Code {
			t.Errorf("English form changed the validator's words: %q", en[i].Message)
		}
		if d.Message == en[i].Message {
			t.Errorf("%s: the French form shows English: %q", d.Code, d.Message)
		}
		if w, ok := want[d.Code]; ok {
			seen[d.Code] = true
			if !strings.Contains(d.Message, w) {
				t.Errorf("%s: %q lacks %q", d.Code, d.Message, w)
			}
		}
	}
	for code := range want {
		if !seen[code] {
			t.Errorf("no %s among %v", code, l)
		}
	}
	empty := diag.List{diag.New("x.yaml", 1, 1, diag.Error, "title.fr", "empty", diag.A{"expected": diag.M("expect_plain", nil)})}
	if got := Worded(empty, "fr")[0].Message; got != "est vide\u00a0: à remplir" {
		t.Errorf("empty box: %q", got)
	}
}
