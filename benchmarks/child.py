"""`python -m benchmarks.child NAME ARGS_JSON`: one measurement, its result as a JSON line.

Kept light on purpose: Dagster's parse forkserver imports the main module once, so the heavy
imports happen in `benchmarks.measures`, inside the measurement.
"""

from __future__ import annotations

import json
import resource
import sys

RESULT_PREFIX = "RESULT "


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def main(argv: list[str]) -> int:
    name, raw = argv[0], argv[1] if len(argv) > 1 else "{}"
    from benchmarks.measures import MEASURES

    data = MEASURES[name](**json.loads(raw))
    data["maxrss_self_mb"] = _maxrss_mb(resource.RUSAGE_SELF)
    data["maxrss_children_mb"] = _maxrss_mb(resource.RUSAGE_CHILDREN)
    sys.stdout.write(RESULT_PREFIX + json.dumps(data) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
