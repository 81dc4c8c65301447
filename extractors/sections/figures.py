"""Headline figures: the document model's tiles (a number set much larger than the body text with
its label above, below, beside or around it), read as typed values: "1.2 million" -> 1200000,
"Over 300" -> 300 with qualifier "over", "65+" -> 65 with "+", "92%" -> 92 with unit "%".

The tile's label is checked against the page's lines: a line of the label that no tile took (the
rest of a label wrapped onto further lines at a wide leading, a word set beside the number's last
line, the line over a number a label wraps around, a hedge set large over the number, a label
that wraps around the number) is put back, and what is not the label is left out (the next
tile's label on the number's row, the sentence introducing the figures). A free line between two
labels goes on the label over it before it starts the label under it. A year set large ("2025
Activities") is a title, not a figure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.model import BBox, Block, BlockRole, Page, Tile, TileArrangement
from extractors.normalize.numbers import Quantity, parse_quantity, rejoined
from extractors.records import Figure, Source
from extractors.sections.base import Context

_YEAR = re.compile(r"(?:19|20)\d\d")
_LABEL_ROLES = frozenset({BlockRole.BODY, BlockRole.CAPTION})
_FLUSH = 3.0  # points: lines of one label start at the same left edge
_MAX_LABEL_WORDS = 16
_NEAR = 24.0  # points between a number and the label under or over it
_SENTENCE_END = (".", "!", "?")
_BULLETS = ("•", "‣", "▪", "–", "-", "*", "·")


def _quantity(tile: Tile) -> Quantity | None:
    """The tile's number; a hedge printed just before it inside the label ("Over 300 cities")
    counts as its qualifier."""
    quantity = parse_quantity(tile.value_text)
    if quantity is None or tile.arrangement != "number_inside" or quantity.qualifier:
        return quantity
    at = tile.label.find(tile.value_text)
    if at <= 0:
        return quantity
    words = tile.label[:at].split()
    hedged = parse_quantity(" ".join([*words[-2:], tile.value_text]))
    if hedged is not None and hedged.value == quantity.value and hedged.qualifier:
        return hedged
    return quantity


def is_year(quantity: Quantity) -> bool:
    """A bare four-digit year ("2025", as in a title "2025 Activities"), never a count."""
    return (
        quantity.unit is None
        and quantity.qualifier is None
        and _YEAR.fullmatch(quantity.source_text) is not None
    )


# ---- the label against the page's lines -------------------------------------------------------


def _inside(block: Block, box: BBox) -> bool:
    return (
        block.bbox.x0 >= box.x0 - 1
        and block.bbox.x1 <= box.x1 + 1
        and block.bbox.top >= box.top - 1
        and block.bbox.bottom <= box.bottom + 1
    )


def _rows_overlap(a: BBox, b: BBox) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0


def _one_line(block: Block) -> bool:
    return len(block.lines) <= 1 and block.bbox.height <= 1.8 * block.font_size


def _in_label(block: Block, label: str) -> bool:
    """Is the block's text in the label (each of its lines, for a paragraph the label's number
    broke in two)?"""
    return block.text in label or (
        len(block.lines) > 1 and all(line in label for line in block.lines)
    )


def _parts(page: Page, tile: Tile) -> tuple[Block | None, list[Block]]:
    """The tile's number block and its label's blocks, top to bottom."""
    inside = [b for b in page.body_blocks if _inside(b, tile.bbox)]
    number = next((b for b in inside if b.text == tile.value_text), None)
    label = [b for b in inside if b is not number and _in_label(b, tile.label)]
    return number, sorted(label, key=lambda b: b.bbox.top)


def _free_lines(page: Page, tiles: Sequence[Tile]) -> list[Block]:
    """The page's small text lines that none of `tiles` took as its number or label."""
    taken: set[int] = set()
    for tile in tiles:
        number, label = _parts(page, tile)
        taken.update(id(b) for b in [*label, *([number] if number else [])])
    return [b for b in page.body_blocks if b.role in _LABEL_ROLES and id(b) not in taken]


def _loose(page: Page, tile: Tile) -> bool:
    """A label only beside the number, not touching it: the nearest text to its right, which a
    label wrapped around the number beats."""
    number, label = _parts(page, tile)
    return (
        tile.arrangement == "number_beside" and number is not None and not _touches(number, label)
    )


@dataclass(frozen=True, slots=True)
class _Free:
    """A page's lines free for a label: those no tile took, and those only loose labels took;
    and the page's headline numbers."""

    lines: list[Block]
    unless_loose: list[Block]
    numbers: list[Block]  # the tiles' numbers


