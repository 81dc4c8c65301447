"""The results as Markdown tables: one row per system, then F1 per document, then which
ground-truth alternative each system was scored against; and the same as JSON."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from benchmarks.icdar.run import Totals


def _table(rows: list[list[Any]], headers: list[str]) -> str:
    """A Markdown table, the first column left-aligned and the others (numbers) right."""
    align = ("left", *("right" for _ in headers[1:]))
    return tabulate(rows, headers=headers, tablefmt="github", colalign=align, disable_numparse=True)


def systems_table(results: list[Totals]) -> str:
    gold = results[0].gold_tables if results else 0
    headers = [
        "system",
        f"tables found (gold {gold})",
        "precision",
        "recall",
        "F1",
        "s/page",
    ]
    rows = [
        [
            t.system,
            str(t.tables),
            f"{t.precision:.3f}",
            f"{t.recall:.3f}",
            f"{t.f1:.3f}",
            f"{t.seconds_per_page:.3f}",
        ]
        for t in results
    ]
    return _table(rows, headers)


def documents_table(results: list[Totals]) -> str:
    if not results:
        return ""
    first = results[0]
    by_system = [t.by_doc() for t in results]
    rows = []
    for doc in first.docs:
        row = [doc.doc, str(doc.pages), str(doc.gold_tables)]
        for scores in by_system:
            score = scores[doc.doc]
            row.append("error" if score.error else f"{score.counts.f1:.3f}")
        rows.append(row)
    return _table(rows, ["document", "pages", "gt tables", *(t.system for t in results)])


def alternatives_note(results: list[Totals]) -> list[str]:
    """Which alternative ground truth each system was scored against, per document that has
    several (the one giving the system the higher F1)."""
    docs: dict[str, dict[str, list[str]]] = {}
    for totals in results:
        for score in totals.docs:
            if score.alternative:
                docs.setdefault(score.doc, {}).setdefault(score.alternative, []).append(
                    totals.system
                )
    if not docs:
        return []
    out = [
        "Alternative ground truths: each document with an a and a b interpretation is scored "
        "against both and keeps the higher F1 (a on a tie)."
    ]
    for doc, picks in docs.items():
        parts = [f"{label}: {', '.join(systems)}" for label, systems in sorted(picks.items())]
        out.append(f"- {doc}: " + "; ".join(parts))
    return out


def failures_note(results: list[Totals]) -> list[str]:
    out = []
    for totals in results:
        for score in totals.errors:
            out.append(f"- {totals.system} on {score.doc}: {score.error}")
    return ["Failures (counted as no tables found):", *out] if out else []


def render(results: list[Totals]) -> str:
    parts = [systems_table(results), "", documents_table(results)]
    for note in (alternatives_note(results), failures_note(results)):
        if note:
            parts += ["", *note]
    elapsed = ", ".join(f"{t.system} {t.seconds:.1f} s" for t in results)
    parts += ["", f"Elapsed (parsing only, {results[0].pages if results else 0} pages): {elapsed}"]
    return "\n".join(parts)


def as_json(results: list[Totals]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for t in results:
        out[t.system] = {
            "precision": t.precision,
            "recall": t.recall,
            "f1": t.f1,
            "matched": t.counts.matched,
            "system_relations": t.counts.system,
            "gt_relations": t.counts.gt,
            "tables": t.tables,
            "gold_tables": t.gold_tables,
            "seconds": t.seconds,
            "pages": t.pages,
            "docs": {
                d.doc: {
                    "precision": d.counts.precision,
                    "recall": d.counts.recall,
                    "f1": d.counts.f1,
                    "matched": d.counts.matched,
                    "system_relations": d.counts.system,
                    "gt_relations": d.counts.gt,
                    "alternative": d.alternative,
                    "tables": d.tables,
                    "gold_tables": d.gold_tables,
                    "pages": d.pages,
                    "seconds": d.seconds,
                    "error": d.error,
                }
                for d in t.docs
            },
        }
    return out
