"""Totals a report states about its members: in headings ("LOCAL GOVERNMENTS | 160", "Africa
(45)", "48 members in Africa", "210 Members as of December 2021") and in one sentence that gives a
total and counts by type ("214 members: 163 local governments, 17 institutions and 34
corporations"). Only headings and body text count: a table of contents, a running header or a
caption repeats titles, it states nothing."""

from __future__ import annotations

import re

from extractors.model import Block, BlockRole
from extractors.normalize.countries import normalize_region
from extractors.records import RegionTotal, StatedTotal
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


def heading_totals(ctx: Context) -> tuple[list[StatedTotal], list[RegionTotal]]:
    totals: list[StatedTotal] = []
    regions: list[RegionTotal] = []
    for placed in ctx.blocks():
        block = placed.item
        if not isinstance(block, Block) or block.role is not BlockRole.HEADING:
            continue
        found = counted(block.text)
        if found is None:
            continue
        label, n = found
        region = normalize_region(label)
        kind = member_type(label)
        if region:
            regions.append(RegionTotal(region, n, source(block)))
        elif kind:
            totals.append(StatedTotal(TYPE_SCOPES[kind], n, source(block)))
        elif MEMBERS.search(label) and not NEW.search(label):
            totals.append(StatedTotal("members.total", n, source(block)))
    return totals, regions


def _plural(word: str) -> str:
    """'1 city' counts like '11 cities' (the type vocabulary names kinds in the plural)."""
    return re.sub(r"\b(cit|compan|municipalit)y\b", r"\1ies", word, flags=re.IGNORECASE)


def prose_totals(ctx: Context) -> list[StatedTotal]:
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
