"""The Dagster pipeline end to end, in-process, on temporary instances and warehouses."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

import pipelines.assets
from extractors.extract import Extraction
from pipelines.checks import CHECKS
from pipelines.definitions import REPORT_ASSETS, defs
from pipelines.ingest import default_workers, ingest_folder
from pipelines.partitions import REPORTS, partition_key
from pipelines.resources import ReportsFolder, WarehouseResource, default_resources
from pipelines.sensors import raw_reports_sensor
from tests.corpus import ROOT
from tests.warehouse_snapshot import warehouse_tables

SAMPLE = ROOT / "raw_reports" / "wego_2021_annual_report.pdf"
SECOND = ROOT / "tests" / "fixtures" / "reports" / "wego_2023_annual_review.pdf"
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def _count(path: Path, table: str) -> int:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        row = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    finally:
        conn.close()
    return int(row[0]) if row else 0


def _both_reports(tmp_path: Path) -> Path:
    """A reports folder holding the two sample reports."""
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports)
    shutil.copy(SECOND, reports)
    return reports


def test_definitions_load() -> None:
    dg.Definitions.validate_loadable(defs)
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert keys == {"parsed_report", "report_records", "warehouse_tables", "analyst_views"}


@pytest.mark.slow
def test_materialize_the_sample_in_process(home: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports)
    warehouse = tmp_path / "wh.duckdb"
    instance = dg.DagsterInstance.get()
    key = partition_key(SAMPLE)
    instance.add_dynamic_partitions(REPORTS, [key])
    result = dg.materialize(
        [*REPORT_ASSETS, *CHECKS], partition_key=key, instance=instance,
        resources=default_resources(reports, warehouse, "blank"), run_config=QUIET,
    )  # fmt: skip
    assert result.success
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks["member_totals_reconcile"] and checks["no_duplicate_members"]
    assert checks["required_fields_present"] and checks["records_have_provenance"]
    # the report's own headline "7 new members" disagrees with its 8 cards: a warning, not a block
    assert checks["headline_figures_reconcile"] is False
    parsed = result.asset_materializations_for_node("parsed_report")[0].metadata
    assert parsed["pages"].value == 24
    loaded = result.asset_materializations_for_node("warehouse_tables")[0].metadata
    assert loaded["rows/members"].value == 176
    regions = loaded["members_by_region"].value
    assert isinstance(regions, dg.TableMetadataValue)  # a table the UI shows in place
    assert "Africa" in {record.data["region"] for record in regions.records}
    assert loaded["dagster/row_count"].value == sum(
        v.value for k, v in loaded.items() if k.startswith("rows/")
    )
    # the column schema is DuckDB's own: every table's columns, typed, described from the docs
    schema = loaded["dagster/column_schema"].value
    assert isinstance(schema, dg.TableSchema)
    described = {c.name: c for c in schema.columns}
    assert described["members.name"].type == "VARCHAR"
    assert described["members.page_number"].type == "INTEGER"
    assert described["reports.report_id"].description
    assert described["reports.report_id"].constraints.nullable is False
    assert {c.name.split(".")[0] for c in schema.columns} >= {"members", "reports", "quarantine"}
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    offending = checks["headline_figures_reconcile"].metadata["offending rows"]
    assert isinstance(offending, dg.TableMetadataValue) and offending.records
    assert {"scope", "stated", "extracted", "page"} <= set(offending.records[0].data)
    assert checks["headline_figures_reconcile"].severity == dg.AssetCheckSeverity.WARN
    tables = warehouse_tables(warehouse)
    assert len(tables["members"]) == 176 and len(tables["reports"]) == 1
    published = warehouse.parent / "published" / warehouse.name
    assert len(warehouse_tables(published)["members"]) == 176


def _tick(instance: dg.DagsterInstance, reports: Path, cursor: str | None) -> dg.SensorResult:
    resources = {
        "reports": ReportsFolder(path=str(reports)),
        "warehouse": WarehouseResource(path=str(reports.parent / "wh.duckdb")),
    }
    with dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources) as context:
        result = raw_reports_sensor(context)
    assert isinstance(result, dg.SensorResult)
    for request in result.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(REPORTS, list(request.partition_keys))
    return result


def test_sensor_tick_by_tick(home: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    instance = dg.DagsterInstance.get()
    empty = _tick(instance, reports, None)
    assert not empty.run_requests
    shutil.copy(SAMPLE, reports / "annual report 2021.pdf")
    first = _tick(instance, reports, empty.cursor)
    assert [r.partition_key for r in first.run_requests] == ["annual-report-2021"]
    sha = json.loads(first.cursor or "{}")["annual report 2021.pdf"][2]
    assert first.run_requests[0].run_key == f"annual-report-2021:{sha}"
    assert instance.get_dynamic_partitions(REPORTS) == ["annual-report-2021"]
    unchanged = _tick(instance, reports, first.cursor)
    assert not unchanged.run_requests and not unchanged.dynamic_partitions_requests
    (reports / "annual report 2021.pdf").touch()  # new mtime, same bytes: hashed, not re-run
    touched = _tick(instance, reports, unchanged.cursor)
    assert not touched.run_requests
    shutil.copy(SECOND, reports / "annual report 2021.pdf")  # same name, new content
    changed = _tick(instance, reports, touched.cursor)
    assert len(changed.run_requests) == 1
    assert changed.run_requests[0].run_key != first.run_requests[0].run_key
    assert not changed.dynamic_partitions_requests  # the partition already exists


@pytest.mark.slow
def test_ingest_twice_changes_nothing(home: Path, tmp_path: Path) -> None:
    reports = _both_reports(tmp_path)
    warehouse = tmp_path / "wh.duckdb"
    first = ingest_folder(reports, warehouse, "blank")
    assert [o.status for o in first.outcomes] == ["ingested", "ingested"]
    before = warehouse_tables(warehouse)
    logged = _count(warehouse, "report_files")
    assert logged == 2
    second = ingest_folder(reports, warehouse, "blank")
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    assert not second.changed
    assert warehouse_tables(warehouse) == before
    assert _count(warehouse, "report_files") == logged  # nothing ran, nothing logged
    # reloading a report from scratch also gives identical rows
    conn = duckdb.connect(str(warehouse))
    conn.execute("DELETE FROM reports WHERE source_file = ?", [SAMPLE.name])
    conn.close()
    third = ingest_folder(reports, warehouse, "blank")
    assert [o.status for o in third.outcomes] == ["ingested", "unchanged"]
    assert warehouse_tables(warehouse) == before


@pytest.mark.slow
def test_parallel_ingest_loads_what_one_at_a_time_loads(home: Path, tmp_path: Path) -> None:
    reports = _both_reports(tmp_path)
    messages: list[str] = []
    parallel = ingest_folder(reports, tmp_path / "a.duckdb", "blank", messages.append, workers=2)
    serial = ingest_folder(reports, tmp_path / "b.duckdb", "blank", workers=1)
    assert [o.status for o in parallel.outcomes] == ["ingested", "ingested"]
    assert [(o.file, o.status) for o in parallel.outcomes] == [
        (o.file, o.status) for o in serial.outcomes
    ]
    assert warehouse_tables(tmp_path / "a.duckdb") == warehouse_tables(tmp_path / "b.duckdb")
    assert messages[0] == "2 reports to ingest, 2 at a time"
    assert sorted(m.split("] ", 1)[1] for m in messages[1:]) == [
        f"{SAMPLE.name}: ingested",
        f"{SECOND.name}: ingested",
    ]
    # each report is a run of its own in the project's instance, made by a worker process
    runs = dg.DagsterInstance.get().get_runs()
    by_file = sorted(r.tags.get("source_file", "") for r in runs if r.is_success)
    assert by_file.count(SAMPLE.name) == 2 and by_file.count(SECOND.name) == 2


@pytest.mark.slow
def test_parallel_ingest_from_a_script_without_a_main_guard(home: Path, tmp_path: Path) -> None:
    reports = _both_reports(tmp_path)
    script = tmp_path / "analysis.py"  # what an analyst might write: no __main__ guard
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "from pipelines.ingest import ingest_folder\n"
        "summary = ingest_folder(Path(sys.argv[1]), Path(sys.argv[2]), 'blank', workers=2)\n"
        "print('STATUSES', *[o.status for o in summary.outcomes])\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), str(reports), str(tmp_path / "wh.duckdb")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("STATUSES") == 1  # the script ran once, not again in each worker
    assert "STATUSES ingested ingested" in done.stdout, done.stdout + done.stderr[-3000:]


def test_workers_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNUAL_REPORTS_WORKERS", "3")
    assert default_workers() == 3
    for bad in ("0", "two"):
        monkeypatch.setenv("ANNUAL_REPORTS_WORKERS", bad)
        with pytest.raises(ValueError, match="ANNUAL_REPORTS_WORKERS"):
            default_workers()
    monkeypatch.delenv("ANNUAL_REPORTS_WORKERS")
    assert 1 <= default_workers() <= 4


@pytest.mark.slow
def test_two_reports_give_member_changes(home: Path, tmp_path: Path) -> None:
    reports = _both_reports(tmp_path)
    warehouse = tmp_path / "wh.duckdb"
    ingest_folder(reports, warehouse, "blank")
    conn = duckdb.connect(str(warehouse / ".." / "published" / warehouse.name), read_only=True)
    rows = conn.execute(
        "SELECT change, name FROM member_changes WHERE from_year = 2021 AND to_year = 2023"
    ).fetchall()
    conn.close()
    left = {name for change, name in rows if change == "left"}
    joined = {name for change, name in rows if change == "joined"}
    renamed = {name for change, name in rows if change == "renamed"}
    # tests/gold/README.md: 9 left, 13 joined, 3 renamed; a rename to another word (Nur-Sultan ->
    # Astana) is a left + a joined unless recorded in organization_renames
    assert {"Minsk", "Tabriz", "Villa Tapia", "Enactus IIT Delhi", "Nur-Sultan"} <= left
    assert len(left) == 10
    assert {"Kisumu", "Porto", "Nairobi Urban Innovation Lab", "Astana"} <= joined
    assert len(joined) == 14
    assert {"Hanoi", "Baubau"} <= renamed


@pytest.mark.slow
def test_failing_check_blocks_the_load_and_keeps_earlier_rows(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports)
    warehouse = tmp_path / "wh.duckdb"
    ingest_folder(reports, warehouse, "blank")
    before = warehouse_tables(warehouse)
    real = pipelines.assets.extract_document

    def duplicated(*args: Any, **kwargs: Any) -> Extraction:
        extraction = real(*args, **kwargs)
        first = extraction.members[0]
        return dataclasses.replace(extraction, members=[first, *extraction.members])

    monkeypatch.setattr(pipelines.assets, "extract_document", duplicated)
    instance = dg.DagsterInstance.get()
    result = dg.materialize(
        [*REPORT_ASSETS, *CHECKS], partition_key=partition_key(SAMPLE), instance=instance,
        resources=default_resources(reports, warehouse, "blank"), raise_on_error=False,
        run_config=QUIET,
    )  # fmt: skip
    assert not result.success
    failed = [e.check_name for e in result.get_asset_check_evaluations() if not e.passed]
    assert "no_duplicate_members" in failed
    assert not result.asset_materializations_for_node("warehouse_tables")
    assert warehouse_tables(warehouse) == before


@pytest.mark.slow
def test_sensor_skips_what_the_warehouse_already_holds(home: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports)
    ingest_folder(reports, tmp_path / "wh.duckdb", "blank")  # `make run` before the UI starts
    first = _tick(dg.DagsterInstance.get(), reports, None)
    assert not first.run_requests
    shutil.copy(SECOND, reports / SAMPLE.name)  # new bytes under the same name: run it
    assert len(_tick(dg.DagsterInstance.get(), reports, first.cursor).run_requests) == 1


def test_a_document_that_is_no_report_is_quarantined_as_not_a_report(
    home: Path, tmp_path: Path
) -> None:
    from tests import pdf_factory as pf

    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports)
    pf.make_good_pdf(reports / "acme.pdf", pages=2)  # a publisher and a year, no members, no events
    warehouse = tmp_path / "wh.duckdb"
    summary = ingest_folder(reports, warehouse, "blank")
    status = {o.file: (o.status, o.detail) for o in summary.outcomes}
    assert status[SAMPLE.name][0] == "ingested"
    # the sample states 7 new members and profiles 8: the warning names its check
    assert status[SAMPLE.name][1] == "warned: headline_figures_reconcile"
    assert status["acme.pdf"][0] == "quarantined"
    detail = status["acme.pdf"][1]
    assert detail.startswith("not_a_report: not an annual report: no member overview"), detail
    conn = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert conn.execute("SELECT reason FROM quarantine").fetchall() == [("not_a_report",)]
        loaded = conn.execute("SELECT source_file FROM reports").fetchall()
        assert loaded == [(SAMPLE.name,)]
    finally:
        conn.close()
    assert (reports / "acme.pdf").exists() and (tmp_path / "quarantine" / "acme.pdf").exists()


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_three_files_of_one_report_give_one_version_and_two_records(
    home: Path, tmp_path: Path, workers: int
) -> None:
    """A draft, a final and a re-saved copy of one report in the folder at once: the newest by
    modification time is loaded whichever run finishes first, and report_files says what
    happened to each."""
    reports = tmp_path / "reports"
    reports.mkdir()
    data = SAMPLE.read_bytes()
    times = {
        "a-draft.pdf": 1_600_000_000,
        "b-final.pdf": 1_600_000_300,
        "c-resaved.pdf": 1_600_000_200,
    }
    for n, (name, mtime) in enumerate(times.items()):
        path = reports / name
        path.write_bytes(data + f"\n% copy {n}\n".encode())  # other bytes, one report
        os.utime(path, (mtime, mtime))
    warehouse = tmp_path / "wh.duckdb"
    summary = ingest_folder(reports, warehouse, "blank", workers=workers)
    status = {o.file: o.status for o in summary.outcomes}
    assert sorted(status.values()).count("superseded") >= 1
    assert status["b-final.pdf"] in {"ingested", "replaced"}
    conn = duckdb.connect(str(warehouse), read_only=True)
    try:
        loaded = conn.execute("SELECT report_id, source_file FROM reports").fetchall()
        files = conn.execute(
            "SELECT file, report_id, outcome, previous_file FROM report_files ORDER BY file"
        ).fetchall()
    finally:
        conn.close()
    assert loaded == [("wego-2021", "b-final.pdf")]
    assert [f[0] for f in files] == list(times)
    assert {f[1] for f in files} == {"wego-2021"}
    assert {f[0]: f[2] for f in files} == status
    for file, _, outcome, previous in files:
        assert (outcome == "replaced") == (previous is not None), (file, outcome, previous)
    again = ingest_folder(reports, warehouse, "blank", workers=workers)
    assert {o.status for o in again.outcomes if o.file == "b-final.pdf"} == {"unchanged"}


@pytest.mark.slow
def test_the_sensor_path_and_make_run_give_the_same_warehouse(home: Path, tmp_path: Path) -> None:
    """The sensor's run requests, launched as the daemon launches them (the named job, then the
    views job), leave the warehouse and its published copy as `ingest` does, quarantine rows
    included; every run belongs to a named job."""
    from pipelines.definitions import VIEWS_JOB, build_definitions
    from pipelines.sensors import INGEST_JOB
    from tests import pdf_factory as pf

    def folder(name: str) -> Path:
        reports = tmp_path / name / "reports"
        reports.mkdir(parents=True)
        shutil.copy(SAMPLE, reports)
        pf.write_empty(reports / "empty.pdf")
        return reports

    by_ingest, by_sensor = folder("ingest"), folder("sensor")
    ingest_folder(by_ingest, by_ingest.parent / "wh.duckdb", "blank", workers=1)

    instance = dg.DagsterInstance.get()
    resources = default_resources(by_sensor, by_sensor.parent / "wh.duckdb", "blank")
    definitions = build_definitions(resources)
    tick = _tick(instance, by_sensor, None)
    assert len(tick.run_requests) == 2
    for request in tick.run_requests:
        definitions.resolve_job_def(INGEST_JOB).execute_in_process(
            partition_key=request.partition_key,
            instance=instance,
            tags=request.tags,
            raise_on_error=False,
        )
    definitions.resolve_job_def(VIEWS_JOB).execute_in_process(instance=instance)

    for name in ("wh.duckdb", "published/wh.duckdb"):
        made_by_ingest = warehouse_tables(by_ingest.parent / name)
        made_by_sensor = warehouse_tables(by_sensor.parent / name)
        assert made_by_ingest["quarantine"] and made_by_ingest["reports"]
        assert made_by_sensor == made_by_ingest, name
    jobs = {record.dagster_run.job_name for record in instance.get_run_records()}
    assert jobs == {INGEST_JOB, VIEWS_JOB}
    assert not _tick(instance, by_sensor, tick.cursor).run_requests  # held: nothing again


def test_plain_dagster_commands_find_the_code() -> None:
    """pyproject's [tool.dagster] names the module, so `dagster dev` needs no -m."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "dagster"), "definitions", "validate"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Validation successful for code location annual_reports" in done.stdout + done.stderr


