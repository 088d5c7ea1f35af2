package diag

// printEN words, in English, what can go wrong while Chromium prints the edition
// (tools/pdf's browser.go); init adds them to the catalogue.
var printEN = map[string]string{
	"print_reading_pdf":       "reading the PDF from Chromium: {error}",
	"print_loading_page":      "loading the print page {page}: {error}",
	"print_page_status":       "loading the print page {page}: HTTP {status} {text}",
	"print_edition_date":      "{page}: edition date {date:q}: {error}",
	"print_loading_fonts":     "{page}: loading fonts: {error}",
	"print_files_missing":     "{page}: files missing from {public}: {files}",
	"print_fonts_failed":      "{page}: fonts that did not load: {fonts}",
	"print_printing":          "printing {page} (pass {pass}): {error}",
	"print_anchors_unreached": "{page}: page numbers asked for anchors that no link of the PDF reaches: {anchors}",
	"print_numbers_unsettled": "{page}: page numbers did not settle after {pass} prints: {moved}",
	"print_anchor_moved":      "#{anchor} (written {written}, now on {now})",
	"print_writing_numbers":   "{page}: writing page numbers: {error}",
	"print_rewriting_info":    "{page}: rewriting the document information: {error}",
	"print_link_targets":      "{page}: reading link targets: {error}",
	"print_accessibility":     "{page}: accessibility rewrite: {error}",
}

func init() {
	for code, t := range printEN {
		catalogueEN[code] = t
	}
}
