package review

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
	"github.com/pssdc/guide-iad/tools/model"
)

// The fixture corpus: projects reviewed long ago, exactly 12 months ago, recently and
// never (a malformed date), a practice reviewed on a leap day, a recent resource, a
// file YAML cannot read, and contacts with and without consent.
const corpus = "testdata/data"

// today is the fixed day ages are measured from.
var today = time.Date(2026, 11, 30, 15, 4, 5, 0, time.UTC)

// TestGolden lists the fixture corpus for several ages, as text and CSV.
func TestGolden(t *testing.T) {
	for _, age := range []string{"12m", "0d", "1d", "10y"} {
		a, err := ParseAge(age)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Due(Options{DataDir: corpus, OlderThan: a, Now: today})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Text("en"), "broken.yaml: left out") {
			t.Errorf("skipped: %v", res.Skipped)
		}
		var text, csv bytes.Buffer
		if err := WriteText(&text, res, a); err != nil {
			t.Fatal(err)
		}
		if err := WriteCSV(&csv, res); err != nil {
			t.Fatal(err)
		}
		testutil.Golden(t, "./tools/review", filepath.Join("testdata", "due-"+age+".txt.golden"), text.Bytes())
		testutil.Golden(t, "./tools/review", filepath.Join("testdata", "due-"+age+".csv.golden"), csv.Bytes())
		if age == "12m" { // the same list in French: every line but the data's is worded
			var fr bytes.Buffer
			if err := WriteTextIn(&fr, "fr", res, a); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, "./tools/review", filepath.Join("testdata", "due-"+age+".fr.txt.golden"), fr.Bytes())
		}
	}
}

// TestOrderAndContacts: oldest first (undated first of all), only consented contacts,
// the others counted.
func TestOrderAndContacts(t *testing.T) {
	res, err := Due(Options{DataDir: corpus, OlderThan: Age{Months: 12}, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range res.Entries {
		ids = append(ids, e.ID)
	}
	if got := strings.Join(ids, " "); got != "no-date old-portal leap-day mid-forecast" {
		t.Errorf("entries %s", got)
	}
	old := res.Entries[1]
	if len(old.Contacts) != 1 || old.Contacts[0].Name != "Ann Lee" || old.Contacts[0].Email != "ann.lee@example.org" || old.WithoutConsent != 1 ||
		strings.Join(old.Unpublished, " ") != "bob-roy" {
		t.Errorf("old-portal contacts %+v, without consent %d %v", old.Contacts, old.WithoutConsent, old.Unpublished)
	}
	if got := res.Cutoff.Format("2006-01-02"); got != "2025-11-30" {
		t.Errorf("cutoff %s", got)
	}
}

func TestParseAge(t *testing.T) {
	for in, want := range map[string]Age{"12m": {Months: 12}, "30d": {Days: 30}, "2y": {Years: 2}, "0d": {}, " 18M ": {Months: 18}} {
		got, err := ParseAge(in)
		if err != nil || got != want {
			t.Errorf("ParseAge(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "12", "m", "-1m", "1w", "1.5y", "12 m", "12mo", "99999d"} {
		if _, err := ParseAge(in); err == nil || !strings.Contains(err.Error(), "expected a number and a unit") {
			t.Errorf("ParseAge(%q): err = %v", in, err)
		}
	}
	if s := (Age{Months: 12}).String(); s != "12m" {
		t.Errorf("String = %q", s)
	}
}

func TestCutoff(t *testing.T) {
	day := func(s string) time.Time {
		d, _ := time.Parse("2006-01-02", s)
		return d
	}
	for _, tc := range []struct {
		now  string
		age  Age
		want string
	}{
		{"2026-11-30", Age{Months: 12}, "2025-11-30"},
		{"2026-03-31", Age{Months: 1}, "2026-02-28"},
		{"2024-03-31", Age{Months: 1}, "2024-02-29"},
		{"2024-02-29", Age{Years: 1}, "2023-02-28"},
		{"2026-01-15", Age{Months: 13}, "2024-12-15"},
		{"2026-01-15", Age{Months: 25}, "2023-12-15"},
		{"2026-03-01", Age{Days: 1}, "2026-02-28"},
		{"2026-11-30", Age{}, "2026-11-30"},
	} {
		if got := tc.age.Cutoff(day(tc.now)).Format("2006-01-02"); got != tc.want {
			t.Errorf("%s minus %s = %s, want %s", tc.now, tc.age, got, tc.want)
		}
	}
}

func TestMonths(t *testing.T) {
	now := time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)
	for reviewed, want := range map[string]int{"2026-01-31": 1, "2026-01-28": 1, "2026-02-01": 0, "2025-03-01": 11, "2025-02-28": 12, "": -1} {
		if got := (Entry{Reviewed: reviewed}).Months(now); got != want {
			t.Errorf("Months(%s) = %d, want %d", reviewed, got, want)
		}
	}
}

// TestNothingDue: an empty list says so, in one line; the CSV has its header only.
func TestNothingDue(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "resources"), 0o755)
	src, _ := os.ReadFile(filepath.Join(corpus, "resources", "recent-tool.yaml"))
	os.WriteFile(filepath.Join(dir, "resources", "recent-tool.yaml"), src, 0o644)
	res, err := Due(Options{DataDir: dir, OlderThan: Age{Months: 12}, Now: today})
	if err != nil {
		t.Fatal(err)
	}
	var text, csv bytes.Buffer
	WriteText(&text, res, Age{Months: 12})
	WriteCSV(&csv, res)
	if got := text.String(); got != "no entry to review (last reviewed before 2025-11-30: older than 12m on 2026-11-30)\n" {
		t.Errorf("text %q", got)
	}
	var fr bytes.Buffer
	WriteTextIn(&fr, "fr", res, Age{Months: 12})
	if got := fr.String(); got != "aucune fiche à revoir (dernière revue avant le 2025-11-30\u00a0: plus ancienne que 12m au 2026-11-30)\n" {
		t.Errorf("French text %q", got)
	}
	if got := csv.String(); got != strings.Join(CSVColumns, ",")+"\n" {
		t.Errorf("csv %q", got)
	}
}

func TestMissingDataFolder(t *testing.T) {
	if _, err := Due(Options{DataDir: "testdata/nope", OlderThan: Age{Months: 1}, Now: today}); err == nil {
		t.Error("no error for a missing data folder")
	}
}

// TestCSVFormulas: a text a spreadsheet would run as a formula is written with a leading
// apostrophe (tools/internal/csvcell), in every column; the text list keeps it as is.
func TestCSVFormulas(t *testing.T) {
	kind, _ := model.KindByDir("projects")
	res := Result{Now: today, Entries: []Entry{{File: "data/projects/x.yaml", Kind: kind, ID: "x",
		Title:    model.Text{En: "=HYPERLINK(\"https://evil.example\",\"x\")", Fr: "'cité"},
		Contacts: []Contact{{Name: "@Ann", Email: "ann@example.org", Role: model.Text{En: "+1", Fr: "-chef"}}}}}}
	var b bytes.Buffer
	if err := WriteCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := recs[1][5:]
	want := []string{"'=HYPERLINK(\"https://evil.example\",\"x\")", "''cité", "", "'@Ann", "ann@example.org", "+1", "'-chef"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells %q, want %q", got, want)
	}
}
