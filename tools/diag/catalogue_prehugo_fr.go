package diag

// prehugoFR words, in French, the codes of guide hugo-data's one pass over data/
// (catalogue_prehugo_en.go), in the Commands area (areas.go).
var prehugoFR = map[string]string{
	"help_flag_hugodata_opendata": "écrit aussi les données ouvertes dans ce `dossier`, comme guide opendata -history, à partir de la même lecture de data/ et de git (-site, -config et -base-url comme ceux de guide opendata)",
}
