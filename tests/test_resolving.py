"""Years, frames, periods and kind, on real report text."""
from __future__ import annotations

import pytest

from tracker.cleaning import clean_text
from tracker.extracting import extract_amounts
from tracker.pipeline import extract_claims, extract_document
from tracker.resolving import Context, Frame, resolve_kind, resolve_period, resolve_year, section_context

from conftest import CORPUS


def context_of(name: str) -> Context:
    return section_context(clean_text((CORPUS / name).read_text(encoding="utf-8")).text)


def test_meeting_year_and_review_and_plan_frames_of_a_city_speech():
    context = context_of("004_043583f907d8be22.txt")
    assert (context.year, context.reviewed_year) == (2016, 2015)
    assert [(f.kind, f.year) for f in context.frames][:2] == [("review", 2015), ("plan", 2016)]


def test_reviewed_year_in_chinese_numerals_implies_the_meeting_year():
    context = context_of("003_6921d1475b2d8838.txt")
    assert (context.year, context.reviewed_year) == (2012, 2011)


def test_hidden_meeting_year_leaves_every_year_unknown():
    context = context_of("000_ebbb7d2fbaa12e1c.txt")
    assert context.year is None
    assert all(frame.year is None for frame in context.frames)


def amount_in(sentence: str, text: str):
    return next(a for a in extract_amounts(sentence) if a.text == text)


@pytest.mark.parametrize("sentence,text,year", [
    ("2015年,全市国家财政性教育经费拨款29.74亿元,比2011年增加了8.16亿元", "8.16亿元", 2015),
    ("学前三年毛入园率接近90%,比2010年提高了9个百分点", "接近90%", 2016),
    ("去年底,对94所项目学校中的78所进行了评估验收", "94所", 2015),
    ("明年全市将新建幼儿园12所", "12所", 2017),
    ("20xx年高考录取率达96.5%", "96.5%", None),
    # 上年 after 比/较 is the base of a comparison, not the amount's year: the frame decides.
    ("全县现有小学52所,较上年减少4所", "4所", 2016),
    ("在校生8.3万人,比去年同期增加1200人,其中寄宿生9600人", "9600人", 2016),
    ("去年全市共招聘教师300名", "300名", 2015),
    # From one dated level to another: each takes its own year.
    ("全县小学专任教师学历合格率由2013年的96.4%提高到2015年的98.7%", "96.4%", 2013),
    ("全县小学专任教师学历合格率由2013年的96.4%提高到2015年的98.7%", "98.7%", 2015),
    # a year joined by 的 dates the amount right after it, not the level it went to
    ("地区生产总值由2010年的201.7亿元增加到286.4亿元，年均增长6.9%", "286.4亿元", 2016),
    ("地区生产总值由2010年的201.7亿元增加到286.4亿元，年均增长6.9%", "6.9%", 2016),
    ("2015年的全县学校数为120所", "120所", 2015),
    ("城乡居民收入比由上年的2.16:1缩小为2.12:1", "2.12:1", 2016),
    ("城乡居民收入比由上年的2.16:1缩小为2.12:1", "2.16:1", 2015),
    ("全年投入资金1.45亿元，贫困发生率由2014年底的10.8%下降到2.9%", "1.45亿元", 2016),
    ("全年投入资金1.45亿元，贫困发生率由2014年底的10.8%下降到2.9%", "10.8%", 2014),
    # a year after 继 dates its own clause only: what follows passes the level it names
    ("交易额继去年首次突破百亿元后再创新高，预计全年交易额突破138亿元", "突破百亿元", 2015),
    ("交易额继去年首次突破百亿元后再创新高，预计全年交易额突破138亿元", "突破138亿元", 2016),
    # the level a change starts from, naming no time, stood at no year the text gives; the
    # level it reaches is of the frame's
    ("2016年，亩均投入标准由1500元提高到2000元", "1500元", None),
    ("2016年，亩均投入标准由1500元提高到2000元", "2000元", 2016),
    ("平均出具报告时间由原来的2天缩短至30分钟以内", "2天", None),
    # one of a nearer time before, or said to stand now, keeps the frame's year
    ("督办事项平均办理时长由上季度的11.6天缩短至7.8天", "11.6天", 2016),
    ("身份证办理时限由现行的15天压缩至7天以内", "15天", 2016),
    # a rate per year names no year; a year the sentence compares with dates the level before
    ("三类地区由原每人每年5940元提高到6480元", "5940元", None),
    ("与2010年第六次全国人口普查相比，每10万人中拥有大学文化程度的由7126人上升为13314人", "7126人", 2010),
    # a clause opening with 以前 (formerly) is of no year the text names; 2020年以前 is no such clause
    ("次仁卓玛说：“以前一年到头收入不到1万元，现在每个月能拿到3500元左右", "不到1万元", None),
    ("次仁卓玛说：“以前一年到头收入不到1万元，现在每个月能拿到3500元左右", "3500元左右", 2016),
])
def test_resolve_year(sentence, text, year):
    context = Context(year=2016, frames=(Frame(0, "plan", 2016),), reviewed_year=2015)
    assert resolve_year(sentence, amount_in(sentence, text), context, 10) == year


def test_review_frame_gives_its_year_to_undated_stocks():
    context = Context(year=2016, frames=(Frame(0, "review", 2015), Frame(500, "plan", 2016)), reviewed_year=2015)
    sentence = "全市有幼儿园581所"
    amount = amount_in(sentence, "581所")
    assert resolve_year(sentence, amount, context, 100) == 2015
    assert resolve_year(sentence, amount, context, 600) == 2016


@pytest.mark.parametrize("sentence,text,expected", [
    ("“十二五”时期,完成中小学危房改造401所,面积6.7万平方米", "401所", ("2011-2015", None)),
    ("争取到“十三五”末,全市学前三年毛入园率达到77.2%", "77.2%", (None, 2020)),
    ("“十二五”时期,学前三年毛入园率接近90%", "接近90%", (None, None)),
    ("全市共有幼儿园581所", "581所", (None, None)),
    # a level reached in a period is of its end year, not a total over it
    ("“十二五”期间,全市普惠性幼儿园达到300所", "300所", (None, 2015)),
])
def test_resolve_period(sentence, text, expected):
    assert resolve_period(sentence, amount_in(sentence, text)) == expected


@pytest.mark.parametrize("sentence,text,expected", [
    ("“十四五”发展目标是：新建幼儿园20所", "20所", (None, 2025)),
    # a period's name that names one of its years, or stands in a document's title, sets no horizon
    ("2016年是“十三五”开局之年，要重点抓好以下五个方面工作", "五个", (None, None)),
    ("按照《怀化市“十四五”卫生健康事业发展规划》部署，重点抓好以下六个方面工作", "六个", (None, None)),
])
def test_resolve_period_of_a_goal(sentence, text, expected):
    assert resolve_period(sentence, amount_in(sentence, text), target=True) == expected


@pytest.mark.parametrize("frame,sentence,text,kind", [
    ("plan", "力争到2020年,全市学前三年毛入园率达到95%", "95%", "target"),
    (None, "六是向上争取资金x亿元,完成全年任务102%", "x亿元", "actual"),
    (None, "二是以提高教师整体能力为目标,累计进行各类培训x万人次", "x万人次", "actual"),
    ("plan", "一期《学前教育三年行动计划》实施以来,新建、改扩建农村乡镇中心幼儿园和村园共161所", "161所", "actual"),
    ("plan", "今年要新建幼儿园12所", "12所", "target"),
    # An item of the speaker's plan needs no cue; a fact in the plan part has its marker.
    ("plan", "组织50名农村优秀校长到市内、省内优质学校挂职锻炼", "50名", "target"),
    ("plan", "截至目前,我们共查封不合格民办园36所,审批注册8所", "8所", "actual"),
    ("plan", "省厅接连通报了28所违规学校", "28所", "actual"),
    ("plan", "各级各类学校要对照刚刚印发的教师减负清单20条,全面清理各类检查", "20条", "actual"),
    ("plan", "我市三所高中已实现“两标化”", "三所", "actual"),
    ("review", "我市出台了《教师培训规划》及14个教师培训分项计划,制定完善了5个教师培训工作制度", "5个", "actual"),
    ("review", "各地要巩固成果,全市新建幼儿园12所", "12所", "actual"),
    (None, "区委、区政府决定在两年内通过市场运作,谋划建设一所具有一定规模的普通高中", "一所", "target"),
    (None, "全市共有幼儿园581所", "581所", "actual"),
    # 到+year is a goal's horizon only when that year is not yet past (the meeting is in 2016).
    ("review", "全县小学专任教师学历合格率由2013年的96.4%提高到2015年的98.7%", "98.7%", "actual"),
    ("review", "到2015年底,全县普惠性幼儿园达到45所", "45所", "actual"),
    (None, "到2018年,全县普惠性幼儿园达到60所", "60所", "target"),
    ("plan", "小学专任教师学历合格率由2015年的98.7%提高到2020年的100%", "100%", "target"),
    # 到 before an amount that is not a year is no horizon
    (None, "全县寄宿制学校学生比例提高到20%", "20%", "actual"),
    # 末 ends a plan period; 年末 in a bulletin dates a stock at the end of the year reported.
    (None, "争取到“十三五”末,全县高中阶段毛入学率达到95%", "95%", "target"),
    (None, "规划期末,全县普惠性幼儿园达到80所", "80所", "target"),
    (None, "年末全市户籍总人口277.8万人", "277.8万人", "actual"),
    # 计划 before a comma or 培训 names a programme; before its object it plans.
    ("review", "组织教师参加了国培计划培训，选派20名骨干教师赴外地学习", "20名", "actual"),
    ("review", "全市有3.5万名学生享受营养改善计划，资助金额共计4200万元", "4200万元", "actual"),
    ("review", "全市计划招聘教师600名", "600名", "target"),
    # In a plan part: a statistic, a total said with 共, and a count heading its clause (a set
    # that exists) are facts; the plan's own items stay targets.
    ("plan", "据统计，全市学校建设类项目共219个", "219个", "actual"),
    ("plan", "今年我市共申报合格学校建设项目学校113所", "113所", "actual"),
    ("plan", "主要目标是：稻虾共作面积稳定在52万亩以上", "52万亩以上", "target"),
    ("plan", "54所实项目学校预算投入资金6001万元", "54所", "actual"),
    ("plan", "54所实项目学校预算投入资金6001万元", "6001万元", "target"),
    ("plan", "新建、改扩建幼儿园80所", "80所", "target"),
    ("plan", "推动各级各类学校共建共享优质资源，新建录播教室120间", "120间", "target"),
    # 计划生育 is family planning and 主要 "main": no cue inside a word
    (None, "发放计划生育特别扶助金2860万元", "2860万元", "actual"),
    (None, "主要农作物耕种收综合机械化水平达到78.6%", "78.6%", "actual"),
    # a programme's name before its funds, and what a rule asks (按照…要求), are no cues
    (None, "落实农村义务教育学生营养改善计划补助资金2.19亿元", "2.19亿元", "actual"),
    (None, "按照“三通两平台”建设要求，全市建成录播教室186间", "186间", "actual"),
    (None, "这就要求我们做好三方面的工作", "三方面", "target"),
    # funding secured (争取…资金/债券) is no goal cue: the frame decides
    (None, "去年，全县争取地方政府专项债券资金23.5亿元", "23.5亿元", "actual"),
    ("plan", "争取上级专项资金5000万元", "5000万元", "target"),
    # the amount a goal names, before 的年度目标 or after 目标任务; a comparison with a goal is none
    ("review", "城镇登记失业率控制在4.5%以内的年度目标之内", "4.5%以内", "target"),
    ("review", "全市城镇新增就业6.27万人，完成省定目标任务5.8万人的108.1%", "5.8万人", "target"),
    ("review", "全市城镇新增就业6.27万人，完成省定目标任务5.8万人的108.1%", "108.1%", "actual"),
    # a task handed down or the year's task names a goal; what was done against it is a fact
    ("review", "全年市下达我县征集任务180名，实际批准入伍186名", "180名", "target"),
    ("review", "全年市下达我县征集任务180名，实际批准入伍186名", "186名", "actual"),
    ("review", "全县完成造林3.1万亩，完成年度任务（3万亩）的103.3%", "3万亩", "target"),
    # a bound opening its clause after a level is the goal the level kept within
    ("review", "城镇登记失业率为3.4%，控制在4.5%以内", "4.5%以内", "target"),
    ("review", "城镇登记失业率为3.4%，控制在4.5%以内", "3.4%", "actual"),
    ("review", "城镇新增就业1213人，城镇登记失业率控制在2.8%以内", "2.8%以内", "actual"),
    ("review", "实现三个目标", "三个", "actual"),  # a count of goals is no goal's amount
    (None, "社会消费品零售总额比预期目标低10.1个百分点，降幅收窄6.5个百分点", "6.5个百分点", "actual"),
    # a slogan in quotation marks, and 将 taking its object into a list, are no cues
    ("review", "落实“两个确保”，核酸检测价格由每人次40元降至16元", "16元", "actual"),
    (None, "将17户用人单位列入拖欠农民工工资“黑名单”", "17户", "actual"),
    # an expectation missed or met is no forecast; 目标价格 is an insurance's benchmark price
    (None, "胶价低于胶农心理预期，全县弃割面积约2.3万亩", "约2.3万亩", "actual"),
    (None, "销量好于市场预期，全年销售3万台", "3万台", "actual"),
    (None, "天然橡胶价格保险的目标价格为15,000元/吨", "15,000元/吨", "actual"),
    # 将 before 培训 says what is to come; 计划 ending a programme's name (国培计划) does not
    (None, "今年还将培训滑雪教练200名以上", "200名以上", "target"),
    (None, "依托国培计划培训，选派20名骨干教师", "20名", "actual"),
    # an aim in quotation marks that work centres on is no cue (the frame decides); a goal
    # referred back to still is one
    ("review", "围绕“优质、高产、抗逆”目标，重点推广优质品种12个", "12个", "actual"),
    ("plan", "围绕“优质、高产、抗逆”目标，重点推广优质品种15个", "15个", "target"),
    (None, "围绕这一目标，重点推动新增海外仓20个以上", "20个以上", "target"),
    # 共 in a word of together (共生, 共建) marks no total that exists
    ("plan", "在七里海镇建设1个稻蟹共生示范基地", "1个", "target"),
    ("plan", "今年我市共申报合格学校建设项目学校113所", "113所", "actual"),
    ("plan", "主要目标是：稻虾共作面积稳定在52万亩以上", "52万亩以上", "target"),
    # a performance evaluation's indicator value is the goal; what was actually done is a fact
    ("review", "小麦托管亩均补助标准，年度指标值≤40元，实际完成值37.2元", "≤40元", "target"),
    (None, "小麦托管亩均补助标准，年度指标值≤40元，实际完成值37.2元", "37.2元", "actual"),
    ("plan", "化肥使用量减少，年度指标值≥3%，实际减少4.2%", "4.2%", "actual"),
    # a task handed down (下达的…任务) or a goal done (完成年度目标) names its goal; what follows is done
    ("review", "超额完成市下达的40.5万亩任务，完成率102.1%", "40.5万亩", "target"),
    ("review", "省下达的11项年度考核指标全部超额完成", "11项", "actual"),
    (None, "完成年度目标1000个的112.6%，比上年增加118个", "1000个", "target"),
    (None, "完成年度目标1000个的112.6%，比上年增加118个", "112.6%", "actual"),
    (None, "完成年度目标1000个的112.6%，比上年增加118个", "118个", "actual"),
    (None, "从实际出发，今年将新建幼儿园20所", "20所", "target"),
    # a share of a plan is done, the plan's amount a goal; an appraisal of goals is no goal
    (None, "今年以来累计完成407个，占年度计划440个的92.5%", "440个", "target"),
    (None, "今年以来累计完成407个，占年度计划440个的92.5%", "92.5%", "actual"),
    (None, "目前全县晚稻已插面积39.2万亩，占计划面积的96.1%", "96.1%", "actual"),
    (None, "将分类工作纳入目标绩效考核，分值权重由2022年的2分提高到4分", "4分", "actual"),
    (None, "纳入乡镇年度目标责任考核，委托第三方机构开展模拟测评4轮", "4轮", "actual"),
    # a goal reached, compared with or listed in, or what lies outside a plan, is no goal
    (None, "在138项可监测指标中，已达到或提前达到目标值的指标112项", "112项", "actual"),
    (None, "对照年初目标，出口额等3项指标尚未完成", "3项", "actual"),
    (None, "正在解决或已列入计划逐步解决的39件，占25.7%", "39件", "actual"),
    (None, "87.5%的受访者认为消费券带动了计划外消费", "87.5%", "actual"),
    # the level a change starts from stands now; the level it is to reach is the goal
    (None, "三是力争人工影响天气作业点由14个增加至18个", "14个", "actual"),
    (None, "三是力争人工影响天气作业点由14个增加至18个", "18个", "target"),
])
def test_resolve_kind(frame, sentence, text, kind):
    context = Context(year=2016, frames=(Frame(0, frame, 2016),) if frame else ())
    assert resolve_kind(sentence, amount_in(sentence, text), context, 10) == kind


