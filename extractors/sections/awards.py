"""Awards: a table whose header names award levels (Gold / Silver / Special Mention, Winner /
Runner-up, First / Second ...): rows are categories, and in each cell the bold line names the
winner (a city) and the rest is its project; the same table turned over (levels down the first
column, categories across the header); or a table of one award a row, with category, level,
winner and project columns in any order (a category written once for the rows below it carries
down). A table continued on the next page without its header (the parser gives it no header, or
takes its first row for one) is read with the header of the table it continues. What the parser
splits is put back together: a row of winners split from the row of their projects, a winners'
line taken into the header ("Gold Goyang"), a cell wrapped over rows of its own; and a table of
one award a row that the page sets as blocks in columns under a line of labels is read too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.flow import Placed
from extractors.model import BBox, Block, BlockRole, CellLine, Table
from extractors.records import Award, Source
from extractors.sections import continued, header_roles
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


def _filled(table: Table, r: int, cols: Sequence[int]) -> list[tuple[CellLine, ...]]:
    """The printed lines of the non-empty cells of row `r` in the given columns."""
    row = table.rows[r]
    return [_lines(table, r, c) for c in cols if c < len(row) and row[c].strip()]


def _winners_over_projects(table: Table, r: int, cols: Sequence[int]) -> bool:
    """Are rows `r` and `r + 1` one row of cells split by the parser between their lines: in
    row `r` every filled level cell is only bold lines (the winners), in the next every filled
    level cell has none (their projects), in the same columns?"""
    if r + 1 >= len(table.rows):
        return False
    upper, lower = _filled(table, r, cols), _filled(table, r + 1, cols)
    if not upper or len(upper) != len(lower):
        return False
    same = [c for c in cols if c < len(table.rows[r]) and table.rows[r][c].strip()] == [
        c for c in cols if c < len(table.rows[r + 1]) and table.rows[r + 1][c].strip()
    ]
    bold_only = all(lines and all(line.bold for line in lines) for lines in upper)
    plain = all(lines and not any(line.bold for line in lines) for lines in lower)
    return same and bold_only and plain


def _join_rows(table: Table, r: int) -> Table:
    """The table with body rows `r` and `r + 1` made one (cells joined line after line)."""
    upper, lower = table.rows[r], table.rows[r + 1]
    width = max(len(upper), len(lower))
    cells = tuple(
        "\n".join(t for t in (_cell(upper, c), _cell(lower, c)) if t) for c in range(width)
    )
    rows = (*table.rows[:r], cells, *table.rows[r + 2 :])
    lines = table.cell_lines
    if len(lines) == len(table.rows):
        joined = tuple(_lines(table, r, c) + _lines(table, r + 1, c) for c in range(width))
        lines = (*lines[:r], joined, *lines[r + 2 :])
    pages, boxes = table.row_pages, table.row_bboxes
    if len(pages) == len(table.rows) and len(boxes) == len(table.rows):
        pages = (*pages[: r + 1], *pages[r + 2 :])
        boxes = (*boxes[:r], boxes[r].union(boxes[r + 1]), *boxes[r + 2 :])
    return replace(table, rows=rows, cell_lines=lines, row_pages=pages, row_bboxes=boxes)


def _cell(row: Sequence[str], c: int) -> str:
    return row[c] if c < len(row) else ""


def _rejoined(table: Table, cols: Sequence[int]) -> Table:
    """The table with every row of winners joined with the row of their projects below it."""
    r = 0
    while r < len(table.rows):
        if _winners_over_projects(table, r, cols):
            table = _join_rows(table, r)
        r += 1
    return table


def _awards(table: Table) -> list[Award]:
    """Levels across the header, a category a row."""
    levels = _levels(table.header)
    if len(levels) < 2:
        return []
    table = _rejoined(table, [col for col, _ in levels])
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


def _roles(cell: str) -> list[str]:
    return header_roles.roles(cell, _CUES)


def _assign(header: Sequence[str]) -> dict[str, int]:
    return header_roles.assign(header, _CUES)


def _starts_row(table: Table, r: int, level: int, category: int, current: str | None) -> bool:
    """Does body row `r` start an award row, rather than go on with the cells of the one above
    (`current` is that row's level text, None for none)? It does when it has a level of its
    own (and the one above has a whole level, not "Special" waiting for "Mention"), or when it
    heads a group: only a category, that the rows below, without one, carry down."""
    row = table.rows[r]
    if current is None:
        return True
    text = clean(_cell(row, level))
    if text:
        return not current.strip() or _is_level(current) or not _is_level(f"{current} {text}")
    following = table.rows[r + 1] if r + 1 < len(table.rows) else ()
    group = all(not clean(c) for i, c in enumerate(row) if i != category) and bool(
        following and not clean(_cell(following, category))
    )
    return group


def _group_source(table: Table, group: Sequence[int], text: str) -> Source:
    """Provenance of body rows read as one: the first row's page, the box of them all on it."""
    first = row_source(table, group[0])
    box = first.bbox
    for i in group[1:]:
        below = row_source(table, i)
        if below.page == first.page and box is not None and below.bbox is not None:
            box = box.union(below.bbox)
    return Source(first.page, box, text)


def _rows(table: Table) -> list[Award]:
    """One award a row: category, level, winner and project columns; a row without a level
    of its own goes on with the cells of the row above (a cell wrapped over lines the parser
    set as rows)."""
    cols = _assign(table.header)
    if any(k not in cols for k in ("category", "level", "winner")):
        return []
    category, level = cols["category"], cols["level"]
    groups: list[list[int]] = []
    for r in range(len(table.rows)):
        current = " ".join(_cell(table.rows[i], level) for i in groups[-1]) if groups else None
        if _starts_row(table, r, level, category, current):
            groups.append([r])
        else:
            groups[-1].append(r)
    awards = []
    last_category = ""
    for group in groups:
        width = max(len(table.rows[i]) for i in group)
        row = [clean(" ".join(_cell(table.rows[i], c) for i in group)) for c in range(width)]
        if _cell(row, category):
            last_category = _cell(row, category)
        if not _is_level(_cell(row, level)):
            continue
        text = _cell(row, cols["project"]) if "project" in cols else ""
        source = _group_source(table, group, " | ".join(row))
        awards.append(
            Award(
                last_category, _level(row[level]), _cell(row, cols["winner"]), text or None, source
            )
        )
    return awards


def _leading_level(text: str) -> tuple[str, str] | None:
    """(level, rest) of a header cell that starts with a level and goes on with other words
    ("Gold Goyang": the parser took the winners' line into the header)."""
    words = clean(text).split()
    for k in range(len(words) - 1, 0, -1):
        if _is_level(" ".join(words[:k])):
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def _winners(rests: Sequence[str]) -> bool:
    """Do the words after the levels of a header name a winner each: names (capitalised), not
    all the same ("First Quarter | Second Quarter" names periods)?"""
    return all(rest[:1].isupper() for rest in rests) and len(set(rests)) > 1


def _header_split(table: Table) -> Table | None:
    """The table with the first body line the parser took into its header given back as a
    body row: two or more header cells start with a level and go on with the line below (a
    winner each, set bold over its project); the first cell, unless it names the category
    column, is that line's start of the category."""
    if len(_levels(table.header)) >= 2 or not table.header:
        return None
    split = {c: _leading_level(h) for c, h in enumerate(table.header)}
    rests = [hit[1] for hit in split.values() if hit]
    if len(rests) < 2 or not _winners(rests):
        return None
    cells = [_cell(row, c) for row in table.rows for c, hit in split.items() if hit]
    if not all(_NAMED.search(cell) for cell in cells if cell.strip()):
        return None  # figures by period ("First half 12 | Second half 15") are not winners
    header = tuple(hit[0] if hit else "" for hit in split.values())
    first = table.header[0]
    if not split[0] and "category" in _roles(first):
        header = (first, *header[1:])
        first = ""
    line = tuple(hit[1] if hit else (first if c == 0 else "") for c, hit in split.items())
    lines = tuple((CellLine(text, bold=True),) if text else () for text in line)
    known = len(table.row_pages) == len(table.rows) and table.rows
    return replace(
        table,
        header=header,
        rows=(line, *table.rows),
        cell_lines=(lines, *table.cell_lines) if table.cell_lines else (),
        row_pages=(table.row_pages[0], *table.row_pages) if known else (),
        row_bboxes=(table.row_bboxes[0], *table.row_bboxes) if known else (),
    )


def _read(table: Table) -> list[Award]:
    found = _awards(table) or _turned(table) or _rows(table)
    split = None if found else _header_split(table)
    return _awards(split) if split is not None else found


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


def _continued(table: Table, placed: Placed, previous: _Read | None) -> Table | None:
    """The table as the continuation of the previous awards table on the next page, with the
    previous header (and its own header as its first row when that was a body row)."""
    if previous is None or not continued.follows(table, placed, previous.ending):
        return None
    if table.header and not _as_row(table.header, previous.header):
        return None
    return continued.with_header(table, previous.header)


@dataclass(frozen=True)
class _Read:
    """The header an awards table was read with, and where it ends."""

    header: tuple[str, ...]
    ending: continued.Ending


def _line_height(block: Block) -> float:
    return block.bbox.height / max(1, len(block.lines))


def _header_line(blocks: Sequence[Block], block: Block) -> list[Block] | None:
    """The labels set on one line with `block` (a few words each; prose beside them, in another
    column, is left out), left to right, when they read as the header of a table of one award a
    row (category, level and winner columns named)."""
    tolerance = _line_height(block) / 2
    line = sorted(
        (
            b
            for b in blocks
            if abs(b.bbox.top - block.bbox.top) < tolerance
            and len(b.lines) <= 1
            and len(b.text.split()) <= 4
        ),
        key=lambda b: b.bbox.x0,
    )
    if len(line) < 3 or line[0] is not block:
        return None
    cols = _assign([b.text for b in line])
    return line if all(k in cols for k in ("category", "level", "winner")) else None


def _column(header: Sequence[Block], block: Block, slack: float) -> int | None:
    """The header column a block starts under: the rightmost whose left edge it is not left of."""
    if block.bbox.x0 < header[0].bbox.x0 - slack:
        return None
    return max(i for i, h in enumerate(header) if h.bbox.x0 - slack <= block.bbox.x0)


def _grid(header: Sequence[Block], blocks: Sequence[Block]) -> Table | None:
    """A table of blocks laid out in columns under a header line with white space only: a row
    for each level in the level column, the blocks beside it (their tops on its line) its
    cells."""
    slack = _line_height(header[0])
    level = _assign([b.text for b in header])["level"]
    below = [b for b in blocks if b.bbox.top > header[0].bbox.top + slack / 2]
    placed = [(b, _column(header, b, slack)) for b in below]
    anchors = sorted(
        (b for b, col in placed if col == level and _is_level(b.text)), key=lambda b: b.bbox.top
    )
    if not anchors:
        return None
    rows: list[tuple[str, ...]] = []
    boxes: list[BBox] = []
    for anchor in anchors:
        cells = [""] * len(header)
        box = anchor.bbox
        for b, col in placed:
            if col is not None and abs(b.bbox.top - anchor.bbox.top) < slack / 2:
                cells[col] = clean(f"{cells[col]} {b.text}")
                box = box.union(b.bbox)
        rows.append(tuple(cells))
        boxes.append(box)
    bbox = header[0].bbox
    for box in boxes:
        bbox = bbox.union(box)
    page = header[0].page_number
    return Table(
        pages=(page,),
        bbox=bbox,
        header=tuple(b.text for b in header),
        rows=tuple(rows),
        row_pages=tuple(page for _ in rows),
        row_bboxes=tuple(boxes),
    )


def _level_line(blocks: Sequence[Block], block: Block) -> list[Block] | None:
    """The levels set as labels on one line from `block` on, left to right (two or more:
    "Gold | Silver | Special Mention"), the header of a table of levels across."""
    tolerance = _line_height(block) / 2
    line = sorted(
        (
            b
            for b in blocks
            if abs(b.bbox.top - block.bbox.top) < tolerance
            and b.bbox.x0 >= block.bbox.x0
            and len(b.lines) <= 1
            and _is_level(b.text)
        ),
        key=lambda b: b.bbox.x0,
    )
    return line if len(line) >= 2 and line[0] is block else None


def _chain(column: Sequence[Block], top: float, slack: float) -> list[Block]:
    """The blocks of one cell: the first starting on the row's line (`top`), each next one just
    under the one before (a bold winner block over its project block)."""
    cell: list[Block] = []
    for b in sorted(column, key=lambda b: b.bbox.top):
        starts = not cell and abs(b.bbox.top - top) < slack
        follows = bool(cell) and 0 <= b.bbox.top - cell[-1].bbox.bottom < 1.5 * slack
        if starts or follows:
            cell.append(b)
    return cell


def _level_grid(levels: Sequence[Block], blocks: Sequence[Block]) -> Table | None:
    """A table of levels across set as blocks with white space only: a row for each block left
    of the first level column (the category), the blocks under each level from the row's line
    down its cell (their lines bold as the block is)."""
    slack = _line_height(levels[0])
    left = levels[0].bbox.x0 - slack
    below = [b for b in blocks if b.bbox.top > levels[0].bbox.top + slack / 2]
    categories = sorted((b for b in below if b.bbox.x1 <= left), key=lambda b: b.bbox.top)
    inside = [b for b in below if b.bbox.x0 >= left]
    rows: list[tuple[str, ...]] = []
    lines: list[tuple[tuple[CellLine, ...], ...]] = []
    boxes: list[BBox] = []
    for i, category in enumerate(categories):
        end = categories[i + 1].bbox.top - slack / 2 if i + 1 < len(categories) else 1e9
        row, box = [category.text], category.bbox
        row_lines: list[tuple[CellLine, ...]] = [(CellLine(category.text),)]
        for c, level in enumerate(levels):
            right = levels[c + 1].bbox.x0 - slack if c + 1 < len(levels) else 1e9
            column = [b for b in inside if level.bbox.x0 - slack <= b.bbox.x0 < right]
            cell = [b for b in _chain(column, category.bbox.top, slack) if b.bbox.top < end]
            printed = tuple(CellLine(t, b.bold) for b in cell for t in b.lines or (b.text,))
            row.append("\n".join(line.text for line in printed))
            row_lines.append(printed)
            for b in cell:
                box = box.union(b.bbox)
        rows.append(tuple(row))
        lines.append(tuple(row_lines))
        boxes.append(box)
    cells = [cell for row in rows for cell in row[1:] if cell.strip()]
    if not cells or not all(_NAMED.search(cell) for cell in cells):
        return None  # medals counted ("Gold | Silver" over numbers) are no winners
    bbox = levels[0].bbox
    for box in boxes:
        bbox = bbox.union(box)
    page = levels[0].page_number
    return Table(
        pages=(page,),
        bbox=bbox,
        header=("", *(b.text for b in levels)),
        rows=tuple(rows),
        cell_lines=tuple(lines),
        row_pages=tuple(page for _ in rows),
        row_bboxes=tuple(boxes),
    )


def _block_grids(ctx: Context) -> list[Table]:
    """The tables of awards that the page sets as blocks in columns, not as a table: one award
    a row under a line of labels, or levels across over a category a row."""
    pages: dict[int, list[Block]] = {}
    for placed in ctx.blocks():
        block = placed.item
        if isinstance(block, Block) and block.role is BlockRole.BODY:
            pages.setdefault(placed.page, []).append(block)
    grids = []
    for blocks in pages.values():
        for block in blocks:
            header = _header_line(blocks, block)
            grid = _grid(header, blocks) if header else None
            levels = None if grid else _level_line(blocks, block)
            grid = _level_grid(levels, blocks) if levels else grid
            if grid is not None:
                grids.append(grid)
    return grids


def extract(ctx: Context) -> list[Award]:
    found: list[Award] = []
    previous: _Read | None = None
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
        previous = _Read(table.header, continued.ending(table, placed))
    for grid in _block_grids(ctx):
        found.extend(_awards(grid) or _rows(grid))
    return found
