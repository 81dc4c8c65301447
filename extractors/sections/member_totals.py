"""Totals a report states about its members: in headings ("LOCAL GOVERNMENTS | 160", "Africa
(45)", "48 members in Africa", "210 Members as of December 2021") and in one sentence that gives a
total and counts by type ("214 members: 163 local governments, 17 institutions and 34
corporations"). Only headings and body text count: a table of contents, a running header or a
caption repeats titles, it states nothing.

A sentence also states how many of the report's other records there are ("WeGO signed three
agreements", "our speakers took part in 10 partner events"): those counts join the totals under
the scope of a headline figure (`reconcile.FIGURE_SCOPES`), once per scope, and only when the
report's sentences agree on the number. New members are left out: a sentence counting them states
no total of the member overview (their count is a headline figure)."""

from __future__ import annotations

import re

from extractors.model import Block, BlockRole
from extractors.normalize.countries import normalize_region
from extractors.normalize.numbers import WORD_NUMBERS, parse_int
from extractors.reconcile import FIGURE_SCOPES
from extractors.records import RegionTotal, Source, StatedTotal
from extractors.sections.base import Context, source
from extractors.sections.vocabulary import HEDGES, MEMBERS, NEW, counted, member_type

TYPE_SCOPES = {
    "local_government": "members.local_governments",
    "institution": "members.institutions",
    "corporation": "members.corporations",
}
_PROSE_COUNT = re.compile(
    r"(?P<n>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)\s+(?P<what>(?:new\s+)?members?|"
    r"local governments?|cit(?:y|ies)|municipalit(?:y|ies)|institutions?|corporations?|"
    r"compan(?:y|ies))\b",
    re.IGNORECASE,
)


_SET_APART = re.compile(r"^\s*(?:[|:–—-]\s*)?(?P<n>\d[\d,.\s]*?)\s*$|^\s*\(\s*\d[\d,.\s]*\)\s*$")
_LAST_SEPARATOR = re.compile(r"\s*([|:–—-])\s*(?=[^|:–—-]*$)")


def _joined(heading: str, apart: str) -> str | None:
    """The heading with the count set apart from it put back: after it ("INSTITUTIONS" + "| 16"),
    after its separator ("MIDDLE EAST — MEMBERS" + "7") or, a bare number, in brackets."""
    bare = _SET_APART.match(apart)
    n = bare.group("n") if bare else None
    candidates = [f"{heading} {apart.strip()}"]
    if n is not None:
        candidates.append(_LAST_SEPARATOR.sub(rf" \1 {n} ", heading, count=1).strip())
        candidates.append(f"{heading} ({n})")
    return next((text for text in candidates if counted(text) is not None), None)


def _beside(heading: Block, other: Block) -> bool:
    """`other` is printed after `heading` on its line (the same page, overlapping rows)."""
    a, b = heading.bbox, other.bbox
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return (
        other.page_number == heading.page_number
        and b.x0 >= a.x1 - 1
        and overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top)
    )


def _scoped(text: str) -> bool:
    """Whether a heading counts the members of a region or of a kind."""
    found = counted(text)
    return found is not None and bool(_region(found[0]) or member_type(found[0]))


def _cut(heading: Block, after: Block | None) -> str | None:
    """The words of a heading the layout cut in two on its line ("14 members in" beside "the
    Americas") put back together, when only the whole counts a region or kind of members."""
    if after is None or after.role is not BlockRole.HEADING or not _beside(heading, after):
        return None
    text = f"{heading.text} {after.text}"
    return text if _scoped(text) and not _scoped(heading.text) else None


def _heading_texts(ctx: Context) -> list[tuple[Source, str]]:
    """Every heading's provenance and text, a count the layout set apart on the heading's line
    joined back to it ("INSTITUTIONS" beside "| 16"), a heading cut in two on its line put back
    together (`_cut`)."""
    blocks = [p.item for p in ctx.blocks() if isinstance(p.item, Block)]
    out: list[tuple[Source, str]] = []
    for i, block in enumerate(blocks):
        if block.role is not BlockRole.HEADING:
            continue
        src = source(block)
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        apart = after is not None and _SET_APART.match(after.text) and _beside(block, after)
        text = (
            _joined(block.text, after.text) if after and apart and not counted(block.text) else None
        )
        text = text or _cut(block, after)
        if after is not None and text is not None:
            src = Source(block.page_number, block.bbox.union(after.bbox), text)
        out.append((src, src.source_text))
    return out


