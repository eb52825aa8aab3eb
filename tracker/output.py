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
        # json.dumps of the whole list, a row at a time: each row as json indents it one level down
        write("[" if rows else "[]")
        for index, part in enumerate(batches):
            write(("\n" if index == 0 else ",\n") + ",\n".join(
                "  " + json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, indent=2).replace("\n", "\n  ")
                for row in part))
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
    """The table tabulate makes of ``rows`` (its simple format, numbers not parsed), in
    pieces of ``batch`` rows.

    tabulate builds the whole table in memory and measures every padded cell (a check
    of 80,000 flags makes lines 31,000 characters wide: 1.4 GB, and 11 GB of memory);
    the same lines are made here a batch at a time. Cells tabulate reads its own way
    (several lines, terminal escapes, its separating-line mark, characters of no
    width) go to tabulate, all at once.
    """
    cells = [[_cell(r.get(c)).strip() for c in columns] for r in rows]
    wide = tabulate_module.wcwidth is not None and tabulate_module.WIDE_CHARS_MODE
    measured = [[_width(cell, wide) for cell in row] for row in cells]
    if not columns or any(w < 0 for row in measured for w in row) or any(
            any(mark in cell for mark in "\n\r\x1b\x01") for row in cells for cell in row):
        yield tabulate([[_cell(r.get(c)) for c in columns] for r in rows], headers=columns,
                       disable_numparse=True) + "\n"
        return
    # a column is as wide as its widest cell, or as its header and two spaces
    widths = [max([_width(h, wide) + 2] + [row[i] for row in measured]) for i, h in enumerate(columns)]

    def line(row: list[str], sizes: list[int]) -> str:
        return "  ".join(cell + " " * (w - size) for cell, size, w in zip(row, sizes, widths)).rstrip()

    header = line(columns, [_width(h, wide) for h in columns])
    yield header + "\n" + "  ".join("-" * w for w in widths) + "\n"
    for start in range(0, len(cells), batch):
        yield "".join(line(row, sizes) + "\n" for row, sizes in zip(cells[start:start + batch],
                                                                  measured[start:start + batch]))


def _width(text: str, wide: bool) -> int:
    """How many columns ``text`` takes in a terminal, as tabulate counts them (a CJK
    character two); -1 when it holds a character of no defined width."""
    if not wide or (text.isascii() and text.isprintable()):
        return len(text)
    return tabulate_module.wcwidth.wcswidth(text)
