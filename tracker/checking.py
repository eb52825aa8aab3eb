"""Checks: relations the reports state, recomputed; flags where they cannot hold.

Every figure is an interval from how it was written (``29.74亿元`` is
29.735…29.745亿; ``余``/``多`` widen it upwards, ``近`` downwards, ``约`` both
ways), and a relation is flagged only when the intervals cannot meet
(precision over recall: a relation with a hidden or unread figure is
reported as uncheckable, never as passed or failed).

- ``growth``: level, change and rate of one sentence (29.74亿元, 增加8.16亿元, 增长37.81%);
- ``cagr``: an average annual rate against its levels and the years between
  them, saying which other number of periods fits when the stated one does not;
- ``pp_change``: a change in points against the two rates it joins;
- ``sum``: parts against their total, trying each reading of the list
  (a distributive 各1处 as one item or as each; the last item inside or outside);
- ``part_of_whole``: a part above its whole, a share above 100 %;
- ``target_below_actual``: a later target below a level already reached;
- ``conflict``: one metric, place and year stated with different values by
  different documents or sections;
- ``redacted``: a relation that hidden digits make uncheckable (info).

Every check but ``conflict`` and ``target_below_actual`` reads the claims of
one document at a time; those two read a metric, place and unit across
documents. So a run of every check after documents were added re-checks
only those documents and the (metric, place, unit) groups their claims
fall in, and reports the flags of those (:func:`check_database`); a flag
records that scope. When a document was removed or replaced since the last
complete run, or with ``full``, every claim is checked again.

A run reads only the claims a check can use, as streams: the links of a
batch of documents with the claims they join; the exact counts, first
without their sentences, then in full only where ``carried_over`` may flag
them; the levels of one (metric, place, unit) group at a time. Memory holds
a batch, a group and the flags raised, not every claim. Drafts are put back
in the order a run over every claim at once would raise them (their
``position``), so the flags stored are the same.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache, cached_property, lru_cache
from itertools import groupby, product
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import Text, bindparam, cast, delete, func, insert, select, update
from sqlalchemy.orm import Session

from tracker.figures import base_of, interval, meet, written_like
from tracker.labeling import counted_nouns
from tracker.models import CheckState, Claim, ClaimLink, Document, Flag, Metric, Section, Sentence
from tracker.querying import json_number
from tracker.relating import base_kind
from tracker.rules import load_rules, unit_family
from tracker.segmenting import STORY_LABEL_LIKE
from tracker.storing import reserve_ids
from tracker.vocabulary import IGNORED, load_vocabulary

CHECKS = ("growth", "cagr", "pp_change", "sum", "share", "part_of_whole", "target_below_actual", "conflict",
          "carried_over", "redacted")
# Checks that compare claims of different documents (by metric, place and unit).
ACROSS_DOCUMENTS = ("conflict", "target_below_actual")
# The order the checks run in: new flags are stored, and get their ids, in this order.
RUN_ORDER = ("growth", "cagr", "pp_change", "sum", "part_of_whole", "target_below_actual", "conflict", "share",
             "carried_over")
SEVERITIES = ("info", "warning", "error")
# Rows fetched at a time from a stream of claims, and flags written or compared at a time.
BATCH = 10_000
_UNREAD = object()


@dataclass(slots=True, eq=False)
class Figure:
    """A claim as the checks see it. Figures compare by identity: a check compares claims
    by their fields, and the figures of one flag come from one read."""

    id: int
    doc: str
    document_id: int
    section_id: int | None
    sentence: str
    text: str
    value: Decimal | None
    unit: str
    approx: str
    redacted: bool
    year: int | None
    place_id: int | None
    metric_id: int | None
    metric: str | None
    label: str | None
    higher_is_better: bool | None
    kind: str
    aspect: str
    _interval: tuple[float, float] | None | object = field(default=_UNREAD, repr=False)

    @property
    def interval(self) -> tuple[float, float] | None:
        """The values the written figure allows, or None when it is hidden or unread."""
        if self._interval is _UNREAD:
            self._interval = None if self.redacted else _interval(self.text, self.value, self.approx)
        return self._interval

    def evidence(self) -> dict:
        """The claim as shown in a flag."""
        return {"id": self.id, "doc": self.doc, "sentence": self.sentence, "text": self.text,
                "value": json_number(str(self.value)) if self.value is not None else None, "unit": self.unit,
                "year": self.year}

    def identity(self) -> str:
        """What the claim is independently of its row id (survives re-ingesting its document)."""
        return f"{self.doc}\x1f{self.sentence}\x1f{self.text}"


@lru_cache(maxsize=65_536)
def _interval(text: str, value: Decimal | None, approx: str) -> tuple[float, float] | None:
    """:func:`tracker.figures.interval`, remembered: the same figures (12所, 100%) are written
    over and over, and reading each again was a tenth of a full check."""
    return interval(text, value, approx)


class Link(NamedTuple):
    """A stated relation between two claims (a row of ``claim_links``)."""

    id: int
    relation: str
    head_claim_id: int
    tail_claim_id: int
    base_year: int | None
    detail: dict | None


@dataclass
class FlagDraft:
    """A flag before it is stored.

    ``position`` is where a run over every claim at once meets the draft among
    those of its check: (0, the id of its relation or of the first claim of its
    group), or (1, …) for drafts a check raises after all its others. Drafts
    found document by document or group by group are put back in that order,
    so new flags get the ids they always got.
    """

    check: str
    severity: str
    message: str
    figures: list[Figure]
    stated: float | None = None
    computed: float | list | None = None
    tolerance: list | None = None
    readings: list[dict] = field(default_factory=list)
    position: tuple[int, int] = (0, 0)

    @property
    def scope(self) -> str:
        """What a change must touch for this flag to be checked again: the group of
        metric, place and unit of a check across documents, else the document."""
        first = self.figures[0]
        if self.check in ACROSS_DOCUMENTS:
            return group_scope(first.metric_id, first.place_id, first.unit)
        return f"document:{first.document_id}"

    @cached_property
    def fingerprint(self) -> str:
        """The flag's identity: its check and its claims' identities."""
        key = self.check + "\x1e" + "\x1e".join(sorted(f.identity() for f in self.figures))
        return hashlib.sha256(key.encode()).hexdigest()

    def evidence(self) -> dict:
        """What a flag stores besides its message."""
        return {"stated": self.stated, "computed": self.computed, "tolerance": self.tolerance,
                "readings": self.readings, "claims": [f.evidence() for f in self.figures],
                "documents": sorted({f.document_id for f in self.figures}),
                "places": sorted({f.place_id for f in self.figures if f.place_id is not None})}


def _round(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else float(f"{value:.{digits}g}")


def group_scope(metric_id: int | None, place_id: int | None, unit: str) -> str:
    """The scope of a flag across documents: its metric, place and unit."""
    return f"group:{metric_id}:{place_id}:{unit}"


class Names(NamedTuple):
    """What figures show of their document and metric: file names, and metric keys with
    whether higher is better, by id. Read once a run, not joined to every claim."""

    documents: dict[int, str]
    metrics: dict[int, tuple[str, bool | None]]
    # a story of a page of dated stories is one source with the page (its first section):
    # stories on different projects are no two reports of one figure
    sources: dict[int, int]


def read_names(session: Session) -> Names:
    """The names of every document and metric."""
    # through the connection: plain rows, three times faster than through the ORM
    connection = session.connection()
    stories = connection.execute(select(Section.id, Section.document_id)
                                 .where(Section.label.like(STORY_LABEL_LIKE))).all()
    pages = dict(connection.execute(select(Section.document_id, Section.id).where(
        Section.ordinal == 0, Section.document_id.in_({document for _, document in stories}))).all()) if stories else {}
    return Names(dict(connection.execute(select(Document.id, Document.file_name)).all()),
                 {id_: (key, better) for id_, key, better in
                  connection.execute(select(Metric.id, Metric.key, Metric.higher_is_better))},
                 {id_: pages[document] for id_, document in stories if document in pages})


def load_figures(session: Session, *conditions, order_by=(Claim.id,), names: Names | None = None
                 ) -> Iterator[Figure]:
    """The claims meeting ``conditions`` as Figures, in ``order_by`` order, read in batches
    (a stream: the claims need not all be in memory at once)."""
    # Columns rather than Claim objects: a million claims load several times faster.
    documents, metrics, sources = names or read_names(session)
    query = (select(Claim.id, Claim.document_id, Claim.section_id, Sentence.text, Claim.text, Claim.value_exact,
                    Claim.unit, Claim.approx, Claim.redacted, Claim.year, Claim.place_id, Claim.metric_id,
                    Claim.metric_label, Claim.kind, Claim.aspect)
             .join(Sentence, Claim.sentence_id == Sentence.id)
             .where(*conditions).order_by(*order_by))
    previous = None
    # one copy of each unit, qualifier, kind, aspect and label, not one a row: flags keep
    # a few hundred thousand figures
    words: dict[str | None, str | None] = {}
    for (id_, document_id, section_id, sentence, text, value, unit, approx, redacted, year, place_id, metric_id,
         label, kind, aspect) in session.connection().execute(query.execution_options(yield_per=BATCH)):
        # claims of one sentence follow one another: one copy of its text for all of them
        if sentence == previous:
            sentence = previous
        previous = sentence
        metric, better = metrics.get(metric_id, (None, None))
        yield Figure(id_, documents[document_id], document_id, sources.get(section_id, section_id), sentence, text,
                     Decimal(value) if value is not None else None, words.setdefault(unit, unit),
                     words.setdefault(approx, approx), redacted, year, place_id, metric_id, metric,
                     words.setdefault(label, label), better, words.setdefault(kind, kind),
                     words.setdefault(aspect, aspect))


@cache
def _count_units() -> frozenset[str]:
    """The units whose family is a count (所, 名, 个, ...)."""
    return frozenset(info.canonical for info in load_rules().units.values() if unit_family(info.canonical) == "count")


def _counted():
    """The counts ``carried_over`` compares: exact, of a section, with a value."""
    # the unit as an expression: SQLite then reads the counts in document order rather than
    # unit by unit through ix_claims_unit and sorting them (a second more at 1.7M claims)
    return (Claim.approx == "exact", Claim.aspect == "level", Claim.section_id.isnot(None), ~Claim.redacted,
            Claim.value_exact.isnot(None), Claim.unit.concat("").in_(sorted(_count_units())))


def _levels():
    """The claims the checks across documents compare: levels with a value, a metric and a place."""
    return (Claim.metric_id.isnot(None), Claim.place_id.isnot(None), Claim.aspect == "level", ~Claim.redacted,
            Claim.value_exact.isnot(None))


def _links_by_document(session: Session, *conditions) -> Iterator[tuple[int, list[Link]]]:
    """The links whose head claim meets ``conditions``, a document at a time, in document order."""
    query = (select(Claim.document_id, ClaimLink.id, ClaimLink.relation, ClaimLink.head_claim_id,
                    ClaimLink.tail_claim_id, ClaimLink.base_year, ClaimLink.detail)
             .join(Claim, ClaimLink.head_claim_id == Claim.id)
             .where(*conditions).order_by(Claim.document_id, ClaimLink.id))
    rows = session.connection().execute(query.execution_options(yield_per=BATCH))
    for document_id, group in groupby(rows, key=lambda row: row[0]):
        yield document_id, [Link(*row[1:]) for row in group]


def _documents(session: Session, names: Names, *conditions) -> Iterator[tuple[dict[int, Figure], list[Link]]]:
    """The links of each document whose head claims meet ``conditions``, with the claims
    they join (by id; read by id, a batch of documents at a time)."""
    batch: list[list[Link]] = []
    size = 0
    for _document, links in _links_by_document(session, *conditions):
        batch.append(links)
        size += len(links)
        if size >= BATCH:
            yield from _with_claims(session, names, batch)
            batch, size = [], 0
    yield from _with_claims(session, names, batch)


def _with_claims(session: Session, names: Names, documents: list[list[Link]]
                 ) -> Iterator[tuple[dict[int, Figure], list[Link]]]:
    """The links of each of ``documents``, with the claims of all of them."""
    ids = sorted({id_ for links in documents for link in links for id_ in (link.head_claim_id, link.tail_claim_id)})
    figures = {f.id: f for f in load_figures(session, Claim.id.in_(ids), names=names)} if ids else {}
    for links in documents:
        yield figures, links


def _counts(session: Session, names: Names, *conditions) -> Iterator[dict[int, Figure]]:
    """The counts meeting ``conditions`` that ``carried_over`` may flag (by id, in id order),
    a batch of whole documents at a time.

    It flags a set counted with two values, one of them stated in two sentences. A
    first pass reads the counts without their sentences and keeps those of a
    section, place, noun, unit and kind where that can happen (a few in a hundred);
    only those are read in full.
    """
    query = (select(Claim.document_id, Claim.id, Claim.section_id, Claim.place_id, Claim.unit, Claim.kind,
                    Claim.metric_label, Claim.value_exact, Claim.sentence_id)
             .where(*_counted(), *conditions).order_by(Claim.document_id, Claim.id))
    rows = session.connection().execute(query.execution_options(yield_per=BATCH))
    kept = [_may_be_carried(counts) for _document, counts in groupby(rows, key=lambda row: row[0])]
    batch: list[int] = []
    for ids in kept:
        # a document's counts stay in one batch: a set is counted within a section
        if batch and len(batch) + len(ids) > BATCH:
            yield {f.id: f for f in load_figures(session, Claim.id.in_(batch), names=names)}
            batch = []
        batch += ids
    if batch:
        yield {f.id: f for f in load_figures(session, Claim.id.in_(batch), names=names)}


def _may_be_carried(counts: Iterable) -> list[int]:
    """The ids of the ``counts`` (rows of one document) counting a set, in one section,
    place, unit and kind, with two values, one of them in two sentences."""
    sets: dict[tuple, list[tuple]] = defaultdict(list)
    for _document, id_, section, place, unit, kind, label, value, sentence in counts:
        for noun in _nouns(label or "", unit):
            sets[section, place, noun, unit, kind].append((id_, value, sentence))
    kept = set()
    for members in sets.values():
        if len(members) < 3:  # two counts of one value and one of another, at least
            continue
        sentences = defaultdict(set)
        for _id, value, sentence in members:
            sentences[Decimal(value)].add(sentence)
        if len(sentences) > 1 and any(len(ids) > 1 for ids in sentences.values()):
            kept.update(id_ for id_, _value, _sentence in members)
    return sorted(kept)


class Group(NamedTuple):
    """The levels of one (metric, place, unit) that state a year, in id order, and where a
    run over every claim meets the group: (0, the id of its first level, with a year or not)."""

    key: tuple
    position: tuple[int, int]
    members: list[Figure]


def _groups(session: Session, names: Names, *conditions) -> Iterator[Group]:
    """The groups of the levels meeting ``conditions``, one at a time. Only levels of a
    year are compared (half of them at 1.7M claims), so only they are read as figures."""
    firsts = {(metric, place, unit): first for metric, place, unit, first in session.connection().execute(
        select(Claim.metric_id, Claim.place_id, Claim.unit, func.min(Claim.id)).where(*_levels(), *conditions)
        .group_by(Claim.metric_id, Claim.place_id, Claim.unit))}
    claims = load_figures(session, *_levels(), Claim.year.isnot(None), *conditions,
                          order_by=(Claim.metric_id, Claim.place_id, Claim.unit, Claim.id), names=names)
    for key, members in groupby(claims, key=attrgetter("metric_id", "place_id", "unit")):
        yield Group(key, (0, firsts[key]), list(members))


def _uncheckable(figures: list[Figure], what: str, position: tuple[int, int]) -> FlagDraft:
    return FlagDraft("redacted", "info", f"{what} cannot be checked: digits are hidden", figures,
                     position=position)


@dataclass
class Comparison:
    """A level compared with an earlier one: the base comes from a stated change
    (29.74亿元, 比2011年增加了8.16亿元) or from where a from → to started (由43%提高到65%)."""

    link: Link
    level: Figure
    rate: Figure
    given: Figure  # the change, or the starting level
    base: tuple[float, float]
    base_value: float
    base_year: int | None

    @property
    def figures(self) -> list[Figure]:
        """The claims involved, in reading order."""
        return sorted({self.level, self.rate, self.given}, key=lambda f: f.id)

    @property
    def from_start(self) -> bool:
        """Whether the base is a stated starting level (not a level less a change)."""
        return self.given.aspect == "level"

    @property
    def direction(self) -> int:
        """1 for a rise, -1 for a fall."""
        return (self.link.detail or {}).get("direction", 1)

    def relative(self) -> float:
        """The rise from the base to the level, in % (negative for a fall)."""
        return 100 * (float(self.level.value) / self.base_value - 1)

    def relative_range(self) -> tuple[float, float]:
        """The relative changes the written figures allow, in %."""
        (l0, l1), (g0, g1) = self.level.interval, self.given.interval
        if self.from_start:
            return 100 * (l0 / g1 - 1), 100 * (l1 / g0 - 1)
        # change / (level - change): the level and the change vary independently, the base with them
        if self.direction > 0:
            return 100 * g0 / (l1 - g0), 100 * g1 / (l0 - g1)
        return -100 * g1 / (l0 + g1), -100 * g0 / (l1 + g0)

    def stated(self) -> tuple[float, float]:
        """The stated rate as a signed interval (下降了0.3 → -0.3)."""
        low, high = self.rate.interval
        return (low, high) if self.direction > 0 else (-high, -low)


def _comparisons(figures: dict[int, Figure], links: list[Link], relation: str, what: str,
                 drafts: list[FlagDraft]):
    """Each ``relation`` link (a rate said of a level) whose base is known, as a Comparison;
    one with hidden digits goes to ``drafts`` as uncheckable instead."""
    changes = {link.head_claim_id: link for link in links if link.relation == "change"}
    starts = {link.tail_claim_id: link for link in links if link.relation == "from_to"}
    for link in links:
        if link.relation != relation or (link.detail or {}).get("real"):
            continue  # a growth at comparable prices is not one of the nominal levels
        level, rate = figures[link.head_claim_id], figures[link.tail_claim_id]
        direction = (link.detail or {}).get("direction", 1)
        if link.head_claim_id in changes:
            change_link = changes[link.head_claim_id]
            if not _same_base(link, change_link):
                continue  # 比年初增加289.5亿元，同比增长9.4%: since January, and against a year before
            given = figures[change_link.tail_claim_id]
            base_year = link.base_year or change_link.base_year
        elif link.head_claim_id in starts:
            given = figures[starts[link.head_claim_id].head_claim_id]
            if link.base_year and given.year and link.base_year != given.year:
                continue  # 由2017年的2万元增加到2018年的8.6万元、2019年的15.3万元，同比增长77.9%
            if base_kind((link.detail or {}).get("base")) == "month" and given.year != level.year:
                continue  # 13.85元/斤，环比下降1.35%，同比下降18.2%（去年同期为16.93元/斤）: not the month's base
            base_year = link.base_year or given.year
        else:
            continue
        if given.unit != level.unit:
            continue  # 1135.6公顷（约合1.7万亩），比上年增加212.4公顷: the change is of the other level
        if any(f.interval is None for f in (level, given, rate)):
            drafts.append(_uncheckable(sorted({level, given, rate}, key=lambda f: f.id), what, (0, link.id)))
            continue
        if given.aspect == "level":
            base, base_value = given.interval, float(given.value)
        else:
            base = base_of(level.interval, given.interval, direction)
            base_value = float(level.value) - direction * float(given.value)
        if base[0] > 0:
            yield Comparison(link, level, rate, given, base, base_value, base_year)


def _same_base(rate: Link, change: Link) -> bool:
    """Whether a rate and a change of one level may be made against the same base: not
    when both say what they compare with and it differs (relating.base_kind)."""
    kinds = {base_kind((link.detail or {}).get("base")) for link in (rate, change)} - {None}
    return len(kinds) < 2


def check_growth(figures: dict[int, Figure], links: list[Link]) -> list[FlagDraft]:
    """A growth rate against its level and base; for rates, a change in points written as %."""
    drafts: list[FlagDraft] = []
    wholes = {link.tail_claim_id: figures[link.head_claim_id] for link in links if link.relation == "part"}
    for case in _comparisons(figures, links, "growth", "A growth rate", drafts):
        (l0, l1), (b0, b1) = case.level.interval, case.base
        stated, relative = case.stated(), case.relative_range()
        if meet(relative, stated) or _said_of_whole(case, wholes.get(case.level.id)):
            continue
        computed, moved = case.relative(), float(case.level.value) - case.base_value
        readings = [{"reading": "relative change", "computed": _round(computed), "fits": False}]
        if case.from_start and case.level.unit == case.given.unit == "%":
            points_fit = meet((l0 - b1, l1 - b0), stated)
            readings.append({"reading": "change in percentage points", "computed": _round(moved), "fits": points_fit})
            if points_fit:
                drafts.append(FlagDraft(
                    "growth", "warning",
                    f"inconsistency: {case.given.text} to {case.level.text} is a change of {moved:g} percentage "
                    f"points written as {case.rate.text} (a relative change of {computed:.2f}%)",
                    case.figures, float(case.rate.value), _round(computed), [_round(v) for v in relative], readings,
                    (0, case.link.id)))
                continue
        source = (f"{case.given.text} to {case.level.text}" if case.from_start
                  else f"a change of {case.given.text} on a level of {case.level.text}")
        drafts.append(FlagDraft(
            "growth", "error", f"inconsistency: {source} is a growth of {computed:.2f}%, not {case.rate.text}",
            case.figures, float(case.rate.value), _round(computed), [_round(v) for v in relative], readings,
            (0, case.link.id)))
    return drafts


def _said_of_whole(case: Comparison, whole: Figure | None) -> bool:
    # 受益学生112,460名，其中小学生81,235名、初中生31,225名，比上年增加3,180名，增长2.91%: a change
    # after the last part of a list may be the whole's; read so, it holds.
    if whole is None or case.from_start or whole.interval is None or whole.unit != case.level.unit:
        return False
    return meet(replace(case, level=whole).relative_range(), case.stated())


def check_cagr(figures: dict[int, Figure], links: list[Link]) -> list[FlagDraft]:
    """An average annual rate against its levels and the years between them."""
    drafts: list[FlagDraft] = []
    for case in list(_comparisons(figures, links, "cagr", "An average annual rate", drafts)):
        level, rate, base_year = case.level, case.rate, case.base_year
        if base_year is None or level.year is None or level.year <= base_year:
            continue
        steps = level.year - base_year
        (l0, l1), (b0, b1), (r0, r1) = level.interval, case.base, rate.interval

        def fits(n: int) -> bool:
            low = 100 * ((l0 / b1) ** (1 / n) - 1)
            high = 100 * ((l1 / b0) ** (1 / n) - 1)
            return meet((low, high), (r0, r1))

        def rate_for(n: int) -> float:
            return 100 * ((float(level.value) / case.base_value) ** (1 / n) - 1)

        if fits(steps):
            continue
        readings = [{"periods": n, "rate": _round(rate_for(n), 4), "fits": fits(n)} for n in range(1, 2 * steps + 2)]
        other = [r["periods"] for r in readings if r["fits"]]
        if other:
            message = (f"inconsistency: {rate.text} a year from {base_year} to {level.year} fits "
                       f"{other[0]} periods, not the {steps} years between them ({rate_for(steps):.2f}% a year)")
            severity = "warning"
        else:
            message = (f"inconsistency: {rate.text} a year does not fit {level.text} against {base_year} "
                       f"({rate_for(steps):.2f}% a year over {steps} years)")
            severity = "error"
        # after every uncheckable one: the list() above raised those first
        drafts.append(FlagDraft("cagr", severity, message, case.figures, float(rate.value),
                                _round(rate_for(steps), 4), [_round(r0), _round(r1)], readings, (1, case.link.id)))
    return drafts


def check_pp_change(figures: dict[int, Figure], links: list[Link]) -> list[FlagDraft]:
    """A change in points against the two rates it joins (由43%提高到65%, 提高了22个百分点);
    a relative change written as points is a warning, not an arithmetic failure."""
    drafts: list[FlagDraft] = []
    for case in _comparisons(figures, links, "pp_change", "A change in percentage points", drafts):
        if not case.from_start:
            continue
        (l0, l1), (b0, b1) = case.level.interval, case.base
        stated, points = case.stated(), (l0 - b1, l1 - b0)
        if meet(points, stated):
            continue
        computed = float(case.level.value) - case.base_value
        relative_fit = meet(case.relative_range(), stated)
        readings = [{"reading": "change in percentage points", "computed": _round(computed), "fits": False},
                    {"reading": "relative change", "computed": _round(case.relative()), "fits": relative_fit}]
        if relative_fit:
            message = (f"inconsistency: {case.given.text} to {case.level.text} is a relative change of "
                       f"{case.relative():.2f}% written as {case.rate.text} ({computed:g} points)")
        else:
            message = f"inconsistency: {case.given.text} to {case.level.text} is {computed:g} points, not {case.rate.text}"
        drafts.append(FlagDraft("pp_change", "warning" if relative_fit else "error", message, case.figures,
                                float(case.rate.value), _round(computed), [_round(v) for v in points], readings,
                                (0, case.link.id)))
    return drafts


def check_sum(figures: dict[int, Figure], links: list[Link]) -> list[FlagDraft]:
    """Parts against their total, under each reading of the list."""
    # 招聘教师280名，录用教师420名，共计补充新教师700名，其中研究生学历26名…: the parts a total closes
    # and those after its 其中 are two breakdowns of it, each checked on its own
    # 其中男童2,015名、女童1,795名；按年龄分，…612名、…2,846名、…404名: two lists after one 其中,
    # each numbered from 0, are two breakdowns too
    groups: dict[tuple[int, str | None, int], list[Link]] = defaultdict(list)
    lists: dict[tuple[int, str | None], int] = defaultdict(int)
    for link in links:
        if link.relation == "part":
            detail = link.detail or {}
            key = (link.head_claim_id, detail.get("form"))
            if detail.get("order") == 0 and groups.get((*key, lists[key])):
                lists[key] += 1
            groups[*key, lists[key]].append(link)
    drafts = []
    for (head, _form, _list), parts in groups.items():
        total = figures[head]
        members = [figures[link.tail_claim_id] for link in parts]
        group = [total, *members]
        if any(f.interval is None for f in group):
            drafts.append(_uncheckable(group, "A total and its parts", (0, parts[0].id)))
            continue
        form = (parts[0].detail or {}).get("form")
        readings = _sum_readings(parts, members)
        short = True
        for reading in readings:
            low = sum(members[i].interval[0] for i in reading["members"])
            high = sum(members[i].interval[1] for i in reading["members"])
            reading["sum"] = _round(sum(float(members[i].value) for i in reading["members"]), 12)
            reading["fits"] = meet((low, high), total.interval)
            short = short and high < total.interval[0]
        natural = readings[0]
        fitting = [r for r in readings if r["fits"]]
        shown = [{k: v for k, v in r.items() if k != "members"} for r in readings]
        whole = bool((parts[0].detail or {}).get("whole"))
        if natural["fits"] or (form == "其中" and short and not whole):
            continue  # a list after 其中 need not name every part of its total, unless it names the whole
        if fitting:
            drafts.append(FlagDraft(
                "sum", "info",
                f"the parts add up to {total.text} only if {fitting[0]['reading']}", group,
                float(total.value), fitting[0]["sum"], [_round(v, 12) for v in total.interval], shown,
                (0, parts[0].id)))
        else:
            # parts after 其中 above their total: an inconsistency, or categories that overlap (not
            # parts that name the whole, 本县…，县外…)
            overlap = " (unless the listed categories overlap)" if form == "其中" and not whole else ""
            drafts.append(FlagDraft(
                "sum", "warning" if overlap else "error",
                f"inconsistency: the parts ({form}) add up to {written_like(natural['sum'], total.text, total.value)}, "
                f"which does not add up to the stated total {total.text}{overlap}",
                group, float(total.value), natural["sum"], [_round(v, 12) for v in total.interval], shown,
                (0, parts[0].id)))
    return drafts


def _sum_readings(parts: list[Link], members: list[Figure]) -> list[dict]:
    """Each way to read a list: distributed items (A、B各1处) as each or as one; after
    其中, the last item inside the total or outside it."""
    spans: dict[tuple, list[int]] = defaultdict(list)
    for index, link in enumerate(parts):
        detail = link.detail or {}
        if detail.get("item"):
            spans[tuple(detail.get("span") or ())].append(index)
    distributed = [indices for indices in spans.values() if len(indices) > 1]
    last_optional = (parts[0].detail or {}).get("form") == "其中" and len(parts) > 2
    readings: list[dict] = []
    for each, last_in in product((True, False) if distributed else (True,), (True, False) if last_optional else (True,)):
        chosen = list(range(len(parts)))
        if not each:
            for indices in distributed:
                chosen = [i for i in chosen if i not in indices[1:]]
        if not last_in:
            chosen = chosen[:-1]
        words = []
        if distributed:
            words.append("各 covers each listed item" if each else "各 counts once")
        if last_optional:
            words.append(f"the last item ({members[-1].text}) is {'inside' if last_in else 'outside'} the total")
        readings.append({"reading": "; ".join(words) or "all parts", "members": chosen})
    return readings


def check_part_of_whole(figures: dict[int, Figure], links: list[Link]) -> list[FlagDraft]:
    """A part never above its whole; a share never above 100 %."""
    drafts = []
    for link in links:
        if link.relation == "part_of_whole":
            whole, part = figures[link.head_claim_id], figures[link.tail_claim_id]
            if whole.interval and part.interval and part.interval[0] > whole.interval[1]:
                drafts.append(FlagDraft("part_of_whole", "error",
                                        f"inconsistency: {part.text} is more than the whole of {whole.text}",
                                        [whole, part], float(part.value), float(whole.value), position=(0, link.id)))
        if link.relation == "share" and not (link.detail or {}).get("of_plan"):
            # a share of a plan is how far it was fulfilled (占年度计划的112.4%): it may pass 100 %
            share = figures[link.tail_claim_id]
            if share.unit == "%" and share.interval and share.interval[0] > 100:
                drafts.append(FlagDraft("part_of_whole", "error", f"inconsistency: a share of {share.text} is above 100%",
                                        [figures[link.head_claim_id], share], float(share.value), 100.0,
                                        position=(0, link.id)))
    return drafts


def check_share(figures: dict[int, Figure], links: list[Link]) -> list[FlagDraft]:
    """A share against its part and whole (其中高级教师510人,占18.6%); with no whole stated,
    a share of a count must be k/N for some whole N (the GRIM test)."""
    drafts: list[FlagDraft] = []
    wholes = {link.tail_claim_id: link.head_claim_id for link in links if link.relation in ("part", "part_of_whole")}
    # A total given as a share of a wider whole (中小企业81.37亿元，占全市…总金额的82.51%): a bare 占
    # of its part (其中小微企业58.26亿元，占59.08%) may be of that wider whole too, so of neither for sure.
    shares_of_wider = {link.head_claim_id for link in links
                       if link.relation == "share" and not (link.detail or {}).get("of_whole")}
    for link in links:
        if link.relation != "share":
            continue
        part, share = figures[link.head_claim_id], figures[link.tail_claim_id]
        whole_id = wholes.get(part.id) if (link.detail or {}).get("of_whole") else None
        if whole_id in shares_of_wider and not (link.detail or {}).get("of"):
            whole_id = None
        if share.unit != "%" or (whole_id is None and unit_family(part.unit) != "count"):
            continue
        group = [part, share] if whole_id is None else [figures[whole_id], part, share]
        if any(f.interval is None for f in group):
            drafts.append(_uncheckable(group, "A share", (0, link.id)))
            continue
        (p0, p1), (s0, s1) = part.interval, share.interval
        if whole_id is not None:
            whole = figures[whole_id]
            (w0, w1), computed = whole.interval, 100 * float(part.value) / float(whole.value)
            allowed = (100 * p0 / w1, 100 * p1 / w0)
            if not meet(allowed, share.interval):
                drafts.append(FlagDraft(
                    "share", "error",
                    f"inconsistency: {part.text} of {whole.text} is {computed:.2f}%, not {share.text}",
                    group, float(share.value), _round(computed), [_round(v) for v in allowed], position=(0, link.id)))
        elif p0 == p1 and part.approx == "exact" and s0 > 0:
            # a whole count of N gives shares k/N: is there a whole N between k/s1 and k/s0?
            low, high = 100 * p0 / s1, 100 * p0 / s0
            if math.floor(high + 1e-9) < math.ceil(low - 1e-9):
                drafts.append(FlagDraft(
                    "share", "error",
                    f"inconsistency: no whole number N gives {part.text} as {share.text} of N "
                    f"(N would lie between {low:.3f} and {high:.3f})",
                    group, float(share.value), None, [_round(low), _round(high)], position=(0, link.id)))
    return drafts


def _set_named(figure: Figure) -> str | None:
    """The set a count counts, when the sentence names it right beside the number
    (54所实项目学校, 实项目学校48所): its label without the counting suffix."""
    for noun in _nouns(figure.label or "", figure.unit):
        if figure.text + noun in figure.sentence or noun + figure.text in figure.sentence:
            return noun
    return None


@lru_cache(maxsize=65_536)
def _nouns(label: str, unit: str) -> tuple[str, ...]:
    """The nouns of at least two characters a count's label may have been built from."""
    return tuple(noun for noun in counted_nouns(label, unit) if len(noun) >= 2)


