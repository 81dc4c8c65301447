"""What a report *says*, independent of any layout: the semantic content of the layout matrix.

A content file (`content/<name>.json`) holds the organization, the year and typed sections that
carry the records (members, events, ...) as data, with the prose that makes them realistic
(`paragraphs` before the records, `closing` after). `compose.py` typesets it in a design, `gold.py`
derives the gold from it; `load_content` validates it on load (see `checks.py`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reportgen.matrix.checks import check_content

S = TypeVar("S", bound=BaseModel)
CONTENT_DIR = Path(__file__).resolve().parent / "content"
MemberKind = Literal["local_government", "institution", "corporation"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organization(_Model):
    name: str
    acronym: str

    @property
    def full(self) -> str:  # "World Smart Sustainable Cities Organization (WeGO)"
        return f"{self.name} ({self.acronym})"


class Role(_Model):
    title: str  # "Secretary General"
    organization: str  # "WeGO"; printed "Secretary General of WeGO"


class Person(_Model):
    name: str
    roles: tuple[Role, ...] = Field(min_length=1)


class NamedPerson(Role):
    """A person the prose names with a role ("Mayor Enkhbold Tsend of Ulaanbaatar")."""

    name: str


class _Section(_Model):
    paragraphs: tuple[str, ...] = ()  # printed after the section title
    closing: tuple[str, ...] = ()  # printed after the section's records
    photos: tuple[str, ...] = ()  # captions of placeholder pictures ("" for none)


class About(_Section):
    kind: Literal["about"]


class Message(_Section):
    kind: Literal["message"]
    person: Person


class Figure(_Model):
    value: int | float
    label: str  # printed with the number above or below it
    unit: Literal["%", "USD"] | None = None
    qualifier: Literal["+", "over", "more than"] | None = None
    inside: str | None = None  # "Organized {n} activities": the label with the number in it


class Figures(_Section):
    kind: Literal["figures"]
    figures: tuple[Figure, ...] = Field(min_length=1)


class CountryGroup(_Model):
    country: str  # as printed ("Korea", "Türkiye")
    iso3: str
    members: tuple[str, ...] = Field(min_length=1)


class Region(_Model):
    name: str  # canonical: "Africa", "Asia-Pacific"
    stated_count: int
    countries: tuple[CountryGroup, ...]
    count_note: str | None = None  # why the list and the stated count differ (if they do)


class Totals(_Model):
    total: int
    local_governments: int
    institutions: int
    corporations: int


class Members(_Section):
    kind: Literal["members"]
    totals: Totals
    as_of: str  # "December 2021"
    regions: tuple[Region, ...] = Field(min_length=1)
    institutions: tuple[CountryGroup, ...] = ()
    corporations: tuple[CountryGroup, ...] | None = None  # None: only counted, not listed
    corporations_note: str | None = None  # printed under the corporations heading
    institutions_note: str | None = None  # why the institutions list and count differ


class NewMember(_Model):
    name: str
    country: str  # as printed
    kind: MemberKind
    area_km2: int | float | None = None
    population: int | None = None
    leader_title: str | None = None
    leader_name: str | None = None
    description: str = ""


class NewMembers(_Section):
    kind: Literal["new_members"]
    members: tuple[NewMember, ...] = Field(min_length=1)
    stated_count: int | None = None
    count_note: str | None = None


class Agreement(_Model):
    partner: str
    date: dt.date
    text: str


class Agreements(_Section):
    kind: Literal["agreements"]
    agreements: tuple[Agreement, ...] = Field(min_length=1)
    stated_count: int | None = None


class Part(_Model):
    start: dt.date
    end: dt.date | None = None


class Event(_Model):
    """An organized event: one date or range, or a series in parts (scored one event per part,
    named "<name> (Part N)")."""

    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    parts: tuple[Part, ...] = ()
    paragraphs: tuple[str, ...] = ()

    @property
    def occurrences(self) -> tuple[tuple[str, dt.date, dt.date], ...]:
        """(scored name, start, end) per part, or the event itself."""
        if not self.parts:
            assert self.start is not None
            return ((self.name, self.start, self.end or self.start),)
        return tuple(
            (f"{self.name} (Part {i})", p.start, p.end or p.start)
            for i, p in enumerate(self.parts, 1)
        )


class OrganizedEvents(_Section):
    kind: Literal["organized_events"]
    events: tuple[Event, ...] = Field(min_length=1)
    stated_count: int | None = None


class PartnerEvent(_Model):
    date: dt.date
    name: str
    theme: str
    organizer: str


class PartnerEvents(_Section):
    kind: Literal["partner_events"]
    events: tuple[PartnerEvent, ...] = Field(min_length=1)
    stated_count: int | None = None


class Award(_Model):
    category: str
    level: Literal["gold", "silver", "special_mention"]
    city: str
    project: str


class Awards(_Section):
    kind: Literal["awards"]
    awards: tuple[Award, ...] = Field(min_length=1)


class Diplomatic(_Section):
    kind: Literal["diplomatic"]
    countries: tuple[str, ...] = Field(min_length=1)


class ExtraTable(_Model):
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_widths: tuple[float, ...] | None = None


class Extra(_Section):
    """A section that carries no records (finances, regional offices, networking)."""

    kind: Literal["extra"]
    title: str
    table: ExtraTable | None = None


class Contents(_Model):  # the title of the table of contents, printed when the design has one
    kind: Literal["contents"]
    title: str | None = None


Section = Annotated[
    About
    | Message
    | Figures
    | Members
    | NewMembers
    | Agreements
    | OrganizedEvents
    | PartnerEvents
    | Awards
    | Diplomatic
    | Extra
    | Contents,
    Field(discriminator="kind"),
]


class Rename(_Model):
    old: str
    new: str
    country: str  # as printed in this report


class Changes(_Model):
    """How this report's roster differs from an earlier report's (for member-change tests)."""

    previous: str  # content name, e.g. "wego_2023"
    renamed_members: tuple[Rename, ...] = ()
    renamed_countries: tuple[Rename, ...] = ()  # country = the ISO 3166 alpha-3 code


class Meta(_Model):
    source: str
    fictional: bool


class Content(_Model):
    meta: Meta
    organization: Organization
    year: int
    title: str  # "2021 Annual Report"
    tagline: str | None = None
    address_heading: str | None = None
    address: tuple[str, ...] = ()
    prose_people: tuple[NamedPerson, ...] = ()  # named with a role in the prose only
    changes: Changes | None = None
    sections: tuple[Section, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Content:
        check_content(self)
        return self

    def one(self, cls: type[S]) -> S | None:
        """The section of that type (at most one of each but `Message` and `Extra`)."""
        found = self.all(cls)
        return found[0] if found else None

    def all(self, cls: type[S]) -> list[S]:
        return [s for s in self.sections if isinstance(s, cls)]


def content_names() -> list[str]:
    return sorted(p.stem for p in CONTENT_DIR.glob("*.json"))


def content_path(name: str) -> Path:
    return CONTENT_DIR / f"{name}.json"


def load_content(name_or_path: str | Path) -> Content:
    """Read and validate a content file, by name ("wego_2023") or path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = content_path(str(name_or_path))
    return Content.model_validate_json(path.read_bytes())
