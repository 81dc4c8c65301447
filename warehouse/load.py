"""Write the warehouse: schema, one report at a time in one transaction, quarantine, renames.

DuckDB allows one writing process per file. Ingestion is that one writer; analysts read the copy
`publish` makes (see `warehouse.publish`).
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd
import pycountry

from warehouse import descriptions, settings
from warehouse.frames import COLUMNS, FACT_TABLES, frames, report_row
from warehouse.orgs import org_id
from warehouse.publish import publish

if TYPE_CHECKING:
    from extractors.extract import Extraction

__all__ = [
    "connect",
    "connect_writer",
    "delete_report",
    "ensure_schema",
    "ingest",
    "publish",
    "record_quarantine",
    "record_rename",
    "replace_report",
]

REPORT_COLUMNS = (
    "report_id",
    "organization",
    "year",
    "title",
    "source_file",
    "sha256",
    "page_count",
    "ingested_at",
    "extractor_version",
    "publisher_id",
    "acronym",
    "corrections_sha256",
)
KOSOVO = {"iso3": "XKX", "iso2": "XK", "name": "Kosovo", "common_name": "Kosovo"}

# The organizations table is rebuilt from the member facts: each org_id with the name, kind and
# country of its latest listing (members before new_members), so load order never matters and an
# organization no report lists any more disappears.
_REFRESH_ORGANIZATIONS = """
DELETE FROM organizations;
INSERT INTO organizations (org_id, name, kind, country_iso3)
SELECT org_id, name, kind, country_iso3
FROM (
    SELECT m.org_id, m.name, m.member_type AS kind, m.country_iso3, r.year, m.report_id,
           0 AS pref, m.row_no
    FROM members m LEFT JOIN reports r USING (report_id)
    UNION ALL
    SELECT n.org_id, n.name, n.kind, n.country_iso3, r.year, n.report_id, 1 AS pref, n.row_no
    FROM new_members n LEFT JOIN reports r USING (report_id)
)
QUALIFY row_number() OVER (
    PARTITION BY org_id ORDER BY year DESC NULLS LAST, report_id DESC, pref, row_no
) = 1;
"""


_LOCK_ERROR = "Could not set lock on file"


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse (default `settings.warehouse_path()`, i.e. `$ANNUAL_REPORTS_WAREHOUSE` or
    `warehouse/annual_reports.duckdb`). Analysts: open the published copy with `read_only=True`."""
    target = Path(path) if path is not None else settings.warehouse_path()
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(target), read_only=read_only)


def connect_writer(
    path: str | Path | None = None, wait_seconds: float = 60.0
) -> duckdb.DuckDBPyConnection:
    """`connect` for writing, waiting up to `wait_seconds` while another process holds DuckDB's
    write lock ("Could not set lock on file"), retrying with a growing, jittered pause. Any other
    error, or the lock still held at the deadline, is raised as DuckDB raised it."""
    deadline = time.monotonic() + wait_seconds
    pause = 0.05
    while True:
        try:
            return connect(path)
        except duckdb.IOException as exc:
            remaining = deadline - time.monotonic()
            if _LOCK_ERROR not in str(exc) or remaining <= 0:
                raise
            time.sleep(min(pause * random.uniform(0.5, 1.5), remaining))
            pause = min(pause * 2, 2.0)


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, (re)create the views, fill `countries` once. Idempotent.

    The fingerprint of schema.sql and views.sql is kept as the comment of the `reports` table;
    when it is already there (every load after the first), there is nothing to do."""
    schema = settings.SCHEMA_SQL.read_text(encoding="utf-8")
    views_sql = settings.VIEWS_SQL.read_text(encoding="utf-8")
    described = descriptions.DESCRIPTIONS.read_text(encoding="utf-8")
    fingerprint = f"{schema}\0{views_sql}\0{described}".encode()
    mark = _SCHEMA_MARK + hashlib.sha256(fingerprint).hexdigest()[:16]
    if _schema_mark(conn) == mark:
        return
    with _registered(conn, {"countries": countries_frame()}) as views, _transaction(conn):
        conn.execute(schema)
        conn.execute(views_sql)
        if _scalar(conn, "SELECT count(*) FROM countries") == 0:
            _insert_frame(conn, "countries", views["countries"])
        _describe(conn)
        conn.execute(f"COMMENT ON TABLE reports IS '{mark}'")


_SCHEMA_MARK = "annual-reports schema "


def _describe(conn: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON every documented table, view and column (docs/warehouse.md, through
    `warehouse.descriptions`), so SQL clients show the documentation. The `reports` table's
    own comment holds the schema mark instead."""
    existing = set(conn.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal"
        " AND database_name = current_database()"
    ).fetchall())  # fmt: skip
    relations = {t for t, _ in existing}
    kinds = dict(conn.execute(
        "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE database_name = current_database()"
        " UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE NOT internal"
        " AND database_name = current_database()"
    ).fetchall())  # fmt: skip
    for name, described in descriptions.load().items():
        if name not in relations:
            continue
        if described["title"] and name != "reports":
            conn.execute(f'COMMENT ON {kinds[name]} "{name}" IS {_quote(described["title"])}')
        for column, meaning in described["columns"].items():
            if (name, column) in existing:
                conn.execute(f'COMMENT ON COLUMN "{name}"."{column}" IS {_quote(meaning)}')


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _schema_mark(conn: duckdb.DuckDBPyConnection) -> str | None:
    rows = conn.execute(
        "SELECT comment FROM duckdb_tables() WHERE table_name = 'reports' AND schema_name = 'main'"
        " AND database_name = current_database()"
    ).fetchall()
    return rows[0][0] if rows else None


