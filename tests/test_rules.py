"""Section rules, reconciliation and the extract contract on synthetic Documents (no PDF involved).

All content is invented: a fictional "Association of Lakeside Towns" and its towns and partners."""

from __future__ import annotations

import json
from datetime import date

import pytest

from extractors.extract import extract_document
from extractors.model import BBox, BlockRole, Document
from extractors.reconcile import reconcile
from extractors.records import (
    Figure,
    Member,
    MemberType,
    RegionTotal,
    Source,
    StatedTotal,
)
from extractors.sections import (
    agreements,
    awards,
    diplomatic,
    events,
    figures,
    members,
    new_members,
    partner_events,
    renames,
)
from extractors.sections.base import Context
from extractors.sections.vocabulary import counted, split_names
from tests.doc_factory import DocBuilder, PageBuilder, bold, plain

BODY = (
    "The Association of Lakeside Towns brings together towns that share a shoreline, "
    "so that they can plan water, transport and tourism together."
)


def ctx(doc: DocBuilder | Document) -> Context:
    return Context(doc.build() if isinstance(doc, DocBuilder) else doc)


def new_doc(year: int | None = 2024) -> tuple[DocBuilder, PageBuilder]:
    doc = DocBuilder(year=year)
    return doc, doc.page()


# =========================================================================== figures


def _figures(doc: DocBuilder) -> list[tuple[str, float | int, str | None, str | None]]:
    return [(f.label, f.value, f.unit, f.qualifier) for f in figures.extract(ctx(doc))]


def _figure_page() -> tuple[DocBuilder, PageBuilder]:
    """A page whose body text (10pt) dominates, so 28pt is a headline size."""
    doc, page = new_doc()
    page.heading("The Year in Numbers", level=1)
    page.body(BODY)
    page.body(BODY)
    return doc, page


def test_figure_with_label_under_it() -> None:
    doc, page = _figure_page()
    number = page.block("1.5 million", size=28)
    label = page.block("people reached by our lake campaigns", size=9)
    found = figures.extract(ctx(doc))
    assert [(f.label, f.value, f.unit, f.qualifier) for f in found] == [
        ("people reached by our lake campaigns", 1_500_000, None, None)
    ]
    assert found[0].source.page == 1
    assert found[0].source.bbox == number.bbox.union(label.bbox)
    assert found[0].source.source_text == "1.5 million people reached by our lake campaigns"


def test_figure_with_label_beside_it_wins_over_text_below() -> None:
    doc, page = _figure_page()
    number = page.block("Over 120", size=28, top=400)
    page.block("boat trips organized", size=9, top=405, x0=number.bbox.x1 + 12)
    page.block("a note printed under the number", size=9, top=number.bbox.bottom + 4)
    assert _figures(doc) == [("boat trips organized", 120, None, "over")]


def test_figure_percent_and_plus() -> None:
    doc, page = _figure_page()
    page.block("45%", size=28)
    page.block("of towns sort their waste", size=9)
    page.block("65+", size=28)
    page.block("volunteer divers", size=9)
    assert _figures(doc) == [
        ("of towns sort their waste", 45, "%", None),
        ("volunteer divers", 65, None, "+"),
    ]


def test_big_heading_with_words_is_not_a_figure() -> None:
    doc, page = _figure_page()
    page.block("Top 10 Shore Projects", size=28)
    page.block("chosen by the board", size=9)
    assert _figures(doc) == []


def test_small_body_number_is_not_a_figure() -> None:
    doc, page = _figure_page()
    page.block("2,400", size=10)
    page.block("litres of water tested", size=9)
    assert _figures(doc) == []


def test_contents_page_number_is_not_a_figure() -> None:
    doc, page = _figure_page()
    page.block("12", size=28, role=BlockRole.CONTENTS)
    page.block("Shoreline Projects", size=9)
    assert _figures(doc) == []


def test_figure_needs_a_label_close_by() -> None:
    doc, page = _figure_page()
    number = page.block("3,200", size=28)
    page.block("too far below to be its label", size=9, top=number.bbox.bottom + 60)
    assert _figures(doc) == []


def test_figure_label_must_not_be_a_heading() -> None:
    doc, page = _figure_page()
    page.block("7", size=28)
    page.heading("Partners", level=3, size=9)
    assert _figures(doc) == []


# =========================================================================== member overview


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EUROPE | 12", ("EUROPE", 12)),
        ("Africa (3)", ("Africa", 3)),
        ("Local authorities: 20", ("Local authorities", 20)),
        ("150 Members as of June 2024", ("Members", 150)),
        ("Oceania — 1,204 members", ("Oceania", 1204)),
        ("Our Members", None),
    ],
)
def test_counted_headings(text: str, expected: tuple[str, int] | None) -> None:
    assert counted(text) == expected


def test_split_names_keeps_commas_inside_parentheses() -> None:
    assert split_names("Fjordvik, Lakeside (North Shore, East Bank); Elm Bay.") == [
        "Fjordvik",
        "Lakeside (North Shore, East Bank)",
        "Elm Bay",
    ]


def _totals(overview: members.Overview) -> dict[str, int]:
    return {t.scope: t.value for t in overview.totals}


