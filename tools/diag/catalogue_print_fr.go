package diag

// printFR words, in French, what can go wrong while Chromium prints the edition (see
// printEN); init adds them to the catalogue.
var printFR = map[string]string{
	"print_reading_pdf":       "lecture du PDF de Chromium : {error}",
	"print_loading_page":      "chargement de la page d’impression {page} : {error}",
	"print_page_status":       "chargement de la page d’impression {page} : HTTP {status} {text}",
	"print_edition_date":      "{page} : date d’édition {date:q} : {error}",
	"print_loading_fonts":     "{page} : chargement des polices : {error}",
	"print_files_missing":     "{page} : fichiers absents de {public} : {files}",
	"print_fonts_failed":      "{page} : polices qui ne se sont pas chargées : {fonts}",
	"print_printing":          "impression de {page} (passe {pass}) : {error}",
	"print_anchors_unreached": "{page} : les numéros de page visent des ancres qu’aucun lien du PDF n’atteint : {anchors}",
	"print_numbers_unsettled": "{page} : les numéros de page ne se sont pas stabilisés après {pass} impressions : {moved}",
	"print_anchor_moved":      "#{anchor} (écrit {written}, maintenant en page {now})",
	"print_writing_numbers":   "{page} : écriture des numéros de page : {error}",
	"print_rewriting_info":    "{page} : réécriture des informations du document : {error}",
	"print_link_targets":      "{page} : lecture des cibles des liens : {error}",
	"print_accessibility":     "{page} : réécriture pour l’accessibilité : {error}",
}

func init() {
	for code, t := range printFR {
		catalogueFR[code] = t
	}
}
