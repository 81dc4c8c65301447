"""Resources: where the reports are, where the warehouse is, which spaCy pipeline to use.

Environment variables set the defaults: `ANNUAL_REPORTS_DIR` (default `raw_reports`),
`ANNUAL_REPORTS_QUARANTINE` (default `quarantine/` beside the warehouse file),
`ANNUAL_REPORTS_CORRECTIONS` (default `corrections/` beside the reports folder),
`ANNUAL_REPORTS_WAREHOUSE` (default `warehouse/annual_reports.duckdb`),
`ANNUAL_REPORTS_SPACY_MODEL`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from extractors.nlp import load_nlp
from extractors.settings import Settings
from warehouse import settings as warehouse_settings
from warehouse.load import connect_writer, ensure_schema

PROJECT = Path(__file__).resolve().parents[1]
REPORTS_ENV = "ANNUAL_REPORTS_DIR"
QUARANTINE_ENV = "ANNUAL_REPORTS_QUARANTINE"
CORRECTIONS_ENV = "ANNUAL_REPORTS_CORRECTIONS"


def default_reports_dir() -> Path:
    configured = os.environ.get(REPORTS_ENV, "").strip()
    return Path(configured).expanduser() if configured else PROJECT / "raw_reports"


class ReportsFolder(dg.ConfigurableResource):  # type: ignore[misc]
    """The folder watched for report PDFs: read, never written. A copy of every file that
    cannot be ingested is kept in `quarantine` (default: the `quarantine` folder beside the
    warehouse, see `pipelines.quarantine`). A reviewer's corrections are read from
    `corrections` (default: the `corrections` folder beside this one; `extractors.corrections`)."""

    path: str
    quarantine: str = ""
    corrections: str = ""

    @property
    def folder(self) -> Path:
        return Path(self.path)

    @property
    def corrections_folder(self) -> Path:
        return Path(self.corrections) if self.corrections else self.folder.parent / "corrections"

    def pdfs(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(
            p for p in self.folder.iterdir() if p.is_file() and p.suffix.lower() == ".pdf"
        )


class WarehouseResource(dg.ConfigurableResource):  # type: ignore[misc]
    """The DuckDB warehouse (one writer) and the published copy analysts read."""

    path: str
    published: str = ""
    lock_wait_seconds: float = 60.0  # how long a writer waits for another process's write lock

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A writing connection with the schema in place; waits while another process (another
        run, a parse step quarantining a file) holds DuckDB's single write lock."""
        conn = connect_writer(self.path, self.lock_wait_seconds)
        ensure_schema(conn)
        return conn

    @property
    def published_path(self) -> Path:
        if self.published:
            return Path(self.published)
        source = Path(self.path)
        return source.parent / "published" / source.name


class NlpResource(dg.ConfigurableResource):  # type: ignore[misc]
    """The spaCy pipeline: a package name, or 'blank' for rules only."""

    model: str = ""

    def load(self) -> Any:
        return load_nlp(self.model or Settings.from_env().spacy_model)


def default_resources(
    reports_dir: Path | None = None,
    warehouse: Path | None = None,
    model: str = "",
    corrections: Path | None = None,
) -> dict[str, Any]:
    return {
        "reports": ReportsFolder(
            path=str(reports_dir or default_reports_dir()),
            quarantine=os.environ.get(QUARANTINE_ENV, "").strip(),
            corrections=str(corrections or os.environ.get(CORRECTIONS_ENV, "").strip()),
        ),
        "warehouse": WarehouseResource(path=str(warehouse or warehouse_settings.warehouse_path())),
        "nlp": NlpResource(model=model),
    }
