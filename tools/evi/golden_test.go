package evi

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/csvcell"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// compute runs the pipeline on testdata files.
func compute(t *testing.T, config, data string) Result {
	t.Helper()
	cfg, err := LoadConfig(filepath.Join("testdata", config))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	areas, err := ReadCSV(f, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return Compute(areas, cfg)
}

// TestGolden writes the sample's results in both formats, with and without weights.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		config, format, golden string
	}{
		{"sample-config.yaml", "csv", "sample.out.csv"},
		{"sample-config.yaml", "json", "sample.out.json"},
		{"sample-weighted-config.yaml", "csv", "sample-weighted.out.csv"},
		{"sample-weighted-config.yaml", "json", "sample-weighted.out.json"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			res := compute(t, tc.config, "sample.csv")
			var out bytes.Buffer
			if err := Write(&out, tc.format, &res); err != nil {
				t.Fatal(err)
			}
			testutil.Golden(t, "./tools/evi", filepath.Join("testdata", tc.golden), out.Bytes())
		})
	}
}

// TestSampleShape checks what the golden files should show, so that -update cannot
// silently accept a wrong sample: 40 fictional areas, one not ranked, one with a
// missing value, indices from 0 to 100, every quintile used.
func TestSampleShape(t *testing.T) {
	res := compute(t, "sample-config.yaml", "sample.csv")
	if len(res.Areas) != 40 || res.Ranked != 39 || res.OverallN != 39 {
		t.Fatalf("%d areas, %d ranked, %d indexed; want 40, 39, 39", len(res.Areas), res.Ranked, res.OverallN)
	}
	quintiles := map[int]int{}
	lo, hi := 100.0, 0.0
	for _, a := range res.Areas {
		if !strings.HasSuffix(a.NameEN, " (fictional)") || !strings.HasSuffix(a.NameFR, " (lieu fictif)") {
			t.Errorf("%s: names %q, %q are not marked fictional", a.Code, a.NameEN, a.NameFR)
		}
		switch a.Code {
		case "FX-10":
			if a.Excluded != ExcludedZeroPopulation {
				t.Errorf("FX-10 should be excluded for zero population, got %q", a.Excluded)
			}
			continue
		case "FX-28":
			if strings.Join(a.Missing, ",") != "pct_low_literacy" {
				t.Errorf("FX-28 missing %v, want pct_low_literacy", a.Missing)
			}
		}
		quintiles[a.Quintile]++
		lo, hi = min(lo, a.Index), max(hi, a.Index)
	}
	if lo != 0 || hi != 100 {
		t.Errorf("index from %v to %v, want 0 to 100", lo, hi)
	}
	// 39 areas: ⌊5(r−1)/39⌋ gives groups of 8, 8, 8, 8, 7 without ties.
	if fmt.Sprint(quintiles) != "map[1:8 2:8 3:8 4:8 5:7]" {
		t.Errorf("quintile sizes %v, want map[1:8 2:8 3:8 4:8 5:7]", quintiles)
	}
}

// TestOutputFormats parses both outputs back: the CSV has the header CSVHeader gives
// and one row per area; the JSON is valid, with null for the scores of an excluded
// area and the method labelled.
func TestOutputFormats(t *testing.T) {
	for _, config := range []string{"sample-config.yaml", "sample-weighted-config.yaml"} {
		res := compute(t, config, "sample.csv")
		var c, j bytes.Buffer
		if err := WriteCSV(&c, &res); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&c).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		header := CSVHeader(res.Config)
		if strings.Join(rows[0], ",") != strings.Join(header, ",") || len(rows) != 41 {
			t.Errorf("%s: CSV header %v, %d rows", config, rows[0], len(rows))
		}
		for _, row := range rows[1:] {
			if len(row) != len(header) || row[len(row)-1] != res.Method {
				t.Errorf("%s: row %v", config, row)
			}
		}

		if err := WriteJSON(&j, &res); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Method   string `json:"method"`
			Weighted bool   `json:"weighted"`
			Areas    []struct {
				Code       string              `json:"code"`
				Excluded   *string             `json:"excluded"`
				Indicators map[string]*float64 `json:"indicators"`
				EVI        *float64            `json:"evi"`
				Quintile   *int                `json:"quintile"`
				Flags      *int                `json:"flags"`
			} `json:"areas"`
		}
		if err := json.Unmarshal(j.Bytes(), &doc); err != nil {
			t.Fatalf("%s: JSON does not parse: %v", config, err)
		}
		if doc.Method != res.Method || doc.Weighted != res.Weighted || len(doc.Areas) != 40 {
			t.Errorf("%s: method %q, weighted %v, %d areas", config, doc.Method, doc.Weighted, len(doc.Areas))
		}
		for _, a := range doc.Areas {
			excluded := a.Excluded != nil
			if excluded != (a.EVI == nil) || excluded != (a.Quintile == nil) || excluded != (a.Flags == nil) ||
				excluded != (a.Indicators["pct_no_home_internet"] == nil) {
				t.Errorf("%s: area %s: excluded %v but evi %v, quintile %v, flags %v", config, a.Code, excluded, a.EVI, a.Quintile, a.Flags)
			}
		}
	}
}

// TestJSONString checks the escaping of names.
func TestJSONString(t *testing.T) {
	for _, s := range []string{"plain", `quote " and \ backslash`, "tab\tnew\nline\x01", "Île-d’Orléans", "bad \xff byte", "sep\u2028arator"} {
		var back string
		b := appendJSONString(nil, s)
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("%q → %s: %v", s, b, err)
			continue
		}
		if want := strings.ToValidUTF8(s, "\ufffd"); back != want {
			t.Errorf("%q → %s → %q", s, b, back)
		}
	}
}

// TestStaticCopies: the web tool preloads copies of the sample from static/evi/;
// they must stay identical to testdata/.
func TestStaticCopies(t *testing.T) {
	for _, name := range []string{"sample.csv", "sample-config.yaml", "sample-areas.geojson", "sample-points.csv", "sample-groups.csv"} {
		want, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "..", "static", "evi", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("static/evi/%s differs from tools/evi/testdata/%s; copy it over", name, name)
		}
	}
}

// TestCSVField: fields are quoted exactly as encoding/csv quotes them, after a text a
// spreadsheet would run as a formula gets its leading apostrophe (csvcell).
func TestCSVField(t *testing.T) {
	fields := []string{"", "plain", "a,b", `say "hi"`, "two\nlines", "cr\r", " leading", "\tlead", `\.`, "x;y", "Île-d’Orléans",
		"=1+1", "@SUM(A1)", "+1 613", "-2+3", "'quoted", "\r=1", "-0.5", `=HYPERLINK("https://evil.example","x,y")`}
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	w.Write(csvcell.Row(slices.Clone(fields)))
	w.Flush()
	var got []byte
	for i, f := range fields {
		if i > 0 {
			got = append(got, ',')
		}
		got = appendCSVField(got, f)
	}
	got = append(got, '\n')
	if string(got) != want.String() {
		t.Errorf("got  %q\nwant %q", got, want.String())
	}
}
