package diag

// serviceFR words the service areas of guide evi (GROUPS.csv, POINTS.csv, the GeoJSON of
// the areas, and the command's usage of them), in French; init adds them to the catalogue.
// The calculator page words the evi_err_ codes from i18n/fr.yaml too.
var serviceFR = map[string]string{
	"evi_err_config_missing_values_list": "missing_values\u00a0: il faut une liste des valeurs qui signifient «\u00a0aucune valeur\u00a0» dans les données, par exemple [-999]",
	"evi_err_config_missing_values_many": "missing_values\u00a0: {count} valeurs\u00a0; au plus {limit}",
	"evi_err_config_missing_value_empty": "missing_values\u00a0: une valeur vide\u00a0; une cellule vide est toujours une valeur manquante, n’indiquez que les autres valeurs",
	"evi_err_config_missing_value_bad":   "missing_values\u00a0: {value:q} ne peut pas être la valeur d’une cellule\u00a0; il faut un nombre ou un mot, par exemple -999 ou NA",
	"evi_err_config_missing_value_twice": "missing_values\u00a0: {value:q} figure deux fois",
	"evi_err_groups_missing_column":      "aucune colonne {name:q}\u00a0; l’en-tête doit nommer {columns}",
	"evi_err_groups_empty_code":          "code vide\u00a0; il faut le code d’un secteur des données",
	"evi_err_groups_empty_group":         "le secteur {value:q} a un groupe vide",
	"evi_err_groups_duplicate_code":      "le secteur {value:q} figure deux fois (d’abord à la ligne {first})\u00a0; un secteur fait partie d’un seul groupe",
	"evi_err_groups_unknown_area":        "{value:q} n’est le code d’aucun secteur des données",
	"evi_err_groups_name_conflict":       "le groupe {group:q} est nommé {value:q} ici et {previous:q} plus haut (ligne {first})\u00a0; donnez un seul nom à un groupe",
	"evi_err_groups_ungrouped":           "le secteur {value:q} ne fait partie d’aucun groupe\u00a0; ajoutez-le au fichier des groupes, ou choisissez --ungrouped ignore ou group",
	"evi_err_groups_bad_policy":          "--ungrouped {value:q}\u00a0: il faut error, ignore ou group",
	"evi_err_points_missing_column":      "aucune colonne {name:q}\u00a0; l’en-tête doit nommer {columns}",
	"evi_err_points_empty_code":          "code vide\u00a0; chaque point de service a un code unique",
	"evi_err_points_duplicate_code":      "{value:q} figure deux fois (d’abord à la ligne {first})",
	"evi_err_points_bad_coordinate":      "{name} {value:q} n’est pas une coordonnée en degrés décimaux (latitude de -90 à 90, longitude de -180 à 180)",
	"evi_err_points_none":                "aucun point de service après l’en-tête",
	"evi_err_area_no_location":           "le secteur {value:q} n’a pas d’emplacement\u00a0: donnez des colonnes lat et lon, ou sa limite dans le GeoJSON",
	"evi_err_bad_radius":                 "rayon {value}\u00a0: il faut une distance en kilomètres supérieure à 0 (0\u00a0: aucun rayon)",
	"evi_err_geojson_syntax":             "ce n’est pas un fichier GeoJSON\u00a0: {detail} (colonne {column})",
	"evi_err_geojson_too_large":          "plus de {limit} octets\u00a0; simplifiez d’abord les limites",
	"evi_err_geojson_not_collection":     "type {value:q}\u00a0; il faut une FeatureCollection des secteurs",
	"evi_err_geojson_no_code":            "features[{index}]\u00a0: aucune propriété {property:q} contenant le code du secteur",
	"evi_err_geojson_duplicate_code":     "features[{index}]\u00a0: le secteur {value:q} figure deux fois (d’abord dans features[{first}])",
	"evi_err_geojson_unknown_code":       "features[{index}]\u00a0: {value:q} n’est le code d’aucun secteur des données",
	"evi_err_geojson_bad_geometry":       "features[{index}] (secteur {value:q})\u00a0: {detail}",
	"evi_geojson_needs_geometry":         "le format geojson demande --geometry SECTEURS.geojson, les limites des secteurs",
	"evi_groups_and_points":              "donnez des groupes ou des points, pas les deux\u00a0: un secteur fait partie d’une seule zone de service",
	"evi_group_out_required":             "--group-out SORTIE.csv est obligatoire avec des groupes ou des points\u00a0: il reçoit une ligne par zone de service",
	"evi_group_out_alone":                "--group-out demande --groups GROUPES.csv, --points POINTS.csv ou groups\u00a0: dans la configuration",
	"evi_group_out_clash":                "la sortie des groupes {file} est le fichier de données ou l’autre sortie\u00a0; choisissez un autre fichier",
	"evi_bad_ungrouped":                  "--ungrouped {value:q}\u00a0: il faut error, ignore ou group",
	"evi_groups_written":                 "{file}\u00a0: {count} {count|zone de service|zones de service}",
}

func init() {
	for code, t := range serviceFR {
		catalogueFR[code] = t
	}
}
