"""Country names, codes, aliases and demonyms -> ISO 3166-1 alpha-3; world-region labels.

Lookups are case-, accent-, punctuation- and spacing-insensitive ("COTE D'IVOIRE", "Côte d’Ivoire",
"the Netherlands", "St. Lucia", "Korea (Republic of)"). Order of resolution, exact before fuzzy:

1. `ALIASES`: common short and political names pycountry does not resolve by itself;
2. every pycountry name, common name and official name, plus alpha-2 and alpha-3 codes;
3. `pycountry.countries.lookup` (anything pycountry adds later);
4. `DEMONYMS`: adjectival forms ("Rwandan", "Korean"). The table is partial on purpose;
5. fuzzy matching (misspellings only): a similarity of at least 0.9 to a single country.

Codes are matched case-insensitively, so `to_iso3("in")` is "IND": call it on a country cell or an
entity, not on arbitrary tokens. Kosovo has no ISO 3166 code; "XKX" (user-assigned, used by the EU
and the World Bank) stands for it. "Congo" alone is the Republic of the Congo (COG).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache, lru_cache

import pycountry

KOSOVO = "XKX"

ALIASES: dict[str, str] = {
    "Korea": "KOR",
    "South Korea": "KOR",
    "Republic of Korea": "KOR",
    "Korea, South": "KOR",
    "ROK": "KOR",
    "North Korea": "PRK",
    "Korea, North": "PRK",
    "DPRK": "PRK",
    "Russia": "RUS",
    "Iran": "IRN",
    "Palestine": "PSE",
    "State of Palestine": "PSE",
    "Palestinian Territories": "PSE",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Vietnam": "VNM",
    "Viet Nam": "VNM",
    "Hong Kong": "HKG",
    "Hong Kong SAR": "HKG",
    "Hong Kong, China": "HKG",
    "Hong Kong SAR, China": "HKG",
    "Macau": "MAC",
    "Macao": "MAC",
    "Macau SAR": "MAC",
    "Macao SAR": "MAC",
    "Taiwan": "TWN",
    "Chinese Taipei": "TWN",
    "China": "CHN",
    "People's Republic of China": "CHN",
    "PRC": "CHN",
    "Mainland China": "CHN",
    "Syria": "SYR",
    "Laos": "LAO",
    "Lao PDR": "LAO",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Tanzania": "TZA",
    "Moldova": "MDA",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Slovak Republic": "SVK",
    "Kyrgyz Republic": "KGZ",
    "UK": "GBR",
    "United Kingdom": "GBR",
    "Great Britain": "GBR",
    "Britain": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
    "Northern Ireland": "GBR",
    "USA": "USA",
    "US": "USA",
    "United States": "USA",
    "United States of America": "USA",
    "UAE": "ARE",
    "Emirates": "ARE",
    "Ivory Coast": "CIV",
    "Côte d'Ivoire": "CIV",
    "DR Congo": "COD",
    "DRC": "COD",
    "Democratic Republic of the Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Congo": "COG",
    "Republic of the Congo": "COG",
    "Congo-Brazzaville": "COG",
    "Brunei": "BRN",
    "Brunei Darussalam": "BRN",
    "Cape Verde": "CPV",
    "Swaziland": "SWZ",
    "Eswatini": "SWZ",
    "Burma": "MMR",
    "Myanmar": "MMR",
    "Micronesia": "FSM",
    "Macedonia": "MKD",
    "East Timor": "TLS",
    "Vatican": "VAT",
    "Vatican City": "VAT",
    "Holland": "NLD",
    "Bosnia": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Kosovo": KOSOVO,
    "Republic of Kosovo": KOSOVO,
}

DEMONYMS: dict[str, str] = {
    "Afghan": "AFG", "Algerian": "DZA", "American": "USA", "Argentine": "ARG",
    "Argentinian": "ARG", "Armenian": "ARM", "Australian": "AUS", "Austrian": "AUT",
    "Azerbaijani": "AZE", "Bahraini": "BHR", "Bangladeshi": "BGD", "Belarusian": "BLR",
    "Belgian": "BEL", "Bolivian": "BOL", "Brazilian": "BRA", "British": "GBR", "Bulgarian": "BGR",
    "Burkinabe": "BFA", "Burmese": "MMR", "Cambodian": "KHM", "Cameroonian": "CMR",
    "Canadian": "CAN", "Chilean": "CHL", "Chinese": "CHN", "Colombian": "COL",
    "Costa Rican": "CRI", "Croatian": "HRV", "Cuban": "CUB", "Czech": "CZE", "Danish": "DNK",
    "Dutch": "NLD", "Ecuadorian": "ECU", "Egyptian": "EGY", "Emirati": "ARE", "Ethiopian": "ETH",
    "Fijian": "FJI", "Filipino": "PHL", "Finnish": "FIN", "French": "FRA", "Ghanaian": "GHA",
    "German": "DEU", "Greek": "GRC", "Guatemalan": "GTM", "Honduran": "HND", "Hungarian": "HUN",
    "Indian": "IND", "Indonesian": "IDN", "Iranian": "IRN", "Iraqi": "IRQ", "Irish": "IRL",
    "Israeli": "ISR", "Italian": "ITA", "Ivorian": "CIV", "Japanese": "JPN", "Jordanian": "JOR",
    "Kazakh": "KAZ", "Kazakhstani": "KAZ", "Kenyan": "KEN", "Korean": "KOR", "Kuwaiti": "KWT",
    "Kyrgyz": "KGZ", "Laotian": "LAO", "Lebanese": "LBN", "Libyan": "LBY", "Malawian": "MWI",
    "Malaysian": "MYS", "Malian": "MLI", "Mexican": "MEX", "Mongolian": "MNG", "Moroccan": "MAR",
    "Mozambican": "MOZ", "Namibian": "NAM", "Nepalese": "NPL", "Nepali": "NPL",
    "New Zealander": "NZL", "Nigerian": "NGA", "Nigerien": "NER", "North Korean": "PRK",
    "Norwegian": "NOR", "Omani": "OMN", "Pakistani": "PAK", "Palestinian": "PSE",
    "Panamanian": "PAN", "Paraguayan": "PRY", "Peruvian": "PER", "Philippine": "PHL",
    "Polish": "POL", "Portuguese": "PRT", "Qatari": "QAT", "Romanian": "ROU", "Russian": "RUS",
    "Rwandan": "RWA", "Salvadoran": "SLV", "Saudi": "SAU", "Senegalese": "SEN", "Serbian": "SRB",
    "Singaporean": "SGP", "Slovak": "SVK", "Slovenian": "SVN", "Somali": "SOM",
    "South African": "ZAF", "South Korean": "KOR", "South Sudanese": "SSD", "Spanish": "ESP",
    "Sri Lankan": "LKA", "Sudanese": "SDN", "Swedish": "SWE", "Swiss": "CHE", "Syrian": "SYR",
    "Taiwanese": "TWN", "Tajik": "TJK", "Tanzanian": "TZA", "Thai": "THA", "Tunisian": "TUN",
    "Turkish": "TUR", "Ugandan": "UGA", "Ukrainian": "UKR", "Uruguayan": "URY", "Uzbek": "UZB",
    "Venezuelan": "VEN", "Vietnamese": "VNM", "Yemeni": "YEM", "Zambian": "ZMB",
    "Zimbabwean": "ZWE",
}  # fmt: skip

REGIONS: dict[str, str] = {
    "Africa": "Africa",
    "Sub-Saharan Africa": "Sub-Saharan Africa",
    "North Africa": "North Africa",
    "West Africa": "West Africa",
    "East Africa": "East Africa",
    "Central Africa": "Central Africa",
    "Southern Africa": "Southern Africa",
    "Asia": "Asia",
    "Asia-Pacific": "Asia-Pacific",
    "Asia Pacific": "Asia-Pacific",
    "Asia and Pacific": "Asia-Pacific",
    "Asia and the Pacific": "Asia-Pacific",
    "APAC": "Asia-Pacific",
    "East Asia": "East Asia",
    "Northeast Asia": "Northeast Asia",
    "North-East Asia": "Northeast Asia",
    "South Asia": "South Asia",
    "Southeast Asia": "Southeast Asia",
    "South-East Asia": "Southeast Asia",
    "SE Asia": "Southeast Asia",
    "Central Asia": "Central Asia",
    "West Asia": "West Asia",
    "Western Asia": "West Asia",
    "Americas": "Americas",
    "The Americas": "Americas",
    "North America": "North America",
    "Central America": "Central America",
    "South America": "South America",
    "Latin America": "Latin America",
    "LATAM": "Latin America",
    "Latin America and the Caribbean": "Latin America and the Caribbean",
    "LAC": "Latin America and the Caribbean",
    "Caribbean": "Caribbean",
    "Europe": "Europe",
    "Western Europe": "Western Europe",
    "Eastern Europe": "Eastern Europe",
    "Central and Eastern Europe": "Central and Eastern Europe",
    "Eurasia": "Eurasia",
    "Middle East": "Middle East",
    "Middle East and North Africa": "Middle East and North Africa",
    "MENA": "Middle East and North Africa",
    "Oceania": "Oceania",
    "Pacific": "Pacific",
    "Pacific Islands": "Pacific",
    "Mediterranean": "Mediterranean",
}

_FUZZY_CUTOFF = 0.9
_FUZZY_MIN_LENGTH = 5


# ---- public API -------------------------------------------------------------------------------


def to_iso3(name: str) -> str | None:
    """The ISO 3166-1 alpha-3 code for a country name, code, alias or demonym; None if unknown."""
    if not isinstance(name, str):
        return None
    return _to_iso3(name)


@lru_cache(maxsize=8192)  # names repeat within and across reports; the fuzzy match is slow
def _to_iso3(name: str) -> str | None:
    for key in _keys(name):
        found = _index().get(key) or _pycountry_lookup(key) or _demonym(key)
        if found:
            return found
    return _fuzzy(_key(name))


def country_name(iso3: str) -> str:
    """The display name of a country: pycountry's common name if it has one, else its name.

    Raises KeyError for a code that is not a country (Kosovo's "XKX" gives "Kosovo").
    """
    code = iso3.strip().upper()
    if code == KOSOVO:
        return "Kosovo"
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise KeyError(iso3)
    return str(getattr(country, "common_name", None) or country.name)


def all_country_names() -> list[tuple[str, str]]:
    """Every (name, iso3): pycountry names, common and official names, and `ALIASES`.

    Inverted names are added in reading order ("Korea, Republic of" -> "Republic of Korea"),
    parenthetical parts on their own ("Holy See (Vatican City State)" -> "Holy See"), and accented
    names also without accents ("Côte d'Ivoire" -> "Cote d'Ivoire"). Codes and demonyms are not
    included. Sorted by iso3, then name; no duplicates.
    """
    pairs: set[tuple[str, str]] = set()
    for name, iso3 in _written_names():
        for variant in _variants(name):
            pairs.add((variant, iso3))
            pairs.add((_strip_accents(variant), iso3))
    return sorted(pairs, key=lambda pair: (pair[1], pair[0]))


def normalize_region(text: str) -> str | None:
    """The canonical label of a world-region heading ("ASIA PACIFIC" -> "Asia-Pacific"), or None.

    Ignores case, "&" vs "and", hyphens, "the", a trailing "region(s)", a colon and a trailing
    count in parentheses ("Africa (12)").
    """
    if not isinstance(text, str):
        return None
    return _region_index().get(_region_key(text))


# ---- countries: keys and indexes --------------------------------------------------------------


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(text: str) -> str:
    """Lowercase, accents and dots removed, apostrophes and hyphens unified, spaces collapsed."""
    key = _strip_accents(text).casefold()
    key = re.sub(r"[’‘`´]", "'", key).replace(".", "")
    key = re.sub(r"[‐‑–—-]", "-", key)
    key = re.sub(r"\s+", " ", key).strip(" ,;:*\"'")
    key = re.sub(r"^the ", "", key)
    return re.sub(r"^st ", "saint ", key)


def _keys(name: str) -> list[str]:
    """The key of `name`, then of its reorderings: "X (Y)" -> "X, Y", "X"; "X, Y of" -> "Y of X"."""
    key = _key(name)
    keys = [key]
    paren = re.fullmatch(r"(.+?)\s*\((.+)\)", key)
    if paren:
        keys += [f"{paren[1]}, {paren[2]}", _key(paren[1])]
    keys += [_key(k) for k in map(_uninvert, list(keys)) if k]
    return list(dict.fromkeys(k for k in keys if k))


def _uninvert(name: str) -> str | None:
    head, sep, tail = name.partition(", ")
    if not sep or "," in tail:
        return None
    if re.search(r"\bof( the)?$", tail, re.IGNORECASE) or " " not in tail:
        return f"{tail} {head}"
    return None


def _written_names() -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.append((str(value), str(country.alpha_3)))
    names += list(ALIASES.items())
    return names


def _variants(name: str) -> list[str]:
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    variants = [name]
    paren = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if paren:
        variants += [paren[1], paren[2]]
    for variant in list(variants):
        uninverted = _uninvert(variant)
        if uninverted:
            variants.append(re.sub(r"^the\s+", "", uninverted, flags=re.IGNORECASE))
    return list(dict.fromkeys(variants))


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        iso3 = str(country.alpha_3)
        for code in (country.alpha_2, country.alpha_3):
            index.setdefault(_key(str(code)), iso3)
    for name, iso3 in _written_names():
        for variant in _variants(name):
            index.setdefault(_key(variant), iso3)
    # The alias table is the most deliberate source: it wins over generated variants.
    index.update({_key(alias): iso3 for alias, iso3 in ALIASES.items()})
    return index


@cache
def _demonym_index() -> dict[str, str]:
    return {_key(demonym): iso3 for demonym, iso3 in DEMONYMS.items()}


def _pycountry_lookup(key: str) -> str | None:
    if not key or key.isdigit():  # numeric codes ("410") are not names
        return None
    try:
        return str(pycountry.countries.lookup(key).alpha_3)
    except LookupError:
        return None


def _demonym(key: str) -> str | None:
    demonyms = _demonym_index()
    return demonyms.get(key) or (demonyms.get(key[:-1]) if key.endswith("s") else None)


def _fuzzy(key: str) -> str | None:
    """A misspelt name, only when it is very close to names of exactly one country."""
    if len(key) < _FUZZY_MIN_LENGTH:
        return None
    index = _index()
    names = [k for k in index if len(k) >= _FUZZY_MIN_LENGTH]
    matches = difflib.get_close_matches(key, names, n=5, cutoff=_FUZZY_CUTOFF)
    countries = {index[m] for m in matches}
    return countries.pop() if len(countries) == 1 else None


# ---- regions ----------------------------------------------------------------------------------


def _region_key(text: str) -> str:
    key = _strip_accents(text).casefold().replace("&", " and ")
    key = re.sub(r"\(\s*\d[\d,.\s]*\)\s*$", "", key.strip())
    key = re.sub(r"[-‐‑–—_/]", " ", key)
    key = re.sub(r"[:.,;*]+", " ", key)
    words = [w for w in key.split() if w != "the"]
    while words and words[-1] in {"region", "regions"}:
        words.pop()
    return " ".join(words)


@cache
def _region_index() -> dict[str, str]:
    return {_region_key(label): canonical for label, canonical in REGIONS.items()}
