"""Reading claims back: filtered listings, the guide-shaped export, one claim in context."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import re

from sqlalchemy import Integer, Select, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.orm import Session, aliased

from tracker.models import Claim, Document, Flag, Metric, Place, Section, Sentence

# A --doc of ASCII digits may be a document id. Ids and years are 32-bit
# integers in the schema: a bigger number matches nothing (and PostgreSQL
# would refuse to compare it).
DOC_ID = re.compile(r"[0-9]{1,10}")
INTEGER_RANGE = range(-(2 ** 31), 2 ** 31)
EXPORT_FIELDS = ["doc", "sentence", "text", "value", "value_high", "unit", "approx", "metric", "year",
                 "period", "locality", "kind", "redacted"]


def json_number(exact: str | None) -> int | float | None:
    """An exact decimal string as a JSON number, without float noise (``2974000000``, ``98.79``)."""
    if exact is None:
        return None
    value = Decimal(exact)
    return int(value) if value == value.to_integral_value() else float(exact)


@dataclass(frozen=True)
class ClaimFilter:
    """Filters of ``tracker claims``; None means no filter."""

    metric: str | None = None
    place: str | None = None
    year: int | None = None
    unit: str | None = None
    kind: str | None = None
    doc: str | None = None


def _storable(value: str) -> bool:
    """Whether a filter string can be compared with stored text at all.

    Stored text never holds NUL or lone surrogates (the readers drop them),
    and drivers refuse to send them, so such a filter matches nothing.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


class position_in(FunctionElement):
    """Where a string first occurs in another, from 1; 0 when it does not occur."""

    type = Integer()
    inherit_cache = True


@compiles(position_in)
def _position_in(element, compiler, **kw):
    return "instr(%s)" % compiler.process(element.clauses, **kw)


@compiles(position_in, "postgresql")
def _position_in_postgresql(element, compiler, **kw):
    return "strpos(%s)" % compiler.process(element.clauses, **kw)


def _holds(column, part: str):
    # A plain substring test, the same on both engines: LIKE would read % and
    # _ in the user's string as wildcards, and is case-blind for ASCII on SQLite only.
    return position_in(column, part) > 0


def _starts(column, prefix: str):
    return func.substr(column, 1, len(prefix)) == prefix


def _claims_select(filters: ClaimFilter) -> Select | None:
    """The query for ``filters``, or None when no stored claim can match them.

    Every filter value is a bound parameter, never part of the SQL text.
    """
    texts = [filters.metric, filters.place, filters.unit, filters.kind, filters.doc]
    if any(value is not None and not _storable(value) for value in texts):
        return None
    if filters.year is not None and filters.year not in INTEGER_RANGE:
        return None
    place = aliased(Place)
    metric = aliased(Metric)
    query = (
        select(Claim, Document.file_name, Sentence.text, place.name, metric.key)
        .join(Document, Claim.document_id == Document.id)
        .join(Sentence, Claim.sentence_id == Sentence.id)
        .outerjoin(place, Claim.place_id == place.id)
        .outerjoin(metric, Claim.metric_id == metric.id)
    )
    # Metric and place are matched in their own (small) tables first, so the
    # claims are found through their indexes on (place_id, year) and
    # (metric_id, ...) rather than by joining every claim of a year to test it.
    if filters.metric:
        metric_ids = select(Metric.id).where(or_(Metric.key == filters.metric, _holds(Metric.name, filters.metric)))
        query = query.where(or_(_holds(Claim.metric_label, filters.metric), Claim.metric_id.in_(metric_ids)))
    if filters.place:
        query = query.where(Claim.place_id.in_(select(Place.id).where(_starts(Place.name, filters.place))))
    if filters.year is not None:
        query = query.where(Claim.year == filters.year)
    if filters.unit:
        query = query.where(Claim.unit == filters.unit)
    if filters.kind:
        query = query.where(Claim.kind == filters.kind)
    if filters.doc:
        condition = Document.file_name == filters.doc
        if DOC_ID.fullmatch(filters.doc) and int(filters.doc) in INTEGER_RANGE:
            condition = or_(condition, Document.id == int(filters.doc))
        query = query.where(condition)
    return query.order_by(Document.file_name, Claim.document_id, Claim.ordinal)


def _claim_row(claim: Claim, file_name: str, sentence: str, place_name: str | None) -> dict:
    return {
        "id": claim.id,
        "doc": file_name,
        "sentence": sentence,
        "text": claim.text,
        "value": json_number(claim.value_exact),
        "value_high": json_number(claim.value_high_exact),
        "unit": claim.unit,
        "approx": claim.approx,
        "metric": claim.metric_label,
        "year": claim.year,
        "period": claim.period,
        "place": place_name,
        "locality": place_name,
        "kind": claim.kind,
        "redacted": claim.redacted,
    }


def query_claims(session: Session, filters: ClaimFilter) -> list[dict]:
    """Claims matching ``filters`` as rows for display, in document order."""
    query = _claims_select(filters)
    if query is None:
        return []
    return [_claim_row(claim, file_name, sentence, place_name)
            for claim, file_name, sentence, place_name, _key in session.execute(query)]


