package evi

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseConfigErrors asserts the exact message of each kind of configuration error.
func TestParseConfigErrors(t *testing.T) {
	const cols = "columns: {code: code, population: pop}\n"
	many := new(strings.Builder)
	many.WriteString(cols + "indicators:\n")
	for i := range MaxIndicators + 1 {
		fmt.Fprintf(many, "  x%d: {theme: t, direction: 1}\n", i)
	}
	for _, tc := range []struct {
		name, src, want string
	}{
		{"YAML syntax", "columns:\n  code: a\n  population: p: q\n",
			`config.yaml:3: YAML syntax: mapping values are not allowed in this context`},
		{"empty", "",
			`config.yaml: the configuration is empty; expected the sections columns, themes and indicators`},
		{"not a mapping", "- columns\n",
			`config.yaml:1: expected a mapping with the sections columns, themes and indicators`},
		{"unknown section", cols + "indicator:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:1: indicators: section missing; list at least one indicator` + "\n" +
				`config.yaml:2: unknown section "indicator"; expected columns, themes, indicators, missing_values or groups`},
		{"no columns", "indicators:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:1: columns: section missing; it names the code and population columns`},
		{"no population column", "columns:\n  code: code\nindicators:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:2: columns: population is required: the column holding each area's population`},
		{"unknown column key", "columns: {code: c, population: p, name: n}\nindicators:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:1: columns: unknown key "name"; expected code, name_en, name_fr or population`},
		{"no indicators", cols + "indicators: {}\n",
			`config.yaml:2: indicators: at least one indicator is required`},
		{"null indicators", cols + "indicators:\n",
			`config.yaml:2: indicators: at least one indicator is required`},
		{"too many indicators", many.String(),
			`config.yaml:3: indicators: 201 indicators; the limit is 200`},
		{"direction 2", cols + "indicators:\n  x:\n    theme: t\n    direction: 2\n",
			`config.yaml:5: indicators: "x": direction must be 1 (a higher value is more vulnerable) or -1 (a lower value is more vulnerable), not "2"`},
		{"direction as a word", cols + "indicators:\n  x: {theme: t, direction: higher}\n",
			`config.yaml:3: indicators: "x": direction must be 1 (a higher value is more vulnerable) or -1 (a lower value is more vulnerable), not "higher"`},
		{"no direction", cols + "indicators:\n  x: {theme: t}\n",
			`config.yaml:3: indicators: "x": direction is required: 1 (a higher value is more vulnerable) or -1 (a lower value is more vulnerable)`},
		{"no theme", cols + "indicators:\n  x: {direction: 1}\n",
			`config.yaml:3: indicators: "x": theme is required`},
		{"unknown indicator key", cols + "indicators:\n  x: {theme: t, direction: 1, weight: 2}\n",
			`config.yaml:3: indicators: "x": unknown key "weight"; expected theme, direction, label_en or label_fr`},
		{"duplicate indicator", cols + "indicators:\n  x: {theme: t, direction: 1}\n  x: {theme: t, direction: -1}\n",
			`config.yaml:4: indicators: "x" appears twice (first on line 3)`},
		{"indicator is the population column", cols + "indicators:\n  pop: {theme: t, direction: 1}\n",
			`config.yaml:3: indicators: "pop": is the population column; an indicator needs a column of its own`},
		{"undeclared theme", cols + "themes:\n  access:\n  skills:\nindicators:\n  x: {theme: acces, direction: 1}\n  y: {theme: skills, direction: 1}\n",
			`config.yaml:6: indicators: "x": theme "acces" is not declared under themes (declared: access, skills)`},
		{"theme without indicators", cols + "themes:\n  access:\n  skills:\nindicators:\n  x: {theme: access, direction: 1}\n",
			`config.yaml:4: themes: "skills": no indicator belongs to this theme`},
		{"weight 0", cols + "themes:\n  t: {weight: 0}\nindicators:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:3: themes: "t": weight must be a number greater than 0, not "0"`},
		{"weight negative", cols + "themes:\n  t: {weight: -1.5}\nindicators:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:3: themes: "t": weight must be a number greater than 0, not "-1.5"`},
		{"weight text", cols + "themes:\n  t: {weight: heavy}\nindicators:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:3: themes: "t": weight must be a number greater than 0, not "heavy"`},
		{"unknown theme key", cols + "themes:\n  t: {label: T}\nindicators:\n  x: {theme: t, direction: 1}\n",
			`config.yaml:3: themes: "t": unknown key "label"; expected label_en, label_fr or weight`},
		{"several errors, in line order", "columns: {code: c, population: p}\nindicators:\n  x: {theme: t, direction: 0}\n  y: {direction: 1}\n",
			`config.yaml:3: indicators: "x": direction must be 1 (a higher value is more vulnerable) or -1 (a lower value is more vulnerable), not "0"` + "\n" +
				`config.yaml:4: indicators: "y": theme is required`},
		{"too large", "# " + strings.Repeat("x", MaxConfigBytes),
			`config.yaml: the configuration is larger than 1048576 bytes; is it the right file?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tc.src))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("got %v, want an ErrorList", err)
			}
			if got := list.InFile("config.yaml").Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestParseConfig checks defaults: themes in order of first use without a themes
// section, weight 1, "+1" as a direction, labels, and the sample configuration.
func TestParseConfig(t *testing.T) {
	cfg := mustConfig(t, `
columns: {code: c, name_fr: nom, population: p}
indicators:
  x: {theme: b, direction: +1, label_en: X, label_fr: Xe}
  y: {theme: a, direction: -1}
  z: {theme: b, direction: 1}
`)
	got := fmt.Sprintf("%+v", *cfg)
	want := "{Columns:{Code:c NameEN: NameFR:nom Population:p} " +
		"Themes:[{ID:b LabelEN: LabelFR: Weight:1} {ID:a LabelEN: LabelFR: Weight:1}] " +
		"Indicators:[{Column:x Theme:b Direction:1 LabelEN:X LabelFR:Xe} {Column:y Theme:a Direction:-1 LabelEN: LabelFR:} {Column:z Theme:b Direction:1 LabelEN: LabelFR:}] Missing:{texts:[] nums:[]} Groups:}"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if cfg.Weighted() {
		t.Error("Weighted without weights")
	}

	sample, err := LoadConfig("testdata/sample-config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(sample.Themes) != 3 || len(sample.Indicators) != 8 || sample.Weighted() {
		t.Errorf("sample: %d themes, %d indicators, weighted %v", len(sample.Themes), len(sample.Indicators), sample.Weighted())
	}
	weighted, err := LoadConfig("testdata/sample-weighted-config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !weighted.Weighted() {
		t.Error("weighted sample is not Weighted")
	}
}

// TestLoadConfig: errors name the file; a byte order mark is fine; a missing file is
// an I/O error, not an ErrorList.
func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("\ufeffcolumns: {code: c}\nindicators: {x: {theme: t, direction: 1}}\n"), 0o644)
	_, err := LoadConfig(bad)
	want := bad + ":1: columns: population is required: the column holding each area's population"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	_, err = LoadConfig(filepath.Join(dir, "none.yaml"))
	var list ErrorList
	if err == nil || errors.As(err, &list) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: got %v", err)
	}
}