def _region(label: str) -> str | None:
    """The region a label names, the counted noun let aside ("MIDDLE MEMBERS EAST", a heading
    whose words the layout took apart)."""
    return normalize_region(label) or normalize_region(" ".join(MEMBERS.sub(" ", label).split()))


def heading_totals(ctx: Context) -> tuple[list[StatedTotal], list[RegionTotal]]:
    totals: list[StatedTotal] = []
    regions: list[RegionTotal] = []
    for src, text in _heading_texts(ctx):
        found = counted(text)
        if found is None:
            continue
        label, n = found
        region = _region(label)
        kind = member_type(label)
        if region:
            regions.append(RegionTotal(region, n, src))
        elif kind:
            totals.append(StatedTotal(TYPE_SCOPES[kind], n, src))
        elif MEMBERS.search(label) and not NEW.search(label):
            totals.append(StatedTotal("members.total", n, src))
    return totals, regions


def _plural(word: str) -> str:
    """'1 city' counts like '11 cities' (the type vocabulary names kinds in the plural)."""
    return re.sub(r"\b(cit|compan|municipalit)y\b", r"\1ies", word, flags=re.IGNORECASE)


_YEAR = re.compile(r"(19|20)\d\d")  # "2021 Activities Kickoff Event" names a year
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_COUNT_WORD = "|".join(sorted((w for w in WORD_NUMBERS if w != "zero"), key=len, reverse=True))
_RECORD_COUNTS = tuple(
    (
        scope,
        re.compile(
            rf"(?<![\w,.\-])(?P<n>\d+|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            rf"ninety)-)?(?:{_COUNT_WORD}))\s+(?:{words})\b",
            re.IGNORECASE,
        ),
    )
    for scope, words in FIGURE_SCOPES
    if scope != "new_members"  # "5 new members joined" is no total of the member overview
)


def _sentences(ctx: Context) -> list[tuple[Block, str]]:
    """Every sentence of the body text, with its block."""
    return [
        (placed.item, sentence)
        for placed in ctx.blocks()
        if isinstance(placed.item, Block) and placed.item.role is BlockRole.BODY
        for sentence in _SENTENCE.split(placed.item.text)
    ]


def record_counts(sentences: list[tuple[Block, str]]) -> list[StatedTotal]:
    """Counts of records stated in sentences ("signed three agreements", "10 partner events"),
    one per scope; a hedged count ("over 20 partner events") states no total, and a scope whose
    sentences give different numbers (a part counted beside the whole) is left out."""
    found: dict[str, list[StatedTotal]] = {}
    for block, sentence in sentences:
        text = " ".join(sentence.split())
        for scope, pattern in _RECORD_COUNTS:
            for match in pattern.finditer(text):
                n = parse_int(match.group("n"))
                if (
                    n is None
                    or _YEAR.fullmatch(match.group("n"))
                    or HEDGES.search(text[: match.start()])
                ):
                    continue
                found.setdefault(scope, []).append(StatedTotal(scope, n, source(block, text=text)))
    return [stated[0] for stated in found.values() if len({total.value for total in stated}) == 1]


def prose_totals(ctx: Context) -> list[StatedTotal]:
    """Member totals stated in sentences: one that gives a member count and at least one count
    by type."""
    return _member_sentences(ctx)


def stated_record_counts(ctx: Context) -> list[StatedTotal]:
    """The counts of the report's other records stated in its sentences (`record_counts`):
    for reconciliation only, never member totals."""
    return record_counts(_sentences(ctx))


def _member_sentences(ctx: Context) -> list[StatedTotal]:
    """Totals stated in one sentence: a member count and at least one count by type."""
    totals: list[StatedTotal] = []
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.BODY:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", block.text):
            found: list[StatedTotal] = []
            for match in _PROSE_COUNT.finditer(sentence):
                if HEDGES.search(sentence[: match.start()]):
                    continue
                what = match.group("what")
                n = int(re.sub(r"\D", "", match.group("n")))
                if NEW.search(what):
                    continue
                kind = member_type(_plural(what))
                scope = TYPE_SCOPES[kind] if kind else "members.total"
                found.append(StatedTotal(scope, n, source(block, text=sentence)))
            scopes = {t.scope for t in found}
            if "members.total" in scopes and len(scopes) > 1:
                totals.extend(found)
    return totals
