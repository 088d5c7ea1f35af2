package diag

// releaseFR words the messages of guide pdf, guide edition, guide links and guide evi
// (its usage and summary; the problems of its files are evi_err_*), in French; init
// adds them to the catalogue.
var releaseFR = map[string]string{
	"duration_seconds":         "{seconds},{tenths}\u00a0s",
	"edition_built":            "{file}\u00a0: {pages}\u00a0pages, {size}, édition {edition}",
	"edition_draft_failed":     "édition provisoire {id}\u00a0: {error}",
	"edition_list_draft":       "{id}  {date}  provisoire (pas encore d’étiquette)\u00a0: imprimée à partir de l’arbre de travail",
	"edition_list_published":   "{id}  {date}  publiée (étiquette {tag})\u00a0: reconstruite à partir de son étiquette",
	"edition_published":        "édition {id} publiée sous l’étiquette {tag}\u00a0; poussez-la avec\u00a0: git push origin {tag}",
	"edition_validate_errors":  "guide validate a trouvé des erreurs\u00a0; corrigez-les d’abord\u00a0:\n{output}",
	"evi_one_data_file":        "un fichier de données attendu, {count} reçus",
	"evi_out_is_data":          "la sortie {file} est le fichier de données\u00a0; choisissez un autre fichier",
	"evi_weighted":             "remarque\u00a0: des poids de thème diffèrent de 1, un écart par rapport à la méthode de l’IVS du CDC/ATSDR\u00a0; la sortie l’indique",
	"evi_written":              "{file}\u00a0: {areas} secteurs, {ranked} classés, {indexed} indexés",
	"links_all_resolve":        "{checked} adresses vérifiées dans {pages} pages de {site}\u00a0: toutes aboutissent",
	"links_bad_base_url":       "adresse de base {value:q}\u00a0: https://hôte/ ou https://hôte/chemin/ attendu",
	"links_not_built":          "{where}\u00a0: {address:q} ne nomme aucun fichier construit",
	"links_outside_path":       "{where}\u00a0: {address:q} est hors du chemin du site {prefix}",
	"links_unreadable":         "{error}",
	"links_broken":             "{site}\u00a0: lien brisé\u00a0: {problem}",
	"links_broken_summary":     "{broken} brisées sur {checked} adresses vérifiées dans {site} (servi à {url})",
	"links_no_page":            "{site}\u00a0: aucune page HTML",
	"pdf_printed":              "{file}\u00a0: {pages}\u00a0pages, {size}, édition {edition} ({passes} impressions, {duration})",
	"pdf_total":                "{count}\u00a0PDF en {duration}",
	"pdf_unknown_paper":        "-paper {value:q}\u00a0: letter ou a4 attendu",
	"size_kib":                 "{kib}\u00a0Kio",
	"size_mib":                 "{mib},{tenths}\u00a0Mio",
	"usage_no_language":        "{flag}\u00a0: aucune langue",
	"usage_required_flag":      "{flag} est obligatoire",
	"usage_unknown_subcommand": "sous-commande inconnue {value:q}",
}

func init() {
	for code, t := range releaseFR {
		catalogueFR[code] = t
	}
}
