"""Custom platypus flowables: section markers, grey boxes, glued headings, stacks, timeline."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph


class SectionMarker(Flowable):
    """Invisible, zero-size flowable marking where a section starts.

    The document template notices it in ``afterFlowable`` to record the page of the section
    (for the table of contents) and the running head to print in the page header.
    """

    def __init__(self, anchor: str, running_head: str) -> None:
        super().__init__()
        self.anchor = anchor
        self.running_head = running_head

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.anchor)


class GreyBox(Flowable):
    """A light grey filled rectangle standing in for a photo, logo or signature.

    ``width`` None means: take the whole available width.  An optional ``label`` paragraph
    (e.g. the description of a signature image) is centred inside the box.  With a
    ``min_height`` the box is elastic: ``shrunk`` gives a lower box to fill a column bottom.
    """

    def __init__(
        self,
        height: float,
        fill: Color,
        width: float | None = None,
        label: Paragraph | None = None,
        radius: float = 0,
        min_height: float | None = None,
    ) -> None:
        super().__init__()
        self.box_width = width
        self.box_height = height
        self.fill = fill
        self.label = label
        self.radius = radius
        self.min_height = min_height

    def shrunk(self, delta: float) -> GreyBox | None:
        """A copy ``delta`` points lower, or None if that is below ``min_height``."""
        height = self.box_height - delta
        if self.min_height is None or height < self.min_height:
            return None
        return GreyBox(height, self.fill, self.box_width, self.label, self.radius, self.min_height)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth if self.box_width is None else min(self.box_width, availWidth)
        self.height = self.box_height
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.fill)
        canv.setStrokeColor(self.fill)
        if self.radius:
            canv.roundRect(0, 0, self.width, self.height, self.radius, stroke=0, fill=1)
        else:
            canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canv.restoreState()
        if self.label is not None:
            pad = 6
            _, h = self.label.wrapOn(canv, self.width - 2 * pad, self.height)
            self.label.drawOn(canv, pad, (self.height - h) / 2)


class Timeline(Flowable):
    """A vertical timeline: a centre line with dots, entries alternating left and right.

    Each entry is a date paragraph plus event paragraphs; left entries should use
    right-aligned styles so that they hug the centre line.
    """

    def __init__(
        self,
        entries: list[list[Paragraph]],
        line_color: Color,
        dot_color: Color,
        centre_gap: float = 22,
        spacing: float = 18,
        step: float = 44,
    ) -> None:
        super().__init__()
        self.entries = entries
        self.line_color = line_color
        self.dot_color = dot_color
        self.centre_gap = centre_gap
        self.spacing = spacing
        self.step = step
        self._tops: list[float] = []
        self._heights: list[float] = []

    def _column_width(self, avail_width: float) -> float:
        return (avail_width - 2 * self.centre_gap) / 2

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        col = self._column_width(availWidth)
        self._tops, self._heights = [], []
        bottoms = {0: -self.spacing, 1: -self.spacing}  # lowest used y (from the top) per side
        last_top = -self.step
        for index, paragraphs in enumerate(self.entries):
            height = sum(p.wrap(col, availHeight)[1] + p.getSpaceAfter() for p in paragraphs)
            side = index % 2
            # entries on alternating sides may overlap vertically, like a zig-zag timeline
            top = max(bottoms[side] + self.spacing, last_top + self.step)
            self._tops.append(top)
            self._heights.append(height)
            bottoms[side] = top + height
            last_top = top
        self.height = max(bottoms.values()) + 4
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        col = self._column_width(self.width)
        centre = self.width / 2
        canv.saveState()
        canv.setStrokeColor(self.line_color)
        canv.setLineWidth(1.2)
        canv.line(centre, 0, centre, self.height)
        for index, paragraphs in enumerate(self.entries):
            top = self.height - self._tops[index]
            canv.setFillColor(self.dot_color)
            canv.circle(centre, top - 6, 4.2, stroke=0, fill=1)
            x = 0.0 if index % 2 == 0 else centre + self.centre_gap
            y = top
            for paragraph in paragraphs:
                _, h = paragraph.wrap(col, self.height)
                y -= h
                paragraph.drawOn(canv, x, y)
                y -= paragraph.getSpaceAfter()
        canv.restoreState()


class HeadedBlock(Flowable):
    """Headings glued to the start of the following flowable, for column layouts.

    Balanced columns split their content greedily and ignore ``keepWithNext``; this block
    only splits inside its body, and only if the headings plus ``min_body`` points of the
    body fit, so a heading never ends a column.
    """

    def __init__(self, heads: list[Flowable], body: Flowable, min_body: float = 30) -> None:
        super().__init__()
        self.heads = heads
        self.body = body
        self.min_body = min_body
        self._sizes: list[tuple[float, float]] = []

    def _parts(self) -> list[Flowable]:
        return [*self.heads, self.body]

    def _gap(self, index: int) -> float:
        """Space between part ``index - 1`` and part ``index``."""
        parts = self._parts()
        return max(parts[index - 1].getSpaceAfter(), parts[index].getSpaceBefore())

    def getSpaceBefore(self) -> float:
        return self.heads[0].getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.body.getSpaceAfter()

    def _heads_height(self, width: float) -> float:
        total = 0.0
        for index, head in enumerate(self.heads):
            total += head.wrap(width, 0xFFFFFF)[1] + (self._gap(index) if index else 0)
        return total + self._gap(len(self.heads))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._sizes = [part.wrap(availWidth, 0xFFFFFF) for part in self._parts()]
        gaps = sum(self._gap(i) for i in range(1, len(self._sizes)))
        self.height = sum(h for _, h in self._sizes) + gaps
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._heads_height(availWidth)
        if room < self.min_body:
            shrink = getattr(self.heads[0], "shrunk", None)
            smaller = shrink(self.min_body - room + 0.5) if shrink else None
            if smaller is None:
                return []
            block = HeadedBlock([smaller, *self.heads[1:]], self.body, self.min_body)
            return block.split(availWidth, availHeight)
        pieces = self.body.split(availWidth, room)
        if not pieces:
            return []
        return [HeadedBlock(self.heads, pieces[0], 0), *pieces[1:]]

    def draw(self) -> None:
        y = self.height
        for index, part in enumerate(self._parts()):
            _, h = part.wrap(self.width, 0xFFFFFF)
            if index:
                y -= self._gap(index)
            y -= h
            part.drawOn(self.canv, 0, y)


class Stack(Flowable):
    """Flowables drawn one below the other, never split (safe inside balanced columns).

    If the first part is elastic (``shrunk``), the stack may shrink to fit instead.
    """

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts

    def shrunk(self, delta: float) -> Stack | None:
        shrink = getattr(self.parts[0], "shrunk", None)
        first = shrink(delta) if shrink else None
        if first is None:
            return None
        stack = Stack([first, *self.parts[1:]])
        for name in ("spaceAfter", "keepWithNext"):
            if hasattr(self, name):
                setattr(stack, name, getattr(self, name))
        return stack

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, height = self.wrap(availWidth, availHeight)
        if height <= availHeight:
            return [self]
        smaller = self.shrunk(height - availHeight + 0.5)
        return [smaller] if smaller is not None else []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 0.0
        for index, part in enumerate(self.parts):
            self.height += part.wrap(availWidth, 0xFFFFFF)[1]
            if index:
                self.height += part.getSpaceBefore()
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for index, part in enumerate(self.parts):
            _, h = part.wrap(self.width, 0xFFFFFF)
            if index:
                y -= part.getSpaceBefore()
            y -= h
            x = 0.0
            if getattr(part, "hAlign", "LEFT") == "CENTER":
                x = (self.width - part.width) / 2
            part.drawOn(self.canv, x, y)
