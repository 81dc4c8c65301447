"""Extraction scored against hand-made gold files: F1 >= 0.97 for every key, on the sample report
and on a second report with another design and other content (tests/fixtures/reports)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractors.extract import extract_document
from extractors.nlp import load_nlp
from extractors.pdf.read import read_document
from tests.corpus import ROOT
from tests.scoring import misses, score, table

GOLD = ROOT / "tests" / "gold"
REPORTS = [
    pytest.param(ROOT / "raw_reports" / "wego_2021_annual_report.pdf", "wego_2021", id="2021"),
    pytest.param(
        ROOT / "tests" / "fixtures" / "reports" / "wego_2023_annual_review.pdf",
        "wego_2023",
        id="2023",
    ),
]
THRESHOLD = 0.97


def _extract(pdf: Path) -> dict[str, Any]:
    return extract_document(read_document(pdf), nlp=load_nlp()).to_dict()


@pytest.fixture(scope="module")
def extractions() -> dict[Path, dict[str, Any]]:
    return {}


@pytest.mark.model
@pytest.mark.parametrize(("pdf", "gold_name"), REPORTS)
def test_every_key_scores_at_least_097(
    pdf: Path, gold_name: str, extractions: dict[Path, dict[str, Any]]
) -> None:
    gold = json.loads((GOLD / f"{gold_name}.json").read_text())
    mentions_file = GOLD / f"{gold_name}_mentions.json"
    mentions = json.loads(mentions_file.read_text()) if mentions_file.exists() else None
    predicted = extractions.setdefault(pdf, _extract(pdf))
    scores = score(predicted, gold, mentions)
    print(f"\n{pdf.name}\n{table(scores)}")
    failing = {s.key: round(s.f1, 3) for s in scores if s.f1 < THRESHOLD}
    details = {k: misses(k, predicted, gold) for k in failing if k in gold and k != "member_totals"}
    assert not failing, f"F1 below {THRESHOLD}: {failing}; (missed, extra): {details}"


@pytest.mark.model
@pytest.mark.parametrize(("pdf", "gold_name"), REPORTS)
def test_region_totals_reconcile_exactly(
    pdf: Path, gold_name: str, extractions: dict[Path, dict[str, Any]]
) -> None:
    predicted = extractions.setdefault(pdf, _extract(pdf))
    regions = [r for r in predicted["reconciliation"] if r["scope"].startswith("members.region.")]
    assert regions, "no region totals found"
    assert all(r["ok"] and r["stated"] == r["extracted"] for r in regions), regions
