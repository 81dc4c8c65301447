"""The agreements (MOU) rule on synthetic Documents: tables whose header carries an intro
sentence, tables whose cells a narrow column wrapped onto rows of their own, lists of partners
and dates wrapped over lines, words broken without a hyphen.

All content is invented: a fictional "Association of Lakeside Towns" and its partners."""

from __future__ import annotations

from datetime import date

from extractors.sections import agreements
from extractors.sections.base import Context
from tests.doc_factory import DocBuilder, PageBuilder


def _doc(year: int | None = 2024) -> tuple[DocBuilder, PageBuilder]:
    doc = DocBuilder(year=year)
    return doc, doc.page()


def _mous(doc: DocBuilder) -> list[tuple[str, date | None]]:
    return [(a.partner, a.date) for a in agreements.extract(Context(doc.build()))]


# --------------------------------------------------------------------------- tables


def test_header_with_the_intro_sentence_glued_on() -> None:
    """The table's header row took the sentence above it: "… signed two agreements … Partner"
    names both columns "signed"; the date column is the one whose cells are dates."""
    doc, page = _doc()
    page.heading("Cooperation Agreements", level=1)
    page.table(
        ["The association signed two agreements in 2024. Partner", "Date signed"],
        [["Reedwater Institute", "12 February 2024"], ["Harbourline Ferries", "9 October 2024"]],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 2, 12)),
        ("Harbourline Ferries", date(2024, 10, 9)),
    ]


def test_header_glued_on_both_columns_and_month_first_dates() -> None:
    doc, page = _doc()
    page.heading("MOU Signatures", level=1)
    intro = "The association signed two agreements in 2024."
    page.table(
        [f"{intro} Partner", f"{intro} Date signed"],
        [["Reedwater Institute", "February 12"], ["Harbourline Ferries", "October 9"]],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 2, 12)),
        ("Harbourline Ferries", date(2024, 10, 9)),
    ]


def test_rows_wrapped_in_a_narrow_column_are_joined() -> None:
    """A narrow table read one printed line a row: the partner and the date continue on the
    rows below ("14 Mar" / "2024", a name over three rows)."""
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(
        [],
        [
            ["Reedwater", "14 Mar"],
            ["Institute", "2024"],
            ["Northern Shore", "2 Jun"],
            ["Fisheries", "2024"],
            ["Council", ""],
            ["Harbourline", "21 Aug"],
            ["Ferries", "2024"],
        ],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 3, 14)),
        ("Northern Shore Fisheries Council", date(2024, 6, 2)),
        ("Harbourline Ferries", date(2024, 8, 21)),
    ]


def test_a_month_broken_without_a_hyphen_is_joined_back() -> None:
    """A date column too narrow for its month name breaks it inside the word ("Novem" /
    "ber 30,"): the pieces are one month, and the rows one agreement."""
    doc, page = _doc()
    page.heading("Agreements Signed", level=1)
    page.table(
        ["Partner", "Date signed"],
        [
            ["Reedwater", "April"],
            ["Institute", "19,"],
            ["", "2024"],
            ["Harbourline", "Novem"],
            ["Ferries", "ber 30,"],
            ["", "2024"],
            ["Northern", "Octobe"],
            ["Shore Council", "r 5, 2024"],
        ],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 4, 19)),
        ("Harbourline Ferries", date(2024, 11, 30)),
        ("Northern Shore Council", date(2024, 10, 5)),
    ]


def test_wrapped_rows_under_a_header() -> None:
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(["Partner", "Date signed"], [["Pinecrest Water", "15 Oct"], ["Board", "2024"]])
    assert _mous(doc) == [("Pinecrest Water Board", date(2024, 10, 15))]


def test_names_wrapped_under_whole_dates_are_joined() -> None:
    """A narrow table read one printed line a row, its dates short enough for one line: the
    rows without a date carry the rest of the partner's name above."""
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(
        ["Partner", "Date signed"],
        [
            ["Reedwater Water", "Mar 14"],
            ["Institute", ""],
            ["Northern Shore", "Jun 2"],
            ["Fisheries", ""],
            ["Council", ""],
            ["Harbourline Ferries", "Aug 21"],
        ],
    )
    assert _mous(doc) == [
        ("Reedwater Water Institute", date(2024, 3, 14)),
        ("Northern Shore Fisheries Council", date(2024, 6, 2)),
        ("Harbourline Ferries", date(2024, 8, 21)),
    ]


