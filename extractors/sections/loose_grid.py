"""A table the parser did not read as one: its columns set apart by white space only, so that it
comes out as loose blocks, or as pieces of tables beside and below loose blocks. The words are
put back in place by where they are printed: a row of header labels names the columns (a label's
left edge is where its column starts), every piece of text below it falls in the column it
starts in, and pieces that start on one line make one row. A heading, or a paragraph running
across the columns, ends the table."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from extractors.model import BBox, Block, BlockRole, Page, Table
from extractors.records import Source

_SAME_LINE = 3.0  # pt: pieces whose tops differ by less start on one line
_EDGE = 4.0  # pt: how far left of its column's label a piece may start
_LABEL_WORDS = 4


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text printed in one place: a body block, or one cell of a parsed table."""

    text: str
    bbox: BBox
    table: Table | None = None


def pieces(page: Page) -> list[Piece]:
    """The page's body blocks and the printed cells of its tables, top to bottom."""
    out = [Piece(b.text, b.bbox) for b in page.body_blocks if b.text.strip()]
    for table in page.tables:
        for cell in table.cells:
            if cell.bbox is not None and cell.page == page.number and cell.text.strip():
                out.append(Piece(cell.text, cell.bbox, table))
    return sorted(out, key=lambda p: (p.bbox.top, p.bbox.x0))


def lines(found: Sequence[Piece]) -> Iterator[list[Piece]]:
    """The pieces grouped by the line they start on, left to right."""
    group: list[Piece] = []
    for piece in found:
        if group and piece.bbox.top - group[0].bbox.top > _SAME_LINE:
            yield sorted(group, key=lambda p: p.bbox.x0)
            group = []
        group.append(piece)
    if group:
        yield sorted(group, key=lambda p: p.bbox.x0)


def header_lines(found: Sequence[Piece], is_label: Callable[[str], bool]) -> Iterator[list[Piece]]:
    """Lines of at least three short labels, not all the header of one parsed table (that table
    is read as it is)."""
    for line in lines(found):
        if len(line) < 3 or not all(_short(p.text) and is_label(p.text) for p in line):
            continue
        tables = {id(p.table) for p in line}
        if len(tables) == 1 and line[0].table is not None:
            continue
        yield line


def _short(text: str) -> bool:
    return len(text.split()) <= _LABEL_WORDS


def _ends_table(block: Block, starts: Sequence[float]) -> bool:
    """A heading, or a paragraph running across three columns or more."""
    if block.role is BlockRole.HEADING:
        return True
    crossed = sum(block.bbox.x0 - _EDGE <= x < block.bbox.x1 for x in starts)
    return crossed >= 3 and len(block.text.split()) > 12


@dataclass(frozen=True, slots=True)
class GridRow:
    """One line of a loose table: its cells (one per label), where it is printed, the parsed
    tables its pieces came from, and whether a piece runs on into the next column (the parser
    ran the words of two cells together, so the cells cannot be told apart)."""

    cells: tuple[str, ...]
    source: Source
    tables: frozenset[int]
    crossed: bool


def _column(piece: Piece, starts: Sequence[float]) -> int:
    return max((i for i, x in enumerate(starts) if x - _EDGE <= piece.bbox.x0), default=0)


def _crosses(piece: Piece, col: int, starts: Sequence[float]) -> bool:
    return col + 1 < len(starts) and piece.bbox.x1 > starts[col + 1] + _EDGE


def rows(page: Page, found: Sequence[Piece], header: Sequence[Piece]) -> list[GridRow]:
    """The rows under a header line, down to the first heading or paragraph across the table."""
    starts = [p.bbox.x0 for p in header]
    top = max(p.bbox.bottom for p in header) - 1
    end = min(
        (b.bbox.top for b in page.blocks if b.bbox.top > top and _ends_table(b, starts)),
        default=page.height,
    )
    below = [
        p
        for p in found
        if top < p.bbox.top < end and p.bbox.x0 >= starts[0] - _EDGE and p not in header
    ]
    out = []
    for line in lines(below):
        cells = [""] * len(header)
        crossed = False
        for piece in line:
            col = _column(piece, starts)
            crossed = crossed or _crosses(piece, col, starts)
            cells[col] = " ".join(f"{cells[col]} {piece.text}".split())
        box = line[0].bbox
        for piece in line[1:]:
            box = box.union(piece.bbox)
        tables = frozenset(id(p.table) for p in line if p.table is not None)
        out.append(
            GridRow(tuple(cells), Source(page.number, box, " | ".join(cells)), tables, crossed)
        )
    return out
