"""Headline figures: a number set much larger than the body text, with a small label under it or
beside it ("48,250" / "Visits to the website", "65+", "1.2 million", "Over 300")."""

from __future__ import annotations

from extractors.model import Block, BlockRole
from extractors.normalize.numbers import Quantity, parse_quantity
from extractors.records import Figure, Source
from extractors.sections.base import Context
from extractors.segment import body_font_size

_EMPHASIS = 1.6  # a headline number is at least this many times the body size
_NEAR = 24.0  # points between a number and the label under it
_BESIDE = 0.35  # at most this share of the page width between a number and the label beside it
_TEXT = frozenset({BlockRole.BODY, BlockRole.HEADING, BlockRole.CAPTION})  # not contents entries


def _headline_quantity(block: Block, body: float) -> Quantity | None:
    if block.font_size < _EMPHASIS * body or len(block.text) > 24:
        return None
    quantity = parse_quantity(block.text)
    if quantity is None:
        return None
    leftover = block.text.lower().replace(quantity.source_text.lower(), " ")
    return quantity if len(leftover.split()) <= 1 else None


def _label(number: Block, candidates: list[Block], page_width: float) -> Block | None:
    """The smaller text beside the number on its right (same row, nothing in between), else the
    smaller text right under it."""
    beside = [
        b
        for b in candidates
        if 0 <= b.bbox.x0 - number.bbox.x1 <= _BESIDE * page_width
        and min(b.bbox.bottom, number.bbox.bottom) - max(b.bbox.top, number.bbox.top)
        > 0.5 * min(b.bbox.height, number.bbox.height)
    ]
    if beside:
        return min(beside, key=lambda b: b.bbox.x0)
    below = [
        b
        for b in candidates
        if 0 <= b.bbox.top - number.bbox.bottom <= _NEAR
        and min(b.bbox.x1, number.bbox.x1) - max(b.bbox.x0, number.bbox.x0) > 0
    ]
    return min(below, key=lambda b: b.bbox.top) if below else None


def extract(ctx: Context) -> list[Figure]:
    body = body_font_size(ctx.document.pages)
    figures: list[Figure] = []
    for page in ctx.document.pages:
        blocks = [b for b in page.body_blocks if b.role in _TEXT]
        small = [
            b for b in blocks if b.font_size < _EMPHASIS * body and b.role is not BlockRole.HEADING
        ]
        for block in blocks:
            quantity = _headline_quantity(block, body)
            if quantity is None:
                continue
            label = _label(block, small, page.width)
            if label is None:
                continue
            bbox = block.bbox.union(label.bbox)
            figures.append(
                Figure(
                    label=label.text,
                    value=quantity.value,
                    unit=quantity.unit,
                    qualifier=quantity.qualifier,
                    source=Source(page.number, bbox, f"{block.text} {label.text}"),
                )
            )
    return figures
