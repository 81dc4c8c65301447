"""Shared machinery of all layouts: document template, page furniture, multi-pass build.

A concrete layout subclasses ``Layout`` and provides a ``Theme`` plus its page templates
(usually built with ``body_template``/``full_page_template``); the story is assembled from the
content file by the shared ``ItemBuilder``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from reportgen.content import Content
from reportgen.fonts import register_fonts
from reportgen.layouts.builders import ItemBuilder
from reportgen.layouts.flowables import SectionMarker
from reportgen.layouts.styles import Theme, make_styles

PageCallback = Callable[[Canvas, "ReportDocTemplate"], None]


class ReportDocTemplate(BaseDocTemplate):
    """Records the page of every section and the running head of every page."""

    def __init__(self, target: Any, layout: Layout, meta: dict[str, str]) -> None:
        super().__init__(
            target,
            pagesize=layout.theme.page_size,
            invariant=1,
            title=meta["title"],
            author=meta["author"],
            subject=meta["subject"],
            creator="reportgen",
            lang="en",
            initialFontName=layout.theme.sans,
            initialFontSize=layout.theme.body_size,
        )
        self.meta = meta
        self.running_title = meta["running_title"]
        self.section_pages: dict[str, int] = {}
        self.current_head = ""
        self.page_head = ""
        self._page_has_content = False

    def handle_pageBegin(self) -> None:
        self.page_head = self.current_head
        self._page_has_content = False
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionMarker):
            self.section_pages.setdefault(flowable.anchor, self.page)
            self.current_head = flowable.running_head
            if not self._page_has_content:
                self.page_head = flowable.running_head
        elif not isinstance(flowable, ActionFlowable | PageBreak):
            self._page_has_content = True


@dataclass(frozen=True)
class BuildResult:
    pdf: bytes
    page_count: int
    section_pages: dict[str, int]


class Layout:
    """Base class of the layouts; subclasses override ``theme`` and ``page_templates``."""

    name = "base"
    builder_class: type[ItemBuilder] = ItemBuilder

    def __init__(self, theme: Theme | None = None) -> None:
        register_fonts()
        self.theme = theme or self.default_theme()
        self.styles = self.make_styles()

    def default_theme(self) -> Theme:
        return Theme()

    def make_styles(self) -> dict[str, ParagraphStyle]:
        """The named paragraph styles; a layout may override or add some."""
        return make_styles(self.theme)

    # -- page templates --------------------------------------------------------------------
    def page_templates(self) -> list[PageTemplate]:
        return [self.body_template("body")]

    def body_frame(self) -> Frame:
        t = self.theme
        width, height = t.page_size
        return Frame(
            t.margin_x,
            t.margin_bottom,
            width - 2 * t.margin_x,
            height - t.margin_top - t.margin_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )

    def body_template(self, template_id: str) -> PageTemplate:
        """One full-width frame between running header and footer."""
        return PageTemplate(
            id=template_id,
            frames=[self.body_frame()],
            onPage=self.draw_background,
            onPageEnd=self.draw_furniture,
        )

    def full_page_template(
        self, template_id: str, frame: Frame, background: PageCallback
    ) -> PageTemplate:
        """A page without running header/footer (covers)."""
        return PageTemplate(id=template_id, frames=[frame], onPage=background)

    def draw_background(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        """Hook for decorations under the body; nothing by default."""

    def draw_furniture(self, canv: Canvas, doc: ReportDocTemplate) -> None:
        """Running header (title left, section right, thin rule) and page number footer."""
        t = self.theme
        width, height = t.page_size
        left, right = t.margin_x, width - t.margin_x
        header_y = height - t.margin_top + 24
        canv.saveState()
        canv.setFont(t.sans, t.header_size)
        canv.setFillColor(t.palette.muted)
        canv.drawString(left, header_y, doc.running_title)
        canv.drawRightString(right, header_y, doc.page_head)
        canv.setStrokeColor(t.palette.rule)
        canv.setLineWidth(0.5)
        canv.line(left, header_y - 5, right, header_y - 5)
        canv.setFont(t.sans, t.footer_size)
        canv.drawCentredString(width / 2, t.margin_bottom - 26, str(doc.page))
        canv.restoreState()

    # -- story -----------------------------------------------------------------------------
    def story(self, content: Content, page_numbers: dict[str, int]) -> list[Flowable]:
        builder = self.builder_class(self.theme, self.styles, page_numbers)
        story: list[Flowable] = []
        for index, section in enumerate(content["sections"]):
            if index > 0:
                story.append(NextPageTemplate(section.get("template", "body")))
                if section.get("new_page", True):
                    story.append(PageBreak())
            story.append(SectionMarker(section["id"], section.get("running_head", "")))
            story.extend(builder.build(section["items"], self.theme.frame_width))
        return story

    def _ordered_templates(self, content: Content) -> list[PageTemplate]:
        templates = self.page_templates()
        first = content["sections"][0].get("template", "body")
        return sorted(templates, key=lambda template: template.id != first)

    def build(self, content: Content, max_passes: int = 4) -> BuildResult:
        """Build until the table of contents shows the pages the sections really land on."""
        page_numbers: dict[str, int] = {}
        for _ in range(max_passes):
            buffer = io.BytesIO()
            doc = ReportDocTemplate(buffer, self, content["meta"])
            doc.addPageTemplates(self._ordered_templates(content))
            doc.build(self.story(content, page_numbers))
            if doc.section_pages == page_numbers:
                break
            page_numbers = dict(doc.section_pages)
        else:
            raise RuntimeError("table of contents page numbers did not converge")
        return BuildResult(buffer.getvalue(), doc.page, dict(doc.section_pages))

    def build_file(self, content: Content, out_path: Path) -> BuildResult:
        result = self.build(content)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_bytes(result.pdf)
        return result
