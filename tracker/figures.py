"""A written figure as a number with its precision: what the checks and the series share.

``29.74亿元`` allows 29.735…29.745亿 (half its last digit); ``余``/``多``
widen it upwards, ``近`` downwards, ``约`` both ways. A whole count written
out (``76处``) is exact.
"""
from __future__ import annotations

import math
from decimal import Decimal

import regex

WRITTEN_NUMBER = regex.compile(r"[0-9０-９][0-9０-９,，\s]*(?:[.．][0-9０-９]+)?")
# Compiled once: regex's lookup of a pattern given as a string cost more than the
# substitution (a tenth of a full check at a million claims).
GROUPING = regex.compile(r"[,，\s]")
# A share written as a whole number is rounded (74% of 117 schools is 74.36%).
ROUNDED_UNIT = regex.compile(r"\s*(?:[%％‰]|个?百分点)")
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# How far a qualifier widens a figure, as a share of it.
WIDEN = {"more_than": (0.0, 0.5), "at_least": (0.0, 0.5), "nearly": (0.1, 0.0), "less_than": (0.2, 0.0),
         "about": (0.1, 0.1)}


def written_number(text: str) -> tuple[Decimal, int, int] | None:
    """The number as written in digits in a claim's text: its value, its decimals and where
    it ends; None for Chinese numerals."""
    found = WRITTEN_NUMBER.search(text)
    if not found:
        return None
    digits = GROUPING.sub("", found.group()).replace("．", ".").translate(FULL_WIDTH_DIGITS)
    try:
        number = Decimal(digits)
    except ArithmeticError:
        return None
    return number, len(digits.split(".")[1]) if "." in digits else 0, found.end()


def half_step(text: str, value: Decimal) -> float:
    """Half the last written digit's step, scaled like the value (29.74亿 → 0.005亿)."""
    written = written_number(text)
    if written is None or written[0] == 0:
        return 0.0  # Chinese numerals: whole numbers as written
    number, decimals, end = written
    scale = abs(float(value) / float(number))
    if decimals == 0 and math.isclose(scale, 1.0) and not ROUNDED_UNIT.match(text, end):
        return 0.0  # a whole number written out (76处, 2744人) is exact; 74% is rounded
    return 0.5 * 10 ** -decimals * scale


def interval(text: str, value: Decimal | None, approx: str) -> tuple[float, float] | None:
    """The values a written figure allows, or None when it is hidden or unread."""
    if value is None:
        return None
    number = float(value)
    half = half_step(text, value)
    down, up = WIDEN.get(approx, (0.0, 0.0))
    return number - half - abs(number) * down, number + half + abs(number) * up


def meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two intervals share a value."""
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def base_of(level: tuple[float, float], change: tuple[float, float], direction: int) -> tuple[float, float]:
    """The values an earlier level can take, from a level and its stated change (a rise
    when ``direction`` is 1, a fall when -1), each an interval."""
    if direction > 0:
        return level[0] - change[1], level[1] - change[0]
    return level[0] + change[0], level[1] + change[1]


def written_like(value: float, text: str, text_value: Decimal) -> str:
    """``value`` written the way ``text`` (whose value is ``text_value``) writes its figure:
    13660.04 万元 beside 13644.78万元, 81% beside 接近90%. Qualifiers before the number are
    left out; at least two decimals are kept where they are not zero."""
    written = written_number(text)
    if written is None or written[0] == 0:
        return f"{value:g}"
    number, own, end = written
    scaled = value / (float(text_value) / float(number))
    return f"{scaled:.{max(own, 2)}f}".rstrip("0").rstrip(".") + text[end:]
