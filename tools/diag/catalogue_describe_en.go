package diag

// describeEN words what one language of a bilingual field takes (model.Field.DescribeIn,
// for guide new's questions), in English; the field's description itself is expect_*.
// init adds them to the catalogue.
var describeEN = map[string]string{
	"describe_markdown_in": "Markdown in {language}",
	"describe_max":         ", at most {max} characters",
	"describe_text_in":     "text in {language}",
}

func init() {
	for code, t := range describeEN {
		catalogueEN[code] = t
	}
}
