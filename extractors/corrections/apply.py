"""Apply a reviewer's corrections to the records the rules found, and say what each one did.

Drops first, then edits, then additions (all by the keys of the rules' own records), then the
stated totals are reconciled again and accepted mismatches are marked. Every added or edited
record's `Source.correction` names the file and line that made it; every entry gets a `Note`:
`applied`, or `stale` with why (its key is no longer found, the rules already find the record it
adds, the mismatch it accepts is gone), and a stale entry changes nothing."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from extractors.corrections.keys import record_keys
from extractors.corrections.schema import KEY, RECORD_TYPES, Corrections, record_fields
from extractors.model import BBox, Document
from extractors.normalize.countries import to_iso3
from extractors.records import Reconciliation, Source

if TYPE_CHECKING:
    from extractors.extract import Extraction


@dataclass(frozen=True, slots=True)
class Note:
    """What one entry of a corrections file did."""

    action: str  # add | drop | edit | accept
    record_type: str  # a record type, or the check whose mismatch is accepted
    key: str | None  # the record's key; the reconciliation scope for accept
    status: str  # applied | stale
    detail: str
    reason: str | None
    at: str  # 'corrections/<report id>.yaml:LINE'
    page: int | None = None
    source_text: str | None = None


@dataclass(frozen=True, slots=True)
class Applied:
    """The corrections file applied to a report: which file, its bytes, what each entry did."""

    file: str
    sha256: str
    notes: tuple[Note, ...]

    @property
    def stale(self) -> list[Note]:
        return [n for n in self.notes if n.status == "stale"]

    def accepted(self, check: str) -> dict[str, Note]:
        """Reconciliation scope -> the applied note that accepts its mismatch for `check`."""
        return {
            n.key: n
            for n in self.notes
            if n.action == "accept" and n.status == "applied" and n.record_type == check and n.key
        }


def _fold(value: Any) -> Any:
    return " ".join(value.casefold().split()) if isinstance(value, str) else value


def _derive(kind: str, values: dict[str, Any], given: set[str]) -> dict[str, Any]:
    """Fill a member's or a country's ISO code from its name when the correction leaves it out."""
    if kind == "members" and "country_iso3" not in given and "country" in values:
        values["country_iso3"] = to_iso3(values["country"]) if values["country"] else None
    if kind == "diplomatic_countries" and "country_iso3" not in given and "name" in values:
        values["country_iso3"] = to_iso3(values["name"])
    return values


def printed(document: Document, page: int, words: str) -> tuple[str, BBox | None] | None:
    """The line (or table cell) of `page` that prints `words`, with its box."""
    if not 1 <= page <= len(document.pages) or not words.strip():
        return None
    needle = _fold(words)
    sheet = document.pages[page - 1]
    for table in sheet.tables:
        for cell in table.cells:
            if cell.page == page and needle in _fold(cell.text):
                return " ".join(cell.text.split()), cell.bbox
    for block in sheet.blocks:
        for line in block.lines or (block.text,):
            if needle in _fold(line):
                return " ".join(line.split()), block.bbox
    return None


def _describe(record: Any) -> str:
    values = [f"{f.name}={getattr(record, f.name)!r}" for f in dataclasses.fields(record)
              if f.name != "source" and getattr(record, f.name) not in (None, "")]  # fmt: skip
    return ", ".join(values)


def apply_corrections(extraction: Extraction, corrections: Corrections) -> Extraction:
    """`extraction` with `corrections` applied, reconciled again, and its notes attached."""
    from extractors.extract import reconcile_records

    entries = corrections.entries
    lists: dict[str, list[Any]] = {k: list(getattr(extraction, k)) for k in RECORD_TYPES}
    keys = {k: record_keys(k, records) for k, records in lists.items()}
    index = {key: (k, i) for k, ks in keys.items() for i, key in enumerate(ks)}
    notes: list[Note] = []
    gone: dict[str, str] = {}  # key -> where it was dropped
    for i, drop in enumerate(entries.drop):
        at = corrections.at("drop", i)
        kind = KEY.match(drop.key)["type"]  # type: ignore[index]
        if drop.key not in index or drop.key in gone:
            why = f"dropped already by {gone[drop.key]}" if drop.key in gone else "no such record"
            notes.append(Note("drop", kind, drop.key, "stale", why, drop.reason, at))
            continue
        k, n = index[drop.key]
        record = lists[k][n]
        gone[drop.key] = at
        notes.append(Note("drop", k, drop.key, "applied", _describe(record), drop.reason, at,
                          record.source.page, record.source.source_text))  # fmt: skip
    edited: dict[str, str] = {}
    for i, edit in enumerate(entries.edit):
        at = corrections.at("edit", i)
        kind = KEY.match(edit.key)["type"]  # type: ignore[index]
        if edit.key not in index or edit.key in gone or edit.key in edited:
            why = (
                f"dropped by {gone[edit.key]}" if edit.key in gone
                else f"edited already by {edited[edit.key]}" if edit.key in edited
                else "no such record"
            )  # fmt: skip
            notes.append(Note("edit", kind, edit.key, "stale", why, edit.reason, at))
            continue
        k, n = index[edit.key]
        record = lists[k][n]
        values = _derive(k, record_fields(k, edit.fields, partial=True), set(edit.fields))
        changes = {f: v for f, v in values.items() if getattr(record, f) != v}
        if not changes:
            notes.append(Note("edit", k, edit.key, "stale", "the record already has these values",
                              edit.reason, at, record.source.page))  # fmt: skip
            continue
        detail = "; ".join(f"{f}: {getattr(record, f)!r} -> {v!r}" for f, v in changes.items())
        source = dataclasses.replace(record.source, correction=at)
        lists[k][n] = dataclasses.replace(record, **changes, source=source)
        edited[edit.key] = at
        notes.append(Note("edit", k, edit.key, "applied", detail, edit.reason, at,
                          record.source.page, record.source.source_text))  # fmt: skip
    dropped = {index[key] for key in gone}
    lists = {k: [r for n, r in enumerate(rs) if (k, n) not in dropped] for k, rs in lists.items()}
    for i in range(len(entries.add)):
        notes.append(_add(extraction.document, lists, corrections, i))
    corrected = dataclasses.replace(extraction)
    for k, records in lists.items():
        setattr(corrected, k, records)
    reconciliation = reconcile_records(corrected)
    for i, accept in enumerate(entries.accept):
        at = corrections.at("accept", i)
        members = accept.check == "member_totals_reconcile"
        matched = [
            (n, r) for n, r in enumerate(reconciliation)
            if r.ok is False and r.scope.startswith("members.") == members
            and (accept.scope is None or r.scope == accept.scope
                 or r.scope.endswith("." + accept.scope))
        ]  # fmt: skip
        if not matched:
            scope = f" in {accept.scope!r}" if accept.scope else ""
            notes.append(Note("accept", accept.check, accept.scope, "stale",
                              f"no stated total{scope} differs from the records now",
                              accept.reason, at))  # fmt: skip
        for n, r in matched:
            reconciliation[n] = _accepted(r, at)
            notes.append(Note("accept", accept.check, r.scope, "applied",
                              f"stated {r.stated}, extracted {r.extracted}", accept.reason, at,
                              r.source.page, r.source.source_text))  # fmt: skip
    corrected.reconciliation = reconciliation
    notes.sort(key=lambda n: int(n.at.rsplit(":", 1)[1]))  # in the file's order
    corrected.corrections = Applied(corrections.display, corrections.sha256, tuple(notes))
    return corrected


def _accepted(r: Reconciliation, at: str) -> Reconciliation:
    return dataclasses.replace(r, source=dataclasses.replace(r.source, correction=at))


def _add(document: Document, lists: dict[str, list[Any]], corrections: Corrections, i: int) -> Note:
    """Add one record (unless the rules already found it), and its note."""
    add = corrections.entries.add[i]
    at = corrections.at("add", i)
    values = _derive(add.type, record_fields(add.type, add.fields), set(add.fields))
    given = {f: v for f, v in add.fields.items() if v is not None}
    for found, key in zip(lists[add.type], record_keys(add.type, lists[add.type]), strict=True):
        if all(_fold(getattr(found, f)) == _fold(values[f]) for f in given):
            why = (
                f"added already by {found.source.correction}" if found.source.correction
                else f"the rules already find it: {key} on page {found.source.page}"
            )  # fmt: skip
            return Note("add", add.type, key, "stale", why, add.reason, at, add.page)
    first = next((str(v) for v in values.values() if isinstance(v, str) and v), "")
    where = printed(document, add.page, add.text or first)
    if where is None and not add.text:
        return Note("add", add.type, None, "stale",
                    f"{first!r} is not printed on page {add.page}: give its page, or its words "
                    "as printed in `text`", add.reason, at, add.page)  # fmt: skip
    text, bbox = where if where is not None else (add.text or "", None)
    record = RECORD_TYPES[add.type](**values, source=Source(add.page, bbox, text, at))
    lists[add.type].append(record)
    return Note("add", add.type, None, "applied", _describe(record), add.reason, at, add.page, text)
