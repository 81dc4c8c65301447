"""Tiles: headline figures, a number set much larger than the body text with a short label.

Designs put the label under the number, over it, beside it, or around it ("Organized 18
activities" with the 18 set large). Which of "under" and "over" a page uses is decided for the page
as a whole (in a grid of tiles the label of one row sits right over the number of the next), by
which of the two gives a label to more of its numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.model import Block, BlockRole, Page, Tile, TileArrangement
from extractors.normalize.numbers import parse_quantity

EMPHASIS = 1.6  # a headline number is at least this many times the body size
_NEAR = 24.0  # points between a number and the label under or over it
_BESIDE = 0.35  # at most this share of the page width between a number and the label beside it
_MAX_LABEL_WORDS = 16
_TEXT = frozenset({BlockRole.BODY, BlockRole.HEADING, BlockRole.CAPTION})


def is_headline_number(block: Block, body: float) -> bool:
    """A short block set large that is a number, give or take one word ("Over 300", "65+")."""
    if block.font_size < EMPHASIS * body or len(block.text) > 24:
        return False
    quantity = parse_quantity(block.text)
    if quantity is None:
        return False
    leftover = block.text.lower().replace(quantity.source_text.lower(), " ")
    return len(leftover.split()) <= 1


def _overlap_x(a: Block, b: Block) -> float:
    return min(a.bbox.x1, b.bbox.x1) - max(a.bbox.x0, b.bbox.x0)


def _same_row(a: Block, b: Block) -> bool:
    overlap = min(a.bbox.bottom, b.bbox.bottom) - max(a.bbox.top, b.bbox.top)
    return overlap > 0.5 * min(a.bbox.height, b.bbox.height)


def _on_baseline(number: Block, part: Block) -> bool:
    return abs(number.bbox.bottom - part.bbox.bottom) <= 0.3 * number.font_size


def _label_like(block: Block) -> bool:
    return len(block.text.split()) <= _MAX_LABEL_WORDS


def _fits(label: Block, number: Block) -> bool:
    """A heading is never a tile's label: a large number over a heading is a chapter number."""
    return label.role is not BlockRole.HEADING


def _below(number: Block, labels: Sequence[Block]) -> Block | None:
    near = [
        b
        for b in labels
        if 0 <= b.bbox.top - number.bbox.bottom <= _NEAR
        and _overlap_x(b, number) > 0
        and _fits(b, number)
    ]
    return min(near, key=lambda b: b.bbox.top) if near else None


def _above(number: Block, labels: Sequence[Block]) -> Block | None:
    near = [
        b
        for b in labels
        if 0 <= number.bbox.top - b.bbox.bottom <= _NEAR
        and _overlap_x(b, number) > 0
        and _fits(b, number)
    ]
    return max(near, key=lambda b: b.bbox.bottom) if near else None


def _around(number: Block, labels: Sequence[Block], width: float) -> Tile | None:
    """A label around the number on its baseline, text before it and maybe after it ("Organized
    18 activities": the label is the whole line), else a label beside it on its right (a number
    that starts its line, "1.2 million page views", is a number beside its label)."""
    left = [
        b
        for b in labels
        if 0 <= number.bbox.x0 - b.bbox.x1 <= 0.5 * number.font_size and _on_baseline(number, b)
    ]
    right = [
        b
        for b in labels
        if 0 <= b.bbox.x0 - number.bbox.x1 <= _BESIDE * width and _same_row(b, number)
    ]
    after = min(right, key=lambda b: b.bbox.x0) if right else None
    if left:
        before = max(left, key=lambda b: b.bbox.x1)
        tail = after.text if after and _on_baseline(number, after) else ""
        label = " ".join(part for part in (before.text, number.text, tail) if part)
        box = before.bbox.union(number.bbox)
        if after and tail:
            box = box.union(after.bbox)
        return Tile(number.text, label, number.page_number, box, "number_inside")
    if after is not None:
        box = number.bbox.union(after.bbox)
        return Tile(number.text, after.text, number.page_number, box, "number_beside")
    return None


def find_tiles(page: Page, body_size: float) -> list[Tile]:
    """The headline figures of one page, in reading order."""
    blocks = [b for b in page.body_blocks if b.role in _TEXT]
    numbers = [b for b in blocks if is_headline_number(b, body_size)]
    if not numbers:
        return []
    labels = [b for b in blocks if b.font_size < EMPHASIS * body_size and _label_like(b)]
    tiles: dict[int, Tile] = {}
    stacked = []
    for number in numbers:
        tile = _around(number, labels, page.width)
        if tile is not None:
            tiles[id(number)] = tile
        else:
            stacked.append(number)
    under = {id(n): b for n in stacked if (b := _below(n, labels))}
    over = {id(n): b for n in stacked if (b := _above(n, labels))}
    arrangement: TileArrangement = "label_above" if len(over) > len(under) else "number_above"
    chosen = over if arrangement == "label_above" else under
    for number in stacked:
        label = chosen.get(id(number))
        if label is not None:
            box = number.bbox.union(label.bbox)
            tiles[id(number)] = Tile(number.text, label.text, page.number, box, arrangement)
    return [tiles[id(n)] for n in numbers if id(n) in tiles]
