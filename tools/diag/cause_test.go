package diag

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestCauseWords: real errors of the file system and of the JSON, CSV and YAML readers
// are worded from the catalogue in both languages, the English as the library says it
// (but for the JSON type errors, which name Go types); what Cause does not know keeps
// its English text, which French marks as the system's.
func TestCauseWords(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "x.yaml")
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	unmarshal := func(src string, v any) error { return json.Unmarshal([]byte(src), v) }
	readCSV := func(src string) error {
		_, err := csv.NewReader(strings.NewReader(src)).ReadAll()
		return err
	}
	var node yaml.Node
	yamlErr := func(src string) error { return yaml.Unmarshal([]byte(src), &node) }
	yamlMap := func(src string) error {
		var m map[string]any
		return yaml.Unmarshal([]byte(src), &m)
	}
	var field struct {
		Name string `json:"name"`
	}
	var n int
	var a any

	for _, tc := range []struct {
		name   string
		err    error
		code   string
		en, fr string
	}{
		{"missing file", open(missing), "cause_path",
			"open " + missing + ": no such file or directory",
			"ouverture de " + missing + "\u00a0: fichier ou dossier introuvable"},
		{"reading a directory", readFile(dir), "cause_path",
			"read " + dir + ": is a directory",
			"lecture de " + dir + "\u00a0: c’est un dossier"},
		{"a file as a directory", open(filepath.Join(file, "y")), "cause_path",
			"open " + file + "/y: not a directory",
			"ouverture de " + file + "/y\u00a0: ce n’est pas un dossier"},
		{"creating what exists", mkdir(dir), "cause_path",
			"mkdir " + dir + ": file exists",
			"création du dossier " + dir + "\u00a0: le fichier existe déjà"},
		{"renaming a missing file", os.Rename(missing, file), "cause_link",
			"rename " + missing + " " + file + ": no such file or directory",
			"renommage de " + missing + " → " + file + "\u00a0: fichier ou dossier introuvable"},
		{"a name too long", open(filepath.Join(dir, strings.Repeat("n", 300))), "cause_path",
			"open " + filepath.Join(dir, strings.Repeat("n", 300)) + ": file name too long",
			"ouverture de " + filepath.Join(dir, strings.Repeat("n", 300)) + "\u00a0: nom de fichier trop long"},
		{"a bare sentinel", os.ErrNotExist, "cause_not_exist",
			"no such file or directory", "fichier ou dossier introuvable"},

		{"json: bad start", unmarshal("x", &a), "cause_json_char",
			"invalid character 'x' looking for beginning of value",
			"caractère «\u00a0x\u00a0» inattendu là où une valeur doit commencer"},
		{"json: key", unmarshal("{1}", &a), "cause_json_char",
			"invalid character '1' looking for beginning of object key string",
			"caractère «\u00a01\u00a0» inattendu là où une clé d’objet entre guillemets doit commencer"},
		{"json: after key", unmarshal(`{"a" 1}`, &a), "cause_json_char",
			"invalid character '1' after object key",
			"caractère «\u00a01\u00a0» inattendu après une clé d’objet («\u00a0:\u00a0» attendu)"},
		{"json: after pair", unmarshal(`{"a":1 "b"}`, &a), "cause_json_char",
			`invalid character '"' after object key:value pair`,
			"caractère «\u00a0\"\u00a0» inattendu après une paire clé-valeur («\u00a0,\u00a0» ou «\u00a0}\u00a0» attendu)"},
		{"json: after element", unmarshal(`[1 2]`, &a), "cause_json_char",
			"invalid character '2' after array element",
			"caractère «\u00a02\u00a0» inattendu après un élément de tableau («\u00a0,\u00a0» ou «\u00a0]\u00a0» attendu)"},
		{"json: control in string", unmarshal("\"a\tb\"", &a), "cause_json_char",
			`invalid character '\t' in string literal`,
			"caractère «\u00a0\\t\u00a0» inattendu dans une chaîne"},
		{"json: escape", unmarshal(`"\q"`, &a), "cause_json_char",
			"invalid character 'q' in string escape code",
			"caractère «\u00a0q\u00a0» inattendu dans un échappement de chaîne"},
		{"json: unicode escape", unmarshal(`"\u12x4"`, &a), "cause_json_char",
			`invalid character 'x' in \u hexadecimal character escape`,
			"caractère «\u00a0x\u00a0» inattendu dans un échappement hexadécimal \\u"},
		{"json: number", unmarshal(`-x`, &a), "cause_json_char",
			"invalid character 'x' in numeric literal",
			"caractère «\u00a0x\u00a0» inattendu dans un nombre"},
		{"json: decimal point", unmarshal(`1.x`, &a), "cause_json_char",
			"invalid character 'x' after decimal point in numeric literal",
			"caractère «\u00a0x\u00a0» inattendu après la virgule décimale d’un nombre"},
		{"json: exponent", unmarshal(`1ex`, &a), "cause_json_char",
			"invalid character 'x' in exponent of numeric literal",
			"caractère «\u00a0x\u00a0» inattendu dans l’exposant d’un nombre"},
		{"json: after top", unmarshal(`{} x`, &a), "cause_json_char",
			"invalid character 'x' after top-level value",
			"caractère «\u00a0x\u00a0» inattendu après la valeur principale (le fichier n’en contient qu’une)"},
		{"json: literal", unmarshal(`tx`, &a), "cause_json_char",
			"invalid character 'x' in literal true (expecting 'r')",
			"caractère «\u00a0x\u00a0» inattendu dans le littéral true («\u00a0r\u00a0» attendu)"},
		{"json: a quote as the character", unmarshal(`'`, &a), "cause_json_char",
			`invalid character '\'' looking for beginning of value`,
			"caractère «\u00a0\\'\u00a0» inattendu là où une valeur doit commencer"},
		{"json: end", unmarshal(`{"a":`, &a), "cause_json_end",
			"unexpected end of JSON input", "fin inattendue des données JSON"},
		{"json: field type", unmarshal(`{"name": 3}`, &field), "cause_json_field_type",
			"name: expected a string, found a number",
			"name\u00a0: attendu\u00a0: une chaîne\u00a0; trouvé\u00a0: un nombre"},
		{"json: value type", unmarshal(`[1]`, &n), "cause_json_type",
			"expected a number, found an array",
			"attendu\u00a0: un nombre\u00a0; trouvé\u00a0: un tableau"},

		{"csv: bare quote", readCSV("a,b\"c\n"), "cause_csv_at",
			`parse error on line 1, column 4: bare " in non-quoted-field`,
			"erreur de lecture ligne 1, colonne 4\u00a0: guillemet («\u00a0\"\u00a0») dans un champ qui n’est pas entre guillemets"},
		{"csv: quote", readCSV("a,\"b\"c\n"), "cause_csv_at",
			`parse error on line 1, column 5: extraneous or missing " in quoted-field`,
			"erreur de lecture ligne 1, colonne 5\u00a0: guillemet («\u00a0\"\u00a0») en trop ou manquant dans un champ entre guillemets"},
		{"csv: quote over lines", readCSV("a,\"b\nc\"d\n"), "cause_csv_record_at",
			`record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field`,
			"enregistrement commencé ligne 1, erreur de lecture ligne 2, colonne 2\u00a0: guillemet («\u00a0\"\u00a0») en trop ou manquant dans un champ entre guillemets"},
		{"csv: field count", readCSV("a,b\nc\n"), "cause_csv_record",
			"record on line 2: wrong number of fields",
			"enregistrement de la ligne 2\u00a0: nombre de champs incorrect"},
		{"csv: the sentinel alone", csv.ErrBareQuote, "cause_csv_bare_quote",
			`bare " in non-quoted-field`,
			"guillemet («\u00a0\"\u00a0») dans un champ qui n’est pas entre guillemets"},

		{"yaml: expected key", yamlErr("a:\n  b: 1\n c: 2\n"), "cause_yaml",
			"yaml: line 2: did not find expected key",
			"YAML\u00a0: ligne 2\u00a0: la clé attendue est introuvable"},
		{"yaml: mapping value", yamlErr("a: b: c\n"), "cause_yaml",
			"yaml: mapping values are not allowed in this context",
			"YAML\u00a0: une paire clé-valeur («\u00a0:\u00a0») n’est pas permise à cet endroit"},
		{"yaml: bad start", yamlErr("a: @b\n"), "cause_yaml",
			"yaml: found character that cannot start any token",
			"YAML\u00a0: un caractère qui ne peut commencer aucune valeur"},
		{"yaml: duplicate key", yamlMap("a: 1\na: 2\n"), "cause_yaml",
			`yaml: line 2: mapping key "a" already defined at line 1`,
			"YAML\u00a0: ligne 2\u00a0: la clé «\u00a0a\u00a0» est déjà définie à la ligne 1"},
		{"yaml: unclosed list", yamlErr("a: [b, c\n"), "cause_yaml",
			"yaml: line 1: did not find expected ',' or ']'",
			"YAML\u00a0: ligne 1\u00a0: le «\u00a0,\u00a0» ou le «\u00a0]\u00a0» attendu est introuvable"},

		{"a program's exit status", exec.Command("sh", "-c", "exit 3").Run(), "cause_exit_status",
			"exit status 3", "le programme s’est terminé avec le code 3"},
		{"a time limit", context.DeadlineExceeded, "cause_deadline", "context deadline exceeded", "délai dépassé"},
		{"unknown", errors.New("exit status 2"), "cause_system",
			"exit status 2", "(message du système, en anglais\u00a0: exit status 2)"},
		{"known, wrapped in words of its own", fmt.Errorf("reading it: %w", open(missing)), "cause_system",
			"reading it: open " + missing + ": no such file or directory",
			"(message du système, en anglais\u00a0: reading it: open " + missing + ": no such file or directory)"},
		{"coded", Errorf("fmt_values_differ", nil), "fmt_values_differ",
			"values differ", "les valeurs diffèrent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil {
				t.Fatal("no error to word")
			}
			m := Cause(tc.err)
			if m.Code != tc.code {
				t.Errorf("code %q, want %q (%v)", m.Code, tc.code, tc.err)
			}
			if err := CheckArgs(m.Code, m.Args); err != nil {
				t.Error(err)
			}
			if got := m.Text("en"); got != tc.en {
				t.Errorf("English:\n got %q\nwant %q", got, tc.en)
			}
			if got := m.Text("fr"); got != tc.fr {
				t.Errorf("French:\n got %q\nwant %q", got, tc.fr)
			}
		})
	}
}

