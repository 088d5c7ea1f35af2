package searchkw

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/model"
)

// tax is a taxonomy with synonyms in both languages, acronyms among them.
var tax = &model.Taxonomy{
	Jurisdictions: []model.Term{{Code: "CA-NS", En: "Nova Scotia", Fr: "Nouvelle-Écosse",
		Synonyms: model.Synonyms{En: []string{"NS", "N.S."}, Fr: []string{"N.-É.", "NS"}}}},
	Techniques: []model.Term{{Code: "evi", En: "E-vulnerability index", Fr: "Indice de cybervulnérabilité",
		Synonyms: model.Synonyms{En: []string{"EVI", "digital vulnerability"}, Fr: []string{"IVE", "vulnérabilité numérique"}}}},
	Themes: []model.Term{{Code: "privacy", En: "Privacy", Fr: "Vie privée",
		Synonyms: model.Synonyms{En: []string{"PIA", "privacy impact assessment"}, Fr: []string{"EFVP", "protection des renseignements"}}}},
}

// TestLine: each rule of the package documentation, on the examples the search was
// tuned with (docs/site.md, Search), in the language of the page.
func TestLine(t *testing.T) {
	cases := []struct {
		name, lang string
		e          Entry
		want       string
	}{
		{"nothing", "en", Entry{Text: "Plain words here"}, ""},
		{"terms in vocabulary order, other language's acronyms", "en",
			Entry{Codes: map[string][]string{"techniques": {"evi"}, "jurisdictions": {"CA-NS"}, "themes": {"privacy", "unknown"}}},
			"Nova Scotia · NS · N.S. · N.-É. · NS · E-vulnerability index · EVI · digital vulnerability · IVE · Privacy · PIA · privacy impact assessment · EFVP"},
		{"terms in French", "fr", Entry{Codes: map[string][]string{"themes": {"privacy"}}},
			"Vie privée · EFVP · protection des renseignements · PIA"},
		{"acronyms of names, small words left out", "en",
			Entry{Names: []string{"Canada Revenue Agency", "Department of the Interior"}}, "CRA · DI"},
		{"French acronym", "fr", Entry{Names: []string{"Agence du revenu du Canada"}}, "ARC"},
		{"name parts between brackets and commas", "en",
			Entry{Names: []string{"Statistics Canada (StatCan), Social Data Unit; X"}}, "SC · SDU"},
		{"hyphenated initials", "en", Entry{Names: []string{"E-vulnerability index"}}, "EVI"},
		{"acronym of 2 to 6 bytes", "en", Entry{Names: []string{"One", "Big Cat Dog Eel Fox Gnu Hen", "Élan Énergie Écoles Éclairées"}}, ""},
		{"acronym of 6 bytes with accents", "fr", Entry{Names: []string{"Élan Énergie Écoles"}}, "ÉÉÉ"},
		{"compound joined and split", "en", Entry{Text: "The e-vulnerability index"},
			"evulnerability · e vulnerability"},
		{"prefix left out", "fr", Entry{Text: "Mesurer la cybervulnérabilité et l'autoévaluation"},
			"autoévaluation · l'autoévaluation · d'autoévaluation · vulnérabilité · évaluation"},
		{"prefix needs five letters after it", "en", Entry{Text: "autos and telephones and Interstate"}, "phones · state"},
		{"acronym defined in parentheses", "fr",
			Entry{Text: "évaluation des facteurs relatifs à la vie privée (EFVP) et (X) (ABCDEFGHI)"}, "EFVP"},
		{"French elision, both apostrophes", "fr", Entry{Text: "Entente d’échange et l'Échange de données"},
			"échange · l'échange · d'échange"},
		{"no elision in English", "en", Entry{Text: "l'échange"}, ""},
		{"British and American spellings, where in lower case", "en",
			Entry{Text: "Organisation of the contact centre, modeling behaviour, labor and Labour"},
			"organization · center · modelling · behavior · labour"},
		{"two pairs in one word, as the template had it", "en", Entry{Text: "randomization randomisation"},
			"randomization"},
		{"no spellings in French", "fr", Entry{Text: "organisation du centre"}, ""},
		{"each once, the first time", "en",
			Entry{Names: []string{"Privacy Impact Assessment"}, Text: "A privacy impact assessment (PIA), a co-op co-op"},
			"PIA · coop · co op"},
		{"a long s is read as s, as the expressions do", "en", Entry{Text: "ſocioeconomy organiſation"},
			"economy · organiſation"},
		{"markup is text", "en", Entry{Names: []string{"<b> & <i>"}, Text: "<script>-<x>"}, "BI"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Line(c.lang, NewTerms(tax, c.lang), c.e); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestCompute: every case study, practice and resource of the fixture corpus has a line
// in each language, the text of a pending translation is the other language's, and a
// file the keywords cannot be made from stops it, naming the file.
func TestCompute(t *testing.T) {
	data := filepath.Join("..", "check", "testdata", "valid")
	k, err := Compute(data)
	if err != nil {
		t.Fatal(err)
	}
	sources, err := corpus.List(data)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range sources {
		if !isKind(s.Kind.Dir) {
			continue
		}
		n++
		id := strings.TrimSuffix(filepath.Base(s.Path), ".yaml")
		for _, lang := range model.Languages {
			if _, ok := k[lang][s.Kind.Dir][id]; !ok {
				t.Errorf("%s: no %s line", s.Path, lang)
			}
		}
	}
	if n < 5 {
		t.Fatalf("%d entries in the fixture corpus, want at least 5", n)
	}
	// gamma-inventory's French is pending: its French page shows (and is found by)
	// its English text, with French taxonomy words.
	en, fr := k["en"]["projects"]["gamma-inventory"], k["fr"]["projects"]["gamma-inventory"]
	if !strings.Contains(en, " · FAO") || !strings.Contains(fr, " · FAO") || !strings.HasPrefix(fr, "Données administratives") {
		t.Errorf("gamma-inventory: en %q, fr %q: want the acronym of the English name in both, French terms in French", en, fr)
	}
	if k["en"]["resources"]["index-tool"] == "" || !strings.Contains(k["fr"]["resources"]["index-tool"], "OI") {
		t.Errorf("index-tool: %q: want the acronym of its short title", k["fr"]["resources"]["index-tool"])
	}

	out := filepath.Join(t.TempDir(), File)
	if err := Write(data, nil, out); err != nil {
		t.Fatal(err)
	}
	var back Keywords
	if b, err := os.ReadFile(out); err != nil || json.Unmarshal(b, &back) != nil || back["fr"]["projects"]["gamma-inventory"] != fr {
		t.Errorf("%s: not the keywords computed (%v)", out, err)
	}

	if _, err := Compute(filepath.Join("testdata", "rejected")); err == nil || !strings.Contains(err.Error(), "title_list.yaml") {
		t.Errorf("rejected corpus: error %v, want one naming title_list.yaml", err)
	}
}
