"""Lines -> rows of a table whose columns are known.

Rules and fill edges that cross the table are hard row boundaries; when they separate nearly every
row (ruled rows, zebra stripes) each band between them is one row, whatever its lines. Otherwise a
line starts a new row unless it is a continuation:
- a line with text only in the first column that carries on its label (lower-case start, an opening
  bracket, or a label above ending in ",", "-", "and", "of" ...);
- a line without first-column text under a row that has only a label (the values of a wrapped
  label, set between its lines), or whose cells all continue wrapped text cells above it (a number
  never wraps, but its unit or scale word may: "2,672" over "km²", "1.9" over "million");
and a gap clearly wider than the gap between wrapped lines always starts a row; when such gaps
part nearly every row, they are the rows' boundaries, as rules would be.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.normalize.numbers import parse_quantity
from extractors.pdf.tables.textlines import TextLine
from extractors.pdf.tables.verdict import line_cells

_VALUE = re.compile(
    r"^[(\[]?[-–—+±]?\s?(?:[$€£¥]|[A-Z]{3}\s)?\s?[\d.,'\s]*\d[\d.,'\s]*(?:%|[a-z]{1,3})?[)\]]?"
    r"[*†‡¹²³]*$|^[-–—.…]+$|^n/?a$|^\(?[a-z]\)?$",
    re.IGNORECASE,
)
_OPEN_END = re.compile(r"([,;:&/(\-–]|\b(and|or|of|the|for|to|in|with|by|on|at|de|du|des))$", re.I)


_LINES_PER_BAND = 6  # at most this many lines a band, on average, when drawn bands are rows


def is_value(text: str) -> bool:
    """A number, an amount, a percentage or a dash: cell content that never wraps."""
    return bool(_VALUE.match(text.strip()))


@dataclass(slots=True)
class Row:
    lines: list[TextLine] = field(default_factory=list)
    cells: dict[int, list[str]] = field(default_factory=dict)  # column -> printed lines

    def add(self, line: TextLine, bounds: Sequence[tuple[float, float]]) -> None:
        self.lines.append(line)
        for col, text in line_cells(line, bounds).items():
            self.cells.setdefault(col, []).append(text)

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)


def _completes(above: str, text: str) -> bool:
    """Is `text` the unit or scale word of the number above it, wrapped to the next line?"""
    if parse_quantity(text) is not None:
        return False
    alone, whole = parse_quantity(above), parse_quantity(f"{above} {text}")
    return (
        alone is not None
        and whole is not None
        and (whole.unit, whole.value) != (alone.unit, alone.value)
    )


def _goes_on(above: str, text: str) -> bool:
    """Does `text` carry on the cell whose last line is `above`?"""
    return (not is_value(above) and not is_value(text)) or _completes(above, text)


def _label_only(cells: dict[int, str] | dict[int, list[str]]) -> bool:
    return set(cells) == {0}


def _continues(row: Row, line: TextLine, bounds: Sequence[tuple[float, float]]) -> bool:
    cells = line_cells(line, bounds)
    if 0 in cells:
        if not _label_only(cells) or 0 not in row.cells:
            return False
        text, above = cells[0], row.cells[0][-1]
        return text[:1].islower() or text[:1] in "([" or bool(_OPEN_END.search(above))
    if _label_only(row.cells) and not is_value(row.cells[0][-1]):
        return True  # the values of a label that wrapped over two lines
    return all(
        col in row.cells and _goes_on(row.cells[col][-1], text) for col, text in cells.items()
    )


def _wrap_threshold(lines: Sequence[TextLine]) -> float:
    """The gap above which a line always starts a row: between the gap of wrapped lines and the
    gap between rows, when the two differ; else none."""
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(lines))
    if len(gaps) < 2:
        return float("inf")
    size = min(ln.size for ln in lines)
    small = gaps[0]
    step = max(1.5, 0.3 * size)
    return small + step if gaps[-1] > small + 2 * step else float("inf")


def _band(line: TextLine, separators: Sequence[float]) -> int:
    return bisect.bisect_left(separators, (line.top + line.bottom) / 2)


def bands_are_rows(
    lines: Sequence[TextLine],
    separators: Sequence[float],
    bounds: Sequence[tuple[float, float]],
    drawn: bool = True,
) -> bool:
    """Do the separators fall between (nearly) every two rows? For drawn separators (rules,
    fill edges), yes when they cut the lines into four or more bands of a few lines each (zebra
    stripes, rules under every row); otherwise judged on the lines that start a row for
    certain: those with text in the first column and in another one."""
    bands: dict[int, int] = {}
    for line in lines:
        bands[_band(line, separators)] = bands.get(_band(line, separators), 0) + 1
    if drawn and len(bands) >= 4 and len(lines) <= _LINES_PER_BAND * len(bands):
        return True
    starts = [
        ln for ln in lines if len(line_cells(ln, bounds)) >= 2 and 0 in line_cells(ln, bounds)
    ]
    pairs = list(itertools.pairwise(starts))
    if len(pairs) < 2:
        return len(pairs) == 1 and _band(pairs[0][0], separators) != _band(pairs[0][1], separators)
    apart = sum(1 for a, b in pairs if _band(a, separators) != _band(b, separators))
    return apart >= 0.7 * len(pairs)


def group_rows(
    lines: Sequence[TextLine],
    bounds: Sequence[tuple[float, float]],
    separators: Sequence[float] = (),
) -> list[Row]:
    """The body lines of a table grouped into rows. Rules (or fill edges) that part nearly every
    row make each band a row; so do the wide gaps of a table whose rows are set apart by space
    when they part nearly every row (otherwise they only part groups of rows)."""
    separators = sorted(separators)
    by_band = bool(separators) and bands_are_rows(lines, separators, bounds)
    threshold = _wrap_threshold(lines)
    if not by_band and threshold != float("inf"):
        spaced = sorted(
            [
                *separators,
                *(
                    (a.bottom + b.top) / 2
                    for a, b in itertools.pairwise(lines)
                    if b.top - a.bottom > threshold
                ),
            ]
        )
        if bands_are_rows(lines, spaced, bounds, drawn=False):
            separators, by_band = spaced, True
    rows: list[Row] = []
    for line in lines:
        row = rows[-1] if rows else None
        if row is None or _band(line, separators) != _band(row.lines[-1], separators):
            start = True
        elif by_band:
            start = False
        elif line.top - row.lines[-1].bottom > threshold:
            start = True
        else:
            start = not _continues(row, line, bounds)
        if start:
            rows.append(Row())
        rows[-1].add(line, bounds)
    return rows
