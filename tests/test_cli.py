"""The `annual-reports` console script, run as a real subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pdf_factory as pf
from tests.conftest import USER_PASSWORD

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANNUAL_REPORTS_")}
    env.pop("COLUMNS", None)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def flat(text: str) -> str:
    """Whitespace collapsed, so that assertions do not depend on where rich wraps lines."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """All whitespace removed: rich may even fold a long path in the middle."""
    return "".join(text.split())


BAD_FILES = [
    ("empty_pdf", "empty", "empty file"),
    ("png_pdf", "not_pdf", "PNG image"),
    ("html_pdf", "not_pdf", "HTML page"),
    ("truncated_pdf", "corrupt", "cannot open PDF"),
    ("user_encrypted_pdf", "encrypted", "password required"),
]


@pytest.mark.parametrize(("fixture", "reason", "says"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_parse_bad_file_exits_1_with_readable_error(
    request: pytest.FixtureRequest, fixture: str, reason: str, says: str
) -> None:
    path: Path = request.getfixturevalue(fixture)
    result = run_cli("parse", path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    message = squash(result.stderr)
    assert message.startswith("error:")
    assert squash(f"reason: {reason}") in message
    assert squash(says) in message
    assert squash(str(path)) in message


def test_parse_missing_file_exits_1_without_traceback(tmp_path: Path) -> None:
    result = run_cli("parse", tmp_path / "missing.pdf")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no such file" in flat(result.stderr)


def test_error_is_a_single_line_even_when_long(tmp_path: Path) -> None:
    folder = tmp_path / "raw_reports"
    folder.mkdir()
    path = pf.make_encrypted_pdf(
        folder / "acme-widgets-association-annual-report-2019-final.pdf",
        user_password=USER_PASSWORD,
        owner_password="x",
    )
    result = run_cli("parse", path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert str(path) in lines[0]


def test_error_shows_file_names_with_brackets_verbatim(tmp_path: Path) -> None:
    path = pf.write_png_as_pdf(tmp_path / "report [draft].pdf")
    result = run_cli("parse", path)
    assert result.returncode == 1
    assert squash(str(path)) in squash(result.stderr)


def test_parse_json_on_good_pdf(good_pdf: Path) -> None:
    result = run_cli("parse", good_pdf, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"report_id", "sha256", "page_count", "pages", "sections"} <= data.keys()
    assert data["sha256"] == hashlib.sha256(good_pdf.read_bytes()).hexdigest()
    assert data["report_id"] == "awa-2019"
    assert data["page_count"] == 2 == len(data["pages"])
    for number, page in enumerate(data["pages"], start=1):
        assert page["number"] == number
        assert isinstance(page["blocks"], list) and page["blocks"]
        assert isinstance(page["tables"], list)
        assert all(isinstance(b["role"], str) for b in page["blocks"])
    texts = " ".join(b["text"] for b in data["pages"][0]["blocks"])
    assert "makes widgets for everyone" in texts
    assert data["sections"] and all("title" in s for s in data["sections"])


def test_parse_summary_on_good_pdf(good_pdf: Path) -> None:
    result = run_cli("parse", good_pdf)
    assert result.returncode == 0, result.stderr
    assert "awa-2019" in result.stdout
    assert "2 pages" in result.stdout


def test_parse_with_password_opens_encrypted_file(user_encrypted_pdf: Path) -> None:
    result = run_cli("parse", user_encrypted_pdf, "--json", "--password", USER_PASSWORD)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["page_count"] == 1
    assert "Confidential annual report text." in data["pages"][0]["blocks"][0]["text"]


def test_parse_with_wrong_password_exits_1(user_encrypted_pdf: Path) -> None:
    result = run_cli("parse", user_encrypted_pdf, "--password", "nope")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "reason: encrypted" in flat(result.stderr)


def test_max_pages_option_rejects_long_documents(five_page_pdf: Path) -> None:
    result = run_cli("parse", five_page_pdf, "--max-pages", "3")
    assert result.returncode == 1
    assert "reason: too_large" in flat(result.stderr)
    assert run_cli("parse", five_page_pdf, "--max-pages", "5").returncode == 0


def test_invalid_max_pages_is_a_usage_error(good_pdf: Path) -> None:
    result = run_cli("parse", good_pdf, "--max-pages", "0")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "max_pages" in flat(result.stderr)


def test_parse_all_reports_good_and_bad_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    pf.make_good_pdf(folder / "good.pdf")
    pf.write_png_as_pdf(folder / "bad.pdf")
    (folder / "notes.txt").write_text("not considered: wrong suffix")
    result = run_cli("parse-all", folder)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    out = flat(result.stdout)
    assert "good.pdf" in out and "awa-2019" in out
    assert "bad.pdf" in out and "not_pdf" in out
    assert "2 files, 1 parsed, 1 rejected" in out
    assert "notes.txt" not in out


def test_parse_all_exits_0_when_everything_parses(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    pf.make_good_pdf(folder / "one.pdf")
    pf.make_n_page_pdf(folder / "two.pdf", 2)
    result = run_cli("parse-all", folder)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "2 files, 2 parsed, 0 rejected" in flat(result.stdout)
    # not a terminal: one plain line per finished file, counted, never a bar
    assert result.stderr.splitlines() == ["[1/2] one.pdf: 1 page, ok", "[2/2] two.pdf: 2 pages, ok"]


def test_installed_console_script_behaves_the_same(png_pdf: Path) -> None:
    script = shutil.which("annual-reports", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the annual-reports entry point is not installed next to this interpreter")
    result = subprocess.run(
        [script, "parse", str(png_pdf)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "reason: not_pdf" in flat(result.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ("ingest", "--reports-dir", "{tmp}/no-such-folder"),
        ("ingest", "--warehouse", "{tmp}/no-such-folder/w.duckdb"),
        ("ingest", "--workers", "0"),
        ("parse-all", "{tmp}/no-such-folder"),
    ],
)
def test_a_mistyped_path_or_count_is_a_usage_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    (tmp_path / "reports").mkdir()
    argv = [a.format(tmp=tmp_path) for a in args]
    if argv[0] == "ingest" and "--reports-dir" not in argv:
        argv += ["--reports-dir", str(tmp_path / "reports")]
    done = run_cli(*argv)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "error" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "no-such-folder").exists()  # nothing was created on the way


def test_create_makes_the_warehouse_folder(home: Path, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    target = tmp_path / "new" / "w.duckdb"
    done = run_cli(
        "ingest", "--reports-dir", tmp_path / "reports", "--warehouse", target, "--create"
    )
    assert done.returncode == 0, done.stderr
    assert target.parent.is_dir()


def test_ingest_help_says_the_folder_is_only_read() -> None:
    done = run_cli("ingest", "--help")
    assert done.returncode == 0
    text = flat(done.stdout)
    assert "only read" in text and "quarantine" in text and "retry" in text


def test_a_quarantined_file_comes_back_with_its_password(home: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    reports = tmp_path / "reports"
    reports.mkdir()
    sample = ROOT / "raw_reports" / "wego_2021_annual_report.pdf"
    writer = PdfWriter(clone_from=PdfReader(sample))  # a password-protected copy of the sample
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-256")
    locked = reports / "locked.pdf"
    with locked.open("wb") as out:
        writer.write(out)
    sha = hashlib.sha256(locked.read_bytes()).hexdigest()
    where = ("--reports-dir", reports, "--warehouse", tmp_path / "wh.duckdb", "--model", "blank")

    first = run_cli("ingest", *where)
    assert first.returncode == 1, first.stdout + first.stderr  # quarantined: not a clean run
    assert "encrypted" in flat(first.stdout)
    assert run_cli("ingest", *where, "--allow-quarantine").returncode == 0
    listed = run_cli("quarantine", "list", "--warehouse", tmp_path / "wh.duckdb")
    assert listed.returncode == 0 and "locked.pdf" in flat(listed.stdout)
    assert sha[:12] in flat(listed.stdout) and "1quarantined" in squash(listed.stdout)

    retried = run_cli("quarantine", "retry", sha[:10], "--password", "s3cret", *where)
    assert retried.returncode == 0, retried.stdout + retried.stderr
    assert "ingested" in flat(retried.stdout)
    listed = run_cli("quarantine", "list", "--warehouse", tmp_path / "wh.duckdb")
    assert "0quarantined" in squash(listed.stdout)
    loaded = run_cli("query", "SELECT report_id, source_file FROM reports", "--format", "csv",
                     "--warehouse", tmp_path / "published" / "wh.duckdb")  # fmt: skip
    assert loaded.stdout.splitlines()[1:] == ["wego-2021,locked.pdf"], loaded.stdout
    assert locked.read_bytes() and hashlib.sha256(locked.read_bytes()).hexdigest() == sha
    unknown = run_cli("quarantine", "retry", "no-such.pdf", *where)
    assert unknown.returncode == 2 and "nothing quarantined" in unknown.stderr


def test_the_ingest_summary_never_cuts_a_name(home: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    long_name = "a-rather-long-file-name-for-the-draft-annual-report-of-2024-final-v3.pdf"
    pf.write_empty(reports / long_name)
    where = ("--reports-dir", reports, "--warehouse", tmp_path / "wh.duckdb", "--model", "blank")
    piped = run_cli("ingest", *where, "--allow-quarantine")
    assert piped.returncode == 0, piped.stderr
    (line,) = [ln for ln in piped.stdout.splitlines() if ln.startswith(long_name)]
    assert line.split("\t")[:3] == [long_name, "quarantined", "-"]
    assert "1 reports: 1 quarantined" in piped.stdout
    # a pipe: plain progress lines on stderr, the finished report's among them, never a bar
    assert f"[1/1] {long_name}: quarantined" in piped.stderr.splitlines(), piped.stderr
    assert "\x1b[" not in piped.stderr and "ETA" not in piped.stderr
    as_json = run_cli("ingest", *where, "--json", "--allow-quarantine")
    summary = json.loads(as_json.stdout)
    assert [r["file"] for r in summary["reports"]] == [long_name]
    assert summary["counts"] == {"quarantined": 1}
