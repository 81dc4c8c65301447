"""Blocks of `doc` as HTML for the Chromium engine (styled by `html_css`)."""

from __future__ import annotations

from reportgen.matrix import doc
from reportgen.matrix.engines.metrics import HEADER_BOLD, metrics, table_style
from reportgen.matrix.engines.text import (
    body_text,
    escape,
    heading_text,
    spaced,
    split_inside,
)


class Html:
    """Builds the HTML of blocks in one look."""

    def __init__(self, look: doc.Look) -> None:
        self.look = look
        self.m = metrics(look)

    def t(self, text: str) -> str:
        return escape(body_text(text, self.look))

    def heading(self, block: doc.Heading) -> str:
        """A heading; its size is the stylesheet's for its level (`metrics.heading_sizes`)."""
        level = min(max(block.level, 1), 3)
        cls = ' class="spaced"' if spaced(self.look) else ""
        return f"<h{level}{cls}>{escape(heading_text(block.text, self.look))}</h{level}>"

    def paragraph(self, block: doc.Paragraph) -> str:
        cls = f' class="{block.emphasis}"' if block.emphasis != "none" else ""
        return f"<p{cls}>{self.t(block.text)}</p>"

    def lines(self, block: doc.Lines) -> str:
        rows = []
        for index, line in enumerate(block.lines):
            cut = block.bold_prefix[index] if index < len(block.bold_prefix) else 0
            bold = f"<b>{self.t(line[:cut])}</b>" if cut else ""
            rows.append(f"<div>{bold}{self.t(line[cut:])}</div>")
        return f'<div class="lines">{"".join(rows)}</div>'

    def bullets(self, block: doc.Bullets) -> str:
        items = "".join(f"<li>{self.t(item)}</li>" for item in block.items)
        return f'<ul class="bullets">{items}</ul>'

    def _cell(self, cell: doc.Cell, tag: str, bold: bool) -> str:
        if isinstance(cell, doc.CellText):
            inner = "<br>".join(
                f'<span class="b">{self.t(text)}</span>' if b else self.t(text)
                for text, b in cell.lines
            )
            return f"<{tag}>{inner}</{tag}>"
        cls = ' class="b"' if bold else ""
        return f"<{tag}{cls}>{self.t(cell)}</{tag}>"

    def table(self, block: doc.TableBlock) -> str:
        style = table_style(block.style, self.look)
        width = max([len(block.header), *(len(row) for row in block.rows)])
        classes = ["t", style] + (["boldhead"] if HEADER_BOLD["chromium"][style] else [])
        if block.full_width:
            classes.append("wide")
        fractions = (
            block.col_widths if block.col_widths and len(block.col_widths) == width else None
        )
        cols = "".join(
            f'<col style="width:{100 * f:.3f}%">' for f in fractions or [1 / width] * width
        )
        head = []
        if block.group_header and block.header:
            cells = "".join(
                f'<th colspan="{max(span, 1)}"{" class=group" if label else ""}>'
                f"{self.t(label)}</th>"
                for label, span in block.group_header
            )
            head.append(f"<tr>{cells}</tr>")
        if block.header:
            padded = list(block.header) + [""] * (width - len(block.header))
            head.append("<tr>" + "".join(f"<th>{self.t(h)}</th>" for h in padded) + "</tr>")
        body = []
        for row in block.rows:
            padded_row = list(row) + [""] * (width - len(row))
            cells = "".join(
                self._cell(c, "td", block.bold_first_column and i == 0)
                for i, c in enumerate(padded_row)
            )
            body.append(f"<tr>{cells}</tr>")
        # a header that does not repeat is an ordinary first body row group
        head_tag = "thead" if block.repeat_header else "tbody"
        thead = f"<{head_tag}>{''.join(head)}</{head_tag}>" if head else ""
        return (
            f'<table class="{" ".join(classes)}"><colgroup>{cols}</colgroup>{thead}'
            f"<tbody>{''.join(body)}</tbody></table>"
        )

    def _tile(self, tile: doc.Tile, arrangement: str, boxed: bool) -> str:
        cls = "tile boxed" if boxed else "tile"
        number = f'<div class="num">{self.t(tile.value_text)}</div>'
        label = f'<div class="label">{self.t(tile.label)}</div>'
        if arrangement == "number_inside":
            before, value, after = split_inside(tile.inside_text, tile.value_text)
            inner = f'{self.t(before)}<span class="num">{self.t(value)}</span>{self.t(after)}'
            return f'<div class="{cls}"><div class="inside">{inner}</div></div>'
        parts = label + number if arrangement == "label_above" else number + label
        return f'<div class="{cls}">{parts}</div>'

    def tiles(self, block: doc.Tiles) -> str:
        tiles = "".join(self._tile(t, block.arrangement, block.boxed) for t in block.tiles)
        return f'<div class="boxes tiles" style="--n: {max(block.per_row, 1)}">{tiles}</div>'

    def cards(self, block: doc.Cards) -> str:
        cards = []
        for card in block.cards:
            facts = "".join(f'<div class="fact">{self.t(f)}</div>' for f in card.facts)
            text = f'<div class="text">{self.t(card.text)}</div>' if card.text else ""
            cls = "card boxed" if block.boxed else "card"
            title = f'<div class="title">{self.t(card.title)}</div>'
            cards.append(f'<div class="{cls}">{title}{facts}{text}</div>')
        return (
            f'<div class="boxes cards" style="--n: {max(block.per_row, 1)}">{"".join(cards)}</div>'
        )

    def timeline(self, block: doc.Timeline) -> str:
        entries = "".join(
            f'<div class="tl"><div class="date">{self.t(e.date_text)}</div>'
            + "".join(f"<div>{self.t(event)}</div>" for event in e.events)
            + "</div>"
            for e in block.entries
        )
        return f'<div class="timeline">{entries}</div>'

    def photo(self, block: doc.Photo) -> str:
        width = 100 * max(0.05, min(1.0, block.width))
        box = f'<div class="box" style="height:{block.height}pt; width:{width:.2f}%"></div>'
        caption = f'<div class="caption">{self.t(block.caption)}</div>' if block.caption else ""
        return f'<div class="photo">{box}{caption}</div>'

    def contents(self, entries: list[tuple[str, int, int | None]]) -> str:
        rows = "".join(
            f'<tr><td><a href="#sec-{target}">{self.t(title)}</a></td>'
            f'<td class="n">{page or ""}</td></tr>'
            for title, target, page in entries
        )
        return f'<table class="toc">{rows}</table>'

    def block(self, block: doc.Block) -> str:
        if isinstance(block, doc.PageBreak):
            return '<div class="pb"></div>'
        name = {
            doc.Heading: "heading",
            doc.Paragraph: "paragraph",
            doc.Lines: "lines",
            doc.Bullets: "bullets",
            doc.TableBlock: "table",
            doc.Tiles: "tiles",
            doc.Cards: "cards",
            doc.Timeline: "timeline",
            doc.Photo: "photo",
        }[type(block)]
        return getattr(self, name)(block)
