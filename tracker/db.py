"""Database connections: choosing the URL, tuning SQLite, locking writers, and migrating to head."""
from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///tracker.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# One key for every tracker writer on a PostgreSQL database: documents,
# places and migrations are written one transaction at a time, as on SQLite.
PG_WRITE_LOCK_KEY = 0x7472_6163_6B65_72  # "tracker"


def resolve_url(option: str | None = None) -> str:
    """The database URL: the ``--db`` option, else ``TRACKER_DB``, else ``tracker.db`` here."""
    return option or os.environ.get("TRACKER_DB") or DEFAULT_URL


def _sqlite_tuner(busy_timeout_ms: int):
    def tune(dbapi_connection, _record) -> None:
        # The sqlite3 module begins transactions lazily, runs SELECTs outside
        # them and commits before DDL; switch that off so a transaction is
        # exactly what SQLAlchemy begins (see _begin_sqlite), migrations included.
        dbapi_connection.isolation_level = None
        # Foreign keys are off by default in SQLite, per connection; WAL lets
        # readers run beside a writer; the busy timeout waits out a writer's lock.
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA foreign_keys=ON")
        _use_wal(cursor, busy_timeout_ms)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return tune


def _use_wal(cursor, timeout_ms: int) -> None:
    # Turning a new database to WAL needs an exclusive lock, and SQLite does
    # not wait for it: a second process opening the file at the same moment
    # gets "database is locked" at once. Wait here instead, until the file is
    # WAL (the other process did it) or this connection could make it so.
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(0.01)
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
        except sqlite3.OperationalError:
            pass


def _begin_sqlite(connection: Connection) -> None:
    # A writer begins IMMEDIATE: it takes the write lock (waiting out the busy
    # timeout) before reading, so what it checked cannot change before it
    # writes. A deferred transaction that reads first and then writes fails at
    # once with "database is locked" when another writer committed meanwhile.
    mode = "IMMEDIATE" if connection.get_execution_options().get("tracker_write") else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    """An engine for ``url``; SQLite connections get foreign keys, WAL and a busy timeout."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_tuner(busy_timeout_ms))
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def begin_writing(session: Session) -> Connection:
    """Open ``session``'s transaction as the one writer of the database; call it first.

    SQLite: ``BEGIN IMMEDIATE``. PostgreSQL: a transaction-scoped advisory
    lock shared by every tracker writer. Either way, what the transaction
    reads after this stays true until it commits, so a check such as "is
    this document already stored?" cannot race with another ingest.
    """
    connection = session.connection(execution_options={"tracker_write": True})
    _lock_for_writing(connection)
    return connection


def _lock_for_writing(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK_KEY})


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a SQLite engine, or None (another engine, or in memory)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def backup_sqlite(engine: Engine, label: str) -> Path | None:
    """Copy a SQLite database file beside itself with SQLite's online backup API.

    Returns the copy's path (``NAME.bak-LABEL-TIMESTAMP``), or None when
    there is no file to copy. The backup API copies a consistent snapshot
    even while other connections read or write.
    """
    source = sqlite_file(engine)
    if source is None or not source.exists():
        return None
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    target = source.with_name(f"{source.name}.bak-{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = source.with_name(f"{source.name}.bak-{label}-{stamp}-{counter}")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


# The newest migration's revision, so that opening a current database needs no Alembic;
# tests/test_db.py holds it to the migrations.
SCHEMA_HEAD = "0003"


def migrations_dir() -> Path:
    """Where the Alembic scripts are, in a checkout or in an installed package."""
    import tracker.migrations

    return Path(tracker.migrations.__file__).parent


def alembic_config(engine: Engine | None = None):
    """An Alembic config pointing at the shipped migrations (and at ``engine`` when given)."""
    # Alembic is imported only where a schema is made or changed: it is a tenth of a
    # second of every command's start-up otherwise (see ensure_current).
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision of the migrations."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it has no schema yet."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> Path | None:
    """Bring the database to ``revision`` by running the migrations.

    A SQLite database that already has a schema is backed up first (see
    :func:`backup_sqlite`), because a failed table rebuild there can lose
    data; the copy's path is returned. The migration runs as the one writer
    (:func:`begin_writing`), so two tracker processes opening a new database
    at once do not both create it.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config(engine)
    backup = None
    current = current_revision(engine)
    target = ScriptDirectory.from_config(config).get_revision(revision)
    if current is not None and (target is None or target.revision != current):
        backup = backup_sqlite(engine, current)
    with engine.connect().execution_options(tracker_write=True) as connection, connection.begin():
        _lock_for_writing(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database back to ``revision`` (``base`` drops every table)."""
    from alembic import command

    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def ensure_current(engine: Engine) -> Path | None:
    """Upgrade an empty or older database to head; leave a current one alone.

    Returns the path of the backup made before the upgrade, if one was made.
    """
    if stamped_revision(engine) == SCHEMA_HEAD or current_revision(engine) == head_revision():
        return None
    return upgrade(engine)


def stamped_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, read without Alembic; None with no schema."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine`` that keep loaded objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)
