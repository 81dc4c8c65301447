"""What each benchmark process does. Every measure gets the corpus files as dicts
(`corpus.CorpusFile` fields) and returns `seconds` (the timed work, imports excluded), `pages`
(the corpus pages it was given, so every row divides the same pages) and details.

- `floor`: pypdfium2's plain text of every page;
- `naive`: pdfplumber `extract_text()` per page, then the full spaCy pipeline (`spacy.load`,
  nothing disabled; model load included) over each document's whole text, in chunks under
  `nlp.max_length`;
- `parse`, `extract`, `load`: this pipeline's stages one by one (`read_document`;
  `load_nlp()` + `extract_document`; `frames` + `replace_report` + `publish` into a fresh DuckDB,
  as the `warehouse_tables` asset does); their inputs come pickled from the stage before, outside
  the timing;
- `end_to_end`: `ingest_folder` into a fresh warehouse and Dagster instance;
- `noop`: `ingest_folder` again over the same folder and instance; fails if it starts a run;
- `dagster_floor`: as many runs as there are files of the pipeline's asset graph with empty assets
  (`benchmarks.dagster_floor`) on a fresh instance: what Dagster alone costs per report;
- `backfill`: the report partitions run as Dagster runs (`materialize` of the report assets and
  checks, as `ingest_folder` does per file) by `workers` worker processes pulling partition keys
  from one queue, largest file first; the warehouse writes are serialized by DuckDB's single
  writer lock (and the instance's `warehouse` pool).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import pickle
import shutil
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from queue import Empty
from typing import Any

Files = list[dict[str, Any]]
PROJECT = Path(__file__).resolve().parents[1]
DAGSTER_YAML = PROJECT / ".dagster_home" / "dagster.yaml"
NAIVE_CHUNK_CHARS = 100_000


def _pages(files: Files) -> int:
    return sum(int(f["pages"]) for f in files)


def _quiet() -> None:
    logging.disable(logging.WARNING)


# --------------------------------------------------------------------------- floor and naive


def floor(files: Files) -> dict[str, Any]:
    import pypdfium2

    started = time.perf_counter()
    chars, failed = 0, 0
    for f in files:
        try:
            pdf = _pdfium(pypdfium2, f)
        except pypdfium2.PdfiumError:
            failed += 1
            continue
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                chars += len(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            pdf.close()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "pages": _pages(files), "chars": chars, "failed_files": failed}


def _pdfium(pypdfium2: Any, f: dict[str, Any]) -> Any:
    try:
        return pypdfium2.PdfDocument(f["path"])
    except pypdfium2.PdfiumError:
        if not f.get("password"):
            raise
        return pypdfium2.PdfDocument(f["path"], password=f["password"])


def naive(files: Files, model: str) -> dict[str, Any]:
    import pdfplumber
    import spacy

    from extractors.nlp import split_text

    _quiet()
    started = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter() - started
    chars, entities, failed_pages = 0, 0, 0
    text_seconds = 0.0
    for f in files:
        mark = time.perf_counter()
        texts: list[str] = []
        try:
            with pdfplumber.open(f["path"]) as pdf:
                for page in pdf.pages:
                    try:
                        texts.append(page.extract_text() or "")
                    except Exception:  # a bad page of a real-world file
                        failed_pages += 1
                    page.close()
        except Exception:
            failed_pages += int(f["pages"])
        text_seconds += time.perf_counter() - mark
        text = "\n".join(texts)
        chars += len(text)
        limit = min(NAIVE_CHUNK_CHARS, nlp.max_length)
        for doc in nlp.pipe(split_text(text, limit)):
            entities += len(doc.ents)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "pages": _pages(files),
        "chars": chars,
        "entities": entities,
        "failed_pages": failed_pages,
        "pipeline": nlp.pipe_names,
        "model_load_seconds": loaded,
        "text_seconds": text_seconds,
        "nlp_seconds": seconds - text_seconds - loaded,
    }


# --------------------------------------------------------------------------- stages


def parse(files: Files, out: str) -> dict[str, Any]:
    from extractors.errors import UnreadableReport
    from extractors.pdf.read import read_document
    from extractors.settings import Settings

    _quiet()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    settings = Settings.from_env()
    seconds, rejected = 0.0, 0
    for index, f in enumerate(files):
        mark = time.perf_counter()
        try:
            document = read_document(f["path"], settings)
        except UnreadableReport:
            rejected += 1
            seconds += time.perf_counter() - mark
            continue
        seconds += time.perf_counter() - mark
        (folder / f"{index:04d}.document.pickle").write_bytes(
            pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
        )
        del document
    return {"seconds": seconds, "pages": _pages(files), "rejected": rejected}


def extract(files: Files, out: str, model: str) -> dict[str, Any]:
    from extractors.extract import extract_document
    from extractors.nlp import load_nlp

    _quiet()
    folder = Path(out)
    started = time.perf_counter()
    nlp = load_nlp(model)
    seconds = time.perf_counter() - started
    records = 0
    for path in sorted(folder.glob("*.document.pickle")):
        document = pickle.loads(path.read_bytes())
        mark = time.perf_counter()
        extraction = extract_document(document, nlp=nlp)
        seconds += time.perf_counter() - mark
        records += sum(len(r) for r in extraction.record_lists().values())
        target = path.with_name(path.name.replace(".document.", ".extraction."))
        target.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
        del document, extraction
    return {"seconds": seconds, "pages": _pages(files), "records": records}


def load(files: Files, out: str) -> dict[str, Any]:
    from warehouse.frames import frames, report_row
    from warehouse.load import connect, ensure_schema, replace_report
    from warehouse.publish import publish

    _quiet()
    folder = Path(out)
    target = folder / "warehouse" / "annual_reports.duckdb"
    published = folder / "warehouse" / "published" / "annual_reports.duckdb"
    shutil.rmtree(target.parent, ignore_errors=True)
    seconds, rows = 0.0, 0
    started = time.perf_counter()
    conn = connect(target)
    ensure_schema(conn)
    seconds += time.perf_counter() - started
    try:
        for path in sorted(folder.glob("*.extraction.pickle")):
            extraction = pickle.loads(path.read_bytes())
            mark = time.perf_counter()
            row = report_row(extraction)
            counts = replace_report(conn, row["report_id"], frames(extraction), row)
            publish(target, published, conn=conn)
            seconds += time.perf_counter() - mark
            rows += sum(counts.values())
            del extraction
    finally:
        conn.close()
    return {"seconds": seconds, "pages": _pages(files), "rows": rows}


# --------------------------------------------------------------------------- Dagster


def _link_reports(files: Files, folder: Path) -> Path:
    """The files in a fresh reports folder (hard links where possible: quarantine moves files)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for f in files:
        source, target = Path(f["path"]), folder / Path(f["path"]).name
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return folder