def test_claims_of_a_speech_take_their_frame_years():
    raw = ("今天,我们召开2016年全市教育工作会议。\n一、2015年工作回顾\n全市新建幼儿园12所。\n"
           "二、2016年重点工作安排\n要新建幼儿园20所。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("12所", 2015, "actual"), ("20所", 2016, "target")]


def test_a_national_bulletin_belongs_to_the_country_and_its_title_year():
    raw = "2015年全国教育事业发展统计公报\n全国共有幼儿园22.37万所,学前三年毛入园率达到75.0%。全国普通高中1.32万所。"
    assert [(c.text, c.locality, c.year) for c in extract_claims(raw)] == [
        ("22.37万所", "中国", 2015), ("75.0%", "中国", 2015), ("1.32万所", "中国", 2015)]


def test_a_national_figure_in_a_city_speech_belongs_to_the_country():
    raw = "今天,我们召开2016年全市教育工作会议。葫芦岛市学前三年毛入园率达到90%,全国平均水平为75%。"
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [("90%", "葫芦岛市"), ("75%", "中国")]


def test_a_stated_place_is_used_where_the_text_names_none():
    from tracker.pipeline import extract_document
    from tracker.places import load_gazetteer
    place = load_gazetteer().by_name("绥中县")[0]
    raw = "今天,我们召开2016年全县教育工作会议。全县新建幼儿园3所。"
    assert [(c.text, c.locality) for c in extract_document(raw, place=place).claims] == [("3所", "绥中县")]
    assert [(c.text, c.locality) for c in extract_document(raw).claims] == [("3所", None)]


@pytest.mark.parametrize("title,year", [
    ("2016年工作总结", 2016),
    ("兴城市教育局2016年工作总结", 2016),
    ("葫芦岛市2014年教育事业发展统计公报", 2014),
    ("绥中县人民政府二〇一五年度工作报告", 2015),
])
def test_a_report_title_gives_its_year_after_the_place_or_organ_that_issues_it(title, year):
    # The summary reviews its own year and plans the next: the title's year is the report's.
    text = f"{title}\n\n一、主要工作\n全县新建幼儿园3所。\n二、2017年工作打算\n新建幼儿园4所。"
    assert section_context(text).year == year


def test_an_officers_own_yearly_report_covers_its_year_and_plans_the_one_it_is_written_in():
    raw = ("宜都市水利和湖泊局局长2021年度述职述责述廉报告\n发布时间：2022-01-18 16:05\n"
           "一、履职尽责情况\n全年完成水利投资5.38亿元。\n二、2022年工作打算\n今年，我将重点抓好以下五个方面工作：力争全年完成水利投资6亿元以上。")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("5.38亿元", 2021), ("五个", 2022), ("6亿元以上", 2022)]


def test_a_heading_on_a_years_work_reviews_it_and_one_on_its_forecast_plans():
    raw = ("沂源县2024年度地质灾害防治方案\n一、2023年地质灾害防治工作情况\n全年投入防治资金1386万元。\n"
           "二、2024年地质灾害趋势预测\n预计全年发生地质灾害3～4次。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [("1386万元", 2023, "actual"), ("3～4次", 2024, "target")]


def test_a_notice_of_a_project_sets_out_what_is_planned_for_its_year():
    raw = ("首页　|　政府信息公开　|　公示公告\n关于高平市2023年3.2万亩高标准农田建设项目的公示\n"
           "发布时间：2023-08-11 09:25\n四、建设地点及规模\n项目建设总面积3.2万亩。\n"
           "五、项目前期工作情况\n项目区受益农户1.18万户。")
    # a heading on 工作情况 that names no year opens no review
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("3.2万亩", 2023, "target"), ("3.2万亩", 2023, "target"), ("1.18万户", 2023, "target")]


