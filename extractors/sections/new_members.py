"""New members: cards ("Name (Country)" then "Area: ...", "Population: ...", "Mayor: ...") or a
table whose header names population, area or leader columns, in a section about new members."""

from __future__ import annotations

import re

from extractors.flow import Placed
from extractors.model import Block, BlockRole, Table
from extractors.normalize.countries import to_iso3
from extractors.normalize.numbers import parse_quantity
from extractors.records import MemberType, NewMember, Source
from extractors.sections.base import Context, header_index, row_source, section_items

CUE = re.compile(r"\bnew\s+members?\b|\bnewly\s+joined\b|\bwelcom\w*\b.*\bmembers?\b", re.I)
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


def _card(heading: Block, items: list[Placed]) -> NewMember | None:
    match = _TITLED.match(heading.text)
    if not match or to_iso3(match.group("country")) is None:
        return None
    facts: dict[str, str] = {}
    leader: tuple[str | None, str | None] = (None, None)
    box = heading.bbox
    for placed in items:
        block = placed.item
        if not isinstance(block, Block) or block.role is BlockRole.HEADING:
            continue
        for line in block.lines:
            fact = _FACT.match(line)
            if not fact:
                continue
            key, value = fact.group("key"), fact.group("value")
            if _AREA.search(key):
                facts["area"] = value
            elif _POPULATION.search(key):
                facts["population"] = value
            elif LEADER_TITLES.match(key):
                leader = _leader(value, key)
            else:
                continue
            box = box.union(block.bbox)
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
        source=Source(heading.page_number, box, heading.text),
    )


def _cards(ctx: Context) -> list[NewMember]:
    members: list[NewMember] = []
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.HEADING:
            continue
        if not any(CUE.search(h.text) for h in placed.headings):
            continue
        member = _card(block, section_items(ctx, block))
        if member:
            members.append(member)
    return members


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
