"""`make ui` prints no warnings: the one notice `dagster dev` gives (that `dg dev` supersedes it)
is filtered by the recipe's PYTHONWARNINGS, and nothing else is."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from tests.corpus import ROOT

EMIT = (
    "from dagster_shared.utils.warnings import supersession_warning\n"
    # what dagster's dev command emits when it starts (dagster/_cli/dev.py: @superseded)
    "supersession_warning('Function `dev_command`', \"Use 'dg dev' instead.\", stacklevel=1)\n"
    "supersession_warning('Function `other_command`', stacklevel=1)\n"
)


def _stderr(pythonwarnings: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    if pythonwarnings is not None:
        env["PYTHONWARNINGS"] = pythonwarnings
    done = subprocess.run([sys.executable, "-c", EMIT], env=env, capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    return done.stderr


def test_make_ui_silences_the_dg_notice_and_nothing_else() -> None:
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nui:", 1)[1].split("\n\n")[0]
    assert "dagster dev -m pipelines.definitions" in recipe
    found = re.search(r"PYTHONWARNINGS='([^']+)'", recipe)
    assert found, recipe
    unfiltered = _stderr(None)
    assert "`dev_command` is superseded" in unfiltered and "`other_command`" in unfiltered
    filtered = _stderr(found.group(1))
    assert "dev_command" not in filtered
    assert "`other_command` is superseded" in filtered  # any other warning still shows
