"""Metric labels built from the words around each amount (seeds/labels.toml)."""
import pytest

from tracker.extracting import extract_amounts
from tracker.labeling import label_amounts


def labels(sentence: str) -> list[tuple[str, str | None]]:
    amounts = extract_amounts(sentence)
    return [(a.text, label.text) for a, label in zip(amounts, label_amounts(sentence, amounts))]


@pytest.mark.parametrize("sentence,expected", [
    # The noun before the amount, without the clause's opening and its link word.
    ("2015年,全市学前三年毛入园率达到90%", [("90%", "学前三年毛入园率")]),
    ("目前,全市有幼儿园581所", [("581所", "幼儿园数")]),
    ("全年受理市长公开电话120件", [("120件", "受理市长公开电话件数")]),
    ("公开招聘教师35名", [("35名", "公开招聘教师数")]),
    ("全局性会议压缩30%", [("30%", "全局性会议压缩比例")]),
    ("维修改造城乡校舍10万平方米", [("10万平方米", "维修改造城乡校舍面积")]),
    ("投入资金3亿元,启动实施15所城区公办高中提升改造", [("3亿元", "投入资金"), ("15所", "启动实施城区公办高中提升改造学校数")]),
    # A count's noun after the amount; the verb after a subject count.
    ("选派4名校长到农村学校任职", [("4名", "选派到农村学校任职的校长数")]),
    ("12家教育网站获省教育厅前置审批", [("12家", "获省教育厅前置审批的教育网站数")]),
    ("对29所学校的校舍进行了维修改造", [("29所", "校舍维修改造的学校数")]),
    ("市属2所高校毕业生就业率达89.4%", [("2所", "市属高校数"), ("89.4%", "毕业生就业率")]),
    # Coordinated amounts share the noun and the verb of the last.
    ("中高职分别有300名和45名学生进入决赛", [("300名", "中高职进入决赛的学生数"), ("45名", "进入决赛的学生数")]),
    ("全年处分违规教师7人、取缔无证办学单位11家", [("7人", "处分违规教师数"), ("11家", "取缔无证办学单位家数")]),
    # Examples before 等 are not the measured thing.
    ("煤化工等5个示范专业、畜牧兽医等3个骨干专业得到重点支持",
     [("5个", "示范专业数"), ("3个", "得到重点支持的骨干专业数")]),
    # Comparisons take the level's label, the base and the change.
    ("2015年,全市教育经费拨款29.74亿元,比2011年增加了8.16亿元,增长37.81%,年均递增6.62%", [
        ("29.74亿元", "教育经费拨款"), ("8.16亿元", "教育经费拨款比2011年增加额"),
        ("37.81%", "教育经费拨款比2011年增长率"), ("6.62%", "教育经费拨款年均递增率")]),
    ("学前三年毛入园率接近90%,比2010年提高了9个百分点",
     [("接近90%", "学前三年毛入园率"), ("9个百分点", "学前三年毛入园率比2010年提高幅度")]),
    ("全市有幼儿园581所,比2010年增加了232所", [("581所", "幼儿园数"), ("232所", "幼儿园数比2010年增加数")]),
    # From one level to another: both are levels of one metric.
    ("教师的课题参与率由年前的43%提高到65%", [("43%", "教师的课题参与率"), ("65%", "教师的课题参与率")]),
    ("全县小学专任教师学历合格率由2013年的96.4%提高到2015年的98.7%",
     [("96.4%", "小学专任教师学历合格率"), ("98.7%", "小学专任教师学历合格率")]),
    # Items of a distributive list.
    ("教师进修学校、特殊教育学校各1处", [("1处", "教师进修学校数"), ("1处", "特殊教育学校数")]),
])
def test_labels(sentence, expected):
    assert labels(sentence) == expected


def test_place_names_are_left_to_the_locality():
    sentence = "为新宾县投入资金50万元"
    amounts = extract_amounts(sentence)
    start = sentence.index("新宾县")
    assert [label.text for label in label_amounts(sentence, amounts, [(start, start + 3)])] == ["投入资金"]


def test_changes_know_their_level_base_and_aspect():
    sentence = "2015年,全市教育经费拨款29.74亿元,比2011年增加了8.16亿元,增长37.81%,年均递增6.62%"
    amounts = extract_amounts(sentence)
    found = [(label.aspect, label.origin, label.base) for label in label_amounts(sentence, amounts)]
    assert found == [("level", None, None), ("change", 0, "比2011年"), ("growth", 0, "比2011年"), ("cagr", 0, "比2011年")]


def test_a_decrease_keeps_its_direction_and_points_are_pp_changes():
    sentence = "辍学率为0.5%,比上年下降了0.3个百分点"
    amounts = extract_amounts(sentence)
    found = [(label.aspect, label.direction) for label in label_amounts(sentence, amounts)]
    assert found == [("level", 1), ("pp_change", -1)]


def test_a_level_reached_from_another_points_back_to_it():
    sentence = "教师的课题参与率由年前的43%提高到65%"
    amounts = extract_amounts(sentence)
    assert [(label.aspect, label.origin) for label in label_amounts(sentence, amounts)] == [("level", None), ("level", 0)]
