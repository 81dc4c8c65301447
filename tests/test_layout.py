"""Words -> lines -> blocks -> reading order, on synthetic geometry (no PDF involved)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extractors.model import BBox, Block
from extractors.pdf.layout import find_gutters, join_lines, lines_to_blocks, words_to_lines
from extractors.pdf.order import reading_order
from extractors.pdf.wordspaces import stretched
from extractors.settings import Settings

SETTINGS = Settings()


def word(
    text: str,
    x0: float,
    top: float,
    *,
    x1: float | None = None,
    size: float = 10.0,
    bold: bool = False,
) -> dict:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + 0.5 * size * len(text) if x1 is None else x1,
        "top": top,
        "bottom": top + size,
        "size": size,
        "fontname": "Helvetica-Bold" if bold else "Helvetica",
    }


def justified(
    texts: Sequence[str],
    x0: float,
    x1: float,
    top: float,
    *,
    size: float = 10.0,
    bold: bool = False,
) -> list[dict]:
    """Words spread evenly from x0 to x1 with 3 pt word spaces, like justified text."""
    space = 3.0
    width = (x1 - x0 - space * (len(texts) - 1)) / len(texts)
    return [
        word(
            t,
            x0 + i * (width + space),
            top,
            x1=x0 + i * (width + space) + width,
            size=size,
            bold=bold,
        )
        for i, t in enumerate(texts)
    ]


def block(
    text: str,
    x0: float,
    top: float,
    x1: float,
    bottom: float,
    *,
    size: float = 10.0,
    bold: bool = False,
) -> Block:
    return Block(
        text=text,
        bbox=BBox(x0, top, x1, bottom),
        page_number=1,
        font_size=size,
        bold=bold,
        lines=(text,),
    )


# --------------------------------------------------------------------------- join_lines


def test_join_mends_a_word_hyphenated_at_the_line_end() -> None:
    assert join_lines(["the digital trans-", "formation of members"]) == (
        "the digital transformation of members"
    )


def test_join_mends_a_number_broken_at_a_group_comma() -> None:
    """A narrow line breaks a long number before or after a comma of its groups: no line of
    text ends with a number's group comma or starts with one."""
    assert join_lines(["1,200", ",000"]) == "1,200,000"
    assert join_lines(["US$ 3", ",400,", "000"]) == "US$ 3,400,000"
    assert join_lines(["towns met in 2023,", "150 of them online"]) == (
        "towns met in 2023, 150 of them online"
    )
    assert join_lines(["boats, nets", "and oars"]) == "boats, nets and oars"


def test_join_mends_unicode_hyphen() -> None:
    assert join_lines(["the ferry oper\u2010", "ation"]) == "the ferry operation"


def test_hyphen_after_a_prefix_word_is_kept() -> None:
    """A single letter or a prefix that keeps its hyphen in compounds, broken at its hyphen:
    no hyphenation (which leaves two letters or more and no such word) but a compound."""
    assert join_lines(["citizen labs and co-", "creation"]) == "citizen labs and co-creation"
    assert join_lines(["digital identity and e-", "services"]) == "digital identity and e-services"
    assert join_lines(["open to non-", "members"]) == "open to non-members"
    assert join_lines(["Network Pre-", "workshop"]) == "Network Pre-workshop"
    assert join_lines(["a long deco-", "ration"]) == "a long decoration"


def test_join_removes_a_soft_hyphen_at_the_line_end() -> None:
    assert join_lines(["inter\u00ad", "national"]) == "international"
    assert "\u00ad" not in join_lines(["a long inter\u00ad", "national partner\u00ad", "ship"])


def test_hyphen_before_a_capital_is_kept() -> None:
    joined = join_lines(["our e-", "Government programme"])
    assert "e-" in joined
    assert "eGovernment" not in joined
    assert joined.replace(" ", "") == "oure-Governmentprogramme"


def test_compound_split_at_its_hyphen_is_joined_without_a_space() -> None:
    assert join_lines(["our e-", "Government programme"]) == "our e-Government programme"


