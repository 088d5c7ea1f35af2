package diag

// describeEN words what one language of a bilingual field takes (model.Field.DescribeIn,
// for guide new's questions), in English; the field's description itself is expect_*. an
// Area of areas.go holds them.
var describeEN = map[string]string{
	"describe_markdown_in": "Markdown in {language}",
	"describe_max":         ", at most {max} characters",
	"describe_text_in":     "text in {language}",
}