def _free(page: Page) -> _Free:
    firm = [t for t in page.tiles if not _loose(page, t)]
    numbers = [n for t in page.tiles if (n := _parts(page, t)[0]) is not None]
    return _Free(_free_lines(page, page.tiles), _free_lines(page, firm), numbers)


def _distance(a: Block, b: Block, step: int) -> float:
    """How far `b` is set under `a` (step 1) or over it (step -1)."""
    return b.bbox.top - a.bbox.bottom if step > 0 else a.bbox.top - b.bbox.bottom


def _goes_on(last: Block, line: Block, reach: float, step: int) -> bool:
    """Could `line` be the next line of a label whose line so far is `last`: one line of text,
    flush with it, in its size, within `reach`, not an item of a list?"""
    return (
        _one_line(line)
        and not line.text.startswith(_BULLETS)
        and abs(line.bbox.x0 - last.bbox.x0) <= _FLUSH
        and abs(line.font_size - last.font_size) <= 0.5
        and 0 <= _distance(last, line, step) <= reach
    )


def _nearer_number(line: Block, last: Block, numbers: Sequence[Block], step: int) -> bool:
    """Is `line` set nearer to another headline number beyond it than to the label's `last`
    line (then it is that number's, "Trained" over "over 300")?"""
    return any(
        _overlap_x(line.bbox, n.bbox) > 0
        and 0 <= _distance(line, n, step) < _distance(last, line, step)
        for n in numbers
    )


def _overlap_x(a: BBox, b: BBox) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _leading(parts: Sequence[Block]) -> float:
    """The widest gap between the lines of a tile (its number and label), top to bottom."""
    ordered = sorted(parts, key=lambda b: b.bbox.top)
    gaps = [b.bbox.top - a.bbox.bottom for a, b in pairwise(ordered)]
    return max([0.0, *gaps])


def _continued(
    last: Block, gap: float, free: Sequence[Block], numbers: Sequence[Block], step: int
) -> list[Block]:
    """The free lines that go on from a label's `last` line under it (step 1) or over it (step
    -1), as close as the label's lines are set to each other (`gap`). Only a label set one line
    to a block goes on: lines set this far apart were not joined into one block (a wide
    leading), while a label of several lines in one block is whole."""
    out: list[Block] = []
    if not _one_line(last):
        return out
    words = len(last.text.split())
    while True:
        reach = max(1.2 * last.font_size, 1.3 * max(gap, 0) + 2)
        near = [b for b in free if b not in out and _goes_on(last, b, reach, step)]
        if not near:
            return out
        nxt = min(near, key=lambda b: abs(b.bbox.top - last.bbox.top))
        words += len(nxt.text.split())
        if words > _MAX_LABEL_WORDS or _nearer_number(nxt, last, numbers, step):
            return out
        gap = _distance(last, nxt, step)
        out.append(nxt)
        last = nxt


def _beside_number(number: Block, label: Sequence[Block], free: Sequence[Block]) -> list[Block]:
    """Free lines set on the number's rows, right of where its last line ends (the number is
    "Over / 300" on two lines and "city" sits beside "300"), above the label's first line."""
    first = label[0].bbox.top if label else number.bbox.bottom
    return [
        b
        for b in free
        if _one_line(b)
        and b.bbox.top >= number.bbox.top
        and b.bbox.bottom <= min(number.bbox.bottom, first) + 1
        and number.bbox.x0 < b.bbox.x0 <= number.bbox.x1 + 0.5 * number.font_size
        and b.font_size < number.font_size
    ]


def _wrapped_around(number: Block, lines: Sequence[Block]) -> Block | None:
    """A label that starts on the number's rows, right of its left edge, and wraps under it
    (its box begins left of the number's right edge and ends below the number)."""
    for b in lines:
        if (
            number.bbox.top < b.bbox.top < number.bbox.bottom < b.bbox.bottom
            and number.bbox.x0 - _FLUSH <= b.bbox.x0 <= number.bbox.x1
            and b.font_size < number.font_size
        ):
            return b
    return None


def _touches(number: Block, label: Sequence[Block]) -> bool:
    return any(
        _rows_overlap(b.bbox, number.bbox) and b.bbox.x0 - number.bbox.x1 <= 0.5 * number.font_size
        for b in label
    )


