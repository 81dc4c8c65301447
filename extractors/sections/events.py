"""Events the organization ran: headings with their dates, from activity pages and timelines.

The shapes, all found by layout: a heading followed by date lines ("June 22, 2021 (Part 1)"; a
long title the document model took for body text, over its date lines and its description,
too), a title ending in its date ("Network Seminar (June 29)"; a heading, or a body block that
reads as a title: the document model does not always see a heading), a timeline where a date
label heads one or more event names ("NOV 25" / two workshops, one a line when they share a
block; the names printed under the label, wherever the reading order put them, and no text
after the last entry), a run of body date lines each followed by one name, date blocks with
their names printed beside them (a list set with white space, read as blocks), and a table
with a date and an event column (rows a wrapped cell split in two joined back, a header the
table took for a body row found, a table going on without its header read with the header of
the table it continues, or with its column labels the parser left as blocks where the column
before it ends). Timeline entries describe the same events as the activity pages, so an entry
is merged into the heading event with the same dates (the most similar one when several share
them). Events in parts become one event per part, named "<heading> (Part N)".
Headings under agreements, new-members and partner-events sections are not events."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from extractors.flow import Placed
from extractors.model import Block, BlockRole, Table
from extractors.records import OrganizedEvent, Source
from extractors.sections import agreements, continued, new_members
from extractors.sections.bands import regroup
from extractors.sections.base import Context, row_source
from extractors.sections.dated import date_only, trailing_date, trailing_parts
from extractors.sections.grid import block_tables, label_rows
from extractors.sections.stacked import carried_on, following

_MAX_NAME_WORDS = 25
_DATE_COL = re.compile(r"\b(date|dates|when|day)\b", re.I)
_EVENT_COL = re.compile(
    r"\b(event|events|activity|activities|name|title|programme|program)\b", re.I
)
_OTHER_COL = re.compile(r"\b(theme|topic|subject|organi[sz]er|host|partner)\b", re.I)
# the words that say what kind of event a title names ("... Workshop on Urban Resilience")
_KIND = re.compile(
    r"\b(workshops?|webinars?|seminars?|forums?|meetings?|conferences?|summits?|courses?|"
    r"assembl(y|ies)|ceremon(y|ies)|festivals?|symposi(um|a)|roundtables?|sessions?|"
    r"dialogues?|exhibitions?|expos?|hackathons?|programs?|programmes?|trainings?)\b",
    re.I,
)
# a name that breaks off here goes on: after a word that joins ("Workshop on") or a dash
_OPEN_END = re.compile(r"(\b(of|on|for|and|the|in|into|to|with|at|by|from|a|an)|[-–—:&,/])$", re.I)
# the events of others the organization took part in: their own section, not its activities
PARTNER_CUE = re.compile(
    r"\b(partners?'?|external|joined|participat\w*|stages?)\b.*\b(events?|stages?)\b|\b(events?)\b.*\b(joined|attended)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    event: OrganizedEvent
    timeline: bool


def _excluded(block: Block, headings: tuple[Block, ...], titles: dict[int, str]) -> bool:
    return _excluded_path((*headings, block), titles)


def _excluded_path(headings: tuple[Block, ...], titles: dict[int, str]) -> bool:
    cues = (agreements.CUE, new_members.CUE, PARTNER_CUE)
    return any(cue.search(titles.get(id(h), h.text)) for h in headings for cue in cues)


def _titles(ctx: Context) -> dict[int, str]:
    """The whole title of each heading that is a piece of one: headings of one level printed on
    one line, which the layout split where a word gap stepped over a column gutter ("ON
    PARTNER" | "STAGES")."""
    titles: dict[int, str] = {}
    for page in ctx.document.pages:
        heads = [b for b in page.blocks if b.role is BlockRole.HEADING]
        for head in heads:
            level = max(2.0, 0.3 * head.font_size)
            line = sorted(
                (
                    b
                    for b in heads
                    if b.heading_level == head.heading_level
                    and abs(b.bbox.top - head.bbox.top) <= level
                ),
                key=lambda b: b.bbox.x0,
            )
            if len(line) > 1:
                titles[id(head)] = " ".join(b.text for b in line)
    return titles


def _name(text: str) -> str:
    # "Co -creation", "Pre - workshop": spaces the text layer put around a hyphen inside a word
    # (a dash between words stands before a capital: "WeGO - Seoul"); "Pre- workshop": a word
    # hyphenated where its line wrapped
    text = re.sub(r"(?<=\w) -(?=\w)", "-", " ".join(text.split()))
    text = re.sub(r"(?<=\w) ?- (?=[a-z])", "-", text)
    # "PRE - WORKSHOP": set in capitals, a prefix of a word shows the hyphen is inside one
    return _PREFIX_DASH.sub(r"\1-", text)


_PREFIX_DASH = re.compile(
    r"\b(pre|post|co|re|non|sub|inter|multi|cross|anti|mid|semi|self) ?- ?(?=\w)", re.I
)


def _titled(block: Block, year: int | None) -> list[_Candidate]:
    """A block that is an event's title with its own date: "Network Seminar (June 29)", or
    "Webinar Series (Part 1: 7 March; Part 2: 4 April)" (one event a part)."""
    src = Source(block.page_number, block.bbox, block.text)
    if (own := trailing_date(block.text, year)) is not None:
        name, start, end = own
        return [_Candidate(OrganizedEvent(_name(name), start, end, src), False)]
    parts = trailing_parts(block.text, year)
    return [_Candidate(OrganizedEvent(_name(n), a, b, src), False) for n, a, b in parts]


_SENTENCE_END = re.compile(r"[.!?;](\s|$)")
_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_like(text: str) -> bool:
    """Reads as a title, not a line of prose: short, no sentence end, and most of its longer
    words capitalized ("Workshop on Urban Resilience", "e-Government Thematic Group")."""
    core = re.sub(r"\([^()]*\)\s*$", "", text).strip()
    words = _WORD.findall(core)
    if not words or len(core.split()) > _MAX_NAME_WORDS or _SENTENCE_END.search(core):
        return False
    capitalized = sum(1 for w in words if any(c.isupper() for c in w[:3]))
    return capitalized * 2 >= len(words)


def _is_label(blocks: list[Block], i: int, year: int | None, page_blocks: list[Block]) -> bool:
    """A date heading that heads short event names (a timeline), not a heading's date line: the
    block under it in its column (or next in the flow) is a short name, no heading or date."""
    block = blocks[i]
    if block.role is not BlockRole.HEADING or i + 1 >= len(blocks):
        return False
    nxt = following(block, blocks[i + 1 : i + 2], page_blocks)[0]
    return (
        nxt.role is not BlockRole.HEADING
        and len(nxt.text.split()) <= _MAX_NAME_WORDS
        and date_only(nxt.text, year) is None
    )


def _timeline(
    ctx: Context, blocks: list[Block], i: int, when: tuple[date, date], page_blocks: list[Block]
) -> list[_Candidate]:
    """The names a date label heads: the blocks under it in its column (the flow may read a
    timeline set in columns across), or the flow's next blocks."""
    label = blocks[i]
    found = []
    for k, item in enumerate(following(label, blocks[i + 1 : i + 4], page_blocks)):
        if item.role is BlockRole.HEADING or len(item.text.split()) > _MAX_NAME_WORDS:
            break
        if k and not _title_like(item.text):
            break  # the text after the timeline's last entry
        where = Source(item.page_number, item.bbox.union(label.bbox), item.text)
        names = _entry_names(item, _column_right(ctx, item))
        if _open_name(names[-1]):  # the name may go on where its column goes on
            piece = carried_on(item, [page.blocks for page in ctx.document.pages])
            if piece is not None and _name_end(piece, ctx.year):
                names[-1] = f"{names[-1]} {piece.text}"
        for name in names:
            event = OrganizedEvent(_name(name), when[0], when[1], where)
            found.append(_Candidate(event, True))
    return found


_PART_REF = re.compile(r"\((part|session|day)\s+\w+\)", re.I)


def _open_name(name: str) -> bool:
    """A name that says no kind of event yet and ends no sentence: it may be broken over columns
    or pages ("Co-creation of Empowering Smart Cities through Citizen Engagement" / "Webinar")."""
    return not _KIND.search(name) and not _SENTENCE_END.search(name)


def _name_end(piece: Block, year: int | None) -> bool:
    """Is the piece of text where the column goes on the end of an open name ("Smart City
    Policy" / "Training Program")? One line of nothing but words of a kind ("Webinars (Part
    2)"), no date: no title of its own ("Harbour Board Meeting")."""
    words = _PART_REF.sub("", piece.text).split()
    return (
        piece.role is BlockRole.BODY
        and len(piece.lines) <= 1
        and 0 < len(words) <= 3
        and all(_KIND.fullmatch(w) for w in words)
        and date_only(piece.text, year) is None
    )


def _column_right(ctx: Context, block: Block) -> float:
    """Where the text column of a block ends, as far as the text shows: the right edge of the
    body blocks that start where it starts on its page, and of the wrapped paragraphs that do
    anywhere in the document."""

    def aligned(b: Block) -> bool:
        return (
            b.role is BlockRole.BODY
            and b.column == block.column
            and abs(b.bbox.x0 - block.bbox.x0) < 3
        )

    edges = [block.bbox.x1]
    for page in ctx.document.pages:
        here = page.number == block.page_number
        edges += [b.bbox.x1 for b in page.blocks if aligned(b) and (here or len(b.lines) > 1)]
    return max(edges)


def _entry_names(block: Block, column_right: float) -> list[str]:
    """The names a timeline entry lists, one a line; a line continues the name above it when
    that line had no room left for the line's first word (the name wrapped). Where the block
    knows where its lines are printed, the room is measured: the line above ends short of the
    column by more than the first word takes (as wide as that line sets its letters)."""
    if len(block.line_boxes) == len(block.lines) >= 2:
        return _measured_names(block, column_right)
    lines = [line.strip() for line in block.lines if line.strip()]
    if len(lines) < 2:
        return [block.text]
    char = block.bbox.width / max(len(line) for line in lines)
    room = column_right - block.bbox.x0
    names = [lines[0]]
    for above, line in pairwise(lines):
        needed = (len(above) + 1 + len(line.split()[0])) * char
        # a little room could be the estimate's error: then a new name must look like one
        if (
            needed <= 0.6 * room
            or (needed <= 0.85 * room and not line[:1].islower())
            or _starts_title(names[-1], line)
        ):
            names.append(line)
        else:
            names[-1] = f"{names[-1]} {line}"
    return names


def _starts_title(name: str, line: str) -> bool:
    """Does the line start a name of its own after the name above, whatever room the line above
    had left? The name above is a whole title (it says its kind of event and ends on no word
    that joins), and the line, capitalized, names its own kind of event after its first word
    ("AFSCN Workshop on Urban Resilience" / "LASCN Workshop on Digital Urban"; but "Smart City
    Policy" / "Training Program" is one name: a kind that starts the line ends the name)."""
    words = line.split()
    return (
        bool(_KIND.search(name))
        and not _OPEN_END.search(name.rstrip())
        and line[:1].isupper()
        and bool(_KIND.search(" ".join(words[1:])))
    )


def _measured_names(block: Block, column_right: float) -> list[str]:
    printed = [(line.strip(), box) for line, box in zip(block.lines, block.line_boxes, strict=True)]
    printed = [(line, box) for line, box in printed if line]
    if len(printed) < 2:
        return [block.text]
    names = [printed[0][0]]
    for (_, above), (line, box) in pairwise(printed):
        # the word and a space, as wide as the line sets its letters, and one letter more
        # for the estimate's error: a line that ends as short as that was broken on purpose
        char = box.width / len(line)
        needed = (2 + len(line.split()[0])) * char
        fits = above.x1 + needed <= column_right
        if (fits and not line[:1].islower()) or _starts_title(names[-1], line):
            names.append(line)
        else:
            names[-1] = f"{names[-1]} {line}"
    return names


def _listed(blocks: list[Block], dates: list[tuple[date, date, str | None] | None]) -> set[int]:
    """Date lines that each head one event name, in a run of at least two ("24 February" /
    "Kickoff Meeting" / "3 May" / "Network Forum"): a list of events outside any table. A run
    with a name before its first date or a date after its last name may be names over their
    date lines instead, and is left alone."""

    def is_date(i: int) -> bool:
        return 0 <= i < len(blocks) and dates[i] is not None and blocks[i].role is BlockRole.BODY

    def is_name(i: int) -> bool:
        return (
            0 <= i < len(blocks)
            and dates[i] is None
            and blocks[i].role is BlockRole.BODY
            and _title_like(blocks[i].text)
            and trailing_date(blocks[i].text, None) is None
        )

    found: set[int] = set()
    i = 0
    while i < len(blocks):
        run = i
        while is_date(run) and is_name(run + 1):
            run += 2
        if run - i >= 4 and not is_name(i - 1) and not is_date(run):
            found.update(range(i, run, 2))
        i = max(run, i + 1)
    return found


def _has_neighbour(block: Block, page: list[Block]) -> bool:
    """Is another block of its column printed on the block's first line, beside it?"""
    level = max(2.0, 0.3 * block.font_size)
    return any(
        b is not block
        and b.column == block.column
        and abs(b.bbox.top - block.bbox.top) <= level
        and (b.bbox.x0 >= block.bbox.x1 - 1 or b.bbox.x1 <= block.bbox.x0 + 1)
        for b in page
    )


def _body_title(
    block: Block,
    i: int,
    listed: set[int],
    page: list[Block],
    blocks: list[Block],
    dated: Callable[[Block], list[tuple[date, date, str | None]]],
    index: dict[int, int],
) -> list[_Candidate]:
    """A title the layout did not take for a heading (a long one, wrapped over many lines of a
    narrow column), over its date lines and then its description. (Names over date lines in a
    list, each date followed by the next name over its date, are left alone.)"""
    if i in listed or i - 1 in listed or dated(block) or _has_neighbour(block, page):
        return []  # a name of a list, or a label or cell of a table set with white space
    found, after = _date_lines(block, following(block, blocks[i + 1 : i + 5], page), dated)
    if after is None or after.role is BlockRole.HEADING:
        return []
    rest = following(after, blocks[index[id(after)] + 1 : index[id(after)] + 2], page)
    return [] if rest and dated(rest[0]) else found


def _beside(
    blocks: list[Block], dates: list[tuple[date, date, str | None] | None]
) -> dict[int, Block]:
    """Date blocks each with an event name printed beside it, on its first line (a "Date |
    Event" table set with white space that the parser left as blocks): two such pairs or more
    on a page. Keyed by the date block's index."""
    pairs: dict[int, Block] = {}
    for i, block in enumerate(blocks):
        if dates[i] is None or block.role is not BlockRole.BODY:
            continue
        level = max(2.0, 0.3 * block.font_size)
        names = [
            b
            for j, b in enumerate(blocks)
            if b.page_number == block.page_number
            and b.role is BlockRole.BODY
            and dates[j] is None
            and abs(b.bbox.top - block.bbox.top) <= level
            and b.bbox.x0 >= block.bbox.x1 - 1
            and _title_like(b.text)
        ]
        if names:
            pairs[i] = min(names, key=lambda b: b.bbox.x0)
    per_page = [blocks[i].page_number for i in pairs]
    return {i: b for i, b in pairs.items() if per_page.count(blocks[i].page_number) >= 2}


def _candidates(ctx: Context, items: list[Placed], titles: dict[int, str]) -> list[_Candidate]:
    placed = [p for p in items if isinstance(p.item, Block)]
    blocks = [p.item for p in placed if isinstance(p.item, Block)]
    dates = [date_only(b.text, ctx.year) for b in blocks]
    pages: dict[int, list[Block]] = {}
    for b in blocks:
        pages.setdefault(b.page_number, []).append(b)
    labels = {
        i
        for i, d in enumerate(dates)
        if d and _is_label(blocks, i, ctx.year, pages[blocks[i].page_number])
    }
    listed = _listed(blocks, dates)
    beside = _beside(blocks, dates)
    column_labels = _label_rows(ctx)
    index = {id(b): i for i, b in enumerate(blocks)}

    def dated_item(item: Block) -> list[tuple[date, date, str | None]]:
        """The dates of a block of date lines, one a line (none if it is anything else)."""
        if index[id(item)] in labels or index[id(item)] in beside:
            return []  # a timeline's label, or the date of the name beside it
        lines = [d for line in item.lines if (d := date_only(line, ctx.year))]
        return lines if len(lines) == len(item.lines) else []

    found: list[_Candidate] = []
    for i, block in enumerate(blocks):
        if _excluded(block, placed[i].headings, titles) or id(block) in column_labels:
            continue  # a "Date" | "Event" label is no title
        when = dates[i]
        page = pages[block.page_number]
        if block.role is not BlockRole.HEADING:
            if i in beside and when is not None:
                entry = beside[i]
                text = f"{block.text} | {entry.text}"
                src = Source(block.page_number, block.bbox.union(entry.bbox), text)
                event = OrganizedEvent(_name(entry.text), when[0], when[1], src)
                found.append(_Candidate(event, False))
            elif i in listed and when is not None:
                entry = blocks[i + 1]
                text = f"{block.text} {entry.text}"
                src = Source(block.page_number, block.bbox.union(entry.bbox), text)
                event = OrganizedEvent(_name(entry.text), when[0], when[1], src)
                found.append(_Candidate(event, True))
            elif block.role is BlockRole.BODY and _title_like(block.text):
                found += _titled(block, ctx.year) or _body_title(
                    block, i, listed, page, blocks, dated_item, index
                )
            continue
        if i in labels and when is not None:
            found.extend(_timeline(ctx, blocks, i, (when[0], when[1]), page))
            continue
        if when is not None:
            continue  # a date line of the heading before it
        if own := _titled(block, ctx.year):
            found += own
            continue
        found += _date_lines(block, following(block, blocks[i + 1 : i + 4], page), dated_item)[0]
    return found


def _date_lines(
    block: Block, below: list[Block], dated: Callable[[Block], list[tuple[date, date, str | None]]]
) -> tuple[list[_Candidate], Block | None]:
    """The events of a title from the date lines under it ("22 June (Part 1)" / "29 September
    (Part 2)": one event a part), and the block under those lines (None if none)."""
    found: list[_Candidate] = []
    for item in below:
        lines = dated(item)
        if not lines:
            return found, item if found else None
        where = Source(block.page_number, block.bbox.union(item.bbox), f"{block.text} {item.text}")
        for start, end, part in lines:
            name = f"{block.text} (Part {part})" if part else block.text
            found.append(_Candidate(OrganizedEvent(_name(name), start, end, where), False))
    return found, None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _merge(candidates: list[_Candidate]) -> list[OrganizedEvent]:
    """Activity-page events, plus the timeline entries that describe no activity. Entries and
    activities with the same dates are paired by word overlap, best pairs first; a last unpaired
    entry and activity on the same dates are the same event under two names."""
    events: list[OrganizedEvent] = []
    seen: set[tuple[str, date]] = set()
    for event in (c.event for c in candidates if not c.timeline):
        key = (event.name.casefold(), event.start_date)
        if key not in seen:
            seen.add(key)
            events.append(event)
    entries = [c.event for c in candidates if c.timeline]
    for dates in dict.fromkeys((e.start_date, e.end_date) for e in entries):
        todo = [e for e in entries if (e.start_date, e.end_date) == dates]
        open_events = [e for e in events if (e.start_date, e.end_date) == dates]
        pairs = sorted(
            ((_similarity(t.name, e.name), i, j) for i, t in enumerate(todo)
             for j, e in enumerate(open_events)),
            reverse=True,
        )  # fmt: skip
        used_t: set[int] = set()
        used_e: set[int] = set()
        for sim, i, j in pairs:
            if sim > 0 and i not in used_t and j not in used_e:
                used_t.add(i)
                used_e.add(j)
        left_t = [i for i in range(len(todo)) if i not in used_t]
        left_e = [j for j in range(len(open_events)) if j not in used_e]
        if len(left_t) == 1 and len(left_e) == 1:
            left_t = []
        events.extend(todo[i] for i in left_t)
    return sorted(events, key=lambda e: (e.start_date, e.end_date, e.name))


_GLUED_ROWS = 6  # how far down a table the labels of its second half may be glued on
_HEADER_WORDS = 5  # a longer header cell is text the table took in, not a column label
_RANGE_EDGE = re.compile(r"^\s*[-–—~]|[-–—~]\s*$")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _columns(header: tuple[str, ...]) -> list[tuple[int, int]]:
    """(date column, event column) pairs of a header: one pair, or one per half of a table
    printed twice side by side ("Date | Event | Date | Event")."""
    dates: list[int] = []
    names: list[int] = []
    for i, cell in enumerate(header):
        lead = " ".join(cell.split()[:3])
        is_date, is_name = bool(_DATE_COL.search(lead)), bool(_EVENT_COL.search(lead))
        if is_date != is_name:
            (dates if is_date else names).append(i)
    if not dates or not names:
        return []
    if len(dates) == len(names):
        return list(zip(dates, names, strict=True))
    return [(dates[0], names[0])]


def _header(table: Table) -> tuple[tuple[str, ...], int]:
    """The header and the index of the first body row: the table's own header, or a row near
    the top that reads as one (a header the table took for a body row)."""
    if _columns(table.header):
        return table.header, 0
    for index, row in enumerate(table.rows[:6]):
        if _columns(row):
            return row, index + 1
    return table.header, 0


def _continues(date_text: str, cell: str, year: int | None) -> bool:
    """Does a row's date cell carry on the date of the row above (a cell wrapped over rows:
    "14" / "September", "27 September" / "– 8 October", "15 November –" / "3 December")?"""
    if not cell:
        return True
    if not date_text:
        return False
    if _RANGE_EDGE.search(date_text) or _RANGE_EDGE.search(cell):
        return True
    if _YEAR.fullmatch(cell) and not _YEAR.search(date_text):
        return True  # "September 27 – October 8," / "2021": the year of the date above
    joined = date_only(f"{date_text} {cell}", year)
    if joined is None:
        return False
    alone = date_only(date_text, year)
    if alone is None:
        # "14" / "September"; "November 15 – December" / "3, 2021": a cell no date alone either
        return len(date_text.split()) <= 3 or date_only(cell, year) is None
    # "29 September – 10" / "October": the cell is no date alone, but completes the range
    return date_only(cell, year) is None and joined[:2] != alone[:2]


def _table_rows(
    rows: tuple[tuple[str, ...], ...], first: int, when: int, name: int, year: int | None
) -> list[tuple[str, str, list[int]]]:
    """(date text, name text, row indices) of each event, rows wrapped over several table rows
    joined back."""
    records: list[tuple[str, str, list[int]]] = []
    for index in range(first, len(rows)):
        row = rows[index]
        day = row[when].strip() if when < len(row) else ""
        title = row[name].strip() if name < len(row) else ""
        if not day and not title:
            continue
        if records and _continues(records[-1][0], day, year):
            text, label, indices = records[-1]
            records[-1] = (f"{text} {day}".strip(), f"{label} {title}".strip(), [*indices, index])
        else:
            records.append((day, title, [index]))
    return records


def _rows_source(table: Table, indices: list[int]) -> Source:
    src = row_source(table, indices[0])
    for index in indices[1:]:
        more = row_source(table, index)
        if more.page == src.page and src.bbox is not None and more.bbox is not None:
            text = f"{src.source_text} {more.source_text}"
            src = Source(src.page, src.bbox.union(more.bbox), text)
    return src


def _table_events(table: Table, year: int | None) -> list[_Candidate]:
    """The events of a table with a date column and an event column, and no theme or organizer
    column (that is a table of partners' events)."""
    header, first = _header(table)
    labels = [h for h in header if len(h.split()) <= _HEADER_WORDS]
    if any(_OTHER_COL.search(h) for h in labels):
        return []
    columns = _columns(header)
    parts = [(table.rows, first, c) for c in columns]
    if columns:
        parts += _glued(table.rows, {i for pair in columns for i in pair})
    found: list[_Candidate] = []
    for rows, start, (when, name) in parts:
        for text, title, indices in _table_rows(rows, start, when, name, year):
            dates = date_only(text, year)
            if dates and title:
                src = _rows_source(table, indices)
                event = OrganizedEvent(_name(title), dates[0], dates[1], src)
                found.append(_Candidate(event, False))
    return found


_Rows = tuple[tuple[str, ...], ...]


def _glued(rows: _Rows, taken: set[int]) -> list[tuple[_Rows, int, tuple[int, int]]]:
    """The other half of a table printed twice side by side whose labels the parser glued onto
    its first row ("Date 5 February" | "Event Kickoff Meeting"): the rows with the labels cut
    off, where that half starts, and its (date, event) columns."""
    for index, row in enumerate(rows[:_GLUED_ROWS]):
        lead = tuple("" if i in taken else (cell.split() or [""])[0] for i, cell in enumerate(row))
        if not (pairs := _columns(lead)):
            continue
        cut = tuple(" ".join(cell.split()[1:]) if lead[i] else cell for i, cell in enumerate(row))
        mended = (*rows[:index], cut, *rows[index + 1 :])
        return [(mended, index, pair) for pair in pairs]
    return []


def _grids(ctx: Context, items: list[Placed]) -> list[tuple[tuple[Block, ...], Table]]:
    """Tables printed without rules that the parser left as blocks ("Date" | "Event" labels
    over aligned blocks), with the headings above them."""
    headings = {id(p.item): p.headings for p in items}
    found = []
    for page in ctx.document.pages:
        for label, table in block_tables(page.body_blocks, lambda h: bool(_columns(h))):
            found.append((headings.get(id(label), ()), table))
    return found


def _carried(
    table: Table, placed: Placed, previous: _Read | None, year: int | None
) -> Table | None:
    """The table as the continuation of the previous events table, with its header: it follows
    it at once (further down the page or on the next) without a header, or with a first row the
    parser took for one (a date where the date column's label was)."""
    if previous is None or not continued.follows(table, placed, previous.ending, same_page=True):
        return None
    when = _columns(previous.header)[0][0]
    if table.header and (when >= len(table.header) or date_only(table.header[when], year) is None):
        return None
    return continued.with_header(table, previous.header)


@dataclass(frozen=True, slots=True)
class _Read:
    """The header an events table was read with, and where it ends."""

    header: tuple[str, ...]
    ending: continued.Ending


def _label_rows(ctx: Context) -> dict[int, tuple[str, ...]]:
    """The "Date" | "Event" labels of each row of them, keyed by each label's block."""
    return {
        id(block): header
        for page in ctx.document.pages
        for row, header in label_rows(page.body_blocks, lambda h: bool(_columns(h)))
        for block in row
    }


def _tables(ctx: Context, items: list[Placed], titles: dict[int, str]) -> list[_Candidate]:
    """Events of the tables, and of the tables printed without rules, outside the sections of
    other kinds of events. A table that goes on without its header is read with the header of
    the table it continues, or with the "Date" | "Event" labels the parser left as blocks at the
    end of the column (or page) before it."""
    found: list[_Candidate] = []
    previous: _Read | None = None
    labels = _label_rows(ctx)
    for placed in items:
        table = placed.item
        if isinstance(table, Block) and (header := labels.get(id(table))) is not None:
            if not _excluded_path(placed.headings, titles):
                # "Date" | "Event" printed apart from the table they head (a column earlier)
                heads = tuple(h.text for h in placed.headings)
                previous = _Read(header, continued.Ending(len(header), table.page_number, heads))
            continue
        if not isinstance(table, Table):
            continue
        if _excluded_path(placed.headings, titles):
            previous = None
            continue
        events = _table_events(table, ctx.year)
        if not events and (carried := _carried(table, placed, previous, ctx.year)) is not None:
            table, events = carried, _table_events(carried, ctx.year)
        found += events
        header = _header(table)[0]
        previous = (
            _Read(header, continued.ending(table, placed)) if events and _columns(header) else None
        )
    for headings, grid in _grids(ctx, items):
        if not _excluded_path(headings, titles):
            found += _table_events(grid, ctx.year)
    return found


def extract(ctx: Context) -> list[OrganizedEvent]:
    items = regroup(ctx.items)
    titles = _titles(ctx)
    return _merge(_candidates(ctx, items, titles) + _tables(ctx, items, titles))
