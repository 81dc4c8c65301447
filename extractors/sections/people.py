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
from extractors.model import Block, BlockRole, Table
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
from extractors.sections import new_members
from extractors.sections.base import Context, clean, row_source, source


def extract(ctx: Context) -> list[Person]:
    found: list[Person] = _member_leaders(ctx)
    consumed: set[int] = set()
    for i, placed in enumerate(ctx.items):
        if isinstance(placed.item, Block):
            found += _card(ctx, i, consumed) + _leaders(placed)
        elif isinstance(placed.item, Table):
            found += _table(placed.item)
    blocks = [b for b in _paragraphs(ctx, consumed) if TITLE.search(b.text)]
    for block, roles in zip(blocks, _prose_roles(ctx, blocks), strict=True):
        for r in roles:
            span = source(block, text=block.text[r.span[0] : r.span[1]])
            found.append(Person(r.name or "", r.title, r.org, span))
    return _dedupe(found, ctx)


_ENDED = re.compile(r"[.!?:;…][\"”’)\]]*\s*$")
_BULLET = re.compile(r"^\s*[•▪◦‣*–—-]\s")
_AROUND = frozenset({BlockRole.HEADER, BlockRole.FOOTER, BlockRole.PAGE_NUMBER})


def _paragraphs(ctx: Context, consumed: set[int]) -> list[Block]:
    """The text blocks, a paragraph that a column or page break cut in two joined up again: a
    body block whose text stops mid-sentence (no closing punctuation) goes on in the next body
    block of the same type size (running headers, footers and page numbers between). A word set
    apart on the line where two parts of a paragraph meet (a justified line read as pieces: "The"
    / "ASEAN" / "National ...") goes between them, in its place on that line; a word set apart
    elsewhere in a part stays a block of its own."""
    out: list[Block] = []
    open_: Block | None = None  # the last body block, while its sentence is unfinished
    at = 0  # where it is in `out`
    tail: Block | None = None  # its last part
    seam: _Seam | None = None  # where the last join met, while words set apart may fill it
    for placed in ctx.items:
        block = placed.item
        if isinstance(block, Block) and block.role in _AROUND:
            continue
        if not isinstance(block, Block) or block.role not in TEXT_ROLES or id(block) in consumed:
            open_ = seam = None
            continue
        if seam is not None and seam.takes(block):
            joined = seam.fill(out[at], block)
            out[at] = joined
            if open_ is not None:
                open_ = joined
            continue
        part = block
        if open_ is not None and tail is not None and _inside(block, tail):
            out.append(block)  # a word set apart from a line of the open paragraph
            continue
        seam = None
        if (
            open_ is not None
            and block.role is BlockRole.BODY
            and abs(block.font_size - open_.font_size) <= 0.6
            and not _BULLET.match(block.text)
        ):
            glue = "" if open_.text.endswith("-") and block.text[:1].islower() else " "
            if glue and tail is not None:
                seam = _Seam(open_, tail, block)
            block = replace(
                open_,
                text=open_.text + glue + block.text,
                bbox=open_.bbox if open_.page_number != block.page_number
                else open_.bbox.union(block.bbox),
                lines=open_.lines + block.lines,
            )  # fmt: skip
            out[at] = block
        else:
            at = len(out)
            out.append(block)
        tail = part
        ended = _ENDED.search(block.text) or _BULLET.match(block.text)
        open_ = block if block.role is BlockRole.BODY and not ended else None
    return out


