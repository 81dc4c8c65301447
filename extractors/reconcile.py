"""Compare every total the report states about itself with what was extracted.

Member totals compare with the listed members of each type; a type the report only counts (lists
no member of) contributes its stated count to the overall total and is reported with `ok: None`,
since there is nothing to compare. Headline figures whose label names a kind of record ("7 new
members", "3 MOU signatures", "12 partner events", "18 activities" organized) compare with the
number of those records; hedged figures ("65+", "over 300") are not totals. A count of records
stated in a sentence ("WeGO signed three agreements") compares the same way when no headline
figure states that count."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractors.records import (
    Figure,
    Member,
    MemberType,
    Reconciliation,
    RegionTotal,
    StatedTotal,
)

# scope -> vocabulary a figure's label uses for that kind of record
FIGURE_SCOPES: tuple[tuple[str, str], ...] = (
    ("new_members", r"new\s+members?"),
    ("mous", r"mous?|memorand\w*|agreements?(\s+signed)?|partnership\s+agreements?"),
    ("partner_events", r"partner\s+events?|external\s+events?|partner\s+stages?"),
    (
        "organized_events",
        r"(organi[sz]ed\s+)?activities|events\s+organi[sz]ed|activities\s+organi[sz]ed",
    ),
)
_TYPE_OF_SCOPE: dict[str, MemberType] = {
    "members.local_governments": "local_government",
    "members.institutions": "institution",
    "members.corporations": "corporation",
}


def _figure_scope(figure: Figure) -> str | None:
    if figure.qualifier is not None or not float(figure.value).is_integer():
        return None
    label = " ".join(figure.label.lower().split())
    value = re.escape(f"{int(figure.value):,}") + "|" + str(int(figure.value))
    for scope, words in FIGURE_SCOPES:
        if re.search(rf"(?<![\d,])({value})\s+({words})\b", label) or (
            str(int(figure.value)) not in label and re.match(rf"^({words})\b", label)
        ):
            return scope
    return None


def reconcile(
    totals: Sequence[StatedTotal],
    regions: Sequence[RegionTotal],
    members: Sequence[Member],
    figures: Sequence[Figure],
    counts: dict[str, int],
) -> list[Reconciliation]:
    """`counts` maps figure scopes ("new_members", "mous", ...) to how many records were found."""
    by_type = Counter(m.member_type for m in members)
    by_region: Counter[str | None] = Counter(
        m.region for m in members if m.member_type == "local_government"
    )
    out: list[Reconciliation] = []
    unlisted = 0
    for total in totals:
        kind = _TYPE_OF_SCOPE.get(total.scope)
        if kind is not None and by_type[kind] == 0:
            unlisted += total.value
            out.append(Reconciliation(total.scope, total.value, 0, None, total.source))
        elif kind is not None:
            n = by_type[kind]
            out.append(Reconciliation(total.scope, total.value, n, n == total.value, total.source))
    for total in totals:
        if total.scope == "members.total":
            n = len(members) + unlisted
            out.append(Reconciliation(total.scope, total.value, n, n == total.value, total.source))
    for region in regions:
        n = by_region[region.region]
        scope = f"members.region.{region.region}"
        ok = n == region.stated_count
        out.append(Reconciliation(scope, region.stated_count, n, ok, region.source))
    seen: set[str] = set()
    for figure in figures:
        figure_scope = _figure_scope(figure)
        if figure_scope is None or figure_scope in seen or figure_scope not in counts:
            continue
        seen.add(figure_scope)
        n = counts[figure_scope]
        value = int(figure.value)
        out.append(Reconciliation(figure_scope, value, n, n == value, figure.source))
    for total in totals:
        if total.scope in counts and total.scope not in seen:
            seen.add(total.scope)
            n = counts[total.scope]
            out.append(Reconciliation(total.scope, total.value, n, n == total.value, total.source))
    return out
