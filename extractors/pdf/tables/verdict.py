"""Is a run of aligned lines a table? White-space alignment is also what multi-column prose,
bulleted lists, tables of contents, figure tiles and cards set side by side look like; each of
those has a signature a table lacks.

- prose: on many of the lines with text in two or more columns, a column goes on with the
  sentence of the line above (a table starts new cells on such lines);
- a list: the first column holds only list markers (bullets, enumerators, outline numbers);
- a table of contents: a column of page numbers rising down the page beside titles;
- tiles: lines of very different sizes (a big number over its label);
- cards side by side: "Key: value" lines with the same keys in two or more columns;
- a timeline: entries alternating left and right of a line, so that few lines have text on both
  sides of the gutter;
- captions: labels under a grid of icons or photos, with the pictures between the rows;
- a slice of text columns: a paragraph of one column runs on into the run's first (or out of its
  last) line;
- columns of text set independently: their baselines do not line up, so the lines of one column
  fall between those of the next (the cells of a table's row share a baseline);
- columns of sub-sections: bold headings beside plain text, in any column;
- columns of dated lists: in a column, lines that are only a date each head a name set under
  them in that same column (a timeline, or a list of events, laid out in columns); a table's
  date column holds dates and the wrapped pieces of dates, its names stand beside them.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from enum import StrEnum

from extractors.normalize.dates import find_dates
from extractors.pdf.tables.columns import column_of, covers
from extractors.pdf.tables.runs import Run
from extractors.pdf.tables.textlines import Segment, TextLine

# a list marker: one glyph that is no letter or digit (a bullet a font does not map comes out as
# pdfminer's "(cid:N)"), an enumerator ("(1)", "2.", "b)", "iv.") or an outline number
# ("2.3.59.1"); a bare number is data, not a marker
_BULLET = re.compile(
    r"^([^\w\s]{1,2}|\(cid:\d+\)|\(?(\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]|\(\d{1,3}\)|\d+(\.\d+){2,}\.?)$",
    re.IGNORECASE,
)
_PAGE = re.compile(r"^\d{1,4}$")
_LED = re.compile(r"^(\d{1,3})\s+[A-Z][a-z]")  # "216 Independent Assurance": a contents entry
_KEY = re.compile(r"^\s*([A-Z][\w .'/-]{1,25}?)\s*:\s+\S")
_SIZE_SPREAD = 1.45
# a headline figure: digits with their grouping, a sign, a unit or a scale ("1.2M", "92%", "45+")
_FIGURE = re.compile(r"^[^\s\d]{0,4}\s?[\d][\d\s.,]*\s?(%|\+|[A-Za-z]{1,8})?$")
_RUNNING = 0.4  # share of shared lines on which a column of prose goes on
_ALL_RUNNING = 0.6  # share of all lines of prose columns that go on with the line above
_ENDS = re.compile(r"[.!?:;]['’\")]*$")
# a line that cannot end its sentence: it ends in a comma, a hyphen or a joining word
_GOES_ON = re.compile(r"(,|[^\W\d]-|\b(and|or|of|the|for|to|in|with|a|an))$", re.IGNORECASE)
_MIN_SHARED = 0.25  # share of a run's lines that must have text on both sides of a gutter
_SUBHEAD_SIZE = 1.08  # a sub-heading in columns is set at least this much larger than the text
_STAGGERED = 0.4  # share of neighbouring lines that overlap without lining up: text columns
_MONTH_WORD = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
_NAME_WORD = re.compile(r"[^\W\d_]{4,}")


class Verdict(StrEnum):
    TABLE = "table"
    PROSE = "prose"  # look inside its columns instead
    CARDS = "cards"  # look inside its columns instead
    NOT_TABLE = "not_table"


def line_cells(line: TextLine, bounds: Sequence[tuple[float, float]]) -> dict[int, str]:
    """The line's text per column (segments joined), by the first column each segment covers."""
    cells: dict[int, str] = {}
    for segment in line.segments:
        first, _ = column_of(segment, bounds)
        cells[first] = f"{cells[first]} {segment.text}" if first in cells else segment.text
    return cells


