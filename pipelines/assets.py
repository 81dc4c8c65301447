"""The assets: a report PDF -> its document model -> its records -> its rows in the warehouse,
and the analysts' views over all reports."""

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from extractors.corrections import CorrectionsError, correct
from extractors.errors import Reason, UnreadableReport
from extractors.extract import Extraction, extract_document
from extractors.model import Document
from extractors.pdf.isolate import read_document_isolated
from extractors.pdf.read import file_sha256
from extractors.recognize import missing_for_a_report
from extractors.settings import Settings
from pipelines.metadata import column_schema, frame_table, rows_table
from pipelines.partitions import file_for_partition, reports_partitions
from pipelines.quarantine import hold_back
from pipelines.resources import NlpResource, ReportsFolder, WarehouseResource
from warehouse.catalog import relations
from warehouse.dashboard import write_dashboard
from warehouse.frames import frames as table_frames
from warehouse.frames import report_row
from warehouse.load import record_report_file, replace_report
from warehouse.publish import publish

WAREHOUSE_POOL = "warehouse"
BAD_CORRECTIONS = "bad_corrections"  # the reason of a run failed by its corrections file
_PREVIEW_ROWS = 10
_LOGGED_WARNINGS = 200


def _preview(rows: list[dict[str, Any]], columns: list[str]) -> dg.MetadataValue:
    """The first rows as a table the UI shows in place; a missing value is an empty cell."""
    return rows_table(rows, columns, limit=_PREVIEW_ROWS)


def read_report(path: Path) -> Document:
    """Parse in a child process within the limits of `Settings` (pages, seconds, memory); a
    report without any text at all (scanned, image-only) cannot be ingested either."""
    document = read_document_isolated(path, Settings.from_env())
    if not document.has_text:
        raise UnreadableReport(
            Reason.NO_TEXT,
            f"no text in any of its {document.page_count} pages (scanned or image-only; needs OCR)",
            path=str(path),
        )
    return document


@dg.asset(
    partitions_def=reports_partitions, group_name="reports", kinds={"pdf"}, output_required=False
)
def parsed_report(
    context: dg.AssetExecutionContext, reports: ReportsFolder, warehouse: WarehouseResource
) -> Iterator[dg.Output[Document]]:
    """The report's document model: pages, blocks in reading order, tables, sections.

    A file that cannot be read (or has no text) is quarantined: recorded in the warehouse's
    `quarantine` table and copied to the quarantine folder (the file stays where it is); the
    run's log says so in one line, and the steps after this one, checks included, are skipped.
    """
    path = file_for_partition(reports.folder, context.partition_key)
    started = time.perf_counter()
    try:
        document = read_report(path)
    except UnreadableReport as exc:
        hold_back(context, path, file_sha256(path), exc.reason.value, exc.message, reports,
                  warehouse)  # fmt: skip
        return
    if document.warnings:  # one event for all of them: each event is a write to the run's log
        shown = "\n".join(f"- {w}" for w in document.warnings[:_LOGGED_WARNINGS])
        more = len(document.warnings) - _LOGGED_WARNINGS
        context.log.warning(
            f"{len(document.warnings)} warning(s) while reading {path.name}:\n{shown}"
            + (f"\n- ... and {more} more" if more > 0 else "")
        )
    metadata = {
        "report_id": document.report_id,
        "sha256": document.sha256,
        "pages": document.page_count,
        "sections": len(document.sections),
        "tables": sum(len(p.tables) for p in document.pages),
        "warnings": len(document.warnings),
        "seconds": round(time.perf_counter() - started, 3),
    }
    yield dg.Output(document, metadata=metadata)


@dg.asset(
    partitions_def=reports_partitions, group_name="reports", kinds={"spacy"}, output_required=False
)
def report_records(
    context: dg.AssetExecutionContext,
    parsed_report: Document,
    nlp: NlpResource,
    reports: ReportsFolder,
    warehouse: WarehouseResource,
) -> Iterator[dg.Output[Extraction]]:
    """Every record the rules and spaCy find in the report, with provenance, and the
    reviewer's corrections to them (`corrections/<report id>.yaml`, when there is one).

    A document that is no annual report (`extractors.recognize`: no publisher, no year, no
    member overview, or no activities and figures) is quarantined as `not_a_report`, with what
    it lacked as the message; the checks and the load are skipped: none of its rows reach the
    warehouse. A corrections file that cannot be used fails the step with every problem and
    its line."""
    started = time.perf_counter()
    extraction = extract_document(parsed_report, nlp=nlp.load())
    missing = missing_for_a_report(extraction)
    if missing:
        path = file_for_partition(reports.folder, context.partition_key)
        message = "not an annual report: " + "; ".join(missing)
        hold_back(context, path, parsed_report.sha256, Reason.NOT_A_REPORT.value, message,
                  reports, warehouse)  # fmt: skip
        return
    try:
        extraction = correct(extraction, reports.corrections_folder)
    except CorrectionsError as exc:
        raise dg.Failure(
            description=f"bad corrections file: {exc}",
            metadata={"reason": BAD_CORRECTIONS, "message": str(exc)},
            allow_retries=False,
        ) from exc
    data = extraction.to_dict()
    metadata: dict[str, Any] = {
        f"records/{key}": len(records) for key, records in extraction.record_lists().items()
    }
    metadata["seconds"] = round(time.perf_counter() - started, 3)
    metadata["members preview"] = _preview(
        data["members"], ["name", "country", "region", "member_type", "page"]
    )
    metadata["figures preview"] = _preview(data["figures"], ["value", "qualifier", "label", "page"])
    applied = extraction.corrections
    if applied is not None:
        metadata["corrections"] = dg.MetadataValue.path(
            str(reports.corrections_folder / Path(applied.file).name)
        )
        metadata["corrections applied"] = sum(n.status == "applied" for n in applied.notes)
        metadata["corrections stale"] = len(applied.stale)
        metadata["corrections log"] = rows_table(
            [{"line": n.at, "action": n.action, "record": n.key or n.record_type,
              "status": n.status, "detail": n.detail} for n in applied.notes],
            ["line", "action", "record", "status", "detail"], limit=len(applied.notes),
        )  # fmt: skip
    yield dg.Output(extraction, metadata=metadata)


