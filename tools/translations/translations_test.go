package translations

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/check"
	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/format"
	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"github.com/pssdc/guide-iad/tools/model"
)

// The fixture corpus: a project with French pending (nested texts, a multi-line
// Markdown block, comments, an empty fr: key), a practice with English pending, a
// contact missing a French text without declaring it, editions with a missing title.
const corpus = "testdata/data"

var today = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

func export(t *testing.T, data string) []Row {
	t.Helper()
	rows, skipped, err := Worklist(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Fatalf("skipped: %v", skipped)
	}
	return rows
}

// translate fills every row the way a translator would, and passes the rows through
// CSV as a spreadsheet would.
func translate(t *testing.T, rows []Row) []Row {
	t.Helper()
	for i := range rows {
		rows[i].Translation = "(" + rows[i].Target + ") " + rows[i].Text
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCSV(&b)
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func validate(t *testing.T, data string) diag.List {
	t.Helper()
	res, err := check.Run(check.Options{DataDir: data, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	return res.Diagnostics
}

// TestExportGolden: the worklist of the fixture corpus, as CSV.
func TestExportGolden(t *testing.T) {
	rows := export(t, corpus)
	var b bytes.Buffer
	if err := WriteCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "./tools/translations", filepath.Join("testdata", "export.csv.golden"), b.Bytes())
}

// TestRoundTrip: export, translate everything, import; the corpus is then valid with
// no pending translation, each file is in canonical form with its comments, the
// worklist is empty, and importing again changes nothing.
func TestRoundTrip(t *testing.T) {
	data := testutil.CopyTree(t, corpus)
	before := validate(t, data)
	if !before.HasErrors() {
		t.Fatal("the fixture corpus should start with errors (missing French)")
	}
	rows := translate(t, export(t, data))
	res, err := Import(data, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	imported := 0
	for _, c := range res.Changed {
		imported += c.Imported
	}
	if imported != len(rows) || res.Already != 0 || res.Empty != 0 {
		t.Errorf("imported %d of %d rows; already %d; empty %d", imported, len(rows), res.Already, res.Empty)
	}
	if len(res.Changed) != 4 {
		t.Errorf("changed files: %v", res.Changed)
	}
	for _, c := range res.Changed {
		wantRemoved := strings.Contains(c.Path, "gamma-inventory") || strings.Contains(c.Path, "start-small")
		if c.PendingRemoved != wantRemoved {
			t.Errorf("%s: pending removed = %v", c.Path, c.PendingRemoved)
		}
	}
	if after := validate(t, data); len(after) > 0 {
		t.Errorf("diagnostics after import:\n%v", after)
	}
	for _, name := range []string{"projects/gamma-inventory.yaml", "practices/start-small.yaml", "contacts/casey-river.yaml", "editions.yaml"} {
		path := filepath.Join(data, filepath.FromSlash(name))
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		testutil.Golden(t, "./tools/translations", filepath.Join("testdata", "imported", strings.ReplaceAll(name, "/", "-")), got)
		kind, _ := model.KindOfPath(path)
		if again, err := format.Format(kind, got); err != nil || !bytes.Equal(again, got) {
			t.Errorf("%s is not in canonical form (%v)", name, err)
		}
		orig, _ := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(name)))
		if a, b := format.Comments(orig), format.Comments(got); strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s: comments changed:\n%q\n%q", name, a, b)
		}
	}
	if left := export(t, data); len(left) != 0 {
		t.Errorf("worklist after import: %v", left)
	}

	snapshot := readAll(t, data)
	res, err = Import(data, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changed) != 0 || len(res.Problems) != 0 || res.Already != len(rows) {
		t.Errorf("second import: %+v", res)
	}
	if got := readAll(t, data); got != snapshot {
		t.Error("second import changed files")
	}
}

func readAll(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			src, _ := os.ReadFile(path)
			b.WriteString(path + "\n" + string(src))
		}
		return err
	})
	return b.String()
}

