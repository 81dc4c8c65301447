"""Letter-spaced text, mended: a heading set with tracking ("A B O U T  U S") comes out of
pdfplumber as one word per letter, because its letters stand further apart than the word tolerance.

A run of three or more one-letter words on one baseline, set at nearly the same distances apart
(at most `_TRACKING` of the font size), is one or more words: the letters are joined, and a gap
clearly wider than the others is the space between two words. Kerning may pull two or three
capitals of such a run close enough to come out as one word ("AWA R D"): pieces of up to three
capitals count with the letters, as long as most of the run is single letters.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from typing import Any

Word = dict[str, Any]
_TRACKING = 0.8  # widest letter gap (in font sizes) that tracking produces
_WORD_GAP = 1.6  # a gap this many times the run's usual gap separates two words
_MIN_LETTERS = 3
_MAX_PIECE = 3
_LETTER_SHARE = 0.6  # of a run's pieces, at least this many are single letters


def _same_line(a: Word, b: Word) -> bool:
    return abs(a["bottom"] - b["bottom"]) <= 0.2 * max(a["bottom"] - a["top"], 1.0)


def _letter(word: Word) -> bool:
    return len(word["text"]) == 1 and word["text"].isalnum()


def _piece(word: Word) -> bool:
    """A letter, or a few capitals kerned together."""
    text = word["text"]
    return _letter(word) or (len(text) <= _MAX_PIECE and text.isalpha() and text.isupper())


def _join(letters: Sequence[Word]) -> Word:
    word = dict(letters[0])
    word["text"] = "".join(w["text"] for w in letters)
    word["x0"] = min(w["x0"] for w in letters)
    word["x1"] = max(w["x1"] for w in letters)
    word["top"] = min(w["top"] for w in letters)
    word["bottom"] = max(w["bottom"] for w in letters)
    return word


def _mend(run: Sequence[Word]) -> list[Word]:
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(run)]
    usual = statistics.median(gaps)
    out: list[Word] = []
    current = [run[0]]
    for gap, word in zip(gaps, run[1:], strict=True):
        if gap > _WORD_GAP * max(usual, 0.5):
            out.append(_join(current))
            current = []
        current.append(word)
    out.append(_join(current))
    return out


def _tracked(run: Sequence[Word]) -> bool:
    if len(run) < _MIN_LETTERS or sum(map(_letter, run)) < _LETTER_SHARE * len(run):
        return False
    size = statistics.median(float(w.get("size", 0.0)) or (w["bottom"] - w["top"]) for w in run)
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(run)]
    small = sorted(gaps)[: max(1, len(gaps) // 2 + 1)]
    return (
        all(-0.5 <= g <= _TRACKING * size for g in small) and max(small) - min(small) <= 0.35 * size
    )


def mend_letter_spacing(words: Sequence[Word]) -> list[Word]:
    """The page's words with letter-spaced runs joined into words (order kept otherwise)."""
    ordered = sorted(words, key=lambda w: (round(w["bottom"]), w["x0"]))
    out: list[Word] = []
    run: list[Word] = []

    def flush() -> None:
        if _tracked(run):
            out.extend(_mend(run))
        else:
            out.extend(run)
        run.clear()

    for word in ordered:
        if _piece(word) and run and _same_line(run[-1], word):
            gap = word["x0"] - run[-1]["x1"]
            if gap <= 2 * _TRACKING * float(word.get("size", 10.0)):
                run.append(word)
                continue
        flush()
        if _piece(word):
            run.append(word)
        else:
            out.append(word)
    flush()
    return out