def test_heading_totals_regions_and_types() -> None:
    doc, page = new_doc()
    page.heading("150 Members as of June 2024", level=1)
    page.heading("Local authorities: 20", level=2)
    page.heading("EUROPE | 12", level=3)
    page.heading("Africa (3)", level=3)
    page.heading("5 New Members", level=2)
    page.heading("2024 Annual Meeting", level=2)
    overview = members.extract(ctx(doc))
    assert _totals(overview) == {"members.total": 150, "members.local_governments": 20}
    assert [(r.region, r.stated_count) for r in overview.regions] == [
        ("Europe", 12),
        ("Africa", 3),
    ]
    assert overview.regions[0].source.source_text == "EUROPE | 12"
    assert overview.members == []


def test_a_tile_that_counts_members_states_the_total_and_others_do_not() -> None:
    doc, page = _figure_page()
    page.block("USD 3.4M", size=28)
    page.block("raised for member town projects", size=9)
    page.block("214", size=28)
    page.block("members as of December 2024", size=9)
    page.block("12", size=28)
    page.block("new members joined the association", size=9)
    assert _totals(members.extract(ctx(doc))) == {"members.total": 214}


def test_prose_sentence_gives_totals_by_type() -> None:
    doc, page = new_doc()
    page.heading("Membership", level=1)
    page.body(
        "It was a busy year. The association had 150 members: 120 cities, 20 institutions "
        "and 10 companies. More joined later."
    )
    overview = members.extract(ctx(doc))
    assert _totals(overview) == {
        "members.total": 150,
        "members.local_governments": 120,
        "members.institutions": 20,
        "members.corporations": 10,
    }
    assert {t.source.source_text for t in overview.totals} == {
        "The association had 150 members: 120 cities, 20 institutions and 10 companies."
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "We now count over 150 members and 120 cities across the lakes.",
        "This year 5 new members joined, among them 3 cities.",
        "The association had 150 members.",
    ],
)
def test_prose_without_a_firm_breakdown_gives_no_totals(sentence: str) -> None:
    doc, page = new_doc()
    page.heading("Membership", level=1)
    page.body(sentence)
    assert members.extract(ctx(doc)).totals == []


def test_heading_total_wins_over_the_same_scope_in_prose() -> None:
    doc, page = new_doc()
    page.heading("Members | 152", level=1)
    page.body("The association had 150 members: 120 cities, 20 institutions and 10 companies.")
    assert _totals(members.extract(ctx(doc))) == {
        "members.total": 152,
        "members.local_governments": 120,
        "members.institutions": 20,
        "members.corporations": 10,
    }


def test_prose_breakdown_with_a_singular_company() -> None:
    doc, page = new_doc()
    page.heading("Membership", level=1)
    page.body("The association had 12 members: 11 cities and 1 company.")
    assert _totals(members.extract(ctx(doc))) == {
        "members.total": 12,
        "members.local_governments": 11,
        "members.corporations": 1,
    }


def _members(
    overview: members.Overview,
) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return [(m.name, m.country, m.country_iso3, m.region, m.member_type) for m in overview.members]


def test_country_members_tables_under_region_headings() -> None:
    doc, page = new_doc()
    page.heading("Our Members", level=1)
    page.heading("Local Governments | 5", level=2)
    page.heading("EUROPE | 3", level=3)
    table = page.table(
        ["Country", "Members"],
        [["Norway", "Fjordvik, Lakeside (North Shore, East Bank)"], ["Finland", "Kivijärvi"]],
    )
    page.heading("Africa (2)", level=3)
    page.table(["Country", "Cities"], [["Kenya", "Lakeview, Rivermouth"]])
    overview = members.extract(ctx(doc))
    assert _members(overview) == [
        ("Fjordvik", "Norway", "NOR", "Europe", "local_government"),
        ("Lakeside (North Shore, East Bank)", "Norway", "NOR", "Europe", "local_government"),
        ("Kivijärvi", "Finland", "FIN", "Europe", "local_government"),
        ("Lakeview", "Kenya", "KEN", "Africa", "local_government"),
        ("Rivermouth", "Kenya", "KEN", "Africa", "local_government"),
    ]
    first = overview.members[0].source
    assert (first.page, first.bbox) == (1, table.row_bboxes[0])
    assert first.source_text == "Norway | Fjordvik, Lakeside (North Shore, East Bank)"
    assert _totals(overview) == {"members.local_governments": 5}
    assert [(r.region, r.stated_count) for r in overview.regions] == [("Europe", 3), ("Africa", 2)]


def test_four_column_institutions_table_takes_type_from_heading() -> None:
    doc, page = new_doc()
    page.heading("Institutions: 3", level=2)
    page.table(
        ["Country", "Institutions", "Country", "Institutions"],
        [
            ["Chile", "Andes Water Institute", "Peru", "Titicaca Lake Academy"],
            ["Chile", "Southern Lakes Foundation", "", ""],
        ],
    )
    assert _members(members.extract(ctx(doc))) == [
        ("Andes Water Institute", "Chile", "CHL", None, "institution"),
        ("Titicaca Lake Academy", "Peru", "PER", None, "institution"),
        ("Southern Lakes Foundation", "Chile", "CHL", None, "institution"),
    ]


def test_member_type_from_the_names_column_when_no_heading_says() -> None:
    doc, page = new_doc()
    page.heading("Asia", level=2)
    page.table(["Country", "Companies"], [["Japan", "Harbourlight Sensors"]])
    page.heading("Europe", level=2)
    page.table(["Country", "Members"], [["Ireland", "Elmshore"]])
    assert _members(members.extract(ctx(doc))) == [
        ("Harbourlight Sensors", "Japan", "JPN", None, "corporation"),
        ("Elmshore", "Ireland", "IRL", "Europe", "local_government"),
    ]


