"""What the warehouse holds, as the database itself says it: every table's and view's columns,
their types, whether they may be NULL, and their descriptions (the `COMMENT ON` texts that
`warehouse.load.ensure_schema` writes from docs/warehouse.md)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Column:
    relation: str
    name: str
    type: str
    nullable: bool
    description: str | None


def relations(conn: duckdb.DuckDBPyConnection, kind: str) -> list[str]:
    """The names of the database's own tables (`kind` "table") or views ("view"), sorted."""
    if kind not in ("table", "view"):
        raise ValueError(f"kind must be 'table' or 'view', not {kind!r}")
    rows = conn.execute(
        f"SELECT {kind}_name FROM duckdb_{kind}s() WHERE NOT internal "
        "AND schema_name = current_schema() ORDER BY 1"
    ).fetchall()
    return [str(name) for (name,) in rows]


def columns(conn: duckdb.DuckDBPyConnection, names: list[str]) -> list[Column]:
    """Every column of the relations `names`, in their order, each in its declared order."""
    if not names:
        return []
    rows = conn.execute(
        "SELECT table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE NOT internal AND schema_name = current_schema() AND list_contains(?, table_name) "
        "ORDER BY list_position(?, table_name), column_index",
        [names, names],
    ).fetchall()
    return [
        Column(str(relation), str(name), str(kind), bool(nullable), comment or None)
        for relation, name, kind, nullable, comment in rows
    ]
