"""Rows of lines -> the `Table` of the document model, with a cell grid (spans and boxes) and the
flat view section rules read: one header label per column and body rows of one string per column.

A segment that lies over several columns is one spanning cell. A header label of a column joins,
top to bottom, the header cells over it (a spanning group label, then the column's own label).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extractors.model import BBox, CellLine, Table, TableCell
from extractors.pdf.layout import join_lines, normalize_text
from extractors.pdf.tables.columns import column_of
from extractors.pdf.tables.rows import Row
from extractors.pdf.tables.textlines import Segment


@dataclass(frozen=True, slots=True)
class _Cell:
    col: int
    span: int
    lines: tuple[CellLine, ...]
    bbox: BBox

    @property
    def text(self) -> str:
        return join_lines([line.text for line in self.lines])


def _row_cells(row: Row, bounds: Sequence[tuple[float, float]]) -> list[_Cell]:
    placed: dict[int, tuple[int, list[Segment]]] = {}
    for line in row.lines:
        for segment in line.segments:
            first, last = column_of(segment, bounds)
            span, parts = placed.get(first, (1, []))
            placed[first] = (max(span, last - first + 1), [*parts, segment])
    cells: list[_Cell] = []
    covered: set[int] = set()
    for col in sorted(placed):
        if col in covered:  # inside the span of a cell to its left: part of that cell
            owner = next(c for c in reversed(cells) if c.col <= col < c.col + c.span)
            extra = tuple(_lines(placed[col][1]))
            cells[cells.index(owner)] = _Cell(
                owner.col, owner.span, owner.lines + extra, _box(owner.bbox, placed[col][1])
            )
            continue
        span, segments = placed[col]
        span = min(span, len(bounds) - col)
        cells.append(_Cell(col, span, tuple(_lines(segments)), _box(None, segments)))
        covered.update(range(col, col + span))
    return cells


def _lines(segments: Sequence[Segment]) -> list[CellLine]:
    ordered = sorted(segments, key=lambda s: (round(s.top), s.x0))
    out = []
    for segment in ordered:
        text = normalize_text(segment.text)
        if text:
            out.append(CellLine(text, segment.bold))
    return out


def _box(start: BBox | None, segments: Sequence[Segment]) -> BBox:
    box = start
    for s in segments:
        part = BBox(s.x0, s.top, s.x1, s.bottom)
        box = part if box is None else box.union(part)
    assert box is not None
    return box.rounded()


def build_table(
    header: Sequence[Row],
    body: Sequence[Row],
    bounds: Sequence[tuple[float, float]],
    page: int,
    bbox: BBox,
) -> Table:
    """The table of one page (stitching joins pages later)."""
    width = len(bounds)
    grid: list[TableCell] = []
    labels = [""] * width
    for r, row in enumerate(header):
        for cell in _row_cells(row, bounds):
            grid.append(
                TableCell(r, cell.col, cell.text, page, cell.bbox, col_span=cell.span, header=True)
            )
            for col in range(cell.col, cell.col + cell.span):
                labels[col] = f"{labels[col]} {cell.text}".strip()
    rows: list[tuple[str, ...]] = []
    lines: list[tuple[tuple[CellLine, ...], ...]] = []
    boxes: list[BBox] = []
    for r, row in enumerate(body, start=len(header)):
        texts = [""] * width
        printed: list[tuple[CellLine, ...]] = [()] * width
        for cell in _row_cells(row, bounds):
            grid.append(TableCell(r, cell.col, cell.text, page, cell.bbox, col_span=cell.span))
            texts[cell.col], printed[cell.col] = cell.text, cell.lines
        rows.append(tuple(texts))
        lines.append(tuple(printed))
        boxes.append(BBox(bbox.x0, row.top, bbox.x1, row.bottom).rounded())
    return Table(
        pages=(page,),
        bbox=bbox.rounded(),
        header=tuple(labels) if header else (),
        rows=tuple(rows),
        page_bboxes=(bbox.rounded(),),
        cell_lines=tuple(lines),
        row_pages=(page,) * len(rows),
        row_bboxes=tuple(boxes),
        cells=tuple(grid),
    )
