"""Ingesting the sample corpus into a real database, on both engines."""
from __future__ import annotations

import shutil

from sqlalchemy import func, select

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
