package evi

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
)

// TestReaderMessagesWorded: what the JSON, CSV and YAML readers say of a file they
// cannot read is worded in French as the rest of the message (guide evi -lang fr), and
// in English as the reader says it.
func TestReaderMessagesWorded(t *testing.T) {
	_, geo := ReadGeoJSON(strings.NewReader("{\"type\": \"FeatureCollection\",\n\"features\": [1 2]}"), []Area{{Code: "A"}}, "code")
	csv := csvError(&csv.ParseError{StartLine: 3, Line: 3, Column: 2, Err: csv.ErrFieldCount})
	_, yml := ParseConfig([]byte("columns:\n  code: c\n population: p\n"))
	_, other := ParseConfig([]byte("a: !!binary x\nb: *nowhere\n"))
	for _, tc := range []struct {
		name   string
		err    error
		en, fr string
	}{
		{"json", geo, "not a GeoJSON file: invalid character '2' after array element (column 16)",
			"ce n’est pas un fichier GeoJSON\u00a0: caractère «\u00a02\u00a0» inattendu après un élément de tableau («\u00a0,\u00a0» ou «\u00a0]\u00a0» attendu) (colonne 16)"},
		{"csv", csv, "wrong number of fields", "syntaxe CSV incorrecte\u00a0: nombre de champs incorrect"},
		{"yaml", yml, "YAML syntax: did not find expected key",
			"syntaxe YAML\u00a0: une clé est attendue (vérifiez l’indentation de cette ligne et de la précédente) — lecteur YAML\u00a0: la clé attendue est introuvable"},
		{"yaml, another message", other, "", ""},
	} {
		var list ErrorList
		if !errors.As(tc.err, &list) || len(list) == 0 {
			t.Fatalf("%s: %v, want an ErrorList", tc.name, tc.err)
		}
		e := list[0]
		m := e.Message()
		if tc.en != "" && m.Text("en") != tc.en {
			t.Errorf("%s: English\n got %q\nwant %q", tc.name, m.Text("en"), tc.en)
		}
		fr := m.Text("fr")
		if tc.fr != "" && fr != tc.fr {
			t.Errorf("%s: French\n got %q\nwant %q", tc.name, fr, tc.fr)
		}
		if strings.Contains(fr, "expected") || strings.Contains(fr, "invalid") {
			t.Errorf("%s: English in the French message %q", tc.name, fr)
		}
	}
}
