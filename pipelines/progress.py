"""Progress of a long command (`ingest`, `parse-all`, `make bench`): on a terminal a bar with the
items done of the total, the pages done, the time elapsed and the time left; in a log or a pipe
one plain line per finished item, never a bar or control codes."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class RunProgress:
    """`with RunProgress(console, "files") as progress:` then `start(total)`, `describe(text)`
    for what is under way, `pages_under_way(n)` while an item is read, and `finish(line, pages)`
    for each item done. `console` decides: a terminal gets the bar (and `line` printed above it
    when `keep_lines`), anything else gets `line` on `plain` (default stderr)."""

    def __init__(
        self,
        console: Console,
        what: str = "files",
        *,
        plain: TextIO | None = None,
        keep_lines: bool = False,
    ) -> None:
        self.console = console
        self.what = what
        self.plain = plain
        self.keep_lines = keep_lines
        self.total: int | None = None
        self.done = 0
        self.pages = 0
        self._under_way = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    @property
    def live(self) -> bool:
        return self._progress is not None

    def __enter__(self) -> RunProgress:
        if self.console.is_terminal:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                TextColumn(self.what),
                TextColumn("{task.fields[pages]} pages"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
                redirect_stdout=False,  # stdout may be a file or a pipe: never onto the bar
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=self.total, pages=0)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def start(self, total: int) -> None:
        self.total = total
        self._update()

    def describe(self, text: str) -> None:
        """What is under way now (shown beside the bar; nothing in a log)."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=escape(text))

    def pages_under_way(self, pages: int) -> None:
        """Pages read so far of the item under way (counted in when it finishes)."""
        self._under_way = pages
        self._update(refresh=False)  # every page: left to the bar's own refresh (10 a second)

    def finish(self, line: str, pages: int = 0) -> None:
        """One item done: `line` says how it ended, `pages` is how many pages it had."""
        self.done += 1
        self.pages += pages
        self._under_way = 0
        if self._progress is None:
            print(line, file=self.plain or sys.stderr, flush=True)
        elif self.keep_lines:
            self._progress.console.print(escape(line), highlight=False, soft_wrap=True)
        self._update()

    def _update(self, refresh: bool = True) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task,
                total=self.total,
                completed=self.done,
                pages=self.pages + self._under_way,
            )
            if refresh:
                self._progress.refresh()
