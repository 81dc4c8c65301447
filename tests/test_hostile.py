"""Hostile input: every bad file is parsed or rejected with a typed reason inside the
per-document limits (pages, seconds, memory), a stuck or crashing parse is really stopped, and an
ingest over all of them quarantines each bad file without touching the other reports."""

from __future__ import annotations

import shutil
import time
import zlib
from pathlib import Path

import duckdb
import psutil
import pytest

from extractors.errors import Reason, UnreadableReport
from extractors.model import Document
from extractors.pdf.isolate import ParserError, read_document_isolated
from extractors.pdf.read import file_sha256
from extractors.settings import Settings
from pipelines.ingest import ingest_folder
from tests import hostile
from tests.bad_parsers import allocate, buggy, die_by, ignore_sigterm_and_sleep, sleep_forever
from tests.corpus import ROOT

SAMPLE = ROOT / "raw_reports" / "wego_2021_annual_report.pdf"
LIMITS = Settings(max_seconds=20, max_memory_mb=1024)  # explicit: no ANNUAL_REPORTS_* leaks in
SLACK = 5.0  # seconds on top of max_seconds for stopping and reaping the child
CASES = {h.name: h for h in hostile.HOSTILE}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return hostile.write_all(tmp_path_factory.mktemp("hostile"))


def _text(document: Document) -> str:
    tables = [t for p in document.pages for t in p.tables]
    cells = [c for t in tables for row in (t.header, *t.rows) for c in row]
    return "\n".join([*(b.text for p in document.pages for b in p.blocks), *cells])


# --------------------------------------------------------------------------- (a) each file


@pytest.mark.parametrize("name", [h.name for h in hostile.HOSTILE if h.expect is not None])
def test_hostile_file_is_rejected_with_its_reason(files: dict[str, Path], name: str) -> None:
    started = time.monotonic()
    with pytest.raises(UnreadableReport) as caught:
        read_document_isolated(files[name], LIMITS)
    expected = {CASES[name].expect}
    if name == "decompression-bomb.pdf":  # whichever limit it meets first
        expected = {Reason.RESOURCE_LIMIT, Reason.TIMEOUT}
    assert caught.value.reason in expected, caught.value.message
    assert caught.value.path == str(files[name])
    assert time.monotonic() - started < LIMITS.max_seconds + SLACK


def test_owner_password_only_parses(files: dict[str, Path]) -> None:
    document = read_document_isolated(files["owner-password-only.pdf"], LIMITS)
    assert "It met in spring." in _text(document)


def test_image_only_parses_without_text(files: dict[str, Path]) -> None:
    document = read_document_isolated(files["image-only.pdf"], LIMITS)
    assert document.page_count == 1 and not document.has_text
    assert any("no text layer" in w for w in document.warnings)


def test_javascript_is_parsed_never_run(files: dict[str, Path]) -> None:
    path = files["javascript-open-action.pdf"]
    data = path.read_bytes()
    assert b"/OpenAction" in data and b"/JavaScript" in data and hostile.JS_MARKER.encode() in data
    document = read_document_isolated(path, LIMITS)
    text = _text(document)
    assert "Lakeside Towns Alliance" in text
    assert hostile.JS_MARKER not in text and "app.alert" not in text


def test_weird_file_name_parses_and_runs_nothing(files: dict[str, Path]) -> None:
    path = files[hostile.WEIRD_NAME]
    document = read_document_isolated(path, LIMITS)
    assert document.source_file == hostile.WEIRD_NAME
    assert "Harbour Cities Network" in _text(document)
    assert not (path.parent / "pwned").exists() and not Path("pwned").exists()


def test_1500_pages_parse_when_max_pages_allows(files: dict[str, Path]) -> None:
    settings = Settings(max_pages=2000, max_seconds=60, max_memory_mb=1024)
    document = read_document_isolated(files["1500-pages.pdf"], settings)
    assert document.page_count == hostile.LONG_PAGES
    assert "Page 1500:" in document.pages[-1].text


