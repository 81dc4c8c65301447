"""Tables continued on the next page: stitched into one table that keeps each row's page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extractors.model import BBox, CellLine, Page, Table

_CONTINUED = re.compile(r"\(?\bcont(inued|'d|\.)?\)?$", re.IGNORECASE)


def _width(table: Table) -> int:
    return len(table.header) if table.header else max((len(r) for r in table.rows), default=0)


def _ends_page(bbox: BBox, page: Page) -> bool:
    return not any(b.bbox.top > bbox.bottom for b in page.body_blocks) and all(
        t.bbox.top <= bbox.top for t in page.tables
    )


def _starts_page(table: Table, page: Page) -> bool:
    above = [b for b in page.body_blocks if b.bbox.bottom < table.bbox.top]
    return all(_CONTINUED.search(b.text) for b in above) and all(
        t.bbox.top >= table.bbox.top for t in page.tables
    )


def _same_columns(a: Table, b: Table) -> bool:
    last = a.page_bboxes[-1]
    return _width(a) == _width(b) and abs(last.x0 - b.bbox.x0) < 6 and abs(last.x1 - b.bbox.x1) < 6


def _key(row: Sequence[str]) -> tuple[str, ...]:
    return tuple("".join(cell.split()).casefold() for cell in row)


def _promote(table: Table) -> Table:
    """The table with its first body row taken as its header (it repeats on the next page)."""
    first_row = min((c.row for c in table.grid() if not c.header), default=0)
    return replace(
        table,
        header=table.rows[0],
        rows=table.rows[1:],
        cell_lines=table.cell_lines[1:],
        row_pages=table.row_pages[1:],
        row_bboxes=table.row_bboxes[1:],
        cells=tuple(replace(c, header=c.header or c.row == first_row) for c in table.cells),
    )


def _merge(first: Table, second: Table) -> Table:
    """`second` continues `first`: its rows are appended; a header row it repeats is dropped from
    the rows (but kept in the printed grid, `cells`), a changed header row is kept as data."""
    if not first.header and first.rows:
        head = second.header or (second.rows[0] if second.rows else ())
        if _key(head) == _key(first.rows[0]):
            first = _promote(first)
    if (
        not second.header
        and second.rows
        and first.header
        and _key(second.rows[0]) == _key(first.header)
    ):
        second = _promote(second)
    rows: Sequence[tuple[str, ...]] = second.rows
    lines: Sequence[tuple[tuple[CellLine, ...], ...]] = second.cell_lines
    pages: Sequence[int] = second.row_pages
    boxes: Sequence[BBox] = second.row_bboxes
    repeated = bool(second.header) and _key(second.header) == _key(first.header)
    if second.header and not repeated:
        rows = (second.header, *rows)
        lines = ((), *lines) if lines else lines
        pages = (second.pages[0], *pages) if pages else pages
        boxes = (second.bbox, *boxes) if boxes else boxes
    known = len(first.cell_lines) == len(first.rows) and len(lines) == len(rows)
    placed = len(first.row_pages) == len(first.rows) and len(pages) == len(rows)
    offset = 1 + max((c.row for c in first.grid()), default=-1)
    cells = (
        *first.grid(),
        *(replace(c, row=c.row + offset, header=c.header and repeated) for c in second.grid()),
    )
    return Table(
        pages=(*first.pages, *second.pages),
        bbox=first.bbox,
        header=first.header,
        rows=(*first.rows, *rows),
        page_bboxes=(*first.page_bboxes, *second.page_bboxes),
        cell_lines=(*first.cell_lines, *lines) if known else (),
        row_pages=(*first.row_pages, *pages) if placed else (),
        row_bboxes=(*first.row_bboxes, *boxes) if placed else (),
        cells=cells,
    )


def stitch_tables(pages: Sequence[Page]) -> None:
    """Merge a table that ends one page with the table that starts the next page when their columns
    match, dropping a repeated header row. A stitched table is kept on the page where it starts."""
    pending: tuple[Page, int] | None = None  # (page holding the open table, index in its tables)
    for page in pages:
        page.tables.sort(key=lambda t: t.bbox.top)
        if pending and page.tables:
            home, index = pending
            first = page.tables[0]
            if _same_columns(home.tables[index], first) and _starts_page(first, page):
                home.tables[index] = _merge(home.tables[index], first)
                page.tables.pop(0)
                if not page.tables and _ends_page(home.tables[index].page_bboxes[-1], page):
                    continue
        pending = None
        if page.tables and _ends_page(page.tables[-1].bbox, page):
            pending = (page, len(page.tables) - 1)


def table_to_dict(table: Table) -> dict[str, Any]:
    return {
        "pages": list(table.pages),
        "header": list(table.header),
        "rows": [list(r) for r in table.rows],
    }
