"""Design knobs of the layout matrix and `draw_design(seed)`, which draws one value of each.

Every knob is drawn independently of the others, each from its own `random.Random` seeded with
the design seed and the knob's name, so a design never depends on which other knobs exist.

Page look (`doc.Look`):
    page            A4 | Letter
    font            sans | serif (body)
    heading_font    sans | serif
    body_size       9, 9.5, 10, 10.5, 11 (points)
    columns         1 | 2 | 3 body columns (tables with 3+ columns span them all: `full_width`)
    heading_case    as_written | upper | spaced (letter-spaced capitals)
    table_style     grid | hrules | zebra | whitespace
    accent          one of six colours
    running_header  True | False (the section title repeated at the top of its pages)
    ligatures       True | False
Report structure:
    contents        True | False: a table of contents after the cover
    cover_acronym   True | False: the cover prints "Full Name (ACRONYM)" or the full name alone
    section_order   content | shuffled (cover, contents, about and messages stay first)
    section_breaks  every | flow (each section on a new page, or only the major ones)
    photos          True | False: placeholder pictures with their captions
    titles          per section kind, a synonym ("Our Members", "Membership", ...): TITLES
    message_sign    top | bottom: the writer's name and roles above the text or signed below
Members:
    member_list     table ("Country | Members"), lines ("Country: a, b, c"), subheads_comma
                    (level-3 country headings over a comma-joined paragraph), subheads_lines (one
                    name per line), pairs ("Country | Members | Country | Members")
    count_style     pipe "AFRICA | 47", paren "Africa (47)", dash "Africa — 47 members",
                    count_first "47 members in Africa" (region and member-type headings)
    count_case      as_written | upper
    total_style     heading "210 Members as of December 2021" | sentence "WeGO had 210 members at
                    the end of 2021: 160 local governments, ..." | tile (one figure tile)
Figures and numbers:
    tile_arrangement  number_above | label_above | number_inside
    tiles_per_row   2 | 3 | 4
    tiles_boxed     True | False
    thousands       comma "2,600" | space "2 600" (a no-break space)
    millions        words "1.2 million" | short "1.2M" | full "1,200,000"
    currency        USD "USD 3.4 million" | US$ "US$ 3.4 million"
Dates:
    date_order      day_first "29 June 2021" | month_first "June 29, 2021"
    month_names     full | abbrev ("29 Jun 2021", "Jun 29")
    date_year       True | False (left out: the report's year is implied)
    (ranges follow: "30 June – 2 July 2021", "June 14–16, 2023")
Records:
    new_members     cards ("Name (Country)" + "Area: …" lines) | table
    agreements      headings (sub-heading + date line) | table ("Partner | Date signed") |
                    lines ("Partner — 14 March 2023")
    events          heading_date (heading + date line) | heading_with_date ("Name (June 29)") |
                    timeline | table ("Date | Event")
    partner_columns the column order of the partner-events table: PARTNER_ORDERS
    partner_headers plain "Date | Event | Theme | Organizer" | short "When | Event | Topic | Host"
                    | long "Date | Event Name | Theme | Event Organizer"
    awards          matrix (categories × levels, city over project) | rows (one award a row)
    diplomatic      bullets | grid (a table without header) | comma_line (one line, no sentence)
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields
from typing import Literal

from reportgen.matrix.doc import HeadingCase, TableStyle, TileArrangement

PARTNER_ORDERS: tuple[tuple[str, ...], ...] = (
    ("date", "name", "theme", "organizer"),
    ("date", "organizer", "name", "theme"),
    ("name", "date", "organizer", "theme"),
    ("date", "name", "organizer", "theme"),
)
# Per section kind, the titles a design may give it ({year}, {acronym}, {role} filled in).
TITLES: dict[str, tuple[str, ...]] = {
    "about": ("About {acronym}", "Who We Are", "About Us", "Our Organization"),
    "message": ("A Message from the {role}", "Greetings from the {role}", "Foreword by the {role}"),
    "figures": ("Highlights", "At a Glance", "In Numbers", "{year} at a Glance", "Key Figures"),
    "members": ("Our Members", "Membership", "Member Cities", "Member Overview"),
    "new_members": ("New Members", "Welcoming New Members", "Joined This Year"),
    "agreements": ("Agreements Signed", "MOU Signatures", "Partnerships"),
    "organized_events": ("Our Activities", "What We Did", "Events", "{year} Activities"),
    "partner_events": ("Events We Joined", "Partner Events", "On Partner Stages"),
    "awards": ("Awards", "{acronym} Awards", "Award Winners"),
    "diplomatic": ("Diplomatic Outreach", "Meetings with Diplomatic Corps", "Embassy Meetings"),
    "contents": ("Contents", "Table of Contents", "In This Report"),
}
KNOBS: dict[str, tuple[object, ...]] = {
    "page": ("A4", "Letter"),
    "font": ("sans", "serif"),
    "heading_font": ("sans", "serif"),
    "body_size": (9.0, 9.5, 10.0, 10.5, 11.0),
    "columns": (1, 2, 3),
    "heading_case": ("as_written", "upper", "spaced"),
    "table_style": ("grid", "hrules", "zebra", "whitespace"),
    "accent": ("#0B4F8A", "#8A1C1C", "#1F6B3A", "#5B2C83", "#B35C00", "#333333"),
    "running_header": (True, False),
    "ligatures": (False, True),
    "contents": (True, False),
    "cover_acronym": (True, False),
    "section_order": ("content", "shuffled"),
    "section_breaks": ("every", "flow"),
    "photos": (True, False),
    "message_sign": ("top", "bottom"),
    "member_list": ("table", "lines", "subheads_comma", "subheads_lines", "pairs"),
    "count_style": ("pipe", "paren", "dash", "count_first"),
    "count_case": ("as_written", "upper"),
    "total_style": ("heading", "sentence", "tile"),
    "tile_arrangement": ("number_above", "label_above", "number_inside"),
    "tiles_per_row": (2, 3, 4),
    "tiles_boxed": (False, True),
    "thousands": ("comma", "space"),
    "millions": ("words", "short", "full"),
    "currency": ("USD", "US$"),
    "date_order": ("day_first", "month_first"),
    "month_names": ("full", "abbrev"),
    "date_year": (True, False),
    "new_members": ("cards", "table"),
    "agreements": ("headings", "table", "lines"),
    "events": ("heading_date", "heading_with_date", "timeline", "table"),
    "partner_columns": PARTNER_ORDERS,
    "partner_headers": ("plain", "short", "long"),
    "awards": ("matrix", "rows"),
    "diplomatic": ("bullets", "grid", "comma_line"),
}


@dataclass(frozen=True)
class Design:
    """One drawn design: the value of every knob (see the module docstring)."""

    seed: int
    page: Literal["A4", "Letter"]
    font: Literal["sans", "serif"]
    heading_font: Literal["sans", "serif"]
    body_size: float
    columns: int
    heading_case: HeadingCase
    table_style: TableStyle
    accent: str
    running_header: bool
    ligatures: bool
    contents: bool
    cover_acronym: bool
    section_order: str
    section_breaks: str
    photos: bool
    message_sign: str
    member_list: str
    count_style: str
    count_case: str
    total_style: str
    tile_arrangement: TileArrangement
    tiles_per_row: int
    tiles_boxed: bool
    thousands: str
    millions: str
    currency: str
    date_order: str
    month_names: str
    date_year: bool
    new_members: str
    agreements: str
    events: str
    partner_columns: tuple[str, ...]
    partner_headers: str
    awards: str
    diplomatic: str
    titles: tuple[tuple[str, str], ...]  # (section kind, title template)

    def title(self, kind: str) -> str:
        return dict(self.titles)[kind]

    def describe(self) -> str:
        """One knob a line, for `python -m reportgen.matrix show SEED`."""
        lines = [
            f"{f.name:<17}{getattr(self, f.name)!r}" for f in fields(self) if f.name != "titles"
        ]
        lines += [f"title {kind:<11}{template!r}" for kind, template in self.titles]
        return "\n".join(lines)


def _rng(seed: int, knob: str) -> random.Random:
    return random.Random(f"{seed}/{knob}")


def draw_design(seed: int) -> Design:
    """The design of a seed: every knob drawn independently; the same seed, the same design."""
    values = {name: _rng(seed, name).choice(choices) for name, choices in KNOBS.items()}
    titles = tuple((kind, _rng(seed, f"title/{kind}").choice(ts)) for kind, ts in TITLES.items())
    return Design(seed=seed, titles=titles, **values)  # type: ignore[arg-type]