def test_spaced_dash_and_en_dash_stay_spaced() -> None:
    assert join_lines(["growth was strong –", "despite the crisis"]) == (
        "growth was strong – despite the crisis"
    )
    assert join_lines(["costs -", "and benefits"]) == "costs - and benefits"
    assert join_lines(["from 2019 – 2020", "onwards"]) == "from 2019 – 2020 onwards"


def test_plain_lines_are_joined_with_one_space() -> None:
    assert join_lines(["one", "two", "three"]) == "one two three"
    assert join_lines([]) == ""


# --------------------------------------------------------------------------- words_to_lines


def _two_column_rows(rows: int = 8, start: float = 100.0) -> list[dict]:
    """Justified two-column text: left column 72-295, right column 305-523 (a 10 pt gutter,
    narrower than the word-gap split threshold of max(column_gap, 1.5 * size) = 15 pt)."""
    words: list[dict] = []
    for i in range(rows):
        top = start + i * 13
        words += justified([f"l{i}a", f"l{i}b", f"l{i}c", f"l{i}d", f"l{i}e"], 72, 295, top)
        words += justified([f"r{i}a", f"r{i}b", f"r{i}c", f"r{i}d"], 305, 523, top)
    return words


def test_rows_are_split_at_a_column_gutter_found_from_many_rows() -> None:
    lines = words_to_lines(_two_column_rows(), SETTINGS)
    texts = [ln.text for ln in lines]
    assert "l0a l0b l0c l0d l0e" in texts
    assert "r0a r0b r0c r0d" in texts
    assert len(lines) == 16
    assert all(ln.x1 <= 296 or ln.x0 >= 304 for ln in lines)


def test_a_few_rows_with_the_same_gap_are_not_split() -> None:
    """Too few rows to call the gap a gutter: it is only a (wide-ish) word space."""
    lines = words_to_lines(_two_column_rows(rows=2), SETTINGS)
    assert len(lines) == 2
    assert lines[0].text == "l0a l0b l0c l0d l0e r0a r0b r0c r0d"


def test_centred_title_word_gap_over_the_gutter_does_not_split_the_title() -> None:
    # "Our Annual Review" at 20 pt, centred: the word space between "Annual" and "Review"
    # (297-303) lies inside the 296-305 gutter of the columns below.
    title = [
        word("Our", 230, 60, x1=262, size=20),
        word("Annual", 267, 60, x1=297, size=20),
        word("Review", 303, 60, x1=363, size=20),
    ]
    lines = words_to_lines(title + _two_column_rows(), SETTINGS)
    assert lines[0].text == "Our Annual Review"
    assert lines[0].size == 20
    assert "r0a r0b r0c r0d" in [ln.text for ln in lines]


def test_find_gutters_locates_the_column_gutter() -> None:
    rows: dict[float, list[dict]] = {}
    for w in _two_column_rows():
        rows.setdefault(w["top"], []).append(w)
    gutters = find_gutters(list(rows.values()))
    assert len(gutters) == 1
    g0, g1 = gutters[0]
    assert g0 >= 295 and g1 <= 306 and g1 - g0 >= 4


def test_a_heading_word_space_right_of_short_lines_is_no_column_break() -> None:
    """Short lines in the left column ("Area: 417 km2" of cards) leave strips of white between
    their ends and the gutter, which the rows step over together with the gutter itself: those
    strips are no gutters, so a two-column-wide heading whose word space falls in one of them
    stays one line."""
    heading = [
        word("WELCOMING", 72, 60, x1=180, size=20),
        word("NEW", 186, 60, x1=224, size=20),
        word("MEMBERS", 231, 60, x1=340, size=20),
    ]
    words: list[dict] = []
    for i in range(2):
        top = 90 + i * 13
        words += justified([f"l{i}a", f"l{i}b", f"l{i}c", f"l{i}d", f"l{i}e"], 72, 295, top)
        words += justified([f"s{i}a", f"s{i}b", f"s{i}c", f"s{i}d"], 305, 523, top)
    for i in range(10):
        top = 130 + i * 13
        words += [word("Area:", 72, top, x1=100), word("417", 103, top, x1=120)]
        words += justified([f"r{i}a", f"r{i}b", f"r{i}c", f"r{i}d"], 305, 523, top)
    rows: dict[float, list[dict]] = {}
    for w in heading + words:
        rows.setdefault(w["top"], []).append(w)
    gutters = find_gutters(list(rows.values()))
    assert len(gutters) == 1 and gutters[0][0] >= 294 and gutters[0][1] <= 306
    lines = words_to_lines(heading + words, SETTINGS)
    assert lines[0].text == "WELCOMING NEW MEMBERS"
    assert "r0a r0b r0c r0d" in [ln.text for ln in lines]


