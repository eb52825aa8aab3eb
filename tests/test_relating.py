"""Relations the text states between claims (claim_links)."""
from tracker.pipeline import extract_document


def relations(text: str) -> list[tuple]:
    document = extract_document(text)
    return [(link.relation, document.claims[link.head].text, document.claims[link.tail].text, link.base_year)
            for link in document.links]


def test_a_level_with_its_change_growth_and_average_rate():
    text = "2015年,全市教育经费拨款29.74亿元,比2011年增加了8.16亿元,增长37.81%,年均递增6.62%。"
    assert relations(text) == [
        ("change", "29.74亿元", "8.16亿元", 2011), ("growth", "29.74亿元", "37.81%", 2011),
        ("cagr", "29.74亿元", "6.62%", 2011)]


def test_points_against_the_previous_year():
    text = "今天,我们召开2016年全市教育工作会议。全市初中辍学率为0.5%,比上年下降了0.3个百分点。"
    assert relations(text) == [("pp_change", "0.5%", "0.3个百分点", 2015)]


def test_from_one_level_to_another():
    assert relations("津贴标准由每人每月15元提高到每人每月100元。") == [("from_to", "15元", "100元", None)]


def test_a_total_and_its_parts_after_qizhong_with_a_distributive_list():
    text = "全区共有学校12处,其中高中2处,初中4处,教师进修学校、特殊教育学校各1处,民办学校4处。"
    assert relations(text) == [("part", "12处", part, None) for part in ["2处", "4处", "1处", "1处", "4处"]]


def test_the_total_of_parts_after_qizhong_is_no_figure_of_an_aside_nor_a_range():
    text = "全年共批准入伍新兵186名（含女兵5名），其中上半年79名、下半年107名。"
    assert relations(text) == [("part", "186名", "79名", None), ("part", "186名", "107名", None)]
    assert relations("各乡镇报名人数在96人至312人之间，其中城关镇、西城镇报名人数分别为312人、287人。") == []


def test_the_list_right_after_qizhong_that_adds_up_is_the_breakdown():
    # the clause after the list counts other points of the same kind
    text = "全县建成病虫害监测点56个，其中国家级测报站1个、省级监测点5个、县级监测点50个，在9个镇布设性诱监测点30个。"
    assert relations(text) == [("part", "56个", part, None) for part in ["1个", "5个", "50个"]]
    # a list that does not add up keeps every part, so the check still sees it
    wrong = text.replace("县级监测点50个", "县级监测点40个")
    assert relations(wrong) == [("part", "56个", part, None) for part in ["1个", "5个", "40个", "9个", "30个"]]


def test_the_total_of_parts_after_qizhong_is_the_one_amount_before_it_in_their_unit():
    text = "全年实施搬迁安置项目14个，搬迁群众2,386户，其中郊区968户、平定县812户、盂县606户。"
    assert relations(text) == [("part", "2,386户", part, None) for part in ["968户", "812户", "606户"]]
    # only the list right after 其中: the clause after it goes on to another thing
    text = "全年批准建设用地项目27个，用地面积3,865.4亩，其中占用耕地2,136.8亩，全部落实占补平衡，落实补充耕地2,150.3亩。"
    assert relations(text) == [("part_of_whole", "3,865.4亩", "2,136.8亩", None)]
    # not a bound each of a count reaches: the parts are of the count
    assert relations("全县83个行政村集体经济收入均达到10万元以上，其中12个村集体经济收入超过50万元。") == []


def test_a_clause_breaking_down_a_part_ends_the_parts():
    text = "学校现有教职工46人，其中专任教师38人，专任教师中特殊教育专业毕业的21人。"
    assert relations(text) == [("part_of_whole", "46人", "38人", None)]


def test_a_list_closed_by_its_sum():
    text = "甲校投入资金600万,乙校投入资金500万,合计投入资金1100万元。"
    assert relations(text) == [("part", "1100万元", "600万", None), ("part", "1100万元", "500万", None)]


def test_the_rest_summed_is_a_part_not_a_sum_of_the_list():
    text = "新增专项债券11.7亿元，其中：甲项目2.3亿元，乙项目1.5亿元，其余8个项目合计7.9亿元。"
    assert relations(text) == [("part", "11.7亿元", part, None) for part in ["2.3亿元", "1.5亿元", "7.9亿元"]]


