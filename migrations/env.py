"""Alembic environment: runs migrations on a given connection or on the configured URL."""
from alembic import context

from tracker.db import make_engine, resolve_url
from tracker.models import Base

config = context.config
target_metadata = Base.metadata


def run_with(connection) -> None:
    """Run the migrations on an open connection (batch mode on SQLite)."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Migrate the connection handed over by tracker.db, else the configured URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or resolve_url()
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            run_with(connection)
    finally:
        engine.dispose()


def run_offline() -> None:
    """Emit the migration SQL without a database."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or resolve_url(),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