def test_both_gutters_of_three_columns_are_found() -> None:
    """Rows of three columns step over both gutters, in different word gaps: neither is the
    other's shadow, whichever is clearer."""
    rows = []
    for i in range(8):
        top = 100 + i * 13
        row = justified([f"a{i}", f"b{i}", f"c{i}"], 72, 220, top)
        row += justified([f"d{i}", f"e{i}", f"f{i}"], 230, 378, top)
        row += justified([f"g{i}", f"h{i}", f"i{i}"], 388, 536, top)
        rows.append(row)
    rows[0][2]["x1"] = 232  # one word runs a little into the first gutter: it is less clear
    gutters = find_gutters(rows)
    assert len(gutters) == 2
    assert gutters[0][0] >= 219 and gutters[0][1] <= 231
    assert gutters[1][0] >= 377 and gutters[1][1] <= 389


def test_wide_gap_splits_a_row_even_without_a_gutter() -> None:
    lines = words_to_lines(
        [word("Revenue", 72, 100), word("1,234", 400, 100)], SETTINGS
    )  # a label and a far-away figure
    assert [ln.text for ln in lines] == ["Revenue", "1,234"]


def test_a_line_running_into_the_gutter_is_still_split_from_the_next_column() -> None:
    """A ragged line of the left column ends inside the 20 pt gutter, 13 pt from the right
    column (no wider than a word space may stretch): the gap still steps over most of it."""
    words: list[dict] = []
    for i in range(8):
        words += justified([f"l{i}a", f"l{i}b", f"l{i}c"], 72, 280, 100 + i * 13)
        words += justified([f"r{i}a", f"r{i}b", f"r{i}c"], 300, 523, 100 + i * 13)
    words += [word("l8a", 72, 204, x1=180), word("long", 184, 204, x1=287)]
    words += [word("r8a", 300, 204, x1=340)]
    texts = [ln.text for ln in words_to_lines(words, SETTINGS)]
    assert "l8a long" in texts
    assert "r8a" in texts


def test_a_short_word_gap_inside_a_wide_gutter_does_not_split_a_line() -> None:
    """Short lines leave a wide blank strip beside them; a word space that happens to fall in
    it steps over only a little of it ("EUROPE — 17" over a 100 pt strip)."""
    words: list[dict] = []
    for i in range(8):
        words += [word(f"n{i}", 72, 100 + i * 13, x1=150), word(f"r{i}", 260, 100 + i * 13)]
    words += [word("EUROPE", 72, 204, x1=150), word("17", 160, 204, x1=172)]
    texts = [ln.text for ln in words_to_lines(words, SETTINGS)]
    assert "EUROPE 17" in texts


def test_a_heading_beside_a_line_of_the_next_column_is_split_from_it() -> None:
    """A larger heading of one column shares a baseline with a line of text in the column
    before it; the gap is narrower than a heading's word-gap limit, but wider than a space."""
    words = [word("the", 72, 100, x1=90), word("Context", 93, 100, x1=200)]
    words += [word("Lake", 212, 98, x1=250, size=14), word("Forum", 254, 98, x1=300, size=14)]
    lines = words_to_lines(words, SETTINGS)
    assert [ln.text for ln in lines] == ["the Context", "Lake Forum"]


def test_line_is_bold_when_most_characters_are_bold() -> None:
    words = [word("Strategic", 72, 100, bold=True), word("Goals", 120, 100, bold=True)]
    words += [word("of", 150, 100)]
    (line,) = words_to_lines(words, SETTINGS)
    assert line.bold


# --------------------------------------------------------------------------- lines_to_blocks