def test_a_sentence_taken_for_the_last_row_does_not_join_the_name_above() -> None:
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(
        ["Partner", "Date signed"],
        [
            ["Reedwater Institute", "Mar 14"],
            ["Harbourline Ferries", "Jun 2"],
            ["The association signed both agreements at its spring meeting", ""],
        ],
    )
    assert ("Harbourline Ferries", date(2024, 6, 2)) in _mous(doc)


def test_a_day_cut_from_its_month_starts_the_next_agreement() -> None:
    """ "16" / "February": the day opens a new agreement, the month row completes it."""
    doc, page = _doc()
    page.heading("Agreements", level=1)
    page.table(
        ["Partner", "Signed"],
        [
            ["Reedwater Institute", "3 May"],
            ["", "2024"],
            ["Harbourline Ferries", "16"],
            ["", "February"],
        ],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 5, 3)),
        ("Harbourline Ferries", date(2024, 2, 16)),
    ]


def test_a_header_printed_as_the_first_row_is_not_an_agreement() -> None:
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(
        [],
        [
            ["Partner", "Date signed", "Focus"],
            ["Reedwater Institute", "19 Apr 2024", "Wetland monitoring"],
            ["Harbourline Ferries", "28 Jul 2024", "Timetables shared"],
        ],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 4, 19)),
        ("Harbourline Ferries", date(2024, 7, 28)),
    ]


def test_a_word_broken_without_a_hyphen_is_mended_from_the_prose() -> None:
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(["Partner", "Date signed"], [["LakeLinkMedi a", "19 Apr 2024"]])
    page.body("The association entered into a media partnership with LakeLinkMedia in April.")
    assert _mous(doc) == [("LakeLinkMedia", date(2024, 4, 19))]


def test_two_real_words_are_not_joined() -> None:
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(["Partner", "Date signed"], [["Bank of Lakeside", "19 Apr 2024"]])
    page.body("The Bank of Lakeside will fund ferries; the bank offered loans.")
    assert _mous(doc) == [("Bank of Lakeside", date(2024, 4, 19))]


def test_table_without_rules_read_as_blocks() -> None:
    """Labels "Partner" | "Date signed" over blocks that start where they start: a table the
    parser left as blocks. The line under it, with nothing beside it, is no row."""
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.body("Partner", top=100, x0=72)
    page.body("Date signed", top=100, x0=200)
    page.body("Reedwater Institute", top=120, x0=72)
    page.body("Harbourline Ferries", top=140, x0=72)
    page.body("Shared ferry timetables for member towns", top=170, x0=72)
    page.body("12 Feb 2024", top=120, x0=200)
    page.body("9 Oct 2024", top=140, x0=200)
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 2, 12)),
        ("Harbourline Ferries", date(2024, 10, 9)),
    ]


def test_table_without_rules_whose_first_column_ran_into_the_date() -> None:
    """The text layer put the partner and the start of its date on one line ("Reedwater
    Institute 12 Feb", the year on a line of its own in the date column): the line is cut
    where the date column starts."""
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.body("Partner", top=100, x0=72)
    page.body("Date signed", top=100, x0=200)
    lines = ("Reedwater Institute 12 Feb", "of Lakes")
    page.body(" ".join(lines), lines=lines, top=120, x0=72, x1=72 + 26 * 6.4)
    page.body("2024", top=132, x0=200)
    assert _mous(doc) == [("Reedwater Institute of Lakes", date(2024, 2, 12))]


def test_partner_heading_takes_the_date_printed_under_it() -> None:
    """Two columns the parser did not tell apart: read across by height, the left partner is
    followed by the right one's date; its own is the one under it."""
    doc, page = _doc()
    page.heading("Partnerships", level=1, top=60)
    page.heading("Reedwater Institute", level=2, top=100, x0=72)
    page.heading("Harbourline Ferries", level=2, top=110, x0=300)
    page.body("9 October 2024", size=8, top=132, x0=300)
    page.body("12 February 2024", size=8, top=140, x0=72)
    assert sorted(_mous(doc)) == [
        ("Harbourline Ferries", date(2024, 10, 9)),
        ("Reedwater Institute", date(2024, 2, 12)),
    ]


