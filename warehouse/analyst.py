"""The analyst queries in `warehouse/queries/`: list them, read their questions, run them.

Each file asks one question. Its header comment says which, and may declare parameters and the
tables it needs rows in:

    -- Question: Which new members have a population over 1 million?
    --   (a continuation line is indented)
    -- Param min_population: 1000000      (used as $min_population; the value is the default)
    -- Needs: people                      (empty until such rows are loaded)

Run one from a shell against the published copy: `python -m warehouse.analyst NAME [-p key=value]`;
without a name it lists the questions.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from warehouse import settings

_PARAM = re.compile(r"^--\s*Param\s+(\w+)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_NEEDS = re.compile(r"^--\s*Needs\s*:\s*(.*?)\s*$", re.IGNORECASE)
_QUESTION = re.compile(r"^--\s*Question\s*:\s*(.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Query:
    name: str  # the file name without its order prefix and suffix, e.g. "figures_by_year"
    path: Path
    question: str
    sql: str
    params: dict[str, str] = field(default_factory=dict)  # name -> default value
    needs: tuple[str, ...] = ()


def parse_query(path: Path) -> Query:
    """A query file with its header read."""
    sql = path.read_text(encoding="utf-8")
    question: list[str] = []
    params: dict[str, str] = {}
    needs: tuple[str, ...] = ()
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        if m := _QUESTION.match(line):
            question = [m.group(1)]
        elif m := _PARAM.match(line):
            params[m.group(1)] = m.group(2)
        elif m := _NEEDS.match(line):
            needs = tuple(t.strip() for t in m.group(1).split(",") if t.strip())
        elif question and line.startswith("--  "):
            question.append(line[2:].strip())
    if not question:
        raise ValueError(f"{path.name}: no '-- Question:' header")
    name = re.sub(r"^\d+[_-]", "", path.stem)
    return Query(name, path, " ".join(question), sql, params, needs)


def list_queries(folder: Path = settings.QUERY_DIR) -> list[Query]:
    """Every query in `folder`, in file-name order."""
    return [parse_query(p) for p in sorted(folder.glob("*.sql"))]


def get_query(name: str, folder: Path = settings.QUERY_DIR) -> Query:
    """A query by name, with or without its order prefix (`figures_by_year`, `09_figures_...`)."""
    for query in list_queries(folder):
        if name in (query.name, query.path.stem):
            return query
    raise KeyError(f"no query {name!r} in {folder}")


def run_query(
    conn: duckdb.DuckDBPyConnection,
    query: str | Query,
    params: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Run a query (by name or parsed) with its default parameters overridden by `params`."""
    q = get_query(query) if isinstance(query, str) else query
    unknown = set(params or {}) - set(q.params)
    if unknown:
        raise ValueError(
            f"{q.name} takes no parameters {sorted(unknown)}; it takes {list(q.params)}"
        )
    values = dict(q.params) | dict(params or {})
    return conn.execute(q.sql, values).df() if values else conn.execute(q.sql).df()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.analyst", description=__doc__)
    parser.add_argument("name", nargs="?", help="query to run; omit to list them")
    parser.add_argument("--db", type=Path, help="DuckDB file (default: the published copy)")
    parser.add_argument("-p", "--param", action="append", default=[], help="key=value")
    args = parser.parse_args(argv)
    if args.name is None:
        for q in list_queries():
            extra = "".join(f" [{k}={v}]" for k, v in q.params.items())
            print(f"{q.name}{extra}\n    {q.question}")
        return 0
    params = dict(p.split("=", 1) for p in args.param)
    db = args.db or settings.published_path()
    with duckdb.connect(str(db), read_only=True) as conn:
        frame = run_query(conn, args.name, params)
    with pd.option_context("display.max_rows", 500, "display.width", 200):
        print(frame.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
