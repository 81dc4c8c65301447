"""Normalizers: numbers, dates, countries and regions, including the tricky negatives."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.normalize.countries import (
    ALIASES,
    all_country_names,
    country_name,
    normalize_region,
    to_iso3,
)
from extractors.normalize.dates import find_dates, parse_date, parse_date_range
from extractors.normalize.numbers import Quantity, find_quantities, parse_int, parse_quantity

# ---- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("114,034", 114034, None, None),
        ("428,000", 428000, None, None),
        ("1,500,000", 1500000, None, None),
        ("1,500.5", 1500.5, None, None),
        ("65+", 65, "+", None),
        ("100+", 100, "+", None),
        ("65+ Member Cities", 65, "+", None),
        ("over 300", 300, "over", None),
        ("Over 300 cities", 300, "over", None),
        ("more than 200", 200, "more than", None),
        ("More  than 200", 200, "more than", None),
        ("around 40", 40, "around", None),
        ("about 40", 40, "about", None),
        ("nearly 40", 40, "nearly", None),
        ("almost 40", 40, "almost", None),
        ("up to 40", 40, "up to", None),
        ("at least 40", 40, "at least", None),
        ("approximately 40", 40, "approximately", None),
        ("approx. 40", 40, "approximately", None),
        ("~40", 40, "about", None),
        ("~ 40", 40, "about", None),
        ("1.9 Million", 1900000, None, None),
        ("8.5 million", 8500000, None, None),
        ("1.2m", 1200000, None, None),
        ("3 billion", 3000000000, None, None),
        ("2.5bn", 2500000000, None, None),
        ("12k", 12000, None, None),
        ("1,5 million", 1500000, None, None),
        ("1,5 Mio", 1500000, None, None),
        ("1.9\nMillion+", 1900000, "+", None),
        ("1 500", 1500, None, None),
        ("1\u202f500", 1500, None, None),
        ("1\u00a0500\u00a0000", 1500000, None, None),
        ("1\u2009500", 1500, None, None),
        ("1.500.000", 1500000, None, None),
        ("1.500,5", 1500.5, None, None),
        ("12.5%", 12.5, None, "%"),
        ("50 %", 50, None, "%"),
        ("12 percent", 12, None, "%"),
        ("-3.5%", -3.5, None, "%"),
        ("682 km²", 682, None, "km2"),
        ("682 km2", 682, None, "km2"),
        ("682 km 2", 682, None, "km2"),
        ("2,672 sq km", 2672, None, "km2"),
        ("605 square kilometres", 605, None, "km2"),
        ("US$ 3.2 million", 3200000, None, "USD"),
        ("$3.2m", 3200000, None, "USD"),
        ("€40 million", 40000000, None, "EUR"),
        ("£5", 5, None, "GBP"),
        ("¥100", 100, None, "JPY"),
        ("₹7 billion", 7000000000, None, "INR"),
        ("KRW 1.2 billion", 1200000000, None, "KRW"),
        ("USD3.2m", 3200000, None, "USD"),
        ("3.2 million USD", 3200000, None, "USD"),
        ("40 million euros", 40000000, None, "EUR"),
        ("1.2 billion won", 1200000000, None, "KRW"),
        ("over US$ 3 million", 3000000, "over", "USD"),
        ("twelve", 12, None, None),
        ("a dozen", 12, None, None),
        ("twenty-five", 25, None, None),
        ("three million", 3000000, None, None),
    ],
)
def test_parse_quantity(text: str, value: float, qualifier: str | None, unit: str | None) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert quantity.value == value
    assert type(quantity.value) is type(value)
    assert quantity.qualifier == qualifier
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,500", 1500),  # comma + exactly three digits: thousands
        ("1,5", 1.5),  # otherwise: decimal comma
        ("1,50", 1.5),
        ("1,5000", 1.5),
        ("1.500", 1.5),  # a single dot is a decimal point
        ("3.0", 3),  # integral values are int
    ],
)
def test_thousands_versus_decimal_comma(text: str, value: float) -> None:
    quantity = parse_quantity(text)
    assert quantity is not None
    assert quantity.value == value
    assert type(quantity.value) is type(value)


def test_quantity_keeps_source_text() -> None:
    quantity = parse_quantity("We now have over 1,200 members.")
    assert quantity == Quantity(1200, "over", None, "over 1,200")


@pytest.mark.parametrize(
    "text",
    ["", "no number here", "N/A", "—", "the 1990s", "2nd", "5G", "12km", "CO2", "G20", "Moreover,"],
)
def test_parse_quantity_without_a_number(text: str) -> None:
    assert parse_quantity(text) is None


def test_qualifier_needs_a_word_boundary() -> None:
    quantity = parse_quantity("Moreover 30 cities")
    assert quantity is not None
    assert (quantity.value, quantity.qualifier) == (30, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("114,034", 114034), ("1.9 Million", 1900000), ("12.5%", None), ("none", None), ("", None)],
)
def test_parse_int(text: str, expected: int | None) -> None:
    assert parse_int(text) == expected


def test_find_quantities_in_a_sentence() -> None:
    found = find_quantities("over 220 representatives from 89 cities from 42 countries")
    assert [(q.value, q.qualifier) for q in found] == [(220, "over"), (89, None), (42, None)]
    assert [q.source_text for q in found] == ["over 220", "89", "42"]


def test_find_quantities_keeps_years_and_money() -> None:
    found = find_quantities("On April 19, 2021, about 1,500 people (65+) raised US$ 3.2m.")
    assert [(q.value, q.qualifier, q.unit) for q in found] == [
        (19, None, None),
        (2021, None, None),
        (1500, "about", None),
        (65, "+", None),
        (3200000, None, "USD"),
    ]


def test_find_quantities_number_words_only_on_request() -> None:
    assert find_quantities("one of twelve cities") == []
    found = find_quantities("one of twelve cities", words=True)
    assert [q.value for q in found] == [1, 12]


def test_space_separator_does_not_glue_a_year_to_a_count() -> None:
    found = find_quantities("In 2021 150 cities joined")
    assert [q.value for q in found] == [2021, 150]


# ---- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("April 19, 2021", None, date(2021, 4, 19)),
        ("19 April 2021", None, date(2021, 4, 19)),
        ("19th of April, 2021", None, date(2021, 4, 19)),
        ("Monday, April 19th", 2021, date(2021, 4, 19)),
        ("Apr 19", 2021, date(2021, 4, 19)),
        ("Jun 25", 2020, date(2020, 6, 25)),
        ("Sept 8", 2021, date(2021, 9, 8)),
        ("SEP 8", 2021, date(2021, 9, 8)),
        ("Sept. 8, 2019", 2021, date(2019, 9, 8)),
        ("Oct. 18, 2021", None, date(2021, 10, 18)),
        ("May 5", 2021, date(2021, 5, 5)),
        ("2021-04-19", None, date(2021, 4, 19)),
        ("2021.04.19", None, date(2021, 4, 19)),
        ("19/04/2021", None, date(2021, 4, 19)),  # first number above 12: a day
        ("05/04/2021", None, date(2021, 5, 4)),  # month first by default
        ("June 22-24, 2021", None, date(2021, 6, 22)),  # a range gives its start
    ],
)
def test_parse_date(text: str, default_year: int | None, expected: date) -> None:
    assert parse_date(text, default_year) == expected


def test_parse_date_dayfirst() -> None:
    assert parse_date("05/04/2021", None, dayfirst=True) == date(2021, 4, 5)
    assert parse_date("05.04.2021", None, dayfirst=True) == date(2021, 4, 5)


@pytest.mark.parametrize(
    ("text", "default_year"),
    [
        ("", 2021),
        ("garbage", 2021),
        ("Apr 19", None),  # no year written and no default
        ("Feb 30, 2021", None),
        ("Apr 45", 2021),
        ("April 2021", None),  # month-only: not a day
        ("may 5", 2021),  # the verb, not the month
        ("2021-13-45", None),
        ("12/31/21", None),  # two-digit years are not read
        ("Decades ago", 2021),
        ("Member 12", 2021),
    ],
)
def test_parse_date_garbage(text: str, default_year: int | None) -> None:
    assert parse_date(text, default_year) is None


def test_parse_date_never_raises_on_non_strings() -> None:
    assert parse_date(None, 2021) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "default_year", "start", "end"),
    [
        ("September 27 - October 8, 2021", None, date(2021, 9, 27), date(2021, 10, 8)),
        ("November 15 - December 3, 2021", None, date(2021, 11, 15), date(2021, 12, 3)),
        ("SEP 27- OCT 8", 2021, date(2021, 9, 27), date(2021, 10, 8)),
        ("SEP 27 ~ OCT 8", 2021, date(2021, 9, 27), date(2021, 10, 8)),
        ("June 22-24, 2021", None, date(2021, 6, 22), date(2021, 6, 24)),
        ("June 22–24", 2020, date(2020, 6, 22), date(2020, 6, 24)),
        ("22-24 June 2021", None, date(2021, 6, 22), date(2021, 6, 24)),
        ("22 June – 3 July 2021", None, date(2021, 6, 22), date(2021, 7, 3)),
        ("22 June — 3 July 2021", None, date(2021, 6, 22), date(2021, 7, 3)),
        ("June 22 to July 3", 2021, date(2021, 6, 22), date(2021, 7, 3)),
        ("June 22 until July 3, 2020", 2021, date(2020, 6, 22), date(2020, 7, 3)),
        ("2021-04-19 to 2021-04-22", None, date(2021, 4, 19), date(2021, 4, 22)),
        ("Oct. 18, 2021", None, date(2021, 10, 18), date(2021, 10, 18)),
        # December -> January
        ("Dec 28 - Jan 3", 2021, date(2021, 12, 28), date(2022, 1, 3)),
        ("December 28, 2021 - January 3", None, date(2021, 12, 28), date(2022, 1, 3)),
        ("December 28 - January 3, 2022", None, date(2021, 12, 28), date(2022, 1, 3)),
        ("December 28, 2021 - January 3, 2022", 2030, date(2021, 12, 28), date(2022, 1, 3)),
    ],
)
def test_parse_date_range(text: str, default_year: int | None, start: date, end: date) -> None:
    assert parse_date_range(text, default_year) == (start, end)


@pytest.mark.parametrize(
    ("text", "default_year"),
    [
        ("SEP 27- OCT 8", None),
        ("June 24-22", 2021),  # ends before it starts, same month: not rolled
        ("Dec 28, 2022 - Jan 3, 2021", None),  # both years written: not rolled
        ("2021-04-22 to 2021-04-19", None),
        ("nothing here", 2021),
    ],
)
def test_parse_date_range_rejects(text: str, default_year: int | None) -> None:
    assert parse_date_range(text, default_year) is None


def test_find_dates_in_prose() -> None:
    text = (
        "On Oct. 18, 2021, the network held its forum; from February to September 2020 it ran "
        "webinars, and again on June 22-24 and 3 July."
    )
    assert find_dates(text, 2021) == [
        (date(2021, 10, 18), date(2021, 10, 18), "Oct. 18, 2021"),
        (date(2021, 6, 22), date(2021, 6, 24), "June 22-24"),
        (date(2021, 7, 3), date(2021, 7, 3), "3 July"),
    ]


def test_find_dates_skips_dates_without_a_year() -> None:
    assert find_dates("Held on Apr 19 and on May 3, 2020.", None) == [
        (date(2020, 5, 3), date(2020, 5, 3), "May 3, 2020"),
    ]


# ---- countries --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Korea", "KOR"),
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("Korea, Republic of", "KOR"),
        ("Korea (Republic of)", "KOR"),
        ("North Korea", "PRK"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Iran", "IRN"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Palestine", "PSE"),
        ("State of Palestine", "PSE"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Hong Kong", "HKG"),
        ("Hong Kong SAR", "HKG"),
        ("Macau", "MAC"),
        ("Macao SAR", "MAC"),
        ("Taiwan", "TWN"),
        ("Syria", "SYR"),
        ("Laos", "LAO"),
        ("Bolivia", "BOL"),
        ("Venezuela", "VEN"),
        ("Tanzania", "TZA"),
        ("Moldova", "MDA"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("United Kingdom", "GBR"),
        ("Great Britain", "GBR"),
        ("England", "GBR"),
        ("Scotland", "GBR"),
        ("Wales", "GBR"),
        ("USA", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("United States", "USA"),
        ("United States of America", "USA"),
        ("UAE", "ARE"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("COTE D'IVOIRE", "CIV"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo", "COG"),
        ("Brunei", "BRN"),
        ("Brunei Darussalam", "BRN"),
        ("Cape Verde", "CPV"),
        ("Cabo Verde", "CPV"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Micronesia", "FSM"),
        ("Kosovo", "XKX"),
        ("the Netherlands", "NLD"),
        ("The Gambia", "GMB"),
        ("St. Lucia", "LCA"),
        ("  ecuador  ", "ECU"),
        ("BRAZIL", "BRA"),
        ("São Tomé and Príncipe", "STP"),
        ("Sao Tome and Principe", "STP"),
        ("Holy See (Vatican City State)", "VAT"),
        ("British Virgin Islands", "VGB"),
        ("kr", "KOR"),
        ("KOR", "KOR"),
        ("mx", "MEX"),
        # demonyms
        ("Rwandan", "RWA"),
        ("Ecuadorian", "ECU"),
        ("Korean", "KOR"),
        ("Brazilian", "BRA"),
        ("Chinese", "CHN"),
        ("Mexican", "MEX"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        # misspelling: fuzzy, last resort
        ("Phillipines", "PHL"),
    ],
)
def test_to_iso3(name: str, iso3: str) -> None:
    assert to_iso3(name) == iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Guinea", "GIN"),
        ("Equatorial Guinea", "GNQ"),
        ("Guinea-Bissau", "GNB"),
        ("Papua New Guinea", "PNG"),
        ("Sudan", "SDN"),
        ("South Sudan", "SSD"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
        ("Samoa", "WSM"),
        ("American Samoa", "ASM"),
        ("Austria", "AUT"),
        ("Australia", "AUS"),
        ("Slovenia", "SVN"),
        ("Slovakia", "SVK"),
        ("Mali", "MLI"),
        ("Malawi", "MWI"),
        ("Iceland", "ISL"),
        ("Ireland", "IRL"),
    ],
)
def test_to_iso3_near_neighbours_stay_apart(name: str, iso3: str) -> None:
    assert to_iso3(name) == iso3


@pytest.mark.parametrize(
    "name", ["", "   ", "garbage", "Seoul", "Columbia", "Atlantis", "410", "Member cities"]
)
def test_to_iso3_unknown(name: str) -> None:
    assert to_iso3(name) is None


def test_to_iso3_non_string() -> None:
    assert to_iso3(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("KOR", "South Korea"),  # common name
        ("GBR", "United Kingdom"),  # no common name: the name
        ("twn", "Taiwan"),
        ("XKX", "Kosovo"),
    ],
)
def test_country_name(iso3: str, name: str) -> None:
    assert country_name(iso3) == name


def test_country_name_unknown_code() -> None:
    with pytest.raises(KeyError):
        country_name("ZZZ")


def test_all_country_names() -> None:
    pairs = all_country_names()
    assert len(pairs) == len(set(pairs))
    assert ("South Korea", "KOR") in pairs  # common name
    assert ("Korea, Republic of", "KOR") in pairs  # name
    assert ("Republic of Korea", "KOR") in pairs  # inverted name / alias
    assert ("Federal Republic of Nigeria", "NGA") in pairs  # official name
    assert ("Cote d'Ivoire", "CIV") in pairs  # without accents
    assert ("Kosovo", "XKX") in pairs
    assert all(pair in pairs for pair in ALIASES.items())
    assert not any(name in {"KR", "KOR", "Korean"} for name, _ in pairs)  # no codes, no demonyms
    by_name: dict[str, set[str]] = {}
    for name, iso3 in pairs:
        by_name.setdefault(name.casefold(), set()).add(iso3)
    assert {k: v for k, v in by_name.items() if len(v) > 1} == {}
    # every listed name resolves back to its own code
    assert [(n, i) for n, i in pairs if to_iso3(n) != i] == []


# ---- regions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("AFRICA", "Africa"),
        ("Africa (12)", "Africa"),
        ("Asia-Pacific", "Asia-Pacific"),
        ("ASIA PACIFIC", "Asia-Pacific"),
        ("Asia & Pacific", "Asia-Pacific"),
        ("Asia and the Pacific", "Asia-Pacific"),
        ("APAC", "Asia-Pacific"),
        ("Asia-Pacific Region", "Asia-Pacific"),
        ("Americas", "Americas"),
        ("The Americas", "Americas"),
        ("Latin America", "Latin America"),
        ("Latin America and the Caribbean", "Latin America and the Caribbean"),
        ("LATIN AMERICA & CARIBBEAN", "Latin America and the Caribbean"),
        ("North America", "North America"),
        ("Europe", "Europe"),
        ("EUROPE:", "Europe"),
        ("Eurasia", "Eurasia"),
        ("Middle East", "Middle East"),
        ("MENA", "Middle East and North Africa"),
        ("Middle East & North Africa", "Middle East and North Africa"),
        ("East Asia", "East Asia"),
        ("South Asia", "South Asia"),
        ("Southeast Asia", "Southeast Asia"),
        ("South-East Asia", "Southeast Asia"),
        ("Oceania", "Oceania"),
        ("Mediterranean", "Mediterranean"),
    ],
)
def test_normalize_region(text: str, label: str) -> None:
    assert normalize_region(text) == label


@pytest.mark.parametrize("text", ["", "Korea", "Members", "New Members", "Asia Pacific Cities"])
def test_normalize_region_unknown(text: str) -> None:
    assert normalize_region(text) is None
