# Two commands set up and run everything on a fresh machine:
#   make run   - ingest raw_reports/ into the DuckDB warehouse through Dagster
#   make test  - lint, type-check and run the whole test suite
# and one to watch it: make ui (the Dagster UI on http://127.0.0.1:3000)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run ui test lint sample-reports bench bench-tables matrix clean

export DAGSTER_HOME := $(CURDIR)/.dagster_home

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/annual-reports ingest

# `dagster dev` warns that it is superseded by `dg dev`, which needs the dagster-dg-cli package
# (pinned to its own dagster release, with Dagster+ tooling besides); the project runs the
# same webserver and daemon through `dagster dev` and silences that one notice, nothing else
ui: install
	PYTHONWARNINGS='ignore:Function `dev_command` is superseded:FutureWarning' \
	$(BIN)/dagster dev -m pipelines.definitions -h 127.0.0.1 -p $${PORT:-3000}

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest

sample-reports: install
	$(BIN)/python -m reportgen

# throughput and memory against a pypdfium2 floor and a naive baseline (docs/performance.md);
# about ten minutes on two cores, not part of `make test`
bench: install
	$(BIN)/python -m benchmarks

# table structure on the ICDAR 2013 competition set (../shared/tables/icdar2013, or
# $$ANNUAL_REPORTS_ICDAR2013) against camelot and pdfplumber; a few minutes, not part of `make test`
bench-tables: install
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python -m benchmarks.icdar

# the layout matrix: every dev and held-out design seed x the three contents x reportlab, Chromium
# and LibreOffice (both must be installed, as .ci/run does); F1 per record type for every cell
matrix: install
	$(BIN)/python -m benchmarks.matrix --jobs 2

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