def _paragraph(
    lines: Sequence[str],
    top: float,
    *,
    x0: float = 72,
    size: float = 10,
    leading: float = 12,
    bold: bool = False,
) -> list[dict]:
    words: list[dict] = []
    for i, text in enumerate(lines):
        x = x0
        for t in text.split():
            words.append(word(t, x, top + i * leading, size=size, bold=bold))
            x = words[-1]["x1"] + 0.25 * size
    return words


def _blocks(words: list[dict]) -> list[Block]:
    return lines_to_blocks(words_to_lines(words, SETTINGS), page_number=7)


def test_bold_heading_is_separated_from_the_paragraph_below() -> None:
    words = _paragraph(["Our Strategy"], 80, size=14, bold=True)
    words += _paragraph(["We grew the network of members", "in every region this year."], 97)
    heading, para = _blocks(words)
    assert heading.text == "Our Strategy"
    assert heading.bold and heading.font_size == 14
    assert para.text == "We grew the network of members in every region this year."
    assert not para.bold
    assert para.lines == ("We grew the network of members", "in every region this year.")
    assert para.page_number == 7


def test_paragraph_lines_stay_together_and_a_blank_gap_splits_paragraphs() -> None:
    words = _paragraph(["First paragraph line one", "line two of the first", "line three"], 100)
    words += _paragraph(["Second paragraph starts here", "and ends here."], 100 + 3 * 12 + 12)
    first, second = _blocks(words)
    assert first.lines == ("First paragraph line one", "line two of the first", "line three")
    assert second.text == "Second paragraph starts here and ends here."
    assert first.bbox.bottom < second.bbox.top


def test_hyphenated_paragraph_is_mended_inside_a_block() -> None:
    (para,) = _blocks(_paragraph(["the digital trans-", "formation continued"], 100))
    assert para.text == "the digital transformation continued"
    assert para.lines == ("the digital trans-", "formation continued")


def test_side_by_side_paragraphs_do_not_merge() -> None:
    words = _paragraph(["left side text", "more left text"], 100, x0=72)
    words += _paragraph(["right side text", "more right text"], 100, x0=330)
    texts = sorted(b.text for b in _blocks(words))
    assert texts == ["left side text more left text", "right side text more right text"]


# --------------------------------------------------------------------------- reading_order

LEFT = (72.0, 290.0)
RIGHT = (305.0, 523.0)


def _column_blocks(name: str, x: tuple[float, float], tops: Sequence[float], h: float = 40):
    return [block(f"{name}{i + 1}", x[0], t, x[1], t + h) for i, t in enumerate(tops)]


def test_two_columns_under_a_full_width_heading() -> None:
    heading = block("Heading", 72, 60, 523, 80, size=18, bold=True)
    left = _column_blocks("L", LEFT, [100, 150, 220])
    right = _column_blocks("R", RIGHT, [100, 170, 230])
    shuffled = [right[1], left[2], heading, right[0], left[0], right[2], left[1]]
    ordered = reading_order(shuffled)
    assert [b.text for b in ordered] == ["Heading", "L1", "L2", "L3", "R1", "R2", "R3"]
    columns = {b.text: b.column for b in ordered}
    assert columns["L1"] == columns["L2"] == columns["L3"]
    assert columns["R1"] == columns["R2"] == columns["R3"] > columns["L1"]


def test_two_columns_whose_paragraph_gaps_line_up() -> None:
    # Left and right paragraphs have the very same tops and bottoms, so the gaps between them
    # are full-width horizontal cuts; the columns must still be read one after the other.
    heading = block("Heading", 72, 60, 523, 80, size=18, bold=True)
    tops = [100, 150, 200]
    left = _column_blocks("L", LEFT, tops)
    right = _column_blocks("R", RIGHT, tops)
    ordered = reading_order([*right, heading, *left])
    assert [b.text for b in ordered] == ["Heading", "L1", "L2", "L3", "R1", "R2", "R3"]


def test_two_sections_each_with_two_columns() -> None:
    top_heading = block("Section A", 72, 60, 523, 80, size=18, bold=True)
    a = _column_blocks("A", LEFT, [100, 150]) + _column_blocks("B", RIGHT, [100, 150])
    mid_heading = block("Section C", 72, 210, 523, 230, size=18, bold=True)
    c = _column_blocks("C", LEFT, [250, 300]) + _column_blocks("D", RIGHT, [250, 300])
    ordered = reading_order([*c, mid_heading, *a, top_heading])
    assert [b.text for b in ordered] == [
        "Section A",
        "A1",
        "A2",
        "B1",
        "B2",
        "Section C",
        "C1",
        "C2",
        "D1",
        "D2",
    ]