def countries_frame() -> pd.DataFrame:
    """ISO 3166-1 countries from pycountry, plus Kosovo (XKX)."""
    rows = [
        {
            "iso3": c.alpha_3,
            "iso2": c.alpha_2,
            "name": c.name,
            "common_name": getattr(c, "common_name", None) or c.name,
        }
        for c in pycountry.countries
    ]
    if not any(r["iso3"] == KOSOVO["iso3"] for r in rows):
        rows.append(KOSOVO)
    return pd.DataFrame(rows).astype("string")


def replace_report(
    conn: duckdb.DuckDBPyConnection,
    report_id: str,
    frames: Mapping[str, pd.DataFrame],
    report_row: Mapping[str, Any],
) -> dict[str, int]:
    """Replace everything the warehouse holds about `report_id` in ONE transaction.

    Deletes the report's rows from every fact table, inserts `frames` (table name -> DataFrame, as
    made by `warehouse.frames.frames`; a fact table without a frame gets no rows), upserts the
    `reports` row and refreshes `organizations`. Any error rolls everything back, so the previous
    good rows stay. Returns the rows inserted per fact table.
    """
    unknown = set(frames) - set(FACT_TABLES)
    if unknown:
        raise ValueError(f"not fact tables: {sorted(unknown)}")
    if report_row.get("report_id") != report_id:
        raise ValueError(f"report_row is for {report_row.get('report_id')!r}, not {report_id!r}")
    for table, df in frames.items():
        if len(df) and not (df["report_id"] == report_id).all():
            raise ValueError(f"{table}: rows of another report than {report_id!r}")
    with _registered(conn, frames) as views, _transaction(conn):
        for table in FACT_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE report_id = ?", [report_id])
        _upsert_report(conn, report_row)
        for table, view in views.items():
            _insert_frame(conn, table, view)
        conn.execute(_REFRESH_ORGANIZATIONS)
    return {table: len(frames[table]) if table in frames else 0 for table in FACT_TABLES}


def ingest(
    conn: duckdb.DuckDBPyConnection,
    extraction: Extraction,
    *,
    ingested_at: datetime | None = None,
) -> dict[str, int]:
    """`replace_report` for an Extraction: its frames and its reports row."""
    row = report_row(extraction, ingested_at=ingested_at)
    return replace_report(conn, row["report_id"], frames(extraction), row)


def delete_report(conn: duckdb.DuckDBPyConnection, report_id: str) -> None:
    """Remove a report (its reports row and all its facts) in one transaction."""
    with _transaction(conn):
        for table in FACT_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE report_id = ?", [report_id])
        conn.execute("DELETE FROM reports WHERE report_id = ?", [report_id])
        conn.execute(_REFRESH_ORGANIZATIONS)


def record_quarantine(
    conn: duckdb.DuckDBPyConnection,
    file: str | Path,
    sha256: str,
    reason: str,
    message: str | None = None,
    at: datetime | None = None,
) -> None:
    """Note a file that could not be ingested. The same file and bytes failing again updates its
    row (reason, message, time) instead of adding one."""
    conn.execute(
        """
        INSERT INTO quarantine (file, sha256, reason, message, "at") VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (file, sha256) DO UPDATE
        SET reason = excluded.reason, message = excluded.message, "at" = excluded."at"
        """,
        [str(file), sha256, reason, message, at or _utcnow()],
    )


