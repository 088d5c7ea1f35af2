package diag

// usageEN words the usage errors of guide's commands that the flag package would have
// worded in English (unknown flag, missing or invalid value…), the unknown command and
// guide gen's and guide schema's messages, in English; an Area of areas.go holds them.
var usageEN = map[string]string{
	"schema_stale":           "{file}: out of date; run `go run ./tools/guide schema`",
	"usage_bad_flag_syntax":  "bad flag syntax {value:q}; write -name or -name=value",
	"usage_flag_needs_value": "{flag} needs a value: write {flag} VALUE or {flag}=VALUE",
	"usage_flag_not_read":    "the flags could not be read; {command} -h lists them",
	"usage_gen_needs":        "need -out DIR and -projects N ≥ 1, and no other arguments",
	"usage_not_bool":         "{value:q} is not a yes/no value; write true or false",
	"usage_not_duration":     "{value:q} is not a duration; write a number and a unit, such as 90s, 10m or 1h30m",
	"usage_not_number":       "{value:q} is not a number; write one such as 2.5",
	"usage_not_whole_number": "{value:q} is not a whole number; write one such as 12",
	"usage_out_of_range":     "{value:q} is out of range",
	"usage_unknown_command":  "unknown command {value:q}",
	"usage_unknown_flag":     "unknown flag {flag}; {command} -h lists the flags",
}