def test_member_lines_read_across_the_blocks_a_layout_split_them_into() -> None:
    """A wrapped entry goes on in the next block; a country alone on its line has its names on
    the next; a paragraph that ends a sentence is no entry and continues none."""
    doc, page = new_doc()
    page.heading("Our Members", level=1)
    page.heading("EUROPE (4)", level=3)
    first = page.body("Norway: Fjordvik, Lakeside,\nNorth")
    page.body("Shore, Old Harbour\nFinland: Kivijärvi")  # the rest of Norway's names goes on
    page.body("United Kingdom:\nElmshore")
    page.body("All members are listed by country.")
    page.body("Kenya: Lakeview")
    assert [(m.name, m.country_iso3) for m in members.extract(ctx(doc)).members] == [
        ("Fjordvik", "NOR"),
        ("Lakeside", "NOR"),
        ("North Shore", "NOR"),
        ("Old Harbour", "NOR"),
        ("Kivijärvi", "FIN"),
        ("Elmshore", "GBR"),
        ("Lakeview", "KEN"),
    ]
    norway = members.extract(ctx(doc)).members[0].source
    assert (norway.page, norway.bbox) == (1, first.bbox)


def test_a_paragraph_after_member_lines_adds_no_names() -> None:
    doc, page = new_doc()
    page.heading("Our Members", level=1)
    page.body("Norway: Fjordvik")
    page.body("New members are welcome to join the network at any time of the year.")
    assert [m.name for m in members.extract(ctx(doc)).members] == ["Fjordvik"]


def test_table_that_describes_its_entries_is_not_a_member_list() -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    page.table(
        ["Country", "City", "Area", "Population"],
        [["Norway", "Fjordvik", "12 km2", "4,000"]],
    )
    page.table(["Country", "Capital"], [["Norway", "Oslo"]])
    assert members.extract(ctx(doc)).members == []


# =========================================================================== new members


def _new(doc: DocBuilder) -> list[tuple[object, ...]]:
    return [
        (
            m.name,
            m.country,
            m.kind,
            m.area_km2,
            m.population,
            m.leader_title,
            m.leader_name,
        )
        for m in new_members.extract(ctx(doc))
    ]


def test_new_member_cards() -> None:
    doc, page = new_doc()
    page.heading("New Members", level=1)
    card = page.heading("Pinecrest (Canada)", level=2)
    facts = page.body(
        "Area: 1,234 km²\nPopulation: 2.5 million\nGovernor: Ann Example",
    )
    page.body("Pinecrest is a lakeside town known for its boat festival.")
    page.heading("Harbourlight Technologies (Japan)", level=2)
    page.body("A firm that builds water sensors for small towns.")
    page.heading("Northern Lakes University (Sweden)", level=2)
    page.body("A research university on the shore.")
    page.heading("Reedmere (Atlantis)", level=2)
    page.body("Area: 5 km2")
    assert _new(doc) == [
        ("Pinecrest", "Canada", "local_government", 1234, 2_500_000, "Governor", "Ann Example"),
        ("Harbourlight Technologies", "Japan", "corporation", None, None, None, None),
        ("Northern Lakes University", "Sweden", "institution", None, None, None, None),
    ]
    first = new_members.extract(ctx(doc))[0].source
    assert first.page == 1
    assert first.bbox == card.bbox.union(facts.bbox)
    assert first.source_text == "Pinecrest (Canada)"


def test_cards_outside_a_new_members_section_are_ignored() -> None:
    doc, page = new_doc()
    page.heading("Study Visits", level=1)
    page.heading("Stonebridge (Italy)", level=2)
    page.body("Area: 10 km2\nMayor: Piero Inventato")
    assert _new(doc) == []


def test_new_members_table_with_placeholder_cells() -> None:
    doc, page = new_doc()
    page.heading("Welcoming our new members", level=1)
    table = page.table(
        ["Member", "Country", "Area", "Population", "Leader"],
        [
            ["Elmshore", "Ireland", "56 km²", "120,000", "Mayor Bea Sample"],
            ["Quayside Data Ltd", "Malta", "—", "—", "—"],
            ["Westmoor", "Norway", "1.2", "8 500", "Chair: Ole Fictive"],
        ],
    )
    assert _new(doc) == [
        ("Elmshore", "Ireland", "local_government", 56, 120_000, "Mayor", "Bea Sample"),
        ("Quayside Data Ltd", "Malta", "corporation", None, None, None, None),
        ("Westmoor", "Norway", "local_government", 1.2, 8500, "Chair", "Ole Fictive"),
    ]
    first = new_members.extract(ctx(doc))[0].source
    assert (first.page, first.bbox) == (1, table.row_bboxes[0])
    assert first.source_text == "Elmshore | Ireland | 56 km² | 120,000 | Mayor Bea Sample"


def test_member_list_table_is_not_a_new_members_table() -> None:
    doc, page = new_doc()
    page.heading("New Members", level=1)
    page.table(["Country", "Members"], [["Norway", "Fjordvik"]])
    assert _new(doc) == []


def test_population_table_outside_new_members_section_is_ignored() -> None:
    doc, page = new_doc()
    page.heading("Host Towns of the Summer School", level=1)
    page.table(["City", "Country", "Population"], [["Fjordvik", "Norway", "4,000"]])
    assert _new(doc) == []


def test_card_area_in_hectares_is_converted_to_km2() -> None:
    doc, page = new_doc()
    page.heading("New Members", level=1)
    page.heading("Pinecrest (Canada)", level=2)
    page.body("Area: 250 ha\nPopulation: 4,100")
    assert _new(doc) == [
        ("Pinecrest", "Canada", "local_government", 2.5, 4100, None, None),
    ]


