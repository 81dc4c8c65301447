"""Member-list rules on layouts the parser reads imperfectly: a "Country | Members" table printed
without rules (loose blocks), a table whose header took in the heading printed above it, and a
page of "Country: names" columns read as one table without header.

All content is invented: a fictional "Association of Lakeside Towns" and its towns."""

from __future__ import annotations

from extractors.flow import Placed
from extractors.model import BBox, CellLine, Table, TableCell
from extractors.sections import members
from extractors.sections.base import Context
from tests.doc_factory import DocBuilder, PageBuilder


def new_doc() -> tuple[DocBuilder, PageBuilder]:
    doc = DocBuilder(year=2024)
    return doc, doc.page()


def _members(doc: DocBuilder) -> list[tuple[str, str, str | None, str]]:
    found = members.extract(Context(doc.build())).members
    return sorted((m.name, m.country, m.region, m.member_type) for m in found)


def _regions(doc: DocBuilder) -> list[tuple[str, int]]:
    return sorted((r.region, r.stated_count) for r in members.extract(Context(doc.build())).regions)


def test_a_country_members_table_printed_without_rules_is_read_from_its_blocks() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("12 members in Europe", level=2)
    top = page.cursor
    for x0, text in ((72.0, "Country"), (150.0, "Members"), (300.0, "Country"), (380.0, "Members")):
        page.body(text, top=top, x0=x0)
    rows = [("Norway", "Lakeside, Fjordby", "Sweden", "Shoreham"), ("Finland", "Pinetown", "", "")]
    for i, row in enumerate(rows):
        for x0, text in zip((72.0, 150.0, 300.0, 380.0), row, strict=True):
            if text:
                page.body(text, top=top + 20 * (i + 1), x0=x0)
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Pinetown", "Finland", "Europe", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]


def test_loose_blocks_under_labels_that_name_no_members_are_not_read() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    page.body("Country", top=top, x0=72.0)
    page.body("Capital", top=top, x0=150.0)
    page.body("Norway", top=top + 20, x0=72.0)
    page.body("Oslo", top=top + 20, x0=150.0)
    assert _members(doc) == []


def test_a_heading_read_into_a_table_header_gives_its_region_and_total() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    above = "12 MEMBERS IN EUROPE"
    page.table(
        [f"{above} Country", f"{above} Members"],
        [["Norway", "Lakeside, Fjordby"], ["Sweden", "Shoreham"]],
    )
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]
    assert _regions(doc) == [("Europe", 12)]


def test_split_header_keeps_labels_that_share_one_word() -> None:
    assert members.split_header(["Member city", "Member country"]) == [
        ("", "Member city"),
        ("", "Member country"),
    ]


def _columns_table(page: PageBuilder, columns: list[list[str]]) -> Table:
    height = max(len(c) for c in columns)
    rows = [tuple(c[i] if i < len(c) else "" for c in columns) for i in range(height)]
    table = Table(
        pages=(page.number,),
        bbox=BBox(72.0, page.cursor, 523.0, page.cursor + 16.0 * height),
        header=(),
        rows=tuple(rows),
    )
    page.page.tables.append(table)
    return table


def test_country_lines_in_columns_read_as_one_table_are_read_under_their_headings() -> None:
    doc, page = new_doc()
    page.heading("Member overview", level=1)
    _columns_table(
        page,
        [
            ["The lists show the members", "at the end of the year.", "EUROPE (3)"],
            ["Norway: Lakeside,", "Fjordby", "Sweden: Shoreham", "AFRICA (1)", "Kenya: Rivertown"],
        ],
    )
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]
    assert _regions(doc) == [("Africa", 1), ("Europe", 3)]


def test_a_table_of_prose_columns_with_one_country_line_gives_no_members() -> None:
    doc, page = new_doc()
    page.heading("Member overview", level=1)
    _columns_table(page, [["Our towns met in", "Norway: a fine summer", "for the lakes."], []])
    assert _members(doc) == []