def test_the_bomb_really_is_one(files: dict[str, Path]) -> None:
    """Small on disk, at least 1 GiB once inflated (counted in chunks, never held in memory)."""
    data = files["decompression-bomb.pdf"].read_bytes()
    start = data.index(b"stream\n") + len(b"stream\n")
    stream = data[start : data.rindex(b"\nendstream")]
    assert len(data) < 2 * 1024 * 1024
    inflater, total, pending = zlib.decompressobj(), 0, stream
    while pending:
        total += len(inflater.decompress(pending, 1 << 24))
        pending = inflater.unconsumed_tail
    assert inflater.eof and total >= hostile.BOMB_BYTES


# --------------------------------------------------------------------------- (b) the limits


def _gone(pid: int) -> bool:
    """No such process any more: neither running nor a zombie waiting to be reaped."""
    try:
        psutil.Process(pid)
    except psutil.NoSuchProcess:
        return True
    return False


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "stuck.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    return path


@pytest.mark.parametrize("parse", [sleep_forever, ignore_sigterm_and_sleep])
def test_a_stuck_parse_is_stopped_at_max_seconds(target: Path, parse: object) -> None:
    settings = Settings(max_seconds=1.5, max_memory_mb=512)
    started = time.monotonic()
    with pytest.raises(UnreadableReport) as caught:
        read_document_isolated(target, settings, parse=parse)  # type: ignore[arg-type]
    elapsed = time.monotonic() - started
    assert caught.value.reason is Reason.TIMEOUT
    assert "longer than 1.5 s" in caught.value.message
    assert settings.max_seconds <= elapsed < settings.max_seconds + SLACK
    pid = int(target.with_suffix(".pid").read_text())
    assert _gone(pid), f"child {pid} still there"


@pytest.mark.parametrize(
    ("signame", "reason"),
    [("SIGSEGV", Reason.EXTRACTION_FAILED), ("SIGKILL", Reason.RESOURCE_LIMIT)],
)
def test_a_child_that_dies_is_a_typed_error(tmp_path: Path, signame: str, reason: Reason) -> None:
    path = tmp_path / f"{signame}.pdf"
    with pytest.raises(UnreadableReport) as caught:
        read_document_isolated(path, LIMITS, parse=die_by)
    assert caught.value.reason is reason
    assert signame in caught.value.message


def test_memory_limit_is_a_typed_error(target: Path) -> None:
    with pytest.raises(UnreadableReport) as caught:
        read_document_isolated(target, Settings(max_memory_mb=512), parse=allocate)
    assert caught.value.reason is Reason.RESOURCE_LIMIT
    assert "512 MB" in caught.value.message


def test_a_parser_bug_is_raised_not_quarantined(target: Path) -> None:
    with pytest.raises(ParserError, match="KeyError: 'a bug in the parser'"):
        read_document_isolated(target, LIMITS, parse=buggy)


def test_no_child_processes_are_left_behind(files: dict[str, Path], target: Path) -> None:
    read_document_isolated(files["owner-password-only.pdf"], LIMITS)
    with pytest.raises(UnreadableReport):
        read_document_isolated(target, Settings(max_seconds=0.5), parse=sleep_forever)
    children = psutil.Process().children(recursive=True)
    # the forkserver and resource tracker are long-lived helpers; parse children are forked
    # from the forkserver and must all be gone
    workers = [c for c in children if "from multiprocessing." not in " ".join(_cmdline(c))]
    assert workers == [], [(c.pid, c.status(), _cmdline(c)) for c in workers]
    assert not [c for c in children if c.status() == psutil.STATUS_ZOMBIE]


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


