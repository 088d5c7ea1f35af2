package diag

// progressEN words the progress lines of guide pdf -v (package pdf's Options.Log), in
// English; an Area of areas.go holds them.
var progressEN = map[string]string{
	"print_done":               "{file}: {pages} {pages|page|pages} in {passes} {passes|pass|passes}, {ms} ms",
	"print_step":               "{page}: {step} at {ms} ms",
	"print_step_accessibility": "accessibility rewrite done",
	"print_step_destinations":  "destinations read",
	"print_step_fonts":         "fonts loaded",
	"print_step_loaded":        "page loaded",
	"print_step_numbers":       "page numbers written",
	"print_step_printed":       "page printed (pass {pass}, {bytes} bytes)",
	"print_step_targets":       "link targets read",
}
