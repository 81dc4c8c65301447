"""Word spaces that justified text stretches: in a narrow justified column the spaces of a line
grow past what a word space usually is (and what tells two columns or two cells apart), but they
grow evenly. A wide gap between words that is as wide as the gaps beside it, between words rather
than numbers, is such a stretched space."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Word = dict[str, Any]

_EVEN = 0.6  # points: gaps a justified line stretches alike differ by less than this
_EVEN_SHARE = 0.05
_MAX_STRETCH = 3.0  # em: no justified word space is wider
_WORDY_SHARE = 0.7  # of the words a justified line stretches apart, this many are words


def _wordy(word: Word) -> bool:
    text = str(word["text"])
    return any(c.isalpha() for c in text) and not any(c.isdigit() for c in text)


def stretched(words: Sequence[Word], gaps: Sequence[float], i: int, size: float) -> bool:
    """Is gap `i` (between words i and i+1) a word space of a justified line: no wider than
    `_MAX_STRETCH` em, and one of at least two neighbouring gaps of the same width between
    words (mostly: "the end of 2025. Seven"; not a row of numbers)?"""
    if gaps[i] > _MAX_STRETCH * size:
        return False
    low, high = _even_run(gaps, i)
    stretch = words[low : high + 2]
    return high > low and sum(map(_wordy, stretch)) >= _WORDY_SHARE * len(stretch)


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
