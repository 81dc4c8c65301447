"""Build synthetic `Document`s for rule tests: pages of blocks and tables laid out top to bottom.

    doc = DocBuilder(year=2024)
    page = doc.page()
    page.heading("Members", level=1)
    page.body("The association had 150 members.")
    page.table(["Country", "Members"], [["Norway", "Lakeside"]])
    document = doc.build()

Every call places its item under the previous one (a cursor moves down the page), so reading
order, heading paths and table placement come out as the rules expect. Pass `top=` and `x0=`
to place an item elsewhere (a label beside a number, a second column).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractors.model import BBox, Block, BlockRole, CellLine, Document, Page, Table
from extractors.pdf.read import find_structures

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 72.0, 523.0
GAP = 6.0
ROW_H = 16.0
BODY_SIZE = 10.0
HEADING_SIZES = {1: 20.0, 2: 15.0, 3: 12.0, 4: 11.0}

Cell = str | Sequence[CellLine]


class PageBuilder:
    def __init__(self, number: int, width: float = PAGE_W, height: float = PAGE_H) -> None:
        self.page = Page(number, width, height)
        self.cursor = 60.0

    @property
    def number(self) -> int:
        return self.page.number

    def block(
        self,
        text: str,
        *,
        size: float = BODY_SIZE,
        bold: bool = False,
        role: BlockRole = BlockRole.BODY,
        level: int | None = None,
        lines: Sequence[str] | None = None,
        top: float | None = None,
        x0: float = LEFT,
        x1: float | None = None,
        line_x1: Sequence[float] | None = None,
        line_widths: Sequence[float] = (),
    ) -> Block:
        """A block; `lines` defaults to the text split on newlines; `line_x1`, where each line
        ends, or `line_widths`, how wide each is printed from `x0`, gives the block its line
        boxes (else they are unknown). Advances the cursor when `top` is not given."""
        printed = tuple(lines) if lines is not None else tuple(text.split("\n"))
        text = " ".join(text.split("\n"))
        y = self.cursor if top is None else top
        height = size * 1.2 * len(printed)
        width = min(0.5 * size * max(len(line) for line in printed), RIGHT - x0)
        block = Block(
            text=text,
            bbox=BBox(x0, y, x1 if x1 is not None else x0 + max(width, size), y + height),
            page_number=self.number,
            font_size=size,
            bold=bold,
            role=role,
            column=0,
            heading_level=level,
            lines=printed,
            line_boxes=tuple(
                BBox(x0, y + i * size * 1.2, end, y + (i + 1) * size * 1.2)
                for i, end in enumerate(line_x1 or [x0 + w for w in line_widths])
            ),
        )
        self.page.blocks.append(block)
        if top is None:
            self.cursor = block.bbox.bottom + GAP
        return block

    def heading(self, text: str, level: int = 1, **kwargs: Any) -> Block:
        kwargs.setdefault("size", HEADING_SIZES.get(level, BODY_SIZE + 1))
        kwargs.setdefault("bold", True)
        return self.block(text, role=BlockRole.HEADING, level=level, **kwargs)

    def body(self, text: str, **kwargs: Any) -> Block:
        return self.block(text, **kwargs)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        *,
        x0: float = LEFT,
        x1: float = RIGHT,
        row_boxes: bool = True,
    ) -> Table:
        """A table under the cursor. A cell is a string or a sequence of `CellLine`s (its text
        is then the lines joined by newlines, and `cell_lines` is filled in)."""
        top = self.cursor
        texts: list[tuple[str, ...]] = []
        lines: list[tuple[tuple[CellLine, ...], ...]] = []
        for row in rows:
            texts.append(tuple(_cell_text(c) for c in row))
            lines.append(tuple(_cell_lines(c) for c in row))
        has_lines = any(not isinstance(c, str) for row in rows for c in row)
        boxes = tuple(
            BBox(x0, top + ROW_H * (i + 1), x1, top + ROW_H * (i + 2)) for i in range(len(rows))
        )
        table = Table(
            pages=(self.number,),
            bbox=BBox(x0, top, x1, top + ROW_H * (len(rows) + 1)),
            header=tuple(header),
            rows=tuple(texts),
            page_bboxes=(),
            cell_lines=tuple(lines) if has_lines else (),
            row_pages=tuple(self.number for _ in rows) if row_boxes else (),
            row_bboxes=boxes if row_boxes else (),
        )
        self.page.tables.append(table)
        self.cursor = table.bbox.bottom + GAP
        return table


def _cell_text(cell: Cell) -> str:
    return cell if isinstance(cell, str) else "\n".join(line.text for line in cell)


def _cell_lines(cell: Cell) -> tuple[CellLine, ...]:
    if isinstance(cell, str):
        return tuple(CellLine(line) for line in cell.split("\n") if line)
    return tuple(cell)


def bold(text: str) -> CellLine:
    return CellLine(text, bold=True)


def plain(text: str) -> CellLine:
    return CellLine(text, bold=False)


class DocBuilder:
    def __init__(
        self,
        year: int | None = 2024,
        report_id: str = "lakeside-2024",
        organization: str | None = "Association of Lakeside Towns",
        title: str | None = "Annual Report 2024",
    ) -> None:
        self.year = year
        self.report_id = report_id
        self.organization = organization
        self.title = title
        self.pages: list[PageBuilder] = []

    def page(self) -> PageBuilder:
        builder = PageBuilder(len(self.pages) + 1)
        self.pages.append(builder)
        return builder

    def build(self) -> Document:
        pages = [p.page for p in self.pages]
        find_structures(pages)  # tiles and key/value structures, as the parser adds them
        return Document(
            report_id=self.report_id,
            source_file=f"raw_reports/{self.report_id}.pdf",
            sha256="ab" * 32,
            page_count=len(pages),
            pages=pages,
            title=self.title,
            organization=self.organization,
            year=self.year,
            publisher_id=self.report_id.rsplit("-", 1)[0],
        )


def one_page(year: int | None = 2024) -> tuple[DocBuilder, PageBuilder]:
    doc = DocBuilder(year=year)
    return doc, doc.page()