def _version(
    conn: duckdb.DuckDBPyConnection, folder: Path, path: Path, report_id: str
) -> tuple[str, str | None]:
    """(outcome, the other file) for loading `path` as `report_id`: 'ingested' when the report is
    new, 'replaced' when it was loaded from another file (or other bytes) before, 'superseded'
    when the file it is loaded from is still in the folder and newer (by modification time, then
    name): two files claiming one report end the same whichever run finishes first."""
    loaded = conn.execute(
        "SELECT source_file FROM reports WHERE report_id = ?", [report_id]
    ).fetchall()  # fetch to the end: DuckDB keeps an open result otherwise
    if not loaded:
        return "ingested", None
    other = folder / str(loaded[0][0])
    if other.name != path.name and other.is_file():
        mine, theirs = path.stat().st_mtime, other.stat().st_mtime
        if (theirs, other.name) > (mine, path.name):
            return "superseded", other.name
    return "replaced", other.name


@dg.asset(
    partitions_def=reports_partitions,
    group_name="warehouse",
    kinds={"duckdb"},
    pool=WAREHOUSE_POOL,
)
def warehouse_tables(
    context: dg.AssetExecutionContext,
    report_records: Extraction,
    warehouse: WarehouseResource,
    reports: ReportsFolder,
) -> dg.MaterializeResult:  # type: ignore[type-arg]
    """The report's rows in every fact table, replaced in one transaction, then published.

    Every file is recorded in `report_files`. A file whose report id is already loaded from
    another file replaces it as a new version (`replaced`, the previous file named), unless that
    file is still in the folder and newer: then this one is `superseded` and not loaded."""
    started = time.perf_counter()
    frames = table_frames(report_records)
    row = report_row(report_records)
    report_id = row["report_id"]
    path = file_for_partition(reports.folder, context.partition_key)
    conn = warehouse.connect()
    try:
        outcome, other = _version(conn, reports.folder, path, report_id)
        counts = {}
        if outcome != "superseded":
            counts = replace_report(conn, report_id, frames, row)
        else:
            context.log.warning(
                f"{path.name} and {other} both read as {report_id}; {other} is newer and stays"
            )
        record_report_file(
            conn, path, row["sha256"], outcome, report_id=report_id,
            previous_file=other if outcome == "replaced" else None,
            detail=f"{other} is newer" if outcome == "superseded" else None,
            run_id=context.run.run_id,
        )  # fmt: skip
        regions = conn.execute(
            "SELECT * FROM members_by_region WHERE report_id = ?", [report_id]
        ).df()
        schema = column_schema(conn, relations(conn, "table"))
        publish(warehouse.path, warehouse.published_path, conn=conn)
    finally:
        conn.close()
    metadata: dict[str, Any] = {f"rows/{table}": n for table, n in counts.items()}
    metadata["dagster/row_count"] = sum(counts.values())
    metadata["dagster/column_schema"] = schema
    metadata.update(
        report_id=report_id,
        sha256=row["sha256"],
        source_file=row["source_file"],
        outcome=outcome,
        seconds=round(time.perf_counter() - started, 3),
        members_by_region=frame_table(regions),
    )
    if other:
        metadata["replaced" if outcome == "replaced" else "superseded_by"] = other
    return dg.MaterializeResult(metadata=metadata)


@dg.asset(
    deps=[warehouse_tables],
    group_name="warehouse",
    kinds={"duckdb"},
    pool=WAREHOUSE_POOL,
    automation_condition=dg.AutomationCondition.eager(),
)
def analyst_views(warehouse: WarehouseResource) -> dg.MaterializeResult:  # type: ignore[type-arg]
    """The analysts' views over all reports (member_changes, members_by_region, ...), refreshed
    and published, and the year in pictures (`dashboard.html` beside the published copy)."""
    conn = warehouse.connect()
    try:
        views = [
            name
            for (name,) in conn.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY view_name"
            ).fetchall()
        ]
        counts = {v: conn.execute(f'SELECT count(*) FROM "{v}"').fetchone()[0] for v in views}
        reports = conn.execute(
            "SELECT report_id, year, source_file FROM reports ORDER BY year, report_id"
        ).df()
        schema = column_schema(conn, views)
        publish(warehouse.path, warehouse.published_path, conn=conn)
    finally:
        conn.close()
    page = write_dashboard(
        warehouse.published_path.parent / "dashboard.html", warehouse.published_path
    )
    metadata: dict[str, Any] = {f"rows/{view}": n for view, n in counts.items()}
    metadata["dagster/row_count"] = sum(counts.values())
    metadata["dagster/column_schema"] = schema
    metadata["reports"] = frame_table(reports)
    metadata["dashboard"] = dg.MetadataValue.path(str(page))
    return dg.MaterializeResult(metadata=metadata)