def check_carried_over(figures: dict[int, Figure]) -> list[FlagDraft]:
    """A set counted differently in two sentences of one speech for one year, where the
    odd count is itself stated elsewhere in the speech: reused from another year. Exact
    counts only (8.3万人 is a rounded stock), and only sets named beside their number."""
    drafts = []
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures.values():
        # the cheap tests first: reading the interval of every claim cost a fifth of a full check
        if f.approx != "exact" or f.aspect != "level" or f.section_id is None or f.unit not in _count_units():
            continue
        if f.interval is not None and f.interval[0] == f.interval[1]:
            noun = _set_named(f)
            if noun:
                groups[(f.section_id, f.place_id, noun, f.unit, f.kind)].append(f)
    for (_, _, noun, _, _), members in groups.items():
        seen = set()
        for a, b in ((a, b) for a in members for b in members if a.value != b.value):
            if a.sentence == b.sentence or a.year != b.year or frozenset((a.value, b.value)) in seen:
                continue
            # b's count is stated again in a third sentence: the count it was carried with
            again = [f for f in members if f.value == b.value and f.sentence not in (a.sentence, b.sentence)]
            if not again:
                continue
            seen.add(frozenset((a.value, b.value)))
            drafts.append(FlagDraft(
                "carried_over", "warning",
                f"inconsistency: {noun} is counted as {a.text} and as {b.text} in one speech; {b.text} is also "
                f"stated elsewhere, so it may be carried over from another year",
                [a, b, again[0]], float(b.value), float(a.value), position=(0, members[0].id)))
    return drafts


