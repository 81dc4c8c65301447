"""Parse one PDF in a child process that cannot take the caller down with it.

`read_document_isolated` runs `read_document` in a child process with two per-document limits
from `Settings`: `max_memory_mb` (the child's address space, `RLIMIT_AS`) and `max_seconds` (wall
clock; the parent then stops the child with SIGTERM and, after a short grace, SIGKILL). The child
sends back the pickled Document, or the UnreadableReport, through a pipe. Every way a parse can
end becomes a typed error:

- the parser raises UnreadableReport: the same error;
- the parser runs out of memory (MemoryError under the limit): `resource_limit`;
- it runs past `max_seconds`: `timeout`; the child is killed and reaped;
- the child dies without an answer: SIGKILL (the kernel's OOM killer) is `resource_limit`, any
  other signal or exit `extraction_failed`, with the signal or exit code in the message.

Any other exception in the parser is a bug, not a bad file: it is raised as `ParserError` with
the child's traceback, so the caller fails loudly instead of quarantining a good report.

Children come from a "forkserver" (a small single-threaded process started once, with the parser
preloaded; "spawn" where the platform has no forkserver), not from a plain fork of the caller.
A fork of a Dagster step process would inherit its threads (a fork of a multi-threaded process
may deadlock) and its whole address space (about 1.3 GB with Dagster, DuckDB and spaCy loaded),
which would make an `RLIMIT_AS` of 1 GB fail every allocation. A forkserver child starts in a few
milliseconds with about 50 MB of address space, so `max_memory_mb` means what it says.

multiprocessing would also make every child import the caller's main module (a script, pytest,
the Dagster CLI: up to 1.5 s per document; Python 3.11's forkserver "__main__" preload never
receives the main path). The parse needs nothing from it, so while a child is being started
`__main__` is an empty stand-in: children start in milliseconds, and a calling script needs no
`if __name__ == "__main__"` guard. `parse` must therefore live in an importable module.
"""

from __future__ import annotations

import multiprocessing as mp
import pickle
import signal
import sys
import threading
import traceback
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from extractors.errors import Reason, UnreadableReport
from extractors.model import Document
from extractors.pdf.read import read_document
from extractors.settings import Settings

Parse = Callable[[Path, Settings], Document]
TERM_GRACE_SECONDS = 2.0  # between SIGTERM and SIGKILL
# Imported once by the forkserver, so that each child starts with the parser loaded.
PRELOAD = ["extractors.pdf.read"]
_MAIN_SWAP = threading.Lock()


class ParserError(RuntimeError):
    """The parser failed with an unexpected exception (a bug): the child's traceback included."""


def read_document_isolated(
    path: Path | str, settings: Settings | None = None, parse: Parse = read_document
) -> Document:
    """`parse(path, settings)` (default `read_document`) in a child process, within the memory
    and time limits of `settings`. `parse` must be picklable (a module-level function)."""
    settings = settings or Settings.from_env()
    path = Path(path)
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(sender, parse, str(path), settings),
        name=f"parse {path.name}",
        daemon=True,
    )
    try:
        with main_module_hidden():
            child.start()
        sender.close()  # the child holds the only writing end: EOF when it dies
        answer = _answer(child, receiver, settings.max_seconds)
    finally:
        _stop(child)
        receiver.close()
        sender.close()
    exitcode = child.exitcode
    child.close()
    return _outcome(answer, exitcode, path, settings)


def _context() -> ForkServerContext | SpawnContext:
    if "forkserver" in mp.get_all_start_methods():
        context = mp.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)  # takes effect when the server first starts
        return context
    return mp.get_context("spawn")


@contextmanager
def main_module_hidden() -> Iterator[None]:
    """Start children without the caller's main module (see the module's docstring); for any
    child whose work lives in importable modules (the parse here, `ingest`'s workers)."""
    with _MAIN_SWAP:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = main


def _answer(child: BaseProcess, receiver: Connection, seconds: float) -> tuple[str, Any] | None:
    """The child's (kind, payload); None if it died without one; ("timeout", None) if it ran
    out of time. Reads while waiting, so a large Document never blocks the child's send."""
    ready = wait([receiver, child.sentinel], timeout=seconds)
    if not ready:
        return ("timeout", None)
    if receiver in ready or receiver.poll():
        try:
            answer: tuple[str, Any] = pickle.loads(receiver.recv_bytes())
            return answer
        except EOFError:  # closed without a message: it died
            return None
    return None


def _stop(child: BaseProcess) -> None:
    """Make sure the child is gone and reaped: SIGTERM, a short grace, then SIGKILL."""
    if child.pid is None:  # never started
        return
    if child.is_alive():
        child.terminate()
        child.join(TERM_GRACE_SECONDS)
        if child.is_alive():
            child.kill()
    child.join()


def _outcome(
    answer: tuple[str, Any] | None, exitcode: int | None, path: Path, settings: Settings
) -> Document:
    kind, payload = answer if answer is not None else ("died", None)
    if kind == "document" and isinstance(payload, Document):
        return payload
    if kind == "unreadable" and isinstance(payload, UnreadableReport):
        raise payload
    if kind == "error":
        raise ParserError(f"{path}: the parser failed unexpectedly\n{payload}")
    if kind == "timeout":
        raise UnreadableReport(
            Reason.TIMEOUT,
            f"parsing took longer than {settings.max_seconds:g} s (max_seconds); stopped",
            path=str(path),
        )
    if kind == "memory":
        raise UnreadableReport(Reason.RESOURCE_LIMIT, _memory_message(settings), path=str(path))
    raise _death(exitcode, path, settings)


def _memory_message(settings: Settings) -> str:
    return f"parsing needed more than {settings.max_memory_mb} MB of memory (max_memory_mb)"


def _death(exitcode: int | None, path: Path, settings: Settings) -> UnreadableReport:
    if exitcode is not None and exitcode < 0:
        name = _signal_name(-exitcode)
        if -exitcode == signal.SIGKILL:
            message = f"the parser process was killed by {name} (most likely out of memory)"
            return UnreadableReport(Reason.RESOURCE_LIMIT, message, path=str(path))
        message = f"the parser process died with {name}"
    else:
        message = f"the parser process exited with code {exitcode} without a result"
    return UnreadableReport(Reason.EXTRACTION_FAILED, message, path=str(path))


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


# --------------------------------------------------------------------------- in the child


def _child(sender: Connection, parse: Parse, path: str, settings: Settings) -> None:
    try:
        _limit_memory(settings.max_memory_mb)
        answer: tuple[str, Any]
        try:
            answer = ("document", parse(Path(path), settings))
        except UnreadableReport as exc:
            answer = ("unreadable", exc)
        except MemoryError:
            answer = ("memory", None)
        except Exception as exc:  # a bug: report it with its traceback, do not hide it
            answer = ("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        try:
            payload = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            del answer
            payload = pickle.dumps(("memory", None))
        sender.send_bytes(payload)
    finally:
        sender.close()


def _limit_memory(megabytes: int) -> None:
    """Cap this process's address space; allocations beyond it raise MemoryError."""
    try:
        import resource
    except ImportError:  # not POSIX: no limit
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with suppress(ValueError, OSError):  # e.g. macOS refuses RLIMIT_AS; the time limit holds
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
