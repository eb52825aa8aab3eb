"""Printing rows: one set of formats for every command that prints rows."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator

import tabulate as tabulate_module
from tabulate import tabulate

FORMATS = ("table", "csv", "json", "jsonl")
# Rows formatted at a time: tens of thousands of flags are written a batch at a time,
# never held as one string (the whole of a large check's JSON took gigabytes).
BATCH = 1_000


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render_rows(rows: Iterable[dict], fmt: str, columns: list[str] | None = None) -> str:
    """Rows as a table (Chinese aligned), CSV, a JSON array or JSON lines."""
    parts: list[str] = []
    write_rows(rows, fmt, parts.append, columns)
    return "".join(parts)


def write_rows(rows: Iterable[dict], fmt: str, write: Callable[[str], object], columns: list[str] | None = None,
               batch: int = BATCH) -> None:
    """Pass what :func:`render_rows` returns to ``write``, a batch of rows at a time."""
    rows = list(rows)
    columns = columns or (list(rows[0]) if rows else [])
    batches = [rows[start:start + batch] for start in range(0, len(rows), batch)]
    if fmt == "json":
        write("[\n" if rows else "[]")
        for index, part in enumerate(batches):
            # an array of the batch, without its brackets: the rows as they stand in the whole array
            text = json.dumps([{c: r.get(c) for c in columns} for r in part], ensure_ascii=False, indent=2)
            write(("" if index == 0 else ",\n") + text[2:-2])
        write("\n]\n" if rows else "\n")
    elif fmt == "jsonl":
        for part in batches:
            write("".join(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n" for r in part))
    elif fmt == "csv":
        write(_csv([columns]))
        for part in batches:
            write(_csv([[_cell(r.get(c)) for c in columns] for r in part]))
    elif not rows:
        write("(no rows)\n")
    else:
        for text in _table(rows, columns, batch):
            write(text)


def _csv(lines: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return buffer.getvalue()


def _table(rows: list[dict], columns: list[str], batch: int) -> Iterator[str]:
    """The table tabulate makes of ``rows``, in pieces of ``batch`` rows.

    Each piece is tabulated with its headers padded to the widths of the whole
    table, so its columns line up with every other piece; its header lines are
    dropped after the first. Cells tabulate would measure otherwise (several
    lines, terminal escapes) are tabulated at once.
    """
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    if len(cells) <= batch or any(any(ch in cell for ch in "\n\r\x1b") for row in cells for cell in row):
        yield tabulate(cells, headers=columns, disable_numparse=True) + "\n"
        return
    wide = tabulate_module.wcwidth is not None and tabulate_module.WIDE_CHARS_MODE
    width = tabulate_module.wcwidth.wcswidth if wide else len
    # tabulate's own measure: a column is as wide as its widest stripped cell, or its header and two
    widths = [max([width(h) + 2] + [width(row[i].strip()) for row in cells]) for i, h in enumerate(columns)]
    headers = [h + " " * (w - 2 - width(h)) for h, w in zip(columns, widths)]
    for start in range(0, len(cells), batch):
        text = tabulate(cells[start:start + batch], headers=headers, disable_numparse=True)
        yield (text if start == 0 else text.split("\n", 2)[2]) + "\n"
