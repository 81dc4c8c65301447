"""Tables printed without rules that the parser read as loose blocks: a row of short column
labels ("Date" | "Event", "Partner" | "Date signed"), each label heading the blocks that start
where it starts, one row per block of the first column.

The grid is given back as a `Table` (header, rows, a box per row), so the rules that read tables
read it too. A block of the first column that runs on into the next one (the text layer put a
cell of each column on one line: "Global Urban Data 14 Mar") is cut where the next column
starts, as far as its line lengths tell."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractors.model import BBox, Block, BlockRole, Table

_ALIGN = 3.0  # how far a cell may start from its label, in points
_SAME_ROW = 2.5  # how far the labels of one header row may sit apart vertically
_LABEL_WORDS = 3
_SENTENCE = re.compile(r"\w[.!?](\s|$)")


@dataclass(frozen=True, slots=True)
class _Piece:
    """A cell's text, where it is printed, and the box of the block it comes from."""

    text: str
    top: float
    bbox: BBox


def _is_label(block: Block) -> bool:
    return block.role is BlockRole.BODY and 0 < len(block.text.split()) <= _LABEL_WORDS


def _header_rows(blocks: Sequence[Block]) -> list[list[Block]]:
    """Rows of at least two short blocks side by side on the same height, left to right."""
    labels = sorted((b for b in blocks if _is_label(b)), key=lambda b: (b.bbox.top, b.bbox.x0))
    rows: list[list[Block]] = []
    for block in labels:
        if rows and abs(rows[-1][0].bbox.top - block.bbox.top) <= _SAME_ROW:
            rows[-1].append(block)
        else:
            rows.append([block])
    out: list[list[Block]] = []
    for row in rows:
        out += _repeats(sorted(row, key=lambda b: b.bbox.x0))
    return [r for r in out if len(r) >= 2]


def _repeats(labels: list[Block]) -> list[list[Block]]:
    """A label row cut where its first label comes again: two tables printed side by side
    ("Date | Event | Date | Event")."""
    first = labels[0].text.casefold()
    cuts = [i for i, b in enumerate(labels) if b.text.casefold() == first]
    return [labels[a:b] for a, b in zip(cuts, [*cuts[1:], len(labels)], strict=True)]


def _column(block: Block, starts: list[float]) -> int | None:
    return next((k for k, x in enumerate(starts) if abs(block.bbox.x0 - x) <= _ALIGN), None)


def _split(block: Block, offset: float) -> tuple[str, list[_Piece]]:
    """The part of a block left of `offset` points from its start, and the lines' tails beyond
    it: each line is cut at the word boundary nearest to where the offset falls, the width of a
    character estimated from the longest line (which spans the block)."""
    lines = [line for line in (block.lines or (block.text,)) if line.strip()]
    char = block.bbox.width / max(len(line) for line in lines)
    step = block.bbox.height / len(lines)
    kept: list[str] = []
    tails: list[_Piece] = []
    for index, line in enumerate(lines):
        cut = offset / char
        bounds = [i for i, c in enumerate(line) if c == " "]
        near = min(bounds, key=lambda i: abs(i + 1 - cut), default=None)
        if len(line) <= cut or near is None or abs(near + 1 - cut) > 2:
            kept.append(line)
            continue
        kept.append(line[:near])
        top = block.bbox.top + index * step
        tails.append(_Piece(line[near + 1 :], top, block.bbox))
    return " ".join(" ".join(kept).split()), tails


def _first_column(header: list[Block], below: list[Block]) -> list[Block]:
    """The blocks that start where the first label starts, down to the next heading."""
    starts = [b.bbox.x0 for b in header]
    out: list[Block] = []
    for block in below:
        col = _column(block, starts)
        if block.role is BlockRole.HEADING and (col is not None or out):
            break
        if col != 0 or block.role is not BlockRole.BODY:
            continue
        if _SENTENCE.search(block.text) and len(block.text.split()) > _LABEL_WORDS * 2:
            break  # prose below the table
        out.append(block)
    return out


