"""Latency of the reading commands on a loaded database, in one warm process.

``python -m benchmarks.latency DB_URL [REPEATS [FILTERS]]`` picks filters that match
claims (metric key, place, year; from the most frequent combinations to
rarer ones, deterministically), then times, for each:

- ``claims``: ``tracker claims --metric K --place P --year Y --format json``
  run in this process (click's runner: option parsing, opening the
  database, the query, the JSON), i.e. the command without the start-up
  of a new interpreter, which is measured apart by the benchmark;
- ``series``: ``tracker series K --place P --format json`` the same way,
  when the command exists (else it is reported as not available).

Prints one line of JSON: the filters used and the median and 95th
percentile of each, in milliseconds.
"""
from __future__ import annotations

import json
import statistics
import sys
import time

from click.testing import CliRunner
from sqlalchemy import func, select

from tracker import db
from tracker.cli import main as tracker_main
from tracker.models import Claim, Metric, Place

FILTERS = 20


def pick_filters(url: str, count: int = FILTERS) -> list[dict]:
    """``count`` (metric key, place, year) combinations that have claims, spread from the
    most frequent to rare ones."""
    engine = db.make_engine(url)
    n = func.count().label("n")
    query = (select(Metric.key, Place.name, Claim.year, n)
             .join(Metric, Claim.metric_id == Metric.id).outerjoin(Place, Claim.place_id == Place.id)
             .where(Claim.year.is_not(None))
             .group_by(Metric.key, Place.name, Claim.year)
             # claims with a place first: the three filters together are the case to measure
             .order_by(Place.name.is_(None), n.desc(), Metric.key, Place.name, Claim.year).limit(count * 10))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    engine.dispose()
    step = max(1, len(rows) // count)
    return [{"metric": key, "place": place, "year": year, "claims": claims}
            for key, place, year, claims in rows[::step][:count]]


def percentiles(samples_ms: list[float]) -> dict:
    """Median and 95th percentile of ``samples_ms``."""
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2), "runs": len(ordered)}


def time_command(url: str, args: list[str], repeats: int) -> tuple[list[float], int]:
    """Milliseconds of each of ``repeats`` runs of ``tracker ARGS`` in this process, and the rows of the last."""
    runner = CliRunner()
    samples, rows = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        result = runner.invoke(tracker_main, ["--db", url, *args])
        samples.append((time.perf_counter() - started) * 1000)
        if result.exit_code != 0:
            raise RuntimeError(f"tracker {' '.join(args)} failed: {result.output}")
        rows = len(json.loads(result.stdout or "[]"))
    return samples, rows


def measure(url: str, repeats: int = 3, count: int = FILTERS) -> dict:
    """The latency of ``claims`` and ``series`` over ``count`` picked filters, ``repeats`` runs each."""
    filters = pick_filters(url, count)
    time_command(url, ["claims", "--year", "1900", "--format", "json"], 1)  # warm the imports and caches
    claims, series, rows = [], [], []
    has_series = "series" in tracker_main.commands
    for chosen in filters:
        place = ["--place", chosen["place"]] if chosen["place"] else []
        samples, found = time_command(url, ["claims", "--metric", chosen["metric"], *place,
                                            "--year", str(chosen["year"]), "--format", "json"], repeats)
        claims += samples
        rows.append(found)
        if has_series:
            samples, _ = time_command(url, ["series", chosen["metric"], *place, "--format", "json"], repeats)
            series += samples
    return {
        "filters": filters,
        "claims": percentiles(claims) | {"rows_median": statistics.median(rows) if rows else 0},
        "series": percentiles(series) if has_series else {"available": False},
    }


def main(argv: list[str]) -> None:
    """Measure on the database ``argv[0]``, ``argv[1]`` runs of ``argv[2]`` filters; print one JSON line."""
    numbers = [int(arg) for arg in argv[1:]]
    print(json.dumps(measure(argv[0], *numbers), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
