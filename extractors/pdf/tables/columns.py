"""Column gutters: vertical strips of white space that the lines of a table step over.

A line's gaps are the spaces between its segments. Going down a run of lines, the gutters are what
stays empty in every line: each multi-segment line narrows the gutters to its own gaps, and a gutter
a line's words cover is gone. A gutter's `support` counts the lines with text on both sides of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.pdf.tables.textlines import Segment, TextLine

MIN_GUTTER = 2.5  # points: narrower strips are word spaces, not columns
GUTTER_EM = 0.45  # nor are strips narrower than this share of the font size


def min_gutter(line: TextLine) -> float:
    return max(MIN_GUTTER, GUTTER_EM * line.size)


@dataclass(frozen=True, slots=True)
class Gutter:
    x0: float
    x1: float
    support: int = 1

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def gaps(line: TextLine) -> list[Gutter]:
    """The spaces between a line's segments."""
    return [
        Gutter(a.x1, b.x0)
        for a, b in zip(line.segments, line.segments[1:], strict=False)
        if b.x0 - a.x1 >= min_gutter(line)
    ]


def covers(line: TextLine, gutter: Gutter) -> bool:
    """Does one of the line's words reach into the gutter?"""
    return any(w["x1"] > gutter.x0 + 0.5 and w["x0"] < gutter.x1 - 0.5 for w in line.words)


def crosses(segment: Segment, gutter: Gutter) -> bool:
    return segment.x0 < gutter.x0 and segment.x1 > gutter.x1


def _near(own: Sequence[Gutter], gutter: Gutter, tol: float) -> Gutter | None:
    """The line's gap that best matches the gutter: the one overlapping it most, or failing that
    the one within `tol` of it with the nearest centre."""
    best = max(own, key=lambda g: min(g.x1, gutter.x1) - max(g.x0, gutter.x0), default=None)
    if best is not None and min(best.x1, gutter.x1) - max(best.x0, gutter.x0) > 0:
        return best
    close = [g for g in own if g.x0 < gutter.x1 + tol and g.x1 > gutter.x0 - tol]
    centre = (gutter.x0 + gutter.x1) / 2
    return min(close, key=lambda g: abs((g.x0 + g.x1) / 2 - centre), default=None)


def _free(gutter: Gutter, line: TextLine) -> tuple[float, float] | None:
    """The widest part of the gutter that none of the line's words reach into."""
    spans = sorted(
        (w["x0"], w["x1"]) for w in line.words if w["x1"] > gutter.x0 and w["x0"] < gutter.x1
    )
    best: tuple[float, float] | None = None
    start = gutter.x0
    least = min_gutter(line)
    for x0, x1 in [*spans, (gutter.x1, gutter.x1)]:
        if x0 - start >= least and (best is None or x0 - start > best[1] - best[0]):
            best = (start, min(x0, gutter.x1))
        start = max(start, x1)
    return best


def _both_sides(line: TextLine, x0: float, x1: float) -> bool:
    return any(w["x1"] <= x0 + 0.5 for w in line.words) and any(
        w["x0"] >= x1 - 0.5 for w in line.words
    )


def narrow(gutters: Sequence[Gutter], line: TextLine) -> list[Gutter]:
    """The gutters that survive a line: each shrinks to the part of it the line leaves white, and
    counts the line as support when the line has text on both sides. A gutter the line's words
    fill survives when the line has a gap of its own next to it (dot leaders or a long label
    pushing into the white strip of right-aligned numbers), else it is dropped."""
    out: list[Gutter] = []
    own = gaps(line)
    for gutter in gutters:
        free = _free(gutter, line)
        if free is None:
            if _near(own, gutter, line.size) is not None:
                out.append(replace(gutter, support=gutter.support + 1))
            continue
        step = 1 if _both_sides(line, *free) else 0
        out.append(Gutter(free[0], free[1], gutter.support + step))
    return out


def boundaries(gutters: Sequence[Gutter], lines: Sequence[TextLine]) -> list[float]:
    """One x per gutter: where the most lines have a gap (a line's words may push into the strip
    that the others leave white)."""
    out: list[float] = []
    for gutter in sorted(gutters, key=lambda g: g.x0):
        spans: list[tuple[float, float]] = []
        for line in lines:
            near = _near(gaps(line), gutter, line.size)
            if near is not None:
                spans.append((near.x0, near.x1))
        out.append(_deepest(spans) if spans else (gutter.x0 + gutter.x1) / 2)
    return out


def _deepest(spans: Sequence[tuple[float, float]]) -> float:
    """The middle of the stretch covered by the most spans."""
    events = sorted([(a, 1) for a, _ in spans] + [(b, -1) for _, b in spans])
    best, depth, start, stretch = -1, 0, 0.0, (0.0, 0.0)
    for i, (x, step) in enumerate(events):
        depth += step
        if step == 1 and depth > best:
            best, start = depth, x
            nxt = events[i + 1][0] if i + 1 < len(events) else x
            stretch = (start, nxt)
    return (stretch[0] + stretch[1]) / 2


def supported(gutters: Sequence[Gutter], minimum: int) -> list[Gutter]:
    return [g for g in gutters if g.support >= minimum]


def column_bounds(x0: float, x1: float, cuts: Sequence[float]) -> list[tuple[float, float]]:
    """The columns between the cuts, left to right."""
    edges = [x0, *sorted(cuts), x1]
    return [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]


def column_of(segment: Segment, bounds: Sequence[tuple[float, float]]) -> tuple[int, int]:
    """(first, last) column a segment lies over: the column holding most of it, widened to the
    neighbouring columns it covers at least half of (a label spanning a group of columns)."""
    overlaps = [min(segment.x1, c1) - max(segment.x0, c0) for c0, c1 in bounds]
    main = max(range(len(bounds)), key=lambda i: overlaps[i])
    if overlaps[main] <= 0:
        centre = segment.center
        main = min(
            range(len(bounds)),
            key=lambda i: min(abs(centre - bounds[i][0]), abs(centre - bounds[i][1])),
        )
        return main, main

    def half(i: int) -> bool:
        c0, c1 = bounds[i]
        return overlaps[i] >= 0.5 * (c1 - c0)

    first = main
    while first > 0 and half(first - 1):
        first -= 1
    last = main
    while last < len(bounds) - 1 and half(last + 1):
        last += 1
    return first, last
