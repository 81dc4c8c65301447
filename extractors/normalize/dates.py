"""Dates and date ranges as reports write them, with the report's year as the default.

Recognized shapes (month names full or abbreviated, any case, optional dot: "Sept.", "SEP", "Oct."):
- single dates: "April 19, 2021", "19 April 2021", "19th of April", "Apr 19", "2021-04-19",
  "2021.04.19", "19/04/2021" (numeric dates need a four-digit year);
- ranges: "September 27 - October 8, 2021", "SEP 27- OCT 8", "June 22-24, 2021", "22-24 June 2021",
  "22 June – 3 July 2021", "2021-04-19 to 2021-04-22"; the separator is a hyphen, en or em dash,
  "~", "to", "until", "till", "through" or "thru".

Years: a year written on the end of a range applies to its start; a year written on the start
applies to its end; otherwise `default_year` (the report's year) is used, and a date with no year at
all is dropped when there is no default. When the inferred year puts the end before the start and
the months wrap (December -> January), the end rolls into the next year (or, if only the end's year
was written, the start into the previous one). A range that still ends before it starts is rejected
whole (it is not read as its start date).

Not recognized (by design, to stay predictable): month-only dates and ranges ("February to September
2020", "April 2021"), two-digit years, weekday-only references, relative dates ("last May").
Ambiguous numeric dates ("05/04/2021") are month-first unless `dayfirst=True`; a first number above
12 is always a day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from dateutil import parser as dateutil_parser

DateRange = tuple[date, date]

_PARSERINFO = dateutil_parser.parserinfo()
_DEFAULT = datetime(2000, 1, 1)

_MONTH_NAMES = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    # "may" is a common verb: only "May" / "MAY" count as the month.
    r"|May|MAY"
)
_SEP = r"\s*(?:[-–—~‐‑]|(?<![A-Za-z])(?i:to|until|till|through|thru)(?![A-Za-z]))\s*"
_YEAR_SEP = r",?\s*"


def _month(n: int) -> str:
    # A dot belongs to abbreviations ("Oct.", "Sept."); after "December" it ends the sentence.
    abbreviation_dot = r"(?:(?<![A-Za-z]{5})(?<!(?i:june|july))\.)?"
    return rf"(?<![A-Za-z])(?P<m{n}>{_MONTH_NAMES}){abbreviation_dot}(?![A-Za-z])"


def _day(n: int) -> str:
    return rf"(?<![\d.,])(?P<d{n}>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![A-Za-z])"


def _year(n: int) -> str:
    return rf"(?:{_YEAR_SEP}(?P<y{n}>(?:1[89]|2\d)\d\d)(?!\d))?"


def _numeric(n: int) -> str:
    return (
        rf"(?<![\d./-])(?P<n{n}>\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
        rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})(?![./-]?\d)"
    )


def _md(n: int) -> str:
    return rf"{_month(n)}\s*{_day(n)}"


def _dm(n: int) -> str:
    return rf"{_day(n)}(?:\s+of)?\s*{_month(n)}"


# Shape name -> pattern. Every shape fills m1/d1 (or n1) and, for ranges, m2/d2 (or n2); a missing
# month or year on one side is copied from the other.
_SHAPES: dict[str, str] = {
    "md_md": rf"{_md(1)}{_year(1)}{_SEP}{_md(2)}{_year(2)}",
    "dm_dm": rf"{_dm(1)}{_year(1)}{_SEP}{_dm(2)}{_year(2)}",
    "md_d": rf"{_md(1)}{_SEP}{_day(2)}{_year(2)}",
    "d_dm": rf"{_day(1)}{_SEP}{_dm(2)}{_year(2)}",
    "n_n": rf"{_numeric(1)}{_SEP}{_numeric(2)}",
    "md": rf"{_md(1)}{_year(1)}",
    "dm": rf"{_dm(1)}{_year(1)}",
    "n": _numeric(1),
}
_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (priority, re.compile(pattern)) for priority, pattern in enumerate(_SHAPES.values())
)


# a month name a narrow table cell broke without a hyphen: "Septemb er", "Nov ember"
_MONTH_SPLIT = re.compile(r"\b([A-Za-z]{3,8}) ([a-z]{1,6})\b")
_FULL_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _mend_month(match: re.Match[str]) -> str:
    joined = match.group(1) + match.group(2)
    return joined if joined.casefold() in _FULL_MONTHS else match.group(0)


# ---- public API -------------------------------------------------------------------------------


def parse_date(
    text: str, default_year: int | None = None, *, dayfirst: bool = False
) -> date | None:
    """The first date written in `text` (the start, if it is a range), or None."""
    found = find_dates(text, default_year, dayfirst=dayfirst)
    return found[0][0] if found else None


def parse_date_range(
    text: str, default_year: int | None = None, *, dayfirst: bool = False
) -> DateRange | None:
    """The first date or range in `text` as (start, end); a single date gives (d, d)."""
    found = find_dates(text, default_year, dayfirst=dayfirst)
    return (found[0][0], found[0][1]) if found else None


def find_dates(
    text: str, default_year: int | None = None, *, dayfirst: bool = False
) -> list[tuple[date, date, str]]:
    """Every date or range in `text` as (start, end, matched text), in order of appearance.

    Overlapping candidates are resolved leftmost-longest, so "June 22-24, 2021" is one range, not
    two dates. Month-only ranges ("from February to September 2020") are skipped, as are dates
    with no year when `default_year` is None.
    """
    if not isinstance(text, str) or not text:
        return []
    text = _MONTH_SPLIT.sub(_mend_month, text)
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    for priority, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            candidates.append((match.start(), -match.end(), priority, match))
    candidates.sort(key=lambda c: c[:3])
    results: list[tuple[date, date, str]] = []
    taken_until = -1
    for start, _, _, match in candidates:
        if start < taken_until:
            continue
        try:
            resolved = _resolve(match, default_year, dayfirst)
        except _Inconsistent:
            # A range that ends before it starts is rejected whole, not read as its start date.
            taken_until = match.end()
            continue
        if resolved is None:
            continue
        results.append((resolved[0], resolved[1], match.group(0).strip()))
        taken_until = match.end()
    return results


# ---- helpers ----------------------------------------------------------------------------------


class _Inconsistent(Exception):
    """A range whose end is before its start even after rolling over a year end."""


_Parts = tuple[int | None, int | None, int | None]  # year, month, day


def _resolve(match: re.Match[str], default_year: int | None, dayfirst: bool) -> DateRange | None:
    groups = match.groupdict()
    if groups.get("n1"):
        return _resolve_numeric(groups, dayfirst)
    first = _parts(groups, 1)
    if "d2" not in groups:
        return _single(first, default_year)
    second = _parts(groups, 2)
    # "June 22-24": the month is written once; "22-24 June": likewise on the other side.
    y1, m1, d1 = first
    y2, m2, d2 = second
    return _range((y1, m1 or m2, d1), (y2, m2 or m1, d2), default_year)


def _parts(groups: dict[str, str | None], n: int) -> _Parts:
    month_name = groups.get(f"m{n}")
    day = groups.get(f"d{n}")
    year = groups.get(f"y{n}")
    month = _PARSERINFO.month(month_name) if month_name else None
    return (int(year) if year else None, month, int(day) if day else None)


def _single(parts: _Parts, default_year: int | None) -> DateRange | None:
    year, month, day = parts
    day_ = _date(year or default_year, month, day)
    return (day_, day_) if day_ else None


def _range(first: _Parts, second: _Parts, default_year: int | None) -> DateRange | None:
    (y1, m1, d1), (y2, m2, d2) = first, second
    if y1 is None and y2 is None:
        y1 = y2 = default_year
        roll: Callable[[date, date], DateRange] = _roll_end_forward
    elif y1 is None:
        y1 = y2
        roll = _roll_start_back
    elif y2 is None:
        y2 = y1
        roll = _roll_end_forward
    else:
        roll = _no_roll
    start, end = _date(y1, m1, d1), _date(y2, m2, d2)
    if start is None or end is None:
        return None
    if end < start:
        return roll(start, end)
    return start, end


def _roll_end_forward(start: date, end: date) -> DateRange:
    rolled = _date(end.year + 1, end.month, end.day) if end.month < start.month else None
    if rolled is None:
        raise _Inconsistent
    return start, rolled


def _roll_start_back(start: date, end: date) -> DateRange:
    rolled = _date(start.year - 1, start.month, start.day) if end.month < start.month else None
    if rolled is None:
        raise _Inconsistent
    return rolled, end


def _no_roll(start: date, end: date) -> DateRange:
    raise _Inconsistent


def _resolve_numeric(groups: dict[str, str | None], dayfirst: bool) -> DateRange | None:
    start = _numeric_date(groups["n1"] or "", dayfirst)
    end = _numeric_date(groups["n2"] or "", dayfirst) if "n2" in groups else start
    if start is None or end is None:
        return None
    if end < start:
        raise _Inconsistent
    return start, end


def _numeric_date(text: str, dayfirst: bool) -> date | None:
    yearfirst = bool(re.match(r"\d{4}", text))
    try:
        parsed: datetime = dateutil_parser.parse(
            text, dayfirst=dayfirst, yearfirst=yearfirst, default=_DEFAULT
        )
    except (ValueError, OverflowError):
        return None
    return parsed.date()


def _date(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