def _without_far_tail(
    tile: Tile, number: Block, label: Sequence[Block]
) -> tuple[Tile, list[Block]]:
    """A label around its number without the text set on the number's row well to its right
    (the next tile's label, in a grid of tiles): a label goes on right after the number."""
    far = [
        b
        for b in label
        if _rows_overlap(b.bbox, number.bbox)
        and b.bbox.x0 - number.bbox.x1 > 0.5 * number.font_size
    ]
    kept = [b for b in label if b not in far]
    if tile.arrangement != "number_inside" or not far or not kept:
        return tile, list(label)
    text = tile.label
    for b in far:
        text = text.replace(f" {b.text}", "", 1)
    box = number.bbox
    for b in kept:
        box = box.union(b.bbox)
    return replace(tile, label=text, bbox=box), kept


def _without_sentence_over(
    tile: Tile, number: Block, label: Sequence[Block]
) -> tuple[Tile, list[Block]]:
    """A label around its number without a sentence set over the number's row (the passage
    introducing the figures ends with a full stop; a label does not). When the label then starts
    with the number, the rest of its line is the label, beside the number."""
    over = [
        b
        for b in label
        if b.bbox.bottom <= number.bbox.top + 0.3 * number.font_size
        and b.text.rstrip().endswith(_SENTENCE_END)
    ]
    kept = [b for b in label if b not in over]
    if tile.arrangement != "number_inside" or not over or not kept:
        return tile, list(label)
    text = tile.label
    for b in over:
        text = text.replace(f"{b.text} ", "", 1)
    arrangement: TileArrangement = tile.arrangement
    if text.startswith(f"{number.text} "):
        text, arrangement = text[len(number.text) + 1 :], "number_beside"
    box = number.bbox
    for b in kept:
        box = box.union(b.bbox)
    return replace(tile, label=text, bbox=box, arrangement=arrangement), kept


@dataclass(frozen=True, slots=True)
class _Grown:
    """A tile with the free lines of its label put back, and the lines it took under its label
    (going on downward)."""

    tile: Tile
    under: list[Block]


def _relabelled(
    tile: Tile, page: Page, lines: _Free, below: frozenset[int] = frozenset()
) -> _Grown:
    """The tile with the lines of its label that no tile took put back. The lines in `below`
    go on another tile's label downward: they are not this label's lines over it."""
    grown = _relabel(tile, page, lines, below)
    return grown if isinstance(grown, _Grown) else _Grown(grown, [])


def _relabel(tile: Tile, page: Page, lines: _Free, below: frozenset[int]) -> Tile | _Grown:
    number, label = _parts(page, tile)
    if number is None:
        return tile
    free = lines.lines
    over = [b for b in free if id(b) not in below]
    if tile.arrangement == "number_beside" and not _touches(number, label):
        around = _wrapped_around(number, lines.unless_loose)
        if around is not None:
            box = number.bbox.union(around.bbox)
            return replace(tile, label=around.text, bbox=box)
    if not label:
        return tile
    tile, label = _without_far_tail(tile, number, label)
    tile, label = _without_sentence_over(tile, number, label)
    tile = _hedged(tile, number, label, page)
    before: list[Block] = []
    after: list[Block] = []
    gap = _leading([number, *label])
    others = [n for n in lines.numbers if n is not number]
    if tile.arrangement in ("label_above", "number_inside"):
        before = _continued(label[0], gap, over, others, -1)[::-1]
    if tile.arrangement != "label_above":
        after = _continued(label[-1], gap, free, others, 1)
    if tile.arrangement == "number_above":
        before = _beside_number(number, label, free)
    head = _head_line(number, over, others) if before else None
    if not before and not after:
        return tile
    parts = [*before, *after] if head is None else [head, *before, *after]
    words = [*(b.text for b in before), tile.label, *(b.text for b in after)]
    if head is not None:
        words = [head.text, number.text, *words]
    box = tile.bbox
    for b in parts:
        box = box.union(b.bbox)
    inside = "number_inside" if head is not None else tile.arrangement
    return _Grown(replace(tile, label=" ".join(words), bbox=box, arrangement=inside), after)


def _head_line(number: Block, free: Sequence[Block], numbers: Sequence[Block]) -> Block | None:
    """The free line right over a number whose label wraps around it ("Trained" over "over 300
    / city / officials"): flush with it, nearer to it than to any other number; the label is
    then one sentence with the number inside."""
    near = [
        b
        for b in free
        if _one_line(b)
        and abs(b.bbox.x0 - number.bbox.x0) <= _FLUSH
        and b.font_size < number.font_size
        and 0 <= number.bbox.top - b.bbox.bottom <= 0.5 * number.font_size
        and not _nearer_number(b, number, numbers, -1)
    ]
    return max(near, key=lambda b: b.bbox.bottom) if near else None


