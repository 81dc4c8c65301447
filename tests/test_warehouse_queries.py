"""Views and analyst queries on a warehouse holding both WeGO reports (2021 and 2023).

`member_changes` is checked against the hand-made member changes in tests/gold/README.md.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from extractors.records import Rename
from tests.test_warehouse import ROOT, count, extraction, new_warehouse
from warehouse import analyst, load
from warehouse.frames import FACT_TABLES
from warehouse.orgs import org_id

GOLD_README = ROOT / "tests" / "gold" / "README.md"


def gold_member_changes() -> dict[str, list[tuple[str, ...]]]:
    """The Left / Joined / Renamed tables under "Member changes 2021 → 2023" in the gold README:
    left and joined as (name, country), renamed as (old name, new name)."""
    text = GOLD_README.read_text(encoding="utf-8")
    section = text[text.index("### Member changes 2021 → 2023") :]
    tables: dict[str, list[tuple[str, ...]]] = {}
    for kind in ("Left", "Joined", "Renamed"):
        block = section[section.index(f"**{kind} (") :]
        rows = []
        for line in block.splitlines()[1:]:
            if rows and not line.startswith("|"):
                break
            if not line.startswith("|") or set(line) <= set("|- "):
                continue
            cells = [c.strip() for c in line.strip("|").split("|")]
            if cells[0] in ("member", "2021"):
                continue  # header
            name = cells[0].removesuffix("✱").strip()
            rows.append((name, cells[1]) if kind != "Renamed" else (cells[0], cells[1]))
        tables[kind.lower()] = rows
    assert [len(tables[k]) for k in ("left", "joined", "renamed")] == [9, 13, 3]
    return tables


@pytest.fixture(scope="module")
def wh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    conn = new_warehouse(tmp_path_factory.mktemp("wh") / "w.duckdb", "wego-2021", "wego-2023")
    yield conn
    conn.close()


def changes(conn: duckdb.DuckDBPyConnection, change: str) -> list[tuple[str, ...]]:
    sql = "SELECT {} FROM member_changes WHERE change = ? ORDER BY ALL"
    cols = "previous_name, name" if change == "renamed" else "name, country"
    return conn.execute(sql.format(cols), [change]).fetchall()


def assert_changes_are_the_gold(conn: duckdb.DuckDBPyConnection) -> None:
    """Nur-Sultan -> Astana linked: exactly the gold's left, joined and renamed members."""
    gold = gold_member_changes()
    assert changes(conn, "left") == sorted(gold["left"])
    assert changes(conn, "joined") == sorted(gold["joined"])
    assert changes(conn, "renamed") == sorted(gold["renamed"])


def test_member_changes_match_the_gold(wh: duckdb.DuckDBPyConnection) -> None:
    gold = gold_member_changes()
    # spelling variants share an org_id: 'renamed'; a new word is a new org: left + joined
    assert changes(wh, "left") == sorted([*gold["left"], ("Nur-Sultan", "Kazakhstan")])
    assert changes(wh, "joined") == sorted([*gold["joined"], ("Astana", "Kazakhstan")])
    assert changes(wh, "renamed") == [("Bau-Bau", "Baubau"), ("Ha Noi", "Hanoi")]
    pairs = wh.execute(
        "SELECT DISTINCT from_report_id, from_year, to_report_id, to_year FROM member_changes"
    ).fetchall()
    assert pairs == [("wego-2021", 2021, "wego-2023", 2023)]


def test_a_recorded_rename_turns_left_and_joined_into_renamed(tmp_path: Path) -> None:
    conn = new_warehouse(tmp_path / "w.duckdb", "wego-2021", "wego-2023")
    load.record_rename(conn, "Nur-Sultan", "Astana", "KAZ", note="renamed in 2022")
    assert_changes_are_the_gold(conn)
    row = conn.execute(
        "SELECT org_id, previous_org_id, region FROM member_changes WHERE name = 'Astana'"
    ).fetchall()
    assert row == [(org_id("Astana", "KAZ"), org_id("Nur-Sultan", "KAZ"), "Asia-Pacific")]
    conn.close()


