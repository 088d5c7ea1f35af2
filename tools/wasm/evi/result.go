// What load and compute return to the page, as JSON: apart from main.go so that it
// builds, and is tested, outside the browser too, where it also writes the sample's
// result that the calculator page shows before the program is downloaded
// (sample_test.go, assets/evi/sample-result.json).

package main

import (
	"math"
	"strings"

	"github.com/pssdc/guide-iad/tools/evi"
)

type jsonTheme struct {
	ID      string  `json:"id"`
	LabelEN string  `json:"label_en"`
	LabelFR string  `json:"label_fr"`
	Weight  float64 `json:"weight"`
	N       int     `json:"n"`
}

type jsonIndicator struct {
	Column    string `json:"column"`
	Theme     string `json:"theme"`
	Direction int    `json:"direction"`
	LabelEN   string `json:"label_en"`
	LabelFR   string `json:"label_fr"`
	N         int    `json:"n"`
}

type jsonConfig struct {
	Themes     []jsonTheme     `json:"themes"`
	Indicators []jsonIndicator `json:"indicators"`
	Weighted   bool            `json:"weighted"`
}

// describe lists the themes and indicators of cfg, with their N when res is given.
func describe(cfg *evi.Config, res *evi.Result) jsonConfig {
	out := jsonConfig{Weighted: cfg.Weighted()}
	for t, th := range cfg.Themes {
		jt := jsonTheme{ID: th.ID, LabelEN: th.LabelEN, LabelFR: th.LabelFR, Weight: th.EffectiveWeight()}
		if res != nil {
			jt.N = res.ThemeN[t]
		}
		out.Themes = append(out.Themes, jt)
	}
	for k, ind := range cfg.Indicators {
		ji := jsonIndicator{Column: ind.Column, Theme: ind.Theme, Direction: ind.Direction, LabelEN: ind.LabelEN, LabelFR: ind.LabelFR}
		if res != nil {
			ji.N = res.IndicatorN[k]
		}
		out.Indicators = append(out.Indicators, ji)
	}
	return out
}

// loadResult is load's answer for a configuration and data that passed the checks:
// {"ok":true,"areas":N,"config":{…}}.
func loadResult(cfg *evi.Config, areas int) string {
	return mustJSON(struct {
		OK     bool       `json:"ok"`
		Areas  int        `json:"areas"`
		Config jsonConfig `json:"config"`
	}{true, areas, describe(cfg, nil)})
}

// Columns of the numbers compute returns, per area, after the theme percentiles.
const (
	colPopulation = iota
	colOverall
	colIndex
	colQuintile
	colFlags
	fixedCols
)

// computeResult is compute's meta (JSON) for res, scored with cfg, which dropped the
// themes dropped, and its numbers: stride per area (see compute).
func computeResult(res *evi.Result, cfg *evi.Config, dropped []string) (string, []float64) {
	nt := len(cfg.Themes)
	stride := fixedCols + nt
	nums := make([]float64, stride*len(res.Areas))
	for i := range res.Areas {
		a := &res.Areas[i]
		row := nums[i*stride : (i+1)*stride]
		row[colPopulation] = a.Population
		row[colOverall] = a.Overall
		row[colIndex] = a.Index
		row[colQuintile], row[colFlags] = math.NaN(), math.NaN()
		if a.Quintile > 0 {
			row[colQuintile] = float64(a.Quintile)
		}
		if a.Excluded == "" {
			row[colFlags] = float64(a.Flags)
		}
		copy(row[fixedCols:], a.ThemePercentile)
	}
	columns := []string{"population", "overall", "index", "quintile", "flags"}
	for _, th := range cfg.Themes {
		columns = append(columns, "percentile_"+th.ID)
	}
	meta := mustJSON(struct {
		OK       bool       `json:"ok"`
		Method   string     `json:"method"`
		Weighted bool       `json:"weighted"`
		Total    int        `json:"total"`
		Ranked   int        `json:"ranked"`
		Indexed  int        `json:"indexed"`
		Dropped  []string   `json:"dropped"`
		Config   jsonConfig `json:"config"`
		Stride   int        `json:"stride"`
		Columns  []string   `json:"columns"`
	}{true, res.Method, res.Weighted, len(res.Areas), res.Ranked, res.OverallN, dropped, describe(cfg, res), stride, columns})
	return meta, nums
}

// areaStrings returns the texts of the areas as JSON (see compute). They depend on
// the file alone, not on the choices, so the page asks for them once per file.
func areaStrings(res *evi.Result) string {
	n := len(res.Areas)
	str := struct {
		Code     []string `json:"code"`
		NameEN   []string `json:"name_en"`
		NameFR   []string `json:"name_fr"`
		Excluded []string `json:"excluded"`
		Missing  []string `json:"missing"`
	}{make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)}
	for i := range res.Areas {
		a := &res.Areas[i]
		str.Code[i], str.NameEN[i], str.NameFR[i], str.Excluded[i] = a.Code, a.NameEN, a.NameFR, a.Excluded
		if len(a.Missing) > 0 {
			str.Missing[i] = strings.Join(a.Missing, ";")
		}
	}
	return mustJSON(str)
}
