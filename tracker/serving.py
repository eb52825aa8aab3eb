"""Browsing a SQLite database in Datasette, read-only, with tracker's named queries.

Datasette opens a database file that may change with ``mode=ro``, so it never
writes; the database runs in WAL mode, so an ingest goes on while it reads.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from tracker.rules import load_seed


class ServeError(Exception):
    """Datasette cannot be started for this database."""


def sqlite_path(url: str) -> Path:
    """The file of a SQLite database URL; ServeError for other engines or a missing file."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        raise ServeError(f"tracker serve opens a SQLite database file, not {parsed.get_backend_name()} "
                         "(for PostgreSQL, point a SQL client at it)")
    path = Path(parsed.database)
    if not path.is_file():
        raise ServeError(f"{path}: no such database file (run tracker ingest first)")
    return path


def metadata(path: Path) -> dict:
    """Datasette metadata: the title and tracker's named queries for the database at ``path``."""
    seed = load_seed("datasette.toml")
    queries = {name: {key: value.strip() if key == "sql" else value for key, value in query.items()}
               for name, query in seed["queries"].items()}
    return {"title": seed["title"], "description": seed["description"],
            "databases": {path.stem: {"queries": queries}}}


def serve(url: str, host: str, port: int) -> int:
    """Run Datasette on the database of ``url`` until it is stopped; its exit status."""
    path = sqlite_path(url)
    if importlib.util.find_spec("datasette") is None:
        raise ServeError("browsing needs Datasette: pip install 'tracker[serve]'")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(metadata(path), handle, ensure_ascii=False)
    try:
        return subprocess.call([sys.executable, "-m", "datasette", "serve", str(path), "--metadata", handle.name,
                                "--host", host, "--port", str(port)])
    finally:
        os.unlink(handle.name)
