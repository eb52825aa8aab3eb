"""Reading one isolated numeral into an exact Decimal.

The extractor finds where a numeral is; this module says what it is worth.
Chinese numerals go to cn2an (a maintained library for exactly this);
digits are normalised from full-width and stripped of grouping.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

CHINESE_DIGITS = "零〇○Ｏ一二两兩三四五六七八九十百千万萬亿億点點"
# cn2an reads simplified forms and 零 only.
_TO_CN2AN = str.maketrans({"兩": "两", "萬": "万", "億": "亿", "點": "点", "〇": "零", "○": "零", "Ｏ": "零"})


class NumeralError(ValueError):
    """The text is not a numeral this module can read."""


def parse_digits(text: str) -> Decimal:
    """``25,459`` / ``１２３`` / ``1 122`` / ``37.81`` → Decimal."""
    normal = unicodedata.normalize("NFKC", text)
    normal = normal.replace(",", "").replace(" ", "").replace("\u00a0", "")
    try:
        return Decimal(normal)
    except InvalidOperation as exc:
        raise NumeralError(text) from exc


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> Decimal:
    """``三百`` / ``二十三`` / ``三十七点八一`` / ``百`` / ``一万二`` → Decimal (remembered:
    reports repeat a few small numerals, and cn2an takes about 20 µs a reading)."""
    normal = text.translate(_TO_CN2AN)
    if normal[0] in "十百千万亿":
        # 百名, 千人: a leading unit place means one of it.
        normal = "一" + normal
    # Imported here: cn2an compiles its patterns on import (a third of a
    # second of every command's start-up, most of which never reads a numeral).
    import cn2an

    try:
        value = cn2an.cn2an(normal, "smart")
    except (ValueError, KeyError) as exc:
        raise NumeralError(text) from exc
    return Decimal(str(value))


def parse_numeral(text: str) -> Decimal:
    """Read digits or Chinese numerals (or a mix such as ``2.6``) into a Decimal."""
    if not text:
        raise NumeralError(text)
    if any("0" <= ch <= "9" for ch in unicodedata.normalize("NFKC", text)):
        return parse_digits(text)
    return parse_chinese(text)
