package diag

// causeEN words the causes of errors (cause.go, cause_yaml.go): what the system or a
// library said, in its own English words where it has some; init adds them to the
// catalogue.
var causeEN = map[string]string{
	"cause_system":  "{text}",
	"cause_at":      "line {line}, column {column}: {cause}",
	"cause_path":    "{op} {path}: {problem}",
	"cause_link":    "{op} {old} {new}: {problem}",
	"cause_syscall": "{call}: {problem}",

	// File system operations (fs.PathError's Op).
	"cause_op_open":       "open",
	"cause_op_openat":     "openat",
	"cause_op_read":       "read",
	"cause_op_write":      "write",
	"cause_op_stat":       "stat",
	"cause_op_lstat":      "lstat",
	"cause_op_readdir":    "readdir",
	"cause_op_readdirent": "readdirent",
	"cause_op_mkdir":      "mkdir",
	"cause_op_remove":     "remove",
	"cause_op_unlinkat":   "unlinkat",
	"cause_op_rename":     "rename",
	"cause_op_close":      "close",
	"cause_op_chmod":      "chmod",
	"cause_op_symlink":    "symlink",
	"cause_op_readlink":   "readlink",
	"cause_op_link":       "link",
	"cause_op_truncate":   "truncate",
	"cause_op_seek":       "seek",
	"cause_op_sync":       "sync",
	"cause_op_chdir":      "chdir",

	// What went wrong (the system's errors).
	"cause_not_exist":      "no such file or directory",
	"cause_permission":     "permission denied",
	"cause_not_permitted":  "operation not permitted",
	"cause_exist":          "file exists",
	"cause_is_dir":         "is a directory",
	"cause_not_dir":        "not a directory",
	"cause_no_space":       "no space left on device",
	"cause_read_only":      "read-only file system",
	"cause_too_many_files": "too many open files",
	"cause_name_too_long":  "file name too long",
	"cause_not_empty":      "directory not empty",
	"cause_link_loop":      "too many levels of symbolic links",
	"cause_io":             "input/output error",
	"cause_closed":         "file already closed",

	// JSON (encoding/json).
	"cause_json_end":               "unexpected end of JSON input",
	"cause_json_char":              "invalid character '{char}' {context}",
	"cause_json_in_value":          "looking for beginning of value",
	"cause_json_in_key":            "looking for beginning of object key string",
	"cause_json_after_key":         "after object key",
	"cause_json_after_pair":        "after object key:value pair",
	"cause_json_after_element":     "after array element",
	"cause_json_in_string":         "in string literal",
	"cause_json_in_unicode_escape": `in \u hexadecimal character escape`,
	"cause_json_in_escape":         "in string escape code",
	"cause_json_in_number":         "in numeric literal",
	"cause_json_after_point":       "after decimal point in numeric literal",
	"cause_json_in_exponent":       "in exponent of numeric literal",
	"cause_json_after_top":         "after top-level value",
	"cause_json_in_literal":        "in literal {literal} (expecting '{expected}')",
	"cause_json_type":              "expected {expected}, found {found}",
	"cause_json_field_type":        "{field}: expected {expected}, found {found}",
	"cause_json_string":            "a string",
	"cause_json_number":            "a number",
	"cause_json_bool":              "true or false",
	"cause_json_array":             "an array",
	"cause_json_object":            "an object",
	"cause_json_null":              "null",
	"cause_json_value":             "a value",

	// CSV (encoding/csv).
	"cause_csv_at":             "parse error on line {line}, column {column}: {problem}",
	"cause_csv_record_at":      "record on line {start}; parse error on line {line}, column {column}: {problem}",
	"cause_csv_record":         "record on line {line}: {problem}",
	"cause_csv_bare_quote":     `bare " in non-quoted-field`,
	"cause_csv_quote":          `extraneous or missing " in quoted-field`,
	"cause_csv_field_count":    "wrong number of fields",
	"cause_csv_trailing_comma": "extra delimiter at end of line",

	// YAML (gopkg.in/yaml.v3).
	"cause_yaml":                  "yaml: {problem}",
	"cause_yaml_line":             "line {line}: {problem}",
	"cause_yaml_end":              "found unexpected end of stream",
	"cause_yaml_mapping_value":    "mapping values are not allowed in this context",
	"cause_yaml_expected_colon":   "could not find expected ':'",
	"cause_yaml_expected_key":     "did not find expected key",
	"cause_yaml_expected_dash":    "did not find expected '-' indicator",
	"cause_yaml_unclosed_list":    "did not find expected ',' or ']'",
	"cause_yaml_unclosed_mapping": "did not find expected ',' or '}'",
	"cause_yaml_node_content":     "did not find expected node content",
	"cause_yaml_sequence_entry":   "block sequence entries are not allowed in this context",
	"cause_yaml_bad_start":        "found character that cannot start any token",
	"cause_yaml_tab":              "a tab character in the indentation",
	"cause_yaml_escape":           "an invalid escape in double-quoted text",
	"cause_yaml_after_indicator":  "did not find expected comment or line break",
	"cause_yaml_tag":              "an invalid tag",
	"cause_yaml_anchor_char":      "an invalid anchor or alias name",
	"cause_yaml_document_marker":  "an unexpected document marker",
	"cause_yaml_directive":        "an invalid directive",
	"cause_yaml_too_deep":         "nested too deeply",
	"cause_yaml_aliases":          "excessive aliasing",
	"cause_yaml_encoding":         "invalid UTF-8 or a control character",
	"cause_yaml_duplicate_key":    "mapping key {key:q} already defined at line {first}",
	"cause_yaml_unknown_alias":    "unknown anchor {name:q} referenced",
}

func init() {
	for code, t := range causeEN {
		catalogueEN[code] = t
	}
}
