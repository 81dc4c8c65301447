"""Blocks of `doc` written into a python-docx document (tables are in `docx_tables`)."""

from __future__ import annotations

import math
from typing import Any

from docx.enum.text import WD_BREAK
from docx.shared import Pt

from reportgen.matrix import doc
from reportgen.matrix.engines import docx_oxml as ox
from reportgen.matrix.engines.metrics import (
    CARD_MIN_WIDTH,
    FAMILIES,
    GREY_BOX,
    MUTED,
    Metrics,
    fit_per_row,
    heading_size,
    metrics,
    tile_min_width,
    tint,
)
from reportgen.matrix.engines.text import TRACKING_EM, body_text, heading_text, spaced, split_inside

GAP_PT = 10.0  # between tiles or cards


class Writer:
    """Appends blocks to `document`; `width` is the current column width in points and
    `heading_sizes` the size of the headings of each level (`metrics.heading_sizes`)."""

    def __init__(
        self, document: Any, look: doc.Look, heading_sizes: dict[int, float] | None = None
    ) -> None:
        self.document, self.look = document, look
        self.m: Metrics = metrics(look)
        self.body_font, self.head_font = FAMILIES[look.font], FAMILIES[look.heading_font]
        self.width = 0.0
        self.heading_sizes = dict(heading_sizes or {})

    def t(self, text: str) -> str:
        return body_text(text, self.look)

    def run(self, paragraph: Any, text: str, **font: Any) -> Any:
        run = paragraph.add_run(text)
        if font:
            ox.rpr_font(run._r.get_or_add_rPr(), **font)
        return run

    def para(self, style: str | None = None, after: float | None = None) -> Any:
        paragraph = self.document.add_paragraph(style=style)
        if after is not None:
            paragraph.paragraph_format.space_after = Pt(after)
        return paragraph

    def heading(self, block: doc.Heading, cover: bool) -> None:
        level = min(max(block.level, 1), 3)
        paragraph = self.para(f"Heading {level}")
        text = heading_text(block.text, self.look)
        size = heading_size(self.m, level, cover)
        if not (cover and level == 1):
            fitted = self.heading_sizes.get(level, size)
            # Word sizes are whole half-points: a fitted size rounds down, not up into the gutter
            size = math.floor(fitted * 2) / 2 if fitted < size else size
        tracking = TRACKING_EM * size if spaced(self.look) else 0.0
        self.run(paragraph, text, size=size, tracking=tracking)

    def paragraph(self, block: doc.Paragraph) -> None:
        paragraph = self.para()
        size = {"lead": self.m.lead, "small": self.m.small}.get(block.emphasis)
        italic = True if block.emphasis == "italic" else None
        self.run(paragraph, self.t(block.text), size=size, italic=italic)

    def lines(self, block: doc.Lines) -> None:
        for index, line in enumerate(block.lines):
            last = index == len(block.lines) - 1
            paragraph = self.para(after=self.m.body * 0.6 if last else 0)
            cut = block.bold_prefix[index] if index < len(block.bold_prefix) else 0
            if cut:
                self.run(paragraph, self.t(line[:cut]), bold=True)
            self.run(paragraph, self.t(line[cut:]))

    def bullets(self, block: doc.Bullets) -> None:
        for index, item in enumerate(block.items):
            last = index == len(block.items) - 1
            self.run(self.para("List Bullet", self.m.body * 0.6 if last else 2), self.t(item))

    def _grid(self, count: int, per_row: int) -> tuple[Any, list[Any]]:
        """A borderless table of `count` boxes, `per_row` to a row with gap columns."""
        per_row = max(1, per_row)
        box = (self.width - GAP_PT * (per_row - 1)) / per_row
        rows = -(-count // per_row)
        table = self.document.add_table(rows=rows, cols=2 * per_row - 1)
        widths = [round((box if i % 2 == 0 else GAP_PT) * 20) for i in range(2 * per_row - 1)]
        ox.fixed_widths(table, widths)
        ox.table_borders(table, {}, "000000")
        ox.cell_margins(table, 6, 6, 4)
        cells = [table.rows[i // per_row].cells[2 * (i % per_row)] for i in range(count)]
        for row in table.rows:
            ox.row_flags(row, cant_split=True)
        return table, cells

    def _cell_para(self, cell: Any, first: bool) -> Any:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(1)
        return paragraph

    def tiles(self, block: doc.Tiles) -> None:
        per_row = fit_per_row(block.per_row, self.width, tile_min_width(self.m))
        _, cells = self._grid(len(block.tiles), per_row)
        number = {
            "family": self.head_font,
            "size": self.m.tile_number,
            "bold": True,
            "colour": self.look.accent,
        }
        for tile, cell in zip(block.tiles, cells, strict=True):
            if block.boxed:
                ox.shade(cell, tint(self.look.accent, 0.14))
            if block.arrangement == "number_inside":
                before, value, after = split_inside(tile.inside_text, tile.value_text)
                paragraph = self._cell_para(cell, True)
                self.run(paragraph, self.t(before))
                self.run(paragraph, self.t(value), **number)
                self.run(paragraph, self.t(after))
                continue
            parts = [("num", tile.value_text), ("label", tile.label)]
            if block.arrangement == "label_above":
                parts.reverse()
            for index, (kind, text) in enumerate(parts):
                paragraph = self._cell_para(cell, index == 0)
                font = number if kind == "num" else {"size": self.m.small}
                self.run(paragraph, self.t(text), **font)
        self.para(after=0)

    def cards(self, block: doc.Cards) -> None:
        per_row = fit_per_row(block.per_row, self.width, CARD_MIN_WIDTH)
        _, cells = self._grid(len(block.cards), per_row)
        for card, cell in zip(block.cards, cells, strict=True):
            if block.boxed:
                sides = {side: 0.8 for side in ("top", "left", "bottom", "right")}
                ox.cell_borders(cell, sides, self.look.accent)
            title = self._cell_para(cell, True)
            self.run(title, self.t(card.title), family=self.head_font, size=self.m.h3, bold=True)
            for fact in card.facts:
                self.run(self._cell_para(cell, False), self.t(fact), size=self.m.small)
            if card.text:
                self.run(self._cell_para(cell, False), self.t(card.text), size=self.m.small)
        self.para(after=0)

    def timeline(self, block: doc.Timeline) -> None:
        for entry in block.entries:
            texts = [(entry.date_text, True), *((event, False) for event in entry.events)]
            for index, (text, is_date) in enumerate(texts):
                last = index == len(texts) - 1
                paragraph = self.para(after=7 if last else 0)
                paragraph.paragraph_format.left_indent = Pt(14)
                paragraph.paragraph_format.keep_with_next = not last
                ox.paragraph_border(paragraph, "left", 1.5, self.look.accent, space=10)
                colour = self.look.accent if is_date else None
                self.run(paragraph, self.t(text), bold=is_date or None, colour=colour)
        self.para(after=0)

    def photo(self, block: doc.Photo) -> None:
        table = self.document.add_table(rows=1, cols=1)
        ox.fixed_widths(table, [round(self.width * max(0.05, min(1.0, block.width)) * 20)])
        ox.table_borders(table, {}, "000000")
        ox.row_flags(table.rows[0], cant_split=True, exact_height_pt=block.height)
        ox.shade(table.rows[0].cells[0], GREY_BOX)
        paragraph = self.para(after=self.m.body * 0.6)
        paragraph.paragraph_format.space_before = Pt(3)
        if block.caption:
            self.run(paragraph, self.t(block.caption), size=self.m.small, italic=True, colour=MUTED)

    def page_break(self) -> None:
        self.para(after=0).add_run().add_break(WD_BREAK.PAGE)

    def contents(self, entries: list[tuple[str, str]]) -> None:
        """Title, a dot leader and the page of bookmark `name` (a PAGEREF field)."""
        for title, name in entries:
            paragraph = self.para(after=4)
            ox.tab_stop(paragraph, round(self.width * 20), "right", "dot")
            self.run(paragraph, self.t(title) + "\t")
            ox.field(paragraph, f" PAGEREF {name} \\h ", "0")