# =========================================================================== agreements


def _mous(doc: DocBuilder) -> list[tuple[str, date | None]]:
    return [(a.partner, a.date) for a in agreements.extract(ctx(doc))]


def test_dated_partner_headings_under_an_mou_heading() -> None:
    doc, page = new_doc()
    page.heading("MOU Signings", level=1)
    partner = page.heading("Lakeside Water Trust", level=2)
    page.body("March 14, 2024")
    page.body("The two parties agreed to share data on lake levels.")
    page.heading("Pinecrest Council", level=2)
    page.body("The council and the association will work together on ferries.")
    page.heading("Harbour Institute", level=2)
    page.body("Oct 2")
    found = agreements.extract(ctx(doc))
    assert [(a.partner, a.date) for a in found] == [
        ("Lakeside Water Trust", date(2024, 3, 14)),
        ("Harbour Institute", date(2024, 10, 2)),
    ]
    assert (found[0].source.page, found[0].source.bbox) == (1, partner.bbox)
    assert found[0].source.source_text == "Lakeside Water Trust"


def test_partner_signed_table() -> None:
    doc, page = new_doc()
    page.heading("Agreements", level=1)
    table = page.table(
        ["Partner", "Signed"],
        [["Northern Lakes University", "14 March 2024"], ["Elmshore  Port Authority", "2 Sep"]],
    )
    found = agreements.extract(ctx(doc))
    assert [(a.partner, a.date) for a in found] == [
        ("Northern Lakes University", date(2024, 3, 14)),
        ("Elmshore Port Authority", date(2024, 9, 2)),
    ]
    assert found[1].source.bbox == table.row_bboxes[1]
    assert found[1].source.source_text == "Elmshore  Port Authority | 2 Sep"


def test_dated_headings_outside_an_mou_section_are_not_agreements() -> None:
    doc, page = new_doc()
    page.heading("Activities", level=1)
    page.heading("Lake Cleanup Day", level=2)
    page.body("May 3, 2024")
    page.table(["Partner", "Signed"], [["Northern Lakes University", "14 March 2024"]])
    assert _mous(doc) == []


def test_undated_heading_does_not_borrow_the_next_partners_date() -> None:
    doc, page = new_doc()
    page.heading("MOU Signings", level=1)
    page.heading("Partners in Europe", level=2)
    page.heading("Harbour Institute", level=2)
    page.body("Oct 2")
    assert _mous(doc) == [("Harbour Institute", date(2024, 10, 2))]


# =========================================================================== organized events


def _events(doc: DocBuilder) -> list[tuple[str, date, date]]:
    return [(e.name, e.start_date, e.end_date) for e in events.extract(ctx(doc))]


def test_heading_with_a_date_line() -> None:
    doc, page = new_doc()
    page.heading("Activities", level=1)
    heading = page.heading("Shoreline Mayors Forum", level=2)
    line = page.body("April 9-11, 2024")
    page.body("Mayors of eleven towns met to discuss flood defences along the shore.")
    found = events.extract(ctx(doc))
    assert [(e.name, e.start_date, e.end_date) for e in found] == [
        ("Shoreline Mayors Forum", date(2024, 4, 9), date(2024, 4, 11))
    ]
    assert found[0].source.bbox == heading.bbox.union(line.bbox)
    assert found[0].source.source_text == "Shoreline Mayors Forum April 9-11, 2024"


def test_date_line_with_a_place() -> None:
    doc, page = new_doc()
    page.heading("Ferry Safety Training", level=2)
    page.body("October 18 | Pinecrest")
    assert _events(doc) == [("Ferry Safety Training", date(2024, 10, 18), date(2024, 10, 18))]


def test_heading_with_two_part_date_lines() -> None:
    doc, page = new_doc()
    page.heading("Lake Data Academy", level=2)
    page.body("June 4, 2024 (Part 1)\nJune 18, 2024 (Part 2)")
    assert _events(doc) == [
        ("Lake Data Academy (Part 1)", date(2024, 6, 4), date(2024, 6, 4)),
        ("Lake Data Academy (Part 2)", date(2024, 6, 18), date(2024, 6, 18)),
    ]


def test_heading_ending_in_its_date() -> None:
    doc, page = new_doc()
    page.heading("Network Seminar (May 3)", level=2)
    page.body("A seminar on boat traffic between the towns.")
    assert _events(doc) == [("Network Seminar", date(2024, 5, 3), date(2024, 5, 3))]


def test_timeline_entries_merge_into_activities_and_unmatched_are_kept() -> None:
    doc, page = new_doc()
    page.heading("Activities", level=1)
    page.heading("Shoreline Mayors Forum", level=2)
    page.body("April 9-11, 2024")
    page.heading("Lake Data Academy", level=2)
    page.body("June 4, 2024")
    timeline = doc.page()
    timeline.heading("Timeline", level=1)
    timeline.heading("APR 9-11", level=3)
    timeline.body("Forum of Shoreline Mayors")
    timeline.heading("JUN 4", level=3)
    timeline.body("Data Academy")
    label = timeline.heading("NOV 25", level=3)
    entry = timeline.body("Winter Ice Safety Workshop")
    found = events.extract(ctx(doc))
    assert [(e.name, e.start_date, e.end_date) for e in found] == [
        ("Shoreline Mayors Forum", date(2024, 4, 9), date(2024, 4, 11)),
        ("Lake Data Academy", date(2024, 6, 4), date(2024, 6, 4)),
        ("Winter Ice Safety Workshop", date(2024, 11, 25), date(2024, 11, 25)),
    ]
    kept = found[2].source
    assert (kept.page, kept.bbox, kept.source_text) == (
        2,
        entry.bbox.union(label.bbox),
        "Winter Ice Safety Workshop",
    )