def export_claims(session: Session) -> Iterator[dict]:
    """Every claim in the shape of the claims guide (``doc`` is the file name)."""
    for claim, file_name, sentence, place_name, _key in session.execute(_claims_select(ClaimFilter())):
        row = _claim_row(claim, file_name, sentence, place_name)
        yield {field: row[field] for field in EXPORT_FIELDS}


@dataclass(frozen=True)
class ClaimInContext:
    """One claim with its document, its sentence and the claims beside it."""

    claim: dict
    sentence: str
    marked_sentence: str
    neighbours: list[dict]


def claim_in_context(session: Session, claim_id: int) -> ClaimInContext | None:
    """The claim ``claim_id`` with its sentence (the amount marked ``【】``) and its neighbours."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        return None
    sentence = claim.sentence
    offset_start, offset_end = claim.start - sentence.start, claim.end - sentence.start
    marked = (sentence.text[:offset_start] + "【" + sentence.text[offset_start:offset_end] + "】"
              + sentence.text[offset_end:])
    neighbours = session.scalars(
        select(Claim).where(Claim.document_id == claim.document_id,
                            Claim.ordinal.between(claim.ordinal - 2, claim.ordinal + 2),
                            Claim.id != claim.id).order_by(Claim.ordinal)
    ).all()

    def row(item: Claim) -> dict:
        return {"id": item.id, "text": item.text, "value": json_number(item.value_exact), "unit": item.unit,
                "approx": item.approx, "metric": item.metric_label, "year": item.year, "kind": item.kind}

    detail = row(claim) | {
        "doc": claim.document.file_name, "value_high": json_number(claim.value_high_exact),
        "redacted": claim.redacted, "period": claim.period,
        "place": claim.place.name if claim.place else None,
        "span": [claim.start, claim.end], "source_span": [claim.raw_start, claim.raw_end],
    }
    return ClaimInContext(detail, sentence.text, marked, [row(n) for n in neighbours])


def metric_rows(session: Session) -> list[dict]:
    """The metric vocabulary with how many claims each metric has (levels and changes)."""
    counts = dict(session.execute(select(Claim.metric_id, func.count()).group_by(Claim.metric_id)).all())
    return [
        {"key": m.key, "name": m.name, "unit_family": m.unit_family,
         "higher_is_better": m.higher_is_better, "aliases": len(m.aliases or []), "claims": counts.get(m.id, 0)}
        for m in session.scalars(select(Metric).order_by(Metric.key))
    ]


def unmapped_labels(session: Session, limit: int = 20) -> list[dict]:
    """The most frequent metric labels that no metric of the vocabulary covers."""
    count = func.count().label("claims")
    query = (select(Claim.metric_label, Claim.unit, count)
             .where(Claim.metric_id.is_(None), Claim.metric_label.is_not(None))
             .group_by(Claim.metric_label, Claim.unit).order_by(count.desc(), Claim.metric_label).limit(limit))
    return [{"label": label, "unit": unit, "claims": n} for label, unit, n in session.execute(query)]


def place_rows(session: Session) -> list[dict]:
    """The places found, in hierarchy order (each after its parent), with the claims stated
    of each and of it with everything under it."""
    places = list(session.scalars(select(Place)))
    own = dict(session.execute(select(Claim.place_id, func.count()).group_by(Claim.place_id)).all())
    children: dict[int | None, list[Place]] = {}
    for place in places:
        children.setdefault(place.parent_id, []).append(place)
    by_id = {p.id: p for p in places}
    rows: list[dict] = []

    def walk(place: Place, depth: int) -> int:
        row = {"id": place.id, "place": place.name, "depth": depth, "level": place.level,
               "parent": by_id[place.parent_id].name if place.parent_id in by_id else None,
               "code": place.code, "claims": own.get(place.id, 0)}
        rows.append(row)
        row["claims_with_children"] = row["claims"] + sum(
            walk(child, depth + 1) for child in sorted(children.get(place.id, []), key=lambda p: p.code or p.name))
        return row["claims_with_children"]

    for root in sorted((p for p in places if p.parent_id not in by_id), key=lambda p: p.code or p.name):
        walk(root, 0)
    return rows


def document_rows(session: Session) -> list[dict]:
    """Documents with their place, year, and counts of sections, claims and flags."""
    sections = dict(session.execute(select(Section.document_id, func.count()).group_by(Section.document_id)).all())
    claims = dict(session.execute(select(Claim.document_id, func.count()).group_by(Claim.document_id)).all())
    flags: dict[int, int] = {}
    for evidence in session.scalars(select(Flag.evidence)):
        for document_id in (evidence or {}).get("documents", []):
            flags[document_id] = flags.get(document_id, 0) + 1
    query = (select(Document.id, Document.file_name, Document.title, Place.name, Document.year, Document.ingested_at)
             .outerjoin(Place, Document.place_id == Place.id).order_by(Document.file_name, Document.id))
    return [{"id": id_, "doc": name, "title": title, "place": place, "year": year, "sections": sections.get(id_, 0),
             "claims": claims.get(id_, 0), "flags": flags.get(id_, 0),
             "ingested_at": ingested.isoformat(timespec="seconds") if ingested else None}
            for id_, name, title, place, year, ingested in session.execute(query)]
