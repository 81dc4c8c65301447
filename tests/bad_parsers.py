"""Stand-ins for `read_document` that misbehave, run by `read_document_isolated` in its child
process (`parse=`). Module-level functions in a module that imports almost nothing, so the child
can unpickle them in milliseconds: a test's time limit then measures the parse, not the imports."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from extractors.model import Document
from extractors.settings import Settings


def _note_pid(path: Path) -> None:
    path.with_suffix(".pid").write_text(str(os.getpid()))


def sleep_forever(path: Path, settings: Settings) -> Document:
    """A parse that never ends (run in the child)."""
    _note_pid(path)
    while True:
        time.sleep(60)


def ignore_sigterm_and_sleep(path: Path, settings: Settings) -> Document:
    """A parse stuck where SIGTERM does not reach it: only SIGKILL stops it."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    return sleep_forever(path, settings)


def die_by(path: Path, settings: Settings) -> Document:
    """A parser crash: the child kills itself with the signal named in the file name."""
    os.kill(os.getpid(), signal.Signals[path.stem])
    raise AssertionError("unreachable")


def allocate(path: Path, settings: Settings) -> Document:
    """Ask for more memory than max_memory_mb allows."""
    blob = bytearray(2 * settings.max_memory_mb * 1024 * 1024)
    raise AssertionError(f"allocated {len(blob)} bytes")


def buggy(path: Path, settings: Settings) -> Document:
    raise KeyError("a bug in the parser")
