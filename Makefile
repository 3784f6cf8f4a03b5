# Two entry points a fresh clone needs: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Set everything up and build the site from seeds/ into site/.
site: $(STAMP)
	$(BIN)/dossier build

## Set everything up and run the tests.
test: $(STAMP)
	$(BIN)/python -m pytest

## Preview with live reload on http://127.0.0.1:8000/.
serve: $(STAMP)
	$(BIN)/mkdocs serve

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

clean:
	rm -rf site .dossier
