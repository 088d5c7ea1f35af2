package diag

// describeFR words what one language of a bilingual field takes (model.Field.DescribeIn,
// for guide new's questions), in French; the field's description itself is expect_*. an
// Area of areas.go holds them.
var describeFR = map[string]string{
	"describe_markdown_in": "du Markdown en {language}",
	"describe_max":         ", au plus {max} caractères",
	"describe_text_in":     "du texte en {language}",
}
