"""Ruled tables: find them on a page, split off the header row, stitch continuations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pdfplumber.page import Page as PlumberPage

from extractors.model import BBox, CellLine, Page, Table
from extractors.pdf.layout import join_lines, normalize_text, words_to_lines
from extractors.settings import Settings

Word = dict[str, Any]

_CONTINUED = re.compile(r"\(?\bcont(inued|'d|\.)?\)?$", re.IGNORECASE)


def _cell_words(words: Sequence[Word], bbox: tuple[float, float, float, float]) -> list[Word]:
    x0, top, x1, bottom = bbox
    return [
        w
        for w in words
        if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom
    ]


def _cell(words: Sequence[Word], settings: Settings) -> tuple[str, tuple[CellLine, ...]]:
    """A cell's text (wrapped lines joined, hyphenation mended) and its printed lines."""
    if not words:
        return "", ()
    lines = sorted(words_to_lines(words, settings), key=lambda ln: (ln.top, ln.x0))
    printed = tuple(CellLine(text, ln.bold) for ln in lines if (text := normalize_text(ln.text)))
    return join_lines([c.text for c in printed]), printed


def _bold_row(cells: Sequence[tuple[CellLine, ...]]) -> bool:
    lines = [line for cell in cells for line in cell]
    return bool(lines) and all(line.bold for line in lines)


def find_tables(
    page: PlumberPage, page_number: int, words: Sequence[Word], settings: Settings
) -> list[Table]:
    """Ruled tables on one page, their cells read from the page's words. The first row is the
    header when every line in it is bold."""
    tables: list[Table] = []
    if not (page.lines or page.rects or page.curves):
        return tables  # pdfplumber's "lines" strategy builds tables from these edges only
    for found in page.find_tables():
        rows: list[tuple[str, ...]] = []
        lines: list[tuple[tuple[CellLine, ...], ...]] = []
        boxes: list[BBox] = []
        inside = _cell_words(words, found.bbox)  # every cell lies within the table's box
        for row in found.rows:
            cells = [_cell(_cell_words(inside, c), settings) if c else ("", ()) for c in row.cells]
            if any(text for text, _ in cells):
                rows.append(tuple(text for text, _ in cells))
                lines.append(tuple(printed for _, printed in cells))
                boxes.append(BBox(*row.bbox).rounded())
        if not rows or (len(rows) < 2 and len(rows[0]) < 2):
            continue
        bbox = BBox(*found.bbox).rounded()
        header: tuple[str, ...] = ()
        if len(rows) > 1 and _bold_row(lines[0]):
            header, rows, lines, boxes = rows[0], rows[1:], lines[1:], boxes[1:]
        tables.append(
            Table(
                pages=(page_number,),
                bbox=bbox,
                header=header,
                rows=tuple(rows),
                page_bboxes=(bbox,),
                cell_lines=tuple(lines),
                row_pages=(page_number,) * len(rows),
                row_bboxes=tuple(boxes),
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
    lines: Sequence[tuple[tuple[CellLine, ...], ...]] = second.cell_lines
    pages: Sequence[int] = second.row_pages
    boxes: Sequence[BBox] = second.row_bboxes
    if second.header and second.header != first.header:
        rows = (second.header, *rows)
        lines = ((), *lines) if lines else lines
        pages = (second.pages[0], *pages) if pages else pages
        boxes = (second.bbox, *boxes) if boxes else boxes
    elif not first.header and rows and first.rows and rows[0] == first.rows[0]:
        rows, lines, pages, boxes = rows[1:], lines[1:], pages[1:], boxes[1:]
    known = len(first.cell_lines) == len(first.rows) and len(lines) == len(rows)
    placed = len(first.row_pages) == len(first.rows) and len(pages) == len(rows)
    return Table(
        pages=(*first.pages, *second.pages),
        bbox=first.bbox,
        header=first.header,
        rows=(*first.rows, *rows),
        page_bboxes=(*first.page_bboxes, *second.page_bboxes),
        cell_lines=(*first.cell_lines, *lines) if known else (),
        row_pages=(*first.row_pages, *pages) if placed else (),
        row_bboxes=(*first.row_bboxes, *boxes) if placed else (),
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
