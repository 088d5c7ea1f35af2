package evi

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// EarthRadiusKm is the mean radius of the Earth (IUGG), for great-circle distances.
const EarthRadiusKm = 6371.0088

// OutsideID is the group of the areas farther than the radius from every service point.
const OutsideID = "outside"

// The errors of POINTS.csv, and of an area without a location.
const (
	CodePointsMissingColumn Code = "points_missing_column" // name; columns
	CodePointsEmptyCode     Code = "points_empty_code"
	CodePointsDuplicateCode Code = "points_duplicate_code" // value, first line
	CodePointsBadCoordinate Code = "points_bad_coordinate" // name (lat or lon), value
	CodePointsNone          Code = "points_none"
	CodeAreaNoLocation      Code = "area_no_location" // value: the area code, at its line in the data
	CodeBadRadius           Code = "bad_radius"       // value
)

// Point is a service point: an office, a service centre.
type Point struct {
	Line     int
	Code     string
	NameEN   string
	NameFR   string
	Lat, Lon float64 // degrees
}

// Location is where an area is, for catchments: its centroid.
type Location struct {
	Lat, Lon float64
	OK       bool // false when the area has no location
}

// ReadPoints reads POINTS.csv: columns code, lat and lon (decimal degrees), optionally
// name_en and name_fr; one service point per row, codes unique.
func ReadPoints(r io.Reader) ([]Point, error) {
	t, err := readTable(r, []string{"code", "lat", "lon"}, CodePointsMissingColumn)
	if err != nil {
		return nil, err
	}
	var points []Point
	first := map[string]int{}
	for i, line := range t.lines {
		p := Point{Line: line, Code: t.cell(i, "code"), NameEN: t.cell(i, "name_en"), NameFR: t.cell(i, "name_fr")}
		if p.Code == "" {
			t.report(line, "code", CodePointsEmptyCode)
			continue
		}
		if f, dup := first[p.Code]; dup {
			t.report(line, "code", CodePointsDuplicateCode, "value", p.Code, "first", f)
			continue
		}
		first[p.Code] = line
		ok := true
		for _, c := range []struct {
			name  string
			dst   *float64
			limit float64
		}{{"lat", &p.Lat, 90}, {"lon", &p.Lon, 180}} {
			s := t.cell(i, c.name)
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || !(v >= -c.limit && v <= c.limit) {
				t.report(line, c.name, CodePointsBadCoordinate, "name", c.name, "value", s)
				ok = false
			}
			*c.dst = v
		}
		if ok {
			points = append(points, p)
		}
	}
	if len(t.errs) > 0 {
		return nil, t.errs
	}
	if len(points) == 0 {
		return nil, ErrorList{newError(0, "", CodePointsNone)}
	}
	return points, nil
}

// The columns of the data that give a location (Area.coordCols).
const (
	hasLat uint8 = 1 << iota
	hasLon
)

