"""Helpers for the browser test of the Dagster UI (tests/test_ui_browser.py).

A throwaway Dagster instance, reports folder and warehouse in a tmp dir; `ingest_folder` run once
in a subprocess to fill the instance; `dagster-webserver` started on a free loopback port in its
own process group and stopped with it; Chromium (the system one, never a downloaded browser)
driven by Playwright; a screenshot and the webserver's stderr tail when an assertion fails."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

PROJECT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Dagster shows a "Join the Dagster community" dialog on localhost until it is dismissed once;
# mark it dismissed in the browser's storage so it never covers the page (or the screenshots).
DISMISS_COMMUNITY_NUX = "window.localStorage.setItem('communityNux', JSON.stringify('1'));"
REPORT = "wego_2021_annual_report.pdf"
UNREADABLE = "empty.pdf"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SERVER_START_SECONDS = 90
INGEST_SECONDS = 300


def require_chromium() -> Path:
    """The system Chromium; skip without it locally, fail without it in CI (which must run it)."""
    if not CHROMIUM.is_file():
        message = f"{CHROMIUM} not found: the browser test needs Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is an error, not a skip)")
        pytest.skip(message)
    return CHROMIUM


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Sandbox:
    """A Dagster home, reports folder and warehouse in one tmp dir, and the env selecting them."""

    root: Path

    @property
    def home(self) -> Path:
        return self.root / "dagster_home"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def warehouse(self) -> Path:
        return self.root / "warehouse" / "annual_reports.duckdb"

    def create(self) -> Sandbox:
        self.home.mkdir(parents=True)
        shutil.copy2(PROJECT / ".dagster_home" / "dagster.yaml", self.home / "dagster.yaml")
        self.reports.mkdir(parents=True)
        shutil.copy2(PROJECT / "raw_reports" / REPORT, self.reports / REPORT)
        self.warehouse.parent.mkdir(parents=True)
        return self

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DAGSTER_HOME=str(self.home),
            ANNUAL_REPORTS_DIR=str(self.reports),
            ANNUAL_REPORTS_WAREHOUSE=str(self.warehouse),
            ANNUAL_REPORTS_PUBLISHED=str(self.warehouse.parent / "published" / self.warehouse.name),
            PYTHONUNBUFFERED="1",
        )
        return env

    def add_unreadable(self, name: str = UNREADABLE) -> Path:
        """An empty file among the reports: `ingest` quarantines it (reason `empty`)."""
        path = self.reports / name
        path.write_bytes(b"")
        return path

    def ingest(self, expect: str = "1 ingested") -> str:
        """Run `annual-reports ingest` over the folder once, in a subprocess; return its stdout,
        which must say `expect`. Quarantined files are allowed (`add_unreadable`)."""
        command = [
            # one report at a time, in folder order: the runs and their events come in that order
            *(
                sys.executable,
                "-m",
                "pipelines.cli",
                "ingest",
                "--allow-quarantine",
                "--workers",
                "1",
            ),
            *("--reports-dir", str(self.reports), "--warehouse", str(self.warehouse)),
        ]
        done = subprocess.run(
            command,
            cwd=PROJECT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=INGEST_SECONDS,
            check=False,
        )
        assert done.returncode == 0 and expect in done.stdout, (
            f"ingest failed (exit {done.returncode})\n"
            f"stdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}"
        )
        return done.stdout


class Webserver:
    """`dagster-webserver -m pipelines.definitions` on a free loopback port, in its own group."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = sandbox.root / "webserver.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Webserver:
        """Start the server on the sandbox's instance (filled first: two processes creating a
        fresh instance's storage at once fail); return once it answers."""
        executable = VENV_BIN / "dagster-webserver"
        command = [str(executable), "-m", "pipelines.definitions",
                   "-h", "127.0.0.1", "-p", str(self.port)]  # fmt: skip
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=PROJECT,
                env=self.sandbox.env(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stop() takes the code server too
            )
        self.wait_until_up()
        return self

    def wait_until_up(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"dagster-webserver exited with {self.process.returncode} before answering\n"
                    + self.tail()
                )
            try:
                with urllib.request.urlopen(f"{self.url}/server_info", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise AssertionError(
            f"dagster-webserver did not answer {self.url}/server_info within "
            f"{SERVER_START_SECONDS} s\n" + self.tail()
        )

    def tail(self, lines: int = 40) -> str:
        """The last lines the webserver wrote (stdout and stderr share the log)."""
        try:
            text = ANSI.sub("", self.log.read_text(errors="replace"))
        except OSError:
            text = ""
        body = "\n".join(text.splitlines()[-lines:]) or "(empty)"
        return f"--- dagster-webserver output, last {lines} lines ({self.log}) ---\n{body}"

    def stop(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
            try:
                process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        # the group may hold the code server after the webserver itself has gone
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def on_failure(page: Page, name: str, server: Webserver, shots: Path) -> Iterator[None]:
    """Turn a failed UI assertion into one that carries a screenshot path and the server's log."""
    try:
        yield
    except Exception as exc:
        saved = []
        file = f"ui-failure-{name}.png"
        for target in (shots / file, PROJECT / "out" / file):
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(target), full_page=True)
                saved.append(str(target))
            except Exception as shot_error:  # a dead page must not hide the real failure
                saved.append(f"{target} (screenshot failed: {shot_error})")
        raise AssertionError(
            f"UI check {name!r} failed at {page.url}: {exc}\n"
            f"screenshots: {', '.join(saved)}\n{server.tail()}"
        ) from exc
