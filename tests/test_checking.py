"""Checks on a real database: the sample corpus and small reports written in the same style."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from tracker import checking
from tracker.cli import main
from tracker.models import Flag
from tracker.storing import ingest_paths

from conftest import CORPUS
from test_corpus_score import PROBES

SPEECH = "今天,我们召开2016年全市教育工作会议。\n一、2015年工作回顾\n"


def flags_of(sessions, only=None):
    with sessions.begin() as session:
        drafts = checking.run_checks(session, only)
        checking.store_flags(session, drafts, only)
    with sessions() as session:
        return sorted((f.check, f.severity, tuple(c["text"] for c in f.evidence["claims"]))
                      for f in session.scalars(select(Flag)))


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_sample_corpus_raises_its_real_inconsistencies_and_no_others(sessions):
    ingest_paths(sessions, [CORPUS])
    assert flags_of(sessions) == [
        ("cagr", "warning", ("29.18亿元", "9.47亿元", "8.16%")),
        ("cagr", "warning", ("29.74亿元", "8.16亿元", "6.62%")),
        ("carried_over", "warning", ("48所", "54所", "54所")),
        ("sum", "error", ("13644.78万元", "1512.88万元", "480万元", "3344.29万元", "1576.59万元", "6746.28万元")),
        ("sum", "info", ("76处", "4处", "1处", "4处", "28处", "31处", "4处", "1处", "1处", "1处", "1处", "4处")),
        ("target_below_actual", "warning", ("接近90%", "77.2%")),
    ]


def test_the_multi_year_fixture_raises_its_planted_conflict_and_nothing_else(sessions):
    ingest_paths(sessions, [Path(__file__).resolve().parent / "data" / "series"])
    assert flags_of(sessions) == [("conflict", "warning", ("93.4%", "92.1%"))]


def test_the_cagr_flag_says_which_period_count_fits(sessions):
    ingest_paths(sessions, [CORPUS / "004_043583f907d8be22.txt"])
    with sessions() as session:
        draft = next(d for d in checking.run_checks(session, "cagr") if "6.62%" in d.message)
    assert draft.message.startswith("inconsistency: 6.62% a year from 2011 to 2015 fits 5 periods, not the 4 years")
    assert [r["periods"] for r in draft.readings if r["fits"]] == [5]
    assert draft.computed == 8.348


def test_a_growth_rate_that_does_not_match_its_levels_is_an_error(sessions, tmp_path):
    text = SPEECH + "2015年,全市教育经费拨款30亿元,比2011年增加了10亿元,增长60%。\n"
    ingest_paths(sessions, [write(tmp_path, "a.txt", text)])
    assert flags_of(sessions) == [("growth", "error", ("30亿元", "10亿元", "60%"))]


def test_a_right_growth_rate_and_a_sum_that_adds_up_raise_nothing(sessions, tmp_path):
    text = SPEECH + ("2015年,全市教育经费拨款30亿元,比2011年增加了10亿元,增长50%。"
                     "全市共有学校12所,其中高中2所,初中4所,小学6所。\n")
    ingest_paths(sessions, [write(tmp_path, "a.txt", text)])
    assert flags_of(sessions) == []


def drafts_of(sessions, tmp_path, text, only=None):
    ingest_paths(sessions, [write(tmp_path, "a.txt", SPEECH + text + "\n")])
    with sessions() as session:
        return checking.run_checks(session, only)


def test_a_change_in_points_written_as_percent_is_a_warning_with_both_readings(sessions, tmp_path):
    [draft] = drafts_of(sessions, tmp_path, "全市学前三年毛入园率由43%提高到65%,提高了22%。")
    assert (draft.check, draft.severity) == ("growth", "warning")
    assert draft.message == ("inconsistency: 43% to 65% is a change of 22 percentage points written as 22% "
                             "(a relative change of 51.16%)")
    assert [(r["reading"], r["fits"]) for r in draft.readings] == [
        ("relative change", False), ("change in percentage points", True)]


def test_a_relative_change_written_as_points_is_a_warning_and_a_wrong_one_an_error(sessions, tmp_path):
    text = "全市高中阶段毛入学率由40%提高到60%,提高了50个百分点。全市初中巩固率由90%提高到95%,提高了8个百分点。"
    drafts = drafts_of(sessions, tmp_path, text)
    assert sorted((d.check, d.severity, d.computed) for d in drafts) == [
        ("pp_change", "error", 5.0), ("pp_change", "warning", 20.0)]


def test_a_whole_percentage_is_rounded(sessions, tmp_path):
    # 89.6% → 95.4% is 5.8 points: written as 90%, 95% and 6 points, the rounding is accepted
    text = "全市初中巩固率由90%提高到95%,提高了6个百分点。全市标准化学校达到87所,占义务教育学校总数的74%。"
    assert drafts_of(sessions, tmp_path, text) == []


def test_growth_from_a_stated_start_is_checked_and_a_right_one_passes(sessions, tmp_path):
    text = "中小学班主任津贴由每人每月15元提高到每人每月100元,增长了566.7%。教师培训经费由200万元增加到300万元,增长了60%。"
    [draft] = drafts_of(sessions, tmp_path, text)
    assert (draft.check, draft.severity, draft.computed) == ("growth", "error", 50.0)


def test_a_share_against_its_part_and_whole(sessions, tmp_path):
    text = "全市共有专任教师2744人,其中高级教师510人,占18.6%。全市共有幼儿园581所,其中公办幼儿园120所,占总数的25.1%。"
    [draft] = drafts_of(sessions, tmp_path, text)
    assert (draft.check, draft.severity, draft.computed) == ("share", "error", 20.654)
    assert [f.text for f in draft.figures] == ["581所", "120所", "25.1%"]


def test_a_bare_share_of_a_part_of_a_total_given_as_a_share_of_a_wider_whole_is_not_checked_against_it(
        sessions, tmp_path):
    # 58.26 of 81.37 is 71.6 %: the 59.08 % is of the wider whole, as the 82.51 % is
    text = ("2023年，全市授予中小企业合同金额81.37亿元，占全市政府采购合同总金额的82.51%；"
            "其中授予小微企业合同金额58.26亿元，占59.08%。全市共有专任教师2744人；其中高级教师510人，占20.6%。")
    [draft] = drafts_of(sessions, tmp_path, text)
    assert (draft.check, [f.text for f in draft.figures]) == ("share", ["2744人", "510人", "20.6%"])


def test_what_stands_besides_a_list_of_parts_is_outside_its_total(sessions, tmp_path):
    text = "全区排查餐饮场所6347家，其中使用管道燃气的3982家、使用瓶装液化气的2365家，另有学校、医院等人员密集场所食堂412家。"
    assert drafts_of(sessions, tmp_path, text) == []


def test_a_share_of_a_count_must_be_k_over_a_whole_n(sessions, tmp_path):
    # 9/27 = 33.33%: 33.3% fits a whole N of 27; 33.4% fits no whole N (26.906…26.987)
    text = "全县有9名教师获省级表彰,占全市获奖教师的33.4%。全县有9名校长参加国培,占全市参训校长的33.3%。"
    [draft] = drafts_of(sessions, tmp_path, text)
    assert (draft.check, draft.severity) == ("share", "error")
    assert draft.message == "inconsistency: no whole number N gives 9名 as 33.4% of N (N would lie between 26.906 and 26.987)"


def test_a_count_reused_from_another_year_is_carried_over(sessions, tmp_path):
    text = ("去年,全县现有中心小学28所,在校生1.2万人。全县共有中心小学26所,其中城区中心小学6所,农村中心小学20所。"
            "28所中心小学共投入资金300万元。")
    [draft] = drafts_of(sessions, tmp_path, text, "carried_over")
    assert draft.severity == "warning"
    assert [f.sentence[:8] for f in draft.figures] == ["全县共有中心小学", "去年,全县现有中", "28所中心小学共"]
    assert draft.message.startswith("inconsistency: 中心小学 is counted as 26所 and as 28所 in one speech; 28所 is also")


def test_counts_of_one_set_in_different_places_or_years_are_not_carried_over(sessions, tmp_path):
    text = ("2015年,兴城市开工项目校5所,全部竣工。建昌县开工项目校7所,竣工3所。"
            "2014年全县有中心小学28所。2015年全县有中心小学26所。")
    assert drafts_of(sessions, tmp_path, text, "carried_over") == []


def test_only_counts_of_a_set_with_a_value_in_two_sentences_are_read_in_full(sessions, tmp_path):
    # 中心小学 28, 26, 28 in three sentences may be carried over; 幼儿园 5 and 6 in two sentences may not
    text = ("去年,全县现有中心小学28所。全县共有中心小学26所。28所中心小学共投入资金300万元。"
            "全县有幼儿园5所。全县有幼儿园6所。")
    ingest_paths(sessions, [write(tmp_path, "a.txt", SPEECH + text + "\n")])
    with sessions() as session:
        read = [f.text for figures in checking._counts(session, checking.read_names(session))
                for f in figures.values()]
    assert read == ["28所", "26所", "28所"]


def test_parts_after_qizhong_may_leave_some_out_but_not_exceed_the_total(sessions, tmp_path):
    text = ("全县共有幼儿园81所,其中公办幼儿园29所,普惠性民办幼儿园23所。"
            "全县共有中小学52所,其中高中3所,初中20所,小学31所。")
    [draft] = drafts_of(sessions, tmp_path, text)
    assert (draft.check, draft.severity, draft.computed) == ("sum", "warning", 54.0)
    assert draft.message.endswith("does not add up to the stated total 52所 (unless the listed categories overlap)")


def test_a_smaller_target_for_an_amount_done_each_year_is_no_going_back(sessions, tmp_path):
    first = SPEECH + ("2015年,葫芦岛市新建、改扩建公办幼儿园42所,学前三年毛入园率达到92%。"
                      "葫芦岛市有24所学校被认定为省级示范校。\n")
    later = ("今天,我们召开2017年葫芦岛市教育工作会议。\n二、2017年工作安排\n"
             "葫芦岛市新建、改扩建公办幼儿园30所,力争学前三年毛入园率达到90%。葫芦岛市力争创建省级示范校20所。\n")
    ingest_paths(sessions, [write(tmp_path, "a.txt", first), write(tmp_path, "b.txt", later)])
    assert flags_of(sessions) == [("target_below_actual", "warning", ("92%", "90%"))]


def test_hidden_digits_make_a_relation_uncheckable_not_passed(sessions, tmp_path):
    text = SPEECH + "全市共有学校xx所,其中高中2所,初中4所,小学6所。\n"
    ingest_paths(sessions, [write(tmp_path, "a.txt", text)])
    assert flags_of(sessions) == [("redacted", "info", ("xx所", "2所", "4所", "6所"))]


def test_two_reports_stating_one_figure_differently_conflict(sessions, tmp_path):
    first = SPEECH + "2015年,葫芦岛市学前三年毛入园率达到90%。\n"
    second = "葫芦岛市2015年教育统计公报\n2015年,葫芦岛市学前三年毛入园率为85.5%。\n"
    same = "葫芦岛市教育简报\n2015年,葫芦岛市学前三年毛入园率达到90%。\n"
    ingest_paths(sessions, [write(tmp_path, "a.txt", first), write(tmp_path, "b.txt", second),
                            write(tmp_path, "c.txt", same)])
    assert flags_of(sessions) == [("conflict", "warning", ("90%", "85.5%"))]


def test_two_flows_of_one_metric_conflict_only_where_their_labels_name_one_thing(sessions, tmp_path):
    # money put into two different projects in one year is no conflict; the same project is
    first = "葫芦岛市2015年审计工作报告\n2015年,葫芦岛市挤占农村公路项目资金40万元。\n2015年,葫芦岛市完成投资12亿元。\n"
    second = "葫芦岛市2015年政府工作报告\n2015年,葫芦岛市完成投资14亿元。\n"
    ingest_paths(sessions, [write(tmp_path, "a.txt", first), write(tmp_path, "b.txt", second)])
    assert flags_of(sessions) == [("conflict", "warning", ("12亿元", "14亿元"))]


def test_two_levels_of_one_metric_named_otherwise_conflict_only_where_their_labels_name_one_thing(
        sessions, tmp_path):
    # the cases a service centre closed and the problems of major projects are two 办结率
    first = "信丰县2023年政务服务工作总结\n2023年，全县受理各类办件43.62万件，办件办结率99.96%。\n"
    second = "信丰县2023年重大项目推进情况\n2023年，全县协调解决问题132个，问题办结率达96.2%。\n"
    ingest_paths(sessions, [write(tmp_path, "a.txt", first), write(tmp_path, "b.txt", second)])
    assert [f for f in flags_of(sessions) if f[0] == "conflict"] == []


def test_a_figure_named_only_in_the_metrics_words_after_another_amount_is_of_what_that_counts(
        sessions, tmp_path):
    # the investment in housing and in old people's homes, the petitions on housing and on the old
    first = ("九江市住房和城乡建设局2023年保障性住房工作总结\n2023年，全市基本建成4,105套，完成投资14.3亿元。"
             "受理群众来信来访1,045件，按期办结率99.8%。\n")
    second = ("2023年九江市老龄事业发展统计公报\n全年完成农村敬老院改造项目42个，完成投资约1.2亿元。"
              "全年受理涉老诉求5630件，按期办结率99.4%。\n")
    ingest_paths(sessions, [write(tmp_path, "a.txt", first), write(tmp_path, "b.txt", second)])
    assert [f for f in flags_of(sessions) if f[0] == "conflict"] == []


def test_a_change_after_the_last_part_of_a_list_may_be_the_wholes(sessions, tmp_path):
    text = SPEECH + "受益学生112,460名，其中小学生81,235名、初中生31,225名，比上年增加3,180名，增长2.91%。\n"
    ingest_paths(sessions, [write(tmp_path, "a.txt", text)])
    assert flags_of(sessions) == []
    wrong = SPEECH + "受益学生112,460名，其中小学生81,235名、初中生31,225名，比上年增加3,180名，增长5.2%。\n"
    ingest_paths(sessions, [write(tmp_path, "b.txt", wrong)])
    assert [f[:2] for f in flags_of(sessions)] == [("growth", "error")]


def test_the_stories_of_one_news_page_are_one_source(sessions, tmp_path):
    # two dated stories on two projects' investment are no two reports of one figure
    story = "全区加快推进重点项目建设，项目进展顺利。" * 10
    page = (f"葫芦岛市龙港区人民政府\n总投资15亿元高端铸件项目落户龙港区\n发布时间：2023-03-01\n{story}\n\n"
            f"龙港区21个项目集中开工\n发布时间：2023-04-18\n{story}\n此次集中开工项目共21个，总投资83.5亿元。\n")
    ingest_paths(sessions, [write(tmp_path, "a.txt", page)])
    assert flags_of(sessions) == []


def test_a_change_and_a_rate_against_different_bases_are_not_checked_together(sessions, tmp_path):
    text = ("6月末,全市各项贷款余额500亿元,比年初增加50亿元,同比增长15%。"
            "全市三公经费支出1000万元,比预算数减少300万元,比上年下降10%。"
            "全市批准建设用地1000公顷（约合1.5万亩）,比上年增加200公顷,增长25%。"
            # a yearly rate over three years, not over the year the change before it is against
            "全市高新技术企业总数达到2,318家，比上年净增305家，近三年年均增长18.6%。")
    assert drafts_of(sessions, tmp_path, text) == []


def test_a_yearly_growth_after_levels_of_several_years_is_not_checked_against_the_first(sessions, tmp_path):
    # 77.9% is 2019 against 2018 (8.6 → 15.3), not against 2017's 2万元
    text = "村集体经济收入由2017年的2万元，增加到2018年的8.6万元、2019年的15.3万元，同比增长77.9%。"
    assert drafts_of(sessions, tmp_path, text) == []


def test_a_second_breakdown_in_a_sentence_is_not_part_of_the_first(sessions, tmp_path):
    text = ("在白仓镇、塘田市镇等12个乡镇集中连片新造油茶，其中白仓镇、塘田市镇分别新造6200亩、5500亩，"
            "新建连片基地68个，其中千亩以上基地9个。")
    assert drafts_of(sessions, tmp_path, text) == []


def test_a_part_after_qi_zhong_states_its_own_change(sessions, tmp_path):
    # 新增1120人 is the fourth quarter's part of 4380, not a change of it; 18.6% is of the quarter
    text = "全县全年新增注册用户4380人，其中第四季度新增1120人，环比增长18.6%。"
    assert drafts_of(sessions, tmp_path, text) == []


def test_a_share_of_a_plan_may_pass_100_percent(sessions, tmp_path):
    text = "全市完成重点项目投资56亿元,占年度计划的110%。全市城区绿地面积300公顷,占城区面积的120%。"
    assert [(d.check, d.message) for d in drafts_of(sessions, tmp_path, text)] == [
        ("part_of_whole", "inconsistency: a share of 120% is above 100%")]


def test_the_parts_a_total_closes_and_those_after_its_qizhong_are_two_breakdowns(sessions, tmp_path):
    text = ("全县通过“特岗计划”招聘教师280名，通过县级公开招聘录用教师420名，共计补充新教师700名，"
            "其中研究生学历26名、本科学历612名。")
    assert drafts_of(sessions, tmp_path, text) == []
    # each is still checked: the channels must add up to the total
    wrong = text.replace("420名", "460名")
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts_of(sessions, tmp_path, wrong)] == [
        ("sum", "error", 700.0, 740.0)]


def test_parts_after_qizhong_ending_on_the_rest_name_the_whole(sessions, tmp_path):
    text = "全年丝网产品出口额81.6亿元，其中金属编织网43.2亿元，过滤网21.7亿元，防护网及其他网类产品14.5亿元。"
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts_of(sessions, tmp_path, text)] == [
        ("sum", "error", 81.6e8, 79.4e8)]
    # not where the list holds parts in another unit, which the sum leaves out
    text = "全县共有医疗卫生机构1,046个，其中乡镇卫生院27家、村卫生室786个、其他机构226个。"
    assert [(d.check, d.severity) for d in drafts_of(sessions, tmp_path, text) if d.severity != "info"] == []


def test_parts_after_qizhong_above_the_one_amount_before_it_in_their_unit(sessions, tmp_path):
    text = "全年实施搬迁安置项目14个，搬迁群众2,386户，其中郊区968户、平定县812户、盂县696户。"
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts_of(sessions, tmp_path, text)] == [
        ("sum", "warning", 2386.0, 2476.0)]


def test_two_lists_after_one_qizhong_are_two_breakdowns_each_checked(sessions, tmp_path):
    text = ("全县共有农村留守儿童3,862名。其中男童2,067名、女童1,795名；按年龄分，0至5岁学龄前儿童612名、"
            "6至14岁义务教育阶段儿童2,846名、15至16岁儿童404名。")
    assert [(d.check, d.severity) for d in drafts_of(sessions, tmp_path, text) if d.severity != "info"] == []
    # the boys and girls falling short of the total are an error of their own, not summed with the ages
    wrong = text.replace("2,067名", "2,015名")
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts_of(sessions, tmp_path, wrong)] == [
        ("sum", "error", 3862.0, 3810.0)]


def test_a_growth_against_the_level_compared_with_inside_the_comparison(sessions, tmp_path):
    drafts = drafts_of(sessions, tmp_path, "全县滩羊肉产量1.38万吨，较去年同期的1.25万吨增长13.6%。")
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts] == [("growth", "error", 13.6, 10.4)]
    # a rate against the month before is not one against the level of a year before
    text = "精瘦肉零售均价13.85元/斤，环比下降1.35%，同比下降18.2%（去年同期为16.93元/斤）。"
    assert [(d.check, d.severity) for d in drafts_of(sessions, tmp_path, text) if d.severity != "info"] == []


def test_parts_that_name_the_whole_and_fall_short_of_it_are_an_error(sessions, tmp_path):
    text = "全县入山采挖人员5.82万人，其中本县农牧民4.36万人，县外采挖人员1.21万人。"
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts_of(sessions, tmp_path, text)] == [
        ("sum", "error", 58200.0, 55700.0)]
    # a list naming some classes may fall short (普惠性民办 is part of 民办)
    text = "全县共有幼儿园47所，其中公办幼儿园39所、普惠性民办幼儿园6所。"
    assert [(d.check, d.severity) for d in drafts_of(sessions, tmp_path, text) if d.severity != "info"] == []


def test_the_probe_reports_raise_no_false_alarm(sessions):
    """The probe reports' relations, checked: the only warnings left are lists after 其中
    whose categories overlap (农户贷款 within 农村贷款; suspects detained, then arrested;
    units that lead and units that assist; recruits by degree, then by where they were
    sent; wheat of a quality class, then of the leading varieties), one whose second item
    counts other stations than the total, one that adds the balance left of a fund
    (结余4.89万元) to what was spent of the whole, and one whose items after the first say
    other things (拆旧复垦面积2,150亩，其中复垦为耕地1,930亩，建新安置区占地290亩), and one whose
    second item lies within the first (农产品网络零售额 within 实物商品网络零售额); each says it
    may be overlap. Before the checks read asides, bases, averages and shares of plans, the
    first 66 of these reports raised 45 warnings and errors: three of these, and 42 false. The errors
    and two warnings are true, planted by their writers: a table column of the twenty-third round adds
    up to 5830 under 合计 5,860, and its list under 38.5万株 to 39万株; the eight growth errors, the
    lists under 2,860万元, 326亿元 and 215.6万亩 (the sentence before its 其中 also states the task set
    from above), and the lists that name the whole and fall short of it (本县…县外 under 5.82万人;
    城市化地区…农村地区 under 185.6万平方米; 中央和省级…市级…区级 under 2.36亿元; 区级…街镇级…居村 under
    126场次) are the twenty-fourth round's (its other plant is a run after 分别 that no total holds). The
    twenty-fifth round's planted eight growth errors and seven lists off their totals, all raised (1.28亿元,
    11.2万亩, 765.2万人次, 12.6亿元, 186家, 68.5亿元, 9.8万亩); its other plant is a list after 其中 that falls
    short of its total (瓶装水…、桶装水…), whose two kinds the seeds know as no partition. Two of its
    lists end on the rest (其他林权抵押贷款 under 12.6亿元, 流通及其他环节 under 68.5亿元), so they name the
    whole and are errors. The twenty-sixth round's plants raised are seven growth errors, two lists that
    name the whole and fall short (男童…女童 under 3,862名; …其他网类产品 under 81.6亿元) and two that pass
    their totals (2,386户, 712.6亿元); its other five are a list of places and one of funds short of their
    totals, which need not name every part, and three figures stated twice with two values in one report.
    The twenty-seventh round's plants raised are six growth errors (2.86亿元 against the base named in its
    comparison, 比去年同期的2.41亿元), three lists after 其中 above or below a total they partition
    (19.4万亩, 2.46万人, 420亿元) and one list above its total (136.8亿元); its other six are a base in
    brackets ((2023年为58起)), a table's 上年同期 column, parts of a total named before another measure
    (公园63个，总面积1520公顷，其中…), and three lists short of totals they do not say they partition."""
    ingest_paths(sessions, [PROBES])
    with sessions() as session:
        drafts = checking.run_checks(session)
    assert sorted((d.check, d.severity, d.figures[0].text) for d in drafts if d.severity != "info") == [
        ("growth", "error", "1.38万吨"), ("growth", "error", "1065亿元"), ("growth", "error", "13.2亿元"),
        ("growth", "error", "13.8万吨"), ("growth", "error", "136.2亿元"), ("growth", "error", "15,860元"),
        ("growth", "error", "2,146件"), ("growth", "error", "2.86亿元"), ("growth", "error", "24.8万吨"),
        ("growth", "error", "3,260只"), ("growth", "error", "3.42亿元"), ("growth", "error", "301.6万吨"),
        ("growth", "error", "31.2亿元"), ("growth", "error", "33.4亿元"), ("growth", "error", "38.6亿元"),
        ("growth", "error", "42.6吨"), ("growth", "error", "436.8亿元"), ("growth", "error", "5326亿元"),
        ("growth", "error", "56.1亿元"), ("growth", "error", "6.84亿元"), ("growth", "error", "72.6万吨"),
        ("growth", "error", "8.6万公里"), ("growth", "error", "826.4亿元"), ("growth", "error", "85.2亿元"),
        ("growth", "error", "85.6亿元"), ("growth", "error", "86.5亿元"), ("growth", "error", "9.64亿元"),
        ("growth", "error", "92.0亿元"), ("growth", "error", "98.6亿元"), ("sum", "error", "1.28亿元"),
        ("sum", "error", "11.2万亩"), ("sum", "error", "12.6亿元"), ("sum", "error", "126场次"),
        ("sum", "error", "185.6万平方米"), ("sum", "error", "19.4万亩"), ("sum", "error", "2.36亿元"),
        ("sum", "error", "2.46万人"), ("sum", "error", "3,862名"), ("sum", "error", "420亿元"),
        ("sum", "error", "5,860"), ("sum", "error", "5.82万人"), ("sum", "error", "68.5亿元"),
        ("sum", "error", "765.2万人次"), ("sum", "error", "81.6亿元"), ("sum", "warning", "1,541.18万元"),
        ("sum", "warning", "1,637名"), ("sum", "warning", "136.8亿元"), ("sum", "warning", "186.5万亩"),
        ("sum", "warning", "186名"), ("sum", "warning", "186家"), ("sum", "warning", "2,150亩"),
        ("sum", "warning", "2,386户"), ("sum", "warning", "2,860万元"), ("sum", "warning", "215.6万亩"),
        ("sum", "warning", "245.3亿元"), ("sum", "warning", "326亿元"), ("sum", "warning", "38.5万株"),
        ("sum", "warning", "386.5亿元"), ("sum", "warning", "42个"), ("sum", "warning", "712.6亿元"),
        ("sum", "warning", "9.8万亩"), ("sum", "warning", "二十三个")]


def test_a_review_survives_rerunning_the_checks_and_reingesting(sessions, tmp_path):
    path = write(tmp_path, "a.txt", SPEECH + "2015年,全市教育经费拨款30亿元,比2011年增加了10亿元,增长60%。\n")
    ingest_paths(sessions, [path])
    flags_of(sessions)
    with sessions.begin() as session:
        flag = session.scalars(select(Flag)).one()
        flag.status, flag.note = "confirmed", "checked against the budget"
    path.write_text(SPEECH + "2015年,全市教育经费拨款30亿元,比2011年增加了10亿元,增长60%。\n全市新建幼儿园3所。\n",
                    encoding="utf-8")
    ingest_paths(sessions, [path])
    flags_of(sessions)
    with sessions() as session:
        flag = session.scalars(select(Flag)).one()
        assert (flag.status, flag.note) == ("confirmed", "checked against the budget")


def test_check_command_prints_json_and_fails_on_errors(db_url, tmp_path):
    path = write(tmp_path, "a.txt", SPEECH + "2015年,全市教育经费拨款30亿元,比2011年增加了10亿元,增长60%。\n")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db_url, "ingest", "--silent", str(path)]).exit_code == 0
    result = runner.invoke(main, ["--db", db_url, "check", "--format", "json", "--fail-on", "error"])
    assert result.exit_code == 1
    import json
    [flag] = json.loads(result.stdout)
    assert {"id", "check", "severity", "status", "message", "stated", "computed", "tolerance", "readings",
            "claims"} <= set(flag)
    assert flag["computed"] == 50.0 and flag["stated"] == 60.0
    assert [c["text"] for c in flag["claims"]] == ["30亿元", "10亿元", "60%"]
    assert {"id", "doc", "sentence", "text", "value", "unit"} <= set(flag["claims"][0])
    assert runner.invoke(main, ["--db", db_url, "check", "--fail-on", "warning", "--check", "conflict"]).exit_code == 0
    dismissed = runner.invoke(main, ["--db", db_url, "flags", "dismiss", str(flag["id"]), "--note", "typo"])
    assert dismissed.exit_code == 0
    listed = runner.invoke(main, ["--db", db_url, "flags", "--status", "dismissed", "--format", "json"])
    assert [f["id"] for f in json.loads(listed.stdout)] == [flag["id"]]
    shown = runner.invoke(main, ["--db", db_url, "flags", "show", str(flag["id"])])
    assert "【60%】" in shown.output and "note: typo" in shown.output


def figure(id_, document, text, value, unit, aspect):
    return checking.Figure(id_, f"{document}.txt", document, 1, f"sentence {id_ // 10}", text, Decimal(value), unit,
                           "exact", False, 2015, None, None, None, None, None, "actual", aspect)


def growth_errors(document, first, growth_ids):
    """A level of 30亿元, a rise of 10亿元 and a stated growth of 60% (50% is right) for each
    growth relation id, in ``document``."""
    figures, links = {}, []
    for n, growth_id in enumerate(growth_ids):
        level, change, rate = (figure(first + 10 * n + k, document, *spec) for k, spec in enumerate(
            [("30亿元", "3000000000", "元", "level"), ("10亿元", "1000000000", "元", "change"),
             ("60%", "60", "%", "growth")]))
        figures |= {f.id: f for f in (level, change, rate)}
        links += [checking.Link(1000 + growth_id, "change", level.id, change.id, 2011, None),
                  checking.Link(growth_id, "growth", level.id, rate.id, 2011, None)]
    return figures, links


def test_drafts_found_document_by_document_come_in_the_order_of_one_run_over_everything():
    # the relations of document 1 (ids 1 and 3) and of document 2 (id 2) interleave
    documents = [growth_errors(1, 100, [1, 3]), growth_errors(2, 200, [2])]
    drafts = checking._gather(None, documents, [], [])
    assert [(d.check, d.position, d.figures[0].document_id) for d in drafts] == [
        ("growth", (0, 1), 1), ("growth", (0, 2), 2), ("growth", (0, 3), 1)]


def test_a_growth_at_comparable_prices_is_not_checked_against_nominal_levels(sessions, tmp_path):
    text = ("2015年,全市地区生产总值30亿元,比2011年增加了10亿元,增长40%。"
            "2015年,全市一般公共预算收入30亿元,比2011年增加了10亿元,按可比口径计算,增长40%。"
            "2015年,全市教育经费拨款30亿元,比2011年增加了10亿元,增长40%。")
    drafts = drafts_of(sessions, tmp_path, text)
    assert [(d.check, d.severity, d.figures[0].label) for d in drafts] == [("growth", "error", "教育经费拨款")]


def test_parts_in_the_sentences_after_their_total_that_pass_it_are_a_warning(sessions, tmp_path):
    text = ("2015年,全市地区生产总值1006.3亿元。其中,第一产业增加值238.5亿元;第二产业增加值301.2亿元;"
            "第三产业增加值476.6亿元。")
    [draft] = drafts_of(sessions, tmp_path, text)
    assert (draft.check, draft.severity, draft.computed) == ("sum", "warning", 101630000000.0)


TRAINING_TABLE = ("表1\u30002024年上半年各乡镇（街道）技能培训及外出开店情况\n单位：人次、家\n"
                  "乡镇（街道）\u3000培训人次\u3000新开门店\u3000平均培训时长（小时）\n"
                  "凤岗街道\u30001,126\u3000182\u300012\n虬江街道\u3000968\u3000164\u300010\n"
                  "夏茂镇\u30001,032\u3000203\u300011\n合计\u3000{total}\u3000549\u300011\n")


def test_a_tables_total_row_is_checked_against_the_rows_above_it(sessions, tmp_path):
    # the column of 培训人次 adds up to 3126; the average column holds no sum
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts_of(
        sessions, tmp_path, TRAINING_TABLE.format(total="3,156")) if d.severity != "info"] == [
        ("sum", "error", 3156.0, 3126.0)]


def test_a_tables_count_of_kinds_holds_no_sum(sessions, tmp_path):
    # the towns' species overlap: 31 and 27 kinds are 52 in all; the birds add up, and 71,000 is wrong
    text = ("单位：种、只\n乡镇\u3000记录种数\u3000水鸟数量\n多宝乡\u300031\u300042600\n左里镇\u300027\u300028900\n"
            "合计\u300052\u300071000\n")
    assert [(d.check, d.severity, d.stated, d.computed) for d in drafts_of(sessions, tmp_path, text)
            if d.severity != "info"] == [("sum", "error", 71000.0, 71500.0)]


def test_a_table_whose_rows_are_broken_down_or_subtotalled_raises_nothing(sessions, tmp_path):
    # 夏茂镇 breaks the row above down: the total is of the first two rows
    text = TRAINING_TABLE.format(total="2,094").replace("夏茂镇", "其中：夏茂镇").replace("549", "346")
    assert [d for d in drafts_of(sessions, tmp_path, text) if d.severity != "info"] == []
