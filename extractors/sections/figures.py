"""Headline figures: a number set much larger than the body text, with a small label under it or
beside it ("114,034" / "Total views of online content", "65+", "1.2 million", "Over 300")."""

from __future__ import annotations

from extractors.model import Block, BlockRole
from extractors.normalize.numbers import Quantity, parse_quantity
from extractors.records import Figure, Source
from extractors.sections.base import Context
from extractors.segment import body_font_size

_EMPHASIS = 1.6  # a headline number is at least this many times the body size
_NEAR = 24.0  # points between a number and its label
_TEXT = frozenset({BlockRole.BODY, BlockRole.HEADING, BlockRole.CAPTION})  # not contents entries


def _headline_quantity(block: Block, body: float) -> Quantity | None:
    if block.font_size < _EMPHASIS * body or len(block.text) > 24:
        return None
    quantity = parse_quantity(block.text)
    if quantity is None:
        return None
    leftover = block.text.lower().replace(quantity.source_text.lower(), " ")
    return quantity if len(leftover.split()) <= 1 else None


def _label(number: Block, candidates: list[Block]) -> Block | None:
    """The smaller text right under the number, else on its right in the same row."""
    below = [
        b
        for b in candidates
        if 0 <= b.bbox.top - number.bbox.bottom <= _NEAR
        and min(b.bbox.x1, number.bbox.x1) - max(b.bbox.x0, number.bbox.x0) > 0
    ]
    beside = [
        b
        for b in candidates
        if 0 <= b.bbox.x0 - number.bbox.x1 <= 2 * _NEAR
        and min(b.bbox.bottom, number.bbox.bottom) - max(b.bbox.top, number.bbox.top) > 0
    ]
    for group, key in ((below, "top"), (beside, "x0")):
        if group:
            return min(group, key=lambda b: getattr(b.bbox, key))
    return None


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
            label = _label(block, small)
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