def test_parts_after_two_totals_side_by_side_are_of_neither_for_sure():
    # 1038 of 3086 + 2215 is 19.6 %; of 2215 alone it would be 46.9 %
    text = "城区小学一年级共报名3086人，七年级共报名2215人，其中随迁子女1038人，占报名总数的19.6%。"
    assert relations(text) == [("share", "1038人", "19.6%", None)]


def test_a_debt_paid_in_steps_over_several_sentences():
    text = ("目前,教育系统欠款1000万元。解决欠款分三步走:第一步,解决工资欠款300万元。"
            "第二步,解决基建欠款500万元。第三步,解决贷款200万元。今年完成校舍维修20所。")
    assert relations(text) == [("part", "1000万元", part, None) for part in ["300万元", "500万元", "200万元"]]


def test_part_of_a_whole_and_a_share():
    assert relations("督导室对94所项目学校中的78所进行了评估验收。") == [("part_of_whole", "94所", "78所", None)]
    assert relations("我们教育系统共有9万多名师生,占全市总人口的七分之一。") == [("share", "9万多名", "七分之一", None)]
    # a qualifier before 占 is no holder of its own
    assert relations("在园幼儿1.3万人,约占全市在园幼儿的三分之二。") == [("share", "1.3万人", "三分之二", None)]


def test_a_change_after_from_to_is_said_of_where_the_level_went():
    text = "全市学前三年毛入园率由43%提高到65%,提高了22个百分点。"
    assert relations(text) == [("from_to", "43%", "65%", None), ("pp_change", "65%", "22个百分点", None)]


def test_one_part_after_qizhong_is_a_part_of_its_whole_and_a_bare_share_is_of_it():
    document = extract_document("全市共有幼儿园581所,其中公办幼儿园120所,占20.65%。")
    assert [(link.relation, document.claims[link.head].text, document.claims[link.tail].text, link.detail)
            for link in document.links] == [
        ("part_of_whole", "581所", "120所", {}), ("share", "120所", "20.65%", {"of": "", "of_whole": True})]


def test_a_share_of_something_wider_is_not_of_the_sentence_whole():
    document = extract_document("全市共有教师2744人,其中高级教师510人,占全省高级教师总数的5%。")
    [share] = [link for link in document.links if link.relation == "share"]
    assert share.detail["of_whole"] is False


def test_parts_listed_after_qizhong_in_the_sentences_after_their_total():
    text = ("全年全市地区生产总值1006.3亿元，比上年增长6.8%。其中，第一产业增加值238.5亿元，增长6.2%；"
            "第二产业增加值301.2亿元；第三产业增加值466.6亿元。全年粮食总产量285.6万吨。\n"
            "全市共有普通中学85所。其中初中60所。\n全市共有小学120所。\n其中农村小学80所。")
    assert [r for r in relations(text) if r[0] != "growth"] == [
        ("part", "1006.3亿元", "238.5亿元", None), ("part", "1006.3亿元", "301.2亿元", None),
        ("part", "1006.3亿元", "466.6亿元", None),
        ("part_of_whole", "85所", "60所", None),  # one part: no sum, but no more than its whole
    ]  # the total on another line is not the whole of 其中 after a line break


def test_a_sentence_of_parts_adding_up_to_the_total_is_a_breakdown_of_its_own():
    # the 21 projects broken down two ways: by size (one part), by kind (three that make 21)
    text = ("此次集中开工项目共21个，总投资83.5亿元。其中，投资亿元以上项目14个；产业类项目16个、基础设施类项目3个、"
            "社会民生类项目2个。\n全年新建学校12所。其中，小学5所；初中4所、高中3所。")
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == [
        ("part_of_whole", "21个", "14个", None),
        ("part", "21个", "16个", None), ("part", "21个", "3个", None), ("part", "21个", "2个", None),
        # no sentence adds up to 12 alone: one breakdown
        ("part", "12所", "5所", None), ("part", "12所", "4所", None), ("part", "12所", "3所", None)]


def test_rates_listed_after_qizhong_are_no_parts_of_a_sum():
    text = ("全市幼儿园教师学历达标率98%，其中城市99%、农村97%。"
            "全年固定资产投资比上年增长3.1%。其中，项目投资增长5.6%，房地产开发投资下降6.2%。")
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == []


def test_an_aside_breaks_down_the_amount_before_it_not_the_total():
    # the kinds in brackets are parts of 幼儿园, not of the schools; 其中 inside brackets lists its own
    text = ("全镇共有学校30所，其中幼儿园12所（公办5所、民办7所），小学15所，初中3所。"
            "全县共有公交车210辆（其中新能源公交车150辆），出租车400辆。")
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == [
        ("part", "30所", "12所", None), ("part", "30所", "15所", None), ("part", "30所", "3所", None),
        ("part_of_whole", "210辆", "150辆", None)]


def test_averages_ceilings_conversions_and_changes_are_no_totals_or_parts():
    text = ("全县农村居民人均可支配收入15000元。其中，甲镇人均收入16000元，乙镇14000元。\n"
            "公积金贷款最高额度60万元，其中单方缴存职工最高额度40万元，双方缴存职工最高额度60万元。\n"
            "全年贷款余额500亿元，增收20亿元。其中，个人贷款300亿元，多增15亿元。\n"
            "全县组建救援队伍2支80人，村级救援分队共计300余人。\n"
            "前三季度，全市港口货物吞吐量比去年同期净增1,823万吨。其中，外贸货物吞吐量14,526万吨，内贸货物吞吐量21,692万吨。")
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == [
        ("part_of_whole", "500亿元", "300亿元", None)]


def test_a_kind_named_by_a_standard_it_meets_is_a_part():
    # 标准化仓房 and 高标准农田 are kinds of what is counted, not a standard one is paid at
    text = ("现有有效仓容1,186万吨，其中标准化仓房仓容742万吨、简易仓囤仓容444万吨。"
            "全县耕地86万亩，其中高标准农田52万亩、一般耕地34万亩。低保对象2000人，其中保障标准提高后新增120人。")
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == [
        ("part", "1,186万吨", "742万吨", None), ("part", "1,186万吨", "444万吨", None),
        ("part", "86万亩", "52万亩", None), ("part", "86万亩", "34万亩", None)]


def test_a_clause_with_a_total_of_its_own_ends_the_list_of_parts():
    text = "新增停车泊位2000个，其中路边泊位800个、停车场泊位1200个，城区停车泊位总数达到1.5万个。"
    assert [r for r in relations(text) if r[0] == "part"] == [
        ("part", "2000个", "800个", None), ("part", "2000个", "1200个", None)]


def test_an_item_broken_down_after_the_sentence_opening_on_qizhong_keeps_its_own_parts_out():
    text = ("全年共举办各类展览24个。其中，基本陈列2个；临时展览15个，其中自主策划9个、引进展览6个；巡回展览7个。\n"
            "馆藏文物12,860件。其中，珍贵文物1,236件，包括一级文物18件、二级文物196件、三级文物1,022件；一般文物11,624件。")
    assert [r for r in relations(text) if r[0] == "part"] == [
        ("part", "15个", "9个", None), ("part", "15个", "6个", None),
        ("part", "24个", "2个", None), ("part", "24个", "15个", None), ("part", "24个", "7个", None),
        ("part", "12,860件", "1,236件", None), ("part", "12,860件", "11,624件", None)]


def test_parts_after_qizhong_need_one_total_in_the_sentences_before():
    # two totals of the unit before 其中 (新建 and 改扩建): whose parts follow is not said
    text = ("全县计划新建小学10所、改扩建小学6所。其中，2022年新建4所，2023年新建6所。\n"
            "全县学校资产总额50亿元；负债总额8亿元；净资产42亿元。其中，小学资产总额20亿元，中学资产总额30亿元。")
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == []


def test_parts_after_qizhong_are_of_the_total_of_their_kind_not_of_the_task():
    # the sentence before states what was done and the task set from above, both in 亩
    text = ("去年，全市完成沙化土地综合治理215.6万亩，为自治区下达任务207万亩的104.2%。"
            "其中，人工造林38.2万亩，封沙育林41.5万亩，退化草原修复114.3万亩，工程固沙27.4万亩。")
    assert [r for r in relations(text) if r[0] == "part"] == [
        ("part", "215.6万亩", "38.2万亩", None), ("part", "215.6万亩", "41.5万亩", None),
        ("part", "215.6万亩", "114.3万亩", None), ("part", "215.6万亩", "27.4万亩", None)]