def test_a_rename_the_later_report_states_links_the_two_names(tmp_path: Path) -> None:
    later = extraction("wego-2023")
    astana = next(m for m in later.members if m.name == "Astana")
    said = Rename("Astana", "Nur-Sultan", astana.source)
    conn = new_warehouse(tmp_path / "w.duckdb", "wego-2021")
    load.ingest(conn, dataclasses.replace(later, renames=[said]))
    assert_changes_are_the_gold(conn)
    stated = conn.execute(
        "SELECT report_id, org_id, previous_org_id, country_iso3, page_number FROM renames"
    ).fetchall()
    ids = (org_id("Astana", "KAZ"), org_id("Nur-Sultan", "KAZ"))
    assert stated == [("wego-2023", *ids, "KAZ", astana.source.page)]
    origin = conn.execute("SELECT origin, report_id FROM known_renames").fetchall()
    assert origin == [("reported", "wego-2023")]
    conn.close()


def test_org_ids_are_stable_across_reports(wh: duckdb.DuckDBPyConnection) -> None:
    both = wh.execute(
        "SELECT a.name, a.country, b.country, a.org_id, b.org_id FROM members a "
        "JOIN members b ON a.name = b.name AND a.report_id = 'wego-2021' "
        "AND b.report_id = 'wego-2023'"
    ).fetchall()
    assert len(both) == 149 + 15  # the gold's unchanged members
    assert all(a_id == b_id for *_, a_id, b_id in both)
    turkish = {name for name, c21, c23, *_ in both if (c21, c23) == ("Turkey", "Türkiye")}
    assert turkish == {"Ankara", "Antakya", "Beyoğlu", "Gaziantep", "Malatya", "Muğla"}
    # and independent of load order and warehouse: a fresh load of 2023 alone gives the same ids
    ids_2023 = set(
        wh.execute("SELECT org_id FROM members WHERE report_id = 'wego-2023'").fetchall()
    )
    assert ids_2023 == {(org_id(m.name, m.country_iso3),) for m in extraction("wego-2023").members}


def test_organizations_take_the_latest_name(wh: duckdb.DuckDBPyConnection) -> None:
    names = dict(wh.execute("SELECT org_id, name FROM organizations").fetchall())
    assert names[org_id("Hanoi", "VNM")] == "Hanoi"
    assert names[org_id("Ankara", "TUR")] == "Ankara"
    assert org_id("Minsk", "BLR") in names  # left, still known


def test_members_by_region_reconciles(wh: duckdb.DuckDBPyConnection) -> None:
    rows = wh.execute(
        "SELECT year, region, member_count, stated_count, difference FROM members_by_region"
    ).fetchall()
    assert [r[:4] for r in rows if r[0] == 2023] == [
        (2023, "Africa", 45, 45),
        (2023, "Americas", 16, 16),
        (2023, "Asia-Pacific", 77, 77),
        (2023, "Europe", 18, 18),
        (2023, "Middle East", 7, 7),
    ]
    assert len(rows) == 10 and all(r[4] == 0 for r in rows)


def test_report_summary_counts_every_table(wh: duckdb.DuckDBPyConnection) -> None:
    rows = wh.execute("SELECT report_id, table_name, row_count FROM report_summary").fetchall()
    assert len(rows) == 2 * len(FACT_TABLES)
    got = {(r, t): n for r, t, n in rows}
    assert got[("wego-2021", "members")] == 176
    assert got[("wego-2023", "members")] == 180
    assert got[("wego-2023", "awards")] == 0
    assert got[("wego-2021", "events")] == 30


