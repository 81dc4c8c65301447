"""Events of partners the organization took part in: a table with date and event columns (and
theme / organizer columns where present). Dates without a year take the report's year."""

from __future__ import annotations

import re

from extractors.model import Table
from extractors.normalize.dates import parse_date
from extractors.records import PartnerEvent
from extractors.sections.base import Context, clean, header_index, row_source

_EMPTY = {"", "-", "–", "—", "n/a", "N/A", "tbc", "TBC"}
_DATE = re.compile(r"\b(date|when|day)\b", re.I)
_NAME = re.compile(r"\b(event|name|title|conference|forum)\b", re.I)
_THEME = re.compile(r"\b(theme|topic|subject|session|focus)\b", re.I)
_ORGANIZER = re.compile(r"\b(organi[sz]er|organi[sz]ed by|host|hosted by|convener)\b", re.I)


def _events(table: Table, year: int | None) -> list[PartnerEvent]:
    header = table.header
    when, name = header_index(header, _DATE), header_index(header, _NAME)
    organizer = header_index(header, _ORGANIZER)
    theme = header_index(header, _THEME)
    if when is None or name is None or (organizer is None and theme is None):
        return []
    if name in (organizer, theme):  # "Event Organizer" is not the event's name
        candidates = [
            i for i, h in enumerate(header) if _NAME.search(h) and i not in (organizer, theme)
        ]
        if not candidates:
            return []
        name = candidates[0]

    def cell(row: tuple[str, ...], col: int | None) -> str | None:
        text = clean(row[col]) if col is not None and col < len(row) else ""
        return None if text in _EMPTY else text

    return [
        PartnerEvent(
            date=parse_date(row[when], year),
            name=clean(row[name]),
            theme=cell(row, theme),
            organizer=cell(row, organizer),
            source=row_source(table, i),
        )
        for i, row in enumerate(table.rows)
        if clean(row[name])
    ]


def extract(ctx: Context) -> list[PartnerEvent]:
    events: list[PartnerEvent] = []
    for placed in ctx.tables():
        if isinstance(placed.item, Table):
            events.extend(_events(placed.item, ctx.year))
    return events
