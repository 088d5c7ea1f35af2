//go:build !js

package evi

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
)

// Options are the arguments of the guide evi command.
type Options struct {
	Config string // path of the configuration (YAML)
	Data   string // path of the data (CSV)
	Format string // "csv", "json" or "geojson" (which needs Geometry)
	Out    string // output path, written atomically; "" for stdout

	// Service areas (optional): Groups (GROUPS.csv; the configuration's groups: when
	// empty) or Points (POINTS.csv, catchments of the nearest point, within RadiusKm when
	// above 0) put the areas in groups, summarised in GroupOut (required with either).
	Groups    string
	Ungrouped string // UngroupedError (default), UngroupedIgnore or UngroupedGroup
	Points    string
	RadiusKm  float64
	GroupOut  string
	// Geometry is a GeoJSON of the areas, whose property GeometryCode (default "code")
	// holds each area's code: for the geojson format, and for catchments the areas'
	// centroids (otherwise lat and lon columns of the data).
	Geometry     string
	GeometryCode string
}

// Run reads the configuration and the data, computes and writes the result to o.Out
// or, when that is empty, to stdout. An ErrorList error means a file is at fault (its
// errors name file, line and column); any other error is a usage or I/O error. Nothing
// is written unless both files are valid, and o.Out is either fully written or left
// as it was.
func Run(o Options, stdout io.Writer) (*Result, error) {
	if !slices.Contains(Formats, o.Format) && o.Format != FormatGeoJSON {
		return nil, diag.Errorf("usage_unknown_format", diag.A{"value": o.Format, "formats": append(slices.Clone(Formats), FormatGeoJSON)})
	}
	if o.Format == FormatGeoJSON && o.Geometry == "" {
		return nil, diag.Errorf("evi_geojson_needs_geometry", nil)
	}
	if o.Out != "" && samePath(o.Out, o.Data) {
		return nil, diag.Errorf("evi_out_is_data", diag.A{"file": o.Out})
	}
	cfg, err := LoadConfig(o.Config)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(o.Data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	areas, err := ReadCSV(f, cfg)
	var list ErrorList
	if errors.As(err, &list) {
		return nil, list.InFile(o.Data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.Data, err)
	}
	res := Compute(areas, cfg)
	svc, err := o.service(cfg, areas, &res)
	if err != nil {
		return nil, err
	}
	write := func(w io.Writer) error {
		if o.Format == FormatGeoJSON {
			return WriteGeoJSON(w, &res, svc.geo, svc.grouping)
		}
		return Write(w, o.Format, &res)
	}
	// Both results are complete in memory before either file is written.
	if svc.grouping != nil {
		if err := atomicfile.WriteFunc(o.GroupOut, func(w io.Writer) error { return WriteGroupsCSV(w, res.Groups) }); err != nil {
			return nil, err
		}
	}
	if o.Out != "" {
		return &res, atomicfile.WriteFunc(o.Out, write)
	}
	bw := bufio.NewWriterSize(stdout, 64<<10)
	if err := write(bw); err != nil {
		return nil, err
	}
	return &res, bw.Flush()
}

func samePath(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	return false
}
