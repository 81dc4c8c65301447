"""Blocks of `doc` as reportlab flowables (tables are in `reportlab_tables`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from reportgen.fonts import register_fonts
from reportgen.matrix import doc
from reportgen.matrix.engines.metrics import (
    CARD_MIN_WIDTH,
    GREY_BOX,
    MUTED,
    TEXT,
    Metrics,
    fit_per_row,
    metrics,
    tile_min_width,
    tint,
)
from reportgen.matrix.engines.reportlab_flowables import GreyBox, SpacedText
from reportgen.matrix.engines.text import (
    TRACKING_EM,
    body_text,
    escape,
    heading_text,
    spaced,
    split_inside,
)

FONT_NAMES = {"sans": "DejaVuSans", "serif": "DejaVuSerif"}
GAP = 4.0  # per cent of the width between tiles or cards


@dataclass(frozen=True)
class Kit:
    """What the builders need: the look, its sizes, colours and paragraph styles, and the size of
    the headings of each level in the document being set (`metrics.heading_sizes`)."""

    look: doc.Look
    m: Metrics
    accent: Color
    styles: dict[str, ParagraphStyle]
    heading_sizes: dict[int, float] = field(default_factory=dict)

    def text(self, text: str) -> str:
        return escape(body_text(text, self.look))

    def font_command(self) -> tuple:
        """Table cells given as strings (the empty padding cells) use the body font."""
        return ("FONTNAME", (0, 0), (-1, -1), FONT_NAMES[self.look.font])

    def para(self, text: str, style: str) -> Paragraph:
        return Paragraph(self.text(text), self.styles[style])


def make_kit(look: doc.Look, heading_sizes: dict[int, float] | None = None) -> Kit:
    register_fonts()
    m, accent = metrics(look), HexColor(look.accent)
    body_font, head_font = FONT_NAMES[look.font], FONT_NAMES[look.heading_font]
    base = ParagraphStyle(
        "body",
        fontName=body_font,
        fontSize=m.body,
        leading=m.leading,
        textColor=HexColor(TEXT),
        spaceAfter=m.body * 0.6,
    )

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    def head(name: str, size: float, colour: Color, before: float, after: float) -> ParagraphStyle:
        return style(
            name,
            fontName=f"{head_font}-Bold",
            fontSize=size,
            leading=size * 1.2,
            textColor=colour,
            spaceBefore=before,
            spaceAfter=after,
            keepWithNext=1,
        )

    cell = m.table
    styles = {
        "body": base,
        "lead": style("lead", fontSize=m.lead, leading=m.lead * 1.35),
        "small": style("small", fontSize=m.small, leading=m.small * 1.35),
        "italic": style("italic", fontName=f"{body_font}-Italic"),
        "line": style("line", spaceAfter=0),
        "bullet": style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2,
                        bulletFontName=body_font, bulletFontSize=m.body),
        "h1": head("h1", m.h1, accent, 4, m.body),
        "h2": head("h2", m.h2, accent, m.body, m.body * 0.5),
        "h3": head("h3", m.h3, HexColor(TEXT), m.body * 0.8, m.body * 0.3),
        "cover": head("cover", m.cover_title, accent, 0, m.body * 1.5),
        "cell": style("cell", fontSize=cell, leading=cell * 1.3, spaceAfter=0),
        "cell_bold": style("cell_bold", fontName=f"{body_font}-Bold", fontSize=cell,
                           leading=cell * 1.3, spaceAfter=0),
        "num": style("num", fontName=f"{head_font}-Bold", fontSize=m.tile_number,
                     leading=m.tile_number * 1.15, textColor=accent, spaceAfter=2),
        "label": style("label", fontSize=m.small, leading=m.small * 1.3, spaceAfter=0),
        "inside": style("inside", fontSize=m.body, leading=m.tile_number * 1.2, spaceAfter=0),
        "card_title": style("card_title", fontName=f"{head_font}-Bold", fontSize=m.h3,
                            leading=m.h3 * 1.3, spaceAfter=2),
        "fact": style("fact", fontSize=m.small, leading=m.small * 1.35, spaceAfter=0),
        "caption": style("caption", fontName=f"{body_font}-Italic", fontSize=m.small,
                         leading=m.small * 1.3, textColor=HexColor(MUTED), spaceBefore=3),
        "date": style("date", fontName=f"{body_font}-Bold", textColor=accent, spaceAfter=1),
        "toc_num": style("toc_num", alignment=TA_RIGHT, spaceAfter=0),
        "toc": style("toc", spaceAfter=0),
    }  # fmt: skip
    return Kit(look, m, accent, styles, dict(heading_sizes or {}))


def heading(block: doc.Heading, kit: Kit, cover: bool = False) -> Flowable:
    level = min(max(block.level, 1), 3)
    name = "cover" if cover and level == 1 else f"h{level}"
    style = kit.styles[name]
    text = heading_text(block.text, kit.look)
    size = style.fontSize if name == "cover" else kit.heading_sizes.get(level, style.fontSize)
    if size != style.fontSize:
        scale = size / style.fontSize
        style = ParagraphStyle(
            f"{name}_fit", parent=style, fontSize=size, leading=style.leading * scale
        )
    if spaced(kit.look):
        return SpacedText(
            text,
            style.fontName,
            style.fontSize,
            style.textColor,
            TRACKING_EM * style.fontSize,
            style.spaceBefore,
            style.spaceAfter,
        )
    return Paragraph(escape(text), style)


def paragraph(block: doc.Paragraph, kit: Kit) -> Flowable:
    name = {"lead": "lead", "small": "small", "italic": "italic"}.get(block.emphasis, "body")
    return kit.para(block.text, name)


def lines(block: doc.Lines, kit: Kit) -> list[Flowable]:
    out: list[Flowable] = []
    for index, line in enumerate(block.lines):
        cut = block.bold_prefix[index] if index < len(block.bold_prefix) else 0
        markup = f"<b>{kit.text(line[:cut])}</b>{kit.text(line[cut:])}" if cut else kit.text(line)
        out.append(Paragraph(markup, kit.styles["line"]))
    out.append(Spacer(1, kit.m.body * 0.6))
    return out


def bullets(block: doc.Bullets, kit: Kit) -> list[Flowable]:
    return [Paragraph(kit.text(item), kit.styles["bullet"], bulletText="•") for item in block.items]


def _grid(cells: list[list[Flowable]], per_row: int, kit: Kit, boxed: str) -> Table:
    """Boxes `per_row` to a row with gap columns between them; boxed: "", "fill" or "frame"."""
    per_row = max(1, per_row)
    width = (100.0 - GAP * (per_row - 1)) / per_row
    widths = [f"{width if i % 2 == 0 else GAP:.3f}%" for i in range(2 * per_row - 1)]
    rows: list[list[object]] = []
    for start in range(0, len(cells), per_row):
        chunk: list[object] = list(cells[start : start + per_row])
        chunk += [""] * (per_row - len(chunk))
        rows.append([chunk[i // 2] if i % 2 == 0 else "" for i in range(2 * per_row - 1)])
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "TOP"), kit.font_command()]
    for r, start in enumerate(range(0, len(cells), per_row)):
        for k in range(min(per_row, len(cells) - start)):
            if boxed == "fill":
                commands.append(
                    ("BACKGROUND", (2 * k, r), (2 * k, r), HexColor(tint(kit.look.accent, 0.14)))
                )
            elif boxed == "frame":
                commands.append(("BOX", (2 * k, r), (2 * k, r), 0.8, kit.accent))
    commands += [("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
    table = Table(rows, colWidths=widths, style=TableStyle(commands), hAlign="LEFT")
    table.spaceAfter = kit.m.body
    return table


def _tile(tile: doc.Tile, arrangement: str, kit: Kit) -> list[Flowable]:
    number = Paragraph(kit.text(tile.value_text), kit.styles["num"])
    label = kit.para(tile.label, "label")
    if arrangement == "label_above":
        return [label, number]
    if arrangement == "number_inside":
        before, value, after = (
            kit.text(p) for p in split_inside(tile.inside_text, tile.value_text)
        )
        size = kit.m.tile_number
        markup = (
            f'{before}<font size="{size}" color="{kit.look.accent}"><b>{value}</b></font>{after}'
        )
        return [Paragraph(markup, kit.styles["inside"])]
    return [number, label]


def tiles(block: doc.Tiles, kit: Kit, width: float) -> Flowable:
    cells = [_tile(tile, block.arrangement, kit) for tile in block.tiles]
    per_row = fit_per_row(block.per_row, width, tile_min_width(kit.m))
    return _grid(cells, per_row, kit, "fill" if block.boxed else "")


def cards(block: doc.Cards, kit: Kit, width: float) -> Flowable:
    cells = [
        [
            kit.para(card.title, "card_title"),
            *(kit.para(fact, "fact") for fact in card.facts),
            *([Spacer(1, 3), kit.para(card.text, "small")] if card.text else []),
        ]
        for card in block.cards
    ]
    per_row = fit_per_row(block.per_row, width, CARD_MIN_WIDTH)
    return _grid(cells, per_row, kit, "frame" if block.boxed else "")


def timeline(block: doc.Timeline, kit: Kit) -> Flowable:
    rows = [
        [[kit.para(entry.date_text, "date"), *(kit.para(e, "line") for e in entry.events)]]
        for entry in block.entries
    ]
    style = TableStyle(
        [
            kit.font_command(),
            ("LINEBEFORE", (0, 0), (0, -1), 1.5, kit.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]
    )
    table = Table(rows or [[""]], colWidths=["100%"], style=style, hAlign="LEFT")
    table.spaceAfter = kit.m.body
    return table


def photo(block: doc.Photo, kit: Kit) -> Flowable:
    caption = kit.para(block.caption, "caption") if block.caption else None
    box = GreyBox(block.height, block.width, HexColor(GREY_BOX), caption)
    box.spaceAfter = kit.m.body * 0.6
    return box


def contents(entries: list[tuple[str, int | None]], kit: Kit) -> Flowable:
    rows = [
        [kit.para(title, "toc"), Paragraph(str(page or ""), kit.styles["toc_num"])]
        for title, page in entries
    ]
    style = TableStyle(
        [
            kit.font_command(),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(tint(kit.look.accent, 0.35))),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return Table(rows, colWidths=["86%", "14%"], style=style, hAlign="LEFT")