def _columns(run: Run) -> list[list[tuple[int, str, float]]]:
    """Per column: (line index, text, width) of every line that has text in it."""
    bounds = run.bounds
    out: list[list[tuple[int, str, float]]] = [[] for _ in bounds]
    for i, line in enumerate(run.lines):
        for segment in line.segments:
            first, _ = column_of(segment, bounds)
            out[first].append((i, segment.text, segment.x1 - segment.x0))
    return out


def _goes_on(before: str, text: str) -> bool:
    """Does `text` go on with the sentence of `before`, the line above it in its column?"""
    return (text[:1].islower() and not _ENDS.search(before)) or bool(
        _GOES_ON.search(before.rstrip())
    )


def ends_mid_sentence(text: str) -> bool:
    """Does the text end where no sentence can: in a comma, a hyphen or a joining word?"""
    return bool(_GOES_ON.search(text.rstrip()))


def _flow(run: Run) -> bool:
    """Is the run text set in columns? On the lines with text in two or more columns, a table
    starts new cells in each; columns of prose go on with the sentence of the line above (a
    lower-case start under a line of the same column that ends no sentence, or any start under
    one that ends in a comma, a hyphen or a joining word) on many of them. And in columns of
    prose nearly every line goes on with the one above it in its column (`_ALL_RUNNING`), also
    where the columns' lines do not share baselines."""
    bounds = run.bounds
    previous: dict[int, str] = {}
    last: dict[int, str] = {}  # the latest text of each column
    shared = running = pairs = going = 0
    for line in run.lines:
        cells = line_cells(line, bounds)
        if len(cells) >= 2:
            shared += 1
            running += any(
                col in previous and _goes_on(previous[col], text) for col, text in cells.items()
            )
        for col, text in cells.items():
            if col in last:
                pairs += 1
                going += _goes_on(last[col], text)
            last[col] = text
        previous = cells
    if shared >= 3 and running >= _RUNNING * shared:
        return True
    return len(last) >= 2 and pairs >= 6 and going >= _ALL_RUNNING * pairs


def _subheads(run: Run) -> bool:
    """Columns of sub-sections: bold headings in words ("ZAMBIA"), in capitals or set larger than
    the run's text (with a number in it only when set larger: "16 INSTITUTIONS"), under the
    run's first plain line, in another column than the first, two or more times. A table's bold
    labels of a row stand in its first column, its header rows (bold throughout) come first,
    and a bold line inside a cell (a winner's name) is set like the cell."""
    bounds = run.bounds
    lines = list(run.lines)
    while lines and all(s.bold for s in lines[0].segments):
        lines.pop(0)  # header rows
    usual = statistics.median(ln.size for ln in run.lines)

    def heading(s: Segment) -> bool:
        letters = [ch for ch in s.text if ch.isalpha()]
        larger = _size(s) >= _SUBHEAD_SIZE * usual
        set_apart = all(ch.isupper() for ch in letters) or larger
        # a number in it: a heading that counts ("16 INSTITUTIONS") only when set larger
        plain = not any(c.isdigit() for c in s.text)
        return s.bold and len(letters) >= 3 and set_apart and (plain or larger)

    found = sum(
        1 for line in lines for s in line.segments if heading(s) and column_of(s, bounds)[0] > 0
    )
    return found >= 2


def _size(segment: Segment) -> float:
    return statistics.median(float(w.get("size") or 0.0) for w in segment.words)


def _staggered(run: Run) -> bool:
    """Do the lines of different columns fall between each other? Two neighbouring lines that
    overlap by more than a third of a line's height without sharing a baseline (they would have
    been one line) belong to columns typeset apart."""
    lines = run.lines
    if len(lines) < 6:
        return False
    overlapping = sum(
        b.top < a.bottom - 0.3 * min(a.bottom - a.top, b.bottom - b.top)
        for a, b in itertools.pairwise(lines)
    )
    return overlapping >= _STAGGERED * (len(lines) - 1)


