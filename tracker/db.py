"""Database connections: choosing the URL, tuning SQLite, and migrating to head."""
from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///tracker.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def resolve_url(option: str | None = None) -> str:
    """The database URL: the ``--db`` option, else ``TRACKER_DB``, else ``tracker.db`` here."""
    return option or os.environ.get("TRACKER_DB") or DEFAULT_URL


def _tune_sqlite(dbapi_connection, _record) -> None:
    # Foreign keys are off by default in SQLite, per connection; WAL lets
    # readers run beside a writer; the busy timeout waits out a writer's lock.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite connections get foreign keys, WAL and a busy timeout."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def migrations_dir() -> Path:
    """Where the Alembic scripts are, in a checkout or in an installed package."""
    import tracker.migrations

    return Path(tracker.migrations.__file__).parent


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at the shipped migrations (and at ``engine`` when given)."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision of the migrations."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it has no schema yet."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` by running the migrations."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database back to ``revision`` (``base`` drops every table)."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def ensure_current(engine: Engine) -> None:
    """Upgrade an empty or older database to head; leave a current one alone."""
    if current_revision(engine) != head_revision():
        upgrade(engine)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine`` that keep loaded objects usable after commit."""
    return sessionmaker(engine, expire_on_commit=False)
