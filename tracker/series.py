"""Year-by-year series of one metric across every report ingested.

One row per place, year and kind: the value, how many sources state it and
which, and a mark where they disagree. A comparison stated beside a level
(``接近90%,比2010年提高了9个百分点``; ``51.3亿元,比上年增加5.3亿元``) implies the
base year's value: it appears as a derived row, or beside a stated value of
that year, never over it; a derived value that the stated one cannot meet is
a disagreement. Each row carries the change from the previous year present
(points for rates), and with children a parent's row carries the sum of its
children's values.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.figures import base_of, interval, written_like, written_number
from tracker.models import Claim, ClaimLink, Document, Metric, Place, Section, Sentence
from tracker.querying import json_number
from tracker.rules import unit_family
from tracker.vocabulary import load_vocabulary

KINDS = ("actual", "target", "all")
# Comparisons that imply the base year's level, in order of preference (a stated change
# is exact arithmetic; a growth rate only gives the base to the rate's precision).
DERIVING = ("change", "pp_change", "growth")
# Families whose values add up across places (rates and ratios do not).
ADDITIVE = {"money", "count", "area"}


@dataclass(frozen=True)
class MetricMatch:
    """What a METRIC argument matched: vocabulary metrics, or else a label substring."""

    ids: tuple[int, ...]
    keys: tuple[str, ...]
    names: tuple[str, ...]
    label: str | None
    how: str

    def describe(self) -> str:
        """One line saying what was matched and how."""
        if self.label is not None:
            return f"metric: claims whose label holds {self.label!r} (no vocabulary metric matched)"
        listed = ", ".join(f"{key} ({name})" for key, name in zip(self.keys, self.names))
        return f"metric: {listed}, matched by {self.how}"

    @property
    def shown(self) -> str:
        """The metric as rows name it."""
        return self.label if self.label is not None else ",".join(self.keys)


def match_metric(session: Session, query: str) -> MetricMatch | None:
    """The metrics ``query`` names: a key, a name or alias, a wording that holds an alias
    (学前三年毛入园率 of 葫芦岛市 → preschool_gross_enrolment_rate), else claims whose
    label holds it; None when nothing does."""
    metrics = list(session.scalars(select(Metric)))

    def found(chosen: list[Metric], how: str) -> MetricMatch:
        return MetricMatch(tuple(m.id for m in chosen), tuple(m.key for m in chosen),
                           tuple(m.name for m in chosen), None, how)

    for how, test in (("key", lambda m: m.key == query),
                      ("name or alias", lambda m: m.name == query or query in (m.aliases or []))):
        chosen = [m for m in metrics if test(m)]
        if chosen:
            return found(chosen, how)
    named = load_vocabulary().named_in(query)
    if named:
        chosen = [m for m in metrics if m.key == named[0].key]
        if chosen:
            return found(chosen, f"the alias in {query!r}")
    if session.scalar(select(Claim.id).where(Claim.metric_label.contains(query, autoescape=True)).limit(1)):
        return MetricMatch((), (), (), query, "label")
    return None


def resolve_places(session: Session, name: str, include_children: bool) -> list[Place]:
    """The place called ``name`` (exact, else the one whose name starts with it), with its
    descendants when asked; ValueError when none or several match."""
    if include_children:
        places = list(session.scalars(select(Place)))
    else:  # the places so named only: loading every place cost most of a series' time
        places = list(session.scalars(select(Place).where(func.substr(Place.name, 1, len(name)) == name)))
    chosen = [p for p in places if p.name == name] or [p for p in places if p.name.startswith(name)]
    if not chosen:
        raise ValueError(f"no place named {name!r} among the places of the reports ingested")
    if len(chosen) > 1:
        raise ValueError(f"place {name!r} is ambiguous: " + ", ".join(sorted(p.name for p in chosen)))
    found = chosen[:1]
    if include_children:
        children = defaultdict(list)
        for p in places:
            children[p.parent_id].append(p)
        for place in found:  # grows as it is walked: every descendant
            found += sorted(children[place.id], key=lambda p: p.name)
    return found


@dataclass
class Source:
    """A claim a row's value comes from."""

    claim_id: int
    doc: str
    section: int | None
    sentence: str
    text: str
    derived: bool = False

    def as_dict(self) -> dict:
        """The source as printed in JSON."""
        return {"doc": self.doc, "section": self.section, "sentence": self.sentence, "text": self.text,
                "claim": self.claim_id, "derived": self.derived}


@dataclass
class Point:
    """One value of a place, year and kind: stated by a claim, or implied by a comparison."""

    value: Decimal
    text: str
    approx: str
    unit: str
    span: tuple[float, float]
    sources: list[Source]
    derived: bool = False


