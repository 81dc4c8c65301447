"""New members: cards ("Name (Country)" then "Area: ...", "Population: ...", "Mayor: ...") or a
table whose header names population, area or leader columns, in a section about new members."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.model import Block, BlockRole, KeyValues, Table
from extractors.normalize.countries import to_iso3
from extractors.normalize.numbers import parse_quantity
from extractors.records import MemberType, NewMember, Source
from extractors.sections.base import Context, header_index, row_source

# a heading about members who joined: "New Members", "Welcoming New Members", "Joined This
# Year", "Newcomers" (but not the events the organization joined)
CUE = re.compile(
    r"\bnew\s+members?\b|\bnewly\s+joined\b|\bwelcom\w*\b|\bnewcomers?\b|"
    r"^(?!.*\b(events?|conferences?|forums?)\b).*\bjoin(ed|ing)\b",
    re.I,
)
_TITLED = re.compile(r"^(?P<name>.+?)\s*\((?P<country>[^()]+)\)$")
_FACT = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z .'-]{1,30}?)\s*:\s*(?P<value>.+)$")
_AREA = re.compile(r"\b(area|surface|size)\b", re.I)
_POPULATION = re.compile(r"\b(population|inhabitants|residents)\b", re.I)
LEADER_TITLES = re.compile(
    r"^(?P<title>(?:(?:deputy|vice|acting|lord|executive)\s+)?(?:mayor|akim|governor|president|"
    r"chairman|chairperson|chair|head|leader|prefect|intendente|alcalde|ceo|director|"
    r"chief executive|secretary general|rector|chief minister|minister))\b",
    re.I,
)
_CORPORATE = re.compile(
    r"\b(ltd|limited|inc|corp|corporation|co\.|company|gmbh|llc|plc|s\.a\.|ag|solutions|"
    r"technologies|systems|group|labs?)\b",
    re.I,
)
_INSTITUTE = re.compile(
    r"\b(universit\w*|institut\w*|agency|foundation|association|council|authority|centre|center|"
    r"academy|school|network|ministry|bank)\b",
    re.I,
)


def _kind(name: str, has_facts: bool) -> MemberType:
    if has_facts:
        return "local_government"
    if _CORPORATE.search(name):
        return "corporation"
    if _INSTITUTE.search(name):
        return "institution"
    return "corporation"


def _leader(value: str, title: str | None = None) -> tuple[str | None, str | None]:
    value = " ".join(value.split())
    if title:
        return title.strip().title(), value or None
    match = LEADER_TITLES.match(value)
    if match:
        return match.group("title").title(), value[match.end() :].strip(" :,") or None
    return None, value or None


_TO_KM2 = {"km2": 1.0, "ha": 0.01, "m2": 1e-6}


def _number(text: str | None) -> int | float | None:
    if not text or not any(c.isdigit() for c in text):
        return None
    quantity = parse_quantity(text)
    return quantity.value if quantity else None


def _area(text: str | None) -> int | float | None:
    """An area in km², converted from hectares or square metres when so written."""
    if not text or not any(c.isdigit() for c in text):
        return None
    quantity = parse_quantity(text)
    if quantity is None:
        return None
    km2 = quantity.value * _TO_KM2.get(quantity.unit or "km2", 1.0)
    return int(km2) if float(km2).is_integer() else round(km2, 6)


def _member(title: str, pairs: Sequence[tuple[str, str]], source: Source) -> NewMember | None:
    """A new member from a card: its "Name (Country)" title and its facts (key, value)."""
    match = _TITLED.match(title)
    if not match or to_iso3(match.group("country")) is None:
        return None
    facts: dict[str, str] = {}
    leader: tuple[str | None, str | None] = (None, None)
    for key, value in pairs:
        if _AREA.search(key):
            facts["area"] = value
        elif _POPULATION.search(key):
            facts["population"] = value
        elif LEADER_TITLES.match(key):
            leader = _leader(value, key)
    population = _number(facts.get("population"))
    name = match.group("name").strip()
    return NewMember(
        name=name,
        country=match.group("country").strip(),
        kind=_kind(name, bool(facts) or leader != (None, None)),
        area_km2=_area(facts.get("area")),
        population=int(population) if population is not None else None,
        leader_title=leader[0],
        leader_name=leader[1],
        source=source,
    )


def _title_before(ctx: Context, index: int) -> Block | None:
    """The heading or short line right before a card's facts in the flow."""
    for placed in reversed(ctx.items[max(0, index - 3) : index]):
        item = placed.item
        if isinstance(item, Block) and _TITLED.match(item.text):
            return item
    return None


def _cards(ctx: Context) -> list[NewMember]:
    """Cards: the document model's key/value structures under a new-members heading, and
    "Name (Country)" headings there without facts (an organization's card)."""
    members: list[NewMember] = []
    titled: set[str] = set()
    for i, placed in enumerate(ctx.items):
        item = placed.item
        if not any(CUE.search(h.text) for h in placed.headings):
            continue
        if isinstance(item, KeyValues):
            heading = _title_before(ctx, i)
            title = item.title if item.title and _TITLED.match(item.title) else None
            title = title or (heading.text if heading else None)
            if title is None:
                continue
            box = heading.bbox.union(item.bbox) if heading else item.bbox
            member = _member(title, item.pairs, Source(item.page_number, box, title))
            if member:
                members.append(member)
                titled.add(title)
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.HEADING:
            continue
        if block.text in titled or not any(CUE.search(h.text) for h in placed.headings):
            continue
        member = _member(block.text, (), Source(block.page_number, block.bbox, block.text))
        if member:
            members.append(member)
    return sorted(members, key=lambda m: (m.source.page, m.source.bbox.top if m.source.bbox else 0))


_NAME_COL = re.compile(r"\b(member|name|city|organi[sz]ation|entity)\b", re.I)
_COUNTRY_COL = re.compile(r"\bcountry\b", re.I)
_LEADER_COL = re.compile(r"\b(leader|mayor|head|representative|governor)\b", re.I)


def _table(table: Table) -> list[NewMember]:
    header = table.header
    population = header_index(header, _POPULATION)
    area = header_index(header, _AREA)
    leader = header_index(header, _LEADER_COL)
    name = header_index(header, _NAME_COL)
    country = header_index(header, _COUNTRY_COL)
    if name is None or (population is None and area is None and leader is None):
        return []

    def cell(row: tuple[str, ...], col: int | None) -> str | None:
        text = row[col].strip() if col is not None and col < len(row) else ""
        return text if text and text not in {"-", "–", "—", "n/a", "N/A"} else None

    members = []
    for index, row in enumerate(table.rows):
        member_name = cell(row, name)
        if not member_name:
            continue
        pop = _number(cell(row, population))
        title, person = _leader(cell(row, leader) or "")
        has_facts = pop is not None or cell(row, area) is not None or person is not None
        members.append(
            NewMember(
                name=member_name,
                country=cell(row, country),
                kind=_kind(member_name, has_facts),
                area_km2=_area(cell(row, area)),
                population=int(pop) if pop is not None else None,
                leader_title=title,
                leader_name=person,
                source=row_source(table, index),
            )
        )
    return members


def extract(ctx: Context) -> list[NewMember]:
    members = _cards(ctx)
    for placed in ctx.tables():
        table = placed.item
        if isinstance(table, Table) and any(CUE.search(h.text) for h in placed.headings):
            members.extend(_table(table))
    return members
