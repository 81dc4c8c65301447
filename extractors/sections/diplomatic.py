"""Countries met through diplomatic channels: in a section about embassies, ambassadors or
diplomatic corps, every block, list item or table cell that is just a country's name."""

from __future__ import annotations

import re

from extractors.model import Block, BlockRole, Table
from extractors.normalize.countries import to_iso3
from extractors.records import DiplomaticCountry, Source
from extractors.sections.base import Context, row_source

CUE = re.compile(r"\b(diplomat\w*|embass\w*|ambassadors?|consul\w*)\b", re.I)
_BULLET = re.compile(r"^[\s•·●▪■◦○*–—-]+")
_SEPARATORS = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+")


def _name(text: str) -> str:
    text = _BULLET.sub("", " ".join(text.split())).strip(" ,.;")
    return text.title() if text.isupper() else text


def _country(text: str) -> tuple[str, str] | None:
    name = _name(text)
    if not name or len(name.split()) > 5 or not name[0].isupper():
        return None
    iso3 = to_iso3(name)
    return (name, iso3) if iso3 else None


def extract(ctx: Context) -> list[DiplomaticCountry]:
    found: list[DiplomaticCountry] = []
    for placed in ctx.items:
        if not any(CUE.search(h.text) for h in placed.headings):
            continue
        item = placed.item
        if isinstance(item, Block) and item.role is not BlockRole.HEADING:
            # a name may wrap over two lines ("DOMINICAN / REPUBLIC"), each line be one name, or
            # the names be one comma-separated list
            whole = _country(item.text) if len(item.lines) <= 2 else None
            listed = _SEPARATORS.split(item.text.strip(" ."))
            if not whole and len(listed) >= 2 and all(_country(p) for p in listed):
                texts = listed
            else:
                texts = [item.text] if whole else list(item.lines)
            for text in texts:
                if hit := _country(text):
                    found.append(
                        DiplomaticCountry(hit[0], hit[1], Source(item.page_number, item.bbox, text))
                    )
        elif isinstance(item, Table):
            for r, row in enumerate(item.rows):
                for cell in row:
                    if hit := _country(cell):
                        where = row_source(item, r)
                        found.append(
                            DiplomaticCountry(hit[0], hit[1], Source(where.page, where.bbox, cell))
                        )
    unique: dict[str, DiplomaticCountry] = {}
    for country in found:
        unique.setdefault(country.country_iso3 or country.name, country)
    return list(unique.values())
