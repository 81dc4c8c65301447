"""The grammar of people's roles in running text and on cards: who holds which title where.

Parses "<Title> <Name> of <Org>", "<Org>'s <Title> <Name>", "<Name>, <Title> of <Org>", name
cards and "Key: value" leader lines into `Role`s. Vocabulary comes from `patterns/people.json`
(generic job titles, organization words, particles); see `extractors.sections.people`."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from extractors.model import BlockRole
from extractors.normalize.countries import all_country_names, normalize_region

_V = json.loads((Path(__file__).parent / "patterns" / "people.json").read_text("utf-8"))
_BASES = "|".join(re.escape(t) for t in sorted(_V["titles"], key=len, reverse=True))
_PREFIXES = "|".join(re.escape(p) for p in _V["prefixes"])
TITLE = re.compile(rf"(?:[A-Z]{{2,6}} )?(?:(?:{_PREFIXES})[ -])*(?:{_BASES})")
_TITLE_WORDS = {w for t in _V["titles"] + _V["prefixes"] for w in re.split(r"[ -]", t)} - {"of"}
_DETERMINERS = {"The", "A", "An", "Our", "Its", "Their", "His", "Her"}
_NOT_NAME = set(_V["organization_words"]) | _TITLE_WORDS | set(_V["honorifics"]) | _DETERMINERS | {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"}  # fmt: skip
_HEADS, _PORTFOLIO = set(_V["organization_heads"]["words"]), set(_V["portfolio_words"]["words"])
_PARTICLES, _HONORIFICS = set(_V["particles"]), set(_V["honorifics"])
_CONNECTORS = {"of", "the", "and", "for", "&"} | _PARTICLES
_KEEP_DOT = set(_V["abbreviations"]) | _HONORIFICS
_PLACES = {name.casefold() for name, _ in all_country_names()}
_TOKEN = re.compile(r"\([A-Z][\w&.-]*\)|['’]s\b|[^\W\d_](?:[\w-]|['’](?!s\b))*\.?|\d[\d,.:]*|\S")
_APPOSITIVE = re.compile(r"^\s*[–—-]?\s*who (?:also |currently )?(?:serves|is|was|acts)"
                         r"(?: also)?(?: as)?(?: the)?\s*$")  # fmt: skip
_POSSESSIVE, _COMMA = re.compile(r"['’]s\s+"), re.compile(r"\s*,\s*")
_AT = re.compile(r"\s+at\s+(?:the\s+)?")  # "<Title> at <Org>"
_FACT = re.compile(r"^\s*(?P<key>[^:]{2,40}?)\s*:\s*(?P<value>\S.*)$")
LEADER_HEADER = re.compile(r"\b(leader|head|representative)s?\b", re.IGNORECASE)
_DASH = re.compile(r"^\s*[–—-]+\s*|^\s*[•▪]\s*")
PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
TEXT_ROLES = frozenset({BlockRole.HEADING, BlockRole.BODY, BlockRole.CAPTION})
Words = Sequence[str]


class Run(NamedTuple):
    """A maximal span of capitalized words (with "of", "the", "and", particles between)."""

    words: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    org: str | None
    name: str | None
    span: tuple[int, int] = (0, 0)  # where in the text (prose only)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words, possessive "'s", "(ACRONYM)" and punctuation; a dot stays only on an initial or a
    known abbreviation ("S.", "Hj.", "Dr.")."""
    out: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        keep = (len(word) == 2 and word[0].isupper()) or word in _KEEP_DOT
        if word.endswith(".") and len(word) > 1 and not keep:
            out += [(word[:-1], m.start(), m.end() - 1), (".", m.end() - 1, m.end())]
        else:
            out.append((word, m.start(), m.end()))
    return out


