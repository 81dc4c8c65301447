"""Organized events in the shapes the document model hands over imperfectly: titles carrying their
date that were read as body text, timeline entries listing two names in one block, date lines
each followed by one name, and event tables with a lost header or with cells wrapped over rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from extractors.sections import events
from extractors.sections.base import Context
from tests.doc_factory import RIGHT, DocBuilder, PageBuilder

PROSE = (
    "Harbour masters from the member towns met on the quay to compare their winter plans, "
    "and agreed to share one ferry timetable."
)


def _doc(year: int | None = 2024) -> tuple[DocBuilder, PageBuilder]:
    doc = DocBuilder(year=year)
    return doc, doc.page()


def _events(doc: DocBuilder) -> list[tuple[str, date, date]]:
    found = events.extract(Context(doc.build()))
    return [(e.name, e.start_date, e.end_date) for e in found]


def _paragraph(page: PageBuilder) -> None:
    """A wrapped paragraph: it shows where the text column ends."""
    page.body(
        PROSE,
        lines=(
            "Harbour masters from the member towns met on the quay to compare their winter",
            "plans, and agreed to share one ferry timetable.",
        ),
    )


# ------------------------------------------------------------------ titles read as body text


def test_body_block_that_is_a_title_with_its_date() -> None:
    doc, page = _doc()
    page.heading("Our Activities", level=1)
    page.heading("Lantern Regatta (4 Mar 2024)", level=2)
    page.body(PROSE)
    page.body("HARBOUR LIGHTS FESTIVAL (12 JUN)")
    page.body(PROSE)
    page.body("e-Ferry Ticketing Workshop (3–5 September 2024)")
    assert _events(doc) == [
        ("Lantern Regatta", date(2024, 3, 4), date(2024, 3, 4)),
        ("HARBOUR LIGHTS FESTIVAL", date(2024, 6, 12), date(2024, 6, 12)),
        ("e-Ferry Ticketing Workshop", date(2024, 9, 3), date(2024, 9, 5)),
    ]


def test_body_block_that_is_a_title_with_the_dates_of_its_parts() -> None:
    doc, page = _doc()
    page.heading("Our Activities", level=1)
    page.body("Shore Data Webinars (Part 1: 7 Mar 2024; Part 2: 9 May 2024)")
    page.body(PROSE)
    assert _events(doc) == [
        ("Shore Data Webinars (Part 1)", date(2024, 3, 7), date(2024, 3, 7)),
        ("Shore Data Webinars (Part 2)", date(2024, 5, 9), date(2024, 5, 9)),
    ]


def test_prose_ending_in_a_dated_aside_is_not_a_title() -> None:
    doc, page = _doc()
    page.heading("Our Activities", level=1)
    page.body("the boats were back in the harbour before the storm (June 3)")
    page.body("The ferries ran again. Pilots were thanked (June 4)")
    assert _events(doc) == []


def test_titles_read_as_body_text_under_new_members_are_not_events() -> None:
    doc, page = _doc()
    page.heading("New Members", level=1)
    page.body("Pinecrest Harbour Board (12 June 2024)")
    assert _events(doc) == []


def test_space_before_a_hyphen_inside_a_word_is_dropped() -> None:
    doc, page = _doc()
    page.heading("Our Activities", level=1)
    page.heading("CO -CREATION OF SAFER PIERS", level=2)
    page.body("9 December")
    assert _events(doc) == [("CO-CREATION OF SAFER PIERS", date(2024, 12, 9), date(2024, 12, 9))]


def test_spaced_hyphen_after_a_prefix_in_capitals_is_inside_a_word() -> None:
    """ "PRE - WORKSHOP": in capitals the case cannot tell a hyphen from a dash between words;
    a prefix before it can ("HARBOUR BOARD - LAKE TOWNS" keeps its dash)."""
    doc, page = _doc()
    page.heading("Our Activities", level=1)
    page.heading("LAKE TOWNS PRE - WORKSHOP", level=2)
    page.body("9 December")
    page.heading("HARBOUR BOARD - LAKE TOWNS FORUM", level=2)
    page.body("10 December")
    assert _events(doc) == [
        ("LAKE TOWNS PRE-WORKSHOP", date(2024, 12, 9), date(2024, 12, 9)),
        ("HARBOUR BOARD - LAKE TOWNS FORUM", date(2024, 12, 10), date(2024, 12, 10)),
    ]


# ------------------------------------------------------------------------------- timelines


def test_timeline_entry_listing_two_names_one_a_line() -> None:
    doc, page = _doc()
    page.heading("Timeline", level=1)
    _paragraph(page)
    page.heading("25 November", level=3)
    page.body(
        "Harbour Safety Drill Ferry Pilots Workshop",
        lines=("Harbour Safety Drill", "Ferry Pilots Workshop"),
    )
    page.heading("9 December", level=3)
    page.body("Winter Lights Evening")
    assert _events(doc) == [
        ("Ferry Pilots Workshop", date(2024, 11, 25), date(2024, 11, 25)),
        ("Harbour Safety Drill", date(2024, 11, 25), date(2024, 11, 25)),
        ("Winter Lights Evening", date(2024, 12, 9), date(2024, 12, 9)),
    ]


def test_timeline_entry_with_a_wrapped_name_stays_one_event() -> None:
    doc, page = _doc()
    page.heading("Timeline", level=1)
    page.heading("25 November", level=3)
    page.body(
        "Regional Conference on Lake Shore Erosion",
        lines=("Regional Conference on Lake", "Shore Erosion"),
    )
    assert _events(doc) == [
        ("Regional Conference on Lake Shore Erosion", date(2024, 11, 25), date(2024, 11, 25))
    ]


def _measured_timeline(first_end: float) -> list[tuple[str, date, date]]:
    """A timeline column that reaches x=300 (its widest entry), and an entry of two printed lines,
    the first ending at `first_end`, the second (a 21-letter line whose letters are 5.5 points
    wide: its first word, a space and a letter's margin take 38.5) ending at 187.5."""
    doc, page = _doc()
    page.heading("Timeline", level=1)
    page.heading("3 June", level=3)
    page.body("Annual Meeting of the Harbour Towns", x1=300.0)
    page.heading("25 November", level=3)
    page.body(
        "Harbour Safety Drill on the Ferry Piers Ferry Pilots Workshop",
        lines=("Harbour Safety Drill on the Ferry Piers", "Ferry Pilots Workshop"),
        line_x1=(first_end, 72 + 21 * 5.5),
    )
    return _events(doc)


def test_timeline_line_ending_where_the_next_first_word_would_have_fitted_starts_a_name() -> None:
    """The first line ends 45 points short of the column: "Ferry" would have fitted on it, so
    the line was broken on purpose, between two names (however long the first line reads)."""
    assert _measured_timeline(255.0) == [
        ("Annual Meeting of the Harbour Towns", date(2024, 6, 3), date(2024, 6, 3)),
        ("Ferry Pilots Workshop", date(2024, 11, 25), date(2024, 11, 25)),
        ("Harbour Safety Drill on the Ferry Piers", date(2024, 11, 25), date(2024, 11, 25)),
    ]


def test_timeline_line_ending_with_no_room_for_the_next_first_word_wrapped() -> None:
    """35 points short: "Ferry" and a space would fit, but not with a letter to spare."""
    assert _measured_timeline(265.0)[1] == (
        "Harbour Safety Drill on the Ferry Piers Ferry Pilots Workshop",
        date(2024, 11, 25),
        date(2024, 11, 25),
    )


def test_timeline_line_starting_a_title_after_a_whole_title_starts_a_name() -> None:
    """The first name fills its line (no room is left for the next line's first word), but it
    is a whole title and the next line, capitalized, names its own kind of event: two names.
    A line that starts with the kind ("Training Program") ends the name above."""
    doc, page = _doc()
    page.heading("Timeline", level=1)
    page.heading("3 June", level=3)
    page.body("Annual Meeting of the Harbour Towns", x1=300.0)
    page.heading("25 November", level=3)
    page.body(
        "Ferry Pilots Workshop on Safer Piers Lake Towns Workshop on Winter Harbours",
        lines=("Ferry Pilots Workshop on Safer Piers", "Lake Towns Workshop on Winter", "Harbours"),
        line_x1=(298.0, 290.0, 72 + 8 * 5.5),
    )
    page.heading("9 December", level=3)
    page.body(
        "Harbour Data Policy Training Program",
        lines=("Harbour Data Policy Training", "Program"),
        line_x1=(298.0, 72 + 7 * 5.5),
    )
    assert _events(doc)[1:] == [
        ("Ferry Pilots Workshop on Safer Piers", date(2024, 11, 25), date(2024, 11, 25)),
        ("Lake Towns Workshop on Winter Harbours", date(2024, 11, 25), date(2024, 11, 25)),
        ("Harbour Data Policy Training Program", date(2024, 12, 9), date(2024, 12, 9)),
    ]


def test_timeline_name_broken_over_columns_ends_at_the_top_of_the_next_column() -> None:
    """The last entry of a column says no kind of event yet; the next column starts with a few
    words that say one ("Training Program"): the end of that name, not text of its own. An
    entry that names its kind already ("Shoreline Towns Forum") takes nothing more."""
    doc, page = _doc()
    page.heading("Timeline", level=1)
    page.heading("3 June", level=3)
    page.body("Shoreline Towns Forum")
    page.heading("25 November", level=3)
    page.body("Ferry Pilots Policy")
    page.body("Training Program", x0=320.0, top=60.0)
    page.heading("9 December", level=3, x0=320.0, top=80.0)
    page.body("Winter Lights Evening", x0=320.0, top=100.0)
    nxt = doc.page()
    nxt.body("Harbour Board Meeting")
    nxt.body(PROSE)
    assert _events(doc) == [
        ("Shoreline Towns Forum", date(2024, 6, 3), date(2024, 6, 3)),
        ("Ferry Pilots Policy Training Program", date(2024, 11, 25), date(2024, 11, 25)),
        ("Winter Lights Evening", date(2024, 12, 9), date(2024, 12, 9)),
    ]


# -------------------------------------------------------------------- date lines over names


def test_run_of_date_lines_each_followed_by_a_name() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body(PROSE)
    page.body("24 February")
    page.body("Lakeside Kickoff Meeting")
    page.body("3 May")
    page.body("Shoreline Towns Forum")
    page.body("27 September – 8 October")
    page.body("Ferry Pilots Training Program")
    page.body(PROSE)
    assert _events(doc) == [
        ("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24)),
        ("Shoreline Towns Forum", date(2024, 5, 3), date(2024, 5, 3)),
        ("Ferry Pilots Training Program", date(2024, 9, 27), date(2024, 10, 8)),
    ]


def test_names_over_their_date_lines_are_not_paired_with_the_next_date() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body("Lakeside Kickoff Meeting")
    page.body("24 February")
    page.body("Shoreline Towns Forum")
    page.body("3 May")
    page.body("Ferry Pilots Training Program")
    page.body("27 September")
    assert _events(doc) == []


def test_a_single_date_line_over_a_name_is_no_list() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body(PROSE)
    page.body("24 February")
    page.body("Lakeside Kickoff Meeting")
    page.body(PROSE)
    assert _events(doc) == []


# ---------------------------------------------------------------------------------- tables


def test_table_whose_header_was_read_as_a_body_row() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.table(
        [],
        [
            ["The year opened with a meeting of", "", ""],
            ["Date", "Event", "all member towns on the quay."],
            ["24 February", "Lakeside Kickoff Meeting", "Mayors signed the plan."],
        ],
    )
    assert _events(doc) == [("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24))]


def test_table_rows_split_by_wrapped_cells_are_joined_back() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.table(
        ["Date", "Event"],
        [
            ["14", "Shoreline Towns"],
            ["September", "Forum"],
            ["27 September", "Ferry Pilots Training"],
            ["– 8 October", "Program"],
            ["15", "Joint Online Course"],
            ["November –", ""],
            ["3 December", ""],
            ["29 September", "Harbour Data Week"],
            ["– 3", ""],
            ["October", ""],
            ["9 December", "Winter Lights Evening"],
        ],
    )
    assert _events(doc) == [
        ("Shoreline Towns Forum", date(2024, 9, 14), date(2024, 9, 14)),
        ("Ferry Pilots Training Program", date(2024, 9, 27), date(2024, 10, 8)),
        ("Harbour Data Week", date(2024, 9, 29), date(2024, 10, 3)),
        ("Joint Online Course", date(2024, 11, 15), date(2024, 12, 3)),
        ("Winter Lights Evening", date(2024, 12, 9), date(2024, 12, 9)),
    ]


def test_table_date_cells_wrapped_before_their_year_are_joined_back() -> None:
    """ "27 September – 8 October," / "2021": the year row belongs to the date above, and the next
    row's full date starts an event of its own; "15 November – December" / "3, 2024" is one
    range (neither half a date alone)."""
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.table(
        ["Date", "Event"],
        [
            ["September 27 – October 8,", "Ferry Pilots Training"],
            ["2024", "Program"],
            ["October 14, 2024", "Harbour Board Meeting 2024"],
            ["November 15 – December", "Joint Online Course"],
            ["3, 2024", ""],
        ],
    )
    assert _events(doc) == [
        ("Ferry Pilots Training Program", date(2024, 9, 27), date(2024, 10, 8)),
        ("Harbour Board Meeting 2024", date(2024, 10, 14), date(2024, 10, 14)),
        ("Joint Online Course", date(2024, 11, 15), date(2024, 12, 3)),
    ]


def test_table_printed_twice_side_by_side() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.table(
        ["Date", "Event", "Date", "Event"],
        [
            ["24 February", "Lakeside Kickoff Meeting", "7 June", "Pier Repair Clinic"],
            ["3 May", "Shoreline Towns Forum", "", ""],
        ],
    )
    assert _events(doc) == [
        ("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24)),
        ("Shoreline Towns Forum", date(2024, 5, 3), date(2024, 5, 3)),
        ("Pier Repair Clinic", date(2024, 6, 7), date(2024, 6, 7)),
    ]


def test_table_printed_twice_with_the_labels_of_one_half_glued_onto_its_first_row() -> None:
    """The right half's labels are a row of their own; the left half's were glued onto its
    first row ("Date 24 February" | "Event Lakeside Kickoff Meeting") and are cut off."""
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.table(
        [],
        [
            ["The association held four events.", "", "Date", "Event"],
            ["", "", "3 May", "Shoreline Towns Forum"],
            ["Date 24 February", "Event Lakeside Kickoff Meeting", "7 June", "Pier Repair Clinic"],
            ["9 March", "Harbour Day", "", ""],
        ],
    )
    assert _events(doc) == [
        ("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24)),
        ("Harbour Day", date(2024, 3, 9), date(2024, 3, 9)),
        ("Shoreline Towns Forum", date(2024, 5, 3), date(2024, 5, 3)),
        ("Pier Repair Clinic", date(2024, 6, 7), date(2024, 6, 7)),
    ]


def test_partner_table_whose_header_was_read_as_a_body_row_is_not_ours() -> None:
    doc, page = _doc()
    page.heading("Highlights", level=1)
    page.table(
        [],
        [
            ["Date", "Event", "Theme", "Organizer"],
            ["16 Feb", "Lake Cities Summit", "Financing piers", "Pinecrest Council"],
        ],
    )
    assert _events(doc) == []


# ------------------------------------------------------------------ tables printed without rules


def test_table_without_rules_read_as_blocks() -> None:
    """Labels "Date" | "Event" over blocks that start where they start: a table the parser left
    as blocks. The paragraph under it is no row."""
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body("Date", top=100, x0=72)
    page.body("Event", top=100, x0=160)
    page.body("24 February", top=120, x0=72)
    page.body("3–5 May", top=140, x0=72)
    page.body(PROSE, top=170, x0=72)
    page.body("Lakeside Kickoff Meeting", top=120, x0=160)
    page.body("Shoreline Towns Forum", top=140, x0=160)
    assert _events(doc) == [
        ("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24)),
        ("Shoreline Towns Forum", date(2024, 5, 3), date(2024, 5, 5)),
    ]


def test_table_without_rules_of_partner_events_is_not_ours() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body("Date", top=100, x0=72)
    page.body("Event", top=100, x0=160)
    page.body("Organizer", top=100, x0=300)
    page.body("24 February", top=120, x0=72)
    page.body("Lake Cities Summit", top=120, x0=160)
    page.body("Pinecrest Council", top=120, x0=300)
    assert _events(doc) == []


# ------------------------------------------------------------------ columns read across


def test_heading_takes_the_date_printed_under_it_not_the_next_in_reading_order() -> None:
    """Two columns the parser did not tell apart: read across by height, the left heading is
    followed by the right column's date line; its own is the one under it."""
    doc, page = _doc()
    page.heading("Pier Repair Clinic", level=2, top=100, x0=72)
    page.heading("Shoreline Towns Forum", level=2, top=110, x0=300)
    page.body("7 June 2024", size=8, top=132, x0=300)
    page.body("3 May 2024", size=8, top=140, x0=72)
    assert sorted(_events(doc)) == [
        ("Pier Repair Clinic", date(2024, 5, 3), date(2024, 5, 3)),
        ("Shoreline Towns Forum", date(2024, 6, 7), date(2024, 6, 7)),
    ]


def test_column_top_above_a_band_heading_stays_in_the_section_before() -> None:
    """A heading across the page whose section starts its columns again below it: the top of
    the second column, printed above it (but read after it), is still the activities' section."""
    doc, page = _doc()
    page.heading("What We Did", level=1, top=60, x0=72)
    page.body(PROSE, top=90, x0=72, x1=300)
    page.heading("Joined This Year", level=1, top=300, x0=72)
    page.body("Ten towns joined the association in 2024: eight", top=330, x0=72, x1=300)
    page.body("Pier Repair Clinic (7 June 2024)", top=60, x0=320)
    page.body("towns and two ferry companies.", top=330, x0=320)
    assert _events(doc) == [("Pier Repair Clinic", date(2024, 6, 7), date(2024, 6, 7))]


def test_timeline_set_in_columns_read_across_pairs_each_date_with_the_name_under_it() -> None:
    """Two timeline columns the parser did not tell apart: read across by height, a date label
    is followed by the other column's label; its name is the block printed under it."""
    doc, page = _doc()
    page.heading("What We Did", level=1, top=60)
    page.heading("24 Feb", level=3, top=100, x0=72)
    page.heading("29 Jun", level=3, top=100, x0=300)
    page.body("Lakeside Kickoff Meeting", top=114, x0=72)
    page.body("Shoreline Towns Forum", top=114, x0=300)
    page.heading("3 May", level=3, top=140, x0=72)
    page.heading("8 Sep", level=3, top=140, x0=300)
    page.body("Pier Repair Clinic", top=154, x0=72)
    page.body("Ferry Pilots Workshop", top=154, x0=300)
    assert _events(doc) == [
        ("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24)),
        ("Pier Repair Clinic", date(2024, 5, 3), date(2024, 5, 3)),
        ("Shoreline Towns Forum", date(2024, 6, 29), date(2024, 6, 29)),
        ("Ferry Pilots Workshop", date(2024, 9, 8), date(2024, 9, 8)),
    ]


def test_timeline_takes_no_text_after_its_last_entry_for_a_name() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.heading("9 December", level=3)
    page.body("Winter Lights Evening")
    page.body("Members and the harbour masters met online to present the winter plan and the new")
    assert _events(doc) == [("Winter Lights Evening", date(2024, 12, 9), date(2024, 12, 9))]


def test_timeline_name_hyphenated_where_it_wrapped_is_mended() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.heading("17 June", level=3)
    page.body("Shoreline Towns Pre- workshop", lines=("Shoreline Towns Pre-", "workshop"))
    assert _events(doc) == [("Shoreline Towns Pre-workshop", date(2024, 6, 17), date(2024, 6, 17))]


def test_spaces_around_a_hyphen_inside_a_word_are_dropped_a_dash_stays() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.heading("17 June", level=3)
    page.body("Shoreline Towns Pre - workshop")
    page.heading("27 September", level=3)
    page.body("Lakeside - Harbour Training Program")
    assert _events(doc) == [
        ("Shoreline Towns Pre-workshop", date(2024, 6, 17), date(2024, 6, 17)),
        ("Lakeside - Harbour Training Program", date(2024, 9, 27), date(2024, 9, 27)),
    ]


# ------------------------------------------------------------------ long titles read as body


def test_long_title_read_as_body_over_its_date_line_and_its_description() -> None:
    """A title wrapped over many lines of a narrow column, which the layout did not take for a
    heading, with its date line under it and then its description."""
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body(PROSE)
    page.body(
        "LAKE CITIES CAPACITY BUILDING FOR DIGITAL FERRY SERVICES WEBINAR",
        lines=("LAKE CITIES", "CAPACITY BUILDING", "FOR DIGITAL FERRY", "SERVICES", "WEBINAR"),
    )
    page.body("10 June")
    page.body(PROSE)
    page.body("SHORELINE TOWNS FORUM")
    page.body("22 June (Part 1)\n29 September (Part 2)")
    page.body(PROSE)
    assert _events(doc) == [
        (
            "LAKE CITIES CAPACITY BUILDING FOR DIGITAL FERRY SERVICES WEBINAR",
            date(2024, 6, 10),
            date(2024, 6, 10),
        ),
        ("SHORELINE TOWNS FORUM (Part 1)", date(2024, 6, 22), date(2024, 6, 22)),
        ("SHORELINE TOWNS FORUM (Part 2)", date(2024, 9, 29), date(2024, 9, 29)),
    ]


# ------------------------------------------------------------------ dates beside their names


def test_dates_with_their_names_printed_beside_them_read_as_blocks() -> None:
    """A "Date | Event" list set with white space, without its header, that the parser left as
    blocks and read in an order that pairs no date with its name."""
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body("18 October", top=100, x0=72)
    page.body("25 November", top=120, x0=72)
    page.body("27 September – 8 October", top=140, x0=72)
    page.body("5th Lakeside General Assembly", top=100, x0=200)
    page.body("Ferry Pilots Workshop", top=120, x0=200)
    page.body("Harbour Masters Training Program", top=140, x0=200)
    assert _events(doc) == [
        ("Harbour Masters Training Program", date(2024, 9, 27), date(2024, 10, 8)),
        ("5th Lakeside General Assembly", date(2024, 10, 18), date(2024, 10, 18)),
        ("Ferry Pilots Workshop", date(2024, 11, 25), date(2024, 11, 25)),
    ]


def test_a_single_date_beside_a_title_is_no_list() -> None:
    doc, page = _doc()
    page.heading("What We Did", level=1)
    page.body(PROSE, top=80)
    page.body("18 October", top=140, x0=72)
    page.body("Harbour Masters Training Program", top=140, x0=160)
    assert _events(doc) == []


# ------------------------------------------------------------------ tables continued


def test_table_continued_without_its_header_keeps_its_columns() -> None:
    """The parser ends a table where the page ends (or where a row is set apart) and starts a
    new one without a header, or with a first row it took for one."""
    doc = DocBuilder(year=2024)
    page = doc.page()
    page.heading("What We Did", level=1)
    page.table(["Date", "Event"], [["24 February", "Lakeside Kickoff Meeting"]])
    page.table([], [["3 May", "Shoreline Towns Forum"], ["7 June", "Pier Repair Clinic"]])
    nxt = doc.page()
    nxt.table(["12 August", "Ferry Pilots Workshop"], [["9 December", "Winter Lights Evening"]])
    assert _events(doc) == [
        ("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24)),
        ("Shoreline Towns Forum", date(2024, 5, 3), date(2024, 5, 3)),
        ("Pier Repair Clinic", date(2024, 6, 7), date(2024, 6, 7)),
        ("Ferry Pilots Workshop", date(2024, 8, 12), date(2024, 8, 12)),
        ("Winter Lights Evening", date(2024, 12, 9), date(2024, 12, 9)),
    ]


def test_table_whose_labels_were_read_apart_as_blocks_takes_them_as_its_header() -> None:
    """The labels "Date" | "Event" end a text column as two blocks, the ruled rows start the
    next column (and go on on the next page): the rows are read under those labels."""
    doc = DocBuilder(year=2024)
    page = doc.page()
    page.heading("What We Did", level=1)
    page.body(PROSE, top=100, x0=72, x1=280)
    page.body("Date", top=700, x0=72)
    page.body("Event", top=700, x0=140)
    page.cursor = 100.0
    rows = [["24 Feb", "Lakeside Kickoff Meeting"], ["3 May", "Shoreline Towns Forum"]]
    page.table([], rows, x0=310, x1=RIGHT)
    doc.page().table(["12 Aug", "Ferry Pilots Workshop"], [["9 Dec", "Winter Lights Evening"]])
    assert _events(doc) == [
        ("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24)),
        ("Shoreline Towns Forum", date(2024, 5, 3), date(2024, 5, 3)),
        ("Ferry Pilots Workshop", date(2024, 8, 12), date(2024, 8, 12)),
        ("Winter Lights Evening", date(2024, 12, 9), date(2024, 12, 9)),
    ]


def test_labels_read_apart_head_no_table_of_another_width_or_section() -> None:
    doc = DocBuilder(year=2024)
    page = doc.page()
    page.heading("What We Did", level=1)
    page.body(PROSE, top=100, x0=72, x1=280)
    page.body("Date", top=700, x0=72)
    page.body("Event", top=700, x0=140)
    page.cursor = 100.0
    row = ["24 Feb", "Lakeside Kickoff Meeting", "Pinecrest Council"]
    page.table([], [row], x0=310, x1=RIGHT)
    nxt = doc.page()
    nxt.heading("Partner Events", level=1)
    nxt.table([], [["3 May", "Shoreline Towns Forum"]])
    assert _events(doc) == []


def test_table_after_a_gap_page_is_no_continuation() -> None:
    doc = DocBuilder(year=2024)
    page = doc.page()
    page.heading("What We Did", level=1)
    page.table(["Date", "Event"], [["24 February", "Lakeside Kickoff Meeting"]])
    doc.page().body(PROSE)
    doc.page().table([], [["3 May", "Shoreline Towns Forum"]])
    assert _events(doc) == [("Lakeside Kickoff Meeting", date(2024, 2, 24), date(2024, 2, 24))]


def test_section_title_split_in_two_headings_on_one_line_still_names_partner_events() -> None:
    """A letter-spaced title whose word gap stepped over a column gutter comes out as two
    headings on one line ("ON PARTNER" | "STAGES"): the whole line names the section."""
    doc, page = _doc()
    page.heading("ON PARTNER", level=1, top=60, x0=72)
    page.heading("STAGES", level=1, top=60, x0=280)
    page.cursor = 100.0
    page.table(["Event Name", "Date"], [["Lake Cities Summit", "29 Apr"]])
    page.body("Lake Cities Summit (29 April)")
    assert _events(doc) == []


def test_long_title_read_as_body_beside_a_block_of_another_column() -> None:
    """A block of the next text column that happens to start on the title's first line is no
    cell beside it: the title over its date line and description is still an event."""
    doc, page = _doc()
    page.heading("What We Did", level=1)
    title = page.body(
        "SHORELINE TOWNS NETWORK PRE-WORKSHOP",
        lines=("SHORELINE TOWNS", "NETWORK PRE-", "WORKSHOP"),
        x1=160,
    )
    page.body("17 June", x1=160)
    page.body(PROSE, x1=160)
    page.body(PROSE, top=title.bbox.top, x0=320)
    page.page.blocks[-1] = replace(page.page.blocks[-1], column=1)
    assert _events(doc) == [
        ("SHORELINE TOWNS NETWORK PRE-WORKSHOP", date(2024, 6, 17), date(2024, 6, 17))
    ]