def test_three_columns_over_a_heading_too_short_to_reach_the_last_one() -> None:
    """A new part starts under all three columns with a heading across the first two only;
    the third column ends over it too, so the part over the heading is read first."""
    xs = [(54.0, 207.0), (228.0, 384.0), (402.0, 558.0)]
    upper = [
        block(name, x0, 65, x1, top)
        for name, (x0, x1), top in zip(("A", "B", "C"), xs, (516, 534, 519), strict=True)
    ]
    heading = block("Partnerships", 54, 551, 298, 573, size=22, bold=True)
    lower = [block(f"{n}2", x0, 587, x1, 700) for n, (x0, x1) in zip("ABC", xs, strict=True)]
    ordered = reading_order([*lower, heading, *reversed(upper)])
    assert [b.text for b in ordered] == ["A", "B", "C", "Partnerships", "A2", "B2", "C2"]


def test_a_sidebar_running_past_a_heading_is_read_after_the_columns() -> None:
    """The third column goes on past the heading's top: a sidebar, read after the others."""
    xs = [(54.0, 207.0), (228.0, 384.0)]
    main = [block(n, x0, 65, x1, 500) for n, (x0, x1) in zip("AB", xs, strict=True)]
    heading = block("Partnerships", 54, 551, 298, 573, size=22, bold=True)
    below = [block(f"{n}2", x0, 587, x1, 700) for n, (x0, x1) in zip("AB", xs, strict=True)]
    sidebar = block("Side", 402, 65, 558, 700)
    ordered = reading_order([sidebar, *below, heading, *main])
    assert [b.text for b in ordered] == ["A", "B", "Partnerships", "A2", "B2", "Side"]


def test_grid_of_figures_under_group_headings_is_read_row_by_row() -> None:
    xs = [(72.0, 222.0), (232.0, 382.0), (392.0, 542.0)]
    blocks = [block("Group one", 72, 60, 542, 80, size=14, bold=True)]
    blocks += [block(f"Fig {i + 1}", x0, 90, x1, 200) for i, (x0, x1) in enumerate(xs)]
    blocks.append(block("Group two", 72, 220, 542, 240, size=14, bold=True))
    blocks += [block(f"Fig {i + 4}", x0, 250, x1, 360) for i, (x0, x1) in enumerate(xs)]
    ordered = reading_order(list(reversed(blocks)))
    assert [b.text for b in ordered] == [
        "Group one",
        "Fig 1",
        "Fig 2",
        "Fig 3",
        "Group two",
        "Fig 4",
        "Fig 5",
        "Fig 6",
    ]


def test_reading_order_keeps_every_block_once() -> None:
    blocks = _column_blocks("L", LEFT, [100, 150, 220]) + _column_blocks("R", RIGHT, [90, 300])
    ordered = reading_order(blocks)
    assert sorted(b.text for b in ordered) == sorted(b.text for b in blocks)
    assert reading_order([]) == []


def _letters(text: str, x: float, size: float, gap: float) -> list[dict]:
    out = []
    for ch in text:
        if ch == " ":
            x += 0.3 * size
            continue
        out.append(
            {
                "text": ch,
                "x0": x,
                "x1": x + 0.6 * size,
                "top": 100.0,
                "bottom": 100 + size,
                "size": size,
            }
        )
        x += 0.6 * size + gap
    return out


def test_letter_spaced_heading_is_mended_into_words() -> None:
    from extractors.pdf.letterspacing import mend_letter_spacing

    words = _letters("ABOUT US", 72, 20, 5)
    assert [w["text"] for w in mend_letter_spacing(words)] == ["ABOUT", "US"]


def test_single_letters_far_apart_stay_words() -> None:
    from extractors.pdf.letterspacing import mend_letter_spacing

    cells = _letters("XYZ", 72, 9, 60)  # one-letter cells of a table row
    assert [w["text"] for w in mend_letter_spacing(cells)] == ["X", "Y", "Z"]


