"""A table the parser read over several tables printed one under another: lists printed each
under its own heading and header row ("EUROPE — 17 | MEMBERS", "Country | Members", rows, the
next heading ...) and set without rules, read as one grid. Its parts are cut where a header row
is printed among its rows, each with the text of the heading rows printed over it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import reduce

from extractors.model import BBox, Table

Row = tuple[str, ...]
_HEADING_ROWS = 2  # rows a heading printed over a part may take (a heading cut over two lines)


@dataclass(frozen=True, slots=True)
class Part:
    heading: str  # the text of the heading rows printed over the part ("" when none)
    table: Table  # the part: its header row and body rows


def _joined(rows: Sequence[Row]) -> str:
    return " ".join(" ".join(cell.split()) for row in rows for cell in row if cell.strip())


def _slice(table: Table, header: Row, start: int, end: int) -> Table:
    """The body rows `start:end` of the table under `header`, with where they are printed."""
    aligned = len(table.row_pages) == len(table.rows) == len(table.row_bboxes)
    boxes = table.row_bboxes[start:end] if aligned else ()
    bbox = reduce(BBox.union, boxes) if boxes else table.bbox
    return replace(
        table,
        header=header,
        rows=table.rows[start:end],
        row_pages=table.row_pages[start:end] if aligned else (),
        row_bboxes=boxes,
        cell_lines=table.cell_lines[start:end] if len(table.cell_lines) == len(table.rows) else (),
        cells=(),
        bbox=bbox,
        pages=tuple(dict.fromkeys(table.row_pages[start:end])) if boxes else table.pages,
    )


def split_parts(
    table: Table, is_header: Callable[[Row], bool], is_heading: Callable[[str], bool]
) -> list[Part]:
    """The table's parts: cut before each body row that `is_header` takes for a header row, the
    rows just over it that `is_heading` reads as a heading (joined) going with it; the table's
    own header is the heading of the first part when it is one and a header row opens the body.
    A table with no header row among its rows is one part, as it is."""
    rows = table.rows
    starts = [i for i, row in enumerate(rows) if is_header(row)]
    if not starts:
        return [Part("", table)]
    header, heading, begin = table.header, "", 0
    if starts[0] == 0 and table.header and is_heading(_joined([table.header])):
        header, heading, begin = rows[0], _joined([table.header]), 1
        starts = starts[1:]
    parts: list[Part] = []
    for at in starts:
        cut = next(
            (at - n for n in range(1, _HEADING_ROWS + 1)
             if at - n >= begin and is_heading(_joined(rows[at - n : at]))),
            at,
        )  # fmt: skip
        if cut > begin:
            parts.append(Part(heading, _slice(table, header, begin, cut)))
        heading = _joined(rows[cut:at])
        header, begin = rows[at], at + 1
    parts.append(Part(heading, _slice(table, header, begin, len(rows))))
    return parts
