"""The record blocks of the sections that list things: new members, agreements, organized events,
partner events, awards and diplomatic countries, each in the design's style."""

from __future__ import annotations

import datetime as dt

from reportgen.matrix import doc
from reportgen.matrix.compose_members import wide
from reportgen.matrix.design import Design
from reportgen.matrix.formats import amount, date, date_range, number
from reportgen.matrix.spec import (
    Agreements,
    Award,
    Awards,
    Diplomatic,
    Event,
    NewMember,
    NewMembers,
    OrganizedEvents,
    PartnerEvents,
)

DASH = "—"
PARTNER_HEADERS: dict[str, dict[str, str]] = {
    "plain": {"date": "Date", "name": "Event", "theme": "Theme", "organizer": "Organizer"},
    "short": {"date": "When", "name": "Event", "theme": "Topic", "organizer": "Host"},
    "long": {
        "date": "Date",
        "name": "Event Name",
        "theme": "Theme",
        "organizer": "Event Organizer",
    },
}
LEVELS = {"gold": "Gold", "silver": "Silver", "special_mention": "Special Mention"}


def _facts(m: NewMember, design: Design) -> tuple[str, str, str]:
    """(area, population, leader) as printed; "" where the content has none."""
    area = f"{number(m.area_km2, design)} km²" if m.area_km2 is not None else ""
    population = amount(m.population, design) if m.population is not None else ""
    leader = f"{m.leader_title} {m.leader_name}" if m.leader_name else ""
    return area, population, leader


def new_member_blocks(section: NewMembers, design: Design) -> list[doc.Block]:
    if design.new_members == "cards":
        cards = []
        for m in section.members:
            area, population, _ = _facts(m, design)
            facts = [f"Area: {area}"] if area else []
            facts += [f"Population: {population}"] if population else []
            facts += [f"{m.leader_title}: {m.leader_name}"] if m.leader_name else []
            cards.append(doc.Card(f"{m.name} ({m.country})", tuple(facts), m.description))
        return [doc.Cards(tuple(cards), per_row=2 if design.columns == 1 else 1)]
    rows = tuple(
        (m.name, m.country, *(fact or DASH for fact in _facts(m, design))) for m in section.members
    )
    table = doc.TableBlock(
        ("Member", "Country", "Area", "Population", "Leader"),
        rows,
        col_widths=(0.27, 0.17, 0.13, 0.15, 0.28),
        full_width=wide(design, 5),
    )
    blocks: list[doc.Block] = [table]
    return blocks + [doc.Paragraph(m.description) for m in section.members if m.description]


def agreement_blocks(section: Agreements, design: Design) -> list[doc.Block]:
    items = section.agreements
    if design.agreements == "headings":
        blocks: list[doc.Block] = []
        for a in items:
            blocks += [
                doc.Heading(a.partner, 2),
                doc.Paragraph(date(a.date, design), "small"),
                doc.Paragraph(a.text),
            ]
        return blocks
    if design.agreements == "table":
        rows = tuple((a.partner, date(a.date, design)) for a in items)
        lead: doc.Block = doc.TableBlock(("Partner", "Date signed"), rows, col_widths=(0.62, 0.38))
    else:
        lead = doc.Lines(tuple(f"{a.partner} — {date(a.date, design)}" for a in items))
    return [lead] + [doc.Paragraph(a.text) for a in items]


def _when(event: Event, design: Design) -> list[str]:
    """The date lines of an event: one, or one per part ("7 March 2023 (Part 1)")."""
    return [
        date_range(start, end, design) + (f" (Part {i})" if event.parts else "")
        for i, (_, start, end) in enumerate(event.occurrences, 1)
    ]


def _heading_with_date(event: Event, design: Design) -> str:
    if not event.parts:
        return f"{event.name} ({_when(event, design)[0]})"
    parts = "; ".join(
        f"Part {i}: {date_range(start, end, design)}"
        for i, (_, start, end) in enumerate(event.occurrences, 1)
    )
    return f"{event.name} ({parts})"


def event_blocks(section: OrganizedEvents, design: Design) -> list[doc.Block]:
    blocks: list[doc.Block] = []
    if design.events in ("heading_date", "heading_with_date"):
        for event in section.events:
            if design.events == "heading_date":
                blocks.append(doc.Heading(event.name, 2))
                blocks += [doc.Paragraph(line, "small") for line in _when(event, design)]
            else:
                blocks.append(doc.Heading(_heading_with_date(event, design), 2))
            blocks += [doc.Paragraph(p) for p in event.paragraphs]
        return blocks
    occurrences = sorted(o for e in section.events for o in e.occurrences)
    if design.events == "timeline":
        by_dates: dict[tuple[dt.date, dt.date], list[str]] = {}
        for name, start, end in occurrences:
            by_dates.setdefault((start, end), []).append(name)
        entries = tuple(
            doc.TimelineEntry(date_range(start, end, design), tuple(names))
            for (start, end), names in sorted(by_dates.items())
        )
        blocks.append(doc.Timeline(entries))
    else:
        rows = tuple((date_range(s, e, design), name) for name, s, e in occurrences)
        blocks.append(doc.TableBlock(("Date", "Event"), rows, col_widths=(0.3, 0.7)))
    return blocks + [doc.Paragraph(p) for e in section.events for p in e.paragraphs]


def partner_event_blocks(section: PartnerEvents, design: Design) -> list[doc.Block]:
    order = design.partner_columns
    names = PARTNER_HEADERS[design.partner_headers]
    widths = {"date": 0.13, "name": 0.31, "theme": 0.30, "organizer": 0.26}

    def cell(e: object, key: str) -> str:
        value = getattr(e, key)
        return date(value, design) if key == "date" else value

    rows = tuple(tuple(cell(e, key) for key in order) for e in section.events)
    return [
        doc.TableBlock(
            tuple(names[key] for key in order),
            rows,
            col_widths=tuple(widths[key] for key in order),
            full_width=wide(design, 4),
        )
    ]


def award_blocks(section: Awards, design: Design) -> list[doc.Block]:
    if design.awards == "rows":
        rows = tuple((a.category, LEVELS[a.level], a.city, a.project) for a in section.awards)
        header = ("Category", "Award", "City", "Project")
        return [doc.TableBlock(header, rows, (0.22, 0.16, 0.18, 0.44), full_width=wide(design, 4))]
    categories = list(dict.fromkeys(a.category for a in section.awards))
    won: dict[tuple[str, str], Award] = {(a.category, a.level): a for a in section.awards}
    rows_m: list[tuple[doc.Cell, ...]] = []
    for category in categories:
        cells: list[doc.Cell] = [category]
        for level in LEVELS:
            a = won.get((category, level))
            cells.append(doc.CellText(((a.city, True), (a.project, False))) if a else "")
        rows_m.append(tuple(cells))
    matrix_header = ("", *LEVELS.values())
    return [
        doc.TableBlock(
            matrix_header,
            tuple(rows_m),
            col_widths=(0.19, 0.27, 0.27, 0.27),
            bold_first_column=True,
            full_width=wide(design, 4),
        )
    ]


def diplomatic_blocks(section: Diplomatic, design: Design) -> list[doc.Block]:
    countries = section.countries
    if design.diplomatic == "bullets":
        return [doc.Bullets(countries)]
    if design.diplomatic == "comma_line":
        return [doc.Lines((", ".join(countries),))]
    per_row = 4
    padded = list(countries) + [""] * (-len(countries) % per_row)
    rows = tuple(tuple(padded[i : i + per_row]) for i in range(0, len(padded), per_row))
    return [doc.TableBlock((), rows, style="grid", full_width=wide(design, per_row))]