def test_kerned_capitals_of_a_letter_spaced_heading_are_mended_with_it() -> None:
    """Kerning pulled "A", "W" and "A" together: pdfplumber gives "AWA", "R", "D"."""
    from extractors.pdf.letterspacing import mend_letter_spacing

    words = _letters("AWARD WINNERS", 72, 20, 5)
    kerned = {**words[0], "text": "AWA", "x1": words[2]["x1"]}
    assert [w["text"] for w in mend_letter_spacing([kerned, *words[3:]])] == ["AWARD", "WINNERS"]


def test_short_words_in_capitals_set_normally_stay_apart() -> None:
    from extractors.pdf.letterspacing import mend_letter_spacing

    words = [
        {"text": t, "x0": x, "x1": x + 0.6 * 10 * len(t), "top": 100.0, "bottom": 110.0, "size": 10}
        for t, x in (("THE", 72), ("UN", 97), ("AND", 115), ("EU", 140))
    ]
    assert [w["text"] for w in mend_letter_spacing(words)] == ["THE", "UN", "AND", "EU"]


def test_a_gutter_is_found_between_columns_whose_baselines_do_not_line_up() -> None:
    """The right column sits half a line lower: each row holds one column's line."""
    words = [
        w | {"top": w["top"] + 6.5, "bottom": w["bottom"] + 6.5} if w["x0"] >= 300 else w
        for w in _two_column_rows()
    ]
    rows: dict[float, list[dict]] = {}
    for w in words:
        rows.setdefault(w["top"], []).append(w)
    gutters = find_gutters(sorted(rows.values(), key=lambda r: r[0]["top"]))
    assert len(gutters) == 1 and gutters[0][0] >= 295 and gutters[0][1] <= 306


def test_evenly_stretched_word_spaces_of_a_justified_line_do_not_split_it() -> None:
    """A narrow justified column: word spaces of 16 pt, wider than a column gap."""
    line = [
        word("strengthened", 72, 100, x1=132),
        word("international", 148, 100, x1=213),
        word("collaboration", 229.2, 100, x1=294),
    ]
    assert [ln.text for ln in words_to_lines(line, SETTINGS)] == [
        "strengthened international collaboration"
    ]


def test_words_in_two_drawn_boxes_side_by_side_are_two_lines() -> None:
    """Two tiles in their own boxes, their big numbers on one baseline, a narrow gap between."""
    words = [
        word("1", 72, 100, x1=88, size=28),
        word("200", 95, 100, x1=140, size=28),
        word("13", 151, 100, x1=181, size=28),
    ]
    boxes = [(66.0, 90.0, 146.0, 200.0), (148.0, 90.0, 242.0, 200.0)]
    assert [ln.text for ln in words_to_lines(words, SETTINGS)] == ["1 200 13"]
    assert [ln.text for ln in words_to_lines(words, SETTINGS, boxes)] == ["1 200", "13"]


def test_a_number_set_apart_from_the_word_before_it_starts_a_line_of_its_own() -> None:
    """Two tiles side by side, no box drawn: the first number runs long and the next tile's
    number follows at a gap of two word spaces, under the wide gap that splits text. A number
    set that far from the word before it is another figure; a word space before a number
    ("Over 300", "in 2023") is not."""
    row = [
        word("1,200,000", 62, 100, x1=218, size=28),
        word("92%", 235, 100, x1=302, size=28),
        word("Over", 400, 100, x1=466, size=28),
        word("300", 475, 100, x1=527, size=28),
    ]
    assert [ln.text for ln in words_to_lines(row, SETTINGS)] == ["1,200,000", "92%", "Over 300"]
    words = [word("1.2", 62, 100, x1=112, size=28), word("mi", 122, 100, x1=162, size=28)]
    words += [word("13", 187, 100, x1=227, size=28)]
    assert [ln.text for ln in words_to_lines(words, SETTINGS)] == ["1.2 mi", "13"]
    body = [word("members", 72, 300, x1=115), word("in", 118, 300, x1=126)]
    body += [word("2023", 129, 300, x1=150)]
    assert [ln.text for ln in words_to_lines(body, SETTINGS)] == ["members in 2023"]
    # a justified line stretches its spaces alike, before its numbers too
    line, x = [], 54.0
    for text in ("2021:", "160", "local", "governments,", "16"):
        line.append(word(text, x, 400, size=12))
        x = line[-1]["x1"] + 13.2
    assert [ln.text for ln in words_to_lines(line, SETTINGS)] == ["2021: 160 local governments, 16"]


