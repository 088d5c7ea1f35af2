package diag

// relatedFR words, in French, the codes of the derived data (tools/hugodata/derived.go,
// tools/related): guide hugo-data's -derived; an Area of areas.go holds them.
var relatedFR = map[string]string{
	"help_flag_hugodata_derived": "écrit les données dérivées (historique, études de cas connexes, mots-clés de recherche) dans ce `dossier` (par défaut hugo-derived à côté de -out)\u00a0; sans -out, seulement elles, et DIR.toml monte -data à côté d’elles",
}
