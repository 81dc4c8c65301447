"""Publish the warehouse: an atomic copy analysts read, so an open analyst session never holds the
lock ingestion needs (DuckDB allows one writing process per file).

The writer checkpoints (so the file alone holds every committed row, nothing left in the `.wal`),
copies the file to a temporary name in the published folder, fsyncs it and renames it over the
published copy with `os.replace`. A reader sees the old copy or the new one, never half of one;
a reader that has the old copy open keeps reading it (its file stays alive until closed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

import duckdb

from warehouse import settings


def publish(
    src_path: str | Path | None = None,
    published_path: str | Path | None = None,
    conn: duckdb.DuckDBPyConnection | None = None,
) -> Path:
    """Copy the warehouse at `src_path` to `published_path` atomically; return the published path.

    `conn` is the writer's open connection to `src_path`, if any (it is checkpointed first). Without
    one, this process opens `src_path` briefly to checkpoint it, which fails while another process
    writes it: publish from the writer. Defaults: `settings.warehouse_path()` and
    `settings.published_path()`.
    """
    src = Path(src_path) if src_path is not None else settings.warehouse_path()
    dst = Path(published_path) if published_path is not None else settings.published_path()
    if not src.is_file():
        raise FileNotFoundError(f"no warehouse at {src}")
    if dst.resolve() == src.resolve():
        raise ValueError("the published copy must be a different file from the warehouse")
    _checkpoint(src, conn)
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{dst.stem}.", suffix=f"{dst.suffix}.tmp", dir=dst.parent
    )
    tmp = Path(tmp_name)
    try:
        # mkstemp makes the file private (0600); the copy is for readers, as open as the writer's
        os.chmod(tmp, stat.S_IMODE(src.stat().st_mode))
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        # a write-ahead log left by someone who opened the old copy read-write belongs to it alone
        Path(f"{dst}.wal").unlink(missing_ok=True)
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(dst.parent)
    return dst


def _checkpoint(src: Path, conn: duckdb.DuckDBPyConnection | None) -> None:
    if conn is not None:
        conn.execute("CHECKPOINT")
    else:
        # in this process, a connection to a file that is already open shares its database
        with duckdb.connect(str(src)) as own:
            own.execute("CHECKPOINT")
    wal = Path(f"{src}.wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise RuntimeError(f"{src} still has a write-ahead log after CHECKPOINT; not publishing")


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (no-op where directories cannot be opened, e.g. Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
