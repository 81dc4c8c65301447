"""Partner-events and awards rules on tables laid out in other ways: column order, header synonyms,
date columns with ranges or no year, tables continued over pages, award tables turned over.

All content is invented: a fictional "Association of Lakeside Towns", its towns and partners."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import pytest

from extractors.model import BBox, Table, TableCell
from extractors.sections import awards, partner_events
from extractors.sections.base import Context
from tests.doc_factory import LEFT, RIGHT, DocBuilder, PageBuilder, bold, plain


def ctx(doc: DocBuilder) -> Context:
    return Context(doc.build())


def new_doc(year: int | None = 2024) -> tuple[DocBuilder, PageBuilder]:
    doc = DocBuilder(year=year)
    return doc, doc.page()


def _events(doc: DocBuilder) -> list[tuple[date | None, str, str | None, str | None]]:
    return [(e.date, e.name, e.theme, e.organizer) for e in partner_events.extract(ctx(doc))]


def _awards(doc: DocBuilder) -> list[tuple[str, str, str, str | None]]:
    return [(a.category, a.level, a.city, a.project) for a in awards.extract(ctx(doc))]


# =========================================================================== partner events

_ROWS = [
    ("5 June", "Great Lakes Summit", "Water security", "Lake Forum"),
    ("30 September", "Shore Expo", "Harbour data", "Coastal Towns Network"),
]
_EXPECTED = [
    (date(2024, 6, 5), "Great Lakes Summit", "Water security", "Lake Forum"),
    (date(2024, 9, 30), "Shore Expo", "Harbour data", "Coastal Towns Network"),
]
_ORDER = ("date", "name", "theme", "organizer")


@pytest.mark.parametrize(
    ("header", "order"),
    [
        (["When", "Event", "Topic", "Host"], _ORDER),
        (["Event", "Date", "Organizer", "Theme"], ("name", "date", "organizer", "theme")),
        (["Date", "Organiser", "Event", "Theme"], ("date", "organizer", "name", "theme")),
        # the head of a header is its last cue word: "Event Date" is a date, "Event Topic" a theme
        (["Event Date", "Event", "Event Topic", "Hosted by"], _ORDER),
        # ... unless an "of" follows it
        (["Date of the event", "Name of the event", "Theme", "Host"], _ORDER),
        # plurals and other words for the same columns
        (["Dates", "Activities", "Topics", "Organisers"], _ORDER),
        (["Day", "Meeting", "Our contribution", "Convened by"], _ORDER),
    ],
)
def test_partner_event_columns_in_any_order_and_wording(
    header: list[str], order: tuple[str, ...]
) -> None:
    doc, page = new_doc()
    page.heading("Events We Joined", level=1)
    rows = [[dict(zip(_ORDER, row, strict=True))[role] for role in order] for row in _ROWS]
    page.table(header, rows)
    assert _events(doc) == _EXPECTED


def test_partner_event_date_column_without_a_header_word() -> None:
    doc, page = new_doc()
    page.table(["", "Event", "Theme", "Organizer"], [list(r) for r in _ROWS])
    assert _events(doc) == _EXPECTED


def test_text_column_without_header_word_is_not_a_date_column() -> None:
    doc, page = new_doc()
    page.table(["", "Event", "Theme", "Organizer"], [["Pier", "Boat Days", "Sails", "Port Club"]])
    assert _events(doc) == []


def test_partner_event_dates_as_ranges_and_without_year() -> None:
    doc, page = new_doc()
    page.table(
        ["Date", "Event", "Theme", "Organizer"],
        [
            ["22–24 April", "Reed Week", "Wetlands", "Marsh Council"],
            ["30 June – 2 July", "Ferry Days", "Boats", "Ferry Guild"],
            ["December 30 – January 2", "Ice Gala", "Winter", "Nordic Ice Board"],
            ["Sep 8, 2023", "Shore Talks", "Tourism", "Coastal Towns Network"],
        ],
    )
    assert [e[0] for e in _events(doc)] == [
        date(2024, 4, 22),
        date(2024, 6, 30),
        date(2024, 12, 30),
        date(2023, 9, 8),
    ]


def _two_pages(second_header: list[str], second_rows: list[list[str]]) -> DocBuilder:
    doc = DocBuilder(year=2024)
    first = doc.page()
    first.heading("Events We Joined", level=1)
    first.table(["Date", "Event", "Theme", "Organizer"], [list(_ROWS[0])])
    doc.page().table(second_header, second_rows)
    return doc


def test_partner_table_continued_on_the_next_page_without_header() -> None:
    doc = _two_pages([], [list(_ROWS[1])])
    assert _events(doc) == _EXPECTED


def test_partner_table_continued_with_its_first_row_read_as_header() -> None:
    doc = _two_pages(list(_ROWS[1]), [["2 October", "Reed Week", "Wetlands", "Marsh Council"]])
    assert _events(doc) == [
        *_EXPECTED,
        (date(2024, 10, 2), "Reed Week", "Wetlands", "Marsh Council"),
    ]


def test_a_table_of_other_columns_on_the_next_page_is_no_continuation() -> None:
    doc = _two_pages([], [["Pier", "Boat Days", "Sails"]])
    assert _events(doc) == _EXPECTED[:1]
    doc = _two_pages(["Town", "Members", "Area", "Mayor"], [["Pinecrest", "12", "40", "Ann Berg"]])
    assert _events(doc) == _EXPECTED[:1]


def test_a_headerless_table_in_another_section_is_no_continuation() -> None:
    doc = DocBuilder(year=2024)
    first = doc.page()
    first.heading("Events We Joined", level=1)
    first.table(["Date", "Event", "Theme", "Organizer"], [list(_ROWS[0])])
    second = doc.page()
    second.heading("Finances", level=1)
    second.table([], [list(_ROWS[1])])
    assert _events(doc) == _EXPECTED[:1]


def test_header_printed_again_inside_a_stitched_table_is_no_event() -> None:
    doc, page = new_doc()
    header = ["Date", "Event", "Theme", "Organizer"]
    page.table(header, [list(_ROWS[0]), header, list(_ROWS[1])])
    assert _events(doc) == _EXPECTED


# =========================================================================== awards


@pytest.mark.parametrize(
    ("header", "order"),
    [
        (["Category", "Award", "City", "Project"], (0, 1, 2, 3)),
        (["Winner", "Project", "Award category", "Prize"], (2, 3, 0, 1)),
        (["Field", "Level", "Award winner", "Initiative"], (0, 1, 2, 3)),
    ],
)
def test_award_rows_in_any_order_and_wording(header: list[str], order: tuple[int, ...]) -> None:
    doc, page = new_doc()
    page.heading("Lakeside Awards", level=1)
    rows = [
        ("Clean Water", "Gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "Silver", "Elmshore", "Rain gardens"),
    ]
    page.table(header, [[row[i] for i in order] for row in rows])
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "silver", "Elmshore", "Rain gardens"),
    ]


def test_award_category_written_once_carries_down() -> None:
    doc, page = new_doc()
    page.table(
        ["Category", "Award", "City", "Project"],
        [
            ["Clean Water", "Gold Medal", "Pinecrest", "Reed bed filters"],
            ["", "Silver Medal", "Elmshore", "Rain gardens"],
            ["Mobility", "Gold Medal", "Westmoor", "Lake ferries"],
        ],
    )
    assert _awards(doc) == [
        ("Clean Water", "gold_medal", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "silver_medal", "Elmshore", "Rain gardens"),
        ("Mobility", "gold_medal", "Westmoor", "Lake ferries"),
    ]


def test_awards_table_turned_over_levels_down_the_side() -> None:
    doc, page = new_doc()
    page.table(
        ["", "Clean Water", "Mobility"],
        [
            ["Gold", [bold("Pinecrest"), plain("Reed bed filters")], "Westmoor\nLake ferries"],
            ["Silver", [bold("Elmshore"), plain("Rain gardens")], ""],
        ],
    )
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Mobility", "gold", "Westmoor", "Lake ferries"),
        ("Clean Water", "silver", "Elmshore", "Rain gardens"),
    ]


def test_figures_by_rank_are_no_awards() -> None:
    doc, page = new_doc()
    page.table(["Quarter", "2023", "2024"], [["First", "12", "15"], ["Second", "9", "11"]])
    assert _awards(doc) == []


def _award_pages(second_header: list[str], second_rows: list[list[str]]) -> DocBuilder:
    doc = DocBuilder(year=2024)
    first = doc.page()
    first.heading("Lakeside Awards", level=1)
    first.table(
        ["", "Gold", "Silver"],
        [["Clean Water", "Pinecrest\nReed bed filters", "Elmshore\nRain gardens"]],
    )
    doc.page().table(second_header, second_rows)
    return doc


_MATRIX = [
    ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
    ("Clean Water", "silver", "Elmshore", "Rain gardens"),
    ("Mobility", "gold", "Westmoor", "Lake ferries"),
    ("Mobility", "silver", "Fjordvik", "Bike lanes"),
]


def test_awards_matrix_continued_on_the_next_page_without_header() -> None:
    doc = _award_pages([], [["Mobility", "Westmoor\nLake ferries", "Fjordvik\nBike lanes"]])
    assert _awards(doc) == _MATRIX


def test_awards_turned_over_continued_with_its_first_row_read_as_header() -> None:
    doc = DocBuilder(year=2024)
    first = doc.page()
    first.heading("Lakeside Awards", level=1)
    first.table(
        ["", "Clean Water", "Mobility"],
        [["Gold", "Pinecrest\nReed bed filters", "Westmoor\nLake ferries"], ["Silver", "", ""]],
    )
    doc.page().table(
        ["Special Mention", "Elmshore\nRain gardens", "Fjordvik\nBike lanes"],
        [["Honourable Mention", "Old Harbour\nBoat tours", ""]],
    )
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Mobility", "gold", "Westmoor", "Lake ferries"),
        ("Clean Water", "special_mention", "Elmshore", "Rain gardens"),
        ("Mobility", "special_mention", "Fjordvik", "Bike lanes"),
        ("Clean Water", "honourable_mention", "Old Harbour", "Boat tours"),
    ]


def test_award_rows_continued_with_their_first_row_read_as_header() -> None:
    doc = DocBuilder(year=2024)
    first = doc.page()
    first.heading("Lakeside Awards", level=1)
    first.table(
        ["Category", "Award", "City", "Project"], [["Clean Water", "Gold", "Pinecrest", ""]]
    )
    doc.page().table(
        ["Clean Water", "Silver", "Elmshore", "Rain gardens"],
        [["Mobility", "Gold", "Westmoor", "Lake ferries"]],
    )
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", None),
        ("Clean Water", "silver", "Elmshore", "Rain gardens"),
        ("Mobility", "gold", "Westmoor", "Lake ferries"),
    ]


def test_a_table_of_other_columns_after_awards_is_no_continuation() -> None:
    doc = _award_pages(["Town", "Members", "Mayor"], [["Pinecrest", "12", "Ann Berg"]])
    assert _awards(doc) == _MATRIX[:2]


def test_winners_row_split_from_its_projects_row_is_one_row() -> None:
    doc, page = new_doc()
    page.heading("Lakeside Awards", level=1)
    page.table(
        ["", "Gold", "Silver"],
        [
            [[bold("Clean")], [bold("Pinecrest")], [bold("Elmshore")]],
            [[bold("Water")], [plain("Reed bed filters")], [plain("Rain gardens")]],
            [[bold("Mobility")], [bold("Westmoor"), plain("Lake ferries")], [bold("Fjordvik")]],
        ],
    )
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "silver", "Elmshore", "Rain gardens"),
        ("Mobility", "gold", "Westmoor", "Lake ferries"),
        ("Mobility", "silver", "Fjordvik", None),
    ]


def test_winners_line_read_into_the_header_is_given_back() -> None:
    doc, page = new_doc()
    page.heading("Lakeside Awards", level=1)
    page.table(
        ["Clean", "Gold Pinecrest", "Special Mention Elmshore"],
        [
            [[bold("Water")], [plain("Reed bed filters")], [plain("Rain gardens")]],
            [[bold("Mobility")], [bold("Westmoor"), plain("Lake ferries")], [bold("Fjordvik")]],
        ],
    )
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "special_mention", "Elmshore", "Rain gardens"),
        ("Mobility", "gold", "Westmoor", "Lake ferries"),
        ("Mobility", "special_mention", "Fjordvik", None),
    ]


def test_award_rows_wrapped_over_parser_rows_are_joined() -> None:
    doc, page = new_doc()
    page.table(
        ["Category", "Award", "City", "Project"],
        [
            ["Clean Water and", "Gold", "Pinecrest", "Reed bed filters"],
            ["Shores", "", "", ""],
            ["Clean Water and", "Special", "Elmshore", "Rain gardens"],
            ["Shores", "Mention", "", ""],
            ["Mobility", "Gold", "Westmoor", "Lake"],
            ["", "", "", "ferries"],
        ],
    )
    assert _awards(doc) == [
        ("Clean Water and Shores", "gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water and Shores", "special_mention", "Elmshore", "Rain gardens"),
        ("Mobility", "gold", "Westmoor", "Lake ferries"),
    ]


def test_category_row_over_rows_without_one_still_heads_them() -> None:
    doc, page = new_doc()
    page.table(
        ["Category", "Award", "City", "Project"],
        [
            ["Clean Water", "", "", ""],
            ["", "Gold", "Pinecrest", "Reed bed filters"],
            ["", "Silver", "Elmshore", "Rain gardens"],
        ],
    )
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "silver", "Elmshore", "Rain gardens"),
    ]


def test_award_rows_set_as_blocks_in_columns() -> None:
    doc, page = new_doc()
    page.heading("Lakeside Awards", level=1)
    xs = (72.0, 200.0, 280.0, 380.0)
    for x, text in zip(xs, ("Category", "Award", "City", "Project"), strict=True):
        page.block(text, top=100, x0=x)
    page.block("Prose set in the next\ncolumn, on the same line.", top=100, x0=480)
    rows = [
        ("Clean Water", "Gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "Special Mention", "Elmshore", "Rain gardens"),
    ]
    for i, row in enumerate(rows):
        for x, text in zip(xs, row, strict=True):
            page.block(text, top=130 + 30 * i, x0=x)
    page.block("The jury met twice in spring.", top=200)
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "special_mention", "Elmshore", "Rain gardens"),
    ]
    source = awards.extract(ctx(doc))[1].source
    assert source.page == 1
    assert source.bbox is not None and source.bbox.top == 160


def test_a_line_of_labels_without_levels_under_it_is_no_awards() -> None:
    doc, page = new_doc()
    for x, text in zip((72.0, 200.0, 280.0), ("Category", "Award", "City"), strict=True):
        page.block(text, top=100, x0=x)
    page.block("Clean Water", top=130, x0=72)
    page.block("Pinecrest", top=130, x0=280)
    assert _awards(doc) == []


@pytest.mark.parametrize(
    "header",
    [
        ["Region", "First Quarter", "Second Quarter"],
        ["Region", "First half", "Second half"],
        ["Region", "First Lakes", "Second Shores"],
    ],
)
def test_periods_by_rank_in_a_header_are_no_awards(header: list[str]) -> None:
    doc, page = new_doc()
    page.table(header, [["North", "12", "15"], ["South", "9", "11"]])
    assert _awards(doc) == []


def test_awards_levels_across_set_as_blocks_in_columns() -> None:
    doc, page = new_doc()
    page.heading("Lakeside Awards", level=1)
    page.block("Gold", top=100, x0=200)
    page.block("Special Mention", top=100, x0=350)
    page.block("Clean Water", top=130)
    page.block("Pinecrest", top=130, x0=200, bold=True)
    page.block("Reed bed\nfilters", top=142, x0=200)
    page.block("Elmshore\nRain gardens", top=130, x0=350)
    page.block("Mobility", top=190)
    page.block("Westmoor", top=190, x0=200, bold=True)
    page.block("The jury met twice in spring, by the lake.", top=260, x0=200)
    assert _awards(doc) == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters"),
        ("Clean Water", "special_mention", "Elmshore", "Rain gardens"),
        ("Mobility", "gold", "Westmoor", None),
    ]
    source = awards.extract(ctx(doc))[0].source
    assert source.page == 1 and source.bbox is not None and source.bbox.top == 130


def test_medals_counted_in_blocks_are_no_awards() -> None:
    doc, page = new_doc()
    page.block("Gold", top=100, x0=200)
    page.block("Silver", top=100, x0=300)
    page.block("Lakeside", top=130)
    page.block("12", top=130, x0=200)
    page.block("9", top=130, x0=300)
    assert _awards(doc) == []


# =========================================================================== wrapped cells


def test_wrapped_cell_lines_read_as_rows_join_the_row_above() -> None:
    doc, page = new_doc()
    page.table(
        ["Date", "Event", "Theme", "Organizer"],
        [
            ["5 June", "Great Lakes", "Water", "Lake Forum"],
            ["", "Summit", "security", ""],
            list(_ROWS[1]),
        ],
    )
    assert _events(doc) == _EXPECTED


def test_cell_wrapped_at_a_words_hyphen_joins_without_a_space() -> None:
    """ "Lake-" / "Shore Towns Network": the line broke at the hyphen of one word."""
    doc, page = new_doc()
    page.table(
        ["Date", "Event", "Theme", "Organizer"],
        [
            ["5 June", "Great Lakes Summit", "Water co-", "Lake-"],
            ["", "", "operation", "Shore Forum"],
        ],
    )
    assert _events(doc) == [
        (date(2024, 6, 5), "Great Lakes Summit", "Water co-operation", "Lake-Shore Forum")
    ]


def test_date_cut_over_two_rows_joins_them() -> None:
    doc, page = new_doc()
    page.table(
        ["Event", "Date", "Organizer", "Theme"],
        [["Great Lakes", "5", "Lake Forum", "Water"], ["Summit", "June", "", "security"]],
    )
    assert _events(doc) == _EXPECTED[:1]


def test_a_row_without_date_set_apart_like_the_others_is_an_event_of_its_own() -> None:
    doc, page = new_doc()
    table = page.table(
        ["Date", "Event", "Theme", "Organizer"],
        [list(_ROWS[0]), ["", "Shore Expo", "Harbour data", "Coastal Towns Network"]],
    )
    # rows 20 pt high, 10 pt apart: as far apart as any two rows of the table
    boxes = (BBox(LEFT, 100, RIGHT, 120), BBox(LEFT, 130, RIGHT, 150))
    page.page.tables[-1] = replace(table, row_bboxes=boxes)
    assert _events(doc) == [
        _EXPECTED[0],
        (None, "Shore Expo", "Harbour data", "Coastal Towns Network"),
    ]


def test_wrapped_lines_sit_closer_than_the_rows() -> None:
    doc, page = new_doc()
    table = page.table(
        ["Date", "Event", "Theme", "Organizer"],
        [
            ["5 June", "Great Lakes", "Water", "Lake Forum"],
            ["", "Summit", "security", ""],
            list(_ROWS[1]),
        ],
    )
    boxes = (
        BBox(LEFT, 100, RIGHT, 110),
        BBox(LEFT, 112, RIGHT, 122),
        BBox(LEFT, 132, RIGHT, 142),
    )
    page.page.tables[-1] = replace(table, row_bboxes=boxes)
    assert _events(doc) == _EXPECTED


def test_year_wrapped_under_its_date_joins_the_row_above() -> None:
    doc, page = new_doc()
    page.table(
        ["Date", "Event", "Theme", "Organizer"],
        [["5 June", "Great Lakes", "Water security", "Lake Forum"], ["2024", "Summit", "", ""]],
    )
    assert _events(doc) == _EXPECTED[:1]


def test_header_row_below_an_introduction_the_parser_took_into_the_table() -> None:
    doc, page = new_doc()
    page.table(
        [],
        [
            ["Our speakers went to two partner events.", "", "", ""],
            ["Date", "Event", "Theme", "Organizer"],
            *[list(r) for r in _ROWS],
        ],
    )
    assert _events(doc) == _EXPECTED


def test_date_cut_in_the_row_below_a_whole_date_starts_an_event() -> None:
    doc, page = new_doc()
    page.table(
        ["Date", "Event", "Theme", "Organizer"],
        [
            list(_ROWS[0]),
            ["30", "Shore Expo", "Harbour data", "Coastal Towns Network"],
            ["September", "", "", ""],
        ],
    )
    assert _events(doc) == _EXPECTED


def test_a_line_of_text_with_header_words_is_no_header_inside_a_table() -> None:
    doc, page = new_doc()
    page.table(
        [],
        [
            ["Date", "Event", "At the main session of the forum the towns met"],
            ["5 June", "Great Lakes Summit", "their partners on the shore"],
        ],
    )
    assert _events(doc) == []


# =========================================================================== loose tables

_COLUMNS = (72.0, 220.0, 300.0, 420.0)  # where the columns start: event, date, organizer, theme


def _loose_line(page: PageBuilder, top: float, cells: Sequence[str]) -> None:
    for x0, text in zip(_COLUMNS, cells, strict=True):
        if text:
            page.block(text, top=top, x0=x0, x1=x0 + 70)


def _loose_table(page: PageBuilder, top: float = 100.0) -> None:
    """A partner-events table set with white space only: every cell a block of its own."""
    _loose_line(page, top, ["Event", "Date", "Organizer", "Theme"])
    for i, (when, name, theme, host) in enumerate(_ROWS):
        _loose_line(page, top + 30 * (i + 1), [name, when, host, theme])


def test_table_set_as_loose_blocks_is_read_by_where_they_are_printed() -> None:
    doc, page = new_doc()
    _loose_table(page)
    assert _events(doc) == _EXPECTED


def test_loose_table_ends_at_a_heading() -> None:
    doc, page = new_doc()
    _loose_table(page)
    page.heading("Awards", top=200.0)
    _loose_line(page, 230.0, ["Lakeside Regatta", "1 July", "Sailing Club", "Boats"])
    assert _events(doc) == _EXPECTED


def test_loose_line_of_labels_that_name_no_event_is_no_table() -> None:
    doc, page = new_doc()
    _loose_line(page, 100.0, ["Region", "Host", "Opened", "Staff"])
    _loose_line(page, 130.0, ["North Shore", "Pier Town", "2019", "4"])
    assert _events(doc) == []


def _cell(row: int, col: int, text: str, top: float, header: bool = False) -> TableCell:
    x0 = _COLUMNS[col]
    return TableCell(row, col, text, 1, BBox(x0, top, x0 + 70, top + 10), header=header)


def test_parsed_table_with_a_loose_column_beside_it_is_read_whole() -> None:
    """The parser read three columns as a table and left the fourth as blocks beside it."""
    doc, page = new_doc()
    header = ("Event", "Date", "Organizer")
    cells = [_cell(0, c, text, 100.0, header=True) for c, text in enumerate(header)]
    body = []
    for r, (when, name, _, host) in enumerate(_ROWS, start=1):
        body.append((name, when, host))
        cells += [_cell(r, c, text, 100.0 + 30 * r) for c, text in enumerate(body[-1])]
    page.page.tables.append(
        Table((1,), BBox(72, 100, 400, 170), header, tuple(body), cells=tuple(cells))
    )
    page.block("Theme", top=100.0, x0=_COLUMNS[3], x1=_COLUMNS[3] + 70)
    for r, row in enumerate(_ROWS, start=1):
        page.block(row[2], top=100.0 + 30 * r, x0=_COLUMNS[3], x1=_COLUMNS[3] + 70)
    assert _events(doc) == _EXPECTED


def test_parsed_table_with_its_cells_placed_is_read_once() -> None:
    doc, page = new_doc()
    header = ("Event", "Date", "Organizer", "Theme")
    cells = [_cell(0, c, text, 100.0, header=True) for c, text in enumerate(header)]
    body = []
    for r, (when, name, theme, host) in enumerate(_ROWS, start=1):
        body.append((name, when, host, theme))
        cells += [_cell(r, c, text, 100.0 + 30 * r) for c, text in enumerate(body[-1])]
    page.page.tables.append(
        Table((1,), BBox(72, 100, 520, 170), header, tuple(body), cells=tuple(cells))
    )
    assert _events(doc) == _EXPECTED


def test_loose_row_whose_words_run_over_into_the_next_column_is_left_out() -> None:
    """The parser ran a theme and an organizer together: that row's cells cannot be told apart."""
    doc, page = new_doc()
    _loose_table(page)
    page.block("Bay Day", top=190.0, x0=_COLUMNS[0], x1=_COLUMNS[0] + 70)
    page.block("9 May", top=190.0, x0=_COLUMNS[1], x1=_COLUMNS[1] + 40)
    page.block("Bay Club Boats afloat", top=190.0, x0=_COLUMNS[2], x1=_COLUMNS[3] + 60)
    assert _events(doc) == _EXPECTED
