"""All tables of one page: ruled grids first, then tables whose columns are white space (with or
without rules between their rows, fills behind them, or nothing at all).

White-space tables are found in the page's lines, then inside each column of text when a run turns
out to be prose or cards set side by side (a table inside one column of a two-column page).
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page as PlumberPage

from extractors.model import BBox, Table
from extractors.normalize.countries import to_iso3
from extractors.normalize.dates import parse_date
from extractors.pdf.tables.build import build_table
from extractors.pdf.tables.columns import (
    Gutter,
    boundaries,
    column_bounds,
    column_of,
    covers,
    crosses,
    gaps,
)
from extractors.pdf.tables.graphics import Graphics, page_graphics
from extractors.pdf.tables.header import first_row_is_header, header_rows, row_view
from extractors.pdf.tables.lattice import GridCell, grid_table, lattice_grids
from extractors.pdf.tables.rows import Row, bands_are_rows, group_rows, is_value
from extractors.pdf.tables.runs import (
    CAPTION,
    MIN_ROWS,
    Run,
    find_runs,
    heading_cut,
    repeated_header,
)
from extractors.pdf.tables.textlines import TextLine, text_lines
from extractors.pdf.tables.verdict import Verdict, ends_mid_sentence, judge, starts_with_date
from extractors.settings import Settings

Word = dict[str, Any]
_MAX_DEPTH = 3
_MAX_HEADER_LINES = 6
# a sentence's end ("... in 2025." too), not "No." or "Inc."
_SENTENCE_END = re.compile(r"(?:[a-z]{3,}|\b(?:19|20)\d\d)[.!?]['’\")]*$")
_RUNS_ON = re.compile(r"[a-z]{2,},$")  # a line of running text that goes on: "our members,"
_CONTENTS_ENTRIES = 8  # titles led by page numbers that make a page a table of contents
_TITLE_SIZE = 1.08  # a line over the first column this much larger than the table is a title
_WEAK_ROWS = 5  # a headerless, unframed table of text this short needs a typed column
_RULE_REACH = 0.6  # line heights: a rule this close over or under a line is its row's
_PHRASE_WORDS = 4  # words of a line that ends mid-sentence: a paragraph's, not a header label's


def _centre_inside(word: Word, boxes: Sequence[BBox]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(b.x0 <= cx <= b.x1 and b.top <= cy <= b.bottom for b in boxes)


def _extent(lines: Sequence[TextLine]) -> tuple[float, float]:
    return min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)


def _wide(graphics: Graphics, x0: float, x1: float) -> list[float]:
    """y of the rules that run across most of [x0, x1]."""
    width = x1 - x0
    return sorted(r.y for r in graphics.hrules if min(r.x1, x1) - max(r.x0, x0) >= 0.6 * width)


def _fill_bands(
    graphics: Graphics, x0: float, x1: float, top: float = -1e9, bottom: float = 1e9
) -> list[tuple[float, float]]:
    """(top, bottom) of the bands of fill across most of [x0, x1] that reach into [top, bottom]:
    one rectangle, or one per cell of a row (as HTML draws cell backgrounds). A band's width is
    the stretch of [x0, x1] its pieces cover together: a fill painted twice, or pieces that
    overlap, cover it once."""
    bands: dict[tuple[int, int, tuple[float, ...]], tuple[float, float, list[tuple[float, float]]]]
    bands = {}
    for f in graphics.fills:
        if f.top < bottom and f.bottom > top and min(f.x1, x1) > max(f.x0, x0):
            band = bands.setdefault((round(f.top), round(f.bottom), f.color), (f.top, f.bottom, []))
            band[2].append((max(f.x0, x0), min(f.x1, x1)))
    return [(t, b) for t, b, spans in bands.values() if _covered(spans) >= 0.5 * (x1 - x0)]


def _covered(spans: Sequence[tuple[float, float]]) -> float:
    """The length of the union of the spans."""
    total, reach = 0.0, -1e18
    for a, b in sorted(spans):
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return total


def _row_fills(graphics: Graphics) -> list[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) of the page's bands of fill: pieces of one colour on one band that
    touch or overlap (a cell's background each, as HTML and office suites paint them) as one."""
    bands: dict[tuple[int, int, tuple[float, ...]], list[list[float]]] = {}
    for f in sorted(graphics.fills, key=lambda f: f.x0):
        spans = bands.setdefault((round(f.top), round(f.bottom), f.color), [])
        if spans and f.x0 <= spans[-1][2] + 1.0:
            spans[-1][2] = max(spans[-1][2], f.x1)
        else:
            spans.append([f.x0, f.top, f.x1, f.bottom])
    return [(a, t, b, bt) for spans in bands.values() for a, t, b, bt in spans]