def test_a_heading_on_a_years_requirements_plans_that_year():
    raw = ("潍坊市应急管理局关于二〇二三年度全市自然灾害情况的通报\n发布时间：2024-01-18 09:32\n"
           "全年紧急转移安置612人。\n六、二〇二四年工作要求\n全年组织灾情统计业务培训不少于2期。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [("612人", 2023, "actual"), ("不少于2期", 2024, "target")]


def test_a_report_on_the_years_key_work_is_no_plan():
    raw = ("白山市人民政府督查室关于2023年第三季度全市重点工作督查考核情况的通报\n发布时间：2023-10-20 16:05\n"
           "一、总体情况\n全市2023年度分解落实重点工作任务326项，已完成或达到序时进度的297项。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [("326项", 2023, "actual"), ("297项", 2023, "actual")]


def test_a_proposal_and_its_estimated_effects_are_planned():
    raw = ("安庆市区居民生活用水阶梯价格调整方案（征求意见稿）\n发布时间：2024-06-14 09:32\n二、现行水价情况\n"
           "现行居民第一级自来水价格为1.85元/立方米。\n三、调整方案\n第一级自来水价格调整为2.20元/立方米。\n"
           "四、调价影响测算\n第一级用水户户均每月增加支出约3.1元。")
    assert [(c.text, c.kind) for c in extract_claims(raw)] == [
        ("1.85元/立方米", "actual"), ("2.20元/立方米", "target"), ("约3.1元", "target")]


def test_a_page_naming_no_place_of_its_own_is_of_its_issuers():
    raw = ("我省最低工资标准4月1日起上调\n来源：威县人力资源和社会保障局　　发布时间：2025-03-26 09:12\n"
           "调整后，全省一档月最低工资标准为2350元。此次调整后，我县失业保险金标准提高到1755元。")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [("2350元", "河北省"), ("1755元", "威县")]


def test_a_speech_at_the_county_meeting_of_a_year_reviews_the_past_year():
    text = "在全县2020年卫生健康工作会议上的讲话\n同志们：\n过去的一年，全县卫生工作取得显著成效。\n全县共有医疗卫生机构386个。"
    context = section_context(text)
    assert (context.year, context.reviewed_year) == (2020, 2019)


def test_main_work_of_a_year_is_its_plan_unless_it_reports_what_was_done():
    from tracker.pipeline import extract_claims
    text = "北票市2019年政府工作报告\n一、2018年工作回顾\n引进项目8个。\n二、2019年主要工作\n实施重点项目60个。"
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [("8个", 2018, "actual"), ("60个", 2019, "target")]
    # 主要工作完成情况 reports what was done: a review of its year (a line of its own, not a numbered
    # heading, which names a past year and is a review for that alone)
    assert section_context("2019年政府工作报告\n2018年主要工作完成情况\n新建学校3所。").frames == (
        Frame(19, "review", 2018),)


@pytest.mark.parametrize("title,reviewed", [
    ("建昌县2022年上半年工作总结", 2022),
    ("2018年兴城市教育事业发展统计公报", 2018),
    ("2016年绥中县人民政府工作报告", 2015),  # given in its year, it reviews the year before
    ("喀左县2020年1-9月经济运行情况", 2020),
    ("建平县2019年上半年经济运行分析", 2019),
    ("喀左县大城子街道2020年工作总结", 2020),  # a town's report: the title's place ends in 街道
    ("绵阳市住房公积金2020年年度报告", 2020),  # an annual report, whatever issues it
])
def test_a_summary_reviews_its_title_year_and_a_work_report_the_year_before(title, reviewed):
    from tracker.pipeline import extract_claims
    text = f"{title}\n一、过去一年工作回顾\n全县新建幼儿园3所。"
    assert section_context(text).reviewed_year == reviewed
    assert [claim.year for claim in extract_claims(text)] == [reviewed]


@pytest.mark.parametrize("sentence,expected", [
    # 分别 after a list of places: the i-th amount of the run is of the i-th place.
    ("兴城市、绥中县义务教育巩固率分别达到98.2%和97.5%", [("98.2%", "兴城市"), ("97.5%", "绥中县")]),
    ("连山区、南票区和建昌县分别新建幼儿园3所、2所、4所",
     [("3所", "连山区"), ("2所", "南票区"), ("4所", "建昌县")]),
    # counts that do not match pair nothing: the places together
    ("兴城市、绥中县、建昌县分别新建幼儿园3所和5所", [("3所", "葫芦岛市"), ("5所", "葫芦岛市")]),
    # a breakdown by place: each clause names the place of its amount
    ("分县(市)区看,兴城市在校生4.2万人,绥中县在校生5.1万人", [("4.2万人", "兴城市"), ("5.1万人", "绥中县")]),
    # a list of places with their amounts: each amount is of the place named since the one before
    ("绥中县新建学校3所、兴城市5所", [("3所", "绥中县"), ("5所", "兴城市")]),
    ("全县共有中小学85所，其中绥中县12所、兴城市8所、建昌县7所",
     [("85所", "葫芦岛市"), ("12所", "绥中县"), ("8所", "兴城市"), ("7所", "建昌县")]),
    # a name with digits (PM2.5) between the places and 分别 still pairs them
    ("兴城市、绥中县PM2.5年均浓度分别为40、38微克/立方米", [("40", "兴城市"), ("38微克/立方米", "绥中县")]),
    # places listed before 均: each amount is of its place, the last opening what they share
    ("兴城市、绥中县一般公共预算收入均突破20亿元", [("突破20亿元", "兴城市"), ("突破20亿元", "绥中县")]),
    # places listed before 各: each amount is of its place
    ("兴城市、绥中县各新建幼儿园2所", [("2所", "兴城市"), ("2所", "绥中县")]),
    # a total before its parts takes no place from them
    ("全市共有幼儿园120所，其中前所镇12所", [("120所", "葫芦岛市"), ("12所", "前所镇")]),
    # places listed in the clause before a lone 各, or before 分别 and one amount
    ("对达标较早的兴城市、绥中县，市财政各奖励50万元", [("50万元", "兴城市"), ("50万元", "绥中县")]),
    ("兴城市、绥中县分别新建幼儿园1所", [("1所", "兴城市"), ("1所", "绥中县")]),
    # a count of the list between it and 分别 still pairs them
    ("前所镇、高岭镇、沙后所镇3个乡镇分别新建幼儿园2所、1所和3所",
     [("3个", "葫芦岛市"), ("2所", "前所镇"), ("1所", "高岭镇"), ("3所", "沙后所镇")]),
    ("对前所镇、高岭镇、沙后所镇3所敬老院实施改造，分别新增床位80张、90张和70张",
     [("3所", "葫芦岛市"), ("80张", "前所镇"), ("90张", "高岭镇"), ("70张", "沙后所镇")]),
    # 全国 opening an honour's name makes no figure national; 改造街道 and 县乡 are no towns
    ("全市现有全国重点文物保护单位5处、市级文物保护单位112处", [("5处", "葫芦岛市"), ("112处", "葫芦岛市")]),
    ("新建改造街道综合养老服务中心19处，培训县乡经办人员400余人次",
     [("19处", "葫芦岛市"), ("400余人次", "葫芦岛市")]),
    # a second run after 分别 with no list of its own pairs with the same places
    ("兴城市、绥中县分别新建幼儿园3所、2所，投资分别为1200万元和800万元",
     [("3所", "兴城市"), ("2所", "绥中县"), ("1200万元", "兴城市"), ("800万元", "绥中县")]),
    # the run after 分别 ends at the amount joined by 和: a comma after it opens a clause
    ("兴城市、绥中县、建昌县分别新建幼儿园5所、2所和1所，6所幼儿园通过验收",
     [("5所", "兴城市"), ("2所", "绥中县"), ("1所", "建昌县"), ("6所", "葫芦岛市")]),
    # a district written right after its city is the district
    ("辽宁省葫芦岛市兴城市新建幼儿园3所", [("3所", "兴城市")]),
    # towns whose names end in 县 or 乡 before 镇
    ("旧县镇、永乡镇苹果种植面积分别达到9.6万亩、8.3万亩", [("9.6万亩", "旧县镇"), ("8.3万亩", "永乡镇")]),
])
def test_amounts_take_the_place_listed_for_them(sentence, expected):
    raw = f"今天,我们召开2016年葫芦岛市教育工作会议。\n{sentence}。"
    assert [(c.text, c.locality) for c in extract_claims(raw)] == expected


def test_an_amount_after_a_clause_naming_what_ranks_first_is_of_its_place_and_noun():
    raw = ("2020年连云港市第七次全国人口普查公报。\n各县区城镇人口比重在46.8%～91.2%之间，"
           "其中海州区最高，为91.2%，灌南县最低，为46.8%。灌云县60岁及以上人口比重最高，为25.36%。")
    assert [(c.text, c.metric_label, c.locality) for c in extract_claims(raw)] == [
        ("46.8%～91.2%", "各县区城镇人口比重", "连云港市"), ("91.2%", "各县区城镇人口比重", "海州区"),
        ("46.8%", "各县区城镇人口比重", "灌南县"), ("25.36%", "60岁及以上人口比重", "灌云县")]


def test_a_run_after_places_listed_in_the_clause_before_is_of_them_and_of_what_they_rank_by():
    raw = ("2023年台州市外贸运行情况。\n从区域看，温岭市、玉环市、临海市进出口规模位居全市前三，"
           "分别为142.6亿元、121.3亿元和98.7亿元。")
    assert [(c.text, c.metric_label, c.locality) for c in extract_claims(raw)] == [
        ("142.6亿元", "进出口规模", "温岭市"), ("121.3亿元", "进出口规模", "玉环市"), ("98.7亿元", "进出口规模", "临海市")]


def test_a_breakdown_by_place_measures_what_the_sentence_before_counted():
    raw = ("今天,我们召开2016年葫芦岛市教育工作会议。\n全市共有普通高中18所,其中民办高中3所。"
           "分县(市)区看,兴城市5所,绥中县4所。在校生3.2万人,兴城市0.9万人。")
    found = [(c.text, c.metric_label, c.locality) for c in extract_claims(raw)]
    total = found[0][1]
    assert total and found[2:4] == [("5所", total, "兴城市"), ("4所", total, "绥中县")]
    # in the same sentence as its whole, or with no whole of its unit before it, nothing is carried
    assert found[5] == ("0.9万人", None, "兴城市")


@pytest.mark.parametrize("text,years,claims", [
    # The title names the reviewed year first; the dateline names the meeting.
    ("关于朝阳市2020年预算执行情况和2021年预算草案的报告\n"
     "——2021年1月12日在朝阳市第十六届人民代表大会第五次会议上\n"
     "一、2020年预算执行情况\n全市一般公共预算收入完成50.2亿元。\n"
     "二、2021年预算草案\n全市一般公共预算收入安排52.7亿元。今年，一般公共预算收入预计增长5%。",
     (2021, 2020), [("50.2亿元", 2020, "actual"), ("52.7亿元", 2021, "target"), ("5%", 2021, "target")]),
    # An audit report reviews its title year at the meeting of its dateline; 今年以来 is this year.
    ("关于光山县2020年度县级预算执行和其他财政收支的审计工作报告\n"
     "——2021年8月26日在光山县第十五届人民代表大会常务委员会第三十九次会议上\n"
     "审计发现，27个预算单位未纳入国库集中支付范围。\n"
     "今年以来，县审计局共移送问题线索5件。",
     (2021, 2020), [("27个", 2020, "actual"), ("5件", 2021, "actual")]),
    # So does a report on a year's state, at a meeting whose day is hidden.
    ("您当前的位置：首页 > 常委会会议 > 会议文件\n"
     "衢州市人民政府关于2019年度国有资产管理情况的综合报告\n"
     "——2020年10月xx日在衢州市第七届人民代表大会常务委员会第xx次会议上\n"
     "全市国有企业资产总额1862.4亿元。\n"
     "四、下一步工作安排\n力争国有企业利润总额增长8%。",
     (2020, 2019), [("1862.4亿元", 2019, "actual"), ("8%", 2020, "target")]),
    # A heading naming next year's plan draft opens its plan.
    ("关于开化县2019年国民经济和社会发展计划执行情况与2020年国民经济和社会发展计划草案的报告\n"
     "——2020年1月xx日在开化县第十六届人民代表大会第四次会议上\n"
     "一、2019年国民经济和社会发展计划执行情况\n全县地区生产总值增长7.1%。\n"
     "二、2020年国民经济和社会发展计划草案\n地区生产总值增长6.5%左右。",
     (2020, 2019), [("7.1%", 2019, "actual"), ("6.5%左右", 2020, "target")]),
    # A report on a year's final accounts, titled by that year, given at a meeting in July of the next.
    ("关于平江县二〇二一年财政决算的报告\n"
     "——二〇二二年七月二十八日在平江县第十七届人民代表大会常务委员会第五次会议上\n"
     "全县一般公共预算收入完成15.2亿元。\n二、2022年上半年预算执行情况\n今年1—6月，全县一般公共预算收入完成8.1亿元。",
     (2022, 2021), [("15.2亿元", 2021, "actual"), ("8.1亿元", 2022, "actual")]),
    # No meeting: the title's plan year is the year after the review, and 今年 is the year reviewed.
    ("市科技局关于“十三五”科技创新工作总结和2021年工作计划\n"
     "一、“十三五”科技创新工作主要成效\n全市高新技术企业达到412家。\n"
     "（六）2020年重点工作圆满完成\n今年1—11月，全市登记技术合同2183项。\n"
     "二、2021年工作建议\n新增高新技术企业50家。",
     (2020, 2020), [("412家", 2020, "actual"), ("2183项", 2020, "actual"), ("50家", 2021, "target")]),
    # A meeting named without its month, under a dateline in the second half of its year, reviews
    # that year (the school year that ended in its summer).
    ("在全县2024年秋季开学工作会议上的讲话\n县教育体育局局长　李东升\n（2024年8月26日）\n"
     "今天，我们召开全县2024年秋季开学工作会议。\n一、2023—2024学年工作回顾\n全县本科上线11,862人。",
     (2024, 2024), [("11,862人", 2024, "actual")]),
    # A heading on what was newly achieved reviews its year; one on doing a year's work well plans
    # the year it names (its plan for 明年 too).
    ("在全县春耕生产工作会议上的讲话\n（2024年3月6日）\n一、2023年全县农业生产取得新成效\n全县粮食总产151.2万吨。\n"
     "二、清醒认识当前春耕生产面临的形势\n目前，全县储备化肥4.2万吨。\n"
     "三、扎实做好今年春耕生产各项工作\n全县小麦播种面积116.2万亩。",
     (2024, 2023), [("151.2万吨", 2023, "actual"), ("4.2万吨", 2024, "actual"), ("116.2万亩", 2024, "target")]),
    # …but a part on the problems too speaks of the year reviewed
    ("在全县春耕生产工作会议上的讲话\n（2024年3月6日）\n一、2023年全县农业生产取得新成效\n全县粮食总产151.2万吨。\n"
     "二、清醒认识当前形势和存在的问题\n全县种粮农户中60岁以上人员占比超过六成。",
     (2024, 2023), [("151.2万吨", 2023, "actual"), ("超过六成", 2023, "actual")]),
    ("在全县经济工作会议上的讲话\n（2023年12月18日）\n一、肯定成绩\n全县粮食总产151.2万吨。\n"
     "二、认清形势，坚定做好明年经济工作的信心\n三、突出重点，全力做好2024年经济工作\n新增城镇就业岗位不少于6,000个。",
     (2023, 2023), [("151.2万吨", 2023, "actual"), ("不少于6,000个", 2024, "target")]),
])
def test_a_reports_title_and_dateline_give_its_meeting_and_reviewed_years(text, years, claims):
    context = section_context(text)
    assert (context.year, context.reviewed_year) == years
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == claims


def test_a_news_item_names_its_year_in_the_meeting_it_reports():
    text = ("信丰县召开一季度重大项目推进暨招商引资调度会\n"
            "4月13日上午，信丰县召开2023年一季度重大项目推进暨招商引资调度会。\n一季度，全县共签约项目36个。")
    assert section_context(text).year == 2023
    assert [(c.text, c.year) for c in extract_claims(text)] == [("36个", 2023)]


def test_a_press_conference_on_a_years_work_reviews_it_and_plans_the_year_it_is_held():
    text = ("长治市召开2023年全市文物工作新闻发布会\n来源：长治市文物局　　发布时间：2024-01-18 10:15\n"
            "1月17日上午，长治市召开2023年全市文物工作新闻发布会，市文物局局长介绍2023年全市文物保护利用"
            "工作情况和2024年重点工作安排。\n全市共实施文物保护修缮项目68个。\n"
            "谈到今年的工作，局长表示，计划实施文物保护修缮项目70个以上。")
    assert [(c.text, c.year, c.kind) for c in extract_document(text).claims] == [
        ("68个", 2023, "actual"), ("70个以上", 2024, "target")]


def test_a_title_naming_a_summary_and_a_plan_opens_with_the_summary():
    text = "建平县2020年工作总结及2021年工作打算\n全县新建幼儿园3所。\n二、2021年工作打算\n全县新建幼儿园4所。"
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("3所", 2020, "actual"), ("4所", 2021, "target")]
    # a heading that reports what was done opens a review
    text = "建平县2020年工作总结\n二、2021年工作计划\n新建幼儿园4所。\n三、2020年工作完成情况\n新建幼儿园3所。"
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("4所", 2021, "target"), ("3所", 2020, "actual")]


@pytest.mark.parametrize("sentence,expected", [
    # a span up to the year reviewed (a 2017 meeting reviewing 2016) frames a total
    ("2012年以来,全市共招聘新教师3800人", [("3800人", None, "2012-2016")]),
    ("过去五年,全市累计完成固定资产投资586亿元", [("586亿元", None, "2012-2016")]),
    ("近3年,全市新建学校58所", [("58所", None, "2014-2016")]),
    ("三年来,全市共投入资金12亿元,年均增长8%", [("12亿元", None, "2014-2016"), ("8%", 2016, None)]),
    # an amount with a year of its own is of that year
    ("2012年以来,全市累计投入资金12亿元,其中2016年投入3亿元",
     [("12亿元", None, "2012-2016"), ("3亿元", 2016, None)]),
    ("“十二五”以来,全市加大投入,2014年,全市职业教育经费投入为1.2亿元", [("1.2亿元", 2014, None)]),
    ("“十二五”期间,全市教育经费比2010年增加了8亿元", [("8亿元", None, "2011-2015")]),
    # a multiple is no total: 是“十二五”时期的1.3倍 is of the year reviewed
    ("“十三五”时期,一般公共预算收入累计完成42.6亿元,是“十二五”时期的1.3倍",
     [("42.6亿元", None, "2016-2020"), ("1.3倍", 2016, None)]),
    ("五年累计投入民生资金176.4亿元", [("176.4亿元", None, "2012-2016")]),
    ("五年间，全市累计捐资4600万元", [("4600万元", None, "2012-2016")]),
    # a sentence opening on its count of years: that span, and the count is no claim
    ("五年新建改造城镇道路46公里、供热管网38公里",
     [("46公里", None, "2012-2016"), ("38公里", None, "2012-2016")]),
    # …but not a grade, a school system or a plan's name
    ("五年级学生有300人", [("300人", 2016, None)]),
    ("九年一贯制学校新建3所", [("3所", 2016, None)]),
    ("三年行动计划完成投资5亿元", [("5亿元", 2016, None)]),
    # no span: one year, or no number of years
    ("一年来,全市新建学校3所", [("3所", 2016, None)]),
    ("多年来,全市新建学校3所", [("3所", 2016, None)]),
    # a span may open on what began in its first year; a stock of now after it is no total over it
    ("自2012年全面实施改薄项目以来,全市累计投入资金12亿元", [("12亿元", None, "2012-2016")]),
    ("2014年首届推介会举办以来,累计签约项目87个,目前已开工项目61个",
     [("87个", None, "2014-2016"), ("61个", 2016, None)]),
])
def test_a_span_up_to_the_reviewed_year_is_the_period_of_a_total(sentence, expected):
    raw = f"今天,我们召开2017年全市教育工作会议。\n一、2016年工作回顾\n{sentence}。"
    assert [(c.text, c.year, c.period) for c in extract_claims(raw)] == expected


def test_a_span_in_a_speech_that_reviews_no_year_runs_to_the_meeting_year():
    raw = "今天我们召开2021年区委教育工作领导小组全体会议。\n2018年以来,新建扩建10处中小学、5处幼儿园。"
    assert [(c.text, c.year, c.period) for c in extract_claims(raw)] == [
        ("10处", None, "2018-2021"), ("5处", None, "2018-2021")]


def test_sentences_under_a_colon_are_read_with_its_opener():
    # the goals of a plan period, listed after its colon, are levels of the period's end year
    raw = ("今天,我们召开2016年全市教育工作会议。\n二、2016年重点工作安排\n"
           "我们确定的“十三五”总体发展目标是:学前三年毛入园率达到77.2%;义务教育巩固率达到97%以上。"
           "高校在校学生数量达到4.5万人。\n全市新建幼儿园12所。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("77.2%", 2020, "target"), ("97%以上", 2020, "target"), ("4.5万人", 2020, "target"), ("12所", 2016, "target")]
    # a bulletin's year named before the colon dates the items after it
    raw = "朝阳市统计公报\n2019年，全市有以下几类学校：小学120所；初中45所。"
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("120所", 2019), ("45所", 2019)]
    # the speaker's address opens the speech, not a list: its byline's year dates nothing
    raw = ("在2013年全市教育工作会议上的讲话 局长(2013年2月27日)同志们:今天召开会议。一、2012年工作回顾。"
           "全市新建幼儿园11所。")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("11所", 2012)]


