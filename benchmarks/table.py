"""The results side by side: one table with ratios to the floor and to the naive baseline, then
the four targets, met or not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.runner import Result

# the targets
NAIVE_SPEEDUP = 3.0  # end to end at least this many times faster than the naive baseline
BIG_RSS_MB = 500.0  # peak RSS on the 1,500-page file below this
NOOP_SECONDS = 2.0  # a re-run with nothing new does under this much work
BACKFILL_SPEEDUP = 1.7  # on 2 cores


@dataclass(frozen=True)
class Row:
    label: str
    result: Result | None
    floor: Result | None = None
    naive: Result | None = None
    files: int | None = None


def _rate(result: Result) -> float:
    return result.pages / result.seconds if result.seconds > 0 else 0.0


def _fmt(value: float | None, spec: str = ".1f", suffix: str = "") -> str:
    return "-" if value is None else f"{value:{spec}}{suffix}"


def render_rows(rows: Iterable[Row]) -> list[str]:
    header = (
        f"{'measurement':<44} {'files':>5} {'pages':>6} {'seconds':>8} {'pages/s':>8} "
        f"{'PSS MB':>7} {'RSS MB':>7} {'÷ floor':>8} {'naive ÷':>8} {'others':>7}"
    )
    out = [header, "-" * len(header)]
    for row in rows:
        r = row.result
        if r is None:
            out.append(f"{row.label:<44} (not run)")
            continue
        if r.error:
            out.append(f"{row.label:<44} FAILED: {r.error}")
            continue
        slower = r.seconds / row.floor.seconds if row.floor and row.floor.seconds > 0 else None
        faster = row.naive.seconds / r.seconds if row.naive and r.seconds > 0 else None
        rate = _rate(r) if r.pages else None
        out.append(
            f"{row.label:<44} {_fmt(row.files, 'd'):>5} {_fmt(r.pages or None, 'd'):>6} "
            f"{r.seconds:>8.2f} {_fmt(rate):>8} {r.peak_tree_mb:>7.0f} {r.peak_process_mb:>7.0f} "
            f"{_fmt(slower, '.1f', 'x'):>8} {_fmt(faster, '.2f', 'x'):>8} "
            f"{r.foreign_cpu_seconds:>6.0f}s"
        )
    return out


def stages_total(parts: list[Result | None]) -> Result | None:
    """The three stages added up (seconds summed, RSS the highest of them)."""
    done = [p for p in parts if p is not None and not p.error]
    if len(done) != len(parts) or not done:
        return None
    total = Result("stages", {"seconds": sum(p.seconds for p in done), "pages": done[0].pages})
    total.peak_tree_mb = max(p.peak_tree_mb for p in done)
    total.peak_process_mb = max(p.peak_process_mb for p in done)
    total.foreign_cpu_seconds = sum(p.foreign_cpu_seconds for p in done)
    return total


def targets(
    naive: Result | None,
    e2e: Result | None,
    big_e2e: Result | None,
    noop: Result | None,
    seq: Result | None,
    par: Result | None,
    big_pages: int = 1500,
) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each of the issue's targets; met is None when not measured."""
    out: list[tuple[str, str, bool | None]] = []
    if _ok(naive) and _ok(e2e):
        assert naive is not None and e2e is not None
        ratio = naive.seconds / e2e.seconds
        out.append((f"end to end >= {NAIVE_SPEEDUP:g}x faster than naive", f"{ratio:.2f}x",
                    ratio >= NAIVE_SPEEDUP))  # fmt: skip
    else:
        out.append((f"end to end >= {NAIVE_SPEEDUP:g}x faster than naive", "not measured", None))
    if _ok(big_e2e):
        assert big_e2e is not None
        measured = (
            f"{big_e2e.peak_tree_mb:.0f} MB all processes (PSS), "
            f"{big_e2e.peak_process_mb:.0f} MB largest process (RSS)"
        )
        out.append((f"peak RSS < {BIG_RSS_MB:g} MB on the {big_pages:,}-page file", measured,
                    big_e2e.peak_tree_mb < BIG_RSS_MB))  # fmt: skip
    else:
        out.append((f"peak RSS < {BIG_RSS_MB:g} MB on the {big_pages:,}-page file", "not measured",
                    None))  # fmt: skip
    if _ok(noop):
        assert noop is not None
        measured = f"{noop.seconds:.2f} s of work ({noop.wall_seconds:.1f} s with start-up)"
        out.append((f"no-op re-run < {NOOP_SECONDS:g} s of work", measured,
                    noop.seconds < NOOP_SECONDS))  # fmt: skip
    else:
        out.append((f"no-op re-run < {NOOP_SECONDS:g} s of work", "not measured", None))
    if _ok(seq) and _ok(par):
        assert seq is not None and par is not None
        speedup = seq.seconds / par.seconds
        out.append((f"backfill speed-up >= {BACKFILL_SPEEDUP:g}x on 2 workers",
                    f"{speedup:.2f}x", speedup >= BACKFILL_SPEEDUP))  # fmt: skip
    else:
        out.append((f"backfill speed-up >= {BACKFILL_SPEEDUP:g}x on 2 workers", "not measured",
                    None))  # fmt: skip
    return out


def render_targets(rows: list[tuple[str, str, bool | None]]) -> list[str]:
    out = []
    for target, measured, met in rows:
        verdict = "not measured" if met is None else ("MET" if met else "NOT MET")
        out.append(f"  {target:<48} {measured:<48} {verdict}")
    return out


def _ok(result: Result | None) -> bool:
    return result is not None and not result.error and result.seconds > 0
