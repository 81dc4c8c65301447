"""Agreements (MOUs): in a section about MOUs, agreements or partnerships, each partner heading
followed by the date it was signed, a table with partner and date columns, or lines of a partner
and its date ("Partner — 14 March 2023")."""

from __future__ import annotations

import re
from datetime import date

from extractors.flow import Placed
from extractors.model import Block, BlockRole, Table
from extractors.normalize.dates import parse_date
from extractors.records import Agreement, Source
from extractors.sections.base import Context, header_index, row_source, section_items
from extractors.sections.dated import date_only

CUE = re.compile(
    r"\b(mous?|mo[au]s|memorand\w*|agreements?|partnerships?|signatures?|signings?|"
    r"cooperation accords?)\b",
    re.I,
)
# "Partner — 14 March 2023", "Partner, signed 14 March", "Partner (14 March 2023)"
_PARTNER_LINE = re.compile(
    r"^(?P<partner>[^\d—–|:(]{3,}?)\s*(?:[—–|:-]|\(|,\s*signed(?:\s+on)?)\s*(?P<date>.+?)\)?$", re.I
)
_PARTNER_COL = re.compile(r"\b(partner|organi[sz]ation|counterpart|with|institution|name)\b", re.I)
_DATE_COL = re.compile(r"\b(date|signed|when|on)\b", re.I)


def _dated_headings(ctx: Context, section: Placed) -> list[Agreement]:
    heading = section.item
    assert isinstance(heading, Block)
    items = section_items(ctx, heading)
    found: list[Agreement] = []
    for i, placed in enumerate(items):
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.HEADING:
            continue
        following = items[i + 1 : i + 3]
        signed: date | None = None
        for nxt in following:
            if not isinstance(nxt.item, Block):
                break
            if when := date_only(nxt.item.text, ctx.year):
                signed = when[0]
                break
            if nxt.item.role is BlockRole.HEADING:
                break  # the next heading is another partner (or a group of them)
        if signed is not None:
            found.append(
                Agreement(block.text, signed, Source(block.page_number, block.bbox, block.text))
            )
    return found


def _dates_column(table: Table, year: int | None) -> int | None:
    """Without a header: the column whose cells are dates."""
    width = max((len(r) for r in table.rows), default=0)
    for col in range(width):
        cells = [r[col] for r in table.rows if col < len(r) and r[col].strip()]
        if cells and sum(1 for c in cells if date_only(c, year)) >= 0.7 * len(cells):
            return col
    return None


def _table(table: Table, year: int | None) -> list[Agreement]:
    partner = header_index(table.header, _PARTNER_COL)
    when = header_index(table.header, _DATE_COL)
    if not table.header:  # a partner column and a date column, told by their cells
        when = _dates_column(table, year)
        partner = next((c for c in range(len(table.rows[0])) if c != when), None)
        if when is None or partner is None:
            return []
    if partner is None or when is None or partner == when:
        return []
    return [
        Agreement(" ".join(row[partner].split()), parse_date(row[when], year), row_source(table, i))
        for i, row in enumerate(table.rows)
        if row[partner].strip()
    ]


def _lines(block: Block, year: int | None) -> list[Agreement]:
    """A list of agreements, one a line: a partner, a dash, the date it was signed."""
    found = []
    for line in block.lines:
        match = _PARTNER_LINE.match(line)
        when = date_only(match.group("date"), year) if match else None
        if match is None or when is None:
            return []  # every line must be one
        partner = match.group("partner").strip(" ,")
        found.append(Agreement(partner, when[0], Source(block.page_number, block.bbox, line)))
    return found


def extract(ctx: Context) -> list[Agreement]:
    agreements: list[Agreement] = []
    for placed in ctx.blocks():
        block = placed.item
        if (
            isinstance(block, Block)
            and block.role is BlockRole.HEADING
            and CUE.search(block.text)
            and not any(CUE.search(h.text) for h in placed.headings)
        ):
            agreements.extend(_dated_headings(ctx, placed))
    for placed in ctx.items:
        item = placed.item
        if not any(CUE.search(h.text) for h in placed.headings):
            continue
        if isinstance(item, Table):
            agreements.extend(_table(item, ctx.year))
        elif isinstance(item, Block) and item.role is BlockRole.BODY and len(item.lines) >= 1:
            agreements.extend(_lines(item, ctx.year))
    return agreements
