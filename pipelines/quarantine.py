"""Quarantine a report file that cannot be ingested: a row in the warehouse's `quarantine` table
(file, sha256, reason, message, at), then a copy of its bytes in the quarantine folder
(`ReportsFolder.quarantine`, default the `quarantine` folder beside the warehouse file), under
its own name, or with a `-1`, `-2`, ... suffix when a file of that name is already there; then
the published copy is refreshed, so analysts and the sensor see the row.

The file itself stays where it is: the pipeline never moves, renames or deletes what it reads.
The row, keyed by the file's sha256, keeps the same bytes from being tried again until
`annual-reports quarantine retry` clears it.

In a Dagster run a quarantine is an expected outcome, not an error: `hold_back` logs one line,
records an observation of the asset with the reason, tags the run and the step yields nothing,
so the steps after it (and the checks) are skipped and the run itself succeeds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import dagster as dg

from pipelines.resources import ReportsFolder, WarehouseResource
from warehouse.load import record_quarantine, record_report_file
from warehouse.publish import publish


def quarantine_folder(reports: ReportsFolder, warehouse: WarehouseResource) -> Path:
    """Where copies of quarantined files go."""
    return (
        Path(reports.quarantine)
        if reports.quarantine
        else Path(warehouse.path).parent / "quarantine"
    )


def quarantine_file(
    path: Path,
    sha256: str,
    reason: str,
    message: str,
    reports: ReportsFolder,
    warehouse: WarehouseResource,
) -> Path:
    """Record `path` in the `quarantine` table, copy it into the quarantine folder and publish;
    returns the copy. Recording comes first: if the warehouse cannot be written, nothing else
    happens."""
    conn = warehouse.connect()
    try:
        record_quarantine(conn, path.name, sha256, reason, message)
        record_report_file(conn, path, sha256, "quarantined", detail=f"{reason}: {message}")
        publish(warehouse.path, warehouse.published_path, conn=conn)
    finally:
        conn.close()
    destination = reserve(quarantine_folder(reports, warehouse), path.name)
    try:
        shutil.copyfile(path, destination)
    except BaseException:
        destination.unlink(missing_ok=True)
        raise
    return destination


def reserve(folder: Path, name: str) -> Path:
    """Create an empty `folder/name` (or `stem-N.suffix`) that did not exist before, atomically,
    so that two runs quarantining files of the same name never overwrite each other."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = folder / name, 0
    while True:
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            return candidate
        except FileExistsError:
            n += 1
            candidate = folder / f"{stem}-{n}{suffix}"


QUARANTINE_TAG = "quarantined"  # the run tag: its value is the reason


def hold_back(
    context: dg.AssetExecutionContext,
    path: Path,
    sha256: str,
    reason: str,
    message: str,
    reports: ReportsFolder,
    warehouse: WarehouseResource,
) -> None:
    """Quarantine `path` from inside an asset and say so once: one warning line in the run's
    log, an observation of the asset's partition carrying reason, file, message and where the
    copy is, and the run tag `quarantined=<reason>`. The asset then yields no output."""
    copy = quarantine_file(path, sha256, reason, message, reports, warehouse)
    context.log.warning(f"quarantined {path.name} ({reason}): {message}; a copy kept in {copy}")
    context.log_event(
        dg.AssetObservation(
            asset_key=context.asset_key,
            partition=context.partition_key if context.has_partition_key else None,
            metadata={
                "reason": reason,
                "file": path.name,
                "message": message,
                "quarantined_to": dg.MetadataValue.path(str(copy)),
            },
        )
    )
    context.instance.add_run_tags(context.run.run_id, {QUARANTINE_TAG: reason})


def quarantine_of(result: dg.ExecuteInProcessResult) -> tuple[str, str] | None:
    """(reason, detail) when the run quarantined its file (`hold_back`), else None."""
    for event in result.all_events:
        if not event.is_asset_observation:
            continue
        metadata = event.asset_observation_data.asset_observation.metadata
        if "reason" in metadata and "quarantined_to" in metadata:
            copy = metadata["quarantined_to"].value
            message = metadata["message"].value if "message" in metadata else ""
            return str(metadata["reason"].value), f"{message}; a copy kept in {copy}"
    return None
