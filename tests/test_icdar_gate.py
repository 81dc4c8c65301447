"""A regression gate on table recognition: this project's parser on the ICDAR 2013 Table
Competition documents (`../shared/tables/icdar2013`, or `ANNUAL_REPORTS_ICDAR2013`), scored with
the competition's adjacency-relation measure (`benchmarks.icdar`), must stay at its floor.

The floors sit a little under what `make bench-tables` measures (micro F1 0.935, precision 0.948,
recall 0.922 on the 40 documents), so a change that loses tables or splits cells fails here. Skipped
when the set is not on this machine."""

from __future__ import annotations

import pytest

from benchmarks.icdar import score_ours

FLOOR_F1 = 0.92
FLOOR_PRECISION = 0.93
FLOOR_RECALL = 0.90


@pytest.fixture(scope="module")
def totals():  # type: ignore[no-untyped-def]
    try:
        return score_ours()
    except FileNotFoundError as exc:
        pytest.skip(f"ICDAR 2013 set not found: {exc}")


def test_icdar2013_micro_scores_stay_at_their_floors(totals) -> None:  # type: ignore[no-untyped-def]
    worst = sorted(totals.docs, key=lambda d: d.counts.f1)[:5]
    detail = ", ".join(f"{d.doc} {d.counts.f1:.3f}" for d in worst)
    assert not totals.errors, [(d.doc, d.error) for d in totals.errors]
    assert totals.f1 >= FLOOR_F1, f"F1 {totals.f1:.3f} < {FLOOR_F1}; worst: {detail}"
    assert totals.precision >= FLOOR_PRECISION, f"precision {totals.precision:.3f}; worst: {detail}"
    assert totals.recall >= FLOOR_RECALL, f"recall {totals.recall:.3f}; worst: {detail}"


def test_every_document_yields_at_least_one_table(totals) -> None:  # type: ignore[no-untyped-def]
    missing = [d.doc for d in totals.docs if d.tables == 0]
    assert not missing, f"no table found in {missing}"
