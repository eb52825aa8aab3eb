"""Giving each amount its context: year, kind (actual or target) and metric label.

First version: explicit years in the sentence, else the document's year;
target cues before the amount in its clause; the measured noun phrase
around the amount as the metric label.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from tracker.extracting import Amount
from tracker.numerals import NumeralError, parse_numeral
from tracker.rules import alternation, load_rules

CLAUSE_BREAK = regex.compile(r"[，,：:；;（(]")


@dataclass(frozen=True)
class Context:
    """What is known of an amount's surroundings: the document's year."""

    year: int | None = None


def _year_value(text: str) -> int | None:
    try:
        value = int(parse_numeral(text))
    except NumeralError:
        return None
    return value if 1900 <= value <= 2100 else None


def document_year(text: str) -> int | None:
    """The meeting or report year stated in the opening of a document, if any."""
    rules = load_rules()
    head = text[:3000]
    meeting = rules.meeting.search(head)
    if meeting:
        return _year_value(meeting.group(1))
    first = rules.year.search(head)
    return _year_value(first.group(1)) if first else None


def _is_base_year(sentence: str, match: regex.Match) -> bool:
    # 比2011年 / 较2010年 / 2011年以来: a base or a start, not the amount's own year.
    rules = load_rules()
    return sentence[:match.start()].endswith(rules.base_year_before) or bool(
        rules.base_year_after.search(sentence[match.end():]))


def resolve_year(sentence: str, amount: Amount, context: Context) -> int | None:
    """An explicit year before the amount in its sentence (else after it), else the document's."""
    years = [m for m in load_rules().year.finditer(sentence) if not _is_base_year(sentence, m)]
    before = [m for m in years if m.end() <= amount.start]
    after = [m for m in years if m.start() >= amount.end]
    chosen = before[-1] if before else (after[0] if after else None)
    return _year_value(chosen.group(1)) if chosen else context.year


@cache
def _target_pattern() -> regex.Pattern:
    return regex.compile(alternation(load_rules().target_cues))


def resolve_kind(sentence: str, amount: Amount) -> str:
    """``target`` where a plan or goal cue stands before the amount in its sentence."""
    return "target" if _target_pattern().search(sentence[:amount.start]) else "actual"


def resolve_metric_label(sentence: str, amount: Amount) -> str | None:
    """The measured noun phrase: the clause before the amount, or the noun after a count."""
    breaks = list(CLAUSE_BREAK.finditer(sentence, 0, amount.start))
    clause_start = breaks[-1].end() if breaks else 0
    rules = load_rules()
    before = rules.label_tail.sub("", rules.label_lead.sub("", sentence[clause_start:amount.start].strip()))
    after_match = regex.match(r"[的]?([\p{Han}A-Za-z“”\"]{1,12}?)(?=[，,。；;、和及与（(]|$|的)", sentence[amount.end:])
    after = after_match.group(1).strip("“”\"") if after_match else ""
    if amount.family == "count" and after:
        return (before + after) if before and len(before) <= 6 else after
    return before or after or None
