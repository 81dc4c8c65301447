"""Progress of the long commands: a bar on a terminal, one plain line per finished item in a log.

The terminal is a rich Console forced to be one (writing into a buffer); the log is a pipe."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

import pipelines.cli
from pipelines.progress import RunProgress
from tests import pdf_factory as pf

CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ELAPSED = re.compile(r"\d+:\d\d:\d\d")


def terminal() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=True, width=140, color_system=None), buffer


def frames(buffer: io.StringIO) -> str:
    """What the terminal was shown, control codes taken out."""
    return CONTROL.sub("", buffer.getvalue())


def test_a_terminal_gets_a_bar_of_items_pages_elapsed_and_time_left() -> None:
    console, buffer = terminal()
    plain = io.StringIO()
    with RunProgress(console, "files", plain=plain) as progress:
        assert progress.live
        progress.start(3)
        progress.describe("parsing a.pdf")
        progress.pages_under_way(4)
        progress._update()  # the bar's own refresh, a tenth of a second later
        shown = frames(buffer)
        assert "parsing a.pdf" in shown and "0/3 files" in shown and "4 pages" in shown
        progress.finish("a.pdf: ok", 5)
        progress.finish("b.pdf: corrupt")
        shown = frames(buffer)
    assert "2/3 files" in shown and "5 pages" in shown
    assert "ETA" in shown and ELAPSED.search(shown), shown
    assert plain.getvalue() == ""  # no plain lines on a terminal
    assert "\x1b[" in buffer.getvalue()  # a live display, redrawn in place


def test_a_log_gets_one_plain_line_per_finished_item() -> None:
    console = Console(file=io.StringIO(), force_terminal=False)
    plain = io.StringIO()
    with RunProgress(console, "files", plain=plain) as progress:
        assert not progress.live
        progress.start(2)
        progress.describe("parsing a.pdf")  # nothing: a log gets what finished
        progress.pages_under_way(3)
        progress.finish("[1/2] a.pdf: 3 pages, ok", 3)
        progress.finish("[2/2] b.pdf: corrupt")
    assert plain.getvalue().splitlines() == ["[1/2] a.pdf: 3 pages, ok", "[2/2] b.pdf: corrupt"]
    assert progress.done == 2 and progress.pages == 3
    assert console.file.getvalue() == ""  # type: ignore[attr-defined]


def test_parse_all_on_a_terminal_shows_the_bar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    pf.make_good_pdf(folder / "one.pdf")
    pf.make_n_page_pdf(folder / "two.pdf", 2)
    console, buffer = terminal()
    monkeypatch.setattr(pipelines.cli, "err", console)
    assert pipelines.cli.main(["parse-all", str(folder)]) == 0
    shown = frames(buffer)
    assert "2/2 files" in shown and "3 pages" in shown and "ETA" in shown, shown
    assert "[1/2]" not in shown  # the plain lines are for logs
    assert "2 files, 2 parsed, 0 rejected" in " ".join(capsys.readouterr().out.split())


def test_ingest_on_a_terminal_shows_reports_and_pages_done(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    pf.make_good_pdf(reports / "acme.pdf", pages=2)  # read (2 pages), then no annual report
    pf.write_empty(reports / "empty.pdf")  # never read
    console, buffer = terminal()
    monkeypatch.setattr(pipelines.cli, "err", console)
    code = pipelines.cli.main([
        "ingest", "--reports-dir", str(reports), "--warehouse", str(tmp_path / "wh.duckdb"),
        "--model", "blank", "--workers", "1", "--allow-quarantine",
    ])  # fmt: skip
    assert code == 0
    shown = frames(buffer)
    assert "1/2 reports" in shown and "2/2 reports" in shown, shown
    assert "2 pages" in shown and "ETA" in shown and ELAPSED.search(shown), shown
    assert "2 reports: 2 quarantined" in capsys.readouterr().out


def _quick_bench(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """`python -m benchmarks` with a two-file corpus and measurements that take no time (the
    progress is under test, not the measuring); returns the measurements' names as run."""
    import benchmarks.__main__ as bench
    from benchmarks.corpus import Corpus, CorpusFile
    from benchmarks.runner import Result

    corpus = Corpus([CorpusFile(str(tmp_path / "a.pdf"), 3, "generated"),
                     CorpusFile(str(tmp_path / "b.pdf"), 4, "shared")])  # fmt: skip
    ran: list[str] = []

    def measured(name: str, kw: dict[str, object], log: Path, env: object) -> Result:
        ran.append(name)
        files = kw["files"]
        assert isinstance(files, list)
        return Result(name, data={"seconds": 0.5, "pages": sum(f["pages"] for f in files)})

    monkeypatch.setattr(bench, "build_corpus", lambda *args: corpus)
    monkeypatch.setattr(bench, "run_measure", measured)
    monkeypatch.setattr(bench, "_report", lambda *args: ["the table"])
    return ran


def test_the_benchmark_in_a_log_says_each_measurement_once_done(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import benchmarks.__main__ as bench

    ran = _quick_bench(monkeypatch, tmp_path)
    assert bench.main(["--work", str(tmp_path / "work"), "--skip-backfill"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(ran) == 8
    done = [line for line in err if line.startswith("  ") and not line.endswith("...")]
    assert done == [f"  {key}: 0.5 s, 0 MB" for key in
                    ("floor", "naive", "parse", "extract", "load", "end_to_end", "noop",
                     "dagster_floor")]  # fmt: skip
    assert not any("\x1b[" in line for line in err)


def test_the_benchmark_on_a_terminal_shows_the_bar(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import benchmarks.__main__ as bench

    ran = _quick_bench(monkeypatch, tmp_path)
    console, buffer = terminal()
    work = tmp_path / "work"
    work.mkdir()
    args = bench.parse_args(["--work", str(work)])
    assert bench._run(args, work, work / "bench.log", console) == 0
    shown = frames(buffer)
    assert len(ran) == 10  # with the two backfills
    assert "10/10 measurements" in shown and "70 pages" in shown, shown  # 7 pages x 10
    assert "ETA" in shown and ELAPSED.search(shown)
    assert "  floor: 0.5 s, 0 MB" in shown  # each result printed above the bar
    assert "the table" in capsys.readouterr().out
