"""Storing documents and their claims: one transaction per document.

A document either goes in whole (text, sections, sentences, claims) or
leaves no trace. Identical bytes are skipped; a changed file with the same
name is a new version that replaces the old one's rows.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, sessionmaker

from tracker.models import Claim, ClaimLink, Document, Metric, Place, Section, Sentence
from tracker.pipeline import ExtractedDocument, extract_document
from tracker.places import PlaceRecord, load_gazetteer
from tracker.reading import ReadError, SourceText, collect_paths, read_source
from tracker.vocabulary import load_vocabulary


@dataclass
class IngestReport:
    """What one ingest did: counts, and each failure with its cause."""

    read: int = 0
    skipped: int = 0
    replaced: int = 0
    failed: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)

    def summary_rows(self) -> list[dict]:
        """The counts as rows for the summary table."""
        return [
            {"documents read": self.read, "skipped (already present)": self.skipped,
             "replaced (new version)": self.replaced, "failed": self.failed, "claims found": self.claims}
        ]


def exact(value: Decimal | None) -> str | None:
    """A Decimal as a plain decimal string without exponent or trailing zeros."""
    if value is None:
        return None
    return format(value.normalize(), "f")


class PlaceStore:
    """Rows of the places table for gazetteer records, each stored under its parents."""

    def __init__(self, session: Session):
        self.session = session
        self.gazetteer = load_gazetteer()
        self._ids: dict[tuple, int] = {}

    def place_id(self, record: PlaceRecord | None, home: PlaceRecord | None = None) -> int | None:
        """The id of ``record``'s row, inserting it and its ancestors as needed.

        A town found by its form has no parent in the gazetteer; it is stored
        under ``home``, the place of the section it was found in.
        """
        if record is None:
            return None
        if record.level == "town" and home is not None and home.level != "town":
            chain = [record, home, *self.gazetteer.ancestors(home)]
        else:
            chain = [record, *self.gazetteer.ancestors(record)]
        parent_id = None
        for node in reversed(chain):
            parent_id = self._row(node, parent_id)
        return parent_id

    def _row(self, record: PlaceRecord, parent_id: int | None) -> int:
        key = (record.name, parent_id)
        if key not in self._ids:
            found = self.session.scalar(select(Place.id).where(
                Place.name == record.name,
                Place.parent_id.is_(None) if parent_id is None else Place.parent_id == parent_id))
            if found is None:
                place = Place(name=record.name, level=record.level, code=record.code, parent_id=parent_id)
                self.session.add(place)
                self.session.flush()
                found = place.id
            self._ids[key] = found
        return self._ids[key]


def metric_ids(session: Session) -> dict[str, int]:
    """Ids of the vocabulary's metrics by key, inserting those the database lacks."""
    present = dict(session.execute(select(Metric.key, Metric.id)).all())
    missing = [entry for entry in load_vocabulary().entries if entry.key not in present]
    if missing:
        session.execute(insert(Metric), [
            {"key": e.key, "name": e.name, "aliases": list(e.aliases), "unit_family": e.unit_family,
             "higher_is_better": e.higher_is_better} for e in missing])
        present = dict(session.execute(select(Metric.key, Metric.id)).all())
    return present


