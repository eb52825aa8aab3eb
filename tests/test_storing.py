"""Ingesting the sample corpus into a real database, on both engines."""
from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

from sqlalchemy import delete, func, select

from tracker.models import Claim, Document, Section, Sentence
from tracker.querying import ClaimFilter, export_claims, query_claims
from tracker.storing import ingest_paths

from conftest import CORPUS


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_sample_corpus_goes_in_with_its_known_claims(sessions):
    report = ingest_paths(sessions, [CORPUS])
    assert (report.read, report.skipped, report.failed) == (5, 0, 0)
    with sessions() as session:
        assert count(session, Document) == 5
        assert count(session, Claim) == report.claims
        rate = query_claims(session, ClaimFilter(doc="003_6921d1475b2d8838.txt", unit="%"))
        assert [(r["text"], r["value"], r["approx"]) for r in rate if r["text"] == "98.79%"] == [
            ("98.79%", 98.79, "exact")]
        money = [r for r in query_claims(session, ClaimFilter(doc="004_043583f907d8be22.txt", unit="元"))
                 if r["text"] == "29.74亿元"]
        assert len(money) == 1
        assert money[0]["value"] == 2974000000
        assert "比2011年增加了8.16亿元" in money[0]["sentence"]
        stored = session.scalars(select(Claim).where(Claim.text == "29.74亿元")).one()
        assert stored.value_exact == "2974000000"
        document = session.get(Document, stored.document_id)
        assert document.raw_text[stored.raw_start:stored.raw_end] == "29.74亿元"
        assert document.clean_text[stored.start:stored.end] == "29.74亿元"


def test_every_claim_text_is_the_source_at_its_span(sessions):
    ingest_paths(sessions, [CORPUS])
    with sessions() as session:
        for claim, raw in session.execute(select(Claim, Document.raw_text).join(Document)):
            assert raw[claim.raw_start:claim.raw_end] == claim.text


def test_reingesting_the_same_bytes_adds_nothing(sessions):
    first = ingest_paths(sessions, [CORPUS])
    with sessions() as session:
        before = (count(session, Document), count(session, Sentence), count(session, Claim))
    again = ingest_paths(sessions, [CORPUS])
    assert (again.read, again.skipped, again.claims) == (0, 5, 0)
    with sessions() as session:
        assert (count(session, Document), count(session, Sentence), count(session, Claim)) == before
    assert first.claims == before[2]


