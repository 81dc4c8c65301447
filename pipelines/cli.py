"""`annual-reports`: the command line, thin over the library."""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from extractors.errors import ReportError, UnreadableReport
from extractors.model import Document
from extractors.pdf.read import read_document
from extractors.settings import Settings
from pipelines.progress import RunProgress

PASSWORD_ENV = "ANNUAL_REPORTS_PDF_PASSWORD"
CORRECTIONS_HELP = (
    "folder of the reviewers' corrections files, <report id>.yaml "
    "(ANNUAL_REPORTS_CORRECTIONS; default: corrections/ beside the reports folder)"
)
EXIT_OK = 0
EXIT_UNREADABLE = 1
EXIT_USAGE = 2

err = Console(stderr=True, soft_wrap=True)
out = Console()


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env().with_overrides(pdf_password=args.password, max_pages=args.max_pages)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _parse(path: Path, settings: Settings) -> Document:
    with _progress() as progress:
        task = progress.add_task(f"parsing {path.name}", total=None)
        return read_document(
            path,
            settings,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )


def _print_summary(doc: Document) -> None:
    out.print(
        f"[bold]{doc.report_id}[/bold]  {escape(doc.source_file)}  {doc.page_count} pages  "
        f"organization={escape(repr(doc.organization))} year={doc.year}"
    )
    table = RichTable("level", "section", "pages", "blocks", "tables")
    for section in doc.sections:
        pages = f"{section.first_page}-{section.last_page}"
        indent = "  " * max(section.level - 1, 0)
        table.add_row(
            str(section.level),
            indent + escape(section.title[:70]),
            pages,
            str(len(section.blocks)),
            str(len(section.tables)),
        )
    out.print(table)
    for warning in doc.warnings:
        err.print(f"[yellow]warning:[/yellow] {escape(warning)}")


def cmd_parse(args: argparse.Namespace) -> int:
    doc = _parse(Path(args.file), _settings(args))
    if args.json:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_summary(doc)
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from extractors.extract import extract_document
    from extractors.nlp import load_nlp

    settings = _settings(args)
    doc = _parse(Path(args.file), settings)
    nlp = load_nlp(args.model or settings.spacy_model)
    result = extract_document(doc, nlp=nlp)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    out.print(f"[bold]{doc.report_id}[/bold]  {escape(doc.source_file)}  {doc.page_count} pages")
    counts = RichTable("records", "count")
    for key, records in result.record_lists().items():
        counts.add_row(key, str(len(records)))
    out.print(counts)
    for check in result.reconciliation:
        mark = {
            True: "[green]ok[/green]",
            False: "[red]mismatch[/red]",
            None: "[dim]not listed[/dim]",
        }
        out.print(
            f"{check.scope}: stated {check.stated}, extracted {check.extracted} {mark[check.ok]}"
        )
    return EXIT_OK


_STATUSES = ("ingested", "replaced", "superseded", "unchanged", "quarantined", "blocked", "failed")


def _checks_text(o: Any) -> str:
    if not (o.checks_passed or o.checks_failed or o.checks_warned):
        return "-"  # nothing was checked (unchanged, quarantined)
    parts = [f"{o.checks_passed} passed"]
    parts += [f"{o.checks_failed} failed"] if o.checks_failed else []
    parts += [f"{o.checks_warned} warned"] if o.checks_warned else []
    return ", ".join(parts)


def _print_ingest_summary(summary: Any, *, as_json: bool) -> None:
    """The ingest summary: JSON for scripts; a table whose names and paths fold, never cut, on
    a terminal; one tab-separated line per report otherwise (a log, CI, a pipe)."""
    counts = {s: summary.count(s) for s in _STATUSES if summary.count(s)}
    if as_json:
        outcomes = [dataclasses.asdict(o) for o in summary.outcomes]
        print(json.dumps({"reports": outcomes, "rows": summary.rows, "counts": counts}, indent=1))
        return
    if out.is_terminal:
        table = RichTable()
        for name, fold in (
            ("report", True),
            ("result", False),
            ("checks", False),
            ("detail", True),
        ):
            table.add_column(name, overflow="fold", no_wrap=not fold)
        for o in summary.outcomes:
            table.add_row(escape(o.file), o.status, _checks_text(o), escape(o.detail))
        out.print(table)
        rows = RichTable("table", "rows")
        for name, n in summary.rows.items():
            rows.add_row(name, str(n))
        out.print(rows)
    else:
        for o in summary.outcomes:
            print("\t".join((o.file, o.status, _checks_text(o), o.detail)))
        print("rows: " + ", ".join(f"{name} {n}" for name, n in summary.rows.items()))
    text = ", ".join(f"{n} {s}" for s, n in counts.items())
    print(f"{len(summary.outcomes)} reports: {text or 'none found'}")
    if not summary.changed:
        print("nothing new: the warehouse already holds every report as it is")


