package diag

// pipelineEN words, in English, the messages of the release's pipeline around Hugo (the
// search index and the link check side by side in make site); an Area of areas.go holds
// them.
var pipelineEN = map[string]string{
	"help_flag_links_not_built": "site `paths`, comma-separated (/pagefind/), whose addresses are not checked: what another step of the build is still writing",
}
