package diag

// historyFR words, in French, the codes of catalogue_history_en.go; an Area of areas.go
// holds them.
var historyFR = map[string]string{
	"expect_other_id":          "un identifiant (lettres minuscules, chiffres et traits d’union)",
	"former_id_in_use":         "{id:q} est l’identifiant de {other} ; un ancien identifiant ne doit être celui d’aucune fiche de type {kind} : retirez-le, ou renommez cette fiche",
	"former_id_self":           "{id:q} est l’identifiant actuel de la fiche ; n’indiquez que ceux qu’elle portait avant d’être renommée",
	"former_id_twice":          "{id:q} est aussi un ancien identifiant de {other} ; une ancienne adresse ne peut mener qu’à une fiche : gardez-le dans un seul fichier",
	"history_git":              "lecture de l’historique de {dir} dans git : {error}",
	"history_shallow":          "le clone est superficiel : l’historique des fiches commence le {since} ; récupérez tout l’historique (`git fetch --unshallow`, ou `fetch-depth: 0` dans un workflow)",
	"history_unavailable":      "hors d’un dépôt git (ou git est absent) : les fiches sont publiées sans leur historique",
	"replaced_by_archived":     "{id:q} est archivée elle aussi ({file}) ; indiquez la fiche qui la remplace aujourd’hui, qui n’est pas archivée",
	"replaced_by_not_archived": "cette fiche n’est pas archivée, rien ne la remplace : ajoutez `archived: {date: AAAA-MM-JJ, reason: {en: …, fr: …}}` ou retirez replaced_by {id:q}",
	"replaced_by_self":         "{id:q} est l’identifiant de cette fiche ; indiquez la fiche du même type qui la remplace",
}
