"""Content files: the text of a report as a list of sections of typed items (JSON).

A content file looks like::

    {"meta": {"title": ..., "author": ..., "subject": ..., "running_title": ...},
     "sections": [{"id": "about", "running_head": "About WeGO", "template": "body",
                   "new_page": true, "items": [{"type": "heading", ...}, ...]}]}

``iter_item_texts`` lists every string a layout must put on the page; the tests use it to
check that nothing of the content is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Item = dict[str, Any]
Content = dict[str, Any]

ITEM_TYPES = frozenset(
    {
        "heading",
        "paragraph",
        "lines",
        "bullets",
        "link_list",
        "quote",
        "person",
        "signature",
        "photo",
        "photo_row",
        "logo_row",
        "columns",
        "toc",
        "figures",
        "figure_grid",
        "table",
        "region_members",
        "pairs_table",
        "member_cards",
        "country_grid",
        "timeline",
        "mou",
        "page_break",
        "spacer",
    }
)


def load_content(path: Path) -> Content:
    """Read and minimally validate a content file."""
    content: Content = json.loads(path.read_text(encoding="utf-8"))
    for key in ("title", "author", "subject", "running_title"):
        if key not in content.get("meta", {}):
            raise ValueError(f"{path}: meta.{key} is missing")
    for section in content["sections"]:
        for item in iter_items(section["items"]):
            if item.get("type") not in ITEM_TYPES:
                raise ValueError(f"{path}: unknown item type {item.get('type')!r}")
    return content


def iter_items(items: list[Item]) -> Iterator[Item]:
    """All items, depth first, including those nested in ``columns``."""
    for item in items:
        yield item
        if item["type"] == "columns":
            yield from iter_items(item["items"])


def card_title(card: Item) -> str:
    """The title line of a member card: ``Name (Country)``."""
    return f"{card['name']} ({card['country']})"


def _cell_texts(cell: str | dict[str, str]) -> list[str]:
    if isinstance(cell, str):
        return [cell] if cell else []
    return [cell["city"], cell["project"]]


def iter_item_texts(item: Item) -> Iterator[str]:
    """Every visible string of one item (not descending into ``columns``)."""
    kind = item["type"]
    simple_keys = ("text", "caption", "alt", "name", "heading")  # in drawing order
    for key in simple_keys:
        if isinstance(item.get(key), str):
            yield item[key]
    list_keys = ("items", "lines", "titles", "attribution", "header")
    for key in list_keys:
        if kind != "columns" and isinstance(item.get(key), list):
            yield from (s for s in item[key] if isinstance(s, str) and s)
    if kind == "photo_row":
        yield from (p["caption"] for p in item["photos"] if p.get("caption"))
    elif kind == "toc":
        yield from (entry["title"] for entry in item["entries"])
    elif kind == "figures":
        for group in item["groups"]:
            yield group["title"]
            for figure in group["figures"]:
                yield from (figure["value"], figure["label"])
    elif kind == "figure_grid":
        for figure in item["figures"]:
            yield from (figure["value"], figure["label"])
    elif kind in ("table", "region_members", "pairs_table", "country_grid"):
        for row in item["rows"]:
            for cell in row:
                yield from _cell_texts(cell)
    elif kind == "member_cards":
        for card in item["cards"]:
            yield card_title(card)
            yield from card["facts"]
            yield card["description"]
    elif kind == "timeline":
        for entry in item["entries"]:
            yield entry["date"]
            yield from entry["events"]
    elif kind == "mou":
        for entry in item["entries"]:
            yield from (entry["name"], entry["date"], entry["text"])


def iter_texts(content: Content) -> Iterator[tuple[str, str]]:
    """(section id, text) for every visible string of the content."""
    for section in content["sections"]:
        for item in iter_items(section["items"]):
            for text in iter_item_texts(item):
                yield section["id"], text
