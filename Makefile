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

# The print edition: make pdf [EDITION=ID] [PAPER=a4]
EDITION ?=
PAPER   ?= letter
PRINTCONF   := tmp/print-output.toml
PRINTPARAMS := tmp/print-edition.toml
# The JSON copy of the validated data/ that site and pdf give Hugo (tools/hugodata): Hugo
# then reads exactly what guide validate read, and loads it several times faster.
HUGODATA    := tmp/hugo-data

.PHONY: all serve site validate fmt schema wasm pdf test bench clean deps help

all: site

help:
	@echo "make serve     validate, then serve the site at http://localhost:$(PORT)/"
	@echo "make site      validate, then build the site into public/"
	@echo "make pdf       build the site with the print pages, print public/{en,fr}/*.pdf, link them"
	@echo "make validate  check data/ (guide validate)"
	@echo "make fmt       put data files in canonical form (guide fmt)"
	@echo "make wasm      compile the browser programs (tools/wasm/*) into static/wasm/"
	@echo "make schema    regenerate the JSON Schemas in static/schemas/"
	@echo "make test      vet, format check and every test (unit and end-to-end)"
	@echo "make bench     benchmarks: validator and site build on generated corpora"
	@echo "make clean     remove build outputs"

deps:
	@tools/deps.sh go

validate: deps
	$(GUIDE) validate

fmt: deps
	$(GUIDE) fmt

schema: deps
	$(GUIDE) schema

# The pages that run Go in the browser (submission form, e-vulnerability index) load
# static/wasm/*.wasm, compiled from tools/wasm/* — generated, not committed.
wasm: deps
	$(GUIDE) wasm -out static/wasm

# The end of every build of public/: hosts such as GitHub Pages serve /404.html for any
# missing address, so give them the English "not found" page (it links its French
# counterpart; its links are absolute); then the search index.
define finish-public
	cp public/en/404.html public/404.html
	$(GUIDE) search-index -site public
endef

site: validate wasm
	@tools/deps.sh node
	$(GUIDE) hugo-data -out $(HUGODATA)
	$(HUGO) $(HUGOFLAGS) --config config.toml,$(HUGODATA).toml --gc --cleanDestinationDir -d public
	$(finish-public)

# Site with the print pages → PDFs → site again, now linking each PDF with its size and
# page count (the second build keeps public/, so the PDFs stay).
pdf: validate wasm
	@tools/deps.sh pdf
	@tools/deps.sh node
	@mkdir -p tmp && $(GUIDE) pdf -hugo-config > $(PRINTCONF)
	$(GUIDE) hugo-data -out $(HUGODATA)
	HUGO_PARAMS_PRINTEDITION=$(EDITION) $(HUGO) $(HUGOFLAGS) --config config.toml,$(HUGODATA).toml,$(PRINTCONF) --gc --cleanDestinationDir -d public
	$(GUIDE) pdf -public public -paper $(PAPER) $(if $(EDITION),-edition $(EDITION)) -site-params $(PRINTPARAMS)
	HUGO_PARAMS_PRINTEDITION=$(EDITION) $(HUGO) $(HUGOFLAGS) --config config.toml,$(HUGODATA).toml,$(PRINTCONF),$(PRINTPARAMS) -d public
	$(finish-public)

# hugo server keeps the site in memory, so the search index is built beforehand from a
# build in tmp/ into static/pagefind/ (generated, not committed), which the server serves;
# it reflects the data as of `make serve`: restart to search edits.
serve: validate wasm
	@tools/deps.sh node
	$(HUGO) $(HUGOFLAGS) --gc --cleanDestinationDir -d tmp/serve-public --quiet
	$(GUIDE) search-index -site tmp/serve-public -out static/pagefind
	$(HUGO) server $(HUGOFLAGS) --bind 127.0.0.1 --port $(PORT) --disableFastRender

test: deps
	@tools/deps.sh test
	$(GO) vet ./...
	@unformatted=$$(gofmt -l tools); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GUIDE) schema -check
	$(GUIDE) fmt -check
	$(GUIDE) wasm -out static/wasm
	$(GO) test -count=1 ./...

bench: deps
	@tools/deps.sh bench
	tools/bench.sh
	go test ./tools/pdf -run '^$$' -bench Print -benchtime 1x

clean:
	rm -rf public resources/_gen .hugo_build.lock tmp static/wasm static/pagefind