def test_limit_settings_are_validated_and_read_from_the_environment() -> None:
    env = {"ANNUAL_REPORTS_MAX_SECONDS": "12.5", "ANNUAL_REPORTS_MAX_MEMORY_MB": "768"}
    settings = Settings.from_env(env)
    assert (settings.max_seconds, settings.max_memory_mb) == (12.5, 768)
    assert (Settings().max_seconds, Settings().max_memory_mb) == (300.0, 2048)
    for bad in ({"max_seconds": 0}, {"max_seconds": float("nan")}, {"max_memory_mb": 16}):
        with pytest.raises(ValueError):
            Settings(**bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- (c) ingestion


@pytest.fixture
def home(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """conftest's instance, with the hostile files' parse limits."""
    monkeypatch.setenv("ANNUAL_REPORTS_MAX_SECONDS", str(LIMITS.max_seconds))
    monkeypatch.setenv("ANNUAL_REPORTS_MAX_MEMORY_MB", str(LIMITS.max_memory_mb))
    return home


def _quarantine_rows(warehouse: Path) -> dict[str, tuple[str, str, str]]:
    conn = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = conn.execute("SELECT file, sha256, reason, message FROM quarantine").fetchall()
    finally:
        conn.close()
    return {file: (sha, reason, message) for file, sha, reason, message in rows}


def test_a_bad_file_is_quarantined_beside_one_of_the_same_name(home: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    hostile.write_all(reports, only=lambda h: h.name == "empty.pdf")
    earlier = tmp_path / "quarantine" / "empty.pdf"  # the default: beside the warehouse
    earlier.parent.mkdir()
    earlier.write_bytes(b"an earlier file of that name")
    warehouse = tmp_path / "wh.duckdb"
    summary = ingest_folder(reports, warehouse, model="blank")
    (outcome,) = summary.outcomes
    assert outcome.status == "quarantined" and outcome.detail.startswith("empty: empty file")
    assert (reports / "empty.pdf").exists()  # the input is never moved
    assert earlier.read_bytes() == b"an earlier file of that name"
    assert (tmp_path / "quarantine" / "empty-1.pdf").read_bytes() == b""
    assert _quarantine_rows(warehouse)["empty.pdf"][1] == "empty"
    published = duckdb.connect(str(tmp_path / "published" / "wh.duckdb"), read_only=True)
    try:  # analysts (and the sensor) see the row at once
        assert published.execute("SELECT reason FROM quarantine").fetchall() == [("empty",)]
    finally:
        published.close()
    again = ingest_folder(reports, warehouse, model="blank")
    assert [o.status for o in again.outcomes] == ["quarantined"]  # the same bytes: not retried
    assert "already quarantined" in again.outcomes[0].detail


@pytest.mark.slow
def test_ingest_over_every_hostile_file_and_the_sample(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, elsewhere = tmp_path / "reports", tmp_path / "quarantined"
    monkeypatch.setenv("ANNUAL_REPORTS_QUARANTINE", str(elsewhere))
    written = hostile.write_all(reports)
    shutil.copy(SAMPLE, reports)
    sha = {name: file_sha256(path) for name, path in written.items()}
    warehouse = tmp_path / "wh.duckdb"

    summary = ingest_folder(reports, warehouse, model="blank")

    status = {o.file: (o.status, o.detail) for o in summary.outcomes}
    assert status[SAMPLE.name][0] == "ingested"
    good = sum(h.ingest == "ingested" for h in hostile.HOSTILE)  # each lists 3 members
    assert summary.rows["members"] == 176 + 3 * good  # the sample's, unaffected by the others
    rows = _quarantine_rows(warehouse)
    for case in hostile.HOSTILE:
        if case.ingest == "ingested":
            assert status[case.name][0] == "ingested", status[case.name]
            assert (reports / case.name).exists()
            continue
        expected = {case.ingest}
        if case.name == "decompression-bomb.pdf":
            expected = {Reason.RESOURCE_LIMIT.value, Reason.TIMEOUT.value}
        assert status[case.name][0] == "quarantined", status[case.name]
        file_sha, reason, message = rows.pop(case.name)
        assert reason in expected and message, (case.name, reason, message)
        assert file_sha == sha[case.name]
        assert file_sha256(reports / case.name) == sha[case.name]  # left as it was
        assert file_sha256(elsewhere / case.name) == sha[case.name]  # and a copy kept
    assert rows == {}  # nothing else was quarantined
    assert not (reports / "quarantine").exists()
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()

    again = ingest_folder(reports, warehouse, model="blank")
    statuses = {o.file: o.status for o in again.outcomes}
    assert statuses[SAMPLE.name] == "unchanged"
    for case in hostile.HOSTILE:
        assert statuses[case.name] == ("unchanged" if case.ingest == "ingested" else "quarantined")
