"""Faults, for real: a writer killed with SIGKILL in the middle of a load, and an analyst holding
the published warehouse open while ingestion replaces it."""

from __future__ import annotations

import dataclasses
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from extractors.extract import Extraction, extract_document
from extractors.pdf.read import read_document
from tests.corpus import ROOT

SAMPLE = ROOT / "raw_reports" / "wego_2021_annual_report.pdf"

# Runs in a child process: load a pickled Extraction; with "stall", stop inside the transaction
# after the members table was written, say so, and wait to be killed.
CHILD = """
import pickle, sys, time
import warehouse.load as load
db, extraction_file, mode = sys.argv[1:4]
extraction = pickle.load(open(extraction_file, "rb"))
real = load._insert_frame
def stalling(conn, table, *args):
    real(conn, table, *args)
    if table == "members":
        print("INSIDE", flush=True)
        time.sleep(120)
if mode == "stall":
    load._insert_frame = stalling
conn = load.connect(db)
load.ensure_schema(conn)
load.ingest(conn, extraction)
conn.close()
print("DONE", flush=True)
"""


def _child(db: Path, extraction: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(extraction), mode],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _facts(db: Path, report_id: str) -> dict[str, list[tuple[Any, ...]]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: sorted(
                conn.execute(f"SELECT * FROM {table} WHERE report_id = ?", [report_id]).fetchall(),
                key=repr,
            )
            for table in ("members", "figures", "events", "reconciliation")
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Extraction]:
    folder = tmp_path_factory.mktemp("versions")
    old = extract_document(read_document(SAMPLE))
    new = dataclasses.replace(old, members=old.members[:100], figures=old.figures[:2])
    paths = []
    for name, extraction in (("old", old), ("new", new)):
        path = folder / f"{name}.pickle"
        path.write_bytes(pickle.dumps(extraction))
        paths.append(path)
    return paths[0], paths[1], old


@pytest.mark.slow
def test_sigkill_during_a_load_leaves_the_old_rows_and_the_next_load_completes(
    tmp_path: Path, versions: tuple[Path, Path, Extraction]
) -> None:
    old_file, new_file, old = versions
    db = tmp_path / "wh.duckdb"
    first = _child(db, old_file, "normal")
    assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
    before = _facts(db, old.document.report_id)
    assert len(before["members"]) == len(old.members)

    victim = _child(db, new_file, "stall")
    assert victim.stdout is not None
    assert victim.stdout.readline().strip() == "INSIDE"  # mid-transaction: members rewritten
    os.kill(victim.pid, signal.SIGKILL)
    assert victim.wait(timeout=30) == -signal.SIGKILL

    assert _facts(db, old.document.report_id) == before  # the old rows, never a mix

    retry = _child(db, new_file, "normal")
    assert retry.wait(timeout=120) == 0, retry.stderr.read() if retry.stderr else ""
    after = _facts(db, old.document.report_id)
    assert len(after["members"]) == 100 and len(after["figures"]) == 2


@pytest.mark.slow
def test_an_open_analyst_session_never_blocks_a_load(
    tmp_path: Path, versions: tuple[Path, Path, Extraction]
) -> None:
    from warehouse.load import connect, ensure_schema, ingest
    from warehouse.publish import publish

    _, _, old = versions
    db, published = tmp_path / "wh.duckdb", tmp_path / "published" / "wh.duckdb"
    conn = connect(db)
    ensure_schema(conn)
    ingest(conn, old)
    publish(db, published, conn=conn)
    analyst = duckdb.connect(str(published), read_only=True)  # left open, as analysts do
    members = analyst.execute("SELECT count(*) FROM members").fetchone()
    new = dataclasses.replace(old, members=old.members[:50])
    ingest(conn, new)  # the writer is not blocked by the reader of the published copy
    publish(db, published, conn=conn)
    conn.close()
    assert analyst.execute("SELECT count(*) FROM members").fetchone() == members  # old snapshot
    analyst.close()
    fresh = duckdb.connect(str(published), read_only=True)
    assert fresh.execute("SELECT count(*) FROM members").fetchone() == (50,)
    fresh.close()
