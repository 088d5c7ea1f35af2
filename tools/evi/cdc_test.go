package evi

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestCDC checks the method against CDC's own published tables: the county SVI of
// Pennsylvania, editions 2018, 2020 and 2022 (testdata/cdc/README.md). From CDC's EP_
// estimates, guide evi must give every EPL_ (indicator percentile rank), RPL_THEME1–4
// (theme percentile), RPL_THEMES (overall percentile: the index / 100) and F_ flag
// (indicator flags, their count per theme and in all) that CDC publishes, to the 4
// decimals CDC writes. 2018 has a reversed indicator (per capita income), where CDC
// takes 1 − PR of the values as they are.
func TestCDC(t *testing.T) {
	for _, edition := range []string{"2018", "2020", "2022"} {
		t.Run(edition, func(t *testing.T) {
			cfg, err := LoadConfig("testdata/cdc/svi" + edition + "-config.yaml")
			if err != nil {
				t.Fatal(err)
			}
			path := "testdata/cdc/svi" + edition + "_pa_county.csv"
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			areas, err := ReadCSV(f, cfg)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			res := Compute(areas, cfg)
			published := readCDCTable(t, path)
			if len(published) != len(res.Areas) || len(res.Areas) != 67 {
				t.Fatalf("%d areas computed, %d rows published; Pennsylvania has 67 counties", len(res.Areas), len(published))
			}
			checked := map[string]int{}
			mismatch := 0
			check := func(area AreaResult, column string, got float64) {
				t.Helper()
				want, ok := published[area.Line-2][column]
				if !ok {
					t.Fatalf("%s: no column %s", path, column)
				}
				checked[strings.SplitN(column, "_", 2)[0]]++
				if g := strconv.FormatFloat(got, 'f', 4, 64); g != strconv.FormatFloat(want, 'f', 4, 64) {
					mismatch++
					t.Errorf("%s (%s) %s: guide evi %s, CDC %.4f", area.NameEN, area.Code, column, g, want)
				}
			}
			for _, a := range res.Areas {
				if a.Excluded != "" {
					t.Fatalf("%s: excluded (%s)", a.Code, a.Excluded)
				}
				themeFlags := make([]int, len(cfg.Themes))
				for j, ind := range cfg.Indicators {
					name := strings.TrimPrefix(ind.Column, "EP_")
					check(a, "EPL_"+name, a.PR[j])
					flag := 0.0
					if a.PR[j] >= FlagThreshold {
						flag = 1
						for ti, th := range cfg.Themes {
							if th.ID == ind.Theme {
								themeFlags[ti]++
							}
						}
					}
					check(a, "F_"+name, flag)
				}
				for ti, th := range cfg.Themes {
					n := strings.TrimPrefix(th.ID, "theme")
					check(a, "RPL_THEME"+n, a.ThemePercentile[ti])
					check(a, "F_THEME"+n, float64(themeFlags[ti]))
				}
				check(a, "RPL_THEMES", a.Index/100)
				check(a, "F_TOTAL", float64(a.Flags))
			}
			// 67 counties × (indicators + 4 themes + 1 overall) ranks, and as many flags
			// plus one total each.
			k := len(cfg.Indicators)
			if checked["EPL"] != 67*k || checked["RPL"] != 67*5 || checked["F"] != 67*(k+5) {
				t.Errorf("checked %v; want EPL %d, RPL %d, F %d", checked, 67*k, 67*5, 67*(k+5))
			}
			t.Logf("edition %s: %d indicator ranks, %d theme and overall ranks, %d flags; %d differ",
				edition, checked["EPL"], checked["RPL"], checked["F"], mismatch)
		})
	}
}

// readCDCTable reads a testdata/cdc table: one map of column to value per data row.
func readCDCTable(t *testing.T, path string) []map[string]float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]float64
	for i, row := range rows[1:] {
		m := map[string]float64{}
		for c, name := range rows[0] {
			if !strings.HasPrefix(name, "EPL_") && !strings.HasPrefix(name, "RPL_") && !strings.HasPrefix(name, "F_") {
				continue
			}
			v, err := strconv.ParseFloat(row[c], 64)
			if err != nil || math.IsNaN(v) {
				t.Fatalf("%s:%d: %s: %v", path, i+2, name, fmt.Sprint(err))
			}
			m[name] = v
		}
		out = append(out, m)
	}
	return out
}
