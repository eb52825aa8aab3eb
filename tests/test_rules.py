"""Rule patterns run under ``re`` only where both engines read them alike."""
from __future__ import annotations

import re
from dataclasses import fields

import regex

from test_extracting import _report_sentences
from tracker.extracting import amount_pattern
from tracker.labeling import label_rules
from tracker.rules import alternation, compile_rule, load_rules


def test_plain_patterns_go_to_re_and_the_others_to_regex():
    assert isinstance(compile_rule("第$"), re.Pattern)
    assert isinstance(compile_rule(r"^(?:级|制)\\s"), re.Pattern)  # an escaped backslash, then s
    assert not isinstance(compile_rule(r"^\p{Han}{0,4}率"), re.Pattern)  # regex syntax
    assert not isinstance(compile_rule(r"[0-9]+\s*岁$"), re.Pattern)  # \s: \x1c is a space to re only
    assert not isinstance(compile_rule(r"[\w]"), re.Pattern)
    assert not isinstance(compile_rule("[[a-z]--[aeiou]]"), re.Pattern)  # a set operation to regex
    assert isinstance(compile_rule(r"^\p{Han}"), regex.Pattern)


def _patterns_under_re():
    rules, label_patterns = load_rules(), label_rules()
    found = [(rule.name, pattern) for rule in rules.exclusions
             for pattern in (rule.before, rule.after, rule.surface)]
    found += [(f.name, getattr(holder, f.name)) for holder in (rules, label_patterns) for f in fields(holder)]
    return [(name, pattern) for name, pattern in found if isinstance(pattern, re.Pattern)]


def test_patterns_under_re_find_what_regex_finds_in_sentences_and_around_candidates():
    texts = []
    for sentence in _report_sentences():
        texts.append(sentence)
        for match in amount_pattern().finditer(sentence):
            start, end = match.span()
            texts += [sentence[:start], sentence[max(0, start - 8):start], sentence[start:end], sentence[end:end + 8]]
    assert len(texts) > 5000
    under_re = _patterns_under_re()
    assert len(under_re) >= 35
    for name, pattern in under_re:
        reference = regex.compile(pattern.pattern)
        for text in texts:
            found, expected = pattern.search(text), reference.search(text)
            assert (found and found.span()) == (expected and expected.span()), (name, text)


def test_an_alternation_tries_longer_words_first_and_one_character_words_as_one_class():
    pattern = alternation(["个", "个百分点", "万亿", "万", "]", "-", "%"])
    assert pattern == r"个百分点|万亿|[%\-\]万个]"
    assert [m.group() for m in re.finditer(pattern, "9个百分点、3个、2万亿、5万、]-%")] == [
        "个百分点", "个", "万亿", "万", "]", "-", "%"]