@dataclass
class SeriesRow:
    """A place's value for one year and kind, with its sources and marks."""

    year: int
    place_id: int | None
    place: str | None
    metric: str
    kind: str
    points: list[Point]
    change: Decimal | None = None
    change_text: str = ""
    change_pct: float | None = None
    children_sum: Decimal | None = None
    children_text: str = ""
    children_count: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def best(self) -> Point:
        """The value shown: a stated one before a derived one, the most precise first."""
        return min(self.points, key=lambda p: (p.derived, p.span[1] - p.span[0]))

    @property
    def derived(self) -> bool:
        """Whether no claim states the value: it is implied by comparisons only."""
        return all(p.derived for p in self.points)

    @property
    def conflict(self) -> bool:
        """Whether the sources give values that cannot all hold."""
        return max(p.span[0] for p in self.points) > min(p.span[1] for p in self.points) + 1e-9

    def as_dict(self) -> dict:
        """The row as printed in JSON, CSV and tables."""
        best = self.best
        return {
            "year": self.year, "place": self.place, "metric": self.metric, "kind": self.kind,
            "value": json_number(str(best.value)), "unit": best.unit, "text": best.text, "approx": best.approx,
            "derived": self.derived, "conflict": self.conflict,
            "values": list(dict.fromkeys(p.text + (" (derived)" if p.derived else "") for p in self.points)),
            "change": json_number(str(self.change)) if self.change is not None else None,
            "change_text": self.change_text, "change_pct": self.change_pct,
            "children_sum": json_number(str(self.children_sum)) if self.children_sum is not None else None,
            "children_text": self.children_text, "children_count": self.children_count,
            "sources": [s.as_dict() for p in self.points for s in p.sources],
            "notes": self.notes,
        }


@dataclass(frozen=True)
class SeriesQuery:
    """What ``tracker series`` asks for."""

    metric: MetricMatch
    places: tuple[Place, ...] | None = None
    year_from: int | None = None
    year_to: int | None = None
    kind: str = "actual"


def _level_claims(session: Session, query: SeriesQuery):
    """The stated levels of the metric: rows of (claim, doc, section ordinal, sentence, place)."""
    statement = (select(Claim, Document.file_name, Section.ordinal, Sentence.text, Place.name)
                 .join(Document, Claim.document_id == Document.id)
                 .join(Sentence, Claim.sentence_id == Sentence.id)
                 .outerjoin(Section, Claim.section_id == Section.id)
                 .outerjoin(Place, Claim.place_id == Place.id)
                 .where(Claim.aspect == "level", Claim.year.is_not(None), Claim.value_exact.is_not(None)))
    if query.metric.label is not None:
        statement = statement.where(Claim.metric_label.contains(query.metric.label, autoescape=True))
    else:
        statement = statement.where(Claim.metric_id.in_(query.metric.ids))
    if query.places is not None:
        statement = statement.where(Claim.place_id.in_([p.id for p in query.places]))
    if query.kind != "all":
        statement = statement.where(Claim.kind == query.kind)
    return session.execute(statement.order_by(Document.file_name, Claim.ordinal))


def _derive(level: Claim, relation: str, by: Claim, direction: int) -> tuple[Decimal, str, str, tuple[float, float]] | None:
    """The base year's value a comparison implies: (value, text, approx, span), or None."""
    if by.value_exact is None or level.value_exact is None:
        return None
    stated, moved = Decimal(level.value_exact), Decimal(by.value_exact)
    (l0, l1), change = interval(level.text, stated, level.approx), interval(by.text, moved, by.approx)
    written = written_number(level.text)
    if written is None or written[0] == 0:
        return None
    number, decimals, end = written
    if relation == "growth":
        factor = 1 + direction * moved / 100
        low, high = sorted(1 + direction * m / 100 for m in change)
        if factor <= 0 or low <= 0:
            return None
        value, span, approx = stated / factor, (l0 / high, l1 / low), "about"
    else:
        if relation == "pp_change" and level.unit != "%":
            return None
        value, span = stated - direction * moved, base_of((l0, l1), change, direction)
        moved_written = written_number(by.text)
        if moved_written and by.text[moved_written[2]:].lstrip("个") == level.text[end:]:
            decimals = max(decimals, moved_written[1])  # written in the same scale (亿元 and 亿元)
        approx = level.approx if level.approx != "exact" else by.approx
    if value <= 0:
        return None
    # the base written in the level's scale (46.0 of 亿元), to the digits the figures give
    scale = stated / number
    shown = (value / scale).quantize(Decimal(1).scaleb(-decimals))
    return (shown * scale).normalize(), f"{shown}{level.text[end:]}", approx, span


