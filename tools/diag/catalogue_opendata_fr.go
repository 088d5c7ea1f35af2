package diag

// opendataFR words the codes of guide opendata (tools/opendata) in French; an Area of
// areas.go holds them.
var opendataFR = map[string]string{
	"opendata_file":            "{file} : {error}",
	"opendata_label_separator": "data/taxonomy.yaml : {vocab} {code:q} : le libellé {lang} contient « ; », le séparateur de liste des fichiers CSV des données ouvertes ; écrivez le libellé sans lui",
	"opendata_no_paths":        "{file} : pas de languages.en.params.paths ou de languages.fr.params.paths ; les données ouvertes ont besoin du segment d’adresse de chaque section",
	"opendata_no_table":        "pas de table {table:q} dans le schéma des données ouvertes",
	"opendata_out_in_data":     "écriture refusée : -out {out} est dans le dossier des données ; écrivez les données ouvertes ailleurs (par défaut tmp/opendata)",
	"opendata_out_foreign":     "écriture refusée : {path} n’est pas un dossier que guide opendata a créé (sans {marker}) ; il a été laissé tel quel : supprimez-le ou choisissez un autre -out",
	"opendata_row_fields":      "données ouvertes : les lignes de {table} ont {keys} clés, mais le schéma liste {fields} champs ; ajoutez chaque champ aux deux",
	"opendata_row_lacks":       "données ouvertes : il manque aux lignes de {table} le champ {field:q} du schéma ; ajoutez-le à la ligne ou retirez-le du schéma",
	"opendata_schema_text":     "{file} : pas de texte de schéma entre accents graves ; le schéma des données ouvertes est un texte YAML que rend le partiel",
	"opendata_schema_yaml":     "{file} : le schéma des données ouvertes n’est pas valide : {error}",
	"opendata_toml_foreign":    "écriture refusée : {path} existe et guide opendata ne l’a pas écrit ; il a été laissé tel quel : supprimez-le ou choisissez un autre -out",
	"opendata_unknown_code":    "{file} : code {vocab} inconnu {code:q} ; lancez guide validate, qui nomme les codes que définit data/taxonomy.yaml",
}
