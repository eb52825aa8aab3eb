"""The benchmark of issue 8, in one command.

    python -m benchmarks.run --sizes 10,100,1000 [--pg-url URL] [--workdir /tmp/tracker-bench]

For each size (MB of text) it builds a corpus by varying the sample
reports (:mod:`benchmarks.corpus`), then measures on the same files: the
bare regular-expression pass (the reference), extraction alone,
``tracker ingest`` into SQLite (whole process), ``tracker ingest --jobs 2``
into PostgreSQL (and ``--jobs 1`` up to ``--pg-jobs1-max`` MB), each with
its peak memory. On the SQLite database of the largest size it times the
reading commands (``claims``, ``series``), ``tracker check`` in full, and
``tracker check`` again after one more document. Results go to
``benchmarks/results.json``; ``docs/performance.md`` is written from them
(:mod:`benchmarks.report`).

With ``--peer-python`` (an interpreter holding jionlp and Recognizers-Text,
see :mod:`benchmarks.peers`) the peers the issue names are run on the
smallest corpus, each beside the regex pass and tracker's extraction over
the same files.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
from datetime import datetime, timezone
from pathlib import Path

import psutil
from sqlalchemy import create_engine, make_url, text

from benchmarks.corpus import build_corpus, load_samples, vary, targets
from benchmarks.measure import python_step, run_measured, tracker_command
from benchmarks.report import write_report

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"
DOCS = ROOT / "docs" / "performance.md"


def machine() -> dict:
    """What the figures were measured on."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"cpu": model, "cores": psutil.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 1e9, 1),
            "system": platform.platform(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


# How much of the smallest corpus each peer reads (None: all of it); Recognizers-Text reads
# tens of kilobytes a second.
PEER_BYTES = {"jionlp": None, "recognizers": 1_000_000}


def _slice(corpus: Path, max_bytes: int | None) -> list[str]:
    # the FOLDER [MAX_BYTES] arguments of benchmarks.passes and benchmarks.peers
    return [str(corpus)] if max_bytes is None else [str(corpus), str(max_bytes)]


def _pass(name: str, corpus: Path, max_bytes: int | None = None) -> dict:
    run = run_measured(python_step("benchmarks.passes", name, *_slice(corpus, max_bytes)))
    if run.status:
        raise RuntimeError(f"pass {name} failed: {run.stderr}")
    found = run.report()
    return found | {"mb_per_s": found["bytes"] / 1e6 / found["seconds"], "process_seconds": run.seconds,
                    "peak_mb": run.peak_mb}


def _ingest(url: str, corpus: Path, size_bytes: int, *options: str) -> dict:
    run = run_measured(tracker_command("--db", url, "ingest", "--silent", *options, str(corpus)))
    if run.status:
        raise RuntimeError(f"ingest into {url} failed: {run.stderr[-2000:]}")
    return {"seconds": run.seconds, "mb_per_s": size_bytes / 1e6 / run.seconds, "peak_mb": run.peak_mb}


def fresh_sqlite(path: Path) -> str:
    """The URL of a new empty SQLite database at ``path`` (an earlier run's file and its WAL removed)."""
    for leftover in path.parent.glob(f"{path.name}*"):
        leftover.unlink()
    return f"sqlite:///{path}"


def fresh_postgres(url: str, name: str) -> str:
    """A new empty database ``name`` on the server of ``url``; its URL."""
    admin = make_url(url)
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin.set(database=name).render_as_string(hide_password=False)


def claim_count(url: str) -> int:
    """How many claims a database holds."""
    engine = create_engine(url)
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM claims")).scalar_one()
    engine.dispose()
    return count


def measure_size(size_mb: float, workdir: Path, pg_url: str | None, pg_jobs1_max: float,
                 sqlite_jobs2_max: float = 0) -> dict:
    """Every per-size measurement on one corpus of ``size_mb`` MB."""
    corpus = workdir / f"corpus-{size_mb:g}MB"
    files = build_corpus(corpus, size_mb)
    size_bytes = sum(path.stat().st_size for path in files)
    result = {"size_mb": size_mb, "files": len(files), "bytes": size_bytes}
    result["regex"] = _pass("regex", corpus)
    result["extract"] = _pass("extract", corpus)
    result["sqlite_url"] = fresh_sqlite(workdir / f"tracker-{size_mb:g}MB.db")
    result["ingest_sqlite"] = _ingest(result["sqlite_url"], corpus, size_bytes)
    result["claims"] = claim_count(result["sqlite_url"])
    if size_mb <= sqlite_jobs2_max:
        # extraction in two worker processes: an extra line, not the single-process headline
        parallel = fresh_sqlite(workdir / f"tracker-{size_mb:g}MB-jobs2.db")
        result["ingest_sqlite_jobs2"] = _ingest(parallel, corpus, size_bytes, "--jobs", "2")
    if pg_url:
        name = f"tracker_bench_{size_mb:g}mb".replace(".", "_")
        result["ingest_pg_jobs2"] = _ingest(fresh_postgres(pg_url, name), corpus, size_bytes, "--jobs", "2")
        if size_mb <= pg_jobs1_max:
            result["ingest_pg_jobs1"] = _ingest(fresh_postgres(pg_url, name), corpus, size_bytes, "--jobs", "1")
    return result


def measure_peers(corpus: Path, peer_python: str) -> list[dict]:
    """Each peer of :mod:`benchmarks.peers` over its share of ``corpus``, with the regex pass
    and tracker's extraction over the same files."""
    measured = []
    for name, max_bytes in PEER_BYTES.items():
        run = run_measured([peer_python, "-m", "benchmarks.peers", name, *_slice(corpus, max_bytes)])
        if run.status:
            raise RuntimeError(f"peer {name} failed: {run.stderr[-2000:]}")
        found = run.report()
        measured.append({"name": name, "bytes": found["bytes"], "files": found["files"],
                         "peer": found | {"mb_per_s": found["bytes"] / 1e6 / found["seconds"],
                                          "peak_mb": run.peak_mb},
                         "regex": _pass("regex", corpus, max_bytes),
                         "extract": _pass("extract", corpus, max_bytes)})
    return measured


def one_more_document(workdir: Path) -> Path:
    """A report that no corpus holds (a variant number past any corpus), for the re-check."""
    folder = workdir / "one-more"
    folder.mkdir(exist_ok=True)
    sample = load_samples()[4]
    path = folder / f"999999_{sample.name}.txt"
    path.write_text(vary(sample, 999_999, 8, targets()), encoding="utf-8")
    return path


def measure_database(url: str, workdir: Path, repeats: int, filters: int = 20, process_runs: int = 5) -> dict:
    """Reading commands and checks on one loaded database: ``repeats`` runs of ``filters``
    filter sets in a warm process, ``process_runs`` whole ``tracker claims`` processes."""
    result: dict = {"url": url, "claims": claim_count(url)}
    run = run_measured(python_step("benchmarks.latency", url, str(repeats), str(filters)))
    if run.status:
        raise RuntimeError(f"latency failed: {run.stderr[-2000:]}")
    result["latency"] = run.report()
    chosen = result["latency"]["filters"][0]
    place = ["--place", chosen["place"]] if chosen["place"] else []
    whole = [run_measured(tracker_command("--db", url, "claims", "--metric", chosen["metric"], *place,
                                          "--year", str(chosen["year"]), "--format", "json"))
             for _ in range(process_runs)]
    result["claims_process"] = {"median_ms": round(statistics.median(r.seconds for r in whole) * 1000, 1),
                                "peak_mb": max(r.peak_mb for r in whole)}
    check = run_measured(tracker_command("--db", url, "check", "--format", "json"), stdout_path=workdir / "check.json")
    result["check_full"] = {"seconds": check.seconds, "peak_mb": check.peak_mb, "status": check.status}
    extra = one_more_document(workdir)
    added = run_measured(tracker_command("--db", url, "ingest", "--silent", str(extra)))
    result["ingest_one"] = {"seconds": added.seconds, "peak_mb": added.peak_mb}
    again = run_measured(tracker_command("--db", url, "check", "--format", "json"), stdout_path=workdir / "check2.json")
    result["check_after_one"] = {"seconds": again.seconds, "peak_mb": again.peak_mb, "status": again.status}
    return result


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and write its results and report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/tracker-bench"),
                        help="where corpora and databases go (not the repository)")
    parser.add_argument("--pg-url", default=os.environ.get("TRACKER_BENCH_PG_URL"),
                        help="a PostgreSQL server (role allowed to create databases); default $TRACKER_BENCH_PG_URL")
    parser.add_argument("--pg-jobs1-max", type=float, default=100,
                        help="measure PostgreSQL with --jobs 1 up to this size (MB)")
    parser.add_argument("--sqlite-jobs2-max", type=float, default=100,
                        help="also measure SQLite ingest with --jobs 2 up to this size (MB)")
    parser.add_argument("--peer-python", default=os.environ.get("TRACKER_BENCH_PEER_PYTHON"),
                        help="an interpreter with jionlp and recognizers-text-suite: the peers are run "
                             "on the smallest corpus; default $TRACKER_BENCH_PEER_PYTHON, else no peers")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each query")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--docs", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
               "sizes": []}
    for size in [float(s) for s in args.sizes.split(",")]:
        results["sizes"].append(measure_size(size, args.workdir, args.pg_url, args.pg_jobs1_max,
                                             args.sqlite_jobs2_max))
        print(json.dumps(results["sizes"][-1], ensure_ascii=False), flush=True)
        # kept as it goes: a run of an hour that fails late keeps what it measured
        args.results.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.peer_python:
        smallest = min(results["sizes"], key=lambda size: size["size_mb"])
        results["peers"] = measure_peers(args.workdir / f"corpus-{smallest['size_mb']:g}MB", args.peer_python)
    largest = results["sizes"][-1]
    results["database"] = measure_database(largest["sqlite_url"], args.workdir, args.repeats)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.results.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_report(results, args.docs)
    print(f"results in {args.results}, report in {args.docs}")


if __name__ == "__main__":
    main()