def _dagster_home(folder: Path, fresh: bool) -> Path:
    if fresh:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    if DAGSTER_YAML.is_file() and not (folder / "dagster.yaml").exists():
        shutil.copyfile(DAGSTER_YAML, folder / "dagster.yaml")
    os.environ["DAGSTER_HOME"] = str(folder)
    return folder


def _fresh_ingest(files: Files, root: Path) -> tuple[Path, Path]:
    """A reports folder holding `files`, an empty warehouse path and a new Dagster instance
    under `root`: (reports folder, warehouse file)."""
    reports = _link_reports(files, root / "reports")
    warehouse = root / "warehouse" / "annual_reports.duckdb"
    shutil.rmtree(warehouse.parent, ignore_errors=True)
    _dagster_home(root / "dagster_home", fresh=True)
    return reports, warehouse


def dagster_floor(files: Files, work: str) -> dict[str, Any]:
    _dagster_home(Path(work) / "dagster_home", fresh=True)
    from benchmarks.dagster_floor import run_empty_reports
    from pipelines.ingest import instance

    _quiet()
    dagster = instance()
    started = time.perf_counter()
    succeeded = run_empty_reports(dagster, len(files))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "pages": _pages(files),
        "runs": len(files),
        "succeeded": succeeded,
        "seconds_per_run": seconds / max(1, len(files)),
    }