def runs(text: str) -> list[Run]:
    toks, out, i = tokens(text), [], 0
    cap = [t[0][0].isupper() or (t[0].startswith("(") and len(t[0]) > 2) for t in toks]
    while i < len(toks):
        if not cap[i]:
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            k = j
            while k < len(toks) and toks[k][0] in _CONNECTORS:
                k += 1
            if k >= len(toks) or not cap[k]:
                break
            joined, left = [t[0] for t in toks[j:k]], [t[0] for t in toks[i:j]]
            if {"and", "&"} & set(joined) and (
                "the" in joined or title_len([t[0] for t in toks[k:]]) or whole_name(left)
            ):
                break  # "X and the Y", "X and Mayor Y", "Jane Roe and Z": two runs
            j = k + 1
        out.append(Run(tuple(t[0] for t in toks[i:j]), toks[i][1], toks[j - 1][2]))
        i = j
    return out


def title_len(words: Words) -> int:
    """How many words from the start form a job title (0 if none)."""
    return next((k for k in range(min(len(words), 7), 0, -1)
                 if TITLE.fullmatch(" ".join(words[:k]))), 0)  # fmt: skip


def _is_place(words: Words) -> bool:
    text = " ".join(words)
    return text.casefold() in _PLACES or normalize_region(text) is not None


def whole_name(words: Words) -> bool:
    """Do the words form a whole name (2-5 capitalized words, particles inside)?"""
    size = sum(w not in _PARTICLES for w in words)
    return 2 <= size <= 5 and not _is_place(words) and all(
        (w in _PARTICLES and 0 < i < len(words) - 1) or (
            w[0].isupper() and w not in _NOT_NAME and not re.search(r"\d|^\(|[a-z][A-Z]{2}", w)
            and not (w.isupper() and len(w) > 1 and not w.endswith(".")))
        for i, w in enumerate(words))  # fmt: skip


def _split_name(words: list[str], persons: AbstractSet[str]) -> tuple[list[str], list[str]]:
    """(rest, name) for a name ending `words`: a name the model found wins, then the last cut
    after a place name ("Republic of Chile Jane Roe", "Smart Asia Jo Ode"), then the longest."""
    cuts = [i for i in range(1, len(words) - 1) if whole_name(words[i:])]
    named = [i for i in cuts if " ".join(words[i:]) in persons]
    placed = [i for i in cuts if any(_is_place(words[j:i]) for j in range(i))]
    cut = (named or placed[-1:] or cuts or [0])[0]
    return (words[:cut], words[cut:]) if cut else (words, [])


def _chain(words: list[str]) -> list[list[str]]:
    """The "of" parts; an organization noun that comes first keeps its "of" ("Ministry of X")."""
    parts: list[list[str]] = [[]]
    for word in words:
        head = [w for w in parts[-1] if w != "the"][:1]
        if word == "of" and parts[-1] and not (head and head[0] in _HEADS):
            parts.append([])
        else:
            parts[-1].append(word)
    return parts


def _org(words: Words) -> str | None:
    return " ".join(words[1:] if words and words[0] in ("the", "The") else words) or None


def parse(words: Words, persons: AbstractSet[str] = frozenset(), owned: bool = False
          ) -> tuple[Role, int] | None:  # fmt: skip
    """Title, organization and name in one run, and where the title starts (None if no title).
    `owned`: the run follows "<Org>'s" (or precedes "at <Org>"): every "of" is in the title."""
    at = next((i for i in range(len(words)) if title_len(words[i:])), None)
    if at is None:
        return None
    lead = [w for w in words[:at] if w not in _DETERMINERS]
    size = title_len(words[at:])
    title = " ".join(words[at : at + size])
    rest = [w for w in words[at + size :] if w not in _HONORIFICS]
    if rest[:1] == ["for"]:  # a portfolio: "Deputy Mayor for Digital Affairs Jo Ode (of X)"
        cut = rest.index("of") if "of" in rest else len(rest)
        portfolio, named = _split_name(rest[1:cut], persons)
        org = _org(rest[cut + 1 :]) or _org(lead)
        return Role(f"{title} for {' '.join(portfolio)}", org, " ".join(named) or None), at
    if rest[:1] != ["of"]:
        name, _, after = " ".join(rest).partition(" of ")
        if rest and not whole_name(name.split()):
            return None
        return Role(title, _org(after.split()) or _org(lead), name or None), at
    parts = _chain(rest[1:])
    last, named = _split_name(parts[-1], persons)
    org = None
    if (owned and not lead) or not last or last[-1] in _PORTFOLIO:
        parts[-1] = last
    else:
        parts, org = parts[:-1], _org(last)
    full = " of ".join([title, *(" ".join(p) for p in parts if p)])
    return Role(full, org or _org(lead), " ".join(named) or None), at


