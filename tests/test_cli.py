"""The command line through click's CliRunner: outputs, error exits, help texts."""
from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from tracker.cli import main

from conftest import CORPUS

DOC_003 = str(CORPUS / "003_6921d1475b2d8838.txt")


def run(db_url, *args):
    return CliRunner().invoke(main, ["--db", db_url, *args])


@pytest.fixture
def loaded(db_url):
    """A database with report 003 ingested through the CLI."""
    result = run(db_url, "ingest", "--silent", DOC_003)
    assert result.exit_code == 0, result.output
    return db_url


def test_ingest_prints_a_summary_on_stderr_only(db_url):
    result = run(db_url, "ingest", "--silent", DOC_003)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "documents read" in result.stderr
    assert "claims found" in result.stderr


def test_ingest_twice_skips_the_known_document(loaded):
    result = run(loaded, "ingest", "--silent", DOC_003)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1].split() == ["0", "1", "0", "0", "0"]


def test_claims_json_keeps_chinese_and_exact_values(loaded):
    result = run(loaded, "claims", "--unit", "%", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert "98.79%" in result.stdout  # not \\u-escaped
    hit = [r for r in rows if r["text"] == "98.79%"]
    assert len(hit) == 1 and hit[0]["value"] == 98.79 and hit[0]["unit"] == "%"


def test_claims_filters_by_doc_and_kind(loaded):
    result = run(loaded, "claims", "--doc", "003_6921d1475b2d8838.txt", "--kind", "actual", "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["doc"] == "003_6921d1475b2d8838.txt" and r["kind"] == "actual" for r in rows)


def test_claims_table_is_the_default(loaded):
    result = run(loaded, "claims", "--unit", "元")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:3] == ["id", "doc", "text"]
    assert "600余万元" in result.stdout


def test_export_jsonl_and_csv_carry_the_same_claims(loaded):
    jsonl = run(loaded, "export", "--format", "jsonl")
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    table = list(csv.DictReader(io.StringIO(run(loaded, "export", "--format", "csv").stdout)))
    assert len(rows) == len(table) > 15
    first = next(r for r in rows if r["text"] == "600余万元")
    assert (first["value"], first["unit"], first["approx"], first["redacted"]) == (6000000, "元", "more_than", False)


def test_show_marks_the_amount_in_its_sentence(loaded):
    rows = json.loads(run(loaded, "claims", "--unit", "元", "--format", "json").stdout)
    claim_id = next(r["id"] for r in rows if r["text"] == "600余万元")
    result = run(loaded, "show", str(claim_id))
    assert result.exit_code == 0
    assert "投资【600余万元】,改、扩建了新城办五星幼儿园" in result.stdout


def test_show_of_an_unknown_claim_is_a_one_line_error(loaded):
    result = run(loaded, "show", "999999")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no claim with id 999999"


def test_missing_path_fails_with_exit_1_and_names_it(db_url, tmp_path):
    missing = tmp_path / "nope.txt"
    result = run(db_url, "ingest", "--silent", DOC_003, str(missing))
    assert result.exit_code == 1
    assert f"Error: {missing}: no such file or folder" in result.stderr


def test_misuse_exits_2(db_url):
    assert run(db_url, "claims", "--format", "yaml").exit_code == 2
    assert run(db_url, "ingest").exit_code == 2


def test_an_unusable_database_url_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{tmp_path}/no/such/dir/x.db", "claims"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open database sqlite:///")
    assert len(result.stderr.strip().splitlines()) == 1


def test_db_current_and_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    runner = CliRunner()
    assert "current: (empty)" in runner.invoke(main, ["--db", url, "db", "current"]).stdout
    assert runner.invoke(main, ["--db", url, "db", "upgrade"]).exit_code == 0
    current = runner.invoke(main, ["--db", url, "db", "current"]).stdout.splitlines()
    assert current[0].split(": ")[1] == current[1].split(": ")[1]


