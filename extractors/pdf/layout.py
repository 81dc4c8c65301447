"""Words -> lines -> blocks on one page, from geometry and typography alone."""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from extractors.model import BBox, Block
from extractors.pdf.wordspaces import evenly_spaced, justified, stretched
from extractors.settings import Settings

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_HYPHENS = ("-", "\u00ad", "\u2010")
# a word that is a prefix keeping its hyphen ("co-creation", "e-services", "non-members"): a
# single letter (hyphenation leaves two or more) or a prefix compounds keep the hyphen after
_PREFIX = re.compile(
    r"(?:^|[^\w-])(?:[^\W\d_]|co|non|pre|post|self|ex|cross|multi|anti|semi)$", re.IGNORECASE
)
# a list marker set in a symbol font (Symbol, Wingdings: private-use code points, as Word's
# bullets come out of LibreOffice), standing alone before a word
_SYMBOL_BULLET = re.compile(r"(?:(?<=\s)|^)[\uf000-\uf0ff](?=\s)")


@dataclass(slots=True)
class Line:
    """Words on one baseline that sit close together (a line never crosses a column gutter)."""

    words: list[dict[str, Any]]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def is_bold(fontname: str) -> bool:
    return bool(_BOLD.search(fontname or ""))


def normalize_text(text: str) -> str:
    """NFC, ligatures and odd spaces folded, symbol-font bullets as "•", whitespace collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\u00a0", " ")
    text = _SYMBOL_BULLET.sub("•", text)
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def _make_line(words: list[dict[str, Any]]) -> Line:
    sizes = [float(w.get("size", 0.0)) for w in words]
    weights = [len(w["text"]) for w in words]
    bold_chars = sum(
        n for w, n in zip(words, weights, strict=True) if is_bold(w.get("fontname", ""))
    )
    return Line(
        words=words,
        x0=min(w["x0"] for w in words),
        top=min(w["top"] for w in words),
        x1=max(w["x1"] for w in words),
        bottom=max(w["bottom"] for w in words),
        size=round(statistics.median(sizes), 1) if sizes else 0.0,
        bold=bold_chars * 2 > sum(weights),
    )


def _rows(words: Iterable[dict[str, Any]], settings: Settings) -> list[list[dict[str, Any]]]:
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        row = rows[-1] if rows else None
        if row is not None and _same_row(row, word, settings):
            row.append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def _extents(rows: Sequence[Sequence[dict[str, Any]]]) -> list[tuple[float, float]]:
    """The x extent each row steps over: its own, or with the next row when the two overlap
    (columns whose baselines do not line up give rows of one column each, in turn)."""
    out = []
    for i, row in enumerate(rows):
        x0, x1 = row[0]["x0"], row[-1]["x1"]
        nxt = rows[i + 1] if i + 1 < len(rows) else []
        if _overlaps(row, nxt):
            x0, x1 = min(x0, nxt[0]["x0"]), max(x1, nxt[-1]["x1"])
        out.append((x0, x1))
    return out


def find_gutters(
    rows: Sequence[Sequence[dict[str, Any]]], min_width: float = 4.0
) -> list[tuple[float, float]]:
    """x positions of column gutters: narrow vertical strips that many rows step over with a gap
    and almost no word covers (a full-width heading may cross a gutter; a few words may not). A
    row of one column steps over the gutter with the row of the next column it overlaps."""
    if len(rows) < 5:
        return []
    width = int(max(w["x1"] for row in rows for w in row)) + 2
    spans = [0] * width
    covered = [0] * width
    for row, extent in zip(rows, _extents(rows), strict=True):
        start, end = int(extent[0]), int(extent[1])
        for x in range(start + 1, min(end, width)):
            spans[x] += 1
        for w in row:
            for x in range(int(w["x0"]), min(int(w["x1"]) + 1, width)):
                covered[x] += 1
    ok = [spans[x] - covered[x] >= 5 and covered[x] * 5 <= spans[x] for x in range(width)]
    gutters: list[tuple[float, float]] = []
    x = 0
    while x < width:
        if ok[x]:
            run = x
            while run < width and ok[run]:
                run += 1
            if run - x >= min_width:
                gutters.append((float(x), float(run)))
            x = run
        else:
            x += 1
    return _without_shadows(rows, gutters, covered)


def _gaps_over(
    row: Sequence[dict[str, Any]], gutter: tuple[float, float]
) -> set[tuple[float, float]]:
    """The row's word gaps that contain the strip (none, or one)."""
    return {
        (a["x1"], b["x0"])
        for a, b in itertools.pairwise(row)
        if a["x1"] <= gutter[0] + 1 and b["x0"] >= gutter[1] - 1
    }


