"""Alembic migrations of the tracker schema (installed as ``tracker.migrations``)."""
