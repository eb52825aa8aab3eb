"""The two passes over a corpus that touch no database, one per process.

``python -m benchmarks.passes regex FOLDER [MAX_BYTES]``: the physical reference, one
compiled regular expression (a number, an optional scale, one of tracker's
units) run with ``finditer`` over each file as it is read.

``python -m benchmarks.passes extract FOLDER [MAX_BYTES]``: tracker's extraction alone
(read, clean, split, extract, resolve, label, relate), file by file, with
no database.

With ``MAX_BYTES`` a pass reads only the first files of the folder, up to
that size (the slice a slow peer is measured on, see :mod:`benchmarks.peers`).

Each prints one line of JSON: bytes, seconds of the pass (after start-up:
the interpreter, the imports and the gazetteer are loaded before the clock
starts) and what it found.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Callable


def corpus_files(folder: Path) -> list[Path]:
    """The text files of a corpus folder, in name order."""
    return sorted(Path(folder).glob("*.txt"))


def first_bytes(files: list[Path], max_bytes: int | None) -> list[Path]:
    """The first of ``files`` whose sizes add up to ``max_bytes`` (the one that passes it
    included); all of them when ``max_bytes`` is None."""
    if max_bytes is None:
        return files
    chosen, size = [], 0
    for path in files:
        if size >= max_bytes:
            break
        chosen.append(path)
        size += path.stat().st_size
    return chosen


def reference_pattern() -> re.Pattern:
    """Number + optional scale + unit, with tracker's own unit and scale words."""
    from tracker.rules import alternation, load_rules

    rules = load_rules()
    return re.compile(rf"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:{alternation(rules.scales)})?"
                      rf"(?:{alternation(rules.units)})")


def read_and_count(files: list[Path], count: Callable[[str], int]) -> tuple[int, float, int]:
    """Read each file as UTF-8 and ``count`` what its text holds: (bytes, seconds, count)."""
    size = found = 0
    started = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        size += len(data)
        found += count(data.decode("utf-8"))
    return size, time.perf_counter() - started, found


def regex_pass(files: list[Path]) -> dict:
    """Read each file and run the reference pattern over it."""
    pattern = reference_pattern()
    size, seconds, matches = read_and_count(files, lambda text: sum(1 for _ in pattern.finditer(text)))
    return {"bytes": size, "seconds": seconds, "matches": matches}


def extraction_pass(files: list[Path]) -> dict:
    """Read and extract each file as ``tracker ingest`` does, without storing anything."""
    from tracker.pipeline import extract_document
    from tracker.reading import read_source

    extract_document("2016年全市有幼儿园581所。")  # load the rules and the gazetteer first
    size = claims = 0
    started = time.perf_counter()
    for path in files:
        source = read_source(path)
        size += source.byte_size
        claims += len(extract_document(source.text).claims)
    return {"bytes": size, "seconds": time.perf_counter() - started, "claims": claims}


PASSES = {"regex": regex_pass, "extract": extraction_pass}


def command_files(folder: str, *limit: str) -> list[Path]:
    """The files the command-line arguments ``FOLDER [MAX_BYTES]`` name."""
    return first_bytes(corpus_files(Path(folder)), int(limit[0]) if limit else None)


def main(argv: list[str]) -> None:
    """Run the pass named by ``argv[0]`` over the folder ``argv[1]`` (its first ``argv[2]``
    bytes); print its JSON line."""
    name, *where = argv
    print(json.dumps(PASSES[name](command_files(*where))))


if __name__ == "__main__":
    main(sys.argv[1:])
