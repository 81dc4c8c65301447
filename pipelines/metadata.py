"""Metadata the Dagster UI shows as it is: rows as tables (shown in place, no click needed),
and the warehouse's column schema read from the database itself."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import dagster as dg
import duckdb
import pandas as pd

from warehouse.catalog import columns as catalog_columns

Cell = str | int | float | bool | None


def _cell(value: Any) -> Cell:
    """A value a table cell can hold; a missing value (None, NaN, NaT, NA) is an empty cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):  # a list or an array: not a missing scalar
        pass
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        scalar = item()
        if isinstance(scalar, bool | int | float | str):
            return scalar
    return str(value)


def _type(values: Sequence[Cell]) -> str:
    present = [v for v in values if v != ""]
    if present and all(isinstance(v, bool) for v in present):
        return "bool"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "float"
    return "string"


def rows_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, limit: int = 20
) -> dg.TableMetadataValue:
    """The first `limit` rows as a table (every key of the rows when `columns` is not given)."""
    names = (
        list(columns) if columns is not None else list(dict.fromkeys(k for r in rows for k in r))
    )
    cells = [{name: _cell(row.get(name)) for name in names} for row in rows[:limit]]
    schema = dg.TableSchema(
        columns=[dg.TableColumn(name, _type([c[name] for c in cells])) for name in names]
    )
    return dg.MetadataValue.table(records=[dg.TableRecord(c) for c in cells], schema=schema)


def frame_table(frame: pd.DataFrame, limit: int = 50) -> dg.TableMetadataValue:
    """A DataFrame's first `limit` rows as a table."""
    rows = frame.head(limit).to_dict(orient="records")
    return rows_table([{str(k): v for k, v in row.items()} for row in rows], list(map(str, frame)))


def column_schema(conn: duckdb.DuckDBPyConnection, relations: Sequence[str]) -> dg.TableSchema:
    """`dagster/column_schema` of the relations, from DuckDB's catalog: one column per column of
    each relation, named `relation.column` when there are several, with its SQL type, whether it
    may be NULL and its description (the COMMENT ON written from docs/warehouse.md)."""
    found = catalog_columns(conn, list(relations))
    several = len({c.relation for c in found}) > 1
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                f"{c.relation}.{c.name}" if several else c.name,
                c.type,
                description=c.description,
                constraints=dg.TableColumnConstraints(nullable=c.nullable),
            )
            for c in found
        ]
    )


def table_text(value: dg.MetadataValue) -> str:
    """A table's rows as a markdown table (for pages outside the UI); other values as text."""
    if not isinstance(value, dg.TableMetadataValue):
        return str(value.value)
    names = [c.name for c in value.schema.columns]
    frame = pd.DataFrame([record.data for record in value.records], columns=names)
    return frame.to_markdown(index=False) if len(frame) else "_none_"