def _date_only(text: str) -> bool:
    """Is the text a date or range and nothing more ("Jun 7, 2021", "22–24 Apr")?"""
    found = find_dates(text, 2000)
    if len(found) != 1:
        return False
    rest = text.replace(found[0][2], " ")
    return not re.search(r"[^\W\d_]{3,}", rest)


def _named(text: str) -> bool:
    """Does the text hold a word of a name: four letters or more, no month?"""
    return any(not _MONTH_WORD.match(w) for w in _NAME_WORD.findall(text))


def _dated_lists(run: Run) -> bool:
    """Do the columns hold dated entries: two or more lines that are only a date with a name
    right under them in the same column, and no more dates without one? (Under a table's date
    cell comes the next date, or the rest of a wrapped one: "27 September – 8" over "October
    2021".)"""
    dated = headed = 0
    for column in _columns(run):
        texts = [text.strip() for _, text, _ in column]
        for i, text in enumerate(texts):
            if _date_only(text):
                dated += 1
                below = texts[i + 1] if i + 1 < len(texts) else ""
                headed += not _date_only(below) and _named(below)
    return headed >= 2 and 2 * headed >= dated


def _list(run: Run) -> bool:
    first = _columns(run)[0]
    return bool(first) and all(_BULLET.match(text.strip()) for _, text, _ in first)


def _contents(run: Run) -> bool:
    """A table of contents: a column of page numbers rising down the page beside titles, or a
    column of titles each led by its rising page number ("216 Independent Assurance")."""
    columns = _columns(run)
    for column in columns:
        numbers = [int(t) for _, t, _ in column if _PAGE.match(t.strip())]
        if len(numbers) >= 3 and len(numbers) >= 0.8 * len(column):
            others = sum(len(c) for c in columns) - len(column)
            # page numbers never fall (two sections may share a page)
            if numbers == sorted(numbers) and len(set(numbers)) >= 0.6 * len(numbers) and others:
                return True
        led = [
            int(m.group(1))
            for _, t, _ in column
            if (m := _LED.match(t.strip())) and not starts_with_date(t)
        ]
        if len(led) >= 3 and led == sorted(led) and len(set(led)) == len(led):
            return True
    return _entries(run)


def _entries(run: Run) -> bool:
    """Page numbers each set right before a title, rising column by column (a contents page set
    in several columns)."""
    bounds = run.bounds
    under = {
        (col, i): [text for k, text, _ in column if k > i]
        for col, column in enumerate(_columns(run))
        for i, _, _ in column
    }
    found = []
    for i, line in enumerate(run.lines):
        for a, b in itertools.pairwise(line.segments):
            if _PAGE.match(a.text.strip()) and b.text[:1].isupper():
                col = column_of(a, bounds)[0]
                below = under.get((col, i), [])
                if starts_with_date(f"{a.text} {b.text}") or (
                    below and starts_with_date(f"{a.text} {below[0]}")
                ):
                    continue  # a day, its month beside it or wrapped under it in its cell
                found.append((col, i, int(a.text)))
    numbers = [n for _, _, n in sorted(found)]
    return len(numbers) >= 3 and numbers == sorted(set(numbers))


def _tiles(run: Run) -> bool:
    """Lines across the columns of very different sizes: big numbers over their labels (a heading
    between two lines of cells is not counted: it crosses no gutter); or two or more lines of
    numbers set far larger than the run's smallest text."""
    smallest = min(ln.size for ln in run.lines)
    across = [ln for ln in run.lines if len(ln.segments) >= 2]
    if across:
        largest = max(float(w.get("size", 0.0)) for ln in across for w in ln.words)
        if largest > _SIZE_SPREAD * min(ln.size for ln in across):
            return True
    # tiles stacked in columns: their numbers, set large, stand on lines of their own
    big_numbers = [
        ln
        for ln in run.lines
        if ln.size > _SIZE_SPREAD * smallest
        and all(_FIGURE.match(s.text.strip()) for s in ln.segments)
    ]
    return len(big_numbers) >= 2


