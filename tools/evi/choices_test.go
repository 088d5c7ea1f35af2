package evi

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestWithChoices: moving indicators between themes and flipping directions; themes
// left empty are dropped; the original is untouched; bad choices name the column.
func TestWithChoices(t *testing.T) {
	src := `
columns: {code: c, population: p}
themes:
  a: {label_en: A, weight: 2}
  b: {label_fr: B}
indicators:
  x: {theme: a, direction: 1}
  y: {theme: b, direction: -1}
  z: {theme: a, direction: 1}
`
	cfg := mustConfig(t, src)
	before := fmt.Sprintf("%+v", *cfg)

	got, dropped, err := cfg.WithChoices([]Choice{{"y", "a", 1}, {"x", "a", -1}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"b"}; !slices.Equal(dropped, want) {
		t.Errorf("dropped %v, want %v", dropped, want)
	}
	want := "{Columns:{Code:c NameEN: NameFR: Population:p} " +
		"Themes:[{ID:a LabelEN:A LabelFR: Weight:2}] " +
		"Indicators:[{Column:x Theme:a Direction:-1 LabelEN: LabelFR:} {Column:y Theme:a Direction:1 LabelEN: LabelFR:} {Column:z Theme:a Direction:1 LabelEN: LabelFR:}] Missing:{texts:[] nums:[]} Groups:}"
	if s := fmt.Sprintf("%+v", *got); s != want {
		t.Errorf("got\n%s\nwant\n%s", s, want)
	}
	if after := fmt.Sprintf("%+v", *cfg); after != before {
		t.Errorf("the configuration changed:\n%s\nwas\n%s", after, before)
	}

	same, dropped, err := cfg.WithChoices(nil)
	if err != nil || len(dropped) > 0 || !reflect.DeepEqual(same, cfg) {
		t.Errorf("no choices: got %+v, dropped %v, %v", same, dropped, err)
	}

	_, _, err = cfg.WithChoices([]Choice{{"w", "a", 1}, {"x", "c", 1}, {"y", "b", 0}, {"y", "b", 1}})
	wantErr := `column "w": not an indicator of the configuration` + "\n" +
		`column "x": theme "c" is not a theme of the configuration (themes: a, b)` + "\n" +
		`column "y": direction must be 1 or -1, not 0` + "\n" +
		`column "y": chosen twice`
	if _, ok := err.(ErrorList); !ok || err.Error() != wantErr {
		t.Errorf("got error %v, want\n%s", err, wantErr)
	}
}

// TestWriteConfig: what WriteConfig writes reads back to the same configuration, for
// the samples and for a configuration changed by choices.
func TestWriteConfig(t *testing.T) {
	for _, name := range []string{"sample-config.yaml", "sample-weighted-config.yaml", "cdc/svi2018-config.yaml", "cdc/svi2022-config.yaml"} {
		t.Run(name, func(t *testing.T) {
			cfg, err := LoadConfig("testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			changed, _, err := cfg.WithChoices([]Choice{{cfg.Indicators[0].Column, cfg.Themes[1].ID, -cfg.Indicators[0].Direction}})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []*Config{cfg, changed} {
				var b bytes.Buffer
				if err := WriteConfig(&b, c); err != nil {
					t.Fatal(err)
				}
				back, err := ParseConfig(b.Bytes())
				if err != nil {
					t.Fatalf("%v\n%s", err, b.Bytes())
				}
				if !reflect.DeepEqual(back, c) {
					t.Errorf("read back\n%+v\nwant\n%+v\nfrom\n%s", *back, *c, b.Bytes())
				}
			}
		})
	}
	cfg := mustConfig(t, "columns: {code: c, population: p}\nindicators:\n  \"x: y\": {theme: \"#t\", direction: -1}\n")
	var b bytes.Buffer
	if err := WriteConfig(&b, cfg); err != nil {
		t.Fatal(err)
	}
	want := "columns:\n  code: c\n  population: p\nthemes:\n  '#t': {}\nindicators:\n  'x: y':\n    theme: '#t'\n    direction: -1\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