def test_a_time_opening_a_sentence_dates_the_items_semicolons_join_to_it():
    # a review of 2023 in a 2024 speech: the items after ； are of the year the sentence opens with
    raw = ("在2024年全州工作会议上的讲话\n今天召开2024年全州工作会议。\n"
           "2023年，全州发生肇事1,286起，同比下降8.4%；共受理理赔案件4,372件；结案率达到98.7%。\n"
           "“十四五”以来，全州建设防护围栏136.8公里；为46个村寨实施防护工程；自2019年以来累计投入3.2亿元。\n"
           "全州新建避险屋260个。")
    assert [(c.text, c.year, c.period) for c in extract_claims(raw)] == [
        ("1,286起", 2023, None), ("8.4%", 2023, None), ("4,372件", 2023, None), ("98.7%", 2023, None),
        ("136.8公里", None, "2021-2024"), ("46个", None, "2021-2024"),
        ("3.2亿元", None, "2019-2024"),  # an item naming a time of its own stands under its own
        ("260个", 2024, None)]  # a full stop ends it


def test_a_heading_on_the_next_steps_opens_a_plan_and_one_on_cases_a_review():
    raw = ("关于全市采煤沉陷区综合治理工作情况的报告\n——2024年10月24日在市人民代表大会常务委员会会议上\n"
           "一、主要工作及成效\n全市新建安置小区3个。\n四、下一步工作\n新增光伏装机10万千瓦。\n"
           "五、典型案例\n桃山区建成湿地公园2处。\n")
    assert [(c.text, c.kind) for c in extract_claims(raw)] == [
        ("3个", "actual"), ("10万千瓦", "target"), ("2处", "actual")]
    # a heading naming what was done and the next steps opens no plan
    raw = raw.replace("四、下一步工作", "四、前三季度累计情况及下一步工作")
    assert [(c.text, c.kind) for c in extract_claims(raw)][1] == ("10万千瓦", "actual")


def test_a_year_opening_a_sentence_dates_the_sentences_after_it_on_its_line():
    # a report given in mid-2024 on the year before: what follows 2023年，… in its paragraph is of
    # 2023, up to a sentence naming a time or a present state of its own, and not past the line
    raw = ("关于全县茶产业发展情况的报告\n——2024年6月20日在县人民代表大会常务委员会会议上\n一、基本情况\n"
           "（一）规模扩大。2023年，全县茶叶产值达到46亿元，增长8.7%。茶叶税收1.2亿元。建成加工厂12个。"
           "目前全县有茶农3.1万户。新增茶园900亩。\n全县有茶叶合作社64个。")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [
        ("46亿元", 2023), ("8.7%", 2023), ("1.2亿元", 2023), ("12个", 2023),
        ("3.1万户", 2024),  # 目前: the state at the meeting, which ends the carry
        ("900亩", 2024), ("64个", 2024)]
    # a year compared with is no time of the sentence's own: it does not end the carry, and the
    # level 由上年的… is of the year before the carried one
    raw = ("某市卫生健康统计公报\n2019年，全市户籍活产数48706人。人均卫生总费用比上年增长6.2%。"
           "孕产妇死亡率由上年的12.23/10万下降到10.27/10万。\n")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [
        ("48706人", 2019), ("6.2%", 2019), ("12.23/10万", 2018), ("10.27/10万", 2019)]
    # in a review over years, what follows a year's event is over the span again
    raw = ("在共青团县第十五次代表大会上的报告\n（2021年3月18日）\n一、过去五年的工作回顾\n"
           "五年来，全县累计发放创业贷款2.36亿元。2020年，在城关镇建设孵化基地4个。开展专场招聘会45场。")
    assert [(c.text, c.year, c.period) for c in extract_claims(raw)] == [
        ("2.36亿元", None, "2016-2020"), ("4个", 2020, None), ("45场", None, "2016-2020")]


@pytest.mark.parametrize("raw,expected", [
    # 全省 opening a clause: the province of the document's place; 我县: the place itself
    ("今天,我们召开2019年全县教育工作会议。绥中县有中小学85所。\n全省学前三年毛入园率为88%，我县达到92%。",
     [("85所", "绥中县"), ("88%", "辽宁省"), ("92%", "绥中县")]),
    ("今天,我们召开2019年全市教育工作会议。葫芦岛市有中小学385所。\n"
     "全国学前三年毛入园率为81.7%，辽宁省为85.2%，其中我市为90.1%。",
     [("385所", "葫芦岛市"), ("81.7%", "中国"), ("85.2%", "辽宁省"), ("90.1%", "葫芦岛市")]),
    # 全省 inside a clause names no one's figure: 通过全省验收 is the county's count
    ("今天,我们召开2019年全县教育工作会议。绥中县有中小学85所。\n通过全省验收的学校有12所。",
     [("85所", "绥中县"), ("12所", "绥中县")]),
    # a year or a part of it may open the clause before 全省
    ("郑州市2023年中欧班列开行情况\n郑州市开行2,868列。2023年全省中欧班列共开行3,162列。上半年全省开行1,500列。",
     [("2,868列", "郑州市"), ("3,162列", "河南省"), ("1,500列", "河南省")]),
])
def test_a_clause_opening_with_the_province_or_the_speakers_own_place(raw, expected):
    assert [(c.text, c.locality) for c in extract_claims(raw)] == expected


def test_a_place_in_a_later_clause_with_a_figure_of_its_own_is_not_the_earlier_figures():
    raw = ("保山市2023年咖啡产业发展情况报告\n隆阳区、腾冲市咖啡种植面积分别为30万亩、8万亩。"
           "全市咖啡馆发展到205家，其中中心城区168家，潞江镇依托咖啡庄园发展特色咖啡馆37家。"
           "全年招收新生1142人，完成株洲市下达招生计划的103.8%。")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [
        ("30万亩", "隆阳区"), ("8万亩", "腾冲市"), ("205家", "保山市"), ("168家", "保山市"), ("37家", "潞江镇"),
        ("1142人", "保山市"), ("103.8%", "保山市")]


def test_places_listed_before_ge_are_localities_not_labels():
    raw = "今天,我们召开2019年全县教育工作会议。绥中县有学校85所。\n其中前所镇、高岭镇各投入资金50万元。"
    assert [(c.text, c.locality, c.metric_label) for c in extract_claims(raw)][1:] == [
        ("50万元", "前所镇", "投入资金"), ("50万元", "高岭镇", "投入资金")]


def test_the_plan_for_the_rest_of_the_year_is_a_plan_frame():
    raw = "建平县教育局2020年上半年工作总结\n一、主要工作完成情况\n新建幼儿园3所。\n二、下半年工作打算\n新建幼儿园4所。"
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [("3所", 2020, "actual"), ("4所", 2020, "target")]


def test_top_level_headings_that_affirm_results_or_name_tasks_open_review_and_plan():
    raw = ("在2016年全市教育工作会议上的讲话\n一、充分肯定成绩，全市教育事业取得显著成就\n全市新建幼儿园112所。\n"
           "二、清醒认识当前教育面临的形势和问题\n全市66人以上超大班额仍有120个。\n"
           "三、突出重点，推动“十三五”教育事业开好局\n新建幼儿园80所。\n据统计，全市共有幼儿园901所。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("112所", 2015, "actual"), ("120个", 2015, "actual"), ("80所", 2016, "target"), ("901所", 2016, "actual")]


def test_a_heading_names_the_year_of_its_plan():
    raw = "故城县教育局2018年工作总结和2019年工作思路\n一、2018年主要工作完成情况\n新建幼儿园3所。\n三、2019年工作思路\n新建幼儿园4所。"
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [("3所", 2018, "actual"), ("4所", 2019, "target")]


def test_goals_under_a_plan_periods_name_are_levels_of_its_end_year_unless_accumulated():
    raw = ("2021年光山县人民政府工作报告\n二、“十四五”时期的工作展望\n“十四五”时期主要发展目标是：一般公共预算收入"
           "达到16亿元；常住人口城镇化率达到52%；新建学校30所。")
    assert [(c.text, c.year, c.period, c.kind) for c in extract_claims(raw)] == [
        ("16亿元", 2025, None, "target"), ("52%", 2025, None, "target"), ("30所", None, "2021-2025", "target")]


def test_a_span_written_with_its_two_years_frames_the_totals_after_it():
    raw = ("今天,我们召开2017年全市教育工作会议。\n一、2016年工作回顾\n2011—2016年，全区累计投入资金4.68亿元，"
           "新建幼儿园63所。2018年至2020年，全区计划新建幼儿园22所，毛入园率达到98%。")
    assert [(c.text, c.year, c.period, c.kind) for c in extract_claims(raw)] == [
        ("4.68亿元", None, "2011-2016", "actual"), ("63所", None, "2011-2016", "actual"),
        ("22所", None, "2018-2020", "target"), ("98%", 2020, None, "target")]


def test_a_plan_over_years_is_of_its_first_year_with_goals_for_its_last():
    raw = ("铜山区学前教育第三期行动计划（2017—2020年）\n一、发展现状\n全区共有幼儿园186所。\n二、总体目标\n"
           "学前三年毛入园率达到98%以上。计划期内新建、改扩建幼儿园36所。每年新创成省优质幼儿园8所。")
    context = section_context(raw)
    assert (context.year, context.reviewed_year, context.span) == (2017, 2017, (2017, 2020))
    assert [(c.text, c.year, c.period, c.kind) for c in extract_claims(raw)] == [
        ("186所", 2017, None, "actual"), ("98%以上", 2020, None, "target"),
        ("36所", None, "2017-2020", "target"), ("8所", None, None, "target")]  # each year's: none of them


def test_years_listed_before_ge_or_fenbie_are_the_years_of_their_amounts():
    raw = ("铜山区学前教育第三期行动计划（2017—2020年）\n二、主要任务\n其中，2018年新建幼儿园8所，2019年、2020年各新建7所。"
           "区财政2018年、2019年、2020年分别安排3,200万元、3,500万元、3,800万元。")
    assert [(c.text, c.year, c.metric_label) for c in extract_claims(raw)] == [
        ("8所", 2018, "新建幼儿园数"), ("7所", 2019, "新建学校数"), ("7所", 2020, "新建学校数"),
        ("3,200万元", 2018, "区财政安排"), ("3,500万元", 2019, "区财政安排"), ("3,800万元", 2020, "区财政安排")]


def test_a_span_of_as_many_years_before_fenbie_gives_each_amount_its_year():
    raw = ("城固县2023年政府债务管理情况的报告\n"
           "未来三年（2024—2026年）到期的政府债务本金分别为8.6亿元、9.4亿元和10.2亿元。"
           "2018年至2020年，每年公开招聘教师分别为180名、200名、220名。")
    assert [(c.text, c.year, c.period, c.metric_label) for c in extract_claims(raw)] == [
        ("8.6亿元", 2024, None, "未来三年到期的政府债务本金"), ("9.4亿元", 2025, None, "未来三年到期的政府债务本金"),
        ("10.2亿元", 2026, None, "未来三年到期的政府债务本金"),
        ("180名", 2018, None, "每年公开招聘教师数"), ("200名", 2019, None, "每年公开招聘教师数"),
        ("220名", 2020, None, "每年公开招聘教师数")]


def test_a_title_under_a_site_name_naming_a_review_and_a_plan_opens_with_the_review():
    raw = ("温宿县人民政府\n\n温宿县人力资源和社会保障局2023年工作总结及2024年工作计划\n"
           "发布日期：2023-12-28\n一、2023年工作开展情况\n全县城镇新增就业3126人。\n"
           "三、2024年工作计划\n力争城镇新增就业3000人以上。")
    # the title's review, its heading's (工作开展情况), and the plan's heading: not the title's plan
    assert [(f.kind, f.year) for f in section_context(raw).frames] == [
        ("review", 2023), ("review", 2023), ("plan", 2024)]
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("3126人", 2023, "actual"), ("3000人以上", 2024, "target")]
    raw = raw.replace("一、2023年工作开展情况", "一、主要做法")
    assert [(f.kind, f.year) for f in section_context(raw).frames] == [("review", 2023), ("plan", 2024)]


@pytest.mark.parametrize("raw,year", [
    # a library is an organ that issues a report; the year may be written with 〇
    ("三明市图书馆二〇二三年度报告\n发布时间：2024-03-08\n全馆在编职工58人。", 2023),
    # the year may follow the title in brackets
    ("乌审旗人民政府门户网站工作年度报表（二〇二三年度）\n发布日期：2024-01-26\n信息发布总数5862条。", 2023),
    # a headline under the site's name may open on it
    ("临洮县人民政府\n二〇二二年临洮县居民收入稳步增长　消费支出有所回落\n发布时间：２０２３－０２－２１\n"
     "全县居民人均可支配收入17507元。", 2022),
    # …but a paragraph opening on a year is no headline: the page is of its publication year
    # (published in the first half of the next year, it would be a lead reporting on its year)
    ("临洮县人民政府\n2022年，全县经济平稳运行\n发布时间：２０２３－０８－２１\n全县新建学校3所。", 2023),
])
def test_an_annual_report_is_of_the_year_its_title_names(raw, year):
    assert [c.year for c in extract_claims(raw)] == [year]


def test_a_page_leading_on_the_year_before_its_publication_reports_on_that_year():
    raw = ("惠州市人民政府门户网站\n我市5G基站总数突破1.5万座\n来源：惠州日报　　发布时间：2024-02-27 08:45\n"
           "惠州日报讯　记者近日从市工业和信息化局获悉，2023年，我市全年新建5G基站4,126座。"
           "去年共受理投诉1,260件。今年1月，全市新开通5G基站216座。\n"
           "下一步，我市将新培育5G应用标杆项目20个以上。\n")
    assert [(f.kind, f.year) for f in section_context(raw, published=2024, published_month=2).frames] == [
        ("report", 2023)]
    # its undated figures are of 2023; what it plans (将, unlike in a review) is a goal of 2024
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("突破1.5万座", 2023, "actual"), ("4,126座", 2023, "actual"), ("1,260件", 2023, "actual"),
        ("216座", 2024, "actual"), ("20个以上", 2024, "target")]
    # published in the second half of the year, it is of its own year
    later = raw.replace("2024-02-27", "2024-08-27")
    assert [c.year for c in extract_claims(later)] == [2024, 2023, 2023, 2024, 2024]


