package diag

// evigeoFR words in French what evigeoEN words in English.
var evigeoFR = map[string]string{
	"evi_geo_none":                     "aucune géométrie",
	"evi_geo_not_object":               "la géométrie n’est pas un objet avec type et coordinates",
	"evi_geo_type":                     "type {value:q}\u00a0; Polygon ou MultiPolygon attendu",
	"evi_geo_polygon_coordinates":      "les coordonnées d’un Polygon doivent être une liste d’anneaux de positions [longitude, latitude]",
	"evi_geo_multipolygon_coordinates": "les coordonnées d’un MultiPolygon doivent être une liste de polygones, chacun une liste d’anneaux de positions [longitude, latitude]",
	"evi_geo_no_polygons":              "un MultiPolygon sans polygone",
	"evi_geo_no_rings":                 "un polygone sans anneau",
	"evi_geo_in_polygon":               "polygone {polygon}\u00a0: {problem}",
	"evi_geo_ring_short":               "l’anneau {ring} a {positions} positions\u00a0; un anneau en a au moins 4, la dernière égale à la première",
	"evi_geo_position_arity":           "anneau {ring}, position {position}\u00a0: [longitude, latitude] attendu",
	"evi_geo_position_range":           "anneau {ring}, position {position}\u00a0: [{lon}, {lat}] n’est pas une longitude et une latitude en degrés",
	"evi_geo_ring_open":                "l’anneau {ring} n’est pas fermé\u00a0: sa dernière position doit égaler la première",
	"evi_geo_must_be_list":             "{name:q} doit être une liste d’entités (features)",
	"evi_geo_must_be_object":           "{name:q} doit être un objet",
	"evi_geo_must_be_text":             "{name:q} doit être un texte",
	"evi_geo_not_json_object":          "le fichier n’est pas un objet JSON",
}
