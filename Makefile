# Two entry points a fresh clone needs: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test test-fast serve lint typecheck check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Set everything up and build the site from seeds/ into site/.
site: $(STAMP)
	$(BIN)/dossier build

## Set everything up and run the tests; skipped tests are listed with the reason (the browser
## tests skip when Chromium is not installed: `apt-get install chromium`).
test: $(STAMP)
	$(BIN)/python -m pytest -rs

## Preview with live reload on http://127.0.0.1:8000/.
serve: $(STAMP)
	$(BIN)/mkdocs serve

## The quick loop while editing: the tests without the slow and the browser ones (seconds).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

## Lint and formatting (ruff).
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

## Type check (mypy, strict; settings in pyproject.toml).
typecheck: $(STAMP)
	$(BIN)/mypy

## Everything CI runs: lint, format check, type check, then the tests (`make test`).
check: lint typecheck test

clean:
	rm -rf site .dossier