def _hedge(number: Block, label: Sequence[Block], blocks: Sequence[Block]) -> Block | None:
    """A hedge ("over", "more than") set in the number's size at the end of the label's line
    over the number: the number broken over two lines, "Trained over" over "300 city
    officials"."""
    for b in blocks:
        hedged = parse_quantity(f"{b.text} {number.text}")
        if (
            b is not number
            and abs(b.font_size - number.font_size) <= 0.5
            and hedged is not None
            and hedged.qualifier is not None
            and hedged.source_text == f"{b.text} {number.text}"
            and 0 <= number.bbox.top - b.bbox.bottom <= 0.5 * number.font_size
            and any(
                _rows_overlap(part.bbox, b.bbox)
                and 0 <= b.bbox.x0 - part.bbox.x1 <= 0.5 * number.font_size
                for part in label
            )
        ):
            return b
    return None


def _hedged(tile: Tile, number: Block, label: Sequence[Block], page: Page) -> Tile:
    """A number_inside tile with the hedge set over its number put in its label."""
    at = tile.label.find(number.text)
    if tile.arrangement != "number_inside" or at <= 0:
        return tile
    hedge = _hedge(number, label, page.body_blocks)
    if hedge is None:
        return tile
    text = f"{tile.label[:at]}{hedge.text} {tile.label[at:]}"
    return replace(tile, label=text, bbox=tile.bbox.union(hedge.bbox))


def _under(number: Block, blocks: Sequence[Block]) -> Block | None:
    """The label-like line right under a number."""
    near = [
        b
        for b in blocks
        if b.role in _LABEL_ROLES
        and b.font_size < number.font_size
        and len(b.text.split()) <= _MAX_LABEL_WORDS
        and 0 <= b.bbox.top - number.bbox.bottom <= _NEAR
        and _overlap_x(b.bbox, number.bbox) > 0
    ]
    return min(near, key=lambda b: b.bbox.top) if near else None


def _labels_under(page: Page) -> dict[int, Tile]:
    """A stack of tiles read with each label over its number, when the first label is a
    sentence (the passage introducing the figures) and under every number is a line that
    is not: then the labels are under the numbers."""
    tiles = page.tiles
    if not tiles or any(t.arrangement != "label_above" for t in tiles):
        return {}
    if not any(t.label.rstrip().endswith(_SENTENCE_END) for t in tiles):
        return {}
    out: dict[int, Tile] = {}
    for tile in tiles:
        number = _parts(page, tile)[0]
        label = _under(number, page.body_blocks) if number is not None else None
        if number is None or label is None or label.text.rstrip().endswith(_SENTENCE_END):
            return {}
        box = number.bbox.union(label.bbox)
        out[id(tile)] = replace(tile, label=label.text, bbox=box, arrangement="number_above")
    if len({t.label for t in out.values()}) < len(out):
        return {}
    return out


def _page_tiles(page: Page) -> dict[int, Tile]:
    """The page's tiles (by the id of the document model's tile), their labels made whole."""
    flipped = _labels_under(page)
    originals = list(page.tiles)
    current = [flipped.get(id(t), t) for t in originals]
    view = replace(page, tiles=current) if flipped else page
    lines = _free(view)
    grown = [_relabelled(tile, view, lines) for tile in current]
    # a free line between two labels goes on the label over it (a label reads down) before it
    # starts the label under it: a line one label took going down is no other label's line
    # over it
    below = frozenset(id(b) for g in grown for b in g.under)
    if below:
        grown = [_relabelled(tile, view, lines, below) for tile in current]
    return {id(original): g.tile for original, g in zip(originals, grown, strict=True)}


def extract(ctx: Context) -> list[Figure]:
    pages: dict[int, dict[int, Tile]] = {}
    figures: list[Figure] = []
    for placed in ctx.tiles():
        tile = placed.item
        if not isinstance(tile, Tile):
            continue
        if tile.page_number not in pages:
            pages[tile.page_number] = _page_tiles(ctx.document.pages[tile.page_number - 1])
        figure = _figure(pages[tile.page_number].get(id(tile), tile))
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(tile: Tile) -> Figure | None:
    quantity = _quantity(tile)
    if quantity is None or is_year(quantity):
        return None
    text = tile.label if tile.arrangement == "number_inside" else f"{tile.value_text} {tile.label}"
    label = tile.label
    if tile.arrangement == "number_inside":  # the number as printed, not as its line broke it
        label = label.replace(tile.value_text, rejoined(tile.value_text), 1)
    return Figure(
        label=label,
        value=quantity.value,
        unit=quantity.unit,
        qualifier=quantity.qualifier,
        source=Source(tile.page_number, tile.bbox, text),
    )