def _without_shadows(
    rows: Sequence[Sequence[dict[str, Any]]],
    gutters: list[tuple[float, float]],
    covered: Sequence[int],
) -> list[tuple[float, float]]:
    """Drop the strips that only lie in a real gutter's shadow: inside a column, right of its
    short lines (names, "Area: 417 km²"), which the rows step over in the same word gap as a
    clearer strip beside them (the gutter). A heading's word space that falls in such a strip
    is no column break; the gutters of three columns, stepped over in different gaps, stay."""
    merged = [
        sorted([*row, *nxt], key=lambda w: w["x0"]) if _overlaps(row, nxt) else list(row)
        for row, nxt in zip(rows, [*rows[1:], []], strict=True)
    ]
    gaps = [
        {(i, gap) for i, row in enumerate(merged) for gap in _gaps_over(row, g)} for g in gutters
    ]
    least = [min(covered[int(g[0]) : int(g[1])]) for g in gutters]
    kept = []
    for i, gutter in enumerate(gutters):
        shadow = any(
            j != i
            and least[j] < least[i]
            and gaps[i]
            and len(gaps[i] & gaps[j]) >= 0.8 * len(gaps[i])
            for j in range(len(gutters))
        )
        if not shadow:
            kept.append(gutter)
    return kept


def _overlaps(row: Sequence[dict[str, Any]], nxt: Sequence[dict[str, Any]]) -> bool:
    return bool(nxt) and min(w["top"] for w in nxt) < max(w["bottom"] for w in row) - 1.0


Box = tuple[float, float, float, float]  # x0, top, x1, bottom
_COLUMN_STARTS = 5  # rows with a word starting at a gutter's right end make it a column's start


