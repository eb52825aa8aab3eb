"""`tracker check` after new documents re-checks only them and the metrics and places they
touch, stores what a full check stores, and prints the flags of what it re-checked."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from sqlalchemy import select

from tracker import checking, db
from tracker.cli import main
from tracker.models import Claim, Flag

from conftest import CORPUS

SPEECH = "今天,我们召开2016年全市教育工作会议。\n一、2015年工作回顾\n"


def write(folder, name, text):
    path = folder / name
    path.write_text(SPEECH + text + "\n", encoding="utf-8")
    return path


def tracker(db_url, *args) -> str:
    result = CliRunner().invoke(main, ["--db", db_url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def stored_flags(db_url) -> list[tuple]:
    engine = db.make_engine(db_url)
    with db.session_factory(engine)() as session:
        flags = [(f.id, f.fingerprint, f.check, f.severity, f.status, f.message, f.scope,
                  json.dumps(f.evidence, sort_keys=True)) for f in session.scalars(select(Flag).order_by(Flag.id))]
    engine.dispose()
    return flags


def count_loaded(monkeypatch) -> list[int]:
    """Patch load_figures to record how many claims each call reads."""
    loaded = []
    real = checking.load_figures

    def counting(session, *conditions, **options):
        loaded.append(0)
        for figure in real(session, *conditions, **options):
            loaded[-1] += 1
            yield figure

    monkeypatch.setattr(checking, "load_figures", counting)
    return loaded


def test_a_check_after_new_documents_reads_only_them_and_stores_what_a_full_check_does(db_url, tmp_path,
                                                                                        monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    for path in CORPUS.iterdir():
        shutil.copy(path, (second if path.name.startswith("004") else first) / path.name)
    write(first, "a.txt", "2015年,葫芦岛市共有幼儿园581所,学前三年毛入园率达到90%。")
    write(second, "b.txt", "2015年,葫芦岛市共有幼儿园600所,学前三年毛入园率达到85%。")
    tracker(db_url, "ingest", "--silent", str(first))
    tracker(db_url, "check")
    tracker(db_url, "ingest", "--silent", str(second))
    loaded = count_loaded(monkeypatch)
    printed = tracker(db_url, "check", "--format", "json")
    after_new = stored_flags(db_url)
    engine = db.make_engine(db_url)
    with db.session_factory(engine)() as session:
        claims = len(session.scalars(select(Claim.id)).all())
    engine.dispose()
    assert 0 < sum(loaded) < claims / 2  # the new documents and the groups they touch, not every claim

    everything = tracker(db_url, "check", "--full", "--format", "json")
    assert stored_flags(db_url) == after_new
    # printed: the flags of the new documents and of the groups they touch, as a full check prints them
    checks = [(f["check"], [c["text"] for c in f["claims"]]) for f in json.loads(printed)]
    assert [f for f in json.loads(everything) if f["id"] in {g["id"] for g in json.loads(printed)}] == \
        json.loads(printed)
    # between an old document and a new one, in a group the new ones touch
    assert ("conflict", ["90%", "85%"]) in checks
    assert ("target_below_actual", ["90%", "77.2%"]) in checks
    assert ("cagr", ["29.74亿元", "8.16亿元", "6.62%"]) in checks  # inside a new document
    assert ("carried_over", ["48所", "54所", "54所"]) not in checks  # raised before, untouched: stored, not printed
    assert ("carried_over", ["48所", "54所", "54所"]) in [(f["check"], [c["text"] for c in f["claims"]])
                                                         for f in json.loads(everything)]


def test_nothing_new_checks_nothing_and_keeps_the_flags(db_url, tmp_path, monkeypatch):
    write(tmp_path, "a.txt", "2015年,葫芦岛市共有幼儿园581所。")
    write(tmp_path, "b.txt", "2015年,葫芦岛市共有幼儿园600所。")
    tracker(db_url, "ingest", "--silent", str(tmp_path))
    [flag] = json.loads(tracker(db_url, "check", "--format", "json"))
    stored = stored_flags(db_url)
    loaded = count_loaded(monkeypatch)
    assert json.loads(tracker(db_url, "check", "--format", "json")) == []
    assert loaded == [] and stored_flags(db_url) == stored
    assert [f["id"] for f in json.loads(tracker(db_url, "flags", "--format", "json"))] == [flag["id"]]


def test_a_replaced_document_is_checked_in_full_and_a_review_outlives_its_flag(db_url, tmp_path):
    path = write(tmp_path, "a.txt", "2015年,葫芦岛市共有幼儿园581所。")
    write(tmp_path, "b.txt", "2015年,葫芦岛市共有幼儿园600所。")
    tracker(db_url, "ingest", "--silent", str(tmp_path))
    [flag] = json.loads(tracker(db_url, "check", "--format", "json"))
    tracker(db_url, "flags", "confirm", str(flag["id"]), "--note", "two counts")
    write(tmp_path, "a.txt", "2015年,葫芦岛市有幼儿园600所。")  # the new version agrees
    tracker(db_url, "ingest", "--silent", str(path))
    assert json.loads(tracker(db_url, "check", "--format", "json")) == []
    [(_id, _fp, check, _sev, status, _msg, _scope, _ev)] = stored_flags(db_url)
    assert (check, status) == ("conflict", "confirmed")
    assert tracker(db_url, "check", "--full", "--format", "json") == "[]\n"
