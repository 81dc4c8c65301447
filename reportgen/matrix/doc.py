"""The typesetting-neutral document every engine renders: what goes on the pages, in what order,
with which look, but not where (line breaks, page breaks and positions are the engine's own).

`compose.py` turns a report's content (`spec.py`) and a drawn design (`design.py`) into one of
these; `engines/` typeset it with reportlab, with HTML + CSS printed by Chromium, or as a Word
document converted by LibreOffice. Each engine must render every block type below; what a block
looks like is decided by the `Look` of the document (and, where a block has one, its own style),
so that two engines given the same document and look produce the "same design" from independent
typesetters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TableStyle = Literal["grid", "hrules", "zebra", "whitespace"]
TileArrangement = Literal["number_above", "label_above", "number_inside"]
HeadingCase = Literal["as_written", "upper", "spaced"]  # spaced: upper case, letter-spaced


@dataclass(frozen=True)
class Look:
    """The page-level look of a design. Sizes in points."""

    page: Literal["A4", "Letter"] = "A4"
    font: Literal["sans", "serif"] = "sans"
    heading_font: Literal["sans", "serif"] = "sans"
    body_size: float = 10.0
    columns: int = 1  # body columns of ordinary sections (1, 2 or 3)
    heading_case: HeadingCase = "as_written"
    table_style: TableStyle = "grid"
    accent: str = "#0B4F8A"  # a hex colour for headings, rules and fills
    running_header: bool = True  # the section title repeated at the top of its pages
    page_numbers: bool = True
    ligatures: bool = False  # set "fi", "fl", "ff" as ligature glyphs


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a section title, 2 a sub-section, 3 a group (a region, a card)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: Literal["none", "lead", "small", "italic"] = "none"


@dataclass(frozen=True)
class Lines:
    """Short lines printed one under the other without paragraph spacing (an address, the facts
    of a card, "Country: a, b, c" member lines). A line's leading `bold_prefix` characters are set
    in bold ("Kenya:" before the names)."""

    lines: tuple[str, ...]
    bold_prefix: tuple[int, ...] = ()  # per line, how many leading characters are bold; () none


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class CellText:
    """A table cell printed as several lines, some bold (an award winner above its project)."""

    lines: tuple[tuple[str, bool], ...]  # (text, bold)


Cell = str | CellText


@dataclass(frozen=True)
class TableBlock:
    """A table with one header row (or two, when `group_header` spans columns over it).

    `group_header` is a list of (label, number of columns spanned) over the header row, e.g.
    [("", 1), ("2023", 2), ("2024", 2)]. `col_widths` are fractions of the available width that
    sum to 1 (None: the engine decides). `style` overrides the document's table style."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    col_widths: tuple[float, ...] | None = None
    style: TableStyle | None = None
    bold_first_column: bool = False
    repeat_header: bool = True  # repeat the header row on each page the table runs onto
    group_header: tuple[tuple[str, int], ...] = ()
    full_width: bool = False  # in a multi-column section, span all the columns


@dataclass(frozen=True)
class Tile:
    """A headline figure: a number written as printed ("1.2 million", "over 300", "45+") and its
    label. With arrangement `number_inside` the engine prints `inside_text` (the label with the
    number in it, e.g. "Over 300 cities joined") with the number part set large or bold."""

    value_text: str
    label: str
    inside_text: str = ""


@dataclass(frozen=True)
class Tiles:
    tiles: tuple[Tile, ...]
    arrangement: TileArrangement = "number_above"
    per_row: int = 3
    boxed: bool = False  # each tile on a filled background box


@dataclass(frozen=True)
class Card:
    """A profile card: a title line ("Kisumu (Kenya)"), fact lines ("Area: 417 km²"), a text."""

    title: str
    facts: tuple[str, ...]
    text: str = ""


@dataclass(frozen=True)
class Cards:
    cards: tuple[Card, ...]
    per_row: int = 2
    boxed: bool = True  # a frame (or background) around each card


@dataclass(frozen=True)
class TimelineEntry:
    date_text: str
    events: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    """Date labels each heading one or more short event names, down a vertical line."""

    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class Photo:
    """A grey placeholder box standing in for a picture, optionally with a caption under it."""

    height: float
    caption: str = ""
    width: float = 1.0  # fraction of the available width


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (
    Heading
    | Paragraph
    | Lines
    | Bullets
    | TableBlock
    | Tiles
    | Cards
    | Timeline
    | Photo
    | PageBreak
)


@dataclass(frozen=True)
class Section:
    """A part of the report. `running_head` is what the page header shows on its pages (None: the
    document's running title only). `columns` overrides the look's body columns (covers and tables
    of contents are single-column)."""

    blocks: tuple[Block, ...]
    running_head: str | None = None
    new_page: bool = True
    columns: int | None = None
    kind: Literal["cover", "contents", "body", "back"] = "body"


@dataclass(frozen=True)
class ContentsEntry:
    title: str
    section_index: int  # index into Document.sections; the engine prints that section's page


@dataclass(frozen=True)
class Document:
    """Everything an engine needs. `contents` (when not empty) is printed as a table of contents
    in the section of kind "contents", after that section's own blocks."""

    title: str
    author: str  # the PDF's author metadata
    subject: str
    running_title: str  # left part of the running header
    look: Look
    sections: tuple[Section, ...]
    contents: tuple[ContentsEntry, ...] = field(default_factory=tuple)
    lang: str = "en"