def test_column_top_above_a_band_heading_stays_in_the_agreements() -> None:
    """A heading across the page whose section starts its columns again below it: the partner
    at the top of the second column, printed above it (but read after it), is still one."""
    doc, page = _doc()
    page.heading("Partnerships", level=1, top=60, x0=72)
    page.heading("Reedwater Institute", level=2, top=90, x0=72)
    page.body("12 February 2024", size=8, top=112, x0=72)
    page.heading("What We Did", level=1, top=300, x0=72)
    page.body("The association held eleven meetings in", top=330, x0=72, x1=300)
    page.heading("Harbourline Ferries", level=2, top=60, x0=320)
    page.body("9 October 2024", size=8, top=82, x0=320)
    page.body("its member towns and online.", top=330, x0=320)
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 2, 12)),
        ("Harbourline Ferries", date(2024, 10, 9)),
    ]


def test_columns_of_text_taken_for_a_table_are_read_down() -> None:
    """Columns of text the parser took for a table: the first column, read down as one text,
    is a list of partners and dates (an entry wrapped over two rows, a year left out)."""
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.table(
        [],
        [
            ["Reedwater Institute — 12 Feb", "The association", "shared"],
            ["2024", "works with", "timetables."],
            ["Harbourline Ferries — 9 Oct", "two partners", ""],
        ],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 2, 12)),
        ("Harbourline Ferries", date(2024, 10, 9)),
    ]


# --------------------------------------------------------------------------- lines


def test_lines_wrapped_in_a_narrow_column() -> None:
    """ "Partner — 19 Apr" / "2024": an entry wrapped over two lines of the block."""
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.body(
        "Reedwater Institute — 19 Apr\n2024\nHarbourline Ferries — 28 Jul 2024\n"
        "Northern Shore Fisheries Council\n— 30 Nov 2024"
    )
    found = agreements.extract(Context(doc.build()))
    assert [(a.partner, a.date) for a in found] == [
        ("Reedwater Institute", date(2024, 4, 19)),
        ("Harbourline Ferries", date(2024, 7, 28)),
        ("Northern Shore Fisheries Council", date(2024, 11, 30)),
    ]
    assert found[0].source.source_text == "Reedwater Institute — 19 Apr 2024"


def test_lines_with_month_first_dates_and_no_year() -> None:
    doc, page = _doc()
    page.heading("Agreements Signed", level=1)
    page.body("Reedwater Institute — April 23 Harbourline\nFerries — June 30")
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 4, 23)),
        ("Harbourline Ferries", date(2024, 6, 30)),
    ]


def test_prose_with_dates_is_not_a_list_of_agreements() -> None:
    doc, page = _doc()
    page.heading("Partnerships", level=1)
    page.body("The association signed an MOU with Reedwater Institute on 14 March 2024.")
    page.body("Reedwater Institute — 14 March 2024, with a program of joint training.")
    page.body("14 March 2024")
    assert _mous(doc) == []


def test_bulleted_lines() -> None:
    doc, page = _doc()
    page.heading("MOU Signings", level=1)
    page.body("• Reedwater Institute — 3 May 2024\n• Harbourline Ferries (9 October 2024)")
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 5, 3)),
        ("Harbourline Ferries", date(2024, 10, 9)),
    ]


def test_the_sentence_above_a_list_read_into_it_is_no_partner() -> None:
    """Columns of text taken for a table: the first column starts with the sentence above the
    list ("… signed two agreements in 2024."), which is no part of the first partner's name."""
    doc, page = _doc()
    page.heading("MOU Signatures", level=1)
    page.table(
        [],
        [
            ["The association signed two", "The ferries will"],
            ["agreements in 2024.", "share timetables."],
            ["Reedwater Institute — 12 Feb 2024 Harbourline", "The institute will"],
            ["Ferries — 9 Oct 2024", "survey the lake."],
        ],
    )
    assert _mous(doc) == [
        ("Reedwater Institute", date(2024, 2, 12)),
        ("Harbourline Ferries", date(2024, 10, 9)),
    ]


def test_a_partner_with_an_abbreviation_keeps_its_name() -> None:
    doc, page = _doc()
    page.heading("MOU Signatures", level=1)
    page.body("Lakeside Boat Co. Holdings — 12 Feb 2024")
    assert _mous(doc) == [("Lakeside Boat Co. Holdings", date(2024, 2, 12))]
