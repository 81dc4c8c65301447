"""New members: cards ("Name (Country)" then "Area: ...", "Population: ...", "Mayor: ...") or a
table whose header names population, area or leader columns, in a section about new members.

A card's facts are the "Key: value" lines set under its title in the same column (read from the
document's key/value structures and from the leading lines of the blocks there), so cards laid
side by side keep their own facts whatever order the columns are read in. The leader's title is
the key of its line ("Intendant: ..."), or the job title that opens a table's leader cell (the
vocabulary of `patterns/people.json`, with the heads of local government used worldwide)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.model import BBox, Block, BlockRole, KeyValues, Table
from extractors.normalize.countries import to_iso3
from extractors.normalize.numbers import parse_quantity
from extractors.records import MemberType, NewMember, Source
from extractors.roles import recase, title_len, whole_name
from extractors.sections.base import Context, header_index, row_source

# a heading about members who joined: "New Members", "Welcoming New Members", "Joined This
# Year", "Newcomers" (but not the events the organization joined)
CUE = re.compile(
    r"\bnew\s+members?\b|\bnewly\s+joined\b|\bwelcom\w*\b|\bnewcomers?\b|"
    r"^(?!.*\b(events?|conferences?|forums?)\b).*\bjoin(ed|ing)\b",
    re.I,
)
_TITLED = re.compile(r"^(?P<name>.+?)\s*\((?P<country>[^()]+)\)$")
_FACT = re.compile(r"^\s*(?P<key>[^\W\d_][^:]{0,40}?)\s*:\s*(?P<value>\S.*)$")
_AREA = re.compile(r"\b(area|surface|size)\b", re.I)
_POPULATION = re.compile(r"\b(population|inhabitants|residents)\b", re.I)
# keys of a profile card that never name its leader, whatever their value looks like
_NOT_LEADER = re.compile(
    r"\b(country|region|province|state|type|kind|sector|website|web|e-?mail|phone|address|"
    r"contact|founded|established|joined|members?|capital|language|currency|since)\b",
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
_EMPTY = {"-", "–", "—", "n/a", "N/A"}


def _kind(name: str, has_facts: bool) -> MemberType:
    if has_facts:
        return "local_government"
    if _CORPORATE.search(name):
        return "corporation"
    if _INSTITUTE.search(name):
        return "institution"
    return "corporation"


def _is_title(words: Sequence[str]) -> bool:
    return bool(words) and title_len(words) == len(words)


def _leader(value: str) -> tuple[str | None, str | None]:
    """(title, name) of a leader cell: "Mayor Jane Roe", "Mayor: Jane Roe", "Jane Roe, Mayor"."""
    value = " ".join(value.split())
    key, colon, rest = value.partition(":")
    if colon and _is_title(recase(key)) and rest.strip():
        return " ".join(recase(key)), rest.strip()
    head, comma, tail = value.rpartition(", ")
    if comma and _is_title(recase(tail)) and whole_name(head.split()):
        return " ".join(recase(tail)), head
    words = value.split()
    k = title_len(recase(value)) if value.isupper() else title_len(words)
    if 0 < k < len(words):
        return " ".join(recase(" ".join(words[:k]))), " ".join(words[k:])
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


def _fact(key: str, value: str) -> str | None:
    """What a card's "Key: value" line gives: "area", "population", "leader" (a job title as
    key, or a person's name as value), or None."""
    if _AREA.search(key):
        return "area"
    if _POPULATION.search(key):
        return "population"
    words = recase(key)
    if _is_title(words):
        return "leader"
    if len(words) <= 4 and not _NOT_LEADER.search(key) and whole_name(recase(value)):
        return "leader?"  # a leader only on a card that also gives an area or a population
    return None


@dataclass
class _Card:
    title: str
    page: int
    bbox: BBox
    heading: bool  # set as a heading (a card without facts counts only then)
    order: int
    facts: dict[str, tuple[str, str]] = field(default_factory=dict)  # kind -> (key, value)
    box: BBox | None = None

    def add(self, pairs: Sequence[tuple[str, str]], box: BBox | None = None) -> None:
        for key, value in pairs:
            kind = _fact(key, value)
            if kind and kind not in self.facts:
                self.facts[kind] = (" ".join(key.split()), " ".join(value.split()))
        if box is not None:
            self.box = box if self.box is None else self.box.union(box)

    def member(self) -> NewMember | None:
        match = _TITLED.match(" ".join(self.title.split()))
        if not match or to_iso3(match.group("country")) is None:
            return None
        facts = {k: v for k, v in self.facts.items() if k != "leader?"}
        if "leader?" in self.facts and "leader" not in facts and facts:
            facts["leader"] = self.facts["leader?"]
        if not facts and not self.heading:
            return None  # a line "X (Country)" without facts is a card only as a heading
        population = _number(facts.get("population", ("", ""))[1])
        key, person = facts.get("leader", (None, None))
        name = match.group("name").strip()
        return NewMember(
            name=name,
            country=match.group("country").strip(),
            kind=_kind(name, bool(facts)),
            area_km2=_area(facts.get("area", ("", ""))[1]),
            population=int(population) if population is not None else None,
            leader_title=" ".join(recase(key)) if key else None,
            leader_name=person,
            source=Source(
                self.page, self.bbox.union(self.box) if self.box else self.bbox, self.title
            ),
        )


