"""What every section rule gets: the document, its flow, the report year and (maybe) spaCy.

A rule is a pure function `extract(ctx) -> list[record]`: no file I/O, no Dagster, no DuckDB. Rules
find their material by generic cues (vocabulary such as "members" or "MOU", typography, table
headers), never by one report's titles or contents."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from extractors.flow import Item, Placed, flow
from extractors.model import Block, BlockRole, Document, KeyValues, Table, Tile
from extractors.records import Source


@dataclass(slots=True)
class Context:
    document: Document
    nlp: Any | None = None  # a loaded spaCy Language, or None for rules only
    items: list[Placed] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.items:
            self.items = list(flow(self.document))

    @property
    def year(self) -> int | None:
        return self.document.year

    def blocks(self) -> Iterator[Placed]:
        return (p for p in self.items if isinstance(p.item, Block))

    def tables(self) -> Iterator[Placed]:
        return (p for p in self.items if isinstance(p.item, Table))

    def tiles(self) -> Iterator[Placed]:
        return (p for p in self.items if isinstance(p.item, Tile))

    def key_values(self) -> Iterator[Placed]:
        return (p for p in self.items if isinstance(p.item, KeyValues))


def source(item: Item, page: int | None = None, text: str | None = None) -> Source:
    """Provenance of a block or table (or of a part of it, when `text` is given)."""
    if isinstance(item, Block):
        return Source(item.page_number, item.bbox, text if text is not None else item.text)
    if isinstance(item, Table):
        return Source(page or item.pages[0], item.bbox, text if text is not None else "")
    return Source(page or item.page_number, item.bbox, text if text is not None else "")


def row_source(table: Table, index: int) -> Source:
    """Provenance of one body row: the page it is printed on and its cells as text."""
    text = " | ".join(table.rows[index])
    if len(table.row_pages) == len(table.rows):
        return Source(table.row_pages[index], table.row_bboxes[index], text)
    return Source(table.pages[0], table.bbox, text)


def under(placed: Placed, cue: re.Pattern[str]) -> bool:
    """Is the item inside a section whose heading matches the cue?"""
    return any(cue.search(h.text) for h in placed.headings)


def headings(ctx: Context, cue: re.Pattern[str]) -> Iterator[Placed]:
    for placed in ctx.blocks():
        block = placed.item
        if isinstance(block, Block) and block.role is BlockRole.HEADING and cue.search(block.text):
            yield placed


def section_items(ctx: Context, heading: Block) -> list[Placed]:
    """The items below a heading, up to the next heading of the same or a higher level."""
    out: list[Placed] = []
    inside = False
    level = heading.heading_level or 1
    for placed in ctx.items:
        if placed.item is heading:
            inside = True
            continue
        if not inside:
            continue
        item = placed.item
        if (
            isinstance(item, Block)
            and item.role is BlockRole.HEADING
            and (item.heading_level or 1) <= level
        ):
            break
        out.append(placed)
    return out


def header_index(header: Iterable[str], cue: re.Pattern[str]) -> int | None:
    for i, cell in enumerate(header):
        if cue.search(cell):
            return i
    return None


def clean(text: str) -> str:
    return " ".join(text.split()).strip(" .;:,")
