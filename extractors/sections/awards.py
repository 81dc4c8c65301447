"""Awards: a table whose header names award levels (Gold / Silver / Special Mention, Winner /
Runner-up, First / Second ...): rows are categories, and in each cell the bold line names the
winner (a city) and the rest is its project; the same table turned over (levels down the first
column, categories across the header); or a table of one award a row, with category, level,
winner and project columns in any order (a category written once for the rows below it carries
down). A table continued on the next page without its header (the parser gives it no header, or
takes its first row for one) is read with the header of the table it continues."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.flow import Placed
from extractors.model import CellLine, Table
from extractors.records import Award, Source
from extractors.sections.base import Context, clean, row_source

_LEVEL = re.compile(
    r"^(gold|silver|bronze|platinum|special mention|honou?rable mention|winner|runner[- ]up|"
    r"first|second|third|grand prize|excellence|merit|1st|2nd|3rd)( (award|prize|place|medal))?$",
    re.I,
)


_NAMED = re.compile(r"[^\W\d_]{2}")


def _level(text: str) -> str:
    return re.sub(r"[\s-]+", "_", clean(text).casefold())


def _is_level(text: str) -> bool:
    return bool(_LEVEL.match(clean(text)))


def _split(cell: str, lines: tuple[CellLine, ...]) -> tuple[str, str | None]:
    """(winner, project): the leading bold lines name the winner."""
    bold = []
    for line in lines:
        if not line.bold:
            break
        bold.append(line.text)
    if bold and len(bold) < len(lines):
        rest = lines[len(bold) :]
        return clean(" ".join(bold)), clean(" ".join(line.text for line in rest)) or None
    first, _, rest_text = cell.partition("\n")
    return clean(first), clean(rest_text) or None


def _lines(table: Table, r: int, col: int) -> tuple[CellLine, ...]:
    if r < len(table.cell_lines) and col < len(table.cell_lines[r]):
        return table.cell_lines[r][col]
    return ()


def _award(table: Table, r: int, col: int, category: str, level: str) -> Award:
    city, project = _split(table.rows[r][col], _lines(table, r, col))
    where = row_source(table, r)
    source = Source(where.page, where.bbox, table.rows[r][col])
    return Award(category, _level(level), city, project, source)


def _levels(header: Sequence[str]) -> list[tuple[int, str]]:
    return [(i, h) for i, h in enumerate(header) if _is_level(h)]


def _awards(table: Table) -> list[Award]:
    """Levels across the header, a category a row."""
    levels = _levels(table.header)
    if len(levels) < 2:
        return []
    awards = []
    for r, row in enumerate(table.rows):
        category = clean(row[0])
        for col, header in levels:
            if col < len(row) and row[col].strip():
                awards.append(_award(table, r, col, category, header))
    return awards


def _turned(table: Table) -> list[Award]:
    """Levels down the first column, a category a column."""
    level_rows = [r for r, row in enumerate(table.rows) if row and _is_level(row[0])]
    categories = [
        (c, clean(h)) for c, h in enumerate(table.header) if c > 0 and clean(h) and not _is_level(h)
    ]
    if len(level_rows) < 2 or len(level_rows) < len(table.rows) / 2 or len(categories) < 2:
        return []
    cells = [table.rows[r][c] for r in level_rows for c, _ in categories if c < len(table.rows[r])]
    if not all(_NAMED.search(cell) for cell in cells if cell.strip()):
        return []  # figures by rank ("First | 12 | 15") are not winners
    awards = []
    for r in level_rows:
        row = table.rows[r]
        for col, category in categories:
            if col < len(row) and row[col].strip():
                awards.append(_award(table, r, col, category, row[0]))
    return awards


_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("category", re.compile(r"\b(categor\w*|field|theme|track)\b", re.I)),
    ("level", re.compile(r"\b(awards?|levels?|prizes?|rank|place|medals?)\b", re.I)),
    (
        "winner",
        re.compile(
            r"\b(winners?|winning|cit(y|ies)|recipients?|laureates?|awardees?|members?)\b", re.I
        ),
    ),
    (
        "project",
        re.compile(r"\b(projects?|initiatives?|entr(y|ies)|solutions?|programmes?)\b", re.I),
    ),
)
_OF = re.compile(r"\bof\b", re.I)


def _roles(cell: str) -> list[str]:
    """The roles a header cell's cue words name, its head first: the last cue word (before an
    "of", if any), so that "Event Organizer" is first an organizer and "Date of the event" first
    a date."""
    text = clean(cell)
    found = [(m.start(), role) for role, cue in _CUES for m in cue.finditer(text)]
    of = _OF.search(text)
    head = found
    if of is not None and any(start < of.start() for start, _ in found):
        head = [(start, role) for start, role in found if start < of.start()]
    ordered = [role for _, role in sorted(head, reverse=True)]
    ordered += [role for _, role in sorted(found, reverse=True)]
    return list(dict.fromkeys(ordered))


def _assign(header: Sequence[str]) -> dict[str, int]:
    """Role -> column. A cell naming one role (that no cell left of it took) takes it first;
    then a cell naming several takes the first of them still free, its head before the others
    ("Event Topic" beside an "Event" column is the topic)."""
    roles = {i: _roles(cell) for i, cell in enumerate(header)}
    cols: dict[str, int] = {}
    pending = [i for i in roles if roles[i]]
    while pending:
        free = {i: [r for r in roles[i] if r not in cols] for i in pending}
        single = [i for i in pending if len(free[i]) == 1]
        i = single[0] if single else pending[0]
        if free[i]:
            cols[free[i][0]] = i
        pending.remove(i)
    return cols


def _rows(table: Table) -> list[Award]:
    """One award a row: category, level, winner and project columns."""
    cols = _assign(table.header)
    if any(k not in cols for k in ("category", "level", "winner")):
        return []
    category, level, winner = cols["category"], cols["level"], cols["winner"]
    project = cols.get("project")
    awards = []
    last_category = ""
    for r, row in enumerate(table.rows):
        if category < len(row) and clean(row[category]):
            last_category = clean(row[category])
        if level >= len(row) or not _is_level(row[level]):
            continue
        text = clean(row[project]) if project is not None and project < len(row) else ""
        city = clean(row[winner]) if winner < len(row) else ""
        awards.append(
            Award(last_category, _level(row[level]), city, text or None, row_source(table, r))
        )
    return awards


def _read(table: Table) -> list[Award]:
    return _awards(table) or _turned(table) or _rows(table)


@dataclass(frozen=True)
class _Layout:
    """The header an awards table was read with, and where it ends."""

    header: tuple[str, ...]
    width: int
    last_page: int
    headings: tuple[str, ...]


def _width(table: Table) -> int:
    return len(table.header) if table.header else max((len(r) for r in table.rows), default=0)


def _as_row(header: Sequence[str], previous: tuple[str, ...]) -> bool:
    """Is a continuation's header a body row the parser took for a header? It has a level in the
    first column (levels down the side) or in the level column (an award a row). (A row of
    winners under levels across the header has no such mark: only a headerless continuation of
    that layout is read.)"""
    if len(_levels(previous)) >= 2:
        return False
    if header and _is_level(header[0]):
        return True
    level = _assign(previous).get("level")
    return level is not None and level < len(header) and _is_level(header[level])


def _continued(table: Table, placed: Placed, previous: _Layout | None) -> Table | None:
    """The table as the continuation of the previous awards table on the next page, with the
    previous header (and its own header as its first row when that was a body row)."""
    if previous is None or _width(table) != previous.width:
        return None
    if table.pages[0] != previous.last_page + 1:
        return None
    if tuple(h.text for h in placed.headings) != previous.headings:
        return None
    if not table.header:
        return replace(table, header=previous.header)
    if not _as_row(table.header, previous.header):
        return None
    lines = (tuple(() for _ in table.header), *table.cell_lines) if table.cell_lines else ()
    known = len(table.row_pages) == len(table.rows)
    return replace(
        table,
        header=previous.header,
        rows=(table.header, *table.rows),
        cell_lines=lines,
        row_pages=(table.pages[0], *table.row_pages) if known else (),
        row_bboxes=(table.bbox, *table.row_bboxes) if known else (),
    )


def extract(ctx: Context) -> list[Award]:
    found: list[Award] = []
    previous: _Layout | None = None
    for placed in ctx.tables():
        table = placed.item
        if not isinstance(table, Table):
            continue
        awards = _read(table)
        if not awards:
            carried = _continued(table, placed, previous)
            if carried is not None:
                table, awards = carried, _read(carried)
        if not awards:
            previous = None
            continue
        found.extend(awards)
        headings = tuple(h.text for h in placed.headings)
        previous = _Layout(table.header, _width(table), table.pages[-1], headings)
    return found