def test_metadata_previews_show_missing_values_as_empty_cells() -> None:
    rows = [{"name": "Tema", "country": None, "region": float("nan"), "page": 3}]
    preview = pipelines.assets._preview(rows, ["name", "country", "region", "page"])
    assert isinstance(preview, dg.TableMetadataValue)
    assert [record.data for record in preview.records] == [
        {"name": "Tema", "country": "", "region": "", "page": 3}
    ]
    assert [(c.name, c.type) for c in preview.schema.columns] == [
        ("name", "string"), ("country", "string"), ("region", "string"), ("page", "int"),
    ]  # fmt: skip


def test_a_quarantine_is_one_log_line_and_skips_the_checks(home: Path, tmp_path: Path) -> None:
    """An expected quarantine is no error: one warning line in the run's log (no stack trace), an
    observation with the reason, a run tag, and the steps after it (checks, load) skipped."""
    from pipelines.quarantine import QUARANTINE_TAG
    from tests import pdf_factory as pf

    reports = tmp_path / "reports"
    reports.mkdir()
    pf.write_empty(reports / "empty.pdf")
    key = partition_key(reports / "empty.pdf")
    instance = dg.DagsterInstance.get()
    instance.add_dynamic_partitions(REPORTS, [key])
    result = dg.materialize(
        [*REPORT_ASSETS, *CHECKS], partition_key=key, instance=instance,
        resources=default_resources(reports, tmp_path / "wh.duckdb", "blank"), run_config=QUIET,
    )  # fmt: skip
    assert result.success
    assert not result.get_step_failure_events()
    assert not result.get_asset_check_evaluations()  # not run: Dagster shows them as skipped
    skipped = {e.step_key for e in result.all_events if e.is_step_skipped}
    assert skipped == {"report_records", "report_checks", "warehouse_tables"}
    assert not result.get_asset_materialization_events()
    records = instance.all_logs(result.run_id)
    said = [
        r.user_message for r in records if r.level == logging.WARNING and not r.is_dagster_event
    ]
    assert len(said) == 1 and said[0].startswith("quarantined empty.pdf (empty): ")
    assert "Traceback" not in "\n".join(r.user_message for r in records)
    observed = [e for e in result.all_events if e.is_asset_observation]
    assert [e.asset_observation_data.asset_observation.metadata["reason"].value
            for e in observed] == ["empty"]  # fmt: skip
    run = instance.get_run_by_id(result.run_id)
    assert run is not None and run.tags[QUARANTINE_TAG] == "empty"
    conn = duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True)
    try:
        assert conn.execute("SELECT file, reason FROM quarantine").fetchall() == [
            ("empty.pdf", "empty")
        ]
    finally:
        conn.close()


def test_the_column_schema_is_read_from_the_database() -> None:
    """`dagster/column_schema` of the views: DuckDB's own columns and types, described by the
    COMMENT ON texts that come from docs/warehouse.md."""
    from pipelines.metadata import column_schema
    from warehouse import descriptions
    from warehouse.catalog import columns, relations
    from warehouse.load import ensure_schema

    conn = duckdb.connect()
    try:
        ensure_schema(conn)
        views = relations(conn, "view")
        assert "member_changes" in views and "members" not in views
        schema = column_schema(conn, views)
        found = columns(conn, views)
        one = column_schema(conn, ["members"])
    finally:
        conn.close()
    assert [c.name for c in schema.columns] == [f"{c.relation}.{c.name}" for c in found]
    described = {c.name: c.description for c in schema.columns}
    documented = descriptions.load()["member_changes"]["columns"]
    assert described["member_changes.change"] == documented["change"]
    assert {c.name for c in one.columns} >= {"name", "country_iso3", "page_number"}  # one: bare
    with pytest.raises(ValueError, match="kind"):
        relations(duckdb.connect(), "index")
