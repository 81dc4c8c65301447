"""Member overview: stated totals, region totals and every listed member.

Totals: headings that state a count ("LOCAL GOVERNMENTS | 160", "Africa (45)", "48 members in
Africa", "210 Members as of ..."), sentences that state totals by type ("214 members: 163 local
governments, 17 institutions and 34 corporations"), or a tile whose label counts members. A table
of contents repeats headings but states nothing: its entries are never read.

Members, in the designs reports use, each country found in the gazetteer:
- a table pairing a country column with a names column ("Country | Members", or two such pairs
  per row), told by its header or, without one, by a column of country names;
- "Country: a, b, c" lines;
- a country sub-heading over its names (a comma-separated paragraph, or one name per line).
Lines and sub-headings are read in a section about members (a heading that says so, or counts a
region or a kind of member)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.flow import Placed
from extractors.model import Block, BlockRole, KeyValues, Table, Tile
from extractors.normalize.countries import normalize_region, to_iso3
from extractors.normalize.numbers import parse_quantity
from extractors.pdf.layout import join_lines
from extractors.records import Member, MemberType, RegionTotal, Source, StatedTotal
from extractors.sections.base import Context, row_source, section_items, source
from extractors.sections.member_totals import TYPE_SCOPES, heading_totals, prose_totals
from extractors.sections.vocabulary import MEMBERS, NEW, counted, member_type, split_names

_COUNTRY = re.compile(r"\b(country|countries|nation)\b", re.IGNORECASE)
_NAMES = re.compile(
    r"\b(members?|cit(y|ies)|municipalit\w*|local|governments?|institutions?|organi[sz]ations?|"
    r"compan(y|ies)|corporations?|names?|entities|regions?|provinces?)\b",
    re.IGNORECASE,
)
_DESCRIBES = re.compile(r"\b(area|population|inhabitants|leader|mayor|date|signed|joined)\b", re.I)
_LINE = re.compile(r"^(?P<country>[^:：]{2,60}?)\s*[:：]\s*(?P<names>.*)$")
_SENTENCE_END = re.compile(r"[.!?]['’\")]*$")
_TYPED = 0.7  # share of a column's cells that must be country names


@dataclass(frozen=True, slots=True)
class Overview:
    totals: list[StatedTotal]
    regions: list[RegionTotal]
    members: list[Member]


def _country(text: str) -> str | None:
    """The printed country name when the text is one (gazetteer), else None."""
    name = " ".join(text.split()).strip(" :")
    return name if name and len(name.split()) <= 6 and to_iso3(name) else None


def _context(placed: Placed) -> tuple[str | None, MemberType | None]:
    region: str | None = None
    kind: MemberType | None = None
    for heading in reversed(placed.headings):
        label = (counted(heading.text) or (heading.text, 0))[0]
        region = region or normalize_region(label)
        kind = kind or member_type(label)
    return region, kind


def in_members(placed: Placed) -> bool:
    """Inside a section about members: a heading that names them (not new ones), or counts a
    region or a kind of member."""
    for heading in placed.headings:
        text = heading.text
        if MEMBERS.search(text) and not NEW.search(text):
            return True
        label = (counted(text) or (None, 0))[0]
        if label and (normalize_region(label) or member_type(label)):
            return True
    return False


def _member(name: str, country: str, kind: MemberType, region: str | None, src: Source) -> Member:
    return Member(
        name=name,
        country=country,
        country_iso3=to_iso3(country),
        region=region if kind == "local_government" else None,
        member_type=kind,
        source=src,
    )


# ------------------------------------------------------------------------------------- tables


def _typed_columns(table: Table) -> set[int]:
    width = max((len(r) for r in table.rows), default=0)
    out = set()
    for col in range(width):
        cells = [r[col] for r in table.rows if col < len(r) and r[col].strip()]
        if cells and sum(1 for c in cells if _country(c)) >= _TYPED * len(cells):
            out.add(col)
    return out


def column_pairs(table: Table) -> list[tuple[int, int]]:
    """(country column, names column) pairs: "Country | Members", "Country | X | Country | X",
    or, in a table without a header, a column of country names followed by one of names. A table
    that describes its entries (area, population, leader, date) is not a list of members."""
    header = table.header
    if any(_DESCRIBES.search(cell) for cell in header):
        return []
    pairs = [
        (i, i + 1)
        for i, cell in enumerate(header[:-1])
        if _COUNTRY.search(cell) and not _COUNTRY.search(header[i + 1])
        if _NAMES.search(header[i + 1])
    ]
    if pairs or header:
        return pairs  # a header that names no names column: not a list of members
    typed = _typed_columns(table)
    return [(i, i + 1) for i in sorted(typed) if i + 1 not in typed and (i - 1) not in typed]


def _table_members(placed: Placed, table: Table, members_section: bool) -> list[Member]:
    pairs = column_pairs(table)
    if not pairs or (not members_section and not table.header):
        return []
    region, kind = _context(placed)
    found: list[Member] = []
    for index, row in enumerate(table.rows):
        for country_col, names_col in pairs:
            if names_col >= len(row) or not row[country_col].strip():
                continue
            country = " ".join(row[country_col].split())
            label = table.header[names_col] if names_col < len(table.header) else ""
            this_kind = kind or member_type(label) or "local_government"
            for name in split_names(row[names_col]):
                found.append(_member(name, country, this_kind, region, row_source(table, index)))
    return found


# ---------------------------------------------------------------- lines and country headings


def _line_members(placed: Placed, blocks: Sequence[Block]) -> list[Member]:
    """ "Country: a, b, c" lines, read over consecutive body blocks (a list that wraps goes on in
    the next line, also when the layout starts a new block there; a country alone on its line,
    "United Arab Emirates:", has its names on the next). A block that ends a sentence and does
    not open with an entry is prose: it neither holds nor continues entries."""

    def _prose(block: Block) -> bool:
        match = _LINE.match(block.lines[0]) if block.lines else None
        listed = match is not None and _country(match.group("country")) is not None
        return not listed and bool(_SENTENCE_END.search(block.text.strip()))

    entries: list[tuple[str, str, Block]] = []
    for block in blocks:
        if _prose(block):
            if entries:
                entries.append(("", "", block))  # nothing goes on across prose
            continue
        for line in block.lines:
            match = _LINE.match(line)
            country = _country(match.group("country")) if match else None
            if match and country:
                entries.append((country, match.group("names"), block))
            elif entries and entries[-1][0]:
                last = entries[-1]
                entries[-1] = (last[0], join_lines([last[1], line]).strip(), last[2])
    region, kind = _context(placed)
    this_kind = kind or "local_government"
    found = []
    for country, names, block in entries:
        if country:
            src = source(block, text=f"{country}: {names}")
            found += [_member(n, country, this_kind, region, src) for n in split_names(names)]
    return found


def _heading_members(ctx: Context, placed: Placed, heading: Block) -> list[Member]:
    """A country sub-heading over its names: a comma-separated paragraph or one name a line."""
    country = _country(heading.text)
    if country is None:
        return []
    region, kind = _context(placed)
    this_kind = kind or "local_government"
    found: list[Member] = []
    for item in section_items(ctx, heading):
        block = item.item
        if not isinstance(block, Block) or block.role is BlockRole.HEADING:
            break
        text = block.text
        names = split_names(text) if "," in text or len(block.lines) == 1 else list(block.lines)
        src = source(block)
        found += [_member(" ".join(n.split()), country, this_kind, region, src) for n in names]
    return found


_COUNTS_MEMBERS = re.compile(r"^(?:[\w'’-]+\s+){0,2}?members\b", re.IGNORECASE)


def _tile_totals(ctx: Context) -> list[StatedTotal]:
    """A tile that counts members: a whole number without unit over a label that names the
    members it counts ("214" over "members as of December 2023", "WeGO members"; not "USD 3.4M"
    over "raised for member city projects")."""
    out = []
    for placed in ctx.tiles():
        tile = placed.item
        if not isinstance(tile, Tile) or NEW.search(tile.label):
            continue
        quantity = parse_quantity(tile.value_text)
        if not _COUNTS_MEMBERS.match(tile.label.strip()) or quantity is None or quantity.unit:
            continue
        if isinstance(quantity.value, int):
            kind = member_type(tile.label)
            scope = TYPE_SCOPES[kind] if kind else "members.total"
            source = Source(tile.page_number, tile.bbox, tile.label)
            out.append(StatedTotal(scope, quantity.value, source))
    return out


def extract(ctx: Context) -> Overview:
    totals, regions = heading_totals(ctx)
    members: list[Member] = []
    lines: list[Block] = []  # consecutive body blocks of a members section
    last: Placed | None = None

    def flush() -> None:
        if lines and last is not None:
            members.extend(_line_members(last, lines))
        lines.clear()

    for placed in ctx.items:
        item = placed.item
        if isinstance(item, KeyValues):
            continue  # the same lines, read as blocks
        section = in_members(placed)
        if isinstance(item, Block) and item.role is BlockRole.BODY and section:
            if last is not None and last.headings != placed.headings:
                flush()
            lines.append(item)
            last = placed
            continue
        flush()
        if isinstance(item, Table):
            members.extend(_table_members(placed, item, section))
        elif isinstance(item, Block) and section and item.role is BlockRole.HEADING:
            members.extend(_heading_members(ctx, placed, item))
    flush()
    stated = {t.scope for t in totals}
    for extra in (*prose_totals(ctx), *_tile_totals(ctx)):
        if extra.scope not in stated:
            totals.append(extra)
            stated.add(extra.scope)
    return Overview(totals, regions, members)