def test_a_page_leading_on_the_year_before_with_a_plan_for_its_own_year_reports_on_the_year_before():
    raw = ("鄂尔多斯市人民政府\n鄂尔多斯机场2023年旅客吞吐量创新高\n来源：市交通运输局　　发布时间：2024-01-10 16:20\n"
           "1月8日，记者从鄂尔多斯机场获悉，2023年，机场累计完成旅客吞吐量310.5万人次。\n"
           "全年受理旅客投诉23件。\n三、2024年工作目标\n力争旅客吞吐量达到350万人次。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("310.5万人次", 2023, "actual"), ("23件", 2023, "actual"), ("350万人次", 2024, "target")]


def test_a_heading_on_a_years_development_reviews_it():
    raw = ("湄潭县农业农村局关于2023年茶产业发展情况及2024年工作打算的报告\n发布时间：2024-01-18 10:15\n"
           "一、2023年茶产业发展情况\n全县茶叶总产量8.12万吨。\n二、存在的主要问题\n人工成本占比超过50%。\n"
           "三、2024年工作打算\n新建标准化茶园2万亩。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("8.12万吨", 2023, "actual"), ("超过50%", 2023, "actual"), ("2万亩", 2024, "target")]


def test_a_line_naming_a_years_state_and_a_coming_plan_reviews_that_year_first():
    raw = ("首页　　政务公开　　互动交流\n当前位置：首页 > 政务公开 > 部门动态\n"
           "沙湾市2023年棉花产业发展情况及2024年工作打算\n来源：沙湾市农业农村局　　发布时间：2023-12-18 10:26\n"
           "一、2023年棉花生产基本情况\n全市棉花种植面积102.6万亩。\n二、收购加工情况\n全市累计加工皮棉15.86万吨。\n"
           "三、2024年工作打算\n全市棉花种植面积稳定在100万亩左右。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("102.6万亩", 2023, "actual"), ("15.86万吨", 2023, "actual"), ("100万亩左右", 2024, "target")]


def test_a_half_year_report_and_plan_for_the_second_half_reviews_the_first_half():
    raw = ("盐池县人民政府门户网站\n首页 | 走进盐池 | 信息公开\n"
           "盐池县农业农村局关于2024年上半年滩羊产业发展情况及下半年工作打算的报告\n发布时间：2024-07-10 11:26\n"
           "一、上半年滩羊产业发展情况\n全县滩羊存栏152.8万只，同比增长3.6%。\n"
           "二、下半年工作打算\n新建标准化养殖场5个。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("152.8万只", 2024, "actual"), ("3.6%", 2024, "actual"), ("5个", 2024, "target")]


def test_a_table_on_part_of_a_years_budget_makes_no_report_of_the_year_after():
    raw = ("上海市闵行区人民政府\n首页 | 走进闵行 | 政务公开\n当前位置：首页 > 政务公开 > 计划总结\n"
           "闵行区国防动员办公室（区民防办）2024年上半年工作总结及下半年工作安排\n发布时间：2024-07-16 14:05\n"
           "一、上半年工作情况\n新建人防工程18万平方米。\n"
           "表1\u30002024年上半年民防主要项目预算执行情况\n单位：万元\n项目\u3000已支出\n警报建设\u3000320\n"
           "二、下半年工作安排\n新增民防特色社区5-8个。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("18万平方米", 2024, "actual"), ("320", 2024, "actual"), ("5-8个", 2024, "target")]


def test_a_heading_naming_a_past_year_and_no_frame_words_reviews_that_year():
    raw = ("在全市非织造布产业高质量发展推进会上的讲话\n发布时间：2024-03-01 16:20\n同志们：\n"
           "一、2023年全市非织造布产业发展稳中有进\n全市新建标准化厂房42万平方米。\n"
           "二、凝心聚力推动2024年非织造布产业实现新突破\n新建标准化厂房50万平方米。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("42万平方米", 2023, "actual"), ("50万平方米", 2024, "target")]
    # a heading on the year at hand is no review (一、2024年是…之年 states the year, not its results)
    raw = raw.replace("一、2023年", "一、2024年")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("42万平方米", 2024), ("50万平方米", 2024)]


def test_a_figure_about_a_located_unit_takes_its_place():
    raw = ("崇左市2023年口岸工作情况\n全市现有口岸7个，具体为：凭祥市境内的友谊关口岸和平而关口岸，龙州县境内的水口口岸。\n"
           "友谊关口岸货运量438.7万吨。\n口岸名称\t货运量（万吨）\n水口口岸\t215.4\n")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [
        ("7个", "崇左市"), ("438.7万吨", "凭祥市"), ("215.4", "龙州县")]


def test_a_report_on_a_class_is_of_the_year_the_class_is_named_by():
    raw = ("天津中德应用技术大学2023届毕业生就业质量年度报告\n毕业生总数为5634人。\n"
           "四、2024年工作目标\n力争毕业去向落实率达到92%。")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("5634人", 2023), ("92%", 2024)]


def test_a_page_dated_only_by_its_publication_late_in_a_year_reviews_it_and_plans_the_next():
    raw = ("关于嘉定区城镇燃气安全专项整治工作情况的报告\n发布时间：2023-12-20 16:42\n区人大常委会：\n"
           "一、专项整治工作开展情况\n全区安装燃气报警器5.2万台。\n三、下一步工作打算\n"
           "计划安排燃气安全专项资金1500万元。\n")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("5.2万台", 2023, "actual"), ("1500万元", 2024, "target")]
    # published in July, its plan is for the rest of that year; with no month, the year before is reviewed
    assert [c.year for c in extract_claims(raw.replace("2023-12-20", "2023-07-20"))] == [2023, 2023]
    assert [c.year for c in extract_claims(raw.replace("2023-12-20 16:42", "2023年"))] == [2022, 2023]


def test_a_relative_year_before_the_amount_beats_a_year_after_it():
    raw = "2023年工作总结\n明年计划完成老旧燃气管网改造40公里以上，到2025年底全面完成改造任务。"
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("40公里以上", 2024)]


def test_a_page_saying_what_date_its_figures_stand_at_is_of_that_year():
    raw = ("凌云县县情简介\n发布时间：2024-03-26 10:15\n（资料截至二〇二三年底）\n一、基本县情\n"
           "全县总面积２０５３平方公里，共有103个行政村。")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("２０５３平方公里", 2023), ("103个", 2023)]


def test_each_story_of_a_page_of_dated_stories_is_of_its_own_date_and_the_page_s_place():
    story = "全区加快推进老旧小区改造，群众获得感持续增强。" * 10
    raw = ("首页 | 走进南岸 | 政务公开\n南岸区2022年完成老旧小区改造项目 惠及居民1.2万户\n"
           f"发布时间：2023-01-10 09:32\n{story}\n全年完成投资6.83亿元。\n\n"
           f"今年南岸计划改造老旧小区126个\n发布时间：2023-04-18 16:05\n{story}\n全区新开工项目37个。\n")
    assert [(c.text, c.year, c.locality) for c in extract_claims(raw)] == [
        ("1.2万户", 2022, "南岸区"), ("6.83亿元", 2022, "南岸区"),
        ("126个", 2023, "南岸区"), ("37个", 2023, "南岸区")]


def test_a_story_about_a_later_year_counts_its_relative_years_from_its_publication():
    story = "县教育局根据全县学龄人口预测，统筹安排招生工作。" * 10
    raw = ("攸县人民政府门户网站\n攸县2025年秋季招生计划公布　城区新增学位1800个\n"
           f"发布时间：2024-12-18 10:05\n{story}\n明年全县普通高中计划招生61个班，比今年增加4个班。\n"
           "全县初中学校共设学位3355个。\n")
    # 明年 of a page published in 2024 is 2025, the year the headline names
    assert [(c.text, c.year) for c in extract_claims(raw)] == [
        ("1800个", 2025), ("61个", 2025), ("4个", 2025), ("3355个", 2025)]


def test_a_heading_found_twice_keeps_the_year_either_names():
    raw = ("乌审旗人民政府门户网站工作年度报表（二〇二三年度）\n发布日期：2024-01-26\n信息发布总数5862条。\n"
           "五、存在问题和2024年工作打算\n"
           "2024年，将按照“十四五”数字政府建设规划要求，力争政务公开事项更新及时率达到90%以上。")
    # the year the sentence names wins over the plan period's end
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("5862条", 2023, "actual"), ("90%以上", 2024, "target")]


def test_a_plan_named_in_a_title_opens_no_frame():
    raw = "关于全县义务教育均衡发展情况的调研报告\n根据《昭平县人大常委会2019年工作要点》安排，调研组开展了调研。\n全县共有学校115所。"
    assert section_context(raw).frames == ()
    # …nor one the text cites as its ground
    raw = "关于检查食品安全法实施情况的报告\n根据市人大常委会2023年度监督工作计划安排，检查组开展了检查。\n全市建成监管所61个。"
    assert section_context(raw).frames == ()
    assert [(c.text, c.kind) for c in extract_claims(raw)] == [("61个", "actual")]


@pytest.mark.parametrize("text,year,reviewed", [
    # an issuer's announcement about a year (关于…的公告) covers that year
    ("佳木斯市统计局关于2022年粮食产量数据的公告\n全市粮食总产量达到245亿斤。", 2022, None),
    # a census bulletin is of its census's year
    ("大足区第七次全国人口普查公报\n全区常住人口为821357人。", 2020, None),
    # a page naming no year of its own is of the year it was published (the pipeline passes it)
    ("总投资186.5亿元！桂平市32个项目集中签约\n今年以来，全市签约项目100个。", None, None),
])
def test_a_title_without_a_meeting_still_dates_the_report(text, year, reviewed):
    context = section_context(text)
    assert (context.year, context.reviewed_year) == (year, reviewed)


def test_a_news_page_is_of_the_year_it_was_published():
    from tracker.pipeline import extract_document
    raw = ("总投资186.5亿元！桂平市32个项目集中签约\n来源：桂平市融媒体中心　　发布时间：2023-11-19 10:20\n"
           "今年以来，全市签约项目100个。")
    assert [(c.text, c.year) for c in extract_document(raw).claims] == [("186.5亿元", 2023), ("32个", 2023), ("100个", 2023)]
    # a copy uploaded to a document site is not published then
    uploaded = raw.replace("发布时间：2023-11-19", "上传时间:2023-11-19")
    assert [c.year for c in extract_document(uploaded).claims] == [None, None, None]
    # a publication date written in Chinese numerals (二〇二四年)
    chinese = raw.replace("发布时间：2023-11-19 10:20", "发布时间：二〇二四年四月十九日")
    assert [c.year for c in extract_document(chinese).claims] == [2024, 2024, 2024]
    # … or in full-width digits (２０２３-１１-０８)
    wide = raw.replace("发布时间：2023-11-19 10:20", "发布时间：２０２２-１１-０８　浏览次数：１５６")
    assert [c.year for c in extract_document(wide).claims] == [2022, 2022, 2022]


def test_an_outline_of_the_report_opens_no_frame():
    text = ("石柱县2022年气候公报\n本公报分为气候概况、主要气象灾害和2023年工作打算三个部分。\n"
            "一、气候概况\n全县年平均气温17.6℃。\n二、2023年工作打算\n计划新建区域自动气象站12个。")
    context = section_context(text)
    assert [(f.kind, f.year) for f in context.frames] == [("plan", 2023)]


def test_a_plan_heading_of_a_year_before_the_meeting_is_its_review():
    text = ("灵石县人大常委会工作报告\n——2023年1月10日在灵石县第十七届人民代表大会第三次会议上\n"
            "一、2022年主要工作\n听取审议关于2021年度县级预算执行情况的报告。召开常委会会议12次。\n"
            "二、2023年工作安排\n计划召开常委会会议8次。")
    context = section_context(text)
    assert (context.year, context.reviewed_year) == (2023, 2022)
    assert [(f.kind, f.year) for f in context.frames] == [("review", 2022), ("plan", 2023)]


def test_next_years_plan_heading_opens_the_year_after():
    from tracker.pipeline import extract_claims
    text = "后湾村2021年工作总结\n今年村集体经济收入达到38.6万元。\n四、明年的打算\n力争村集体经济收入突破45万元。"
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [("38.6万元", 2021, "actual"),
                                                                          ("突破45万元", 2022, "target")]


def test_this_year_in_a_bulletins_plan_is_the_year_it_was_written():
    from tracker.pipeline import extract_document
    raw = ("石柱县2022年气候公报\n发布时间：2023-01-12 09:30\n全县年平均气温17.6℃。\n"
           "五、2023年工作打算\n今年，计划新建区域自动气象站12个。")
    assert [(c.text, c.year) for c in extract_document(raw).claims] == [("17.6℃", 2022), ("12个", 2023)]


def test_this_year_opening_a_plan_of_a_summary_published_in_the_planned_year_is_that_year():
    from tracker.pipeline import extract_document
    raw = ("镇安县交通运输局2023年工作总结及2024年工作计划\n来源：镇安县交通运输局　　发布时间：2024-01-16 10:15\n"
           "一、2023年工作总结\n全年新改建农村公路140.5公里。\n三、2024年工作计划\n"
           "今年是实施“十四五”规划承上启下的重要一年。计划新改建农村公路120公里以上，优良中等路率比去年提高2.7个百分点。")
    # 今年 opens the plan of 2024 (the year the page came out), not one of the title's year
    assert [(c.text, c.year, c.kind) for c in extract_document(raw).claims] == [
        ("140.5公里", 2023, "actual"), ("120公里以上", 2024, "target"), ("2.7个百分点", 2024, "target")]


