"""The document model: what the parser makes of a PDF, with provenance on every part.

Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's convention);
page numbers are 1-based.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.top, other.top),
            max(self.x1, other.x1),
            max(self.bottom, other.bottom),
        )

    def rounded(self, ndigits: int = 2) -> BBox:
        return BBox(*(round(v, ndigits) for v in (self.x0, self.top, self.x1, self.bottom)))


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a value came from: which report, which page, which box, which words."""

    report_id: str
    page_number: int
    bbox: BBox | None = None
    source_text: str | None = None


class BlockRole(StrEnum):
    HEADING = "heading"
    BODY = "body"
    CAPTION = "caption"
    CONTENTS = "contents"  # a table-of-contents entry or its page number
    HEADER = "header"
    FOOTER = "footer"
    PAGE_NUMBER = "page_number"


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines that belong together (a paragraph, a heading, a label), in reading order."""

    text: str
    bbox: BBox
    page_number: int
    font_size: float
    bold: bool
    role: BlockRole = BlockRole.BODY
    column: int = 0
    heading_level: int | None = None
    lines: tuple[str, ...] = ()
    # where each of `lines` is printed, aligned with it (empty when not known)
    line_boxes: tuple[BBox, ...] = ()

    @property
    def line_widths(self) -> tuple[float, ...]:
        """How wide each of `lines` is printed, in points (empty when not known)."""
        return tuple(round(b.x1 - b.x0, 2) for b in self.line_boxes)


@dataclass(frozen=True, slots=True)
class CellLine:
    """One printed line inside a table cell, with its weight (a bold line often names the subject
    of the cell: a city above its project, a country above its members)."""

    text: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a table's grid: where it starts (0-based row and column over all rows, header
    rows included), how many rows and columns it spans, its text and where it is printed."""

    row: int
    col: int
    text: str
    page: int
    bbox: BBox | None = None
    row_span: int = 1
    col_span: int = 1
    header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table with its header row split off; `pages` has several entries when stitched."""

    pages: tuple[int, ...]
    bbox: BBox
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    page_bboxes: tuple[BBox, ...] = ()
    # the printed lines of each body cell, aligned with `rows` (empty when not known)
    cell_lines: tuple[tuple[tuple[CellLine, ...], ...], ...] = ()
    # where each body row is printed: its page and box, aligned with `rows` (empty when not known)
    row_pages: tuple[int, ...] = ()
    row_bboxes: tuple[BBox, ...] = ()
    # the grid as printed, header rows and spanning cells included (empty when not known)
    cells: tuple[TableCell, ...] = ()

    def grid(self) -> tuple[TableCell, ...]:
        """Every cell of the table as printed: `cells` when the parser kept them, else one cell
        per header and body string (the header as row 0)."""
        if self.cells:
            return self.cells
        out: list[TableCell] = []
        offset = 1 if self.header else 0
        for c, text in enumerate(self.header):
            out.append(TableCell(0, c, text, self.pages[0], header=True))
        for r, row in enumerate(self.rows):
            page = self.row_pages[r] if len(self.row_pages) == len(self.rows) else self.pages[0]
            box = self.row_bboxes[r] if len(self.row_bboxes) == len(self.rows) else None
            for c, text in enumerate(row):
                out.append(TableCell(r + offset, c, text, page, box))
        return tuple(out)

    @property
    def has_text(self) -> bool:
        return any(cell.strip() for row in (self.header, *self.rows) for cell in row)

    @property
    def page_number(self) -> int:
        return self.pages[0]


TileArrangement = Literal["number_above", "label_above", "number_beside", "number_inside"]


@dataclass(frozen=True, slots=True)
class Tile:
    """A headline figure: a number set large (`value_text`, as printed: "1.2 million", "Over
    300", "65+") and the short label that goes with it, above, below or beside it, or around it
    ("Organized 18 activities", where the label is the whole line)."""

    value_text: str
    label: str
    page_number: int
    bbox: BBox
    arrangement: TileArrangement


@dataclass(frozen=True, slots=True)
class KeyValues:
    """Facts set as keys and values: "Area: 682 km²" lines under a title (a profile card), or a
    small two-column grid of labels and values. `kind` says which; `title` is the line above."""

    title: str | None
    pairs: tuple[tuple[str, str], ...]
    page_number: int
    bbox: BBox
    kind: Literal["lines", "grid"] = "lines"

    def get(self, key_pattern: str) -> str | None:
        """The value of the first key matching a regular expression (case-insensitive)."""
        pattern = re.compile(key_pattern, re.IGNORECASE)
        return next((value for key, value in self.pairs if pattern.search(key)), None)


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    tiles: list[Tile] = field(default_factory=list)
    key_values: list[KeyValues] = field(default_factory=list)
    images: list[BBox] = field(default_factory=list)  # pictures and photo placeholders
    has_text_layer: bool = True
    rotation: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.role not in _FURNITURE]

    @property
    def text(self) -> str:
        """Body text of the page in reading order, running headers/footers/page numbers excluded."""
        return "\n".join(b.text for b in self.body_blocks)


_FURNITURE = frozenset({BlockRole.HEADER, BlockRole.FOOTER, BlockRole.PAGE_NUMBER})


@dataclass(slots=True)
class Section:
    title: str
    level: int
    first_page: int
    last_page: int
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    heading: Block | None = None

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


@dataclass(slots=True)
class Document:
    report_id: str
    source_file: str
    sha256: str
    page_count: int
    pages: list[Page] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    organization: str | None = None
    year: int | None = None
    warnings: list[str] = field(default_factory=list)
    acronym: str | None = None  # the publisher's short name, when the report defines one
    # canonical id of the publisher: the acronym's slug, else the name's
    publisher_id: str | None = None

    @property
    def has_text(self) -> bool:
        """Whether any page has words, in its blocks or in its tables' cells: False for scans and
        image-only documents, which need OCR before anything can be extracted from them."""
        return any(
            page.has_text_layer and (page.blocks or any(t.has_text for t in page.tables))
            for page in self.pages
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view of the whole model (enums as their values)."""
        return _jsonable(asdict(self))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, float):
        return round(value, 2)
    return value