def test_a_loose_table_is_read_under_the_heading_printed_above_its_header_row() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.body("Local governments are listed by region and country.", x1=280.0)
    top = page.cursor + 30
    # the page is read column by column: the left half of the table comes before the heading
    page.body("Country", top=top, x0=72.0)
    page.body("Members", top=top, x0=150.0)
    page.body("Norway", top=top + 20, x0=72.0)
    page.body("Lakeside", top=top + 20, x0=150.0)
    page.heading("12 members in Europe", level=3, x0=300.0, top=top - 22)
    page.body("Country", top=top, x0=300.0)
    page.body("Members", top=top, x0=380.0)
    page.body("Sweden", top=top + 20, x0=300.0)
    page.body("Shoreham", top=top + 20, x0=380.0)
    assert _members(doc) == [
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]


def test_split_entries_cuts_a_line_before_each_country_and_colon() -> None:
    assert members.split_entries("Norway: Lakeside, Fjordby Sweden: Shoreham") == [
        "Norway: Lakeside, Fjordby",
        "Sweden: Shoreham",
    ]
    # the longest country name the gazetteer knows; a word before it stays with the entry before
    assert members.split_entries("Moss South Africa: Rivertown") == [
        "Moss",
        "South Africa: Rivertown",
    ]
    assert members.split_entries("Note: the list is long") == ["Note: the list is long"]


def test_entries_run_together_on_one_line_are_each_read() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.body("Norway: Lakeside, Fjordby Sweden: Shoreham")
    assert _members(doc) == [
        ("Fjordby", "Norway", None, "local_government"),
        ("Lakeside", "Norway", None, "local_government"),
        ("Shoreham", "Sweden", None, "local_government"),
    ]


def test_lines_take_the_region_printed_over_their_column_not_the_flow_order() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    # the flow reads the right column's heading before the rest of the left column
    page.heading("Europe (2)", level=2, top=top, x0=72.0)
    page.body("Norway: Lakeside", top=top + 20, x0=72.0)
    page.heading("Africa (1)", level=2, top=top + 60, x0=300.0)
    page.body("Sweden: Shoreham", top=top + 40, x0=72.0)
    page.body("Kenya: Rivertown", top=top + 80, x0=300.0)
    assert _members(doc) == [
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]


def test_the_top_of_a_column_goes_on_with_the_last_region_of_the_column_before() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    # the flow reads the top of the right column first, before the heading over the left one
    page.body("Sweden: Shoreham", top=top, x0=300.0)
    page.heading("Europe (2)", level=2, top=top + 100, x0=72.0)
    page.body("Norway: Lakeside", top=top + 120, x0=72.0)
    assert _members(doc) == [
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]


def test_a_count_printed_apart_from_its_heading_is_put_back() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    page.heading("EUROPE —\nMEMBERS", level=3, top=top, x0=72.0, x1=150.0)
    page.body("7", top=top, x0=156.0)
    page.body("Norway: Lakeside")
    assert _regions(doc) == [("Europe", 7)]
    assert _members(doc) == [("Lakeside", "Norway", "Europe", "local_government")]


def test_a_region_heading_with_a_member_word_inside_it_still_names_the_region() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("MIDDLE MEMBERS EAST — 8", level=3)
    page.body("Oman: Harbourtown")
    assert _regions(doc) == [("Middle East", 8)]
    assert _members(doc) == [("Harbourtown", "Oman", "Middle East", "local_government")]


def test_a_name_wrapped_to_its_column_under_a_country_heading_is_one_member() -> None:
    doc, page = new_doc()
    page.heading("Member institutions (3)", level=1)
    page.body(
        "The institutions are listed by country, with the names as they write them.",
        lines=["The institutions are listed by country,", "with the names as they write them."],
    )
    page.heading("NORWAY", level=3)
    page.body(
        "Lakeside Regional Water Authority of the Northern Shore",
        lines=["Lakeside Regional Water Authority of the", "Northern Shore"],
    )
    page.heading("SWEDEN", level=3)
    page.body("Shoreham\nPinetown")
    assert _members(doc) == [
        ("Lakeside Regional Water Authority of the Northern Shore", "NORWAY", None, "institution"),
        ("Pinetown", "SWEDEN", None, "institution"),
        ("Shoreham", "SWEDEN", None, "institution"),
    ]