def _drawn_edge(run: Run, graphics: Graphics) -> Gutter | None:
    """Where a table's drawing ends (as a strip of no width) in a gap of a run's line with text
    of that line beyond:
    a fill behind two or more cells of the line (a header's band, a zebra stripe) or a rule over
    or under two or more, which ends in the gap while the line goes on past it. A table's rows
    and rules run its width, so the text past their edge is not the table's: another column of
    the page (prose, or another table) set beside it. A gap that a fill or rule of the run
    crosses is inside a table (a rule under a group label spans only some of its columns)."""
    pieces = [(x0, top, x1, bottom, True) for x0, top, x1, bottom in _row_fills(graphics)]
    pieces += [(r.x0, r.y, r.x1, r.y, False) for r in graphics.hrules]
    reach = [
        p
        for p in pieces
        if p[1] <= run.bottom + run.lines[-1].size and p[3] >= run.top - run.lines[0].size
    ]
    for x0, top, x1, bottom, fill in reach:
        for line in run.lines:
            if fill and not top - 1 <= (line.top + line.bottom) / 2 <= bottom + 1:
                continue  # a fill behind the line
            slack = _RULE_REACH * line.height + 1
            if not fill and not line.top - slack <= top <= line.bottom + slack:
                continue  # a rule right over or under it
            inside = [s for s in line.segments if x0 - 1 <= s.center <= x1 + 1]
            if len(inside) < 2 or len(inside) == len(line.segments):
                continue
            for gap in gaps(line):
                crossed = any(a < gap.x0 - 2 and b > gap.x1 + 2 for a, _, b, _, _ in reach)
                for edge in (x0, x1):
                    if gap.x0 - 4 <= edge <= gap.x1 + 4 and not crossed:
                        return Gutter(edge, edge)
    return None


def _column_end(lines: Sequence[TextLine], run: Run, gutter: Gutter) -> float:
    """The bottom of the run, or of the lines under it that go on without crossing the gutter
    (the columns beside one another go on past the run when a line breaks it elsewhere)."""
    end = run.bottom
    for line in lines[lines.index(run.lines[-1]) + 1 :]:
        if line.top - end > 2 * line.size or covers(line, gutter):
            break
        end = max(end, line.bottom)
    return end


def _separators(graphics: Graphics, bbox: BBox) -> list[float]:
    ys = [y for y in _wide(graphics, bbox.x0, bbox.x1) if bbox.top + 1 < y < bbox.bottom - 1]
    for band in _fill_bands(graphics, bbox.x0, bbox.x1):
        ys += [y for y in band if bbox.top + 1 < y < bbox.bottom - 1]
    out: list[float] = []
    for y in sorted(ys):
        if not out or y - out[-1] > 1.5:
            out.append(y)
    return out


@dataclass(frozen=True, slots=True)
class _Context:
    """What the white-space finder knows of the page besides its lines."""

    number: int
    graphics: Graphics
    pictures: Sequence[tuple[float, float, float, float]]  # images, shapes, fills without text
    frames: Sequence[BBox]  # ruled boxes whose rows are not all ruled


def _framed(run: Run, graphics: Graphics, frames: Sequence[BBox] = ()) -> bool:
    """Rules or fills around or across the run's lines (so two rows are enough for a table), or
    a ruled box around them."""
    x0, x1 = _extent(run.lines)
    if any(
        f.x0 - 2 <= x0 and x1 <= f.x1 + 2 and f.top - 2 <= run.top and run.bottom <= f.bottom + 2
        for f in frames
    ):
        return True
    pad = 2 * run.lines[0].size
    rules = [y for y in _wide(graphics, x0, x1) if run.top - pad <= y <= run.bottom + pad]
    return len(rules) >= 2 or bool(_fill_bands(graphics, x0, x1, run.top, run.bottom))


