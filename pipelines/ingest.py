"""`annual-reports ingest`: run the Dagster assets over a folder of PDFs.

Each new or changed PDF (by sha256, against what the warehouse already holds) becomes a dynamic
partition and one run of parse -> extract -> checks -> load, recorded in the project's Dagster
instance so the UI shows it later. Several reports run at once, each run in-process in one of a
few worker processes (`ANNUAL_REPORTS_WORKERS`, default: the CPUs, at most 4); their warehouse
loads still take turns (the instance's `warehouse` pool and DuckDB's single writer). Unchanged
files are skipped, so running again changes nothing. A file that cannot be read is quarantined
by the asset that found it out (a row in the `quarantine` table, a copy of the file in the
quarantine folder; the file itself is left where it is); the summary reports it from the
observation the asset records, and it never stops the other reports."""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import dagster as dg

from extractors.corrections import corrections_sha256
from extractors.pdf.isolate import main_module_hidden
from extractors.pdf.read import file_sha256
from pipelines.assets import BAD_CORRECTIONS
from pipelines.definitions import VIEWS_JOB, build_definitions
from pipelines.partitions import REPORTS, partition_key
from pipelines.quarantine import quarantine_of
from pipelines.resources import PROJECT, ReportsFolder, WarehouseResource, default_resources
from pipelines.sensors import INGEST_JOB, run_key

DAGSTER_HOME = PROJECT / ".dagster_home"
STALE_CHECK = "corrections_still_match"  # its description names every stale correction
WORKERS_ENV = "ANNUAL_REPORTS_WORKERS"
# Dagster's step log (page warnings, a quarantined file's failure) goes to the run's record and
# the UI; the terminal gets the summary table, which carries each report's outcome and reason.
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


@dataclass
class Outcome:
    file: str
    status: str  # ingested | replaced | superseded | unchanged | quarantined | blocked | failed
    detail: str = ""
    checks_passed: int = 0
    checks_failed: int = 0
    checks_warned: int = 0
    review: str = ""  # blocked: the path of its review page
    pages: int = 0  # of the report, once parsed


class ReportProgress(Protocol):
    """Told how many reports will run, then of each one's outcome as it finishes."""

    def start(self, total: int) -> None: ...

    def finished(self, outcome: Outcome) -> None: ...


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


def _known(
    warehouse: WarehouseResource,
) -> tuple[dict[tuple[str, str], tuple[str, str | None]], set[tuple[str, str]]]:
    """(file, sha256) already loaded -> (report id, sha256 of the corrections file applied), and
    the (file, sha256) pairs already quarantined."""
    conn = warehouse.connect()
    try:
        rows = conn.execute(
            "SELECT source_file, sha256, report_id, corrections_sha256 FROM reports"
        ).fetchall()
        quarantined = set(conn.execute("SELECT file, sha256 FROM quarantine").fetchall())
    finally:
        conn.close()
    return {
        (file, sha): (report_id, applied) for file, sha, report_id, applied in rows
    }, quarantined


def _failure(result: dg.ExecuteInProcessResult) -> tuple[str, str]:
    """(reason, message) of the step that failed: the reason is "failed" unless the step failed on
    purpose with a typed reason in its metadata (report_records on a bad corrections file)."""
    for event in result.get_step_failure_events():
        data = event.step_failure_data
        user = data.user_failure_data
        if user is not None and "reason" in user.metadata:
            metadata = user.metadata
            message = metadata["message"].value if "message" in metadata else user.description
            return str(metadata["reason"].value), str(message or "")
        if data.error is not None:
            return "failed", data.error.message.strip().splitlines()[0]
    return "failed", "the run failed"


def _version_outcome(result: dg.ExecuteInProcessResult) -> tuple[str, str]:
    """('ingested' | 'replaced' | 'superseded', detail) from the load's materialization."""
    for event in result.get_asset_materialization_events():
        materialization = event.materialization if event.is_step_materialization else None
        if materialization is None or materialization.asset_key.path[-1] != "warehouse_tables":
            continue
        metadata = materialization.metadata
        outcome = str(metadata["outcome"].value) if "outcome" in metadata else "ingested"
        report_id = metadata["report_id"].value if "report_id" in metadata else "?"
        if outcome == "replaced" and "replaced" in metadata:
            return outcome, f"new version of {report_id}, replaced {metadata['replaced'].value}"
        if outcome == "superseded" and "superseded_by" in metadata:
            other = metadata["superseded_by"].value
            return outcome, f"also reads as {report_id}; {other} is newer and stays (not loaded)"
        return outcome, ""
    return "ingested", ""


