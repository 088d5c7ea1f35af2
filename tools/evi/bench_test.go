package evi

import (
	"bytes"
	"io"
	"testing"
)

// Target: 60,000 areas × 20 indicators in at most 1 s on a 2-core machine.
const benchAreas, benchIndicators = 60_000, 20

// benchInput is Synthetic's configuration, parsed, and CSV for the benchmark's size.
func benchInput(b *testing.B) (*Config, []byte) {
	b.Helper()
	cfg, data := Synthetic(benchAreas, benchIndicators)
	return mustConfig(b, string(cfg)), data
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
