"""A table that carries on an earlier one without its header: where a page (or a column) ends,
the parser starts a new table, with no header at all or with its first row taken for one. Such a
table is read with the columns of the table it continues when it follows that table at once
(on the next page, or for some rules also further down the same page), is as wide and stands
under the same headings."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extractors.flow import Placed
from extractors.model import Table


@dataclass(frozen=True, slots=True)
class Ending:
    """Where a table that was read ends: what its continuation must match."""

    width: int
    last_page: int
    headings: tuple[str, ...]


def width(table: Table) -> int:
    return len(table.header) if table.header else max((len(r) for r in table.rows), default=0)


def ending(table: Table, placed: Placed) -> Ending:
    return Ending(width(table), table.pages[-1], tuple(h.text for h in placed.headings))


def follows(
    table: Table, placed: Placed, previous: Ending | None, *, same_page: bool = False
) -> bool:
    """Does the table start right where the previous one ended: as wide, under the same
    headings, on the next page (or, with `same_page`, also on the page it ended on)?"""
    if previous is None or width(table) != previous.width:
        return False
    pages = (previous.last_page, previous.last_page + 1) if same_page else (previous.last_page + 1,)
    if table.pages[0] not in pages:
        return False
    return tuple(h.text for h in placed.headings) == previous.headings


def with_header(table: Table, header: tuple[str, ...]) -> Table:
    """The table read under `header`, its own header (a body row the parser took for one, if
    any) put back as its first row."""
    if not table.header:
        return replace(table, header=header)
    lines = (tuple(() for _ in table.header), *table.cell_lines) if table.cell_lines else ()
    known = len(table.row_pages) == len(table.rows)
    return replace(
        table,
        header=header,
        rows=(table.header, *table.rows),
        cell_lines=lines,
        row_pages=(table.pages[0], *table.row_pages) if known else (),
        row_bboxes=(table.bbox, *table.row_bboxes) if known else (),
    )