def test_database_comes_from_the_environment(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("TRACKER_DB", url)
    assert CliRunner().invoke(main, ["ingest", "--silent", DOC_003]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


@pytest.mark.parametrize("path,command", list(all_commands(main)), ids=lambda p: " ".join(p) if isinstance(p, tuple) else "")
def test_every_command_has_help(path, command):
    assert command.help and command.help.strip()
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert command.help.strip().splitlines()[0] in result.stdout


def test_metrics_lists_the_vocabulary_with_counts_and_unmapped_labels(loaded):
    result = run(loaded, "metrics", "--unmapped", "5")
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if l.startswith("preschool_gross_enrolment_rate "))
    assert line.split()[-1] != "0"
    assert "Most frequent labels without a metric:" in result.output
    as_json = run(loaded, "metrics", "--format", "json")
    keys = {row["key"] for row in json.loads(as_json.stdout)}
    assert "preschool_gross_enrolment_rate" in keys


def test_a_folder_of_bad_files_gives_a_line_each_a_count_and_exit_1(db_url, tmp_path):
    from test_storing import LIMIT, write_mixed_folder

    good, bad = write_mixed_folder(tmp_path / "in")
    result = run(db_url, "ingest", "--silent", "--max-bytes", str(LIMIT), str(tmp_path / "in"))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("Error: ")]
    bad["broken.docx"] = "not a readable Word (.docx) file: File is not a zip file"
    assert errors == [f"Error: {tmp_path / 'in' / name}: {bad[name]}" for name in sorted(bad)]
    assert lines[-1].split() == [str(len(good)), "0", "0", str(len(bad)), lines[-1].split()[-1]]
    claims = json.loads(run(db_url, "claims", "--format", "json").stdout)
    assert sorted({row["doc"] for row in claims}) == good


def test_ingest_with_jobs_stores_the_same_claims(db_url, tmp_path):
    one = run(db_url, "ingest", "--silent", str(CORPUS))
    assert one.exit_code == 0
    before = run(db_url, "export").stdout
    other = f"sqlite:///{tmp_path / 'jobs.db'}"
    many = run(other, "ingest", "--silent", "--jobs", "2", str(CORPUS))
    assert many.exit_code == 0
    assert many.stderr == one.stderr
    assert run(other, "export").stdout == before


def test_an_unknown_encoding_is_misuse(db_url):
    result = run(db_url, "ingest", "--encoding", "klingon", DOC_003)
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in result.stderr


def test_the_encoding_option_reads_what_the_ladder_would_refuse(db_url, tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("2016年全市有幼儿园581所。".encode("utf-16-le"))
    refused = run(db_url, "ingest", "--silent", str(path))
    assert (refused.exit_code, refused.stderr.splitlines()[0]) == (1, f"Error: {path}: binary file, not text")
    accepted = run(db_url, "ingest", "--silent", "--encoding", "utf-16-le", str(path))
    assert accepted.exit_code == 0
    rows = json.loads(run(db_url, "claims", "--format", "json").stdout)
    assert [(r["text"], r["value"]) for r in rows] == [("581所", 581)]


@pytest.mark.parametrize("option", ["--metric", "--place", "--unit", "--doc"])
@pytest.mark.parametrize("value", ["x' OR 1=1 --", "\"; DROP TABLE claims;--", "_%"])  # LIKE wildcards are literal
def test_hostile_filters_list_nothing_and_change_nothing(loaded, option, value):
    before = run(loaded, "export").stdout
    result = run(loaded, "claims", option, value)
    assert (result.exit_code, result.stdout) == (0, "(no rows)\n")
    assert run(loaded, "export").stdout == before


def test_a_year_out_of_range_is_misuse(loaded):
    result = run(loaded, "claims", "--year", "99999999999")
    assert result.exit_code == 2
    assert "99999999999" in result.stderr


def test_ingest_place_states_the_place_where_the_text_names_none(db_url, tmp_path):
    path = tmp_path / "county.txt"
    path.write_text("今天,我们召开2016年全县教育工作会议。全县新建幼儿园3所。\n", encoding="utf-8")
    assert run(db_url, "ingest", "--silent", "--place", "绥中县", str(path)).exit_code == 0
    rows = json.loads(run(db_url, "claims", "--format", "json").stdout)
    assert [(r["text"], r["place"], r["year"]) for r in rows] == [("3所", "绥中县", 2016)]
    unknown = run(db_url, "ingest", "--silent", "--place", "不存在县", str(path))
    assert unknown.exit_code == 2 and "no place named '不存在县'" in unknown.output
