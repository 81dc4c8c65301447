"""`compose(content, design)`: a report's content typeset-neutrally in a drawn design, as the
`doc.Document` every engine renders.

The cover names the organization (with its acronym when `cover_acronym`), the about section (always
among the first pages) introduces it as "Full Name (ACRONYM)", and the PDF author is the
organization's name, so the report's identity does not depend on the design.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from reportgen.matrix import doc
from reportgen.matrix.compose_members import members_blocks, wide
from reportgen.matrix.compose_records import (
    agreement_blocks,
    award_blocks,
    diplomatic_blocks,
    event_blocks,
    new_member_blocks,
    partner_event_blocks,
)
from reportgen.matrix.design import Design
from reportgen.matrix.formats import capitalized, figure_inside, figure_value
from reportgen.matrix.spec import Content, Contents, Extra, Figures, Message

_FRONT = ("about", "message")  # kept first, in content order, after the cover and contents
_MAJOR = ("about", "message", "members")  # on a new page even when sections flow
_Builder = Callable[[Any, Design], list[doc.Block]]
_RECORDS: dict[str, _Builder] = {
    "new_members": new_member_blocks,
    "agreements": agreement_blocks,
    "organized_events": event_blocks,
    "partner_events": partner_event_blocks,
    "awards": award_blocks,
    "diplomatic": diplomatic_blocks,
}


def look(design: Design) -> doc.Look:
    return doc.Look(
        page=design.page,
        font=design.font,
        heading_font=design.heading_font,
        body_size=design.body_size,
        columns=design.columns,
        heading_case=design.heading_case,
        table_style=design.table_style,
        accent=design.accent,
        running_header=design.running_header,
        page_numbers=True,
        ligatures=design.ligatures,
    )


def section_title(content: Content, section: Any, design: Design) -> str:
    if isinstance(section, Extra):
        return section.title
    if isinstance(section, Contents) and section.title:
        return section.title
    role = section.person.roles[0].title if isinstance(section, Message) else ""
    org = content.organization
    return design.title(section.kind).format(year=content.year, acronym=org.acronym, role=role)


def _figures(section: Figures, design: Design) -> list[doc.Block]:
    tiles = tuple(
        doc.Tile(
            capitalized(figure_value(f, design)), f.label, inside_text=figure_inside(f, design)
        )
        for f in section.figures
    )
    per_row = min(design.tiles_per_row, 2) if design.columns > 1 else design.tiles_per_row
    return [
        doc.Tiles(
            tiles, arrangement=design.tile_arrangement, per_row=per_row, boxed=design.tiles_boxed
        )
    ]


def _message_person(section: Message) -> doc.Lines:
    person = section.person
    roles = tuple(f"{r.title} of {r.organization}" for r in person.roles)
    return doc.Lines((person.name, *roles), bold_prefix=(len(person.name),) + (0,) * len(roles))


def body_blocks(content: Content, section: Any, design: Design) -> list[doc.Block]:
    """The blocks of a section after its title."""
    blocks: list[doc.Block] = []
    if isinstance(section, Message) and design.message_sign == "top":
        blocks.append(_message_person(section))
    if section.kind != "members":
        blocks += [doc.Paragraph(p) for p in section.paragraphs]
    if section.kind == "members":
        blocks += members_blocks(content, section, design)
    elif isinstance(section, Figures):
        blocks += _figures(section, design)
    elif section.kind in _RECORDS:
        blocks += _RECORDS[section.kind](section, design)
    elif isinstance(section, Extra) and section.table is not None:
        t = section.table
        blocks.append(
            doc.TableBlock(t.header, t.rows, t.col_widths, full_width=wide(design, len(t.header)))
        )
    blocks += [doc.Paragraph(p) for p in section.closing]
    if isinstance(section, Message) and design.message_sign == "bottom":
        blocks.append(_message_person(section))
    if design.photos:
        blocks += [doc.Photo(150, caption) for caption in section.photos]
    return blocks


def ordered(content: Content, design: Design) -> list[Any]:
    """The body sections in print order: about and messages first, the rest as the content has
    them or shuffled."""
    body = [s for s in content.sections if not isinstance(s, Contents)]
    front = [s for s in body if s.kind in _FRONT]
    rest = [s for s in body if s.kind not in _FRONT]
    if design.section_order == "shuffled":
        random.Random(f"{design.seed}/order").shuffle(rest)
    return front + rest


def _cover(content: Content, design: Design) -> doc.Section:
    org = content.organization
    blocks: list[doc.Block] = [
        doc.Paragraph(org.full if design.cover_acronym else org.name, "lead"),
        doc.Heading(content.title, 1),
    ]
    if content.tagline:
        blocks.append(doc.Paragraph(content.tagline, "italic"))
    if design.photos:
        blocks.append(doc.Photo(320))
    return doc.Section(tuple(blocks), columns=1, kind="cover")


def compose(content: Content, design: Design) -> doc.Document:
    sections = [_cover(content, design)]
    contents_marker = content.one(Contents)
    if design.contents:
        title = section_title(content, contents_marker or Contents(kind="contents"), design)
        sections.append(doc.Section((doc.Heading(title, 1),), title, columns=1, kind="contents"))
    entries = []
    for section in ordered(content, design):
        title = section_title(content, section, design)
        new_page = design.section_breaks == "every" or section.kind in _MAJOR
        blocks = (doc.Heading(title, 1), *body_blocks(content, section, design))
        entries.append(doc.ContentsEntry(title, len(sections)))
        sections.append(doc.Section(blocks, running_head=title, new_page=new_page))
    if content.address:
        back: list[doc.Block] = []
        if content.address_heading:
            back.append(doc.Heading(content.address_heading, 3))
        back.append(doc.Lines(content.address))
        sections.append(doc.Section(tuple(back), columns=1, kind="back"))
    org = content.organization
    return doc.Document(
        title=f"{org.acronym} {content.title}",
        author=org.name,
        subject=f"{content.title} of the {org.full}, {content.year}",
        running_title=f"{org.acronym} {content.title}",
        look=look(design),
        sections=tuple(sections),
        contents=tuple(entries) if design.contents else (),
    )
