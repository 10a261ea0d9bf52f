# The portal's commands. The README, .ci/run and the publishing workflow
# (.github/workflows/portal.yml) all run `make test`, so what runs locally, in CI and before
# publishing cannot drift apart.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE   ?= site
SITE_DIR = $(patsubst %/,%,$(SITE))
SERVE_SITE := .serve-site
ADDRESS ?= 127.0.0.1:8000
# The published site's address, for absolute links in feeds and downloads (mkdocs.yml reads the same variable).
SITE_URL ?= $(or $(PORTAL_SITE_URL),http://127.0.0.1:8000/)
# Which builder makes the published site in ./site for `make test`: mkdocs (Material for MkDocs, the
# default) or zensical (its successor). The publishing workflow sets PORTAL_BUILDER.
BUILDER ?= $(or $(PORTAL_BUILDER),mkdocs)
ifeq ($(filter mkdocs zensical,$(BUILDER)),)
$(error BUILDER (or PORTAL_BUILDER) is "$(BUILDER)" — set it to mkdocs or zensical)
endif
# Quiets Material's notice about MkDocs 2; the portal's plan for that is in the README.
export NO_MKDOCS_2_WARNING := 1
# An empty PORTAL_SITE_URL (a pull request's check has no published address) means "not set", so
# mkdocs.yml's default address is used rather than none.
ifeq ($(strip $(PORTAL_SITE_URL)),)
unexport PORTAL_SITE_URL
endif

.PHONY: lint serve build build-zensical serve-zensical validate safeguard prepare new-minutes new-update import-minutes \
	example example-zensical benchmark test install install-dev install-zensical clean

## serve: install, check the data, build and serve the portal at http://127.0.0.1:8000/ (the search
## index is made once, when it starts: restart it to search what changed since)
serve: install
	rm -rf $(SERVE_SITE)
	$(BIN)/python -m macros build --site-url $(SITE_URL) mkdocs build --strict --quiet --site-dir $(SERVE_SITE)
	$(BIN)/python -m macros search-index --site $(SERVE_SITE) --output docs/pagefind
	rm -rf $(SERVE_SITE)
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDRESS)

# $(call build_and_swap,PROJECT,SITE): check the data, prepare docs/ and build the site with MkDocs into
# SITE.new, all in one process (python -m macros build: the data is read once), index it for search,
# then swap it in: a failed build leaves the last good site as it was.
define build_and_swap
rm -rf $(2).new
$(BIN)/python -m macros --root $(1) build --site-url $(SITE_URL) \
	mkdocs build --strict --config-file $(1)/mkdocs.yml --site-dir $(2).new || { rm -rf $(2).new; exit 1; }
$(call index_and_swap,$(2).new,$(2))
endef

# $(call index_and_swap,NEW,SITE): index the finished site NEW for search, then put it in place of
# SITE, whose old copy goes only then. Both builders' sites are indexed the same way.
define index_and_swap
$(BIN)/python -m macros search-index --site $(1) || { rm -rf $(1); exit 1; }
rm -rf $(2).old && if [ -e $(2) ]; then mv $(2) $(2).old; fi && mv $(1) $(2) && rm -rf $(2).old
endef

## build: install, check the data, build the site into ./site (stops on any warning; a failed build keeps the old
## site), then its search index
build: install
	rm -rf docs/pagefind
	$(call build_and_swap,.,$(SITE_DIR))

## build-zensical: the same as build, with Zensical instead of MkDocs (the site goes into ./site too)
build-zensical: install-zensical
	rm -rf docs/pagefind
	$(call zensical,.,$(SITE_DIR))

## serve-zensical: build and serve the portal with Zensical (after changing data/, run make prepare;
## the search index is made once, when it starts, as for serve)
serve-zensical: install-zensical
	rm -rf $(SERVE_SITE)
	PORTAL_SITE_DIR=$(SERVE_SITE) $(BIN)/python -m macros build --site-url $(SITE_URL) zensical build --strict
	$(BIN)/python -m macros search-index --site $(SERVE_SITE) --output docs/pagefind
	rm -rf $(SERVE_SITE)
	PORTAL_SITE_DIR=$(SERVE_SITE) $(BIN)/zensical serve --dev-addr $(ADDRESS)