def _row_of(block: Block, anchors: list[Block]) -> int | None:
    """The row a cell of a later column belongs to: the last first-column block that starts
    above it (level with it, give or take), the last one only down to its bottom."""
    top = block.bbox.top
    rows = [i for i, a in enumerate(anchors) if a.bbox.top - _SAME_ROW <= top]
    if not rows:
        return None
    last = rows[-1]
    if last == len(anchors) - 1 and top > anchors[last].bbox.bottom + _SAME_ROW:
        return None
    return last


def _cells(header: list[Block], blocks: Sequence[Block]) -> list[list[list[_Piece]]]:
    """The pieces of each row, one list per column."""
    starts = [b.bbox.x0 for b in header]
    below = sorted(
        (b for b in blocks if b.bbox.top > header[0].bbox.top + _SAME_ROW and b not in header),
        key=lambda b: (b.bbox.top, b.bbox.x0),
    )
    anchors = _first_column(header, below)
    rows: list[list[list[_Piece]]] = []
    for block in anchors:
        text, tails = block.text, list[_Piece]()
        if block.bbox.x1 > starts[1] + _ALIGN:
            text, tails = _split(block, starts[1] - block.bbox.x0)
        rows.append([[_Piece(text, block.bbox.top, block.bbox)], tails, *([] for _ in starts[2:])])
    for block in below:
        col = _column(block, starts)
        if not col or block.role is not BlockRole.BODY:
            continue
        if (row := _row_of(block, anchors)) is not None:
            rows[row][col].append(_Piece(block.text, block.bbox.top, block.bbox))
    return rows


def _grid(header: list[Block], blocks: Sequence[Block]) -> Table | None:
    """The table under one header row, or None when no row has a cell beside its first one."""
    rows: list[tuple[str, ...]] = []
    boxes: list[BBox] = []
    for row in _cells(header, blocks):
        if not any(row[1:]):
            break  # a block in the first column with nothing beside it: the table ended
        pieces = [p for col in row for p in col]
        rows.append(tuple(" ".join(p.text for p in sorted(c, key=lambda p: p.top)) for c in row))
        box = pieces[0].bbox
        for piece in pieces[1:]:
            box = box.union(piece.bbox)
        boxes.append(box)
    if not rows:
        return None
    page = header[0].page_number
    whole = header[0].bbox
    for box in [*(b.bbox for b in header[1:]), *boxes]:
        whole = whole.union(box)
    return Table(
        pages=(page,),
        bbox=whole,
        header=tuple(" ".join(b.text.split()) for b in header),
        rows=tuple(rows),
        row_pages=tuple(page for _ in rows),
        row_bboxes=tuple(boxes),
    )


def block_tables(
    blocks: Sequence[Block], is_header: Callable[[tuple[str, ...]], bool]
) -> list[tuple[Block, Table]]:
    """The rule-less tables among a page's blocks whose label row `is_header` accepts, each
    with its first label (for the headings above it)."""
    found: list[tuple[Block, Table]] = []
    for row in _header_rows(blocks):
        for header in _windows(row):
            labels = tuple(" ".join(b.text.split()) for b in header)
            if is_header(labels) and (table := _grid(header, blocks)) is not None:
                found.append((header[0], table))
                break
    return found


def _windows(row: list[Block]) -> list[list[Block]]:
    """The runs of two or more neighbouring labels of a row, longest first: the row may also
    hold short blocks that are no labels of the table (a word of the text beside it)."""
    n = len(row)
    return [row[i : i + k] for k in range(n, 1, -1) for i in range(n - k + 1)]


def label_rows(
    blocks: Sequence[Block], is_header: Callable[[tuple[str, ...]], bool]
) -> list[tuple[list[Block], tuple[str, ...]]]:
    """The rows of short column labels among a page's blocks that `is_header` accepts (their
    blocks, and their texts), whether or not loose blocks under them make a table: the labels of
    a ruled table the parser read apart from it (the table starts a column or a page later)."""
    found: list[tuple[list[Block], tuple[str, ...]]] = []
    for row in _header_rows(blocks):
        for header in _windows(row):
            labels = tuple(" ".join(b.text.split()) for b in header)
            if is_header(labels):
                found.append((header, labels))
                break
    return found
