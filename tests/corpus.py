"""Where the shared real-world PDF corpus lives: `../shared/corpus` beside the project, or
`ANNUAL_REPORTS_CORPUS`. Tests that need it are skipped when it is absent (a plain clone)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from extractors.errors import Reason

ROOT = Path(__file__).resolve().parents[1]


def corpus_dir() -> Path | None:
    env = os.environ.get("ANNUAL_REPORTS_CORPUS")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "corpus")
    for candidate in candidates:
        if (candidate / "MANIFEST.json").is_file():
            return candidate
    return None


def manifest() -> list[dict[str, Any]]:
    folder = corpus_dir()
    if folder is None:
        return []
    entries: list[dict[str, Any]] = json.loads((folder / "MANIFEST.json").read_text())
    return entries


# What a rejection should say, by the measured failure of the file.
_REASONS = {
    "PDFPasswordIncorrect": Reason.ENCRYPTED,
    "PDFSyntaxError": Reason.EMPTY,  # the only such file in the corpus is the 0-byte one
}


def expected_reasons(entry: dict[str, Any]) -> set[Reason]:
    """The reasons a `reject` file may be rejected with, from what the manifest measured."""
    if entry["pages"] == 0:
        return {Reason.NO_PAGES}
    message = (entry["measured"]["pdfplumber"].get("exception") or {}).get("message", "")
    for key, reason in _REASONS.items():
        if key in message:
            return {reason}
    if entry["measured"]["pdfplumber"]["opens"]:
        return {Reason.EXTRACTION_FAILED}
    return {Reason.CORRUPT, Reason.EMPTY, Reason.NOT_PDF}