def _overlap(a: BBox, b: BBox) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _fact_lines(block: Block) -> list[tuple[str, str]]:
    """The "Key: value" facts that open a block (a card's facts, maybe run into its text)."""
    pairs = []
    for line in block.lines or (block.text,):
        match = _FACT.match(line)
        if not match or _fact(match.group("key"), match.group("value")) is None:
            break
        pairs.append((match.group("key"), match.group("value")))
    return pairs


def _cards(ctx: Context) -> list[NewMember]:
    """Cards under a new-members heading: each "Name (Country)" title with the facts set below
    it in its column, up to the next title there (the nearest title above a fact block owns it;
    a block with no title above on its page continues the card before it in reading order)."""
    cards: list[_Card] = []
    sources: list[tuple[int, int, BBox, Sequence[tuple[str, str]]]] = []
    for i, placed in enumerate(ctx.items):
        item = placed.item
        if not any(CUE.search(h.text) for h in placed.headings):
            continue
        if isinstance(item, Block) and item.role in (BlockRole.HEADING, BlockRole.BODY):
            match = _TITLED.match(" ".join(item.text.split()))
            if match and (item.role is BlockRole.HEADING or to_iso3(match.group("country"))):
                heading = item.role is BlockRole.HEADING  # a titled heading ends the card
                cards.append(_Card(item.text, item.page_number, item.bbox, heading, i))
                continue  # above, even when it names no country

            pairs: Sequence[tuple[str, str]] = _fact_lines(item)
        elif isinstance(item, KeyValues):
            pairs = item.pairs
        else:
            continue
        if pairs:
            sources.append((i, item.page_number, item.bbox, pairs))
    for i, page, box, pairs in sources:
        above = [
            c
            for c in cards
            if c.page == page
            and c.bbox.top < box.top
            and c.bbox.bottom <= box.top + 2
            and _overlap(c.bbox, box) > 0
        ]
        before = [c for c in cards if c.order < i]
        owner = max(above, key=lambda c: c.bbox.bottom, default=None)
        if owner is None and before:
            owner = before[-1]
        if owner is not None:
            owner.add(pairs, box)
    members = [m for m in (c.member() for c in cards) if m]
    return sorted(members, key=lambda m: (m.source.page, m.source.bbox.top if m.source.bbox else 0))


_NAME_COL = re.compile(r"\b(member|name|city|organi[sz]ation|entity)\b", re.I)
_COUNTRY_COL = re.compile(r"\bcountry\b", re.I)
_LEADER_COL = re.compile(r"\b(leader|mayor|head|representative|governor)\b", re.I)


def _rows(table: Table, name: int, country: int | None) -> list[tuple[int, list[str]]]:
    """The body rows, a row that only carries on the cells of the one above merged into it: its
    other cells blank, and its country cell blank or the end of the country begun above ("United"
    / "Kingdom"), as when a long name wraps and the table model splits the lines into rows."""
    out: list[tuple[int, list[str]]] = []
    for index, row in enumerate(table.rows):
        cells = [c.strip() for c in row]
        others = [c for j, c in enumerate(cells) if j not in (name, country)]
        if out and name < len(cells) and cells[name] and not any(others):
            previous = out[-1][1]
            ctry = cells[country] if country is not None and country < len(cells) else ""
            joined = f"{previous[country]} {ctry}".strip() if country is not None else ""
            if not ctry or (to_iso3(ctry) is None and to_iso3(joined) is not None):
                previous[name] = f"{previous[name]} {cells[name]}".strip()
                if country is not None and ctry:
                    previous[country] = joined
                continue
        out.append((index, cells))
    return out


def _table(table: Table) -> list[NewMember]:
    header = [" ".join(h.split()) for h in table.header]
    squeezed = ["".join(h.split()) for h in header]  # "Populatio n": letters set apart

    def column(cue: re.Pattern[str]) -> int | None:
        found = header_index(header, cue)
        return found if found is not None else header_index(squeezed, cue)

    population = column(_POPULATION)
    area = column(_AREA)
    leader = column(_LEADER_COL)
    name = column(_NAME_COL)
    country = column(_COUNTRY_COL)
    if name is None or (population is None and area is None and leader is None):
        return []

    def cell(row: Sequence[str], col: int | None) -> str | None:
        text = row[col].strip() if col is not None and col < len(row) else ""
        return text if text and text not in _EMPTY else None

    members = []
    for index, row in _rows(table, name, country):
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


def _card_grid(table: Table) -> list[NewMember]:
    """Boxed cards set side by side that the document model read as a table: a column whose
    lines begin with a "Name (Country)" title (its parenthesis maybe closed on the next line),
    the "Key: value" facts under it."""
    members = []
    for col, head in enumerate(table.header):
        lines = [head] + [
            line
            for row in table.rows
            if col < len(row)
            for line in row[col].splitlines()
            if line.strip()
        ]
        title = " ".join(lines[0].split())
        used = 1
        while title.count("(") > title.count(")") and used < len(lines):
            title, used = f"{title} {' '.join(lines[used].split())}", used + 1
        card = _Card(title, table.pages[0], table.bbox, True, 0)
        facts = []
        for line in lines[used:]:
            match = _FACT.match(line)
            if not match:
                break
            facts.append((match.group("key"), match.group("value")))
        card.add(facts)
        member = card.member()
        if member is not None:
            members.append(member)
    return members


def extract(ctx: Context) -> list[NewMember]:
    members = _cards(ctx)
    for placed in ctx.tables():
        table = placed.item
        if isinstance(table, Table) and any(CUE.search(h.text) for h in placed.headings):
            members.extend(_table(table) or _card_grid(table))
    return members