def check_conflict(group: Group) -> list[FlagDraft]:
    """One metric, place and year, actual, stated with different values by different
    documents or sections; the same sentence published twice is a duplicate. Of a flow
    (an amount done in a year: money put into projects, schools built) many differ in one
    year, so two of its figures conflict only where their labels are the same; so do two of
    a level whose labels are not the metric's own words."""
    drafts = []
    flows, wordings = _metric_wordings()
    metric = group.members[0].metric
    flow, own = flows.get(metric, False), wordings.get(metric, set())
    by_year: dict[tuple[int, str], list[Figure]] = defaultdict(list)
    for f in group.members:
        if f.kind == "actual" and f.year is not None:
            # a level named in the metric's own words is the metric; one named otherwise
            # (办件办结率, 问题办结率) only what its label names
            label = _bare(f.label or "")
            key = label if flow or label not in own else ""
            if label in own or label[1:] in own or label[2:] in own:  # 按期办结率 is 办结率 still
                key = _qualified(f, key)
            by_year[(f.year, key)].append(f)
    for (year, _), stated in by_year.items():
        distinct = {}
        for f in stated:
            distinct.setdefault((f.document_id, f.section_id), f)
        sources = list(distinct.values())
        if len(sources) < 2:
            continue
        first = sources[0]
        others = [f for f in sources[1:] if not meet(f.interval, first.interval) and f.sentence != first.sentence]
        if others:
            stated_as = [first, *others]
            drafts.append(FlagDraft(
                "conflict", "warning",
                f"inconsistency: {first.metric} of {year} is stated as "
                + ", ".join(f"{f.text} ({f.doc})" for f in stated_as),
                stated_as, float(first.value), [float(f.value) for f in others], position=group.position))
    return drafts


