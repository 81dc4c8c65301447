"""Design tokens (fonts, sizes, colours, page geometry) and the paragraph styles made from them.

A layout is mostly a ``Theme``: the builders in ``builders.py``/``tables.py`` only ever look
styles up by name, so another design changes the theme values, not the builders.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle


@dataclass(frozen=True)
class Palette:
    primary: Color = field(default_factory=lambda: HexColor("#0B4F8A"))
    accent: Color = field(default_factory=lambda: HexColor("#00A19A"))
    text: Color = field(default_factory=lambda: HexColor("#222222"))
    muted: Color = field(default_factory=lambda: HexColor("#6B6B6B"))
    box: Color = field(default_factory=lambda: HexColor("#D9D9D9"))
    box_text: Color = field(default_factory=lambda: HexColor("#8A8A8A"))
    rule: Color = field(default_factory=lambda: HexColor("#B8B8B8"))
    light_rule: Color = field(default_factory=lambda: HexColor("#CFCFCF"))
    table_head: Color = field(default_factory=lambda: HexColor("#DCE8F3"))
    band: Color = field(default_factory=lambda: HexColor("#0B4F8A"))
    paper: Color = field(default_factory=lambda: white)


@dataclass(frozen=True)
class Theme:
    """Everything a layout may vary.  Sizes are in points."""

    palette: Palette = field(default_factory=Palette)
    sans: str = "DejaVuSans"
    serif: str = "DejaVuSerif"
    page_size: tuple[float, float] = A4
    margin_x: float = 50
    margin_top: float = 58
    margin_bottom: float = 54
    gutter: float = 24
    display_size: float = 34
    h1_size: float = 22
    h2_size: float = 13.5
    h3_size: float = 10.5
    body_size: float = 9.5
    body_leading: float = 13.8
    small_size: float = 8.5
    table_size: float = 8.3
    figure_size: float = 28
    quote_size: float = 13
    header_size: float = 7.5
    footer_size: float = 8
    space_before_h1: float = 0
    space_before_h2: float = 12
    space_before_h3: float = 10

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - 2 * self.margin_x


def make_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    """All named paragraph styles used by the builders."""
    p = theme.palette
    sans, sans_b, sans_i = theme.sans, f"{theme.sans}-Bold", f"{theme.sans}-Italic"
    serif_i = f"{theme.serif}-Italic"
    body = ParagraphStyle(
        "body",
        fontName=sans,
        fontSize=theme.body_size,
        leading=theme.body_leading,
        textColor=p.text,
        spaceAfter=theme.body_leading * 0.55,
        bulletFontName=sans,
        bulletFontSize=theme.body_size,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    small = theme.small_size
    table = theme.table_size
    styles = {
        "body": body,
        "h0": derive(
            "h0",
            fontName=sans_b,
            fontSize=theme.display_size,
            leading=theme.display_size * 1.15,
            textColor=p.primary,
            spaceAfter=14,
        ),
        "h1": derive(
            "h1",
            fontName=sans_b,
            fontSize=theme.h1_size,
            leading=theme.h1_size * 1.2,
            textColor=p.primary,
            spaceBefore=theme.space_before_h1,
            spaceAfter=10,
            keepWithNext=1,
        ),
        "h2": derive(
            "h2",
            fontName=sans_b,
            fontSize=theme.h2_size,
            leading=theme.h2_size * 1.25,
            textColor=p.primary,
            spaceBefore=theme.space_before_h2,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h3": derive(
            "h3",
            fontName=sans_b,
            fontSize=theme.h3_size,
            leading=theme.h3_size * 1.3,
            textColor=p.accent,
            spaceBefore=theme.space_before_h3,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "subtitle": derive("subtitle", fontSize=12, leading=16, textColor=p.accent, spaceAfter=12),
        "date": derive(
            "date",
            fontName=sans_b,
            fontSize=small,
            leading=small * 1.35,
            textColor=p.accent,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "bullet": derive("bullet", leftIndent=11, bulletIndent=0, spaceAfter=3),
        "compact": derive(
            "compact",
            fontSize=small,
            leading=small * 1.35,
            leftIndent=11,
            spaceAfter=2,
            bulletFontSize=small,
        ),
        "quote": ParagraphStyle(
            "quote",
            fontName=serif_i,
            fontSize=theme.quote_size,
            leading=theme.quote_size * 1.42,
            textColor=p.primary,
            spaceAfter=8,
        ),
        "quote_attr": derive(
            "quote_attr",
            fontName=sans_b,
            fontSize=small,
            leading=small * 1.4,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
        "caption": derive(
            "caption",
            fontName=sans_i,
            fontSize=7.5,
            leading=9.5,
            textColor=p.muted,
            spaceBefore=3,
            spaceAfter=0,
        ),
        "box_label": derive(
            "box_label",
            fontName=sans_i,
            fontSize=7,
            leading=8.6,
            textColor=p.box_text,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        "table": derive("table", fontSize=table, leading=table * 1.22, spaceAfter=0),
        "table_head": derive(
            "table_head",
            fontName=sans_b,
            fontSize=table,
            leading=table * 1.22,
            textColor=p.primary,
            spaceAfter=0,
        ),
        "table_bold": derive(
            "table_bold", fontName=sans_b, fontSize=table, leading=table * 1.22, spaceAfter=1
        ),
        "card_title": derive(
            "card_title",
            fontName=sans_b,
            fontSize=10,
            leading=12.5,
            textColor=p.primary,
            spaceAfter=3,
        ),
        "card_fact": derive("card_fact", fontSize=small, leading=small * 1.3, spaceAfter=0),
        "card_text": derive(
            "card_text", fontSize=small, leading=small * 1.33, spaceBefore=4, spaceAfter=0
        ),
        "figure_value": derive(
            "figure_value",
            fontName=sans_b,
            fontSize=theme.figure_size,
            leading=theme.figure_size * 1.15,
            textColor=p.accent,
            spaceAfter=2,
        ),
        "figure_label": derive(
            "figure_label", fontSize=small, leading=small * 1.3, textColor=p.text, spaceAfter=0
        ),
        "toc_num": derive(
            "toc_num", fontName=sans_b, fontSize=20, leading=24, textColor=p.accent, spaceAfter=0
        ),
        "toc_title": derive("toc_title", fontSize=13, leading=17, spaceAfter=0),
        "cover_org": derive(
            "cover_org", fontName=sans_b, fontSize=14, leading=18, textColor=p.accent, spaceAfter=6
        ),
        "logo": derive(
            "logo", fontName=sans_b, fontSize=15, leading=18, textColor=p.primary, spaceBefore=18
        ),
        "address": derive("address", fontSize=small + 0.5, leading=(small + 0.5) * 1.4),
        "link": derive("link", fontSize=small + 0.5, leading=(small + 0.5) * 1.3, spaceAfter=0),
        "person_name": derive(
            "person_name",
            fontName=sans_b,
            fontSize=14,
            leading=18,
            textColor=p.primary,
            spaceAfter=3,
        ),
        "person_title": derive(
            "person_title", fontSize=small + 0.5, leading=12, textColor=p.muted, spaceAfter=0
        ),
        "signature_name": derive("signature_name", fontName=sans_b, spaceBefore=3),
        "grid_cell": derive(
            "grid_cell", fontName=sans_b, fontSize=7.5, leading=9, alignment=TA_CENTER, spaceAfter=0
        ),
        "timeline_date": derive(
            "timeline_date",
            fontName=sans_b,
            fontSize=11,
            leading=13,
            textColor=p.accent,
            spaceAfter=1,
        ),
        "timeline_event": derive(
            "timeline_event", fontSize=small + 0.3, leading=11.5, spaceAfter=2
        ),
    }
    styles["timeline_date_r"] = ParagraphStyle(
        "timeline_date_r", parent=styles["timeline_date"], alignment=TA_RIGHT
    )
    styles["timeline_event_r"] = ParagraphStyle(
        "timeline_event_r", parent=styles["timeline_event"], alignment=TA_RIGHT
    )
    styles["quote_attr_rest"] = ParagraphStyle(
        "quote_attr_rest", parent=styles["quote_attr"], fontName=sans, textColor=p.muted
    )
    # headings that must not glue themselves to the following (possibly long) table
    styles["region"] = ParagraphStyle("region", parent=styles["h3"], keepWithNext=0, spaceBefore=6)
    styles["mou_name"] = ParagraphStyle(
        "mou_name", parent=styles["h3"], keepWithNext=0, spaceBefore=0
    )
    return styles
