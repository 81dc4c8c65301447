"""Short blocks that are nothing but a date: "April 19, 2021", "SEP 27- OCT 8",
"June 22, 2021 (Part 1)", "October 18 | Lisbon", "14–16 June 2023"."""

from __future__ import annotations

import re
from datetime import date

from extractors.normalize.dates import find_dates

_PART = re.compile(r"\(?\bpart\s+(?P<part>\d+|[ivx]+|one|two|three)\b\)?", re.I)
_PLACE = re.compile(r"\s*[|•·,@]\s*[^|•·,@]*$")
_TRAILING_DATE = re.compile(r"\s*[(\[]\s*(?P<date>[^()\[\]]+)\s*[)\]]\s*$")


def part_of(text: str) -> str | None:
    match = _PART.search(text)
    return match.group("part") if match else None


def date_only(text: str, year: int | None) -> tuple[date, date, str | None] | None:
    """(start, end, part) when the text is a date or range with at most a part number or a place;
    None when it says anything more."""
    text = " ".join(text.split())
    if len(text) > 60:
        return None
    part = part_of(text)
    core = _PART.sub(" ", text).strip()
    for candidate in (core, _PLACE.sub("", core)):
        dates = find_dates(candidate, year)
        if len(dates) != 1:
            continue
        start, end, matched = dates[0]
        rest = candidate.replace(matched, " ").strip(" ,.-–|")
        if not re.search(r"[A-Za-z]{3,}", rest):
            return start, end, part
    return None


def trailing_date(text: str, year: int | None) -> tuple[str, date, date] | None:
    """A heading that ends with its date in parentheses: "Network Seminar (June 29)"."""
    match = _TRAILING_DATE.search(text)
    if not match:
        return None
    when = date_only(match.group("date"), year)
    if when is None:
        return None
    return text[: match.start()].strip(), when[0], when[1]


# "Webinar Series (Part 1: 7 March 2023; Part 2: 4 April 2023)"
_PARTS_BLOCK = re.compile(r"\s*[(\[](?P<parts>[^()\[\]]*\bpart\b[^()\[\]]*)[)\]]\s*$", re.I)
_ONE_PART = re.compile(r"\bpart\s+(?P<part>\d+|[ivx]+)\s*[:–—-]\s*(?P<date>[^;]+)", re.I)


def trailing_parts(text: str, year: int | None) -> list[tuple[str, date, date]]:
    """A heading that ends with the dates of its parts: one (name (Part N), start, end) each."""
    match = _PARTS_BLOCK.search(text)
    if not match:
        return []
    name = text[: match.start()].strip()
    out = []
    for part in _ONE_PART.finditer(match.group("parts")):
        when = date_only(part.group("date"), year)
        if when is None:
            return []
        out.append((f"{name} (Part {part.group('part')})", when[0], when[1]))
    return out
