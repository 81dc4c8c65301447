"""Generic vocabulary the section rules share: kinds of members, stated counts, name lists."""

from __future__ import annotations

import re

from extractors.records import MemberType

MEMBER_TYPES: tuple[tuple[re.Pattern[str], MemberType], ...] = (
    (
        re.compile(
            r"\b(local governments?|cities|city members|member cities|municipalit(y|ies)|"
            r"local authorit(y|ies)|regional governments?|provinces?|councils)\b",
            re.IGNORECASE,
        ),
        "local_government",
    ),
    (
        re.compile(
            r"\b(institutions?|institutional|academi\w*|universit(y|ies)|ngos?|non-?profits?|"
            r"agencies)\b",
            re.IGNORECASE,
        ),
        "institution",
    ),
    (
        re.compile(
            r"\b(corporations?|corporate|compan(y|ies)|private sector|business(es)?|"
            r"enterprises?|firms?)\b",
            re.IGNORECASE,
        ),
        "corporation",
    ),
)
MEMBERS = re.compile(r"\bmembers?(hip)?\b", re.IGNORECASE)
NEW = re.compile(r"\bnew\b", re.IGNORECASE)
HEDGES = re.compile(
    r"\b(over|more than|nearly|almost|around|about|approximately|some|up to|at least|close to)\s*$",
    re.IGNORECASE,
)

# "AFRICA | 47", "Africa: 45", "Africa — 45 members", "Africa (45)", "210 Members as of ...".
_NUMBER = r"(?P<n>\d{1,3}(?:[,.\s]\d{3})*|\d+)"
COUNTED = (
    re.compile(rf"^(?P<label>[^\d|:()]+?)\s*[|:–—-]\s*{_NUMBER}(\s+members?)?$", re.IGNORECASE),
    re.compile(rf"^(?P<label>[^\d|:()]+?)\s*\(\s*{_NUMBER}(\s+members?)?\s*\)$", re.IGNORECASE),
    re.compile(
        rf"^{_NUMBER}\s+(?P<label>[^\W\d][^\d]*?)(\s+(as of|as at|in|at|by)\b.*)?$", re.IGNORECASE
    ),
)


def member_type(text: str) -> MemberType | None:
    for pattern, kind in MEMBER_TYPES:
        if pattern.search(text):
            return kind
    return None


# "48 members in Africa", "7 member cities in the Middle East": the count first, the group last
_COUNT_IN = re.compile(
    rf"^{_NUMBER}\s+(?:\w+\s+){{0,2}}?(?:members?|cities|municipalities|governments?|"
    rf"institutions?|corporations?|companies)\s+(?:in|from|across)\s+(?:the\s+)?(?P<label>[^\d]+)$",
    re.IGNORECASE,
)


def counted(text: str) -> tuple[str, int] | None:
    """Split a stated count off a heading: "AFRICA | 47" -> ("AFRICA", 47), "48 members in
    Africa" -> ("Africa", 48)."""
    text = " ".join(text.split())
    match = _COUNT_IN.match(text)
    if match:
        return match.group("label").strip(), int(re.sub(r"\D", "", match.group("n")))
    for pattern in COUNTED:
        match = pattern.match(text)
        if match:
            return match.group("label").strip(), int(re.sub(r"\D", "", match.group("n")))
    return None


def split_names(cell: str) -> list[str]:
    """Split a list of names on commas and semicolons outside parentheses."""
    names: list[str] = []
    depth = 0
    current = ""
    for char in cell:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in ",;" and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [n for n in (" ".join(n.split()).strip(" .") for n in names) if n]
