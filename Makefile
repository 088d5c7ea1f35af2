# Guide IAD — the Data-Driven Intelligence Playbook.
# `make serve` builds and serves the site locally; `make test` runs every test.
# Both need Go and Node; they install the rest (Hugo from go.mod; Chromium, poppler and
# Java 17 from Debian when root; node_modules from package-lock.json).

GO      ?= go
# A soft memory limit for Hugo's garbage collector keeps a 10,000-project build under
# 2 GiB (docs/site.md, Performance).
HUGO    := GOMEMLIMIT=1800MiB $(GO) tool hugo
GUIDE   := $(GO) run ./tools/guide
PORT    ?= 1313
# Hugo warnings (a missing i18n string among them) fail the build.
HUGOFLAGS := --printI18nWarnings --panicOnWarning

# The release (make site) holds the print editions unless PRINT=no:
# make site [PRINT=no] [PAPER=a4] [FORMAT=github]
PRINT   ?= yes
PAPER   ?= letter
# guide validate's output format: text, json or github (annotations in a workflow).
FORMAT  ?= text
PRINTCONF   := tmp/print-output.toml
PRINTPARAMS := tmp/print-edition.toml
# The JSON copy of the validated data/ that site and pdf give Hugo (tools/hugodata): Hugo
# then reads exactly what guide validate read, and loads it several times faster.
HUGODATA    := tmp/hugo-data
# The open data (CSV, JSON, datapackage.json per language; tools/opendata), which Hugo
# serves as static files through $(OPENDATA).toml.
OPENDATA    := tmp/opendata
# What guide computes from data/ for Hugo (the history from git, the related case studies),
# mounted as more data by both make site ($(HUGODATA).toml) and make serve
# ($(HUGODERIVED).toml, beside data/ itself): docs/site.md, "Derived data".
HUGODERIVED := tmp/hugo-derived
# The release is built here, then swapped into public/ once every step has succeeded, so
# that a failed step never leaves a half-built public/ for a deploy to pick up.
RELEASE     := tmp/release
comma := ,
SITECONF    := config.toml,$(HUGODATA).toml,$(OPENDATA).toml$(if $(filter no,$(PRINT)),,$(comma)$(PRINTCONF))
# fail,STEP: the end of a release step's command line: on failure, say which step failed
# and that public/ is unchanged.
fail = || { echo "make site: $(1) failed (message above); public/ is left as it was" >&2; exit 1; }

.PHONY: all serve site site-data site-index site-links serve-data validate fmt fmt-check schema wasm pdf lint-workflows test bench clean deps help

all: site

help:
	@echo "make serve     validate, then serve the site at http://localhost:$(PORT)/"
	@echo "make site      validate, then build the release into public/: the site, its search index,"
	@echo "               open data and the print edition (a PDF per language, with Chromium);"
	@echo "               PRINT=no leaves out the print editions (docs/publishing.md)"
	@echo "make pdf       the same as make site (the print edition is part of the release)"
	@echo "make validate  check data/ (guide validate; FORMAT=github for workflow annotations)"
	@echo "make fmt       put data files in canonical form (guide fmt); make fmt-check only checks"
	@echo "make lint-workflows  check .github/workflows/ with actionlint (part of make test)"
	@echo "make wasm      compile the browser programs (tools/wasm/*) into assets/wasm/"
	@echo "make schema    regenerate the JSON Schemas in static/schemas/"
	@echo "make test      vet, format check and every test (unit and end-to-end)"
	@echo "make bench     benchmarks: validator, make site PRINT=no at 10,000 projects against the Hugo floor, print"
	@echo "make clean     remove build outputs"

deps:
	@tools/deps.sh go

# Workflow annotations are worded in the language the repository chooses
# (params.validator_language in config.toml); elsewhere the reader's locale decides.
VALIDATOR_LANG := $(shell sed -n 's/^ *validator_language *= *"\([a-z]*\)".*/\1/p' config.toml)
validate: deps
	$(GUIDE) validate -format $(FORMAT)$(if $(filter github,$(FORMAT)), -lang $(or $(VALIDATOR_LANG),en))

fmt: deps
	$(GUIDE) fmt

fmt-check: deps
	$(GUIDE) fmt -check

schema: deps
	$(GUIDE) schema

# The pages that run Go in the browser (submission form, e-vulnerability index) load
# assets/wasm/*.wasm, compiled from tools/wasm/* — generated, not committed; Hugo
# publishes them under content-hashed names (docs/site.md, Performance).
wasm: deps
	$(GUIDE) wasm -out assets/wasm

