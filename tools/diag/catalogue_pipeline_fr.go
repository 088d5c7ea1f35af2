package diag

// pipelineFR words, in French, the messages of the release's pipeline (see pipelineEN);
// an Area of areas.go holds them.
var pipelineFR = map[string]string{
	"help_flag_links_not_built": "des `chemins` du site, séparés par des virgules (/pagefind/), dont les adresses ne sont pas vérifiées : ce qu’une autre étape de la construction écrit encore",
}
