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

YEAR = regex.compile(
    r"(?<![0-9０-９])((?:19|20)[0-9]{2}|[一二][〇零0○][一二三四五六七八九〇零0○]{2})\s*年(?!代|级|制)"
)
MEETING = regex.compile(
    r"(?:召开|举行|在)\s*((?:19|20)[0-9]{2}|[一二][〇零0○][一二三四五六七八九〇零0○]{2})\s*年[^。\n]{0,20}?(?:会议|大会|工作会)"
)
CLAUSE_BREAK = regex.compile(r"[，,：:；;（(]")
LABEL_LEAD = regex.compile(
    r"^(?:[一二三四五六七八九十]+是|其中|同时|此外|另外|全年|目前|现有|累计|共计|共|全市|全区|全县|全省|全国|我市|我区|我县|今年|去年|年内|[0-9]{4}年(?:底|末|初)?|截至[^，,]*)+"
)
LABEL_TAIL = regex.compile(
    r"(?:已经|已|均|分别|将|要|达到了?|达|为|是|有|共有|超过|突破|提高了?|增加了?|增长了?|减少了?|下降了?|完成了?|实现了?|投入了?|比[^，,]*?)+$"
)


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
    head = text[:3000]
    meeting = MEETING.search(head)
    if meeting:
        return _year_value(meeting.group(1))
    first = YEAR.search(head)
    return _year_value(first.group(1)) if first else None


def _is_base_year(sentence: str, match: regex.Match) -> bool:
    # 比2011年 / 较2010年 / 2011年以来: a base or a start, not the amount's own year.
    return sentence[max(0, match.start() - 1):match.start()] in ("比", "较") or bool(
        regex.match(r"\s*(?:以来|相比|同期)", sentence[match.end():]))


def resolve_year(sentence: str, amount: Amount, context: Context) -> int | None:
    """An explicit year before the amount in its sentence (else after it), else the document's."""
    years = [m for m in YEAR.finditer(sentence) if not _is_base_year(sentence, m)]
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
    before = LABEL_TAIL.sub("", LABEL_LEAD.sub("", sentence[clause_start:amount.start].strip()))
    after_match = regex.match(r"[的]?([\p{Han}A-Za-z“”\"]{1,12}?)(?=[，,。；;、和及与（(]|$|的)", sentence[amount.end:])
    after = after_match.group(1).strip("“”\"") if after_match else ""
    if amount.family == "count" and after:
        return (before + after) if before and len(before) <= 6 else after
    return before or after or None
