"""Split a Document into Sections by heading typography (size, weight, isolation), never by titles.

A block is a heading candidate when it is short, contains words, and is set larger than the body
text or bold at body size. Heading styles (size, weight) that recur on at least two pages are ranked
largest first to give levels 1, 2, ...; a one-off style takes the level of the recurring styles it
is larger than. A section holds everything up to the next heading of the same or a higher level, so
a level-1 section contains its sub-sections' blocks and tables too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from extractors.model import Block, BlockRole, Page, Section

_MAX_HEADING_WORDS = 15
_MAX_HEADING_LINES = 3


def body_font_size(pages: Sequence[Page]) -> float:
    """The font size most of the body text is set in."""
    weights: Counter[float] = Counter()
    for page in pages:
        for block in page.body_blocks:
            weights[round(block.font_size * 2) / 2] += len(block.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _style(block: Block) -> tuple[float, bool]:
    return (round(block.font_size * 2) / 2, block.bold)


def is_heading_candidate(block: Block, body_size: float) -> bool:
    text = block.text.strip()
    if sum(ch.isalpha() for ch in text) < 2 or body_size <= 0:
        return False
    words = text.split()
    if len(words) > _MAX_HEADING_WORDS or len(block.lines) > _MAX_HEADING_LINES:
        return False
    if text.endswith((",", ";")) or (text.endswith(".") and len(words) > 4):
        return False
    ratio = block.font_size / body_size
    return ratio >= 1.15 or (block.bold and ratio >= 0.95)


def heading_levels(pages: Sequence[Page], body_size: float) -> dict[tuple[float, bool], int]:
    """Map each heading style to its level."""
    style_pages: defaultdict[tuple[float, bool], set[int]] = defaultdict(set)
    for page in pages:
        for block in page.body_blocks:
            if is_heading_candidate(block, body_size):
                style_pages[_style(block)].add(page.number)
    recurring = sorted((s for s, p in style_pages.items() if len(p) >= 2), reverse=True)
    levels = {}
    for style in style_pages:
        larger = sum(1 for r in recurring if r > style)
        levels[style] = larger + 1
    return levels


def mark_headings(pages: Sequence[Page]) -> None:
    """Give the heading role and level to heading blocks, in place."""
    body = body_font_size(pages)
    levels = heading_levels(pages, body)
    for page in pages:
        page.blocks = [
            replace(b, role=BlockRole.HEADING, heading_level=levels[_style(b)])
            if b.role is BlockRole.BODY and is_heading_candidate(b, body)
            else b
            for b in page.blocks
        ]


def build_sections(pages: Sequence[Page]) -> list[Section]:
    """Flat list of sections in document order; each holds its whole subtree's blocks and tables."""
    flow: list[Block] = [b for page in pages for b in page.body_blocks]
    sections: list[Section] = []
    for block in flow:
        if block.role is BlockRole.HEADING:
            level = block.heading_level or 1
            sections.append(
                Section(block.text, level, block.page_number, block.page_number, heading=block)
            )
        elif not sections:
            sections.append(Section("", 0, block.page_number, block.page_number))
        chain = _open_sections(sections)
        if block.role is BlockRole.HEADING:
            chain = chain[1:]  # a heading belongs to its parents, not to its own section
        for section in chain:
            section.blocks.append(block)
            section.last_page = max(section.last_page, block.page_number)
    for page in pages:
        for table in page.tables:
            if table.pages[0] != page.number:
                continue
            owner = _section_at(sections, page.number, table.bbox.top)
            if owner is None:
                continue
            for section in _ancestors_and_self(sections, owner):
                section.tables.append(table)
                section.last_page = max(section.last_page, table.pages[-1])
    return sections


def _open_sections(sections: list[Section]) -> list[Section]:
    """The last section and every section it is nested in."""
    return _ancestors_and_self(sections, len(sections) - 1)


def _ancestors_and_self(sections: list[Section], index: int) -> list[Section]:
    chain = [sections[index]]
    level = sections[index].level
    for section in reversed(sections[:index]):
        if 0 < section.level < level:
            chain.append(section)
            level = section.level
    return chain


def _section_at(sections: list[Section], page_number: int, top: float) -> int | None:
    owner = None
    for i, section in enumerate(sections):
        start = section.heading or (section.blocks[0] if section.blocks else None)
        if start is None:
            continue
        if (start.page_number, start.bbox.top) <= (page_number, top):
            owner = i
    return owner
