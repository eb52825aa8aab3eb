"""The metric vocabulary (seeds/metrics.toml): from a claim's label to a metric key.

Of the aliases standing in the normalised label the longest wins, if the
claim's unit fits the metric's unit family; else the next longest, and
no metric when none fits. A change of a level (…比2011年增加额) maps to the
level's metric: its aspect says it is a change.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import ahocorasick
import regex

from tracker.rules import load_seed

# Quotation marks and spaces do not change what a label names (“全面改薄”资金).
IGNORED = regex.compile(r"[\s“”‘’「」《》\"'()（）]")
# The claim's unit family as the vocabulary writes it.
FAMILY_OF = {"fraction": "ratio", "age": "duration", "multiple": "ratio"}
NAMED_CACHE_SIZE = 100_000  # labels kept looked up; bounded, so memory stays flat


@dataclass(frozen=True)
class MetricEntry:
    """One metric of the vocabulary."""

    key: str
    name: str
    aliases: tuple[str, ...]
    unit_family: str
    higher_is_better: bool | None
    flow: bool = False  # an amount done in a period, not a level a later year starts from


@dataclass(frozen=True)
class Vocabulary:
    """The metrics and an automaton over their aliases."""

    entries: tuple[MetricEntry, ...]
    automaton: ahocorasick.Automaton
    _named: Callable[[str], tuple[MetricEntry, ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Labels repeat across reports (学校数, 毛入园率): each is looked up once.
        object.__setattr__(self, "_named", lru_cache(maxsize=NAMED_CACHE_SIZE)(self._look_up))

    def fits(self, entry: MetricEntry, family: str, aspect: str) -> bool:
        """Whether a claim of ``family`` and ``aspect`` can be a value of ``entry``."""
        family = FAMILY_OF.get(family, family)
        if aspect in ("growth", "cagr"):
            return family == "rate"
        if aspect == "pp_change":
            return entry.unit_family == "rate" and family == "points"
        return entry.unit_family == family

    def match(self, label: str | None, family: str, aspect: str = "level") -> MetricEntry | None:
        """The metric a label names, or None."""
        return next((entry for entry in self.named_in(label) if self.fits(entry, family, aspect)), None)

    def named_in(self, text: str | None) -> tuple[MetricEntry, ...]:
        """The metrics whose name or an alias stands in ``text``, longest wording first."""
        return self._named(text) if text else ()

    def _look_up(self, text: str) -> tuple[MetricEntry, ...]:
        found = sorted({entry for _, entry in self.automaton.iter(IGNORED.sub("", text))}, key=lambda e: -e[0])
        return tuple(dict.fromkeys(self.entries[index] for _, index in found))


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary of seeds/metrics.toml, read once."""
    entries = tuple(
        MetricEntry(m["key"], m["name"], tuple(m["aliases"]), m["unit_family"], m.get("higher_is_better"),
                    m.get("flow", False))
        for m in load_seed("metrics.toml")["metric"]
    )
    automaton = ahocorasick.Automaton()
    for index, entry in enumerate(entries):
        for alias in {entry.name, *entry.aliases}:
            normalised = IGNORED.sub("", alias)
            if normalised and normalised not in automaton:
                automaton.add_word(normalised, (len(normalised), index))
    automaton.make_automaton()
    return Vocabulary(entries, automaton)