def test_timeline_label_with_two_names_matching_two_activities() -> None:
    doc, page = new_doc()
    page.heading("Activities", level=1)
    page.heading("Ice Safety Workshop", level=2)
    page.body("November 25, 2024")
    page.heading("Snow Removal Clinic", level=2)
    page.body("November 25, 2024")
    page.heading("Timeline", level=1)
    page.heading("NOV 25", level=3)
    page.body("Snow Clinic")
    page.body("Ice Workshop")
    assert _events(doc) == [
        ("Ice Safety Workshop", date(2024, 11, 25), date(2024, 11, 25)),
        ("Snow Removal Clinic", date(2024, 11, 25), date(2024, 11, 25)),
    ]


def test_timeline_label_with_two_unmatched_names_keeps_both() -> None:
    doc, page = new_doc()
    page.heading("Timeline", level=1)
    page.heading("NOV 25", level=3)
    page.body("Winter Ice Safety Workshop")
    page.body("Snow Removal Clinic")
    assert _events(doc) == [
        ("Snow Removal Clinic", date(2024, 11, 25), date(2024, 11, 25)),
        ("Winter Ice Safety Workshop", date(2024, 11, 25), date(2024, 11, 25)),
    ]


def test_second_timeline_name_on_a_matched_date_is_kept() -> None:
    doc, page = new_doc()
    page.heading("Activities", level=1)
    page.heading("Snow Removal Clinic", level=2)
    page.body("November 25, 2024")
    page.heading("Timeline", level=1)
    page.heading("NOV 25", level=3)
    page.body("Winter Ice Safety Workshop")
    page.body("Snow Removal Clinic")
    assert _events(doc) == [
        ("Snow Removal Clinic", date(2024, 11, 25), date(2024, 11, 25)),
        ("Winter Ice Safety Workshop", date(2024, 11, 25), date(2024, 11, 25)),
    ]


def test_headings_under_mou_and_new_members_sections_are_not_events() -> None:
    doc, page = new_doc()
    page.heading("MOU Signings", level=1)
    page.heading("Harbour Institute", level=2)
    page.body("Oct 2")
    page.heading("New Members", level=1)
    page.heading("Pinecrest (Canada)", level=2)
    page.body("March 1, 2024")
    assert _events(doc) == []


def test_date_line_followed_by_a_long_paragraph_is_not_a_timeline_label() -> None:
    doc, page = new_doc()
    page.heading("Clean Water Summit", level=2)
    page.heading("Dec 1, 2024", level=3)
    page.body(
        "Delegations from the member towns spent the day on the water, sampling the lake at "
        "twelve points and comparing the results with the figures of the previous winter, "
        "before agreeing on a common plan."
    )
    assert _events(doc) == [("Clean Water Summit", date(2024, 12, 1), date(2024, 12, 1))]


def test_heading_without_a_date_is_not_an_event() -> None:
    doc, page = new_doc()
    page.heading("Message from the President", level=2)
    page.body("It has been a good year for the lakes and for the towns around them.")
    assert _events(doc) == []


# =========================================================================== partner events

_PARTNER_HEADER = ["Date", "Event Name", "Theme", "Event Organizer"]


def test_partner_events_table() -> None:
    doc, page = new_doc()
    page.heading("Partner Events", level=1)
    table = page.table(
        _PARTNER_HEADER,
        [
            ["Jun 5", "Great Lakes Summit", "Water security", "Lake Forum"],
            ["Sep 30 - Oct 2", "Shore Expo", "", "Coastal Towns Network"],
            ["Nov 12, 2023", "Ice Week", "Winter", "Nordic Ice Board"],
            ["", "", "", ""],
        ],
    )
    found = partner_events.extract(ctx(doc))
    assert [(e.date, e.name, e.theme, e.organizer) for e in found] == [
        (date(2024, 6, 5), "Great Lakes Summit", "Water security", "Lake Forum"),
        (date(2024, 9, 30), "Shore Expo", None, "Coastal Towns Network"),
        (date(2023, 11, 12), "Ice Week", "Winter", "Nordic Ice Board"),
    ]
    assert found[0].source.bbox == table.row_bboxes[0]
    assert found[0].source.source_text == "Jun 5 | Great Lakes Summit | Water security | Lake Forum"


def test_partner_event_date_without_year_and_no_report_year() -> None:
    doc, page = new_doc(year=None)
    page.table(_PARTNER_HEADER, [["Jun 5", "Great Lakes Summit", "Water", "Lake Forum"]])
    assert [(e.date, e.name) for e in partner_events.extract(ctx(doc))] == [
        (None, "Great Lakes Summit")
    ]


@pytest.mark.parametrize(
    "header",
    [
        ["Event", "Organizer"],  # no date column
        ["Date", "Event", "Venue"],  # neither theme nor organizer
    ],
)
def test_tables_that_are_not_partner_events(header: list[str]) -> None:
    doc, page = new_doc()
    page.table(header, [["Jun 5", "Boat Days", "Pier"][: len(header)]])
    assert partner_events.extract(ctx(doc)) == []