# What leaves a figure's sentence before it naming no amount of its own: years and dates.
YEARS_AND_DATES = re.compile(r"(?:19|20)[0-9]{2}\s*年|[0-9]{1,2}\s*月(?:[0-9]{1,2}\s*日)?")
DIGIT = re.compile(r"[0-9０-９]")
CLAUSE_MARKS = "，,；;：:"


def _qualified(figure: Figure, key: str) -> str:
    # 基本建成4,105套，完成投资14.3亿元 and 完成敬老院改造项目42个，完成投资约1.2亿元: a figure named
    # only in the metric's own words after another amount of its sentence is of what that
    # amount counts, so the clauses before it are part of what it names (2015年,葫芦岛市完成投资
    # 12亿元 names no other amount: it is the place's own; nor does …毛入园率由2014年的83.2%提高到
    # 92.1% before its clause).
    at = figure.sentence.find(figure.text)
    clause = max(figure.sentence.rfind(mark, 0, at) for mark in CLAUSE_MARKS) if at > 0 else -1
    head = YEARS_AND_DATES.sub("", figure.sentence[:clause + 1]) if clause > 0 else ""
    return f"{key}|{DIGIT.sub('', head)}" if DIGIT.search(head) else key


@cache
def _metric_wordings() -> tuple[dict[str, bool], dict[str, set[str]]]:
    """Of each metric of the vocabulary: whether it is an amount done in a period (a flow),
    and its own wordings."""
    vocabulary = load_vocabulary()
    return ({e.key: e.flow for e in vocabulary.entries},
            {e.key: {IGNORED.sub("", w) for w in (e.name, *e.aliases)} for e in vocabulary.entries})


