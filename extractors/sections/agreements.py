"""Agreements (MOUs): in a section about MOUs, agreements or partnerships, each partner heading
followed by the date it was signed, a table with partner and date columns, or lines of a partner
and its date ("Partner — 14 March 2023").

Narrow columns are read as printed: a table's date column is told by its cells when the header
also took the sentence above it; a table read one printed line a row gets its wrapped rows joined
back ("14 Mar" / "2023"); a list of lines is read as one text, so an entry may wrap; a word broken
without a hyphen is mended when the section prints it whole."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from extractors.flow import Placed
from extractors.model import Block, BlockRole, Table
from extractors.normalize.dates import find_dates, parse_date
from extractors.records import Agreement, Source
from extractors.sections.bands import regroup
from extractors.sections.base import Context, row_source
from extractors.sections.dated import date_only
from extractors.sections.grid import block_tables
from extractors.sections.stacked import following

CUE = re.compile(
    r"\b(mous?|mo[au]s|memorand\w*|agreements?|partnerships?|signatures?|signings?|"
    r"cooperation accords?)\b",
    re.I,
)
# what comes before a date in a list of agreements: "Partner — ", "Partner, signed on ", "Partner ("
_PARTNER_HEAD = re.compile(
    r"^\s*(?P<partner>[^—–|:(]{3,}?)\s*(?:[—–|:-]|\(|,?\s*signed(?:\s+on)?)\s*$", re.I
)
_CLOSE = re.compile(r"\s*\)?\s*[,;]?")
_PARTNER_COL = re.compile(r"\b(partner|organi[sz]ation|counterpart|with|institution|name)\b", re.I)
_DATE_COL = re.compile(r"\b(date|signed|when|on)\b", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# a piece of a date a narrow cell wrapped onto a row of its own: "2023", "16", "February 2023"
_DATE_PIECE = re.compile(
    rf",?\s*(?:\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?|{_MONTH}(?:,?\s+\d{{4}})?)", re.I
)
_MONTH_WORD = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|sept?)\.?,?",
    re.I,
)
_WORD = re.compile(r"[^\W_]+")
# the end of a sentence of prose: a word's last two letters or digits, a stop, a capital after
_SENTENCE_END = re.compile(r"(?<=[a-z0-9][a-z0-9][.!?])\s+(?=[A-Z])")
_BULLETS = "•·▪●◦‣*- "


def _dated_headings(ctx: Context, flow: list[Placed], heading: Block) -> list[Agreement]:
    """The partner headings of a section, each with the date line after it."""
    items = [p for p in flow if any(h is heading for h in p.headings)]
    found: list[Agreement] = []
    for i, placed in enumerate(items):
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.HEADING:
            continue
        nxt_blocks = []
        for nxt in items[i + 1 : i + 3]:
            if not isinstance(nxt.item, Block):
                break
            nxt_blocks.append(nxt.item)
        page = ctx.document.pages[block.page_number - 1].body_blocks
        signed: date | None = None
        for nxt_block in following(block, nxt_blocks, page):
            if when := date_only(nxt_block.text, ctx.year):
                signed = when[0]
                break
            if nxt_block.role is BlockRole.HEADING:
                break  # the next heading is another partner (or a group of them)
        if signed is not None:
            found.append(
                Agreement(block.text, signed, Source(block.page_number, block.bbox, block.text))
            )
    return found


def _is_date(cell: str, year: int | None) -> bool:
    return date_only(cell, year) is not None


def _fragment(cell: str) -> bool:
    """A piece of a date cell wrapped onto a line of its own: a year, a month, a day."""
    return bool(_DATE_PIECE.fullmatch(" ".join(cell.split())))


def _dates_columns(table: Table, year: int | None) -> list[int]:
    """The columns whose cells are dates (or the pieces of dates wrapped over two rows)."""
    width = max((len(r) for r in table.rows), default=0)
    found = []
    for col in range(width):
        cells = [r[col] for r in table.rows if col < len(r) and r[col].strip()]
        label = table.rows[0][col] if col < len(table.rows[0]) else ""
        if _DATE_COL.search(label) and not find_dates(label, year):
            cells = cells[1:]  # the column's label, printed as a row
        dates = sum(1 for c in cells if _is_date(c, year))
        pieces = sum(1 for c in cells if not _is_date(c, year) and _fragment(c))
        if dates and dates + pieces >= 0.7 * len(cells):
            found.append(col)
    return found


def _columns(table: Table, year: int | None) -> tuple[int, int] | None:
    """(partner, date): the date column told by its cells (a header may carry more words than
    its label, "… in 2025. Date signed"), else by its header; the partner column by its header,
    else the first other column with text."""
    dated = _dates_columns(table, year)
    labelled = [i for i, cell in enumerate(table.header) if _DATE_COL.search(cell)]
    when = next((c for c in dated if c in labelled), dated[0] if dated else None)
    if when is None:
        when = labelled[0] if labelled else None
    if when is None:
        return None
    width = max((len(r) for r in table.rows), default=0)
    others = [c for c in range(width) if c != when]
    partner = next(
        (c for c in others if c < len(table.header) and _PARTNER_COL.search(table.header[c])), None
    )
    if partner is None:
        partner = next(
            (c for c in others if any(c < len(r) and r[c].strip() for r in table.rows)), None
        )
    return None if partner is None else (partner, when)


def _wrapped(table: Table, when: int) -> bool:
    """Do the table's rows show cells wrapped onto rows of their own: a date cut in two, or,
    under a first row that has its date, rows with no date at all (the rest of a partner's name
    wrapped in a table read one printed line a row)?"""
    dates = [row[when].strip() if when < len(row) else "" for row in table.rows]
    if any(d and _fragment(d) for d in dates):
        return True
    if len(dates) < 2 or not dates[0] or all(dates):
        return False
    # a piece of a name wrapped in the name's column is about as short as the lines of names
    # beside dates (a sentence of the prose under the table, taken for its last row, is not)
    words = [sum(len(c.split()) for j, c in enumerate(row) if j != when) for row in table.rows]
    longest = max(w for w, d in zip(words, dates, strict=True) if d)
    return all(w <= longest + 1 for w, d in zip(words, dates, strict=True) if not d)


def _glue(pieces: list[str]) -> str:
    """The pieces of a date cell wrapped over rows, as one text; a month name a narrow column
    broke without a hyphen is joined back ("Novem" / "ber 30,")."""
    text = ""
    for piece in (" ".join(p.split()) for p in pieces):
        if not piece:
            continue
        last = text.rpartition(" ")[2]
        first = piece.split(" ", 1)[0]
        if last and first[:1].islower() and _MONTH_WORD.fullmatch(last + first):
            text += piece
        else:
            text = f"{text} {piece}" if text else piece
    return text


def _continues(dated: str, cell: str, year: int | None) -> bool:
    """Does a row whose date cell is `cell` carry the rest of the agreement above, whose date
    cells so far read `dated`? Yes for an empty cell (the partner name wrapped), for the piece
    of a date that completes the one above ("14 Mar" / "2023", "16" / "February")."""
    if not cell.strip():
        return True
    if _is_date(cell, year) and not _fragment(cell):
        return False
    if not _is_date(_glue([dated, cell]), year):
        return False
    return not _is_date(dated, year) or bool(
        re.fullmatch(r"\d{4}", cell.strip()) and not re.search(r"\d{4}", dated)
    )


def _row_groups(table: Table, when: int, year: int | None) -> list[list[int]]:
    """The body rows, one group per agreement. When the table shows cells wrapped onto rows of
    their own (a date cell that is only a piece of a date), such a row joins the row above."""
    wrapped = _wrapped(table, when)
    groups: list[list[int]] = []
    for i, row in enumerate(table.rows):
        cell = row[when] if when < len(row) else ""
        if groups and wrapped:
            dated = _glue([table.rows[j][when] for j in groups[-1] if when < len(table.rows[j])])
            if _continues(dated, cell, year):
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def _group_source(table: Table, rows: list[int]) -> Source:
    first = row_source(table, rows[0])
    if len(rows) == 1:
        return first
    text = " / ".join(" | ".join(table.rows[i]) for i in rows)
    bbox = first.bbox
    if bbox is not None and len(table.row_bboxes) == len(table.rows):
        for i in rows[1:]:
            bbox = bbox.union(table.row_bboxes[i])
    return Source(first.page, bbox, text)


def _table(table: Table, year: int | None) -> list[Agreement]:
    columns = _columns(table, year)
    if columns is None:
        return []
    partner, when = columns
    found = []
    for rows in _row_groups(table, when, year):
        cells = [table.rows[i] for i in rows]
        name = " ".join(" ".join(r[partner] for r in cells if partner < len(r)).split())
        signed = _glue([r[when] for r in cells if when < len(r)])
        if not name or (_DATE_COL.search(signed) and not find_dates(signed, year)):
            continue  # no partner, or the header printed again as a row
        found.append(Agreement(name, parse_date(signed, year), _group_source(table, rows)))
    return found


def _lines(block: Block, year: int | None) -> list[Agreement]:
    """A list of agreements: a partner, a dash, the date it was signed, and the next. The block
    is read as one text, since a narrow column wraps an entry over lines ("Partner — 14 Mar" /
    "2023"); every piece of it must be such an entry."""
    text = " ".join(" ".join(block.lines or (block.text,)).split())
    return _entries(text, year, Source(block.page_number, block.bbox, block.text))


def _table_columns(table: Table, year: int | None) -> list[Agreement]:
    """A table that is no table of agreements but columns of text the parser took for one: each
    column read down as one text, a list of agreements when it is one."""
    width = max((len(r) for r in (table.header, *table.rows)), default=0)
    found: list[Agreement] = []
    for col in range(width):
        cells = [r[col] for r in (table.header, *table.rows) if col < len(r)]
        text = " ".join(" ".join(cells).split())
        found += _entries(text, year, Source(table.pages[0], table.bbox, text))
    return found


def _after_prose(partner: str) -> str:
    """The partner of a list's first entry without the sentence of prose printed above the list
    and read into it ("… signed three agreements in 2025. Partner — date"): what follows the
    last sentence end, when what comes before it has words of prose (three or more, some not
    capitalized, unlike "Smith & Co. Holdings")."""
    *lead, last = _SENTENCE_END.split(partner)
    words = " ".join(lead).split()
    if len(words) >= 3 and any(w[:1].islower() for w in words) and len(last) >= 3:
        return last
    return partner


def _entries(text: str, year: int | None, where: Source) -> list[Agreement]:
    """The agreements of a text that is nothing but "partner — date" entries, else none."""
    found: list[Agreement] = []
    at = 0
    for signed, _, matched in find_dates(text, year):
        begin = text.find(matched, at)
        if begin < 0:
            return []
        match = _PARTNER_HEAD.match(text[at:begin])
        if match is None:
            return []
        partner = match.group("partner").strip(" ,;").lstrip(_BULLETS)
        if not found:
            partner = _after_prose(partner)
        end = begin + len(matched)
        close = _CLOSE.match(text, end)
        after = close.end() if close else end
        if not re.search(r"[^\W\d_]{2}", partner):
            return []
        entry = text[at:after].strip(" ,;")
        found.append(Agreement(partner, signed, replace(where, source_text=entry)))
        at = after
    if text[at:].strip(" ,;.") or not found:
        return []
    return found


def _vocabulary(items: list[Placed]) -> set[str]:
    """The words printed in a section (its prose names partners whole)."""
    words: set[str] = set()
    for placed in items:
        if isinstance(placed.item, Block):
            words.update(w.casefold() for w in _WORD.findall(placed.item.text))
    return words


def _mend(partner: str, words: set[str]) -> str:
    """Join a word a narrow column broke without a hyphen ("LakeLinkMedi a") when the section
    prints it whole elsewhere and its first piece is no word of the section."""
    tokens = partner.split(" ")
    out: list[str] = []
    for token in tokens:
        if (
            out
            and token[:1].islower()
            and (out[-1] + token).casefold() in words
            and out[-1].casefold() not in words
        ):
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


def _grid_header(header: tuple[str, ...]) -> bool:
    """Labels of a table of agreements: one names the partner, another the date."""
    partner = [i for i, h in enumerate(header) if _PARTNER_COL.search(h)]
    when = [i for i, h in enumerate(header) if _DATE_COL.search(h)]
    return any(p != w for p in partner for w in when)


def _grids(ctx: Context, inside_items: list[Placed]) -> list[Agreement]:
    """Agreements of the tables printed without rules inside an agreements section, the rows
    with a date signed."""
    inside = {id(p.item) for p in inside_items}
    found: list[Agreement] = []
    for page in ctx.document.pages:
        for label, table in block_tables(page.body_blocks, _grid_header):
            if id(label) in inside:
                found += [a for a in _table(table, ctx.year) if a.date is not None]
    return found


def extract(ctx: Context) -> list[Agreement]:
    agreements: list[Agreement] = []
    flow = regroup(ctx.items)
    for placed in flow:
        block = placed.item
        if (
            isinstance(block, Block)
            and block.role is BlockRole.HEADING
            and CUE.search(block.text)
            and not any(CUE.search(h.text) for h in placed.headings)
        ):
            agreements.extend(_dated_headings(ctx, flow, block))
    inside = [p for p in flow if any(CUE.search(h.text) for h in p.headings)]
    words = _vocabulary(inside)
    for placed in inside:
        item = placed.item
        if isinstance(item, Table):
            found = _table(item, ctx.year) or _table_columns(item, ctx.year)
        elif isinstance(item, Block) and item.role is BlockRole.BODY:
            found = _lines(item, ctx.year)
        else:
            continue
        agreements.extend(replace(a, partner=_mend(a.partner, words)) for a in found)
    seen = {(a.partner.casefold(), a.date) for a in agreements}
    for agreement in _grids(ctx, inside):
        if (agreement.partner.casefold(), agreement.date) not in seen:
            seen.add((agreement.partner.casefold(), agreement.date))
            agreements.append(agreement)
    return agreements
