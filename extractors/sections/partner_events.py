"""Events of partners the organization took part in: a table with date and event columns (and
theme / organizer columns where present). Dates without a year take the report's year.

Each header cell names one column: the last cue word in it is its head ("Event Organizer" is an
organizer, "Event Date" a date), unless an "of" follows the head ("Date of the event"). Columns
come in any order. A date column without a header word is found by its cells, which read as
dates. A table continued on the next page without its header (the parser gives it no header, or
takes its first row for one) keeps the columns of the table it continues.

A cell's wrapped lines that the parser set as rows of their own (a row without date or without
name, or with only the rest of the date above) join the row above. A header row below lines the
parser took into the table (an introduction) is found among its first rows. A table set with
white space only, which the parser read as loose blocks or as pieces of tables, is put back
together by where its words are printed (see `loose_grid`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.flow import Placed
from extractors.model import Table
from extractors.normalize.dates import parse_date
from extractors.records import PartnerEvent, Source
from extractors.sections import continued, header_roles, loose_grid
from extractors.sections.base import Context, clean, row_source

_EMPTY = {"", "-", "–", "—", "n/a", "N/A", "tbc", "TBC"}
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(r"\b(dates?|when|days?|period)\b", re.I)),
    (
        "name",
        re.compile(
            r"\b(events?|names?|titles?|conferences?|forums?|meetings?|activit(y|ies))\b", re.I
        ),
    ),
    ("theme", re.compile(r"\b(themes?|topics?|subjects?|sessions?|focus|contributions?)\b", re.I)),
    (
        "organizer",
        re.compile(
            r"\b(organi[sz]ers?|organi[sz]ed by|hosts?|hosted by|conven[eo]rs?|convened by)\b",
            re.I,
        ),
    ),
)
_REQUIRED = ("date", "name")
_YEAR = re.compile(r"(19|20)\d\d")
_WRAP_HYPHEN = re.compile(r"[^\W\d_]-$")
_LABEL_WORDS = 5  # a header label is a few words
_HEADER_DEPTH = 3  # how many rows above its header a table may have taken in
_WRAP_GAP = 0.7  # wrapped lines sit closer than this share of the widest gap between rows


def _roles(cell: str) -> list[str]:
    return header_roles.roles(cell, _CUES)


def _assign(header: Sequence[str]) -> dict[str, int]:
    return header_roles.assign(header, _CUES)


def _is_date(text: str) -> bool:
    return parse_date(text, 2000) is not None


def _date_column(
    header: Sequence[str], rows: Sequence[Sequence[str]], taken: set[int]
) -> int | None:
    """A column without a header word whose cells read as dates."""
    best, best_share = None, 0.0
    for col in range(len(header)):
        if col in taken or _roles(header[col]):
            continue
        cells = [row[col] for row in rows if col < len(row) and clean(row[col])]
        share = sum(_is_date(c) for c in cells) / len(cells) if cells else 0.0
        if share >= 0.6 and share > best_share:
            best, best_share = col, share
    return best


def _columns(header: Sequence[str], rows: Sequence[Sequence[str]]) -> dict[str, int] | None:
    cols = _assign(header)
    if "date" not in cols and "name" in cols:
        when = _date_column(header, rows, set(cols.values()))
        if when is not None:
            cols["date"] = when
    if any(r not in cols for r in _REQUIRED) or ("theme" not in cols and "organizer" not in cols):
        return None
    return cols


@dataclass(frozen=True)
class _Read:
    """The header and columns a partner-events table was read with, and where it ends."""

    header: tuple[str, ...]
    cols: dict[str, int]
    ending: continued.Ending


def _continued(table: Table, placed: Placed, previous: _Read | None) -> Table | None:
    """The table as the continuation of the previous partner-events table on the next page,
    without the header (none at all, or a first row the parser took for a header, with a date
    where the date column's header was): read with the previous header, its own as a row."""
    if previous is None or not continued.follows(table, placed, previous.ending):
        return None
    if table.header:
        when = previous.cols["date"]
        if any(_roles(cell) for cell in table.header) or when >= len(table.header):
            return None
        if not _is_date(table.header[when]):
            return None
    return continued.with_header(table, previous.header)


def _is_wrap(row: Sequence[str], previous: Sequence[str], when: int, name: int) -> bool:
    """Is the row the wrapped lines of the row above rather than an event of its own? Its date
    cell is blank, or its name cell is, or the two date cells read as one date, the one above
    cut short ("20" over "August") or this one only its year ("29 Apr" over "2021")."""

    def text(cells: Sequence[str], col: int) -> str:
        return clean(cells[col]) if col < len(cells) else ""

    date_here, date_above = text(row, when), text(previous, when)
    if not date_here or not text(row, name):
        return True
    if not _is_date(f"{date_above} {date_here}"):
        return False
    return not _is_date(date_above) or _YEAR.fullmatch(date_here) is not None


def _joined(row: Sequence[str], more: Sequence[str]) -> tuple[str, ...]:
    """A row with the wrapped lines below it added to its cells."""
    width = max(len(row), len(more))
    cells = [row[i] if i < len(row) else "" for i in range(width)]
    for i, text in enumerate(more):
        # "Korea Trade-" / "Investment Promotion Agency": a word's hyphen where the cell wrapped
        glue = "" if _WRAP_HYPHEN.search(cells[i].rstrip()) and text.strip()[:1].isalpha() else " "
        cells[i] = " ".join(f"{cells[i].rstrip()}{glue}{text.lstrip()}".split())
    return tuple(cells)


def _gap(above: Source, below: Source) -> float | None:
    """The space between two rows printed one under the other on a page, if their boxes say."""
    one, two = above.bbox, below.bbox
    if above.page != below.page or one is None or two is None or one == two:
        return None
    return two.top - one.bottom


def _close(sources: Sequence[Source]) -> list[bool]:
    """For each row, can it be the wrapped lines of the row above by the space between them? A
    row set apart from the one above by as much space as the rows furthest apart on the page is
    a row of its own; where the rows' boxes are not known, every row can be."""
    gaps = [None, *(_gap(above, below) for above, below in pairwise(sources))]
    widest = max((g for g in gaps if g is not None), default=None)
    if widest is None or widest <= 0:
        return [True] * len(sources)
    return [g is None or g < _WRAP_GAP * widest for g in gaps]


_Merged = tuple[Sequence[str], Source, tuple[int, ...]]


def _merged(rows: list[tuple[Sequence[str], Source]], when: int, name: int) -> list[_Merged]:
    """Rows with the wrapped lines of their cells (set as rows of their own) joined back, each
    with the indexes of the rows it is made of."""
    out: list[_Merged] = []
    close = _close([where for _, where in rows])
    for i, ((row, where), near) in enumerate(zip(rows, close, strict=True)):
        if out and near and _is_wrap(row, out[-1][0], when, name):
            above, first, parts = out[-1]
            box = (
                first.bbox.union(where.bbox)
                if first.bbox and where.bbox and first.page == where.page
                else first.bbox
            )
            text = f"{first.source_text} / {where.source_text}"
            out[-1] = (_joined(above, row), Source(first.page, box, text), (*parts, i))
            continue
        out.append((row, where, (i,)))
    return out


def _events(table: Table, cols: dict[str, int], year: int | None) -> list[PartnerEvent]:
    repeated = tuple(clean(h).casefold() for h in table.header)
    # the header printed again where the table goes on is no row
    rows: list[tuple[Sequence[str], Source]] = [
        (row, row_source(table, i))
        for i, row in enumerate(table.rows)
        if tuple(clean(c).casefold() for c in row) != repeated
    ]
    return _read_rows(rows, cols, year)


def _read_rows(
    rows: list[tuple[Sequence[str], Source]],
    cols: dict[str, int],
    year: int | None,
    broken: frozenset[int] = frozenset(),
) -> list[PartnerEvent]:
    """One event per row with a name, the wrapped lines of its cells joined back; none for an
    event with a row among `broken` (whose cells cannot be told apart)."""
    when, name = cols["date"], cols["name"]
    theme, organizer = cols.get("theme"), cols.get("organizer")

    def cell(row: Sequence[str], col: int | None) -> str | None:
        text = clean(row[col]) if col is not None and col < len(row) else ""
        return None if text in _EMPTY else text

    events = []
    for row, where, parts in _merged(rows, when, name):
        if not cell(row, name) or broken.intersection(parts):
            continue
        events.append(
            PartnerEvent(
                date=parse_date(row[when], year) if when < len(row) else None,
                name=clean(row[name]),
                theme=cell(row, theme),
                organizer=cell(row, organizer),
                source=where,
            )
        )
    return events


def _header_inside(table: Table) -> Table | None:
    """The table below its header row, when the parser took lines above the header (an
    introduction, a caption) into the table and the header for a body row."""
    for k, row in enumerate(table.rows[:_HEADER_DEPTH]):
        if any(len(c.split()) > _LABEL_WORDS for c in row):
            continue  # a line of text, no header
        if _columns(row, table.rows[k + 1 :]) is None:
            continue
        body = slice(k + 1, None)
        return replace(
            table,
            header=row,
            rows=table.rows[body],
            cell_lines=table.cell_lines[body],
            row_pages=table.row_pages[body],
            row_bboxes=table.row_bboxes[body],
            cells=(),
        )
    return None


def _is_label(text: str) -> bool:
    return bool(_roles(text))


def _loose_tables(ctx: Context) -> tuple[list[PartnerEvent], set[int]]:
    """Events of tables set with white space only, which the parser read as loose blocks or as
    pieces of tables (see `loose_grid`), and the parsed tables their rows took pieces from."""
    events: list[PartnerEvent] = []
    used: set[int] = set()
    for page in ctx.document.pages:
        found = loose_grid.pieces(page)
        for header in loose_grid.header_lines(found, _is_label):
            labels = [clean(p.text) for p in header]
            rows = loose_grid.rows(page, found, header)
            cols = _columns(labels, [row.cells for row in rows])
            if cols is None:
                continue
            broken = frozenset(i for i, row in enumerate(rows) if row.crossed)
            texts: list[tuple[Sequence[str], Source]] = [(row.cells, row.source) for row in rows]
            events.extend(_read_rows(texts, cols, ctx.year, broken))
            for row in rows:
                used |= row.tables
            used |= {id(p.table) for p in header if p.table is not None}
    return events, used


def extract(ctx: Context) -> list[PartnerEvent]:
    events, used = _loose_tables(ctx)
    previous: _Read | None = None
    for placed in ctx.tables():
        table = placed.item
        if not isinstance(table, Table) or id(table) in used:
            continue
        cols = _columns(table.header, table.rows)
        carried = None if cols is not None else _continued(table, placed, previous)
        if cols is None and carried is None:
            table = _header_inside(table) or table
            cols = _columns(table.header, table.rows)
        if cols is None and carried is not None and previous is not None:
            table, cols = carried, previous.cols
        if cols is None:
            previous = None
            continue
        events.extend(_events(table, cols, ctx.year))
        previous = _Read(table.header, cols, continued.ending(table, placed))
    return events
