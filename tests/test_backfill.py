"""A backfill: several report partitions run at the same time, each with Dagster's multiprocess
executor in its own process. Warehouse writes share one pool slot (and wait on DuckDB's lock), so
no run fails on a lock and no report's rows are lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.partitions import REPORTS, partition_key
from tests.corpus import ROOT
from tests.pdf_factory import Text, make_pdf, small_report_page

REPORTS_TO_LOAD = [
    ROOT / "raw_reports" / "wego_2021_annual_report.pdf",
    ROOT / "tests" / "fixtures" / "reports" / "wego_2023_annual_review.pdf",
]


def _small_report(path: Path, organization: str, acronym: str, year: int) -> Path:
    lines = [
        f"The {organization} ({acronym}) brings towns together.",
        f"In {year} the association welcomed new members and held many events.",
    ]
    more = [Text(72, 90 + 14 * i, line) for i, line in enumerate(lines)]
    return make_pdf(path, [small_report_page(organization, year, lines), more])


@pytest.mark.slow
def test_parallel_runs_never_fail_on_the_warehouse_lock(home: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for pdf in REPORTS_TO_LOAD:
        shutil.copy(pdf, reports)
    for i, (name, acronym) in enumerate(
        [("Association of Lakeside Towns", "ALT"), ("Union of Harbour Cities", "UHC")]
    ):
        _small_report(reports / f"small-{i}.pdf", name, acronym, 2020 + i)
    warehouse = tmp_path / "wh.duckdb"
    env = os.environ | {
        "DAGSTER_HOME": str(home),
        "ANNUAL_REPORTS_DIR": str(reports),
        "ANNUAL_REPORTS_WAREHOUSE": str(warehouse),
        "ANNUAL_REPORTS_SPACY_MODEL": "blank",
    }
    keys = [partition_key(p) for p in sorted(reports.glob("*.pdf"))]
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.add_dynamic_partitions(REPORTS, keys)
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dagster",
                "asset",
                "materialize",
                "-m",
                "pipelines.definitions",
                "--select",
                "parsed_report,report_records,warehouse_tables",
                "--partition",
                key,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for key in keys
    ]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    for key, run, output in zip(keys, runs, outputs, strict=True):
        assert run.returncode == 0, f"{key}:\n{output[-3000:]}"
        assert "Could not set lock" not in output
    conn = duckdb.connect(str(warehouse), read_only=True)
    loaded = dict(conn.execute("SELECT source_file, report_id FROM reports").fetchall())
    members = dict(conn.execute("SELECT report_id, count(*) FROM members GROUP BY 1").fetchall())
    conn.close()
    assert sorted(loaded) == sorted(p.name for p in reports.glob("*.pdf"))
    assert members[loaded["wego_2021_annual_report.pdf"]] == 176
    assert members[loaded["wego_2023_annual_review.pdf"]] == 180
