"""Precision, recall and F1 of extracted records against a hand-made gold file, per contract key.

Records match when their identifying fields are equal after normalization (NFC, case folding,
typographic quotes and dashes folded, whitespace collapsed, trailing punctuation dropped, whole
floats as integers). Matching counts multisets: a record listed twice must be extracted twice."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from extractors.normalize.countries import to_iso3

KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "figures": ("label", "value", "qualifier", "unit"),
    "region_totals": ("region", "stated_count"),
    "members": ("name", "country_iso3", "region", "member_type"),
    "new_members": (
        "name",
        "country",
        "kind",
        "area_km2",
        "population",
        "leader_title",
        "leader_name",
    ),
    "mous": ("partner", "date"),
    "organized_events": ("name", "start_date", "end_date"),
    "partner_events": ("date", "name", "theme", "organizer"),
    "awards": ("category", "level", "city", "project"),
    "diplomatic_countries": ("name",),
    "people": ("name", "title", "organization"),
    "reconciliation": ("scope", "stated"),
}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})


def normalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip(" .,;:")


def _as_records(key: str, value: Any) -> list[dict[str, Any]]:
    if key == "diplomatic_countries":
        return [{"name": v} if isinstance(v, str) else v for v in value]
    return list(value)


def keys_of(key: str, records: Iterable[dict[str, Any]]) -> Counter[tuple[str, ...]]:
    fields = KEY_FIELDS[key]
    return Counter(tuple(normalize(r.get(f)) for f in fields) for r in records)


@dataclass(frozen=True)
class Score:
    key: str
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else float(self.predicted == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _score(key: str, gold: Counter[tuple[str, ...]], pred: Counter[tuple[str, ...]]) -> Score:
    matched = sum((gold & pred).values())
    return Score(key, sum(gold.values()), sum(pred.values()), matched)


def _member_totals(record: dict[str, Any]) -> Counter[tuple[str, ...]]:
    return Counter(
        (k, normalize(record.get(k)))
        for k in ("total", "local_governments", "institutions", "corporations")
        if record.get(k) is not None
    )


def country_mentions(mentions: Iterable[dict[str, Any]]) -> Counter[tuple[str, ...]]:
    """Distinct country names tagged GPE: the scope the mentions gold covers."""
    return Counter(
        {
            (normalize(m["text"]), "gpe"): 1
            for m in mentions
            if m.get("label") == "GPE" and to_iso3(m["text"])
        }
    )


def score(
    predicted: dict[str, Any], gold: dict[str, Any], mentions_gold: list[dict[str, Any]] | None
) -> list[Score]:
    scores = [
        _score(
            "report",
            Counter(
                [(normalize(gold["report"]["organization"]), normalize(gold["report"]["year"]))]
            ),
            Counter(
                [
                    (
                        normalize(predicted["report"]["organization"]),
                        normalize(predicted["report"]["year"]),
                    )
                ]
            ),
        ),
        _score(
            "member_totals",
            _member_totals(gold["member_totals"]),
            _member_totals(predicted["member_totals"]),
        ),
    ]
    for key in KEY_FIELDS:
        scores.append(
            _score(
                key,
                keys_of(key, _as_records(key, gold[key])),
                keys_of(key, _as_records(key, predicted[key])),
            )
        )
    if mentions_gold is not None:
        scores.append(
            _score(
                "mentions", country_mentions(mentions_gold), country_mentions(predicted["mentions"])
            )
        )
    return scores


def table(scores: list[Score]) -> str:
    lines = [f"{'key':<22}{'gold':>6}{'pred':>6}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    for s in scores:
        lines.append(
            f"{s.key:<22}{s.gold:>6}{s.predicted:>6}{s.matched:>6}"
            f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
        )
    return "\n".join(lines)


def misses(
    key: str, predicted: dict[str, Any], gold: dict[str, Any]
) -> tuple[list[Any], list[Any]]:
    """(gold records not extracted, extracted records not in gold), for debugging."""
    g = keys_of(key, _as_records(key, gold[key]))
    p = keys_of(key, _as_records(key, predicted[key]))
    return sorted((g - p).elements()), sorted((p - g).elements())
