"""Sizes, page geometry and colours derived from a `Look`, shared by the engines.

The engines share the type scale (so "level 1 is large" means the same in all three) but not
their page furniture, spacing or table drawing, which each engine decides for itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.matrix.doc import Look, Section, TableStyle

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


def fit_heading(text: str, size: float, width: float, tracking_em: float = 0.0) -> float:
    """The heading's size, made smaller when its longest word would not fit the column (a
    designer fits a headline to its column rather than let it run into the next one)."""
    longest = max(text.split(), key=len, default="")
    per_char = (0.74 if longest.isupper() else 0.62) + tracking_em
    need = len(longest) * per_char * size
    if width <= 0 or need <= width:
        return size
    return round(size * width / need, 2)


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
