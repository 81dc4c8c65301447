"""Watch raw_reports/: add a partition and request a run for every new or changed PDF.

The cursor remembers each file's size, modification time and sha256, so unchanged files are not
hashed again; the run key is the partition key plus the sha256, so the same bytes never run
twice even if the cursor is lost. Files the warehouse already holds (loaded or quarantined with
the same sha256, e.g. by `make run`) are not requested again: the sensor reads the published
copy, which never blocks a writer."""

import json
from pathlib import Path

import dagster as dg
import duckdb

from extractors.pdf.read import file_sha256
from pipelines.partitions import partition_key, reports_partitions
from pipelines.resources import ReportsFolder, WarehouseResource

INGEST_JOB = "ingest_report"


@dg.sensor(
    job_name=INGEST_JOB,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="A run per new or changed PDF in the reports folder.",
)
def raw_reports_sensor(
    context: dg.SensorEvaluationContext, reports: ReportsFolder, warehouse: WarehouseResource
) -> dg.SensorResult:
    held = _held(warehouse.published_path)
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
        cursor[path.name] = [stat.st_mtime_ns, stat.st_size, sha256]
        key = partition_key(path)
        if key not in known and key not in new_keys:
            new_keys.append(key)
        if (previous is None or previous[2] != sha256) and (path.name, sha256) not in held:
            requests.append(
                dg.RunRequest(
                    run_key=f"{key}:{sha256}",
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


def _held(published: Path) -> set[tuple[str, str]]:
    """(file, sha256) pairs the published warehouse holds, loaded or quarantined."""
    if not published.is_file():
        return set()
    try:
        conn = duckdb.connect(str(published), read_only=True)
    except duckdb.Error:
        return set()
    try:
        rows = conn.execute(
            "SELECT source_file, sha256 FROM reports UNION SELECT file, sha256 FROM quarantine"
        ).fetchall()
    except duckdb.Error:
        return set()
    finally:
        conn.close()
    return {(str(name), str(sha)) for name, sha in rows}
