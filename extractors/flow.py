"""The document as one stream of blocks, tables, tiles and key/value structures in reading order,
for the section rules.

Tables, tiles and key/value structures are not part of a page's block order; each is placed
before the first body block that starts below its top edge and shares part of its width, or at the
end of the page. (A tile's or a card's own blocks stay in the stream too: a rule reads one or the
other.)"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from extractors.model import Block, BlockRole, Document, KeyValues, Table, Tile

Item = Block | Table | Tile | KeyValues


@dataclass(frozen=True, slots=True)
class Placed:
    """An item of the flow with the page it sits on and the headings above it (outermost first)."""

    item: Item
    page: int
    headings: tuple[Block, ...]


def _overlaps(block: Block, other: Table | Tile | KeyValues) -> bool:
    return min(block.bbox.x1, other.bbox.x1) - max(block.bbox.x0, other.bbox.x0) > 0


def page_items(document: Document, number: int) -> list[Item]:
    page = document.pages[number - 1]
    items: list[Item] = list(page.body_blocks)
    tables = [t for t in page.tables if t.pages[0] == number]
    extras: list[Table | Tile | KeyValues] = [*tables, *page.tiles, *page.key_values]
    for extra in sorted(extras, key=lambda t: t.bbox.top):
        at = next(
            (
                i
                for i, it in enumerate(items)
                if isinstance(it, Block) and it.bbox.top >= extra.bbox.top and _overlaps(it, extra)
            ),
            len(items),
        )
        items.insert(at, extra)
    return items


def flow(document: Document) -> Iterator[Placed]:
    """Every body block and table with its heading path, in reading order."""
    path: list[Block] = []
    for page in document.pages:
        for item in page_items(document, page.number):
            if isinstance(item, Block) and item.role is BlockRole.HEADING:
                level = item.heading_level or 1
                path = [h for h in path if (h.heading_level or 1) < level]
                yield Placed(item, page.number, tuple(path))
                path.append(item)
            else:
                yield Placed(item, page.number, tuple(path))
