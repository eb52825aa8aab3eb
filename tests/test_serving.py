"""Browsing in Datasette: the named queries answer from a real ingested database."""
from __future__ import annotations

import asyncio
import json

from click.testing import CliRunner
from datasette.app import Datasette

from tracker import serving
from tracker.cli import main

from conftest import CORPUS


def fetch(path, url: str) -> list[dict]:
    """The rows of a Datasette JSON page, from an app over ``path`` with tracker's metadata."""
    app = Datasette([str(path)], metadata=serving.metadata(path))

    async def get():
        response = await app.client.get(url)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(get())


def test_the_named_queries_answer_from_the_database(tmp_path):
    path = tmp_path / "reports.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", f"sqlite:///{path}", "ingest", "--silent", str(CORPUS)]).exit_code == 0
    assert runner.invoke(main, ["--db", f"sqlite:///{path}", "check"]).exit_code == 0
    series = fetch(path, "/reports/series.json?metric=preschool_gross_enrolment_rate&place=葫芦岛市&_shape=array")
    assert [(r["year"], r["kind"], r["text"], r["sources"]) for r in series] == [
        (2015, "actual", "接近90%", 1), (2020, "target", "77.2%", 1)]
    claims = fetch(path, "/reports/claims_by_metric_place_year.json?metric=kindergartens&place=葫芦岛市&year=2015"
                         "&_shape=array")
    assert sorted(r["text"] for r in claims) == ["12所", "232所", "581所"]
    flags = fetch(path, "/reports/open_flags.json?_shape=array")
    assert [f["severity"] for f in flags] == ["error", "warning", "warning", "warning", "warning", "info"]
    assert flags[0]["check"] == "sum"


def test_serve_refuses_other_engines_and_missing_files(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["--db", f"sqlite:///{tmp_path / 'none.db'}", "serve", "--print-metadata"])
    assert missing.exit_code == 1 and "none.db: no such database file" in missing.output
    postgres = runner.invoke(main, ["--db", "postgresql+psycopg://u:p@127.0.0.1:1/x", "serve"])
    assert postgres.exit_code == 1 and "tracker serve opens a SQLite database file, not postgresql" in postgres.output


def test_the_metadata_can_be_printed_for_datasette_itself(tmp_path):
    path = tmp_path / "reports.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", f"sqlite:///{path}", "ingest", "--silent", str(CORPUS / "004_043583f907d8be22.txt")]).exit_code == 0
    printed = json.loads(runner.invoke(main, ["--db", f"sqlite:///{path}", "serve", "--print-metadata"]).stdout)
    assert sorted(printed["databases"]["reports"]["queries"]) == ["claims_by_metric_place_year", "open_flags", "series"]
