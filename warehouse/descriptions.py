"""Table and column descriptions stored in the database (`COMMENT ON`), so that a SQL client or
a BI tool shows what docs/warehouse.md says.

docs/warehouse.md is the one source: each `### `name`: title` heading and the `| column | ... |
meaning |` table under it. `python -m warehouse.descriptions` writes them to
`warehouse/descriptions.json` (package data, read by `warehouse.load.ensure_schema`); a test keeps
the two equal.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
DESCRIPTIONS = PACKAGE_DIR / "descriptions.json"
DOCS = PACKAGE_DIR.parent / "docs" / "warehouse.md"

_HEADING = re.compile(r"^### `(\w+)`(?::\s*(.*))?$")
_NAMES = re.compile(r"`\"?(\w+)\"?`")


def _plain(text: str) -> str:
    """Markdown to the plain text a SQL client shows: no backticks, no emphasis."""
    return re.sub(r"[`*]", "", text).strip()


def parse_docs(text: str) -> dict[str, dict[str, Any]]:
    """{relation: {"title": ..., "columns": {column: meaning}}} from the docs' markdown."""
    out: dict[str, dict[str, Any]] = {}
    current: dict[str, Any] | None = None
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = {"title": _plain(heading.group(2) or ""), "columns": {}}
            out[heading.group(1)] = current
            continue
        if line.startswith("## "):
            current = None
        if current is None or not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        meaning = _plain(cells[-1])
        for name in _NAMES.findall(cells[0]):  # "`from_report_id`, `from_year`" names two
            current["columns"][name] = meaning
    return out


def load() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(DESCRIPTIONS.read_text(encoding="utf-8"))
    return data


def main() -> int:
    data = parse_docs(DOCS.read_text(encoding="utf-8"))
    DESCRIPTIONS.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{DESCRIPTIONS}: {len(data)} relations", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
