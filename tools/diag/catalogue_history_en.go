package diag

// historyEN words, in English, the codes of entries' lives: the checks of archived,
// replaced_by and former_ids (tools/check/archive.go) and the history taken from git
// (tools/history); an Area of areas.go holds them.
var historyEN = map[string]string{
	"expect_other_id":          "an id (lowercase letters, digits and hyphens)",
	"former_id_in_use":         "{id:q} is the id of {other}; a former id must be one no {kind} uses now: remove it, or rename that entry",
	"former_id_self":           "{id:q} is this entry's own id; list only the ids it had before a rename",
	"former_id_twice":          "{id:q} is also a former id of {other}; an old address can lead to one entry only: keep it in one file",
	"history_git":              "reading the history of {dir} from git: {error}",
	"history_shallow":          "the clone is shallow: entry histories start at {since}; fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` in a workflow)",
	"history_unavailable":      "not in a git working tree (or git is missing): entries are published without their history",
	"replaced_by_archived":     "{id:q} is archived too ({file}); name the entry that replaces it now, which is not archived",
	"replaced_by_not_archived": "this entry is not archived, so nothing replaces it: add `archived: {date: YYYY-MM-DD, reason: {en: …, fr: …}}` or remove replaced_by {id:q}",
	"replaced_by_self":         "{id:q} is this entry's own id; name the entry of the same kind that replaces it",
}