// TestCauseSystemErrnos: each of the system's errors that Cause words has its words,
// whatever operation met it.
func TestCauseSystemErrnos(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the errno texts are Linux's")
	}
	for _, e := range errnos {
		if _, ok := e.err.(syscall.Errno); !ok {
			continue // fs.ErrNotExist and the like say it in words of their own
		}
		err := &os.PathError{Op: "write", Path: "p", Err: e.err}
		m := Cause(err)
		if got, want := m.Text("en"), err.Error(); got != want {
			t.Errorf("%s: English %q, the system says %q", e.code, got, want)
		}
		if fr := m.Text("fr"); strings.Contains(fr, "anglais") {
			t.Errorf("%s: French %q", e.code, fr)
		}
	}
}

// TestCauseIn: a JSON error names its line and column in the bytes read.
func TestCauseIn(t *testing.T) {
	src := []byte("{\n  \"a\": 1,\n  \"b\" 2\n}")
	var a any
	err := json.Unmarshal(src, &a)
	m := CauseIn(err, src)
	if got, want := m.Text("en"), "line 3, column 7: invalid character '2' after object key"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := m.Text("fr"), "ligne 3, colonne 7\u00a0: caractère «\u00a02\u00a0» inattendu après une clé d’objet («\u00a0:\u00a0» attendu)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := CauseIn(errors.New("x"), src); got.Code != "cause_system" {
		t.Errorf("another error: %v", got)
	}
}