def _name_of(run: Run | None) -> str | None:
    words = [w for w in run.words if w not in _HONORIFICS] if run else []
    return " ".join(words) if whole_name(words) else None


def prose_roles(text: str, persons: AbstractSet[str] = frozenset()) -> list[Role]:
    """Every (title, organization, name) written in running text."""
    found: list[Role] = []
    rs: list[Run | None] = [None, *runs(text), None]
    gap = lambda a, b: text[a.end if a else 0 : b.start if b else len(text)]  # noqa: E731
    last_name: str | None = None
    for i in range(1, len(rs) - 1):
        run, before, after = rs[i], rs[i - 1], rs[i + 1]
        assert run is not None
        owned = before is not None and bool(_POSSESSIVE.fullmatch(gap(before, run)))
        parsed = parse(run.words, persons, owned=owned)
        if parsed is None:
            last_name = _name_of(run) or last_name
            continue
        role, at = parsed
        org, name, first, end = role.org, role.name, run, run.end
        if owned and at == 0 and before is not None:
            org, first, before = _org(before.words), before, rs[i - 2]
        elif (
            after
            and _AT.fullmatch(gap(run, after))
            and (org is None or any(w in _NOT_NAME for w in after.words))
        ):
            role = parse(run.words, persons, owned=True)[0]  # type: ignore[index]
            org, name, end = _org(after.words), role.name, after.end
        if name is None and after and _COMMA.fullmatch(gap(run, after)):
            name, end = _name_of(after), after.end
        if name is None and before and _COMMA.fullmatch(gap(before, first)):
            name, first = _name_of(before), before
        if name is None and _APPOSITIVE.match(gap(rs[i - 1], run)):
            name = last_name
        if name:
            found.append(Role(role.title, org, name, (first.start, end)))
            last_name = name
    return found


def recase(text: str) -> list[str]:
    """Words of an all-caps text in title case ("MIN-JUN OF" -> "Min-jun of"), else as written."""
    if not text.isupper():
        return text.split()
    return [w.lower() if w.lower() in _CONNECTORS else w.capitalize() for w in text.split()]


def card_name(line: str, bold: bool) -> str | None:
    """The name on a signature card or quote attribution line ("JANE ROE", "– Jane Roe")."""
    text = _DASH.sub("", line).strip()
    if not (_DASH.match(line) or bold or text.isupper()) or "," in text:
        return None
    words = recase(text)
    return " ".join(words) if whole_name(words) else None


def title_line(line: str) -> Role | None:
    """A role line under a name: "President of X", "Mayor of Y, Country", "CEO, Company"."""
    head, _, tail = _DASH.sub("", " ".join(line.split())).partition(", ")
    words = recase(head)
    rs = runs(" ".join(words))
    parsed = parse(rs[0].words) if len(rs) == 1 and len(rs[0].words) == len(words) else None
    if parsed is None or parsed[1] != 0 or parsed[0].name:
        return None
    tail = "" if _is_place(tail.split()) else tail
    return Role(parsed[0].title, parsed[0].org or tail or None, None)


def leader_line(line: str) -> Role | None:
    """ "Mayor: Jane Roe", "GOVERNOR: JANE ROE" (the organization comes from the card)."""
    match = _FACT.match(line)
    if not match:
        return None
    key, value = recase(match.group("key")), recase(match.group("value"))
    if title_len(key) != len(key) or not whole_name(value):
        return None
    return Role(" ".join(key), None, " ".join(value))
