package diag

// releaseFR words the messages of guide pdf, guide edition, guide links and guide evi
// (its usage and summary; the problems of its files are evi_err_*), in French; init
// adds them to the catalogue.
var releaseFR = map[string]string{
	"duration_seconds":          "{seconds},{tenths}\u00a0s",
	"edition_already_published": "l’édition {id} est déjà publiée (étiquette {tag})\u00a0: une édition publiée ne change pas\u00a0; ajoutez une nouvelle édition à data/editions.yaml",
	"edition_bad_date":          "{file}\u00a0: édition {id}\u00a0: date {date:q}\u00a0: AAAA-MM-JJ attendu (lancez guide validate)",
	"edition_bad_id":            "{file}\u00a0: identifiant d’édition {id:q}\u00a0: lettres, chiffres, points et traits d’union attendus (lancez guide validate)",
	"edition_extracting":        "édition {id}\u00a0: extraction de {tag}\u00a0: {error}",
	"edition_failed":            "édition {id}\u00a0: {error}",
	"edition_not_git":           "pas un dépôt git\u00a0: les éditions sont figées sous forme d’étiquettes git",
	"edition_hugo_failed":       "édition {id}\u00a0: la construction de ses pages d’impression à partir de {tag} (Hugo) a échoué\u00a0: {error}\n{output}",
	"edition_no_tag":            "édition {id}\u00a0: pas d’étiquette {tag}\u00a0: récupérez les étiquettes (git fetch --tags) ou publiez l’édition (guide edition publish {id})",
	"edition_not_published":     "édition {id} non publiée\u00a0: {error}",
	"edition_tag_missing":       "data/editions.yaml\u00a0: l’édition {ids} est antérieure à la dernière ({latest}), elle a donc été publiée, mais son étiquette {tag} manque\u00a0: récupérez les étiquettes (git fetch --tags\u00a0; dans un flux de travail, fetch-depth à 0) ou, si elle n’a jamais été publiée, publiez-la (guide edition publish {id})",
	"edition_uncommitted":       "des modifications non validées dans les fichiers que l’édition fige\u00a0; validez-les d’abord\u00a0:\n{status}",
	"edition_unknown":           "data/editions.yaml\u00a0: aucune édition {id:q} (éditions\u00a0: {ids})\u00a0; ajoutez-la d’abord",
	"edition_built":             "{file}\u00a0: {pages}\u00a0pages, {size}, édition {edition}",
	"edition_draft_failed":      "édition provisoire {id}\u00a0: {error}",
	"edition_list_draft":        "{id}  {date}  provisoire (pas encore d’étiquette)\u00a0: imprimée à partir de l’arbre de travail",
	"edition_list_published":    "{id}  {date}  publiée (étiquette {tag})\u00a0: reconstruite à partir de son étiquette",
	"edition_published":         "édition {id} publiée sous l’étiquette {tag}\u00a0; poussez-la avec\u00a0: git push origin {tag}",
	"edition_validate_errors":   "guide validate a trouvé des erreurs\u00a0; corrigez-les d’abord\u00a0:\n{output}",
	"evi_one_data_file":         "un fichier de données attendu, {count} reçus",
	"evi_out_is_data":           "la sortie {file} est le fichier de données\u00a0; choisissez un autre fichier",
	"evi_weighted":              "remarque\u00a0: des poids de thème diffèrent de 1, un écart par rapport à la méthode de l’IVS du CDC/ATSDR\u00a0; la sortie l’indique",
	"evi_written":               "{file}\u00a0: {areas} secteurs, {ranked} classés, {indexed} indexés",
	"links_all_resolve":         "{checked} adresses vérifiées dans {pages} pages de {site}\u00a0: toutes aboutissent",
	"links_bad_base_url":        "adresse de base {value:q}\u00a0: https://hôte/ ou https://hôte/chemin/ attendu",
	"links_not_built":           "{where}\u00a0: {address:q} ne nomme aucun fichier construit",
	"links_outside_path":        "{where}\u00a0: {address:q} est hors du chemin du site {prefix}",
	"links_unreadable":          "{error}",
	"links_broken":              "{site}\u00a0: lien brisé\u00a0: {problem}",
	"links_broken_summary":      "{broken} brisées sur {checked} adresses vérifiées dans {site} (servi à {url})",
	"links_no_page":             "{site}\u00a0: aucune page HTML",
	"pdf_bad_language":          "langue {value:q}\u00a0: ce n’est pas un code de langue",
	"pdf_bad_meta":              "{page}\u00a0: print-meta\u00a0: {error}",
	"pdf_bad_meta_date":         "{page}\u00a0: print-meta\u00a0: date d’édition {date:q}\u00a0: {error}",
	"pdf_bad_meta_file":         "{page}\u00a0: print-meta\u00a0: nom de fichier PDF incorrect {name:q}",
	"pdf_bad_paper":             "papier {value:q}\u00a0: letter ou a4 attendu",
	"pdf_bad_site":              "{lang}/{page}\u00a0: print-meta\u00a0: site {site:q}\u00a0: la page d’accueil de la langue est attendue, terminée par /{lang}/",
	"pdf_in_language":           "{lang}\u00a0: {error}",
	"pdf_no_chromium":           "Chromium introuvable\u00a0: installez-le avec `sudo apt-get install chromium` (ou lancez `make site`, qui l’installe), ou donnez son chemin avec -chromium ou {env}",
	"pdf_no_chromium_detail":    "{error} {detail}",
	"pdf_no_print_page":         "{page}\u00a0: aucune page d’impression\u00a0; construisez d’abord le site (make site), avec le format de sortie «\u00a0print\u00a0» de la page d’accueil dans config.toml",
	"pdf_not_print_page":        "{page}\u00a0: ce n’est pas une page d’impression\u00a0: aucun <script type=\"application/json\" id=\"print-meta\">",
	"pdf_other_edition":         "{page} contient l’édition {held:q}, et non {edition:q}\u00a0: construisez d’abord les pages d’impression de cette édition (HUGO_PARAMS_PRINTEDITION={edition}) ou, si elle est publiée, lancez guide pdf -edition {edition} dans le dépôt, qui la reconstruit à partir de son étiquette",
	"pdf_timed_out":             "délai dépassé après {timeout}\u00a0: {error}",
	"pdf_two_base_paths":        "des pages d’impression sous deux chemins de base\u00a0: {first} et {second}",
	"pdf_printed":               "{file}\u00a0: {pages}\u00a0pages, {size}, édition {edition} ({passes} impressions, {duration})",
	"pdf_total":                 "{count}\u00a0PDF en {duration}",
	"pdf_unknown_paper":         "-paper {value:q}\u00a0: letter ou a4 attendu",
	"size_kib":                  "{kib}\u00a0Kio",
	"size_mib":                  "{mib},{tenths}\u00a0Mio",
	"usage_no_language":         "{flag}\u00a0: aucune langue",
	"usage_required_flag":       "{flag} est obligatoire",
	"usage_unknown_subcommand":  "sous-commande inconnue {value:q}",
}

func init() {
	for code, t := range releaseFR {
		catalogueFR[code] = t
	}
}