# the season reviewed is of the year of its two the page came out in
@pytest.mark.parametrize("published,reviewed,year", [("2024-05-20", 2024, 2024), ("2023-12-20", 2023, 2023)])
def test_this_year_in_a_plan_is_the_year_the_page_came_out(published, reviewed, year):
    from tracker.pipeline import extract_document
    raw = ("首页 | 政务公开 | 政务服务\n当前位置：首页 > 政务公开 > 工作总结\n"
           "扶绥县2023/2024年榨季糖业生产工作总结及2024/2025年榨季工作计划\n"
           f"来源：扶绥县糖业发展中心　　发布时间：{published} 09:30\n"
           "一、2023/2024年榨季工作情况\n全县入榨甘蔗108.7万吨。\n"
           "二、2024/2025年榨季工作计划\n今年全县糖料蔗种植面积稳定在72万亩以上。")
    assert [(c.text, c.year, c.kind) for c in extract_document(raw).claims] == [
        ("108.7万吨", reviewed, "actual"), ("72万亩以上", year, "target")]


def test_a_report_on_its_year_reviews_that_years_main_work():
    from tracker.pipeline import extract_document
    raw = ("海口市博物馆2023年度工作报告\n来源：海口市博物馆　　发布时间：2024-02-06 16:20\n"
           "一、基本情况\n馆舍建筑面积2.36万平方米。\n二、2023年主要工作\n全年修复馆藏文物168件。\n"
           "三、2024年工作计划\n计划征集藏品300件左右。")
    # 2023年主要工作 would be a plan in a speech given in 2023; in a report on 2023 it is what was done
    assert [(c.text, c.year, c.kind) for c in extract_document(raw).claims] == [
        ("2.36万平方米", 2023, "actual"), ("168件", 2023, "actual"), ("300件左右", 2024, "target")]


def test_a_page_published_late_in_the_year_before_the_one_it_plans_reports_on_its_own():
    from tracker.pipeline import extract_document
    raw = ("陆良县教育体育局关于落实“双减”工作情况的汇报\n信息来源：县教育体育局　发布日期：2022-12-08\n"
           "一、基本情况\n全县共有义务教育阶段学校174所。\n"
           "四、2023年工作打算\n确保课后服务参与率达到95%以上。")
    assert [(c.text, c.year, c.kind) for c in extract_document(raw).claims] == [
        ("174所", 2022, "actual"), ("95%以上", 2023, "target")]


def test_a_review_named_as_a_task_in_a_sentence_opens_no_review():
    from tracker.pipeline import extract_document
    raw = ("垫江县2024年农作物秸秆综合利用实施方案\n二、目标任务\n全县秸秆综合利用率稳定在92%以上。\n"
           "（四）总结验收阶段。各镇于12月10日前报送年度工作总结，县农业农村委组织项目验收，验收合格率达到100%。")
    assert [(c.text, c.year, c.kind) for c in extract_document(raw).claims] == [
        ("92%以上", 2024, "target"), ("100%", 2024, "target")]


def test_a_town_written_after_its_district_is_the_place():
    from tracker.pipeline import extract_claims
    text = "绵阳市生活垃圾分类工作推进情况报告\n涪城区城厢街道探索撤桶并点模式，辖区内48个小区撤除楼道垃圾桶2,600余个。"
    assert [(c.text, c.locality) for c in extract_claims(text)] == [("48个", "城厢街道"), ("2,600余个", "城厢街道")]
    # …though a body named by the district's city follows (the mine is in the town)
    text = "宜春市锂电产业发展报告\n袁州区新坊镇宜春钽铌矿扩能改造工程完成投资6.3亿元，年采选原矿规模由231万吨提升至500万吨。"
    assert [(c.text, c.locality) for c in extract_claims(text)] == [
        ("6.3亿元", "新坊镇"), ("231万吨", "新坊镇"), ("500万吨", "新坊镇")]


def test_a_year_compared_with_is_a_base():
    from tracker.pipeline import extract_claims
    text = ("大足区第七次全国人口普查公报\n"
            "与2010年第六次全国人口普查相比，汉族人口增加37512人，增长4.82%。")
    assert [(c.text, c.year) for c in extract_claims(text)] == [("37512人", 2020), ("4.82%", 2020)]
    # …and so is one inside the base, read back to the comparison's 与
    text = ("滨州市2023年自然灾害情况通报\n"
            "与近五年（2018—2022年）均值相比，受灾人次、直接经济损失分别偏少52.1%和60.4%。")
    assert [(c.text, c.year) for c in extract_claims(text)] == [("52.1%", 2023), ("60.4%", 2023)]
    # …and so is the year a multiple is of; a level of that year is still its own
    text = ("梨树县2023年新型农业经营主体发展情况报告\n"
            "全县家庭农场总数达到2,846家，是2020年的1.6倍，筹集量是上年的1.4倍，产能是2020年末的4.1倍。"
            "2020年的产量为3万吨。")
    assert [(c.text, c.year) for c in extract_claims(text)] == [
        ("2,846家", 2023), ("1.6倍", 2023), ("1.4倍", 2023), ("4.1倍", 2023), ("3万吨", 2020)]
    # the level a share is of, and a level it is compared with; last year's own level is its
    text = ("衡阳市公共交通集团2023年运营情况报告\n"
            "全年完成客运量15,330万人次，恢复至2019年的91.2%。客运量尚未恢复到2019年水平，比2019年减少约1,480万人次。")
    assert [(c.text, c.year) for c in extract_claims(text)] == [
        ("15,330万人次", 2023), ("91.2%", 2023), ("约1,480万人次", 2023)]
    text = ("银川市重要民生商品价格监测周报\n发布时间：2023-12-18\n"
            "精瘦肉零售均价13.85元/斤（去年同期为16.93元/斤）。去年同期，全市签约项目为142个。")
    assert [(c.text, c.year) for c in extract_claims(text)] == [("13.85元/斤", 2023), ("16.93元/斤", 2022), ("142个", 2022)]


def test_a_bracketed_date_under_the_meetings_title_is_the_meeting_year():
    from tracker.pipeline import extract_claims
    text = ("在中共沂南县委十四届九次全体会议上的报告\n\n（2019年12月27日）\n\n一、2019年全县工作回顾\n"
            "全年新登记市场主体12683户。\n三、2020年工作安排\n明年地区生产总值增长6.5%左右。")
    assert (section_context(text).year, section_context(text).reviewed_year) == (2019, 2019)
    assert [(c.text, c.year) for c in extract_claims(text)] == [("12683户", 2019), ("6.5%左右", 2020)]


def test_headings_that_count_years_frame_totals_over_them():
    from tracker.pipeline import extract_claims
    # a congress late in its year looks back on that year and plans the five after it
    text = ("——在如东县第十五次妇女代表大会上的工作报告\n陈晓红\n（2021年11月16日）\n"
            "一、过去五年工作回顾\n举办培训班386期，公众号关注人数达6.8万人，目前全县有家长学校426所。\n"
            "截至目前，全县共有执委95名，基层妇联组织312个。\n"
            "二、今后五年的目标任务\n力争新增发放创业担保贷款3亿元，执委履职率达到90%以上。每年新建“妇女之家”5个以上。")
    context = section_context(text)
    assert [(f.kind, f.year, f.span) for f in context.frames] == [("review", 2021, (2017, 2021)),
                                                                  ("plan", 2026, (2022, 2026))]
    # a sentence that opens on a stock (截至目前，…共有) states levels of the last year throughout
    assert [(c.text, c.year, c.period) for c in extract_claims(text)] == [
        ("386期", None, "2017-2021"), ("6.8万人", 2021, None), ("426所", 2021, None),
        ("95名", 2021, None), ("312个", 2021, None),
        ("3亿元", None, "2022-2026"), ("90%以上", 2026, None), ("5个以上", None, None)]


def test_a_heading_that_names_a_year_as_well_frames_no_span():
    text = ("政府工作报告\n——2021年1月12日在阿鲁科尔沁旗第十六届人民代表大会第五次会议上\n"
            "一、“十三五”时期和2020年工作回顾\n过去五年，全旗经济持续发展。\n二、今后五年的主要目标\n地区生产总值年均增长6%。")
    context = section_context(text)
    assert [(f.kind, f.year, f.span) for f in context.frames] == [("review", 2020, None), ("plan", 2025, (2021, 2025))]


def test_a_paragraph_opening_on_the_years_it_reviews_frames_what_was_done_in_them():
    from tracker.pipeline import extract_claims
    text = ("政府工作报告\n——2021年1月12日在阿鲁科尔沁旗第十六届人民代表大会第五次会议上\n"
            "一、“十三五”时期和2020年工作回顾\n过去五年，是我旗发展极不平凡的五年。\n"
            "累计投入各类扶贫资金18.7亿元，新增床位300张，牲畜存栏218.6万头只。\n"
            "天山镇城区建成区面积扩大到18.6平方公里。全县贫困人口5602人全部脱贫，2019年实现脱贫摘帽。\n"
            "2020年是极不平凡的一年。全年新增城镇就业2100人。\n二、今后五年的主要目标\n")
    frames = section_context(text).frames
    assert [(f.kind, f.year, f.span) for f in frames][:3] == [
        ("review", 2020, None), ("review", 2020, (2016, 2020)), ("review", 2020, None)]
    # what was done (累计投入, 新增) is over the five years; a stock, a level reached and an
    # amount of a sentence naming a year are of the last year or their own
    assert [(c.text, c.year, c.period) for c in extract_claims(text)] == [
        ("18.7亿元", None, "2016-2020"), ("300张", None, "2016-2020"), ("218.6万头只", 2020, None),
        ("18.6平方公里", 2020, None), ("5602人", 2019, None), ("2100人", 2020, None)]


def test_a_heading_of_work_and_its_results_is_a_review():
    text = "汪清县消防救援大队2023年工作总结及2024年工作计划\n一、2023年主要工作及成效\n全年接警出动1163起。\n三、2024年工作计划\n"
    assert [(f.kind, f.year) for f in section_context(text).frames][-2:] == [("review", 2023), ("plan", 2024)]


def test_a_chief_pollutant_is_no_goal():
    from tracker.pipeline import extract_claims
    text = "1—11月，以臭氧为首要污染物的超标天有138天次，占58.5%。全市要新增充电桩500个。"
    assert [(c.text, c.kind) for c in extract_claims(text)] == [
        ("138天次", "actual"), ("58.5%", "actual"), ("500个", "target")]  # 首要 is a word, 要 a cue


def test_a_programme_named_by_its_plan_sets_no_goal():
    from tracker.pipeline import extract_claims
    text = ("全县累计投入营养改善计划各类资金9.86亿元。新入选省级以上人才计划27人。"
            "县政府将工作重心下移，选派干部120名。计划新建公寓500套。")
    assert [(c.text, c.kind) for c in extract_claims(text)] == [
        ("9.86亿元", "actual"), ("27人", "actual"), ("120名", "actual"), ("500套", "target")]


def test_a_base_year_compared_with_makes_no_fact_of_a_goal():
    from tracker.pipeline import extract_claims
    text = "力争火灾起数较上年下降5%以上。全市居民人均预期寿命为77.35岁，比上年提高0.28岁。"
    assert [(c.text, c.kind) for c in extract_claims(text)] == [
        ("5%以上", "target"), ("77.35岁", "actual"), ("0.28岁", "actual")]  # 预期寿命 is no forecast


def test_a_place_named_in_an_aside_is_the_asides_only():
    from tracker.pipeline import extract_claims
    text = "修水县2022年防汛工作总结\n全县紧急转移群众2100人（其中马坳镇转移600人），农作物受灾5.2万亩。"
    assert [(c.text, c.locality) for c in extract_claims(text)] == [
        ("2100人", "修水县"), ("600人", "马坳镇"), ("5.2万亩", "修水县")]


def test_an_aside_holding_only_an_amount_is_of_the_place_it_follows():
    from tracker.pipeline import extract_claims
    text = ("金华市2023年11月环境空气质量通报\nPM2.5浓度排名后3位的乡镇（街道）为：兰溪市女埠街道（41微克/立方米）、"
            "金东区孝顺镇（40微克/立方米）、婺城区白龙桥镇（39微克/立方米）。")
    # (后3位 is a rank, no count)
    assert [(c.text, c.locality) for c in extract_claims(text)] == [
        ("41微克/立方米", "女埠街道"), ("40微克/立方米", "孝顺镇"), ("39微克/立方米", "白龙桥镇")]
    # …and a town written right after its district, before its amount, is one place of a list
    text = "赤峰市粮食和物资储备局2023年工作总结\n今年实施的巴林右旗大板镇10万吨仓储项目、敖汉旗新惠镇6万吨烘干项目均已完工。"
    assert [(c.text, c.locality) for c in extract_claims(text)] == [("10万吨", "大板镇"), ("6万吨", "新惠镇")]


def test_places_in_two_provinces_are_not_the_country_in_a_report_of_one_place():
    from tracker.pipeline import extract_claims
    text = ("安吉县2022年东西部协作工作总结\n全县向青川县拨付资金4680万元。引导安吉企业到青川县投资兴业12家。"
            "帮助青川县劳动力就业3215人，其中组织到浙江就业1000人。县职教中心与天津、石家庄等地38家企业合作。")
    assert [(c.text, c.locality) for c in extract_claims(text)] == [
        ("4680万元", "青川县"),
        ("12家", "青川县"),  # the giver is the home: the firms' place is the place they invest in
        ("3215人", "青川县"), ("1000人", "浙江省"),  # the clause's own place
        ("38家", "安吉县"),  # places in two provinces, none the home's: the home
    ]
    # a national report keeps the country
    text = "全国教育事业发展统计公报\n全国共有学校52万所，全国在校生2.9亿人。北京、广东两地新建学校120所。"
    assert [(c.text, c.locality) for c in extract_claims(text)][-1] == ("120所", "中国")