def end_to_end(files: Files, work: str, model: str) -> dict[str, Any]:
    reports, warehouse = _fresh_ingest(files, Path(work))
    from pipelines.ingest import ingest_folder

    _quiet()
    started = time.perf_counter()
    summary = ingest_folder(reports, warehouse, model=model)
    seconds = time.perf_counter() - started
    statuses = Counter(o.status for o in summary.outcomes)
    others = [o for o in summary.outcomes if o.status != "ingested"]
    return {
        "seconds": seconds,
        "pages": _pages(files),
        "outcomes": dict(statuses),
        "not_ingested": {o.file: f"{o.status}: {o.detail}"[:160] for o in others},
    }


def noop(files: Files, work: str, model: str) -> dict[str, Any]:
    """`ingest_folder` again over what `end_to_end` left: must start no run, parse nothing."""
    root = Path(work)
    home = _dagster_home(root / "dagster_home", fresh=False)
    from pipelines.ingest import ingest_folder, instance

    _quiet()
    before = instance().get_runs_count()
    started = time.perf_counter()
    summary = ingest_folder(root / "reports", root / "warehouse" / "annual_reports.duckdb", model)
    seconds = time.perf_counter() - started
    runs = instance().get_runs_count() - before
    statuses = Counter(o.status for o in summary.outcomes)
    if runs or set(statuses) - {"unchanged", "quarantined"}:
        raise RuntimeError(f"the no-op re-run did work: {runs} runs, outcomes {dict(statuses)}")
    return {
        "seconds": seconds,
        "pages": 0,
        "files": len(summary.outcomes),
        "outcomes": dict(statuses),
        "runs_started": runs,
        "dagster_home": str(home),
    }


def backfill(files: Files, work: str, model: str, workers: int) -> dict[str, Any]:
    reports, warehouse = _fresh_ingest(files, Path(work))
    import dagster as dg

    from pipelines.assets import analyst_views
    from pipelines.ingest import QUIET, instance
    from pipelines.partitions import REPORTS, partition_key
    from pipelines.resources import default_resources

    _quiet()
    largest_first = sorted(files, key=lambda f: -int(f["pages"]))
    keys = [partition_key(Path(f["path"])) for f in largest_first]
    dagster = instance()
    started = time.perf_counter()
    dagster.add_dynamic_partitions(REPORTS, keys)
    context = mp.get_context("spawn")
    todo: Any = context.Queue()
    done: Any = context.Queue()
    for f in largest_first:
        todo.put(str(reports / Path(f["path"]).name))
    for _ in range(workers):
        todo.put(None)
    worker_args = (todo, done, str(reports), str(warehouse), model)
    procs = [context.Process(target=_backfill_worker, args=worker_args) for _ in range(workers)]
    for proc in procs:
        proc.start()
    results = _collect(done, len(keys), procs)
    for proc in procs:
        proc.join()
    resources = default_resources(reports, warehouse, model)
    dg.materialize([analyst_views], instance=dagster, resources=resources, run_config=QUIET)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "pages": _pages(files),
        "workers": workers,
        "succeeded": sum(1 for ok in results.values() if ok),
        "failed": sorted(k for k, ok in results.items() if not ok),
        "route": "worker processes, each running Dagster runs (pipelines.ingest.run_report: "
        "materialize of one partition) one at a time from a shared queue",
    }


def _collect(done: Any, count: int, procs: list[Any]) -> dict[str, bool]:
    results: dict[str, bool] = {}
    while len(results) < count:
        try:
            key, ok = done.get(timeout=1.0)
        except Empty:
            if not any(p.is_alive() for p in procs):
                break
            continue
        results[key] = ok
    return results


def _backfill_worker(todo: Any, done: Any, reports: str, warehouse: str, model: str) -> None:
    from extractors.pdf.read import file_sha256
    from pipelines.ingest import instance, run_report
    from pipelines.partitions import partition_key
    from pipelines.resources import default_resources

    _quiet()
    dagster = instance()
    resources = default_resources(Path(reports), Path(warehouse), model)
    while (path := todo.get()) is not None:
        outcome = run_report(dagster, resources, Path(path), file_sha256(Path(path)))
        done.put((partition_key(Path(path)), outcome.status == "ingested"))


MEASURES: dict[str, Callable[..., dict[str, Any]]] = {
    "floor": floor,
    "naive": naive,
    "parse": parse,
    "extract": extract,
    "load": load,
    "end_to_end": end_to_end,
    "noop": noop,
    "dagster_floor": dagster_floor,
    "backfill": backfill,
}