@lru_cache(maxsize=65_536)
def _bare(label: str) -> str:
    """A label without what the vocabulary ignores (labels repeat: each is read once)."""
    return IGNORED.sub("", label)


def check_target_below_actual(group: Group) -> list[FlagDraft]:
    """A target for a later year below a level already reached (above, where lower is better).

    Only levels: not amounts done in a period (新建幼儿园30所 after 42 last year is no going
    back), and a count, sum or area only where its label is the metric's own wording (示范校数,
    not 被认定为示范校的学校数: what a verb did in a year is an amount of that year).
    """
    flows, wordings = _metric_wordings()
    # one metric for the whole group: a metric with no better direction, or a flow, raises nothing
    members = group.members
    better, metric = members[0].higher_is_better, members[0].metric
    if better is None or flows.get(metric, False):
        return []
    own = wordings.get(metric, ())

    def level(f: Figure) -> bool:
        return f.unit == "%" or _bare(f.label or "") in own

    drafts = []
    actuals = [f for f in members if f.kind == "actual" and f.year is not None and level(f)]
    targets = [f for f in members if f.kind == "target" and f.year is not None and level(f)]
    for target in targets:
        reached = [a for a in actuals if a.year < target.year
                   and (target.interval[1] < a.interval[0] if better else target.interval[0] > a.interval[1])]
        if reached:
            best = max(reached, key=lambda a: a.year)
            word = "below" if better else "above"
            drafts.append(FlagDraft(
                "target_below_actual", "warning",
                f"inconsistency: the {target.year} target {target.text} is {word} the {best.text} already "
                f"reached in {best.year}", [best, target], float(target.value), float(best.value),
                position=group.position))
    return drafts


