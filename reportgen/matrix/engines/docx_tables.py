"""`doc.TableBlock` as a Word table: fixed column widths, repeated header rows (`w:tblHeader`),
merged group-label cells and the four styles drawn with `w:tblBorders`, `w:tcBorders` and
`w:shd`. The header row is bold in grid only; hrules marks it with a thick rule, zebra with a
fill and white type, whitespace with the accent colour."""

from __future__ import annotations

from typing import Any

from docx.shared import Pt

from reportgen.matrix import doc
from reportgen.matrix.engines import docx_oxml as ox
from reportgen.matrix.engines.docx_blocks import Writer
from reportgen.matrix.engines.metrics import HEADER_BOLD, RULE, table_style, tint


def _write(w: Writer, cell: Any, content: doc.Cell, bold: bool, **font: Any) -> None:
    lines = content.lines if isinstance(content, doc.CellText) else ((content, bold),)
    for index, (text, strong) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.1
        w.run(paragraph, w.t(text), size=w.m.table, bold=strong or None, **font)


def _style(w: Writer, table: Any, style: str, heads: int) -> None:
    accent = w.look.accent
    rows = table.rows
    if style == "grid":
        sides = dict.fromkeys(ox.SIDES, 0.5)
        ox.table_borders(table, sides, RULE)
        for row in rows[:heads]:
            for cell in row.cells:
                ox.shade(cell, tint(accent, 0.15))
    elif style == "hrules":
        ox.table_borders(table, {"top": 1.0, "bottom": 0.5, "insideH": 0.4}, RULE)
        for cell in rows[0].cells if heads else ():
            ox.cell_borders(cell, {"top": 1.0}, accent)
        for cell in rows[heads - 1].cells if heads else ():
            ox.cell_borders(cell, {"bottom": 2.0}, accent)
    elif style == "zebra":
        ox.table_borders(table, {}, RULE)
        for index, row in enumerate(rows):
            fill = accent if index < heads else tint(accent, 0.12) if (index - heads) % 2 else ""
            for cell in row.cells if fill else ():
                ox.shade(cell, fill)
    else:
        ox.table_borders(table, {}, RULE)
    if style == "whitespace":
        ox.cell_margins(table, 0, 12)
    else:
        ox.cell_margins(table, 4, 4)


def table(w: Writer, block: doc.TableBlock) -> None:
    style = table_style(block.style, w.look)
    width = max([len(block.header), *(len(row) for row in block.rows)])
    groups = bool(block.group_header and block.header)
    heads = int(groups) + int(bool(block.header))
    result = w.document.add_table(rows=heads + len(block.rows), cols=width)
    result.autofit = False
    fractions = block.col_widths if block.col_widths and len(block.col_widths) == width else None
    head_bold = HEADER_BOLD["libreoffice"][style]
    head_font: dict[str, Any] = {}
    if style == "zebra":
        head_font["colour"] = "#FFFFFF"
    elif style == "whitespace":
        head_font["colour"] = w.look.accent
    if groups:
        cells, col = result.rows[0].cells, 0
        for label, span in block.group_header:
            span = max(1, min(span, width - col))
            if span <= 0:
                break
            target = cells[col].merge(cells[col + span - 1]) if span > 1 else cells[col]
            _write(w, target, label, head_bold, **head_font)
            if label and style == "hrules":
                ox.cell_borders(target, {"bottom": 0.6}, w.look.accent)
            col += span
    if block.header:
        header = list(block.header) + [""] * (width - len(block.header))
        for cell, text in zip(result.rows[heads - 1].cells, header, strict=True):
            _write(w, cell, text, head_bold, **head_font)
    for index, data in enumerate(block.rows):
        cells = result.rows[heads + index].cells
        for col, content in enumerate(data):
            _write(w, cells[col], content, block.bold_first_column and col == 0)
    for index, row in enumerate(result.rows):
        ox.row_flags(row, header=index < heads and block.repeat_header, cant_split=True)
    _style(w, result, style, heads)
    total = w.width
    ox.fixed_widths(result, [round(total * f * 20) for f in fractions or [1 / width] * width])
    w.para(after=w.m.body * 0.4)
