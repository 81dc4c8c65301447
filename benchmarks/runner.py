"""Run one measurement in a fresh Python process and watch its memory.

The child (`python -m benchmarks.child NAME ARGS`) prints its result as one JSON line. While it
runs, a thread samples the memory of the child and of every process under it (the parse
forkserver and its children, backfill workers) every `SAMPLE_SECONDS`:

- `peak_tree_mb`: the highest sum of their proportional set sizes (PSS: a page shared by n
  processes, such as a forked child's copy-on-write pages, counts 1/n in each), i.e. the memory
  the measurement occupies; RSS where the kernel does not report PSS;
- `peak_process_mb`: the largest resident set (RSS) of any one of them, also taken from the
  kernel's `ru_maxrss` of the child and of the descendants it waited for (exact, not sampled).

The machine may be shared: `foreign_cpu_seconds` is the CPU time the whole machine spent
during the measurement minus what the measured process tree spent (each process's CPU time as
last sampled) and minus this process's own (the sampling), i.e. other programs competing for
the two cores. The table shows it, since their wall-clock times are then too slow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

SAMPLE_SECONDS = 0.1
RESULT_PREFIX = "RESULT "
MB = 1024 * 1024


@dataclass
class Result:
    name: str
    data: dict[str, Any] = field(default_factory=dict)
    wall_seconds: float = 0.0  # the whole child process, Python start-up and imports included
    peak_tree_mb: float = 0.0
    peak_process_mb: float = 0.0
    tree_cpu_seconds: float = 0.0  # CPU time of the measured process tree (sampled)
    foreign_cpu_seconds: float = 0.0  # CPU time of everything else on the machine meanwhile
    error: str = ""

    @property
    def seconds(self) -> float:
        """The measured work, as the child timed it."""
        return float(self.data.get("seconds", 0.0))

    @property
    def pages(self) -> int:
        return int(self.data.get("pages", 0))


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak_tree = 0
        self.peak_process = 0
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds last seen
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            sizes = []
            for proc in procs:
                try:
                    with proc.oneshot():
                        memory = proc.memory_full_info()
                        sizes.append((memory.rss, getattr(memory, "pss", memory.rss)))
                        times = proc.cpu_times()
                        self.cpu[proc.pid] = times.user + times.system
                except psutil.Error:
                    continue
            if sizes:
                self.peak_tree = max(self.peak_tree, sum(pss for _, pss in sizes))
                self.peak_process = max(self.peak_process, max(rss for rss, _ in sizes))
            self.done.wait(SAMPLE_SECONDS)


def run_measure(
    name: str,
    args: dict[str, Any],
    log: Path,
    env: dict[str, str] | None = None,
    timeout: float = 1800.0,
) -> Result:
    """Run measurement `name` with `args` in a child process; its stderr goes to `log`."""
    command = [sys.executable, "-m", "benchmarks.child", name, json.dumps(args)]
    child_env = {**os.environ, **(env or {})}
    started = time.perf_counter()
    busy_before = _busy_cpu_seconds()
    own_before = time.process_time()
    with log.open("a", encoding="utf-8") as err:
        err.write(f"\n===== {name} {json.dumps(args)[:300]}\n")
        err.flush()
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=err, text=True, env=child_env
        )
        sampler = _Sampler(proc.pid)
        sampler.start()
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
        finally:
            sampler.done.set()
            sampler.join()
    result = Result(name, wall_seconds=time.perf_counter() - started)
    result.peak_tree_mb = sampler.peak_tree / MB
    result.tree_cpu_seconds = sum(sampler.cpu.values())
    own = time.process_time() - own_before
    result.foreign_cpu_seconds = max(
        0.0, _busy_cpu_seconds() - busy_before - result.tree_cpu_seconds - own
    )
    lines = [line for line in out.splitlines() if line.startswith(RESULT_PREFIX)]
    if proc.returncode != 0 or not lines:
        result.error = f"exit code {proc.returncode}; see {log}"
        return result
    result.data = json.loads(lines[-1][len(RESULT_PREFIX) :])
    reported = max(result.data.get("maxrss_self_mb", 0.0), result.data.get("maxrss_children_mb", 0))
    result.peak_process_mb = max(sampler.peak_process / MB, float(reported))
    return result


def _busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent on anything but idling, since boot."""
    times = psutil.cpu_times()._asdict()
    idle = ("idle", "iowait", "guest", "guest_nice")  # guest time is counted in user already
    return float(sum(v for k, v in times.items() if k not in idle))


def wait_until_idle(limit: float = 300.0, window: float = 5.0, busy: float = 0.1) -> bool:
    """Wait (at most `limit` seconds) until the machine spends less than `busy` of one core over
    `window` seconds; True if it did."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = _busy_cpu_seconds()
        time.sleep(window)
        if _busy_cpu_seconds() - before < busy * window:
            return True
    return False


def median(runs: list[Result]) -> Result:
    """The run with the median seconds (the lower middle one of an even number), carrying the
    seconds of all of them in `data["repeats"]`; the first failed run if any failed."""
    failed = [r for r in runs if r.error]
    if failed:
        return failed[0]
    ordered = sorted(runs, key=lambda r: r.seconds)
    chosen = ordered[(len(ordered) - 1) // 2]
    chosen.data["repeats"] = [r.seconds for r in runs]
    return chosen


def repeats(result: Result) -> list[float]:
    """The seconds of each run of a repeated measurement (just its own when run once)."""
    return [float(t) for t in result.data.get("repeats", [result.seconds])]
