"""Watch raw_reports/: add a partition and request a run for every new or changed PDF, and for
every report whose corrections file changed.

The cursor remembers each file's size, modification time and sha256, so unchanged files are not
hashed again, and the sha256 of its report's corrections file (`corrections/<report id>.yaml`:
the report id is what its last parse said, or what the warehouse holds it as); the run key is
the partition key plus the sha256 (plus the corrections file's, when there is one), so the same
bytes never run twice even if the cursor is lost. Files the warehouse already holds (loaded with
the same sha256 and the same corrections, or quarantined with the same sha256, e.g. by `make
run`) are not requested again: the sensor reads the published copy, which never blocks a
writer."""

import json
from pathlib import Path

import dagster as dg
import duckdb

from extractors.corrections import corrections_sha256
from extractors.pdf.read import file_sha256
from pipelines.partitions import partition_key, reports_partitions
from pipelines.resources import ReportsFolder, WarehouseResource

INGEST_JOB = "ingest_report"
PARSED = dg.AssetKey("parsed_report")


def run_key(partition: str, sha256: str, corrections: str | None) -> str:
    """The run key of a report's bytes with its corrections file (if any)."""
    return f"{partition}:{sha256}" + (f":{corrections[:16]}" if corrections else "")


@dg.sensor(
    job_name=INGEST_JOB,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="A run per new or changed PDF in the reports folder, or changed corrections file.",
)
def raw_reports_sensor(
    context: dg.SensorEvaluationContext, reports: ReportsFolder, warehouse: WarehouseResource
) -> dg.SensorResult:
    loaded, quarantined = _held(warehouse.published_path)
    seen: dict[str, list[object]] = json.loads(context.cursor) if context.cursor else {}
    known = set(context.instance.get_dynamic_partitions(reports_partitions.name or "reports"))
    cursor: dict[str, list[object]] = {}
    requests: list[dg.RunRequest] = []
    new_keys: list[str] = []
    for path in reports.pdfs():
        stat = path.stat()
        previous = seen.get(path.name)
        if previous and previous[:2] == [stat.st_mtime_ns, stat.st_size]:
            sha256 = str(previous[2])
        else:
            sha256 = file_sha256(path)
        key = partition_key(path)
        report_id = loaded.get((path.name, sha256), ("", None))[0] or (
            _parsed_as(context.instance, key) if key in known else None
        )
        fixes = corrections_sha256(reports.corrections_folder, report_id) if report_id else None
        cursor[path.name] = [stat.st_mtime_ns, stat.st_size, sha256, fixes]
        if key not in known and key not in new_keys:
            new_keys.append(key)
        before = (previous[2], previous[3] if len(previous) > 3 else None) if previous else None
        held = (path.name, sha256) in quarantined or (
            (path.name, sha256) in loaded and loaded[(path.name, sha256)][1] == fixes
        )
        if before != (sha256, fixes) and not held:
            requests.append(
                dg.RunRequest(
                    run_key=run_key(key, sha256, fixes),
                    partition_key=key,
                    tags={"sha256": sha256, "source_file": path.name},
                )
            )
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[reports_partitions.build_add_request(new_keys)]
        if new_keys
        else [],
        cursor=json.dumps(cursor, sort_keys=True),
    )


def _parsed_as(instance: dg.DagsterInstance, partition: str) -> str | None:
    """The report id the partition's latest parse read (a blocked report is in no table)."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=PARSED, asset_partitions=[partition]), limit=1
    ).records
    if not records or records[0].asset_materialization is None:
        return None
    value = records[0].asset_materialization.metadata.get("report_id")
    return str(value.value) if value is not None else None


def _held(
    published: Path,
) -> tuple[dict[tuple[str, str], tuple[str, str | None]], set[tuple[str, str]]]:
    """What the published warehouse holds: (file, sha256) loaded -> (report id, sha256 of its
    corrections file), and the (file, sha256) pairs quarantined."""
    if not published.is_file():
        return {}, set()
    try:
        conn = duckdb.connect(str(published), read_only=True)
    except duckdb.Error:
        return {}, set()
    try:
        columns = {c for (c,) in conn.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'reports'"
        ).fetchall()}  # fmt: skip
        fixes = "corrections_sha256" if "corrections_sha256" in columns else "NULL"  # made before
        loaded = conn.execute(
            f"SELECT source_file, sha256, report_id, {fixes} FROM reports"
        ).fetchall()
        quarantined = conn.execute("SELECT file, sha256 FROM quarantine").fetchall()
    except duckdb.Error:
        return {}, set()
    finally:
        conn.close()
    return (
        {(str(f), str(s)): (str(r), c) for f, s, r, c in loaded},
        {(str(f), str(s)) for f, s in quarantined},
    )
