"""Storing documents and their claims: one transaction per document.

A document either goes in whole (text, sections, sentences, claims) or
leaves no trace: a failure or a kill while it is written rolls it back and
leaves every earlier document as it was. Identical bytes are skipped; a
changed file with the same name is a new version that replaces the old
one's rows. Flags are not rows of a document (they are keyed by their
fingerprint), so a review of a flag survives a new version, and applies
again where the same flag recurs.

Reading and extraction run outside any transaction (in worker processes
with ``jobs`` > 1); only the write holds the database, as its one writer
(:func:`tracker.db.begin_writing`), and re-checks there what it checked
before, so two ingests racing on one document end with one copy.
"""
from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker.db import begin_writing
from tracker.models import Claim, ClaimLink, Document, Metric, Place, Section, Sentence
from tracker.pipeline import ExtractedDocument, extract_document
from tracker.places import PlaceRecord, load_gazetteer
from tracker.readers import first_line
from tracker.reading import ReadError, SourceText, collect_paths, read_source
from tracker.vocabulary import load_vocabulary

# A write that finds the database locked past SQLite's busy timeout is
# tried again this many times, waiting longer each time.
WRITE_ATTEMPTS = 5
RETRY_PAUSE_S = 0.5


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
        self._ids: dict[tuple, int] = {}  # (name, parent id) → id
        self._found: dict[tuple, int] = {}  # (record, home of a town) → id

    def place_id(self, record: PlaceRecord | None, home: PlaceRecord | None = None) -> int | None:
        """The id of ``record``'s row, inserting it and its ancestors as needed.

        A town found by its form has no parent in the gazetteer; it is stored
        under ``home``, the place of the section it was found in.
        """
        if record is None:
            return None
        key = (record, home if record.level == "town" else None)
        if key not in self._found:
            parent_id = None
            for node in reversed(self._chain(record, home)):
                parent_id = self._row(node, parent_id)
            self._found[key] = parent_id
        return self._found[key]

    def preload(self, records: Iterable[tuple[PlaceRecord | None, PlaceRecord | None]]) -> None:
        """Read the rows of every place of ``records`` ((record, home) pairs) and of their
        ancestors in one query, rather than one query per place and ancestor."""
        names = {node.name for record, home in records if record is not None for node in self._chain(record, home)}
        if names:
            for place_id, name, parent_id in self.session.execute(
                    select(Place.id, Place.name, Place.parent_id).where(Place.name.in_(sorted(names)))):
                self._ids[(name, parent_id)] = place_id

    def _chain(self, record: PlaceRecord, home: PlaceRecord | None) -> list[PlaceRecord]:
        if record.level == "town" and home is not None and home.level != "town":
            return [record, home, *self.gazetteer.ancestors(home)]
        if record.level == "town" and home is not None and home.name == record.name:
            record = home  # a town's own report: the town as its home place, under its county
        return [record, *self.gazetteer.ancestors(record)]

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


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` primary keys for rows of ``table`` that this transaction is about to insert.

    Rows inserted with their keys go in by a plain ``executemany``: asking
    the database for the keys it made (RETURNING, row by row in order) cost
    more than all of extraction. The caller is the one writer
    (:func:`tracker.db.begin_writing`), so on SQLite no other row can take
    the keys after the largest; on PostgreSQL they come from the table's
    own sequence, which stays in step.
    """
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(table.name, "id")
        return list(session.scalars(select(func.nextval(sequence)).select_from(func.generate_series(1, count))))
    first = session.scalar(select(func.coalesce(func.max(table.c.id), 0))) + 1
    return list(range(first, first + count))


CLAIM_COLUMNS = ("id", "document_id", "section_id", "sentence_id", "ordinal", "start", "end", "raw_start", "raw_end",
                 "text", "value_exact", "value", "value_high_exact", "value_high", "unit", "approx", "redacted",
                 "metric_label", "year", "period", "place_id", "kind", "aspect", "metric_id")


def bulk_insert(session: Session, table: Table, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert ``rows`` (plain values in ``columns`` order) with the driver's own executemany.

    SQLAlchemy's per-row parameter handling took more time than the
    database did for the thousands of sentences of a document; the values
    here need none (numbers, text, booleans, None).
    """
    if not rows:
        return
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, columns))}) VALUES ({', '.join([mark] * len(columns))})",
        rows,
    )


def store_document(session: Session, source: SourceText, extracted: ExtractedDocument) -> Document:
    """Insert one extracted document and everything found in it (inside the caller's transaction)."""
    places = PlaceStore(session)
    homes = extracted.section_places
    places.preload([(home, None) for home in homes] + [(c.place, homes[c.section]) for c in extracted.claims])
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
        title=source.title or extracted.title,
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
    sentence_ids = reserve_ids(session, Sentence.__table__, len(extracted.sentences))
    bulk_insert(session, Sentence.__table__, ("id", "document_id", "section_id", "ordinal", "start", "end", "text"), [
        (sentence_ids[index], document.id, section_ids[section_index], index, sentence.start, sentence.end,
         sentence.text)
        for index, (section_index, sentence) in enumerate(extracted.sentences)
    ])
    if extracted.claims:
        metrics = metric_ids(session)
        claim_ids = reserve_ids(session, Claim.__table__, len(extracted.claims))
        bulk_insert(session, Claim.__table__, CLAIM_COLUMNS, [
            (claim_ids[index], document.id, section_ids[claim.section], sentence_ids[claim.sentence], index,
             claim.start, claim.end, claim.raw_start, claim.raw_end, claim.text,
             exact(claim.value), float(claim.value) if claim.value is not None else None,
             exact(claim.value_high), float(claim.value_high) if claim.value_high is not None else None,
             claim.unit, claim.approx, claim.redacted, claim.metric_label, claim.year, claim.period,
             places.place_id(claim.place, homes[claim.section]), claim.kind, claim.aspect,
             metrics.get(claim.metric_key) if claim.metric_key else None)
            for index, claim in enumerate(extracted.claims)
        ])
        if extracted.links:
            session.execute(insert(ClaimLink.__table__), [
                {"relation": link.relation, "head_claim_id": claim_ids[link.head],
                 "tail_claim_id": claim_ids[link.tail], "base_year": link.base_year, "detail": link.detail or None}
                for link in extracted.links])
    return document


@dataclass(frozen=True)
class ReadOptions:
    """How files are read and extracted: the ``ingest`` options."""

    encoding: str | None = None
    max_bytes: int | None = None
    year: int | None = None
    place: str | None = None  # a gazetteer name, for sections whose text names no place


def stated_place(name: str | None) -> PlaceRecord | None:
    """The gazetteer place a user names (``绥中县``, ``葫芦岛市``, ``中国``); a ValueError
    when the name is unknown or means several places."""
    if name is None:
        return None
    gazetteer = load_gazetteer()
    if name in ("中国", "全国"):
        return gazetteer.country
    found = gazetteer.by_name(name)
    if len(found) != 1:
        raise ValueError(f"{'no place' if not found else 'several places'} named {name!r}"
                         + ("" if not found else ": " + ", ".join(f"{r.name} ({r.parent_name})" for r in found)))
    return found[0]


@dataclass(frozen=True)
class Prepared:
    """One file read and extracted, ready to store; or why it cannot be; or that it is known."""

    path: Path
    source: SourceText | None = None
    extracted: ExtractedDocument | None = None
    known: bool = False
    error: str | None = None


def prepare(path: Path, options: ReadOptions, is_known: Callable[[str], bool]) -> Prepared:
    """Read and extract one file, with no transaction open; never raises for a bad file.

    ``is_known(sha256)`` says whether those bytes are stored already, so
    their extraction can be skipped.
    """
    try:
        source = read_source(path, encoding=options.encoding, max_bytes=options.max_bytes)
    except ReadError as error:
        return Prepared(path, error=str(error))
    if is_known(source.sha256):
        return Prepared(path, source, known=True)
    try:
        extracted = extract_document(source.text, year=options.year, place=stated_place(options.place))
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug met on one document must not stop the others
        return Prepared(path, source, error=f"{path}: extraction failed: {type(exc).__name__}: {first_line(exc)}")
    return Prepared(path, source, extracted)


def write_document(factory: sessionmaker[Session], source: SourceText, extracted: ExtractedDocument) -> str:
    """Store one extracted document in its own transaction, as the one writer.

    Returns ``"skipped"`` (its bytes are stored already, perhaps by another
    ingest since they were checked), ``"replaced"`` (an older version of the
    same file name was removed) or ``"read"``. A locked database is waited
    for and tried again (see WRITE_ATTEMPTS).
    """
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return _write_once(factory, source, extracted)
        except OperationalError as exc:
            if attempt == WRITE_ATTEMPTS or not _is_lock_conflict(exc):
                raise
        _pause(RETRY_PAUSE_S * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def _write_once(factory: sessionmaker[Session], source: SourceText, extracted: ExtractedDocument) -> str:
    try:
        with factory.begin() as session:
            begin_writing(session)
            if session.scalar(select(Document.id).where(Document.sha256 == source.sha256)) is not None:
                return "skipped"
            old = session.scalars(select(Document.id).where(Document.file_name == source.file_name)).all()
            if old:
                session.execute(delete(Document).where(Document.id.in_(old)))
            store_document(session, source, extracted)
            return "replaced" if old else "read"
    except IntegrityError:
        # Only a writer outside tracker's lock can get here first; its copy stands.
        with factory() as session:
            if session.scalar(select(Document.id).where(Document.sha256 == source.sha256)) is not None:
                return "skipped"
        raise


def _is_lock_conflict(exc: OperationalError) -> bool:
    message = str(exc.orig).lower()
    code = getattr(exc.orig, "sqlstate", None)
    return "locked" in message or "busy" in message or code in ("40001", "40P01", "55P03")


def _pause(seconds: float) -> None:
    time.sleep(seconds)


def _known(factory: sessionmaker[Session], sha256: str) -> bool:
    with factory() as session:
        return session.scalar(select(Document.id).where(Document.sha256 == sha256)) is not None


def ingest_paths(factory: sessionmaker[Session], paths: Iterable[str | Path], **options) -> IngestReport:
    """Ingest files and folders (``options`` as of :func:`ingest_files`); a bad file is
    reported and the rest still go in."""
    files, missing = collect_paths(list(paths))
    return ingest_files(factory, files, missing, **options)


def ingest_files(
    factory: sessionmaker[Session],
    files: list[Path],
    missing: list[ReadError] = (),
    *,
    encoding: str | None = None,
    max_bytes: int | None = None,
    year: int | None = None,
    place: str | None = None,
    jobs: int = 1,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest already collected ``files``; ``missing`` are paths that failed to resolve.

    With ``jobs`` > 1, files are read and extracted in that many worker
    processes while this process stores them, one transaction each, in the
    order given, so the result is the same as with one job.
    """
    report = IngestReport(failed=len(missing), errors=[str(error) for error in missing])
    options = ReadOptions(encoding, max_bytes, year, place)
    for prepared in _prepared_in_order(factory, list(files), options, jobs):
        _store(factory, prepared, report)
        if on_file is not None:
            on_file(prepared.path)
    return report


def _store(factory: sessionmaker[Session], prepared: Prepared, report: IngestReport) -> None:
    if prepared.error is not None:
        report.failed += 1
        report.errors.append(prepared.error)
        return
    if prepared.known:
        report.skipped += 1
        return
    try:
        outcome = write_document(factory, prepared.source, prepared.extracted)
    except SQLAlchemyError as exc:
        # Rolled back: nothing of this document is stored. The next one may
        # still go in (a constraint met by one document only, a lock that
        # outlasted the retries), so go on.
        report.failed += 1
        cause = first_line(getattr(exc, "orig", None) or exc)
        report.errors.append(f"{prepared.path}: not stored, database error: {cause}")
        return
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug met while storing one document, rolled back like any failure
        report.failed += 1
        report.errors.append(f"{prepared.path}: not stored: {type(exc).__name__}: {first_line(exc)}")
        return
    if outcome == "skipped":
        report.skipped += 1
    else:
        report.read += 1
        report.replaced += outcome == "replaced"
        report.claims += len(prepared.extracted.claims)


def _prepared_in_order(factory: sessionmaker[Session], files: list[Path], options: ReadOptions,
                       jobs: int) -> Iterator[Prepared]:
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield prepare(path, options, lambda sha256: _known(factory, sha256))
        return
    with factory() as session:
        known = frozenset(session.scalars(select(Document.sha256)))
    # Load the rules and the gazetteer once here: forked workers inherit them.
    extract_document("2016年全市有幼儿园581所。")
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    remaining = deque(files)
    pending: deque[tuple[Path, Future]] = deque()
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(known,))
    try:
        # A few files ahead of the one being stored, not the whole list:
        # texts and their claims wait in memory until stored.
        while remaining or pending:
            while remaining and len(pending) < 2 * jobs:
                # Taken off the list only once submitted: a broken pool refuses it.
                pending.append((remaining[0], pool.submit(_prepare_in_worker, remaining[0], options)))
                remaining.popleft()
            prepared = pending[0][1].result()
            pending.popleft()
            yield prepared
    except BrokenProcessPool:
        # A worker died (killed, or out of memory): finish here, one by one.
        for path in [path for path, _future in pending] + list(remaining):
            yield prepare(path, options, lambda sha256: _known(factory, sha256))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_WORKER_KNOWN: frozenset[str] = frozenset()


def _start_worker(known: frozenset[str]) -> None:
    global _WORKER_KNOWN
    _WORKER_KNOWN = known


def _prepare_in_worker(path: Path, options: ReadOptions) -> Prepared:
    return prepare(path, options, _WORKER_KNOWN.__contains__)