def test_a_paragraph_opening_on_its_year_frames_that_year():
    from tracker.pipeline import extract_claims
    text = ("在县总工会第十五次代表大会上的报告\n（2021年3月18日）\n一、过去五年的工作回顾\n五年来，全县新建基层工会320个。\n"
            "二、今后五年的目标任务\n主要目标是：到2025年，全县工会会员总数突破7.5万人。\n"
            "今年是“十四五”开局之年。县总工会将新建基层工会60个，组织职工健康体检2000人。\n")
    assert [(c.text, c.year, c.period, c.kind) for c in extract_claims(text)] == [
        ("320个", None, "2016-2020", "actual"), ("突破7.5万人", 2025, None, "target"),
        ("60个", 2021, None, "target"), ("2000人", 2021, None, "target")]  # this year's tasks, not the five years'
    # a bulletin without frames gets none: its figures stay facts
    text = "2021年常德市生态环境状况公报\n2021年是“十四五”开局之年。全市优良天数为335天。"
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [("335天", 2021, "actual")]


def test_a_whole_of_the_home_s_side_names_the_place_of_its_clause_and_of_those_after_it():
    from tracker.pipeline import extract_claims
    text = ("汝阳县2023年上半年经济运行情况分析\n根据洛阳市地区生产总值统一核算结果，上半年全县实现地区生产总值118.62亿元，"
            "同比增长5.6%，高于全市平均水平（4.4%）1.2个百分点。")
    assert [(c.text, c.locality) for c in extract_claims(text)] == [
        ("118.62亿元", "汝阳县"), ("5.6%", "汝阳县"),  # 全县 and the clause after it
        ("4.4%", "洛阳市"),  # the city's average, in an aside after 全市平均水平
        ("1.2个百分点", "汝阳县")]
    # 全市 in a district's text is its city; a whole something is ranked in is no subject
    text = "丰台区接诉即办工作月报\n全区接诉即办综合成绩96.38分，在全市16个区中排名第四。"
    assert [(c.text, c.locality) for c in extract_claims(text)] == [("96.38分", "丰台区"), ("16个", "北京市")]
    text = ("淮阴区村级集体经济发展报告\n码头镇太山村全年实现集体经营性收入526万元，成为全区首个经营性收入超过500万元的村。"
            "马头镇、王营镇生猪出栏分别达到6.8万头和5.2万头，占全区的24.7%。")
    assert [(c.text, c.locality) for c in extract_claims(text)] == [
        ("526万元", "码头镇"), ("超过500万元", "码头镇"), ("6.8万头", "马头镇"), ("5.2万头", "王营镇"), ("24.7%", "淮阴区")]


def test_a_notice_issuing_a_plan_over_years_under_its_site_s_name_is_that_plan():
    text = ("罗田县人民政府\n罗田县人民政府办公室关于印发罗田县板栗产业高质量发展三年行动计划（2024—2026年）的通知\n"
            "《罗田县板栗产业高质量发展三年行动计划（2024—2026年）》已经县人民政府常务会议研究同意，现印发给你们。\n"
            "一、发展基础\n全县板栗种植面积106万亩。\n二、总体目标\n到2026年，板栗综合产值达到100亿元。")
    assert section_context(text).span == (2024, 2026)
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("106万亩", 2024, "actual"), ("100亿元", 2026, "target")]
    # a plan only cited in a sentence frames nothing
    cited = "罗田县人民政府\n全县认真落实《罗田县板栗产业三年行动计划（2024—2026年）》。全县板栗种植面积106万亩。"
    assert section_context(cited).span is None


def test_a_plan_over_years_that_names_its_base_year_describes_its_present_state_as_of_it():
    text = ("罗田县板栗产业高质量发展三年行动计划（2024—2026年）\n一、发展基础\n全县板栗总产量6.8万吨。\n"
            "二、总体目标\n以2023年为基期，到2026年，全县板栗种植面积稳定在100万亩以上。")
    assert section_context(text).reviewed_year == 2023
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("6.8万吨", 2023, "actual"), ("100万亩以上", 2026, "target")]
    # without one, its present state is of its first year
    assert section_context(text.replace("以2023年为基期，", "")).reviewed_year == 2024


def test_totals_and_later_years_in_a_plan_over_years_are_its_goals():
    text = ("罗田县板栗产业高质量发展三年行动计划（2024—2026年）\n一、发展基础\n全县累计建成示范基地12个。\n"
            "二、总体目标\n全县累计完成低产低效园改造15万亩。\n"
            "每年开展栗农实用技术培训不少于5,000人次，3年累计培训1.5万人次以上。\n"
            "序号\t指标\t单位\t2023年（基期）\t2024年\t2025年\t2026年\n"
            "1\t板栗总产量\t万吨\t6.8\t7.2\t7.6\t8\n")
    claims = [(c.text, c.year, c.period, c.kind) for c in extract_claims(text)]
    assert claims[:4] == [
        ("12个", 2024, None, "actual"),  # 累计 marks a fact outside the plan part
        ("15万亩", None, "2024-2026", "target"),
        ("不少于5,000人次", None, None, "target"),  # a yearly goal
        ("1.5万人次以上", None, "2024-2026", "target")]  # each year's goal is its own clause's
    # a table's columns of years after the text's own are goals
    assert [(text, year, kind) for text, year, _, kind in claims[4:]] == [
        ("6.8", 2023, "actual"), ("7.2", 2024, "actual"), ("7.6", 2025, "target"), ("8", 2026, "target")]


def test_a_table_row_naming_a_town_beside_its_county_s_institution_is_the_town_s():
    text = ("如东县2024年义务教育招生工作方案\n全县小学一年级计划招生6,100人。\n"
            "序号\t学校\t施教区\t年级\t班级数（个）\t招生人数（人）\n"
            "1\t如东县实验小学\t掘港街道\t一年级\t12\t540\n"
            "2\t如东县城中小学\t城中街道\t一年级\t8\t360\n")
    assert [(c.text, c.locality) for c in extract_claims(text)] == [
        ("6,100人", "如东县"), ("12", "掘港街道"), ("540", "掘港街道"), ("8", "城中街道"), ("360", "城中街道")]


def test_a_forecast_opening_a_sentence_makes_its_semicolon_items_forecasts_too():
    text = ("在全县经济工作会议上的讲话\n（2023年12月18日）\n一、肯定成绩\n"
            "预计全年实现地区生产总值268亿元；固定资产投资增长12%左右；社会消费品零售总额完成96.3亿元。"
            "1—11月，全县一般公共预算收入完成9.12亿元。")
    assert [(c.text, c.kind) for c in extract_claims(text)] == [
        ("268亿元", "target"), ("12%左右", "target"), ("96.3亿元", "target"), ("9.12亿元", "actual")]


def test_a_total_since_a_plan_period_began_runs_to_the_year_spoken_of():
    text = ("梨树县2023年禁毒工作总结\n“十四五”以来，全县累计破获毒品刑事案件61起，毒品案件发案率下降到0.5%。\n"
            "“十二五”以来，全县累计投入资金5.6亿元。")
    assert [(c.text, c.year, c.period) for c in extract_claims(text)] == [
        ("61起", None, "2021-2023"), ("0.5%", 2023, None), ("5.6亿元", None, "2011-2023")]
    # said in the period's last year, the whole period
    text = text.replace("2023年禁毒工作总结", "2025年禁毒工作总结")
    assert [(c.text, c.year, c.period) for c in extract_claims(text)][0] == ("61起", None, "2021-2025")


def test_a_total_from_a_start_year_until_now_runs_to_the_year_spoken_of():
    text = ("三亚市2023年工作总结\n2018年，市政府设立规模1亿元的科技成果转化引导基金，至今已撬动社会资本3亿多元。"
            "自2020年7月1日新政实施至今年9月底，累计销售额达1500亿元。截至今年9月底，累计建成公路80公里。"
            "自2021年1月至2022年6月，累计筛查疑点数据1.26万条。")
    assert [(c.text, c.year, c.period, c.metric_label) for c in extract_claims(text)] == [
        ("1亿元", 2018, None, "市政府设立规模"), ("3亿多元", None, "2018-2023", "撬动社会资本"),
        ("1500亿元", None, "2020-2023", "销售额"), ("80公里", 2023, None, "建成公路"),
        ("1.26万条", None, "2021-2022", "筛查疑点数据条数")]


def test_a_span_from_a_day_runs_from_its_year_and_one_within_a_reviewed_span_keeps_its_year():
    text = ("海口海关2023年工作总结\n离岛免税政策自2011年4月20日实施以来，已累计监管购物金额超过2,000亿元。"
            "一、过去五年工作回顾\n五年来，共组织志愿服务活动1200场。2023年7月以来，又组织青年志愿者xxx名。")
    assert [(c.text, c.year, c.period) for c in extract_claims(text)] == [
        ("超过2,000亿元", None, "2011-2023"), ("1200场", None, "2019-2023"), ("xxx名", 2023, None)]


def test_a_change_after_a_level_dated_by_de_is_of_that_levels_year():
    text = ("景德镇市2023年陶瓷产业工作总结\n陶瓷产业总产值由2020年的445亿元增长到2022年的689亿元，年均增长24.4%。"
            "全市产值达到768亿元，同比增长11.5%。")
    assert [(c.text, c.year) for c in extract_claims(text)] == [
        ("445亿元", 2020), ("689亿元", 2022), ("24.4%", 2022), ("768亿元", 2023), ("11.5%", 2023)]


def test_a_concentration_over_a_season_of_two_years_is_its_mean_not_a_total():
    text = "某县2023年清洁取暖工作报告\n上一个采暖季（2022年11月15日至2023年3月15日），全县PM2.5平均浓度为78微克/立方米。"
    assert [(c.text, c.period) for c in extract_claims(text)] == [("78微克/立方米", None)]


def test_a_report_on_a_year_written_the_next_counts_the_calendar_words_from_when_it_was_written():
    # 去年 and 今年 count from January 2024; 上年 from the year reported on
    text = ("遵义市住房和城乡建设局2023年城乡污水处理工作总结及2024年工作计划\n"
            "来源：遵义市住房和城乡建设局　　发布时间：2024-01-16 10:15\n"
            "一、2023年工作完成情况\n去年全市新建城市污水处理厂3座。平均进水浓度由上年的86.3mg/L提高到98.6mg/L。\n"
            "二、2024年工作计划\n今年新建污水管网120公里。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("3座", 2023, "actual"), ("86.3mg/L", 2022, "actual"), ("98.6mg/L", 2023, "actual"),
        ("120公里", 2024, "target")]


def test_a_page_titled_by_the_year_before_it_was_published_reports_on_that_year():
    text = ("2023年中欧班列（郑州）开行2868列 同比增长12.6%\n来源：郑州市商务局　　发布时间：2024-01-09 10:15\n"
            "1月8日，记者从郑州市商务局获悉，2023年，中欧班列（郑州）累计开行2,868列。\n"
            "一、“去回”更加均衡，运行质量稳步提升\n从运行方向看，去程开行1,592列。\n"
            "记者了解到，今年郑州将力争全年开行中欧班列3,000列以上。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("2868列", 2023, "actual"), ("12.6%", 2023, "actual"), ("2,868列", 2023, "actual"),
        ("1,592列", 2023, "actual"), ("3,000列以上", 2024, "target")]


def test_a_documents_title_dates_none_of_the_figures_and_a_weekend_is_no_plan_period():
    text = ("保山市2023年咖啡产业发展情况报告\n一、2023年工作开展情况\n"
            "制定出台《保山市咖啡产业高质量发展三年行动方案（2023—2025年）》，明确了8个方面26项重点任务。"
            "赛事周末酒店预订量同比增长1.8倍。")
    assert [(c.text, c.year, c.period, c.kind) for c in extract_claims(text)] == [
        ("8个", 2023, None, "actual"), ("26项", 2023, None, "actual"), ("1.8倍", 2023, None, "actual")]


def test_a_word_of_the_present_between_a_year_and_an_amount_dates_it_now():
    text = ("信丰县2023年脐橙产业发展情况报告\n一、2023年工作开展情况\n"
            "1971年从湖北引进156株脐橙苗木试种成功，目前全镇从事脐橙生产的农户近4000户。")
    assert [(c.text, c.year) for c in extract_claims(text)] == [("156株", 1971), ("近4000户", 2023)]


def test_a_customs_districts_page_is_of_its_province():
    raw = ("上半年海关监管海南离岛免税购物金额276.4亿元\n来源：海口海关　　发布时间：2023-07-12 10:30\n"
           "今年上半年，海口海关共监管离岛免税购物金额276.4亿元。购物人数368.5万人次。"
           "目前全省离岛免税店共12家，海口、三亚、琼海、万宁分别有5家、5家、1家和1家。")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [
        ("276.4亿元", "海南省"), ("276.4亿元", "海南省"), ("368.5万人次", "海南省"), ("12家", "海南省"),
        ("5家", "海口市"), ("5家", "三亚市"), ("1家", "琼海市"), ("1家", "万宁市")]


def test_a_season_over_two_years_reads_as_the_one_the_page_was_written_in():
    from tracker.resolving import seasons_dated
    title = "扶绥县2022/2023年榨季总结及2023/2024年榨季计划，2023—2024学年"
    assert seasons_dated(title, 2023) == "扶绥县     2023年榨季总结及     2024年榨季计划，    2024年学年"
    assert seasons_dated("签订2023—2024年采暖季合同，2021—2023年累计", 2023) == "签订     2023年采暖季合同，2021—2023年累计"
    assert seasons_dated("2022—2023年度采暖期", None) == "     2023年度采暖期"


def test_a_crushing_season_reviewed_after_it_ends_is_of_its_later_year():
    raw = ("扶绥县2022/2023年榨季糖料蔗生产工作总结及2023/2024年榨季工作计划\n"
           "来源：扶绥县农业农村局　　发布时间：2023-05-26 10:18\n"
           "一、2022/2023年榨季糖料蔗生产基本情况\n全县入榨甘蔗412万吨，平均产糖率12.80%，比2020/2021年榨季提高0.85个百分点。"
           "今年以来，组织开展蔗区巡查46次。\n二、2023/2024年榨季工作计划\n2023/2024年榨季，力争入榨甘蔗430万吨。")
    assert [(c.text, c.year, c.period, c.kind) for c in extract_claims(raw)] == [
        ("412万吨", 2023, None, "actual"), ("12.80%", 2023, None, "actual"), ("0.85个百分点", 2023, None, "actual"),
        ("46次", 2023, None, "actual"), ("430万吨", 2024, None, "target")]


