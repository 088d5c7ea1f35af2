package diag

// evigeoEN words what is wrong with one feature's geometry, or where a GeoJSON file of
// areas is not shaped as GeoJSON: the {detail} of evi_err_geojson_bad_geometry and
// evi_err_geojson_syntax (tools/evi, geoparse.go), in English; an Area of areas.go holds
// them. The calculator page gets the English text as the detail.
var evigeoEN = map[string]string{
	"evi_geo_none":                     "no geometry",
	"evi_geo_not_object":               "the geometry is not an object with type and coordinates",
	"evi_geo_type":                     "type {value:q}; expected Polygon or MultiPolygon",
	"evi_geo_polygon_coordinates":      "a Polygon's coordinates must be a list of rings of [longitude, latitude] positions",
	"evi_geo_multipolygon_coordinates": "a MultiPolygon's coordinates must be a list of polygons, each a list of rings of [longitude, latitude] positions",
	"evi_geo_no_polygons":              "a MultiPolygon without polygons",
	"evi_geo_no_rings":                 "a polygon without rings",
	"evi_geo_in_polygon":               "polygon {polygon}: {problem}",
	"evi_geo_ring_short":               "ring {ring} has {positions} positions; a ring has at least 4, the last equal to the first",
	"evi_geo_position_arity":           "ring {ring}, position {position}: expected [longitude, latitude]",
	"evi_geo_position_range":           "ring {ring}, position {position}: [{lon}, {lat}] is not a longitude and a latitude in degrees",
	"evi_geo_ring_open":                "ring {ring} is not closed: its last position must equal its first",
	"evi_geo_must_be_list":             "{name:q} must be a list of features",
	"evi_geo_must_be_object":           "{name:q} must be an object",
	"evi_geo_must_be_text":             "{name:q} must be a text",
	"evi_geo_not_json_object":          "the file is not a JSON object",
}