# $(call zensical,PROJECT,SITE): build a project with Zensical into a new folder inside the project
# (Zensical writes nowhere else: it has no --site-dir), then index it and swap it in for SITE, as
# build_and_swap does.
define zensical
rm -rf $(1)/.zensical-site
PORTAL_SITE_DIR=.zensical-site $(BIN)/python -m macros --root $(1) build --site-url $(SITE_URL) \
	zensical build --strict --config-file $(1)/mkdocs.yml || { rm -rf $(1)/.zensical-site; exit 1; }
$(call index_and_swap,$(1)/.zensical-site,$(2))
endef

## validate: check every data file and minutes file, and list every problem
validate: install
	$(BIN)/python -m macros validate

## safeguard: look through data/ for likely personal data about children and families (every build runs it first)
safeguard: install
	$(BIN)/python -m macros safeguard

## prepare: write what every builder publishes from the data into docs/ (git-ignored): a page per
## recommendation and minutes file, the downloads, feeds and calendar (docs/data/), and the JSON
## Schemas of the data files (docs/schemas/, which editors use too)
prepare: install
	$(BIN)/python -m macros prepare --site-url $(SITE_URL)

## new-minutes: start a minutes file, e.g. make new-minutes MEETING=cypssc-2019-06-19 ITEM=5
new-minutes: install
	$(BIN)/python -m macros new-minutes --meeting "$(MEETING)" --item "$(ITEM)"

## new-update: start a progress update, e.g. make new-update RECOMMENDATION=ofsted-2019-r03 DATE=2019-09-11
new-update: install
	$(BIN)/python -m macros new-update --recommendation "$(RECOMMENDATION)" --date "$(DATE)"

## import-minutes: turn an export (text, saved web page or Word .docx) into minutes files, one per item, e.g. make import-minutes FILE=export.html MEETING=cypssc-2019-06-19 (add ITEMS=3,5 for only some items, AGENDA=drop to leave out the agenda text)
import-minutes: install
	$(BIN)/python -m macros import-minutes "$(FILE)" --meeting "$(MEETING)" --items "$(or $(ITEMS),$(ITEM))" --agenda "$(or $(AGENDA),keep)"

## example: check and build the FICTIONAL example council (examples/harrowmere) into ./site-example
example: install
	$(call build_and_swap,examples/harrowmere,$(CURDIR)/site-example)

## example-zensical: the same, with Zensical
example-zensical: install-zensical
	$(call zensical,examples/harrowmere,site-example)

## benchmark: time the check and the build, weigh the pages, and compare them with their targets
benchmark: install-dev
	$(BIN)/python tests/benchmark.py --write

## lint: check the code of macros/ with ruff (lint and formatting) and mypy (types; settings in pyproject.toml)
lint: install-dev
	$(BIN)/ruff check macros
	$(BIN)/ruff format --check macros
	$(BIN)/mypy

## test: install the test tools too, check the code and the data, build the site (as build does, or
## build-zensical with BUILDER=zensical), then run every test (both builders' sites among them)
test: install-dev install-zensical lint $(if $(filter zensical,$(BUILDER)),build-zensical,build)
	$(BIN)/python -m pytest

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev
install-zensical: $(VENV)/.installed-zensical

$(VENV)/.installed: requirements.txt constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "The portal needs Python 3.11 or newer: $(PYTHON) is older."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(VENV)/.installed-zensical: $(VENV)/.installed requirements-zensical.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

clean:
	rm -rf $(VENV) $(SITE) site-example .pytest_cache $(SERVE_SITE) docs/pagefind .zensical-site examples/harrowmere/.zensical-site