def _derived_points(session: Session, heads: dict[int, tuple]) -> list[tuple[tuple, Point]]:
    """Points implied by the comparisons said of the stated actual levels in ``heads``
    (claim id → (claim, source, place name)), keyed like the rows."""
    if not heads:
        return []
    statement = (select(ClaimLink, Claim).join(Claim, ClaimLink.tail_claim_id == Claim.id)
                 .where(ClaimLink.relation.in_(DERIVING), ClaimLink.head_claim_id.in_(list(heads)),
                        ClaimLink.base_year.is_not(None)))
    by_head = defaultdict(dict)
    for link, tail in session.execute(statement):
        if not (link.detail or {}).get("real"):  # a growth at comparable prices implies no nominal level
            by_head[(link.head_claim_id, link.base_year)].setdefault(link.relation, (link, tail))
    points = []
    for (head_id, base_year), found in by_head.items():
        level, source, place_name = heads[head_id]
        relation = next(r for r in DERIVING if r in found)
        link, tail = found[relation]
        derived = _derive(level, relation, tail, (link.detail or {}).get("direction", 1))
        if derived is None or base_year == level.year:
            continue
        value, text, approx, span = derived
        tail_source = Source(tail.id, source.doc, source.section, source.sentence, tail.text, derived=True)
        level_source = Source(source.claim_id, source.doc, source.section, source.sentence, source.text, derived=True)
        key = (level.place_id, place_name, base_year, "actual")
        points.append((key, Point(value, text, approx, level.unit, span, [level_source, tail_source], derived=True)))
    return points


def build_series(session: Session, query: SeriesQuery) -> list[SeriesRow]:
    """The series rows of ``query``, by place (in the order asked), year, then kind (a
    target beside the actual value of its year)."""
    grouped: dict[tuple, list[Point]] = defaultdict(list)
    heads = {}
    for claim, doc, section, sentence, place_name in _level_claims(session, query):
        source = Source(claim.id, doc, section, sentence, claim.text)
        value = Decimal(claim.value_exact)
        span = interval(claim.text, value, claim.approx)
        grouped[(claim.place_id, place_name, claim.year, claim.kind)].append(
            Point(value, claim.text, claim.approx, claim.unit, span, [source]))
        if claim.kind == "actual":
            heads[claim.id] = (claim, source, place_name)
    if query.kind != "target":
        for key, point in _derived_points(session, heads):
            grouped[key].append(point)
    rows = []
    for (place_id, place_name, year, kind), points in grouped.items():
        if (query.year_from is not None and year < query.year_from) or (query.year_to is not None and year > query.year_to):
            continue
        row = SeriesRow(year, place_id, place_name, query.metric.shown, kind, _merge(points))
        if row.conflict:
            row.notes.append("sources disagree: " + " / ".join(row.as_dict()["values"]))
        rows.append(row)
    order = {p.id: i for i, p in enumerate(query.places or [])}
    rows.sort(key=lambda r: (order.get(r.place_id, len(order)), r.place or "", r.year, r.kind))
    _add_changes(rows)
    if query.places:
        _add_children_sums(rows, query.places)
    return rows


def _merge(points: list[Point]) -> list[Point]:
    """One point per value and kind of origin: the same figure from several sources is
    one value with all its sources (corroboration)."""
    merged: dict[tuple, Point] = {}
    for point in points:
        key = (point.value, point.approx, point.derived)
        if key in merged:
            merged[key].sources += point.sources
        else:
            merged[key] = Point(point.value, point.text, point.approx, point.unit, point.span, list(point.sources),
                                point.derived)
    return list(merged.values())


def _add_changes(rows: list[SeriesRow]) -> None:
    """The change from the previous year present, per place and kind: points for rates,
    else the difference and the relative change."""
    previous: dict[tuple, SeriesRow] = {}
    for row in rows:
        key = (row.place_id, row.kind)
        before = previous.get(key)
        previous[key] = row
        if before is None:
            continue
        now, then = row.best, before.best
        if now.unit != then.unit:
            continue
        row.change = now.value - then.value
        sign = "+" if row.change >= 0 else "-"
        if now.unit == "%":
            row.change_text = f"{sign}{abs(row.change).normalize():f}个百分点 since {before.year}"
            continue
        row.change_pct = round(float(row.change / then.value * 100), 2) if then.value else None
        written = written_like(float(abs(row.change)), now.text, now.value)
        row.change_text = f"{sign}{written} ({row.change_pct:+.2f}%) since {before.year}"


def _add_children_sums(rows: list[SeriesRow], places: tuple[Place, ...]) -> None:
    """Beside a parent's own value, the sum of its children's values of the same year
    and kind (additive units only: money, counts, areas)."""
    parents = {p.id: p.parent_id for p in places}
    children_rows = defaultdict(list)
    for row in rows:
        parent = parents.get(row.place_id)
        if parent is not None:
            children_rows[(parent, row.year, row.kind)].append(row)
    for row in rows:
        children = children_rows.get((row.place_id, row.year, row.kind), [])
        best = row.best
        if not children or unit_family(best.unit) not in ADDITIVE:
            continue
        values = [c.best.value for c in children if c.best.unit == best.unit]
        row.children_sum, row.children_count = sum(values, Decimal(0)), len(values)
        row.children_text = written_like(float(row.children_sum), best.text, best.value)
