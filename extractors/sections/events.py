"""Events the organization ran: headings with their dates, from activity pages and timelines.

Three shapes, all found by layout: a heading followed by date lines ("June 22, 2021 (Part 1)"),
a heading ending in its date ("Network Seminar (June 29)"), and a timeline where a date label
heads one or more event names ("NOV 25" / two workshops). Timeline entries describe the same
events as the activity pages, so an entry is merged into the heading event with the same dates
(the most similar one when several share them). Events in parts become one event per part,
named "<heading> (Part N)". Headings under agreements and new-members sections are not events."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.model import Block, BlockRole, Table
from extractors.records import OrganizedEvent, Source
from extractors.sections import agreements, new_members
from extractors.sections.base import Context, header_index, row_source
from extractors.sections.dated import date_only, trailing_date, trailing_parts

_MAX_NAME_WORDS = 25
_DATE_COL = re.compile(r"\b(date|dates|when|day)\b", re.I)
_EVENT_COL = re.compile(
    r"\b(event|events|activity|activities|name|title|programme|program)\b", re.I
)
_OTHER_COL = re.compile(r"\b(theme|topic|subject|organi[sz]er|host|partner)\b", re.I)
# the events of others the organization took part in: their own section, not its activities
PARTNER_CUE = re.compile(
    r"\b(partners?'?|external|joined|participat\w*|stages?)\b.*\b(events?|stages?)\b|\b(events?)\b.*\b(joined|attended)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    event: OrganizedEvent
    timeline: bool


def _excluded(block: Block, headings: tuple[Block, ...]) -> bool:
    return _excluded_path((*headings, block))


def _excluded_path(headings: tuple[Block, ...]) -> bool:
    cues = (agreements.CUE, new_members.CUE, PARTNER_CUE)
    return any(cue.search(h.text) for h in headings for cue in cues)


def _name(text: str) -> str:
    return " ".join(text.split())


def _is_label(blocks: list[Block], i: int, year: int | None) -> bool:
    """A date heading that heads short event names (a timeline), not a heading's date line."""
    block = blocks[i]
    if block.role is not BlockRole.HEADING or i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1]
    return (
        nxt.role is not BlockRole.HEADING
        and len(nxt.text.split()) <= _MAX_NAME_WORDS
        and date_only(nxt.text, year) is None
    )


def _timeline(blocks: list[Block], i: int, when: tuple[date, date]) -> list[_Candidate]:
    label = blocks[i]
    found = []
    for item in blocks[i + 1 : i + 4]:
        if item.role is BlockRole.HEADING or len(item.text.split()) > _MAX_NAME_WORDS:
            break
        where = Source(item.page_number, item.bbox.union(label.bbox), item.text)
        found.append(_Candidate(OrganizedEvent(_name(item.text), when[0], when[1], where), True))
    return found


def _candidates(ctx: Context) -> list[_Candidate]:
    placed = [p for p in ctx.items if isinstance(p.item, Block)]
    blocks = [p.item for p in placed if isinstance(p.item, Block)]
    dates = [date_only(b.text, ctx.year) for b in blocks]
    labels = {i for i, d in enumerate(dates) if d and _is_label(blocks, i, ctx.year)}
    found: list[_Candidate] = []
    for i, block in enumerate(blocks):
        if block.role is not BlockRole.HEADING or _excluded(block, placed[i].headings):
            continue
        when = dates[i]
        if i in labels and when is not None:
            found.extend(_timeline(blocks, i, (when[0], when[1])))
            continue
        if when is not None:
            continue  # a date line of the heading before it
        src = Source(block.page_number, block.bbox, block.text)
        if (own := trailing_date(block.text, ctx.year)) is not None:
            name, start, end = own
            found.append(_Candidate(OrganizedEvent(_name(name), start, end, src), False))
            continue
        if parts := trailing_parts(block.text, ctx.year):
            found += [_Candidate(OrganizedEvent(_name(n), a, b, src), False) for n, a, b in parts]
            continue
        for j in range(i + 1, min(i + 4, len(blocks))):
            item = blocks[j]
            dated = [d for line in item.lines if (d := date_only(line, ctx.year))]
            if j in labels or not dated or len(dated) != len(item.lines):
                break
            for start, end, part in dated:
                name = f"{block.text} (Part {part})" if part else block.text
                where = Source(
                    block.page_number, block.bbox.union(item.bbox), f"{block.text} {item.text}"
                )
                found.append(_Candidate(OrganizedEvent(_name(name), start, end, where), False))
    return found


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _merge(candidates: list[_Candidate]) -> list[OrganizedEvent]:
    """Activity-page events, plus the timeline entries that describe no activity. Entries and
    activities with the same dates are paired by word overlap, best pairs first; a last unpaired
    entry and activity on the same dates are the same event under two names."""
    events: list[OrganizedEvent] = []
    seen: set[tuple[str, date]] = set()
    for event in (c.event for c in candidates if not c.timeline):
        key = (event.name.casefold(), event.start_date)
        if key not in seen:
            seen.add(key)
            events.append(event)
    entries = [c.event for c in candidates if c.timeline]
    for dates in dict.fromkeys((e.start_date, e.end_date) for e in entries):
        todo = [e for e in entries if (e.start_date, e.end_date) == dates]
        open_events = [e for e in events if (e.start_date, e.end_date) == dates]
        pairs = sorted(
            ((_similarity(t.name, e.name), i, j) for i, t in enumerate(todo)
             for j, e in enumerate(open_events)),
            reverse=True,
        )  # fmt: skip
        used_t: set[int] = set()
        used_e: set[int] = set()
        for sim, i, j in pairs:
            if sim > 0 and i not in used_t and j not in used_e:
                used_t.add(i)
                used_e.add(j)
        left_t = [i for i in range(len(todo)) if i not in used_t]
        left_e = [j for j in range(len(open_events)) if j not in used_e]
        if len(left_t) == 1 and len(left_e) == 1:
            left_t = []
        events.extend(todo[i] for i in left_t)
    return sorted(events, key=lambda e: (e.start_date, e.end_date, e.name))


def _tables(ctx: Context) -> list[_Candidate]:
    """A table of the organization's events: a date column and an event column, and no theme
    or organizer column (that is a table of partners' events)."""
    found: list[_Candidate] = []
    for placed in ctx.tables():
        table = placed.item
        if not isinstance(table, Table) or _excluded_path(placed.headings):
            continue
        when, name = header_index(table.header, _DATE_COL), header_index(table.header, _EVENT_COL)
        if when is None or name is None or when == name:
            continue
        if any(_OTHER_COL.search(h) for h in table.header):
            continue
        for index, row in enumerate(table.rows):
            dates = date_only(row[when], ctx.year) if when < len(row) else None
            if dates and name < len(row) and row[name].strip():
                event = OrganizedEvent(
                    _name(row[name]), dates[0], dates[1], row_source(table, index)
                )
                found.append(_Candidate(event, False))
    return found


def extract(ctx: Context) -> list[OrganizedEvent]:
    return _merge(_candidates(ctx) + _tables(ctx))
