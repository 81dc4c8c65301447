"""Runs of lines that share column gutters: the candidates for tables laid out with white space
(and for the body of ruled, zebra and rule-only tables, whose columns are white space too).

A run starts at a line with two or more segments and grows downwards while the lines keep the
gutters open: a gutter that two lines have stepped over may not be covered by a later line. Lines
with a single segment (a wrapped cell, a group label) may join when they fit between the gutters.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.pdf.tables.columns import (
    Gutter,
    boundaries,
    column_bounds,
    covers,
    gaps,
    narrow,
    supported,
)
from extractors.pdf.tables.textlines import TextLine

CAPTION = re.compile(r"^(table|figure|fig\.|chart|exhibit|graph|source|note)s?\b", re.I)
MIN_ROWS = 3  # multi-segment lines a run needs (2 when rules or fills frame it)
_HEADER_LINES = 3  # top lines of a run that may cover a gutter the body opens
_LOOKAHEAD = 3  # lines below a run's first line that may hold more columns
_FAR = 3.5  # font sizes: the widest blank a run may step over when its columns go on
_LARGER = 1.25  # text this much larger than a run's lines is a heading
_TEXT_LINES = 3  # lines of paragraphs in columns that a table's run may start under
_TEXT_WORDS = 6  # words on one line of a column: a sentence, not a cell or a label
_PHRASE = 4  # words on a line of a paragraph's column, as most of its lines hold
_ROW_SIZES = 1.1  # the cells of a row are set in one size, give or take this much


@dataclass(frozen=True, slots=True)
class Run:
    lines: tuple[TextLine, ...]
    gutters: tuple[Gutter, ...]
    x0: float
    x1: float
    multi: int  # lines with text on both sides of a gutter

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def bounds(self) -> list[tuple[float, float]]:
        return column_bounds(self.x0, self.x1, boundaries(self.gutters, self.lines))


def _max_gap(members: Sequence[TextLine], line: TextLine) -> float:
    pitch = [b.top - a.bottom for a, b in itertools.pairwise(members)]
    typical = statistics.median(pitch) if pitch else 0.5 * line.size
    return max(1.6 * line.size, 2.0 * typical + 2.0)


def _lost(before: Sequence[Gutter], after: Sequence[Gutter]) -> bool:
    """Did a gutter that two lines stepped over disappear?"""
    return any(
        g.support >= 2 and not any(a.x0 < g.x1 and a.x1 > g.x0 for a in after) for g in before
    )


def _splits(line: TextLine, gutters: Sequence[Gutter]) -> bool:
    """Has the line text on both sides of one of the gutters?"""
    return any(
        any(s.x1 <= g.x0 + 0.5 for s in line.segments)
        and any(s.x0 >= g.x1 - 0.5 for s in line.segments)
        for g in gutters
    )


def _better_start(lines: Sequence[TextLine], start: int) -> bool:
    """Does one of the next few lines split into more columns? Then the run starts there: this
    line (a caption, a header with wrapped or spanning labels) may cover gutters the body keeps
    open, and it can still join the table as a header line."""
    here = lines[start]
    if CAPTION.match(here.text):
        return True
    below = here
    for i in range(start + 1, min(len(lines), start + 1 + _LOOKAHEAD)):
        nxt = lines[i]
        if nxt.top - below.bottom > 1.6 * nxt.size:
            break
        if len(gaps(nxt)) > len(gaps(here)) and _echoed(nxt, lines[i + 1 : i + 1 + _LOOKAHEAD]):
            return True
        below = nxt
    return False


def _echoed(line: TextLine, after: Sequence[TextLine]) -> bool:
    """Does a line under it open at least half of its gaps again (its columns go on: not a line
    whose words merely stand apart)?"""
    own = gaps(line)
    return any(
        sum(1 for g in own if any(o.x0 < g.x1 and o.x1 > g.x0 for o in gaps(other)))
        >= 0.5 * len(own)
        for other in after
    )


def _keeps_columns(line: TextLine, gutters: Sequence[Gutter]) -> bool:
    """Does the line split at most of the gutters that two lines have stepped over already (a
    table going on after a blank line between groups of rows)?"""
    held = [g for g in gutters if g.support >= 2]
    split = [g for g in held if _splits(line, [g])]
    return bool(held) and len(split) >= 0.5 * len(held)


def _opened(line: TextLine, gutters: Sequence[Gutter], members: Sequence[TextLine]) -> list[Gutter]:
    """Gaps of the line where the lines of the run so far have no text, or only its first lines
    do (header labels, wider than the values under them, may reach over the white strip between
    two columns): a column the lines above left empty, such as a stub without a header label."""
    out = []
    for gap in gaps(line):
        if any(o.x0 < gap.x1 and o.x1 > gap.x0 for o in gutters):
            continue
        covering = [i for i, m in enumerate(members) if covers(m, gap)]
        if not covering or (max(covering) < _HEADER_LINES and len(covering) * 2 <= len(members)):
            out.append(gap)
    return out


def _text_over(
    line: TextLine,
    gutters: Sequence[Gutter],
    members: Sequence[TextLine],
    after: Sequence[TextLine],
) -> int:
    """How many of the run's lines so far are paragraphs set in columns over a table that starts
    at the line (or at its header lines right above it), 0 when they are not. The line opens a
    column gap that most of those lines cross (a column of text beside it may not reach it) and
    the lines from there on do not, the lines
    under it open it again (its columns go on), and those lines hold sentences (runs of words no
    cell holds): a gutter of the table's that they share is there by chance. The line is a row
    of three cells or more set in one size, and most of those lines hold words running on (a
    paragraph's)."""
    own = gaps(line)
    sizes = [_segment_size(s.words) for s in line.segments]
    if len(own) < 2 or max(sizes) > _ROW_SIZES * min(sizes):
        return 0  # no row of cells: a heading beside the text of other columns
    for gap in own:
        if any(o.x0 < gap.x1 and o.x1 > gap.x0 for o in gutters):
            continue
        crossing = [covers(m, gap) for m in members]
        k = len(crossing) - crossing[::-1].index(True) if any(crossing) else 0
        if sum(crossing) < max(_TEXT_LINES, k / 2) or len(members) - k > _HEADER_LINES:
            continue
        worded = [m for m in members[:k] if any(len(s.text.split()) >= _PHRASE for s in m.segments)]
        long = any(len(s.text.split()) >= _TEXT_WORDS for m in worded for s in m.segments)
        if long and 2 * len(worded) >= k:
            return k if _echoed(line, after[:_LOOKAHEAD]) else 0
    return 0


def _segment_size(words: Sequence[dict[str, object]]) -> float:
    return statistics.median(float(w.get("size") or 0.0) or 0.0 for w in words)  # type: ignore[arg-type]


def repeated_header(run: Run) -> int | None:
    """Index of a line further down that repeats the run's first line cell for cell (a second
    table with the same header, under its own title), if any."""
    first = [s.text for s in run.lines[0].segments]
    if len(first) < 2:
        return None
    for i in range(2, len(run.lines)):
        if [s.text for s in run.lines[i].segments] == first:
            return i
    return None


def heading_cut(run: Run) -> int | None:
    """Index of the first line (after two or more) that is a heading on its own, if any (two
    headings side by side head two cards, or the columns of a table)."""
    for i in range(2, len(run.lines)):
        line = run.lines[i]
        if len(line.segments) == 1 and _heading_in(line, run.lines[:i]):
            return i
    return None


def _heading_in(line: TextLine, members: Sequence[TextLine]) -> bool:
    """Does the line hold text set clearly larger than the lines above (a heading between a
    paragraph set in columns and the table under it, in words: not the figures of a chart)?"""
    usual = statistics.median(m.size for m in members)
    return usual > 0 and any(
        sum(ch.isalpha() for ch in s.text) >= 4 and _segment_size(s.words) >= _LARGER * usual
        for s in line.segments
    )


def _grow(lines: Sequence[TextLine], start: int) -> tuple[list[TextLine], list[Gutter]] | None:
    first = lines[start]
    gutters = gaps(first)
    if not gutters or _better_start(lines, start):
        return None
    members = [first]
    for line in lines[start + 1 :]:
        gap = line.top - members[-1].bottom
        if gap > _max_gap(members, line) and not (
            gap <= _FAR * line.size and _keeps_columns(line, gutters)
        ):
            break
        after = narrow(gutters, line)
        if _lost(gutters, after) or not after:
            break
        text = _text_over(line, after, members, lines[lines.index(line) + 1 :])
        if text:
            del members[text:]  # the table's header lines, if any, go with the table
            break
        gutters = sorted([*after, *_opened(line, after, members)], key=lambda g: g.x0)
        members.append(line)
    return members, gutters


def _trim(members: list[TextLine], gutters: Sequence[Gutter]) -> list[TextLine]:
    """Drop trailing lines that split no gutter and sit apart from the run (a note under it)."""
    while len(members) > 1 and not _splits(members[-1], gutters):
        gap = members[-1].top - members[-2].bottom
        if gap <= 0.6 * members[-1].size:
            break
        members.pop()
    return members


def find_runs(lines: Sequence[TextLine], x0: float, x1: float, min_rows: int = 2) -> list[Run]:
    """Maximal runs of lines that keep at least one gutter open, top to bottom."""
    runs: list[Run] = []
    i = 0
    while i < len(lines):
        grown = _grow(lines, i)
        if grown is None:
            i += 1
            continue
        members, gutters = grown
        kept = supported(gutters, 2)
        members = _trim(members, kept)
        multi = sum(1 for ln in members if _splits(ln, kept))
        if kept and multi >= min_rows:
            runs.append(Run(tuple(members), tuple(kept), x0, x1, multi))
            i += len(members)
        else:
            i += 1
    return runs


def covered(line: TextLine, run: Run) -> bool:
    """Does the line cover one of the run's gutters (it crosses the columns: a spanning cell, a
    title, a paragraph)?"""
    return any(covers(line, g) for g in run.gutters)
