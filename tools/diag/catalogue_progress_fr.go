package diag

// progressFR words the progress lines of guide pdf -v (package pdf's Options.Log), in
// French; an Area of areas.go holds them.
var progressFR = map[string]string{
	"print_done":               "{file}\u00a0: {pages}\u00a0{pages|page|pages} en {passes}\u00a0{passes|impression|impressions}, {ms}\u00a0ms",
	"print_step":               "{page}\u00a0: {step} à {ms}\u00a0ms",
	"print_step_accessibility": "réécriture pour l’accessibilité faite",
	"print_step_destinations":  "destinations lues",
	"print_step_fonts":         "polices chargées",
	"print_step_loaded":        "page chargée",
	"print_step_numbers":       "numéros de page écrits",
	"print_step_printed":       "page imprimée (impression {pass}, {bytes}\u00a0octets)",
	"print_step_targets":       "cibles des liens lues",
}
