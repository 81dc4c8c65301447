"""Reading order of a page's blocks by recursive XY-cut.

At each level the blocks are first split at vertical gutters that run the full height of the region
(columns, read left to right); failing that, at horizontal gaps that run its full width (bands, read
top to bottom). Consecutive bands that share a gutter are merged back before recursing, so a
two-column flow whose paragraph gaps happen to line up is still read column by column, while a grid
whose rows are separated by full-width headings is read row by row.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace

from extractors.model import Block

_MIN_GUTTER = 8.0  # points of empty space that separate two columns


def _intervals(
    blocks: Sequence[Block],
    lo: Callable[[Block], float],
    hi: Callable[[Block], float],
    min_gap: float,
) -> list[list[Block]]:
    """Split blocks into groups whose [lo, hi] projections are separated by more than min_gap."""
    groups: list[list[Block]] = []
    reach = float("-inf")
    for block in sorted(blocks, key=lo):
        if groups and lo(block) - reach <= min_gap:
            groups[-1].append(block)
            reach = max(reach, hi(block))
        else:
            groups.append([block])
            reach = hi(block)
    return groups


def _columns(blocks: Sequence[Block]) -> list[list[Block]]:
    return _intervals(blocks, lambda b: b.bbox.x0, lambda b: b.bbox.x1, _MIN_GUTTER)


def _bands(blocks: Sequence[Block]) -> list[list[Block]]:
    return _intervals(blocks, lambda b: b.bbox.top, lambda b: b.bbox.bottom, 0.0)


def _gutters(blocks: Sequence[Block]) -> list[tuple[float, float]]:
    cols = _columns(blocks)
    return [
        (max(b.bbox.x1 for b in left), min(b.bbox.x0 for b in right))
        for left, right in itertools.pairwise(cols)
    ]


def _shares_gutter(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    return any(min(a1, b1) - max(a0, b0) > 0 for a0, a1 in a for b0, b1 in b)


def _merge_bands(bands: list[list[Block]]) -> list[list[Block]]:
    merged: list[list[Block]] = []
    gutters: list[tuple[float, float]] = []
    for band in bands:
        band_gutters = _gutters(band)
        if merged and gutters and band_gutters and _shares_gutter(gutters, band_gutters):
            merged[-1].extend(band)
            gutters = _gutters(merged[-1])
        else:
            merged.append(list(band))
            gutters = band_gutters
    return merged


def reading_order(blocks: Sequence[Block]) -> list[Block]:
    """Return the blocks in reading order, each tagged with the column it was read in."""
    return _order(list(blocks), column=0)


def _starts_above_the_first_column(blocks: list[Block], first: list[Block]) -> bool:
    """Whether the region's top band (above a gap across its full width) holds nothing of its
    first column: the end of a flow in the later columns, above a part laid out anew (a
    section starting under the last of the previous one's right column). Those bands are read
    top to bottom, not the columns left to right."""
    bands = _bands(blocks)
    if len(bands) < 2:
        return False
    top = {id(b) for b in bands[0]}
    return not any(id(b) in top for b in first)


def _spanned_gap(blocks: list[Block]) -> bool:
    """Whether a gap across the region's full width has under it a block set across a gutter
    of the columns over it: a heading (or a part) across some of the columns that starts a new
    part of the page. Columns that go on past it (a sidebar reaching below its top) leave no
    such gap; where one is left, the part over it is read before the heading, the columns of
    each part left to right, even when the heading is too short to reach the last column."""
    bands = _bands(blocks)
    for upper, lower in itertools.pairwise(bands):
        first = min(lower, key=lambda b: b.bbox.top)
        if any(first.bbox.x0 < g0 and first.bbox.x1 > g1 for g0, g1 in _gutters(upper)):
            return True
    return False


def _order(blocks: list[Block], column: int) -> list[Block]:
    if len(blocks) <= 1:
        return [replace(b, column=column) for b in blocks]
    cols = _columns(blocks)
    if (
        len(cols) > 1
        and not _starts_above_the_first_column(blocks, cols[0])
        and not _spanned_gap(blocks)
    ):
        out: list[Block] = []
        for i, col in enumerate(cols):
            out.extend(_order(col, column + i))
        return out
    bands = _bands(blocks)
    if len(bands) > 1:
        merged = _merge_bands(bands)
        if len(merged) > 1:
            out = []
            for band in merged:
                out.extend(_order(band, column))
            return out
    return [
        replace(b, column=column) for b in sorted(blocks, key=lambda b: (b.bbox.top, b.bbox.x0))
    ]