def _checks(result: dg.ExecuteInProcessResult) -> tuple[int, int, list[str], list[str], str]:
    """(passed, failed, names of the checks that warned, names of the failed blocking checks,
    the review page the failed checks point to)."""
    passed, failed, warnings, names, review = 0, 0, [], [], ""
    for evaluation in result.get_asset_check_evaluations():
        if evaluation.passed:
            passed += 1
        elif evaluation.severity == dg.AssetCheckSeverity.WARN:
            stale = evaluation.check_name == STALE_CHECK and evaluation.description
            warnings.append(f"{evaluation.check_name} ({evaluation.description})" if stale
                            else evaluation.check_name)  # fmt: skip
        else:
            failed += 1
            names.append(evaluation.check_name)
            if "review" in evaluation.metadata:
                review = str(evaluation.metadata["review"].value)
    return passed, failed, warnings, names, review


def run_report(
    dagster: dg.DagsterInstance,
    resources: dict[str, Any],
    path: Path,
    sha256: str,
    corrections_sha256: str | None = None,
) -> Outcome:
    """One Dagster run (parse -> extract -> checks -> load) of one report partition."""
    key = partition_key(path)
    job = build_definitions(resources).resolve_job_def(INGEST_JOB)
    result = job.execute_in_process(
        partition_key=key,
        instance=dagster,
        raise_on_error=False,
        run_config=QUIET,
        tags={
            "sha256": sha256,
            "source_file": path.name,
            "dagster/run_key": run_key(key, sha256, corrections_sha256),
        },
    )
    pages = _pages(result)
    quarantined = quarantine_of(result)  # the asset recorded it and kept a copy
    if quarantined:
        reason, message = quarantined
        return Outcome(path.name, "quarantined", f"{reason}: {message}", pages=pages)
    passed, failed, warnings, failing, review = _checks(result)
    warned = len(warnings)
    said = "; warned: " + ", ".join(warnings) if warnings else ""
    if result.success:
        status, detail = _version_outcome(result)
        detail = (detail + said).removeprefix("; ")
        return Outcome(path.name, status, detail, passed, failed, warned, pages=pages)
    if failing:
        detail = "blocked by checks: " + ", ".join(failing) + said
        return Outcome(path.name, "blocked", detail, passed, failed, warned, review, pages)
    reason, message = _failure(result)
    if reason == BAD_CORRECTIONS:  # nothing quarantined: the reviewer fixes the file
        problems = "; ".join(message.splitlines())  # one line: the summary is one per report
        return Outcome(path.name, "failed", f"bad corrections file: {problems}", pages=pages)
    return Outcome(path.name, "failed", message, passed, failed, pages=pages)


def _pages(result: dg.ExecuteInProcessResult) -> int:
    """The report's page count, from the parse step's materialization (0 if it did not parse)."""
    for event in result.get_asset_materialization_events():
        materialization = event.materialization if event.is_step_materialization else None
        if materialization is not None and materialization.asset_key.path[-1] == "parsed_report":
            pages = materialization.metadata.get("pages")
            return int(str(pages.value)) if pages is not None else 0
    return 0


def default_workers() -> int:
    """`ANNUAL_REPORTS_WORKERS`, else the CPUs this process may use (at most 4: each worker
    holds Dagster, DuckDB and a spaCy pipeline, and its parse child may use `max_memory_mb`)."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        try:
            workers = int(configured)
        except ValueError:
            raise ValueError(f"{WORKERS_ENV} must be a whole number, not {configured!r}") from None
        if workers < 1:
            raise ValueError(f"{WORKERS_ENV} must be at least 1, not {workers}")
        return workers
    return max(1, min(len(os.sched_getaffinity(0)), 4))


# ------------------------------------------------------------------ worker processes
_WORKER: dict[str, Any] = {}


def _start_worker(
    reports_dir: str, warehouse: str, model: str, home: str, corrections: str, level: int
) -> None:
    # the caller's log level: library log lines a worker would print otherwise stay quiet
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    os.environ["DAGSTER_HOME"] = home
    _WORKER["dagster"] = instance()
    _WORKER["resources"] = default_resources(
        Path(reports_dir), Path(warehouse), model, Path(corrections)
    )


def _worker_run(path: str, sha256: str, corrections_sha256: str | None) -> Outcome:
    return run_report(
        _WORKER["dagster"], _WORKER["resources"], Path(path), sha256, corrections_sha256
    )


def _run_parallel(
    todo: list[tuple[Path, str, str | None]],
    resources: dict[str, Any],
    workers: int,
    on_progress: Callable[[str], None],
    progress: ReportProgress | None = None,
) -> dict[str, Outcome]:
    """Each report's run in one of `workers` processes, largest file first. The warehouse
    writes stay one at a time: the `warehouse` pool of the instance, and DuckDB's lock."""
    reports: ReportsFolder = resources["reports"]
    store: WarehouseResource = resources["warehouse"]
    home = os.environ["DAGSTER_HOME"]
    outcomes: dict[str, Outcome] = {}
    order = sorted(todo, key=lambda item: -item[0].stat().st_size)
    context = mp.get_context("spawn")  # a fresh interpreter: no inherited threads or locks
    with ProcessPoolExecutor(
        workers, context, initializer=_start_worker,
        initargs=(str(reports.folder), store.path, resources["nlp"].model, home,
                  str(reports.corrections_folder), logging.getLogger().getEffectiveLevel()),
    ) as pool:  # fmt: skip
        # the workers start at the first submissions; they need nothing from the caller's main
        # module (a script without a __main__ guard would otherwise run again in each)
        with main_module_hidden():
            futures = {
                pool.submit(_worker_run, str(path), sha, fixes): path for path, sha, fixes in order
            }
        for future in as_completed(futures):
            path = futures[future]
            try:
                outcome = future.result()
            except BrokenProcessPool as exc:
                outcome = Outcome(path.name, "failed", f"the worker process died: {exc}")
            except Exception as exc:  # one report's failure never stops the others
                outcome = Outcome(path.name, "failed", f"{type(exc).__name__}: {exc}")
            outcomes[path.name] = outcome
            on_progress(f"[{len(outcomes)}/{len(todo)}] {path.name}: {outcome.status}")
            if progress is not None:
                progress.finished(outcome)
    return outcomes


