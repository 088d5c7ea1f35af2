package diag

// serviceEN words the service areas of guide evi (GROUPS.csv, POINTS.csv, the GeoJSON of
// the areas, and the command's usage of them), in English; init adds them to the catalogue.
// The calculator page words the evi_err_ codes from i18n/en.yaml too.
var serviceEN = map[string]string{
	"evi_err_config_missing_values_list": "missing_values: expected a list of the values that mean \"no value\" in the data, such as [-999]",
	"evi_err_config_missing_values_many": "missing_values: {count} values; at most {limit}",
	"evi_err_config_missing_value_empty": "missing_values: an empty value; an empty cell is always missing, list only other values",
	"evi_err_config_missing_value_bad":   "missing_values: {value:q} cannot be a cell value; expected a number or a word such as -999 or NA",
	"evi_err_config_missing_value_twice": "missing_values: {value:q} appears twice",
	"evi_err_groups_missing_column":      "no {name:q} column; the header must name {columns}",
	"evi_err_groups_empty_code":          "empty code; expected the code of an area of the data",
	"evi_err_groups_empty_group":         "area {value:q} has an empty group",
	"evi_err_groups_duplicate_code":      "area {value:q} appears twice (first on line {first}); an area is in one group",
	"evi_err_groups_unknown_area":        "{value:q} is not the code of an area of the data",
	"evi_err_groups_name_conflict":       "group {group:q} is named {value:q} here and {previous:q} before (line {first}); give a group one name",
	"evi_err_groups_ungrouped":           "area {value:q} is in no group; add it to the groups file, or choose --ungrouped ignore or group",
	"evi_err_groups_bad_policy":          "--ungrouped {value:q}: expected error, ignore or group",
	"evi_err_points_missing_column":      "no {name:q} column; the header must name {columns}",
	"evi_err_points_empty_code":          "empty code; every service point has a unique code",
	"evi_err_points_duplicate_code":      "{value:q} appears twice (first on line {first})",
	"evi_err_points_bad_coordinate":      "{name} {value:q} is not a coordinate in decimal degrees (latitude -90 to 90, longitude -180 to 180)",
	"evi_err_points_none":                "no service point after the header",
	"evi_err_area_no_location":           "area {value:q} has no location: give lat and lon columns, or its boundary in the GeoJSON",
	"evi_err_bad_radius":                 "radius {value}: expected a distance in kilometres above 0 (0: no radius)",
	"evi_err_geojson_syntax":             "not a GeoJSON file: {detail} (column {column})",
	"evi_err_geojson_too_large":          "larger than {limit} bytes; simplify the boundaries first",
	"evi_err_geojson_not_collection":     "type {value:q}; expected a FeatureCollection of the areas",
	"evi_err_geojson_no_code":            "features[{index}]: no property {property:q} holding the area's code",
	"evi_err_geojson_duplicate_code":     "features[{index}]: area {value:q} appears twice (first in features[{first}])",
	"evi_err_geojson_unknown_code":       "features[{index}]: {value:q} is not the code of an area of the data",
	"evi_err_geojson_bad_geometry":       "features[{index}] (area {value:q}): {detail}",
	"evi_geojson_needs_geometry":         "the geojson format needs --geometry AREAS.geojson, the boundaries of the areas",
	"evi_groups_and_points":              "give groups or points, not both: an area is in one service area",
	"evi_group_out_required":             "--group-out OUT.csv is required with groups or points: it receives one row per service area",
	"evi_group_out_alone":                "--group-out needs --groups GROUPS.csv, --points POINTS.csv or groups: in the configuration",
	"evi_group_out_clash":                "the groups output {file} is the data file or the other output; choose another file",
	"evi_bad_ungrouped":                  "--ungrouped {value:q}: expected error, ignore or group",
	"evi_groups_written":                 "{file}: {count} {count|service area|service areas}",
}

func init() {
	for code, t := range serviceEN {
		catalogueEN[code] = t
	}
}