def test_a_heating_season_reported_on_as_it_begins_is_of_its_first_year():
    raw = ("定兴县人民政府关于全县冬季清洁取暖工作情况的报告\n来源：县住房和城乡建设局　　发布时间：2023-12-20 09:30\n"
           "签订2023—2024年采暖季供气合同1.42亿立方米，比上一采暖季增长6.8%。"
           "2024—2025年采暖季，县级财政安排运行补贴资金不低于3300万元。")
    assert [(c.text, c.year, c.period) for c in extract_claims(raw)] == [
        ("1.42亿立方米", 2023, None), ("6.8%", 2023, None), ("不低于3300万元", 2024, None)]


def test_a_respective_run_after_a_list_may_follow_the_total_it_adds_up_to_and_towns_after_their_counties():
    raw = ("浏阳市2023年花炮产业发展情况\n"
           "大瑶镇、金刚镇、澄潭江镇、文家市镇四个花炮主产镇共有生产企业269家，分别为96家、74家、58家、41家。"
           "古蔺县二郎镇、江阳区黄舣镇酿酒基地全年分别新增基酒产能3.2万千升和2.6万千升。"
           "大瑶镇、金刚镇共有企业170家，分别为96家、70家。")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [
        ("四个", "浏阳市"), ("269家", "浏阳市"), ("96家", "大瑶镇"), ("74家", "金刚镇"), ("58家", "澄潭江镇"),
        ("41家", "文家市镇"), ("3.2万千升", "二郎镇"), ("2.6万千升", "黄舣镇"),
        # a figure between that is no total of the run leaves the run unplaced
        ("170家", "浏阳市"), ("96家", "浏阳市"), ("70家", "浏阳市")]


def test_a_goals_year_in_a_later_clause_dates_that_goal_not_the_amounts_before_it():
    raw = ("赣州市2023年脐橙产业发展情况及2024年工作计划\n二、2024年工作计划\n"
           "新建冷链仓储库容3万吨，到2025年全县冷库总库容达到20万吨。"
           "地区生产总值年均增长8%左右，到2026年突破480亿元。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("3万吨", 2024, "target"), ("20万吨", 2025, "target"),
        # a yearly rate over the years up to the goal's is of its year
        ("8%左右", 2026, "target"), ("突破480亿元", 2026, "target")]


def test_a_level_a_year_ago_that_a_rate_rose_from_is_of_the_year_before():
    raw = ("哈尔滨市2023年冬季清雪工作情况\n主次干道机械化清雪率由去年同期的78.5%提高到86.2%。"
           "城乡居民收入比由上年同期的2.22:1缩小到2.15:1。")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [
        ("78.5%", 2022), ("86.2%", 2023), ("2.22:1", 2022), ("2.15:1", 2023)]


def test_an_opening_that_says_what_the_report_sets_out_opens_no_plan():
    raw = ("都安瑶族自治县林业局2023年石漠化综合治理工作总结及2024年工作计划\n"
           "来源：都安瑶族自治县林业局　　发布时间：2023-12-22 09:30\n"
           "2023年，县林业局坚持“治石与治贫相结合”的工作思路，统筹推进人工造林。"
           "现将全年工作情况及2024年工作计划报告如下。\n一、基本情况\n全县总面积4,095平方公里。\n"
           "二、2023年工作完成情况\n完成人工造林1.2万亩。\n三、2024年工作计划\n计划人工造林1.5万亩。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("4,095平方公里", 2023, "actual"), ("1.2万亩", 2023, "actual"), ("1.5万亩", 2024, "target")]


def test_a_lone_jun_gives_its_amount_to_the_items_of_a_ge_or_of_a_total_in_the_clause_before():
    raw = ("乾县2023年农机工作总结\n"
           "在阳洪镇、梁村镇各建设1个区域性农机服务中心，县级财政补助均为50万元。"
           "天台县、仙居县合计进出口84.0亿元，增速均超过15%。"
           # a total's 均 is given out only where it is a rate: 产值均 is of the firms
           "天台县、仙居县合计新建企业20家，产值均超过1亿元。")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [
        ("1个", "阳洪镇"), ("1个", "梁村镇"), ("50万元", "阳洪镇"), ("50万元", "梁村镇"),
        ("84.0亿元", "台州市"), ("超过15%", "天台县"), ("超过15%", "仙居县"),
        ("20家", "台州市"), ("超过1亿元", "台州市")]


def test_a_place_in_a_later_clause_of_no_amount_that_it_does_not_open_is_not_the_place_of_the_amounts_before():
    raw = ("西青区2023年安全生产宣传工作总结\n"
           "发放宣传资料3.5万份，在杨柳青镇举办安全宣传咨询日主场活动，吸引群众三千余人参与。"
           "新增冷链库容5,000吨，推动辛口镇交易市场扩容改造。"
           "新建示范基地2个，杨柳青镇、辛口镇各1个。"
           # a place opening its clause is the subject going on from the amount before
           "共140人，辛口镇中学取消了今年的组考资格。")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [
        ("3.5万份", "西青区"), ("三千余人", "杨柳青镇"), ("5,000吨", "西青区"),
        ("2个", "西青区"), ("1个", "杨柳青镇"), ("1个", "辛口镇"), ("140人", "辛口镇")]


def test_a_year_a_rise_is_built_on_is_a_base_and_a_period_end_in_a_later_clause_dates_its_goal():
    raw = ("那曲市2023年教育工作总结\n一、2023年工作情况\n"
           "张园自去年12月开街以来，累计引进首店23家。去年以来，全市日均接待游客5,762人次。\n"
           "二、2024年工作计划\n"
           "学前三年毛入园率在去年基础上再提高1.5个百分点，排放量在2023年基础上再下降5%。"
           "明年市财政安排专项资金不低于1.2亿元，确保到“十四五”末，全市种植面积达到30万亩。")
    assert [(c.text, c.year, c.period, c.kind) for c in extract_claims(raw)] == [
        # since a month of last year, a total runs from then; since last year alone is this year
        ("23家", None, "2022-2023", "actual"), ("5,762人次", 2023, None, "actual"),
        ("1.5个百分点", 2024, None, "target"), ("5%", 2024, None, "target"),
        ("不低于1.2亿元", 2024, None, "target"), ("30万亩", 2025, None, "target")]


def test_a_place_opening_a_clause_of_no_amount_is_the_place_of_the_amount_that_follows_it():
    raw = ("茂名市荔枝营销工作情况\n"
           "化州市新建烘干生产线5条，茂南区依托近郊优势大力发展采摘游，荔枝季共接待游客8万人次。")
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [("5条", "化州市"), ("8万人次", "茂南区")]
    # a place in an aside opens no clause
    raw = "石柱土家族自治县2023年气候公报\n全县年极端最高气温43.1℃，出现在8月18日（西沱镇），县城站极端最高气温41.6℃。"
    assert [(c.text, c.locality) for c in extract_claims(raw)] == [
        ("43.1℃", "石柱土家族自治县"), ("41.6℃", "石柱土家族自治县")]


def test_the_year_a_class_of_buildings_was_built_by_is_not_the_figures_year():
    raw = ("石景山区2023年老旧小区综合整治工作总结\n"
           "对建成于1990年以前的96栋住宅楼实施节能改造，今年计划改造2000年底前建成的老旧小区126个。"
           "县政务服务中心大厅建成于2012年，日接待群众达3000人次以上。")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [
        ("96栋", 2023), ("126个", 2023), ("3000人次以上", 2023)]


def test_what_is_carried_over_from_last_year_is_of_this_year():
    raw = "宝山区2023年旧区改造工作总结\n其中，上年结转项目12个，今年新开工项目20个。全年共收到申请89件（上年结转4件）。"
    assert [(c.text, c.year) for c in extract_claims(raw)] == [("12个", 2023), ("20个", 2023), ("89件", 2023), ("4件", 2023)]


def test_a_level_reached_after_a_span_up_to_now_is_of_now_and_a_total_over_it_is_over_the_span():
    raw = ("茂名市2023年荔枝产业发展情况\n一、2023年工作情况\n"
           "“十四五”以来，全市累计新建标准化果园12.6万亩，全市标准化示范园达到158个。"
           "近三年，全市累计完成港口建设投资112亿元，港口综合通过能力达到4.5亿吨，志愿服务时长累计达到620万小时，教师流失达136人。")
    assert [(c.text, c.year, c.period) for c in extract_claims(raw)] == [
        ("12.6万亩", None, "2021-2023"), ("158个", 2023, None),
        ("112亿元", None, "2021-2023"), ("4.5亿吨", 2023, None),
        ("620万小时", None, "2021-2023"), ("136人", None, "2021-2023")]


@pytest.mark.parametrize("review, plan", [
    ("一、客观看待成绩，进一步坚定保护发展的信心", "二、突出重点，全力推动产业高质量发展"),
    ("一、正视成绩，进一步增强做好产业工作的信心和决心", "二、突出工作重点，全力推进2024年产业提质增效"),
    ("一、2023年全区产业发展成效明显", "二、凝心聚力推动今年产业再上新台阶"),
    ("一、肯定成绩，进一步增强做好工坊建设的信心", "三、聚焦重点，推动工坊建设提质扩面"),
])
def test_the_headings_of_a_speech_that_weigh_results_and_set_out_the_work_ahead(review, plan):
    raw = (f"今天，我们召开2024年全县产业发展大会。\n{review}\n全县新建幼儿园12所。\n"
           f"{plan}\n新建幼儿园20所。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("12所", 2023, "actual"), ("20所", 2024, "target")]


def test_a_plan_heading_is_of_the_year_its_line_names_after_its_plan_words():
    # a meeting late in 2023 plans 2024; 突出重点 opens the plan, the year comes later in the line
    raw = ("在全县经济工作会议上的讲话\n（2023年12月18日）\n一、肯定成绩，准确把握全县经济发展态势\n"
           "全年新建幼儿园12所。\n三、突出重点，全力做好2024年经济工作\n新建幼儿园20所。")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("12所", 2023, "actual"), ("20所", 2024, "target")]


def test_a_whole_years_result_in_a_text_given_before_its_year_is_out_is_of_the_year_before():
    opening = "东港市人民政府关于全市草莓产业发展情况的报告\n——2024年4月25日在东港市人大常委会第十六次会议上\n一、全市草莓产业发展基本情况\n"
    raw = opening + "全年出口速冻草莓6.8万吨，同比增长7.9%。全市建成冷库680座。完成全年目标任务的35%。"
    assert [(c.text, c.year) for c in extract_claims(raw)] == [
        ("6.8万吨", 2023), ("7.9%", 2023), ("680座", 2024), ("35%", 2024)]
    # given late in its year, the whole year is nearly the text's own
    late = raw.replace("2024年4月25日", "2024年12月25日")
    assert [(c.text, c.year) for c in extract_claims(late)][0] == ("6.8万吨", 2024)


def test_speech_headings_on_results_won_on_the_situation_and_on_progress_made():
    # a speech of 2025: 一、…取得阶段性成效 reviews 2024; 二、…面临的形势 is of the meeting's year, and
    # so is what follows it; in a report, 二、重点任务推进情况 is progress made, no plan
    raw = ("在全市电动自行车安全隐患整治工作会议上的讲话\n（2025年3月12日）\n"
           "一、去年整治工作取得阶段性成效\n全市淘汰电动自行车1.2万辆。\n"
           "二、准确把握整治工作面临的形势\n全市电动自行车保有量达到86万辆。\n"
           "三、全力推动整治工作走深走实\n新建充电端口5000个。\n")
    assert [(c.text, c.year) for c in extract_claims(raw)] == [
        ("1.2万辆", 2024), ("86万辆", 2025), ("5000个", 2025)]
    raw = ("那曲市2024年上半年供氧保障工作情况报告\n二、重点任务推进情况\n上半年完成供氧工程项目18个。\n")
    assert [(c.text, c.kind) for c in extract_claims(raw)] == [("18个", "actual")]


def test_yao_before_seeing_the_problems_is_no_plan():
    # 要清醒看到存在的问题：一是… lists what is, in a review
    raw = ("在全市彩灯产业发展大会上的讲话\n一、充分肯定彩灯产业发展成效\n全市彩灯企业达到680家。\n"
           "在肯定成绩的同时，我们也要清醒看到存在的问题：一是集中度不高，小微企业占比接近八成。\n")
    assert [(c.text, c.kind) for c in extract_claims(raw)] == [("680家", "actual"), ("接近八成", "actual")]


def test_the_heading_after_the_situation_opens_the_tasks_and_answers_to_the_press_report():
    # 三、全力推动… after 二、…面临的形势 names no frame: it opens the speech's tasks, of the meeting's year
    raw = ("在全县汉服产业发展大会上的讲话\n（2024年2月26日）\n一、2023年汉服产业发展成效明显\n全县汉服企业达到2200家。\n"
           "二、准确把握汉服产业发展面临的形势\n全国汉服市场规模突破140亿元。\n"
           "三、全力推动汉服产业高质量发展\n加快产业园三期建设，新建直播间1000个。\n")
    assert [(c.text, c.year, c.kind) for c in extract_claims(raw)] == [
        ("2200家", 2023, "actual"), ("突破140亿元", 2024, "actual"), ("1000个", 2024, "target")]
    # …but not one on problems
    raw = raw.replace("三、全力推动汉服产业高质量发展", "三、汉服产业发展存在的问题")
    assert [(c.text, c.kind) for c in extract_claims(raw)][2] == ("1000个", "actual")
    # a release's answers to the press after its plan report what is
    raw = ("大连市大樱桃产销情况新闻发布会\n发布时间：2024-07-10\n一、2024年全市大樱桃产销基本情况\n全市种植面积43.6万亩。\n"
           "二、下一步工作安排\n新建设施樱桃园5000亩。\n【答记者问】\n记者：瓦房店市情况如何？\n"
           "刘海波：今年瓦房店市大樱桃产量9.1万吨。\n")
    assert [(c.text, c.kind) for c in extract_claims(raw)] == [
        ("43.6万亩", "actual"), ("5000亩", "target"), ("9.1万吨", "actual")]
