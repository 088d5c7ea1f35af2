//go:build !js

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/pssdc/guide-iad/tools/evi"
	"github.com/pssdc/guide-iad/tools/internal/testutil"
)

// The calculator page shows the sample's result before the reader does anything, and
// without downloading evi.wasm (docs/site.md, Performance): layouts/evi/page.html puts
// assets/evi/sample-result.json on the page, and assets/js/evi.js draws it as it draws
// what the program returns. This file is the program's own answer for the sample files
// (static/evi/), computed here by the same functions as in the browser; the test fails
// when it is stale: go test ./tools/wasm/evi -run TestSampleResult -update.
const (
	sampleCSV    = "../../../static/evi/sample.csv"
	sampleConfig = "../../../static/evi/sample-config.yaml"
	sampleResult = "../../../assets/evi/sample-result.json"
	samplePoints = "../../../static/evi/sample-points.csv"
	sampleAreas  = "../../../static/evi/sample-areas.geojson"
	sampleGroups = "../../../static/evi/sample-groups.csv"
)

// sample is what the page gets: load's and compute's answers as in the browser (meta
// and strings parsed, numbers a list with null for NaN), the CSV download and the
// configuration download.
type sample struct {
	Load    json.RawMessage `json:"load"`
	Meta    json.RawMessage `json:"meta"`
	Strings json.RawMessage `json:"strings"`
	Numbers []*float64      `json:"numbers"`
	CSV     string          `json:"csv"`
	Config  string          `json:"config"`
	// Service is service's answer for the sample's service points and GeoJSON: the
	// map the page shows with the sample.
	Service json.RawMessage `json:"service"`
}

// parseSample reads a configuration and a data file.
func parseSample(config, data []byte) (*evi.Config, []evi.Area, error) {
	cfg, err := evi.ParseConfig(config)
	if err != nil {
		return nil, nil, err
	}
	areas, err := evi.ReadCSV(bytes.NewReader(data), cfg)
	return cfg, areas, err
}

// computeSample runs the sample as the page does on start: load, then compute with
// every indicator's theme and direction as the configuration gives them.
func computeSample(config, data []byte) ([]byte, error) {
	cfg, areas, err := parseSample(config, data)
	if err != nil {
		return nil, err
	}
	var choices []evi.Choice
	for _, ind := range cfg.Indicators {
		choices = append(choices, evi.Choice{Column: ind.Column, Theme: ind.Theme, Direction: ind.Direction})
	}
	chosen, dropped, err := cfg.WithChoices(choices)
	if err != nil {
		return nil, err
	}
	res := evi.Compute(areas, chosen)
	meta, nums := computeResult(&res, chosen, dropped)
	out := sample{Load: json.RawMessage(loadResult(cfg, len(areas))), Meta: json.RawMessage(meta), Strings: json.RawMessage(areaStrings(&res))}
	for i := range nums {
		if !math.IsNaN(nums[i]) {
			out.Numbers = append(out.Numbers, &nums[i])
		} else {
			out.Numbers = append(out.Numbers, nil)
		}
	}
	var b bytes.Buffer
	if err := evi.WriteCSV(&b, &res); err != nil {
		return nil, err
	}
	out.CSV = b.String()
	b.Reset()
	if err := evi.WriteConfig(&b, res.Config); err != nil {
		return nil, err
	}
	out.Config = b.String()
	points, err := os.ReadFile(samplePoints)
	if err != nil {
		return nil, err
	}
	geo, err := os.ReadFile(sampleAreas)
	if err != nil {
		return nil, err
	}
	svc, failure := loadService(cfg, areas, serviceInput{Kind: "points", File: points, Geo: geo})
	if failure != "" {
		return nil, errors.New(failure)
	}
	out.Service = json.RawMessage(svc.result(&res))
	j, err := json.MarshalIndent(out, "", " ")
	return append(j, '\n'), err
}

func TestSampleResult(t *testing.T) {
	config, data := readAll(t, sampleConfig), readAll(t, sampleCSV)
	got, err := computeSample(config, data)
	if err != nil {
		t.Fatal(err)
	}
	if *testutil.Update {
		if err := os.MkdirAll(filepath.Dir(sampleResult), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	testutil.Golden(t, "./tools/wasm/evi", sampleResult, got)
	var back sample
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	var meta struct {
		OK     bool `json:"ok"`
		Total  int  `json:"total"`
		Stride int  `json:"stride"`
	}
	if err := json.Unmarshal(back.Meta, &meta); err != nil || !meta.OK || meta.Total == 0 || len(back.Numbers) != meta.Total*meta.Stride || back.CSV == "" || back.Config == "" {
		t.Errorf("the sample's result is incomplete: meta %+v (%v), %d numbers, %d bytes of CSV, %d of configuration", meta, err, len(back.Numbers), len(back.CSV), len(back.Config))
	}
}

// TestSampleResultFollowsTheFiles: another sample file gives another result, so the
// golden comparison above does see a stale copy.
func TestSampleResultFollowsTheFiles(t *testing.T) {
	config, data := readAll(t, sampleConfig), readAll(t, sampleCSV)
	a, err := computeSample(config, data)
	if err != nil {
		t.Fatal(err)
	}
	// Another population for the last area (the same areas, which the sample's GeoJSON
	// must name).
	b, err := computeSample(config, bytes.Replace(data, []byte("(lieu fictif),2657,"), []byte("(lieu fictif),9657,"), 1))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, b) {
		t.Error("the sample's result does not change with its data")
	}
}
