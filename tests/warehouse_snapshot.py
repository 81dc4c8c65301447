"""A warehouse's contents as plain data, to compare two loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb


def warehouse_tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted; ingestion times left out, and `report_files` (the log of what
    each run did with each file: it grows with every run that loads something)."""
    conn = duckdb.connect(str(path), read_only=True)
    try:
        query = (
            "SELECT table_name FROM duckdb_tables() WHERE NOT internal "
            "AND table_name != 'report_files' ORDER BY 1"
        )
        names = [t for (t,) in conn.execute(query).fetchall()]
        out = {}
        for name in names:
            columns = [c for (c,) in conn.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
                "AND column_name NOT IN ('ingested_at', 'at') ORDER BY column_index", [name]
            ).fetchall()]  # fmt: skip
            select = ", ".join(f'"{c}"' for c in columns)
            out[name] = sorted(conn.execute(f'SELECT {select} FROM "{name}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()