def _review_blocked(summary: Any) -> None:
    """Say where the review page of every blocked report is (the run's checks wrote it,
    `reviews/` beside the warehouse), on stderr (stdout may be JSON)."""
    for o in summary.outcomes:
        if o.status == "blocked" and o.review:
            err.print(f"review of {escape(o.file)}: {escape(o.review)}", soft_wrap=True)


class _IngestProgress:
    """The ingest's reports, as they finish, on the progress bar."""

    def __init__(self, progress: RunProgress) -> None:
        self.progress = progress

    def start(self, total: int) -> None:
        self.progress.start(total)

    def finished(self, outcome: Any) -> None:
        self.progress.finish(f"{outcome.file}: {outcome.status}", outcome.pages)


def cmd_ingest(args: argparse.Namespace) -> int:
    from pipelines.ingest import ingest_folder

    if getattr(args, "create", False) and args.warehouse:
        Path(args.warehouse).parent.mkdir(parents=True, exist_ok=True)
    if args.password is not None:  # the parse steps read it from the environment, as Settings do
        os.environ[PASSWORD_ENV] = args.password
    folder = Path(args.reports_dir) if args.reports_dir else None
    warehouse = Path(args.warehouse) if args.warehouse else None
    fixes = Path(args.corrections_dir) if getattr(args, "corrections_dir", None) else None
    with RunProgress(err, "reports") as progress:
        if progress.live:  # a terminal: the bar (reports and pages done, elapsed, time left)
            summary = ingest_folder(
                folder, warehouse, model=args.model or "", workers=args.workers,
                on_progress=progress.describe, progress=_IngestProgress(progress),
                corrections=fixes,
            )  # fmt: skip
        else:  # a log or CI: one plain line per step and per finished report, never a bar
            summary = ingest_folder(
                folder, warehouse, model=args.model or "", workers=args.workers,
                on_progress=lambda message: print(message, file=sys.stderr, flush=True),
                corrections=fixes,
            )  # fmt: skip
    _print_ingest_summary(summary, as_json=getattr(args, "json", False))
    _review_blocked(summary)
    failed = summary.count("failed") + summary.count("blocked")
    if not args.allow_quarantine:
        failed += summary.count("quarantined")
    return EXIT_OK if not failed else EXIT_UNREADABLE


def _warehouse_resource(args: argparse.Namespace) -> Any:
    from pipelines.resources import WarehouseResource
    from warehouse import settings

    path = Path(args.warehouse) if args.warehouse else settings.warehouse_path()
    if not path.is_file():
        raise ValueError(f"no warehouse at {path}")
    return WarehouseResource(path=str(path))


def cmd_export(args: argparse.Namespace) -> int:
    from warehouse.query import export_published

    folder = export_published(
        Path(args.folder), Path(args.warehouse) if args.warehouse else None, args.format
    )
    out.print(f"every table and view written to {escape(str(folder))} ({args.format})")
    return EXIT_OK


def cmd_dashboard(args: argparse.Namespace) -> int:
    from warehouse.dashboard import write_dashboard

    page = write_dashboard(Path(args.out), Path(args.warehouse) if args.warehouse else None)
    out.print(f"dashboard written to {escape(str(page))} (open it in a browser)", soft_wrap=True)
    return EXIT_OK


