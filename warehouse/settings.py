"""Where the warehouse lives. One place for the paths and the environment variables that move them.

- `ANNUAL_REPORTS_WAREHOUSE`: the DuckDB file ingestion writes
  (default `warehouse/annual_reports.duckdb` inside the project);
- `ANNUAL_REPORTS_PUBLISHED`: the copy analysts read
  (default `published/annual_reports.duckdb` beside the warehouse file).
"""

from __future__ import annotations

import os
from pathlib import Path

WAREHOUSE_ENV = "ANNUAL_REPORTS_WAREHOUSE"
PUBLISHED_ENV = "ANNUAL_REPORTS_PUBLISHED"
PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_WAREHOUSE = PACKAGE_DIR / "annual_reports.duckdb"
SCHEMA_SQL = PACKAGE_DIR / "schema.sql"
VIEWS_SQL = PACKAGE_DIR / "views.sql"
QUERY_DIR = PACKAGE_DIR / "queries"


def warehouse_path() -> Path:
    """The warehouse file: `$ANNUAL_REPORTS_WAREHOUSE` or `warehouse/annual_reports.duckdb`."""
    configured = os.environ.get(WAREHOUSE_ENV, "").strip()
    return Path(configured).expanduser() if configured else DEFAULT_WAREHOUSE


def published_path() -> Path:
    """The analysts' copy: `$ANNUAL_REPORTS_PUBLISHED` or `published/<warehouse file name>` beside
    the warehouse file."""
    configured = os.environ.get(PUBLISHED_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    source = warehouse_path()
    return source.parent / "published" / source.name