def test_a_region_heading_that_took_in_the_end_of_a_list_still_names_the_region() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Harbour State, Pine State, MIDDLE EAST | 8", level=3)
    page.body("Oman: Harbourtown")
    assert _regions(doc) == [("Middle East", 8)]


def test_a_table_filling_its_column_is_read_under_the_heading_printed_above_it() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    page.heading("Europe (2)", level=2, top=top, x0=72.0)
    page.cursor = top + 20
    page.table(["Country", "Members"], [["Norway", "Lakeside, Fjordby"]], x0=72.0, x1=280.0)
    # the right column: a heading and a table the flow reads before the left table (nothing
    # is printed below that one in its column, so the flow places it at the end of the page)
    page.heading("Africa (1)", level=2, top=top + 60, x0=300.0)
    page.cursor = top + 80
    page.table(["Country", "Members"], [["Kenya", "Rivertown"]], x0=300.0, x1=523.0)
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
    ]


def test_a_counted_heading_read_into_one_header_cell_gives_the_tables_region() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Local governments | 3", level=2)
    # the region's heading, printed over the last column, was read into that header cell
    page.table(
        ["Country", "Members", "Country", "Africa | 3 Members"],
        [["Kenya", "Rivertown, Lakeside", "Ghana", "Harbourtown"]],
    )
    assert _members(doc) == [
        ("Harbourtown", "Ghana", "Africa", "local_government"),
        ("Lakeside", "Kenya", "Africa", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
    ]
    assert _regions(doc) == [("Africa", 3)]


def test_a_table_continued_with_its_first_row_taken_for_a_header_goes_on_in_its_region() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Local governments | 4", level=2)
    # the region is known from the heading read into the first part's header only
    page.table(
        ["Country", "Africa | 4 Members"], [["Kenya", "Rivertown"], ["Ghana", "Harbourtown"]]
    )
    # the rest of the table: its first row (printed again after the break) read as a header
    page.table(["Ghana", "Harbourtown"], [["Togo", "Lakeside, Fjordby"]])
    assert _members(doc) == [
        ("Fjordby", "Togo", "Africa", "local_government"),
        ("Harbourtown", "Ghana", "Africa", "local_government"),
        ("Lakeside", "Togo", "Africa", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
    ]


def test_names_one_a_line_are_put_back_together_where_they_wrapped() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Institutions (3)", level=2)
    top = page.cursor
    page.heading("Nigeria", level=3, x1=200.0)
    lines = [
        "African Smart Cities Innovation Foundation",
        "(ASCIF)",  # would have fitted: goes on all the same
        "Digital Collaborative Platform",
        "National Information Technology",
        "Development Agency (NITDA)",  # "Development" would not have fitted on the line before
    ]
    page.body("\n".join(lines))
    # short names in a column as wide as a name of another country in it: nothing wrapped
    page.heading("Malaysia", level=3, top=top, x0=320.0)
    page.body("Lakeside Island\nHarbour Point", top=top + 20, x0=320.0)
    page.heading("Norway", level=3, top=top + 60, x0=320.0)
    page.body("Fjordby Lakeshore Harbour Authority", top=top + 80, x0=320.0)
    assert _members(doc) == [
        ("African Smart Cities Innovation Foundation (ASCIF)", "Nigeria", None, "institution"),
        ("Digital Collaborative Platform", "Nigeria", None, "institution"),
        ("Fjordby Lakeshore Harbour Authority", "Norway", None, "institution"),
        ("Harbour Point", "Malaysia", None, "institution"),
        ("Lakeside Island", "Malaysia", None, "institution"),
        (
            "National Information Technology Development Agency (NITDA)",
            "Nigeria",
            None,
            "institution",
        ),
    ]


def test_a_region_heading_cut_in_two_on_its_line_counts_the_region_not_all_members() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    # the layout set the words of one heading apart on its line: "14 members in" | "the Americas"
    page.heading("14 members in", level=2, top=top, x0=72.0)
    page.heading("the Americas", level=2, top=top, x0=175.0)
    page.cursor = top + 30
    page.heading("Chile", level=3)
    page.body("Lakeside")
    overview = members.extract(Context(doc.build()))
    assert [(r.region, r.stated_count) for r in overview.regions] == [("Americas", 14)]
    assert [t.scope for t in overview.totals] == []


def test_a_region_heading_cut_at_its_hyphen_lists_its_members_in_the_whole_region() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    for first, second, country, town in (
        ("3 MEMBERS IN ASIA-", "PACIFIC", "Japan", "Lakeside"),
        ("2 MEMBERS IN THE", "MIDDLE EAST", "Oman", "Shoreham"),
    ):
        top = page.cursor
        # the layout set the words of one heading apart on its line, the second part read as
        # a heading of its own (a region too: "PACIFIC") over the table
        page.heading(first, level=2, top=top, x0=72.0)
        page.heading(second, level=2, top=top, x0=231.0)
        page.cursor = top + 30
        page.table(["Country", "Members"], [[country, town]])
    assert _members(doc) == [
        ("Lakeside", "Japan", "Asia-Pacific", "local_government"),
        ("Shoreham", "Oman", "Middle East", "local_government"),
    ]
    assert _regions(doc) == [("Asia-Pacific", 3), ("Middle East", 2)]


def test_two_headings_on_one_line_that_each_count_a_region_stay_apart() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    page.heading("3 members in Asia", level=2, top=top, x0=72.0)
    page.heading("Europe", level=2, top=top, x0=300.0)  # ends no cut heading: stands alone
    page.cursor = top + 30
    page.table(["Country", "Members"], [["Norway", "Lakeside"]])
    assert _members(doc) == [("Lakeside", "Norway", "Europe", "local_government")]
    assert _regions(doc) == [("Asia", 3)]


def test_columns_of_country_lines_take_the_heading_printed_over_each_column() -> None:
    doc, page = new_doc()
    page.heading("Member overview", level=1)
    top = page.cursor
    page.heading("Europe (3)", level=2, top=top, x0=300.0)  # over the second column only
    top += 24
    columns = [
        # a counted heading the parser cut over two cells of the first column
        ["2 members in the", "Middle East", "Oman: Muscat", "Iraq: Erbil"],
        ["Norway: Lakeside", "Sweden: Shoreham", "Finland: Pinetown"],
    ]
    cells = [
        TableCell(i, c, text, page.number, BBox(x0, top + 16 * i, x0 + 150, top + 16 * (i + 1)))
        for c, (x0, column) in enumerate(zip((72.0, 300.0), columns, strict=True))
        for i, text in enumerate(column)
    ]
    rows = [tuple(col[i] if i < len(col) else "" for col in columns) for i in range(4)]
    table = Table(
        (page.number,), BBox(72.0, top, 450.0, top + 64), (), tuple(rows), cells=tuple(cells)
    )
    page.page.tables.append(table)
    assert _members(doc) == [
        ("Erbil", "Iraq", "Middle East", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Muscat", "Oman", "Middle East", "local_government"),
        ("Pinetown", "Finland", "Europe", "local_government"),
        ("Shoreham", "Sweden", "Europe", "local_government"),
    ]
    assert _regions(doc) == [("Europe", 3), ("Middle East", 2)]


def test_short_names_one_a_line_on_a_page_of_lists_are_not_taken_for_one_wrapped_name() -> None:
    """A page that holds only short lists: the column is as wide as the text other pages set in
    it, so two short names a line each are two members, not one name wrapped."""
    doc, page = new_doc()
    page.body(
        "The association brings together towns around the lakes of the region and beyond.",
        lines=["The association brings together towns around the lakes of the region and beyond."],
        x1=500.0,
    )
    page = doc.page()
    page.heading("Members", level=1)
    page.heading("Norway", level=3)
    page.body("Lakeside Island\nHarbour Point")
    page.heading("Sweden", level=3)
    page.body("Pinetown")
    assert _members(doc) == [
        ("Harbour Point", "Norway", None, "local_government"),
        ("Lakeside Island", "Norway", None, "local_government"),
        ("Pinetown", "Sweden", None, "local_government"),
    ]


def test_a_column_is_measured_on_text_that_fits_before_the_next_column_of_its_page() -> None:
    """A wide block that starts where the list does on another page (an address on the back
    page, a title in larger type) is no measure of a column of the members page, which ends
    before the next column starts: the name wrapped to that column is one member."""
    doc, page = new_doc()
    page.body(
        "Harbour Street 12, Lakeside, Telephone and e-mail of the secretariat",
        lines=["Harbour Street 12, Lakeside, Telephone and e-mail of the secretariat"],
        x1=420.0,
    )
    page.body("The towns of the lakes\nwork together on water,\ntransport and tourism.", x1=232.0)
    page = doc.page()
    page.heading("Members", level=1)
    page.heading("Institutions (2)", level=2)
    page.heading("Norway", level=3)
    page.body(
        "Lakeside Regional Water\nAuthority",
        x1=190.0,
        line_widths=(118.0, 45.0),  # "Authority" would not have fitted beside the first line
    )
    page.heading("Sweden", level=3)
    page.body("Pinetown Harbour Board")
    page.heading("Denmark", level=3, top=100.0, x0=250.0)
    page.body("Fjordby Port Office", top=120.0, x0=250.0)
    assert _members(doc) == [
        ("Fjordby Port Office", "Denmark", None, "institution"),
        ("Lakeside Regional Water Authority", "Norway", None, "institution"),
        ("Pinetown Harbour Board", "Sweden", None, "institution"),
    ]


def test_names_one_a_line_are_measured_on_the_widths_their_lines_are_printed_in() -> None:
    """A name set in narrow letters above one in wide letters: measured on the printed widths,
    the second name's first word would have fitted beside the first, so the two are two names
    (a character as wide as the longest line's says the first line was full)."""
    doc, page = new_doc()
    page.body("The towns of the lakes\nwork together on water.", x1=220.0)
    page.heading("Members", level=1)
    page.heading("Norway", level=3)
    page.body("Little Fill Lilt\nWawa Mowmow Town", x1=222.0, line_widths=(40.0, 150.0))
    assert _members(doc) == [
        ("Little Fill Lilt", "Norway", None, "local_government"),
        ("Wawa Mowmow Town", "Norway", None, "local_government"),
    ]


def test_a_name_of_a_comma_list_cut_at_the_end_of_its_column_is_one_member() -> None:
    """A comma-separated list runs out of its column in the middle of a name ("..., North"
    at the foot of the column, "Shore State, ..." at the top of the next): one name."""
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Norway", level=3)
    page.body("Fjordby, Lakeside State,\nNorth", x1=200.0)
    page.body("Shore State, Pinetown", x0=320.0, top=60.0, x1=430.0)
    page.heading("Sweden", level=3, x0=320.0, top=80.0)
    page.body("Harbour Point, Lakeshore", x0=320.0, top=100.0, x1=450.0)
    assert _members(doc) == [
        ("Fjordby", "Norway", None, "local_government"),
        ("Harbour Point", "Sweden", None, "local_government"),
        ("Lakeshore", "Sweden", None, "local_government"),
        ("Lakeside State", "Norway", None, "local_government"),
        ("North Shore State", "Norway", None, "local_government"),
        ("Pinetown", "Norway", None, "local_government"),
    ]


def test_a_name_closed_by_its_acronym_starts_where_the_words_it_stands_for_start() -> None:
    """One name a line, each wrapped to a narrow column: "Lakeside Data Platform" filled its
    line, so the next line seems to go on with it; the acronym closing the name after it says
    where that one starts (its letters are the initials of the words from that line on)."""
    doc, page = new_doc()
    page.body("The towns of the lakes\nwork together.", x1=200.0)
    page.heading("Members", level=1)
    page.heading("Institutions (2)", level=2)
    page.heading("Norway", level=3)
    page.body(
        "Lakeside Data Platform\nNorthern Water Supply\nAuthority (NWSA)",
        x1=200.0,
        line_widths=(120.0, 125.0, 100.0),
    )
    assert _members(doc) == [
        ("Lakeside Data Platform", "Norway", None, "institution"),
        ("Northern Water Supply Authority (NWSA)", "Norway", None, "institution"),
    ]


def test_columns_of_country_lines_under_counted_headings_read_as_a_table_header() -> None:
    """Two columns of "Country: names" lines whose counted region headings the parser took for
    the table's header: the headings scope their columns, two entries printed in one cell (beside
    a taller cell) stay two, and the lines after the table (on the next page) go on in the region
    it ended in, not in the region of the heading printed before it."""
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("2 members in the Middle East", level=2)
    page.body("Oman: Seaview\nJordan: Hilltop")
    page.table(
        ["3 members in Africa", "4 members in Europe"],
        [
            ["Kenya: Rivertown", "Norway: Lakeside"],
            [
                [CellLine("Ghana: Harbourtown,"), CellLine("Palmside")],
                [CellLine("Sweden: Shoreham"), CellLine("Finland: Pinetown")],
            ],
            ["", "2 members in Asia-Pacific"],
            ["", "Fiji: Reefport"],
        ],
    )
    doc.page().body("Nepal: Summit")  # the list goes on over the page
    found = _members(doc)
    assert ("Rivertown", "Kenya", "Africa", "local_government") in found
    assert ("Palmside", "Ghana", "Africa", "local_government") in found
    assert ("Shoreham", "Sweden", "Europe", "local_government") in found
    assert ("Pinetown", "Finland", "Europe", "local_government") in found
    assert ("Reefport", "Fiji", "Asia-Pacific", "local_government") in found
    assert ("Summit", "Nepal", "Asia-Pacific", "local_government") in found
    assert ("Seaview", "Oman", "Middle East", "local_government") in found


def test_lists_read_as_one_table_are_cut_at_each_header_row_under_its_heading() -> None:
    """Lists printed one under another, each under its counted heading and "Country | Members"
    row, read as one table: each part lists its own region, and the part going on after the
    break (its header printed again, no heading over it) stays in the last region."""
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Local governments | 4", level=2)
    page.table(
        ["Europe — 2", "Members"],
        [
            ["Country", "Members"],
            ["Norway", "Lakeside, Fjordby"],
            ["Africa — 2", "Members"],
            ["Country", "Members"],
            ["Kenya", "Rivertown"],
        ],
    )
    page = doc.page()
    page.table(["Country", "Members"], [["Ghana", "Harbourtown"]])
    assert _members(doc) == [
        ("Fjordby", "Norway", "Europe", "local_government"),
        ("Harbourtown", "Ghana", "Africa", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
    ]
    assert _regions(doc) == [("Africa", 2), ("Europe", 2)]


def test_a_counted_heading_read_into_the_middle_of_a_header_cell_gives_the_region() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Local governments | 2", level=2)
    # the header took in the lines of the paragraph beside the region's heading
    page.table(
        ["as the towns write their names. Country", "Following the Africa — 2 MEMBERS our Members"],
        [["Kenya", "Rivertown, Lakeside"]],
    )
    assert _members(doc) == [
        ("Lakeside", "Kenya", "Africa", "local_government"),
        ("Rivertown", "Kenya", "Africa", "local_government"),
    ]
    assert _regions(doc) == [("Africa", 2)]


def test_a_table_placed_after_the_headings_of_the_next_column_keeps_its_own_heading() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    top = page.cursor
    page.heading("Europe (1)", level=2, top=top, x0=72.0)
    page.cursor = top + 20
    page.table(["Country", "Members"], [["Norway", "Lakeside"]], x0=72.0, x1=280.0)
    page.heading("Middle East (1)", level=2, top=top + 80, x0=72.0)
    # the flow reads the right column's heading and table before the left column's last table
    page.heading("Americas (1)", level=2, top=top, x0=300.0)
    page.cursor = top + 20
    page.table(["Country", "Members"], [["Chile", "Pinetown"]], x0=300.0, x1=523.0)
    page.cursor = top + 100
    page.table(["Country", "Members"], [["Oman", "Harbourtown"]], x0=72.0, x1=280.0)
    assert _members(doc) == [
        ("Harbourtown", "Oman", "Middle East", "local_government"),
        ("Lakeside", "Norway", "Europe", "local_government"),
        ("Pinetown", "Chile", "Americas", "local_government"),
    ]


def test_a_region_heading_printed_over_the_right_part_of_a_table_gives_its_region() -> None:
    """The flow placed the left part of a table under the heading of its column, while the
    region's heading is printed over its right part, lower: the table lists that region."""
    _doc, page = new_doc()
    over = page.heading("Members as of December", level=1, top=60.0)
    region = page.heading("Africa (2)", level=2, top=100.0, x0=300.0)
    page.cursor = 130.0
    table = page.table(["Country", "Members"], [["Kenya", "Rivertown"]], x0=72.0, x1=290.0)
    headings = [Placed(region, 1, (over,))]
    assert members._region_beside(headings, Placed(table, 1, (over,)), table) == "Africa"
    # a heading of its column printed below the region's: the table is listed under that one
    own = page.heading("Local governments", level=2, top=110.0, x0=72.0)
    assert members._region_beside(headings, Placed(table, 1, (over, own)), table) is None


def test_a_region_heading_set_apart_from_its_members_word_is_read_whole() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.heading("Local governments | 2", level=2)
    top = page.cursor
    page.heading("Middle East — 2", level=3, top=top, x0=72.0)
    page.heading("MEMBERS", level=3, top=top, x0=200.0)
    page.cursor = top + 30
    page = doc.page()
    page.table(["Country", "Members"], [["Oman", "Harbourtown, Lakeside"]])
    assert _members(doc) == [
        ("Harbourtown", "Oman", "Middle East", "local_government"),
        ("Lakeside", "Oman", "Middle East", "local_government"),
    ]


def test_headings_of_a_section_after_the_members_do_not_scope_a_column_of_them() -> None:
    """The right column's country headings go on under the kind of member of the left column,
    not under a heading of the next section printed lower ("Lakeside Cities Alliance" under
    "Agreements signed")."""
    doc, page = new_doc()
    page.heading("Members", level=1, top=60.0)
    page.heading("Institutions (2)", level=2, top=90.0)
    page.heading("Norway", level=3, top=120.0)
    page.body("Fjord Water Board", top=140.0)
    page.heading("Denmark", level=3, top=60.0, x0=300.0)
    page.body("Harbour Port Office", top=80.0, x0=300.0)
    page.heading("Agreements signed", level=1, top=400.0)
    page.heading("Lakeside Cities Alliance", level=2, top=430.0)
    page.body("The alliance and the association signed a memorandum.", top=460.0)
    assert _members(doc) == [
        ("Fjord Water Board", "Norway", None, "institution"),
        ("Harbour Port Office", "Denmark", None, "institution"),
    ]


def test_a_heading_spanning_the_columns_of_a_band_below_is_no_measure_of_a_column() -> None:
    """A heading printed over both columns of the next band starts where the list does: the
    next column still starts where the right column does, and the name wrapped to the left
    column is one member."""
    doc, page = new_doc()
    page.body("Contents of the review ........................ 3", x1=500.0)
    page = doc.page()
    page.heading("Members", level=1, top=60.0)
    page.heading("Institutions (2)", level=2, top=90.0)
    page.heading("Norway", level=3, top=120.0)
    page.body("Lakeside Regional Water\nAuthority", top=140.0, x1=190.0, line_widths=(118.0, 45.0))
    page.heading("Sweden", level=3, top=60.0, x0=300.0)
    page.body("Pinetown Harbour Board", top=80.0, x0=300.0)
    page.heading("Agreements signed in the year", level=1, top=400.0, x1=420.0)
    assert _members(doc) == [
        ("Lakeside Regional Water Authority", "Norway", None, "institution"),
        ("Pinetown Harbour Board", "Sweden", None, "institution"),
    ]
