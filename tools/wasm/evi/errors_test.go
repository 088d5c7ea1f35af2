//go:build !js

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/evi"
)

// TestFail: a file's errors reach the page with line, column, code, Args and the
// English text; an error that no file causes has its cause, worded from the catalogue,
// and its text.
func TestFail(t *testing.T) {
	cfg, err := evi.ParseConfig([]byte("columns: {code: c, population: p}\nthemes: {a: }\nindicators:\n  x: {theme: a, direction: 1}\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = evi.ReadCSV(strings.NewReader("c,p,x\nA,-5,1\nB,1,abc\n"), cfg)
	_, badGeo := evi.ReadGeoJSON(strings.NewReader(`{"type":"FeatureCollection","features":[`+"\n"+
		`{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[0,0],[200,0],[1,1],[0,0]]]]}}]}`),
		[]evi.Area{{Code: "A"}}, "code")
	_, badJSON := evi.ReadGeoJSON(strings.NewReader(`{"type": "FeatureCollection",`+"\n"+`"features": [} }`), []evi.Area{{Code: "A"}}, "code")
	_, badYAML := evi.ParseConfig([]byte("columns: {code: c\n"))
	_, badConfig := evi.ParseConfig([]byte("columns: {code: c, population: p}\nthemes: {a: }\nindicators:\n  x: {theme: b, direction: up}\n"))
	for _, tc := range []struct {
		file string
		err  error
		want string
	}{
		{"data", err, `{"ok":false,"file":"data","errors":[` +
			`{"line":2,"column":"p","code":"csv_negative_population","args":{"value":"-5"},"msg":"\"-5\" is negative; a population is 0 or more"},` +
			`{"line":3,"column":"x","code":"csv_not_number","args":{"value":"abc"},"msg":"\"abc\" is not a number"}]}`},
		{"config", fmt.Errorf("wrapped: %w", badConfig), `{"ok":false,"file":"config","errors":[` +
			`{"line":4,"code":"config_bad_direction","args":{"name":"x","value":"up"},"msg":"indicators: \"x\": direction must be 1 (a higher value is more vulnerable) or -1 (a lower value is more vulnerable), not \"up\""},` +
			`{"line":4,"code":"config_undeclared_theme","args":{"declared":["a"],"name":"x","value":"b"},"msg":"indicators: \"x\": theme \"b\" is not declared under themes (declared: a)"}]}`},
		// A GeoJSON error's detail, from the catalogue: its code and Args, nested ones too.
		{"geo", badGeo, `{"ok":false,"file":"geo","errors":[` +
			`{"line":2,"code":"geojson_bad_geometry","args":{"detail":{"code":"evi_geo_in_polygon","args":{"polygon":1,` +
			`"problem":{"code":"evi_geo_position_range","args":{"lat":"0","lon":"200","position":1,"ring":0}}}},"index":0,"value":"A"},` +
			`"msg":"features[0] (area \"A\"): polygon 1: ring 0, position 1: [200, 0] is not a longitude and a latitude in degrees"}]}`},
		// A reader's own message as a detail from the catalogue, nested parts too: the page
		// words it in its language.
		{"geo", badJSON, `{"ok":false,"file":"geo","errors":[` +
			`{"line":2,"code":"geojson_syntax","args":{"column":14,"detail":{"code":"cause_json_char","args":{"character":"}","context":{"code":"cause_json_in_value"}}}},` +
			`"msg":"not a GeoJSON file: invalid character '}' looking for beginning of value (column 14)"}]}`},
		{"config", badYAML, `{"ok":false,"file":"config","errors":[` +
			`{"line":1,"code":"config_yaml_unclosed","args":{"detail":{"code":"cause_yaml_unclosed_mapping"}},` +
			`"msg":"YAML syntax: did not find expected ',' or '}'"}]}`},
		{"choices", errors.New("no data loaded"), `{"ok":false,"file":"choices","errors":[{"cause":{"code":"cause_system","args":{"text":"no data loaded"}},"msg":"no data loaded"}]}`},
	} {
		got := fail(tc.file, tc.err)
		if got != tc.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.file, got, tc.want)
		}
		var back failure
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Fatal(err)
		}
		var list evi.ErrorList
		if errors.As(tc.err, &list) {
			for i, e := range list {
				if c := evi.Code(back.Errors[i].Code); c != e.Code || !reflect.DeepEqual(c.Args(), e.Code.Args()) {
					t.Errorf("%s: error %d: code %q, want %q", tc.file, i, c, e.Code)
				}
			}
		}
	}
}