def test_partner_event_placeholder_organizer_is_null() -> None:
    doc, page = new_doc()
    page.table(_PARTNER_HEADER, [["Jun 5", "Great Lakes Summit", "Water", "—"]])
    assert [e.organizer for e in partner_events.extract(ctx(doc))] == [None]


# =========================================================================== awards


def test_awards_table_with_bold_winner_lines() -> None:
    doc, page = new_doc()
    page.heading("Lakeside Awards", level=1)
    table = page.table(
        ["Category", "Gold", "Silver", "Special Mention"],
        [
            [
                "Clean Water",
                [bold("Pinecrest"), plain("Reed bed filters"), plain("for the harbour")],
                [bold("Elmshore"), plain("Rain gardens")],
                [bold("Fjordvik")],
            ],
            [
                "Mobility",
                "Westmoor\nLake ferries",
                "",
                [bold("Old"), bold("Harbour"), plain("Bikes")],
            ],
        ],
    )
    found = awards.extract(ctx(doc))
    assert [(a.category, a.level, a.city, a.project) for a in found] == [
        ("Clean Water", "gold", "Pinecrest", "Reed bed filters for the harbour"),
        ("Clean Water", "silver", "Elmshore", "Rain gardens"),
        ("Clean Water", "special_mention", "Fjordvik", None),
        ("Mobility", "gold", "Westmoor", "Lake ferries"),
        ("Mobility", "special_mention", "Old Harbour", "Bikes"),
    ]
    assert found[1].source.bbox == table.row_bboxes[0]
    assert found[1].source.source_text == "Elmshore\nRain gardens"


def test_table_without_level_columns_has_no_awards() -> None:
    doc, page = new_doc()
    page.heading("Lakeside Awards", level=1)
    page.table(["Category", "City", "Project"], [["Clean Water", "Pinecrest", "Filters"]])
    page.table(["Category", "Gold", "Notes"], [["Mobility", "Westmoor", "Ferries"]])
    assert awards.extract(ctx(doc)) == []


# =========================================================================== diplomatic


def _countries(doc: DocBuilder) -> list[tuple[str, str | None]]:
    return [(c.name, c.country_iso3) for c in diplomatic.extract(ctx(doc))]


def test_countries_under_an_embassy_heading() -> None:
    doc, page = new_doc()
    page.heading("Embassy Meetings", level=1)
    first = page.body("NORWAY")
    page.body("• Chile")
    page.body(
        "Ambassadors from these countries visited the lake:\n- Ghana\n- CHILE\n- Japan\n"
        "- Republic of Lakeland"
    )
    for word in ("Meeting", "Water", "norway", "The Kingdom of Lakes"):
        page.body(word)
    page.table(["Visits"], [["Kenya"], ["Ferry tour"]])
    page.heading("Study Visits", level=1)
    page.body("Italy")
    assert _countries(doc) == [
        ("Norway", "NOR"),
        ("Chile", "CHL"),
        ("Ghana", "GHA"),
        ("Japan", "JPN"),
        ("Kenya", "KEN"),
    ]
    src = diplomatic.extract(ctx(doc))[0].source
    assert (src.page, src.bbox, src.source_text) == (1, first.bbox, "NORWAY")


def test_no_embassy_section_no_countries() -> None:
    doc, page = new_doc()
    page.heading("Study Visits", level=1)
    page.body("Norway")
    assert _countries(doc) == []


def test_two_line_block_of_two_countries() -> None:
    doc, page = new_doc()
    page.heading("Embassy Meetings", level=1)
    page.body("Kenya\nPeru")
    assert _countries(doc) == [("Kenya", "KEN"), ("Peru", "PER")]


def test_comma_list_running_on_into_the_next_block() -> None:
    doc, page = new_doc()
    page.heading("Embassy Meetings", level=1)
    page.body("Chile, Ghana,\nKenya,")
    page.body("Norway, Peru")
    assert _countries(doc) == [
        ("Chile", "CHL"),
        ("Ghana", "GHA"),
        ("Kenya", "KEN"),
        ("Norway", "NOR"),
        ("Peru", "PER"),
    ]


def test_country_name_broken_between_two_list_blocks() -> None:
    doc, page = new_doc()
    page.heading("Meetings with Diplomatic Corps", level=1)
    page.body("Republic, Ecuador, Peru")  # a column further right, read first
    page.body("Angola, Chile, Dominican")
    assert _countries(doc) == [
        ("Ecuador", "ECU"),
        ("Peru", "PER"),
        ("Angola", "AGO"),
        ("Chile", "CHL"),
        ("Dominican Republic", "DOM"),
    ]


def test_list_by_bullets_and_ands_keeps_names_with_and() -> None:
    doc, page = new_doc()
    page.heading("Embassy Meetings", level=1)
    page.body("Chile • Trinidad and Tobago • Peru and Ghana")
    page.body("Bosnia and Herzegovina, Kenya & Norway")
    assert _countries(doc) == [
        ("Chile", "CHL"),
        ("Trinidad and Tobago", "TTO"),
        ("Peru", "PER"),
        ("Ghana", "GHA"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Kenya", "KEN"),
        ("Norway", "NOR"),
    ]


def test_a_prose_line_reading_as_a_country_is_not_one() -> None:
    doc, page = new_doc()
    page.heading("Embassy Meetings", level=1)
    page.body("The office met ambassadors\nof embassies in the\nRepublic of Korea to\nplan visits.")
    assert _countries(doc) == []


# =========================================================================== renames


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Brook, formerly Brookfield Lake, joined the water panel.", ("Brook", "Brookfield Lake")),
        ("Old Harbour was renamed Port Sela in March.", ("Port Sela", "Old Harbour")),
        ("Marsh Town (previously Marshby) hosted the forum.", ("Marsh Town", "Marshby")),
        ("In May, Ferrytown changed its name to Ferry Bay.", ("Ferry Bay", "Ferrytown")),
    ],
)
def test_renames_the_prose_states(sentence: str, expected: tuple[str, str]) -> None:
    doc, page = new_doc()
    page.heading("Members", level=1)
    block = page.body(f"{BODY} {sentence}")
    found = renames.extract(ctx(doc))
    assert [(r.name, r.previous_name) for r in found] == [expected]
    assert (found[0].source.page, found[0].source.bbox) == (1, block.bbox)
    assert found[0].source.source_text == sentence


