"""Headline figures: the document model's tiles (a number set much larger than the body text with
its label above, below, beside or around it), read as typed values: "1.2 million" -> 1200000,
"Over 300" -> 300 with qualifier "over", "65+" -> 65 with "+", "92%" -> 92 with unit "%"."""

from __future__ import annotations

from extractors.model import Tile
from extractors.normalize.numbers import Quantity, parse_quantity
from extractors.records import Figure, Source
from extractors.sections.base import Context


def _quantity(tile: Tile) -> Quantity | None:
    """The tile's number; a hedge printed just before it inside the label ("Over 300 cities")
    counts as its qualifier."""
    quantity = parse_quantity(tile.value_text)
    if quantity is None or tile.arrangement != "number_inside" or quantity.qualifier:
        return quantity
    at = tile.label.find(tile.value_text)
    if at <= 0:
        return quantity
    words = tile.label[:at].split()
    hedged = parse_quantity(" ".join([*words[-2:], tile.value_text]))
    if hedged is not None and hedged.value == quantity.value and hedged.qualifier:
        return hedged
    return quantity


def extract(ctx: Context) -> list[Figure]:
    figures: list[Figure] = []
    for placed in ctx.tiles():
        tile = placed.item
        if not isinstance(tile, Tile):
            continue
        quantity = _quantity(tile)
        if quantity is None:
            continue
        text = (
            tile.label if tile.arrangement == "number_inside" else f"{tile.value_text} {tile.label}"
        )
        figures.append(
            Figure(
                label=tile.label,
                value=quantity.value,
                unit=quantity.unit,
                qualifier=quantity.qualifier,
                source=Source(tile.page_number, tile.bbox, text),
            )
        )
    return figures
