package evi

import (
	"bytes"
	"io"
	"testing"

	"github.com/pssdc/guide-iad/tools/internal/testutil"
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

// Target (issue 18): 60,000 areas with their geometry and 500 service points:
// catchments and aggregation ≤ 1 s in Go.
const benchPoints = 500

func benchService(b *testing.B) (*Config, []Area, Result, []byte, []Point) {
	b.Helper()
	cfg, data := benchInput(b)
	areas, err := ReadCSV(bytes.NewReader(data), cfg)
	if err != nil {
		b.Fatal(err)
	}
	geo, pts := SyntheticGeometry(benchAreas, benchPoints)
	points, err := ReadPoints(bytes.NewReader(pts))
	if err != nil {
		b.Fatal(err)
	}
	return cfg, areas, Compute(areas, cfg), geo, points
}

// BenchmarkCatchments: the nearest of 500 points for 60,000 centroids, then the
// aggregation by catchment.
func BenchmarkCatchments(b *testing.B) {
	_, areas, res, geo, points := benchService(b)
	g, err := ReadGeoJSON(bytes.NewReader(geo), areas, "code")
	if err != nil {
		b.Fatal(err)
	}
	loc := LocationsOf(g)
	b.ReportAllocs()
	defer testutil.ReportCPU(b, "cpu-ns/op")()
	for b.Loop() {
		grouping, _, err := Catchments(points, areas, loc, 0)
		if err != nil {
			b.Fatal(err)
		}
		Aggregate(&res, grouping)
	}
}

// BenchmarkServiceAreas: the whole step from the files' bytes: the GeoJSON of 60,000
// areas read and checked, centroids, catchments of 500 points, aggregation.
func BenchmarkServiceAreas(b *testing.B) {
	_, areas, res, geo, points := benchService(b)
	b.SetBytes(int64(len(geo)))
	b.ReportAllocs()
	defer testutil.ReportCPU(b, "cpu-ns/op")()
	for b.Loop() {
		g, err := ReadGeoJSON(bytes.NewReader(geo), areas, "code")
		if err != nil {
			b.Fatal(err)
		}
		grouping, _, err := Catchments(points, areas, LocationsOf(g), 0)
		if err != nil {
			b.Fatal(err)
		}
		Aggregate(&res, grouping)
	}
}

// BenchmarkReadGeoJSON: reading and checking the GeoJSON of 60,000 areas alone.
func BenchmarkReadGeoJSON(b *testing.B) {
	_, areas, _, geo, _ := benchService(b)
	b.SetBytes(int64(len(geo)))
	b.ReportAllocs()
	defer testutil.ReportCPU(b, "cpu-ns/op")()
	for b.Loop() {
		if _, err := ReadGeoJSON(bytes.NewReader(geo), areas, "code"); err != nil {
			b.Fatal(err)
		}
	}
}
