"""Migrations on both engines: one head, up from empty, down to base and up, models match."""
from __future__ import annotations

import os
import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from tracker import db
from tracker.models import Base

from conftest import ROOT

TABLES = {"documents", "sections", "sentences", "places", "metrics", "claims", "claim_links", "flags",
          "alembic_version"}


def test_single_head():
    assert len(ScriptDirectory.from_config(db.alembic_config()).get_heads()) == 1


def test_upgrade_from_empty_creates_every_table(db_url):
    engine = db.make_engine(db_url)
    assert db.current_revision(engine) is None
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    assert set(inspect(engine).get_table_names()) == TABLES
    engine.dispose()


def test_downgrade_to_base_and_up_again(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    db.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    db.upgrade(engine)
    assert set(inspect(engine).get_table_names()) == TABLES
    engine.dispose()


def test_models_match_migrations(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_sqlite_connections_have_foreign_keys_wal_and_busy_timeout(tmp_path):
    engine = db.make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.SQLITE_BUSY_TIMEOUT_MS
    engine.dispose()


def test_resolve_url_prefers_option_then_environment(monkeypatch):
    monkeypatch.setenv("TRACKER_DB", "sqlite:///from-env.db")
    assert db.resolve_url("sqlite:///given.db") == "sqlite:///given.db"
    assert db.resolve_url(None) == "sqlite:///from-env.db"
    monkeypatch.delenv("TRACKER_DB")
    assert db.resolve_url(None) == "sqlite:///tracker.db"


def test_alembic_upgrade_head_works_from_the_checkout(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=ROOT,
                            env={**os.environ, "TRACKER_DB": url}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert db.current_revision(db.make_engine(url)) == db.head_revision()


def test_migrations_ship_inside_the_installed_package(tmp_path):
    """A non-editable install (a built wheel) carries its migrations and seeds."""
    target = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(ROOT)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    url = f"sqlite:///{tmp_path / 'installed.db'}"
    script = (
        "import tracker, tracker.db as d, tracker.rules as r;"
        "e = d.make_engine(%r); d.upgrade(e);"
        "print(tracker.__file__); print(d.current_revision(e)); print(len(r.load_rules().units))" % url
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(target)})
    assert run.returncode == 0, run.stderr
    module_file, revision, unit_count = run.stdout.split()
    assert module_file.startswith(str(target))
    assert revision == db.head_revision()
    assert int(unit_count) > 50
