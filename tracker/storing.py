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

from tracker.models import Claim, Document, Section, Sentence
from tracker.pipeline import ExtractedDocument, extract_document
from tracker.reading import ReadError, SourceText, collect_paths, read_source


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
    text = format(value.normalize(), "f")
    return text


def store_document(session: Session, source: SourceText, extracted: ExtractedDocument) -> Document:
    """Insert one extracted document and everything found in it (inside the caller's transaction)."""
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
    )
    session.add(document)
    session.flush()
    section_ids = session.scalars(
        insert(Section).returning(Section.id, sort_by_parameter_order=True),
        [
            {"document_id": document.id, "ordinal": index, "label": section.text or None,
             "start": section.start, "end": section.end, "year": context.year,
             "reviewed_year": context.reviewed_year}
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
        session.execute(
            insert(Claim),
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
                    "kind": claim.kind,
                }
                for index, claim in enumerate(extracted.claims)
            ],
        )
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
