"""Numbers as reports write them: "48,250", "65+", "over 300", "2.4 Million", "US$ 3.2m", "12.5%".

Separators: a comma followed by exactly three digits (and then no digit) groups thousands ("1,500",
"48,250"); any other comma is a decimal comma ("1,5 million" -> 1500000). A single dot is always a
decimal point ("1.500" -> 1.5); dots group thousands only when there are at least two groups
("1.500.000") or a decimal comma follows ("1.500,5"). Spaces (also no-break, thin and narrow
no-break spaces) group thousands ("1 500").

Values: integral results are `int` (also after scaling: "1.5 million" -> 1500000), others `float`.
Units: "%" (also "percent"), "km2", "m2", "ha", or an ISO 4217 currency code. "$" alone is read as
USD and "¥" as JPY: a convention, since the symbols are ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, how the report hedged it ("over", "+"), its unit, and the words it came from."""

    value: float | int
    qualifier: str | None
    unit: str | None
    source_text: str


# ---- vocabulary (data) ------------------------------------------------------------------------

QUALIFIERS: dict[str, str] = {
    "more than": "more than",
    "less than": "less than",
    "fewer than": "fewer than",
    "at least": "at least",
    "up to": "up to",
    "close to": "close to",
    "approximately": "approximately",
    "approx.": "approximately",
    "approx": "approximately",
    "around": "around",
    "about": "about",
    "nearly": "nearly",
    "almost": "almost",
    "roughly": "roughly",
    "some": "some",
    "over": "over",
    "under": "under",
    "above": "above",
    "~": "about",
    "≈": "about",
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "A$": "AUD",
    "C$": "CAD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
}

_CODES = (
    "USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "CHF", "CAD", "AUD", "NZD", "SGD", "HKD",
    "RUB", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "TRY", "IDR", "THB", "MYR", "PHP", "VND",
    "AED", "SAR",
)  # fmt: skip
CURRENCY_CODES: dict[str, str] = {code: code for code in _CODES} | {"RMB": "CNY"}

CURRENCY_WORDS: dict[str, str] = {
    "us dollar": "USD",
    "dollar": "USD",
    "euro": "EUR",
    "yen": "JPY",
    "won": "KRW",
    "rupee": "INR",
    "yuan": "CNY",
    "renminbi": "CNY",
}

SCALES: dict[str, int] = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "mio": 10**6,
    "mil": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}

AREA_UNITS: tuple[tuple[str, str], ...] = (
    (r"km²|km2|km\s2(?!\d)|sq\.?\s*km|square\s+kilomet(?:er|re)s?", "km2"),
    (r"m²|m2|sq\.?\s*m|square\s+met(?:er|re)s?", "m2"),
    (r"hectares?|ha", "ha"),
)

_SMALL_NUMBERS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
WORD_NUMBERS: dict[str, int] = {word: i for i, word in enumerate(_SMALL_NUMBERS)} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
}


# ---- the pattern ------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "US$" wins over "$" and "million" over "mil"."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_SPACE_GROUP = "[ \u00a0\u2009\u202f]"
_WORD_QUALS = _alternation(q for q in QUALIFIERS if q[0].isalpha())
_QUALIFIER = rf"(?:(?<!\w)(?P<qual>(?i:{_WORD_QUALS}))\s+|(?P<tilde>[~≈])\s*)?"
_CURRENCY_PRE = (
    rf"(?:(?<![A-Za-z])(?P<cur_sym>{_alternation(CURRENCY_SYMBOLS)})\s*"
    rf"|(?<![A-Za-z])(?P<cur_code>{_alternation(CURRENCY_CODES)})(?![A-Za-z])\s*)?"
)
_SIGN = r"(?:(?<![^\s(])(?P<sign>[-−]))?"
# a number grouped in thousands that a narrow line broke inside one group ("1,200,00" over "0",
# "257 3" over "18", "3,4" over "00,000"): a broken group has a whole group before it (or a lead
# of three digits) or after it, so "3,5 10" is not one number


