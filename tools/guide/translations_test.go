package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The translations package's fixture corpus: texts pending in both directions.
const translationsCorpus = "../translations/testdata/data"

func runCmd(cmd func([]string, io.Writer, io.Writer) (int, error), args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	status, err := cmd(args, &out, &errOut)
	switch {
	case errors.Is(err, errUsage):
		status = 2
	case errors.Is(err, flag.ErrHelp):
		status = 0
	case err != nil:
		errOut.WriteString(err.Error())
		status = 2
	}
	return status, out.String(), errOut.String()
}

// fillWorklist fills the translation column of a worklist file with tr(source text).
func fillWorklist(t *testing.T, path string, tr func(text string) string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		r[6] = tr(r[5])
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTranslationsExport: the worklist on standard output is the package's golden
// export; with -o it goes to a file and a summary line is printed.
func TestTranslationsExport(t *testing.T) {
	status, stdout, stderr := runCmd(cmdTranslations, "-data", translationsCorpus)
	want, err := os.ReadFile("../translations/testdata/export.csv.golden")
	if err != nil {
		t.Fatal(err)
	}
	if status != 0 || stdout != string(want) || stderr != "" {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", status, stderr, stdout)
	}
	out := filepath.Join(t.TempDir(), "todo.csv")
	status, stdout, _ = runCmd(cmdTranslations, "-data", translationsCorpus, "-o", out)
	if got, _ := os.ReadFile(out); status != 0 || !bytes.Equal(got, want) {
		t.Errorf("exit %d; file:\n%s", status, got)
	}
	if stdout != out+": 18 texts to translate in 4 files\n" {
		t.Errorf("stdout %q", stdout)
	}
}

// TestTranslationsRoundTrip: export, fill, import; the corpus then validates, and the
// same worklist imported again changes nothing.
func TestTranslationsRoundTrip(t *testing.T) {
	data := testutil.CopyTree(t, translationsCorpus)
	list := filepath.Join(t.TempDir(), "todo.csv")
	if status, _, stderr := runCmd(cmdTranslations, "-data", data, "-o", list); status != 0 {
		t.Fatalf("export: exit %d: %s", status, stderr)
	}
	fillWorklist(t, list, func(s string) string { return "Traduit : " + s })
	status, stdout, stderr := runCmd(cmdTranslations, "-data", data, "--import", list)
	if status != 0 {
		t.Fatalf("import: exit %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	for _, want := range []string{
		filepath.Join(data, "projects", "gamma-inventory.yaml") + ": 11 translations imported; translation_pending removed: every text has both languages\n",
		filepath.Join(data, "contacts", "casey-river.yaml") + ": 1 translation imported\n",
		"18 translations imported into 4 files; 0 rows refused, 0 without translation, 0 already in the files\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	var out bytes.Buffer
	if got := run([]string{"validate", "-data", data}, &out, &out); got != 0 {
		t.Errorf("validate after import: exit %d\n%s", got, out.String())
	}
	status, stdout, _ = runCmd(cmdTranslations, "-data", data, "-import", list)
	if status != 0 || !strings.Contains(stdout, "0 translations imported into 0 files; 0 rows refused, 0 without translation, 18 already in the files") {
		t.Errorf("second import: exit %d\n%s", status, stdout)
	}
}

// TestTranslationsStaleRow: a row whose source text changed is refused with the CSV's
// name and row; the rest is imported; exit 1.
func TestTranslationsStaleRow(t *testing.T) {
	data := testutil.CopyTree(t, translationsCorpus)
	list := filepath.Join(t.TempDir(), "todo.csv")
	runCmd(cmdTranslations, "-data", data, "-o", list)
	path := filepath.Join(data, "contacts", "casey-river.yaml")
	src, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.Replace(src, []byte("Director of analytics"), []byte("Director of data"), 1), 0o644)
	fillWorklist(t, list, func(s string) string { return "Traduit : " + s })
	status, stdout, _ := runCmd(cmdTranslations, "-data", data, "-import", list)
	want := list + ":13: contacts/casey-river.yaml: role: the en source text changed since the export; export again and translate the new text\n"
	if status != 1 || !strings.Contains(stdout, want) {
		t.Errorf("exit %d; stdout lacks %q:\n%s", status, want, stdout)
	}
	if !strings.Contains(stdout, "17 translations imported into 3 files; 1 row refused") {
		t.Errorf("summary:\n%s", stdout)
	}
}

// TestTranslationsInvalidText: an imported text that breaks a rule is written, then
// reported by the validator; exit 1.
func TestTranslationsInvalidText(t *testing.T) {
	data := testutil.CopyTree(t, translationsCorpus)
	list := filepath.Join(t.TempDir(), "todo.csv")
	runCmd(cmdTranslations, "-data", data, "-o", list)
	fillWorklist(t, list, func(s string) string { return "<b>" + s + "</b>" })
	status, stdout, _ := runCmd(cmdTranslations, "-data", data, "-import", list)
	if status != 1 || !strings.Contains(stdout, `error: role.fr: HTML "<b>" is not allowed in plain text`) {
		t.Errorf("exit %d:\n%s", status, stdout)
	}
}

func TestTranslationsUsage(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("file,id,key\n"), 0o644)
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"-o", "a.csv", "-import", "b.csv"}, "do not go together"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"-import", "no/such.csv"}, "no such file"},
		{[]string{"-import", bad}, `no "source_language" column`},
		{[]string{"-data", "no/such/folder"}, "data folder"},
		{[]string{"-bogus"}, "-bogus"},
	} {
		status, _, stderr := runCmd(cmdTranslations, tc.args...)
		if status != 2 || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, status, stderr, tc.stderr)
		}
	}
}

// TestTranslationsFrench: with -lang fr, the summary lines, a refused row and the
// errors are worded in French; the worklist itself is the same.
func TestTranslationsFrench(t *testing.T) {
	data := testutil.CopyTree(t, translationsCorpus)
	list := filepath.Join(t.TempDir(), "todo.csv")
	status, stdout, _ := runCmd(cmdTranslations, "-data", data, "-o", list, "-lang", "fr")
	if status != 0 || stdout != list+"\u00a0: 18 textes à traduire dans 4 fichiers\n" {
		t.Errorf("export: exit %d, stdout %q", status, stdout)
	}
	path := filepath.Join(data, "contacts", "casey-river.yaml")
	src, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.Replace(src, []byte("Director of analytics"), []byte("Director of data"), 1), 0o644)
	fillWorklist(t, list, func(s string) string { return "Traduit : " + s })
	status, stdout, _ = runCmd(cmdTranslations, "-data", data, "-import", list, "-lang", "fr")
	for _, want := range []string{
		list + ":13: contacts/casey-river.yaml: role: le texte source (en) a changé depuis l’exportation\u00a0; exportez de nouveau et traduisez le nouveau texte\n",
		filepath.Join(data, "editions.yaml") + "\u00a0: 1 traduction importée\n",
		"17 traductions importées dans 3 fichiers\u00a0; 1 ligne refusée, 0 sans traduction, 0 déjà dans les fichiers\n",
	} {
		if status != 1 || !strings.Contains(stdout, want) {
			t.Errorf("exit %d; stdout lacks %q:\n%s", status, want, stdout)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("file,id,key\n"), 0o644)
	status, _, stderr := runCmd(cmdTranslations, "-import", bad, "-lang", "fr")
	if want := "ligne 1\u00a0: pas de colonne «\u00a0source_language\u00a0»"; status != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want %q", status, stderr, want)
	}
}