# The checks of the relations stated in one document.
WITHIN_DOCUMENTS = {
    "growth": check_growth,
    "cagr": check_cagr,
    "pp_change": check_pp_change,
    "sum": check_sum,
    "part_of_whole": check_part_of_whole,
    "share": check_share,
}
CHECKS_ACROSS = {"target_below_actual": check_target_below_actual, "conflict": check_conflict}


def _runs(only: str | None) -> list[str]:
    """The checks a run of ``only`` (or of every check) runs: hidden digits are found by
    the checks of relations, so ``redacted`` runs them all."""
    return [name for name in RUN_ORDER if only in (None, "redacted", name)]


def _gather(only: str | None, documents: Iterable[tuple[dict[int, Figure], list[Link]]],
            counts: Iterable[dict[int, Figure]], groups: Iterable[Group]) -> list[FlagDraft]:
    """The drafts of every check (or ``only`` one) over ``documents``, ``counts`` and
    ``groups`` (each read only if a check needs it), in the order of a run over every
    claim at once, each flag once."""
    runs = _runs(only)
    found: dict[str, list[FlagDraft]] = {name: [] for name in runs}
    within = [name for name in runs if name in WITHIN_DOCUMENTS]
    if within:
        for figures, links in documents:
            for name in within:
                found[name] += WITHIN_DOCUMENTS[name](figures, links)
    if "carried_over" in runs:
        for figures in counts:
            found["carried_over"] += check_carried_over(figures)
    across = [name for name in runs if name in CHECKS_ACROSS]
    if across:
        for group in groups:
            for name in across:
                found[name] += CHECKS_ACROSS[name](group)
    unique: dict[str, FlagDraft] = {}
    for name in runs:
        for draft in sorted(found[name], key=attrgetter("position")):
            if only is None or draft.check == only:
                unique.setdefault(draft.fingerprint, draft)
    return list(unique.values())


