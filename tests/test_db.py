"""Migrations on both engines: one head, up from empty, down to base and up, models match."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.exc import OperationalError

from tracker import db
from tracker.models import Base

from conftest import ROOT

TABLES = {"documents", "sections", "sentences", "places", "metrics", "claims", "claim_links", "flags",
          "check_state",
          "alembic_version"}


def test_single_head():
    assert len(ScriptDirectory.from_config(db.alembic_config()).get_heads()) == 1


def test_the_recorded_head_is_the_newest_migration():
    # ensure_current trusts SCHEMA_HEAD to skip Alembic: a new migration must update it.
    assert db.SCHEMA_HEAD == db.head_revision()


def test_opening_a_current_database_does_not_load_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'current.db'}"
    db.upgrade(db.make_engine(url))
    opened = subprocess.run(
        [sys.executable, "-c", "import sys; from tracker import db; "
         f"print(db.ensure_current(db.make_engine({url!r})), 'alembic' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert opened.stdout.split() == ["None", "False"]


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
    page = tmp_path / "page.html"
    page.write_bytes('<meta charset="gb2312"><nav>首页</nav><p>全市有幼儿园581所。</p>'.encode("gbk"))
    script = (
        "import tracker, tracker.db as d, tracker.rules as r, tracker.reading as g;"
        "e = d.make_engine(%r); d.upgrade(e);"
        "print(tracker.__file__); print(d.current_revision(e)); print(len(r.load_rules().units));"
        "print(g.read_source(g.Path(%r)).text)" % (url, str(page))
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(target)})
    assert run.returncode == 0, run.stderr
    module_file, revision, unit_count, page_text = run.stdout.split()
    assert module_file.startswith(str(target))
    assert revision == db.head_revision()
    assert int(unit_count) > 50
    assert page_text == "全市有幼儿园581所。"  # the readers and their seeds are installed too


# --- one writer at a time, all-or-nothing migrations, a backup first ---------

def test_a_writer_holds_the_database_until_it_commits(db_url):
    from sqlalchemy import text

    first = db.make_engine(db_url)
    second = db.make_engine(db_url, busy_timeout_ms=0)
    db.upgrade(first)
    with db.session_factory(first).begin() as writer:
        db.begin_writing(writer)
        with second.connect() as reader:  # readers are never held up
            assert reader.execute(text("SELECT count(*) FROM documents")).scalar() == 0
        with second.connect() as other:
            if other.dialect.name == "sqlite":
                with pytest.raises(OperationalError, match="database is locked"):
                    with other.begin():
                        other.execute(text("DELETE FROM documents"))
            else:
                with other.begin():
                    taken = other.execute(text("SELECT pg_try_advisory_xact_lock(:k)"),
                                          {"k": db.PG_WRITE_LOCK_KEY}).scalar()
                assert taken is False
    with db.session_factory(second).begin() as next_writer:
        db.begin_writing(next_writer)  # free again once the first committed
    first.dispose()
    second.dispose()


def migrations_with(tmp_path, monkeypatch, body: str, revision: str = "9001") -> str:
    """The shipped migrations plus one more after the head, used by tracker from now on."""
    folder = tmp_path / "migrations"
    shutil.copytree(db.migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = db.head_revision()
    (folder / "versions" / f"{revision}_test.py").write_text(
        f'"""a test revision"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n'
        f"revision = {revision!r}\ndown_revision = {head!r}\nbranch_labels = None\ndepends_on = None\n\n\n"
        f"def upgrade():\n{body}\n\n\ndef downgrade():\n    pass\n")
    monkeypatch.setattr(db, "migrations_dir", lambda: folder)
    monkeypatch.setattr(db, "SCHEMA_HEAD", revision)
    return head


def test_a_failing_migration_leaves_no_trace(db_url, tmp_path, monkeypatch):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    old_head = migrations_with(tmp_path, monkeypatch, "    op.create_table('half_done', sa.Column('id', sa.Integer))\n"
                                                      "    op.add_column('documents', sa.Column('extra', sa.Integer))\n"
                                                      "    raise RuntimeError('the migration fails half-way')")
    with pytest.raises(RuntimeError, match="half-way"):
        db.upgrade(engine)
    engine.dispose()
    engine = db.make_engine(db_url)
    assert db.current_revision(engine) == old_head
    assert "half_done" not in inspect(engine).get_table_names()
    assert "extra" not in {column["name"] for column in inspect(engine).get_columns("documents")}
    engine.dispose()


def test_a_sqlite_upgrade_backs_the_database_up_first(tmp_path, monkeypatch):
    from tracker.storing import ingest_paths

    from conftest import CORPUS

    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    ingest_paths(db.session_factory(engine), [CORPUS / "003_6921d1475b2d8838.txt"])
    old_head = migrations_with(tmp_path, monkeypatch, "    op.create_index('ix_test_title', 'documents', ['title'])")
    backup = db.ensure_current(engine)
    assert db.current_revision(engine) == "9001"
    assert backup is not None and backup.name.startswith(f"tracker.db.bak-{old_head}-")
    with closing(sqlite3.connect(backup)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
        assert copy.execute("SELECT file_name FROM documents").fetchall() == [("003_6921d1475b2d8838.txt",)]
    assert db.ensure_current(engine) is None  # current now: no upgrade, no backup
    engine.dispose()


def test_a_new_database_needs_no_backup(tmp_path):
    engine = db.make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert db.ensure_current(engine) is None
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak-" in p.name) == []
    engine.dispose()
