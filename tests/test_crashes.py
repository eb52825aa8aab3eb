"""Killing an ingest (SIGKILL) anywhere leaves whole documents only; finishing it gives the clean result."""
from __future__ import annotations

import random
import shutil
import signal
import time

import pytest

from tracker import db
from tracker.storing import ingest_paths

from conftest import CORPUS
from processes import FORK, assert_intact, claims_by_document, start_child


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """A folder of several reports in several formats, and what a clean ingest makes of them."""
    from test_storing import write_mixed_folder

    folder = tmp_path_factory.mktemp("reports")
    for path in CORPUS.iterdir():
        if not path.name.startswith("001"):  # the longest: it would only slow the test down
            shutil.copy(path, folder / path.name)
    write_mixed_folder(folder / "more")
    (folder / "more" / "huge.txt").unlink()  # slow to extract, and nothing new to the test
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    ingest_paths(db.session_factory(engine), [folder])
    engine.dispose()
    clean = claims_by_document(url)
    assert len(clean) == 8  # four samples, four formats
    return folder, clean


def test_killing_an_ingest_anywhere_loses_nothing_and_leaves_nothing_half_written(db_url, reports):
    folder, clean = reports
    rng = random.Random(20240607)  # a fixed seed: the same kill points every run
    # Delays within a clean run's time (about a second): kills land before,
    # between and inside documents.
    for delay in [rng.uniform(0.0, 0.6) for _ in range(3)]:
        started = FORK.Event()
        child = start_child(db_url, [folder], started)
        started.set()
        time.sleep(delay)
        child.kill()  # SIGKILL: no cleanup of any kind
        child.join()
        assert_intact(db_url, clean)
    # And once for certain in the middle of a document's transaction, its
    # rows written and not committed.
    started = FORK.Event()
    child = start_child(db_url, [folder], started, die_in_write_of=1)
    started.set()
    child.join()
    assert child.exitcode in (-signal.SIGKILL, 0, 1)  # 0/1: everything was stored by the earlier runs
    assert_intact(db_url, clean)
    # Finishing the ingest gives what a clean run gives.
    engine = db.make_engine(db_url)
    db.ensure_current(engine)
    ingest_paths(db.session_factory(engine), [folder])
    engine.dispose()
    assert claims_by_document(db_url) == clean


def test_a_kill_inside_a_transaction_rolls_that_document_back(db_url, reports):
    folder, clean = reports
    started = FORK.Event()
    child = start_child(db_url, [folder], started, die_in_write_of=3)
    started.set()
    child.join()
    assert child.exitcode == -signal.SIGKILL
    assert_intact(db_url, clean)
    assert len(claims_by_document(db_url)) == 2  # the first two whole, the third not at all