class _Seam:
    """The line where the last line of one part of a paragraph (`before`) and the first line of
    the next (`after`) sit side by side, and the words set apart on it (`words`, by position)."""

    def __init__(self, head: Block, before: Block, after: Block) -> None:
        self.head, self.before, self.after = head, before, after
        self.words: list[Block] = []

    def takes(self, block: Block) -> bool:
        """A one-line block on the seam: inside the next part's first line, where the last line
        of the part before reaches down, to the right of where that part starts."""
        before, after, box = self.before, self.after, block.bbox
        line = 0.6 * after.font_size
        return (
            len(block.lines) == 1
            and block.role is BlockRole.BODY
            and abs(block.font_size - after.font_size) <= 0.6
            and _inside(block, after)
            and before.page_number == after.page_number
            and abs(box.top - after.bbox.top) <= line
            and before.bbox.bottom - line >= box.top
            and abs(before.bbox.bottom - box.bottom) <= line
            and box.x0 >= before.bbox.x0 + 1
        )

    def fill(self, joined: Block, word: Block) -> Block:
        """The joined paragraph with the seam's words between its two parts."""
        self.words = sorted([*self.words, word], key=lambda b: b.bbox.x0)
        middle = " ".join(w.text for w in self.words)
        first, *rest = self.after.lines or (self.after.text,)
        head = self.head
        return replace(
            joined,
            text=f"{head.text} {middle} {self.after.text}",
            lines=(*head.lines, f"{middle} {first}", *rest),
        )


def _inside(block: Block, other: Block) -> bool:
    a, b = block.bbox, other.bbox
    return (
        block.page_number == other.page_number
        and a.x0 >= b.x0 - 1
        and a.x1 <= b.x1 + 1
        and a.top >= b.top - 1
        and a.bottom <= b.bottom + 1
    )


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
    roles = [title_line(line) for line in _role_lines(lines)]
    if not name or not roles or not all(roles):
        return []
    consumed.update({id(block), id(below)})
    text = " / ".join([block.lines[0], *lines])
    src = Source(block.page_number, block.bbox.union(below.bbox), text)
    return [Person(name, r.title, r.org, src) for r in roles if r]


def _member_leaders(ctx: Context) -> list[Person]:
    """The leaders of new members (their cards and tables, as the new-members rule reads them):
    the member is the leader's organization."""
    return [
        Person(m.leader_name, m.leader_title, m.name, m.source)
        for m in new_members.extract(ctx)
        if m.leader_name and m.leader_title
    ]


_CARRIES_ON = re.compile(r"(?:\b(?:of|the|and|for|at|de|du|del)|[,&-])$", re.IGNORECASE)


def _role_lines(lines: list[str]) -> list[str]:
    """A card's role lines, a role wrapped over two lines joined up: "Secretary General of" /
    "WeGO" (a line that ends in a joining word or a comma, or a next line in lower case)."""
    out: list[str] = []
    for line in (" ".join(x.split()) for x in lines):
        if out and (_CARRIES_ON.search(out[-1]) or line[:1].islower()):
            out[-1] += line if out[-1].endswith("-") else f" {line}"
        elif line:
            out.append(line)
    return out


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
    column = next((c for c, h in enumerate(header) if 0 < len(h) <= 4 and (
        title_len(h) == len(h) or LEADER_HEADER.search(" ".join(h)))), None)  # fmt: skip
    # (a header of a few words: prose that the table model took for a header names no role)
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
    """One record per (name, title); a name that begins a longer one with the same title merges,
    and so does a name printed once without its hyphen ("Sehoon" for "Se-hoon": a line broke
    there); the spelling seen first stays."""
    out: list[Person] = []
    for person in (replace(p, name=_spelling(p, ctx)) for p in found if p.name):
        words, title = _name_words(person.name), (person.title or "").casefold()
        for i, seen in enumerate(out):
            other = _name_words(seen.name)
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


def _name_words(name: str) -> list[str]:
    return [w.replace("-", "").replace("‐", "") for w in name.casefold().split()]


def _spelling(person: Person, ctx: Context) -> str:
    """The document's mixed-case spelling of a name printed in capitals, if it has one."""
    if person.name.upper() not in person.source.source_text:
        return person.name
    words = r"\s+".join(map(re.escape, person.name.split()))
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)
    texts = (p.item.text for p in ctx.blocks() if isinstance(p.item, Block))
    spellings = (m.group() for text in texts for m in pattern.finditer(text))
    return " ".join(next((s for s in spellings if not s.isupper()), person.name).split())
