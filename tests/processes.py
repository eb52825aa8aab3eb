"""Running ``tracker ingest`` in child processes, to kill them or run them side by side.

Children are forked from the test process, so they start at once with
tracker already imported, and run the real command line.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import Counter

from sqlalchemy import inspect, select

from tracker import db
from tracker.models import Claim, Document, Section, Sentence

FORK = multiprocessing.get_context("fork")


def ingest_child(url: str, paths: list, start, die_in_write_of: int | None = None, jobs: int = 1) -> None:
    """The body of a child: wait for ``start``, then ``tracker ingest``; exit with its status.

    ``die_in_write_of=k`` kills the child with SIGKILL in the middle of
    the k-th document's transaction, its rows written but not committed.
    """
    from tracker.cli import main
    import tracker.storing as storing

    if die_in_write_of is not None:
        real_store = storing.store_document
        stored = []

        def store_then_die(session, source, extracted):
            document = real_store(session, source, extracted)
            session.flush()
            stored.append(source.file_name)
            if len(stored) == die_in_write_of:
                os.kill(os.getpid(), signal.SIGKILL)
            return document

        storing.store_document = store_then_die
    start.wait()
    args = ["--db", url, "ingest", "--silent", "--jobs", str(jobs), *map(str, paths)]
    try:
        main(args, standalone_mode=False)
    except SystemExit as stop:
        os._exit(stop.code or 0)
    os._exit(0)


def start_child(url: str, paths: list, start, **options) -> multiprocessing.Process:
    """Fork a child running :func:`ingest_child`; it waits for ``start`` (an Event or a Barrier)."""
    child = FORK.Process(target=ingest_child, args=(url, paths, start), kwargs=options)
    child.start()
    return child


def claims_by_document(url: str) -> dict[str, Counter]:
    """Every stored document's claims as a multiset of (text, exact value, unit)."""
    engine = db.make_engine(url)
    try:
        with db.session_factory(engine)() as session:
            found: dict[str, Counter] = {name: Counter() for name in session.scalars(select(Document.file_name))}
            rows = session.execute(select(Document.file_name, Claim.text, Claim.value_exact, Claim.unit)
                                   .join(Claim, Claim.document_id == Document.id))
            for file_name, *claim in rows:
                found[file_name][tuple(claim)] += 1
            return found
    finally:
        engine.dispose()


def assert_intact(url: str, clean: dict[str, Counter]) -> None:
    """The database passes its integrity checks and holds only whole documents of the clean run."""
    engine = db.make_engine(url)
    try:
        if db.current_revision(engine) is None:
            # Killed before its schema was committed (a slow start under load):
            # the migration's transaction left nothing, which is intact.
            assert "documents" not in inspect(engine).get_table_names()
            return
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
                assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        with db.session_factory(engine)() as session:
            documents = set(session.scalars(select(Document.id)))
            for model in (Section, Sentence, Claim):
                assert set(session.scalars(select(model.document_id))) <= documents
            names = session.scalars(select(Document.file_name)).all()
            assert len(names) == len(set(names))  # one copy of each
    finally:
        engine.dispose()
    stored = claims_by_document(url)
    assert set(stored) <= set(clean)
    for name, claims in stored.items():
        assert claims == clean[name], f"{name} is stored in part"
