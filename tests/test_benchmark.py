"""The benchmark's machinery on a small corpus: the corpus is varied and deterministic,
every measurement runs and reports positive figures, and the report is written.
No timing is asserted here: the figures live in docs/performance.md."""
from __future__ import annotations

import hashlib

import pytest

pytest.importorskip("psutil")

from benchmarks import corpus, latency, passes, peers, report, run  # noqa: E402


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """About 200 KB of varied reports."""
    folder = tmp_path_factory.mktemp("corpus")
    return folder, corpus.build_corpus(folder, 0.2)


def test_the_corpus_varies_every_file_and_is_the_same_each_time(small_corpus, tmp_path):
    folder, files = small_corpus
    assert sum(path.stat().st_size for path in files) >= 200_000
    digests = [hashlib.sha256(path.read_bytes()).hexdigest() for path in files]
    assert len(set(digests)) == len(digests)
    again = corpus.build_corpus(tmp_path / "again", 0.2)
    assert [hashlib.sha256(path.read_bytes()).hexdigest() for path in again] == digests


def test_a_variant_renames_places_and_shifts_numbers_but_keeps_the_text():
    sample = next(s for s in corpus.load_samples() if "葫芦岛市" in s.places)
    text = corpus.vary(sample, 3, 8, corpus.targets())
    assert "葫芦岛" not in text
    assert text != sample.text and len(text) == pytest.approx(len(sample.text), rel=0.02)
    assert text.count("教育") == sample.text.count("教育")


@pytest.fixture(scope="module")
def ingested(small_corpus, tmp_path_factory):
    """The small corpus ingested into SQLite by a measured ``tracker ingest``: (url, figures)."""
    folder, files = small_corpus
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'bench.db'}"
    return url, run._ingest(url, folder, sum(path.stat().st_size for path in files))


def test_the_passes_and_the_ingest_report_positive_figures(small_corpus, ingested):
    _folder, files = small_corpus
    regex = passes.regex_pass(files)
    extracted = passes.extraction_pass(files)
    assert regex["bytes"] == extracted["bytes"] > 0
    assert regex["matches"] > 0 and extracted["claims"] > 0 and regex["seconds"] > 0
    url, figures = ingested
    assert figures["seconds"] > 0 and figures["peak_mb"] > 0 and figures["mb_per_s"] > 0
    assert run.claim_count(url) == extracted["claims"]


def test_the_reading_commands_and_checks_are_measured_on_a_database(ingested, tmp_path):
    url, _figures = ingested
    found = run.measure_database(url, tmp_path, repeats=1, filters=3, process_runs=1)
    assert found["claims"] > 0
    assert found["latency"]["filters"] and found["latency"]["claims"]["median_ms"] > 0
    assert found["latency"]["claims"]["rows_median"] >= 1  # the filters were picked to match claims
    assert found["check_full"]["status"] == 0 and found["check_after_one"]["status"] == 0
    assert run.claim_count(url) > found["claims"]  # one more document went in


def test_the_report_states_every_figure_and_ratio(tmp_path):
    step = {"seconds": 2.0, "mb_per_s": 5.0, "peak_mb": 100.0}
    size = {"size_mb": 10, "files": 3, "bytes": 10_000_000, "regex": step | {"mb_per_s": 100.0},
            "extract": step | {"mb_per_s": 12.0}, "ingest_sqlite": step | {"mb_per_s": 6.0}}
    database = {"claims": 1_000_000, "latency": {"claims": {"median_ms": 12.0, "p95_ms": 30.0, "runs": 60,
                                                             "rows_median": 4},
                                                  "series": {"available": False}},
                "claims_process": {"median_ms": 700.0, "peak_mb": 80.0},
                "check_full": {"seconds": 70.0, "peak_mb": 900.0}, "ingest_one": step,
                "check_after_one": {"seconds": 0.8, "peak_mb": 90.0}}
    results = {"date": "today", "machine": {"cpu": "cpu", "cores": 2, "ram_gb": 24, "system": "linux",
                                            "python": "3.11", "sqlite": "3", "load_average_at_start": [1]},
               "sizes": [size], "database": database}
    report.write_report(results, tmp_path / "performance.md")
    page = (tmp_path / "performance.md").read_text(encoding="utf-8")
    assert "| 10 MB (3 files) | extraction alone, 1 process | 2.0 | 12.00 | 1/8 | ≥ 1/10: met | 100 |" in page
    assert "| 6.00 | 1/17 | ≥ 1/20: met |" in page
    assert "≤ 60 s: **missed**" in page
    assert "`tracker series` | not available" in page
    assert "- `tracker check` full ≤ 60 s: **missed** (70 s)." in page
    assert "- Extraction ≥ 1/10 of the regex pass: met (1/8 at worst)." in page
    assert "in about a second: met (0.8 s, a whole process)." in page
    database["check_after_one"]["seconds"] = 1.4
    assert "in about a second: **missed** (1.4 s" in report.render(results)


def test_latency_percentiles():
    assert latency.percentiles([5, 1, 3, 2, 4]) == {"median_ms": 3, "p95_ms": 5, "runs": 5}


def test_a_slice_is_the_first_files_up_to_its_size(small_corpus):
    _folder, files = small_corpus
    first = files[0].stat().st_size
    assert passes.first_bytes(files, None) == files
    assert passes.first_bytes(files, 1) == files[:1]
    assert passes.first_bytes(files, first) == files[:1]
    assert passes.first_bytes(files, first + 1) == files[:2]


def test_a_peer_reads_the_same_files_as_the_passes(small_corpus, monkeypatch):
    _folder, files = small_corpus
    # the real peers need their own interpreter; the machinery around them does not
    monkeypatch.setitem(peers.PEERS, "lines", lambda: lambda text: text.count("\n"))
    found = peers.peer_pass("lines", files[:3])
    assert found["bytes"] == passes.regex_pass(files[:3])["bytes"]
    assert found["files"] == 3 and found["seconds"] > 0
    assert found["found"] == sum(path.read_text(encoding="utf-8").count("\n") for path in files[:3])
    assert set(peers.PEERS) - {"lines"} == set(run.PEER_BYTES) == set(report.ISSUE_PEER_RATIOS)


def test_the_report_sets_each_peer_beside_tracker_on_the_same_files():
    def peer(name, files, size, peer_speed, ours, found, claims):
        return {"name": name, "bytes": size, "files": files, "regex": {"mb_per_s": 100.0},
                "peer": {"mb_per_s": peer_speed, "found": found}, "extract": {"mb_per_s": ours, "claims": claims}}

    measured = [peer("jionlp", 192, 10_055_672, 3.0, 2.0, 1735, 16651),
                peer("recognizers", 19, 1_006_153, 0.05, 1.5, 528, 1601)]
    rows = report.peer_rows(measured)
    assert rows[2] == ("| jionlp `ner.extract_money` (money only) | 192 (10.1 MB) | 3.00 | 1/33 (1/14) | 1,735 "
                       "| 2.00 | 16,651 | 1.5x slower |")
    assert rows[3].endswith("| 0.05 | 1/2000 (1/3,246) | 528 | 1.50 | 1,601 | 30.0x faster |")
    assert report.peer_line(measured).startswith("- Faster than every peer measured on the same files: **missed** "
                                                 "(jionlp 3.00 MB/s, tracker 2.00;")
    measured[0]["extract"]["mb_per_s"] = 4.0
    assert report.peer_line(measured).startswith("- Faster than every peer measured on the same files: met")
