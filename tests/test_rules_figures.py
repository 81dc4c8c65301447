"""Headline figures on synthetic pages: labels made whole from the page's lines, numbers broken
over lines, years set large. All content is invented (a fictional "Association of Lakeside
Towns")."""

from __future__ import annotations

from extractors.normalize.numbers import parse_quantity, rejoined
from extractors.sections import figures
from extractors.sections.base import Context
from tests.doc_factory import DocBuilder, PageBuilder

BODY = (
    "The Association of Lakeside Towns brings together towns that share a shoreline, "
    "so that they can plan water, transport and tourism together."
)


def _page() -> tuple[DocBuilder, PageBuilder]:
    """A page whose body text (10pt) dominates, so 28pt is a headline size."""
    doc = DocBuilder(year=2024)
    page = doc.page()
    page.heading("The Year in Numbers", level=1)
    page.body(BODY)
    page.body(BODY)
    return doc, page


def _figures(doc: DocBuilder) -> list[tuple[str, float | int, str | None, str | None]]:
    found = figures.extract(Context(doc.build()))
    return [(f.label, f.value, f.unit, f.qualifier) for f in found]


def test_scale_word_broken_over_two_lines() -> None:
    quantity = parse_quantity("USD 3.4 mi llion")
    assert quantity is not None
    assert (quantity.value, quantity.unit) == (3_400_000, "USD")
    five = parse_quantity("5 mi les")
    assert five is not None and five.value == 5


def test_number_broken_inside_its_digits_is_read_whole() -> None:
    doc, page = _page()
    page.block("257,3\n18", size=28, top=300)
    page.block("visits to our lake pages", size=9, top=370)
    assert _figures(doc) == [("visits to our lake pages", 257_318, None, None)]


def test_number_broken_inside_a_group_of_digits() -> None:
    cases = {"1,200,00 0": 1_200_000, "257 3 18": 257_318, "257,318 100+": 257_318, "3,5 10": 3.5}
    for text, value in cases.items():
        quantity = parse_quantity(text)
        assert quantity is not None and quantity.value == value, text


def test_year_set_large_is_not_a_figure() -> None:
    doc, page = _page()
    page.block("2023 Activities", size=28, top=300)
    page.block("the towns met nine times in the year", size=9, top=340)
    assert _figures(doc) == []


def test_label_wrapped_onto_more_lines_is_whole() -> None:
    doc, page = _page()
    page.block("1.2M", size=28, top=300)
    page.block("page views of", size=10, top=350)
    page.block("the lake atlas", size=10, top=380)
    page.block("and its maps", size=10, top=410)
    page.block("9", size=28, top=450)
    page.block("towns joined", size=10, top=500)
    assert _figures(doc) == [
        ("page views of the lake atlas and its maps", 1_200_000, None, None),
        ("towns joined", 9, None, None),
    ]


def test_paragraph_under_a_figure_is_not_its_label() -> None:
    doc, page = _page()
    page.block("1.2M", size=28, top=300)
    page.block("page views of", size=10, top=350)
    page.block("the lake atlas", size=10, top=380)
    page.block("Page views count the atlas and the\nrecordings of our meetings.", size=10, top=410)
    assert _figures(doc) == [("page views of the lake atlas", 1_200_000, None, None)]


def test_word_beside_the_numbers_last_line_starts_the_label() -> None:
    doc, page = _page()
    number = page.block("Over\n300", size=28, top=300)
    page.block("boat", size=10, top=number.bbox.bottom - 14, x0=number.bbox.x0 + 50)
    page.block("trips organized", size=10, top=number.bbox.bottom + 8)
    assert _figures(doc) == [("boat trips organized", 300, None, "over")]


def test_label_wrapped_around_the_number_beats_text_far_to_its_right() -> None:
    doc, page = _page()
    number = page.block("45+", size=28, top=300, x1=120)
    # the label starts beside the number and wraps under it, so its box starts at its left
    page.block("towns joined the clean shore\ncampaign", size=9, top=318, x1=200)
    page.block("a note in the next column", size=9, top=318, x0=260)
    assert _figures(doc) == [("towns joined the clean shore campaign", 45, None, "+")]
    assert number.bbox.x1 == 120


def test_number_broken_right_after_its_lead_group() -> None:
    quantity = parse_quantity("USD 3,4 00,000")
    assert quantity is not None
    assert (quantity.value, quantity.unit) == (3_400_000, "USD")


def test_line_nearer_to_the_next_number_is_not_the_labels() -> None:
    doc, page = _page()
    page.block("1.2M", size=28, top=300)
    page.block("page views of", size=10, top=350)
    page.block("the lake atlas", size=10, top=380)
    page.block("Cleaned", size=10, top=410)  # over the next number, not under the label
    page.block("45 beaches", size=28, top=428)
    page.block("cleaned by volunteers", size=10, top=470)
    views = [f for f in _figures(doc) if f[1] == 1_200_000]
    assert views == [("page views of the lake atlas", 1_200_000, None, None)]