def store_document(session: Session, source: SourceText, extracted: ExtractedDocument) -> Document:
    """Insert one extracted document and everything found in it (inside the caller's transaction)."""
    places = PlaceStore(session)
    homes = extracted.section_places
    section_place_ids = [places.place_id(home) for home in homes]
    known_homes = [pid for pid in section_place_ids if pid is not None]
    document = Document(
        file_name=source.file_name,
        path=str(source.path),
        sha256=source.sha256,
        byte_size=source.byte_size,
        encoding=source.encoding,
        raw_text=source.text,
        clean_text=extracted.clean.text,
        title=extracted.title,
        year=extracted.year,
        place_id=known_homes[0] if len(set(known_homes)) == 1 else None,
    )
    session.add(document)
    session.flush()
    section_ids = session.scalars(
        insert(Section).returning(Section.id, sort_by_parameter_order=True),
        [
            {"document_id": document.id, "ordinal": index, "label": section.text or None,
             "start": section.start, "end": section.end, "year": context.year,
             "reviewed_year": context.reviewed_year, "place_id": section_place_ids[index]}
            for index, (section, context) in enumerate(zip(extracted.sections, extracted.section_contexts))
        ],
    ).all()
    sentence_ids = session.scalars(
        insert(Sentence).returning(Sentence.id, sort_by_parameter_order=True),
        [
            {"document_id": document.id, "section_id": section_ids[section_index], "ordinal": index,
             "start": sentence.start, "end": sentence.end, "text": sentence.text}
            for index, (section_index, sentence) in enumerate(extracted.sentences)
        ],
    ).all() if extracted.sentences else []
    if extracted.claims:
        metrics = metric_ids(session)
        claim_ids = session.scalars(
            insert(Claim).returning(Claim.id, sort_by_parameter_order=True),
            [
                {
                    "document_id": document.id,
                    "section_id": section_ids[claim.section],
                    "sentence_id": sentence_ids[claim.sentence],
                    "ordinal": index,
                    "start": claim.start,
                    "end": claim.end,
                    "raw_start": claim.raw_start,
                    "raw_end": claim.raw_end,
                    "text": claim.text,
                    "value_exact": exact(claim.value),
                    "value": float(claim.value) if claim.value is not None else None,
                    "value_high_exact": exact(claim.value_high),
                    "value_high": float(claim.value_high) if claim.value_high is not None else None,
                    "unit": claim.unit,
                    "approx": claim.approx,
                    "redacted": claim.redacted,
                    "metric_label": claim.metric_label,
                    "year": claim.year,
                    "period": claim.period,
                    "place_id": places.place_id(claim.place, homes[claim.section]),
                    "kind": claim.kind,
                    "aspect": claim.aspect,
                    "metric_id": metrics.get(claim.metric_key) if claim.metric_key else None,
                }
                for index, claim in enumerate(extracted.claims)
            ],
        ).all()
        if extracted.links:
            session.execute(insert(ClaimLink), [
                {"relation": link.relation, "head_claim_id": claim_ids[link.head],
                 "tail_claim_id": claim_ids[link.tail], "base_year": link.base_year, "detail": link.detail or None}
                for link in extracted.links])
    return document


def ingest_source(factory: sessionmaker[Session], source: SourceText, year: int | None = None) -> tuple[str, int]:
    """Extract and store one read file in its own transaction.

    Returns ``("skipped" | "read" | "replaced", claims stored)``.
    """
    with factory.begin() as session:
        if session.scalar(select(Document.id).where(Document.sha256 == source.sha256)) is not None:
            return "skipped", 0
        extracted = extract_document(source.text, year=year)
        old = session.scalars(select(Document.id).where(Document.file_name == source.file_name)).all()
        if old:
            session.execute(delete(Document).where(Document.id.in_(old)))
        store_document(session, source, extracted)
        return ("replaced" if old else "read"), len(extracted.claims)


def ingest_paths(
    factory: sessionmaker[Session],
    paths: Iterable[str | Path],
    *,
    encoding: str | None = None,
    max_bytes: int | None = None,
    year: int | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest files and folders; a bad file is reported and the rest still go in."""
    files, missing = collect_paths(list(paths))
    return ingest_files(factory, files, missing, encoding=encoding, max_bytes=max_bytes, year=year,
                        on_file=on_file)


def ingest_files(
    factory: sessionmaker[Session],
    files: list[Path],
    missing: list[ReadError] = (),
    *,
    encoding: str | None = None,
    max_bytes: int | None = None,
    year: int | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest already collected ``files``; ``missing`` are paths that failed to resolve."""
    report = IngestReport(failed=len(missing), errors=[str(error) for error in missing])
    for path in files:
        try:
            source = read_source(path, encoding=encoding, max_bytes=max_bytes)
            outcome, claims = ingest_source(factory, source, year=year)
        except ReadError as error:
            report.failed += 1
            report.errors.append(str(error))
        else:
            report.claims += claims
            if outcome == "skipped":
                report.skipped += 1
            else:
                report.read += 1
                report.replaced += outcome == "replaced"
        if on_file is not None:
            on_file(path)
    return report