// TestYAMLMessage: yaml.v3's messages split into their line and a coded message; what
// the table does not know stays the system's.
func TestYAMLMessage(t *testing.T) {
	var node yaml.Node
	for _, tc := range []struct {
		src  string
		line int
		code string
	}{
		{"a:\n  b: 1\n c: 2\n", 2, "cause_yaml_expected_key"},
		{"a: 'b\n", 2, "cause_yaml_end"},
		{"a: \"\\q\"\n", 0, "cause_yaml_escape"},
		{"- a\nb: c\n", 1, "cause_yaml_expected_dash"},
	} {
		err := yaml.Unmarshal([]byte(tc.src), &node)
		line, _, m := YAMLMessage(err)
		if line != tc.line || m.Code != tc.code {
			t.Errorf("%q: %v: line %d, %v; want line %d, %s", tc.src, err, line, m, tc.line, tc.code)
		}
	}
	if _, raw, m := YAMLMessage(errors.New("yaml: line 4: something new")); m.Code != "cause_system" || raw != "something new" {
		t.Errorf("an unknown message is %v (%q)", m, raw)
	}
}

func open(name string) error {
	f, err := os.Open(name)
	if err == nil {
		f.Close()
	}
	return err
}

func readFile(name string) error { _, err := os.ReadFile(name); return err }

func mkdir(name string) error { return os.Mkdir(name, 0o755) }
