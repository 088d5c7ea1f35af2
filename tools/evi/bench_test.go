package evi

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// Target: 60,000 areas × 20 indicators in at most 1 s on a 2-core machine.
const benchAreas, benchIndicators = 60_000, 20

// benchInput builds a configuration of 20 indicators in 4 themes and a CSV of 60,000
// areas with one-decimal values (so with ties), 1% missing values and 0.5% areas
// without population.
func benchInput(b *testing.B) (*Config, []byte) {
	b.Helper()
	var cfg strings.Builder
	cfg.WriteString("columns: {code: code, name_en: name_en, name_fr: name_fr, population: pop}\nindicators:\n")
	for j := range benchIndicators {
		dir := 1
		if j%5 == 4 {
			dir = -1
		}
		fmt.Fprintf(&cfg, "  x%02d: {theme: t%d, direction: %d}\n", j, j%4, dir)
	}
	c := mustConfig(b, cfg.String())

	rng := rand.New(rand.NewPCG(60, 20))
	var data bytes.Buffer
	data.WriteString("code,name_en,name_fr,pop")
	for j := range benchIndicators {
		fmt.Fprintf(&data, ",x%02d", j)
	}
	data.WriteByte('\n')
	for i := range benchAreas {
		pop := 100 + rng.IntN(10000)
		if rng.IntN(200) == 0 {
			pop = 0
		}
		fmt.Fprintf(&data, "A%05d,Area %d (fictional),Lieu %d (fictif),%d", i, i, i, pop)
		for range benchIndicators {
			if rng.IntN(100) == 0 {
				data.WriteString(",")
				continue
			}
			fmt.Fprintf(&data, ",%.1f", rng.Float64()*100)
		}
		data.WriteByte('\n')
	}
	return c, data.Bytes()
}

// BenchmarkCompute: the computation alone.
func BenchmarkCompute(b *testing.B) {
	cfg, data := benchInput(b)
	areas, err := ReadCSV(bytes.NewReader(data), cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Compute(areas, cfg)
	}
}

// BenchmarkReadCSV: parsing and checking the 60,000-row file (about 9 MB).
func BenchmarkReadCSV(b *testing.B) {
	cfg, data := benchInput(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(data), cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipeline: read, compute and write, as guide evi does, in each format.
func BenchmarkPipeline(b *testing.B) {
	cfg, data := benchInput(b)
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				areas, err := ReadCSV(bytes.NewReader(data), cfg)
				if err != nil {
					b.Fatal(err)
				}
				res := Compute(areas, cfg)
				if err := Write(io.Discard, format, &res); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
