"""A corpus of any size made by varying the sample reports, deterministically.

Each variant of a sample report gets its own digits (a seeded permutation,
the first digit of a number never becoming 0), its years shifted by a few
years, and its prefecture and counties replaced by another real prefecture
and its counties from the gazetteer. Variants are made until the wanted
number of bytes is written; no two files are equal (checked by hash).
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

from tracker.places import COUNTY, PREFECTURE, PlaceRecord, document_mentions, load_gazetteer
from tracker.rules import seeds_dir

# A year (followed by 年 or a dash) is shifted; any other run of digits is permuted.
NUMBER = re.compile(r"(?<![0-9])(?P<year>19[89][0-9]|20[0-3][0-9])(?=年|—|-|～|~)|[0-9]+")


@dataclass(frozen=True)
class Sample:
    """One sample report with the names of the places it mentions, by record."""

    name: str
    text: str
    places: dict[str, PlaceRecord]  # surface written in the text → the place it names


def load_samples(folder: Path | None = None) -> list[Sample]:
    """The sample reports (``seeds/corpus``) with the prefectures and counties each names."""
    gazetteer = load_gazetteer()
    samples = []
    for path in sorted((folder or seeds_dir() / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        places = {m.text: m.record for m in document_mentions(text, gazetteer)
                  if m.record.code is not None and m.record.level in (PREFECTURE, COUNTY) and len(m.text) >= 2}
        samples.append(Sample(path.stem, text, places))
    return samples


def targets() -> list[tuple[PlaceRecord, list[PlaceRecord]]]:
    """Real prefectures with at least two counties, each with its counties."""
    gazetteer = load_gazetteer()
    found = []
    for record in gazetteer.records():
        if record.level != PREFECTURE or not record.name.endswith("市"):
            continue
        counties = [c for c in gazetteer.children(record) if c.name[-1] in "县区市" and len(c.name) >= 3]
        if len(counties) >= 2:
            found.append((record, counties))
    return found


def _renamer(sample: Sample, choices, rng: random.Random) -> dict[str, str]:
    """Each place name written in ``sample`` → a name of another real place at the
    same level: each prefecture named (itself or through its counties) becomes
    another prefecture, and its counties that prefecture's counties."""
    chosen: dict[str, tuple[PlaceRecord, list[PlaceRecord]]] = {}
    new_county: dict[str, PlaceRecord] = {}
    mapping: dict[str, str] = {}
    for surface, record in sample.places.items():
        city_code = record.code if record.level == PREFECTURE else record.parent_code
        city, counties = chosen.setdefault(city_code, choices[rng.randrange(len(choices))])
        if record.level == PREFECTURE:
            new = city
        else:
            new = new_county.setdefault(record.code, counties[len(new_county) % len(counties)])
        # a short name (绥中 for 绥中县) becomes the new name less its suffix
        mapping[surface] = new.name if surface.endswith(record.name[-1]) else new.name[:-1]
    return mapping


def vary(sample: Sample, variant: int, seed: int, choices) -> str:
    """Variant number ``variant`` of one sample report; ``choices`` are the
    prefectures places are renamed to (:func:`targets`)."""
    rng = random.Random(f"{seed}:{sample.name}:{variant}")
    year_shift = rng.randint(-4, 4)
    first = rng.sample("123456789", 9)
    rest = rng.sample("0123456789", 10)
    renames = _renamer(sample, choices, rng)

    def number(match: re.Match) -> str:
        if match.group("year"):
            return str(int(match.group("year")) + year_shift)
        digits = match.group()
        return "".join(first[int(d) - 1] if i == 0 and d != "0" else rest[int(d)] for i, d in enumerate(digits))

    text = NUMBER.sub(number, sample.text)
    if renames:
        names = re.compile("|".join(map(re.escape, sorted(renames, key=len, reverse=True))))
        text = names.sub(lambda m: renames[m.group()], text)
    return text


def build_corpus(folder: Path, megabytes: float, seed: int = 8) -> list[Path]:
    """Write variants of the sample reports into ``folder`` until it holds ``megabytes``
    MB (10^6 bytes) of UTF-8 text; an existing complete corpus is reused."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / ".complete"
    if marker.exists():
        return sorted(folder.glob("*.txt"))
    samples = load_samples()
    choices = targets()
    wanted = int(megabytes * 1_000_000)
    written, seen, paths, variant = 0, set(), [], 0
    while written < wanted:
        for sample in samples:
            data = vary(sample, variant, seed, choices).encode("utf-8")
            digest = hashlib.sha256(data).digest()
            if digest in seen:
                continue
            seen.add(digest)
            path = folder / f"{variant:06d}_{sample.name}.txt"
            path.write_bytes(data)
            paths.append(path)
            written += len(data)
            if written >= wanted:
                break
        variant += 1
    marker.write_text(f"{written} bytes, {len(paths)} files, seed {seed}\n")
    return paths
