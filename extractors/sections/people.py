"""People named with a role: one record per (name, title), with the organization they serve.

Generic cues only (vocabulary in `patterns/people.json`, typography, layout):
- cards and quote attributions: a name line in capitals, bold or after a dash ("JANE ROE",
  "– Jane Roe") over role lines ("President of X", "Mayor of Y, Country"): one record per line;
- "Key: value" leader lines ("Mayor: Jane Roe"; organization = the card's heading without its
  "(Country)", or the row's first cell) and a table column headed by a role or "Leader";
- prose: "<Title> <Name> of <Org>", "<Org>'s <Title> <Name>", "<Name>, <Org>'s <Title>",
  "<Title> of <Org>, <Name>", "<Name>, <Title> of <Org>", "<Title> of <Unit> at <Org>",
  "the <Title> of <Unit> of <Org> <Name>", "<Name> – who also serves the <Title> of <Org> –".
In "<Title> of A of B", B is the organization and "of A" part of the title; "Ministry of X" (an
organization noun first) stays whole; a portfolio ("of Foreign Affairs") stays in the title.
All-caps names are title-cased ("MIN-JUN" -> "Min-jun") unless the document also prints them in
mixed case; a name that begins a longer one with the same title merges into it. spaCy PERSON
entities, where a model is loaded, decide where a name starts inside a run of capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import replace

from extractors.flow import Placed
from extractors.model import Block, Table
from extractors.nlp import iter_docs
from extractors.records import Person, Source
from extractors.roles import (
    LEADER_HEADER,
    PAREN_TAIL,
    TEXT_ROLES,
    TITLE,
    Role,
    card_name,
    leader_line,
    prose_roles,
    recase,
    title_len,
    title_line,
    whole_name,
)
from extractors.sections.base import Context, clean, row_source, source


def extract(ctx: Context) -> list[Person]:
    found: list[Person] = []
    consumed: set[int] = set()
    for i, placed in enumerate(ctx.items):
        if isinstance(placed.item, Block):
            found += _card(ctx, i, consumed) + _leaders(placed)
        elif isinstance(placed.item, Table):
            found += _table(placed.item)
    blocks = [p.item for p in ctx.blocks() if isinstance(p.item, Block)
              and p.item.role in TEXT_ROLES and id(p.item) not in consumed
              and TITLE.search(p.item.text)]  # fmt: skip
    for block, roles in zip(blocks, _prose_roles(ctx, blocks), strict=True):
        for r in roles:
            span = source(block, text=block.text[r.span[0] : r.span[1]])
            found.append(Person(r.name or "", r.title, r.org, span))
    return _dedupe(found, ctx)


class _Probe(AbstractSet[str]):
    """An empty set of names that remembers whether anyone looked a name up in it."""

    def __init__(self) -> None:
        self.asked = False

    def __contains__(self, item: object) -> bool:
        self.asked = True
        return False

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _prose_roles(ctx: Context, blocks: list[Block]) -> list[list[Role]]:
    """`prose_roles` of each block with the block's PERSON entities. The entities only decide
    between possible cuts of a name, so a block whose parse never looks a name up (most of them)
    has the same roles without them: the model runs only on the blocks that do."""
    roles: list[list[Role] | None] = []
    for block in blocks:
        probe = _Probe()
        parsed = prose_roles(block.text, probe)
        roles.append(None if probe.asked else parsed)
    needed = [b for b, r in zip(blocks, roles, strict=True) if r is None]
    names = iter(_person_names(ctx, needed))
    return [prose_roles(b.text, next(names)) if r is None else r
            for b, r in zip(blocks, roles, strict=True)]  # fmt: skip


def _card(ctx: Context, i: int, consumed: set[int]) -> list[Person]:
    block, nxt = ctx.items[i].item, ctx.items[i + 1].item if i + 1 < len(ctx.items) else None
    if not isinstance(block, Block) or block.role not in TEXT_ROLES or not block.lines:
        return []
    name = card_name(block.lines[0], block.bold)
    lines, below = list(block.lines[1:]), block
    gap = nxt.bbox.top - block.bbox.bottom if isinstance(nxt, Block) else -1.0
    if (
        name
        and not lines
        and isinstance(nxt, Block)
        and nxt.role in TEXT_ROLES
        and (nxt.page_number == block.page_number and 0 <= gap <= 2.5 * block.font_size)
    ):
        lines, below = list(nxt.lines), nxt
    roles = [title_line(line) for line in lines]
    if not name or not roles or not all(roles):
        return []
    consumed.update({id(block), id(below)})
    text = " / ".join([block.lines[0], *lines])
    src = Source(block.page_number, block.bbox.union(below.bbox), text)
    return [Person(name, r.title, r.org, src) for r in roles if r]


def _leaders(placed: Placed) -> list[Person]:
    block, heading = placed.item, placed.headings[-1] if placed.headings else None
    if not isinstance(block, Block) or block.role not in TEXT_ROLES:
        return []
    near = (
        heading
        and heading.page_number == block.page_number
        and (0 <= block.bbox.top - heading.bbox.bottom <= 4 * block.font_size)
    )  # the card's own heading, not a section title further up
    org = PAREN_TAIL.sub("", clean(heading.text)) if heading and near else None
    roles = [(line, leader_line(line)) for line in block.lines]
    return [Person(r.name or "", r.title, org, source(block, text=line)) for line, r in roles if r]


def _table(table: Table) -> list[Person]:
    found: list[Person] = []
    header = [recase(h) for h in table.header]
    column = next((c for c, h in enumerate(header) if h and (
        title_len(h) == len(h) or LEADER_HEADER.search(" ".join(h)))), None)  # fmt: skip
    for r, row in enumerate(table.rows):
        org = PAREN_TAIL.sub("", clean(row[0])) if row and column != 0 else None
        cells = table.cell_lines[r] if r < len(table.cell_lines) else ()
        roles = [leader_line(line.text) for cell in cells for line in cell]
        if column is not None and column < len(row):
            words = row[column].split()
            k = title_len(words)
            if whole_name(words[k:]):
                roles.append(Role(" ".join(words[:k] or header[column]), None, " ".join(words[k:])))
        found += [Person(x.name or "", x.title, org, row_source(table, r)) for x in roles if x]
    return found


def _person_names(ctx: Context, blocks: list[Block]) -> list[set[str]]:
    """PERSON entities per block where a statistical model is loaded (empty sets otherwise)."""
    if ctx.nlp is None or "ner" not in ctx.nlp.pipe_names:
        return [set() for _ in blocks]
    docs = iter_docs(ctx.nlp, [b.text for b in blocks])
    return [{e.text for e in d.ents if e.label_ == "PERSON"} for d in docs]


def _dedupe(found: list[Person], ctx: Context) -> list[Person]:
    """One record per (name, title); a name that begins a longer one with the same title merges."""
    out: list[Person] = []
    for person in (replace(p, name=_spelling(p, ctx)) for p in found if p.name):
        words, title = person.name.casefold().split(), (person.title or "").casefold()
        for i, seen in enumerate(out):
            other = seen.name.casefold().split()
            short = min(len(words), len(other))
            if (seen.title or "").casefold() == title and words[:short] == other[:short]:
                name = (person if len(words) > len(other) else seen).name
                out[i] = replace(
                    seen, name=name, organization=seen.organization or person.organization
                )
                break
        else:
            out.append(person)
    return out


def _spelling(person: Person, ctx: Context) -> str:
    """The document's mixed-case spelling of a name printed in capitals, if it has one."""
    if person.name.upper() not in person.source.source_text:
        return person.name
    words = r"\s+".join(map(re.escape, person.name.split()))
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)
    texts = (p.item.text for p in ctx.blocks() if isinstance(p.item, Block))
    spellings = (m.group() for text in texts for m in pattern.finditer(text))
    return " ".join(next((s for s in spellings if not s.isupper()), person.name).split())
