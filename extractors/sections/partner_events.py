"""Events of partners the organization took part in: a table with date and event columns (and
theme / organizer columns where present). Dates without a year take the report's year.

Each header cell names one column: the last cue word in it is its head ("Event Organizer" is an
organizer, "Event Date" a date), unless an "of" follows the head ("Date of the event"). Columns
come in any order. A date column without a header word is found by its cells, which read as
dates. A table continued on the next page without its header (the parser gives it no header, or
takes its first row for one) keeps the columns of the table it continues."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.flow import Placed
from extractors.model import Table
from extractors.normalize.dates import parse_date
from extractors.records import PartnerEvent, Source
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
_OF = re.compile(r"\bof\b", re.I)
_REQUIRED = ("date", "name")


def _roles(cell: str) -> list[str]:
    """The roles a header cell's cue words name, its head first: the last cue word (before an
    "of", if any), so that "Event Organizer" is first an organizer and "Date of the event" first
    a date."""
    text = clean(cell)
    found = [(m.start(), role) for role, cue in _CUES for m in cue.finditer(text)]
    of = _OF.search(text)
    head = found
    if of is not None and any(start < of.start() for start, _ in found):
        head = [(start, role) for start, role in found if start < of.start()]
    ordered = [role for _, role in sorted(head, reverse=True)]
    ordered += [role for _, role in sorted(found, reverse=True)]
    return list(dict.fromkeys(ordered))


def _assign(header: Sequence[str]) -> dict[str, int]:
    """Role -> column. A cell naming one role (that no cell left of it took) takes it first;
    then a cell naming several takes the first of them still free, its head before the others
    ("Event Topic" beside an "Event" column is the topic)."""
    roles = {i: _roles(cell) for i, cell in enumerate(header)}
    cols: dict[str, int] = {}
    pending = [i for i in roles if roles[i]]
    while pending:
        free = {i: [r for r in roles[i] if r not in cols] for i in pending}
        single = [i for i in pending if len(free[i]) == 1]
        i = single[0] if single else pending[0]
        if free[i]:
            cols[free[i][0]] = i
        pending.remove(i)
    return cols


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
class _Layout:
    """The columns of a partner-events table, and where it ends (to recognize its continuation)."""

    cols: dict[str, int]
    width: int
    last_page: int
    headings: tuple[str, ...]


def _width(table: Table) -> int:
    return len(table.header) if table.header else max((len(r) for r in table.rows), default=0)


def _continues(table: Table, placed: Placed, previous: _Layout | None) -> bool:
    """Does the table carry on the previous partner-events table on the next page, without the
    header (none at all, or a first row the parser took for a header, with a date where the date
    column's header was)?"""
    if previous is None or _width(table) != previous.width:
        return False
    if table.pages[0] != previous.last_page + 1:
        return False
    if tuple(h.text for h in placed.headings) != previous.headings:
        return False
    if not table.header:
        return True
    when = previous.cols["date"]
    return (
        not any(_roles(cell) for cell in table.header)
        and when < len(table.header)
        and _is_date(table.header[when])
    )


def _events(
    table: Table, cols: dict[str, int], year: int | None, header_is_row: bool
) -> list[PartnerEvent]:
    when, name = cols["date"], cols["name"]
    theme, organizer = cols.get("theme"), cols.get("organizer")

    def cell(row: Sequence[str], col: int | None) -> str | None:
        text = clean(row[col]) if col is not None and col < len(row) else ""
        return None if text in _EMPTY else text

    rows: list[tuple[Sequence[str], Source]] = []
    if header_is_row:
        rows.append((table.header, Source(table.pages[0], table.bbox, " | ".join(table.header))))
    rows.extend((row, row_source(table, i)) for i, row in enumerate(table.rows))
    repeated = tuple(clean(h).casefold() for h in table.header)
    events = []
    for row, where in rows:
        if not cell(row, name):
            continue
        if not header_is_row and tuple(clean(c).casefold() for c in row) == repeated:
            continue  # the header printed again where the table goes on
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


def extract(ctx: Context) -> list[PartnerEvent]:
    events: list[PartnerEvent] = []
    previous: _Layout | None = None
    for placed in ctx.tables():
        table = placed.item
        if not isinstance(table, Table):
            continue
        cols = _columns(table.header, table.rows)
        header_is_row = False
        if cols is None and _continues(table, placed, previous):
            assert previous is not None
            cols, header_is_row = previous.cols, bool(table.header)
        if cols is None:
            previous = None
            continue
        events.extend(_events(table, cols, ctx.year, header_is_row))
        headings = tuple(h.text for h in placed.headings)
        previous = _Layout(cols, _width(table), table.pages[-1], headings)
    return events
