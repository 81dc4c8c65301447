"""Renamed members, as the report's own prose tells them: "Hue, formerly Thua Thien Hue, ...",
"Nur-Sultan was renamed Astana", "X (previously Y)", "Y changed its name to X". The old name is
only a previous name: it never becomes a member. The warehouse links the two names of a member
the report lists (see `warehouse.load`), so a rename is not a member who left and one who joined.
"""

from __future__ import annotations

import re

from extractors.model import Block, BlockRole
from extractors.records import Rename
from extractors.sections.base import Context, source

_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|de|del|da|do|of|la|el|al|upon|on|am|an))*"
_FORMERLY = r"(?:formerly|previously|once)(?: known as| called)?"
_WAS_RENAMED = r"(?:which |that )?(?:was |has been |had been )?renamed(?: as| to)?"
_PATTERNS = (
    re.compile(rf"(?P<new>{_NAME}),? \(?{_FORMERLY} (?P<old>{_NAME})"),
    re.compile(rf"(?P<old>{_NAME}),? {_WAS_RENAMED} (?P<new>{_NAME})"),
    re.compile(rf"(?P<old>{_NAME}) (?:changed|took) (?:its|their) name to (?P<new>{_NAME})"),
    re.compile(rf"(?P<old>{_NAME}),? (?:now|today) (?:called |known as )?(?P<new>{_NAME})"),
)
_NOT_NAMES = frozenset({"The", "In", "On", "At", "As", "It", "This", "Its", "Since", "From"})


def _clean(name: str) -> str:
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words).strip(" ,.;")


def extract(ctx: Context) -> list[Rename]:
    found: list[Rename] = []
    seen: set[tuple[str, str]] = set()
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.BODY:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", block.text):
            for pattern in _PATTERNS:
                for match in pattern.finditer(sentence):
                    new, old = _clean(match.group("new")), _clean(match.group("old"))
                    if not new or not old or new.casefold() == old.casefold():
                        continue
                    if (new, old) not in seen:
                        seen.add((new, old))
                        found.append(Rename(new, old, source(block, text=sentence)))
    return found
