package diag

// catalogueFR words, in French, the codes every program may show (see catalogueEN).
var catalogueFR = map[string]string{
	"code":          "`{text}`",
	"more_in_file":  "… et {findings} {findings|autre constat|autres constats} dans ce fichier ({errors} {errors|erreur|erreurs}, {warnings} {warnings|avertissement|avertissements} non {findings|affiché|affichés}) ; corrigez d’abord ceux-ci, puis relancez",
	"more_in_files": "… et {findings} {findings|autre constat|autres constats} dans {files} {files|fichier|fichiers} ({errors} {errors|erreur|erreurs}, {warnings} {warnings|avertissement|avertissements} non {findings|affiché|affichés}) ; corrigez d’abord ceux-ci, puis relancez",
	"summary":       "{files} {files|fichier vérifié|fichiers vérifiés} : {errors} {errors|erreur|erreurs}, {warnings} {warnings|avertissement|avertissements}",
}