def test_no_rename_without_the_words_of_one() -> None:
    doc, page = new_doc()
    page.body(f"{BODY} Brook hosted Brookfield Lake. The forum was formerly held in spring.")
    page.heading("Brook, formerly Brookfield", level=1)  # headings are not prose
    assert renames.extract(ctx(doc)) == []


# =========================================================================== reconcile

_SRC = Source(1, BBox(72, 100, 300, 120), "stated")


def _member(name: str, region: str | None, kind: MemberType = "local_government") -> Member:
    return Member(name, "Norway", "NOR", region, kind, _SRC)


def _rows(
    totals: list[StatedTotal],
    regions: list[RegionTotal],
    listed: list[Member],
    found: list[Figure],
    counts: dict[str, int],
) -> list[tuple[str, int, int, bool | None]]:
    rows = reconcile(totals, regions, listed, found, counts)
    return [(r.scope, r.stated, r.extracted, r.ok) for r in rows]


def test_reconcile_member_totals_and_regions() -> None:
    totals = [
        StatedTotal("members.total", 6, _SRC),
        StatedTotal("members.local_governments", 3, _SRC),
        StatedTotal("members.institutions", 2, _SRC),
        StatedTotal("members.corporations", 2, _SRC),
    ]
    regions = [RegionTotal("Europe", 2, _SRC), RegionTotal("Africa", 2, _SRC)]
    listed = [
        _member("Fjordvik", "Europe"),
        _member("Kivijärvi", "Europe"),
        _member("Lakeview", "Africa"),
        _member("Andes Water Institute", None, "institution"),
    ]
    assert _rows(totals, regions, listed, [], {}) == [
        ("members.local_governments", 3, 3, True),
        ("members.institutions", 2, 1, False),
        ("members.corporations", 2, 0, None),  # stated, not listed: nothing to compare
        ("members.total", 6, 6, True),  # 4 listed + 2 corporations only counted
        ("members.region.Europe", 2, 2, True),
        ("members.region.Africa", 2, 1, False),
    ]


def test_reconcile_figures_with_record_counts() -> None:
    found = [
        Figure("new members joined", 7, None, None, _SRC),
        Figure("MOUs signed", 65, None, "+", _SRC),  # hedged: not a total
        Figure("Over 12 partner events", 12, None, "over", _SRC),
        Figure("organized 18 activities", 18, None, None, _SRC),
        Figure("people reached", 1_500_000, None, None, _SRC),
    ]
    counts = {"new_members": 6, "mous": 65, "partner_events": 12, "organized_events": 18}
    assert _rows([], [], [], found, counts) == [
        ("new_members", 7, 6, False),
        ("organized_events", 18, 18, True),
    ]


def test_reconcile_nothing_stated_nothing_reported() -> None:
    assert reconcile([], [], [_member("Fjordvik", "Europe")], [], {"new_members": 0}) == []


# =========================================================================== extract_document

CONTRACT = {
    "report": {"report_id", "organization", "year", "title", "source_file", "sha256", "pages"},
    "figures": {"label", "value", "unit", "qualifier"},
    "region_totals": {"region", "stated_count"},
    "members": {"name", "country", "country_iso3", "region", "member_type"},
    "new_members": {
        "name",
        "country",
        "kind",
        "area_km2",
        "population",
        "leader_title",
        "leader_name",
    },
    "mous": {"partner", "date"},
    "organized_events": {"name", "start_date", "end_date"},
    "partner_events": {"date", "name", "theme", "organizer"},
    "awards": {"category", "level", "city", "project"},
    "diplomatic_countries": {"name"},
    "reconciliation": {"scope", "stated", "extracted", "ok"},
}
LISTS = [*(k for k in CONTRACT if k != "report"), "people", "renames", "mentions"]