def _box_of(word: dict[str, Any], boxes: Sequence[Box]) -> int | None:
    """The smallest box the word's centre lies in."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    inside = [i for i, (x0, t, x1, b) in enumerate(boxes) if x0 <= x <= x1 and t <= y <= b]
    if not inside:
        return None
    return min(inside, key=lambda i: (boxes[i][2] - boxes[i][0]) * (boxes[i][3] - boxes[i][1]))


def _across(
    prev: dict[str, Any], word: dict[str, Any], gutter: tuple[float, float], size: float
) -> bool:
    """Does the gap between two words of a row step over a column gutter: the whole gutter, or
    (a line of one column running a little into the gutter) most of it, and more of it than a
    word space spans?"""
    g0, g1 = gutter
    if prev["x1"] <= g0 + 1 and word["x0"] >= g1 - 1:
        return True
    inside = min(word["x0"], g1) - max(prev["x1"], g0)
    return inside >= max(4.0, 0.6 * size, 0.6 * (g1 - g0))


def _resized(prev: dict[str, Any], word: dict[str, Any], gap: float) -> bool:
    """Do two words of a row differ in type size across a gap wider than a word space of the
    smaller (a heading beside a line of text in the next column)?"""
    a, b = float(prev.get("size", 0)), float(word.get("size", 0))
    return abs(a - b) >= 0.15 * max(a, b) and gap > min(a, b)


# a word that starts a number: digits, or a currency sign or a sign right before them
_NUMBER_START = re.compile(r"[$€£¥+\-−~≈(]?\d")
_NUMBER_APART = 0.5  # em: a number set further than this from the word before it stands apart


def _number_apart(
    row: Sequence[dict[str, Any]], spaces: Sequence[float], i: int, size: float, settings: Settings
) -> bool:
    """Is a number set apart from the word before it by more than a word space (well under
    the wide gap of text): the next tile's number on the row, its own figure ("1,200,000" and
    "92%" of two tiles side by side)? Unless the line's spaces are all that wide (a justified
    line stretches its spaces alike, between numbers too)."""
    return (
        spaces[i] > max(settings.column_gap, _NUMBER_APART * size)
        and _NUMBER_START.match(str(row[i + 1]["text"])) is not None
        and not evenly_spaced(spaces, i)
    )


def words_to_lines(
    words: Iterable[dict[str, Any]], settings: Settings, boxes: Sequence[Box] = ()
) -> list[Line]:
    """Group words into rows by vertical overlap, then split rows at column gutters and where a
    word stands in another drawn box than the one before it (tiles side by side), and the parts
    at gaps too wide to be word spaces (wider than a space of the smaller type where the type
    size changes; before a number, wider than half an em: the next tile's number, unless the
    spaces beside it are as wide). A space that justification stretched is no such gap: one as
    wide as the spaces beside it, between words of one type (also where it steps over a gutter
    narrower than itself at whose end no column starts: a strip where such spaces happen to line
    up), or any wide gap of a line that starts and ends where the lines of its justified column do
    (`justified`). A wide gap up to the start of a column is a gutter however wide the blank
    strip beside the column's short lines is."""
    rows = _rows(words, settings)
    gutters = find_gutters(rows)
    starts = _column_starts(rows, gutters)
    parts: list[tuple[list[dict[str, Any]], list[bool]]] = []  # words, and which gaps are wide
    for row in rows:
        part: list[dict[str, Any]] = [row[0]]
        wide: list[bool] = []
        spaces = [b["x0"] - a["x1"] for a, b in itertools.pairwise(row)]
        inside = [_box_of(w, boxes) for w in row] if boxes else [None] * len(row)
        for i, (prev, word) in enumerate(itertools.pairwise(row)):
            size = max(float(prev.get("size", 0)), float(word.get("size", 0)))
            gap = spaces[i]
            even = stretched(row, spaces, i, size) and _same_type(prev, word)
            wide_gap = gap > max(settings.column_gap, 1.5 * size) or _resized(prev, word, gap)
            at_gutter = any(
                _across(prev, word, g, size) and not (even and g[1] - g[0] < gap and not start)
                for g, start in zip(gutters, starts, strict=True)
            ) or any(  # a wide gap up to where a column starts, over a gutter wider than it
                start and wide_gap and abs(word["x0"] - g[1]) <= _ALIGNED
                for g, start in zip(gutters, starts, strict=True)
            )
            number_apart = _number_apart(row, spaces, i, size, settings)
            if at_gutter or number_apart or inside[i] != inside[i + 1]:
                parts.append((part, wide))
                part, wide = [], []
            else:
                wide.append(not even and wide_gap)
            part.append(word)
        parts.append((part, wide))
    plain = [(p[0]["x0"], p[-1]["x1"]) for p, wide in parts if len(p) > 1 and not any(wide)]
    lines: list[Line] = []
    for part, wide in parts:
        whole = any(wide) and _one_size(part) and justified(part, plain)
        fragment = [part[0]]
        for word, apart in zip(part[1:], wide, strict=True):
            if apart and not whole:
                lines.append(_make_line(fragment))
                fragment = []
            fragment.append(word)
        lines.append(_make_line(fragment))
    return lines


_ALIGNED = 2.0  # points: how far from a gutter's right end a word may start and start a column


def _column_starts(
    rows: Sequence[Sequence[dict[str, Any]]], gutters: Sequence[tuple[float, float]]
) -> list[bool]:
    """For each gutter, whether a column starts at its right end: at least `_COLUMN_STARTS`
    rows have a word starting there. A strip down a narrow justified column where its stretched
    spaces happen to line up is found as a gutter too, but the words after it start anywhere."""
    return [
        sum(1 for row in rows if any(abs(w["x0"] - g1) <= _ALIGNED for w in row)) >= _COLUMN_STARTS
        for _, g1 in gutters
    ]


