"""Running headers, footers and page numbers: text at the page edges that repeats across pages."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from extractors.model import Block, BlockRole, Page
from extractors.settings import Settings

_PAGE_NUMBER = re.compile(
    r"^(page\s+|p\.\s*|-\s*)?(\d{1,4}|[ivxlcdm]{1,7})(\s*(/|of)\s*\d{1,4})?(\s*-)?$", re.IGNORECASE
)
_PAGE_NUMBER_ZONE = 0.2


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _zone(block: Block, page: Page, settings: Settings) -> BlockRole | None:
    if block.bbox.bottom <= page.height * settings.header_zone:
        return BlockRole.HEADER
    if block.bbox.top >= page.height * (1 - settings.footer_zone):
        return BlockRole.FOOTER
    return None


def mark_furniture(pages: Sequence[Page], settings: Settings) -> None:
    """Give header, footer and page-number roles to edge blocks, in place."""
    seen: Counter[tuple[BlockRole, str]] = Counter()
    for page in pages:
        keys = {
            (zone, _signature(b.text))
            for b in page.blocks
            if (zone := _zone(b, page, settings)) is not None
        }
        seen.update(keys)
    text_pages = sum(1 for p in pages if p.blocks)
    threshold = max(2, math.ceil(0.3 * text_pages))
    for page in pages:
        page_number = _page_number_block(page)
        repeated = [
            b
            for b in page.blocks
            if (zone := _zone(b, page, settings)) and seen[(zone, _signature(b.text))] >= threshold
        ]
        marked = []
        for block in page.blocks:
            zone = _zone(block, page, settings)
            role: BlockRole | None = None
            if block is page_number:
                role = BlockRole.PAGE_NUMBER
            elif zone is not None and any(_same_band(block, r) for r in repeated):
                role = zone
            marked.append(replace(block, role=role) if role else block)
        page.blocks = marked


def _page_number_block(page: Page) -> Block | None:
    """A lone number that is the first or last thing on the page, near its top or bottom edge."""
    if not page.blocks:
        return None
    edge = _PAGE_NUMBER_ZONE * page.height
    lowest = max(page.blocks, key=lambda b: b.bbox.bottom)
    highest = min(page.blocks, key=lambda b: b.bbox.top)
    bottom_row = (
        [b for b in page.blocks if _same_band(b, lowest)]
        if lowest.bbox.top >= page.height - edge
        else []
    )
    top_row = (
        [b for b in page.blocks if _same_band(b, highest)] if highest.bbox.bottom <= edge else []
    )
    for block in (*bottom_row, *top_row):
        if _PAGE_NUMBER.match(block.text.strip()):
            return block
    return None


def _same_band(block: Block, other: Block) -> bool:
    return min(block.bbox.bottom, other.bbox.bottom) - max(block.bbox.top, other.bbox.top) > 0
