"""One dynamic partition per report file in raw_reports/.

The key is derived from the file name, which is known before the PDF is read (the report id comes
from the content and is only known after parsing). Keys keep letters, digits, '.', '_' and '-'
only, so they never contain the characters Dagster forbids in partition keys (',', '[', ']', '|',
'...')."""

from __future__ import annotations

import re
from pathlib import Path

import dagster as dg

REPORTS = "reports"
reports_partitions = dg.DynamicPartitionsDefinition(name=REPORTS)


def partition_key(path: Path) -> str:
    key = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem)
    key = re.sub(r"\.{2,}", ".", key).strip("-.")
    return key or "report"


def file_for_partition(folder: Path, key: str) -> Path:
    for path in sorted(folder.glob("*")):
        if path.is_file() and path.suffix.lower() == ".pdf" and partition_key(path) == key:
            return path
    raise dg.Failure(description=f"no PDF in {folder} for partition {key!r}")
