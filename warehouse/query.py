"""`annual-reports query`: read-only SQL on the published warehouse.

The argument is SQL, the path of a .sql file, or the name of an analyst query in
`warehouse/queries/` (see `warehouse.analyst`). The published copy is opened read-only, so a
query never holds the lock ingestion needs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from warehouse import settings
from warehouse.analyst import get_query, run_query


def query_published(sql_or_name: str, published: Path | None = None) -> pd.DataFrame:
    path = published or settings.published_path()
    if not path.is_file():
        raise FileNotFoundError(f"no published warehouse at {path}: run `make run` first")
    conn = duckdb.connect(str(path), read_only=True)
    try:
        try:
            return run_query(conn, get_query(sql_or_name))
        except KeyError:
            pass
        candidate = Path(sql_or_name)
        if candidate.suffix == ".sql" and candidate.is_file():
            sql_or_name = candidate.read_text(encoding="utf-8")
        return conn.execute(sql_or_name).df()
    finally:
        conn.close()
