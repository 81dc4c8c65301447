"""What a run of aligned words is, on words placed by hand: the word spaces of justified lines,
columns of text typeset apart, and their look-alike tables."""

from __future__ import annotations

from extractors.pdf.tables.runs import find_runs
from extractors.pdf.tables.textlines import Word, make_line, text_lines
from extractors.pdf.tables.verdict import Verdict, judge

SIZE = 10.0


def _word(text: str, x0: float, top: float) -> Word:
    return {"text": text, "x0": x0, "x1": x0 + 0.5 * SIZE * len(text), "top": top,
            "bottom": top + SIZE, "size": SIZE}  # fmt: skip


def _spaced(texts: list[str], x0: float, top: float, gaps: list[float]) -> list[Word]:
    words, x = [], x0
    for text, gap in zip(texts, [*gaps, 0.0], strict=True):
        words.append(_word(text, x, top))
        x = words[-1]["x1"] + gap
    return words


def _segments(words: list[Word]) -> list[str]:
    return [s.text for s in make_line(words).segments]


def test_stretched_word_spaces_of_a_justified_line_stay_one_segment() -> None:
    words = _spaced(["strengthened", "international", "collaboration"], 72, 100, [14.0, 14.2])
    assert _segments(words) == ["strengthened international collaboration"]


def test_equal_gaps_between_numbers_are_cells() -> None:
    words = _spaced(["2019", "2020", "2021"], 72, 100, [14.0, 14.0])
    assert _segments(words) == ["2019", "2020", "2021"]


def test_unequal_wide_gaps_between_words_are_cells() -> None:
    words = _spaced(["Harbour", "Lakeside", "Northport"], 72, 100, [14.0, 30.0])
    assert _segments(words) == ["Harbour", "Lakeside", "Northport"]


def _column(x0: float, first_top: float, count: int, leading: float = 12.0) -> list[Word]:
    """A column of "Country: names" lines: two words a line at the column's own baselines."""
    words = []
    for i in range(count):
        top = first_top + i * leading
        words += [_word("Norway:", x0, top), _word("Bergen", x0 + 45, top)]
    return words


def _verdict(words: list[Word]) -> Verdict:
    lines = text_lines(words)
    runs = find_runs(lines, 0.0, 600.0)
    assert len(runs) == 1
    return judge(runs[0])


def test_columns_whose_baselines_fall_between_each_other_are_prose() -> None:
    """A sub-heading moved the second and third columns down by part of a line."""
    words = _column(72, 100, 12) + _column(230, 104.5, 12) + _column(390, 108, 12)
    assert _verdict(words) is Verdict.PROSE


def test_columns_on_shared_baselines_are_a_table() -> None:
    words = _column(72, 100, 12) + _column(230, 100, 12) + _column(390, 100, 12)
    assert _verdict(words) is Verdict.TABLE


def _bold(word: Word) -> Word:
    return word | {"fontname": "Serif-Bold"}


def _subsection_columns(heading_case: str) -> list[Word]:
    """Three columns of country sub-headings over their cities, on shared baselines."""
    words: list[Word] = []
    for column, x0 in enumerate((72.0, 230.0, 390.0)):
        for block in range(4):
            top = 100.0 + 36 * block + (12 if column == 1 else 0)
            name = ("Kenya", "Ghana", "Chile")[column]
            heading = name.upper() if heading_case == "upper" else name
            words += [_bold(_word(heading, x0, top)), _word("Lakeview", x0, top + 12)]
    return words


def test_columns_of_sub_sections_with_bold_headings_are_prose() -> None:
    assert _verdict(_subsection_columns("upper")) is Verdict.PROSE


def test_bold_title_case_lines_inside_cells_are_still_a_table() -> None:
    """A bold line in a cell (an award winner over the project) is set like the cell."""
    assert _verdict(_subsection_columns("title")) is Verdict.TABLE