def test_label_around_the_number_goes_on_over_it() -> None:
    doc, page = _page()
    page.block("Boat trips", size=10, top=300)
    page.block("run in", size=10, top=330)
    number = page.block("2.5", size=28, top=346)
    page.block("days on", size=10, top=number.bbox.bottom - 12, x0=number.bbox.x1 + 4)
    page.block("average", size=10, top=number.bbox.bottom + 20)
    assert _figures(doc) == [("Boat trips run in 2.5 days on average", 2.5, None, None)]


def test_label_around_a_number_starts_on_the_line_over_it() -> None:
    doc, page = _page()
    page.block("Cleaned", size=10, top=300)
    number = page.block("over\n300", size=28, top=320)
    page.block("shore", size=10, top=number.bbox.bottom - 14, x0=number.bbox.x0 + 50)
    page.block("beaches", size=10, top=number.bbox.bottom + 2)
    assert _figures(doc) == [("Cleaned over 300 shore beaches", 300, None, "over")]


def test_hedge_set_large_over_the_number_is_its_qualifier() -> None:
    doc, page = _page()
    head = page.block("Cleaned", size=10, top=312, x1=120)
    page.block("over", size=28, top=300, x0=head.bbox.x1 + 3)
    number = page.block("300", size=28, top=340, x1=130)
    page.block("beaches", size=10, top=number.bbox.bottom - 14, x0=number.bbox.x1 + 3)
    assert _figures(doc) == [("Cleaned over 300 beaches", 300, None, "over")]


def test_sentence_over_a_stack_of_figures_is_not_the_first_label() -> None:
    doc, page = _page()
    page.block("The year in two figures, each counting the whole year.", size=9, top=290)
    page.block("45", size=24, top=303)
    page.block("beaches cleaned", size=9, top=335)
    page.block("12", size=24, top=348)
    page.block("boat trips organized", size=9, top=380)
    assert _figures(doc) == [
        ("beaches cleaned", 45, None, None),
        ("boat trips organized", 12, None, None),
    ]


def test_next_tiles_label_on_the_numbers_row_is_not_in_the_label() -> None:
    doc, page = _page()
    page.block("Cleaned", size=9, top=317, x0=72, x1=110)
    number = page.block("65+", size=24, top=300, x0=113, x1=160)
    page.block("beaches", size=9, top=number.bbox.bottom + 2, x0=72)
    page.block("7", size=24, top=300, x0=260, x1=275)
    page.block("new towns", size=9, top=317, x0=278)
    found = dict((f[1], f[0]) for f in _figures(doc))
    assert found[65] == "Cleaned 65+ beaches"


def test_sentence_over_a_number_inside_its_line_is_not_the_label() -> None:
    doc, page = _page()
    page.block("Two figures tell the year.", size=9, top=300, x0=72)
    number = page.block("45", size=24, top=313, x0=72, x1=100)
    page.block("beaches", size=9, top=number.bbox.bottom - 11, x0=103)
    page.block("cleaned by volunteers", size=9, top=number.bbox.bottom + 2, x0=72)
    assert _figures(doc) == [("beaches cleaned by volunteers", 45, None, None)]


def _label_around(page: PageBuilder, top: float) -> None:
    """A label run around its number on its baseline, its lines set 20pt apart: "Planted" over
    "18 trees", over "by the towns"."""
    page.block("Planted", size=10, top=top, x0=72, x1=110)
    number = page.block("18", size=28, top=top + 20, x0=72, x1=100)
    page.block("trees", size=10, top=number.bbox.bottom - 12, x0=103, x1=130)
    page.block("by the towns", size=10, top=number.bbox.bottom + 20, x0=72)


def test_number_that_ends_its_label_on_a_line_of_its_own_is_in_the_label() -> None:
    """On a page whose labels run around their numbers, a number under its label's lines,
    flush with them, ends that label: the whole paragraph, number included, is the label."""
    doc, page = _page()
    _label_around(page, 300)
    page.block("Total visits to the", size=10, top=300, x0=300, x1=390)
    page.block("lake pages", size=10, top=332, x0=300, x1=350)
    page.block("257,318", size=28, top=350, x0=300, x1=400)
    found = dict((f[1], f[0]) for f in _figures(doc))
    assert found[257_318] == "Total visits to the lake pages 257,318"
    assert found[18] == "Planted 18 trees by the towns"


