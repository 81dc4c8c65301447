"""Headline numbers broken over lines: a long number set large in a narrow tile wraps inside
itself ("114" / ",034", "114" / "034" at the space that groups its digits, or "1" / "14 03" /
"4" where the line was full). The pieces are folded back into one block whose text is the
number whole (its lines stay as printed), so that a tile reads the number whole; a label set
around the number meets it on its first line.

A run of pieces is one number when, put together, it is a number grouped in thousands and the
run shows it was broken: a piece that cannot start a number (",034", "034") or a group cut
short ("14 03"), or all the pieces are the lines of one block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.model import BBox, Block, BlockRole, Page

_PIECE = re.compile(r"[.,]?\d[\d., ]*[+%]?|[.,]?\d")
_GROUPED = re.compile(r"\d{1,3}(?:([,. ])\d{3})(?:\1\d{3})*[+%]?")
_SEPARATORS = ",. "
_TEXT = frozenset({BlockRole.BODY, BlockRole.HEADING, BlockRole.CAPTION})


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    box: BBox
    block: Block


def _pieces(block: Block) -> list[_Piece]:
    lines = block.lines or (block.text,)
    boxes = block.line_boxes if len(block.line_boxes) == len(lines) else ()
    if len(lines) > 1 and not boxes:
        return []
    if not all(_PIECE.fullmatch(line.strip()) for line in lines):
        return []
    return [
        _Piece(line.strip(), boxes[i] if boxes else block.bbox, block)
        for i, line in enumerate(lines)
    ]


def _same_row(a: BBox, b: BBox) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.height, b.height)


def _first_group(text: str) -> str:
    return re.split(r"[,. ]", text, maxsplit=1)[0]


def _last_group(text: str) -> str:
    return re.split(r"[,. ]", text.rstrip("+%"))[-1]


def join_lines(before: str, after: str) -> str:
    """Two pieces of a number broken at a line's end: at the space grouping its digits when each
    side ends or starts with a whole group of three ("114" / "034"), else inside a word."""
    if before[-1:] in _SEPARATORS or after[:1] in _SEPARATORS:
        return before + after
    if len(_last_group(before)) == 3 and len(_first_group(after)) == 3:
        return f"{before} {after}"
    return before + after


def _broken(piece: str, first: bool) -> bool:
    """A piece that shows its number was broken: it cannot start a number (",034", "034"), or
    a group in it is cut short ("14 03", "114 0")."""
    if not first and (piece[0] in _SEPARATORS or (piece[0] == "0" and len(piece) > 1)):
        return True
    if not first and piece == "0":
        return True
    groups = re.split(r"[,. ]", piece.rstrip("+%"))
    return piece[-1] in _SEPARATORS or any(len(g) != 3 for g in groups[1:])


def _chain(start: _Piece, pieces: Sequence[_Piece], size: float) -> list[list[_Piece]]:
    """The rows of pieces that go on from `start`: on its row right after it (a word space
    apart), then on the next line, starting where the row starts or left of it (the line's left
    edge) and running under it."""
    rows = [[start]]
    while True:
        last = rows[-1][-1]
        taken = [q for row in rows for q in row]
        beside = [
            p
            for p in pieces
            if p not in taken
            and _same_row(p.box, last.box)
            and 0 <= p.box.x0 - last.box.x1 <= 0.6 * size
        ]
        if beside:
            rows[-1].append(min(beside, key=lambda p: p.box.x0))
            continue
        bottom = max(p.box.bottom for p in rows[-1])
        x0 = rows[-1][0].box.x0
        under = [
            p
            for p in pieces
            if -1 <= p.box.top - bottom <= 0.5 * size
            and p.box.x0 <= x0 + 1
            and p.box.x1 > x0
            and p not in taken
        ]
        if not under:
            return rows
        rows.append([min(under, key=lambda p: p.box.x0)])


def _joined(rows: Sequence[Sequence[_Piece]]) -> str:
    text = ""
    for row in rows:
        line = " ".join(p.text for p in row)
        text = join_lines(text, line) if text else line
    return text


def _fold(rows: Sequence[Sequence[_Piece]], text: str) -> Block:
    """One block of the number: its text whole, its lines and their boxes as printed."""
    boxes = []
    for row in rows:
        box = row[0].box
        for p in row[1:]:
            box = box.union(p.box)
        boxes.append(box)
    whole = boxes[0]
    for box in boxes[1:]:
        whole = whole.union(box)
    lines = tuple(" ".join(p.text for p in row) for row in rows)
    return replace(rows[0][0].block, text=text, bbox=whole, lines=lines, line_boxes=tuple(boxes))


def first_row(number: Block) -> Block:
    """A number broken over lines as set on its first line (where a label set around it
    meets it); any other block as it is."""
    if len(number.lines) < 2 or len(number.line_boxes) != len(number.lines):
        return number
    if not all(_PIECE.fullmatch(line.strip()) for line in number.lines):
        return number
    return replace(number, bbox=number.line_boxes[0])


def join_broken_numbers(page: Page, large: float) -> None:
    """Fold the pieces of each number set at least `large` points and broken over lines into
    one block, in place."""
    candidates = [b for b in page.body_blocks if b.role in _TEXT and b.font_size >= large]
    pieces = [p for b in candidates for p in _pieces(b)]
    if len(pieces) < 2:
        return
    used: set[int] = set()
    folded: dict[int, Block] = {}
    dropped: set[int] = set()
    for start in sorted(pieces, key=lambda p: (p.box.top, p.box.x0)):
        if id(start.block) in used:
            continue
        same = [
            p
            for p in pieces
            if id(p.block) not in used and abs(p.block.font_size - start.block.font_size) <= 0.5
        ]
        rows = _chain(start, same, start.block.font_size)
        chain = [p for row in rows for p in row]
        blocks = {id(p.block): p.block for p in chain}
        if len(chain) < 2 or any(
            sum(1 for p in chain if p.block is b) != len(b.lines or (b.text,))
            for b in blocks.values()
        ):
            continue
        text = _joined(rows)
        one_block = len(blocks) == 1
        if not _GROUPED.fullmatch(text) or not (
            one_block or any(_broken(p.text, i == 0) for i, p in enumerate(chain))
        ):
            continue
        used.update(blocks)
        folded[id(start.block)] = _fold(rows, text)
        dropped.update(key for key in blocks if key != id(start.block))
    if folded:
        page.blocks = [folded.get(id(b), b) for b in page.blocks if id(b) not in dropped]
