"""`gold(content, design)`: the gold records of a matrix cell, in the shape of `tests/gold/*.json`.

The gold comes from the content and the design's choices only, never from a PDF. It follows the
conventions of `tests/gold/README.md`: names and countries as printed, ISO codes from the content,
dates in ISO form, an event in parts as one event per part ("<name> (Part N)"), members' regions
canonical (institutions and corporations have none), `reconciliation` the stated totals only.

What depends on the design: a figure's label is the text printed with its number, which for
tiles with the number inside is that text, number included ("Organized 18 activities"), unless the
text starts with the number (then the rest of it, as for a label beside the number). A stated
member total printed as a tile is a figure as well as the member total.

People: only those printed in a structured way are gold, each (name, title, organization) once —
the writer of each message (one record per role in the name block / signature, "Secretary General
of WeGO" -> Secretary General / WeGO) and the leaders of new members (the "Mayor: …" fact of a
card or the leader cell of the table, organization = the new member). People the prose names with
a role are listed in the content's `prose_people`; they join the gold with `prose_people=True`.
"""

from __future__ import annotations

from typing import Any

from reportgen.matrix.design import Design
from reportgen.matrix.formats import figure_label
from reportgen.matrix.spec import (
    Agreements,
    Awards,
    Content,
    Diplomatic,
    Figures,
    Members,
    Message,
    NewMembers,
    OrganizedEvents,
    PartnerEvents,
)

Record = dict[str, Any]


def _members(members: Members | None) -> list[Record]:
    if members is None:
        return []
    out: list[Record] = []

    def add(groups: Any, region: str | None, member_type: str) -> None:
        for g in groups:
            for name in g.members:
                out.append(
                    {
                        "name": name,
                        "country": g.country,
                        "country_iso3": g.iso3,
                        "region": region,
                        "member_type": member_type,
                    }
                )

    for region in members.regions:
        add(region.countries, region.name, "local_government")
    add(members.institutions, None, "institution")
    add(members.corporations or (), None, "corporation")
    return out


def _people(content: Content, prose_people: bool) -> list[Record]:
    people: list[Record] = []
    for message in content.all(Message):
        for role in message.person.roles:
            people.append(
                {
                    "name": message.person.name,
                    "title": role.title,
                    "organization": role.organization,
                }
            )
    new = content.one(NewMembers)
    for m in new.members if new else ():
        if m.leader_name:
            people.append({"name": m.leader_name, "title": m.leader_title, "organization": m.name})
    if prose_people:
        people += [
            {"name": p.name, "title": p.title, "organization": p.organization}
            for p in content.prose_people
        ]
    unique = {(p["name"], p["title"], p["organization"]): p for p in people}
    return list(unique.values())


def _reconciliation(content: Content) -> list[Record]:
    out: list[Record] = []
    members = content.one(Members)
    if members is not None:
        t = members.totals
        for scope in ("total", "local_governments", "institutions", "corporations"):
            out.append({"scope": f"members.{scope}", "stated": getattr(t, scope)})
        for region in members.regions:
            out.append({"scope": f"members.region.{region.name}", "stated": region.stated_count})
    for scope, cls in (
        ("new_members", NewMembers),
        ("mous", Agreements),
        ("partner_events", PartnerEvents),
        ("organized_events", OrganizedEvents),
    ):
        section = content.one(cls)
        stated = getattr(section, "stated_count", None)
        if stated is not None:
            out.append({"scope": scope, "stated": stated})
    return out


def _total_tile(members: Members | None, design: Design) -> list[Record]:
    """The stated member total printed as a tile is a headline figure too."""
    if members is None or design.total_style != "tile":
        return []
    label = f"members as of {members.as_of}"
    return [{"label": label, "value": members.totals.total, "unit": None, "qualifier": None}]


def gold(content: Content, design: Design, *, prose_people: bool = False) -> dict[str, Any]:
    figures = content.one(Figures)
    members = content.one(Members)
    new = content.one(NewMembers)
    agreements = content.one(Agreements)
    events = content.one(OrganizedEvents)
    partner = content.one(PartnerEvents)
    awards = content.one(Awards)
    diplomatic = content.one(Diplomatic)
    return {
        "report": {"organization": content.organization.name, "year": content.year},
        "figures": [
            {
                "label": figure_label(f, design),
                "value": f.value,
                "unit": f.unit,
                "qualifier": f.qualifier,
            }
            for f in (figures.figures if figures else ())
        ]
        + _total_tile(members, design),
        "member_totals": members.totals.model_dump() if members else {},
        "region_totals": [
            {"region": r.name, "stated_count": r.stated_count}
            for r in (members.regions if members else ())
        ],
        "members": _members(members),
        "new_members": [
            m.model_dump(exclude={"description"}) for m in (new.members if new else ())
        ],
        "mous": [
            {"partner": a.partner, "date": a.date.isoformat()}
            for a in (agreements.agreements if agreements else ())
        ],
        "organized_events": [
            {"name": name, "start_date": start.isoformat(), "end_date": end.isoformat()}
            for e in (events.events if events else ())
            for name, start, end in e.occurrences
        ],
        "partner_events": [
            {"date": e.date.isoformat(), "name": e.name, "theme": e.theme, "organizer": e.organizer}
            for e in (partner.events if partner else ())
        ],
        "awards": [a.model_dump() for a in (awards.awards if awards else ())],
        "diplomatic_countries": list(diplomatic.countries) if diplomatic else [],
        "people": _people(content, prose_people),
        "reconciliation": _reconciliation(content),
        "mentions": [],
    }