def record_report_file(
    conn: duckdb.DuckDBPyConnection,
    path: str | Path,
    sha256: str,
    outcome: str,
    *,
    report_id: str | None = None,
    previous_file: str | None = None,
    detail: str | None = None,
    run_id: str | None = None,
    at: datetime | None = None,
) -> None:
    """Note what a run did with one file (`report_files`); size and modification time are read
    from the file when it is there."""
    path = Path(path)
    size = modified = None
    if path.is_file():
        stat = path.stat()
        size, modified = (
            stat.st_size,
            datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None),
        )
    conn.execute(
        "INSERT INTO report_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [path.name, sha256, size, modified, report_id, outcome, previous_file, detail, run_id,
         at or _utcnow()],
    )  # fmt: skip


def release_quarantine(conn: duckdb.DuckDBPyConnection, key: str) -> list[tuple[str, str]]:
    """Clear the quarantine rows of a file, by its name or by its sha256 (or a prefix of at least
    8 hex digits), so that the next ingest tries it again; returns the (file, sha256) cleared."""
    key = key.strip()
    by_sha = len(key) >= 8 and all(c in "0123456789abcdef" for c in key.lower())
    rows = conn.execute(
        "SELECT file, sha256 FROM quarantine WHERE file = ? OR (? AND starts_with(sha256, ?))"
        " ORDER BY file, sha256",
        [key, by_sha, key.lower()],
    ).fetchall()
    for file, sha in rows:
        conn.execute("DELETE FROM quarantine WHERE file = ? AND sha256 = ?", [file, sha])
    return [(str(file), str(sha)) for file, sha in rows]


def record_rename(
    conn: duckdb.DuckDBPyConnection,
    from_name: str,
    to_name: str,
    country_iso3: str | None,
    *,
    to_country_iso3: str | None = None,
    note: str | None = None,
) -> tuple[str, str]:
    """Record that the member `from_name` is now called `to_name` (same country unless
    `to_country_iso3` is given), so `member_changes` shows one 'renamed' row instead of a 'left'
    and a 'joined'. Returns (from_org_id, to_org_id)."""
    old = org_id(from_name, country_iso3)
    new = org_id(to_name, to_country_iso3 or country_iso3)
    if old == new:
        raise ValueError(f"{from_name!r} and {to_name!r} are already the same organization")
    conn.execute(
        "INSERT OR REPLACE INTO organization_renames VALUES (?, ?, ?, ?, ?)",
        [old, new, from_name, to_name, note],
    )
    return old, new


def _upsert_report(conn: duckdb.DuckDBPyConnection, row: Mapping[str, Any]) -> None:
    missing = [c for c in REPORT_COLUMNS if c not in row]
    if missing:
        raise ValueError(f"report_row lacks {missing}")
    columns = ", ".join(REPORT_COLUMNS)
    marks = ", ".join("?" for _ in REPORT_COLUMNS)
    conn.execute(
        f"INSERT OR REPLACE INTO reports ({columns}) VALUES ({marks})",
        [row[c] for c in REPORT_COLUMNS],
    )


@contextmanager
def _registered(
    conn: duckdb.DuckDBPyConnection, table_frames: Mapping[str, pd.DataFrame]
) -> Iterator[dict[str, str]]:
    """Register each non-empty DataFrame as a view (table -> view name) for a bulk
    `INSERT ... SELECT`; unregister them afterwards. Registering happens outside the load's
    transaction, so an aborted transaction never stops the clean-up."""
    views: dict[str, str] = {}
    try:
        for table, df in table_frames.items():
            expected = COLUMNS.get(table)
            if expected is not None and set(df.columns) != set(expected):
                raise ValueError(
                    f"{table}: columns {sorted(df.columns)} are not {sorted(expected)}"
                )
            if len(df):
                views[table] = f"_incoming_{table}"
                conn.register(views[table], df)
        yield views
    finally:
        for view in views.values():
            with suppress(duckdb.Error):
                conn.unregister(view)


def _insert_frame(conn: duckdb.DuckDBPyConnection, table: str, view: str) -> None:
    """Bulk insert from a registered DataFrame, matching columns by name."""
    conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view}")


@contextmanager
def _transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT; on any exception ROLLBACK (and re-raise), so nothing is half-written."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        with suppress(duckdb.Error):  # a failed COMMIT has already rolled back
            conn.execute("ROLLBACK")
        raise


def _scalar(conn: duckdb.DuckDBPyConnection, sql: str) -> Any:
    rows = conn.execute(sql).fetchall()  # fetch to the end: DuckDB then frees the connection
    return rows[0][0] if rows else None


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