def ingest_folder(
    reports_dir: Path | None = None,
    warehouse: Path | None = None,
    model: str = "",
    on_progress: Callable[[str], None] = lambda message: None,
    workers: int | None = None,
    corrections: Path | None = None,
    progress: ReportProgress | None = None,
) -> Summary:
    """Ingest every new or changed PDF of the folder; `workers` reports at a time (default
    `default_workers()`), each in a Dagster run of its own; a single report runs in this
    process. A report loaded before whose corrections file (in `corrections`, default the
    `corrections` folder beside the reports folder) changed, appeared or went away is changed
    too. `progress` hears how many reports will run and each outcome as it comes. A folder or
    warehouse folder given that does not exist is a `ValueError`, never an empty run or a new
    empty warehouse."""
    if reports_dir is not None and not Path(reports_dir).is_dir():
        raise ValueError(f"reports folder {reports_dir} does not exist or is not a folder")
    if warehouse is not None and not Path(warehouse).parent.is_dir():
        raise ValueError(f"the folder of warehouse {warehouse} does not exist")
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    resources: dict[str, Any] = default_resources(reports_dir, warehouse, model, corrections)
    reports: ReportsFolder = resources["reports"]
    store: WarehouseResource = resources["warehouse"]
    dagster = instance()
    loaded, quarantined = _known(store)
    held_back = {sha for _, sha in quarantined}
    summary = Summary()
    found: dict[str, Outcome | None] = {}
    todo: list[tuple[Path, str, str | None]] = []
    for path in reports.pdfs():
        sha256 = file_sha256(path)
        report_id, applied = loaded.get((path.name, sha256), ("", None))
        fixes = corrections_sha256(reports.corrections_folder, report_id) if report_id else None
        if report_id and fixes == applied:
            found[path.name] = Outcome(path.name, "unchanged")
        elif sha256 in held_back:  # the same bytes, under whatever name
            found[path.name] = Outcome(
                path.name, "quarantined", "already quarantined (annual-reports quarantine retry)"
            )
        else:
            found[path.name] = None
            todo.append((path, sha256, fixes))
    if todo:
        dagster.add_dynamic_partitions(REPORTS, [partition_key(path) for path, _, _ in todo])
    workers = min(workers or default_workers(), len(todo))
    if progress is not None:
        progress.start(len(todo))
    if workers > 1:
        on_progress(f"{len(todo)} reports to ingest, {workers} at a time")
        found.update(_run_parallel(todo, resources, workers, on_progress, progress))
    else:
        for n, (path, sha256, fixes) in enumerate(todo, 1):
            on_progress(f"[{n}/{len(todo)}] {path.name}: parsing, extracting, checking, loading")
            found[path.name] = outcome = run_report(dagster, resources, path, sha256, fixes)
            on_progress(f"[{n}/{len(todo)}] {path.name}: {outcome.status}")
            if progress is not None:
                progress.finished(outcome)
    summary.outcomes = [o for o in found.values() if o is not None]
    if summary.changed:
        views = build_definitions(resources).resolve_job_def(VIEWS_JOB)
        views.execute_in_process(instance=dagster, run_config=QUIET)
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
