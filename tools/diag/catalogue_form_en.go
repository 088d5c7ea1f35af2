package diag

// formEN words the codes of the online form's own findings (tools/webform) in English;
// an Area of areas.go holds them.
var formEN = map[string]string{
	"form_few_lessons": "{count} {count|lesson|lessons}; the guide asks for three to five: add what a team elsewhere should know before doing the same",
	"form_not_entry":   "{path} is not a guide entry; files go with a submission as data/KIND/ID.yaml (contacts, practices, resources)",
}
