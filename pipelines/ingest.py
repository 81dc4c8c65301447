"""`annual-reports ingest`: run the Dagster assets in-process over a folder of PDFs.

Each new or changed PDF (by sha256, against what the warehouse already holds) becomes a dynamic
partition and one in-process run of parse -> extract -> checks -> load, recorded in the project's
Dagster instance so the UI shows it later. Unchanged files are skipped, so running again changes
nothing. A file that cannot be read is quarantined by the `parsed_report` asset itself (a row in
the `quarantine` table, the file moved to the quarantine folder); the summary reports it from the
failure's metadata, and it never stops the other reports."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dagster as dg

from extractors.pdf.read import file_sha256
from pipelines.assets import analyst_views
from pipelines.checks import CHECKS
from pipelines.definitions import REPORT_ASSETS
from pipelines.partitions import REPORTS, partition_key
from pipelines.resources import PROJECT, ReportsFolder, WarehouseResource, default_resources

DAGSTER_HOME = PROJECT / ".dagster_home"
# Dagster's own step log goes to the run's record (and the UI); the terminal gets warnings only.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


@dataclass
class Outcome:
    file: str
    status: str  # ingested | unchanged | quarantined | blocked | failed
    detail: str = ""
    checks_passed: int = 0
    checks_failed: int = 0
    checks_warned: int = 0


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def changed(self) -> bool:
        return any(o.status != "unchanged" for o in self.outcomes)


def instance() -> dg.DagsterInstance:
    """The project's Dagster instance (DAGSTER_HOME defaults to .dagster_home in the project)."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(DAGSTER_HOME)))
    home.mkdir(parents=True, exist_ok=True)
    return dg.DagsterInstance.get()


def _known(warehouse: WarehouseResource) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(file, sha256) pairs already loaded, and those already quarantined."""
    conn = warehouse.connect()
    try:
        loaded = set(conn.execute("SELECT source_file, sha256 FROM reports").fetchall())
        quarantined = set(conn.execute("SELECT file, sha256 FROM quarantine").fetchall())
    finally:
        conn.close()
    return loaded, quarantined


def _failure(result: dg.ExecuteInProcessResult) -> tuple[str, str]:
    """(reason, message) of the step that failed: the reason is "failed" unless the step failed on
    purpose with a typed reason in its metadata (parsed_report has then quarantined the file)."""
    for event in result.get_step_failure_events():
        data = event.step_failure_data
        user = data.user_failure_data
        if user is not None and "reason" in user.metadata:
            metadata = user.metadata
            message = metadata["message"].value if "message" in metadata else user.description
            moved = metadata["quarantined_to"].value if "quarantined_to" in metadata else None
            detail = f"{message}; moved to {moved}" if moved else str(message or "")
            return str(metadata["reason"].value), detail
        if data.error is not None:
            return "failed", data.error.message.strip().splitlines()[0]
    return "failed", "the run failed"


def _checks(result: dg.ExecuteInProcessResult) -> tuple[int, int, int, list[str]]:
    """(passed, failed, warned, names of the failed blocking checks)."""
    passed, failed, warned, names = 0, 0, 0, []
    for evaluation in result.get_asset_check_evaluations():
        if evaluation.passed:
            passed += 1
        elif evaluation.severity == dg.AssetCheckSeverity.WARN:
            warned += 1
        else:
            failed += 1
            names.append(evaluation.check_name)
    return passed, failed, warned, names


def ingest_folder(
    reports_dir: Path | None = None,
    warehouse: Path | None = None,
    model: str = "",
    on_progress: Callable[[str], None] = lambda message: None,
) -> Summary:
    resources: dict[str, Any] = default_resources(reports_dir, warehouse, model)
    reports: ReportsFolder = resources["reports"]
    store: WarehouseResource = resources["warehouse"]
    dagster = instance()
    loaded, quarantined = _known(store)
    summary = Summary()
    for path in reports.pdfs():
        sha256 = file_sha256(path)
        if (path.name, sha256) in loaded:
            summary.outcomes.append(Outcome(path.name, "unchanged"))
            continue
        if (path.name, sha256) in quarantined:
            summary.outcomes.append(Outcome(path.name, "quarantined", "already quarantined"))
            continue
        key = partition_key(path)
        on_progress(f"{path.name}: parsing, extracting, checking, loading")
        dagster.add_dynamic_partitions(REPORTS, [key])
        result = dg.materialize(
            [*REPORT_ASSETS, *CHECKS],
            partition_key=key,
            instance=dagster,
            resources=resources,
            raise_on_error=False,
            run_config=QUIET,
            tags={"sha256": sha256, "source_file": path.name, "dagster/run_key": f"{key}:{sha256}"},
        )
        passed, failed, warned, failing = _checks(result)
        if result.success:
            summary.outcomes.append(Outcome(path.name, "ingested", "", passed, failed, warned))
        elif failing:
            detail = "blocked by checks: " + ", ".join(failing)
            summary.outcomes.append(Outcome(path.name, "blocked", detail, passed, failed, warned))
        else:
            reason, message = _failure(result)
            if reason != "failed":  # parsed_report recorded it and moved the file
                summary.outcomes.append(Outcome(path.name, "quarantined", f"{reason}: {message}"))
            else:
                summary.outcomes.append(Outcome(path.name, "failed", message, passed, failed))
        on_progress(f"{path.name}: {summary.outcomes[-1].status}")
    if summary.changed:
        dg.materialize([analyst_views], instance=dagster, resources=resources, run_config=QUIET)
    conn = store.connect()
    try:
        tables = [t for (t,) in conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT internal ORDER BY table_name"
        ).fetchall()]  # fmt: skip
        summary.rows = {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
        }
    finally:
        conn.close()
    return summary
