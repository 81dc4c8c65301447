"""Run every section rule over a Document and shape the result as the extract contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from extractors.model import BBox, Document
from extractors.reconcile import reconcile
from extractors.records import (
    Agreement,
    Award,
    DiplomaticCountry,
    Figure,
    Member,
    Mention,
    NewMember,
    OrganizedEvent,
    PartnerEvent,
    Person,
    Reconciliation,
    RegionTotal,
    Rename,
    Source,
    StatedTotal,
)
from extractors.sections import (
    agreements,
    awards,
    diplomatic,
    events,
    figures,
    members,
    mentions,
    new_members,
    partner_events,
    people,
    renames,
)
from extractors.sections.base import Context
from extractors.sections.member_totals import stated_record_counts

if TYPE_CHECKING:
    from extractors.corrections.apply import Applied

MEMBER_TOTAL_KEYS = {
    "members.total": "total",
    "members.local_governments": "local_governments",
    "members.institutions": "institutions",
    "members.corporations": "corporations",
}


@dataclass(slots=True)
class Extraction:
    document: Document
    figures: list[Figure] = field(default_factory=list)
    member_totals: list[StatedTotal] = field(default_factory=list)
    region_totals: list[RegionTotal] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    new_members: list[NewMember] = field(default_factory=list)
    mous: list[Agreement] = field(default_factory=list)
    organized_events: list[OrganizedEvent] = field(default_factory=list)
    partner_events: list[PartnerEvent] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    diplomatic_countries: list[DiplomaticCountry] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    reconciliation: list[Reconciliation] = field(default_factory=list)
    # not records: counts of records stated in sentences (reconciled, never loaded as totals),
    # and what a reviewer's corrections file did (`extractors.corrections`), if there was one
    prose_totals: list[StatedTotal] = field(default_factory=list)
    corrections: Applied | None = None

    def record_lists(self) -> dict[str, list[Any]]:
        """Every list of records by its contract key."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _NOT_RECORDS}

    def report_info(self) -> dict[str, Any]:
        """The contract's `report` object: which report, read from which file."""
        doc = self.document
        return {
            "report_id": doc.report_id,
            "publisher_id": doc.publisher_id,
            "organization": doc.organization,
            "acronym": doc.acronym,
            "year": doc.year,
            "title": doc.title,
            "source_file": doc.source_file,
            "sha256": doc.sha256,
            "pages": doc.page_count,
        }

    def to_dict(self) -> dict[str, Any]:
        """The `annual-reports extract --json` contract."""
        out: dict[str, Any] = {"report": self.report_info()}
        for key, records in self.record_lists().items():
            if key == "member_totals":
                out[key] = _member_totals(records)
            else:
                out[key] = [record_dict(r) for r in records]
        return out


_NOT_RECORDS = {"document", "prose_totals", "corrections"}


def _member_totals(totals: list[StatedTotal]) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(MEMBER_TOTAL_KEYS.values())
    sources: dict[str, Any] = {}
    for total in totals:
        key = MEMBER_TOTAL_KEYS.get(total.scope)
        if key and out[key] is None:
            out[key] = total.value
            sources[key] = _source(total.source)
    out["sources"] = sources
    return out


def _source(source: Source) -> dict[str, Any]:
    out = {"page": source.page, "bbox": _jsonable(source.bbox), "source_text": source.source_text}
    if source.correction is not None:  # a reviewer's correction added or edited the record
        out["correction"] = source.correction
    return out


# field values that `dataclasses.asdict` leaves alone (or deep-copies to an equal value)
_SCALARS = (str, int, float, bool, type(None), date, Enum)


def _jsonable(value: Any) -> Any:
    if isinstance(value, BBox):
        return [round(v, 2) for v in (value.x0, value.top, value.x1, value.bottom)]
    if isinstance(value, date):
        return value.isoformat()
    return value


def record_dict(record: Any) -> dict[str, Any]:
    """A record as contract JSON: its fields, then page, bbox and source_text."""
    assert is_dataclass(record) and not isinstance(record, type)
    names = [f.name for f in fields(record) if f.name != "source"]
    raw = [getattr(record, name) for name in names]
    if all(isinstance(v, _SCALARS) for v in raw):  # what asdict returns as it is (or an equal copy)
        values = {name: _jsonable(v) for name, v in zip(names, raw, strict=True)}
    else:
        values = {k: _jsonable(v) for k, v in asdict(record).items() if k != "source"}
    if isinstance(record, Mention):
        values["page"] = record.source.page
        values["bbox"] = _jsonable(record.source.bbox)
        return values
    source: Source = getattr(record, "source")  # noqa: B009 - every record has one
    return values | _source(source)


Rule = Callable[[Context], list[Any]]
RULES: dict[str, Rule] = {
    "figures": figures.extract,
    "new_members": new_members.extract,
    "mous": agreements.extract,
    "organized_events": events.extract,
    "partner_events": partner_events.extract,
    "awards": awards.extract,
    "diplomatic_countries": diplomatic.extract,
    "people": people.extract,
    "renames": renames.extract,
    "mentions": mentions.extract,
}


def extract_document(document: Document, nlp: Any | None = None) -> Extraction:
    """All records of one document. `nlp` (a spaCy Language) is optional: without it the rules
    still run; people and mentions then come from layout rules only."""
    ctx = Context(document, nlp=nlp)
    result = Extraction(document)
    for key, rule in RULES.items():
        setattr(result, key, rule(ctx))
    overview = members.extract(ctx)
    result.member_totals = overview.totals
    result.region_totals = overview.regions
    result.members = overview.members
    result.prose_totals = stated_record_counts(ctx)  # "we signed three agreements"
    result.reconciliation = reconcile_records(result)
    return result


def reconcile_records(result: Extraction) -> list[Reconciliation]:
    """Every stated total of `result` against its records (again after corrections)."""
    counts = {
        "new_members": len(result.new_members),
        "mous": len(result.mous),
        "partner_events": len(result.partner_events),
        "organized_events": len(result.organized_events),
    }
    stated = [*result.member_totals, *result.prose_totals]
    return reconcile(stated, result.region_totals, result.members, result.figures, counts)
