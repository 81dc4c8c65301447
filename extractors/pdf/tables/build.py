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


def _grow_centred(cell: _Cell, free: set[int], bounds: Sequence[tuple[float, float]]) -> _Cell:
    """A centred group label spans the columns around it whose middle is its middle."""
    centre = (cell.bbox.x0 + cell.bbox.x1) / 2
    first, last = cell.col, cell.col + cell.span - 1

    def miss(a: int, b: int) -> float:
        return abs((bounds[a][0] + bounds[b][1]) / 2 - centre)

    while True:
        options = [
            (a, b)
            for a, b in ((first - 1, last), (first, last + 1))
            if {a, b} - {first, last} <= free
        ]
        better = [o for o in options if miss(*o) < miss(first, last) - 0.5]
        if not better:
            return _Cell(first, last - first + 1, cell.lines, cell.bbox)
        first, last = min(better, key=lambda o: miss(*o))


def _group_spans(
    rows: list[list[_Cell]], bounds: Sequence[tuple[float, float]], lefts: Sequence[float]
) -> list[list[_Cell]]:
    """Header rows over header rows: a group label ("2023" over "Plan | Actual") spans the
    columns under it that its own row leaves empty, to the right of it when it is set flush with
    its column's left edge, around it when it is centred."""
    out = [list(r) for r in rows]
    for r in range(len(out) - 1):
        below = {k for c in out[r + 1] for k in range(c.col, c.col + c.span)}
        taken = {k for c in out[r] for k in range(c.col, c.col + c.span)}
        free = below - taken
        if not free or not out[r]:
            continue
        widened = []
        for cell in sorted(out[r], key=lambda c: c.col):
            if abs(cell.bbox.x0 - lefts[cell.col]) <= 3.0:
                end = cell.col + cell.span
                while end in free:
                    free.discard(end)
                    end += 1
                widened.append(_Cell(cell.col, end - cell.col, cell.lines, cell.bbox))
            else:
                grown = _grow_centred(cell, free, bounds)
                free -= set(range(grown.col, grown.col + grown.span))
                widened.append(grown)
        out[r] = widened
    return out


def _lefts(rows: Sequence[Row], bounds: Sequence[tuple[float, float]]) -> list[float]:
    """Each column's left text edge in the body (where flush-left labels start)."""
    lefts = [c1 for _, c1 in bounds]
    for row in rows:
        for line in row.lines:
            for segment in line.segments:
                first, _ = column_of(segment, bounds)
                lefts[first] = min(lefts[first], segment.x0)
    return lefts


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
    head = _group_spans([_row_cells(row, bounds) for row in header], bounds, _lefts(body, bounds))
    for r, cells in enumerate(head):
        for cell in cells:
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
