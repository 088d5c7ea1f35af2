package diag

// newentryFR words guide new's questions, hints and messages (tools/newentry and
// tools/guide/new.go) in French; init adds them to the catalogue.
var newentryFR = map[string]string{
	"new_ask_intro":           "Répondez à chaque question, puis appuyez sur Entrée. Une valeur obligatoire laissée vide est redemandée. Tapez - pour la laisser vide et la remplir plus tard dans le fichier.",
	"new_bad_lang":            "-lang {lang} : en ou fr attendu",
	"new_choose_many":         "Tapez des numéros ou des codes, séparés par des virgules.",
	"new_choose_one":          "Tapez un numéro ou un code.",
	"new_comma_separated":     ", séparés par des virgules",
	"new_created":             "{path} créé. Vérifiez-le avec `go run ./tools/guide validate {path}`",
	"new_created_left":        "{path} créé : {n} {n|valeur|valeurs} à remplir ({keys}). `go run ./tools/guide validate {path}` dit ce qu’il faut pour chacune",
	"new_eof_nothing":         "l’entrée s’est terminée avant la première réponse : rien n’a été écrit",
	"new_eof_saved":           "l’entrée s’est terminée avant la dernière question. Vos réponses sont enregistrées dans {path} : remplissez le reste dans ce fichier ({left}), puis vérifiez-le avec `go run ./tools/guide validate {path}`",
	"new_exists":              "{path} existe déjà. Choisissez un autre identifiant, ou modifiez ce fichier",
	"new_flag_data":           "le `dossier` du corpus, qui contient taxonomy.yaml",
	"new_flag_lang":           "la `langue` des questions, en ou fr (par défaut : selon LC_ALL, LC_MESSAGES ou LANG)",
	"new_flag_no_prompt":      "ne rien demander, même dans un terminal : les clés sans option restent vides",
	"new_help":                "Crée data/TYPE/ID.yaml à partir du modèle : les clés obligatoires avec des valeurs vides (\"\" et []), que guide validate signale tant qu’elles ne sont pas remplies, et les clés facultatives en commentaire. Lancez « guide new TYPE -h » pour les options d’un type.",
	"new_id_chars":            " : lettres minuscules, chiffres et traits d’union",
	"new_id_proposed":         "Proposition : {id}. Appuyez sur Entrée pour l’accepter, ou tapez un autre identifiant.",
	"new_id_required":         "  un identifiant est obligatoire : il nomme le fichier data/{dir}/ID.yaml. Tapez des lettres minuscules, des chiffres et des traits d’union.",
	"new_invalid_id":          "{id} n’est pas un identifiant valide. Utilisez des lettres minuscules, des chiffres et des traits d’union",
	"new_kind_contact":        "Nouvelle fiche de personne-ressource.",
	"new_kind_help":           "Crée data/{dir}/ID.yaml. Sans -id, l’identifiant est tiré du titre ou du nom. Sans option de valeur, dans un terminal, guide new demande les valeurs une à une. Avec des options de valeur, il ne demande rien : les clés qu’aucune option ne donne restent vides.",
	"new_kind_practice":       "Nouvelle fiche de pratique.",
	"new_kind_project":        "Nouvelle fiche de projet (étude de cas).",
	"new_kind_resource":       "Nouvelle fiche de ressource.",
	"new_left":                "{n} {n|valeur|valeurs} à remplir",
	"new_multiline":           "Tapez le texte sur autant de lignes qu’il faut (Markdown ; une ligne vide sépare les paragraphes), puis une ligne qui ne contient que {end} pour le terminer.",
	"new_list_more":           "Un autre élément : tapez-le, ou appuyez sur Entrée pour terminer la liste.",
	"new_no_id":               "aucun identifiant : donnez -id ID (ou le texte d’où il est tiré, comme -title-fr)",
	"new_not_accepted":        "  refusé : {reason}",
	"new_note":                "remarque : {msg}",
	"new_optional":            " (facultatif)",
	"new_pending_desc":        "la langue dont la traduction est en attente : {langs}",
	"new_phone_example":       ", p. ex. +1 613 555 0100 ou (819) 372-4600 poste 123",
	"new_question":            "{key} : {desc}",
	"new_required_again":      "  {key} est obligatoire : tapez une valeur, ou - pour la remplir plus tard dans le fichier.",
	"new_unexpected_argument": "argument inattendu {arg}. Les valeurs se donnent par des options comme -id",
	"new_unknown_kind":        "type de fiche inconnu {kind}. Types attendus : {kinds}",
}

func init() {
	for code, t := range newentryFR {
		catalogueFR[code] = t
	}
}
