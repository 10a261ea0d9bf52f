# The portal's commands. The README, .ci/run and (later) the publishing workflow all call these,
# so what runs locally, in CI and before publishing cannot drift apart.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE   ?= site
ADDRESS ?= 127.0.0.1:8000
# Quiets Material's notice about MkDocs 2; the portal's plan for that is in the README.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build validate pages test install install-dev clean example

## serve: install, check the data, build and serve the portal at http://127.0.0.1:8000/
serve: install validate
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDRESS)

## build: install, check the data, and build the site into ./site (stops on any warning)
build: install validate
	$(BIN)/mkdocs build --strict --site-dir $(SITE)

## validate: check every data file, minutes file and page, and list every problem
validate: install
	$(BIN)/python -m macros validate

## pages: create or remove the small pages in docs/ that show each recommendation and minutes file
pages: install
	$(BIN)/python -m macros pages

## example: check and build the FICTIONAL example council (examples/harrowmere) into ./site-example
example: install
	$(BIN)/python -m macros --root examples/harrowmere validate
	$(BIN)/mkdocs build --strict -f examples/harrowmere/mkdocs.yml --site-dir $(CURDIR)/site-example

## test: install the test tools too, then run the whole test suite
test: install-dev
	$(BIN)/python -m pytest

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "The portal needs Python 3.11 or newer: $(PYTHON) is older."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) $(SITE) site-example .pytest_cache
