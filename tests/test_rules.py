"""Rule patterns run under the faster engine only where both engines read them alike."""
from __future__ import annotations

import re

import regex

from test_extracting import _report_sentences
from tracker.extracting import amount_pattern
from tracker.rules import compile_rule, load_rules


def test_plain_patterns_go_to_re_and_the_others_to_regex():
    assert isinstance(compile_rule("第$"), re.Pattern)
    assert isinstance(compile_rule(r"^(?:级|制)\\s"), re.Pattern)  # an escaped backslash, then s
    assert not isinstance(compile_rule(r"^\p{Han}{0,4}率"), re.Pattern)  # regex syntax
    assert not isinstance(compile_rule(r"[0-9]+\s*岁$"), re.Pattern)  # \s: \x1c is a space to re only
    assert not isinstance(compile_rule(r"[\w]"), re.Pattern)
    assert not isinstance(compile_rule("[[a-z]--[aeiou]]"), re.Pattern)  # a set operation to regex
    assert isinstance(compile_rule(r"^\p{Han}"), regex.Pattern)


def test_exclusions_under_re_find_what_regex_finds_around_every_candidate():
    windows = []
    for sentence in _report_sentences():
        for match in amount_pattern().finditer(sentence):
            start, end = match.span()
            windows += [sentence[max(0, start - 8):start], sentence[start:end], sentence[end:end + 8]]
    assert len(windows) > 3000
    under_re = [(rule.name, pattern) for rule in load_rules().exclusions
                for pattern in (rule.before, rule.after, rule.surface) if isinstance(pattern, re.Pattern)]
    assert len(under_re) >= 20
    for name, pattern in under_re:
        reference = regex.compile(pattern.pattern)
        for window in windows:
            found, expected = pattern.search(window), reference.search(window)
            assert (found and found.span()) == (expected and expected.span()), (name, window)