def _header_above(
    lines: Sequence[TextLine],
    start: int,
    run: Run,
    bounds: Sequence[tuple[float, float]],
    graphics: Graphics,
) -> list[TextLine]:
    """Lines right above the aligned body that belong to the table: labels over its columns,
    group labels spanning several. A caption, a heading, a sentence or a title set from the
    table's left edge across its columns ends the table; so does the table's top rule."""
    body_size = statistics.median(ln.size for ln in run.lines)
    x0, x1 = _extent(run.lines)
    slack = 0.1 * (x1 - x0)
    out: list[TextLine] = []
    below = run.lines[0]
    for line in reversed(lines[max(0, start - _MAX_HEADER_LINES) : start]):
        if below.top - line.bottom > max(1.5 * line.size, 4.0):
            break
        if line.size > 1.3 * body_size or line.x0 < x0 - slack or line.x1 > x1 + slack:
            break
        words = [len(s.text.split()) for s in line.segments]
        if CAPTION.match(line.text) or max(words) > 12:
            break
        if _SENTENCE_END.search(line.text.rstrip()) or _RUNS_ON.search(line.text.rstrip()):
            break  # the last line of a paragraph over the table, or one going on
        if any(
            len(s.text.split()) >= _PHRASE_WORDS
            and ends_mid_sentence(s.text)
            and any(crosses(s, g) for g in run.gutters)
            for s in line.segments
        ):
            break  # a line of a paragraph going on across the table's columns (a cell's stays)
        if len(line.segments) == 1:
            first, last = column_of(line.segments[0], bounds)
            if first == 0 and last > 0:
                break
            if first == last == 0 and line.size >= _TITLE_SIZE * body_size:
                break  # a heading over the first column, set larger than the table's text
        out.insert(0, line)
        below = line
    if out:
        wide = _wide(graphics, x0, x1)
        framed = any(out[0].top - 1.5 * out[0].size <= y <= out[0].top for y in wide)
        rules = [y for y in wide if out[0].top - 1 <= y <= run.top]
        if rules and not framed:  # the table's top rule: what is above it is a title
            out = [ln for ln in out if ln.top > rules[0] - 1]
        downs = [r.top for r in graphics.vrules if x0 - 2 <= r.x <= x1 + 2 and r.bottom > run.top]
        if downs:  # rules down the columns start at the table's top edge
            out = [ln for ln in out if ln.bottom > min(downs) + 1]
    return out


def _first_is_header(
    body: Sequence[Row],
    separators: Sequence[float],
    graphics: Graphics,
    bounds: Sequence[tuple[float, float]],
    under_header: bool,
) -> bool:
    if len(body) < 2:
        return False
    lines = [ln for row in body for ln in row.lines]
    ruled = bands_are_rows(lines, separators, bounds) if separators else False
    gap_top, gap_bottom = body[0].bottom, body[1].top
    ruled_below = any(gap_top - 1 <= y <= gap_bottom + 1 for y in separators)

    def fill_of(row: Row) -> tuple[float, ...] | None:
        mid = (row.top + row.bottom) / 2
        hit = [f for f in graphics.fills if f.top <= mid <= f.bottom]
        return hit[-1].color if hit else None

    first_fill = fill_of(body[0])
    others = {fill_of(r) for r in body[1:]}
    filled_apart = first_fill is not None and first_fill not in others
    views = [row_view(r) for r in body]
    return first_row_is_header(views, ruled_below, ruled, filled_apart, under_header)


_FRAGMENT = re.compile(r"^[a-z][a-z'’-]*$")  # the end of a word cut short: "n", "tion"


def _label_wrap(header: Row, row: Row) -> bool:
    """Is `row` the rest of the header's labels, each word cut short in a narrow column ("Populatio"
    over "n")? Only lower-case word ends, each under a label, none in the first column."""
    return (
        bool(row.cells)
        and 0 not in row.cells
        and all(
            col in header.cells and _FRAGMENT.match(" ".join(t)) for col, t in row.cells.items()
        )
        and row.top - header.bottom <= 0.6 * min(ln.size for ln in row.lines)
    )


def _table(run: Run, lines: Sequence[TextLine], graphics: Graphics, page_number: int) -> Table:
    x0, x1 = _extent(run.lines)
    bounds = column_bounds(x0, x1, boundaries(run.gutters, run.lines))
    start = lines.index(run.lines[0])
    above = _header_above(lines, start, run, bounds, graphics)
    members = [*above, *run.lines]
    bx0, bx1 = _extent(members)
    bbox = BBox(bx0, members[0].top, bx1, run.bottom)
    local = graphics.within(bbox.x0, bbox.top, bbox.x1, bbox.bottom)
    separators = _separators(local, bbox)
    head = header_rows(above, bounds)
    body = group_rows(run.lines, bounds, separators)
    if _first_is_header(body, separators, local, bounds, bool(head)):  # the last header row
        head, body = [*head, *body[:1]], body[1:]
    while head and body and _label_wrap(head[-1], body[0]):  # "Populatio" over "n"
        for line in body[0].lines:
            head[-1].add(line, bounds)
        body = body[1:]
    return build_table(head, body, bounds, page_number, bbox)


