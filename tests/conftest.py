"""Shared fixtures: a migrated database on each engine, and the sample corpus.

Every database test runs on SQLite and on PostgreSQL. The PostgreSQL URL
comes from ``TRACKER_TEST_PG_URL`` (``.ci/run`` starts a server and sets
it); without it the PostgreSQL half is skipped, never faked.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tracker import db

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "seeds" / "corpus"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
PG_URL = os.environ.get("TRACKER_TEST_PG_URL")


def reset_postgres(url: str) -> None:
    """Empty the test database's public schema."""
    engine = create_engine(db.make_engine(url).url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty database on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}"
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set TRACKER_TEST_PG_URL (.ci/run does)")
    reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def engine(db_url):
    """An engine on a database migrated to head."""
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine):
    """A session factory on the migrated database."""
    return db.session_factory(engine)
