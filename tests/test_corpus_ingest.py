"""One Dagster ingest over a folder holding every file of the shared real-world corpus: the run
completes, and each file is quarantined as its MANIFEST entry expects: no file of the corpus is
an annual report, so none is loaded."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from extractors.errors import Reason
from extractors.pdf.read import file_sha256
from pipelines.ingest import ingest_folder
from tests.corpus import ROOT, corpus_dir, expected_reasons, manifest

SAMPLE = ROOT / "raw_reports" / "wego_2021_annual_report.pdf"

ENTRIES = manifest()
pytestmark = [
    pytest.mark.skipif(not ENTRIES, reason="shared corpus not available"),
    pytest.mark.slow,
    pytest.mark.timeout(900),
]


@pytest.fixture
def home(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """conftest's instance, with parse limits that leave room for the 400-page file (~15 s)."""
    monkeypatch.setenv("ANNUAL_REPORTS_MAX_SECONDS", "120")
    monkeypatch.setenv("ANNUAL_REPORTS_MAX_MEMORY_MB", "2048")
    return home


def _expected(entry: dict[str, Any]) -> set[str]:
    """The quarantine reasons the manifest allows. No file of the corpus is the annual report of
    a member organization (10-Ks, statistics, forms, manuals, papers): every one that reads
    fine is `not_a_report`, and none of its rows is loaded."""
    if entry["expected"] == "reject":
        return {reason.value for reason in expected_reasons(entry)}
    if entry["measured"]["pdfplumber"]["chars"] == 0:  # image-only: no text to extract
        return {Reason.NO_TEXT.value}
    return {Reason.NOT_A_REPORT.value}


def test_ingest_the_whole_corpus(home: Path, tmp_path: Path) -> None:
    source = corpus_dir()
    assert source is not None
    reports = tmp_path / "reports"
    reports.mkdir()
    for entry in ENTRIES:
        shutil.copy(source / entry["file"], reports / entry["file"])
    shutil.copy(SAMPLE, reports)
    warehouse = tmp_path / "wh.duckdb"

    before = {p.name: file_sha256(p) for p in reports.iterdir()}

    summary = ingest_folder(reports, warehouse, model="blank")

    # the folder read is left as it was: no file moved, renamed, changed or added
    assert {p.name: file_sha256(p) for p in reports.iterdir()} == before

    outcomes = {o.file: o for o in summary.outcomes}
    assert set(outcomes) == {e["file"] for e in ENTRIES} | {SAMPLE.name}
    assert outcomes[SAMPLE.name].status == "ingested", outcomes[SAMPLE.name]
    conn = duckdb.connect(str(warehouse), read_only=True)
    try:
        quarantined = dict(conn.execute("SELECT file, reason FROM quarantine").fetchall())
        messages = dict(conn.execute("SELECT file, message FROM quarantine").fetchall())
        loaded = conn.execute("SELECT source_file FROM reports").fetchall()
        mentions = conn.execute(
            "SELECT count(*) FROM entity_mentions m JOIN reports r USING (report_id)"
            " WHERE r.source_file != ?",
            [SAMPLE.name],
        ).fetchone()
    finally:
        conn.close()
    assert loaded == [(SAMPLE.name,)]  # the sample loads, nothing of a document that is no report
    assert mentions == (0,)
    for entry in ENTRIES:
        name, outcome, expected = entry["file"], outcomes[entry["file"]], _expected(entry)
        assert outcome.status == "quarantined", (name, outcome)
        assert quarantined.get(name) in expected, (name, quarantined.get(name), outcome)
        assert file_sha256(tmp_path / "quarantine" / name) == before[name]  # a copy kept
        if expected == {Reason.NOT_A_REPORT.value}:
            assert messages[name].startswith("not an annual report: no "), messages[name]
    assert len(quarantined) == len(ENTRIES)
