"""`annual-reports review`: a self-contained HTML page that shows why a report was blocked and
what the parser saw, opened in Chromium as a reviewer would."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.extract import Extraction, extract_document
from extractors.nlp import load_nlp
from extractors.pdf.read import read_document
from pipelines.review import COLOURS, review_page
from tests.corpus import ROOT
from tests.ui_support import CHROMIUM_ARGS, require_chromium

SAMPLE = ROOT / "raw_reports" / "wego_2021_annual_report.pdf"


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract_document(read_document(SAMPLE), nlp=load_nlp("blank"))


@pytest.fixture(scope="module")
def blocked_page(extraction: Extraction, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with its first member listed twice: no_duplicate_members fails."""
    first = extraction.members[0]
    broken = dataclasses.replace(extraction, members=[first, *extraction.members])
    page = tmp_path_factory.mktemp("review") / "review.html"
    page.write_text(review_page(broken, SAMPLE), encoding="utf-8")
    return page


def test_the_page_holds_every_page_every_boxed_record_and_every_check(
    extraction: Extraction, blocked_page: Path
) -> None:
    text = blocked_page.read_text(encoding="utf-8")
    assert len(re.findall(r"<img alt='page \d+' src='data:image/png;base64,", text)) == 24
    data = extraction.to_dict()
    lists = [data[key] for key in COLOURS if isinstance(data[key], list)]
    lists.append(list(data["member_totals"]["sources"].values()))  # the stated totals
    boxed = sum(1 for records in lists for r in records if r.get("bbox"))
    assert text.count("class='box'") == boxed + 1  # and the member listed twice
    row = re.search(r"<tr id='check-no_duplicate_members'>(.*?)(?:<tr id='check-|$)", text, re.S)
    assert row and "class='failed'>failed" in row.group(1)
    rows = re.search(r"<table class='rows'>(.*?)</table>", row.group(1), re.S)
    assert rows, "the offending rows are an HTML table"
    assert extraction.members[0].name.casefold() in rows.group(1)  # the offending row is shown
    assert "<th>times</th>" in rows.group(1) and "TableRecord" not in row.group(1)
    assert "http://" not in text and "https://" not in text  # nothing to fetch: self-contained


@pytest.mark.browser
def test_a_reviewer_sees_the_pages_the_boxes_and_the_failed_check(blocked_page: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    chromium = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.goto(blocked_page.as_uri())
            expect(page.locator("#check-no_duplicate_members .failed")).to_have_text("failed")
            loaded = page.eval_on_selector_all(
                ".page img", "imgs => imgs.filter(i => i.complete && i.naturalWidth > 0).length"
            )
            assert loaded == 24
            box = page.locator(".box[data-type='members']").first
            box.scroll_into_view_if_needed()
            expect(box).to_be_visible()
            box.click(force=True)  # boxes may overlap: the topmost one takes the click
            target = re.search(r"#(rec-\w+-\d+)$", page.url)
            assert target, page.url
            expect(page.locator(f"#{target.group(1)}")).to_be_in_viewport()
        finally:
            browser.close()


def test_the_review_command_writes_the_page(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "review", str(SAMPLE), "--out", str(tmp_path),
         "--model", "blank"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = tmp_path / "wego-2021.html"
    assert written.is_file() and str(written) in "".join(done.stdout.split())


def test_every_record_shows_the_key_a_correction_names_it_by(
    extraction: Extraction, blocked_page: Path
) -> None:
    from extractors.corrections import record_keys

    text = blocked_page.read_text(encoding="utf-8")
    keys = record_keys("members", extraction.members)
    assert all(f"<code>{key}</code>" in text for key in keys)
    assert f"<code>{keys[0]}.2</code>" in text  # the member listed twice gets a key of its own
    assert "No corrections file" in text


def test_review_suggest_writes_corrections_to_check_never_applied(tmp_path: Path) -> None:
    from tests.test_corrections import REPORT_ID, blocked_report

    reports = tmp_path / "reports"
    reports.mkdir()
    pdf = blocked_report(reports / "hcn.pdf")
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "review", str(pdf), "--out",
         str(tmp_path / "reviews"), "--model", "blank", "--suggest"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    suggested = tmp_path / "corrections" / f"{REPORT_ID}.suggested.yaml"
    assert suggested.is_file() and "3 suggested corrections" in " ".join(done.stdout.split())
    assert "Kisumu" in suggested.read_text(encoding="utf-8")
    assert not (tmp_path / "corrections" / f"{REPORT_ID}.yaml").exists()
    page = (tmp_path / "reviews" / f"{REPORT_ID}.html").read_text(encoding="utf-8")
    assert "No corrections file" in page


def test_ingest_prints_where_the_review_of_a_blocked_report_is(home: Path, tmp_path: Path) -> None:
    import json
    import os

    from tests.test_corrections import REPORT_ID, blocked_report

    reports = tmp_path / "reports"
    reports.mkdir()
    blocked_report(reports / "hcn.pdf")
    warehouse = tmp_path / "wh" / "annual_reports.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "ingest", "--reports-dir", str(reports),
         "--warehouse", str(warehouse), "--create", "--model", "blank", "--workers", "1", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "300"},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    (outcome,) = json.loads(done.stdout)["reports"]
    page = warehouse.parent / "reviews" / f"{REPORT_ID}.html"
    assert outcome["status"] == "blocked" and outcome["review"] == str(page)
    assert page.is_file()
    assert f"review of hcn.pdf: {page}" in "".join(done.stderr.split("\n"))
