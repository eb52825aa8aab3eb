"""Amount extraction: the golden cases in tests/golden/amounts, and properties."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extracting import extract_amounts
from tracker.pipeline import extract_claims

GOLDEN = Path(__file__).parent / "golden" / "amounts"


def load_cases():
    for path in sorted(GOLDEN.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(reason=case["known_gap"], strict=True)] if "known_gap" in case else []
            yield pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks)


CASES = list(load_cases())


def reading(claim) -> tuple:
    def number(value):
        return None if value is None else round(float(value), 6)

    return (claim["text"], number(claim["value"]), number(claim["value_high"]), claim["unit"],
            claim["approx"], claim["redacted"])


def test_there_are_enough_golden_cases():
    assert len(CASES) >= 250


@pytest.mark.parametrize("case", CASES)
def test_golden_amount(case):
    found = [
        reading({"text": c.text, "value": c.value, "value_high": c.value_high, "unit": c.unit,
                 "approx": c.approx, "redacted": c.redacted})
        for c in extract_claims(case["input"])
    ]
    assert found == [reading(c) for c in case["claims"]]


def test_distributive_gives_one_amount_per_name():
    amounts = extract_amounts("教师进修学校、广播电视大学、中等职业学校、特殊教育学校各1处")
    assert [(a.text, a.value, a.unit) for a in amounts] == [("1处", 1, "处")] * 4


def test_exact_values_are_decimals_not_floats():
    (amount,) = extract_amounts("拨款29.74亿元")
    assert str(amount.value.normalize()) == "2.974E+9"
    assert amount.value == 2974000000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,-?%xX*一二两三十百千万亿余多约近以上左右所个人元平方米年各、和:︰分之成\n 。，《》“”的是第")), max_size=60))
def test_no_report_like_text_crashes_and_spans_are_the_source(text):
    for claim in extract_claims(text):
        assert 0 <= claim.raw_start <= claim.raw_end <= len(text)
        assert text[claim.raw_start:claim.raw_end] == claim.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_no_text_at_all_crashes_the_extractor(text):
    for claim in extract_claims(text):
        assert text[claim.raw_start:claim.raw_end] == claim.text


def _report_sentences():
    from tracker.cleaning import clean_text
    from tracker.segmenting import split_sentences

    folders = [Path(__file__).parent.parent / "seeds" / "corpus", Path(__file__).parent / "data" / "series"]
    for path in sorted(p for folder in folders for p in folder.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        yield from (sentence.text for sentence in split_sentences(text))
    yield from (case.values[0]["input"] for case in CASES)


def test_the_prefilter_never_hides_an_amount(monkeypatch):
    import re

    from tracker import extracting

    sentences = list(_report_sentences())
    filtered = [extract_amounts(sentence) for sentence in sentences]
    skipped = sum(not extracting.possible_amount().search(sentence) for sentence in sentences)
    monkeypatch.setattr(extracting, "possible_amount", lambda: re.compile(""))  # every sentence read in full
    assert [extract_amounts(sentence) for sentence in sentences] == filtered
    assert skipped > len(sentences) / 2  # and it is worth having: most sentences are skipped
