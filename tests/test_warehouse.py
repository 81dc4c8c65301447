"""The warehouse: schema, frames, one-transaction loads, idempotence, rollback, quarantine, publish.

Works on the real extractions of the two WeGO reports (parsed once per test session).
"""

from __future__ import annotations

import functools
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from extractors.extract import Extraction, extract_document
from extractors.pdf.read import read_document
from warehouse import load, settings
from warehouse.frames import COLUMNS, FACT_TABLES, frames, report_row
from warehouse.orgs import fold_name, org_id

ROOT = Path(__file__).resolve().parents[1]
REPORTS = {
    "wego-2021": ROOT / "raw_reports" / "wego_2021_annual_report.pdf",
    "wego-2023": ROOT / "tests" / "fixtures" / "reports" / "wego_2023_annual_review.pdf",
}
WHEN = datetime(2024, 1, 2, 3, 4, 5)
ALL_TABLES = ("reports", "countries", "organizations", "organization_renames", *FACT_TABLES)


@functools.cache
def extraction(report_id: str) -> Extraction:
    x = extract_document(read_document(REPORTS[report_id]))
    assert x.document.report_id == report_id
    return x


def expected_counts(x: Extraction) -> dict[str, int]:
    return {
        "members": len(x.members),
        "stated_totals": len(x.member_totals),
        "region_totals": len(x.region_totals),
        "new_members": len(x.new_members),
        "figures": len(x.figures),
        "events": len(x.organized_events) + len(x.partner_events),
        "awards": len(x.awards),
        "agreements": len(x.mous),
        "diplomatic_countries": len(x.diplomatic_countries),
        "people": len(x.people),
        "renames": len(x.renames),
        "entity_mentions": len(x.mentions),
        "reconciliation": len(x.reconciliation),
        "corrections": 0,  # no corrections file
    }


def new_warehouse(path: Path, *report_ids: str) -> duckdb.DuckDBPyConnection:
    conn = load.connect(path)
    load.ensure_schema(conn)
    for report_id in report_ids:
        load.ingest(conn, extraction(report_id), ingested_at=WHEN)
    return conn


def snapshot(conn: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ALL_TABLES}


def count(conn: duckdb.DuckDBPyConnection, sql: str, *params: object) -> int:
    return conn.execute(sql, list(params)).fetchall()[0][0]


@pytest.fixture
def conn(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    c = new_warehouse(tmp_path / "w.duckdb", "wego-2021")
    yield c
    c.close()


# --- schema -------------------------------------------------------------------------------------


def test_countries_filled_once_from_pycountry_plus_kosovo(tmp_path: Path) -> None:
    c = new_warehouse(tmp_path / "w.duckdb")
    load.ensure_schema(c)  # idempotent: no duplicates, no error
    assert 249 <= count(c, "SELECT count(*) FROM countries") <= 260
    rows = dict(
        (iso3, (iso2, name))
        for iso3, iso2, name in c.execute("SELECT iso3, iso2, name FROM countries").fetchall()
    )
    assert rows["KOR"] == ("KR", "Korea, Republic of")
    assert rows["XKX"] == ("XK", "Kosovo")


def test_schema_is_applied_again_only_when_the_sql_files_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = new_warehouse(tmp_path / "w.duckdb")
    c.execute("DROP VIEW member_changes")
    load.ensure_schema(c)  # same schema.sql and views.sql as when it was applied: nothing to do
    views = "SELECT count(*) FROM duckdb_views() WHERE view_name = 'member_changes'"
    assert count(c, views) == 0
    changed = tmp_path / "views.sql"
    changed.write_text(load.settings.VIEWS_SQL.read_text(encoding="utf-8") + "\n-- changed\n")
    monkeypatch.setattr(load.settings, "VIEWS_SQL", changed)
    load.ensure_schema(c)  # views.sql changed: applied again, the view is back
    assert count(c, views) == 1
    c.close()


def test_frames_have_the_tables_columns_and_dtypes(conn: duckdb.DuckDBPyConnection) -> None:
    fs = frames(extraction("wego-2021"))
    assert list(fs) == list(FACT_TABLES)
    for table, df in fs.items():
        described = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall()]
        assert list(df.columns) == described == list(COLUMNS[table]), table
        assert str(df["row_no"].dtype) == "Int64"
        assert df["row_no"].tolist() == list(range(1, len(df) + 1))
    events = fs["events"]
    assert str(events["start_date"].dtype) == "date32[day][pyarrow]"
    assert isinstance(events["start_date"].iloc[0], date)
    assert str(fs["new_members"]["population"].dtype) == "Int64"
    assert str(fs["reconciliation"]["ok"].dtype) == "boolean"


