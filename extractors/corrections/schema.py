"""The corrections file: what a reviewer may write, validated, with the line of every entry.

    # corrections/<report id>.yaml
    add:
      - type: members
        page: 3
        fields: {name: Kisumu, country: Kenya, region: Africa, member_type: local_government}
    drop:
      - key: members:1a2b3c4d
        reason: a heading read as a member
    edit:
      - key: members:5e6f7a8b
        fields: {country: Kenya}
    accept:
      - check: member_totals_reconcile
        scope: Africa
        reason: the report counts one member twice in its heading

The YAML is read with PyYAML's composer, which keeps the line of every node, and validated with
pydantic; every error names the file and the line it is on."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field

from extractors.records import (
    Agreement,
    Award,
    DiplomaticCountry,
    Figure,
    Member,
    NewMember,
    OrganizedEvent,
    PartnerEvent,
    Person,
    RegionTotal,
    Rename,
    StatedTotal,
)

# the record types a correction may add, drop or edit: contract key -> record class
RECORD_TYPES: dict[str, type] = {
    "members": Member,
    "new_members": NewMember,
    "member_totals": StatedTotal,
    "region_totals": RegionTotal,
    "figures": Figure,
    "mous": Agreement,
    "organized_events": OrganizedEvent,
    "partner_events": PartnerEvent,
    "awards": Award,
    "diplomatic_countries": DiplomaticCountry,
    "people": Person,
    "renames": Rename,
}
# the checks that compare a stated total with the records extracted: a mismatch may be accepted
ACCEPTABLE_CHECKS = ("member_totals_reconcile", "headline_figures_reconcile")
KEY = re.compile(r"^(?P<type>[a-z_]+):[0-9a-f]{8}(\.\d+)?$")

RecordType = Literal[
    "members", "new_members", "member_totals", "region_totals", "figures", "mous",
    "organized_events", "partner_events", "awards", "diplomatic_countries", "people", "renames",
]  # fmt: skip
Loc = tuple[str | int, ...]


class CorrectionsError(ValueError):
    """A corrections file that cannot be used: every problem with its file and line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Add(_Entry):
    """A record the rules missed: its type, its fields, the page it is printed on, and (when
    its first field is not printed as such on that line) the words as printed."""

    type: RecordType
    page: int = Field(ge=1)
    fields: dict[str, Any]
    text: str | None = None
    reason: str | None = None


class _Keyed(_Entry):
    key: str

    @pydantic.field_validator("key")
    @classmethod
    def _a_record_key(cls, value: str) -> str:
        match = KEY.match(value)
        if match is None:
            raise ValueError(
                f"{value!r} is no record key: copy one from the review page (members:1a2b3c4d)"
            )
        if match["type"] not in RECORD_TYPES:
            raise ValueError(f"no record type {match['type']!r} (one of {', '.join(RECORD_TYPES)})")
        return value


class Drop(_Keyed):
    """A record the rules found that is no record, by the key the review page shows."""

    reason: str | None = None


class Edit(_Keyed):
    """New values for some fields of a record the rules found, by its key."""

    fields: dict[str, Any] = Field(min_length=1)
    reason: str | None = None


class Accept(_Entry):
    """A stated total that differs from the records, accepted as it is, with the reason."""

    check: Literal["member_totals_reconcile", "headline_figures_reconcile"]
    scope: str | None = None  # 'Africa', 'members.region.Africa', 'new_members'; none: all
    reason: str = Field(min_length=3)


class CorrectionsFile(_Entry):
    report: str | None = None  # the report id, when given: must be the file's
    add: list[Add] = Field(default_factory=list)
    drop: list[Drop] = Field(default_factory=list)
    edit: list[Edit] = Field(default_factory=list)
    accept: list[Accept] = Field(default_factory=list)


@dataclass(frozen=True)
class Corrections:
    """A validated corrections file: its entries, where it is, its sha256 and each node's line."""

    entries: CorrectionsFile
    display: str  # 'corrections/<report id>.yaml': what provenance and messages name
    sha256: str
    lines: dict[Loc, int]

    def at(self, *loc: str | int) -> str:
        """'corrections/x.yaml:LINE' of the entry at `loc` (e.g. 'add', 0)."""
        return f"{self.display}:{line_of(self.lines, loc)}"


