"""Member overview: stated totals, region totals and every listed member.

Cues: headings that state a count ("LOCAL GOVERNMENTS | 160", "Africa (45)", "210 Members as of
..."), sentences that state totals ("214 members: 163 local governments, 17 institutions and 34
corporations"), and tables whose header pairs a country column with a names column."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.flow import Placed
from extractors.model import Block, BlockRole, Table
from extractors.normalize.countries import normalize_region, to_iso3
from extractors.records import Member, MemberType, RegionTotal, StatedTotal
from extractors.sections.base import Context, row_source, source
from extractors.sections.vocabulary import (
    HEDGES,
    MEMBERS,
    NEW,
    counted,
    member_type,
    split_names,
)

_COUNTRY = re.compile(r"\b(country|countries|nation)\b", re.IGNORECASE)
_NAMES = re.compile(
    r"\b(members?|cit(y|ies)|municipalit\w*|local|governments?|institutions?|organi[sz]ations?|"
    r"compan(y|ies)|corporations?|names?|entities|regions?|provinces?)\b",
    re.IGNORECASE,
)
_DESCRIBES = re.compile(r"\b(area|population|inhabitants|leader|mayor|date|signed|joined)\b", re.I)
_TYPE_SCOPES = {
    "local_government": "members.local_governments",
    "institution": "members.institutions",
    "corporation": "members.corporations",
}
_PROSE_COUNT = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?P<what>(?:new\s+)?members?|local governments?|"
    r"cit(?:y|ies)|municipalit(?:y|ies)|institutions?|corporations?|compan(?:y|ies))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Overview:
    totals: list[StatedTotal]
    regions: list[RegionTotal]
    members: list[Member]


def _heading_totals(ctx: Context) -> tuple[list[StatedTotal], list[RegionTotal]]:
    totals: list[StatedTotal] = []
    regions: list[RegionTotal] = []
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.HEADING:
            continue
        found = counted(block.text)
        if found is None:
            continue
        label, n = found
        region = normalize_region(label)
        kind = member_type(label)
        if region:
            regions.append(RegionTotal(region, n, source(block)))
        elif kind:
            totals.append(StatedTotal(_TYPE_SCOPES[kind], n, source(block)))
        elif MEMBERS.search(label) and not NEW.search(label):
            totals.append(StatedTotal("members.total", n, source(block)))
    return totals, regions


def _prose_totals(ctx: Context) -> list[StatedTotal]:
    """Totals stated in one sentence: a member count and at least one count by type."""
    totals: list[StatedTotal] = []
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.BODY:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", block.text):
            found: list[StatedTotal] = []
            for match in _PROSE_COUNT.finditer(sentence):
                if HEDGES.search(sentence[: match.start()]):
                    continue
                what, n = match.group("what"), int(match.group("n").replace(",", ""))
                if NEW.search(what):
                    continue
                kind = member_type(_plural(what))
                scope = _TYPE_SCOPES[kind] if kind else "members.total"
                found.append(StatedTotal(scope, n, source(block, text=sentence)))
            scopes = {t.scope for t in found}
            if "members.total" in scopes and len(scopes) > 1:
                totals.extend(found)
    return totals


def _plural(word: str) -> str:
    """'1 city' counts like '11 cities' (the type vocabulary names kinds in the plural)."""
    return re.sub(r"\b(cit|compan|municipalit)y\b", r"\1ies", word, flags=re.IGNORECASE)


def _column_pairs(header: tuple[str, ...]) -> list[tuple[int, int]]:
    """(country column, names column) pairs: "Country | Members" or "Country | X | Country | X".
    A table that also describes its entries (area, population, leader, date) is not a list of
    members: it is a new-members table or something else."""
    if any(_DESCRIBES.search(cell) for cell in header):
        return []
    pairs = []
    for i, cell in enumerate(header[:-1]):
        names = header[i + 1]
        if _COUNTRY.search(cell) and not _COUNTRY.search(names) and _NAMES.search(names):
            pairs.append((i, i + 1))
    return pairs


def _context(placed: Placed) -> tuple[str | None, MemberType | None]:
    region: str | None = None
    kind: MemberType | None = None
    for heading in reversed(placed.headings):
        label = (counted(heading.text) or (heading.text, 0))[0]
        region = region or normalize_region(label)
        kind = kind or member_type(label)
    return region, kind


def _table_members(placed: Placed, table: Table) -> list[Member]:
    pairs = _column_pairs(table.header)
    if not pairs:
        return []
    region, kind = _context(placed)
    members: list[Member] = []
    for index, row in enumerate(table.rows):
        for country_col, names_col in pairs:
            if names_col >= len(row) or not row[country_col].strip():
                continue
            country = " ".join(row[country_col].split())
            this_kind = kind or member_type(table.header[names_col]) or "local_government"
            for name in split_names(row[names_col]):
                members.append(
                    Member(
                        name=name,
                        country=country,
                        country_iso3=to_iso3(country),
                        region=region if this_kind == "local_government" else None,
                        member_type=this_kind,
                        source=row_source(table, index),
                    )
                )
    return members


def extract(ctx: Context) -> Overview:
    heading_totals, regions = _heading_totals(ctx)
    members: list[Member] = []
    for placed in ctx.tables():
        if isinstance(placed.item, Table):
            members.extend(_table_members(placed, placed.item))
    totals = heading_totals + [
        t for t in _prose_totals(ctx) if t.scope not in {h.scope for h in heading_totals}
    ]
    return Overview(totals, regions, members)
