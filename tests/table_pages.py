"""Invented pages for the table tests: one table style per PDF, typeset with reportlab platypus.

Styles: `grid` (every rule), `hrules` (rules between rows only), `zebra` (alternating row fills, no
rules), `whitespace` (no graphics at all). Header rows are set in the body's weight unless asked
otherwise: recognition must not depend on bold. Cells are Paragraphs, so long text wraps inside
its cell as a designer's table does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

Style = Literal["grid", "hrules", "zebra", "whitespace"]
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
BOLD_CELL = ParagraphStyle("bold_cell", parent=CELL, fontName="Helvetica-Bold")
JUSTIFIED = ParagraphStyle("justified", parent=BODY, alignment=4)  # TA_JUSTIFY
LABEL = ParagraphStyle(  # small bold capitals, a sub-heading set below the body size
    "label", fontName="Helvetica-Bold", fontSize=8, leading=11, spaceBefore=9, spaceAfter=3
)
SUBHEAD = ParagraphStyle(  # a region heading a little larger than the cells, close over its table
    "subhead", fontName="Helvetica-Bold", fontSize=10, leading=12, spaceBefore=10, spaceAfter=2
)
HEADING = ParagraphStyle(
    "heading", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=8
)
WIDTH = A4[0] - 2 * 72


def _commands(style: Style, rows: int, header_rows: int) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif style == "hrules":
        commands.append(("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black))
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey))
    elif style == "zebra":
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#1F4E79")))
        commands.append(("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white))
        commands.append(
            (
                "ROWBACKGROUNDS",
                (0, header_rows),
                (-1, -1),
                [colors.HexColor("#E8EEF6"), colors.white],
            )
        )
    return commands


def _cell_fills(rows: int, columns: int, header_rows: int) -> list[tuple[Any, ...]]:
    """Zebra stripes drawn one rectangle per cell, as browsers paint cell backgrounds."""
    commands: list[tuple[Any, ...]] = []
    for r in range(rows):
        colour = "#1F4E79" if r < header_rows else ("#E8EEF6" if (r - header_rows) % 2 else None)
        for c in range(columns):
            if colour:
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(colour)))
    commands.append(("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white))
    return commands


def table(
    header: Sequence[str] | Sequence[Sequence[str]],
    rows: Sequence[Sequence[str]],
    style: Style,
    *,
    widths: Sequence[float] | None = None,
    bold_header: bool = False,
    repeat_header: bool = True,
    spans: Sequence[tuple[int, int, int]] = (),  # (header row, first col, last col)
    cell_fills: bool = False,
    fills_twice: bool = False,
) -> Table:
    """A platypus table: `header` is one row of labels or several (for spanning group labels,
    listed in `spans`). `cell_fills`: a zebra table's fills are drawn cell by cell;
    `fills_twice`: and each of them is painted twice (as some office suites write them)."""
    head_rows = (
        [list(header)] if header and isinstance(header[0], str) else [list(h) for h in header]
    )
    head_style = BOLD_CELL if bold_header else CELL
    data: list[list[Any]] = [[Paragraph(t, head_style) for t in r] for r in head_rows]
    data += [[Paragraph(t, CELL) for t in r] for r in rows]
    columns = len(data[0])
    col_widths = [f * WIDTH for f in widths] if widths else [WIDTH / columns] * columns
    grid = Table(data, colWidths=col_widths, repeatRows=len(head_rows) if repeat_header else 0)
    commands = _commands(style, len(data), len(head_rows))
    if cell_fills:
        commands = [c for c in commands if c[0] not in ("BACKGROUND", "ROWBACKGROUNDS")]
        commands += _cell_fills(len(data), columns, len(head_rows)) * (2 if fills_twice else 1)
    commands += [("SPAN", (a, r), (b, r)) for r, a, b in spans]
    grid.setStyle(TableStyle(commands))
    return grid


def build(path: Path, story: list[Any]) -> Path:
    SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72,
        invariant=1,
    ).build(story)  # fmt: skip
    return path


def two_column(path: Path, story: list[Any]) -> Path:
    """A two-column page flow (frames side by side)."""
    return columns(path, story, 2)


def columns(path: Path, story: list[Any], count: int, gutter: float = 20.0) -> Path:
    """A page flow in `count` columns (frames side by side)."""
    width = (WIDTH - (count - 1) * gutter) / count
    height = A4[1] - 144
    frames = [
        Frame(72 + i * (width + gutter), 72, width, height, id=f"c{i}", leftPadding=0,
              rightPadding=0)
        for i in range(count)
    ]  # fmt: skip
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate(id=f"cols{count}", frames=frames)])
    doc.build(story)
    return path


def columns_then_full_width(path: Path, top: list[Any], bottom: list[Any]) -> Path:
    """A page whose upper third is set in two columns (`top` flows through them) and whose rest
    is one full-width frame (`bottom`)."""
    gutter, height = 20.0, A4[1] - 144
    width = (WIDTH - gutter) / 2
    upper = 0.3 * height
    frames = [
        Frame(72, 72 + height - upper, width, upper, id="l", leftPadding=0, rightPadding=0),
        Frame(72 + width + gutter, 72 + height - upper, width, upper, id="r", leftPadding=0,
              rightPadding=0),
        Frame(72, 72, WIDTH, height - upper, id="full", leftPadding=0, rightPadding=0),
    ]  # fmt: skip
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate(id="mixed", frames=frames)])
    doc.build([*top, FrameBreak(), *bottom])
    return path


def heading(text: str) -> Paragraph:
    return Paragraph(text, HEADING)


def para(text: str, justified: bool = False) -> Paragraph:
    return Paragraph(text, JUSTIFIED if justified else BODY)


def subhead(text: str) -> Paragraph:
    return Paragraph(text, SUBHEAD)


def label(text: str) -> Paragraph:
    return Paragraph(text, LABEL)


def gap(points: float = 10) -> Spacer:
    return Spacer(1, points)


def page_break() -> PageBreak:
    return PageBreak()
