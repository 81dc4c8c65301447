"""Consistency checks of a content file (`spec.Content`), run when it is loaded.

Each check raises `ValueError` (pydantic turns it into a `ValidationError`) naming what is wrong:
duplicate names, lists that disagree with their stated counts without a note saying why, dates
outside the report's year, ISO codes that do not exist, stated counts the text never states, prose
people whose names are not in the prose, and renames whose old names the prose does not mention.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import pycountry

if TYPE_CHECKING:
    from reportgen.matrix.spec import Content, CountryGroup, Members

_SINGLE = (
    "about",
    "figures",
    "members",
    "new_members",
    "agreements",
    "organized_events",
    "partner_events",
    "awards",
    "diplomatic",
    "contents",
)
_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)


def _unique(what: str, names: Iterable[object]) -> None:
    repeated = [n for n, k in Counter(names).items() if k > 1]
    if repeated:
        raise ValueError(f"{what}: repeated {repeated}")


def prose(content: Content) -> Iterator[str]:
    """Every paragraph of the content (section prose, event prose, descriptions)."""
    for section in content.sections:
        yield from getattr(section, "paragraphs", ())
        yield from getattr(section, "closing", ())
        for event in getattr(section, "events", ()):
            yield from getattr(event, "paragraphs", ())
        for member in getattr(section, "members", ()):
            if getattr(member, "description", ""):
                yield member.description
        for agreement in getattr(section, "agreements", ()):
            yield agreement.text
        note = getattr(section, "corporations_note", None)
        if note:
            yield note


def states(texts: Iterable[str], n: int) -> bool:
    """Whether one of the texts writes the number n (digits, or a word up to twenty)."""
    words = [f"{n:,}", str(n)] + ([_WORDS[n]] if n < len(_WORDS) else [])
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    return any(pattern.search(t) for t in texts)


def _groups(what: str, groups: Iterable[CountryGroup]) -> int:
    count = 0
    for group in groups:
        if pycountry.countries.get(alpha_3=group.iso3) is None:
            raise ValueError(f"{what}: {group.country}: no such ISO code {group.iso3}")
        for name in group.members:
            if "," in name:
                raise ValueError(f"{what}: {name!r}: member lists join names with commas")
        count += len(group.members)
    return count


def _members(m: Members) -> None:
    _unique("regions", (r.name for r in m.regions))
    for region in m.regions:
        listed = _groups(region.name, region.countries)
        if listed != region.stated_count and not region.count_note:
            raise ValueError(f"{region.name}: {listed} listed, {region.stated_count} stated")
    lgs = [n for r in m.regions for g in r.countries for n in g.members]
    _unique("local governments", lgs)
    _unique("institutions", (n for g in m.institutions for n in g.members))
    t = m.totals
    if t.local_governments != sum(r.stated_count for r in m.regions):
        raise ValueError("local governments: the stated total is not the sum of the regions'")
    if t.total != t.local_governments + t.institutions + t.corporations:
        raise ValueError("members: the total is not the sum of the types")
    listed = _groups("institutions", m.institutions)
    if listed != t.institutions and not m.institutions_note:
        raise ValueError(f"institutions: {listed} listed, {t.institutions} stated")
    if m.corporations is not None and _groups("corps", m.corporations) != t.corporations:
        raise ValueError("corporations: the list disagrees with the stated count")
    printed: dict[str, str] = {}
    for group in [g for r in m.regions for g in r.countries] + list(m.institutions):
        if printed.setdefault(group.country, group.iso3) != group.iso3:
            raise ValueError(f"{group.country}: two ISO codes")


def _stated(content: Content, kind: str, listed: int, note: str | None, texts: list[str]) -> None:
    section = next(s for s in content.sections if s.kind == kind)
    stated = getattr(section, "stated_count", None)
    if stated is None:
        return
    if stated != listed and not note:
        raise ValueError(f"{kind}: {listed} listed, {stated} stated, and no count_note")
    figures = [f.value for s in content.sections if s.kind == "figures" for f in s.figures]
    if stated not in figures and not states(texts, stated):
        raise ValueError(f"{kind}: the stated count {stated} is neither a figure nor in its text")


def _in_year(content: Content, what: str, dates: Iterable[object]) -> None:
    for date in dates:
        if getattr(date, "year", content.year) != content.year:
            raise ValueError(f"{what}: {date} is not in {content.year}")


def check_content(content: Content) -> None:
    kinds = Counter(s.kind for s in content.sections)
    _unique("sections", (k for k in kinds.elements() if k in _SINGLE))
    about = next((s for s in content.sections if s.kind == "about"), None)
    if about is None or content.organization.full not in " ".join(about.paragraphs):
        raise ValueError(f"the about section must introduce {content.organization.full!r}")
    all_prose = list(prose(content))
    for section in content.sections:
        texts = [*getattr(section, "paragraphs", ()), *getattr(section, "closing", ())]
        if section.kind == "figures":
            _unique("figure labels", (f.label for f in section.figures))
            for f in section.figures:
                if f.inside is not None and f.inside.count("{n}") != 1:
                    raise ValueError(f"{f.inside!r}: an inside text holds {{n}} once")
        elif section.kind == "members":
            _members(section)
        elif section.kind == "new_members":
            _unique("new members", (m.name for m in section.members))
            _stated(content, "new_members", len(section.members), section.count_note, texts)
        elif section.kind == "agreements":
            _unique("agreements", (a.partner for a in section.agreements))
            _in_year(content, "agreements", (a.date for a in section.agreements))
            _stated(content, "agreements", len(section.agreements), None, texts)
        elif section.kind == "organized_events":
            _unique("events", (e.name for e in section.events))
            for e in section.events:
                if bool(e.parts) == bool(e.start) or len(e.parts) == 1:
                    raise ValueError(f"{e.name}: give a start date or two parts or more")
            occurrences = [o for e in section.events for o in e.occurrences]
            for name, start, end in occurrences:
                _in_year(content, name, (start, end))
                if end < start:
                    raise ValueError(f"{name}: ends before it starts")
            _stated(content, "organized_events", len(occurrences), None, texts)
        elif section.kind == "partner_events":
            _unique("partner events", ((e.date, e.name) for e in section.events))
            _in_year(content, "partner events", (e.date for e in section.events))
            _stated(content, "partner_events", len(section.events), None, texts)
        elif section.kind == "awards":
            _unique("awards", ((a.category, a.level) for a in section.awards))
        elif section.kind == "diplomatic":
            _unique("diplomatic countries", section.countries)
    for person in content.prose_people:
        if not any(person.name in t for t in all_prose):
            raise ValueError(f"prose person {person.name!r} is not named in the prose")
    if content.changes is not None:
        for rename in (*content.changes.renamed_members, *content.changes.renamed_countries):
            if not any(rename.old in t for t in all_prose):
                raise ValueError(f"rename {rename.old} -> {rename.new}: old name not in prose")
