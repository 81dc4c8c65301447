"""Builders for the table-like content items (tables, member cards, figures, timeline...).

Each handler takes the ``ItemBuilder`` (for styles, theme and helpers), the item and the
available width, and returns flowables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from reportgen.content import Item, card_title
from reportgen.layouts.flowables import Timeline
from reportgen.layouts.styles import Theme

if TYPE_CHECKING:
    from reportgen.layouts.builders import ItemBuilder

TableHandler = Callable[["ItemBuilder", Item, float], list[Flowable]]

NO_PADDING: list[tuple[Any, ...]] = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def themed_style(theme: Theme, commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose default cell font is the theme's (not reportlab's Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), theme.sans), *commands])


def blank() -> Flowable:
    """An empty table cell (a plain "" would be drawn with the table's default Helvetica)."""
    return Spacer(0, 0)


def esc(text: str) -> str:
    """Escape plain text for platypus paragraph markup."""
    return escape(text)


def grid_style(theme: Theme, kind: str) -> TableStyle:
    """``grid``: fully ruled, shaded header; ``light``: thin light-grey grid; ``ruled``: rows."""
    p = theme.palette
    top, bottom = (1.5, 2.5) if kind == "light" else (4, 5)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("BACKGROUND", (0, 0), (-1, 0), p.table_head),
    ]
    if kind == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, p.rule))
    elif kind == "light":
        commands.append(("GRID", (0, 0), (-1, -1), 0.4, p.light_rule))
    else:
        commands += [
            ("LINEABOVE", (0, 0), (-1, 0), 1, p.primary),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, p.rule),
        ]
    return themed_style(theme, commands)


def _widths(item: Item, width: float, columns: int) -> list[float]:
    fractions = item.get("col_widths") or [1 / columns] * columns
    return [f * width for f in fractions]


def table(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    rows: list[list[Any]] = [[b.para(text, "table_head") for text in item["header"]]]
    for row in item["rows"]:
        cells: list[Any] = []
        for index, cell in enumerate(row):
            if isinstance(cell, dict):  # award winner: city in bold over the project
                cells.append([b.para(cell["city"], "table_bold"), b.para(cell["project"], "table")])
            else:
                bold = index == 0 and item.get("first_col_bold", False)
                cells.append(b.para(cell, "table_bold" if bold else "table"))
        rows.append(cells)
    repeat = 1 if item.get("repeat_header", True) else 0
    grid = Table(rows, colWidths=_widths(item, width, len(item["header"])), repeatRows=repeat)
    grid.setStyle(grid_style(b.theme, item.get("style", "grid")))
    return [Spacer(1, 4), grid, Spacer(1, 10)]


def region_members(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    rows: list[list[Any]] = [[b.para(text, "table_head") for text in item["header"]]]
    rows += [
        [b.para(country, "table_bold"), b.para(members, "table")]
        for country, members in item["rows"]
    ]
    grid = Table(rows, colWidths=[0.2 * width, 0.8 * width], repeatRows=1)
    grid.setStyle(grid_style(b.theme, "light"))
    return [CondPageBreak(64), b.para(item["heading"], "region"), grid, Spacer(1, 2)]


def pairs_table(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    rows: list[list[Any]] = [[b.para(text, "table_head") for text in item["header"]]]
    for row in item["rows"]:
        rows.append(
            [b.para(cell, "table_bold" if i % 2 == 0 else "table") for i, cell in enumerate(row)]
        )
    widths = [w * width for w in (0.155, 0.345, 0.155, 0.345)]
    grid = Table(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(grid_style(b.theme, "light"))
    return [grid, Spacer(1, 8)]


def member_cards(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    gap, pad = 14.0, 9.0
    card_width = (width - gap) / 2
    inner = card_width - 2 * pad
    flowables: list[Flowable] = []
    cards = item["cards"]
    for start in range(0, len(cards), 2):
        cells: list[Any] = []
        for card in cards[start : start + 2]:
            content: list[Flowable] = [b.box(44, inner), Spacer(1, 7)]
            content.append(b.para(card_title(card), "card_title"))
            content += [b.para(fact, "card_fact") for fact in card["facts"]]
            content.append(b.para(card["description"], "card_text"))
            cells.append(content)
        filled = len(cells)
        while len(cells) < 2:
            cells.append(blank())
        row = Table([[cells[0], blank(), cells[1]]], colWidths=[card_width, gap, card_width])
        style = [*NO_PADDING]
        for col in (0, 2)[:filled]:
            style += [
                ("BOX", (col, 0), (col, 0), 0.6, b.theme.palette.rule),
                ("LEFTPADDING", (col, 0), (col, 0), pad),
                ("RIGHTPADDING", (col, 0), (col, 0), pad),
                ("TOPPADDING", (col, 0), (col, 0), pad),
                ("BOTTOMPADDING", (col, 0), (col, 0), pad),
            ]
        row.setStyle(themed_style(b.theme, style))
        flowables += [row, Spacer(1, gap * 0.8)]
    return flowables


def figures(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    flowables: list[Flowable] = []
    for group in item["groups"]:
        cells = [
            [b.para(figure["value"], "figure_value"), b.para(figure["label"], "figure_label")]
            for figure in group["figures"]
        ]
        cells += [blank() for _ in range(3 - len(cells))]
        grid = Table([cells], colWidths=[width / 3] * 3)
        grid.setStyle(themed_style(b.theme, [*NO_PADDING, ("RIGHTPADDING", (0, 0), (-1, -1), 14)]))
        flowables += [b.para(group["title"], "h3"), grid, Spacer(1, 6)]
    return flowables


def country_grid(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    columns = max(len(row) for row in item["rows"])
    rows = [
        [[b.box(24, 36), b.para(name, "grid_cell")] if name else blank() for name in row]
        for row in item["rows"]
    ]
    grid = Table(rows, colWidths=[width / columns] * columns)
    grid.setStyle(
        themed_style(
            b.theme,
            [
                *NO_PADDING,
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ],
        )
    )
    return [Spacer(1, 6), grid, Spacer(1, 6)]


def timeline(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    entries = []
    for index, entry in enumerate(item["entries"]):
        suffix = "_r" if index % 2 == 0 else ""
        paragraphs = [b.para(entry["date"], "timeline_date" + suffix)]
        paragraphs += [b.para(event, "timeline_event" + suffix) for event in entry["events"]]
        entries.append(paragraphs)
    palette = b.theme.palette
    return [Spacer(1, 8), Timeline(entries, palette.rule, palette.accent), Spacer(1, 8)]


def mou(b: ItemBuilder, item: Item, width: float) -> list[Flowable]:
    flowables: list[Flowable] = []
    logo = 112.0
    for entry in item["entries"]:
        text = [b.para(entry["name"], "mou_name"), b.para(entry["date"], "date")]
        text.append(b.para(entry["text"], "body"))
        row = Table([[b.box(64, logo - 16), text]], colWidths=[logo, width - logo])
        row.setStyle(themed_style(b.theme, NO_PADDING))
        flowables += [row, Spacer(1, 14)]
    return flowables


HANDLERS: dict[str, TableHandler] = {
    "table": table,
    "region_members": region_members,
    "pairs_table": pairs_table,
    "member_cards": member_cards,
    "figures": figures,
    "country_grid": country_grid,
    "timeline": timeline,
    "mou": mou,
}
