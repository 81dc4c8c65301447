"""Member overview: stated totals, region totals and every listed member.

Totals: headings that state a count ("LOCAL GOVERNMENTS | 160", "Africa (45)", "48 members in
Africa", "210 Members as of ..."), sentences that state totals by type ("214 members: 163 local
governments, 17 institutions and 34 corporations"), or a tile whose label counts members. A table
of contents repeats headings but states nothing: its entries are never read.

Members, in the designs reports use, each country found in the gazetteer:
- a table pairing a country column with a names column ("Country | Members", or two such pairs
  per row), told by its header or, without one, by a column of country names;
- "Country: a, b, c" lines;
- a country sub-heading over its names (a comma-separated paragraph, or one name per line).
Lines and sub-headings are read in a section about members (a heading that says so, or counts a
region or a kind of member). What the parser read imperfectly is put back: a "Country | Members"
table printed without rules (loose blocks, see `grid`), a header that took in the heading printed
above the table ("45 MEMBERS IN AFRICA Country", or over one cell: "AFRICA | 45 Members"), a
table the flow placed after the headings of the next column (read under the heading printed
above it), a table continued after a break with its first row taken for a header, columns of
"Country: a, b" lines under counted headings read as one table without header, lists printed
one under another, each under its heading and header row, read as one table (cut again, see
`table_parts`), and names of a one-name-a-line list wrapped to the width of their column."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from extractors.flow import Placed
from extractors.model import BBox, Block, BlockRole, KeyValues, Page, Table, Tile
from extractors.normalize.countries import normalize_region, to_iso3
from extractors.normalize.numbers import parse_quantity
from extractors.pdf.layout import join_lines
from extractors.records import Member, MemberType, RegionTotal, Source, StatedTotal
from extractors.sections.base import Context, row_source, section_items, source
from extractors.sections.grid import block_tables
from extractors.sections.member_totals import TYPE_SCOPES, heading_totals, prose_totals
from extractors.sections.table_parts import Part, split_parts
from extractors.sections.vocabulary import MEMBERS, NEW, counted, member_type, split_names

_COUNTRY = re.compile(r"\b(country|countries|nation)\b", re.IGNORECASE)
_NAMES = re.compile(
    r"\b(members?|cit(y|ies)|municipalit\w*|local|governments?|institutions?|organi[sz]ations?|"
    r"compan(y|ies)|corporations?|names?|entities|regions?|provinces?)\b",
    re.IGNORECASE,
)
_DESCRIBES = re.compile(r"\b(area|population|inhabitants|leader|mayor|date|signed|joined)\b", re.I)
_LINE = re.compile(r"^(?P<country>[^:：]{2,60}?)\s*[:：]\s*(?P<names>.*)$")
_MEMBER_WORDS = re.compile(r"\bmembers?\b|[—–|-]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]['’\")]*$")
_ALIGN = 3.0  # pt: how far a heading may start from the blocks of its column
_SHARED = 2  # words two header cells must share at their start to be text printed above them
_TYPED = 0.7  # share of a column's cells that must be country names
_MIN_ENTRIES = 3  # "Country: names" lines a table of loose columns must hold to be read
_SAME_TYPE = 0.6  # pt: how far apart the sizes of two blocks set in one type may be


Scope = tuple[str | None, MemberType | None]  # the region and kind of member in force


@dataclass(frozen=True, slots=True)
class Overview:
    totals: list[StatedTotal]
    regions: list[RegionTotal]
    members: list[Member]


def _region(label: str) -> str | None:
    """The region a heading's label names, also when the text layer put a word about members
    inside it ("MIDDLE MEMBERS EAST", "AMERICAS MEMBERS") or ran the end of a list into it
    ("Gezira State, Hasahisa, MIDDLE EAST")."""
    for text in (label, label.rsplit(",", 1)[-1]):
        found = normalize_region(text) or normalize_region(
            " ".join(_MEMBER_WORDS.sub(" ", text).split())
        )
        if found:
            return found
    return None


def _country(text: str) -> str | None:
    """The printed country name when the text is one (gazetteer), else None."""
    name = " ".join(text.split()).strip(" :")
    return name if name and len(name.split()) <= 6 and to_iso3(name) else None


def _context(placed: Placed) -> tuple[str | None, MemberType | None]:
    region: str | None = None
    kind: MemberType | None = None
    for heading in reversed(placed.headings):
        label = (counted(heading.text) or (heading.text, 0))[0]
        region = region or _region(label)
        kind = kind or member_type(label)
    return region, kind


def in_members(placed: Placed) -> bool:
    """Inside a section about members: a heading that names them (not new ones), or counts a
    region or a kind of member."""
    for heading in placed.headings:
        text = heading.text
        if MEMBERS.search(text) and not NEW.search(text):
            return True
        label = (counted(text) or (None, 0))[0]
        if label and (_region(label) or member_type(label)):
            return True
    return False


def _member(name: str, country: str, kind: MemberType, region: str | None, src: Source) -> Member:
    return Member(
        name=name,
        country=country,
        country_iso3=to_iso3(country),
        region=region if kind == "local_government" else None,
        member_type=kind,
        source=src,
    )


# ------------------------------------------------------------------------------------- tables


def _typed_columns(table: Table) -> set[int]:
    width = max((len(r) for r in table.rows), default=0)
    out = set()
    for col in range(width):
        cells = [r[col] for r in table.rows if col < len(r) and r[col].strip()]
        if cells and sum(1 for c in cells if _country(c)) >= _TYPED * len(cells):
            out.add(col)
    return out


def split_header(header: Sequence[str]) -> list[tuple[str, str]]:
    """Each header cell as (text printed above the table, label): a line printed across two
    columns over the header (a heading, the end of a paragraph) is read into both cells, so the
    words a cell shares with its neighbour's start are no part of its label ("45 MEMBERS IN
    AFRICA Country" | "45 MEMBERS IN AFRICA Members")."""
    words = [cell.split() for cell in header]
    out = []
    for i, cell in enumerate(words):
        shared = 0
        for j in (i - 1, i + 1):
            if 0 <= j < len(words):
                shared = max(shared, _common(cell, words[j]))
        shared = min(shared, len(cell) - 1) if shared >= _SHARED else 0
        out.append((" ".join(cell[:shared]), " ".join(cell[shared:])))
    return out