def _corrections_dir(args: argparse.Namespace, pdf: Path) -> Path:
    """--corrections-dir, else ANNUAL_REPORTS_CORRECTIONS, else corrections/ beside the PDF's
    folder (as ingestion reads them)."""
    from pipelines.resources import CORRECTIONS_ENV

    given = args.corrections_dir or os.environ.get(CORRECTIONS_ENV, "").strip()
    return Path(given) if given else pdf.resolve().parent.parent / "corrections"


def _review_target(args: argparse.Namespace) -> Path:
    """The PDF `review` is given: a file, else the report id of a report the warehouse holds,
    looked up in its published copy and found in the reports folder."""
    from pipelines.resources import default_reports_dir

    given = Path(args.file)
    if given.is_file() or given.suffix.lower() == ".pdf":
        return given
    store = _warehouse_resource(args)
    conn = duckdb.connect(str(store.published_path), read_only=True)
    try:
        row = conn.execute(
            "SELECT source_file FROM reports WHERE report_id = ?", [args.file]
        ).fetchone()
        known = [r[0] for r in conn.execute("SELECT report_id FROM reports").fetchall()]
    finally:
        conn.close()
    if row is None:
        close = difflib.get_close_matches(args.file, known, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise ValueError(
            f"{args.file} is neither a file nor a report id of the warehouse{hint}; give the "
            "PDF's path (a blocked report's review page is in reviews/ beside the warehouse)"
        )
    folder = Path(args.reports_dir) if args.reports_dir else default_reports_dir()
    pdf = folder / row[0]
    if not pdf.is_file():
        raise ValueError(f"{args.file} was read from {row[0]}, which is not in {folder}")
    return pdf


def cmd_review(args: argparse.Namespace) -> int:
    from pipelines.review import review_extraction, write_review_of
    from pipelines.suggest import write_suggestions

    pdf = _review_target(args)
    fixes = _corrections_dir(args, pdf)
    with err.status(f"reviewing {escape(args.file)}"):
        extraction = review_extraction(pdf, fixes, model=args.model)
        page = write_review_of(extraction, pdf, Path(args.out))
    out.print(f"review written to {escape(str(page))} (open it in a browser)", soft_wrap=True)
    applied = extraction.corrections
    if applied is not None:
        stale = len(applied.stale)
        said = f", [yellow]{stale} stale[/yellow]" if stale else ""
        out.print(
            f"corrections applied from {escape(applied.file)}: {len(applied.notes)} entries{said}",
            soft_wrap=True,
        )
        for note in applied.stale:
            err.print(f"stale: {escape(note.at)}: {note.action} {escape(note.key or '')}: "
                      f"{escape(note.detail)}", soft_wrap=True)  # fmt: skip
    if args.suggest:
        written, count = write_suggestions(extraction, fixes)
        out.print(
            f"{count} suggested corrections written to {escape(str(written))} (not applied: "
            "check each against its page, then copy what is right into "
            f"{escape(str(fixes / (extraction.document.report_id + '.yaml')))})",
            soft_wrap=True,
        )
    return EXIT_OK


def cmd_quarantine_list(args: argparse.Namespace) -> int:
    store = _warehouse_resource(args)
    conn = duckdb.connect(str(store.published_path), read_only=True)
    try:
        rows = conn.execute(
            'SELECT file, sha256, reason, message, "at" FROM quarantine ORDER BY "at", file'
        ).fetchall()
    finally:
        conn.close()
    table = RichTable("file", "sha256", "reason", "when (UTC)", "message")
    for file, sha, reason, message, at in rows:
        table.add_row(escape(file), sha[:12], reason, f"{at:%Y-%m-%d %H:%M}", escape(message or ""))
    out.print(table)
    out.print(f"{len(rows)} quarantined")
    return EXIT_OK


def cmd_quarantine_retry(args: argparse.Namespace) -> int:
    from warehouse.load import release_quarantine
    from warehouse.publish import publish

    store = _warehouse_resource(args)
    conn = store.connect()
    try:
        released = release_quarantine(conn, args.file)
        publish(store.path, store.published_path, conn=conn)
    finally:
        conn.close()
    if not released:
        err.print(
            f"[red]error:[/red] nothing quarantined by the name or sha256 {escape(args.file)}"
        )
        return EXIT_USAGE
    for file, sha in released:
        err.print(f"released {escape(file)} ({sha[:12]}); ingesting again")
    args.allow_quarantine = False
    return cmd_ingest(args)


def _missing(value: object) -> bool:
    try:
        return bool(value is None or value != value)  # None, NaN, NaT
    except (TypeError, ValueError):  # pandas.NA refuses comparison
        return True


def _params(pairs: Sequence[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"-p {pair!r}: write name=value")
        params[key.strip()] = value
    return params


def cmd_query(args: argparse.Namespace) -> int:
    from warehouse.analyst import list_queries
    from warehouse.query import query_published, write_rows

    if args.list or not args.sql:
        for q in list_queries():  # one line each, never cut: names are what one types
            params = " ".join(f"-p {k}={v}" for k, v in q.params.items())
            line = f"[bold]{q.name}[/bold]  {escape(q.question)}"
            out.print(line + (f"  [dim]({escape(params)})[/dim]" if params else ""), soft_wrap=True)
        return EXIT_OK
    frame = query_published(
        args.sql, Path(args.warehouse) if args.warehouse else None, _params(args.param)
    )
    if args.format == "parquet" and not args.output:
        raise ValueError("--format parquet writes a file: give --output FILE.parquet")
    if args.output:
        write_rows(frame, Path(args.output))
        err.print(f"{len(frame)} rows written to {escape(args.output)}")
        return EXIT_OK
    if args.format == "csv":
        sys.stdout.write(frame.to_csv(index=False))
    elif args.format == "json":
        sys.stdout.write(
            frame.to_json(orient="records", force_ascii=False, date_format="iso") + "\n"
        )
    elif args.format == "markdown":
        shown = frame.astype(object).where(frame.notna(), "")
        sys.stdout.write(shown.to_markdown(index=False) + "\n")
    else:
        limit = args.limit if args.limit and args.limit > 0 else len(frame)
        table = RichTable(*[escape(str(c)) for c in frame.columns])
        for row in frame.head(limit).itertuples(index=False):
            table.add_row(*["" if _missing(v) else escape(_cell(v)) for v in row])
        out.print(table)
        if len(frame) > limit:
            err.print(
                f"{limit} of {len(frame)} rows shown (--limit 0 shows all, --output writes them)"
            )
    return EXIT_OK


def _cell(value: object) -> str:
    """A value as an analyst reads it: a date without a midnight time."""
    if hasattr(value, "hour") and hasattr(value, "date"):
        stamp: Any = value
        if (stamp.hour, stamp.minute, stamp.second, getattr(stamp, "microsecond", 0)) == (
            0,
            0,
            0,
            0,
        ):
            return str(stamp.date())
    return str(value)


def cmd_parse_all(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        err.print(f"[red]error:[/red] {escape(str(folder))} does not exist or is not a folder")
        return EXIT_USAGE
    files = sorted(p for p in folder.glob("*") if p.is_file() and p.suffix.lower() == ".pdf")
    if not files:
        err.print(f"no PDF files in {escape(str(folder))}")
        return EXIT_OK
    settings = _settings(args)
    summary = RichTable("file", "report id", "pages", "sections", "tables", "result")
    failures = 0
    # a terminal: one bar (files and pages done, elapsed, time left); a log: a line per file
    with RunProgress(err, "files") as progress:
        progress.start(len(files))
        for n, path in enumerate(files, 1):
            counted = f"[{n}/{len(files)}] {path.name}"
            progress.describe(f"parsing {path.name}")
            try:
                doc = read_document(
                    path, settings, progress=lambda done, total: progress.pages_under_way(done)
                )
            except UnreadableReport as exc:
                failures += 1
                summary.add_row(
                    escape(path.name),
                    "-",
                    "-",
                    "-",
                    "-",
                    f"[red]{exc.reason.value}[/red]: {escape(exc.message)}",
                )
                progress.finish(f"{counted}: {exc.reason.value}")
                continue
            tables = sum(len(p.tables) for p in doc.pages)
            warned = f"{len(doc.warnings)} warnings" if doc.warnings else "ok"
            note = f"[yellow]{warned}[/yellow]" if doc.warnings else "[green]ok[/green]"
            summary.add_row(
                escape(path.name),
                doc.report_id,
                str(doc.page_count),
                str(len(doc.sections)),
                str(tables),
                note,
            )
            pages = f"{doc.page_count} page" + ("s" if doc.page_count != 1 else "")
            progress.finish(f"{counted}: {pages}, {warned}", doc.page_count)
    out.print(summary)
    out.print(f"{len(files)} files, {len(files) - failures} parsed, {failures} rejected")
    return EXIT_OK if failures == 0 else EXIT_UNREADABLE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annual-reports", description="Turn annual-report PDFs into a queryable warehouse."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show library log messages")
    sub = parser.add_subparsers(dest="command", required=True)

    def pdf_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--password", help="password for encrypted PDFs")
        p.add_argument("--max-pages", type=int, help="reject documents with more pages")

    parse = sub.add_parser("parse", help="parse one PDF into the document model")
    parse.add_argument("file")
    parse.add_argument("--json", action="store_true", help="print the whole model as JSON")
    pdf_options(parse)
    parse.set_defaults(func=cmd_parse)

    extract = sub.add_parser("extract", help="extract records from one PDF")
    extract.add_argument("file")
    extract.add_argument("--json", action="store_true", help="print every record as JSON")
    extract.add_argument(
        "--model",
        help="spaCy pipeline name, or 'blank' for rules only (ANNUAL_REPORTS_SPACY_MODEL)",
    )
    pdf_options(extract)
    extract.set_defaults(func=cmd_extract)

    ingest = sub.add_parser(
        "ingest",
        help="ingest a folder of PDFs into the warehouse via Dagster",
        description="Ingest every new or changed PDF of the folder into the warehouse, one Dagster "
        "run per report. The folder is only read: a file that cannot be ingested is recorded "
        "in the warehouse's quarantine table and a copy kept in the quarantine folder "
        "(ANNUAL_REPORTS_QUARANTINE; by default quarantine/ beside the warehouse); the same "
        "bytes are not tried again until `annual-reports quarantine retry`.",
    )
    ingest.add_argument("--reports-dir", help="folder of PDFs (ANNUAL_REPORTS_DIR; raw_reports)")
    ingest.add_argument("--warehouse", help="DuckDB file (ANNUAL_REPORTS_WAREHOUSE)")
    ingest.add_argument("--model", help="spaCy pipeline name, or 'blank'")
    ingest.add_argument("--corrections-dir", help=CORRECTIONS_HELP)
    ingest.add_argument(
        "--workers",
        type=int,
        help="reports at a time (ANNUAL_REPORTS_WORKERS; default CPUs, max 4)",
    )
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")
    ingest.add_argument(
        "--create", action="store_true", help="create the --warehouse file's folder if missing"
    )
    ingest.add_argument("--password", help=f"password for encrypted PDFs ({PASSWORD_ENV})")
    ingest.add_argument(
        "--allow-quarantine",
        action="store_true",
        help="exit 0 even when files were quarantined (for jobs that expect bad files)",
    )
    ingest.set_defaults(func=cmd_ingest)

    export = sub.add_parser(
        "export",
        help="write every table and view of the published warehouse to a folder",
        description="Write every table and view of the published warehouse to FOLDER, one file "
        "each (DuckDB's EXPORT DATABASE, with schema.sql and load.sql to rebuild it): the way to "
        "hand the data to pandas, Polars, R or a BI tool.",
    )
    export.add_argument("folder", help="folder to write (must be empty or not exist)")
    export.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    export.add_argument("--warehouse", help="the published DuckDB file to read")
    export.set_defaults(func=cmd_export)

    dashboard = sub.add_parser(
        "dashboard",
        help="write the year in pictures: one self-contained HTML page of charts",
        description="Charts over the published warehouse, each with the SQL that made it: "
        "members by region per report, joined / left / renamed between the last two reports, "
        "events per month, award winners, member countries. Works offline.",
    )
    dashboard.add_argument("--out", default="dashboard.html", help="file to write")
    dashboard.add_argument("--warehouse", help="the published DuckDB file to read")
    dashboard.set_defaults(func=cmd_dashboard)

    review = sub.add_parser(
        "review",
        help="write a self-contained HTML review of one report (why it was blocked)",
        description="Parse and extract FILE (or the PDF a report id was read from) as "
        "ingestion does and write OUT/<report id>.html: "
        "the pages as images with the extracted records drawn over them, the checks with their "
        "offending rows, the stated totals beside what was extracted, the records and the "
        "document model's sections and tables. Open it in a browser; no server needed.",
    )
    review.add_argument(
        "file", help="the report's PDF, or the id of a report the warehouse holds (wego-2021)"
    )
    review.add_argument("--reports-dir", help="folder of PDFs (ANNUAL_REPORTS_DIR; raw_reports)")
    review.add_argument("--warehouse", help="DuckDB file (ANNUAL_REPORTS_WAREHOUSE)")
    review.add_argument("--out", default="reviews", help="folder to write to (default: reviews)")
    review.add_argument("--model", help="spaCy pipeline name, or 'blank'")
    review.add_argument("--corrections-dir", help=CORRECTIONS_HELP)
    review.add_argument(
        "--suggest",
        action="store_true",
        help="also write CORRECTIONS_DIR/<report id>.suggested.yaml: corrections pre-filled from "
        "what the review found missing, for a person to check (never applied)",
    )
    review.set_defaults(func=cmd_review)

    quarantine = sub.add_parser("quarantine", help="list quarantined files, or retry one")
    qsub = quarantine.add_subparsers(dest="action", required=True)
    qlist = qsub.add_parser("list", help="every quarantined file, why and when")
    qlist.add_argument("--warehouse", help="DuckDB file (ANNUAL_REPORTS_WAREHOUSE)")
    qlist.set_defaults(func=cmd_quarantine_list)
    retry = qsub.add_parser(
        "retry",
        help="clear a file's quarantine and ingest the folder again",
        description="Clear the quarantine of a file (by its name, or its sha256 or a prefix of "
        "8 or more hex digits) and ingest the reports folder again, e.g. with the password "
        "an encrypted file needs.",
    )
    retry.add_argument("file", help="the file's name, or its sha256 (or a prefix of it)")
    retry.add_argument("--password", help=f"password for encrypted PDFs ({PASSWORD_ENV})")
    retry.add_argument("--reports-dir", help="folder of PDFs (ANNUAL_REPORTS_DIR; raw_reports)")
    retry.add_argument("--warehouse", help="DuckDB file (ANNUAL_REPORTS_WAREHOUSE)")
    retry.add_argument("--model", help="spaCy pipeline name, or 'blank'")
    retry.add_argument("--corrections-dir", help=CORRECTIONS_HELP)
    retry.add_argument("--workers", type=int, help="reports at a time")
    retry.set_defaults(func=cmd_quarantine_retry)

    query = sub.add_parser("query", help="run read-only SQL on the published warehouse")
    query.add_argument(
        "sql",
        nargs="?",
        help="SQL, a .sql file, or a saved question's name (e.g. member_changes_last_two_reports)",
    )
    query.add_argument("--list", action="store_true", help="list the saved questions")
    query.add_argument(
        "-p", "--param", action="append", default=[], help="name=value for a saved question"
    )
    query.add_argument(
        "--format", choices=["table", "csv", "json", "markdown", "parquet"], default="table"
    )
    query.add_argument(
        "--limit", type=int, default=50, help="rows a table shows (default 50; 0 shows all)"
    )
    query.add_argument("--output", help="write every row to FILE (.csv, .json or .parquet)")
    query.add_argument("--warehouse", help="the published DuckDB file to read")
    query.set_defaults(func=cmd_query)

    parse_all = sub.add_parser("parse-all", help="parse every PDF in a folder and summarize")
    parse_all.add_argument("folder", nargs="?", default="raw_reports")
    pdf_options(parse_all)
    parse_all.set_defaults(func=cmd_parse_all)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args))
    except UnreadableReport as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))} [dim](reason: {exc.reason.value})[/dim]")
        return EXIT_UNREADABLE
    except ReportError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        return EXIT_UNREADABLE
    except (OSError, duckdb.Error) as exc:  # a missing file, a bad query, a locked database
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        return EXIT_UNREADABLE
    except ValueError as exc:  # invalid settings
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
