"""The "classic" design (WeGO 2023): serif body, sans-serif headings, dark red rules, A4 portrait.

Deliberately unlike ``magazine``: single-column body text in DejaVu Serif, section titles with a
rule under them, tables ruled with thin horizontal *and* vertical lines and no shading, headline
figures as a two-column grid of big numbers with the label to their right, a running header
(title left, organization's short name right) and a footer with the report name left and the
page number right on one baseline.

Page templates: ``cover`` and ``back`` (no running header or footer) and ``body``.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from reportgen.content import Item
from reportgen.layouts.base import Layout, ReportDocTemplate
from reportgen.layouts.builders import ItemBuilder
from reportgen.layouts.classic_styles import classic_styles, classic_theme
from reportgen.layouts.styles import Theme
from reportgen.layouts.tables import NO_PADDING, blank, themed_style


class RuledHeading(Flowable):
    """A section title with a rule across the frame under it."""

    def __init__(
        self, paragraph: Paragraph, color: Any, gap: float = 5, thickness: float = 0.8
    ) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.color = color
        self.gap = gap
        self.thickness = thickness
        style = paragraph.style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = style.keepWithNext

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = self.paragraph.wrap(availWidth, availHeight)
        self.width = availWidth
        self.height = height + self.gap + self.thickness
        return self.width, self.height

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, self.gap + self.thickness)
        self.canv.saveState()
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.thickness / 2, self.width, self.thickness / 2)
        self.canv.restoreState()


class ClassicBuilder(ItemBuilder):
    """Ruled tables, ruled section titles, figures with the label beside the number."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.handlers.update(
            {
                "table": self.ruled_table,
                "region_members": self.region_table,
                "figure_grid": self.figure_grid,
            }
        )

    def heading(self, item: Item, width: float) -> list[Flowable]:
        paragraph = self.para(item["text"], f"h{item['level']}")
        if item["level"] == 1:
            return [RuledHeading(paragraph, self.theme.palette.primary)]
        return [paragraph]

    def signature(self, item: Item, width: float) -> list[Flowable]:
        return [self.para(item["name"], "signature_name")]

    def _ruled(self, header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
        data: list[list[Any]] = [[self.para(text, "table_head") for text in header]]
        data += [[self.para(cell, "table") for cell in row] for row in rows]
        grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        rule = self.theme.palette.rule
        grid.setStyle(
            themed_style(
                self.theme,
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                    ("GRID", (0, 0), (-1, -1), 0.45, rule),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.1, rule),
                ],
            )
        )
        return grid

    def ruled_table(self, item: Item, width: float) -> list[Flowable]:
        columns = len(item["header"])
        fractions = item.get("col_widths") or [1 / columns] * columns
        grid = self._ruled(item["header"], item["rows"], [f * width for f in fractions])
        return [Spacer(1, 4), grid, Spacer(1, 12)]

    def region_table(self, item: Item, width: float) -> list[Flowable]:
        fractions = item.get("col_widths") or [0.22, 0.78]
        grid = self._ruled(item["header"], item["rows"], [f * width for f in fractions])
        return [CondPageBreak(96), self.para(item["heading"], "region"), grid, Spacer(1, 6)]

    def figure_grid(self, item: Item, width: float) -> list[Flowable]:
        """Big numbers with their labels to the right, ``columns`` figures per row."""
        figures, columns, gap = item["figures"], item.get("columns", 2), 22.0
        value = self.styles["figure_value"]
        value_widths = [
            10 + max(stringWidth(f["value"], value.fontName, value.fontSize) for f in column)
            for column in (figures[c::columns] for c in range(columns))
        ]
        label_width = (width - sum(value_widths) - gap * (columns - 1)) / columns
        widths: list[float] = []
        for c in range(columns):
            widths += [value_widths[c], label_width] + ([gap] if c < columns - 1 else [])
        rows: list[list[Any]] = []
        for start in range(0, len(figures), columns):
            row: list[Any] = []
            for c in range(columns):
                if start + c < len(figures):
                    figure = figures[start + c]
                    row += [self.para(figure["value"], "figure_value")]
                    row += [self.para(figure["label"], "figure_label")]
                else:
                    row += [blank(), blank()]
                if c < columns - 1:
                    row.append(blank())
            rows.append(row)
        grid = Table(rows, colWidths=widths, hAlign="LEFT")
        grid.setStyle(
            themed_style(
                self.theme,
                [
                    *NO_PADDING,
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 18),
                ],
            )
        )
        return [Spacer(1, 10), grid, Spacer(1, 4)]


class ClassicLayout(Layout):
    name = "classic"
    builder_class = ClassicBuilder

    def default_theme(self) -> Theme:
        return classic_theme()

    def make_styles(self) -> dict[str, ParagraphStyle]:
        return classic_styles(self.theme)

    def page_templates(self) -> list[PageTemplate]:
        t = self.theme
        width, height = t.page_size
        cover = Frame(
            t.margin_x, 120, width - 2 * t.margin_x, height - 120 - 112,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="cover",
        )  # fmt: skip
        back = Frame(
            t.margin_x, 150, width - 2 * t.margin_x, 260,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="back",
        )  # fmt: skip
        return [
            self.full_page_template("cover", cover, self._draw_cover),
            self.body_template("body"),
            self.full_page_template("back", back, self._draw_back),
        ]

    def draw_furniture(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        """Header: title left, short name right, hairline; footer: report name and page number."""
        t = self.theme
        width, height = t.page_size
        left, right = t.margin_x, width - t.margin_x
        header_y = height - 34
        footer_y = 30
        canv.saveState()
        canv.setFillColor(t.palette.muted)
        canv.setFont(f"{t.sans}-Bold", t.header_size)
        canv.drawString(left, header_y, doc.running_title)
        canv.drawRightString(right, header_y, doc.meta["short_name"])
        canv.setStrokeColor(t.palette.light_rule)
        canv.setLineWidth(0.4)
        canv.line(left, header_y - 6, right, header_y - 6)
        canv.setFont(f"{t.serif}-Italic", t.footer_size)
        canv.drawString(left, footer_y, doc.meta["footer"])
        canv.setFont(t.serif, t.footer_size)
        canv.drawRightString(right, footer_y, str(doc.page))
        canv.restoreState()

    def _draw_cover(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        t = self.theme
        width, height = t.page_size
        left, right = t.margin_x, width - t.margin_x
        canv.saveState()
        canv.setStrokeColor(t.palette.primary)
        canv.setLineWidth(3)
        canv.line(left, height - 84, right, height - 84)
        canv.setLineWidth(0.6)
        canv.line(left, height - 90, right, height - 90)
        canv.line(left, 96, right, 96)
        canv.restoreState()

    def _draw_back(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        t = self.theme
        width, _ = t.page_size
        canv.saveState()
        canv.setStrokeColor(t.palette.primary)
        canv.setLineWidth(0.6)
        canv.line(t.margin_x, 420, width - t.margin_x, 420)
        canv.setLineWidth(3)
        canv.line(t.margin_x, 120, width - t.margin_x, 120)
        canv.restoreState()
