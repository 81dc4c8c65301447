"""Ruled grids: tables whose every column and row is drawn with lines (or cell borders and fills).

pdfplumber's "lines" strategy builds the cells from the page's edges. Its cells keep their boxes,
so a merged cell shows as a box over several column (or row) boundaries: that is its span. A grid
with a single column (a frame, or zebra stripes whose sides are the only verticals) is not a ruled
grid; its rows are found with the white-space tables' method instead.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Any

from pdfplumber.page import Page as PlumberPage

from extractors.model import BBox, CellLine, Table, TableCell
from extractors.pdf.layout import join_lines, normalize_text, words_to_lines
from extractors.pdf.tables.graphics import Graphics, VRule
from extractors.pdf.tables.rows import is_value
from extractors.pdf.tables.textlines import text_lines
from extractors.settings import Settings

Word = dict[str, Any]
_PROSE_WORDS = 40  # a "grid" whose cells average more words than this is a layout of text boxes


def _inside(words: Sequence[Word], box: tuple[float, float, float, float]) -> list[Word]:
    x0, top, x1, bottom = box
    return [
        w
        for w in words
        if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom
    ]


def _lines(words: Sequence[Word], settings: Settings) -> tuple[CellLine, ...]:
    lines = sorted(words_to_lines(words, settings), key=lambda ln: (ln.top, ln.x0))
    return tuple(CellLine(text, ln.bold) for ln in lines if (text := normalize_text(ln.text)))


def _edges(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.0:
            out.append(v)
    return out


def _index(edges: Sequence[float], value: float) -> int:
    i = bisect.bisect_left(edges, value - 1.0)
    return min(i, len(edges) - 1)


GridCell = tuple[int, int, int, int, tuple[CellLine, ...], BBox]


def _cells(
    boxes: Sequence[tuple[float, float, float, float]],
    xs: Sequence[float],
    ys: Sequence[float],
    words: Sequence[Word],
    settings: Settings,
) -> list[GridCell] | None:
    """The grid's cells as (row, col, row span, col span, lines, box); None when a cell over
    several columns holds pieces of text set apart (its columns are not ruled: not a grid)."""
    cells = []
    for box in boxes:
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        cell_words = _inside(words, box)
        if c1 - c0 >= 2 and any(len(ln.segments) >= 2 for ln in text_lines(cell_words)):
            return None
        lines = _lines(cell_words, settings)
        cells.append((r0, c0, max(1, r1 - r0), max(1, c1 - c0), lines, BBox(*box).rounded()))
    return cells


def _two_rows_in_one(cells: Sequence[GridCell], words: Sequence[Word]) -> bool:
    """Does one grid row hold two rows of text? Its first column has two labels with a line of
    the other columns between them, and the second label has text beside it: rules part only
    some rows (a header from the body), so it is not a grid. (A label wrapped in a ruled cell
    goes on in the very next line.)"""
    by_row: dict[int, dict[int, BBox]] = {}
    for r, c, _, _, lines, box in cells:
        if lines:
            by_row.setdefault(r, {})[c] = box
    first_col = min((c for row in by_row.values() for c in row), default=0)
    for boxes in by_row.values():
        if first_col not in boxes or len(boxes) < 2:
            continue
        inside = {c: _inside(words, (b.x0, b.top, b.x1, b.bottom)) for c, b in boxes.items()}
        owner = {id(w): c for c, ws in inside.items() for w in ws}
        cols = [
            {owner[id(w)] for w in ln.words}
            for ln in text_lines([w for ws in inside.values() for w in ws])
        ]
        labels = [i for i, c in enumerate(cols) if first_col in c]
        for a, b in itertools.pairwise(labels):
            if (
                b - a >= 2
                and len(cols[b]) >= 2
                and all(first_col not in c for c in cols[a + 1 : b])
            ):
                return True
    return False


def _unruled_rows(cells: Sequence[GridCell]) -> bool:
    """Does a grid row hold, side by side, cells of several lines one of which stacks three or
    more numbers? Then the rows are not ruled (only the columns or the outline are): not a grid.
    (Wrapped text in ruled cells stacks words, not numbers.)"""
    by_row: dict[int, list[tuple[CellLine, ...]]] = {}
    for r, _, _, _, lines, _ in cells:
        by_row.setdefault(r, []).append(lines)
    for stacks in by_row.values():
        tall = [lines for lines in stacks if len(lines) >= 3]
        numbers = [sum(1 for line in lines if is_value(line.text)) for lines in tall]
        if len(tall) >= 2 and max(numbers) >= 3:
            return True
    return False


def _open_sides(graphics: Graphics) -> list[VRule]:
    """The sides a grid leaves undrawn: where rules across run past the outermost rules down
    (a table ruled inside but open left and right), a side at their ends."""
    out: list[VRule] = []
    groups: list[list[VRule]] = []
    for rule in sorted(graphics.vrules, key=lambda r: r.top):
        home = next(
            (g for g in groups if any(r.top < rule.bottom and rule.top < r.bottom for r in g)), None
        )
        if home is None:
            groups.append([rule])
        else:
            home.append(rule)
    for group in groups:
        if len(group) < 2:
            continue
        top, bottom = min(r.top for r in group), max(r.bottom for r in group)
        left, right = min(r.x for r in group), max(r.x for r in group)
        across = [
            h
            for h in graphics.hrules
            if top - 2 <= h.y <= bottom + 2 and h.x0 < left and h.x1 > right
        ]
        if len(across) < 2:
            continue
        x0, x1 = min(h.x0 for h in across), max(h.x1 for h in across)
        if left - x0 > 5:
            out.append(VRule(x0, top, bottom))
        if x1 - right > 5:
            out.append(VRule(x1, top, bottom))
    return out


def lattice_grids(
    page: PlumberPage, graphics: Graphics, words: Sequence[Word], settings: Settings
) -> tuple[list[tuple[BBox, list[GridCell]]], list[tuple[BBox, list[GridCell]]]]:
    """Ruled grids of a page: (table box, cells as (row, col, row span, col span, lines, box)),
    and the grids whose rules part only some of the rows (tables for the white-space finder to
    read, framed by rules; kept as grids when it finds none there). Only rules count, not the
    sides of fills: zebra stripes are not a grid."""
    if len(graphics.hrules) < 2 or len(graphics.vrules) < 2:
        return [], []
    vrules = [*graphics.vrules, *_open_sides(graphics)]
    settings_ = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": [
            {
                "object_type": "v_edge",
                "orientation": "v",
                "x0": r.x,
                "x1": r.x,
                "top": r.top,
                "bottom": r.bottom,
                "width": 0.0,
                "height": r.bottom - r.top,
            }
            for r in vrules
        ],
        "explicit_horizontal_lines": [
            {
                "object_type": "h_edge",
                "orientation": "h",
                "x0": r.x0,
                "x1": r.x1,
                "top": r.y,
                "bottom": r.y,
                "width": r.x1 - r.x0,
                "height": 0.0,
            }
            for r in graphics.hrules
        ],
    }
    out = []
    partial: list[tuple[BBox, list[GridCell]]] = []
    for found in page.find_tables(settings_):
        boxes = [c for c in found.cells if c]
        xs = _edges([v for c in boxes for v in (c[0], c[2])])
        ys = _edges([v for c in boxes for v in (c[1], c[3])])
        if len(xs) < 3 or len(ys) < 3:
            continue  # one column or one row: a frame, not a grid
        inside = _inside(words, found.bbox)
        cells = _cells(boxes, xs, ys, inside, settings)
        filled = [c for c in cells or [] if c[4]]
        if cells is None or not filled:
            continue
        if _unruled_rows(filled) or _two_rows_in_one(filled, inside):
            partial.append((BBox(*found.bbox).rounded(), cells))  # not every row ruled: a frame
            continue
        if len({c[1] for c in filled}) < 2 or len({c[0] for c in filled}) < 2:
            continue
        words_per_cell = sum(len(" ".join(t.text for t in c[4]).split()) for c in filled)
        if words_per_cell / len(filled) > _PROSE_WORDS:
            continue
        out.append((BBox(*found.bbox).rounded(), cells))
    return out, partial


def grid_table(
    bbox: BBox,
    cells: Sequence[GridCell],
    page: int,
    header_rows: int,
) -> Table:
    """A ruled grid as a Table; the first `header_rows` rows are its header."""
    used_rows = sorted({r for r, _, _, _, lines, _ in cells if lines})
    used_cols = sorted({c for _, c, _, _, lines, _ in cells if lines})
    row_of = {r: i for i, r in enumerate(used_rows)}
    col_of = {c: i for i, c in enumerate(used_cols)}
    width = len(used_cols)
    grid: list[TableCell] = []
    labels = [""] * width
    texts: dict[int, list[str]] = {}
    printed: dict[int, list[tuple[CellLine, ...]]] = {}
    boxes: dict[int, BBox] = {}
    for r, c, rspan, cspan, lines, box in sorted(cells, key=lambda x: (x[0], x[1])):
        if not lines:
            continue
        row, col = row_of[r], col_of[c]
        span = sum(1 for k in used_cols if c <= k < c + cspan) or 1
        rows = sum(1 for k in used_rows if r <= k < r + rspan) or 1
        text = join_lines([line.text for line in lines])
        is_header = row < header_rows
        grid.append(TableCell(row, col, text, page, box, rows, span, is_header))
        if is_header:
            for k in range(col, min(width, col + span)):
                labels[k] = f"{labels[k]} {text}".strip()
        else:
            texts.setdefault(row, [""] * width)[col] = text
            printed.setdefault(row, [()] * width)[col] = lines
            boxes[row] = boxes[row].union(box) if row in boxes else box
    body = sorted(texts)
    return Table(
        pages=(page,),
        bbox=bbox,
        header=tuple(labels) if header_rows else (),
        rows=tuple(tuple(texts[r]) for r in body),
        page_bboxes=(bbox,),
        cell_lines=tuple(tuple(printed[r]) for r in body),
        row_pages=(page,) * len(body),
        row_bboxes=tuple(BBox(bbox.x0, boxes[r].top, bbox.x1, boxes[r].bottom) for r in body),
        cells=tuple(grid),
    )
