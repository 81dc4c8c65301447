"""Custom platypus flowables of the reportlab engine: letter-spaced headings, grey boxes and
the invisible marker that tells the document template where a section starts."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph


class SectionMarker(Flowable):
    """Zero-size: the template records the page of section `index` and its running head."""

    def __init__(self, index: int, running_head: str | None, cover: bool) -> None:
        super().__init__()
        self.index = index
        self.running_head = running_head
        self.cover = cover

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(f"section-{self.index}")


class SpacedText(Flowable):
    """A heading drawn with real letter spacing (`canvas` character spacing, not spaces),
    wrapped at word boundaries; reportlab paragraphs have no tracking of their own."""

    def __init__(
        self,
        text: str,
        font: str,
        size: float,
        colour: Color,
        tracking: float,
        space_before: float = 0,
        space_after: float = 0,
    ) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.colour = colour
        self.tracking = tracking  # points between characters
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.keepWithNext = 1
        self.leading = size * 1.25
        self._lines: list[str] = []

    def _width(self, text: str) -> float:
        return stringWidth(text, self.font, self.size) + self.tracking * len(text)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines: list[str] = []
        for word in self.text.split():
            if lines and self._width(f"{lines[-1]} {word}") <= availWidth:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        self._lines = lines or [""]
        self.width = availWidth
        self.height = self.leading * len(self._lines)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        text = canv.beginText()
        text.setFont(self.font, self.size, self.leading)
        text.setCharSpace(self.tracking)
        text.setFillColor(self.colour)
        text.setTextOrigin(0, self.height - self.size)
        for line in self._lines:
            text.textLine(line)
        canv.drawText(text)
        canv.restoreState()


class GreyBox(Flowable):
    """A filled rectangle `fraction` of the available width wide (a photo placeholder) with an
    optional caption paragraph under it; never split (safe inside BalancedColumns, unlike a
    KeepTogether, which may hand a frame break to the columns)."""

    def __init__(
        self, height: float, fraction: float, fill: Color, caption: Paragraph | None = None
    ) -> None:
        super().__init__()
        self.box_height = height
        self.fraction = max(0.05, min(1.0, fraction))
        self.fill = fill
        self.caption = caption
        self._caption_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._caption_height = 0.0
        if self.caption is not None:
            _, h = self.caption.wrap(availWidth, 0xFFFFFF)
            self._caption_height = h + self.caption.getSpaceBefore()
        self.height = self.box_height + self._caption_height
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.fill)
        canv.rect(0, self._caption_height, self.width * self.fraction, self.box_height, 0, 1)
        canv.restoreState()
        if self.caption is not None:
            self.caption.drawOn(canv, 0, 0)
