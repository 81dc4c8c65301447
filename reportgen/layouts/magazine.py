"""The "magazine" design (WeGO 2021): blue/teal accents, sans-serif, A4 portrait.

Page templates: ``cover`` and ``back_cover`` (full-bleed colour bands, no running header or
footer) and ``body`` (running header, page-number footer, one full-width frame in which
two-column passages are laid out with balanced column frames).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate

from reportgen.layouts.base import Layout, ReportDocTemplate
from reportgen.layouts.styles import Theme


class MagazineLayout(Layout):
    name = "magazine"

    def default_theme(self) -> Theme:
        return Theme()

    def page_templates(self) -> list[PageTemplate]:
        return [
            self.full_page_template("cover", self._cover_frame(), self._draw_cover),
            self.body_template("body"),
            self.full_page_template("back_cover", self._back_frame(), self._draw_back_cover),
        ]

    def _cover_frame(self) -> Frame:
        t = self.theme
        width, height = t.page_size
        return Frame(
            t.margin_x, 150, width - 2 * t.margin_x, height - 150 - 64,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="cover",
        )  # fmt: skip

    def _back_frame(self) -> Frame:
        t = self.theme
        width, height = t.page_size
        return Frame(
            t.margin_x + 20, 230, width - 2 * t.margin_x - 40, height - 230 - 320,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="back",
        )  # fmt: skip

    def draw_background(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        """A thin accent bar at the very top of every body page."""
        width, height = self.theme.page_size
        canv.saveState()
        canv.setFillColor(self.theme.palette.accent)
        canv.rect(0, height - 6, width, 6, stroke=0, fill=1)
        canv.restoreState()

    def _draw_cover(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        p = self.theme.palette
        width, height = self.theme.page_size
        canv.saveState()
        canv.setFillColor(p.accent)
        canv.rect(0, height - 16, width, 16, stroke=0, fill=1)
        canv.setFillColor(p.band)
        canv.rect(0, 0, width, 118, stroke=0, fill=1)
        canv.setFillColor(p.accent)
        canv.rect(0, 118, width * 0.38, 8, stroke=0, fill=1)
        canv.restoreState()

    def _draw_back_cover(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        p = self.theme.palette
        width, height = self.theme.page_size
        canv.saveState()
        canv.setFillColor(p.band)
        canv.rect(0, 0, width, 190, stroke=0, fill=1)
        canv.setFillColor(p.accent)
        canv.rect(width * 0.62, 190, width * 0.38, 8, stroke=0, fill=1)
        canv.rect(0, height - 16, width, 16, stroke=0, fill=1)
        canv.restoreState()
