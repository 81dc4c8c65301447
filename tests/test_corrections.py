"""Corrections a reviewer writes once (`corrections/<report id>.yaml`) and every re-run keeps.

The report here is drawn with the PDF factory: its region heading states 4 members, one is
printed as a "Country: name" line the rules read, the others in a table whose header ("Port |
Nation") the member rules do not take for a member list, so the report is blocked until its
corrections file adds them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

from extractors.corrections import CorrectionsError, correct, read_corrections, record_keys
from extractors.extract import Extraction, extract_document
from extractors.pdf.read import read_document
from pipelines.assets import parsed_report
from pipelines.checks import corrections_still_match, member_totals_reconcile
from pipelines.cli import main
from pipelines.ingest import ingest_folder
from pipelines.partitions import REPORTS
from pipelines.resources import ReportsFolder, WarehouseResource, default_resources
from pipelines.review import review_page
from pipelines.sensors import raw_reports_sensor
from pipelines.suggest import write_suggestions
from tests import pdf_factory as pf
from tests.warehouse_snapshot import warehouse_tables

REPORT_ID = "hcn-2022"
MISSED = [("Kisumu", "Kenya"), ("Tema", "Ghana"), ("Lagos", "Nigeria")]


def blocked_report(path: Path) -> Path:
    """One page: publisher, year, 'AFRICA | 4' over one member line and a table of three more
    that the rules miss, and two headline figures."""
    items: list[pf.Item] = [
        pf.Text(72, 90, "Harbour Cities Network", font="Helvetica-Bold", size=20),
        pf.Text(72, 120, "2022 Annual Report", font="Helvetica-Bold", size=20),
        pf.Text(72, 170, "The Harbour Cities Network (HCN) links port cities."),
        pf.Text(72, 184, "It met twice this year."),
        pf.Text(72, 230, "Members", font="Helvetica-Bold", size=16),
        pf.Text(72, 260, "AFRICA | 4", font="Helvetica-Bold", size=13),
        pf.Text(72, 280, "Kenya: Mombasa"),
        pf.Grid(72, 300, [["Port", "Nation"], *[list(m) for m in MISSED]]),
        pf.Text(72, 400, "Highlights", font="Helvetica-Bold", size=14),
    ]
    for x, number, label in ((72, "12", "port visits"), (250, "4", "workshops held")):
        items += [
            pf.Text(x, 430, number, font="Helvetica-Bold", size=26),
            pf.Text(x, 462, label, size=10),
        ]
    return pf.make_pdf(path, [items])


def _adds(members: list[tuple[str, str]]) -> str:
    return "".join(
        "  - type: members\n"
        "    page: 1\n"
        f"    fields: {{name: {name}, country: {country}, region: Africa,"
        " member_type: local_government}\n"
        for name, country in members
    )


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return blocked_report(tmp_path_factory.mktemp("report") / "hcn.pdf")


@pytest.fixture(scope="module")
def extraction(pdf: Path) -> Extraction:
    return extract_document(read_document(pdf))


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{REPORT_ID}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_report_is_blocked_by_its_region_count(extraction: Extraction) -> None:
    assert extraction.document.report_id == REPORT_ID
    assert [m.name for m in extraction.members] == ["Mombasa"]
    assert member_totals_reconcile(extraction).passed is False


def test_added_records_carry_the_correction_and_the_words_printed(
    extraction: Extraction, tmp_path: Path
) -> None:
    _write(tmp_path, "# the table the rules missed\nadd:\n" + _adds(MISSED))
    corrected = correct(extraction, tmp_path)
    added = [m for m in corrected.members if m.source.correction]
    assert [(m.name, m.country_iso3) for m in added] == [
        ("Kisumu", "KEN"), ("Tema", "GHA"), ("Lagos", "NGA"),
    ]  # fmt: skip
    # each points at its line in the file, and at the words and box printed on its page
    assert [m.source.correction for m in added] == [
        f"{tmp_path.name}/{REPORT_ID}.yaml:{line}" for line in (3, 6, 9)
    ]
    assert all(m.source.page == 1 and m.source.bbox is not None for m in added)
    assert [m.source.source_text for m in added] == ["Kisumu", "Tema", "Lagos"]
    assert member_totals_reconcile(corrected).passed is True
    assert corrections_still_match(corrected).passed is True


def test_drop_edit_and_accept_by_key(extraction: Extraction, tmp_path: Path) -> None:
    (key,) = record_keys("members", extraction.members)
    assert record_keys("members", extract_document(extraction.document).members) == [key]
    _write(
        tmp_path,
        f"edit:\n  - key: {key}\n    fields: {{name: Mombasa City}}\n"
        "accept:\n  - check: member_totals_reconcile\n    scope: Africa\n"
        "    reason: the table of ports is read separately\n",
    )
    corrected = correct(extraction, tmp_path)
    assert [m.name for m in corrected.members] == ["Mombasa City"]
    result = member_totals_reconcile(corrected)
    assert result.passed is True
    assert "the table of ports is read separately" in str(result.metadata["accepted"].value)
    assert "accepted" in (result.description or "")
    _write(tmp_path, f"drop:\n  - key: {key}\n    reason: not a member\n")
    dropped = correct(extraction, tmp_path)
    assert dropped.members == []
    assert dropped.corrections is not None
    (note,) = dropped.corrections.notes
    assert (note.action, note.status, note.source_text) == ("drop", "applied", "Kenya: Mombasa")


def test_stale_corrections_are_reported_and_change_nothing(
    extraction: Extraction, pdf: Path, tmp_path: Path
) -> None:
    (key,) = record_keys("members", extraction.members)
    _write(
        tmp_path,
        "add:\n" + _adds([("Mombasa", "Kenya")])  # the rules find it already
        + "drop:\n  - key: members:0123abcd\n"  # no such record
        + f"edit:\n  - key: {key}\n    fields: {{region: Africa}}\n"  # it is so already
        + "accept:\n  - check: headline_figures_reconcile\n    reason: nothing differs\n",
    )  # fmt: skip
    corrected = correct(extraction, tmp_path)
    assert corrected.members == extraction.members  # nothing changed
    assert corrected.corrections is not None
    stale = {n.at.rsplit(":", 1)[1]: n.detail for n in corrected.corrections.stale}
    assert set(stale) == {"2", "6", "8", "11"}
    assert "the rules already find it" in stale["2"] and "no such record" in stale["6"]
    assert "already has these values" in stale["8"]
    result = corrections_still_match(corrected)
    assert result.passed is False and result.severity == dg.AssetCheckSeverity.WARN
    assert f"{REPORT_ID}.yaml:6" in (result.description or "")
    page = review_page(corrected, pdf)
    assert page.count("class='warned'>stale") == 4


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("add:\n  - type: members\n    page: 1\n    fields: {name: A, member_type: city}\n",
         4, "add[0].fields.member_type"),
        ("add:\n  - type: members\n    page: 0\n    fields: {name: A}\n", 3, "add[0].page"),
        ("drop:\n  - key: members:123\n", 2, "drop[0].key"),
        ("\n\nedit:\n  - key: members:0123abcd\n    fields: {colour: red}\n", 5, "colour"),
        ("accept:\n  - check: no_duplicate_members\n    reason: fine\n", 2, "accept[0].check"),
        ("add: [\n  - x\n", 2, "not YAML"),
        ("drop: []\ndrop: []\n", 2, "given twice"),
    ],
)  # fmt: skip
def test_a_bad_corrections_file_names_its_line(
    tmp_path: Path, text: str, line: int, what: str
) -> None:
    _write(tmp_path, text)
    with pytest.raises(CorrectionsError) as raised:
        read_corrections(tmp_path, REPORT_ID)
    message = str(raised.value)
    assert f"{tmp_path.name}/{REPORT_ID}.yaml:{line}:" in message, message
    assert what in message


def test_suggest_writes_a_file_that_validates(extraction: Extraction, tmp_path: Path) -> None:
    written, count = write_suggestions(extraction, tmp_path)
    assert written.name == f"{REPORT_ID}.suggested.yaml" and count == 3
    assert read_corrections(tmp_path, REPORT_ID) is None  # never applied
    shutil.copy(written, tmp_path / f"{REPORT_ID}.yaml")  # a reviewer accepts them all
    corrections = read_corrections(tmp_path, REPORT_ID)
    assert corrections is not None
    assert [(a.page, a.fields["name"]) for a in corrections.entries.add] == [
        (1, name) for name, _ in MISSED
    ]
    assert member_totals_reconcile(correct(extraction, tmp_path)).passed is True


# ------------------------------------------------------------------ the pipeline


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_corrections_make_a_blocked_report_load_and_every_rerun_keeps_them(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    blocked_report(reports / "hcn.pdf")
    warehouse = tmp_path / "wh.duckdb"
    fixes = tmp_path / "corrections"  # beside the reports folder: found without being named
    first = ingest_folder(reports, warehouse, "blank")
    (outcome,) = first.outcomes
    assert outcome.status == "blocked" and "member_totals_reconcile" in outcome.detail
    assert Path(outcome.review).is_file() and Path(outcome.review).name == f"{REPORT_ID}.html"
    assert "Kenya: Mombasa" in Path(outcome.review).read_text(encoding="utf-8")

    _write(fixes, "add:\n  - x: 1\n")  # a bad file: the run fails, naming the line
    (bad,) = ingest_folder(reports, warehouse, "blank").outcomes
    assert bad.status == "failed" and f"corrections/{REPORT_ID}.yaml:2" in bad.detail

    _write(fixes, "add:\n" + _adds(MISSED) + "drop:\n  - key: members:0123abcd\n")
    (loaded,) = ingest_folder(reports, warehouse, "blank").outcomes
    assert loaded.status == "ingested", loaded.detail
    assert "corrections_still_match" in loaded.detail and "yaml:12" in loaded.detail  # stale
    members = _rows(warehouse, "SELECT name, source, correction FROM members ORDER BY row_no")
    assert members == [
        ("Mombasa", "rules", None),
        ("Kisumu", "correction", f"corrections/{REPORT_ID}.yaml:2"),
        ("Tema", "correction", f"corrections/{REPORT_ID}.yaml:5"),
        ("Lagos", "correction", f"corrections/{REPORT_ID}.yaml:8"),
    ]
    log = _rows(warehouse, "SELECT action, status, correction FROM corrections ORDER BY row_no")
    assert [a for a, _, _ in log] == ["add", "add", "add", "drop"]
    assert log[-1][1] == "stale"
    before = warehouse_tables(warehouse)

    again = ingest_folder(reports, warehouse, "blank")  # same PDF, same corrections
    assert [o.status for o in again.outcomes] == ["unchanged"]
    conn = duckdb.connect(str(warehouse))
    conn.execute("DELETE FROM reports")  # forget it: the next ingest loads it from scratch
    conn.close()
    (reloaded,) = ingest_folder(reports, warehouse, "blank").outcomes
    assert reloaded.status == "ingested"
    assert warehouse_tables(warehouse) == before  # the same warehouse, the corrections kept

    # a changed corrections file re-ingests the report although the PDF did not change
    (key,) = record_keys("members", _rules_members(reports))
    _write(
        fixes,
        "add:\n" + _adds(MISSED) + f"drop:\n  - key: {key}\n    reason: a port\n"
        "accept:\n  - check: member_totals_reconcile\n    scope: Africa\n"
        "    reason: the heading counts the dropped port\n",
    )
    (changed,) = ingest_folder(reports, warehouse, "blank").outcomes
    assert changed.status == "replaced", changed.detail
    accepted = _rows(
        warehouse, "SELECT record_key, reason FROM corrections WHERE action = 'accept'"
    )
    assert accepted == [("members.region.Africa", "the heading counts the dropped port")]
    assert _rows(warehouse, "SELECT ok, source FROM reconciliation") == [(False, "correction")]
    names = [n for (n,) in _rows(warehouse, "SELECT name FROM members ORDER BY row_no")]
    assert names == ["Kisumu", "Tema", "Lagos"]
    dropped = _rows(warehouse, "SELECT record_key, source_text, reason FROM corrections"
                               " WHERE action = 'drop'")  # fmt: skip
    assert dropped == [(key, "Kenya: Mombasa", "a port")]  # nothing dropped without a row

    # the review of a loaded report, by its id: the PDF it was read from, its corrections
    by_id = tmp_path / "by-id"
    where = ["--warehouse", str(warehouse), "--reports-dir", str(reports), "--model", "blank"]
    assert main(["review", REPORT_ID, *where, "--out", str(by_id)]) == 0
    page = (by_id / f"{REPORT_ID}.html").read_text(encoding="utf-8")
    assert "the heading counts the dropped port" in page and "Kisumu" in page
    assert main(["review", "hcn-2021", *where, "--out", str(by_id)]) == 2  # no such report
    assert "did you mean hcn-2022" in capsys.readouterr().err


def _rules_members(reports: Path) -> list[Any]:
    return extract_document(read_document(reports / "hcn.pdf")).members


def _tick(instance: dg.DagsterInstance, reports: Path, cursor: str | None) -> dg.SensorResult:
    resources = {
        "reports": ReportsFolder(path=str(reports)),
        "warehouse": WarehouseResource(path=str(reports.parent / "wh.duckdb")),
    }
    with dg.build_sensor_context(instance=instance, cursor=cursor, resources=resources) as context:
        result = raw_reports_sensor(context)
    assert isinstance(result, dg.SensorResult)
    for request in result.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(REPORTS, list(request.partition_keys))
    return result


def test_the_sensor_runs_a_report_again_when_its_corrections_change(
    home: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    blocked_report(reports / "hcn.pdf")
    instance = dg.DagsterInstance.get()
    first = _tick(instance, reports, None)
    assert len(first.run_requests) == 1  # new: requested
    parsed = dg.materialize(  # its run parses it (so its report id is known); it is blocked
        [parsed_report], partition_key=first.run_requests[0].partition_key, instance=instance,
        resources=default_resources(reports, tmp_path / "wh.duckdb", "blank"),
    )  # fmt: skip
    assert parsed.success
    quiet = _tick(instance, reports, first.cursor)
    assert not quiet.run_requests
    _write(tmp_path / "corrections", "add:\n" + _adds(MISSED))
    changed = _tick(instance, reports, quiet.cursor)
    (request,) = changed.run_requests
    fixes = json.loads(changed.cursor or "{}")["hcn.pdf"][3]
    assert fixes and request.run_key.endswith(":" + fixes[:16])
    assert request.run_key != first.run_requests[0].run_key
    assert not _tick(instance, reports, changed.cursor).run_requests
    _write(tmp_path / "corrections", "add:\n" + _adds(MISSED[:2]))  # edited again
    assert len(_tick(instance, reports, changed.cursor).run_requests) == 1


def test_the_example_in_the_docs_is_a_valid_corrections_file(tmp_path: Path) -> None:
    import re

    from tests.corpus import ROOT

    docs = (ROOT / "docs" / "review.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", docs, re.S)
    assert example is not None
    _write(tmp_path, example.group(1))
    corrections = read_corrections(tmp_path, REPORT_ID)
    assert corrections is not None
    entries = corrections.entries
    assert [len(entries.add), len(entries.drop), len(entries.edit), len(entries.accept)] == [
        2, 1, 1, 1,
    ]  # fmt: skip
