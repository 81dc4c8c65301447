"""`annual-reports query`: read-only SQL on the published warehouse.

The argument is SQL, the path of a .sql file, or the name of an analyst query in
`warehouse/queries/` (see `warehouse.analyst`). The published copy is opened read-only, so a
query never holds the lock ingestion needs."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse import settings
from warehouse.analyst import get_query, list_queries, run_query

_NAME = re.compile(r"^[A-Za-z0-9_-]+$")  # a saved question's name, not SQL


def query_published(
    sql_or_name: str, published: Path | None = None, params: Mapping[str, Any] | None = None
) -> pd.DataFrame:
    """The rows of SQL, a .sql file or a saved question (its `-- Param` defaults overridden by
    `params`; SQL takes them as `$name`). A bare word that names no saved question is an error
    that offers the closest names, never a SQL parser error."""
    path = published or settings.published_path()
    if not path.is_file():
        raise FileNotFoundError(f"no published warehouse at {path}: run `make run` first")
    conn = duckdb.connect(str(path), read_only=True)
    try:
        try:
            return run_query(conn, get_query(sql_or_name), params)
        except KeyError:
            pass
        candidate = Path(sql_or_name)
        if candidate.suffix == ".sql" and candidate.is_file():
            sql_or_name = candidate.read_text(encoding="utf-8")
        elif _NAME.match(sql_or_name.strip()):
            names = [q.name for q in list_queries()]
            close = difflib.get_close_matches(sql_or_name.strip(), names, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(
                f"no saved question {sql_or_name!r}{hint} (`annual-reports query --list`)"
            )
        return (
            conn.execute(sql_or_name, dict(params)).df()
            if params
            else conn.execute(sql_or_name).df()
        )
    finally:
        conn.close()


def write_rows(frame: pd.DataFrame, out: Path) -> Path:
    """Write rows to `out` with DuckDB's own export: .csv, .json (one array) or .parquet."""
    kinds = {
        ".csv": "(FORMAT csv, HEADER)",
        ".parquet": "(FORMAT parquet)",
        ".json": "(FORMAT json, ARRAY true)",
    }
    options = kinds.get(out.suffix.lower())
    if options is None:
        raise ValueError(f"--output {out}: write .csv, .json or .parquet")
    with duckdb.connect() as conn:
        conn.register("result_rows", frame)
        target = str(out).replace("'", "''")
        conn.execute(f"COPY result_rows TO '{target}' {options}")
    return out


def export_published(folder: Path, published: Path | None = None, fmt: str = "parquet") -> Path:
    """Every table (EXPORT DATABASE) and every view (COPY) of the published copy into `folder`,
    one file each, plus DuckDB's schema.sql and load.sql."""
    path = published or settings.published_path()
    if not path.is_file():
        raise FileNotFoundError(f"no published warehouse at {path}: run `make run` first")
    if folder.exists() and any(folder.iterdir()):
        raise ValueError(f"{folder} is not empty")
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format {fmt!r}: parquet or csv")
    folder.mkdir(parents=True, exist_ok=True)
    quoted = str(folder).replace("'", "''")
    options = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER)"
    conn = duckdb.connect(str(path), read_only=True)
    try:
        conn.execute(f"EXPORT DATABASE '{quoted}' {options}")
        views = conn.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
        for (view,) in views:
            target = str(folder / f"{view}.{fmt}").replace("'", "''")
            conn.execute(f"COPY (SELECT * FROM \"{view}\") TO '{target}' {options}")
    finally:
        conn.close()
    return folder
