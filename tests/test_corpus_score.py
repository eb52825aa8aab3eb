"""The sample corpus scored against its hand labels, with floors just under today's figures,
and so are the probe reports of tests/data/probes (written in the style of kinds of report
the samples do not cover, and labelled by hand).

The scorer is ../shared/tools/score_claims.py, vendored with the labels in
tests/data so that the suite runs on a fresh clone. A regression in
detection or in reading amounts fails here.
"""
from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

import pytest

from tracker.querying import export_claims
from tracker.storing import ingest_paths

from conftest import CORPUS, GOLD

PROBES = Path(__file__).parent / "data" / "probes"

FLOORS = {"precision": 0.96, "recall": 0.99, "f1": 0.975}
FIELD_FLOORS = {"value": 0.995, "value_high": 0.995, "unit": 0.995, "approx": 0.99, "redacted": 0.995,
                "year": 0.95, "period": 0.97, "locality": 0.97, "kind": 0.97, "metric": 0.88}


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_claims", Path(__file__).parent / "data" / "score_claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer, system_rows, gold_dir: Path = GOLD):
    by_doc = defaultdict(list)
    for row in system_rows:
        by_doc[row["doc"]].append(row)
    tp = fp = fn = 0
    agree = defaultdict(int)
    for gold_path in sorted(gold_dir.glob("*.jsonl")):
        if gold_path.name.endswith("_sections.jsonl"):
            continue
        gold = scorer.load_jsonl(gold_path)
        system = by_doc[gold_path.stem + ".txt"]
        pairs = scorer.match(gold, system)
        tp, fp, fn = tp + len(pairs), fp + len(system) - len(pairs), fn + len(gold) - len(pairs)
        for i, j in pairs:
            for field in FIELD_FLOORS:
                agree[field] += scorer.agrees(field, gold[i], system[j])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    figures = {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}
    return figures, {field: agree[field] / tp for field in FIELD_FLOORS}


@pytest.fixture
def corpus_export(sessions):
    ingest_paths(sessions, [CORPUS])
    with sessions() as session:
        return list(export_claims(session))


def test_sample_corpus_detection_and_amounts_stay_above_their_floors(corpus_export):
    figures, fields = score(load_scorer(), corpus_export)
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (name, figures)
    for name, floor in FIELD_FLOORS.items():
        assert fields[name] >= floor, (name, fields)


# Year is just under 0.98 on the 164 reports: the tenth and eleventh rounds' misses (totals since a posting
# began, 驻村以来; a ratio computed on the year before's wages; a mid-term review's present state) are
# tracker's, not the labels'.
PROBE_FLOORS = {"precision": 0.99, "recall": 0.99, "f1": 0.99}
PROBE_FIELD_FLOORS = {"value": 0.995, "value_high": 0.995, "unit": 0.99, "approx": 0.995, "redacted": 0.995,
                      "year": 0.97, "period": 0.985, "locality": 0.975, "kind": 0.98, "metric": 0.865}


def test_probe_reports_stay_above_their_floors(sessions):
    ingest_paths(sessions, [PROBES])
    with sessions() as session:
        figures, fields = score(load_scorer(), list(export_claims(session)), PROBES)
    for name, floor in PROBE_FLOORS.items():
        assert figures[name] >= floor, (name, figures)
    for name, floor in PROBE_FIELD_FLOORS.items():
        assert fields[name] >= floor, (name, fields)
