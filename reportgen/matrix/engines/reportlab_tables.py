"""`doc.TableBlock` as a reportlab `Table`: wrapped cells, repeated header rows, spanning group
labels and the four rule styles (the header row is bold except in zebra, where a fill marks it).
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from reportgen.matrix import doc
from reportgen.matrix.engines.metrics import HEADER_BOLD, RULE, table_style, tint
from reportgen.matrix.engines.reportlab_blocks import Kit


class _Table(Table):
    """Rows move to the next page whole; only a row taller than a whole frame is split."""

    tall = 0.0  # the frame height: a split at that height is the last resort

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if not parts and availHeight >= self.tall * 0.95:
            self.splitInRow = 1  # points: the least height of a split-off row part
            try:
                parts = super().split(availWidth, availHeight)
            finally:
                self.splitInRow = 0
        for part in parts:
            if isinstance(part, _Table):
                part.tall, part.splitInRow = self.tall, 0
        return parts


def _cell(cell: doc.Cell, bold: bool, kit: Kit) -> Flowable | list[Flowable]:
    regular, strong = kit.styles["cell"], kit.styles["cell_bold"]
    if isinstance(cell, doc.CellText):
        return [Paragraph(kit.text(text), strong if b else regular) for text, b in cell.lines]
    return Paragraph(kit.text(cell), strong if bold else regular)


def _head_style(kit: Kit, style: str) -> ParagraphStyle:
    bold = HEADER_BOLD["reportlab"][style]
    base = kit.styles["cell_bold" if bold else "cell"]
    colour = white if style == "zebra" else base.textColor
    return ParagraphStyle(f"head-{style}", parent=base, textColor=colour)


def _rule_commands(style: str, heads: int, kit: Kit) -> list[tuple]:
    accent, rule = kit.accent, HexColor(RULE)
    if style == "grid":
        commands: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.5, rule)]
        if heads:
            fill = HexColor(tint(kit.look.accent, 0.15))
            commands.append(("BACKGROUND", (0, 0), (-1, heads - 1), fill))
        return commands
    if style == "hrules":
        commands = [("LINEBELOW", (0, heads), (-1, -1), 0.4, rule)]
        if heads:
            commands += [
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, accent),
                ("LINEBELOW", (0, heads - 1), (-1, heads - 1), 1.2, accent),
            ]
        return commands
    if style == "zebra":
        fill = HexColor(tint(kit.look.accent, 0.12))
        commands = [("ROWBACKGROUNDS", (0, heads), (-1, -1), [None, fill])]
        if heads:
            commands.append(("BACKGROUND", (0, 0), (-1, heads - 1), accent))
        return commands
    return [("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 12)]


def table(block: doc.TableBlock, kit: Kit, frame_height: float) -> Table:
    style = table_style(block.style, kit.look)
    width = max([len(block.header), *(len(row) for row in block.rows)])
    head = _head_style(kit, style)
    rows: list[list[object]] = []
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        kit.font_command(),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.group_header and block.header:
        row: list[object] = []
        for label, span in block.group_header:
            col = len(row)
            row += [Paragraph(kit.text(label), head)] + [""] * (max(span, 1) - 1)
            if span > 1:
                commands.append(("SPAN", (col, 0), (col + span - 1, 0)))
            if label and style == "hrules":
                commands.append(("LINEBELOW", (col, 0), (col + span - 1, 0), 0.6, kit.accent))
        rows.append(row[:width] + [""] * (width - len(row)))
    if block.header:
        rows.append([Paragraph(kit.text(h), head) for h in block.header])
        rows[-1] += [""] * (width - len(rows[-1]))
    heads = len(rows)
    for data in block.rows:
        cells = [_cell(c, block.bold_first_column and i == 0, kit) for i, c in enumerate(data)]
        rows.append(cells + [""] * (width - len(cells)))
    commands += _rule_commands(style, heads, kit)
    fractions = block.col_widths if block.col_widths and len(block.col_widths) == width else None
    widths = [f"{100 * f:.3f}%" for f in fractions or [1 / width] * width]
    result = _Table(
        rows,
        colWidths=widths,
        repeatRows=heads if block.repeat_header else 0,
        style=TableStyle(commands),
        hAlign="LEFT",
    )
    result.tall = frame_height
    result.spaceBefore, result.spaceAfter = kit.m.body * 0.3, kit.m.body
    return result