def test_other_views(wh: duckdb.DuckDBPyConnection) -> None:
    failures = wh.execute("SELECT year, scope, stated, extracted FROM reconciliation_failures")
    assert failures.fetchall() == [(2021, "new_members", 7, 8)]
    by_month = count(wh, "SELECT sum(event_count) FROM events_by_month")
    assert by_month == count(wh, "SELECT count(*) FROM events WHERE start_date IS NOT NULL")
    history = {
        name: (first, last, listed, latest)
        for name, first, last, listed, latest in wh.execute(
            "SELECT name, first_year, last_year, reports_listed, in_latest_report "
            "FROM member_history"
        ).fetchall()
    }
    assert history["Seoul"] == (2021, 2023, 2, True)
    assert history["Minsk"] == (2021, 2021, 1, False)
    assert history["Porto"] == (2023, 2023, 1, True)
    assert history["Hanoi"] == (2021, 2023, 2, True)
    assert count(wh, "SELECT sum(member_count) FROM members_by_country WHERE year = 2023") == 180


QUERIES = analyst.list_queries()


def test_the_query_folder_asks_at_least_ten_distinct_questions() -> None:
    assert len(QUERIES) >= 10
    assert len({q.name for q in QUERIES}) == len(QUERIES)
    for q in QUERIES:
        assert q.question.endswith("?"), q.path.name
        assert set(q.needs) <= set(FACT_TABLES)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_query_runs_and_answers(wh: duckdb.DuckDBPyConnection, query: analyst.Query) -> None:
    frame = analyst.run_query(wh, query)
    assert len(frame.columns) > 0
    if all(count(wh, f"SELECT count(*) FROM {t}") for t in query.needs):
        assert len(frame) > 0, f"{query.name} returned no rows"


def test_query_parameters(wh: duckdb.DuckDBPyConnection) -> None:
    big = analyst.run_query(wh, "new_members_population_over_1m", {"min_population": 5_000_000})
    assert big["name"].tolist() == ["Lima"]
    default = analyst.run_query(wh, "03_new_members_population_over_1m")
    assert len(default) > 1 and (default["population"] > 1_000_000).all()
    history = analyst.run_query(wh, "member_history", {"member": "ha noi"})
    assert history["name"].tolist() == ["Ha Noi", "Hanoi"]
    with pytest.raises(ValueError, match="takes no parameters"):
        analyst.run_query(wh, "figures_by_year", {"year": 2021})
    with pytest.raises(KeyError):
        analyst.get_query("no_such_question")


def test_member_changes_query_lists_the_last_pair(wh: duckdb.DuckDBPyConnection) -> None:
    frame = analyst.run_query(wh, "member_changes_last_two_reports")
    assert frame["change"].value_counts().to_dict() == {"joined": 14, "left": 10, "renamed": 2}


