"""`connect_writer` waits while another process holds DuckDB's write lock, and gives up after
`wait_seconds` with DuckDB's own error."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from warehouse.load import connect, connect_writer

HOLD = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.close()
print(time.time(), flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "wh.duckdb"
    connect(path).close()
    return path


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


@pytest.fixture
def held(database: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    holder = _hold(database, 2.0)
    yield database, holder
    holder.kill()
    holder.wait()


def test_a_writer_waits_for_the_lock(held: tuple[Path, subprocess.Popen[str]]) -> None:
    database, holder = held
    started = time.monotonic()
    conn = connect_writer(database, wait_seconds=30)
    got_in = time.time()
    try:
        conn.execute("CREATE TABLE written (x INTEGER)")
    finally:
        conn.close()
    assert holder.stdout is not None
    released = float(holder.stdout.readline())  # the holder prints when it let go
    assert got_in >= released  # it only got in once the holder had let go
    assert time.monotonic() - started < 30


def test_a_writer_gives_up_after_wait_seconds(held: tuple[Path, subprocess.Popen[str]]) -> None:
    database, _ = held
    started = time.monotonic()
    with pytest.raises(duckdb.IOException, match="Could not set lock"):
        connect_writer(database, wait_seconds=0.3)
    assert time.monotonic() - started < 1.5


def test_other_errors_are_not_retried(tmp_path: Path) -> None:
    folder = tmp_path / "a-directory.duckdb"
    folder.mkdir()
    started = time.monotonic()
    with pytest.raises(duckdb.Error):
        connect_writer(folder, wait_seconds=30)
    assert time.monotonic() - started < 5
