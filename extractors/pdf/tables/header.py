"""Which rows of a table are its header, told by position, typography, fills, rules and content,
never by bold alone.

Lines above the aligned body that sit over its columns (or span several of them) are header lines;
they are grouped into header rows (a label wrapped over two lines is one cell). When there are none,
the first row is the header when it looks like one: set apart (bold, another fill, a rule under it
while the body rows have none) or unlike the body (labels over columns of numbers, dates or names),
or simply first, short and label-like over a body of two rows or more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.normalize.countries import to_iso3
from extractors.normalize.dates import parse_date
from extractors.pdf.tables.columns import column_of
from extractors.pdf.tables.rows import Row, is_value
from extractors.pdf.tables.textlines import TextLine

_SENTENCE = re.compile(r"[.;:!?]$|,")
_MAX_LABEL_WORDS = 8
# a year or a period as a column label: "2023", "FY 2010", "2013–14", "Q3 2024"
_PERIOD = re.compile(r"^(fy|q[1-4])?\s?(19|20)\d\d([/–-](\d\d|(19|20)\d\d))?(\s?q[1-4])?$", re.I)


def spans(line: TextLine, bounds: Sequence[tuple[float, float]]) -> bool:
    return any(a != b for a, b in (column_of(s, bounds) for s in line.segments))


def _columns(line: TextLine, bounds: Sequence[tuple[float, float]]) -> set[int]:
    out: set[int] = set()
    for segment in line.segments:
        a, b = column_of(segment, bounds)
        out.update(range(a, b + 1))
    return out


def header_rows(lines: Sequence[TextLine], bounds: Sequence[tuple[float, float]]) -> list[Row]:
    """Header lines grouped into rows: a line joins the row above when neither spans columns and
    it only adds lines to that row's columns."""
    rows: list[Row] = []
    for line in lines:
        row = rows[-1] if rows else None
        if (
            row is not None
            and not spans(line, bounds)
            and not any(spans(ln, bounds) for ln in row.lines)
            and _columns(line, bounds) <= set().union(*(_columns(ln, bounds) for ln in row.lines))
            and line.top - row.bottom <= 0.6 * line.size
        ):
            row.add(line, bounds)
        else:
            rows.append(Row())
            rows[-1].add(line, bounds)
    return rows


def _label_like(text: str) -> bool:
    return len(text.split()) <= _MAX_LABEL_WORDS and not _SENTENCE.search(text.strip())


def row_view(row: Row) -> tuple[dict[int, str], bool]:
    """A row as the header test sees it: its text per column, and whether it is all bold."""
    segments = [s for ln in row.lines for s in ln.segments]
    bold = bool(segments) and all(s.bold for s in segments)
    return {col: " ".join(parts) for col, parts in row.cells.items()}, bold


def _kind(text: str) -> str:
    if _PERIOD.match(text.strip()):
        return "period"
    if is_value(text):
        return "value"
    if parse_date(text, 2000):
        return "date"
    return "country" if to_iso3(text) else "text"


def _unlike_body(first: dict[int, str], body: Sequence[dict[int, str]]) -> bool:
    """A label (or a year) over a column whose body cells are mostly of one typed kind: values
    (numbers, amounts), dates or country names."""
    for col, text in first.items():
        kinds = [_kind(t) for r in body if (t := r.get(col))]
        mine = _kind(text)
        for typed in ("value", "date", "country"):
            if mine != typed and kinds and kinds.count(typed) >= 0.6 * len(kinds):
                return True
    return False


def _repeats(first: dict[int, str], body: Sequence[dict[int, str]]) -> bool:
    """The same label over two columns ("Country | Members | Country | Members")."""
    labels = [" ".join(t.split()).casefold() for t in first.values()]
    return len(set(labels)) < len(labels) and not any(len(set(r.values())) < len(r) for r in body)


def first_row_is_header(
    rows: Sequence[tuple[dict[int, str], bool]],
    ruled_below: bool = False,
    rows_ruled: bool = False,
    filled_apart: bool = False,
    under_header: bool = False,
) -> bool:
    """Is the first of these rows (text per column, all bold) the header, or, `under_header`,
    another header row under header lines found above it (then position alone is no cue)?"""
    if len(rows) < 2:
        return False
    (first, first_bold), body = rows[0], rows[1:]
    texts = [r for r, _ in body]
    if len(first) < 2 or not all(_label_like(t) for t in first.values()):
        return False
    if any(_kind(t) == "value" for t in first.values()) and not _unlike_body(first, texts):
        return False
    if filled_apart or (ruled_below and not rows_ruled):
        return True
    if under_header:  # under header lines: a fill, a rule, or labels over values
        return _unlike_body(first, texts)
    if first_bold and not all(bold for _, bold in body):
        return True
    if _unlike_body(first, texts) or _repeats(first, texts):
        return True
    # by position: a first row of short labels (each starting a phrase: no lower-case start)
    # over at least two rows that are not all labels
    if under_header or any(t.strip()[:1].islower() for t in first.values()):
        return False
    return len(body) >= 2 and any(
        not _label_like(t) or len(t.split()) > len(first.get(col, "").split()) + 2
        for r in texts
        for col, t in r.items()
    )