// TestStaleRow: a row whose source text changed after the export is refused with its
// row number; the other rows are imported, and translation_pending stays because a
// text is still untranslated.
func TestStaleRow(t *testing.T) {
	data := testutil.CopyTree(t, corpus)
	rows := export(t, data)
	path := filepath.Join(data, "projects", "gamma-inventory.yaml")
	src, _ := os.ReadFile(path)
	src = bytes.Replace(src, []byte("A province published its service inventory as open data."), []byte("A province publishes its service inventory as open data."), 1)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	rows = translate(t, rows)
	staleRow := 0
	for _, r := range rows {
		if r.File == "projects/gamma-inventory.yaml" && r.Key == "summary" {
			staleRow = r.Row
		}
	}
	res, err := Import(data, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 {
		t.Fatalf("problems: %v", res.Problems)
	}
	p := res.Problems[0]
	want := "projects/gamma-inventory.yaml: summary: the en source text changed since the export; export again and translate the new text"
	if p.Row != staleRow || p.String() != fmt.Sprintf("%d: %s", staleRow, want) {
		t.Errorf("problem %q (row %d), want row %d: %s", p.String(), p.Row, staleRow, want)
	}
	if fr := fmt.Sprintf("%d: projects/gamma-inventory.yaml: summary: le texte source (en) a changé depuis l’exportation\u00a0; exportez de nouveau et traduisez le nouveau texte", staleRow); p.In("fr") != fr {
		t.Errorf("problem in French %q, want %q", p.In("fr"), fr)
	}
	for _, c := range res.Changed {
		if strings.Contains(c.Path, "gamma-inventory") && c.PendingRemoved {
			t.Error("translation_pending removed while summary is untranslated")
		}
	}
	left := export(t, data)
	if len(left) != 1 || left[0].Key != "summary" || left[0].Text != "A province publishes its service inventory as open data." {
		t.Errorf("left to translate: %+v", left)
	}
}

// TestRefusedRows: rows that do not fit the files are refused one by one, each with
// its reason, and nothing is written for them.
func TestRefusedRows(t *testing.T) {
	data := testutil.CopyTree(t, corpus)
	base := Row{File: "contacts/casey-river.yaml", ID: "casey-river", Key: "role", Source: "en", Target: "fr",
		Text: "Director of analytics", Translation: "Directrice de l'analytique"}
	with := func(row int, change func(r *Row)) Row {
		r := base
		r.Row = row
		change(&r)
		return r
	}
	rows := []Row{
		with(2, func(r *Row) { r.ID = "casey-rivers" }),
		with(3, func(r *Row) { r.File = "../casey-river.yaml" }),
		with(4, func(r *Row) { r.File = "contacts/../../outside.yaml" }),
		with(5, func(r *Row) { r.File = "contacts/nobody.yaml" }),
		with(6, func(r *Row) { r.Key = "roles" }),
		with(7, func(r *Row) { r.Key = "name" }),
		with(8, func(r *Row) { r.Target = "de" }),
		with(9, func(r *Row) {
			r.Key = "organization"
			r.Text = "Fictional Federal Agency"
			r.Translation = "Autre agence"
		}),
		with(10, func(r *Row) {
			r.Key = "organization"
			r.Text = "Fictional Federal Agency"
			r.Translation = "Agence fédérale fictive"
		}),
		with(11, func(r *Row) { r.Translation = "  " }),
		with(12, func(r *Row) { r.Key = "lessons[0" }),
	}
	res, err := Import(data, rows)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		2:  `the file's id is "casey-river", not "casey-rivers"`,
		3:  "not a data file of the guide",
		4:  "not a data file of the guide",
		5:  "no such file in the data folder",
		6:  "no text in both languages at this key",
		7:  "no text in both languages at this key",
		8:  `languages "en" → "de"`,
		9:  "the file already holds a different fr text",
		12: "not a key path",
	}
	got := map[int]string{}
	for _, p := range res.Problems {
		got[p.Row] = p.Message.Text("en")
	}
	for row, msg := range want {
		if !strings.Contains(got[row], msg) {
			t.Errorf("row %d: %q, want %q", row, got[row], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems: %v", res.Problems)
	}
	if res.Already != 1 || res.Empty != 1 || len(res.Changed) != 0 {
		t.Errorf("already %d, empty %d, changed %v", res.Already, res.Empty, res.Changed)
	}
	if got := readAll(t, data); got != strings.ReplaceAll(readAll(t, corpus), corpus, data) {
		t.Error("files changed")
	}
}

// TestReadCSV: columns are found by name, a byte order mark is skipped, row numbers
// count records (not lines) and a missing column is an error.
func TestReadCSV(t *testing.T) {
	src := "\xef\xbb\xbftranslation,file,id,key,source_language,target_language,source_text\n" +
		"\"Un\ndeux\",projects/a.yaml,a,challenge,en,fr,\"One\ntwo\"\n" +
		",,,,,,\n" +
		"Trois,projects/a.yaml,a,title,en,fr,Three\n"
	rows, err := ReadCSV(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Translation != "Un\ndeux" || rows[0].Row != 2 || rows[1].Row != 4 || rows[1].Key != "title" {
		t.Errorf("rows: %+v", rows)
	}
	if _, err := ReadCSV(strings.NewReader("file,id,key\n")); err == nil || !strings.Contains(err.Error(), `no "source_language" column`) {
		t.Errorf("missing column: %v", err)
	}
	if _, err := ReadCSV(strings.NewReader("")); err == nil {
		t.Error("empty file accepted")
	}
}

var number = regexp.MustCompile(csvcell.Number)

// TestCSVCells: texts a spreadsheet would run as formulas are neutralised in the export
// (a leading apostrophe; csvcell) and come back exactly as they were, whatever they start
// with — an apostrophe included; a cell the translator wrote without the apostrophe, or
// with the one a spreadsheet uses to mark text, reads as its text.
func TestCSVCells(t *testing.T) {
	values := []string{"=SUM(A1:A2)", "+1 613 555 0100", "-2+3", "@cmd", "\t=1", "\r=1", "'quoted'", "''", "'", "'=1",
		"-0.5", "- item", "=HYPERLINK(\"https://evil.example\",\"x\")", "plain", "", "l'apostrophe", " =1"}
	for _, c := range csvcell.Cases {
		values = append(values, c.In, c.Out)
	}
	var rows []Row
	for i, v := range values {
		rows = append(rows, Row{File: "projects/a.yaml", ID: "a", Key: fmt.Sprintf("lessons[%d]", i), Source: "en", Target: "fr", Text: v, Translation: v})
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !number.MatchString(cell) {
				t.Errorf("cell %q would run in a spreadsheet (only plain numbers start so)", cell)
			}
		}
	}
	back, err := ReadCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(rows) {
		t.Fatalf("%d rows back, want %d", len(back), len(rows))
	}
	for i, r := range back {
		if r.Text != values[i] || r.Translation != values[i] {
			t.Errorf("%q came back as text %q, translation %q", values[i], r.Text, r.Translation)
		}
	}
	hand := "file,id,key,source_language,target_language,source_text,translation\n" +
		"projects/a.yaml,a,title,en,fr,'=x,=y\n" +
		"projects/a.yaml,a,summary,en,fr,'=x,'=y\n" +
		"projects/a.yaml,a,results,en,fr,'=x,''l'apostrophe\n"
	got, err := ReadCSV(strings.NewReader(hand))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"=y", "=y", "'l'apostrophe"} {
		if got[i].Text != "=x" || got[i].Translation != want {
			t.Errorf("row %d: text %q, translation %q; want \"=x\", %q", got[i].Row, got[i].Text, got[i].Translation, want)
		}
	}
}

// TestPartialImportKeepsPending: translating some texts of an entry keeps its
// translation_pending, and the file's other texts are untouched.
func TestPartialImportKeepsPending(t *testing.T) {
	data := testutil.CopyTree(t, corpus)
	var rows []Row
	for _, r := range export(t, data) {
		if r.File == "practices/start-small.yaml" && r.Key == "title" {
			r.Translation, r.Row = "Start small", 2
			rows = append(rows, r)
		}
	}
	res, err := Import(data, rows)
	if err != nil || len(res.Changed) != 1 || res.Changed[0].PendingRemoved {
		t.Fatalf("res %+v, err %v", res, err)
	}
	got, _ := os.ReadFile(filepath.Join(data, "practices", "start-small.yaml"))
	if !bytes.Contains(got, []byte("title: {en: Start small, fr: Commencer petit}\n")) || !bytes.Contains(got, []byte("translation_pending: en # English to come\n")) {
		t.Errorf("got:\n%s", got)
	}
}