def _broken_groups(sep: str) -> str:
    group = rf"(?:\d{_SPACE_GROUP}\d\d|\d\d{_SPACE_GROUP}\d)"
    return (
        rf"(?:\d{{1,3}}(?:{sep}\d{{3}})+|\d{{3}}){sep}{group}(?:{sep}\d{{3}})*"
        rf"|\d{{1,3}}{sep}{group}(?:{sep}\d{{3}})+"
    )


_BROKEN = f"{_broken_groups(',')}|{_broken_groups(_SPACE_GROUP)}"
_DIGITS = (
    r"(?(cur_code)|(?<![\w.,]))(?P<num>"
    rf"(?:{_BROKEN})(?![\d.,]\d)"
    "|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:\.\d{3})+,\d+"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?"
    rf"|\d{{1,3}}(?:{_SPACE_GROUP}\d{{3}})+(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?"
    r")(?!\d)"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORDS = (
    r"(?<!\w)(?P<word>(?i:(?:a\s+)?(?:dozen|hundred)"
    rf"|(?:{_TENS})(?:[-\s](?:{_UNITS}))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|zero"
    rf"|{_UNITS}))(?![\w-])"
)
_SCALE_WORDS = _alternation(s for s in SCALES if len(s) > 1)
_BROKEN_AT = 7  # a scale word this long may come broken in two by a line break ("mi llion")


def _broken_word(word: str) -> str:
    """A long scale word broken in two by white space at any letter: a narrow column breaks
    "1.2 million" into "1.2 mi" and "llion" when the word does not fit its line."""
    return "|".join(rf"{word[:i]}\s{word[i:]}" for i in range(1, len(word)))


_BROKEN_SCALES = "|".join(_broken_word(s) for s in SCALES if len(s) >= _BROKEN_AT)
_SCALE = (
    rf"(?:\s*(?P<scale_word>(?i:{_BROKEN_SCALES}|{_SCALE_WORDS}))(?![A-Za-z])"
    r"|(?P<scale_abbr>[kKmMbB])(?![A-Za-z\d²³]))?"
)
_PLUS = r"(?P<plus>\+)?"
_AREA = "|".join(f"(?P<area{i}>{pattern})" for i, (pattern, _) in enumerate(AREA_UNITS))
_UNIT = (
    rf"(?:\s*(?:(?P<percent>%|(?i:percent|per\s+cent)(?![A-Za-z]))"
    rf"|(?i:{_AREA})(?![A-Za-z\d])"
    rf"|(?P<cur_post>{_alternation(CURRENCY_CODES)})(?![A-Za-z])"
    rf"|(?P<cur_word>(?i:{_alternation(CURRENCY_WORDS)}))s?(?![A-Za-z])))?"
)
_END = r"(?:(?<!\w)|(?!\w))"


def _compile(number: str) -> re.Pattern[str]:
    return re.compile(_QUALIFIER + _CURRENCY_PRE + _SIGN + number + _SCALE + _PLUS + _UNIT + _END)


_NUMERIC_RE = _compile(_DIGITS)
_WORDS_RE = _compile(f"(?:{_DIGITS}|{_WORDS})")


# ---- public API -------------------------------------------------------------------------------


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity written in `text` (digits preferred, else a number word), or None."""
    if not isinstance(text, str):
        return None
    for pattern in (_NUMERIC_RE, _WORDS_RE):
        for match in pattern.finditer(text):
            quantity = _quantity(match)
            if quantity is not None:
                return quantity
    return None


_BROKEN_GROUP = re.compile(rf"(?<!\d)(?P<a>\d\d?){_SPACE_GROUP}(?P<b>\d\d?)(?!\d)")


def rejoined(text: str) -> str:
    """A quantity as printed, with the line break a narrow line put inside it taken out: a
    group of digits broken in two ("257,3 18" -> "257,318", "257 3 18" -> "257 318") or a long
    scale word ("1.2 mi llion" -> "1.2 million"). Text that is no such broken quantity comes
    back as it is."""
    match = _NUMERIC_RE.search(text)
    if match is None:
        return text
    number, scale = match.group("num"), match.group("scale_word")
    out = text
    if number and re.fullmatch(_BROKEN, number):
        for broken in _BROKEN_GROUP.finditer(number):
            if len(broken.group("a") + broken.group("b")) == 3:
                whole = number[: broken.start()] + broken.group("a") + broken.group("b")
                out = out.replace(number, whole + number[broken.end() :], 1)
                break
    if scale and " " in scale.strip() and re.fullmatch(_BROKEN_SCALES, scale.strip(), re.I):
        out = out.replace(scale.strip(), "".join(scale.split()), 1)
    return out


def parse_int(text: str) -> int | None:
    """The first quantity in `text` if its (scaled) value is a whole number, else None."""
    quantity = parse_quantity(text)
    if quantity is None or not isinstance(quantity.value, int):
        return None
    return quantity.value


def find_quantities(text: str, *, words: bool = False) -> list[Quantity]:
    """Every quantity in `text`, in order.

    Nothing is filtered: years, day numbers and ordinals written as digits ("2021", "19" in
    "April 19") come back too, so callers drop what their context rules out. With `words=True`,
    number words ("twelve", "a dozen") count as well; they are off by default because "one" is
    so often not a count.
    """
    if not isinstance(text, str):
        return []
    pattern = _WORDS_RE if words else _NUMERIC_RE
    found = (_quantity(m) for m in pattern.finditer(text))
    return [q for q in found if q is not None]


# ---- helpers ----------------------------------------------------------------------------------


def _quantity(match: re.Match[str]) -> Quantity | None:
    groups = match.groupdict()
    number = groups.get("num")
    value = _parse_digits(number) if number else _parse_words(groups.get("word") or "")
    if value is None:
        return None
    scale = groups["scale_word"] or groups["scale_abbr"]
    if scale:
        value *= SCALES["".join(scale.lower().split())]
    if groups["sign"]:
        value = -value
    return Quantity(
        value=_plain(value),
        qualifier=_qualifier(groups),
        unit=_unit(groups),
        source_text=match.group(0).strip(),
    )


def _parse_digits(number: str) -> Decimal | None:
    text = re.sub(_SPACE_GROUP, "", number)
    last_comma, last_dot = text.rfind(","), text.rfind(".")
    if last_comma >= 0 and last_dot >= 0:
        # Both present: the one written last is the decimal mark.
        if last_comma > last_dot:
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif last_comma >= 0:
        groups = text.split(",")
        if all(len(g) == 3 for g in groups[1:]):
            text = "".join(groups)
        elif len(groups) == 2:
            text = ".".join(groups)
        else:
            return None
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _parse_words(words: str) -> Decimal | None:
    parts = re.split(r"[-\s]+", words.lower())
    parts = [p for p in parts if p != "a"]
    if not parts or any(p not in WORD_NUMBERS for p in parts):
        return None
    return Decimal(sum(WORD_NUMBERS[p] for p in parts))


def _plain(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _qualifier(groups: dict[str, str | None]) -> str | None:
    written = groups["qual"] or groups["tilde"]
    if written:
        return QUALIFIERS[re.sub(r"\s+", " ", written.lower())]
    if groups["plus"]:
        return "+"
    return None


def _unit(groups: dict[str, str | None]) -> str | None:
    if groups["cur_sym"]:
        return CURRENCY_SYMBOLS[groups["cur_sym"]]
    if groups["cur_code"]:
        return CURRENCY_CODES[groups["cur_code"]]
    if groups["percent"]:
        return "%"
    for i, (_, unit) in enumerate(AREA_UNITS):
        if groups[f"area{i}"]:
            return unit
    if groups["cur_post"]:
        return CURRENCY_CODES[groups["cur_post"]]
    if groups["cur_word"]:
        return CURRENCY_WORDS[re.sub(r"\s+", " ", groups["cur_word"].lower())]
    return None
