"""Countries met through diplomatic channels: in a section about embassies, ambassadors or
diplomatic corps, every block, list item or table cell that is just a country's name. A list of
names separated by commas may run from one block into another (a column or page break), even
inside a name ("... Dominican" / "Republic, Ecuador ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extractors.flow import Placed
from extractors.model import Block, BlockRole, Table
from extractors.normalize.countries import all_country_names, to_iso3
from extractors.records import DiplomaticCountry, Source
from extractors.sections.base import Context, row_source

CUE = re.compile(r"\b(diplomat\w*|embass\w*|ambassadors?|consul\w*)\b", re.I)
# a bullet, also one set in a symbol font's private-use code points (U+F0B7 and the like)
_BULLET = re.compile(r"^[\s•·●▪■◦○*–—\-\ue000-\uf8ff]+")
_SEPARATORS = re.compile(r"\s*[,;•·|]\s*(?:and\s+)?")
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)


def _name(text: str) -> str:
    text = _BULLET.sub("", " ".join(text.split())).strip(" ,.;")
    return text.title() if text.isupper() else text


def _country(text: str) -> tuple[str, str] | None:
    name = _name(text)
    if not name or len(name.split()) > 5 or not name[0].isupper():
        return None
    iso3 = to_iso3(name)
    return (name, iso3) if iso3 else None


def _parts(text: str) -> list[str]:
    """The items of a list separated by commas, semicolons, bullets or bars, or by "and" where
    the words around it are no one name ("Peru and Chile", not "Trinidad and Tobago"); a
    trailing comma, where the list runs on in another block, leaves no empty item."""
    parts = []
    for part in _SEPARATORS.split(text.strip(" .,;")):
        pieces = _AND.split(part)
        parts.extend(pieces if len(pieces) > 1 and not _country(part) else [part])
    return [part for part in parts if part.strip()]


@dataclass
class _Listed:
    """A block of the section and the items of the comma list it may be."""

    block: Block
    headings: tuple[str, ...]
    parts: list[str]


def _mend(listed: Sequence[_Listed]) -> None:
    """Join a name broken between two list blocks: a block whose first item is no country
    continues the list of a block (under the same headings) whose last item joined with it is
    one."""
    for later in listed:
        if len(later.parts) < 2 or _country(later.parts[0]):
            continue
        for earlier in listed:
            if earlier is later or earlier.headings != later.headings or len(earlier.parts) < 2:
                continue
            joined = f"{earlier.parts[-1]} {later.parts[0]}"
            if _country(joined):
                earlier.parts[-1] = joined
                del later.parts[0]
                break


def _lines_listed(block: Block) -> bool:
    """Is the block a list of one name a line? At least half of its lines are countries (a
    line of prose that happens to read as one, "Republic of Korea to", is not a list)."""
    lines = [line for line in block.lines if line.strip()]
    return bool(lines) and 2 * sum(1 for line in lines if _country(line)) >= len(lines)


def _texts(entry: _Listed) -> list[str]:
    """The texts of a block that may each be one country's name: the block itself, the items
    of its comma list, or its lines."""
    block = entry.block
    # a name may wrap over two lines ("DOMINICAN / REPUBLIC"), each line be one name, or the
    # names be one comma-separated list
    whole = _country(block.text) if len(block.lines) <= 2 else None
    if not whole and len(entry.parts) >= 2 and all(_country(p) for p in entry.parts):
        return entry.parts
    if whole:
        return [block.text]
    return list(block.lines) if _lines_listed(block) else []


def _from_block(entry: _Listed) -> list[DiplomaticCountry]:
    found = []
    for text in _texts(entry):
        if hit := _country(text):
            source = Source(entry.block.page_number, entry.block.bbox, text)
            found.append(DiplomaticCountry(hit[0], hit[1], source))
    return found


@cache
def _written() -> frozenset[str]:
    return frozenset(name.casefold() for name, _ in all_country_names())


def _run_of_names(text: str) -> list[str]:
    """The countries a cell is made of, one after another: the cell itself if it is one name,
    or its words cut into written country names that use them all ("Uruguay Uzbekistan
    Zambia", the lines of a list merged into one cell); none where any word belongs to no name
    (prose). The cut takes names as written, no demonym or near match ("Dominican Republic
    Ecuador", not "Dominican" / "Republic Ecuador")."""
    if _country(text):
        return [text]
    words = [w for w in (_BULLET.sub("", w) for w in text.split()) if w]
    # best[i]: the fewest names that use up the first i words, None where no cut does
    best: list[list[str] | None] = [[]] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(max(0, end - 5), end):
            name = " ".join(words[start:end])
            before = best[start]
            if before is None or _name(name).casefold() not in _written():
                continue
            if (now := best[end]) is None or len(before) + 1 < len(now):
                best[end] = [*before, name]
    return found if len(words) > 1 and (found := best[-1]) else []


def _from_table(table: Table) -> list[DiplomaticCountry]:
    """Countries in the cells of a table; a header row that names countries (no header at all,
    a list or a page laid out in a grid read as one table) counts as well."""
    found = []
    for cell in table.header:
        for text in _run_of_names(cell):
            if hit := _country(text):
                source = Source(table.pages[0], table.bbox, text)
                found.append(DiplomaticCountry(hit[0], hit[1], source))
    for r, row in enumerate(table.rows):
        for cell in row:
            for text in _run_of_names(cell):
                if hit := _country(text):
                    where = row_source(table, r)
                    found.append(
                        DiplomaticCountry(hit[0], hit[1], Source(where.page, where.bbox, text))
                    )
    return found


def _inside(ctx: Context) -> list[Placed]:
    return [p for p in ctx.items if any(CUE.search(h.text) for h in p.headings)]


def extract(ctx: Context) -> list[DiplomaticCountry]:
    items: list[_Listed | Table] = []
    for placed in _inside(ctx):
        item = placed.item
        if isinstance(item, Block) and item.role is not BlockRole.HEADING:
            headings = tuple(h.text for h in placed.headings)
            items.append(_Listed(item, headings, _parts(item.text)))
        elif isinstance(item, Table):
            items.append(item)
    _mend([item for item in items if isinstance(item, _Listed)])
    unique: dict[str, DiplomaticCountry] = {}
    for entry in items:
        for country in _from_table(entry) if isinstance(entry, Table) else _from_block(entry):
            unique.setdefault(country.country_iso3 or country.name, country)
    return list(unique.values())
