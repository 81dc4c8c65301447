# Two commands set up and run everything on a fresh machine:
#   make run   - ingest raw_reports/ into the DuckDB warehouse
#   make test  - lint, type-check and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint sample-reports clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/annual-reports parse-all raw_reports

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

sample-reports: install
	$(BIN)/python -m reportgen

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
