"""Sizes, page geometry and colours derived from a `Look`, shared by the engines.

The engines share the type scale (so "level 1 is large" means the same in all three) but not
their page furniture, spacing or table drawing, which each engine decides for itself.

Headings: the title of a multi-column section (`title_spans`) is set across all its columns at
the full level-1 size. Level-2 and level-3 headings stay in their column and have one size per
level in a document (`heading_sizes`): the nominal size, made smaller when the widest word of
some heading of that level would not fit its column.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reportgen.matrix.doc import Document, Heading, Look, Section, TableStyle
from reportgen.matrix.engines.text import TRACKING_EM, heading_text, spaced

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (595.2756, 841.8898),
    "Letter": (612.0, 792.0),
}
FAMILIES: dict[str, str] = {"sans": "DejaVu Sans", "serif": "DejaVu Serif"}
GREY_BOX = "#D4D4D4"
RULE = "#9A9A9A"
TEXT = "#222222"
MUTED = "#666666"


@dataclass(frozen=True)
class Metrics:
    """Font sizes in points."""

    body: float
    leading: float
    small: float
    lead: float
    table: float
    h1: float
    h2: float
    h3: float
    cover_title: float
    tile_number: float
    furniture: float  # running header and page number


def metrics(look: Look) -> Metrics:
    b = look.body_size
    return Metrics(
        body=b,
        leading=round(b * 1.38, 2),
        small=round(b * 0.86, 2),
        lead=round(b * 1.25, 2),
        table=round(b * 0.92, 2),
        h1=round(b * 2.0, 2),
        h2=round(b * 1.45, 2),
        h3=round(b * 1.12, 2),
        cover_title=round(b * 3.0, 2),
        tile_number=round(b * 2.6, 2),
        furniture=round(b * 0.78, 2),
    )


def heading_size(m: Metrics, level: int, cover: bool = False) -> float:
    if cover and level == 1:
        return m.cover_title
    return {1: m.h1, 2: m.h2}.get(level, m.h3)


def fit_heading(
    text: str, size: float, width: float, tracking_em: float = 0.0, font: str | None = None
) -> float:
    """The heading's size, made smaller when its widest word would not fit the column (a
    designer fits a headline to its column rather than let it run into the next one). With
    `font` (a reportlab name of a DejaVu face, "DejaVuSans-Bold") the words are measured with
    its glyph widths, else estimated from their length."""
    if width <= 0:
        return size
    words = text.split() or [""]
    if font is None:
        longest = max(words, key=len)
        per_char = (0.74 if longest.isupper() else 0.62) + tracking_em
        need = len(longest) * per_char * size
    else:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        from reportgen.fonts import register_fonts

        register_fonts()
        need = max(stringWidth(w, font, size) + tracking_em * size * len(w) for w in words)
    if need <= width:
        return size
    return math.floor(100 * size * width / need) / 100


def title_spans(section: Section, look: Look) -> bool:
    """Whether the section's title (its first block, a level-1 heading) is set across all its
    columns, above them, rather than in the first column."""
    first = section.blocks[0] if section.blocks else None
    return section_columns(section, look) > 1 and isinstance(first, Heading) and first.level == 1


H2_OVER_H3 = 1.2  # level 2 is at least this much larger than level 3


def heading_sizes(document: Document, column_width: Callable[[int], float]) -> dict[int, float]:
    """The size of every heading of each level (1-3) in `document`, given the engine's column
    width for a section of n columns: level 1 its nominal size (section titles span the
    columns); levels 2 and 3 the smallest size any of their headings fits its column at (cover
    sections aside), so all headings of a level share one size. Level 2 stays at least
    `H2_OVER_H3` times level 3: when its fitting would break that, level 3 gets smaller (making
    level 2 larger would run its widest word into the next column)."""
    look = document.look
    m = metrics(look)
    tracking = TRACKING_EM if spaced(look) else 0.0
    font = f"DejaVu{look.heading_font.capitalize()}-Bold"
    sizes = {level: heading_size(m, level) for level in (1, 2, 3)}
    for section in document.sections:
        if section.kind == "cover":
            continue
        width = column_width(section_columns(section, look))
        for block in section.blocks:
            if isinstance(block, Heading) and block.level >= 2:
                level = min(block.level, 3)
                text = heading_text(block.text, look)
                fitted = fit_heading(text, heading_size(m, level), width, tracking, font)
                sizes[level] = min(sizes[level], fitted)
    sizes[3] = min(sizes[3], math.floor(100 * sizes[2] / H2_OVER_H3) / 100)
    return sizes


def section_columns(section: Section, look: Look) -> int:
    if section.kind in ("cover", "contents"):
        return 1
    return max(1, min(3, section.columns or look.columns))


def table_style(own: TableStyle | None, look: Look) -> TableStyle:
    return own or look.table_style


# Whether the header row is bold, per engine and table style: the extractor must not rely on a
# bold header, so some engines mark it by a fill or a thicker rule only.
HEADER_BOLD: dict[str, dict[str, bool]] = {
    "reportlab": {"grid": True, "hrules": True, "zebra": False, "whitespace": True},
    "chromium": {"grid": False, "hrules": False, "zebra": True, "whitespace": True},
    "libreoffice": {"grid": True, "hrules": False, "zebra": False, "whitespace": False},
}


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def tint(colour: str, amount: float) -> str:
    """`colour` mixed with white: amount 0 is white, 1 the colour itself."""
    r, g, b = (round(255 - (255 - c) * amount) for c in rgb(colour))
    return f"#{r:02X}{g:02X}{b:02X}"


def fit_per_row(per_row: int, width: float, min_width: float) -> int:
    """At most `per_row` boxes to a row, fewer when a box would be narrower than `min_width`
    (headline numbers would break inside a word)."""
    return max(1, min(per_row, int(width // min_width)))


def tile_min_width(m: Metrics) -> float:
    return 4.2 * m.tile_number


CARD_MIN_WIDTH = 120.0