def _same_type(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return _one_size([a, b]) and is_bold(a.get("fontname", "")) == is_bold(b.get("fontname", ""))


def _one_size(words: Sequence[dict[str, Any]]) -> bool:
    sizes = [float(w.get("size", 0)) for w in words]
    return max(sizes) - min(sizes) < 0.15 * max(sizes)


def _stacked(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Is one word printed over the other: they share most of the narrower one's width and
    start on different lines (a word never stands over another on its own line)?"""
    shared = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    narrower = min(a["x1"] - a["x0"], b["x1"] - b["x0"])
    height = min(a["bottom"] - a["top"], b["bottom"] - b["top"])
    return shared > 0.5 * narrower and abs(a["top"] - b["top"]) > 0.3 * height


def _same_row(row: Sequence[dict[str, Any]], word: dict[str, Any], settings: Settings) -> bool:
    """Does the word sit on the row's line? Its vertical overlap with the row must be over half
    the taller of the two (so a big headline number does not absorb the small label lines set
    beside it), and no word of the row may stand over it: columns whose baselines do not line
    up overlap in turn, so a row grown across them would reach the next line of a column."""
    if any(_stacked(w, word) for w in row):
        return False
    top = min(w["top"] for w in row)
    bottom = max(w["bottom"] for w in row)
    overlap = min(bottom, word["bottom"]) - max(top, word["top"])
    row_height = statistics.median(w["bottom"] - w["top"] for w in row)
    height = max(row_height, word["bottom"] - word["top"], settings.line_tolerance)
    return overlap / height > 0.5


def _continues(block: list[Line], line: Line) -> bool:
    last = block[-1]
    if abs(last.size - line.size) > 0.6 or last.bold != line.bold:
        return False
    gap = line.top - last.bottom
    if gap < -0.5 * line.height or gap > max(0.5 * line.size, 2.0):
        return False
    x0 = min(b.x0 for b in block)
    x1 = max(b.x1 for b in block)
    overlap = min(x1, line.x1) - max(x0, line.x0)
    return overlap > 0.5 * min(x1 - x0, line.x1 - line.x0)


# a number grouped in thousands that a narrow line broke at a group's comma: the line ends
# with the number's digits and the next starts with the comma ("1,200" over ",000"), or the
# line ends with the comma and the next starts with the group ("3,400," over "000")
_ENDS_IN_DIGIT = re.compile(r"\d$")
_STARTS_WITH_GROUP_COMMA = re.compile(r",\d{3}(?!\d)")
_ENDS_WITH_GROUP_COMMA = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*,$")
_STARTS_WITH_GROUP = re.compile(r"\d{3}(?!\d)")


def _number_broken(out: str, line: str) -> bool:
    """Did the line break fall at a group comma inside a number (no text ends a line with a
    number's comma or starts one with it)?"""
    return bool(
        (_ENDS_IN_DIGIT.search(out) and _STARTS_WITH_GROUP_COMMA.match(line))
        or (_ENDS_WITH_GROUP_COMMA.search(out) and _STARTS_WITH_GROUP.match(line))
    )


def join_lines(lines: Sequence[str]) -> str:
    """Join a block's lines into running text, mending words hyphenated at line ends and
    numbers broken at a group comma."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif _number_broken(out, line):
            out += line
        elif out.endswith("\u00ad"):
            out = out[:-1] + line
        elif out.endswith(_HYPHENS) and len(out) > 1 and out[-2].isalpha():
            # "trans-" + "formation" was one word split at the line end; "e-" + "Government"
            # and "co-" + "creation" are compounds that keep their hyphen
            mend = line[:1].islower() and not _PREFIX.search(out[:-1])
            out = out[:-1] + line if mend else out + line
        else:
            out = f"{out} {line}"
    return out


def lines_to_blocks(lines: Iterable[Line], page_number: int) -> list[Block]:
    """Merge vertically adjacent lines of the same typography into blocks (paragraphs, headings)."""
    open_blocks: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        for block in reversed(open_blocks):
            if _continues(block, line):
                block.append(line)
                break
        else:
            open_blocks.append([line])
    blocks = []
    for group in open_blocks:
        printed = [(t, ln) for ln in group if (t := normalize_text(ln.text))]
        if not printed:
            continue
        texts = tuple(t for t, _ in printed)
        bbox = BBox(
            min(ln.x0 for ln in group),
            min(ln.top for ln in group),
            max(ln.x1 for ln in group),
            max(ln.bottom for ln in group),
        )
        sizes = [ln.size for ln in group]
        blocks.append(
            Block(
                text=join_lines(texts),
                bbox=bbox.rounded(),
                page_number=page_number,
                font_size=round(statistics.median(sizes), 1),
                bold=sum(ln.bold for ln in group) * 2 > len(group),
                lines=texts,
                line_boxes=tuple(
                    BBox(ln.x0, ln.top, ln.x1, ln.bottom).rounded() for _, ln in printed
                ),
            )
        )
    return blocks