func boolBit(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// readLocation reads the lat and lon cells (decimal degrees) of the data row at line:
// no location when either is missing; an error naming the first that is not a
// coordinate.
func readLocation(lat, lon string, line int) (Location, *Error) {
	lat, lon = strings.TrimSpace(lat), strings.TrimSpace(lon)
	for _, c := range [][2]string{{"lat", lat}, {"lon", lon}} {
		if !utf8.ValidString(c[1]) {
			return Location{}, newError(line, c[0], CodeCSVInvalidUTF8)
		}
	}
	if isMissing(lat) || isMissing(lon) {
		return Location{}, nil
	}
	la, e1 := strconv.ParseFloat(lat, 64)
	lo, e2 := strconv.ParseFloat(lon, 64)
	switch {
	case e1 != nil || !(la >= -90 && la <= 90):
		return Location{}, newError(line, "lat", CodePointsBadCoordinate, "name", "lat", "value", lat)
	case e2 != nil || !(lo >= -180 && lo <= 180):
		return Location{}, newError(line, "lon", CodePointsBadCoordinate, "name", "lon", "value", lon)
	}
	return Location{Lat: la, Lon: lo, OK: true}, nil
}

// DataLocations returns the locations of the areas that ReadCSV read from the data's
// lat and lon columns (decimal degrees), in the same pass as the rest: an area without
// both values has none. A value that is not a coordinate is an error at its line, and
// so is data without both columns.
func DataLocations(cfg *Config, areas []Area) ([]Location, error) {
	t := &table{}
	if len(areas) > 0 {
		for _, c := range []struct {
			name string
			bit  uint8
		}{{"lat", hasLat}, {"lon", hasLon}} {
			if areas[0].coordCols&c.bit == 0 {
				t.errs = append(t.errs, newError(1, "", CodePointsMissingColumn, "name", c.name, "columns", []string{cfg.Columns.Code, "lat", "lon"}))
			}
		}
	}
	if len(t.errs) > 0 {
		return nil, t.errs
	}
	out := make([]Location, len(areas))
	for i, a := range areas {
		if a.coordErr != nil {
			t.add(a.coordErr)
		}
		out[i] = a.Location
	}
	if len(t.errs) > 0 {
		return nil, t.errs
	}
	return out, nil
}

// LocationsOf returns the centroids of the areas' geometries.
func LocationsOf(geo Areas) []Location {
	out := make([]Location, len(geo))
	for i, g := range geo {
		if g != nil {
			lat, lon := g.Centroid()
			out[i] = Location{Lat: lat, Lon: lon, OK: true}
		}
	}
	return out
}

// Catchments puts each area in the group of its nearest service point by great-circle
// distance (ties: the point that comes first). With radiusKm > 0, an area farther than
// that from every point goes in a last group, OutsideID, when there is one. Every area
// must have a location: an area without one is an error at its line of the data. Groups
// come in the order of the points. Distances (km) are returned per area.
//
// The nearest point is the one whose unit vector has the largest dot product with the
// area's: one multiply-add per coordinate per pair instead of trigonometry, the same
// order as the great-circle distance.
func Catchments(points []Point, areas []Area, loc []Location, radiusKm float64) (*Grouping, []float64, error) {
	if math.IsNaN(radiusKm) || radiusKm < 0 || math.IsInf(radiusKm, 0) {
		return nil, nil, ErrorList{newError(0, "", CodeBadRadius, "value", fmt.Sprint(radiusKm))}
	}
	var errs ErrorList
	for i, l := range loc {
		if !l.OK && len(errs) < MaxErrors {
			errs = append(errs, newError(areas[i].Line, "", CodeAreaNoLocation, "value", areas[i].Code))
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	g := &Grouping{Of: make([]int, len(areas))}
	pv := make([][3]float64, len(points))
	for k, p := range points {
		g.Groups = append(g.Groups, Group{ID: p.Code, NameEN: p.NameEN, NameFR: p.NameFR})
		pv[k] = unitVector(p.Lat, p.Lon)
	}
	dist := make([]float64, len(areas))
	outside := -1
	for i, l := range loc {
		v := unitVector(l.Lat, l.Lon)
		best, bestDot := 0, math.Inf(-1)
		for k, p := range pv {
			if d := v[0]*p[0] + v[1]*p[1] + v[2]*p[2]; d > bestDot {
				best, bestDot = k, d
			}
		}
		dist[i] = greatCircleKm(v, pv[best])
		g.Of[i] = best
		if radiusKm > 0 && dist[i] > radiusKm {
			if outside < 0 {
				outside = len(g.Groups)
				g.Groups = append(g.Groups, Group{ID: OutsideID, NameEN: "Outside every catchment", NameFR: "Hors de toute zone de desserte"})
			}
			g.Of[i] = outside
		}
	}
	return g, dist, nil
}

func unitVector(lat, lon float64) [3]float64 {
	φ, λ := lat*math.Pi/180, lon*math.Pi/180
	return [3]float64{math.Cos(φ) * math.Cos(λ), math.Cos(φ) * math.Sin(λ), math.Sin(φ)}
}

// greatCircleKm is the distance between two unit vectors: atan2(|u×v|, u·v), accurate
// at every distance.
func greatCircleKm(u, v [3]float64) float64 {
	cx := u[1]*v[2] - u[2]*v[1]
	cy := u[2]*v[0] - u[0]*v[2]
	cz := u[0]*v[1] - u[1]*v[0]
	return EarthRadiusKm * math.Atan2(math.Sqrt(cx*cx+cy*cy+cz*cz), u[0]*v[0]+u[1]*v[1]+u[2]*v[2])
}
