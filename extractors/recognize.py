"""Is this document an annual report of a publishing organization? Decided from its records,
before anything is loaded.

A report is recognized when it has all of:

- a publisher identity (an organization named on its cover, in its metadata or its text);
- a report year;
- a member overview: a member read from a list or table, or a stated member total;
- activities or headline figures: an organized or partner event, an agreement, or a figure.

Anything else (a 10-K, a tax manual, a bank statement, a paper) is `not_a_report`, with what was
missing as the reason; none of its rows reach the warehouse. A company's annual report is one
too: it has a publisher and a year, but no members (the product reads the reports of member
organizations: city networks, associations); the corpus's corporate excerpts end so, tested in
tests/test_corpus_ingest.py. A real report whose member list the
rules cannot read still states its total somewhere, so it gets in and its checks block it with
the numbers, rather than being turned away here."""

from __future__ import annotations

from extractors.extract import Extraction


def missing_for_a_report(extraction: Extraction) -> list[str]:
    """What the document lacks to be recognized as an annual report (empty when it is one)."""
    doc = extraction.document
    missing = []
    if not doc.organization:
        missing.append("no publishing organization")
    if not doc.year:
        missing.append("no report year")
    if not extraction.members and not extraction.member_totals:
        missing.append("no member overview (no member list and no stated member total)")
    activities = (
        extraction.organized_events
        or extraction.partner_events
        or extraction.mous
        or extraction.figures
    )
    if not activities:
        missing.append("no activities or headline figures (no event, agreement or figure)")
    return missing
