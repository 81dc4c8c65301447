"""Split a Document into Sections by heading typography (size, weight, isolation), never by titles.

A block is a heading candidate when it is short, contains words, and is set larger than the body
text, bold at body size, or bold capitals a little smaller than the body (a small-caps label
heading, "AFRICA (47)"); a bold line at body size that ends in a colon is the lead-in of the line
under it ("United Arab Emirates:" over "Abu Dhabi"), no heading; small capitals set one after
another are labels (names under photos). Heading styles (size, weight) that recur on at least two
pages are ranked largest first to give levels 1, 2, ...; a one-off style takes the level of the
recurring styles it is larger than. A section holds everything up to the next heading of the same
or a higher level, so a level-1 section contains its sub-sections' blocks and tables too.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from extractors.model import BBox, Block, BlockRole, Page, Section
from extractors.normalize.numbers import parse_quantity

_MAX_HEADING_WORDS = 15
_MAX_HEADING_LINES = 3
_PAGE_REF = re.compile(r"^(p\.?\s*)?\d{1,4}$", re.IGNORECASE)
_SMALL_CAPS = 0.75  # bold capitals down to this share of the body size may head a section
_MAX_LABEL_WORDS = 6
_RUN_IN = re.compile(r"^[^:]{1,40}:\s+\S")


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
    quantity = parse_quantity(text)
    if quantity is not None and not text.lower().replace(quantity.source_text.lower(), "").split():
        return False  # a figure, however its words read: "Over 300", "USD 3.4 million"
    words = text.split()
    ratio = block.font_size / body_size
    # a large heading in a narrow column wraps over more lines, a word or two each
    per_line = sum(len(line.split()) for line in block.lines) / max(1, len(block.lines))
    most_lines = _MAX_HEADING_LINES * (2 if ratio >= 1.3 and per_line <= 2.5 else 1)
    if len(words) > _MAX_HEADING_WORDS or len(block.lines) > most_lines:
        return False
    if text.endswith((",", ";")) or (text.endswith(".") and len(words) > 4):
        return False
    if ratio < 1.15 and (_RUN_IN.match(text) or text.endswith(":")):
        return False  # a bold lead-in over its line ("Ghana: Accra", "Area: 682 km²")
    if block.bold and _SMALL_CAPS <= ratio < 0.95:
        letters = [ch for ch in text if ch.isalpha()]
        return len(words) <= _MAX_LABEL_WORDS and all(ch.isupper() for ch in letters)
    return ratio >= 1.15 or (block.bold and ratio >= 0.95)


def _styles_by_page(
    pages: Sequence[Page], body_size: float
) -> defaultdict[tuple[float, bool], set[int]]:
    style_pages: defaultdict[tuple[float, bool], set[int]] = defaultdict(set)
    for page in pages:
        for block in page.body_blocks:
            if is_heading_candidate(block, body_size):
                style_pages[_style(block)].add(page.number)
    return style_pages


def heading_levels(pages: Sequence[Page], body_size: float) -> dict[tuple[float, bool], int]:
    """Map each heading style to its level. Covers (first and last page) are display pages: a style
    seen only there does not define a level of the hierarchy."""
    inner = {p.number for p in pages[1:-1]} if len(pages) >= 4 else {p.number for p in pages}
    style_pages = _styles_by_page(pages, body_size)
    recurring = sorted((s for s, p in style_pages.items() if len(p & inner) >= 2), reverse=True)
    return {style: 1 + sum(1 for r in recurring if r > style) for style in style_pages}


def _is_number(block: Block) -> bool:
    return bool(_PAGE_REF.match(block.text.strip()))


def _same_row(a: Block, b: Block) -> bool:
    return min(a.bbox.bottom, b.bbox.bottom) > max(a.bbox.top, b.bbox.top)


def contents_rows(page: Page) -> set[int]:
    """Ids of the blocks that are table-of-contents entries and their page numbers: at least three
    titles each on the same row as one of at least three page numbers, the numbers aligned in one
    column and rising down the page."""
    numbers = [b for b in page.body_blocks if _is_number(b)]
    texts = [b for b in page.body_blocks if sum(c.isalpha() for c in b.text) >= 3]
    pairs = [(t, n) for t in texts for n in numbers if _same_row(t, n)]
    if len({id(t) for t, _ in pairs}) < 3 or len({id(n) for _, n in pairs}) < 3:
        return set()
    column = [n for _, n in pairs]
    aligned = max(n.bbox.x0 for n in column) - min(n.bbox.x0 for n in column) < 6 or (
        max(n.bbox.x1 for n in column) - min(n.bbox.x1 for n in column) < 6
    )
    values = [int(re.sub(r"\D", "", n.text)) for n in sorted(column, key=lambda b: b.bbox.top)]
    if not aligned or values != sorted(values):
        return set()
    return {id(b) for pair in pairs for b in pair}


def mark_captions(page: Page, body_size: float) -> None:
    """Small text right under (or over) a picture is its caption."""
    if not page.images:
        return
    page.blocks = [
        replace(b, role=BlockRole.CAPTION)
        if b.role is BlockRole.BODY
        and b.font_size < 0.9 * body_size
        and any(_captions(b, image) for image in page.images)
        else b
        for b in page.blocks
    ]


def _captions(block: Block, image: BBox) -> bool:
    overlap = min(block.bbox.x1, image.x1) - max(block.bbox.x0, image.x0)
    if overlap < 0.5 * block.bbox.width:
        return False
    below = 0 <= block.bbox.top - image.bottom <= 14
    above = 0 <= image.top - block.bbox.bottom <= 14
    return below or above


def mark_headings(pages: Sequence[Page]) -> None:
    """Give the heading role and level to heading blocks, in place. Table-of-contents entries are
    left as body text: they repeat the headings but start no section."""
    body = body_font_size(pages)
    for page in pages:
        toc = contents_rows(page)
        page.blocks = [
            replace(b, role=BlockRole.CONTENTS) if id(b) in toc else b for b in page.blocks
        ]
        mark_captions(page, body)
    levels = heading_levels(pages, body)
    for page in pages:
        labels = _label_grid(page.blocks, body)
        page.blocks = [
            replace(b, role=BlockRole.HEADING, heading_level=levels[_style(b)])
            if b.role is BlockRole.BODY and is_heading_candidate(b, body) and id(b) not in labels
            else b
            for b in page.blocks
        ]


def _small_caps(block: Block, body_size: float) -> bool:
    return block.font_size < 0.95 * body_size and is_heading_candidate(block, body_size)


def _label_grid(blocks: Sequence[Block], body_size: float) -> set[int]:
    """Ids of small-capital lines set one after another in the same style (names under a grid of
    photos, "ANGOLA", "CHILE", ...): labels, not headings, since no text follows any of them."""
    text = [b for b in blocks if b.role in (BlockRole.BODY, BlockRole.CAPTION)]
    out: set[int] = set()
    for a, b in itertools.pairwise(text):
        if (
            _small_caps(a, body_size)
            and _style(a) == _style(b)
            and is_heading_candidate(b, body_size)
        ):
            out |= {id(a), id(b)}
    return out


def build_sections(pages: Sequence[Page]) -> list[Section]:
    """Flat list of sections in document order; each holds its whole subtree's blocks and tables."""
    flow: list[Block] = [b for page in pages for b in page.body_blocks]
    sections: list[Section] = []
    open_chain: list[Section] = []  # the last section and its ancestors: changes with a new one
    for block in flow:
        if block.role is BlockRole.HEADING:
            level = block.heading_level or 1
            sections.append(
                Section(block.text, level, block.page_number, block.page_number, heading=block)
            )
            open_chain = _open_sections(sections)
        elif not sections:
            sections.append(Section("", 0, block.page_number, block.page_number))
            open_chain = _open_sections(sections)
        chain = open_chain
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