def test_the_end_of_a_flow_in_the_right_column_above_a_section_laid_out_anew() -> None:
    """A section's last blocks fill the top of the right column (its left column ended on the
    page before); under them, across a full-width gap, a new section starts in two columns with
    its title in the left one. The top band is read first, then the new section's columns."""
    end = _column_blocks("E", RIGHT, [60, 110])
    title = block("Partnerships", LEFT[0], 180, 200, 200, size=18, bold=True)
    left = _column_blocks("L", LEFT, [210, 260])
    right = _column_blocks("R", RIGHT, [180, 230])
    ordered = reading_order([*left, *right, title, *end])
    assert [b.text for b in ordered] == ["E1", "E2", "Partnerships", "L1", "L2", "R1", "R2"]


def test_columns_that_start_level_are_read_left_to_right() -> None:
    """The left column's first block beside the right column's: no band of the right alone."""
    left = _column_blocks("L", LEFT, [70, 130])
    right = _column_blocks("R", RIGHT, [60, 120])
    ordered = reading_order([*right, *left])
    assert [b.text for b in ordered] == ["L1", "L2", "R1", "R2"]


def test_lines_of_columns_whose_baselines_do_not_line_up_are_not_chained_into_one_row() -> None:
    """Three columns set half a line apart: each line overlaps the next column's by half its
    height, so a row grown over them would reach the next line of the first column, whose words
    stand under that column's first line. Each column keeps its own two lines."""
    words = [
        word("Alder", 400, 100.0, x1=430, size=9),
        word("United", 56, 103.8, x1=90, size=10),
        word("Birch", 229, 108.3, x1=260, size=10),
        word("Cedar", 400, 112.5, x1=435, size=9),
        word("Town", 438, 112.5, x1=456, size=9),
    ]
    texts = sorted(ln.text for ln in words_to_lines(words, SETTINGS))
    assert texts == ["Alder", "Birch", "Cedar Town", "United"]


def _justified_column(top: float, rows: int) -> list[dict]:
    """Lines of a narrow justified column from 222 to 373, four words each."""
    words: list[dict] = []
    for i in range(rows):
        words += justified([f"a{i}", f"b{i}", f"c{i}", f"d{i}"], 222, 373, top + i * 13)
    return words


def test_a_justified_line_of_two_words_is_one_line_however_wide_its_space() -> None:
    """In a narrow justified column a line of two words has one space, stretched to the width
    of the column (24 pt here): it starts and ends where the column's other lines do. Two words
    as far apart that do not end at the column's edge are two cells."""
    words = _justified_column(100, 3)
    words += [word("Botswana", 222, 139, x1=269), word("Communications", 293, 139, x1=373)]
    words += [word("Kenya", 222, 152, x1=250), word("Nairobi", 280, 152, x1=316)]
    texts = [ln.text for ln in words_to_lines(words, SETTINGS)]
    assert "Botswana Communications" in texts
    assert "Kenya" in texts and "Nairobi" in texts


def test_evenly_stretched_spaces_are_no_gutter_where_they_happen_to_line_up() -> None:
    """Justified lines of a narrow column whose stretched spaces happen to fall in one strip
    down the column (short lines beside it leave it blank): the strip is taken for a gutter,
    but a space as wide as the others of its line does not split the line there."""
    words: list[dict] = []
    for i in range(6):  # short lines whose rows reach the next column: a blank strip beside
        top = 100 + i * 13
        words += [word("short", 222, top, x1=250), word("next", 391, top, x1=430)]
    for i, (a, b) in enumerate([(258, 337), (262.5, 334)] * 3):  # their 9.5 pt spaces
        top = 178 + i * 13  # leave the strip 339-343 blank, in turn with the line below
        words += [word("one", 222, top, x1=a), word("two", a + 9.5, top, x1=b)]
        words += [word("three", b + 9.5, top, x1=373), word("next", 391, top, x1=430)]
    top = 256
    words += [word("Baguio,", 222, top, x1=258.3), word("Cauayan,", 267.8, top, x1=312.5)]
    words += [word("La", 322, top, x1=333.1), word("Union,", 342.6, top, x1=373)]
    words += [word("next", 391, top, x1=430)]
    rows: dict[float, list[dict]] = {}
    for w in words:
        rows.setdefault(w["top"], []).append(w)
    assert any(g0 > 337 and g1 <= 344 for g0, g1 in find_gutters(list(rows.values())))
    texts = [ln.text for ln in words_to_lines(words, SETTINGS)]
    assert "Baguio, Cauayan, La Union," in texts


