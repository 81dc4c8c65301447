"""A reviewer's corrections to one report's records, written once and kept by every re-run.

`corrections/<report id>.yaml` (beside the reports folder; kept in git) adds records the rules
missed, drops or edits records they found (by the key the review page shows), and accepts a stated
total that differs from the records, with a reason. `correct(extraction, folder)` applies the
report's file when there is one (`extractors.corrections.apply`)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.corrections.apply import Applied, Note, apply_corrections
from extractors.corrections.keys import record_keys
from extractors.corrections.schema import (
    RECORD_TYPES,
    Corrections,
    CorrectionsError,
    load_corrections,
)

if TYPE_CHECKING:
    from extractors.extract import Extraction

__all__ = [
    "RECORD_TYPES",
    "Applied",
    "Corrections",
    "CorrectionsError",
    "Note",
    "apply_corrections",
    "correct",
    "corrections_path",
    "corrections_sha256",
    "read_corrections",
    "record_keys",
]


def corrections_path(folder: Path, report_id: str) -> Path:
    return folder / f"{report_id}.yaml"


def corrections_sha256(folder: Path, report_id: str) -> str | None:
    """The sha256 of the report's corrections file, None when it has none."""
    path = corrections_path(folder, report_id)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def read_corrections(folder: Path, report_id: str) -> Corrections | None:
    """The report's validated corrections file, or None; `CorrectionsError` when it is bad."""
    path = corrections_path(folder, report_id)
    if not path.is_file():
        return None
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return load_corrections(path, f"{folder.name}/{path.name}", sha256, report_id)


def correct(extraction: Extraction, folder: Path) -> Extraction:
    """`extraction` with its report's corrections file in `folder` applied (as it is if none)."""
    corrections = read_corrections(folder, extraction.document.report_id)
    return extraction if corrections is None else apply_corrections(extraction, corrections)
