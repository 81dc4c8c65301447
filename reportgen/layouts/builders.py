"""Turn content items into platypus flowables.

``ItemBuilder`` knows one method per text-like item type; the table-like item types live in
``tables.py``.  Everything is styled through the named styles and the ``Theme`` so that a
layout can reuse the builders unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import BalancedColumns

from reportgen.content import Item
from reportgen.layouts import tables
from reportgen.layouts.flowables import GreyBox, HeadedBlock, Stack
from reportgen.layouts.styles import Theme
from reportgen.layouts.tables import NO_PADDING, esc, themed_style

Handler = Callable[[Item, float], list[Flowable]]


def glue_headings(flowables: list[Flowable]) -> list[Flowable]:
    """Wrap runs of keep-with-next flowables and their successor into ``HeadedBlock``s."""
    result: list[Flowable] = []
    heads: list[Flowable] = []
    for flowable in flowables:
        if flowable.getKeepWithNext():
            heads.append(flowable)
        elif heads:
            result.append(HeadedBlock(heads, flowable))
            heads = []
        else:
            result.append(flowable)
    return result + heads


class ItemBuilder:
    """Builds flowables for content items; ``page_numbers`` maps section ids to pages."""

    def __init__(
        self, theme: Theme, styles: dict[str, ParagraphStyle], page_numbers: dict[str, int]
    ) -> None:
        self.theme = theme
        self.styles = styles
        self.page_numbers = page_numbers
        self.handlers: dict[str, Handler] = {
            "heading": self.heading,
            "paragraph": self.paragraph,
            "lines": self.lines,
            "bullets": self.bullets,
            "link_list": self.link_list,
            "quote": self.quote,
            "person": self.person,
            "signature": self.signature,
            "photo": self.photo,
            "photo_row": self.photo_row,
            "logo_row": self.logo_row,
            "columns": self.columns,
            "toc": self.toc,
            "page_break": lambda item, width: [PageBreak()],
            "spacer": lambda item, width: [Spacer(1, item["height"])],
        }
        for kind, function in tables.HANDLERS.items():
            self.handlers[kind] = self._bind(function)

    def _bind(self, function: tables.TableHandler) -> Handler:
        return lambda item, width: function(self, item, width)

    # -- helpers ---------------------------------------------------------------------------
    def para(self, text: str, style: str) -> Paragraph:
        return Paragraph(esc(text), self.styles[style])

    def box(self, height: float, width: float | None = None, label: str | None = None) -> GreyBox:
        label_para = self.para(label, "box_label") if label else None
        return GreyBox(height, self.theme.palette.box, width=width, label=label_para)

    def build(self, items: list[Item], width: float) -> list[Flowable]:
        flowables: list[Flowable] = []
        for item in items:
            built = self.handlers[item["type"]](item, width)
            if flowables and built and isinstance(built[0], BalancedColumns):
                # keep-with-next would wrap the columns in a KeepTogether, which they break
                flowables[-1].keepWithNext = 0
            flowables.extend(built)
        return flowables

    # -- text items ------------------------------------------------------------------------
    def heading(self, item: Item, width: float) -> list[Flowable]:
        return [self.para(item["text"], f"h{item['level']}")]

    def paragraph(self, item: Item, width: float) -> list[Flowable]:
        return [self.para(item["text"], item.get("style", "body"))]

    def lines(self, item: Item, width: float) -> list[Flowable]:
        markup = "<br/>".join(esc(line) for line in item["lines"])
        return [Paragraph(markup, self.styles[item.get("style", "body")])]

    def bullets(self, item: Item, width: float) -> list[Flowable]:
        style = self.styles[item.get("style", "bullet")]
        # the list as a whole is followed by the usual paragraph space
        last = ParagraphStyle(f"{style.name}_last", parent=style, spaceAfter=style.leading * 0.6)
        texts = item["items"]
        return [
            Paragraph(esc(text), last if index == len(texts) - 1 else style, bulletText="•")
            for index, text in enumerate(texts)
        ]

    def link_list(self, item: Item, width: float) -> list[Flowable]:
        rows = [[self.box(9, 9), self.para(text, "link")] for text in item["items"]]
        table = Table(rows, colWidths=[18, width - 18], hAlign="LEFT")
        table.setStyle(
            themed_style(self.theme, [*NO_PADDING, ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
        )
        return [table]

    def quote(self, item: Item, width: float) -> list[Flowable]:
        cell = [self.para(item["text"], "quote")]
        cell += [self.para(line, "quote_attr") for line in item["attribution"][:1]]
        cell += [self.para(line, "quote_attr_rest") for line in item["attribution"][1:]]
        table = Table([[cell]], colWidths=[width])
        table.setStyle(
            themed_style(
                self.theme,
                [
                    *NO_PADDING,
                    ("LEFTPADDING", (0, 0), (-1, -1), 16),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, self.theme.palette.accent),
                ],
            )
        )
        return [Spacer(1, 8), table, Spacer(1, 10)]

    def person(self, item: Item, width: float) -> list[Flowable]:
        text = [self.para(item["name"], "person_name")]
        text += [self.para(title, "person_title") for title in item["titles"]]
        height = item.get("photo_height", 96)
        photo_width = round(height * 0.82)
        table = Table(
            [[self.box(height, photo_width), text]],
            colWidths=[photo_width + 16, width - photo_width - 16],
        )
        table.setStyle(
            themed_style(self.theme, [*NO_PADDING, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
        )
        return [table, Spacer(1, 14)]

    def signature(self, item: Item, width: float) -> list[Flowable]:
        box = self.box(46, min(170, width), label=item.get("alt"))
        box.hAlign = "LEFT"
        return [Spacer(1, 6), Stack([box, self.para(item["name"], "signature_name")])]

    def photo(self, item: Item, width: float) -> list[Flowable]:
        box_width = width * item.get("width", 1.0)
        box = self.box(item["height"], box_width)
        box.min_height = item.get("min_height")
        flowables: list[Flowable] = [box]
        if item.get("caption"):
            flowables.append(self.para(item["caption"], "caption"))
        stack = Stack(flowables)
        stack.spaceAfter = 10
        stack.keepWithNext = int(item.get("keep_with_next", False))
        return [stack]

    def photo_row(self, item: Item, width: float) -> list[Flowable]:
        photos = item["photos"]
        gap = 8
        cell_width = (width - gap * (len(photos) - 1)) / len(photos)
        cells = [
            [self.box(item["height"], cell_width), self.para(photo.get("caption", ""), "caption")]
            for photo in photos
        ]
        widths = [cell_width + (gap if i < len(photos) - 1 else 0) for i in range(len(photos))]
        table = Table([cells], colWidths=widths)
        table.setStyle(themed_style(self.theme, NO_PADDING))
        return [table, Spacer(1, 12)]

    def logo_row(self, item: Item, width: float) -> list[Flowable]:
        count = item["count"]
        logo_width, gap = 84.0, 10.0
        table = Table(
            [[self.box(38, logo_width) for _ in range(count)]],
            colWidths=[logo_width + gap] * count,
            hAlign="LEFT",
        )
        table.setStyle(themed_style(self.theme, NO_PADDING))
        return [table, Spacer(1, 6)]

    def columns(self, item: Item, width: float) -> list[Flowable]:
        count = item.get("count", 2)
        column_width = (width - self.theme.gutter * (count - 1)) / count
        content = glue_headings(self.build(item["items"], column_width))
        return [
            BalancedColumns(
                content,
                nCols=count,
                innerPadding=self.theme.gutter,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                spaceAfter=6,
            )
        ]

    def toc(self, item: Item, width: float) -> list[Flowable]:
        rows = []
        for entry in item["entries"]:
            page = self.page_numbers.get(entry["target"], entry["planned_page"])
            rows.append(
                [self.para(f"{page:02d}", "toc_num"), self.para(entry["title"], "toc_title")]
            )
        table = Table(rows, colWidths=[52, width - 52])
        table.setStyle(
            themed_style(
                self.theme,
                [
                    *NO_PADDING,
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 9),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, self.theme.palette.light_rule),
                ],
            )
        )
        return [Spacer(1, 20), table]
