"""`annual-reports review FILE --suggest`: a corrections file pre-filled from what the review
found missing, for a person to check. It is written beside the real one, as
`corrections/<report id>.suggested.yaml`, and never applied.

Where a region's stated member count is more than the members extracted under it, the rows of
the tables and the "Country: name, name" lines printed under that region's heading whose names
were not extracted become `add` entries, each with its page and a comment saying why."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from extractors.extract import Extraction
from extractors.flow import Placed, flow
from extractors.model import Block, Table
from extractors.normalize.countries import to_iso3

_SPLIT = re.compile(r"\s*[,;•·]\s*|\s+/\s+")
_COUNTRY_LINE = re.compile(r"^\s*(?P<country>[^:]{2,60}):\s*(?P<names>.+)$")


@dataclass(frozen=True)
class Suggestion:
    name: str
    country: str | None
    region: str
    page: int
    why: str


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _names(cell: str) -> list[str]:
    return [n.strip(" .") for n in _SPLIT.split(cell) if n.strip(" .") and not n.strip().isdigit()]


def _under(placed: Placed, region: str) -> bool:
    return any(_fold(region) in _fold(h.text) for h in placed.headings)


def _candidates(placed: Placed, region: str) -> list[tuple[str, str | None, int, str]]:
    """(name, country, page, where) of every member a table row or a 'Country: names' line of
    `placed` may print."""
    item = placed.item
    out: list[tuple[str, str | None, int, str]] = []
    if isinstance(item, Table):
        for i, row in enumerate(item.rows):
            page = item.row_pages[i] if len(item.row_pages) == len(item.rows) else item.pages[0]
            country = next((c for c in row if to_iso3(c)), None)
            for cell in row:
                if cell == country:
                    continue
                out += [(n, country, page, f"a row of the table on page {page}")
                        for n in _names(cell)]  # fmt: skip
    elif isinstance(item, Block):
        for line in item.lines or (item.text,):
            match = _COUNTRY_LINE.match(line)
            if match and to_iso3(match["country"].strip()):
                out += [(n, match["country"].strip(), item.page_number,
                         f"the line '{line.strip()}' on page {item.page_number}")
                        for n in _names(match["names"])]  # fmt: skip
    return [c for c in out if _fold(c[0]) != _fold(region) and not to_iso3(c[0])]


def suggestions(extraction: Extraction) -> list[tuple[str, list[Suggestion]]]:
    """(what differs, the members that may have been missed) for each region whose stated count
    is more than the members extracted under it."""
    known = {_fold(m.name) for m in extraction.members}
    items = list(flow(extraction.document))
    out = []
    for r in extraction.reconciliation:
        if (
            r.ok is not False
            or not r.scope.startswith("members.region.")
            or r.stated <= r.extracted
        ):
            continue
        region = r.scope.removeprefix("members.region.")
        found: list[Suggestion] = []
        for placed in items:
            if not _under(placed, region):
                continue
            for name, country, page, where in _candidates(placed, region):
                if _fold(name) in known or any(_fold(s.name) == _fold(name) for s in found):
                    continue
                found.append(Suggestion(name, country, region, page, f"{where}, under {region}"))
        said = f"{r.scope}: the report states {r.stated}, the rules found {r.extracted}"
        out.append((said, found))
    return out


def _q(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML scalar


def suggested_yaml(extraction: Extraction) -> tuple[str, int]:
    """The suggested corrections file's text, and how many entries it suggests."""
    report_id = extraction.document.report_id
    lines = [
        f"# Suggested corrections for {report_id}, from its review. NOT applied.",
        "# Check every entry against its page (the review page shows it), delete the wrong ones,",
        f"# then move the rest into {report_id}.yaml beside this file.",
        f"report: {_q(report_id)}",
    ]
    found = suggestions(extraction)
    entries = 0
    body: list[str] = []
    for said, members in found:
        body.append(f"  # {said}" + ("" if members else "; nothing printed under it was left"))
        for s in members:
            entries += 1
            fields = {"name": s.name, "country": s.country, "region": s.region,
                      "member_type": "local_government"}  # fmt: skip
            shown = ", ".join(f"{k}: {_q(v)}" for k, v in fields.items() if v is not None)
            body += [
                f"  - type: members  # {s.why}",
                f"    page: {s.page}",
                f"    fields: {{{shown}}}",
                f"    reason: {_q('printed under ' + s.region + '; the rules missed it')}",
            ]
    if not found:
        lines.append("# No stated region count is more than the members extracted: nothing to add.")
    lines += ["add:", *body] if body and entries else ["add: []", *body]
    return "\n".join(lines) + "\n", entries


def write_suggestions(extraction: Extraction, folder: Path) -> tuple[Path, int]:
    """Write `<folder>/<report id>.suggested.yaml`; return it and how many entries it holds."""
    text, entries = suggested_yaml(extraction)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{extraction.document.report_id}.suggested.yaml"
    target.write_text(text, encoding="utf-8")
    return target, entries
