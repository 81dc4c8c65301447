"""The blocks printed under a block in its own column, top down.

The reading order of a page may interleave columns the parser did not tell apart (three columns
of headings and date lines read across by height), so a heading's date line is not always the
next block of the flow; it is the next block that starts where the heading starts, below it."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.model import Block, BlockRole

_ALIGN = 3.0  # how far a block below may start from the block above, in points
_OVERLAP = 2.0
_GAP_LINES = 2.5  # how far below a block the next one may start, in lines of the block's type


def under(block: Block, page_blocks: Sequence[Block]) -> list[Block]:
    """The blocks of the page that start where `block` starts and sit below it, nearest first,
    the first one close under it (else none: something else is printed between them)."""
    out = [
        b
        for b in page_blocks
        if b is not block
        and b.page_number == block.page_number
        and abs(b.bbox.x0 - block.bbox.x0) <= _ALIGN
        and b.bbox.top >= block.bbox.bottom - _OVERLAP
    ]
    out.sort(key=lambda b: b.bbox.top)
    if out and out[0].bbox.top - block.bbox.bottom > _GAP_LINES * block.font_size:
        return []
    return out


def following(
    block: Block, flow_next: Sequence[Block], page_blocks: Sequence[Block]
) -> list[Block]:
    """What follows a heading: as many blocks as `flow_next` (the flow's next blocks) holds,
    taken from under the heading in its column when a block that is no heading is printed
    close under it, else the flow's."""
    below = under(block, page_blocks)
    if not below or below[0].role is BlockRole.HEADING:
        return list(flow_next)
    return below[: max(len(flow_next), 1)]


_TEXT_ROLES = (BlockRole.BODY, BlockRole.HEADING)


def _top_left(blocks: Sequence[Block]) -> Block | None:
    """The block a column of text starts with: the highest, the leftmost of those on its line."""
    if not blocks:
        return None
    top = min(b.bbox.top for b in blocks)
    return min((b for b in blocks if b.bbox.top - top <= _OVERLAP), key=lambda b: b.bbox.x0)


def carried_on(block: Block, pages: Sequence[Sequence[Block]]) -> Block | None:
    """Where the text goes on after a block printed last in its column (nothing of the page's
    text below it across its width): the top of the text to its right on its page, else the top
    of the next page. None when something is printed under it. `pages` holds every page's
    blocks, by page number from 1."""
    page = pages[block.page_number - 1] if 0 < block.page_number <= len(pages) else ()
    text = [b for b in page if b != block and b.role in _TEXT_ROLES]
    if any(
        b.bbox.top >= block.bbox.bottom - _OVERLAP
        and b.bbox.x0 < block.bbox.x1
        and b.bbox.x1 > block.bbox.x0
        for b in text
    ):
        return None
    right = _top_left([b for b in text if b.bbox.x0 >= block.bbox.x1])
    if right is not None or block.page_number >= len(pages):
        return right
    return _top_left([b for b in pages[block.page_number] if b.role in _TEXT_ROLES])
