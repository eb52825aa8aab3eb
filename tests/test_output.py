"""Rows written a batch at a time come out exactly as when rendered at once."""
from __future__ import annotations

import json

import pytest
from tabulate import tabulate

from tracker.output import FORMATS, render_rows, write_rows

ROWS = [
    {"id": 1, "check": "sum", "message": "inconsistency: the parts add up to 13660.04万元", "value": 2.5, "ok": True},
    {"id": 22, "check": "conflict", "message": "  学前三年毛入园率 of 2015\u3000", "value": None, "ok": False},
    {"id": 333, "check": "cagr", "message": "", "value": 90, "ok": None},
    {"id": 4444, "check": "growth", "message": "x" * 40, "value": -1e-07, "ok": True},
    {"id": 5, "check": "share", "message": "占全市获奖教师的33.4%,\"引号\"", "value": [1, {"a": []}], "ok": True},
]


def pieces(rows, fmt, columns=None, batch=2):
    written: list[str] = []
    write_rows(rows, fmt, written.append, columns, batch=batch)
    return written


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("count", [0, 1, 2, 3, 5])
def test_rows_written_in_batches_are_the_rows_rendered_at_once(fmt, count):
    rows = ROWS[:count]
    whole = render_rows(rows, fmt)
    assert "".join(pieces(rows, fmt)) == whole
    assert "".join(pieces(rows, fmt, ["message", "id"])) == render_rows(rows, fmt, ["message", "id"])


def test_json_and_table_are_what_json_and_tabulate_make_of_all_rows():
    cells = [[("" if r[c] is None else "true" if r[c] is True else "false" if r[c] is False else str(r[c]))
              for c in ROWS[0]] for r in ROWS]
    table = tabulate(cells, headers=list(ROWS[0]), disable_numparse=True) + "\n"
    assert "".join(pieces(ROWS, "table", batch=1)) == table
    assert "".join(pieces(ROWS, "json", batch=1)) == json.dumps(ROWS, ensure_ascii=False, indent=2) + "\n"
    assert render_rows([], "json") == "[]\n" and render_rows([], "table") == "(no rows)\n"


def test_a_table_with_cells_of_several_lines_is_made_at_once():
    rows = [{"a": "one\ntwo", "b": "x"}, {"a": "three", "b": "yy"}, {"a": "four", "b": "z"}]
    assert pieces(rows, "table", batch=1) == [tabulate([[r["a"], r["b"]] for r in rows], headers=["a", "b"],
                                                         disable_numparse=True) + "\n"]


def test_json_rows_are_written_as_json_writes_them():
    odd = {"nan": float("nan"), "inf": [float("inf"), -float("inf")], "keys": {1: "a", 2.5: None, False: [], None: {}},
           "tuple": (1, "二"), "escapes": "tab\there \"quoted\" \\ \u2028 \x00 \U0001f600", "big": 10**30,
           "nested": [[[]], [{}], {"x": [0.1, -0.0, 1e300]}]}
    rows = [{"id": 1, "value": odd}, {"id": 2, "value": []}]
    assert render_rows(rows, "json") == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("cells", [
    ["学前三年毛入园率", "  padded  ", "\u3000全角\u3000", "", "True", "1e5", " 3 ", "😀x", "e\u0301", "a\u200db"],
    ["tab\there", "x", "y"],  # no width for a tab: tabulate's own way
    ["\x01", "sep", "line"],  # tabulate's separating-line mark
    ["\x1b[31mred\x1b[0m", "b", "c"],
])
def test_a_table_is_what_tabulate_makes(cells):
    rows = [{"a": cell, "b": cells[(i + 1) % len(cells)], "长列名": i} for i, cell in enumerate(cells)]
    expected = tabulate([[r["a"], r["b"], str(r["长列名"])] for r in rows], headers=["a", "b", "长列名"],
                        disable_numparse=True) + "\n"
    assert render_rows(rows, "table") == expected
    assert "".join(pieces(rows, "table", batch=1)) == expected
