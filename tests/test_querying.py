"""Query filters are bound parameters: hostile strings match nothing and change nothing."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from tracker import db
from tracker.models import Claim, Document, Metric
from tracker.querying import ClaimFilter, query_claims
from tracker.storing import ingest_paths

from conftest import CORPUS, PG_URL, reset_postgres

HOSTILE = [
    "x' OR 1=1 --", "\"; DROP TABLE claims;--", "'; DELETE FROM documents; --", "1 OR 1=1", "1; DROP TABLE claims",
    "%", "_", "%%", "元' OR '1'='1", "\\", "'", '"', "`", ")", "*/", "/*", "\x00", "a\x00b", "\ud800", "²", "١٢٣",
    "9" * 40, "0", "1", " ", "入园率%", "%入园%",
]
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def loaded(request, tmp_path_factory):
    """Two sample reports in a database of each engine, loaded once for the module (queries only read)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('querying') / 'tracker.db'}"
    elif PG_URL:
        reset_postgres(PG_URL)
        url = PG_URL
    else:
        pytest.skip("no PostgreSQL server: set TRACKER_TEST_PG_URL (.ci/run does)")
    engine = db.make_engine(url)
    db.upgrade(engine)
    sessions = db.session_factory(engine)
    ingest_paths(sessions, [CORPUS / "003_6921d1475b2d8838.txt", CORPUS / "004_043583f907d8be22.txt"])
    yield sessions
    engine.dispose()


def state(session) -> tuple:
    """What a query must not change: the tables and what is in them."""
    tables = sorted(session.execute(text(
        "SELECT name FROM sqlite_master WHERE type='table'" if session.bind.dialect.name == "sqlite"
        else "SELECT tablename FROM pg_tables WHERE schemaname='public'")).scalars())
    return (tables, session.scalar(select(func.count()).select_from(Claim)),
            session.scalar(select(func.count()).select_from(Document)),
            session.scalar(select(func.sum(Claim.id))))


def strings(real: list[str]):
    """Hostile strings, arbitrary text, and pieces of real values (so that some match)."""
    pieces = st.sampled_from(real).flatmap(
        lambda value: st.tuples(st.integers(0, len(value)), st.integers(0, len(value))).map(
            lambda ends: value[min(ends):max(ends)]))
    return st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12), pieces)


def expected(rows: list[dict], extra: dict, field: str, value) -> list[int]:
    """The ids a filter should return, worked out in Python from every row."""
    if value is None or value == "":
        return [row["id"] for row in rows]

    def keep(row) -> bool:
        if field == "metric":
            key, name = extra[row["id"]][1:]
            return value in (row["metric"] or "") or value == key or value in (name or "")
        if field == "place":
            return row["place"] is not None and row["place"].startswith(value)
        if field == "doc":
            by_id = value.isascii() and value.isdigit() and int(value) == extra[row["id"]][0]
            return row["doc"] == value or by_id
        return row[field] == value

    return [row["id"] for row in rows if keep(row)]


@pytest.mark.parametrize("field", ["metric", "place", "unit", "kind", "doc"])
def test_text_filters_match_exactly_what_they_say_and_change_nothing(loaded, field):
    with loaded() as session:
        rows = query_claims(session, ClaimFilter())
        extra = {claim_id: (document_id, key, name) for claim_id, document_id, key, name in session.execute(
            select(Claim.id, Claim.document_id, Metric.key, Metric.name).outerjoin(Metric, Claim.metric_id == Metric.id))}
        before = state(session)
    real = sorted({str(row[field if field != "metric" else "metric"] or "") for row in rows} - {""})
    if field == "doc":
        real += [str(document_id) for document_id, _key, _name in extra.values()]
    assert real  # something to match

    @SETTINGS
    @given(value=strings(real))
    def check(value):
        with loaded() as session:
            found = [row["id"] for row in query_claims(session, ClaimFilter(**{field: value}))]
            assert found == expected(rows, extra, field, value)
            assert state(session) == before

    check()


@pytest.mark.parametrize("value", HOSTILE[:5])
def test_the_issues_hostile_strings_return_nothing_in_every_filter(loaded, value):
    with loaded() as session:
        before = state(session)
        for field in ["metric", "place", "unit", "kind", "doc"]:
            assert query_claims(session, ClaimFilter(**{field: value})) == []
        assert state(session) == before


def test_any_year_filter_is_answered(loaded):
    with loaded() as session:
        rows = query_claims(session, ClaimFilter())
    years = sorted({row["year"] for row in rows if row["year"] is not None})
    assert years

    @SETTINGS
    @given(year=st.one_of(st.sampled_from(years), st.integers()))
    def check(year):
        with loaded() as session:
            found = [row["id"] for row in query_claims(session, ClaimFilter(year=year))]
        assert found == [row["id"] for row in rows if row["year"] == year]

    check()


def test_a_percent_sign_is_a_percent_sign_not_a_wildcard(loaded):
    with loaded() as session:
        assert query_claims(session, ClaimFilter(metric="%")) == []
        labelled = [row for row in query_claims(session, ClaimFilter()) if row["metric"]]
        some = labelled[0]["metric"]
        assert {row["id"] for row in query_claims(session, ClaimFilter(metric=some))} == {
            row["id"] for row in labelled if some in row["metric"]}
