"""Words -> text lines -> segments: the material table recognition aligns.

A `TextLine` holds the words that share one baseline across the whole width it is given (a table
row, or a line of two prose columns side by side). A `Segment` is a run of words of one line whose
gaps are word spaces; a gap wider than `SEGMENT_GAP` times the font size starts a new segment, so a
cell of a table row is one segment (or part of a spanning one), whatever the design. Justified
prose in a narrow column stretches its word spaces further, but evenly (`wordspaces.stretched`).
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from extractors.pdf.layout import is_bold
from extractors.pdf.wordspaces import stretched

Word = dict[str, Any]

# Word spaces measure 0.2-0.4 em, justified prose rarely stretches them past 0.8 em, and columns of
# a table are set further apart than that.
SEGMENT_GAP = 0.8
MIN_SEGMENT_GAP = 3.0  # points


@dataclass(frozen=True, slots=True)
class Segment:
    words: tuple[Word, ...]
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def bold(self) -> bool:
        chars = sum(len(w["text"]) for w in self.words)
        heavy = sum(len(w["text"]) for w in self.words if is_bold(w.get("fontname", "")))
        return heavy * 2 > chars

    @property
    def size(self) -> float:
        return statistics.median(float(w.get("size", 0.0)) for w in self.words)


@dataclass(frozen=True, slots=True)
class TextLine:
    words: tuple[Word, ...]
    segments: tuple[Segment, ...]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def clipped(self, x0: float, x1: float) -> TextLine | None:
        """The part of the line whose words lie (by their centre) within [x0, x1]."""
        kept = [w for w in self.words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1]
        return make_line(kept) if kept else None


def _segments(words: Sequence[Word], size: float) -> tuple[Segment, ...]:
    gap = max(MIN_SEGMENT_GAP, SEGMENT_GAP * size)
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(words)]
    out: list[Segment] = []
    run: list[Word] = []
    for i, word in enumerate(words):
        if run and gaps[i - 1] > gap and not stretched(words, gaps, i - 1, size):
            out.append(_segment(run))
            run = []
        run.append(word)
    if run:
        out.append(_segment(run))
    return tuple(out)


def _segment(words: Sequence[Word]) -> Segment:
    return Segment(
        tuple(words),
        min(w["x0"] for w in words),
        max(w["x1"] for w in words),
        min(w["top"] for w in words),
        max(w["bottom"] for w in words),
    )


def make_line(words: Iterable[Word]) -> TextLine:
    ordered = sorted(words, key=lambda w: w["x0"])
    size = statistics.median(float(w.get("size", 0.0)) or (w["bottom"] - w["top"]) for w in ordered)
    return TextLine(
        tuple(ordered),
        _segments(ordered, size),
        min(w["x0"] for w in ordered),
        max(w["x1"] for w in ordered),
        min(w["top"] for w in ordered),
        max(w["bottom"] for w in ordered),
        size,
    )


def _joins(top: float, bottom: float, word: Word) -> bool:
    """Does the word sit on the line spanning [top, bottom] (the extent of the line's first
    word)? Over half of the taller of the two must overlap: small words beside a large one do
    not join its line, so it cannot gather the lines of a paragraph set beside it."""
    overlap = min(bottom, word["bottom"]) - max(top, word["top"])
    return overlap > 0.5 * max(bottom - top, word["bottom"] - word["top"])


def text_lines(words: Iterable[Word]) -> list[TextLine]:
    """The words grouped into lines by vertical overlap, top to bottom."""
    groups: list[list[Word]] = []
    bounds: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        for i in range(len(groups) - 1, max(-1, len(groups) - 4), -1):
            top, bottom = bounds[i]
            if _joins(top, bottom, word):
                groups[i].append(word)
                break
        else:
            groups.append([word])
            bounds.append((word["top"], word["bottom"]))
    lines = [make_line(g) for g in groups]
    return sorted(lines, key=lambda ln: (ln.top, ln.x0))
