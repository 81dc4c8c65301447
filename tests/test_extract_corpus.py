"""`annual-reports extract` runs on every parseable PDF of the shared corpus without crashing;
most records are empty there, and every record that is found carries its provenance."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from extractors.extract import extract_document
from extractors.nlp import load_nlp
from extractors.pdf.read import read_document
from tests.corpus import ROOT, corpus_dir, manifest

PARSEABLE = [e for e in manifest() if e["expected"] == "parse"]
pytestmark = pytest.mark.skipif(not PARSEABLE, reason="shared corpus not available")
CONTRACT_KEYS = {
    "report", "figures", "member_totals", "region_totals", "members", "new_members", "mous",
    "organized_events", "partner_events", "awards", "diplomatic_countries", "people", "mentions",
    "renames", "reconciliation",
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("entry", PARSEABLE, ids=lambda e: e["file"])
def test_extract_runs_on_corpus_file(entry: dict[str, Any]) -> None:
    folder = corpus_dir()
    assert folder is not None
    result = extract_document(read_document(folder / entry["file"]), nlp=load_nlp()).to_dict()
    assert set(result) == CONTRACT_KEYS
    assert result["report"]["pages"] == entry["pages"]
    for key, records in result.items():
        if isinstance(records, list):
            for record in records:
                assert 1 <= record["page"] <= entry["pages"], (key, record)
    json.dumps(result)  # the contract is plain JSON


@pytest.mark.slow
@pytest.mark.model
def test_extract_command_prints_the_contract() -> None:
    folder = corpus_dir()
    assert folder is not None
    pdf = folder / "annual-report-reliance-2021-22-p1-3.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "extract", str(pdf), "--json"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)) == CONTRACT_KEYS