def line_of(lines: dict[Loc, int], loc: Loc) -> int:
    """The line of the node at `loc`, or of the nearest node above it that exists."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def _plain(loader: yaml.SafeLoader, node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> Any:
    """The Python value of `node`, noting the line of it and of everything under it."""
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in out:
                raise CorrectionsError(
                    [f"line {key_node.start_mark.line + 1}: {key!r} is given twice"]
                )
            out[key] = _plain(loader, value_node, (*loc, str(key)), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(loader, item, (*loc, i), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _where(loc: Loc) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _field_model(kind: str, partial: bool) -> type[BaseModel]:
    """A pydantic model of a record type's fields (without its provenance); with `partial`,
    every field optional (an edit names only those it changes)."""
    record = RECORD_TYPES[kind]
    hints = typing.get_type_hints(record)
    spec: dict[str, Any] = {}
    for f in fields(record):
        if f.name == "source":
            continue
        hint = hints[f.name]
        optional = partial or type(None) in typing.get_args(hint) or _derived(kind, f.name)
        spec[f.name] = (hint | None, None) if optional else (hint, ...)
    model: type[BaseModel] = pydantic.create_model(
        f"{record.__name__}Fields", __config__=ConfigDict(extra="forbid"), **spec
    )
    return model


def _derived(kind: str, name: str) -> bool:
    """Fields filled from the others when not given (a member's ISO code from its country)."""
    return name == "country_iso3" and kind in ("members", "diplomatic_countries")


def record_fields(kind: str, values: dict[str, Any], partial: bool = False) -> dict[str, Any]:
    """`values` validated and converted for a record of `kind` (raises pydantic's error)."""
    model = _field_model(kind, partial)
    parsed = model.model_validate(values)
    if partial:
        return {name: getattr(parsed, name) for name in parsed.model_fields_set}
    return parsed.model_dump()


def load_corrections(path: Path, display: str, sha256: str, report_id: str) -> Corrections:
    """Read and validate the corrections file at `path` (named `display` in messages) for the
    report `report_id`. Raises `CorrectionsError` listing every problem as 'display:LINE: ...'."""
    text = path.read_text(encoding="utf-8")
    lines: dict[Loc, int] = {}
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = {} if node is None else _plain(loader, node, (), lines)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise CorrectionsError([f"{display}:{line}: not YAML: {exc.problem}"]) from exc
    except CorrectionsError as exc:
        raise CorrectionsError(
            [f"{display}:{p.removeprefix('line ')}" for p in exc.problems]
        ) from None
    if not isinstance(data, dict):
        raise CorrectionsError([f"{display}:1: expected a mapping of add, drop, edit, accept"])
    problems: list[tuple[int, str]] = []
    try:
        entries = CorrectionsFile.model_validate(data)
    except pydantic.ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            problems.append((line_of(lines, loc), f"{_where(loc)}: {error['msg']}"))
        entries = None
    problems += _field_problems(data, lines)
    if entries is not None and entries.report is not None and entries.report != report_id:
        problems.append(
            (lines.get(("report",), 1), f"report: {entries.report!r} is not {report_id!r}")
        )
    if problems:
        raise CorrectionsError([f"{display}:{line}: {what}" for line, what in sorted(problems)])
    assert entries is not None
    return Corrections(entries, display, sha256, lines)


def _field_problems(data: dict[str, Any], lines: dict[Loc, int]) -> list[tuple[int, str]]:
    """The fields of every add and edit against their record type (read from the raw data, so
    that they are checked even when another entry is wrong)."""
    checks: list[tuple[Loc, str, dict[str, Any], bool]] = []
    for section in ("add", "edit"):
        entries = data.get(section)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict) or not isinstance(entry.get("fields"), dict):
                continue
            key = KEY.match(str(entry.get("key", "")))
            kind = entry.get("type") if section == "add" else key["type"] if key else None
            if kind in RECORD_TYPES:
                checks.append(((section, i, "fields"), kind, entry["fields"], section == "edit"))
    problems: list[tuple[int, str]] = []
    for loc, kind_name, values, partial in checks:
        try:
            record_fields(kind_name, values, partial)
        except pydantic.ValidationError as exc:
            for error in exc.errors():
                at = (*loc, *error["loc"])
                problems.append((line_of(lines, at), f"{_where(at)}: {error['msg']}"))
    return problems
