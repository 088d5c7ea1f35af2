package diag

// relatedEN words, in English, the codes of the derived data (tools/hugodata/derived.go,
// tools/related): guide hugo-data's -derived; an Area of areas.go holds them.
var relatedEN = map[string]string{
	"help_flag_hugodata_derived": "write the derived data (history, related case studies, search keywords) into `dir` (default: hugo-derived beside -out); without -out, only them, and DIR.toml mounts -data beside them",
}
