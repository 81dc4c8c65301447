"""How a design writes numbers, amounts, dates and counted headings. Shared by `compose` (what is
printed) and `gold` (what the gold says was printed, e.g. a figure's label with its number)."""

from __future__ import annotations

import datetime as dt

from reportgen.matrix.design import Design
from reportgen.matrix.spec import Figure

NBSP = "\u00a0"
EN_DASH = "–"
_WITH_THE = frozenset({"Americas", "Middle East", "Caribbean", "Pacific"})  # "in the Americas"
_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


def integer(n: int, design: Design) -> str:
    """2600 -> "2,600" or "2 600" (no-break space)."""
    text = f"{n:,}"
    return text.replace(",", NBSP) if design.thousands == "space" else text


def number(value: float, design: Design) -> str:
    """An integer with thousands separators, or a decimal as written ("2.7", "350.5")."""
    if float(value).is_integer():
        return integer(int(value), design)
    whole, _, fraction = f"{value}".partition(".")
    return f"{integer(int(whole), design)}.{fraction}"


def amount(value: float, design: Design) -> str:
    """A count that may be written in millions: "1.2 million", "1.2M" or "1,200,000". Only a
    value that is a whole number of tenths of a million is shortened (3,194,720 stays as is)."""
    tenths = value / 100_000
    if value >= 1_000_000 and float(tenths).is_integer() and design.millions != "full":
        millions = f"{tenths / 10:g}"
        return f"{millions}M" if design.millions == "short" else f"{millions} million"
    return number(value, design)


def figure_value(figure: Figure, design: Design) -> str:
    """The number of a figure as printed: "over 300", "45+", "92%", "US$ 3.4 million"."""
    text = amount(figure.value, design)
    if figure.unit == "%":
        text += "%"
    elif figure.unit == "USD":
        text = f"{design.currency} {text}"
    if figure.qualifier == "+":
        text += "+"
    elif figure.qualifier:
        text = f"{figure.qualifier} {text}"
    return text


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def figure_inside(figure: Figure, design: Design) -> str:
    """The label with the number in it: the content's `inside` text, or "<number> <label>"."""
    template = figure.inside or "{n} " + figure.label
    text = template.replace("{n}", figure_value(figure, design))
    return capitalized(text) if template.startswith("{n}") else text


def figure_label(figure: Figure, design: Design) -> str:
    """What the gold calls the figure's label: the text printed with (or around) its number. A
    number printed inside its label makes the whole line the label ("Organized 18 activities"),
    unless the line starts with it: then the rest of the line is the label beside the number."""
    template = figure.inside or "{n} " + figure.label
    if design.tile_arrangement == "number_inside" and not template.startswith("{n}"):
        return figure_inside(figure, design)
    if design.tile_arrangement == "number_inside":
        return template.removeprefix("{n}").strip()
    return figure.label


def _month(d: dt.date, design: Design) -> str:
    name = _MONTHS[d.month - 1]
    return name[:3] if design.month_names == "abbrev" else name


def date(d: dt.date, design: Design) -> str:
    """ "29 June 2021", "June 29, 2021", "29 Jun 2021", "Jun 29" ..."""
    month = _month(d, design)
    if design.date_order == "day_first":
        text = f"{d.day} {month}"
        return f"{text} {d.year}" if design.date_year else text
    text = f"{month} {d.day}"
    return f"{text}, {d.year}" if design.date_year else text


def date_range(start: dt.date, end: dt.date, design: Design) -> str:
    """One date, or a range: "14–16 June 2023", "30 June – 2 July 2021", "June 14–16, 2023"."""
    if start == end:
        return date(start, design)
    same_month = (start.year, start.month) == (end.year, end.month)
    day_first = design.date_order == "day_first"
    if day_first:
        text = (
            f"{start.day}{EN_DASH}{end.day} {_month(end, design)}"
            if same_month
            else f"{start.day} {_month(start, design)} {EN_DASH} {end.day} {_month(end, design)}"
        )
        return f"{text} {end.year}" if design.date_year else text
    text = (
        f"{_month(start, design)} {start.day}{EN_DASH}{end.day}"
        if same_month
        else f"{_month(start, design)} {start.day} {EN_DASH} {_month(end, design)} {end.day}"
    )
    return f"{text}, {end.year}" if design.date_year else text


def counted(label: str, n: int, design: Design) -> str:
    """A heading with a count: "AFRICA | 47", "Africa (47)", "Africa — 47 members",
    "47 members in Africa"; member types: "Local Governments (160)", "160 Local Governments"."""
    is_type = label in ("Local Governments", "Institutions", "Corporations")
    if design.count_style == "pipe":
        text = f"{label} | {n}"
    elif design.count_style == "paren":
        text = f"{label} ({n})"
    elif design.count_style == "dash":
        text = f"{label} — {n}" if is_type else f"{label} — {n} members"
    else:
        the = "the " if label in _WITH_THE else ""
        text = f"{n} {label}" if is_type else f"{n} members in {the}{label}"
    return text.upper() if design.count_case == "upper" else text
