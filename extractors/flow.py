"""The document as one stream of blocks and tables in reading order, for the section rules.

Tables are not part of a page's block order; each is placed before the first body block that
starts below its top edge and shares part of its width, or at the end of the page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from extractors.model import Block, BlockRole, Document, Table

Item = Block | Table


@dataclass(frozen=True, slots=True)
class Placed:
    """An item of the flow with the page it sits on and the headings above it (outermost first)."""

    item: Item
    page: int
    headings: tuple[Block, ...]


def _overlaps(block: Block, table: Table) -> bool:
    return min(block.bbox.x1, table.bbox.x1) - max(block.bbox.x0, table.bbox.x0) > 0


def page_items(document: Document, number: int) -> list[Item]:
    page = document.pages[number - 1]
    items: list[Item] = list(page.body_blocks)
    for table in sorted((t for t in page.tables if t.pages[0] == number), key=lambda t: t.bbox.top):
        at = next(
            (
                i
                for i, it in enumerate(items)
                if isinstance(it, Block) and it.bbox.top >= table.bbox.top and _overlaps(it, table)
            ),
            len(items),
        )
        items.insert(at, table)
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