def test_a_share_is_held_by_the_level_not_by_its_change():
    text = ("全县共有民办幼儿园58所，比上年增加6所，占全县幼儿园总数的41.4%。"
            "住户存款余额300亿元，比年初增加30亿元，占各项存款增量的60%。"
            "城乡用水量2亿立方米（其中城镇1.2亿立方米，农村0.8亿立方米），占20%。")
    assert [r for r in relations(text) if r[0] == "share"] == [
        ("share", "58所", "41.4%", None), ("share", "30亿元", "60%", None), ("share", "2亿立方米", "20%", None)]



def test_a_count_whose_words_name_a_measure_of_it_holds_no_share():
    # the 79.4% is of the four towns' planted area, which the sentence does not state
    text = "其中，彩云镇种植3.2万亩、竹基镇2.8万亩，4个主产镇种植面积占全县的79.4%。全县有脱贫村12个，占全县村数的25%。"
    assert [r for r in relations(text) if r[0] == "share"] == [("share", "12个", "25%", None)]
    # …nor one whose whole is such a measure: the 52.4% is of the three streets' takings
    text = "分街道看，夫子庙街道、五老村街道夜间营业额分别为58.3亿元、21.6亿元，三个街道合计占全区集聚区营业额的52.4%。"
    assert [r for r in relations(text) if r[0] == "share"] == []


def test_a_sum_public_finance_provides_ends_the_parts():
    text = "计划安排夜间消费券资金2000万元，其中夜间餐饮券占比不低于50%，区级财政安排夜间经济专项扶持资金3000万元。"
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == []


def test_a_share_of_a_plan_is_marked():
    document = extract_document("全年完成重点项目投资56亿元，占年度计划的110%。")
    [share] = [link for link in document.links if link.relation == "share"]
    assert share.detail == {"of": "年度计划", "of_whole": False, "of_plan": True}


def test_a_level_compared_with_is_of_the_base_year_and_changes_are_of_the_level():
    document = extract_document("2021年村集体经济收入达到45万元，比去年的30万元增加了15万元，增长50%。"
                                "2020年全县粮食产量达到30.5万吨，比2015年的27.1万吨增加3.4万吨。")
    assert [(c.text, c.metric_label, c.year) for c in document.claims] == [
        ("45万元", "村集体经济收入", 2021), ("30万元", "村集体经济收入", 2020),
        ("15万元", "村集体经济收入比去年增加额", 2021), ("50%", "村集体经济收入比去年增长率", 2021),
        ("30.5万吨", "粮食产量", 2020), ("27.1万吨", "粮食产量", 2015), ("3.4万吨", "粮食产量比2015年增加", 2020)]
    assert [r for r in relations(document.clean.text) if r[0] in ("change", "growth")] == [
        ("change", "45万元", "15万元", 2020), ("growth", "45万元", "50%", 2020),
        ("change", "30.5万吨", "3.4万吨", 2015)]
    # 与…的4393914人相比: the level a census is compared with, of its year
    document = extract_document("连云港市第七次全国人口普查公报\n全市常住人口为4599360人，与2010年第六次全国人口普查的"
                                "4393914人相比，增加205446人，增长4.68%。")
    assert [(c.text, c.metric_label, c.year) for c in document.claims] == [
        ("4599360人", "常住人口数", 2020), ("4393914人", "常住人口数", 2010),
        ("205446人", "常住人口数增加数", 2020), ("4.68%", "常住人口数增长率", 2020)]
    assert [r for r in relations(document.clean.text) if r[0] in ("change", "growth")] == [
        ("change", "4599360人", "205446人", None), ("growth", "4599360人", "4.68%", None)]


def test_a_share_after_a_respective_run_is_of_the_total_the_run_adds_up_to():
    # (it had been held by 41家: a false error, no whole number of firms giving 41 as 65.3% of it)
    text = "四个花炮主产镇共有生产企业269家，分别为96家、74家、58家、41家，占全市生产企业总数的65.3%。"
    assert [r for r in relations(text) if r[0] == "share"] == [("share", "269家", "65.3%", None)]


def test_a_share_before_a_respectively_with_no_amounts_after_it_keeps_its_holder():
    text = "全县共有家政企业166家，占全市的40%，各街道分别召开座谈会。"
    assert [r for r in relations(text) if r[0] == "share"] == [("share", "166家", "40%", None)]


