"""Sentence splitting as the claims guide rules."""
from __future__ import annotations

import re

from hypothesis import given, strategies as st

from tracker.segmenting import TextSpan, colon_openers, joined_openers, split_sentences, split_stories


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_splits_at_chinese_and_ascii_terminators_and_line_breaks():
    assert texts("一是甲。二是乙！三是丙？四是丁；五是戊;六是己!七\n八") == [
        "一是甲", "二是乙", "三是丙", "四是丁", "五是戊", "六是己", "七", "八"]


def test_question_mark_between_digits_is_a_broken_dash():
    assert texts("新建10?15所学校?是的") == ["新建10?15所学校", "是的"]


def test_sentences_are_trimmed_and_spans_point_into_the_text():
    text = "  全市有幼儿园581所。 \u3000投资600余万元 "
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["全市有幼儿园581所", "投资600余万元"]
    assert all(text[s.start:s.end] == s.text for s in spans)


# The rule as the guide words it: cut at every end, drop the end, trim, keep what is left.
END = re.compile(r"[。！？；;!\n]|(?<![0-9０-９])[?？]|[?？](?![0-9０-９])")
BLANK = " \t\r\u3000\xa0"


def cut_and_trim(text, start, end):
    pieces, position = [], start
    for stop in [*END.finditer(text, start, end), None]:
        piece_end = stop.start() if stop else end
        left, right = position, piece_end
        while left < right and text[left] in BLANK:
            left += 1
        while right > left and text[right - 1] in BLANK:
            right -= 1
        if right > left:
            pieces.append((left, right, text[left:right]))
        position = stop.end() if stop else end
    return pieces


@given(st.text(alphabet="。！？；;!\n?？ \t\r\u3000\xa0019０a所", max_size=16), st.data())
def test_one_match_per_sentence_is_cutting_at_the_ends_and_trimming(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [(s.start, s.end, s.text) for s in split_sentences(text, start, end)] == cut_and_trim(text, start, end)


def test_the_seven_speech_file_splits_as_its_labels_say():
    import json

    from tracker.cleaning import clean_text
    from tracker.segmenting import split_sections

    from conftest import CORPUS, GOLD

    text = clean_text((CORPUS / "001_a301c6a9859379ef.txt").read_text(encoding="utf-8")).text
    sections = split_sections(text)
    labelled = [s for s in sections if s.text]
    gold = [json.loads(line) for line in (GOLD / "001_sections.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [s.text for s in labelled] == [g["section"] for g in gold]
    for section, expected in zip(labelled, gold):
        assert expected["first_sentence"] in text[section.start:section.end]


def test_a_single_speech_is_one_section():
    from tracker.segmenting import split_sections

    text = "同志们:\n今天,我们召开2016年全市教育工作会议。\n全市新建幼儿园12所。"
    assert [(s.start, s.end, s.text) for s in split_sections(text)] == [(0, len(text), "")]


def test_a_colon_opens_the_rest_of_its_line():
    text = "目标是：入园率达到90%；巩固率达到97%。在校生达到4.5万人。\n新建学校3所：其中小学2所。比值为4.5:5.5。"
    sentences = split_sentences(text)
    assert [(s.text, opener) for s, opener in zip(sentences, colon_openers(text, sentences))] == [
        ("目标是：入园率达到90%", ""),
        ("巩固率达到97%", "目标是："),
        ("在校生达到4.5万人", "目标是："),
        ("新建学校3所：其中小学2所", ""),  # a new line: nothing carries over
        ("比值为4.5:5.5", "新建学校3所："),  # a colon between digits opens nothing
    ]


def test_a_goal_cue_opening_a_sentence_governs_the_items_semicolons_join_to_it():
    from tracker.rules import load_rules

    text = "预计全年地区生产总值268亿元；固定资产投资增长12%；社会消费品零售总额96.3亿元。农民收入增长7.2%；全年新增就业1200人。"
    sentences = split_sentences(text)
    assert [(s.text, opener) for s, opener in zip(sentences, joined_openers(text, sentences, load_rules().goal_opening))] == [
        ("预计全年地区生产总值268亿元", ""), ("固定资产投资增长12%", "预计"), ("社会消费品零售总额96.3亿元", "预计"),
        ("农民收入增长7.2%", ""), ("全年新增就业1200人", ""),  # a full stop ends it
    ]


def test_a_time_opening_a_sentence_dates_the_items_after_it_but_not_one_naming_its_own():
    from tracker.rules import load_rules

    rules = load_rules()
    text = "2023年，全州发生肇事1286起；共受理案件4372件；今年上半年已拨付7850万元；结案率98.7%。全年巡护4.6万公里。"
    sentences = split_sentences(text)
    assert joined_openers(text, sentences, rules.time_opening, rules.time_own) == [
        "", "2023年，", "", "2023年，", ""]


def test_a_year_opening_a_sentence_dates_those_after_it_on_its_line_until_one_names_a_time():
    from tracker.rules import load_rules

    rules = load_rules()
    text = ("（一）规模扩大。2024年1-5月，接待游客436万人次。实现收入49亿元。累计接待游客超千万人次。"
            "建成民宿120家。\n新建球场5块。")
    sentences = split_sentences(text)
    assert joined_openers(text, sentences, rules.carried_year_opening, rules.carried_time_own,
                          across_sentences=True) == [
        "", "", "2024年1-5月，", "", "", ""]


STORY = "全区加快推进老旧小区改造，群众获得感持续增强。" * 10


def test_a_page_of_dated_stories_splits_at_each_story_s_title():
    text = f"南岸区2022年完成老旧小区改造\n{STORY}\n（责任编辑：周敏）\n\n今年南岸计划改造老旧小区126个\n{STORY}\n"
    second = text.index("今年南岸")
    # the second publication line stood right after the second title (cleaning drops it)
    sections = split_stories(text, [text.index("\n") + 1, text.index("\n", second) + 1])
    assert [(s.start, s.text) for s in sections] == [(0, ""), (second, "第2条")]
    # a date repeated at the foot of one story is no second story
    assert split_stories(text, [text.index("\n") + 1, len(text)]) == [TextSpan(0, len(text), "")]