def _pictures(graphics: Graphics, words: Sequence[Word]) -> list[tuple[float, float, float, float]]:
    """Boxes of the page's pictures: images, drawn shapes, and fills that hold no text."""
    centres = sorted(((w["top"] + w["bottom"]) / 2, (w["x0"] + w["x1"]) / 2) for w in words)
    ys = [y for y, _ in centres]
    out = [(m.x0, m.top, m.x1, m.bottom) for m in graphics.marks]
    for f in graphics.fills:
        lo, hi = bisect.bisect_left(ys, f.top), bisect.bisect_right(ys, f.bottom)
        if not any(f.x0 <= x <= f.x1 for _, x in centres[lo:hi]):
            out.append((f.x0, f.top, f.x1, f.bottom))
    return out


def _typed(cells: Sequence[str]) -> bool:
    """Are most of a column's cells of one typed kind: numbers or amounts, dates, countries?"""
    filled = [c for c in cells if c.strip()]
    if not filled:
        return False
    hits = sum(1 for c in filled if is_value(c) or parse_date(c, 2000) or to_iso3(c))
    return hits >= 0.6 * len(filled)


def _without_title(lines: list[TextLine]) -> list[TextLine]:
    """The lines without the trailing title of the next table: lines of one segment, bold or set
    larger than the rest (a wrapped last cell stays)."""
    if not lines:
        return lines
    usual = statistics.median(ln.size for ln in lines)
    while len(lines) > 1 and len(lines[-1].segments) == 1:
        last = lines[-1]
        if not (last.segments[0].bold or last.size >= _TITLE_SIZE * usual):
            break
        lines = lines[:-1]
    return lines


def _holds_table(lines: Sequence[TextLine], page: _Context) -> bool:
    """Do these lines, on their own, hold a run that is a table?"""
    x0, x1 = _extent(lines)
    for run in find_runs(lines, x0, x1):
        framed = _framed(run, page.graphics, page.frames)
        if (run.multi >= MIN_ROWS or framed) and judge(run, framed) is Verdict.TABLE:
            return True
    return False


def _banded(run: Run, graphics: Graphics) -> bool:
    """Do drawn rules or fills part the run's lines into rows (zebra stripes, a rule under every
    row)? Then lines that go on with the line above are wrapped cells, not prose."""
    x0, x1 = _extent(run.lines)
    bbox = BBox(x0, run.top - 1, x1, run.bottom + 1)
    separators = _separators(graphics, bbox)
    bounds = column_bounds(x0, x1, boundaries(run.gutters, run.lines))
    return len(separators) >= 3 and bands_are_rows(run.lines, separators, bounds)


_ABOVE_RULES = 3  # lines of a run above the rules that part the rest into rows: no table's


def _ruled_top(run: Run, graphics: Graphics) -> float | None:
    """Where the rows of a table start inside a run that took in text in columns printed above
    it (a tile, a paragraph, headings side by side over a ruled or banded table): the first of
    three or more rules or fill edges across the run that part the lines under it into rows,
    with lines of the run above it and no rule or fill framing those; None when the run starts
    at its rules."""
    x0, x1 = _extent(run.lines)
    separators = _separators(graphics, BBox(x0, run.top - 1, x1, run.bottom + 1))
    if len(separators) < 3:
        return None
    first = separators[0]
    above = [ln for ln in run.lines if ln.bottom <= first + 1]
    below = [ln for ln in run.lines if ln.top >= first - 1]
    if len(above) < _ABOVE_RULES or len(below) < 2:
        return None
    bounds = column_bounds(x0, x1, boundaries(run.gutters, below))
    if not bands_are_rows(below, separators, bounds):
        return None  # a picture or a box across the columns, no rows under rules
    pad = 1.5 * run.lines[0].size
    if any(run.top - pad <= y <= run.top + 1 for y in _wide(graphics, x0, x1)):
        return None  # a rule over the run's first line: the lines above belong to the table
    if _fill_bands(graphics, x0, x1, run.top, above[-1].bottom):
        return None
    return first


