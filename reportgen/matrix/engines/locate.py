"""Where the sections of a rendered document landed, read back from the PDF's outline.

Chromium cannot say where its pages break, so the engine prints a measuring copy with the
document outline Chromium makes from the h1-h3 headings (`page.pdf(outline=True)`), reads its
destinations with pypdfium2 (exact, and far faster than extracting every character), and
renders again with the table of contents and the running heads those pages call for. A section
is found by its first block when that is a heading: the next outline entry, in document order,
whose title is that heading's text. A section without one is taken to start where the previous
one did (the cover: page 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from reportgen.matrix import doc
from reportgen.matrix.engines.text import fold, heading_text


@dataclass(frozen=True)
class Placed:
    page: int  # 1-based page of the section's first heading
    at_top: bool  # the heading opens the page (nothing of the body above it)


@dataclass(frozen=True)
class Frame:
    """The body area of a page, for `at_top`: its top edge (points from the page bottom, as PDF
    destinations give it), its left edge and a tolerance."""

    top: float
    left: float
    slack: float


def _outline(pdf_path: Path) -> tuple[list[tuple[str, int, float, float]], int]:
    """(title, 0-based page, x, y) of every outline entry in document order, and the page count."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        entries = []
        for item in pdf.get_toc():
            dest = item.get_dest()
            if dest is None:
                continue
            _, position = dest.get_view()
            x, y = (*position, 0.0, 0.0)[:2]
            entries.append((item.get_title(), dest.get_index(), x, y))
        return entries, len(pdf)
    finally:
        pdf.close()


def section_pages(pdf_path: Path, document: doc.Document, frame: Frame) -> tuple[list[Placed], int]:
    """(where each section starts, the page count) of a PDF printed with an outline."""
    entries, page_count = _outline(pdf_path)
    placed: list[Placed] = []
    cursor = 0
    for index, section in enumerate(document.sections):
        first = section.blocks[0] if section.blocks else None
        hit = None
        if isinstance(first, doc.Heading):
            key = fold(heading_text(first.text, document.look))
            hit = next((i for i in range(cursor, len(entries)) if fold(entries[i][0]) == key), None)
        if hit is None:
            placed.append(placed[-1] if placed else Placed(1, True))
            continue
        _, page, x, y = entries[hit]
        cursor = hit + 1
        top = y >= frame.top - frame.slack and x <= frame.left + frame.slack
        placed.append(Placed(page + 1, top or index == 0))
    return placed, page_count


def page_heads(document: doc.Document, placed: list[Placed], page_count: int) -> list[str | None]:
    """Per page (index 0 = page 1) the running head to print: that of the section current at
    the top of the page ("" for a section without one), None on cover pages (no header). A
    section that flows on from the previous one and does not open its page becomes current on
    the next page."""
    sections = document.sections
    opens = [
        where.page if index == 0 or sections[index].new_page or where.at_top else where.page + 1
        for index, where in enumerate(placed)
    ]
    heads: list[str | None] = []
    for page in range(1, page_count + 1):
        current = max((i for i, first in enumerate(opens) if first <= page), default=0)
        section = sections[current]
        heads.append(None if section.kind == "cover" else (section.running_head or ""))
    return heads
