"""The peers issue 8 names, run over the same files as tracker, each in one process.

    python -m benchmarks.peers NAME FOLDER [MAX_BYTES]

Issue 8 quotes three peers against "such a pass" (the regex reference):
jionlp's money extraction at about 1/14, duckling-chinese at 1/367 and
Microsoft Recognizers-Text at 1/3,246, and asks tracker to be faster than
all of them. Two of them are Python packages and are measured here on the
benchmark's own corpus; duckling is a Haskell server and is not.

- ``jionlp``: ``jionlp.ner.extract_money`` over each file (money only, as
  the issue quotes it).
- ``recognizers``: Recognizers-Text's Chinese currency, dimension and
  percentage models over each file (the kinds of figure these reports hold).

They do not share tracker's dependencies (Recognizers-Text needs an old
``emoji``), so they run in an interpreter of their own, and this module
imports nothing of tracker's:

    python3 -m venv /tmp/peers
    /tmp/peers/bin/pip install jionlp recognizers-text-suite 'emoji<1.0'
    python -m benchmarks.run --peer-python /tmp/peers/bin/python ...

Like :mod:`benchmarks.passes` it prints one line of JSON: bytes, files,
seconds of the pass (after the models are loaded) and what was found.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

from benchmarks.passes import command_files, read_and_count


def jionlp_money() -> Callable[[str], int]:
    """jionlp's money extractor, loaded; it returns how many amounts a text holds."""
    import jionlp

    return lambda text: len(jionlp.ner.extract_money(text))


def recognizers_figures() -> Callable[[str], int]:
    """Recognizers-Text's Chinese currency, dimension and percentage models, loaded."""
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    units = NumberWithUnitRecognizer(Culture.Chinese)
    models = [units.get_currency_model(), units.get_dimension_model(),
              NumberRecognizer(Culture.Chinese).get_percentage_model()]
    return lambda text: sum(len(model.parse(text)) for model in models)


PEERS = {"jionlp": jionlp_money, "recognizers": recognizers_figures}


def peer_pass(name: str, files: list[Path]) -> dict:
    """Read each file and run the peer ``name`` over its text."""
    count = PEERS[name]()
    count("2016年全市投资600余万元，增长37.81%。")  # the models load on first use, before the clock
    size, seconds, found = read_and_count(files, count)
    return {"bytes": size, "files": len(files), "seconds": seconds, "found": found}


def main(argv: list[str]) -> None:
    """Run the peer ``argv[0]`` over the folder ``argv[1]`` (its first ``argv[2]`` bytes)."""
    name, *where = argv
    print(json.dumps(peer_pass(name, command_files(*where))))


if __name__ == "__main__":
    main(sys.argv[1:])
