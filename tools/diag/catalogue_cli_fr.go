package diag

// cliFR words, in French, the codes of the command line's help for first-time
// contributors (issue 20): tab indentation read as spaces, copied samples, ids that
// files cannot be named after, guide fmt's repairs; an Area of areas.go holds them.
var cliFR = map[string]string{
	"example_cited":         "{kind} {id:q} : exemple fictif (`example: true`), pas une fiche réelle ; citez une fiche réelle, ou rédigez-la avec `go run ./tools/guide new {new}`",
	"fmt_formatted_tabs":    "{file} : mis en forme ; chaque tabulation de l’indentation est devenue des espaces ({width} au plus) : vérifiez l’indentation",
	"fmt_whitespace_only":   "fins de ligne et indentation par tabulations réparées, rien d’autre ; ligne {line} : {error} ; corrigez-la, puis relancez `go run ./tools/guide fmt` (`go run ./tools/guide validate {file}` montre tous les problèmes)",
	"id_file_not_id":        "l’identifiant {id:q} diffère du nom du fichier {file:q}, qui ne peut pas être un identifiant ; renommez le fichier en {id}.yaml",
	"id_missing":            "clé obligatoire absente ; ajoutez `id: {id}` (l’identifiant de la fiche, égal au nom du fichier){rename}",
	"id_missing_rename":     ", et renommez le fichier en {id}.yaml, car {file:q} ne peut pas être un identifiant",
	"illustrative_comment":  "ce commentaire dit que le fichier est un exemple fictif, mais la fiche n’a pas `example: true` ; si la fiche est réelle, supprimez le commentaire et vérifiez ce qui vient encore de l’exemple (personnes-ressources, pratiques, ressources) ; mieux vaut commencer une nouvelle fiche avec `go run ./tools/guide new`",
	"tab_indent_repairable": "tabulation utilisée pour l’indentation sur {count} {count|ligne|lignes}, la première ici ; YAML indente avec des espaces seulement ; le reste du fichier a été vérifié {reading}, ce que `go run ./tools/guide fmt` (ou `make fmt`) écrit",
	"tab_read_one":          "comme si chaque tabulation était une espace",
	"tab_read_stop":         "comme si chaque tabulation était faite d’espaces jusqu’au taquet suivant (toutes les {width} colonnes)",
}
