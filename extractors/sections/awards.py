"""Awards: a table whose header names award levels (Gold / Silver / Special Mention, Winner /
Runner-up, First / Second ...): rows are categories, and in each cell the bold line names the
winner (a city) and the rest is its project; or a table of one award a row, with category,
level, winner and project columns."""

from __future__ import annotations

import re

from extractors.model import CellLine, Table
from extractors.records import Award, Source
from extractors.sections.base import Context, clean, header_index, row_source

_LEVEL = re.compile(
    r"^(gold|silver|bronze|platinum|special mention|honou?rable mention|winner|runner[- ]up|"
    r"first|second|third|grand prize|excellence|merit|1st|2nd|3rd)( (award|prize|place))?$",
    re.I,
)


def _level(text: str) -> str:
    return re.sub(r"[\s-]+", "_", clean(text).casefold())


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


def _awards(table: Table) -> list[Award]:
    levels = [(i, h) for i, h in enumerate(table.header) if _LEVEL.match(clean(h))]
    if len(levels) < 2:
        return []
    awards = []
    for r, row in enumerate(table.rows):
        category = clean(row[0])
        for col, header in levels:
            if col >= len(row) or not row[col].strip():
                continue
            lines = table.cell_lines[r][col] if table.cell_lines else ()
            city, project = _split(row[col], lines)
            where = row_source(table, r)
            awards.append(
                Award(
                    category,
                    _level(header),
                    city,
                    project,
                    Source(where.page, where.bbox, row[col]),
                )
            )
    return awards


_CATEGORY_COL = re.compile(r"\b(categor\w*|field|theme|track)\b", re.I)
_LEVEL_COL = re.compile(r"\b(award|level|prize|rank|place|medal)\b", re.I)
_WINNER_COL = re.compile(r"\b(winners?|cit(y|ies)|recipients?|laureates?|awardees?|member)\b", re.I)
_PROJECT_COL = re.compile(r"\b(projects?|initiatives?|entr(y|ies)|solutions?|programmes?)\b", re.I)


def _rows(table: Table) -> list[Award]:
    """One award a row: category, level, winner and project columns."""
    header = table.header
    cols = [header_index(header, cue) for cue in (_CATEGORY_COL, _LEVEL_COL, _WINNER_COL)]
    category, level, winner = cols
    project = header_index(header, _PROJECT_COL)
    if category is None or level is None or winner is None or len(set(cols)) < 3:
        return []
    awards = []
    for r, row in enumerate(table.rows):
        if level >= len(row) or not _LEVEL.match(clean(row[level])):
            continue
        text = clean(row[project]) if project is not None and project < len(row) else ""
        awards.append(
            Award(clean(row[category]), _level(row[level]), clean(row[winner]), text or None,
                  row_source(table, r))
        )  # fmt: skip
    return awards


def extract(ctx: Context) -> list[Award]:
    found: list[Award] = []
    for placed in ctx.tables():
        if isinstance(placed.item, Table):
            found.extend(_awards(placed.item) or _rows(placed.item))
    return found