# The release: the site with the print pages (config.toml plus $(PRINTCONF), which adds
# the "print" output format to the site's own formats), the PDFs of every edition (guide
# edition build: the draft, the latest edition not yet published, printed from these
# print pages; each published edition rebuilt from its git tag edition-ID), then the
# site again, now linking each PDF with its size and page count (this second build
# keeps the folder, so the PDFs stay); hosts such as GitHub Pages serve /404.html for any
# missing address, so it gets the English "not found" page (it links its French
# counterpart; its links are absolute); then, side by side, the search index and the
# check that every address of every page and stylesheet names a built file (guide
# links). All in $(RELEASE),
# which replaces public/ only at the end.
# validate, wasm and the data copy (with the derived and the open data) run side by side
# (-j3; -Otarget keeps each one's output together): the build goes on only when all
# have succeeded.
site:
	@$(MAKE) --no-print-directory -j3 -Otarget validate wasm site-data
	@tools/deps.sh node
ifneq ($(PRINT),no)
	@tools/deps.sh pdf
	@mkdir -p tmp && $(GUIDE) pdf -hugo-config -config config.toml > $(PRINTCONF)
endif
	rm -rf $(RELEASE) tmp/public.old
	$(HUGO) $(HUGOFLAGS) --config $(SITECONF) --gc -d $(RELEASE) $(call fail,the site build (Hugo))
ifneq ($(PRINT),no)
	$(GUIDE) edition build -public $(RELEASE) -paper $(PAPER) -site-params $(PRINTPARAMS) $(call fail,the print editions (guide edition build))
	$(HUGO) $(HUGOFLAGS) --config $(SITECONF),$(PRINTPARAMS) -d $(RELEASE) $(call fail,the site build linking the PDFs (Hugo))
endif
	cp $(RELEASE)/en/404.html $(RELEASE)/404.html
	@$(MAKE) --no-print-directory -j2 -Otarget site-index site-links
	@if [ -e public ]; then mv public tmp/public.old; fi
	mv $(RELEASE) public
	@rm -rf tmp/public.old
	@echo "make site: the release is in public/$(if $(filter no,$(PRINT)), (without the print edition: PRINT=no),)"

# The search index and the link check, side by side (steps of make site, not targets to
# call alone): Pagefind keeps about one core and a half busy, the link check (one page at
# a time, tens of MiB) fills the rest within the memory budget. The link check leaves
# out /pagefind/, which the index is still writing; guide search-index fails if its
# pagefind.js, the one file the pages name there, is not written.
site-index:
	$(GUIDE) search-index -site $(RELEASE) $(call fail,the search index (Pagefind))

site-links:
	$(GUIDE) links -site $(RELEASE) -not-built /pagefind/ $(call fail,the link check (guide links))

# The JSON copy of data/ that make site gives Hugo, the derived data and the open data,
# from one read of data/ and of git's history (a step of make site, not a target to
# call alone).
site-data: deps
	$(GUIDE) hugo-data -out $(HUGODATA) -derived $(HUGODERIVED) -opendata $(OPENDATA)

# The derived data and the open data that make serve gives Hugo beside data/ itself.
serve-data: deps
	$(GUIDE) hugo-data -derived $(HUGODERIVED) -opendata $(OPENDATA)

# The print edition is part of the release; make pdf is kept as another name for it.
pdf: site

# hugo server keeps the site in memory, so the search index is built beforehand from a
# build in tmp/ into static/pagefind/ (generated, not committed), which the server serves;
# it reflects the data as of `make serve`: restart to search edits. The server reads data/
# itself (edits reload live), the derived data (history, related case studies) and the open
# data as of `make serve`.
SERVECONF := config.toml,$(HUGODERIVED).toml,$(OPENDATA).toml
serve: validate wasm serve-data
	@tools/deps.sh node
	$(HUGO) $(HUGOFLAGS) --config $(SERVECONF) --gc --cleanDestinationDir -d tmp/serve-public --quiet
	$(GUIDE) search-index -site tmp/serve-public -out static/pagefind
	$(HUGO) server $(HUGOFLAGS) --config $(SERVECONF) --bind 127.0.0.1 --port $(PORT) --disableFastRender

# The workflows, checked as GitHub would run them (actionlint, pinned in go.mod).
lint-workflows: deps
	$(GO) tool actionlint

# -timeout: the browser and release packages build whole sites and PDFs, which on a
# busy 2-core machine can pass go test's default of 10 minutes a package.
test: deps
	@tools/deps.sh test
	$(GO) vet ./...
	# The browser programs as the browser gets them (their own build tags).
	GOOS=js GOARCH=wasm $(GO) vet ./tools/wasm/...
	$(GO) tool actionlint
	@unformatted=$$(gofmt -l tools); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GUIDE) schema -check
	$(GUIDE) fmt -check
	$(GUIDE) wasm -out assets/wasm
	$(GO) test -count=1 -timeout 25m ./...

bench: deps
	@tools/deps.sh bench
	tools/bench.sh

clean:
	rm -rf public resources/_gen .hugo_build.lock tmp assets/wasm static/wasm static/pagefind
