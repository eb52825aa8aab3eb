"""Printing rows: one set of formats for every command that prints rows."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from tabulate import tabulate

FORMATS = ("table", "csv", "json", "jsonl")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render_rows(rows: Iterable[dict], fmt: str, columns: list[str] | None = None) -> str:
    """Rows as a table (Chinese aligned), CSV, a JSON array or JSON lines."""
    rows = list(rows)
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps({c: r.get(c) for c in columns}, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(r.get(c)) for c in columns] for r in rows])
        return buffer.getvalue()
    if not rows:
        return "(no rows)\n"
    return tabulate([[_cell(r.get(c)) for c in columns] for r in rows], headers=columns,
                    disable_numparse=True) + "\n"
