"""Quarantine a report file that cannot be ingested: a row in the warehouse's `quarantine` table
(file, sha256, reason, message, at), then the file moved out of the watched folder into the
quarantine folder (`ReportsFolder.quarantine`, default `<reports dir>/quarantine`), under its own
name, or with a `-1`, `-2`, ... suffix when a file of that name is already there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipelines.resources import ReportsFolder, WarehouseResource
from warehouse.load import record_quarantine


def quarantine_file(
    path: Path,
    sha256: str,
    reason: str,
    message: str,
    reports: ReportsFolder,
    warehouse: WarehouseResource,
) -> Path:
    """Record `path` in the `quarantine` table, then move it; returns where it now is. Recording
    comes first: if the warehouse cannot be written, the file stays where it was."""
    conn = warehouse.connect()
    try:
        record_quarantine(conn, path.name, sha256, reason, message)
    finally:
        conn.close()
    destination = reserve(reports.quarantine_folder, path.name)
    try:
        shutil.move(str(path), destination)
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