def _cards(run: Run) -> bool:
    keyed = []
    for column in _columns(run):
        keys = {m.group(1).casefold() for _, text, _ in column if (m := _KEY.match(text))}
        if len(keys) >= 2:
            keyed.append(keys)
    return len(keyed) >= 2 and bool(set.intersection(*keyed))


def _sparse(run: Run) -> bool:
    """Do few lines have text on both sides of a gutter? Entries set alternately left and right of
    a line (a timeline), or two columns of text whose lines only now and then share a baseline."""
    return run.multi < _MIN_SHARED * len(run.lines)


def _continues_text(run: Run, neighbour: TextLine | None, edge: TextLine) -> bool:
    """Is the neighbouring line (right above or below the run) a line of a paragraph that runs
    into the run: set as close as the lines of a paragraph, within one of its columns, and long,
    beside (above or below) a long line of the run in that column?"""
    if neighbour is None:
        return False
    gap = max(edge.top - neighbour.bottom, neighbour.top - edge.bottom)
    if gap > 0.5 * edge.size or any(covers(neighbour, g) for g in run.gutters):
        return False
    bounds = run.bounds
    prose = {column_of(s, bounds)[0] for s in edge.segments if len(s.text.split()) >= 4}
    return any(
        len(s.text.split()) >= 4 and column_of(s, bounds)[0] in prose for s in neighbour.segments
    )


def _pictures_between(run: Run, pictures: Sequence[tuple[float, float, float, float]]) -> bool:
    """Is there a picture (or a filled box without text) between two of its lines, taller than
    two lines? Labels under a grid of icons or photos are captions, not rows."""
    x0, x1 = min(ln.x0 for ln in run.lines), max(ln.x1 for ln in run.lines)
    for a, b in itertools.pairwise(run.lines):
        for px0, ptop, px1, pbottom in pictures:
            inside = ptop >= a.bottom - 1 and pbottom <= b.top + 1
            if inside and px1 > x0 and px0 < x1 and pbottom - ptop >= 2 * a.size:
                return True
    first = run.lines[0]
    over = {
        column_of(s, run.bounds)[0]
        for s in first.segments
        for px0, ptop, px1, pbottom in pictures
        if 0 <= first.top - pbottom <= 1.5 * first.size
        and pbottom - ptop >= 2 * first.size
        and px1 > s.x0
        and px0 < s.x1
    }
    return len(over) >= 2  # a picture over each of the labels: captions of a row of pictures


def starts_with_date(text: str) -> bool:
    """Does the text open with a date ("19 April 2021", "12 March")? A day is no page number."""
    found = find_dates(text.strip(), 2000)
    return bool(found) and text.strip().startswith(found[0][2])


def judge(
    run: Run,
    framed: bool = False,
    above: TextLine | None = None,
    below: TextLine | None = None,
    pictures: Sequence[tuple[float, float, float, float]] = (),
    banded: bool = False,
) -> Verdict:
    """What the run is. `framed`: rules or fills mark its rows (then rows of many wrapped lines
    are expected, and a run with few lines split by its gutters is still a table). `above` and
    `below` are the lines next to it: a run that a paragraph runs into is a slice of text set in
    columns, not a table. `banded`: drawn rules or fills part its lines into rows, so lines that
    go on with the one above are wrapped cells."""
    sliced = _continues_text(run, above, run.lines[0]) or _continues_text(run, below, run.lines[-1])
    if not framed and (_sparse(run) or sliced):
        return Verdict.NOT_TABLE
    if _tiles(run) or _list(run) or _contents(run) or _pictures_between(run, pictures):
        return Verdict.NOT_TABLE
    if _cards(run):
        return Verdict.CARDS
    if (not banded and (_flow(run) or _dated_lists(run))) or (
        not framed and (_staggered(run) or _subheads(run))
    ):
        return Verdict.PROSE
    return Verdict.TABLE
