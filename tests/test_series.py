"""Series across reports (tracker series), places and documents, on a real database:
the sample corpus and the multi-year fixture corpus of tests/data/series."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main

from conftest import CORPUS

FIXTURE = Path(__file__).resolve().parent / "data" / "series"


def run(db_url: str, *args: str):
    return CliRunner().invoke(main, ["--db", db_url, *args])


def ingest(db_url: str, path: Path) -> None:
    assert run(db_url, "ingest", "--silent", str(path)).exit_code == 0


def series(db_url: str, *args: str) -> list[dict]:
    result = run(db_url, "series", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def brief(rows: list[dict]) -> list[tuple]:
    return [(r["year"], r["place"], r["kind"], r["text"], r["approx"], r["derived"], r["conflict"]) for r in rows]


def test_the_sample_corpus_preschool_rate_with_its_derived_base_and_target(db_url):
    ingest(db_url, CORPUS)
    rows = series(db_url, "学前三年毛入园率", "--place", "葫芦岛市", "--kind", "all")
    assert brief(rows) == [
        (2010, "葫芦岛市", "actual", "81%", "nearly", True, False),
        (2015, "葫芦岛市", "actual", "接近90%", "nearly", False, False),
        (2020, "葫芦岛市", "target", "77.2%", "exact", False, False),
    ]
    derived = rows[0]
    assert derived["value"] == 81
    assert [(s["text"], s["derived"]) for s in derived["sources"]] == [("接近90%", True), ("9个百分点", True)]
    assert derived["sources"][0]["sentence"] == "学前三年毛入园率接近90%,比2010年提高了9个百分点"
    assert rows[1]["change_text"] == "+9个百分点 since 2010"


def test_a_city_and_its_counties_with_derived_years_a_disagreement_and_the_counties_sum(db_url):
    ingest(db_url, FIXTURE)
    rows = series(db_url, "财政性教育经费", "--place", "朝阳市", "--include-children")
    assert brief(rows) == [
        (2013, "朝阳市", "actual", "40.6亿元", "exact", False, False),
        (2014, "朝阳市", "actual", "46.0亿元", "exact", True, False),
        (2015, "朝阳市", "actual", "51.3亿元", "exact", False, True),
        (2016, "朝阳市", "actual", "55.2亿元", "exact", False, False),
        (2015, "喀喇沁左翼蒙古族自治县", "actual", "5.47亿元", "exact", False, False),
        (2017, "喀喇沁左翼蒙古族自治县", "actual", "约6.1亿元", "about", False, False),
        (2014, "建平县", "actual", "7.85亿元", "exact", False, False),
        (2015, "建平县", "actual", "8.62亿元", "exact", False, False),
    ]
    by_year = {(r["place"], r["year"]): r for r in rows}
    stated_twice = by_year[("朝阳市", 2015)]
    # 51.3亿元 in the bulletin and the 2016 speech; 55.2亿元 less 3.4亿元 in the 2017 speech says 51.8
    assert stated_twice["values"] == ["51.3亿元", "51.8亿元 (derived)"]
    assert [s["doc"] for s in stated_twice["sources"] if not s["derived"]] == [
        "02_chaoyang_2015_bulletin.txt", "03_chaoyang_2016_speech.txt"]
    assert stated_twice["value"] == 5130000000 and stated_twice["unit"] == "元"
    assert (stated_twice["children_text"], stated_twice["children_count"]) == ("14.09亿元", 2)
    assert stated_twice["change_text"] == "+5.3亿元 (+11.52%) since 2014"
    assert by_year[("朝阳市", 2014)]["value"] == 4600000000
    # the county's own two reports agree: corroboration, no conflict
    assert len(by_year[("建平县", 2014)]["sources"]) == 3  # stated in 05, implied by 06's comparison
    assert by_year[("建平县", 2014)]["values"] == ["7.85亿元", "7.85亿元 (derived)"]


def test_two_reports_stating_one_year_differently_are_marked_and_the_rate_changes_in_points(db_url):
    ingest(db_url, FIXTURE)
    rows = series(db_url, "学前三年毛入园率", "--place", "朝阳市")
    assert [(r["year"], r["text"], r["derived"], r["conflict"], r["change_text"]) for r in rows] == [
        (2012, "72.5%", True, False, ""),
        (2013, "78.5%", False, False, "+6个百分点 since 2012"),
        (2014, "83.2%", False, False, "+4.7个百分点 since 2013"),
        (2015, "93.4%", False, True, "+10.2个百分点 since 2014"),
        (2016, "94.8%", False, False, "+1.4个百分点 since 2015"),
    ]
    assert rows[3]["values"] == ["93.4%", "92.1%"]
    assert [s["doc"] for s in rows[3]["sources"]] == ["02_chaoyang_2015_bulletin.txt", "03_chaoyang_2016_speech.txt"]


def test_years_and_kinds_can_be_chosen(db_url):
    ingest(db_url, FIXTURE)
    rows = series(db_url, "preschool_gross_enrolment_rate", "--place", "朝阳市", "--kind", "target", "--from", "2016")
    assert [(r["year"], r["text"], len(r["sources"])) for r in rows] == [(2016, "94%", 1), (2017, "96%", 2), (2020, "97%", 1)]
    assert rows[1]["values"] == ["95%以上", "96%"] and not rows[1]["conflict"]
    rows = series(db_url, "幼儿园数", "--place", "朝阳市", "--to", "2014")
    assert [(r["year"], r["text"], r["derived"]) for r in rows] == [(2013, "468所", False), (2014, "494所", True)]


def test_which_metric_matched_is_said_and_a_label_is_the_last_resort(db_url):
    ingest(db_url, CORPUS)
    result = run(db_url, "series", "幼儿毛入园率")
    assert result.exit_code == 0
    assert "metric: preschool_gross_enrolment_rate (学前三年毛入园率), matched by name or alias" in result.stderr
    by_wording = run(db_url, "series", "葫芦岛市学前三年毛入园率")
    assert "matched by the alias in '葫芦岛市学前三年毛入园率'" in by_wording.stderr
    by_label = run(db_url, "series", "线上学习", "--format", "json")
    assert "claims whose label holds '线上学习'" in by_label.stderr
    assert [(r["year"], r["text"], r["metric"]) for r in json.loads(by_label.stdout)] == [(2021, "83.5万人次", "线上学习")]
    assert run(db_url, "series", "没有这个指标").exit_code == 1


def test_an_unknown_or_ambiguous_place_is_a_usage_error(db_url):
    ingest(db_url, CORPUS)
    unknown = run(db_url, "series", "幼儿园数", "--place", "朝阳市")
    assert unknown.exit_code == 2 and "no place named '朝阳市'" in unknown.output
    ambiguous = run(db_url, "series", "幼儿园数", "--place", "湖")
    assert ambiguous.exit_code == 2 and "ambiguous: 湖北省, 湖南省" in ambiguous.output


def test_the_table_marks_derived_values_conflicts_and_children(db_url):
    ingest(db_url, FIXTURE)
    table = run(db_url, "series", "幼儿园数", "--place", "朝阳市", "--include-children").stdout
    lines = table.splitlines()
    assert lines[0].split() == ["year", "place", "kind", "value", "approx", "change", "sources", "mark"]
    assert any(line.startswith("2015") and "531所" in line and "children: 182所 (2)" in line for line in lines)
    assert any(line.startswith("2014") and "494所" in line and "derived" in line for line in lines)


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_a_chart_is_drawn_to_png_or_svg(db_url, tmp_path, suffix, magic):
    ingest(db_url, FIXTURE)
    path = tmp_path / f"series{suffix}"
    result = run(db_url, "series", "学前三年毛入园率", "--place", "朝阳市", "--kind", "all", "--chart", str(path))
    assert result.exit_code == 0
    assert path.read_bytes().startswith(magic)


def test_without_matplotlib_the_chart_says_how_to_get_it(db_url, tmp_path, monkeypatch):
    ingest(db_url, FIXTURE)
    monkeypatch.setitem(__import__("sys").modules, "matplotlib", None)
    result = run(db_url, "series", "学前三年毛入园率", "--chart", str(tmp_path / "a.png"))
    assert result.exit_code == 1
    assert "drawing charts needs matplotlib: pip install 'tracker[charts]'" in result.output


def test_places_lists_the_hierarchy_with_claim_counts(db_url):
    ingest(db_url, FIXTURE)
    rows = json.loads(run(db_url, "places", "--format", "json").stdout)
    assert [(r["place"], r["depth"], r["claims"] > 0) for r in rows] == [
        ("中国", 0, False), ("辽宁省", 1, False), ("朝阳市", 2, True), ("建平县", 3, True),
        ("喀喇沁左翼蒙古族自治县", 3, True)]
    city = rows[2]
    assert city["claims_with_children"] == city["claims"] + rows[3]["claims"] + rows[4]["claims"]


def test_a_towns_own_report_is_stored_under_the_county_its_title_names(db_url, tmp_path):
    (tmp_path / "town.txt").write_text(
        "喀左县大城子街道2020年工作总结\n全街道新建温室120栋。大城子街道改造危房86户。\n", encoding="utf-8")
    ingest(db_url, tmp_path)
    rows = json.loads(run(db_url, "places", "--format", "json").stdout)
    assert [(r["place"], r["depth"], r["claims"]) for r in rows] == [
        ("中国", 0, 0), ("辽宁省", 1, 0), ("朝阳市", 2, 0), ("喀喇沁左翼蒙古族自治县", 3, 0), ("大城子街道", 4, 2)]


def test_docs_lists_documents_with_their_counts(db_url):
    ingest(db_url, CORPUS)
    assert run(db_url, "check").exit_code == 0
    rows = json.loads(run(db_url, "docs", "--format", "json").stdout)
    assert [(r["doc"], r["sections"], r["claims"], r["flags"]) for r in rows] == [
        ("000_ebbb7d2fbaa12e1c.txt", 1, 58, 0), ("001_a301c6a9859379ef.txt", 9, 181, 2),
        ("002_7a5bbd1464d619c8.txt", 1, 30, 1), ("003_6921d1475b2d8838.txt", 1, 24, 0),
        ("004_043583f907d8be22.txt", 1, 115, 3)]
    assert rows[4]["place"] == "葫芦岛市" and rows[4]["year"] == 2016


def test_a_growth_at_comparable_prices_implies_no_nominal_level_but_a_change_does(db_url, tmp_path):
    (tmp_path / "2021.txt").write_text(
        "2021年朝阳市国民经济和社会发展统计公报\n全年全市地区生产总值1006.3亿元，按可比价格计算，比上年增长6.8%。\n"
        "年末全市户籍总人口321.6万人，比上年末减少2.4万人。\n", encoding="utf-8")
    (tmp_path / "2020.txt").write_text(
        "2020年朝阳市国民经济和社会发展统计公报\n全年全市地区生产总值950.2亿元。\n年末全市户籍总人口325.0万人。\n",
        encoding="utf-8")
    ingest(db_url, tmp_path)
    assert brief(series(db_url, "地区生产总值")) == [
        (2020, "朝阳市", "actual", "950.2亿元", "exact", False, False),
        (2021, "朝阳市", "actual", "1006.3亿元", "exact", False, False)]
    assert brief(series(db_url, "户籍总人口"))[0] == (2020, "朝阳市", "actual", "325.0万人", "exact", False, True)
