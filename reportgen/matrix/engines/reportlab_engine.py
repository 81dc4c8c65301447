"""The reportlab engine: platypus with one page template per column count.

Body columns are frames: the templates "cols1", "cols2" and "cols3" hold 1-3 frames side by side
and a section switches template at its page break. A section flows on in the frames of the one
before it when it has the same column count, else it starts a page; a full-width table in a
multi-column section gets a one-column page of its own. The title of a multi-column section
spans its columns (`metrics.title_spans`): such a section always starts a page, of a template of
its own ("title<index>") whose first frame is full width and exactly as tall as the title, with
the column frames under it; a `FrameBreak` after the title sends the section into the columns and
its next pages are "cols<n>". The running head of a page is the head of the section current at
its top (`SectionMarker`); the table of contents is built again until the pages it prints are
those its sections landed on.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from reportgen.matrix import doc
from reportgen.matrix.engines import reportlab_blocks as blocks
from reportgen.matrix.engines.metrics import (
    MUTED,
    PAGE_SIZES,
    RULE,
    heading_sizes,
    section_columns,
    title_spans,
)
from reportgen.matrix.engines.reportlab_flowables import SectionMarker
from reportgen.matrix.engines.reportlab_tables import table

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM, GUTTER = 56.0, 66.0, 60.0, 18.0
MAX_PASSES = 4


class _DocTemplate(BaseDocTemplate):
    """Records the page of every section and the running head of every page."""

    def __init__(self, target: Any, document: doc.Document, kit: blocks.Kit) -> None:
        super().__init__(
            target,
            pagesize=PAGE_SIZES[document.look.page],
            invariant=1,
            title=document.title,
            author=document.author,
            subject=document.subject,
            creator="reportgen matrix (reportlab)",
            lang=document.lang,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            initialFontName=blocks.FONT_NAMES[document.look.font],
            initialFontSize=document.look.body_size,
        )
        self.document, self.kit = document, kit
        self.section_pages: dict[int, int] = {}
        self.current: tuple[str | None, bool] = (None, True)  # (head, cover) of the section
        self.page_state = self.current
        self._has_content = False

    def handle_pageBegin(self) -> None:
        self.page_state, self._has_content = self.current, False
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionMarker):
            self.section_pages.setdefault(flowable.index, self.page)
            self.current = (flowable.running_head, flowable.cover)
            if not self._has_content:
                self.page_state = self.current
        elif not isinstance(flowable, ActionFlowable | PageBreak):
            self._has_content = True


def _furniture(canv: Canvas, template: _DocTemplate) -> None:
    head, cover = template.page_state
    look, kit = template.document.look, template.kit
    if cover:
        return
    width, height = PAGE_SIZES[look.page]
    font, size = blocks.FONT_NAMES[look.font], kit.m.furniture
    canv.saveState()
    canv.setFillColor(HexColor(MUTED))
    if look.running_header:
        y = height - MARGIN_TOP + 26
        canv.setFont(font, size)
        canv.drawString(MARGIN_X, y, template.document.running_title)
        if head:
            canv.drawRightString(width - MARGIN_X, y, head)
        canv.setStrokeColor(HexColor(RULE))
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y - 5, width - MARGIN_X, y - 5)
    if look.page_numbers:
        canv.setFont(font, size)
        canv.drawCentredString(width / 2, MARGIN_BOTTOM - 30, str(template.page))
    canv.restoreState()


def column_width(look: doc.Look, columns: int) -> float:
    """The width of one of `columns` body columns, in points."""
    inner_w = PAGE_SIZES[look.page][0] - 2 * MARGIN_X
    return (inner_w - GUTTER * (columns - 1)) / columns


def _frames(n: int, tag: str, look: doc.Look, height: float) -> list[Frame]:
    """`n` column frames `height` tall standing on the bottom margin."""
    w = column_width(look, n)
    return [
        Frame(
            MARGIN_X + i * (w + GUTTER),
            MARGIN_BOTTOM,
            w,
            height,
            id=f"{tag}{i}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for i in range(n)
    ]


def _templates(look: doc.Look, titles: dict[int, tuple[int, float, float]]) -> list[PageTemplate]:
    """The cover and column templates, and per section in `titles` (index -> columns, title
    height, space under the title) a first page with a full-width title frame over its columns."""
    width, height = PAGE_SIZES[look.page]
    inner_w, inner_h = width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM
    templates = [PageTemplate(id="cover", frames=_frames(1, "cover", look, inner_h))]
    for n in (1, 2, 3):
        templates.append(
            PageTemplate(
                id=f"cols{n}", frames=_frames(n, f"c{n}-", look, inner_h), onPageEnd=_furniture
            )
        )
    for index, (n, title_h, gap) in sorted(titles.items()):
        title_h = min(title_h + 1.0, inner_h / 2)  # 1pt over the measured height: no rounding miss
        title = Frame(
            MARGIN_X,
            MARGIN_BOTTOM + inner_h - title_h,
            inner_w,
            title_h,
            id=f"t{index}-title",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        columns = _frames(n, f"t{index}-", look, inner_h - title_h - gap)
        templates.append(
            PageTemplate(id=f"title{index}", frames=[title, *columns], onPageEnd=_furniture)
        )
    return templates


def _is_wide(block: doc.Block) -> bool:
    return isinstance(block, doc.TableBlock) and block.full_width


def plan(document: doc.Document) -> list[tuple[str, bool]]:
    """Per section, (page template it opens on, whether it must start a new page). A section
    that flows on from the previous one keeps its frames only when it has the same column count
    and its title does not span its columns; otherwise it starts a page of its own template, as a
    typesetter changes the column grid (or sets a title across it) at a page."""
    sections, look = document.sections, document.look
    result: list[tuple[str, bool]] = []
    previous = ""
    for index, section in enumerate(sections):
        grid = "cover" if section.kind == "cover" else f"cols{section_columns(section, look)}"
        spans = title_spans(section, look)
        first = index == 0 or sections[index - 1].kind == "cover"
        fresh = first or section.new_page or grid != previous or spans
        result.append((f"title{index}" if spans else grid, fresh))
        previous = grid
    return result


def _title(section: doc.Section, kit: blocks.Kit) -> Flowable:
    """The spanning title of a multi-column section, alone in its frame."""
    first = section.blocks[0]
    assert isinstance(first, doc.Heading)
    title = blocks.heading(first, kit)
    title.keepWithNext = 0  # a FrameBreak follows it, not the text it heads
    return title


def title_frames(document: doc.Document, kit: blocks.Kit) -> dict[int, tuple[int, float, float]]:
    """Per section whose title spans its columns: (columns, height of the title set across
    the text width, the space under it)."""
    look = document.look
    width, height = PAGE_SIZES[look.page]
    inner_w, inner_h = width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM
    out: dict[int, tuple[int, float, float]] = {}
    for index, section in enumerate(document.sections):
        if title_spans(section, look):
            title = _title(section, kit)
            _, title_h = title.wrap(inner_w, inner_h)
            out[index] = (section_columns(section, look), title_h, title.getSpaceAfter())
    return out


def _block(block: doc.Block, kit: blocks.Kit, cover: bool, width: float) -> list[Flowable]:
    if isinstance(block, doc.Heading):
        return [blocks.heading(block, kit, cover)]
    if isinstance(block, doc.Paragraph):
        return [blocks.paragraph(block, kit)]
    if isinstance(block, doc.Lines):
        return blocks.lines(block, kit)
    if isinstance(block, doc.Bullets):
        return blocks.bullets(block, kit)
    if isinstance(block, doc.TableBlock):
        height = PAGE_SIZES[kit.look.page][1] - MARGIN_TOP - MARGIN_BOTTOM
        return [table(block, kit, height)]
    if isinstance(block, doc.Tiles):
        return [blocks.tiles(block, kit, width)]
    if isinstance(block, doc.Cards):
        return [blocks.cards(block, kit, width)]
    if isinstance(block, doc.Timeline):
        return [blocks.timeline(block, kit)]
    if isinstance(block, doc.Photo):
        return [blocks.photo(block, kit)]
    return [PageBreak()]


def _section(
    document: doc.Document, index: int, spans: bool, kit: blocks.Kit, pages: dict[int, int]
) -> list[Flowable]:
    """A section's flowables. A spanning title fills the title frame of its page, then the
    section goes on in its columns. A full-width table in a section of several columns gets a
    page of one column (it cannot span the frames), then the section goes on in its columns."""
    section = document.sections[index]
    columns = section_columns(section, document.look)
    template = "cover" if section.kind == "cover" else f"cols{columns}"
    page_width = PAGE_SIZES[document.look.page][0] - 2 * MARGIN_X
    width = column_width(document.look, columns)
    out: list[Flowable] = []
    body = section.blocks
    if spans:
        out += [_title(section, kit), NextPageTemplate(template), FrameBreak()]
        body = body[1:]
    for block in body:
        wide = columns > 1 and _is_wide(block)
        flowables = _block(block, kit, section.kind == "cover", page_width if wide else width)
        if wide:
            out += [NextPageTemplate("cols1"), PageBreak(), *flowables]
            out += [NextPageTemplate(template), PageBreak()]
        else:
            out.extend(flowables)
    if section.kind == "contents" and document.contents:
        entries = [(e.title, pages.get(e.section_index)) for e in document.contents]
        out.append(blocks.contents(entries, kit))
    return out


def story(document: doc.Document, kit: blocks.Kit, pages: dict[int, int]) -> list[Flowable]:
    out: list[Flowable] = []
    steps = plan(document)
    for index, section in enumerate(document.sections):
        template, fresh = steps[index]
        if index > 0:
            out.append(NextPageTemplate(template))
            if fresh:
                out.append(PageBreak())
        out.append(SectionMarker(index, section.running_head, section.kind == "cover"))
        out.extend(_section(document, index, template.startswith("title"), kit, pages))
    return out


def render(document: doc.Document, out: Path) -> Path:
    look = document.look
    kit = blocks.make_kit(look, heading_sizes(document, lambda n: column_width(look, n)))
    pages: dict[int, int] = {}
    first = plan(document)[0][0]
    titles = title_frames(document, kit)
    for _ in range(MAX_PASSES):
        buffer = io.BytesIO()
        template = _DocTemplate(buffer, document, kit)
        templates = _templates(look, titles)
        template.addPageTemplates(sorted(templates, key=lambda t: t.id != first))
        template.build(story(document, kit, pages))
        if template.section_pages == pages or not document.contents:
            break
        pages = dict(template.section_pages)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())
    return out
