package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/evi"
)

// cmdEvi computes the e-vulnerability index of the areas of a CSV file (package evi).
// It exits 0 when the result is written, 1 when the configuration or the data is at
// fault (one message per problem, naming file, line and column), 2 for usage and I/O
// errors. With --out, the file is replaced only by a complete result.
func cmdEvi(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("evi", stderr)
	config := fs.String("config", "", "help_flag_evi_config")
	format := fs.String("format", "csv", "help_flag_evi_format")
	out := fs.String("out", "", "help_flag_evi_out")
	groups := fs.String("groups", "", "help_flag_evi_groups")
	ungrouped := fs.String("ungrouped", evi.UngroupedError, "help_flag_evi_ungrouped")
	points := fs.String("points", "", "help_flag_evi_points")
	radius := fs.Float64("radius-km", 0, "help_flag_evi_radius")
	groupOut := fs.String("group-out", "", "help_flag_evi_group_out")
	geometry := fs.String("geometry", "", "help_flag_evi_geometry")
	geometryCode := fs.String("geometry-code", "code", "help_flag_evi_geometry_code")
	lang := langFlag(fs)
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
	say := newSayer(stderr, "evi", *lang)
	switch {
	case !slices.Contains(diag.Languages, *lang):
		say.text("usage_unknown_language", diag.A{"value": *lang, "languages": diag.Languages})
		return 0, errUsage
	case *config == "":
		say.text("usage_required_flag", diag.A{"flag": "--config"})
		fmt.Fprintln(stderr, usageLine("evi", *lang))
		return 0, errUsage
	case len(files) != 1:
		say.text("evi_one_data_file", diag.A{"count": len(files)})
		fmt.Fprintln(stderr, usageLine("evi", *lang))
		return 0, errUsage
	case !slices.Contains(evi.UngroupedPolicies, *ungrouped):
		say.text("evi_bad_ungrouped", diag.A{"value": *ungrouped})
		return 0, errUsage
	case !slices.Contains(evi.Formats, *format) && *format != evi.FormatGeoJSON:
		say.text("usage_unknown_format", diag.A{"value": *format, "formats": append(slices.Clone(evi.Formats), evi.FormatGeoJSON)})
		return 0, errUsage
	}
	res, err := evi.Run(evi.Options{Config: *config, Data: files[0], Format: *format, Out: *out,
		Groups: *groups, Ungrouped: *ungrouped, Points: *points, RadiusKm: *radius, GroupOut: *groupOut,
		Geometry: *geometry, GeometryCode: *geometryCode}, stdout)
	var list evi.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(stderr, e.Words(*lang))
		}
		return 1, nil
	}
	if err != nil {
		return 0, diag.In(err, *lang)
	}
	if res.Weighted {
		say.text("evi_weighted", nil)
	}
	if *out != "" {
		fmt.Fprintln(stdout, diag.Text(*lang, "evi_written", diag.A{"file": *out, "areas": len(res.Areas), "ranked": res.Ranked, "indexed": res.OverallN}))
	}
	if *groupOut != "" {
		fmt.Fprintln(stdout, diag.Text(*lang, "evi_groups_written", diag.A{"file": *groupOut, "count": len(res.Groups)}))
	}
	return 0, nil
}
