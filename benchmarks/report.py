"""docs/performance.md, written from the benchmark's results (``benchmarks/results.json``).

``python -m benchmarks.report`` rewrites the page from the stored results
without measuring again.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

NOTES = Path(__file__).resolve().parent / "notes.md"

# "About a second" for a check after one new document, a whole process start-up included.
ABOUT_A_SECOND = 1.2
TARGETS = {
    "extract": 1 / 10,
    "ingest_sqlite": 1 / 20,
}


def _ratio(speed: float, reference: float) -> str:
    return f"1/{reference / speed:.0f}" if speed < reference else f"{speed / reference:.1f}x"


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def throughput_rows(sizes: list[dict]) -> list[str]:
    """One table row per measured step and size: MB/s, ratio to the regex pass, peak memory."""
    rows = ["| corpus | step | time (s) | MB/s | ratio to regex pass | target | peak memory (MB) |",
            "|---|---|---:|---:|---:|---|---:|"]
    steps = [("regex", "regex pass (reference)"), ("extract", "extraction alone, 1 process"),
             ("ingest_sqlite", "`tracker ingest` → SQLite, whole process"),
             ("ingest_sqlite_jobs2", "`tracker ingest --jobs 2` → SQLite (extra: 2 extracting processes)"),
             ("ingest_pg_jobs1", "`tracker ingest --jobs 1` → PostgreSQL"),
             ("ingest_pg_jobs2", "`tracker ingest --jobs 2` → PostgreSQL")]
    for size in sizes:
        reference = size["regex"]["mb_per_s"]
        for key, name in steps:
            step = size.get(key)
            if step is None:
                continue
            target = TARGETS.get(key)
            verdict = f"≥ 1/{1 / target:.0f}: {_met(step['mb_per_s'] >= target * reference)}" if target else ""
            rows.append(f"| {size['size_mb']:g} MB ({size['files']} files) | {name} | {step['seconds']:.1f} "
                        f"| {step['mb_per_s']:.2f} | {_ratio(step['mb_per_s'], reference) if key != 'regex' else '1'} "
                        f"| {verdict} | {step['peak_mb']:.0f} |")
    return rows


def linearity_rows(sizes: list[dict]) -> list[str]:
    """Seconds per MB of each step at each size: flat means linear cost."""
    rows = ["| step | " + " | ".join(f"{s['size_mb']:g} MB" for s in sizes) + " |",
            "|---|" + "---:|" * len(sizes)]
    for key in ("extract", "ingest_sqlite", "ingest_pg_jobs2"):
        if all(key in s for s in sizes):
            rows.append(f"| {key} (s/MB) | " + " | ".join(f"{s[key]['seconds'] / (s['bytes'] / 1e6):.3f}"
                                                          for s in sizes) + " |")
    rows.append("| peak memory of SQLite ingest (MB) | " + " | ".join(f"{s['ingest_sqlite']['peak_mb']:.0f}"
                                                                    for s in sizes) + " |")
    return rows


def database_rows(database: dict) -> list[str]:
    """Latency of the reading commands and the checks on the largest database."""
    latency = database["latency"]
    claims, series = latency["claims"], latency["series"]
    rows = ["| what | median | 95th percentile | target | peak memory (MB) |", "|---|---:|---:|---|---:|",
            f"| `tracker claims --metric --place --year` (in a warm process; {claims['runs']} runs, "
            f"{claims['rows_median']:g} rows median) | {claims['median_ms']:.1f} ms | {claims['p95_ms']:.1f} ms "
            f"| median ≤ 50 ms: {_met(claims['median_ms'] <= 50)} | |",
            f"| the same, a whole `tracker claims` process (interpreter start-up included) "
            f"| {database['claims_process']['median_ms']:.0f} ms | | | {database['claims_process']['peak_mb']:.0f} |"]
    if series.get("available", True):
        rows.append(f"| `tracker series METRIC --place` (warm process) | {series['median_ms']:.1f} ms "
                    f"| {series['p95_ms']:.1f} ms | median ≤ 50 ms: {_met(series['median_ms'] <= 50)} | |")
    else:
        rows.append("| `tracker series` | not available on this branch when measured | | | |")
    full, again = database["check_full"], database["check_after_one"]
    rows.append(f"| `tracker check`, full | {full['seconds']:.1f} s | | ≤ 60 s: {_met(full['seconds'] <= 60)} "
                f"| {full['peak_mb']:.0f} |")
    rows.append(f"| `tracker ingest` of one more document | {database['ingest_one']['seconds']:.1f} s | | "
                f"| {database['ingest_one']['peak_mb']:.0f} |")
    rows.append(f"| `tracker check` after it | {again['seconds']:.1f} s | | about 1 s: "
                f"{_met(again['seconds'] <= ABOUT_A_SECOND)} | {again['peak_mb']:.0f} |")
    return rows


# The peers' speed as issue 8 quotes it: the fraction of the regex pass each reaches.
ISSUE_PEER_RATIOS = {"jionlp": 14, "recognizers": 3246}
PEER_NAMES = {"jionlp": "jionlp `ner.extract_money` (money only)",
              "recognizers": "Recognizers-Text, Chinese currency + dimension + percentage"}


def peer_rows(peers: list[dict]) -> list[str]:
    """Each peer beside the regex pass and tracker's extraction over the same files."""
    rows = ["| peer | files read | peer MB/s | peer against the regex pass (issue's figure) | found by the peer "
            "| tracker extraction MB/s | claims found by tracker | tracker against the peer |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    for peer in peers:
        speed, reference, ours = (peer[key]["mb_per_s"] for key in ("peer", "regex", "extract"))
        quoted = ISSUE_PEER_RATIOS.get(peer["name"])
        rows.append(f"| {PEER_NAMES.get(peer['name'], peer['name'])} | {peer['files']} ({peer['bytes'] / 1e6:.1f} MB) "
                    f"| {speed:.2f} | {_ratio(speed, reference)}" + (f" (1/{quoted:,})" if quoted else "")
                    + f" | {peer['peer']['found']:,} | {ours:.2f} | {peer['extract']['claims']:,} "
                    f"| {f'{speed / ours:.1f}x slower' if ours < speed else f'{ours / speed:.1f}x faster'} |")
    return rows


def peer_line(peers: list[dict]) -> str:
    """The issue's "faster than all [peers]", for the peers measured."""
    slower = [peer for peer in peers if peer["extract"]["mb_per_s"] <= peer["peer"]["mb_per_s"]]
    return (f"- Faster than every peer measured on the same files: {_met(not slower)} ("
            + "; ".join(f"{peer['name']} {peer['peer']['mb_per_s']:.2f} MB/s, tracker {peer['extract']['mb_per_s']:.2f}"
                        for peer in peers) + "; duckling, a Haskell server, is not measured).")


def target_lines(results: dict) -> list[str]:
    """Each target of issue 8 with its verdict and the figures behind it."""
    sizes, database = results["sizes"], results["database"]

    def worst(key: str) -> float:
        return max(s["regex"]["mb_per_s"] / s[key]["mb_per_s"] for s in sizes)

    def spread(key: str) -> tuple[float, float]:
        per_mb = [s[key]["seconds"] / (s["bytes"] / 1e6) for s in sizes]
        return min(per_mb), max(per_mb)

    lines = []
    for key, name in (("extract", "Extraction"), ("ingest_sqlite", "SQLite ingest, end to end")):
        target = TARGETS[key]
        lines.append(f"- {name} ≥ 1/{1 / target:.0f} of the regex pass: "
                     f"{_met(1 / worst(key) >= target)} (1/{worst(key):.0f} at worst).")
    if results.get("peers"):
        lines.append(peer_line(results["peers"]))
    low, high = spread("extract")
    lines.append(f"- Cost linear in corpus size: {_met(high <= 1.25 * low)} (extraction {low:.3f} to {high:.3f} s/MB, "
                 f"SQLite ingest {spread('ingest_sqlite')[0]:.3f} to {spread('ingest_sqlite')[1]:.3f} s/MB).")
    peaks = [s["ingest_sqlite"]["peak_mb"] for s in sizes]
    lines.append(f"- Peak memory flat, under 500 MB at the largest size: {_met(max(peaks) < 500)} "
                 f"(SQLite ingest {min(peaks):.0f} to {max(peaks):.0f} MB; PostgreSQL --jobs 2, three processes, "
                 f"up to {max(s.get('ingest_pg_jobs2', {}).get('peak_mb', 0) for s in sizes):.0f} MB).")
    both = [s for s in sizes if "ingest_pg_jobs1" in s and "ingest_pg_jobs2" in s]
    if both:
        lines.append("- PostgreSQL with --jobs 2 faster than one job: "
                     f"{_met(all(s['ingest_pg_jobs2']['seconds'] < s['ingest_pg_jobs1']['seconds'] for s in both))} ("
                     + "; ".join(f"{s['ingest_pg_jobs2']['seconds']:.0f} s against {s['ingest_pg_jobs1']['seconds']:.0f}"
                                 f" s at {s['size_mb']:g} MB" for s in both) + ").")
    claims, series = database["latency"]["claims"], database["latency"]["series"]
    medians = [claims["median_ms"]] + ([series["median_ms"]] if series.get("available", True) else [])
    lines.append(f"- Query median ≤ 50 ms at a million claims: {_met(max(medians) <= 50)} "
                 f"({database['claims']:,} claims; claims {claims['median_ms']:.1f} ms"
                 + (f", series {series['median_ms']:.1f} ms" if series.get("available", True) else "") + ").")
    full, again = database["check_full"], database["check_after_one"]
    lines.append(f"- `tracker check` full ≤ 60 s: {_met(full['seconds'] <= 60)} ({full['seconds']:.0f} s).")
    lines.append(f"- After one new document, only what it touches re-checked, in about a second: "
                 f"{_met(again['seconds'] <= ABOUT_A_SECOND)} ({again['seconds']:.1f} s, a whole process).")
    return lines


def render(results: dict) -> str:
    """The whole page."""
    m = results["machine"]
    largest = results["sizes"][-1]
    lines = [
        "# Performance",
        "",
        "Measured by `python -m benchmarks.run --sizes "
        + ",".join(f"{s['size_mb']:g}" for s in results["sizes"])
        + "` (see `benchmarks/`); this page is written from `benchmarks/results.json` by "
        "`python -m benchmarks.report`.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['system']}, Python {m['python']}, "
        f"SQLite {m['sqlite']}. Measured {results['date']}. The cores are shared with other work: load "
        f"average {m['load_average_at_start']} at the start and {m.get('load_average_at_end', '?')} at the end, "
        "so single figures can be off by some tens of percent.",
        "",
        "The corpus varies the five sample reports (`benchmarks/corpus.py`: digits permuted, years shifted, "
        "prefectures and counties renamed to other real ones), seeded, so every file differs.",
        "",
        "The reference is one compiled regular expression (a number, an optional scale word, one of "
        "tracker's units; Python's `re`) run with `finditer` over each file as it is read. "
        "Extraction alone is `extract_document` over each file read as `ingest` reads it, in one "
        "process, timed after start-up; ingest figures are whole `tracker` processes.",
        "",
        "## Throughput",
        "",
        *throughput_rows(results["sizes"]),
        "",
        *(["## Peers on the same files", "",
           "The peers issue 8 names, run by `benchmarks/peers.py` in an interpreter of their own over the "
           "first files of the smallest corpus, each beside the regex pass and tracker's extraction "
           "over the same files.", "", *peer_rows(results["peers"]), ""] if results.get("peers") else []),
        "## Cost against corpus size",
        "",
        *linearity_rows(results["sizes"]),
        "",
        f"## Queries and checks ({results['database']['claims']:,} claims, the {largest['size_mb']:g} MB "
        "SQLite database)",
        "",
        *database_rows(results["database"]),
        "",
        "## Targets",
        "",
        *target_lines(results),
        "",
    ]
    if NOTES.exists():
        lines += ["## Notes", "", NOTES.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines)


def write_report(results: dict, path: Path) -> None:
    """Write the page for ``results`` to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(results), encoding="utf-8")


if __name__ == "__main__":
    from benchmarks.run import DOCS, RESULTS

    results_path = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    write_report(json.loads(results_path.read_text(encoding="utf-8")), DOCS)
