"""Reading isolated numerals exactly."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tracker.numerals import NumeralError, parse_numeral


@pytest.mark.parametrize("text,value", [
    ("25,459", "25459"), ("１２３", "123"), ("1 122", "1122"), ("37.81", "37.81"), ("三百", "300"),
    ("百", "100"), ("二十三", "23"), ("三十七点八一", "37.81"), ("一千二百", "1200"), ("两", "2"),
    ("兩千", "2000"), ("十", "10"), ("一万二", "12000"), ("〇点五", "0.5"),
])
def test_parse_numeral(text, value):
    assert parse_numeral(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "十二五x", "abc"])
def test_unreadable_numerals_raise(text):
    with pytest.raises(NumeralError):
        parse_numeral(text)