def _weak(table: Table) -> bool:
    """A few rows of plain text in columns, without a header, rules or fills: a list set in
    columns ("For an inclusive ecosystem | For an empowered workforce"), not a table."""
    if table.header or len(table.rows) > _WEAK_ROWS:
        return False
    width = max(len(r) for r in table.rows)
    return not any(_typed([r[c] for r in table.rows if c < len(r)]) for c in range(width))


def _stream(
    lines: Sequence[TextLine], x0: float, x1: float, page: _Context, depth: int = 0
) -> list[Table]:
    clipped = [c for ln in lines if (c := ln.clipped(x0, x1)) is not None]
    tables: list[Table] = []
    for run in find_runs(clipped, x0, x1):
        again = repeated_header(run)
        if again is not None and depth < _MAX_DEPTH:
            # two tables with one header, one under the other: each on its own, and the lines
            # between the first's last row and the second's header (its title) in neither
            second = run.lines[again]
            upper = [ln for ln in clipped if run.top - 0.5 <= ln.top < second.top - 0.5]
            lower = [ln for ln in clipped if second.top - 0.5 <= ln.top <= run.bottom]
            tables += _stream(_without_title(upper), x0, x1, page, depth + 1)
            tables += _stream(lower, x0, x1, page, depth + 1)
            continue
        top = _ruled_top(run, page.graphics) if depth < _MAX_DEPTH else None
        if top is not None and not _holds_table([ln for ln in run.lines if ln.top < top], page):
            # text in columns over a ruled or banded table: the page read again from the
            # table's rules down (its last rows may have been left out of the run), when a
            # table with a header row starts there; what was found further down is kept
            found = _stream([ln for ln in clipped if ln.top >= top - 1], x0, x1, page, depth + 1)
            headed = [
                t
                for t in found
                if t.bbox.top <= run.bottom and sum(1 for label in t.header if label) >= 2
            ]
            if headed:
                tables += [*headed, *(t for t in found if t.bbox.top > run.bottom)]
                break
        cut = heading_cut(run)
        if cut is not None and depth < _MAX_DEPTH and not _holds_table(run.lines[:cut], page):
            # text in columns over a heading, then the table: read from the heading down
            # (a table found there has a header row: what else sits under a heading in white
            # space lines up by chance, such as tiles in columns)
            rest = [ln for ln in clipped if run.lines[cut].top - 0.5 <= ln.top <= run.bottom]
            found = _stream(rest, x0, x1, page, depth + 1)
            tables += [t for t in found if sum(1 for label in t.header if label) >= 2]
            continue
        edge = _drawn_edge(run, page.graphics)
        if edge is not None and depth < _MAX_DEPTH:
            # a table's fills or rules end at a gutter with text beyond: a table set beside other
            # columns of the page (prose, or another table), each read on its own, down to
            # where a line crosses that gutter; the lines under that are read as before
            end = _column_end(clipped, run, edge)
            inside = [ln for ln in clipped if ln.top >= run.top - 0.5 and ln.bottom <= end + 0.5]
            for a, b in ((x0, edge.x0), (edge.x1, x1)):
                tables += _stream(inside, a, b, page, depth + 1)
            rest = [ln for ln in clipped if ln.top > end + 0.5]
            tables += _stream(rest, x0, x1, page, depth)
            break
        framed = _framed(run, page.graphics, page.frames)
        if run.multi < MIN_ROWS and not framed:
            continue
        first, last = clipped.index(run.lines[0]), clipped.index(run.lines[-1])
        above = clipped[first - 1] if first > 0 else None
        below = clipped[last + 1] if last + 1 < len(clipped) else None
        verdict = judge(run, framed, above, below, page.pictures, _banded(run, page.graphics))
        if verdict is Verdict.TABLE:
            table = _table(run, clipped, page.graphics, page.number)
            if framed or not _weak(table):
                tables.append(table)
        elif verdict in (Verdict.PROSE, Verdict.CARDS) and depth < _MAX_DEPTH:
            split = max(run.gutters, key=lambda g: g.width)
            inside = [
                ln for ln in clipped if ln.top >= run.top - 0.5 and ln.bottom <= run.bottom + 0.5
            ]
            for a, b in ((x0, split.x0), (split.x1, x1)):
                tables += _stream(inside, a, b, page, depth + 1)
    return tables