def test_a_level_compared_with_inside_the_comparison_is_where_the_level_came_from():
    # 较2022年的128.6亿元增长8.9%: the growth is of the level before, from the level compared with
    assert relations("2023年全县豆瓣产业产值136.2亿元，较2022年的128.6亿元增长8.9%。") == [
        ("from_to", "128.6亿元", "136.2亿元", None), ("growth", "136.2亿元", "8.9%", 2022)]
    # 上年同期为3.16亿元 after the level: the same, and of the year before
    document = extract_document("2024年上半年，全县醋企实现利润3.42亿元，上年同期为3.16亿元，同比增长12.8%。")
    assert [(c.text, c.metric_label, c.year) for c in document.claims] == [
        ("3.42亿元", "醋企实现利润", 2024), ("3.16亿元", "醋企实现利润", 2023), ("12.8%", "醋企实现利润同比增长率", 2024)]
    assert relations(document.clean.text) == [
        ("from_to", "3.16亿元", "3.42亿元", None), ("growth", "3.42亿元", "12.8%", 2023)]


def test_a_total_before_qizhong_across_its_change_or_a_level_in_another_unit():
    text = "2023年全县玉雕产业实现产值326亿元，比上年增长8.7%，其中玉雕加工产值215亿元、电商销售额126亿元。"
    assert relations(text) == [("growth", "326亿元", "8.7%", 2022), ("part", "326亿元", "215亿元", None),
                               ("part", "326亿元", "126亿元", None)]
    text = "上半年，全区共组织各类民防演练126场次，参演人员2.3万余人次，其中区级综合演练2场次、街镇级演练31场次、其他演练83场次。"
    assert relations(text) == [("part", "126场次", part, None) for part in ("2场次", "31场次", "83场次")]
    # a measure between them counts what parts of another kind are of: no total
    assert relations("年产值超过10亿元的企业达到46家，其中超过50亿元的8家、超过100亿元的3家。") == []
    # one part past a change may be of a whole its words name: no part of this total
    text = "完成手术1.36万台次，同比增长15.8%，其中三、四级手术5219台次，占住院手术总量的41.2%。"
    assert [r for r in relations(text) if r[0] in ("part", "part_of_whole")] == []


def test_a_share_after_a_list_of_parts_is_of_no_holder_for_sure():
    # the last part's, or the total's: 312.6亿元 is 60% of the region's trade
    text = "全年边民互市贸易额312.6亿元，其中进口287.4亿元、出口25.2亿元，占全区边民互市贸易总额的60%左右。"
    assert relations(text) == [("part", "312.6亿元", "287.4亿元", None), ("part", "312.6亿元", "25.2亿元", None)]


def test_a_level_of_another_year_after_qizhong_is_no_part_of_the_total():
    text = ("西青区2024年上半年劳动人事争议调解仲裁工作情况\n上半年，全区共处理争议案件3,318件。其中，区仲裁院立案受理"
            "仲裁案件2,146件，去年同期为1,932件，同比增长8.3%；各镇（街）调解组织调解成功案件1,172件。")
    assert [r for r in relations(text) if r[0] == "part"] == [
        ("part", "3,318件", "2,146件", None), ("part", "3,318件", "1,172件", None)]
    # the growth is of the year of the level it is said of, not of the 去年 the clause before names
    assert [(c.text, c.year) for c in extract_document(text).claims] == [
        ("3,318件", 2024), ("2,146件", 2024), ("1,932件", 2023), ("8.3%", 2024), ("1,172件", 2024)]


def test_parts_opening_on_every_member_of_a_partition_cover_the_whole():
    from tracker.relating import covers_whole

    assert covers_whole(["本县农牧民", "，县外采挖人员"])
    assert covers_whole(["中央和省级资金", "、市级资金", "、区级财政资金"])
    assert not covers_whole(["省外转移就业", "，市外省内转移就业"])  # 市内 is left out
    assert not covers_whole(["公办幼儿园", "、普惠性民办幼儿园"])  # a narrower class than 民办
    assert not covers_whole(["本县农牧民", "，本县干部"])
    # the tiers below a district, each in one part
    assert covers_whole(["区级综合演练", "、街镇级演练", "、居村和企事业单位演练"])
    assert not covers_whole(["区级综合演练", "、街镇级演练"])  # the villages are left out
