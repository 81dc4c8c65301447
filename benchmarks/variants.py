"""Varied content for the benchmark corpus: the sample reports' content files, changed by seed.

A variant keeps every structure the rules and the blocking checks depend on (stated member
counts still match the listed members, every section is still there) and changes what makes a
report cost more or less to read: its year (so each variant is a report of its own in the
warehouse), the order of member lists and of the names in them, and its prose: paragraphs
dropped, repeated and reordered, so page counts differ too.
"""

from __future__ import annotations

import copy
import random
import re
from typing import Any

Content = dict[str, Any]
Item = dict[str, Any]

DROP_PARAGRAPH = 0.2  # chance that a paragraph is left out
REPEAT_PARAGRAPH = 0.3  # chance that a (kept) paragraph is printed twice
_NAME_SPLIT = re.compile(r",\s*")


def vary(content: Content, seed: int | str, year: int, base_year: int) -> Content:
    """A copy of `content` for the report year `year` (every `base_year` in its text becomes
    `year`), with member lists shuffled and paragraphs trimmed, repeated and reordered by `seed`."""
    rng = random.Random(seed)
    out = copy.deepcopy(content)
    for section in out["sections"]:
        section["items"] = _vary_items(section["items"], rng)
    replaced: Content = _replace_year(out, str(base_year), str(year))
    return replaced


def _vary_items(items: list[Item], rng: random.Random) -> list[Item]:
    out: list[Item] = []
    run: list[Item] = []  # consecutive paragraphs, reordered as one run

    def flush() -> None:
        rng.shuffle(run)
        out.extend(run)
        run.clear()

    for item in items:
        kind = item["type"]
        if kind == "paragraph":
            if rng.random() < DROP_PARAGRAPH and _has_other_text(items, item):
                continue
            run.append(item)
            if rng.random() < REPEAT_PARAGRAPH:
                run.append(copy.deepcopy(item))
            continue
        flush()
        if kind == "columns":
            item["items"] = _vary_items(item["items"], rng)
        elif kind in ("region_members", "country_grid"):
            _shuffle_members(item, rng)
        elif kind == "member_cards":
            rng.shuffle(item["cards"])
        out.append(item)
    flush()
    return out


def _has_other_text(items: list[Item], paragraph: Item) -> bool:
    """Dropping a paragraph must not empty its container of prose."""
    return sum(1 for i in items if i["type"] == "paragraph" and i is not paragraph) >= 1


def _shuffle_members(item: Item, rng: random.Random) -> None:
    """Rows in another order and the names within a cell shuffled; counts are unchanged."""
    rows = item.get("rows", [])
    rng.shuffle(rows)
    if item["type"] != "region_members":
        return
    for row in rows:
        if len(row) > 1 and isinstance(row[1], str) and "," in row[1]:
            names = _NAME_SPLIT.split(row[1])
            rng.shuffle(names)
            row[1] = ", ".join(names)


def _replace_year(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return re.sub(rf"(?<!\d){old}(?!\d)", new, value)
    if isinstance(value, list):
        return [_replace_year(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _replace_year(v, old, new) for k, v in value.items()}
    return value
