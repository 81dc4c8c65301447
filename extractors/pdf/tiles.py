"""Tiles: headline figures, a number set much larger than the body text with a short label.

Designs put the label under the number, over it, beside it, or around it ("Organized 18
activities" with the 18 set large). Which of "under" and "over" a page uses is decided for the page
as a whole (in a grid of tiles the label of one row sits right over the number of the next), by
which of the two gives a label to more of its numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from extractors.model import BBox, Block, BlockRole, Page, Tile, TileArrangement
from extractors.normalize.numbers import parse_quantity
from extractors.pdf.brokennumbers import first_row

EMPHASIS = 1.6  # a headline number is at least this many times the body size
_NEAR = 24.0  # points between a number and the label under or over it
_BESIDE = 0.35  # at most this share of the page width between a number and the label beside it
_MAX_LABEL_WORDS = 16
_FLUSH = 3.0  # points: the lines of one paragraph start at the same left edge
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


def _small_heading(block: Block, body_size: float) -> bool:
    """A label set as a heading in small capitals ("MEMBERS" under "210", in bold capitals
    smaller than the body text)."""
    letters = [ch for ch in block.text if ch.isalpha()]
    return (
        block.role is BlockRole.HEADING
        and block.font_size < 0.95 * body_size
        and all(ch.isupper() for ch in letters)
    )


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


Extents = dict[int, tuple[float, float, BBox]]


def _line_extents(
    numbers: Sequence[Block], labels: Sequence[Block], whole: dict[int, Block] | None = None
) -> Extents:
    """Per number, the horizontal extent of its line: the number and the text set on its
    baseline right before and after it; and the box of the whole number (all its lines, for a
    number broken over lines, `whole`)."""
    out: Extents = {}
    for n in numbers:
        x0, x1 = n.bbox.x0, n.bbox.x1
        for b in labels:
            if _on_baseline(n, b) and (
                0 <= n.bbox.x0 - b.bbox.x1 <= 0.5 * n.font_size
                or 0 <= b.bbox.x0 - n.bbox.x1 <= 0.5 * n.font_size
            ):
                x0, x1 = min(x0, b.bbox.x0), max(x1, b.bbox.x1)
        out[id(n)] = (x0, x1, (whole or {}).get(id(n), n).bbox)
    return out


def _nearest_number(block: Block, numbers: Sequence[Block], extents: Extents) -> Block | None:
    """The large number a small line is set closest to, above or below it, in its column (the
    column of a number is the extent of its line); of two as close, the one whose line it lies
    under or over more (a long number of the tile beside runs up to the line's column)."""

    def across(n: Block) -> float:
        x0, x1, _ = extents[id(n)]
        return min(x1, block.bbox.x1) - max(x0, block.bbox.x0)

    def distance(n: Block) -> float:
        box = extents[id(n)][2]
        return max(box.top - block.bbox.bottom, block.bbox.top - box.bottom, 0)

    column = [n for n in numbers if across(n) > -0.5 * n.font_size]
    return min(column, key=lambda n: (round(distance(n), 1), -across(n)), default=None)


def _run_of_lines(
    number: Block, x0: float, labels: Sequence[Block], numbers: Sequence[Block],
    extents: Extents, step: int, row: Block | None = None, leading: float = 0.0,
) -> list[Block]:  # fmt: skip
    """The small lines set right above (step -1) or under (step 1) a number's line, flush with
    the paragraph's left edge `x0` and closer to it than to any other number: the rest of a
    label wrapped around the number. The lines go on as far apart as the first of them is from
    the text on the number's line (`row`; the number itself is set taller than its line), or
    as the page's labels are set (`leading`)."""
    out: list[Block] = []
    edge = number
    reach = 0.8 * number.bbox.height
    while True:
        if step < 0:
            near = [b for b in labels if 0 <= edge.bbox.top - b.bbox.bottom <= reach]
        else:
            near = [b for b in labels if 0 <= b.bbox.top - edge.bbox.bottom <= reach]
        near = [
            b
            for b in near
            if abs(b.bbox.x0 - x0) <= _FLUSH
            and b not in out
            and _nearest_number(b, numbers, extents) is number
        ]
        if not near:
            return out[::-1] if step < 0 else out
        nxt = min(near, key=lambda b: abs(b.bbox.top - edge.bbox.bottom))
        base = row if edge is number and row is not None else edge
        gap = _gap(base, nxt, step)
        reach = max(1.2 * nxt.font_size, 1.3 * gap + 2, 1.3 * leading + 2 if leading else 0.0)
        edge = nxt
        out.append(edge)


def _gap(a: Block, b: Block, step: int) -> float:
    """How far `b` is set under `a` (step 1) or over it (step -1)."""
    return b.bbox.top - a.bbox.bottom if step > 0 else a.bbox.top - b.bbox.bottom


def _line_gaps(lines: Sequence[Block]) -> list[float]:
    """The gaps between the successive lines of a label (top to bottom, lines on one row
    skipped)."""
    ordered = sorted(lines, key=lambda b: b.bbox.top)
    return [g for a, b in pairwise(ordered) if (g := _gap(a, b, 1)) > 0]


def _split_around(
    number: Block, labels: Sequence[Block]
) -> tuple[Block, Block, Block, bool] | None:
    """A paragraph of several lines whose first line is set on the number's row and that goes on
    under the number: a label wrapped around its number, read as one block without it
    ("Visits to" / "partner port authorities" around "40+", the first line left of the
    number; "city officials" / "trained at ..." after "100+", the first line right of it, the
    rest flush with the number). The paragraph, its first line, the rest, and whether the
    first line is before the number."""
    reach = 0.5 * number.font_size
    for b in labels:
        if len(b.lines) < 2 or b.bbox.top < number.bbox.top:
            continue
        line = b.bbox.height / len(b.lines)
        first_bottom = b.bbox.top + line
        if (
            abs(number.bbox.bottom - first_bottom) > 0.3 * number.font_size
            or b.bbox.bottom <= number.bbox.bottom
        ):
            continue
        before = b.bbox.x0 + reach < number.bbox.x0 <= b.bbox.x1 + reach
        after = abs(b.bbox.x0 - number.bbox.x0) <= _FLUSH and b.bbox.x1 > number.bbox.x1
        if not before and not after:
            continue
        x0, x1 = (b.bbox.x0, number.bbox.x0) if before else (number.bbox.x1, b.bbox.x1)
        first = replace(
            b,
            text=b.lines[0],
            lines=b.lines[:1],
            line_boxes=b.line_boxes[:1],
            bbox=replace(b.bbox, x0=x0, x1=min(b.bbox.x1, x1), bottom=first_bottom),
        )
        rest = replace(
            b,
            text=" ".join(b.lines[1:]),
            lines=b.lines[1:],
            line_boxes=b.line_boxes[1:],
            bbox=replace(b.bbox, top=first_bottom),
        )
        return b, first, rest, before
    return None


def _around(
    number: Block, labels: Sequence[Block], numbers: Sequence[Block], extents: Extents,
    width: float,
) -> tuple[Tile, bool, list[float]] | None:  # fmt: skip
    """A label around the number, set on its baseline (text before it, or text after it that goes
    on under the number: "Speakership at / 12 partner / events", and the whole paragraph is the
    label), else a label beside it on its right (a number that starts its line, "1.2 million
    page views", is a number beside its label). The flag says whether the label touches the
    number (else it is only the nearest text to its right, and a label over or under the number
    is preferred), and the gaps between the lines of a label that goes around the number."""
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
    tail = after if after and _on_baseline(number, after) else None
    close = tail is not None and tail.bbox.x0 - number.bbox.x1 <= 0.5 * number.font_size
    head = max(left, key=lambda b: b.bbox.x1) if left else None
    rest: list[Block] = []
    split = _split_around(number, labels) if head is None else None
    if split is not None and split[3]:
        head, rest = split[1], [split[2]]
    elif split is not None and not close:
        tail, rest, close = split[1], [split[2]], True
    else:
        split = None
    x0 = head.bbox.x0 if head else number.bbox.x0
    runs = ([b for b in labels if split is None or b is not split[0]], numbers, extents)
    row = head or tail
    before = _run_of_lines(number, x0, *runs, -1) if head or close else []
    after_lines = _run_of_lines(number, x0, *runs, 1, row) if head or close else []
    if head or close:
        parts = [*before, *([head] if head else []), number, *([tail] if tail else [])]
        parts += [*rest, *after_lines]
        if not head and not before:  # the line starts with the number: the rest is its label
            parts = parts[1:]
        label = " ".join(b.text for b in parts)
        box = number.bbox
        for b in parts:
            box = box.union(b.bbox)
        kind: TileArrangement = "number_inside" if head or before else "number_beside"
        gaps = _line_gaps([*before, *([row] if row else []), *after_lines])
        return Tile(number.text, label, number.page_number, box, kind), True, gaps
    if after is not None and after.role is not BlockRole.HEADING:
        box = number.bbox.union(after.bbox)
        touching = after.bbox.x0 - number.bbox.x1 <= 0.5 * number.font_size
        tile = Tile(number.text, after.text, number.page_number, box, "number_beside")
        return tile, touching, []
    return None


def _in_paragraph(
    number: Block, labels: Sequence[Block], numbers: Sequence[Block], extents: Extents,
    leading: float, whole: Block | None = None,
) -> Tile | None:  # fmt: skip
    """On a page whose labels run around their numbers, a number set on a line of its own under
    lines of a label, flush with them, is a word of that label wrapped onto a line of its own
    ("Downloads of the open data portal" over "257,318"; "Visits to" over "40+" over "partner
    port authorities"), when nothing is set beside it on its line (on any of its lines, for a
    number broken over lines, `whole`): the whole paragraph is the label."""
    if any(
        _same_row(b, line) and _overlap_x(b, line) > -0.5 * line.font_size
        for b in labels
        for line in _lines_of(whole or number)
    ):
        return None  # text on a line of the number: a label beside or around it, not over it
    runs = (labels, numbers, extents)
    before = _run_of_lines(number, number.bbox.x0, *runs, -1, leading=leading)
    # the line over a number set in the paragraph is nearer to it than the paragraph's lines
    # are to each other (the number is set taller than its line)
    if not before or _gap(number, before[-1], -1) >= (leading or 0.5 * number.bbox.height):
        return None
    after = _run_of_lines(number, number.bbox.x0, *runs, 1, leading=leading)
    parts = [*before, number, *after]
    box = number.bbox
    for b in parts:
        box = box.union(b.bbox)
    label = " ".join(b.text for b in parts)
    return Tile(number.text, label, number.page_number, box, "number_inside")


def _lines_of(number: Block) -> list[Block]:
    """The number as set on each of its lines."""
    if len(number.line_boxes) < 2:
        return [number]
    return [replace(number, bbox=box) for box in number.line_boxes]


def _whole(tile: Tile, number: Block) -> Tile:
    """The tile over the whole of its number (all the lines of a number broken over lines)."""
    return replace(tile, bbox=tile.bbox.union(number.bbox))


def find_tiles(page: Page, body_size: float) -> list[Tile]:
    """The headline figures of one page, in reading order."""
    blocks = [b for b in page.body_blocks if b.role in _TEXT]
    numbers = [b for b in blocks if is_headline_number(b, body_size)]
    if not numbers:
        return []
    # a heading in small capitals is a label, never the chapter title that a large number over a
    # heading stands for
    labels = [
        replace(b, role=BlockRole.BODY) if _small_heading(b, body_size) else b
        for b in blocks
        if b.font_size < EMPHASIS * body_size and _label_like(b)
    ]
    # a label around a number broken over lines meets it on its first line; a label under or
    # over it is under its last line or over its first
    rows = [first_row(n) for n in numbers]
    whole = {id(r): n for r, n in zip(rows, numbers, strict=True)}
    extents = _line_extents(rows, labels, whole)
    tiles: dict[int, Tile] = {}
    beside: dict[int, Tile] = {}
    stacked = []
    gaps: list[float] = []
    for row in rows:
        found = _around(row, labels, rows, extents, page.width)
        if found is not None and found[1]:
            tiles[id(whole[id(row)])] = _whole(found[0], whole[id(row)])
            if found[0].arrangement == "number_inside":
                gaps += found[2]
            continue
        if found is not None:
            beside[id(whole[id(row)])] = _whole(found[0], whole[id(row)])
        stacked.append(row)
    if any(t.arrangement == "number_inside" for t in tiles.values()):
        leading = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
        for row in list(stacked):
            inside = _in_paragraph(row, labels, rows, extents, leading, whole[id(row)])
            if inside is not None:
                tiles[id(whole[id(row)])] = _whole(inside, whole[id(row)])
                stacked.remove(row)
    stacked = [whole[id(r)] for r in stacked]
    under = {id(n): b for n in stacked if (b := _below(n, labels))}
    over = {id(n): b for n in stacked if (b := _above(n, labels))}
    gap_under = sum(b.bbox.top - n.bbox.bottom for n in stacked if (b := under.get(id(n))))
    gap_over = sum(n.bbox.top - b.bbox.bottom for n in stacked if (b := over.get(id(n))))
    # the arrangement that labels more numbers; on a tie, the one that sets labels closer
    above = (len(over), -gap_over) > (len(under), -gap_under)
    arrangement: TileArrangement = "label_above" if above else "number_above"
    chosen = over if arrangement == "label_above" else under
    for number in stacked:
        label = chosen.get(id(number))
        if label is not None:
            box = number.bbox.union(label.bbox)
            tiles[id(number)] = Tile(number.text, label.text, page.number, box, arrangement)
        elif id(number) in beside:
            tiles[id(number)] = beside[id(number)]
    return [tiles[id(n)] for n in numbers if id(n) in tiles]
