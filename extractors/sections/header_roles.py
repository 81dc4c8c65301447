"""Which column of a table header holds what: each section names its roles by cue words
("date", "organizer", "level"), and these two functions read a header with them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.sections.base import clean

Cues = tuple[tuple[str, re.Pattern[str]], ...]  # (role, the words that name it), in order
_OF = re.compile(r"\bof\b", re.I)


def roles(cell: str, cues: Cues) -> list[str]:
    """The roles a header cell's cue words name, its head first: the last cue word (before an
    "of", if any), so that "Event Organizer" is first an organizer and "Date of the event" first
    a date."""
    text = clean(cell)
    found = [(m.start(), role) for role, cue in cues for m in cue.finditer(text)]
    of = _OF.search(text)
    head = found
    if of is not None and any(start < of.start() for start, _ in found):
        head = [(start, role) for start, role in found if start < of.start()]
    ordered = [role for _, role in sorted(head, reverse=True)]
    ordered += [role for _, role in sorted(found, reverse=True)]
    return list(dict.fromkeys(ordered))


def assign(header: Sequence[str], cues: Cues) -> dict[str, int]:
    """Role -> column. A cell naming one role (that no cell left of it took) takes it first;
    then a cell naming several takes the first of them still free, its head before the others
    ("Event Topic" beside an "Event" column is the topic)."""
    named = {i: roles(cell, cues) for i, cell in enumerate(header)}
    cols: dict[str, int] = {}
    pending = [i for i in named if named[i]]
    while pending:
        free = {i: [r for r in named[i] if r not in cols] for i in pending}
        single = [i for i in pending if len(free[i]) == 1]
        i = single[0] if single else pending[0]
        if free[i]:
            cols[free[i][0]] = i
        pending.remove(i)
    return cols
