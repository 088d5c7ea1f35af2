package evi

import (
	"strconv"
	"strings"
	"testing"
)

// The data of the service-area cases: three areas, codes A, B, C on lines 2 to 4.
const serviceData = "code,population,pct_no_internet,speed\nA,10,1,5\nB,20,2,6\nC,30,3,7\n"

func serviceAreas(t *testing.T) []Area { return serviceRead(t, serviceData) }

func serviceConfig(t *testing.T) *Config {
	return mustConfig(t, "columns: {code: code, population: population}\nindicators:\n  pct_no_internet: {theme: t, direction: 1}\n  speed: {theme: t, direction: -1}\n")
}

func serviceRead(t *testing.T, data string) []Area {
	t.Helper()
	areas, err := ReadCSV(strings.NewReader(data), serviceConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	return areas
}

func groupsCase(name, data, policy string, want ...wantErr) codeCase {
	return codeCase{name: "groups/" + name, want: want, run: func(t *testing.T) error {
		_, err := ReadGroups(strings.NewReader(data), "groups.csv", serviceAreas(t), "data.csv", policy)
		return err
	}}
}

func pointsCase(name, data string, want ...wantErr) codeCase {
	return codeCase{name: "points/" + name, want: want, run: func(t *testing.T) error {
		_, err := ReadPoints(strings.NewReader(data))
		return err
	}}
}

// locationsCase reads data (the columns of serviceData, then others) and its locations.
func locationsCase(name, data string, want ...wantErr) codeCase {
	return codeCase{name: "locations/" + name, want: want, run: func(t *testing.T) error {
		_, err := DataLocations(serviceConfig(t), serviceRead(t, data))
		return err
	}}
}

func geoCase(name, data string, want ...wantErr) codeCase {
	return codeCase{name: "geojson/" + name, want: want, run: func(t *testing.T) error {
		_, err := ReadGeoJSON(strings.NewReader(data), serviceAreas(t), "code")
		return err
	}}
}

// square is a closed ring around (lon, lat), as GeoJSON text.
func square(lon, lat float64) string {
	return strings.NewReplacer("X0", ftoa(lon), "X1", ftoa(lon+1), "Y0", ftoa(lat), "Y1", ftoa(lat+1)).
		Replace(`[[[X0,Y0],[X1,Y0],[X1,Y1],[X0,Y1],[X0,Y0]]]`)
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func feature(code, geometry string) string {
	return `{"type":"Feature","properties":{"code":` + code + `},"geometry":` + geometry + `}`
}

// collection is a FeatureCollection of features, feature i on line i+2.
func collection(features ...string) string {
	return "{\"type\":\"FeatureCollection\",\"features\":[\n" + strings.Join(features, ",\n") + "]}"
}

// serviceCodeCases are the cases of the service-area errors (groups, points,
// locations, catchments, GeoJSON), part of codeCases.
func serviceCodeCases() []codeCase {
	poly := `{"type":"Polygon","coordinates":` + square(-75, 45) + `}`
	return []codeCase{
		groupsCase("bad policy", "code,group\nA,g\n", "skip", wantErr{0, "", CodeGroupsBadPolicy, a("value", "skip")}),
		groupsCase("no group column", "code,name\nA,g\n", UngroupedError,
			wantErr{1, "", CodeGroupsMissingColumn, a("name", "group", "columns", []string{"code", "group"})}),
		groupsCase("cells", "code,group,group_name_en\n,g,\nA,,\nA,g,North\nA,h,\nB,g,South\nZ,g,\nC,h,\n", UngroupedIgnore,
			wantErr{2, "code", CodeGroupsEmptyCode, nil},
			wantErr{3, "group", CodeGroupsEmptyGroup, a("value", "A")},
			wantErr{5, "code", CodeGroupsDuplicateCode, a("value", "A", "first", 4)},
			wantErr{6, "group_name_en", CodeGroupsNameConflict, a("group", "g", "value", "South", "previous", "North", "first", 4)},
			wantErr{7, "code", CodeGroupsUnknownArea, a("value", "Z")}),
		groupsCase("ungrouped", "code,group\nB,g\n", UngroupedError,
			wantErr{2, "", CodeGroupsUngrouped, a("value", "A")},
			wantErr{4, "", CodeGroupsUngrouped, a("value", "C")}),
		pointsCase("no lon", "code,lat\nP,45\n",
			wantErr{1, "", CodePointsMissingColumn, a("name", "lon", "columns", []string{"code", "lat", "lon"})}),
		pointsCase("cells", "code,lat,lon\n,45,-75\nP,45,-75\nP,46,-75\nQ,91,-75\nR,45,east\n",
			wantErr{2, "code", CodePointsEmptyCode, nil},
			wantErr{4, "code", CodePointsDuplicateCode, a("value", "P", "first", 3)},
			wantErr{5, "lat", CodePointsBadCoordinate, a("name", "lat", "value", "91")},
			wantErr{6, "lon", CodePointsBadCoordinate, a("name", "lon", "value", "east")}),
		pointsCase("none", "code,lat,lon\n\n", wantErr{0, "", CodePointsNone, nil}),
		{name: "catchments/no location", want: []wantErr{{3, "", CodeAreaNoLocation, a("value", "B")}}, run: func(t *testing.T) error {
			_, _, err := Catchments([]Point{{Code: "P"}}, serviceAreas(t), []Location{{OK: true}, {}, {OK: true}}, 0)
			return err
		}},
		{name: "catchments/bad radius", want: []wantErr{{0, "", CodeBadRadius, a("value", "-1")}}, run: func(t *testing.T) error {
			_, _, err := Catchments([]Point{{Code: "P"}}, serviceAreas(t), make([]Location, 3), -1)
			return err
		}},
		locationsCase("no lon", "code,population,pct_no_internet,speed,lat\nA,10,1,5,45\n",
			wantErr{1, "", CodePointsMissingColumn, a("name", "lon", "columns", []string{"code", "lat", "lon"})}),
		locationsCase("neither", "code,population,pct_no_internet,speed\nA,10,1,5\n",
			wantErr{1, "", CodePointsMissingColumn, a("name", "lat", "columns", []string{"code", "lat", "lon"})},
			wantErr{1, "", CodePointsMissingColumn, a("name", "lon", "columns", []string{"code", "lat", "lon"})}),
		locationsCase("cells", "lon,code,population,pct_no_internet,speed,lat\n-75,A,10,1,5,45\n-75,B,20,2,6,91\neast,C,30,3,7,45\n,D,1,1,1,\n-75,E,1,1,1,\xff\n",
			wantErr{3, "lat", CodePointsBadCoordinate, a("name", "lat", "value", "91")},
			wantErr{4, "lon", CodePointsBadCoordinate, a("name", "lon", "value", "east")},
			wantErr{6, "lat", CodeCSVInvalidUTF8, nil}),
		geoCase("syntax", "{\"type\": \"FeatureCollection\",\n \"features\": [}",
			wantErr{2, "", CodeGeoSyntax, a("detail", "invalid character '}' looking for beginning of value", "column", 15)}),
		geoCase("not a collection", `{"type":"Feature"}`, wantErr{0, "", CodeGeoNotCollection, a("value", "Feature")}),
		geoCase("features", collection(
			`{"type":"Feature","properties":{"name":"A"},"geometry":`+poly+`}`,
			feature(`"A"`, poly),
			feature(`"A"`, poly),
			feature(`"Z"`, poly),
			feature(`"B"`, `{"type":"Point","coordinates":[1,2]}`),
			feature(`3`, `{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}`)),
			wantErr{2, "", CodeGeoNoCode, a("index", 0, "property", "code")},
			wantErr{4, "", CodeGeoDuplicateCode, a("value", "A", "index", 2, "first", 1)},
			wantErr{5, "", CodeGeoUnknownCode, a("value", "Z", "index", 3)},
			wantErr{6, "", CodeGeoBadGeometry, a("value", "B", "index", 4, "detail", `type "Point"; expected Polygon or MultiPolygon`)},
			wantErr{7, "", CodeGeoUnknownCode, a("value", "3", "index", 5)}),
		geoCase("bad rings", collection(
			feature(`"A"`, `{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}`),
			feature(`"B"`, `{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}`),
			feature(`"C"`, `{"type":"MultiPolygon","coordinates":[`+square(0, 0)+`,[[[0,0],[200,0],[1,1],[0,0]]]]}`)),
			wantErr{2, "", CodeGeoBadGeometry, a("value", "A", "index", 0, "detail", "ring 0 has 3 positions; a ring has at least 4, the last equal to the first")},
			wantErr{3, "", CodeGeoBadGeometry, a("value", "B", "index", 1, "detail", "ring 0 is not closed: its last position must equal its first")},
			wantErr{4, "", CodeGeoBadGeometry, a("value", "C", "index", 2, "detail", "polygon 1: ring 0, position 1: [200, 0] is not a longitude and a latitude in degrees")}),
		geoCase("shapes", collection(
			feature(`"A"`, `null`),
			feature(`"B"`, `[1,2]`),
			feature(`"C"`, `{"type":"MultiPolygon","coordinates":[]}`),
			feature(`"Z"`, `{"coordinates":[[[0,0],[1,0],[0,0]]],"type":"Polygon"}`),
			`null`,
			feature(`3.5`, poly),
			`{"type":"Feature","properties":{"code":"B"},"geometry":{"coordinates":[[[0,0],[1,"0"],[1,1],[0,0]]],"type":"Polygon"}}`,
			`{"type":"Feature","properties":{"code":"C"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0,0,0],[1,1],[0,0]]]}}`),
			wantErr{2, "", CodeGeoBadGeometry, a("value", "A", "index", 0, "detail", "no geometry")},
			wantErr{3, "", CodeGeoBadGeometry, a("value", "B", "index", 1, "detail", "the geometry is not an object with type and coordinates")},
			wantErr{4, "", CodeGeoBadGeometry, a("value", "C", "index", 2, "detail", "a MultiPolygon without polygons")},
			wantErr{5, "", CodeGeoUnknownCode, a("value", "Z", "index", 3)},
			wantErr{6, "", CodeGeoNoCode, a("index", 4, "property", "code")},
			wantErr{7, "", CodeGeoNoCode, a("index", 5, "property", "code")},
			wantErr{8, "", CodeGeoDuplicateCode, a("value", "B", "index", 6, "first", 1)},
			wantErr{9, "", CodeGeoDuplicateCode, a("value", "C", "index", 7, "first", 2)}),
		geoCase("coordinates", collection(
			`{"type":"Feature","properties":{"code":"A"},"geometry":{"coordinates":[[[0,0],[1,"0"],[1,1],[0,0]]],"type":"Polygon"}}`,
			`{"type":"Feature","properties":{"code":"B"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0,0,0],[1,1],[0,0]]]]}}`,
			`{"type":"Feature","properties":{"code":"C"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1e999]]]}}`),
			wantErr{2, "", CodeGeoBadGeometry, a("value", "A", "index", 0, "detail", "a Polygon's coordinates must be a list of rings of [longitude, latitude] positions")},
			wantErr{3, "", CodeGeoBadGeometry, a("value", "B", "index", 1, "detail", "polygon 0: ring 0, position 1: expected [longitude, latitude]")},
			wantErr{4, "", CodeGeoBadGeometry, a("value", "C", "index", 2, "detail", "a Polygon's coordinates must be a list of rings of [longitude, latitude] positions")}),
		geoCase("features not a list", "{\"type\":\"FeatureCollection\",\n\"features\": {\"a\": 1}}",
			wantErr{2, "", CodeGeoSyntax, a("detail", `"features" must be a list of features`, "column", 13)}),
		geoCase("feature not an object", collection(feature(`"A"`, poly), `"B"`),
			wantErr{3, "", CodeGeoSyntax, a("detail", `"features[1]" must be an object`, "column", 1)}),
		geoCase("properties not an object", collection(`{"properties":[1]}`),
			wantErr{2, "", CodeGeoSyntax, a("detail", `"properties" must be an object`, "column", 15)}),
		geoCase("type not a text", `{"type":1}`,
			wantErr{1, "", CodeGeoSyntax, a("detail", `"type" must be a text`, "column", 9)}),
		geoCase("not an object", `[]`,
			wantErr{1, "", CodeGeoSyntax, a("detail", "the file is not a JSON object", "column", 1)}),
		geoCase("null", `null`, wantErr{0, "", CodeGeoNotCollection, a("value", "")}),
		geoCase("after the end", collection()+` x`,
			wantErr{2, "", CodeGeoSyntax, a("detail", "invalid character 'x' after top-level value", "column", 4)}),
		geoCase("a fault after a shape", "{\"type\":1,\n\"features\":[tru]}",
			wantErr{2, "", CodeGeoSyntax, a("detail", "invalid character ']' in literal true (expecting 'e')", "column", 16)}),
		geoCase("bad string", "{\"type\":\"a\\qb\"}",
			wantErr{1, "", CodeGeoSyntax, a("detail", "invalid character 'q' in string escape code", "column", 12)}),
		{name: "geojson/too large", want: []wantErr{{0, "", CodeGeoTooLarge, a("limit", 100)}}, run: func(t *testing.T) error {
			defer func(l int) { geoLimit = l }(geoLimit)
			geoLimit = 100
			_, err := ReadGeoJSON(strings.NewReader(strings.Repeat(" ", 101)), nil, "code")
			return err
		}},
	}
}
