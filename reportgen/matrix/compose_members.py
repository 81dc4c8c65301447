"""The blocks of the members section: the stated total, member-type and region headings with their
counts, and the member lists in the design's list style."""

from __future__ import annotations

from reportgen.matrix import doc
from reportgen.matrix.design import Design
from reportgen.matrix.formats import counted, integer
from reportgen.matrix.spec import Content, CountryGroup, Members


def wide(design: Design, n_columns: int) -> bool:
    """Whether a table spans all body columns: always in three columns, from three table columns
    in two."""
    return design.columns == 3 or (design.columns == 2 and n_columns >= 3)


def _pairs(groups: tuple[CountryGroup, ...]) -> tuple[tuple[str, ...], ...]:
    """Two country/members pairs a row, the left half of the countries down the left pair."""
    half = (len(groups) + 1) // 2
    left, right = groups[:half], groups[half:]
    rows = []
    for i, g in enumerate(left):
        other = right[i] if i < len(right) else None
        rows.append(
            (
                g.country,
                ", ".join(g.members),
                other.country if other else "",
                ", ".join(other.members) if other else "",
            )
        )
    return tuple(rows)


def member_list(groups: tuple[CountryGroup, ...], label: str, design: Design) -> list[doc.Block]:
    """One group of members (a region, the institutions) in the design's list style."""
    style = design.member_list
    if style == "table":
        rows = tuple((g.country, ", ".join(g.members)) for g in groups)
        return [
            doc.TableBlock(
                ("Country", label), rows, col_widths=(0.26, 0.74), full_width=wide(design, 2)
            )
        ]
    if style == "pairs":
        return [
            doc.TableBlock(
                ("Country", label, "Country", label),
                _pairs(groups),
                col_widths=(0.16, 0.34, 0.16, 0.34),
                full_width=design.columns > 1,
            )
        ]
    if style == "lines":
        lines = tuple(f"{g.country}: {', '.join(g.members)}" for g in groups)
        return [doc.Lines(lines, bold_prefix=tuple(len(g.country) + 1 for g in groups))]
    blocks: list[doc.Block] = []
    for g in groups:
        blocks.append(doc.Heading(g.country, 3))
        if style == "subheads_comma":
            blocks.append(doc.Paragraph(", ".join(g.members)))
        else:
            blocks.append(doc.Lines(g.members))
    return blocks


def total_blocks(content: Content, members: Members, design: Design) -> list[doc.Block]:
    """The stated total as a heading, a sentence or a tile."""
    t = members.totals
    total = integer(t.total, design)
    if design.total_style == "heading":
        return [doc.Heading(f"{total} Members as of {members.as_of}", 2)]
    if design.total_style == "sentence":
        return [
            doc.Paragraph(
                f"{content.organization.acronym} had {total} members at the end of "
                f"{content.year}: {integer(t.local_governments, design)} local governments, "
                f"{integer(t.institutions, design)} institutions and "
                f"{integer(t.corporations, design)} corporations.",
                emphasis="lead",
            )
        ]
    label = f"members as of {members.as_of}"
    tile = doc.Tile(total, label, inside_text=f"{total} {label}")
    return [doc.Tiles((tile,), arrangement=design.tile_arrangement, per_row=1)]


def members_blocks(content: Content, members: Members, design: Design) -> list[doc.Block]:
    """Everything of the members section after its title, before its closing prose."""
    t = members.totals
    blocks = total_blocks(content, members, design)
    blocks += [doc.Paragraph(p) for p in members.paragraphs]
    region_level = 2 if design.member_list.startswith("subheads") else 3
    blocks.append(doc.Heading(counted("Local Governments", t.local_governments, design), 2))
    for region in members.regions:
        blocks.append(doc.Heading(counted(region.name, region.stated_count, design), region_level))
        blocks += member_list(region.countries, "Members", design)
    blocks.append(doc.Heading(counted("Institutions", t.institutions, design), 2))
    blocks += member_list(members.institutions, "Institutions", design)
    blocks.append(doc.Heading(counted("Corporations", t.corporations, design), 2))
    if members.corporations:
        blocks += member_list(members.corporations, "Corporations", design)
    if members.corporations_note:
        blocks.append(doc.Paragraph(members.corporations_note))
    return blocks
