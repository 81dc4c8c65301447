"""Sections set in bands: a heading across the page under which the columns start again, so the
tops of the columns beside it, printed above it, still belong to the section before it.

The flow reads a page column by column, so the blocks at the top of the second column come after
a heading at the foot of the first one and are put under it. When that heading starts a band
(the first block after it and a block of its section in the other column start at the same
height below it), the blocks printed above the heading go back to the section before it."""

from __future__ import annotations

from dataclasses import replace

from extractors.flow import Placed
from extractors.model import Block, BlockRole, Table

_LEVEL = 2.5  # how far apart the tops of blocks that start a band may be, in points


def _overlap(a: Block, b: Block | Table) -> bool:
    return min(a.bbox.x1, b.bbox.x1) - max(a.bbox.x0, b.bbox.x0) > 0


def _band_tops(items: list[Placed], at: int) -> tuple[Block, list[Block]] | None:
    """For the heading at `at`: the first block after it on its page, and the blocks of its
    section on that page that start level with that one (the columns of its band)."""
    heading = items[at].item
    assert isinstance(heading, Block)
    section = [
        p.item
        for p in items[at + 1 :]
        if isinstance(p.item, Block)
        and p.item.page_number == heading.page_number
        and any(h is heading for h in p.headings)
    ]
    first = next((b for b in section if b.bbox.top >= heading.bbox.bottom - _LEVEL), None)
    if first is None:
        return None
    return first, [b for b in section if abs(b.bbox.top - first.bbox.top) <= _LEVEL]


def _before(items: list[Placed], at: int) -> tuple[Block, ...]:
    """The headings in force just before the heading at `at`, down to its own level."""
    heading = items[at].item
    assert isinstance(heading, Block)
    if at == 0:
        return ()
    prev = items[at - 1]
    path = list(prev.headings)
    if isinstance(prev.item, Block) and prev.item.role is BlockRole.HEADING:
        path.append(prev.item)
    level = heading.heading_level or 1
    return tuple(h for h in path if (h.heading_level or 1) <= level)


def regroup(items: list[Placed]) -> list[Placed]:
    """The flow with the blocks (and tables) printed above a band's heading, in a column of its
    band, put back under the headings in force before it."""
    index = {id(p.item): i for i, p in enumerate(items)}
    bands: dict[int, tuple[Block, list[Block]] | None] = {}
    out: list[Placed] = []
    for placed in items:
        block = placed.item
        if not isinstance(block, Block | Table):
            out.append(placed)
            continue
        for k, heading in enumerate(placed.headings):
            if heading.page_number != placed.page or block.bbox.bottom > heading.bbox.top:
                continue
            at = index[id(heading)]
            if at not in bands:
                bands[at] = _band_tops(items, at)
            band = bands[at]
            if band is None or not any(_overlap(b, block) for b in band[1] if b is not band[0]):
                continue
            placed = replace(placed, headings=(*_before(items, at), *placed.headings[k + 1 :]))
            break
        out.append(placed)
    return out