def test_number_on_a_line_of_its_own_inside_its_label_is_in_the_label() -> None:
    doc, page = _page()
    _label_around(page, 300)
    page.block("Meetings with", size=10, top=300, x0=300, x1=370)
    number = page.block("65+", size=28, top=318, x0=300, x1=350)
    page.block("lake towns", size=10, top=number.bbox.bottom + 20, x0=300, x1=350)
    page.block("and villages", size=10, top=number.bbox.bottom + 52, x0=300, x1=360)
    found = dict((f[1], f[0]) for f in _figures(doc))
    assert found[65] == "Meetings with 65+ lake towns and villages"


def test_number_alone_under_a_label_is_not_in_it_where_no_label_runs_around() -> None:
    """Without a label around its number on the page, a label over a number is only its
    label."""
    doc, page = _page()
    page.block("visits to the lake pages", size=10, top=300, x0=300, x1=400)
    page.block("257,318", size=28, top=316, x0=300, x1=400)
    page.block("towns joined", size=10, top=300, x0=72, x1=140)
    page.block("9", size=28, top=316, x0=72, x1=90)
    assert ("visits to the lake pages", 257_318, None, None) in _figures(doc)


def test_paragraph_read_as_one_block_around_its_number() -> None:
    """A label whose first line sits left of its number and goes on under it, read as one block
    without the number; and one whose first line sits right of it."""
    doc, page = _page()
    number = page.block("65+", size=28, top=300, x0=150, x1=200)
    page.block(
        "Meetings with\nlake town councils", size=10, top=number.bbox.bottom - 12, x0=72, x1=170
    )
    number = page.block("100+", size=28, top=400, x0=300, x1=360)
    page.block(
        "boats\nrepaired by volunteers", size=10, top=number.bbox.bottom - 12, x0=300, x1=420
    )
    found = dict((f[1], f[0]) for f in _figures(doc))
    assert found[65] == "Meetings with 65+ lake town councils"
    assert found[100] == "boats repaired by volunteers"


def test_number_broken_inside_its_digits_is_printed_whole_in_its_label() -> None:
    doc, page = _page()
    _label_around(page, 300)
    page.block("Total visits to the lake pages", size=10, top=300, x0=300, x1=450)
    page.block("257,3\n18", size=28, top=316, x0=300, x1=400)
    found = dict((f[1], f[0]) for f in _figures(doc))
    assert found[257_318] == "Total visits to the lake pages 257,318"


def test_rejoined_takes_the_line_break_out_of_a_number() -> None:
    cases = {
        "257,3 18": "257,318",
        "257\u00a03 18": "257\u00a0318",
        "1,200,00 0": "1,200,000",
        "USD 3.4 mi llion": "USD 3.4 million",
        "257 318": "257 318",
        "3,5 10": "3,5 10",
        "Over 300": "Over 300",
    }
    for text, whole in cases.items():
        assert rejoined(text) == whole, text


def test_a_line_between_two_labels_goes_on_the_label_over_it() -> None:
    """Labels set at a wide leading, one tile under the other: the line between them is as far
    from the label over it as from the label under it. A label reads down: the line ends the
    label over it ("... good or" / "very good") and does not start the label under it."""
    doc, page = _page()
    page.block("92%", size=26, top=516, x0=62, x1=124)
    page.block("of lake towns", size=10, top=528, x0=127, x1=190)
    page.block("rated our boat trips good or", size=10, top=559, x0=62, x1=194)
    page.block("very good", size=10, top=590, x0=62, x1=112)
    page.block("Ferry requests answered", size=10, top=621, x0=62, x1=200)
    page.block("2.7", size=26, top=640, x0=74, x1=120)
    page.block("in", size=10, top=652, x0=62, x1=71)
    page.block("days on", size=10, top=652, x0=123, x1=163)
    page.block("average", size=10, top=683, x0=62, x1=103)
    found = dict((f[1], f[0]) for f in _figures(doc))
    assert found[92] == "of lake towns rated our boat trips good or very good"
    assert found[2.7] == "Ferry requests answered in 2.7 days on average"


def test_a_label_line_under_two_numbers_as_close_goes_with_the_one_it_lies_under() -> None:
    """A long number of one tile runs up to the next tile, whose label starts beside its
    number and wraps under it: the wrapped line is as close to both numbers, and is the label
    of the number it lies under, not of the long one it only touches."""
    doc, page = _page()
    long = page.block("1,200,000", size=28, top=300, x0=62, x1=221)
    page.block("13", size=28, top=300, x0=233, x1=273)
    page.block("boat trips", size=10, top=long.bbox.bottom - 14, x0=276, x1=326)
    page.block("visits to our\nlake pages", size=10, top=long.bbox.bottom + 2, x0=62, x1=185)
    page.block("run by the towns", size=10, top=long.bbox.bottom + 2, x0=233, x1=342)
    found = dict((f[1], f[0]) for f in _figures(doc))
    assert found[13] == "boat trips run by the towns"
    assert found[1_200_000] == "visits to our lake pages"
