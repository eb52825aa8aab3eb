"""Sentence splitting as the claims guide rules."""
from __future__ import annotations

from tracker.segmenting import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_splits_at_chinese_and_ascii_terminators_and_line_breaks():
    assert texts("一是甲。二是乙！三是丙？四是丁；五是戊;六是己!七\n八") == [
        "一是甲", "二是乙", "三是丙", "四是丁", "五是戊", "六是己", "七", "八"]


def test_question_mark_between_digits_is_a_broken_dash():
    assert texts("新建10?15所学校?是的") == ["新建10?15所学校", "是的"]


def test_sentences_are_trimmed_and_spans_point_into_the_text():
    text = "  全市有幼儿园581所。 \u3000投资600余万元 "
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["全市有幼儿园581所", "投资600余万元"]
    assert all(text[s.start:s.end] == s.text for s in spans)
