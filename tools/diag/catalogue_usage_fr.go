package diag

// usageFR words the usage errors of guide's commands that the flag package would have
// worded in English (unknown flag, missing or invalid value…), the unknown command and
// guide gen's and guide schema's messages, in French; an Area of areas.go holds them.
var usageFR = map[string]string{
	"schema_stale":           "{file}\u00a0: pas à jour\u00a0; lancez «\u00a0go run ./tools/guide schema\u00a0»",
	"usage_bad_flag_syntax":  "option mal formée {value:q}\u00a0; écrivez -nom ou -nom=valeur",
	"usage_flag_needs_value": "{flag} demande une valeur\u00a0: écrivez {flag} VALEUR ou {flag}=VALEUR",
	"usage_flag_not_read":    "les options n’ont pas pu être lues\u00a0; {command} -h les énumère",
	"usage_gen_needs":        "-out DOSSIER et -projects N ≥ 1 sont nécessaires, sans autre argument",
	"usage_not_bool":         "{value:q} n’est pas une valeur oui/non\u00a0; écrivez true ou false",
	"usage_not_duration":     "{value:q} n’est pas une durée\u00a0; écrivez un nombre et une unité, comme 90s, 10m ou 1h30m",
	"usage_not_number":       "{value:q} n’est pas un nombre\u00a0; écrivez-en un comme 2.5",
	"usage_not_whole_number": "{value:q} n’est pas un nombre entier\u00a0; écrivez-en un comme 12",
	"usage_out_of_range":     "{value:q} est hors limites",
	"usage_unknown_command":  "commande inconnue {value:q}",
	"usage_unknown_flag":     "option inconnue {flag}\u00a0; {command} -h énumère les options",
}
