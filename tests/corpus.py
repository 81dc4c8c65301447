"""Where the shared real-world PDF corpus lives: `../shared/corpus` beside the project, or
`ANNUAL_REPORTS_CORPUS`. Tests that need it are skipped when it is absent (a plain clone)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

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
