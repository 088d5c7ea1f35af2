package diag

// formFR words the codes of the online form's own findings (tools/webform) in French; an
// Area of areas.go holds them.
var formFR = map[string]string{
	"form_few_lessons": "{count} {count|leçon|leçons} ; le guide en demande de trois à cinq : ajoutez ce qu’une équipe ailleurs devrait savoir avant de faire de même",
	"form_not_entry":   "{path} n’est pas une fiche du guide ; les fichiers joints à une soumission sont de la forme data/TYPE/ID.yaml (contacts, practices, resources)",
}