def test_a_changed_file_replaces_its_earlier_version(sessions, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("全市共有幼儿园581所。", encoding="utf-8")
    ingest_paths(sessions, [path])
    path.write_text("全市共有幼儿园590所,在园幼儿2.6万人。", encoding="utf-8")
    report = ingest_paths(sessions, [path])
    assert (report.read, report.replaced) == (1, 1)
    with sessions() as session:
        assert count(session, Document) == 1
        assert [r["text"] for r in query_claims(session, ClaimFilter())] == ["590所", "2.6万人"]
        assert count(session, Section) == 1


def test_bad_files_are_reported_and_the_good_ones_still_go_in(sessions, tmp_path):
    shutil.copy(CORPUS / "003_6921d1475b2d8838.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    report = ingest_paths(sessions, [tmp_path, tmp_path / "missing.txt"])
    assert (report.read, report.failed) == (1, 3)
    assert sorted(e.split(": ", 1)[1] for e in report.errors) == [
        "binary file, not text", "empty file", "no such file or folder"]
    with sessions() as session:
        assert session.scalars(select(Document.file_name)).all() == ["good.txt"]


def test_export_has_the_guide_fields_with_exact_numbers(sessions):
    ingest_paths(sessions, [CORPUS / "004_043583f907d8be22.txt"])
    with sessions() as session:
        rows = list(export_claims(session))
    assert set(rows[0]) == {"doc", "sentence", "text", "value", "value_high", "unit", "approx", "metric",
                            "year", "period", "locality", "kind", "redacted"}
    by_text = {r["text"]: r for r in rows}
    assert by_text["29.74亿元"]["value"] == 2974000000
    assert isinstance(by_text["29.74亿元"]["value"], int)
    assert by_text["37.81%"]["value"] == 37.81
    assert by_text["接近90%"]["approx"] == "nearly"


def test_places_are_stored_with_their_parents_and_claims_point_at_them(sessions):
    from tracker.models import Place

    ingest_paths(sessions, [CORPUS / "004_043583f907d8be22.txt"])
    with sessions() as session:
        county = session.scalars(select(Place).where(Place.name == "建昌县")).one()
        chain = []
        node = county
        while node is not None:
            chain.append((node.name, node.level))
            node = node.parent
        assert chain == [("建昌县", "county"), ("葫芦岛市", "prefecture"), ("辽宁省", "province"),
                         ("中国", "country")]
        rows = {r["text"]: r for r in query_claims(session, ClaimFilter(doc="004_043583f907d8be22.txt"))}
        assert rows["29.74亿元"]["place"] == "葫芦岛市"
        assert rows["9800平方米"]["place"] == "建昌县"
        document = session.scalars(select(Document)).one()
        assert document.place.name == "葫芦岛市"


def test_claims_carry_their_metric_and_aspect_and_links_are_stored(sessions):
    from tracker.models import ClaimLink, Metric
    ingest_paths(sessions, [CORPUS / "004_043583f907d8be22.txt"])
    with sessions() as session:
        rows = session.execute(
            select(Claim.text, Claim.aspect, Metric.key).outerjoin(Metric, Claim.metric_id == Metric.id)
            .where(Claim.text.in_(["29.74亿元", "8.16亿元", "37.81%", "6.62%"]))).all()
        assert sorted(rows) == sorted([
            ("29.74亿元", "level", "fiscal_education_funding"), ("8.16亿元", "change", "fiscal_education_funding"),
            ("37.81%", "growth", "fiscal_education_funding"), ("6.62%", "cagr", "fiscal_education_funding")])
        head = select(Claim.id).where(Claim.text == "29.74亿元").scalar_subquery()
        links = session.execute(
            select(ClaimLink.relation, Claim.text, ClaimLink.base_year)
            .join(Claim, ClaimLink.tail_claim_id == Claim.id).where(ClaimLink.head_claim_id == head)
            .order_by(ClaimLink.id)).all()
        assert links == [("change", "8.16亿元", 2011), ("growth", "37.81%", 2011), ("cagr", "6.62%", 2011)]
        assert session.scalar(select(func.count()).select_from(Metric)) >= 80


# --- a folder of every kind of file, good and bad ---------------------------

LIMIT = 60_000  # --max-bytes for the mixed folder: the good files are under it, huge.txt is not


def write_mixed_folder(folder):
    """Good reports in every format beside bad files of every kind; returns (good names, bad name → cause)."""
    from makers import html_page, make_docx, pdf_bytes, sample_paragraphs, wrap

    paragraphs = sample_paragraphs("003_6921d1475b2d8838.txt")
    folder.mkdir(exist_ok=True)
    (folder / "report_gbk.txt").write_bytes(
        (CORPUS / "004_043583f907d8be22.txt").read_text(encoding="utf-8").replace("\xa0", " ").encode("gbk"))
    (folder / "report.htm").write_bytes(html_page(paragraphs[17:], title="教育质量工作会报告").encode("gbk"))
    make_docx(folder / "report.docx", paragraphs[:10] + [[["学段", "学校数"], ["幼儿园", "581所"]]])
    (folder / "report.pdf").write_bytes(pdf_bytes([wrap(paragraphs[10:17], 60)]))
    bad = {
        "empty.txt": (b"", "empty file"),
        "binary.txt": (bytes(range(256)) * 4, "binary file, not text"),
        "cut.txt": ("全市共有幼儿园五百八十一所，在园幼儿两万六千人".encode("gbk")[:-1],
                    "truncated GB18030 text: it ends inside a character at byte 44; "
                    "pass --encoding=NAME if you know its encoding"),
        "huge.txt": ("投资600余万元。".encode("utf-8") * 5000, "105000 bytes is over the limit of 60000 (--max-bytes)"),
        "broken.docx": (b"PK\x03\x04 not really a zip", None),
        "scan.pdf": (pdf_bytes([[]]), "no text in the PDF (scanned pages? it needs OCR first)"),
        "page.html": (b"<html><body><script>x()</script></body></html>", "no text in it"),
    }
    for name, (data, _cause) in bad.items():
        (folder / name).write_bytes(data)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a report")  # passed over, not an error
    (folder / "~$report.docx").write_bytes(b"\x00lock")  # Word's lock file: passed over
    return ["report.docx", "report.htm", "report.pdf", "report_gbk.txt"], {n: c for n, (_d, c) in bad.items()}


def test_a_folder_mixing_good_and_bad_files(sessions, tmp_path):
    good, bad = write_mixed_folder(tmp_path / "in")
    report = ingest_paths(sessions, [tmp_path / "in", tmp_path / "missing.txt"], max_bytes=LIMIT)
    causes = {e.split(": ", 1)[0]: e.split(": ", 1)[1] for e in report.errors}
    assert causes.pop(str(tmp_path / "missing.txt")) == "no such file or folder"
    assert causes.pop(str(tmp_path / "in" / "broken.docx")) == "not a readable Word (.docx) file: File is not a zip file"
    assert causes == {str(tmp_path / "in" / n): c for n, c in bad.items() if n != "broken.docx"}
    assert (report.read, report.failed, report.skipped) == (4, 8, 0)
    with sessions() as session:
        assert sorted(session.scalars(select(Document.file_name))) == good
        encodings = dict(session.execute(select(Document.file_name, Document.encoding)).all())
        assert encodings == {"report_gbk.txt": "gb18030", "report.htm": "gb18030", "report.docx": "docx",
                             "report.pdf": "pdf"}
        assert session.scalar(select(Document.title).where(Document.file_name == "report.htm")) == "教育质量工作会报告"
        texts = {(name, text) for name, text in session.execute(select(Document.file_name, Claim.text).join(Document))}
        assert {("report.docx", "581所"), ("report.pdf", "600余万元"), ("report.htm", "98.79%"),
                ("report_gbk.txt", "29.74亿元")} <= texts
        for model in (Section, Sentence, Claim):
            assert set(session.scalars(select(model.document_id))) <= set(session.scalars(select(Document.id)))
    again = ingest_paths(sessions, [tmp_path / "in"], max_bytes=LIMIT)
    assert (again.read, again.skipped, again.failed) == (0, 4, 7)


def test_nothing_of_a_document_failing_mid_write_stays(sessions, tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError

    import tracker.storing as storing

    for name in ["001_a301c6a9859379ef.txt", "003_6921d1475b2d8838.txt", "004_043583f907d8be22.txt"]:
        shutil.copy(CORPUS / name, tmp_path / name)
    real_store = storing.store_document

    def store_then_fail(session, source, extracted):
        document = real_store(session, source, extracted)
        session.flush()  # every row of it is written in the transaction...
        if source.file_name.startswith("003"):
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))  # ...then the disk fails
        return document

    monkeypatch.setattr(storing, "store_document", store_then_fail)
    report = ingest_paths(sessions, [tmp_path])
    assert report.errors == [f"{tmp_path / '003_6921d1475b2d8838.txt'}: not stored, database error: disk I/O error"]
    assert (report.read, report.failed) == (2, 1)
    with sessions() as session:
        assert sorted(session.scalars(select(Document.file_name))) == [
            "001_a301c6a9859379ef.txt", "004_043583f907d8be22.txt"]
        # No section, sentence or claim of 003 stayed behind.
        ids = set(session.scalars(select(Document.id)))
        for model in (Section, Sentence, Claim):
            assert set(session.scalars(select(model.document_id))) <= ids
        assert count(session, Claim) == report.claims


def test_an_extraction_failure_is_one_files_failure(sessions, tmp_path, monkeypatch):
    import tracker.storing as storing

    (tmp_path / "a.txt").write_text("全市共有幼儿园581所。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("触发错误：在园幼儿2.6万人。", encoding="utf-8")
    (tmp_path / "c.txt").write_text("投资600余万元。", encoding="utf-8")
    real_extract = storing.extract_document

    def extract(text, year=None, place=None):
        if text.startswith("触发错误"):
            raise ValueError("a bug met on one text\nwith a second line")
        return real_extract(text, year=year)

    monkeypatch.setattr(storing, "extract_document", extract)
    report = ingest_paths(sessions, [tmp_path])
    assert report.errors == [f"{tmp_path / 'b.txt'}: extraction failed: ValueError: a bug met on one text"]
    assert (report.read, report.failed, report.claims) == (2, 1, 2)


def test_a_locked_database_is_waited_for_and_tried_again(tmp_path, monkeypatch):
    from tracker import db
    import tracker.storing as storing

    url = f"sqlite:///{tmp_path / 'locked.db'}"
    holder = db.make_engine(url)
    db.upgrade(holder)
    impatient = db.make_engine(url, busy_timeout_ms=0)  # "database is locked" at once, no waiting
    blocker = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process writing
    pauses = []

    def pause(seconds):
        pauses.append(seconds)
        if len(pauses) == 2:
            blocker.execute("COMMIT")  # the other writer finishes during the second wait

    monkeypatch.setattr(storing, "_pause", pause)
    report = ingest_paths(db.session_factory(impatient), [CORPUS / "003_6921d1475b2d8838.txt"])
    assert (report.read, report.failed) == (1, 0)
    assert pauses == [storing.RETRY_PAUSE_S, 2 * storing.RETRY_PAUSE_S]
    blocker.close()
    holder.dispose()
    impatient.dispose()


def test_a_lock_that_outlasts_the_retries_fails_that_file_only(tmp_path, monkeypatch):
    from tracker import db
    import tracker.storing as storing

    url = f"sqlite:///{tmp_path / 'locked.db'}"
    holder = db.make_engine(url)
    db.upgrade(holder)
    impatient = db.make_engine(url, busy_timeout_ms=0)
    monkeypatch.setattr(storing, "_pause", lambda seconds: None)
    with closing(sqlite3.connect(tmp_path / "locked.db", isolation_level=None)) as blocker:
        blocker.execute("BEGIN IMMEDIATE")
        report = ingest_paths(db.session_factory(impatient), [CORPUS / "003_6921d1475b2d8838.txt"])
        blocker.execute("ROLLBACK")
    assert report.errors == [f"{CORPUS / '003_6921d1475b2d8838.txt'}: not stored, database error: database is locked"]
    holder.dispose()
    impatient.dispose()


def test_a_race_on_one_document_ends_with_one_copy(sessions, tmp_path):
    from tracker.storing import ReadOptions, prepare, write_document

    path = tmp_path / "report.txt"
    shutil.copy(CORPUS / "003_6921d1475b2d8838.txt", path)
    # Two ingests both found the bytes absent and extracted them...
    first, second = (prepare(path, ReadOptions(), lambda sha256: False) for _ in range(2))
    # ...the second to write finds the first one's copy, under the write lock.
    assert write_document(sessions, first.source, first.extracted) == "read"
    assert write_document(sessions, second.source, second.extracted) == "skipped"
    with sessions() as session:
        assert count(session, Document) == 1
        assert count(session, Claim) == len(first.extracted.claims)


def test_a_new_version_replaces_the_claims_and_flag_reviews_stay(sessions, tmp_path):
    from tracker.models import Flag

    path = tmp_path / "report.txt"
    path.write_text("全市共有幼儿园581所,在园幼儿2.6万人。", encoding="utf-8")
    ingest_paths(sessions, [path])
    with sessions.begin() as session:
        session.add(Flag(fingerprint="f" * 64, check="total", severity="warn", message="581所 ≠ 590所",
                         evidence={"texts": ["581所"]}, status="dismissed", note="a typo in the source"))
    path.write_text("全市共有幼儿园590所,在园幼儿2.6万人。", encoding="utf-8")
    report = ingest_paths(sessions, [path])
    assert (report.read, report.replaced) == (1, 1)
    with sessions() as session:
        assert [r["text"] for r in query_claims(session, ClaimFilter())] == ["590所", "2.6万人"]
        flag = session.scalars(select(Flag)).one()
        assert (flag.status, flag.note) == ("dismissed", "a typo in the source")


# --- --jobs: extraction in worker processes, the same result -----------------

def snapshot(sessions) -> tuple:
    """What an ingest left: documents (without ids and times) and every claim as exported."""
    with sessions() as session:
        documents = session.execute(select(Document.file_name, Document.sha256, Document.encoding, Document.title,
                                           Document.year).order_by(Document.id)).all()
        return documents, list(export_claims(session))


def clear(sessions) -> None:
    from tracker.models import Place

    with sessions.begin() as session:
        session.execute(delete(Document))
        session.execute(delete(Place))


def test_jobs_give_the_same_result_as_one_job(sessions, tmp_path):
    good, bad = write_mixed_folder(tmp_path / "in")
    samples = sorted(path for path in CORPUS.iterdir() if not path.name.startswith("001"))  # 001: long, slow
    inputs = [*samples, tmp_path / "in", samples[0]]  # the first sample twice: skipped the second time
    one = ingest_paths(sessions, inputs, max_bytes=LIMIT)
    one_state = snapshot(sessions)
    clear(sessions)
    many = ingest_paths(sessions, inputs, max_bytes=LIMIT, jobs=2)
    assert snapshot(sessions) == one_state
    assert (many.read, many.skipped, many.failed, many.claims, many.errors) == (
        one.read, one.skipped, one.failed, one.claims, one.errors)
    assert (one.read, one.skipped, one.failed) == (len(samples) + len(good), 1, len(bad))


def test_a_worker_that_dies_loses_no_file(sessions, tmp_path, monkeypatch):
    import os

    import tracker.storing as storing

    parent = os.getpid()
    real_prepare = storing.prepare

    def prepare_or_die(path, options, is_known):
        if os.getpid() != parent and path.name.startswith("002"):
            os._exit(9)  # a worker killed (out of memory, a crash in a library)
        return real_prepare(path, options, is_known)

    monkeypatch.setattr(storing, "prepare", prepare_or_die)
    samples = sorted(path for path in CORPUS.iterdir() if not path.name.startswith("001"))
    report = ingest_paths(sessions, samples, jobs=2)
    assert (report.read, report.failed) == (4, 0)
    with sessions() as session:
        assert count(session, Document) == 4
