package diag

// releaseEN words the messages of guide pdf, guide edition, guide links and guide evi
// (its usage and summary; the problems of its files are evi_err_*), in English; init
// adds them to the catalogue.
var releaseEN = map[string]string{
	"duration_seconds":          "{seconds}.{tenths} s",
	"edition_already_published": "edition {id} is already published (tag {tag}): a published edition does not change; add a new edition to data/editions.yaml",
	"edition_bad_date":          "{file}: edition {id}: date {date:q}: want YYYY-MM-DD (run guide validate)",
	"edition_bad_id":            "{file}: edition id {id:q}: want letters, digits, dots, hyphens (run guide validate)",
	"edition_extracting":        "edition {id}: extracting {tag}: {error}",
	"edition_failed":            "edition {id}: {error}",
	"edition_not_git":           "not a git repository: editions are frozen as git tags",
	"edition_hugo_failed":       "edition {id}: building its print pages from {tag} (Hugo): {error}\n{output}",
	"edition_no_tag":            "edition {id}: no tag {tag}: fetch the tags (git fetch --tags) or publish the edition (guide edition publish {id})",
	"edition_not_published":     "edition {id} not published: {error}",
	"edition_tag_missing":       "data/editions.yaml: edition {ids} is older than the latest ({latest}), so it was published, but its tag {tag} is missing: fetch the tags (git fetch --tags; a workflow needs fetch-depth: 0) or, if it was never published, publish it (guide edition publish {id})",
	"edition_uncommitted":       "uncommitted changes in the files the edition freezes; commit them first:\n{status}",
	"edition_unknown":           "data/editions.yaml: no edition {id:q} (editions: {ids}); add it there first",
	"edition_built":             "{file}: {pages} pages, {size}, edition {edition}",
	"edition_draft_failed":      "draft edition {id}: {error}",
	"edition_list_draft":        "{id}  {date}  draft (no tag yet): printed from the working tree",
	"edition_list_published":    "{id}  {date}  published (tag {tag}): rebuilt from its tag",
	"edition_published":         "edition {id} published as tag {tag}; push it with: git push origin {tag}",
	"edition_validate_errors":   "guide validate found errors; correct them first:\n{output}",
	"evi_one_data_file":         "expected one data file, got {count}",
	"evi_out_is_data":           "the output {file} is the data file; choose another file",
	"evi_weighted":              "note: theme weights differ from 1, a departure from the CDC/ATSDR SVI method; the output says so",
	"evi_written":               "{file}: {areas} areas, {ranked} ranked, {indexed} indexed",
	"links_all_resolve":         "{checked} addresses checked in {pages} pages of {site}: all resolve",
	"links_bad_base_url":        "base URL {value:q}: want https://host/ or https://host/path/",
	"links_not_built":           "{where}: {address:q} names no built file",
	"links_outside_path":        "{where}: {address:q} is outside the site's path {prefix}",
	"links_unreadable":          "{error}",
	"links_broken":              "{site}: broken link: {problem}",
	"links_broken_summary":      "{broken} broken of {checked} addresses checked in {site} (served at {url})",
	"links_no_page":             "{site}: no HTML page",
	"pdf_bad_language":          "language {value:q}: not a language code",
	"pdf_bad_meta":              "{page}: print-meta: {error}",
	"pdf_bad_meta_date":         "{page}: print-meta: edition date {date:q}: {error}",
	"pdf_bad_meta_file":         "{page}: print-meta: bad PDF file name {name:q}",
	"pdf_bad_paper":             "paper {value:q}: want letter or a4",
	"pdf_bad_site":              "{lang}/{page}: print-meta: site {site:q}: want the language's home page, ending in /{lang}/",
	"pdf_in_language":           "{lang}: {error}",
	"pdf_no_chromium":           "Chromium not found: install it with `sudo apt-get install chromium` (or run `make site`, which installs it), or give its path with -chromium or {env}",
	"pdf_no_chromium_detail":    "{error} {detail}",
	"pdf_no_print_page":         "{page}: no print page; build the site first (make site), with the \"print\" output format of the home page in config.toml",
	"pdf_not_print_page":        "{page}: not a print page: no <script type=\"application/json\" id=\"print-meta\">",
	"pdf_other_edition":         "{page} holds edition {held:q}, not {edition:q}: build the print pages for that edition first (HUGO_PARAMS_PRINTEDITION={edition}), or, if it is published, run guide pdf -edition {edition} in the repository, which rebuilds it from its tag",
	"pdf_timed_out":             "timed out after {timeout}: {error}",
	"pdf_two_base_paths":        "print pages under two base paths: {first} and {second}",
	"pdf_printed":               "{file}: {pages} pages, {size}, edition {edition} ({passes} prints, {duration})",
	"pdf_total":                 "{count} PDF(s) in {duration}",
	"pdf_unknown_paper":         "-paper {value:q}: want letter or a4",
	"size_kib":                  "{kib} KiB",
	"size_mib":                  "{mib}.{tenths} MiB",
	"usage_no_language":         "{flag}: no language",
	"usage_required_flag":       "{flag} is required",
	"usage_unknown_subcommand":  "unknown subcommand {value:q}",
}

func init() {
	for code, t := range releaseEN {
		catalogueEN[code] = t
	}
}
