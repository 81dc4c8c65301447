"""Word spaces that justified text stretches: in a narrow justified column the spaces of a line
grow past what a word space usually is (and what tells two columns or two cells apart), but they
grow evenly. A wide gap between words that is as wide as the gaps beside it, between words rather
than numbers, is such a stretched space; so is a wide gap in a line that starts and ends where
the other lines of its justified column do."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

Word = dict[str, Any]

_EVEN = 0.6  # points: gaps a justified line stretches alike differ by less than this
_EVEN_SHARE = 0.05
_MAX_STRETCH = 3.0  # em: no justified word space is wider
_WORDY_SHARE = 0.7  # of the words a justified line stretches apart, this many are words


def _wordy(word: Word) -> bool:
    text = str(word["text"])
    return any(c.isalpha() for c in text) and not any(c.isdigit() for c in text)


_OF_NUMBERS = frozenset("%‰$€£¥#")  # signs that stand for or beside numbers: "% | Pos"


def _sign(word: Word) -> bool:
    """A word of signs only ("&", "–"): neither a word nor a number (a "%" is a number's)."""
    text = str(word["text"])
    return not any(c.isalnum() or c in _OF_NUMBERS for c in text)


def stretched(words: Sequence[Word], gaps: Sequence[float], i: int, size: float) -> bool:
    """Is gap `i` (between words i and i+1) a word space of a justified line: no wider than
    `_MAX_STRETCH` em, and one of at least two neighbouring gaps of the same width between
    words (mostly: "the end of 2025. Seven"; not a row of numbers)?"""
    if gaps[i] > _MAX_STRETCH * size:
        return False
    low, high = _even_run(gaps, i)
    stretch = [w for w in words[low : high + 2] if not _sign(w)]
    return high > low and sum(map(_wordy, stretch)) >= max(2, _WORDY_SHARE * len(stretch))


def _even_run(gaps: Sequence[float], i: int) -> tuple[int, int]:
    """The first and last of the neighbouring gaps as wide as gap `i`."""
    width = gaps[i]

    def alike(j: int) -> bool:
        return abs(gaps[j] - width) <= max(_EVEN, _EVEN_SHARE * width)

    low = high = i
    while low > 0 and alike(low - 1):
        low -= 1
    while high < len(gaps) - 1 and alike(high + 1):
        high += 1
    return low, high


def evenly_spaced(gaps: Sequence[float], i: int) -> bool:
    """Is gap `i` as wide as a gap beside it (the spaces of a justified line, numbers or
    words, stretch alike)?"""
    low, high = _even_run(gaps, i)
    return high > low


_FLUSH = 0.5  # points: lines of a justified column start and end this close to each other
_JUSTIFIED = 2  # lines without a wide gap that share a line's two ends make it a justified one


def justified(line: Sequence[Word], plain: Sequence[tuple[float, float]]) -> bool:
    """Is a line with a wide gap between words (not numbers) one of a justified column: its
    spaces are alike, and it starts and ends where at least `_JUSTIFIED` lines of the page
    without such a gap (`plain`, their ends) do? A justified line of two or three words has one
    or two spaces, stretched to the width of the column past any other word space; two cells of
    a table or two columns end where the text in them ends."""
    if len(line) < 2 or not all(_wordy(w) or _sign(w) for w in line):
        return False
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(line)]
    if max(gaps) - min(gaps) > max(_EVEN, _EVEN_SHARE * max(gaps)):
        return False  # justification stretches every space of a line alike
    x0, x1 = line[0]["x0"], line[-1]["x1"]
    alike = sum(1 for a, b in plain if abs(a - x0) <= _FLUSH and abs(b - x1) <= _FLUSH)
    return alike >= _JUSTIFIED