def test_frames_carry_each_records_provenance() -> None:
    x = extraction("wego-2021")
    members = frames(x)["members"]
    for row, record in zip(members.itertuples(), x.members, strict=True):
        assert row.page_number == record.source.page
        assert row.source_text == record.source.source_text
        assert record.source.bbox is not None
        assert (row.bbox_x0, row.bbox_top, row.bbox_x1, row.bbox_bottom) == (
            record.source.bbox.x0,
            record.source.bbox.top,
            record.source.bbox.x1,
            record.source.bbox.bottom,
        )
        assert row.org_id == org_id(record.name, record.country_iso3)


# --- loading ------------------------------------------------------------------------------------


def test_row_counts_equal_the_extraction(conn: duckdb.DuckDBPyConnection) -> None:
    x = extraction("wego-2021")
    for table, n in expected_counts(x).items():
        assert (
            count(conn, f"SELECT count(*) FROM {table} WHERE report_id = ?", x.document.report_id)
            == n
        )
    assert count(conn, "SELECT count(*) FROM events WHERE kind = 'partner'") == len(
        x.partner_events
    )
    doc = x.document
    assert conn.execute("SELECT * FROM reports").fetchall() == [
        (
            doc.report_id,
            doc.organization,
            doc.year,
            doc.title,
            doc.source_file,
            doc.sha256,
            doc.page_count,
            WHEN,
            report_row(x)["extractor_version"],
            doc.publisher_id,
            doc.acronym,
            None,  # corrections_sha256: no corrections file was applied
        )
    ]
    assert doc.publisher_id == "wego" and doc.acronym == "WeGO"
    # one organization per distinct member (same name and country = same org_id)
    distinct = {org_id(m.name, m.country_iso3) for m in x.members}
    distinct |= {r for r in frames(x)["new_members"]["org_id"]}
    assert count(conn, "SELECT count(*) FROM organizations") == len(distinct)


@pytest.mark.parametrize(
    "sql",
    [
        # duplicate primary key
        "INSERT INTO members SELECT * FROM members WHERE row_no = 1",
        "INSERT INTO reports SELECT * FROM reports",
        # NOT NULL
        "INSERT INTO members (report_id, row_no, org_id, name, member_type, page_number,"
        " source_text) VALUES ('r', 1, 'o', NULL, 'institution', 1, 't')",
        "INSERT INTO figures (report_id, row_no, label, value, page_number, source_text)"
        " VALUES ('r', 1, 'label', NULL, 1, 't')",
        "INSERT INTO events (report_id, row_no, kind, name, page_number, source_text)"
        " VALUES ('r', 1, 'organized', 'e', NULL, 't')",
        # CHECK
        "INSERT INTO events (report_id, row_no, kind, name, page_number, source_text)"
        " VALUES ('r', 1, 'party', 'e', 1, 't')",
        "INSERT INTO members (report_id, row_no, org_id, name, member_type, page_number,"
        " source_text) VALUES ('r', 1, 'o', 'n', 'club', 1, 't')",
    ],
)
def test_constraints_reject_bad_rows(conn: duckdb.DuckDBPyConnection, sql: str) -> None:
    with pytest.raises(duckdb.ConstraintException):
        conn.execute(sql)