def test_a_sign_between_evenly_stretched_spaces_keeps_the_line_whole() -> None:
    """ "Housing & Communities" justified: the "&" is no word, but no number either."""
    line = [
        word("Housing", 391, 100, x1=429.6),
        word("&", 450.5, 100, x1=457.9),
        word("Communities", 478.7, 100, x1=541.5),
    ]
    assert [ln.text for ln in words_to_lines(line, SETTINGS)] == ["Housing & Communities"]


def test_a_justified_line_as_widely_spaced_as_the_gutter_is_still_split_at_it() -> None:
    """A line of the left column whose stretched spaces are as wide as the gap over the gutter
    to the next column's line: the gutter, as wide as that gap, is no strip inside a space."""
    words: list[dict] = []
    for i in range(8):
        top = 100 + i * 13
        words += justified([f"l{i}a", f"l{i}b", f"l{i}c"], 72, 295, top)
        words += justified([f"r{i}a", f"r{i}b", f"r{i}c"], 312, 523, top)
    top = 204
    words += [word("by", 72, top, x1=100), word("region", 118, top, x1=180)]
    words += [word("country", 198, top, x1=295), word("Tanzania", 313, top, x1=360)]
    texts = [ln.text for ln in words_to_lines(words, SETTINGS)]
    assert "by region country" in texts and "Tanzania" in texts


def test_a_wide_gap_up_to_where_a_column_starts_splits_however_wide_the_blank_strip() -> None:
    """Short lines of the middle column leave a blank strip far wider than the gutter beside
    its full lines: a line that fills the column is still split from the next column's line,
    whose words start where that column starts (and which, justified, stays whole)."""
    words: list[dict] = []
    for i in range(6):
        top = 100 + i * 13
        words += [word("short", 222, top, x1=250)]
        words += justified(["alpha", "beta", "gamma", "delta"], 391, 541, top)
    top = 178
    words += [word("Kabul", 346, top, x1=373), word("National", 391, top, x1=431)]
    words += [word("Information", 486.5, top, x1=541)]
    texts = [ln.text for ln in words_to_lines(words, SETTINGS)]
    assert "Kabul" in texts and "National Information" in texts


def test_cells_of_a_table_row_ending_where_a_justified_column_ends_are_still_split() -> None:
    """A row of a table across two justified columns: its third cell happens to end where the
    left column's lines do, but its gaps differ, and justification stretches a line's spaces
    alike: the cells stay apart."""
    words = _justified_column(100, 3)
    words += [word("Emerging", 222, 139, x1=250), word("Gold", 290, 139, x1=310)]
    words += [word("Lakeside", 335, 139, x1=373)]
    texts = [ln.text for ln in words_to_lines(words, SETTINGS)]
    assert "Emerging" in texts and "Gold" in texts and "Lakeside" in texts


def test_evenly_spaced_labels_of_percentages_are_no_justified_line() -> None:
    """A header row of number columns, "% Pos | n | % Pos | n", set with even gaps: a "%" is
    a number's sign, not a sign between words, so the gaps are no stretched word spaces."""
    texts = ["%", "Pos", "n", "%", "Pos", "n"]
    row, x = [], 100.0
    for t in texts:
        row.append(word(t, x, 100, x1=x + 4 * len(t), size=8))
        x += 4 * len(t) + 14
    gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(row)]
    assert not any(stretched(row, gaps, i, 8) for i in range(len(gaps)))