def test_tiles_stacked_in_two_columns_are_no_table() -> None:
    """Labels over big numbers in two columns: the numbers line up across the columns, the
    labels (of other lengths) do not, so only lines of big numbers cross the gutter."""
    words: list[Word] = []
    for i, (left, right) in enumerate((("1.2M", "45+"), ("92%", "2.7"), ("13", "300"))):
        top = 100.0 + 60 * i
        words += _spaced(["visits", "to", "the", "library"], 72, top, [3.0] * 3)
        words += _spaced(["cities", "in", "the", "series"], 300, top + 6, [3.0] * 3)
        for text, x0 in ((left, 72.0), (right, 300.0)):
            words.append(_word(text, x0, top + 16) | {"size": 28.0, "bottom": top + 44})
    runs = find_runs(text_lines(words), 0.0, 600.0)
    assert runs and all(judge(r) is not Verdict.TABLE for r in runs)


def _counted_heading_columns(size: float) -> list[Word]:
    """Two columns of country sub-headings (title case, set like the text) over their cities,
    the second column also holding headings that count a kind of member ("16 INSTITUTIONS")."""
    words: list[Word] = []
    for block in range(4):
        top = 100.0 + 36 * block
        words += [_bold(_word("Kenya", 72.0, top)), _word("Lakeview", 72.0, top + 12)]
        if block % 2:
            heading = [_word("16", 300.0, top), _word("INSTITUTIONS", 315.0, top)]
            words += [_bold(w) | {"size": size, "bottom": top + size} for w in heading]
        else:
            words += [_bold(_word("Ghana", 300.0, top))]
        words.append(_word("Harbour", 300.0, top + 12))
    return words


def test_columns_of_sub_sections_under_headings_that_count_are_prose() -> None:
    assert _verdict(_counted_heading_columns(SIZE * 1.3)) is Verdict.PROSE


def test_bold_capitals_with_a_number_set_like_the_cells_are_still_a_table() -> None:
    """A bold total in a cell ("16 INSTITUTIONS" at the table's own size) is no heading."""
    assert _verdict(_counted_heading_columns(SIZE)) is Verdict.TABLE


def _dated_column(x0: float, entries: list[tuple[str, str]]) -> list[Word]:
    """A column of dated entries: a line with only the date, the name on the line under it."""
    words: list[Word] = []
    top = 100.0
    for when, name in entries:
        words += _spaced(when.split(), x0, top, [3.0] * (len(when.split()) - 1))
        words += _spaced(name.split(), x0, top + 12, [3.0] * (len(name.split()) - 1))
        top += 30
    return words


def test_columns_of_dated_entries_are_no_table() -> None:
    """Two timeline columns side by side on shared baselines: under each date, in its own
    column, stands a name (a table's date column holds only dates)."""
    left = [("24 Feb", "Kickoff Meeting"), ("3 May", "Towns Forum"), ("7 Jun", "Pier Clinic")]
    right = [("29 Jun", "Ferry Workshop"), ("8 Sep", "Harbour Drill"), ("9 Dec", "Winter Fair")]
    words = _dated_column(72, left) + _dated_column(300, right)
    assert _verdict(words) is Verdict.PROSE


def test_date_column_beside_a_name_column_is_a_table() -> None:
    words: list[Word] = []
    for i, (when, name) in enumerate(
        [("24 Feb", "Kickoff Meeting"), ("3 May", "Towns Forum"), ("7 Jun", "Pier Clinic"),
         ("29 Jun", "Ferry Workshop")]
    ):  # fmt: skip
        top = 100 + 14 * i
        words += _spaced(when.split(), 72, top, [3.0]) + _spaced(name.split(), 200, top, [3.0])
    assert _verdict(words) is Verdict.TABLE


def test_days_whose_month_wraps_under_them_are_no_page_numbers() -> None:
    """Days standing alone on their rows ("4" over "September" in the date cell), each beside a
    name that starts in capitals, rise down the page as a contents page's numbers do; the month
    under each makes them dates, and the run a table."""
    rows = [("12 June", "Asian Cities Network"), ("4", "European Network"),
            ("6", "Korea Internet Agency"), ("25", "Pacific Islands Network")]  # fmt: skip
    words: list[Word] = []
    top = 100.0
    for when, name in rows:
        words += _spaced(when.split(), 72, top, [3.0] * (len(when.split()) - 1))
        words += _spaced(name.split(), 200, top, [3.0] * (len(name.split()) - 1))
        if when.isdigit():
            top += 12
            words.append(_word("November", 72, top))
        top += 16
    assert _verdict(words) is Verdict.TABLE