def find_tables(
    page: PlumberPage, page_number: int, words: Sequence[Word], settings: Settings
) -> list[Table]:
    """Every table on one page, top to bottom."""
    graphics = page_graphics(page)
    tables: list[Table] = []
    grids, partial = lattice_grids(page, graphics, words, settings)
    frames = [bbox for bbox, _ in partial]
    for bbox, cells in grids:
        tables.append(_grid(bbox, cells, page_number))
    page_box = [BBox(0.0, 0.0, float(page.width), float(page.height))]
    taken = [t.bbox for t in tables] + _photos(page)
    free = [w for w in words if _centre_inside(w, page_box) and not _centre_inside(w, taken)]
    context = _Context(page_number, graphics, _pictures(graphics, free), frames)
    lines = _without_furniture(text_lines(free), float(page.height), settings)
    found = [] if _contents_page(lines) else _stream(lines, 0.0, float(page.width), context)
    for bbox, cells in partial:  # a ruled box in which no rows could be read: its grid after all
        if not any(_overlap(t.bbox, bbox) for t in found):
            found.append(_grid(bbox, cells, page_number))
    return sorted([*tables, *found], key=lambda t: (t.bbox.top, t.bbox.x0))


_ENTRY = re.compile(r"^(\d{1,3})\s+[A-Z][a-z]")  # "42 Management Discussion"
_NUMBER = re.compile(r"^\d{1,3}$")


def _contents_page(lines: Sequence[TextLine]) -> bool:
    """A table of contents laid out freely (entries in several columns, among pictures): many
    titles led by distinct page numbers, with the gaps page numbers leave. Such a page holds no
    white-space table."""
    numbers: set[int] = set()
    for line in lines:
        for i, segment in enumerate(line.segments):
            text = segment.text.strip()
            nxt = line.segments[i + 1].text if i + 1 < len(line.segments) else ""
            if starts_with_date(f"{text} {nxt}"):
                continue
            if match := _ENTRY.match(text):
                numbers.add(int(match.group(1)))
            elif _NUMBER.match(text) and nxt[:1].isupper():
                numbers.add(int(text))
    # page numbers leave gaps; the numbers of a ranked or numbered list run 1, 2, 3 ...
    return len(numbers) >= _CONTENTS_ENTRIES and max(numbers) >= 2 * len(numbers)


def _photos(page: PlumberPage) -> list[BBox]:
    """Pictures that words printed over belong to (labels on a photo), unless the pictures
    together are the page's background (a scan, or a background cut into strips)."""
    area = float(page.width) * float(page.height)
    boxes = [BBox(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
    covered = sum(b.width * b.height for b in boxes)
    return [] if covered >= 0.5 * area else boxes


def _without_furniture(lines: list[TextLine], height: float, settings: Settings) -> list[TextLine]:
    """The lines without a running header or footer: the first (last) line of the page, in the
    header (footer) zone, set apart from the rest of the page. It would otherwise start (or end)
    a table whose columns it happens to share ("Annual Report 2021 | Members")."""
    out = list(lines)
    top_zone, bottom_zone = settings.header_zone * height, (1 - settings.footer_zone) * height
    if len(out) >= 2 and out[0].bottom <= top_zone and _apart(out[0], out[1]):
        out.pop(0)
    if len(out) >= 2 and out[-1].top >= bottom_zone and _apart(out[-2], out[-1]):
        out.pop()
    return out


def _apart(upper: TextLine, lower: TextLine) -> bool:
    return lower.top - upper.bottom >= 1.2 * min(upper.height, lower.height)


def _overlap(a: BBox, b: BBox) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.bottom, b.bottom) > max(a.top, b.top)


def _grid(bbox: BBox, cells: Sequence[GridCell], page_number: int) -> Table:
    """A ruled grid as a table, its header rows told by spanning labels or the header test."""
    rows: dict[int, dict[int, str]] = {}
    bold: dict[int, bool] = {}
    for r, c, _, _, cell_lines, _ in cells:
        if cell_lines:
            rows.setdefault(r, {})[c] = " ".join(line.text for line in cell_lines)
            bold[r] = bold.get(r, True) and all(line.bold for line in cell_lines)
    order = sorted(rows)
    spanning = [r for r, _, _, cspan, cl, _ in cells if cl and cspan > 1 and r == order[0]]
    views = [(rows[r], bold[r]) for r in order]
    header = 0
    if spanning and len(order) > 2:
        header = 2
    elif first_row_is_header(views):
        header = 1
    return grid_table(bbox, cells, page_number, header)
