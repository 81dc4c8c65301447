"""Design tokens and paragraph styles of the "classic" design (see ``classic.py``).

DejaVu Serif text, DejaVu Sans headings, dark red for titles and figures, no colour fills.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from reportgen.layouts.styles import Palette, Theme, make_styles

DARK_RED = HexColor("#8C1C13")


def classic_theme() -> Theme:
    palette = Palette(
        primary=DARK_RED,
        accent=DARK_RED,
        text=HexColor("#1C1C1C"),
        muted=HexColor("#555555"),
        box=HexColor("#DADADA"),
        box_text=HexColor("#8A8A8A"),
        rule=HexColor("#4A4A4A"),
        light_rule=HexColor("#9A9A9A"),
        table_head=HexColor("#FFFFFF"),
        band=DARK_RED,
    )
    return Theme(
        palette=palette,
        margin_x=58,
        margin_top=76,
        margin_bottom=66,
        gutter=22,
        display_size=34,
        h1_size=18,
        h2_size=12,
        h3_size=10.5,
        body_size=10.2,
        body_leading=14.6,
        small_size=8.8,
        table_size=8.8,
        figure_size=26,
        header_size=7.5,
        footer_size=8.5,
    )


def classic_styles(theme: Theme) -> dict[str, ParagraphStyle]:
    """The shared style names, re-made: serif text, sans-serif headings, no colour fills."""
    p = theme.palette
    serif, serif_b, serif_i = theme.serif, f"{theme.serif}-Bold", f"{theme.serif}-Italic"
    sans_b = f"{theme.sans}-Bold"
    body = ParagraphStyle(
        "body",
        fontName=serif,
        fontSize=theme.body_size,
        leading=theme.body_leading,
        textColor=p.text,
        alignment=TA_JUSTIFY,
        spaceAfter=theme.body_leading * 0.5,
        bulletFontName=serif,
        bulletFontSize=theme.body_size,
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("alignment", TA_LEFT)
        return ParagraphStyle(name, parent=body, **kw)

    table = theme.table_size
    heading = {"fontName": sans_b, "keepWithNext": 1}
    styles = make_styles(theme)
    styles.update(
        {
            "body": body,
            "h0": derive(
                "h0",
                fontName=sans_b,
                fontSize=theme.display_size,
                leading=theme.display_size * 1.15,
                textColor=p.primary,
                spaceAfter=12,
            ),
            "h1": derive(
                "h1",
                **heading,
                fontSize=theme.h1_size,
                leading=theme.h1_size * 1.2,
                textColor=p.primary,
                spaceAfter=14,
            ),
            "h2": derive(
                "h2",
                **heading,
                fontSize=theme.h2_size,
                leading=theme.h2_size * 1.25,
                spaceBefore=13,
                spaceAfter=3,
            ),
            "h3": derive(
                "h3",
                **heading,
                fontSize=theme.h3_size,
                leading=theme.h3_size * 1.3,
                textColor=p.primary,
                spaceBefore=10,
                spaceAfter=3,
            ),
            "date": derive(
                "date",
                fontName=serif_i,
                fontSize=9.8,
                leading=13,
                textColor=p.primary,
                spaceAfter=2,
                keepWithNext=1,
            ),
            "subtitle": derive(
                "subtitle",
                fontName=serif_i,
                fontSize=13,
                leading=17,
                textColor=p.muted,
                spaceAfter=22,
            ),
            "cover_org": derive(
                "cover_org",
                fontName=sans_b,
                fontSize=11,
                leading=14,
                textColor=p.muted,
                spaceAfter=8,
            ),
            "column": derive("column"),
            "bullet": derive("bullet", leftIndent=16, bulletIndent=4, spaceAfter=2),
            "table": derive("table", fontSize=table, leading=table * 1.27, spaceAfter=0),
            "table_head": derive(
                "table_head", fontName=sans_b, fontSize=table, leading=table * 1.27, spaceAfter=0
            ),
            "figure_value": derive(
                "figure_value",
                fontName=sans_b,
                fontSize=theme.figure_size,
                leading=theme.figure_size * 1.15,
                textColor=p.primary,
                spaceAfter=0,
            ),
            "figure_label": derive("figure_label", fontSize=9.5, leading=12, spaceAfter=0),
            "caption": derive(
                "caption",
                fontName=serif_i,
                fontSize=8,
                leading=10,
                textColor=p.muted,
                spaceBefore=3,
                spaceAfter=0,
            ),
            "person_name": derive(
                "person_name",
                fontName=sans_b,
                fontSize=13,
                leading=16,
                textColor=p.primary,
                spaceAfter=2,
            ),
            "person_title": derive(
                "person_title", fontName=serif_i, fontSize=10, leading=13, textColor=p.muted
            ),
            "signature_name": derive(
                "signature_name", fontName=serif_b, fontSize=10.5, leading=14, spaceBefore=10
            ),
            "address": derive("address", fontSize=9.5, leading=13.5, spaceAfter=0),
        }
    )
    styles["region"] = ParagraphStyle(
        "region", parent=styles["h2"], keepWithNext=0, spaceBefore=12, spaceAfter=5
    )
    return styles