def test_analyst_command_line(
    wh: duckdb.DuckDBPyConnection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = load.publish(wh_path(wh), tmp_path / "published.duckdb", conn=wh)
    assert analyst.main([]) == 0
    listing = capsys.readouterr().out
    assert all(q.name in listing for q in QUERIES)
    assert analyst.main(["figures_by_year", "--db", str(published)]) == 0
    assert "Organized 18 activities" in capsys.readouterr().out
    assert (
        analyst.main(
            [
                "new_members_population_over_1m",
                "--db",
                str(published),
                "-p",
                "min_population=5000000",
            ]
        )
        == 0
    )
    assert re.search(r"\bLima\b", capsys.readouterr().out)


def wh_path(conn: duckdb.DuckDBPyConnection) -> Path:
    return Path(
        conn.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchall()[0][0]
    )


def test_the_query_command_fits_an_analyst(
    wh: duckdb.DuckDBPyConnection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipelines import cli

    published = str(load.publish(wh_path(wh), tmp_path / "published.duckdb", conn=wh))
    assert cli.main(["query", "--list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in listing] == [q.name for q in QUERIES]

    # a mistyped name: a clear error offering the closest names, not a SQL parser error
    assert cli.main(["query", "figures_by_yaer", "--warehouse", published]) == cli.EXIT_USAGE
    assert "did you mean figures_by_year" in " ".join(capsys.readouterr().err.split())

    # parameters reach a saved question
    query = ["query", "new_members_population_over_1m", "--warehouse", published]
    assert cli.main([*query, "-p", "min_population=5000000", "--format", "csv"]) == 0
    few = capsys.readouterr().out.splitlines()
    assert cli.main([*query, "-p", "min_population=1", "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > len(few) > 1

    # a long answer is cut at --limit on screen, and written whole with --output
    members = ["query", "SELECT name FROM members ORDER BY name", "--warehouse", published]
    total = wh.execute("SELECT count(*) FROM members").fetchall()[0][0]
    assert cli.main([*members, "--limit", "5"]) == 0
    shown = capsys.readouterr()
    assert f"5 of {total} rows shown" in " ".join(shown.err.split())
    out = tmp_path / "members.parquet"
    assert cli.main([*members, "--output", str(out)]) == 0
    capsys.readouterr()
    assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall() == [(total,)]


def test_export_writes_every_table_and_view(wh: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    from pipelines import cli

    published = str(load.publish(wh_path(wh), tmp_path / "published.duckdb", conn=wh))
    folder = tmp_path / "export"
    assert cli.main(["export", str(folder), "--warehouse", published]) == 0
    tables = [t for (t,) in wh.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    views = [v for (v,) in wh.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]  # fmt: skip
    assert tables and views
    for name in [*tables, *views]:
        written = folder / f"{name}.parquet"
        assert written.is_file(), name
        rows = duckdb.sql(f"SELECT count(*) FROM '{written}'").fetchall()[0][0]
        assert rows == wh.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0], name
    assert (folder / "schema.sql").is_file() and (folder / "load.sql").is_file()
    assert cli.main(["export", str(folder), "--warehouse", published]) == cli.EXIT_USAGE


def test_query_prints_markdown(
    wh: duckdb.DuckDBPyConnection, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pipelines import cli

    published = str(load.publish(wh_path(wh), tmp_path / "published.duckdb", conn=wh))
    sql = "SELECT report_id FROM reports ORDER BY 1"
    assert cli.main(["query", sql, "--format", "markdown", "--warehouse", published]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| report_id") and "| wego-2021" in lines[2]


@pytest.mark.browser
def test_the_dashboard_opens_offline_with_every_chart_drawn(
    wh: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    from pipelines import cli
    from tests.ui_support import CHROMIUM_ARGS, require_chromium
    from warehouse.dashboard import CHARTS

    chromium = require_chromium()
    published = str(load.publish(wh_path(wh), tmp_path / "published.duckdb", conn=wh))
    page_path = tmp_path / "dashboard.html"
    assert cli.main(["dashboard", "--out", str(page_path), "--warehouse", published]) == 0
    text = page_path.read_text(encoding="utf-8")
    assert "<script src=" not in text  # Plotly is embedded, nothing is fetched
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True)
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_path.as_uri())
            for n in range(len(CHARTS)):
                expect(page.locator(f"#figure-{n} .main-svg").first).to_be_visible()
                bars = page.locator(f"#figure-{n} .bars .point")
                assert bars.count() > 0, CHARTS[n].title
            assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        finally:
            browser.close()


@pytest.mark.slow
def test_the_analysis_notebook_runs(
    wh: duckdb.DuckDBPyConnection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/analysis.ipynb, executed as a reader runs it, against a published copy; the file in
    git carries no outputs."""
    import nbclient
    import nbformat

    notebook = Path(__file__).resolve().parents[1] / "docs" / "analysis.ipynb"
    stored = nbformat.read(notebook, as_version=4)
    assert all(not c.get("outputs") for c in stored.cells if c.cell_type == "code")
    published = load.publish(wh_path(wh), tmp_path / "published.duckdb", conn=wh)
    monkeypatch.setenv("ANNUAL_REPORTS_PUBLISHED", str(published))
    monkeypatch.setenv("PYTHONPATH", str(notebook.parents[1]))
    ran = nbclient.NotebookClient(stored, timeout=120, kernel_name="python3").execute()
    outputs = [o for c in ran.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "wego-2021" in text and "Asia-Pacific" in text
