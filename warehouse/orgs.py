"""Stable organization ids: the same member in two reports (or two runs) gets one `org_id`.

The key is the name folded for comparison (accents removed, case folded, only letters and digits
kept, so "Le Havre" = "Lehavre", "Saint-Ouen" = "Saintouen", "Málaga" = "Malaga") plus the ISO 3166
alpha-3 code of its country. The id is the first 16 hex digits of the key's SHA-1: deterministic,
opaque and the same on every machine. A rename to a different word ("Bombay" -> "Mumbai") gives
a new id; record it in `organization_renames` (see `warehouse.load.record_rename`).
"""

from __future__ import annotations

import hashlib
import unicodedata

# letters that NFKD does not split into a base letter and a mark
_FOLD = str.maketrans(
    {"ı": "i", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h"}
)


def fold_name(name: str) -> str:
    """`name` for comparison: no accents, case folded, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    folded = "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))
    return folded or " ".join(name.casefold().split())  # a name of symbols only stays itself


def org_key(name: str, country_iso3: str | None) -> str:
    """The key an organization is known by: `folded-name|ISO3` (ISO3 empty if unknown)."""
    return f"{fold_name(name)}|{(country_iso3 or '').upper()}"


def org_id(name: str, country_iso3: str | None) -> str:
    """The stable id of the organization `name` in `country_iso3`."""
    return hashlib.sha1(org_key(name, country_iso3).encode("utf-8")).hexdigest()[:16]