def _common(a: Sequence[str], b: Sequence[str]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def header_pairs(header: Sequence[str]) -> list[tuple[int, int]]:
    """(country column, names column) pairs a header names: "Country | Members", "Country | X |
    Country | X"; none when it describes its entries (area, population, leader, date)."""
    if any(_DESCRIBES.search(cell) for cell in header):
        return []
    return [
        (i, i + 1)
        for i, cell in enumerate(header[:-1])
        if _COUNTRY.search(cell) and not _COUNTRY.search(header[i + 1])
        if _NAMES.search(header[i + 1])
    ]


def column_pairs(table: Table) -> list[tuple[int, int]]:
    """(country column, names column) pairs: "Country | Members", "Country | X | Country | X",
    or, in a table without a header, a column of country names followed by one of names. A table
    that describes its entries (area, population, leader, date) is not a list of members."""
    if table.header:
        header = [label for _, label in split_header(table.header)]
        return header_pairs(header)  # one that names no names column: no list of members
    typed = _typed_columns(table)
    return [(i, i + 1) for i in sorted(typed) if i + 1 not in typed and (i - 1) not in typed]


def _headed_entries(table: Table) -> bool:
    """Columns of "Country: names" lines whose header is the counted headings printed over them
    ("47 MEMBERS IN AFRICA" | "14 MEMBERS IN THE AMERICAS"): text in columns, not a table."""
    labels = [cell for cell in table.header if cell.strip()]
    return (
        bool(labels)
        and all(_counted_scope(" ".join(c.split())) for c in labels)
        and any(
            (m := _LINE.match(cell)) and _country(m.group("country"))
            for row in table.rows
            for cell in row
        )
    )


def headless(table: Table) -> Table:
    """A table whose header is a row of entries (the part of a "Country | Members" table
    continued after a break, its first row taken for a header: "Kenya | Nairobi | Ghana |
    Accra"; columns of "Country: names" lines, one of them in the first line; or the counted
    headings over such columns) with that row given back to its body; any other table as it
    is."""
    if not table.header or header_pairs(list(table.header)):
        return table
    whole = replace(table, header=(), rows=(table.header, *table.rows))
    typed = _typed_columns(whole)
    entries = any(
        (m := _LINE.match(cell)) and _country(m.group("country")) for cell in table.header
    )
    countries = typed and all(_country(table.header[i]) for i in typed if i < len(table.header))
    if not entries and not (countries and column_pairs(whole)) and not _headed_entries(table):
        return table
    lines = (tuple(() for _ in table.header), *table.cell_lines) if table.cell_lines else ()
    boxes = table.row_bboxes
    if boxes and len(table.row_pages) == len(table.rows):
        first = BBox(table.bbox.x0, table.bbox.top, table.bbox.x1, boxes[0].top)
        return replace(
            whole,
            row_pages=(table.row_pages[0], *table.row_pages),
            row_bboxes=(first, *boxes),
            cell_lines=lines,
        )
    return replace(whole, row_pages=(), row_bboxes=(), cell_lines=lines)


def _above(table: Table) -> tuple[str, int] | None:
    """The count a heading read into the table's header states ("45 MEMBERS IN AFRICA"), as
    (label, number): printed across the header cells, or over one of them only, before its
    label ("AFRICA | 45 Members")."""
    return next((found for _, found in _headings_above(table)), None)


def _headings_above(table: Table) -> list[tuple[str, tuple[str, int]]]:
    """The text of each counted heading read into the table's header, with its count: the text
    printed across the cells, or, before one cell's label, a counted heading of a region at the
    end of what the cell took in ("... GOVERNMENTS | 166 AFRICA | 45 Members")."""
    out = []
    for text, label in split_header(table.header):
        if text and (found := counted(text)) is not None:
            out.append((text, found))
            continue
        words = label.split()[:-1] if not text else []
        for start in range(len(words)):
            candidate = " ".join(words[start:])
            found = counted(candidate)
            if found is not None and (start == 0 or _region(found[0])):
                out.append((candidate, found))
                break
        else:
            if (inside := _counted_in(words)) is not None:
                out.append(inside)
    return out


def _counted_in(words: Sequence[str], kinds: bool = False) -> tuple[str, tuple[str, int]] | None:
    """The first and shortest run of words that counts a region's members (also, with `kinds`,
    else a kind of member's), with its count: a heading the parser read into text printed
    beside it ("... Following the AFRICA — 45 MEMBERS United Nations ...")."""
    tests = (_region, member_type) if kinds else (_region,)
    for test in tests:
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                text = " ".join(words[start:end])
                if (found := counted(text)) is not None and test(found[0]):
                    return text, found
    return None


def _table_regions(table: Table) -> list[RegionTotal]:
    """The region total of a heading read into a members table's header."""
    found = _headings_above(table) if column_pairs(table) else []
    if not found or (region := _region(found[0][1][0])) is None:
        return []
    text, (_, count) = found[0]
    return [RegionTotal(region, count, source(table, text=text))]


def table_scope(placed: Placed, table: Table) -> Scope:
    """The region and kind of member a members table lists: its headings', or those of a
    counted heading read into its header."""
    region, kind = _context(placed)
    above = _above(table)
    if above is not None:
        region = _region(above[0]) or region
    return region, kind


def _parts(table: Table) -> list[Part]:
    """The lists of a table read over several printed one under another, each under its header
    row ("Country | Members") and the counted heading printed over it (`split_parts`)."""
    return split_parts(
        table,
        lambda row: bool(header_pairs(list(row))),
        lambda text: _counted_in(text.split(), kinds=True) is not None,
    )


def _heading_scope(placed: Placed, heading: str) -> Scope | None:
    """The scope a counted heading printed over a part of a table sets: its region (of the kind
    of member in force) or its kind of member; None without one."""
    found = _counted_in(heading.split(), kinds=True) if heading else None
    if found is None:
        return None
    label = found[1][0]
    if (region := _region(label)) is not None:
        return region, _context(placed)[1]
    return None, member_type(label)


def _part_regions(table: Table, heading: str) -> list[RegionTotal]:
    """The region total a heading printed over a part of a table states."""
    found = _counted_in(heading.split())
    if found is None or (region := _region(found[1][0])) is None:
        return []
    return [RegionTotal(region, found[1][1], source(table, text=found[0]))]


def _region_beside(headings: Sequence[Placed], placed: Placed, table: Table) -> str | None:
    """The region of the heading printed lowest above a table on its page, in any of its
    columns, when it is printed below the heading the flow placed the table under: a heading
    set over the right part of a table its left part starts under ("AFRICA — 47 MEMBERS" over
    the second "Country | Members" pair). `headings`: those of a region or kind of the page."""
    inner = placed.headings[-1] if placed.headings else None
    floor = inner.bbox.bottom if inner is not None and inner.page_number == placed.page else None
    above = [
        h
        for h in headings
        if isinstance(h.item, Block)
        and h.item.bbox.bottom <= table.bbox.top + 1
        and (floor is None or h.item.bbox.bottom > floor)
    ]
    if not above:
        return None
    nearest = max(above, key=lambda h: h.item.bbox.bottom)
    assert isinstance(nearest.item, Block)
    return _context(Placed(nearest.item, nearest.page, (*nearest.headings, nearest.item)))[0]


def _table_members(
    placed: Placed, table: Table, members_section: bool, scope: Scope | None = None
) -> list[Member]:
    """The members a table lists, in `scope` when given (that of the table it goes on), else
    in its own (`table_scope`)."""
    pairs = column_pairs(table)
    if not pairs or (not members_section and not table.header):
        return []
    region, kind = scope or table_scope(placed, table)
    found: list[Member] = []
    for index, row in enumerate(table.rows):
        for country_col, names_col in pairs:
            if names_col >= len(row) or not row[country_col].strip():
                continue
            country = " ".join(row[country_col].split())
            label = split_header(table.header)[names_col][1] if table.header else ""
            this_kind = kind or member_type(label) or "local_government"
            for name in split_names(row[names_col]):
                found.append(_member(name, country, this_kind, region, row_source(table, index)))
    return found


def _inside(box: BBox, whole: BBox) -> bool:
    return (
        box.x0 >= whole.x0 - 1
        and box.x1 <= whole.x1 + 1
        and box.top >= whole.top - 1
        and box.bottom <= whole.bottom + 1
    )


def _grid_header(labels: tuple[str, ...]) -> bool:
    """A label row that pairs a country column with a names column ("Country | Members")."""
    return bool(header_pairs(labels))


def _grid_members(ctx: Context) -> tuple[list[Member], set[int]]:
    """Members of "Country | Members" tables printed without rules (read as loose blocks), each
    read in the section of its first label, and the ids of the blocks they were read from."""
    placed_of = {id(p.item): p for p in ctx.blocks()}
    found: list[Member] = []
    used: set[int] = set()
    for page in ctx.document.pages:
        blocks = page.body_blocks
        tables = block_tables(blocks, _grid_header)
        for label, table in tables:
            placed = placed_of.get(id(label))
            if placed is None:
                continue
            row = [t.bbox for lab, t in tables if abs(lab.bbox.top - label.bbox.top) <= 1]
            placed = _under_heading(ctx, placed, row)
            found += _table_members(placed, table, in_members(placed))
            used |= {id(b) for b in blocks if _inside(b.bbox, table.bbox)}
    return found, used


def _misplaced(placed: Placed, table: Table) -> bool:
    """Whether the flow put a table under a heading printed below its top on its page, or in
    another column of it (it placed a table that fills the rest of its column at the end of the
    page, after the headings of the next column)."""
    inner = placed.headings[-1] if placed.headings else None
    if inner is None or inner.page_number != placed.page:
        return False
    box = table.bbox
    beside = min(box.x1, inner.bbox.x1) <= max(box.x0, inner.bbox.x0)
    return inner.bbox.top > box.top or beside


def _under_heading(ctx: Context, placed: Placed, row: Sequence[BBox]) -> Placed:
    """A table (or the label of a table printed without rules) placed under the heading printed
    closest above its header row (over any of the tables side by side in it), when the flow put
    it under another one: the flow reads the page column by column and places a table that fills
    the rest of its column at the end of the page, after the headings of the next column."""
    top = min(box.top for box in row)
    above = [
        p
        for p in ctx.blocks()
        if p.page == placed.page
        and isinstance(p.item, Block)
        and p.item.role is BlockRole.HEADING
        and p.item.bbox.bottom <= top + 1
        and any(min(b.x1, p.item.bbox.x1) > max(b.x0, p.item.bbox.x0) for b in row)
    ]
    if not above:
        return placed
    nearest = max(above, key=lambda p: p.item.bbox.bottom)
    if any(h is nearest.item for h in placed.headings):
        return placed
    assert isinstance(nearest.item, Block)
    return replace(placed, headings=(*nearest.headings, nearest.item))


@dataclass(frozen=True, slots=True)
class _Cell:
    col: int
    text: str
    source: Source
    bbox: BBox | None  # where the cell is printed, when the parser kept it


def _column_cells(table: Table) -> list[_Cell]:
    """The cells of a table without header column by column, top down: a page of text in
    columns the parser read as one table."""
    width = max((len(r) for r in table.rows), default=0)
    boxes = {(c.row, c.col): c.bbox for c in table.cells if not table.header}
    out = []
    for col in range(width):
        for index, row in enumerate(table.rows):
            if col < len(row) and row[col].strip():
                src = row_source(table, index)
                for text in _entry_lines(table, index, col):
                    out.append(
                        _Cell(
                            col, text, Source(src.page, src.bbox, row[col]), boxes.get((index, col))
                        )
                    )
    return out


def _entry_lines(table: Table, row: int, col: int) -> list[str]:
    """A cell's text, cut before each of its printed lines that starts a "Country: names" entry
    (the lines of two entries set beside a taller cell are one cell)."""
    printed = table.cell_lines[row][col] if row < len(table.cell_lines) else ()
    if len(table.cell_lines) != len(table.rows) or col >= len(table.cell_lines[row]) or not printed:
        return [" ".join(table.rows[row][col].split())]
    parts: list[list[str]] = []
    for line in printed:
        starts = (m := _LINE.match(line.text.strip())) is not None and _country(m.group("country"))
        if starts or not parts:
            parts.append([])
        parts[-1].append(line.text)
    return [" ".join(" ".join(p).split()) for p in parts]


def _counted_scope(text: str) -> tuple[str, int] | None:
    """The count a heading of a region or kind of member states, None for other text."""
    found = counted(text)
    return found if found is not None and (_region(found[0]) or member_type(found[0])) else None


def _column_lines(
    placed: Placed, table: Table, headings: Sequence[Placed] = ()
) -> tuple[list[Member], list[RegionTotal], Scope]:
    """ "Country: a, b" lines in the columns of a table without header, under the counted
    headings printed in them ("EUROPE (18)", also when the parser cut one over two cells: "8
    members in the" | "Middle East") or printed over a column, where it starts (`headings`:
    those of the page): a line that is no entry goes on with the entry before it unless it ends
    a sentence (prose: it closes the entry). Also the region and kind in force at the table's
    end, for the lines that go on after it."""
    region, kind = _context(placed)
    regions: list[RegionTotal] = []
    entries: list[tuple[str, str, Source, str | None, MemberType | None]] = []
    open_entry = False
    cells = _column_cells(table)
    skip = listed = False
    for at, cell in enumerate(cells):
        if skip:
            skip = False
            continue
        text, src = cell.text, cell.source
        if cell.bbox is not None and (at == 0 or cells[at - 1].col != cell.col):
            # the heading over a column's start; the lowest of the columns before only while
            # no heading printed inside the table has set the scope
            over = _heading_over(cell.bbox, headings, aligned_only=listed)
            if over is not None:
                assert isinstance(over.item, Block)
                region, kind = _context(Placed(over.item, over.page, (*over.headings, over.item)))
        found = _counted_scope(text)
        after = cells[at + 1] if at + 1 < len(cells) else None
        if found is None and after is not None and after.col == cell.col:
            joined = f"{text} {after.text}"
            if (found := _counted_scope(joined)) is not None:
                text, skip = joined, True
        if found is not None:
            listed = True
            region = _region(found[0]) or (None if member_type(found[0]) else region)
            kind = member_type(found[0]) or kind
            if _region(found[0]):
                regions.append(RegionTotal(_region(found[0]) or "", found[1], src))
            open_entry = False
            continue
        match = _LINE.match(text)
        country = _country(match.group("country")) if match else None
        if match and country:
            entries.append((country, match.group("names"), src, region, kind))
            open_entry = True
        elif open_entry and not _SENTENCE_END.search(text):
            country, names, first, r, k = entries[-1]
            entries[-1] = (country, join_lines([names, text]).strip(), first, r, k)
        else:
            open_entry = False
    if len(entries) < _MIN_ENTRIES:
        return [], [], (None, None)
    members = [
        _member(name, country, k or "local_government", r, src)
        for country, names, src, r, k in entries
        for name in split_names(names)
    ]
    return members, regions, (region, kind)


# ---------------------------------------------------------------- lines and country headings


_COLON = re.compile(r"\s*[:：]")
_ENTRY_WORDS = 4  # words a country name before a colon may have


def split_entries(line: str) -> list[str]:
    """A printed line cut before every "Country:" in it: the layout may run several entries
    together ("Cameroon: Andek, Batibo Ethiopia: Addis Ababa"). The country is the longest run of
    words before the colon that the gazetteer knows."""
    cuts: list[int] = []
    for colon in _COLON.finditer(line):
        head = line[: colon.start()]
        words = list(re.finditer(r"\S+", head))
        for n in range(min(_ENTRY_WORDS, len(words)), 0, -1):
            start = words[-n].start()
            if _country(head[start:]):
                cuts.append(start)
                break
    bounds = [0, *(c for c in cuts if c > 0), len(line)]
    pieces = [line[a:b].strip() for a, b in pairwise(bounds)]
    return [p for p in pieces if p] or [line]


def _line_members(
    placed: Placed,
    blocks: Sequence[Block],
    inherit: Scope = (None, None),
    scopes: dict[int, Scope] | None = None,
) -> list[Member]:
    """ "Country: a, b, c" lines, read over consecutive body blocks (a list that wraps goes on in
    the next line, also when the layout starts a new block there; a country alone on its line,
    "United Arab Emirates:", has its names on the next). A block that ends a sentence and does
    not open with an entry is prose: it neither holds nor continues entries. `inherit` is the
    scope a table of loose columns before the lines left in force (it wins over the lines'
    headings: those are the table's too, and it may print later ones), `scopes` the scope of blocks
    by where they are printed (see `_printed_scopes`)."""
    scopes = scopes or {}

    def _prose(block: Block) -> bool:
        match = _LINE.match(block.lines[0]) if block.lines else None
        listed = match is not None and _country(match.group("country")) is not None
        return not listed and bool(_SENTENCE_END.search(block.text.strip()))

    entries: list[tuple[str, str, Block]] = []
    for block in blocks:
        if _prose(block):
            if entries:
                entries.append(("", "", block))  # nothing goes on across prose
            continue
        for line in (piece for printed in block.lines for piece in split_entries(printed)):
            match = _LINE.match(line)
            country = _country(match.group("country")) if match else None
            if match and country:
                entries.append((country, match.group("names"), block))
            elif entries and entries[-1][0]:
                last = entries[-1]
                entries[-1] = (last[0], join_lines([last[1], line]).strip(), last[2])
    region, kind = _context(placed)  # the scope a table of columns left is the later one
    region, kind = inherit[0] or region, inherit[1] or kind
    found = []
    for country, names, block in entries:
        if country:
            here, this_kind = scopes.get(id(block)) or (region, kind)
            src = source(block, text=f"{country}: {names}")
            found += [
                _member(n, country, this_kind or "local_government", here, src)
                for n in split_names(names)
            ]
    return found


def scope_headings(ctx: Context) -> dict[int, list[Placed]]:
    """The headings of a region or kind of member in a section about members, by page (not
    "CENTRAL ASIAN CITIES ALLIANCE" under "AGREEMENTS SIGNED")."""
    by_page: dict[int, list[Placed]] = {}
    for placed in ctx.blocks():
        if isinstance(placed.item, Block) and placed.item.role is BlockRole.HEADING:
            label = (counted(placed.item.text) or (placed.item.text, 0))[0]
            path = Placed(placed.item, placed.page, (*placed.headings, placed.item))
            if (_region(label) or member_type(label)) and in_members(path):
                by_page.setdefault(placed.page, []).append(placed)
    return by_page


def _printed_scopes(ctx: Context) -> dict[int, Scope]:
    """The scope of each block of a page in columns by where it is printed: that of the nearest
    heading of a region or kind of member above it that starts where it starts, or at the top of
    a column, that of the lowest such heading of the columns before (the flow may read the
    columns of a page out of order). A block with no such heading on its page is left to the
    flow."""
    by_page = scope_headings(ctx)
    out: dict[int, Scope] = {}
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or id(block) in {
            id(h.item) for h in by_page.get(placed.page, [])
        }:
            continue
        heading = _heading_over(block.bbox, by_page.get(placed.page, []))
        if heading is not None:
            assert isinstance(heading.item, Block)
            path = Placed(heading.item, heading.page, (*heading.headings, heading.item))
            out[id(block)] = _context(path)
    return out


def _heading_over(
    where: BBox, headings: Sequence[Placed], aligned_only: bool = False
) -> Placed | None:
    """The heading over what is printed at `where`: the nearest above that starts where it
    starts, else (unless `aligned_only`) the lowest of the columns before."""

    def box(p: Placed) -> BBox:
        assert isinstance(p.item, Block)
        return p.item.bbox

    above = [
        h
        for h in headings
        if abs(box(h).x0 - where.x0) <= _ALIGN and box(h).bottom <= where.top + 1
    ]
    if above:
        return max(above, key=lambda h: box(h).bottom)
    if aligned_only:
        return None
    left = [h for h in headings if box(h).x1 <= where.x0 + 1]
    if not left:
        return None
    column = max(box(h).x0 for h in left)
    return max((h for h in left if box(h).x0 >= column - _ALIGN), key=lambda h: box(h).bottom)


_GOES_ON = re.compile(r"^[(&a-z]")  # a line that can only go on with the one before
_OPEN_END = re.compile(r"(&|,|-|\b(and|of|for|de|du|la))$", re.IGNORECASE)  # nor end a name
_CLOSED = re.compile(r"\)$")  # "... (NITDA)": a name ends with its acronym


def _band_below(other: Block, block: Block) -> bool:
    """Whether `other` is a heading printed below the block on its page: it may open a band of
    the page laid out in other columns."""
    return (
        other.role is BlockRole.HEADING
        and other.page_number == block.page_number
        and other.bbox.top >= block.bbox.bottom
    )


def _next_column(ctx: Context, block: Block) -> float:
    """Where the column after the block's starts: the nearest start, right of the block, that
    several blocks of a page share and that none of that page's blocks starting where the block
    does runs past, on a page laid out like the block's (the block's own page, or any page
    where blocks start where it does), and that no block of the block's page starting there
    runs past either (a heading of the block's page printed below it, over the columns of the
    next band, does not count). A column may stand alone on its page (the end of a list)."""
    pages = ctx.document.pages

    def column(page: Page) -> list[Block]:
        return [
            b
            for b in page.body_blocks
            if abs(b.bbox.x0 - block.bbox.x0) <= _ALIGN and not _band_below(b, block)
        ]

    own = next((column(p) for p in pages if p.number == block.page_number), [])
    found = float("inf")
    for page in pages:
        here = column(page)
        starts = Counter(round(b.bbox.x0) for b in page.body_blocks)
        for x, n in starts.items():
            ahead = n > 1 and block.bbox.x0 + _ALIGN < x < found
            if ahead and here and not any(b.bbox.x1 > x for b in (*here, *own)):
                found = x
    return found


def _column_width(ctx: Context, block: Block) -> float:
    """How wide the column a block starts in is: the widest body text of the document set in
    the block's type that starts where it starts, lies within one column of its page (crosses
    no other block's start there) and ends before the next column starts (`_next_column`), at
    least the block's own width. A column holding short names only is as wide as the text
    other pages set in it; a heading or a title in larger type, or text of a page laid out in
    wider columns (a cover, an address on the back page), is no measure of it."""
    room = _next_column(ctx, block) - block.bbox.x0
    widest = block.bbox.width
    for page in ctx.document.pages:
        blocks = page.body_blocks
        column = [
            b
            for b in blocks
            if abs(b.bbox.x0 - block.bbox.x0) <= _ALIGN
            and b.role is BlockRole.BODY
            and abs(b.font_size - block.font_size) <= _SAME_TYPE
            and b.bbox.width < room
        ]
        if not column:
            continue
        edges = {round(b.bbox.x0) for b in blocks}
        for b in column:
            if not any(b.bbox.x0 + _ALIGN < x < b.bbox.x1 - _ALIGN for x in edges):
                widest = max(widest, b.bbox.width)
    return widest


def _overflows(ctx: Context, block: Block, lines: Sequence[str]) -> list[bool]:
    """For each line after the first, whether its first word would not have fitted on the line
    before in the width of the column (`_column_width`): measured on the widths the lines are
    printed in when the parser kept them, else with a character as wide as the block's longest
    line."""
    width = _column_width(ctx, block)
    measured = len(block.line_widths) == len(lines) == len(block.lines)
    widths = (
        list(block.line_widths)
        if measured
        else [len(line) * block.bbox.width / max(len(x) for x in lines) for line in lines]
    )
    out = []
    for (_, wide), (line, after) in pairwise(zip(lines, widths, strict=True)):
        char = after / max(len(line), 1)  # the next line's own type tells its word's width
        out.append(wide + char * (1 + len(line.split()[0])) > width)
    return out


def line_names(lines: Sequence[str], full: Sequence[bool]) -> list[str]:
    """A block of one name a line (not all of it one name), with each name wrapped to the width
    of its column put back together: a line goes on with the one before when the first word of
    it would not have fitted on that one (`full`, from `_overflows`), unless the one before
    closes a name with its acronym; a line that opens with a bracket, "&" or a small letter, or
    follows one that ends on "and", "of", "," or "-", always goes on. A name closed by its
    acronym starts where the words its letters stand for start (`_by_acronym`)."""
    groups = [[lines[0].strip()]]
    for i, (before, line) in enumerate(pairwise(x.strip() for x in lines)):
        closed = _CLOSED.search(before)
        if _GOES_ON.match(line) or _OPEN_END.search(before) or (full[i] and not closed):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [join_lines(part) for group in groups for part in _by_acronym(group)]


_ACRONYM = re.compile(r"\((?P<letters>[A-Z][A-Za-z0-9]*)(?:-[A-Za-z0-9]+)?\)$")
_SMALL_WORDS = frozenset(
    ("a", "an", "and", "at", "de", "des", "du", "for", "in", "la", "of", "on", "the", "und", "y")
)


def _initials(text: str) -> str:
    return "".join(
        w[0].upper() for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _SMALL_WORDS
    )


def _by_acronym(lines: Sequence[str]) -> list[Sequence[str]]:
    """The lines of one name as put together, or, when they end with an acronym in brackets
    that the initials of all of them do not spell but those of the lines from one on do
    ("Digital Collaborative Platform" over "National Information Technology" over "Development
    Agency (NITDA)"), two names: the lines before that one, and the name the acronym stands
    for."""
    found = _ACRONYM.search(lines[-1]) if len(lines) > 1 else None
    if found is None:
        return [lines]
    letters = found.group("letters").upper()

    def spelt(part: Sequence[str]) -> bool:
        return _initials(_ACRONYM.sub("", " ".join(part))).startswith(letters)

    if spelt(lines):
        return [lines]
    start = next((k for k in range(1, len(lines)) if spelt(lines[k:])), None)
    return [lines] if start is None else [lines[:start], lines[start:]]


def _heading_members(
    ctx: Context, placed: Placed, heading: Block, scopes: dict[int, Scope]
) -> list[Member]:
    """A country sub-heading over its names: a comma-separated paragraph or one name a line,
    in the scope it is printed in (`_printed_scopes`), else the flow's."""
    country = _country(heading.text)
    if country is None:
        return []
    region, kind = scopes.get(id(heading)) or _context(placed)
    this_kind = kind or "local_government"
    found: list[Member] = []
    before: Block | None = None
    for item in section_items(ctx, heading):
        block = item.item
        if not isinstance(block, Block) or block.role is BlockRole.HEADING:
            break
        text = block.text
        lines = [line for line in block.lines if line.strip()]
        one = "," in text or len(lines) <= 1
        if one:
            names = split_names(text)
        elif all(full := _overflows(ctx, block, lines)):  # wrapped: one name, or two that
            names = [join_lines(part) for part in _by_acronym(lines)]  # its acronym tells apart
        else:
            names = line_names(lines, full)
        src = source(block)
        if before is not None and found and names and one and _cut_name(before, block):
            found[-1] = replace(found[-1], name=f"{found[-1].name} {names.pop(0)}")
        found += [_member(" ".join(n.split()), country, this_kind, region, src) for n in names]
        before = block
    return found


def _cut_name(before: Block, block: Block) -> bool:
    """Whether a comma-separated list cut at the end of a column or page goes on in the block
    in the middle of its last name: the list ends without a comma ("..., Khartoum State,
    North") and goes on in another column or on another page ("Kordofan State, ...")."""
    ends = before.text.rstrip()
    moved = block.page_number != before.page_number or abs(block.bbox.x0 - before.bbox.x0) > _ALIGN
    return moved and "," in ends and not ends.endswith((",", ";")) and bool(block.text.strip())


_COUNTS_MEMBERS = re.compile(r"^(?:[\w'’-]+\s+){0,2}?members\b", re.IGNORECASE)


def _tile_totals(ctx: Context) -> list[StatedTotal]:
    """A tile that counts members: a whole number without unit over a label that names the
    members it counts ("214" over "members as of December 2023", "WeGO members"; not "USD 3.4M"
    over "raised for member city projects")."""
    out = []
    for placed in ctx.tiles():
        tile = placed.item
        if not isinstance(tile, Tile) or NEW.search(tile.label):
            continue
        quantity = parse_quantity(tile.value_text)
        if not _COUNTS_MEMBERS.match(tile.label.strip()) or quantity is None or quantity.unit:
            continue
        if isinstance(quantity.value, int):
            kind = member_type(tile.label)
            scope = TYPE_SCOPES[kind] if kind else "members.total"
            source = Source(tile.page_number, tile.bbox, tile.label)
            out.append(StatedTotal(scope, quantity.value, source))
    return out


_NUMBER = re.compile(r"^\d{1,5}$")
_SAME_LINE = 2.5  # pt: how far apart the tops of a heading and a number on its line may be


def _with_count(heading: Block, number: Block) -> str:
    """The heading's text with a number printed inside or after it (in a type of its own, so the
    parser made it a block) put back where it is printed: after the line it is level with, or
    in a heading of one line at the nearest word boundary."""
    lines = [line for line in heading.lines if line.strip()]
    if len(lines) > 1:
        step = heading.bbox.height / len(lines)
        k = min(len(lines) - 1, max(0, round((number.bbox.top - heading.bbox.top) / step)))
        return " ".join([*lines[: k + 1], number.text.strip(), *lines[k + 1 :]])
    text = " ".join(heading.text.split())
    at = (number.bbox.x0 - heading.bbox.x0) / (heading.bbox.width / max(len(text), 1))
    bounds = [0, *(i for i, c in enumerate(text) if c == " "), len(text)]
    cut = min(bounds, key=lambda i: abs(i - at))
    return " ".join(f"{text[:cut]} {number.text.strip()} {text[cut:]}".split())


def mend_counts(ctx: Context) -> tuple[Context, set[int]]:
    """The flow with headings that state no count given the number printed on their line
    ("MIDDLE EAST — [7] MEMBERS"), and the ids of those number blocks."""
    numbers: dict[int, list[Block]] = {}
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.BODY:
            continue
        if _NUMBER.match(block.text.strip()):
            numbers.setdefault(placed.page, []).append(block)
    mended: dict[int, Block] = {}
    used: set[int] = set()
    for placed in ctx.blocks():
        heading = placed.item
        if not isinstance(heading, Block) or heading.role is not BlockRole.HEADING:
            continue
        if counted(heading.text) is not None:
            continue
        box = heading.bbox
        for number in numbers.get(placed.page, []):
            if abs(number.bbox.top - box.top) > _SAME_LINE or not box.x0 < number.bbox.x0:
                continue
            if number.bbox.x0 > box.x1 + 2 * heading.font_size:
                continue
            text = _with_count(heading, number)
            if counted(text) is not None:
                mended[id(heading)] = replace(heading, text=text, lines=(text,))
                used.add(id(number))
                break
    if not mended:
        return ctx, used
    items = [
        Placed(
            mended.get(id(p.item), p.item) if isinstance(p.item, Block) else p.item,
            p.page,
            tuple(mended.get(id(h), h) for h in p.headings),
        )
        for p in ctx.items
    ]
    return Context(ctx.document, ctx.nlp, items), used


_OPEN_HEADING = re.compile(r"(-|&|,|\b(in|the|of|and|from|across|for))$", re.IGNORECASE)


def _cut_after(heading: Block, other: Block) -> str | None:
    """The text of a heading of a region the layout cut in two on its line ("8 MEMBERS IN THE"
    | "MIDDLE EAST", "78 MEMBERS IN ASIA-" | "PACIFIC", "MIDDLE EAST — 8" | "MEMBERS"), put
    back together: `other` is the next heading, printed after it on its line, the first part
    does not end a heading (it ends on a hyphen, "in", "the", "and" ...) or the second says
    "MEMBERS" only, and the whole counts a region's members."""
    if other.role is not BlockRole.HEADING or other.page_number != heading.page_number:
        return None
    a, b = heading.bbox, other.bbox
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    if b.x0 < a.x1 - 1 or overlap <= 0.5 * min(a.height, b.height):
        return None
    lines = [line for line in heading.lines if line.strip()]
    members_only = not _MEMBER_WORDS.sub(" ", other.text).strip()
    if not lines or not (_OPEN_HEADING.search(lines[-1].strip()) or members_only):
        return None
    text = join_lines([" ".join(heading.text.split()), " ".join(other.text.split())])
    found = counted(text)
    return text if found is not None and _region(found[0]) else None


def mend_cut_headings(ctx: Context) -> Context:
    """The flow with each heading of a region cut in two on its line (`_cut_after`) read as one
    heading: the first part takes the whole text, the second is dropped and what was placed
    under it goes under the whole."""
    blocks = [p for p in ctx.blocks() if isinstance(p.item, Block)]
    mended: dict[int, Block] = {}
    dropped: set[int] = set()
    for placed, after in pairwise(blocks):
        first, second = placed.item, after.item
        assert isinstance(first, Block) and isinstance(second, Block)
        if first.role is not BlockRole.HEADING or id(first) in dropped:
            continue
        text = _cut_after(first, second)
        if text is None:
            continue
        whole = replace(first, text=text, lines=(text,), bbox=first.bbox.union(second.bbox))
        mended[id(first)] = mended[id(second)] = whole
        dropped.add(id(second))
    if not mended:
        return ctx
    items = []
    for p in ctx.items:
        if id(p.item) in dropped:
            continue
        item = mended.get(id(p.item), p.item) if isinstance(p.item, Block) else p.item
        path = {id(h): mended.get(id(h), h) for h in p.headings}  # both parts: the whole once
        items.append(Placed(item, p.page, tuple({id(h): h for h in path.values()}.values())))
    return Context(ctx.document, ctx.nlp, items)


def _mended_regions(ctx: Context, stated: set[str]) -> list[RegionTotal]:
    """Region totals of counted headings whose label names the region only with a word about
    members inside it (see `_region`); the other headings are read by `heading_totals`."""
    out: list[RegionTotal] = []
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.HEADING:
            continue
        found = counted(block.text)
        if found is None or normalize_region(found[0]) or NEW.search(found[0]):
            continue
        region = _region(found[0])
        if region and region not in stated:
            out.append(RegionTotal(region, found[1], source(block)))
            stated.add(region)
    return out


def _once(members: Sequence[Member]) -> list[Member]:
    """The members with a printed entry read twice (the last row of a table and the header of
    its continuation) kept once: the same name from the same words on the same page."""
    seen: set[tuple[str, str | None, str, str | None, int, str]] = set()
    out = []
    for m in members:
        key = (m.name, m.country, m.member_type, m.region, m.source.page, m.source.source_text)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def extract(ctx: Context) -> Overview:
    ctx, numbers = mend_counts(mend_cut_headings(ctx))
    totals, regions = heading_totals(ctx)
    regions += _mended_regions(ctx, {r.region for r in regions})
    stated_regions = {r.region for r in regions}
    members, used = _grid_members(ctx)
    used |= numbers
    printed = _printed_scopes(ctx)
    by_page = scope_headings(ctx)
    lines: list[Block] = []  # consecutive body blocks of a members section
    last: Placed | None = None

    carried: tuple[tuple[Block, ...], Scope] | None = None  # what a table of columns left
    listing: Scope | None = None  # the scope of the members table read last, up to a heading
    listed_under: tuple[Block, ...] = ()  # the headings the flow placed that table under

    def add_regions(found: Sequence[RegionTotal]) -> None:
        """Region totals read in the flow, each region's first only."""
        for total in found:
            if total.region not in stated_regions:
                regions.append(total)
                stated_regions.add(total.region)

    def flush() -> None:
        if lines and last is not None:
            inherit = carried[1] if carried and carried[0] == last.headings else (None, None)
            members.extend(_line_members(last, lines, inherit, printed))
        lines.clear()

    for placed in ctx.items:
        item = placed.item
        if isinstance(item, KeyValues) or id(item) in used:
            continue  # the same lines, read as blocks / as a table
        goes_on = False  # a table continued after a break, its first row taken for a header
        moved = False  # a table the flow placed under a heading of another column
        flow = placed.headings
        if isinstance(item, Table):
            goes_on = (whole := headless(item)) is not item
            item = whole
            placed = replace(placed, item=item)
            if moved := _misplaced(placed, item):
                placed = _under_heading(ctx, placed, [item.bbox])
        section = in_members(placed)
        if isinstance(item, Block) and item.role is BlockRole.BODY and section:
            if last is not None and last.headings != placed.headings:
                flush()
            lines.append(item)
            last = placed
            continue
        flush()
        if isinstance(item, Table) and section and not item.header and not column_pairs(item):
            found, listed, scope = _column_lines(placed, item, by_page.get(placed.page, []))
            members.extend(found)
            carried = (placed.headings, scope) if found else carried
            add_regions(listed)
        elif isinstance(item, Table):
            for index, part in enumerate(_parts(item)):
                table, own = part.table, _heading_scope(placed, part.heading)
                if own is not None:
                    inherited: Scope | None = own
                    told = _part_regions(table, part.heading)
                    add_regions(told)
                elif index or goes_on:
                    inherited = listing
                else:  # a table going on from the one read last, under no heading of its own
                    again = listing is not None and flow == listed_under and not moved
                    inherited = listing if again and _above(table) is None else None
                scope = inherited or table_scope(placed, table)
                if scope[0] is None and scope[1] in (None, "local_government"):
                    scope = (_region_beside(by_page.get(placed.page, []), placed, table), scope[1])
                found = _table_members(placed, table, section, scope)
                members.extend(found)
                if found:
                    listing, listed_under = scope, placed.headings
                add_regions(_table_regions(table))
        elif isinstance(item, Block) and item.role is BlockRole.HEADING:
            listing = None
            if section:
                members.extend(_heading_members(ctx, placed, item, printed))
    flush()
    members = _once(members)
    stated = {t.scope for t in totals}
    for extra in (*prose_totals(ctx), *_tile_totals(ctx)):
        if extra.scope not in stated:
            totals.append(extra)
            stated.add(extra.scope)
    return Overview(totals, regions, members)