def test_loading_the_same_report_twice_gives_identical_tables(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    before = snapshot(conn)
    load.ingest(conn, extraction("wego-2021"), ingested_at=WHEN)
    assert snapshot(conn) == before
    # a later re-ingest changes nothing but the time it happened
    load.ingest(conn, extraction("wego-2021"))
    after = snapshot(conn)
    assert {t: v for t, v in after.items() if t != "reports"} == {
        t: v for t, v in before.items() if t != "reports"
    }
    assert after["reports"][0][7] > WHEN


def test_replacing_a_report_touches_only_that_report(tmp_path: Path) -> None:
    c = new_warehouse(tmp_path / "w.duckdb", "wego-2021", "wego-2023")
    rows_2023 = {
        t: c.execute(f"SELECT * FROM {t} WHERE report_id = 'wego-2023' ORDER BY ALL").fetchall()
        for t in FACT_TABLES
    }
    x = extraction("wego-2021")
    fs = frames(x)
    fs["members"] = fs["members"].iloc[:10]
    fs["awards"] = fs["awards"].iloc[0:0]
    counts = load.replace_report(c, "wego-2021", fs, report_row(x, ingested_at=WHEN))
    assert counts["members"] == 10 and counts["awards"] == 0
    assert count(c, "SELECT count(*) FROM members WHERE report_id = 'wego-2021'") == 10
    assert count(c, "SELECT count(*) FROM awards") == 0
    for t in FACT_TABLES:
        got = c.execute(f"SELECT * FROM {t} WHERE report_id = 'wego-2023' ORDER BY ALL").fetchall()
        assert got == rows_2023[t], t
    # organizations follow the facts: those only the dropped 2021 rows named are gone
    orphans = count(
        c,
        "SELECT count(*) FROM organizations o WHERE NOT EXISTS "
        "(SELECT 1 FROM members m WHERE m.org_id = o.org_id) AND NOT EXISTS "
        "(SELECT 1 FROM new_members n WHERE n.org_id = o.org_id)",
    )
    assert orphans == 0
    c.close()


def test_a_load_failing_on_a_constraint_keeps_the_previous_rows(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    before = snapshot(conn)
    x = extraction("wego-2021")
    fs = frames(x)
    fs["members"] = fs["members"].copy()
    fs["members"].loc[5, "name"] = pd.NA  # NOT NULL
    fs["figures"] = fs["figures"].iloc[:2]
    with pytest.raises(duckdb.ConstraintException):
        load.replace_report(conn, "wego-2021", fs, report_row(x))
    assert snapshot(conn) == before
    load.ingest(conn, x, ingested_at=WHEN)  # the connection is usable afterwards
    assert snapshot(conn) == before


def test_a_load_failing_midway_keeps_the_previous_rows(
    conn: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(conn)
    real_insert = load._insert_frame
    inserted: list[str] = []

    def failing_insert(c: duckdb.DuckDBPyConnection, table: str, view: str) -> None:
        if table == "events":
            raise RuntimeError("disk full")
        real_insert(c, table, view)
        inserted.append(table)

    monkeypatch.setattr(load, "_insert_frame", failing_insert)
    x = extraction("wego-2021")
    with pytest.raises(RuntimeError, match="disk full"):
        load.ingest(conn, x)  # a new ingested_at, so the reports row would differ too
    assert "members" in inserted  # it did get half-way
    assert snapshot(conn) == before


def test_replace_report_checks_its_arguments(conn: duckdb.DuckDBPyConnection) -> None:
    x = extraction("wego-2021")
    fs = frames(x)
    with pytest.raises(ValueError, match="not fact tables"):
        load.replace_report(conn, "wego-2021", {**fs, "memberz": fs["members"]}, report_row(x))
    with pytest.raises(ValueError, match="report_row is for"):
        load.replace_report(conn, "wego-2023", {}, report_row(x))
    other = report_row(x) | {"report_id": "other"}
    with pytest.raises(ValueError, match="another report"):
        load.replace_report(conn, "other", fs, other)
    with pytest.raises(ValueError, match="columns"):
        load.replace_report(
            conn, "wego-2021", {"figures": fs["figures"].iloc[:, :-1]}, report_row(x)
        )


def test_delete_report_removes_its_rows_and_orphaned_organizations(
    conn: duckdb.DuckDBPyConnection,
) -> None:
    load.delete_report(conn, "wego-2021")
    for table in (*FACT_TABLES, "reports", "organizations"):
        assert count(conn, f"SELECT count(*) FROM {table}") == 0, table


def test_quarantine_keeps_one_row_per_file_and_content(conn: duckdb.DuckDBPyConnection) -> None:
    load.record_quarantine(conn, "raw_reports/bad.pdf", "ab" * 32, "not_pdf", "HTML page", WHEN)
    load.record_quarantine(conn, "raw_reports/bad.pdf", "ab" * 32, "corrupt", "truncated")
    load.record_quarantine(conn, "raw_reports/bad.pdf", "cd" * 32, "encrypted")
    rows = conn.execute(
        'SELECT sha256, reason, message, "at" FROM quarantine ORDER BY ALL'
    ).fetchall()
    assert [(r[0][:2], r[1], r[2]) for r in rows] == [
        ("ab", "corrupt", "truncated"),
        ("cd", "encrypted", None),
    ]
    assert rows[0][3] > WHEN


# --- organizations ------------------------------------------------------------------------------


def test_org_ids_are_stable_and_fold_spelling() -> None:
    assert org_id("Seoul", "KOR") == org_id("SEOUL", "kor") == "78a5f62df9289e74"
    assert org_id("Ha Noi", "VNM") == org_id("Hanoi", "VNM")
    assert org_id("Bau-Bau", "IDN") == org_id("Baubau", "IDN")
    assert org_id("São Paulo", "BRA") == org_id("Sao Paulo", "BRA")
    assert org_id("Muğla", "TUR") == org_id("Mugla", "TUR")
    assert org_id("Selin Aydın", None) == org_id("Selin Aydin", None)
    assert org_id("Córdoba", "ARG") != org_id("Córdoba", "ESP")
    assert org_id("Nur-Sultan", "KAZ") != org_id("Astana", "KAZ")
    assert fold_name("Belo Horizonte’s") == "belohorizontes"
    assert fold_name("東京") == "東京"


def test_new_members_share_the_org_id_of_their_member_listing(tmp_path: Path) -> None:
    c = new_warehouse(tmp_path / "w.duckdb", "wego-2023")
    unmatched = c.execute(
        "SELECT name FROM new_members n WHERE kind <> 'corporation' AND NOT EXISTS "
        "(SELECT 1 FROM members m WHERE m.report_id = n.report_id AND m.org_id = n.org_id)"
    ).fetchall()
    assert unmatched == []
    assert count(c, "SELECT count(*) FROM new_members WHERE kind <> 'corporation'") == 7
    c.close()


def test_record_rename(conn: duckdb.DuckDBPyConnection) -> None:
    old, new = load.record_rename(conn, "Nur-Sultan", "Astana", "KAZ", note="2022")
    assert (old, new) == (org_id("Nur-Sultan", "KAZ"), org_id("Astana", "KAZ"))
    load.record_rename(conn, "Nur-Sultan", "Astana", "KAZ")  # again: replaces, no error
    assert count(conn, "SELECT count(*) FROM organization_renames") == 1
    with pytest.raises(ValueError, match="already the same"):
        load.record_rename(conn, "Ha Noi", "Hanoi", "VNM")


# --- settings and publishing --------------------------------------------------------------------


def test_paths_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(settings.WAREHOUSE_ENV, raising=False)
    monkeypatch.delenv(settings.PUBLISHED_ENV, raising=False)
    assert settings.warehouse_path() == ROOT / "warehouse" / "annual_reports.duckdb"
    assert settings.published_path() == ROOT / "warehouse" / "published" / "annual_reports.duckdb"
    monkeypatch.setenv(settings.WAREHOUSE_ENV, str(tmp_path / "w.duckdb"))
    assert settings.warehouse_path() == tmp_path / "w.duckdb"
    assert settings.published_path() == tmp_path / "published" / "w.duckdb"
    monkeypatch.setenv(settings.PUBLISHED_ENV, str(tmp_path / "p.duckdb"))
    assert settings.published_path() == tmp_path / "p.duckdb"
    conn = load.connect()
    load.ensure_schema(conn)
    conn.close()
    assert (tmp_path / "w.duckdb").is_file()


READ_REPORTS = (
    "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
    "print(c.execute('SELECT count(*) FROM reports').fetchall()[0][0])"
)


def read_in_another_process(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", READ_REPORTS, str(path)], capture_output=True, text=True, timeout=60
    )


def test_publish_gives_analysts_a_copy_while_the_writer_holds_the_warehouse(
    tmp_path: Path,
) -> None:
    src, dst = tmp_path / "w.duckdb", tmp_path / "published" / "w.duckdb"
    writer = new_warehouse(src, "wego-2021")
    # the warehouse itself is locked by the writer ...
    assert read_in_another_process(src).returncode != 0
    # ... its published copy is not
    assert load.publish(src, dst, conn=writer) == dst
    result = read_in_another_process(dst)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"

    reader = duckdb.connect(str(dst), read_only=True)  # an analyst session left open
    load.ingest(writer, extraction("wego-2023"), ingested_at=WHEN)  # ingestion is not blocked
    load.publish(src, dst)  # without conn: checkpoints through this process's open database
    assert count(reader, "SELECT count(*) FROM reports") == 1  # the old copy, still whole
    assert read_in_another_process(dst).stdout.strip() == "2"
    reader.close()

    fresh = duckdb.connect(str(dst), read_only=True)
    assert snapshot(fresh) == snapshot(writer)
    assert count(fresh, "SELECT count(*) FROM member_changes") > 0  # views travel too
    fresh.close()
    writer.close()
    assert sorted(p.name for p in dst.parent.iterdir()) == ["w.duckdb"]  # no temp files left


def test_publish_refuses_to_overwrite_the_warehouse(tmp_path: Path) -> None:
    src = tmp_path / "w.duckdb"
    new_warehouse(src).close()
    with pytest.raises(ValueError):
        load.publish(src, src)
    with pytest.raises(FileNotFoundError):
        load.publish(tmp_path / "missing.duckdb", tmp_path / "p.duckdb")


def test_the_published_copy_is_as_readable_as_the_warehouse(tmp_path: Path) -> None:
    src, dst = tmp_path / "w.duckdb", tmp_path / "published" / "w.duckdb"
    new_warehouse(src).close()
    src.chmod(0o644)
    load.publish(src, dst)
    assert dst.stat().st_mode & 0o777 == 0o644  # a reporting service account can read it


def test_the_database_carries_the_documentation(tmp_path: Path) -> None:
    """Column and table descriptions come from docs/warehouse.md (one source, through
    warehouse/descriptions.json, which must be regenerated when the docs change)."""
    from warehouse import descriptions

    docs = descriptions.parse_docs(descriptions.DOCS.read_text(encoding="utf-8"))
    assert descriptions.load() == docs, "run: python -m warehouse.descriptions"
    conn = new_warehouse(tmp_path / "w.duckdb")
    try:
        comments = dict(
            ((t, c), comment)
            for t, c, comment in conn.execute(
                "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal"
            ).fetchall()
        )
        views = dict(conn.execute("SELECT view_name, comment FROM duckdb_views()").fetchall())
    finally:
        conn.close()
    assert comments[("members", "country_iso3")] == docs["members"]["columns"]["country_iso3"]
    assert comments[("member_changes", "change")].startswith("joined (listed in the later")
    assert views["member_changes"] == docs["member_changes"]["title"]
    documented = [(t, c) for t, d in docs.items() for c in d["columns"] if (t, c) in comments]
    assert len(documented) > 100 and all(comments[k] for k in documented)


def test_a_warehouse_made_before_corrections_gets_the_source_columns(tmp_path: Path) -> None:
    c = new_warehouse(tmp_path / "w.duckdb", "wego-2021")
    for column in ("source", "correction"):
        c.execute(f"ALTER TABLE members DROP COLUMN {column}")  # as a warehouse made before
    c.execute("ALTER TABLE reports DROP COLUMN corrections_sha256")
    c.execute("COMMENT ON TABLE reports IS NULL")  # its schema mark is another one
    load.ensure_schema(c)
    rows = count(c, "SELECT count(*) FROM members WHERE source = 'rules' AND correction IS NULL")
    assert rows == len(extraction("wego-2021").members)  # the rows it had are the rules' rows
    load.ingest(c, extraction("wego-2021"), ingested_at=WHEN)  # and the next load works
    assert count(c, "SELECT count(*) FROM reports WHERE corrections_sha256 IS NULL") == 1
    c.close()