def run_checks(session: Session, only: str | None = None) -> list[FlagDraft]:
    """Every check (or ``only`` one) over the whole database; nothing is stored."""
    names = read_names(session)
    return _gather(only, _documents(session, names), _counts(session, names), _groups(session, names))


class StoredFlag(NamedTuple):
    """A flag as a run stored it: the fields :func:`flag_row` prints."""

    id: int
    check: str
    severity: str
    status: str
    message: str
    evidence: dict
    note: str | None


def _chunks(items: list, size: int = 1_000) -> Iterator[list]:
    """``items`` a slice at a time: lists of ids stay within what a statement may bind."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def store_flags(session: Session, drafts: list[FlagDraft], only: str | None = None,
                scopes: set[str] | None = None) -> list[StoredFlag]:
    """Store ``drafts``: a flag raised before keeps its id and review; open flags no longer
    raised (by the checks run, in the ``scopes`` checked: every one when None) are
    removed; reviewed ones stay. Returns the flags of ``drafts``, in their order."""
    query = select(Flag.id, Flag.fingerprint, Flag.check, Flag.status, Flag.note, Flag.scope)
    if scopes is not None:
        query = query.where(Flag.scope.in_(sorted(scopes)) | Flag.fingerprint.in_([d.fingerprint for d in drafts]))
    existing = {row.fingerprint: row for row in session.execute(query)}
    evidence = [draft.evidence() for draft in drafts]
    new = [i for i, draft in enumerate(drafts) if draft.fingerprint not in existing]
    ids = dict(zip(new, reserve_ids(session, Flag.__table__, len(new))))
    for chunk in _chunks(new, BATCH):
        session.execute(insert(Flag.__table__), [
            {"id": ids[i], "fingerprint": drafts[i].fingerprint, "check": drafts[i].check, "status": "open",
             "severity": drafts[i].severity, "message": drafts[i].message, "evidence": evidence[i],
             "scope": drafts[i].scope} for i in chunk])
    _update_flags(session, [(existing[d.fingerprint].id, d, e) for d, e in zip(drafts, evidence)
                            if d.fingerprint in existing])
    current = {d.fingerprint for d in drafts}
    gone = [row.id for row in existing.values() if row.fingerprint not in current and row.status == "open"
            and (only is None or row.check == only) and (scopes is None or row.scope in scopes)]
    for chunk in _chunks(gone):
        session.execute(delete(Flag).where(Flag.id.in_(chunk)))
    stored = []
    for i, draft in enumerate(drafts):
        row = existing.get(draft.fingerprint)
        stored.append(StoredFlag(ids[i] if row is None else row.id, draft.check, draft.severity,
                                 "open" if row is None else row.status, draft.message, evidence[i],
                                 None if row is None else row.note))
    return stored


def _update_flags(session: Session, raised: list[tuple[int, FlagDraft, dict]]) -> None:
    """Write what changed in flags raised again (id, draft, its evidence); most are as stored."""
    for chunk in _chunks(raised):
        stored = {row[0]: row[1:] for row in session.execute(
            select(Flag.id, Flag.severity, Flag.message, Flag.scope, cast(Flag.evidence, Text))
            .where(Flag.id.in_([flag_id for flag_id, _d, _e in chunk])))}
        changed = []
        for flag_id, draft, evidence in chunk:
            severity, message, scope, text = stored[flag_id]
            # the stored text is what json.dumps wrote; decoded only when it differs
            same = text == json.dumps(evidence) or json.loads(text) == evidence
            if not same or (severity, message, scope) != (draft.severity, draft.message, draft.scope):
                changed.append({"flag_id": flag_id, "severity": draft.severity, "message": draft.message,
                                "evidence": evidence, "scope": draft.scope})
        if changed:
            session.execute(update(Flag.__table__).where(Flag.__table__.c.id == bindparam("flag_id")), changed)


def check_database(session: Session, only: str | None = None, full: bool = False) -> list[StoredFlag]:
    """Run every check (or ``only`` one), store the flags and return those it raised, by id.

    Every check, not ``full``, after a complete run that no removed or replaced
    document has undone since: only the documents added since and the groups of
    metric, place and unit their claims fall in are checked again, and only
    their flags are returned; the flags of everything else stand as stored
    (``tracker flags`` lists them all).
    """
    if only is not None:
        return sorted(store_flags(session, run_checks(session, only), only), key=attrgetter("id"))
    state = session.get(CheckState, 1)
    last_id, documents = session.execute(select(func.coalesce(func.max(Document.id), 0), func.count(Document.id))).one()
    kept_since = state is not None and session.scalar(
        select(func.count(Document.id)).where(Document.id <= state.last_document_id)) == state.documents
    raised: list[StoredFlag] = []
    if full or not kept_since:
        raised = store_flags(session, run_checks(session))
    elif last_id > state.last_document_id:
        new = (Claim.document_id > state.last_document_id, Claim.document_id <= last_id)
        touched = {tuple(row) for row in session.execute(select(Claim.metric_id, Claim.place_id, Claim.unit)
                                                         .where(*_levels(), *new).distinct())}
        checked = session.scalars(select(Claim.document_id).where(*new).distinct())
        scopes = {group_scope(*key) for key in touched} | {f"document:{document_id}" for document_id in checked}
        names = read_names(session)
        drafts = _gather(None, _documents(session, names, *new), _counts(session, names, *new),
                         _touched_groups(session, names, touched))
        raised = store_flags(session, drafts, scopes=scopes)
    if state is None:
        state = CheckState(id=1)
        session.add(state)
    state.last_document_id, state.documents = last_id, documents
    session.flush()
    return sorted(raised, key=attrgetter("id"))


def _touched_groups(session: Session, names: Names, touched: set[tuple]) -> Iterator[Group]:
    """The (metric, place, unit) groups in ``touched``, with their levels of every document."""
    if not touched:
        return
    metrics = sorted({metric for metric, _place, _unit in touched})
    places = sorted({place for _metric, place, _unit in touched})
    for group in _groups(session, names, Claim.metric_id.in_(metrics), Claim.place_id.in_(places)):
        if group.key in touched:
            yield group


def flag_row(flag: Flag | StoredFlag) -> dict:
    """A flag as printed: the fields of ``tracker check --format json``."""
    evidence = flag.evidence or {}
    return {"id": flag.id, "check": flag.check, "severity": flag.severity, "status": flag.status,
            "message": flag.message, "stated": evidence.get("stated"), "computed": evidence.get("computed"),
            "tolerance": evidence.get("tolerance"), "readings": evidence.get("readings", []),
            "claims": evidence.get("claims", []), "note": flag.note}


def severity_at_least(severity: str, threshold: str) -> bool:
    """Whether ``severity`` is ``threshold`` or worse."""
    return SEVERITIES.index(severity) >= SEVERITIES.index(threshold)
