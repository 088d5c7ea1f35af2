package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/pssdc/guide-iad/tools/evi"
)

const eviUsage = "usage: guide evi --config CONFIG.yaml [--format csv|json|geojson] [--out FILE]\n" +
	"         [--groups GROUPS.csv [--ungrouped error|ignore|group] | --points POINTS.csv [--radius-km R]]\n" +
	"         [--group-out OUT.csv] [--geometry AREAS.geojson [--geometry-code PROPERTY]] DATA.csv\n"

// cmdEvi computes the e-vulnerability index of the areas of a CSV file (package evi).
// It exits 0 when the result is written, 1 when the configuration or the data is at
// fault (one message per problem, naming file, line and column), 2 for usage and I/O
// errors. With --out, the file is replaced only by a complete result.
func cmdEvi(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("evi", stderr)
	config := fs.String("config", "", "the configuration `file` (YAML): columns, themes and indicators")
	format := fs.String("format", "csv", "output `format`: csv, json or geojson (with --geometry)")
	out := fs.String("out", "", "write the result to `file` (atomically) instead of standard output")
	groups := fs.String("groups", "", "the service areas: a CSV `file` with columns code,group[,group_name_en,group_name_fr]")
	ungrouped := fs.String("ungrouped", evi.UngroupedError, "an area the groups file does not name: `error`, ignore (in no group) or group (a last group)")
	points := fs.String("points", "", "service points: a CSV `file` with columns code,name_en,name_fr,lat,lon; each area joins the nearest")
	radius := fs.Float64("radius-km", 0, "with --points: areas farther than this `distance` from every point form an outside group (0: no limit)")
	groupOut := fs.String("group-out", "", "write one row per service area to `file` (with --groups, --points or groups: in the configuration)")
	geometry := fs.String("geometry", "", "the areas' boundaries: a GeoJSON `file` (for --format geojson, and centroids for --points)")
	geometryCode := fs.String("geometry-code", "code", "the GeoJSON `property` holding each area's code")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\nComputes the e-vulnerability index of each area of DATA.csv (CDC/ATSDR SVI\npercentile-rank method). Flags may come before or after DATA.csv.\n\n", eviUsage)
		fs.PrintDefaults()
	}
	// The flag package stops at the first argument that is not a flag; the data file may
	// come before the flags (guide evi data.csv --config c.yaml), so parse in turns.
	var files []string
	rest := args
	for {
		if err := parseFlags(fs, rest); err != nil {
			return 0, err
		}
		consumed := len(rest) - fs.NArg()
		if fs.NArg() == 0 {
			break
		}
		if consumed > 0 && rest[consumed-1] == "--" {
			files = append(files, fs.Args()...)
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	switch {
	case *config == "":
		fmt.Fprintf(stderr, "guide evi: --config is required\n%s", eviUsage)
		return 0, errUsage
	case len(files) != 1:
		fmt.Fprintf(stderr, "guide evi: expected one data file, got %d\n%s", len(files), eviUsage)
		return 0, errUsage
	case !slices.Contains(evi.UngroupedPolicies, *ungrouped):
		fmt.Fprintf(stderr, "guide evi: --ungrouped %q: expected error, ignore or group\n", *ungrouped)
		return 0, errUsage
	case *format != "csv" && *format != "json" && *format != evi.FormatGeoJSON:
		fmt.Fprintf(stderr, "guide evi: unknown format %q; expected csv, json or geojson\n", *format)
		return 0, errUsage
	}
	res, err := evi.Run(evi.Options{Config: *config, Data: files[0], Format: *format, Out: *out,
		Groups: *groups, Ungrouped: *ungrouped, Points: *points, RadiusKm: *radius, GroupOut: *groupOut,
		Geometry: *geometry, GeometryCode: *geometryCode}, stdout)
	var list evi.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e)
		}
		return 1, nil
	}
	if err != nil {
		return 0, err
	}
	if res.Weighted {
		fmt.Fprintf(stderr, "guide evi: note: theme weights differ from 1, a departure from the CDC/ATSDR SVI method; the output says so\n")
	}
	if *out != "" {
		fmt.Fprintf(stdout, "%s: %d areas, %d ranked, %d indexed\n", *out, len(res.Areas), res.Ranked, res.OverallN)
	}
	if *groupOut != "" {
		fmt.Fprintf(stdout, "%s: %d service areas\n", *groupOut, len(res.Groups))
	}
	return 0, nil
}
