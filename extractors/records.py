"""One record class per entity type. Every record carries its provenance: page, box, source text.

Field names follow the `annual-reports extract --json` contract (DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from extractors.model import BBox

MemberType = Literal["local_government", "institution", "corporation"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record was read: 1-based page, the box of the words, the words as printed; and,
    for a record a reviewer's correction added or edited, where that correction is written
    (`corrections/<report id>.yaml:LINE`)."""

    page: int
    bbox: BBox | None
    source_text: str
    correction: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: float | int
    unit: str | None
    qualifier: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class StatedTotal:
    """A count the report states about itself: "210 Members", "AFRICA | 47", "7 new members"."""

    scope: str
    value: int
    source: Source


@dataclass(frozen=True, slots=True)
class RegionTotal:
    region: str
    stated_count: int
    source: Source


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    country: str | None
    country_iso3: str | None
    region: str | None
    member_type: MemberType
    source: Source


@dataclass(frozen=True, slots=True)
class NewMember:
    name: str
    country: str | None
    kind: MemberType
    area_km2: float | int | None
    population: int | None
    leader_title: str | None
    leader_name: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Agreement:
    partner: str
    date: date | None
    source: Source


@dataclass(frozen=True, slots=True)
class OrganizedEvent:
    name: str
    start_date: date
    end_date: date
    source: Source


@dataclass(frozen=True, slots=True)
class PartnerEvent:
    date: date | None
    name: str
    theme: str | None
    organizer: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Award:
    category: str
    level: str
    city: str
    project: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class DiplomaticCountry:
    name: str
    country_iso3: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str | None
    organization: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class Rename:
    """A member the report says is now called otherwise: "Hue, formerly Thua Thien Hue"."""

    name: str
    previous_name: str
    source: Source


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    label: str
    sentence: str
    source: Source


@dataclass(frozen=True, slots=True)
class Reconciliation:
    scope: str
    stated: int
    extracted: int
    ok: bool | None  # None: nothing listed to compare with
    source: Source
