"""Ruled tables: find them on a page, split off the header row, stitch continuations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pdfplumber.page import Page as PlumberPage

from extractors.model import BBox, Page, Table
from extractors.pdf.layout import is_bold, normalize_text

_CONTINUED = re.compile(r"\(?\bcont(inued|'d|\.)?\)?$", re.IGNORECASE)


def _cell_text(cell: str | None) -> str:
    if not cell:
        return ""
    lines = (normalize_text(line) for line in cell.splitlines())
    return "\n".join(line for line in lines if line)


def _header_is_bold(page: PlumberPage, row_bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = row_bbox
    chars = [
        c
        for c in page.chars
        if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
    ]
    letters = [c for c in chars if c["text"].strip()]
    return bool(letters) and sum(is_bold(c["fontname"]) for c in letters) * 10 >= 6 * len(letters)


def find_tables(page: PlumberPage, page_number: int) -> list[Table]:
    """Ruled tables on one page; the first row is the header when it is set in bold."""
    tables: list[Table] = []
    for found in page.find_tables():
        rows = [tuple(_cell_text(c) for c in row) for row in found.extract()]
        rows = [r for r in rows if any(r)]
        if not rows or (len(rows) < 2 and len(rows[0]) < 2):
            continue
        bbox = BBox(*found.bbox).rounded()
        header: tuple[str, ...] = ()
        if len(rows) > 1 and found.rows and _header_is_bold(page, found.rows[0].bbox):
            header, rows = rows[0], rows[1:]
        tables.append(
            Table(
                pages=(page_number,),
                bbox=bbox,
                header=header,
                rows=tuple(rows),
                page_bboxes=(bbox,),
            )
        )
    return tables


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


def _merge(first: Table, second: Table) -> Table:
    rows: Sequence[tuple[str, ...]] = second.rows
    if second.header and second.header != first.header:
        rows = (second.header, *rows)
    elif not first.header and rows and first.rows and rows[0] == first.rows[0]:
        rows = rows[1:]
    return Table(
        pages=(*first.pages, *second.pages),
        bbox=first.bbox,
        header=first.header,
        rows=(*first.rows, *rows),
        page_bboxes=(*first.page_bboxes, *second.page_bboxes),
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
