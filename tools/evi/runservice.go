//go:build !js

package evi

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pssdc/guide-iad/tools/diag"
)

// FormatGeoJSON is the output format of WriteGeoJSON.
const FormatGeoJSON = "geojson"

// service is what the service-area options of Run give.
type service struct {
	geo      Areas
	grouping *Grouping
}

// service reads the geometry, groups or points that o names, and aggregates res by
// group into res.Groups.
func (o Options) service(cfg *Config, areas []Area, res *Result) (service, error) {
	var s service
	groups := o.Groups
	if groups == "" && cfg.Groups != "" {
		groups = cfg.Groups
		if !filepath.IsAbs(groups) {
			groups = filepath.Join(filepath.Dir(o.Config), groups)
		}
	}
	switch {
	case groups != "" && o.Points != "":
		return s, diag.Errorf("evi_groups_and_points", nil)
	case (groups != "" || o.Points != "") && o.GroupOut == "":
		return s, diag.Errorf("evi_group_out_required", nil)
	case groups == "" && o.Points == "" && o.GroupOut != "":
		return s, diag.Errorf("evi_group_out_alone", nil)
	case o.GroupOut != "" && (samePath(o.GroupOut, o.Data) || o.Out != "" && filepath.Clean(o.GroupOut) == filepath.Clean(o.Out)):
		return s, diag.Errorf("evi_group_out_clash", diag.A{"file": o.GroupOut})
	}
	if o.Geometry != "" {
		prop := o.GeometryCode
		if prop == "" {
			prop = "code"
		}
		geo, err := readFile(o.Geometry, func(f *os.File) (Areas, error) { return ReadGeoJSON(f, areas, prop) })
		if err != nil {
			return s, err
		}
		s.geo = geo
	}
	switch {
	case groups != "":
		policy := o.Ungrouped
		if policy == "" {
			policy = UngroupedError
		}
		f, err := os.Open(groups)
		if err != nil {
			return s, err
		}
		defer f.Close()
		s.grouping, err = ReadGroups(f, groups, areas, o.Data, policy)
		if err != nil {
			return s, err
		}
	case o.Points != "":
		points, err := readFile(o.Points, func(f *os.File) ([]Point, error) { return ReadPoints(f) })
		if err != nil {
			return s, err
		}
		var loc []Location
		if s.geo != nil {
			loc = LocationsOf(s.geo)
		} else if loc, err = DataLocations(cfg, areas); err != nil {
			return s, err.(ErrorList).InFile(o.Data)
		}
		g, _, err := Catchments(points, areas, loc, o.RadiusKm)
		var list ErrorList
		if errors.As(err, &list) {
			return s, list.InFile(o.Data)
		}
		if err != nil {
			return s, err
		}
		s.grouping = g
	}
	if s.grouping != nil {
		res.Groups = Aggregate(res, s.grouping)
	}
	return s, nil
}

// readFile opens path and reads it with read; an ErrorList names the file.
func readFile[T any](path string, read func(*os.File) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	var list ErrorList
	if errors.As(err, &list) {
		return zero, list.InFile(path)
	}
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}