def _full_report() -> Document:
    doc = DocBuilder(year=2024)
    p1 = doc.page()
    p1.heading("The Year in Numbers", level=1)
    p1.body(BODY)
    p1.body(BODY)
    p1.block("2", size=28)
    p1.block("new members joined", size=9)
    p1.block("Over 300", size=28)
    p1.block("volunteers", size=9)

    p2 = doc.page()
    p2.heading("Members | 4", level=1)
    p2.body("The association had 4 members: 3 cities and 1 corporation.")
    p2.heading("EUROPE | 2", level=2)
    p2.table(["Country", "Members"], [["Norway", "Fjordvik, Lakeside"]])
    p2.heading("Africa (2)", level=2)
    p2.table(["Country", "Members"], [["Kenya", "Lakeview"]])

    p3 = doc.page()
    p3.heading("New Members", level=1)
    p3.heading("Lakeview (Kenya)", level=2)
    p3.body("Area: 80 km²\nPopulation: 45,000\nMayor: Wanjiru Sample")
    p3.heading("MOU Signings", level=1)
    p3.heading("Harbour Institute", level=2)
    p3.body("Oct 2, 2024")
    p3.heading("Activities", level=1)
    p3.heading("Shoreline Mayors Forum", level=2)
    p3.body("April 9-11, 2024")

    p4 = doc.page()
    p4.heading("Partner Events", level=1)
    p4.table(_PARTNER_HEADER, [["Jun 5", "Great Lakes Summit", "Water", "Lake Forum"]])
    p4.heading("Lakeside Awards", level=1)
    p4.table(
        ["Category", "Gold", "Silver"],
        [["Clean Water", [bold("Pinecrest"), plain("Filters")], [bold("Elmshore"), plain("Rain")]]],
    )
    p4.heading("Embassy Meetings", level=1)
    p4.body("Ghana")
    return doc.build()


def test_extract_document_contract() -> None:
    out = extract_document(_full_report()).to_dict()
    json.dumps(out)  # JSON-ready
    assert set(out) == {"report", "member_totals", *LISTS}
    assert out["report"] == {
        "report_id": "lakeside-2024",
        "publisher_id": "lakeside",
        "organization": "Association of Lakeside Towns",
        "acronym": None,
        "year": 2024,
        "title": "Annual Report 2024",
        "source_file": "raw_reports/lakeside-2024.pdf",
        "sha256": "ab" * 32,
        "pages": 4,
    }
    for key, fields in CONTRACT.items():
        if key == "report":
            continue
        assert out[key], key
        for record in out[key]:
            assert fields | {"page", "bbox", "source_text"} <= set(record), key
            assert isinstance(record["page"], int) and record["page"] >= 1
            assert len(record["bbox"]) == 4
            assert isinstance(record["source_text"], str) and record["source_text"]

    mt = out["member_totals"]
    assert {k: mt[k] for k in ("total", "local_governments", "institutions", "corporations")} == {
        "total": 4,
        "local_governments": 3,
        "institutions": None,
        "corporations": 1,
    }
    assert mt["sources"]["total"]["page"] == 2
    assert mt["sources"]["total"]["source_text"] == "Members | 4"

    assert [(f["label"], f["value"], f["qualifier"]) for f in out["figures"]] == [
        ("new members joined", 2, None),
        ("volunteers", 300, "over"),
    ]
    assert out["mous"][0] == out["mous"][0] | {"partner": "Harbour Institute", "date": "2024-10-02"}
    assert [(e["name"], e["start_date"], e["end_date"]) for e in out["organized_events"]] == [
        ("Shoreline Mayors Forum", "2024-04-09", "2024-04-11")
    ]
    assert out["partner_events"][0]["date"] == "2024-06-05"
    assert [m["name"] for m in out["new_members"]] == ["Lakeview"]
    assert [(m["name"], m["region"]) for m in out["members"]] == [
        ("Fjordvik", "Europe"),
        ("Lakeside", "Europe"),
        ("Lakeview", "Africa"),
    ]
    assert [(a["level"], a["city"]) for a in out["awards"]] == [
        ("gold", "Pinecrest"),
        ("silver", "Elmshore"),
    ]
    assert [c["name"] for c in out["diplomatic_countries"]] == ["Ghana"]
    assert [(r["scope"], r["stated"], r["extracted"], r["ok"]) for r in out["reconciliation"]] == [
        ("members.local_governments", 3, 3, True),
        ("members.corporations", 1, 0, None),
        ("members.total", 4, 4, True),
        ("members.region.Europe", 2, 2, True),
        ("members.region.Africa", 2, 1, False),
        ("new_members", 2, 1, False),
    ]
    assert isinstance(out["people"], list) and isinstance(out["mentions"], list)


def test_extract_document_without_any_section() -> None:
    doc = DocBuilder(year=2024)
    page = doc.page()
    page.heading("Foreword", level=1)
    page.body(BODY)
    out = extract_document(doc.build()).to_dict()
    assert set(out) == {"report", "member_totals", *LISTS}
    assert all(out[key] == [] for key in LISTS), {k: out[k] for k in LISTS if out[k]}
    assert out["member_totals"] == {
        "total": None,
        "local_governments": None,
        "institutions": None,
        "corporations": None,
        "sources": {},
    }


def test_extract_document_with_no_pages_and_no_year() -> None:
    document = DocBuilder(year=None).build()
    out = extract_document(document).to_dict()
    assert out["report"]["year"] is None and out["report"]["pages"] == 0
    assert all(out[key] == [] for key in LISTS)


def test_countries_of_prose_and_a_list_read_as_one_table() -> None:
    # a paragraph beside a list of symbol-font bullets, read as one table: a country may be in
    # the header row, behind a private-use bullet, or several merged into one cell
    doc, page = new_doc()
    page.heading("Meetings with Diplomatic Corps", level=1)
    page.table(
        ["The Secretariat met", "\uf0b7", "Norway"],
        [
            [
                "ambassadors of the Republic of Lakeland",
                "\uf0b7 \uf0b7",
                "Chile Dominican Republic",
            ],
            ["\uf0b7 Ghana", "", "In Numbers"],
        ],
    )
    assert _countries(doc) == [
        ("Norway", "NOR"),
        ("Chile", "CHL"),
        ("Dominican Republic", "DOM"),
        ("Ghana", "GHA"),
    ]
