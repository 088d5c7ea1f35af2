package diag

// commandsFR words the codes of guide translations, guide review, guide new's own errors
// and the usage errors they share, in French; init adds them to the catalogue.
var commandsFR = map[string]string{
	"flag_error":                     "{flag} : {error}",
	"left_out":                       "{file} : laissé de côté : {error}",
	"newentry_bad_name":              "{id:q} ne peut pas nommer un fichier",
	"newentry_exists":                "{path} existe déjà",
	"newentry_folder_outside":        "{dir} : erreur : le dossier est un lien symbolique qui mène hors du dossier des données ; rien n’a été écrit",
	"newentry_no_required_key":       "{kind} n’a aucune clé obligatoire",
	"newentry_reading_answers":       "lecture des réponses : {error}",
	"review_bad_age":                 "{value:q} n’est pas une durée ; un nombre et une unité sont attendus : 30d (jours), 12m (mois) ou 2y (années)",
	"review_bad_now":                 "{value:q} n’est pas une date ; AAAA-MM-JJ attendu",
	"review_days_ago":                "{date} (il y a {days} {days|jour|jours})",
	"review_entry":                   "{kind} {id} : {title}",
	"review_heading":                 "{count} {count|fiche|fiches} à revoir ({when}), de la plus ancienne à la plus récente :",
	"review_months_ago":              "{date} (il y a {months} mois)",
	"review_more_without_consent":    "et {count} {count|personne-ressource|personnes-ressources} sans consentement, non {count|affichée|affichées} : {ids}",
	"review_never":                   "jamais revue (aucune date reviewed valide)",
	"review_no_consenting_contact":   "aucune personne-ressource n’a accepté d’être mentionnée ({count} sans consentement : {ids})",
	"review_no_contact":              "aucune personne-ressource mentionnée",
	"review_none":                    "aucune fiche à revoir ({when})",
	"review_when":                    "dernière revue avant le {cutoff} : plus ancienne que {age} au {now}",
	"review_when_or_never":           "dernière revue avant le {cutoff} : plus ancienne que {age} au {now}, ou jamais",
	"translations_bad_key":           "ce n’est pas un chemin de clé comme title, lessons[2] ou metrics[0].label",
	"translations_bad_languages":     "langues {source:q} → {target:q} : en → fr ou fr → en attendu",
	"translations_cannot_read":       "lecture du fichier impossible : {error}",
	"translations_comments_change":   "les commentaires changeraient ({before} avant, {after} après)",
	"translations_csv_empty":         "fichier vide ; une ligne d’en-tête est attendue : {header}",
	"translations_csv_no_column":     "ligne 1 : pas de colonne {column:q} ; l’en-tête doit nommer {columns}",
	"translations_id_changed":        "l’identifiant du fichier est {id:q}, non {row:q} ; la fiche a-t-elle été renommée depuis l’exportation ?",
	"translations_import_summary":    "{imported} {imported|traduction importée|traductions importées} dans {files} {files|fichier|fichiers} ; {refused} {refused|ligne refusée|lignes refusées}, {empty} sans traduction, {already} déjà dans les fichiers",
	"translations_imported":          "{file} : {count} {count|traduction importée|traductions importées}",
	"translations_imported_pending":  "{file} : {count} {count|traduction importée|traductions importées} ; translation_pending retiré : chaque texte est dans les deux langues",
	"translations_left_alone":        "le fichier n’a pas été modifié : {error}",
	"translations_no_file":           "aucun fichier de ce nom dans le dossier des données ; a-t-il été renommé depuis l’exportation ?",
	"translations_no_text":           "aucun texte dans les deux langues à cette clé ; le fichier a changé depuis l’exportation : exportez de nouveau",
	"translations_not_data_file":     "ce n’est pas un fichier de données du guide (KIND/ID.yaml attendu, comme à l’exportation) ; ligne laissée de côté",
	"translations_not_written":       "{error} ; rien n’y a été écrit",
	"translations_result_unparsable": "le résultat ne peut pas être lu : {error}",
	"translations_source_changed":    "le texte source ({lang}) a changé depuis l’exportation ; exportez de nouveau et traduisez le nouveau texte",
	"translations_target_differs":    "le fichier contient déjà un autre texte ({lang}) ; retirez cette ligne ou ce texte",
	"translations_values_change":     "des valeurs autres que les traductions changeraient",
	"translations_worklist_written":  "{file} : {texts} {texts|texte|textes} à traduire dans {files} {files|fichier|fichiers}",
	"usage_flags_conflict":           "{a} et {b} ne vont pas ensemble",
	"usage_unexpected_argument":      "argument inattendu {value:q}",
	"usage_unknown_format":           "format inconnu {value:q} ; {formats:or} attendu",
	"usage_unknown_language":         "langue inconnue {value:q} ; {languages:or} attendue",
}

func init() {
	for code, t := range commandsFR {
		catalogueFR[code] = t
	}
}
