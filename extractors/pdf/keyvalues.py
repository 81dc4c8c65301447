"""Key/value structures: facts a design sets as "Key: value" lines (a profile card: "Area: 682
km²", "Population: 1.9 million", "Mayor: ...") or as a small two-column grid of labels and values.

Lines: two or more "Key: value" lines in a row, in one block or in blocks set one under the other
in the same column; the short line right above them is the title. Grid: a table of two columns
without a header whose first column holds short labels (no numbers) and whose second holds the
values, at most `_MAX_GRID_ROWS` rows.
"""

from __future__ import annotations

import re

from extractors.model import BBox, Block, BlockRole, KeyValues, Page, Table

_FACT = re.compile(r"^\s*(?P<key>[^\W\d_][\w .'’/&()-]{0,40}?)\s*[:：]\s*(?P<value>\S.*)$")
_MAX_KEY_WORDS = 4
_MAX_TITLE_WORDS = 12
_MAX_GRID_ROWS = 10
_MAX_WRAPPED_WORDS = 3  # a value's line wrapped onto a line of its own is short
_TEXT = frozenset({BlockRole.BODY, BlockRole.HEADING, BlockRole.CAPTION})


def fact(line: str) -> tuple[str, str] | None:
    """("Area", "682 km²") from "Area: 682 km²"; None for other lines (a time "10:30", a URL, a
    sentence with a colon in it)."""
    match = _FACT.match(line)
    if not match:
        return None
    key = " ".join(match.group("key").split())
    if len(key.split()) > _MAX_KEY_WORDS or not key[:1].isupper():
        return None
    return key, " ".join(match.group("value").split())


def _facts(lines: tuple[str, ...]) -> list[tuple[str, str]]:
    """The "Key: value" facts of a block's lines when every line is one, or the rest of the
    value above wrapped onto a line of its own (a short line: "Mayor: Ana María" / "Soto
    Vidal"); else none."""
    out: list[tuple[str, str]] = []
    for line in lines:
        pair = fact(line)
        if pair is not None:
            out.append(pair)
        elif out and _wrapped_value(line):
            key, value = out[-1]
            out[-1] = (key, f"{value} {' '.join(line.split())}")
        else:
            return []
    return out


def _wrapped_value(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _MAX_WRAPPED_WORDS and not line.rstrip().endswith((".", "!", "?"))


def _adjacent(upper: Block, lower: Block) -> bool:
    gap = lower.bbox.top - upper.bbox.bottom
    overlap = min(upper.bbox.x1, lower.bbox.x1) - max(upper.bbox.x0, lower.bbox.x0)
    return -1 <= gap <= 1.5 * max(upper.font_size, lower.font_size) and overlap > 0


def _title(block: Block | None, first: Block) -> str | None:
    if block is None or not _adjacent(block, first) or fact(block.lines[-1] if block.lines else ""):
        return None
    return block.text if len(block.text.split()) <= _MAX_TITLE_WORDS else None


def _from_lines(page: Page) -> list[KeyValues]:
    blocks = [b for b in page.body_blocks if b.role in _TEXT]
    out: list[KeyValues] = []
    group: list[tuple[Block, tuple[str, str]]] = []
    start = 0

    def close() -> None:
        if len(group) >= 2:
            first = group[0][0]
            before = blocks[start - 1] if start > 0 else None
            box = first.bbox
            for block, _ in group:
                box = box.union(block.bbox)
            pairs = tuple(pair for _, pair in group)
            out.append(KeyValues(_title(before, first), pairs, page.number, box.rounded()))
        group.clear()

    for i, block in enumerate(blocks):
        pairs = _facts(block.lines)
        continues = bool(group) and _adjacent(group[-1][0], block)
        if pairs and (continues or not group):
            if not group:
                start = i
            group.extend((block, pair) for pair in pairs)
            continue
        close()
        if pairs:
            start = i
            group.extend((block, pair) for pair in pairs)
    close()
    return out


def _is_value(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _from_table(table: Table, above: Block | None) -> KeyValues | None:
    rows = [r for r in table.rows if any(c.strip() for c in r)]
    if table.header or len(rows) < 2 or len(rows) > _MAX_GRID_ROWS:
        return None
    if any(len(r) != 2 for r in rows):
        return None
    keys = [r[0].strip().rstrip(":：") for r in rows]
    if not all(k and len(k.split()) <= _MAX_KEY_WORDS and not _is_value(k) for k in keys):
        return None
    if not any(_is_value(r[1]) for r in rows):
        return None
    pairs = tuple((k, " ".join(r[1].split())) for k, r in zip(keys, rows, strict=True))
    title = None
    if above is not None and above.bbox.bottom <= table.bbox.top:
        gap = table.bbox.top - above.bbox.bottom
        if gap <= 2 * above.font_size and len(above.text.split()) <= _MAX_TITLE_WORDS:
            title = above.text
    return KeyValues(title, pairs, table.page_number, table.bbox, "grid")


def find_key_values(page: Page) -> list[KeyValues]:
    """The key/value structures of one page, lines first, then grids, top to bottom."""
    found = _from_lines(page)
    blocks = [b for b in page.body_blocks if b.role in _TEXT]
    for table in page.tables:
        if table.pages[0] != page.number:
            continue
        above = max(
            (b for b in blocks if b.bbox.bottom <= table.bbox.top + 1 and _over(b, table.bbox)),
            key=lambda b: b.bbox.bottom,
            default=None,
        )
        grid = _from_table(table, above)
        if grid is not None:
            found.append(grid)
    return sorted(found, key=lambda kv: (kv.bbox.top, kv.bbox.x0))


def _over(block: Block, box: BBox) -> bool:
    return min(block.bbox.x1, box.x1) - max(block.bbox.x0, box.x0) > 0
