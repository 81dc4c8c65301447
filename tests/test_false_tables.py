"""No invented tables: on the multi-column files of the shared corpus (prose in two and three
columns, sidebars, author lists, figure captions) and on the body pages of the sample reports,
every table the parser finds is one the page really holds, named here by its page and a header
or first-row cell. A table found anywhere else fails the test."""

from __future__ import annotations

import pytest

from extractors.pdf.read import read_document
from tests.corpus import ROOT, corpus_dir, manifest

# file -> the real tables: (page, a cell of its header or first row)
REAL_TABLES: dict[str, list[tuple[int, str]]] = {
    "annual-report-reliance-2021-22-p1-3.pdf": [],
    "gov-us-federal-register-2020-17221.pdf": [(6, "Labor cost")],
    "gov-us-gao-23-106826-pdfminer-repair.pdf": [],
    # two cards side by side, each with a table of its own under a header band
    "korean-card-terms-tables.pdf": [(1, "업종"), (1, "업종"), (1, "서비스 제공 기준")],
    "multicolumn-latex-two-column.pdf": [(3, "Country")],
    "encrypted-owner-password-only.pdf": [],
}
SAMPLES: dict[str, list[tuple[int, str]]] = {
    "raw_reports/wego_2021_annual_report.pdf": [
        (9, "GOLD"),  # awards
        (18, "Date"),  # partner events (continued on page 19)
        *[(22, "Country")] * 4,  # members by region
        (23, "Country"),
        (23, "Institutions"),
    ],
    "tests/fixtures/reports/wego_2023_annual_review.pdf": [
        *[(5, "Country")] * 2,
        *[(6, "Country")] * 3,
        (7, "Institution"),
        (8, "Member"),  # new members
        (9, "Partner"),  # agreements
        (13, "When"),  # partner events
        (14, "Item"),  # finances
    ],
}


def _found(path: str) -> list[tuple[int, str]]:
    document = read_document(path)
    out = []
    for page in document.pages:
        for table in page.tables:
            if table.pages[0] == page.number:
                out.append((page.number, " | ".join(table.header or table.rows[0])))
    return out


def _matches(found: list[tuple[int, str]], real: list[tuple[int, str]]) -> bool:
    left = list(real)
    for page, text in found:
        hit = next((r for r in left if r[0] == page and r[1] in text), None)
        if hit is None:
            return False
        left.remove(hit)
    return not left


@pytest.mark.parametrize("name", sorted(REAL_TABLES))
def test_multi_column_corpus_files_hold_only_their_real_tables(name: str) -> None:
    folder = corpus_dir()
    if folder is None:
        pytest.skip("shared corpus not found")
    assert any(e["file"] == name and "multi-column" in e["tags"] for e in manifest())
    found = _found(str(folder / name))
    assert _matches(found, REAL_TABLES[name]), found


def test_every_multi_column_corpus_file_is_checked() -> None:
    if corpus_dir() is None:
        pytest.skip("shared corpus not found")
    multi = {e["file"] for e in manifest() if "multi-column" in e["tags"]}
    assert multi == set(REAL_TABLES)


@pytest.mark.parametrize("path", sorted(SAMPLES))
def test_sample_reports_hold_only_their_real_tables(path: str) -> None:
    found = _found(str(ROOT / path))
    assert _matches(found, SAMPLES[path]), found
