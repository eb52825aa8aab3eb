"""Two ingests into one database at once, and readers beside a writer, on both engines."""
from __future__ import annotations

import shutil
from collections import Counter

from sqlalchemy import func, select

from tracker import db
from tracker.models import Document
from tracker.storing import ReadOptions, ingest_paths, prepare, store_document

from conftest import CORPUS
from processes import FORK, assert_intact, claims_by_document, start_child


def clean_run(tmp_path, paths) -> dict[str, Counter]:
    url = f"sqlite:///{tmp_path / 'clean.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    ingest_paths(db.session_factory(engine), paths)
    engine.dispose()
    return claims_by_document(url)


def test_two_ingests_at_once_both_finish_with_one_copy_of_each_document(db_url, tmp_path):
    # Both start on a database with no schema yet, and half of their
    # documents are the same files: they race on the schema and on those.
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    samples = sorted(path for path in CORPUS.iterdir() if not path.name.startswith("001"))
    for path in samples[:3]:
        shutil.copy(path, first / path.name)
    for path in samples[1:]:
        shutil.copy(path, second / path.name)
    together = FORK.Barrier(2)
    children = [start_child(db_url, [first], together), start_child(db_url, [second], together)]
    for child in children:
        child.join()
    assert [child.exitcode for child in children] == [0, 0]
    expected = clean_run(tmp_path, [first, second])
    assert_intact(db_url, expected)
    assert claims_by_document(db_url) == expected


def test_two_versions_of_one_file_racing_leave_one_of_them_whole(db_url, tmp_path):
    versions = {"590": "全市共有幼儿园590所，在园幼儿2.6万人。", "601": "全市共有幼儿园601所，专任教师1200人。"}
    folders = []
    for name, text in versions.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "report.txt").write_text(text, encoding="utf-8")
        folders.append(folder)
    together = FORK.Barrier(2)
    children = [start_child(db_url, [folder], together) for folder in folders]
    for child in children:
        child.join()
    assert [child.exitcode for child in children] == [0, 0]
    stored = claims_by_document(db_url)
    assert list(stored) == ["report.txt"]
    assert stored["report.txt"] in ({("590所", "590", "所"): 1, ("2.6万人", "26000", "人"): 1},
                                    {("601所", "601", "所"): 1, ("1200人", "1200", "人"): 1})


def test_readers_see_the_last_commit_and_are_not_held_up_by_a_writer(db_url):
    writer_engine, reader_engine = db.make_engine(db_url), db.make_engine(db_url, busy_timeout_ms=0)
    db.upgrade(writer_engine)
    writer, reader = db.session_factory(writer_engine), db.session_factory(reader_engine)
    ingest_paths(writer, [CORPUS / "003_6921d1475b2d8838.txt"])

    def documents() -> list[str]:
        with reader() as session:
            return session.scalars(select(Document.file_name).order_by(Document.file_name)).all()

    assert documents() == ["003_6921d1475b2d8838.txt"]
    prepared = prepare(CORPUS / "004_043583f907d8be22.txt", ReadOptions(), lambda sha256: False)
    with writer.begin() as session:
        db.begin_writing(session)
        store_document(session, prepared.source, prepared.extracted)
        session.flush()
        # Written, not committed: a reader sees the last commit, at once (a
        # reader with no busy timeout would fail rather than wait).
        assert documents() == ["003_6921d1475b2d8838.txt"]
    assert documents() == ["003_6921d1475b2d8838.txt", "004_043583f907d8be22.txt"]
    with reader() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 2
    writer_engine.dispose()
    reader_engine.dispose()


def test_jobs_in_children_at_once(db_url, tmp_path):
    # --jobs in two ingests at once: workers of both, storing in each parent.
    samples = sorted(path for path in CORPUS.iterdir() if not path.name.startswith("001"))
    together = FORK.Barrier(2)
    children = [start_child(db_url, samples, together, jobs=2), start_child(db_url, samples[::-1], together, jobs=2)]
    for child in children:
        child.join()
    assert [child.exitcode for child in children] == [0, 0]
    expected = clean_run(tmp_path, samples)
    assert_intact(db_url, expected)
    assert claims_by_document(db_url) == expected
