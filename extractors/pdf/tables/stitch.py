"""Tables continued in the next column or on the next page: stitched into one table that keeps
each row's page and each printed part's box."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extractors.model import BBox, CellLine, Page, Table

_CONTINUED = re.compile(r"\(?\bcont(inued|'d|\.)?\)?$", re.IGNORECASE)
_FRAGMENT_GAP = 18.0  # points between two pieces of one table


def _width(table: Table) -> int:
    return len(table.header) if table.header else max((len(r) for r in table.rows), default=0)


def _across(block_box: BBox, box: BBox) -> bool:
    return min(block_box.x1, box.x1) - max(block_box.x0, box.x0) > 0


def _ends_column(box: BBox, page: Page) -> bool:
    """Nothing of the page's body (text or table) under the box, in its column."""
    return not any(
        b.bbox.top > box.bottom and _across(b.bbox, box) for b in page.body_blocks
    ) and not any(t.bbox.top > box.bottom and _across(t.bbox, box) for t in page.tables)


def _starts_column(table: Table, page: Page) -> bool:
    """Nothing of the page's body over the table in its column but a "continued" label."""
    box = table.bbox
    above = [b for b in page.body_blocks if b.bbox.bottom < box.top and _across(b.bbox, box)]
    return all(_CONTINUED.search(b.text) for b in above) and not any(
        t is not table and t.bbox.top < box.top and _across(t.bbox, box) for t in page.tables
    )


def _same_columns(a: Table, b: Table) -> bool:
    last = a.page_bboxes[-1]
    same_width = abs(last.width - b.bbox.width) < 6
    return _width(a) == _width(b) and same_width


def _next_column(a: BBox, b: BBox) -> bool:
    """Is b set in a column to the right of a, starting higher up (a two-column flow)?"""
    return b.x0 >= a.x1 - 2 and b.top < a.bottom


def _reading_order(page: Page) -> list[Table]:
    """The page's tables column by column (tables whose widths overlap share a column), each
    column top to bottom."""
    columns: list[list[Table]] = []
    for table in sorted(page.tables, key=lambda t: t.bbox.x0):
        home = next((c for c in columns if any(_across(t.bbox, table.bbox) for t in c)), None)
        if home is None:
            columns.append([table])
        else:
            home.append(table)
    return [t for column in columns for t in sorted(column, key=lambda t: t.bbox.top)]


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
        pages=tuple(dict.fromkeys((*first.pages, *second.pages))),
        bbox=first.bbox,
        header=first.header,
        rows=(*first.rows, *rows),
        page_bboxes=(*first.page_bboxes, *second.page_bboxes),
        cell_lines=(*first.cell_lines, *lines) if known else (),
        row_pages=(*first.row_pages, *pages) if placed else (),
        row_bboxes=(*first.row_bboxes, *boxes) if placed else (),
        cells=cells,
    )


def _fragments(upper: Table, lower: Table, page: Page) -> bool:
    """Are two tables of one page pieces of one table, cut where the lines beside it changed
    (prose in the next column ended) or by a label across it: one right under the other, the
    same columns, no text between them, the lower one without a header of its own?"""
    a, b = upper.page_bboxes[-1], lower.bbox
    gap = b.top - a.bottom
    if not 0 <= gap <= _FRAGMENT_GAP or lower.header or not _same_columns(upper, lower):
        return False
    if abs(a.x0 - b.x0) > 6:
        return False
    return not any(
        a.bottom < blk.bbox.top and blk.bbox.bottom < b.top and _across(blk.bbox, b)
        for blk in page.body_blocks
    )


def join_fragments(page: Page) -> None:
    """Merge the pieces of one table on a page (see `_fragments`), in place."""
    ordered = _reading_order(page)
    kept: list[Table] = []
    for table in ordered:
        if kept and _fragments(kept[-1], table, page):
            kept[-1] = _merge(kept[-1], table)
        else:
            kept.append(table)
    if len(kept) < len(ordered):
        page.tables = sorted(kept, key=lambda t: t.bbox.top)


def stitch_tables(pages: Sequence[Page]) -> None:
    """Merge a table that ends its column (or page) with the table that starts the next column
    (or the next page) when their columns match, dropping a repeated header row. A stitched table
    is kept where it starts."""
    for page in pages:
        join_fragments(page)
    pending: tuple[Page, Table] | None = None  # the open table and the page it is kept on
    last_page: Page | None = None  # where the open table's last part is printed
    for page in pages:
        for table in _reading_order(page):
            if pending is not None and last_page is not None:
                home, open_table = pending
                part = open_table.page_bboxes[-1]
                follows = (page is last_page and _next_column(part, table.bbox)) or (
                    page.number == last_page.number + 1
                )
                if follows and _same_columns(open_table, table) and _starts_column(table, page):
                    merged = _merge(open_table, table)
                    home.tables[home.tables.index(open_table)] = merged
                    page.tables.remove(table)
                    pending, last_page = (home, merged), page
                    if not _ends_column(table.bbox, page):
                        pending = None
                    continue
            ends = _ends_column(table.bbox, page)
            pending, last_page = ((page, table), page) if ends else (None, None)


def table_to_dict(table: Table) -> dict[str, Any]:
    return {
        "pages": list(table.pages),
        "header": list(table.header),
        "rows": [list(r) for r in table.rows],
    }
