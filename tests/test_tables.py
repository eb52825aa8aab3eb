"""Tables a page renders as lines of cells: each number of a row is a claim when a
header, a unit column or a caption names its unit."""
from decimal import Decimal

from tracker.pipeline import extract_claims
from tracker.tables import table_cells

RELEASE = ("灵山县2023年1—9月主要经济指标运行情况\n发布时间：2023-10-20\n"
           "前三季度，全县经济运行总体平稳。\n"
           "附表：2023年1—9月灵山县主要经济指标\n"
           "指标名称\u3000\u3000单位\u3000\u30001—9月\u3000\u3000同比增长（%）\n"
           "地区生产总值\u3000\u3000亿元\u3000\u3000218.64\u3000\u30005.3\n"
           "\u3000第一产业增加值\u3000\u3000亿元\u3000\u300051.27\u3000\u30004.6\n"
           "规模以上工业增加值\u3000\u3000—\u3000\u3000—\u3000\u30006.1\n"
           "固定资产投资（不含农户）\u3000\u3000—\u3000\u3000—\u3000\u3000-4.8\n"
           "全体居民人均可支配收入\u3000\u3000元\u3000\u300019862\u3000\u30005.9\n")


def test_a_release_table_gives_each_figure_its_row_and_column():
    claims = extract_claims(RELEASE)
    assert [(c.text, c.value, c.unit, c.metric_label, c.year, c.kind, c.locality) for c in claims] == [
        ("218.64", Decimal("21864000000.00"), "元", "1—9月地区生产总值", 2023, "actual", "灵山县"),
        ("5.3", Decimal("5.3"), "%", "地区生产总值同比增长率", 2023, "actual", "灵山县"),
        ("51.27", Decimal("5127000000.00"), "元", "1—9月第一产业增加值", 2023, "actual", "灵山县"),
        ("4.6", Decimal("4.6"), "%", "第一产业增加值同比增长率", 2023, "actual", "灵山县"),
        ("6.1", Decimal("6.1"), "%", "规模以上工业增加值同比增长率", 2023, "actual", "灵山县"),
        # a negative growth is a decrease, its value positive
        ("-4.8", Decimal("4.8"), "%", "固定资产投资（不含农户）同比下降率", 2023, "actual", "灵山县"),
        ("19862", Decimal("19862"), "元", "1—9月全体居民人均可支配收入", 2023, "actual", "灵山县"),
        ("5.9", Decimal("5.9"), "%", "全体居民人均可支配收入同比增长率", 2023, "actual", "灵山县"),
    ]


def test_a_table_in_a_unit_its_first_header_cell_names():
    text = ("泗洪县人民政府2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "单位：件\u3000自然人\u3000法人或其他组织\u3000总计\n"
            "一、本年新收政府信息公开申请数量\u300081\u30008\u300089\n"
            "三、本年度办理结果\n"
            "（一）予以公开\u300037\u30004\u300041\n")
    assert [(c.text, c.unit, c.metric_label, c.year) for c in extract_claims(text)] == [
        ("81", "件", "本年新收政府信息公开申请数量自然人", 2022),
        ("8", "件", "本年新收政府信息公开申请数量法人或其他组织", 2022),
        ("89", "件", "本年新收政府信息公开申请数量", 2022),  # 总计 adds nothing to the row
        ("37", "件", "予以公开自然人", 2022), ("4", "件", "予以公开法人或其他组织", 2022),
        ("41", "件", "予以公开", 2022)]


def test_a_row_labelled_by_a_place_is_of_that_place():
    text = ("连云港市第七次全国人口普查公报\n各县区常住人口\n地区\u3000人口数（人）\u3000比重（%）\n"
            "全\u3000市\u30004599360\u3000100.00\n连云区\u3000236518\u30005.14\n")
    assert [(c.text, c.unit, c.metric_label, c.locality, c.year) for c in extract_claims(text)] == [
        ("4599360", "人", "人口数", "连云港市", 2020), ("100.00", "%", "比重", "连云港市", 2020),
        ("236518", "人", "人口数", "连云区", 2020), ("5.14", "%", "比重", "连云区", 2020)]


def test_columns_of_years_and_of_goals():
    text = ("某县2023年国民经济和社会发展计划执行情况\n单位：亿元\n"
            "指标\u30002022年\u30002023年\u30002024年目标\n地区生产总值\u3000300.5\u3000321.6\u3000340\n")
    assert [(c.text, c.value, c.metric_label, c.year, c.kind) for c in extract_claims(text)] == [
        ("300.5", Decimal("30050000000.0"), "地区生产总值", 2022, "actual"),
        ("321.6", Decimal("32160000000.0"), "地区生产总值", 2023, "actual"),
        ("340", Decimal("34000000000"), "地区生产总值", 2024, "target")]


def test_numbers_whose_unit_no_one_names_are_no_claims():
    # no unit in the header, the row or a caption; page furniture with numbers is no table
    sentences = ["项目\u3000甲\u3000乙", "学校\u300012\u300015",
                 "来源：某县统计局\u3000\u3000发布时间：2023-10-20\u3000\u3000浏览次数：3862", "浏览次数\u30003862"]
    assert table_cells(sentences) == {}


def test_prose_closes_a_table():
    sentences = ["单位：件\u3000自然人\u3000总计", "一、新收申请\u30008\u30009",
                 "在不予公开的5件中，属于内部事务信息的3件，其余为其他情形，均已依法告知申请人", "二、结转申请\u30004\u30004"]
    assert sorted(table_cells(sentences)) == [1]


def test_a_caption_may_name_each_figure_column_s_unit_in_turn():
    text = ("渭南市第五次全国经济普查公报\n表1　按行业门类分组的法人单位\n单位：个、%\n"
            "行业门类\u3000\u3000法人单位数\u3000\u3000比重\n"
            "合计\u3000\u300062385\u3000\u3000100.0\n"
            "采矿业\u3000\u3000312\u3000\u30000.5\n")
    assert [(c.text, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("62385", "个", "合计法人单位数"), ("100.0", "%", "合计比重"),
        ("312", "个", "采矿业法人单位数"), ("0.5", "%", "采矿业比重")]


def test_a_form_whose_rows_name_their_own_unit():
    # the national form of a government website's yearly report: a row names its unit, and the
    # rows after it that name none are in it; a bare value (总数) is of the group before it
    text = ("乌审旗人民政府门户网站工作年度报表（二〇二三年度）\n"
            "网站名称\t乌审旗人民政府门户网站\n"
            "独立用户访问总量（单位：个）\t３２６７５１\n"
            "信息发布（单位：条）\t总数\t5862\n"
            "概况类信息更新量\t47\n"
            "解读回应\t解读信息发布\t总数（单位：条）\t96\n"
            "其中：解读材料数量（单位：条）\t58\n"
            "平均办理时间（单位：天）\t3.6\n")
    assert [(c.text, c.value, c.unit, c.metric_label, c.year) for c in extract_claims(text)] == [
        ("３２６７５１", Decimal("326751"), "个", "独立用户访问总量", 2023),
        ("5862", Decimal("5862"), "条", "信息发布总数", 2023),
        ("47", Decimal("47"), "条", "概况类信息更新量", 2023),
        ("96", Decimal("96"), "条", "解读信息发布总数", 2023),
        ("58", Decimal("58"), "条", "解读材料数量", 2023),
        ("3.6", Decimal("3.6"), "天", "平均办理时间", 2023)]


def test_a_price_table_with_serial_numbers_and_prices_per_quantity():
    text = ("肇庆市2023年第三季度价格运行情况分析\n表1　主要民生商品价格监测表\n"
            "序号\u3000品名\u3000单位\u3000本期价格\u3000上期价格\u3000环比（%）\n"
            "1\u3000粳米\u3000元/500克\u30003.15\u30003.10\u30001.61\n"
            "2\u3000花生油（5升桶装）\u3000元/桶\u3000139.50\u3000140.20\u3000-0.50\n")
    # the serial number is no figure; a price per quantity is in its money's unit; a bare 环比 is a change
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("3.15", Decimal("3.15"), "元", "粳米本期价格"), ("3.10", Decimal("3.10"), "元", "粳米上期价格"),
        ("1.61", Decimal("1.61"), "%", "粳米环比增长率"),
        ("139.50", Decimal("139.50"), "元", "花生油（5升桶装）本期价格"),
        ("140.20", Decimal("140.20"), "元", "花生油（5升桶装）上期价格"),
        ("-0.50", Decimal("0.50"), "%", "花生油（5升桶装）环比下降率")]


def test_a_caption_naming_the_table_gives_its_units_and_digits_may_be_grouped_by_a_blank():
    text = ("天津中德应用技术大学2023届毕业生就业质量年度报告\n表1　2023届毕业生毕业去向分布（单位：人、%）\n"
            "毕业去向\u3000\u3000人数\u3000\u3000占比\n"
            "协议和合同就业\u3000\u30002 608\u3000\u300046.29\n"
            "合计\u3000\u30005 634\u3000\u3000100.00\n")
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("2 608", Decimal("2608"), "人", "协议和合同就业人数"), ("46.29", Decimal("46.29"), "%", "协议和合同就业占比"),
        ("5 634", Decimal("5634"), "人", "合计人数"), ("100.00", Decimal("100.00"), "%", "合计占比")]


def test_words_under_a_column_of_classes_are_skipped_and_a_caption_dates_the_figures():
    text = ("沂源县2024年度地质灾害防治方案\n附件\n沂源县地质灾害重点隐患点一览表\n（数据截至2023年12月31日）\n"
            "序号\t隐患点名称\t所在镇（街道）\t类型\t威胁人数（人）\t威胁财产（万元）\t防治措施\n"
            "1\t杨家庄村北山滑坡\t鲁村镇\t滑坡\t126\t580\t搬迁避让\n")
    # the town, the kind and the measure taken are words, not figures; the caption gives the year
    assert [(c.text, c.value, c.unit, c.metric_label, c.year) for c in extract_claims(text)] == [
        ("126", Decimal("126"), "人", "杨家庄村北山滑坡威胁人数", 2023),
        ("580", Decimal("5800000"), "元", "杨家庄村北山滑坡威胁财产", 2023)]


def test_a_column_of_word_lists_is_skipped_and_a_list_holding_figures_is_read_as_prose():
    text = ("2023年宁乡县主要农作物病虫害防治情况\n作物\t主要病虫害\t发生面积（万亩次）\t防治面积（万亩次）\n"
            "水稻\t稻飞虱、稻纵卷叶螟、二化螟、稻瘟病、纹枯病\t128.4\t146.2\n"
            "序号\t项目\t建设内容\t投资（万元）\n"
            "1\t乡村电商服务站点\t5个乡镇站点、42个村级服务点改造提升\t310\n")
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)][:2] == [
        ("128.4", Decimal("1284000"), "亩次", "水稻发生面积"), ("146.2", Decimal("1462000"), "亩次", "水稻防治面积")]
    assert [c.text for c in extract_claims(text)][2:] == ["5个", "42个"]


def test_a_cell_holding_a_date_is_no_figure_and_keeps_its_row():
    text = ("2023/2024年榨季糖业生产情况\n糖厂名称\t入榨甘蔗（万吨）\t产糖率（%）\t开榨日期\t收榨日期\t生产天数（天）\n"
            "东门糖厂\t128.45\t13.02\t2023.11.12\t2024年4月6日\t147\n")
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("128.45", Decimal("1284500"), "吨", "东门糖厂入榨甘蔗"), ("13.02", Decimal("13.02"), "%", "东门糖厂产糖率"),
        ("147", Decimal("147"), "天", "东门糖厂生产天数")]


def test_a_header_may_name_a_price_per_person_and_month():
    text = ("沧州市民政局关于调整城乡低保标准的通知\n附件\n沧州市城乡低保标准调整表\n"
            "序号\t县（市、区）\t类别\t城市低保标准（元/人·月）\t农村低保标准（元/人·年）\n"
            "1\t新华区\t一类\t810\t7200\n")
    assert [(c.text, c.unit, c.metric_label, c.locality) for c in extract_claims(text)] == [
        ("810", "元", "城市低保标准", "新华区"), ("7200", "元", "农村低保标准", "新华区")]


def test_a_header_that_ends_in_a_measure_word_of_times_counts_in_it():
    text = ("漳州市2023年第三季度食品安全监督抽检信息通报\n表1　2023年第三季度全市食品安全监督抽检分类别情况\n"
            "序号\t食品类别\t抽检批次\t不合格批次\t不合格率（%）\n"
            "1\t粮食加工品\t186\t1\t0.54\n")
    assert [(c.text, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("186", "批次", "粮食加工品抽检批次"), ("1", "批次", "粮食加工品不合格批次"), ("0.54", "%", "粮食加工品不合格率")]


def test_a_header_naming_a_score_reads_its_cells_in_points():
    text = ("宝应县2023年幼儿园办园行为督导评估报告\n序号\t幼儿园名称\t所在镇\t性质\t得分\t等次\n"
            "1\t宝应县实验幼儿园\t安宜镇\t公办\t96.5\t优秀\n")
    assert [(c.text, c.unit, c.metric_label, c.locality) for c in extract_claims(text)] == [
        ("96.5", "分", "宝应县实验幼儿园得分", "安宜镇")]


def test_cells_aligned_by_hand_with_a_blank_after_full_width_spaces():
    text = ("保山市教育局2022年学生资助工作情况报告\n表1　2022年保山市各学段学生资助情况\n"
            "学段\u3000\u3000资助人次\u3000\u3000资助资金（万元）\u3000\u3000资金同比增长（%）\n"
            "义务教育\u3000\u300076800\u3000\u30008570.0\u3000\u3000\u3000 3.1\n")
    assert [(c.text, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("76800", "人次", "义务教育资助人次"), ("8570.0", "元", "义务教育资助资金"), ("3.1", "%", "义务教育资金同比增长率")]


def test_a_rows_label_may_name_its_unit_and_a_header_two_that_count_alike():
    text = ("宽甸满族自治县2023年禁毒工作总结\n指标\t年度目标\t完成情况\t完成率\n"
            "破获毒品刑事案件（起）\t20\t23\t115.0%\n"
            "县（市、区）\t保障性租赁住房筹集（套/间）\t发放租赁补贴（户）\n浔阳区\t1,206\t1,382\n")
    assert [(c.text, c.unit, c.metric_label, c.kind) for c in extract_claims(text)] == [
        ("20", "起", "破获毒品刑事案件年度目标", "target"), ("23", "起", "破获毒品刑事案件完成情况", "actual"),
        ("115.0%", "%", "破获毒品刑事案件完成率", "actual"),
        ("1,206", "套", "保障性租赁住房筹集", "actual"), ("1,382", "户", "发放租赁补贴", "actual")]


def test_a_plus_sign_makes_a_rise_and_a_minus_sign_a_fall():
    text = ("澄迈县2023年信访工作总结\n镇\t受理件数（件）\t同比增长（%）\n金江镇\t218\t-18.7\n福山镇\t84\t+5.0\n")
    assert [(c.text, c.value, c.metric_label) for c in extract_claims(text)][1::2] == [
        ("-18.7", Decimal("18.7"), "受理件数同比下降率"), ("+5.0", Decimal("5.0"), "受理件数同比增长率")]


def test_a_rank_column_is_no_figure_and_its_placeholder_opens_the_whole_row():
    text = ("金华市2023年11月环境空气质量通报\n排名\t县（市、区）\tPM2.5浓度（微克/立方米）\t同比变化（%）\n"
            "1\t磐安县\t20\t-9.1\n—\t全市\t30\t-6.3\n")
    assert [(c.text, c.unit, c.locality) for c in extract_claims(text)] == [
        ("20", "微克/立方米", "磐安县"), ("-9.1", "%", "磐安县"), ("30", "微克/立方米", "金华市"), ("-6.3", "%", "金华市")]


def test_empty_cells_keep_a_total_row_under_its_columns():
    # the 合计 row leaves 项目名称 and 建设地点 empty and lost its last cell to trimming
    text = ("瓜州县2023年新能源项目建设情况报告\n序号\t项目名称\t建设地点\t建设规模（万千瓦）\t总投资（亿元）\t进展情况\n"
            "1\t北大桥东风电项目\t柳园镇\t50\t31.5\t全容量并网\n合计\t\t\t269\t156.3\t\n")
    assert [(c.text, c.unit, c.metric_label) for c in extract_claims(text)][2:] == [
        ("269", "千瓦", "合计建设规模"), ("156.3", "元", "合计总投资")]


def test_a_total_label_over_the_serial_and_name_columns_keeps_the_figures_under_their_units():
    # 合计 stands over 序号 and 影院名称 and leaves 所在镇街 empty: aligned from the left, its
    # figures would fall under the town's column
    text = ("江津区2023年电影市场发展情况\n序号\t影院名称\t所在镇街\t银幕（块）\t座位（个）\t票房（万元）\n"
            "1\t江津影城\t几江街道\t12\t1,620\t912\n合计（18家）\t\t112\t14,236\t5,260\n")
    assert [(c.text, c.unit, c.metric_label) for c in extract_claims(text)][3:] == [
        ("112", "块", "合计银幕"), ("14,236", "个", "合计座位"), ("5,260", "元", "合计票房")]


def test_a_cell_may_write_its_own_unit_and_a_header_may_count_in_periods():
    text = ("建宁县2023年政策性农业保险工作情况报告\n险种\t承保数量\t保费（万元）\n水稻制种保险\t12.6万亩\t1,008.0\n"
            "其他险种\t二类\t33.0\n序号\t工种\t培训期数\t培训人次\n1\t电工\t12\t356\n")
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("12.6万亩", Decimal("126000"), "亩", "水稻制种保险承保数量"), ("1,008.0", Decimal("10080000.0"), "元", "水稻制种保险保费"),
        ("33.0", Decimal("330000.0"), "元", "其他险种保费"),  # a class written in words is no figure
        ("12", Decimal("12"), "期", "电工培训期数"), ("356", Decimal("356"), "人次", "电工培训人次")]


def test_a_caption_may_name_a_unit_for_each_kind_of_column_where_years_make_one_kind():
    text = ("2023年海西州各县（市、行委）福利彩票销售情况统计表\n单位：万元、%、个\n"
            "地区\t2023年销量\t2022年销量\t同比增长\t销售站点\n"
            "德令哈市\t8420\t7010\t20.1\t48\n")
    assert [(c.text, c.value, c.unit, c.year) for c in extract_claims(text)] == [
        ("8420", Decimal("84200000"), "元", 2023), ("7010", Decimal("70100000"), "元", 2022),
        ("20.1", Decimal("20.1"), "%", 2023), ("48", Decimal("48"), "个", 2023)]


def test_a_price_per_quantity_with_a_note_is_the_tables_unit_and_an_unchanged_cell_no_figure():
    text = ("附：银川市主要民生商品价格监测表（2023年12月11日—12月15日）\n单位：元/斤（注明者除外）\n"
            "品名\t规格等级\t本周均价\t上周均价\t环比（%）\n"
            "粳米\t一级\t2.95\t2.95\t持平\n"
            "菜籽油（元/桶）\t5L桶装\t75.80\t76.50\t-0.92\n")
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("2.95", Decimal("2.95"), "元", "粳米本周均价"), ("2.95", Decimal("2.95"), "元", "粳米上周均价"),
        ("75.80", Decimal("75.80"), "元", "菜籽油本周均价"), ("76.50", Decimal("76.50"), "元", "菜籽油上周均价"),
        ("-0.92", Decimal("0.92"), "%", "菜籽油环比下降率")]


def test_a_unit_list_shorter_than_the_columns_names_each_run_of_columns_ending_in_one_noun():
    text = ("大连市2023年海参产业发展情况\n表1　2023年各县（市、区）海参养殖生产情况\n单位：万亩、吨\n"
            "地区\t池塘养殖面积\t底播增殖面积\t海参产量\n"
            "瓦房店市\t12.6\t15.9\t15,260\n")
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("12.6", Decimal("126000"), "亩", "池塘养殖面积"), ("15.9", Decimal("159000"), "亩", "底播增殖面积"),
        ("15,260", Decimal("15260"), "吨", "海参产量")]


def test_a_figure_with_a_fraction_counts_in_no_unit_of_whole_things():
    # the columns' words tell 万亩 from 座 nowhere; 1.4 and 1.8 can be no count of 座
    text = ("中卫市2024年硒砂瓜产业工作要点\n表2　2024年硒砂瓜产业主要任务分解\n单位：万亩、座\n"
            "县（区）\u3000压砂地退出\u3000新增水肥一体化\u3000新建冷藏保鲜库\n沙坡头区\u30001.4\u30001.8\u30006\n")
    assert [(c.text, c.value, c.unit) for c in extract_claims(text)] == [
        ("1.4", Decimal("14000.0"), "亩"), ("1.8", Decimal("18000.0"), "亩"), ("6", Decimal("6"), "座")]
    # a row of whole numbers stays unread: either cut fits it
    assert extract_claims(text.replace("1.4\u30001.8", "1\u30002")) == []


def test_a_hidden_cell_is_a_redacted_figure_of_its_column():
    text = ("秦淮区2023年夜间经济发展情况\n集聚区名称\t客流量（万人次）\t营业额（亿元）\n"
            "熙南里历史文化街区\txx\t9.7\n")
    assert [(c.text, c.value, c.unit, c.redacted, c.metric_label) for c in extract_claims(text)] == [
        ("xx", None, "人次", True, "熙南里历史文化街区客流量"),
        ("9.7", Decimal("970000000"), "元", False, "熙南里历史文化街区营业额")]


def test_a_count_in_a_rows_label_names_no_unit_and_a_unit_in_latin_letters_stays_in_its_header():
    text = ("包头市2023年供热工作总结\n表1　中心城区主要热源情况\n"
            "序号\t热源名称\t热源类型\t供热能力（MW）\t供热面积（万平方米）\n"
            "1\t第一热电厂\t热电联产\t1650\t2780\n"
            "6\t调峰锅炉房（12座）\t燃煤、燃气\t720\t1000\n")
    assert [(c.text, c.value, c.unit) for c in extract_claims(text)] == [
        ("1650", Decimal("1650"), "MW"), ("2780", Decimal("27800000"), "平方米"),
        ("720", Decimal("720"), "MW"), ("1000", Decimal("10000000"), "平方米")]


def test_a_rows_unit_is_in_the_last_brackets_of_its_label_and_a_signed_cell_may_write_its_own_unit():
    text = ("富平县2023年村卫生室工作报告\n表1　富平县村卫生室主要指标完成情况\n"
            "指标\t2022年\t2023年\t2024年目标\n"
            "执业（助理）医师占比（%）\t27.7\t30.9\t33\n"
            "附表：主要指标\n指标名称\t单位\t2023年\t2022年\t增减\n"
            "关键工序机械化率\t%\t85.6\t81.4\t+4.2个百分点\n"
            "事故率\t%\t5.6\t8.4\t-2.8个百分点\n")
    assert [(c.text, c.value, c.unit, c.metric_label, c.year, c.kind) for c in extract_claims(text)] == [
        ("27.7", Decimal("27.7"), "%", "执业（助理）医师占比", 2022, "actual"),
        ("30.9", Decimal("30.9"), "%", "执业（助理）医师占比", 2023, "actual"),
        ("33", Decimal("33"), "%", "执业（助理）医师占比", 2024, "target"),
        ("85.6", Decimal("85.6"), "%", "关键工序机械化率", 2023, "actual"),
        ("81.4", Decimal("81.4"), "%", "关键工序机械化率", 2022, "actual"),
        ("+4.2个百分点", Decimal("4.2"), "百分点", "关键工序机械化率增减", 2023, "actual"),
        ("5.6", Decimal("5.6"), "%", "事故率", 2023, "actual"),
        ("8.4", Decimal("8.4"), "%", "事故率", 2022, "actual"),
        ("-2.8个百分点", Decimal("2.8"), "百分点", "事故率增减", 2023, "actual")]


def test_a_percent_sign_ending_a_header_names_the_columns_unit():
    text = ("白沙镇2024年财政预算报告\n表1　白沙镇2024年一般公共预算支出预算表\n单位：万元\n"
            "项目\t2023年执行数\t2024年预算数\t增减%\n教育支出\t128.60\t120.00\t-6.7\n")
    assert [(c.text, c.value, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("128.60", Decimal("1286000.00"), "元", "教育支出执行数"), ("120.00", Decimal("1200000.00"), "元", "教育支出"),
        ("-6.7", Decimal("6.7"), "%", "教育支出增减")]


def test_a_signed_cell_of_a_rates_row_under_a_column_naming_no_unit_is_its_change_in_points():
    text = ("盐池县2023年互联网+医疗健康工作报告\n附表：主要指标完成情况\n指标\t2022年\t2023年\t同比增减\n"
            "互联网医院（家）\t2\t3\t+1\n远程会诊（例）\t1,805\t2,386\t+32.2%\n电子健康档案建档率（%）\t91.2\t93.5\t+2.3\n"
            "表2　指标\t2022年\t2023年\t同比增减（%）\n预约诊疗率（%）\t53.4\t62.8\t+17.6\n")
    assert [(c.text, c.unit) for c in extract_claims(text) if c.text.startswith("+")] == [
        ("+1", "家"), ("+32.2%", "%"), ("+2.3", "百分点"),
        # a column in percent is a growth rate
        ("+17.6", "%")]


def test_a_headers_unit_may_stand_in_brackets_after_an_aside():
    text = ("天水市文化和旅游局2023年研学旅行工作总结\n表1　2023年各县区研学旅行发展情况\n"
            "县区      研学基地（营地）（个）      接待研学学生（万人次）      研学收入（万元）\n"
            "秦州区      15      24.6      4,380\n麦积区      17      27.3      5,120\n")
    assert [(c.text, c.value, c.unit, c.locality) for c in extract_claims(text)] == [
        ("15", Decimal("15"), "个", "秦州区"), ("24.6", Decimal("246000"), "人次", "秦州区"),
        ("4,380", Decimal("43800000"), "元", "秦州区"), ("17", Decimal("17"), "个", "麦积区"),
        ("27.3", Decimal("273000"), "人次", "麦积区"), ("5,120", Decimal("51200000"), "元", "麦积区")]


def test_a_growth_column_naming_nothing_that_grew_is_the_growth_of_the_figure_before_it():
    text = ("晋江市鞋服产业发展报告\n表1　2023年晋江市分镇（街道）规上鞋服企业主要指标\n"
            "镇（街道）\t企业数（家）\t工业产值（亿元）\t同比增长（%）\n陈埭镇\t318\t842.6\t7.9\n池店镇\t201\t310.2\t-2.1\n"
            "表2　快递业务量\n类别\t单位\t全年累计\t同比增长（%）\n异地\t亿件\t11.42\t16.9\n")
    assert [(c.text, c.metric_label) for c in extract_claims(text) if c.unit == "%"] == [
        ("7.9", "工业产值同比增长率"), ("-2.1", "工业产值同比下降率"),
        ("16.9", "异地同比增长率")]  # after a span's column, the row names what grew


def test_a_caption_line_of_one_cell_names_each_columns_unit_and_a_scaled_unit_in_a_header_is_no_figure():
    text = ("公安县稻虾共作发展报告\n2023年各乡镇稻虾共作发展情况（单位：万亩、万吨、户）\n"
            "乡镇\t稻虾共作面积\t小龙虾产量\t带动农户\n埠河镇\t5.8\t1.26\t5320\n"
            "表2　白酒产业\n县（区）\t规上企业（家）\t产量（万千升）\n翠屏区\t12\t21.8\n")
    assert [(c.text, c.value, c.unit) for c in extract_claims(text)] == [
        ("5.8", Decimal("58000.0"), "亩"), ("1.26", Decimal("12600.00"), "吨"), ("5320", Decimal("5320"), "户"),
        ("12", Decimal("12"), "家"), ("21.8", Decimal("218000.0"), "千升")]


def test_a_unit_list_shorter_than_the_columns_fits_each_unit_to_the_columns_its_kind_names():
    text = ("表2\u30002024年上半年各镇（区）羊绒产业主要指标\n单位：家、亿元\n"
            "镇（区）\u3000\u3000规上羊绒企业\u3000\u3000营业收入\u3000\u3000网络零售额\n"
            "葛仙庄镇\u3000\u300012\u3000\u300028.3\u3000\u300016.7\n")
    assert [(c.text, c.value, c.unit) for c in extract_claims(text)] == [
        ("12", 12, "家"), ("28.3", Decimal("2830000000.0"), "元"), ("16.7", Decimal("1670000000.0"), "元")]
    # columns of one kind, ending alike, stay under one unit
    text = ("单位：万头、个\n县（市、区）\u3000饲养量\u3000出栏量\u3000新建规模场\n"
            "前郭县\u300078.0\u300034.0\u3000300\n")
    assert [(c.text, c.value, c.unit) for c in extract_claims(text)] == [
        ("78.0", 780000, "头"), ("34.0", 340000, "头"), ("300", 300, "个")]


def test_a_column_naming_its_own_unit_takes_it_from_the_captions_list():
    text = ("单位：起、万亩、万元\n县（市）\u3000肇事起数\u3000受损农作物面积\u3000理赔金额\u3000理赔金额同比（%）\n"
            "景洪市\u3000602\u30000.53\u30001,362.8\u3000-6.2\n")
    assert [(c.text, c.value, c.unit) for c in extract_claims(text)] == [
        ("602", 602, "起"), ("0.53", Decimal("5300.00"), "亩"), ("1,362.8", Decimal("13628000.0"), "元"),
        ("-6.2", Decimal("6.2"), "%")]


def test_a_column_counting_in_a_unit_takes_the_captions_scale_of_it():
    # 采集人数 counts people; the caption says in 万人
    text = ("单位：万人，吨，亿元\n县（区）\u3000采集人数\u3000产量\u3000收入\n比如县\u30003.8\u300012.4\u300018.9\n")
    assert [(c.text, c.value, c.unit) for c in extract_claims(text)] == [
        ("3.8", Decimal("38000.0"), "人"), ("12.4", Decimal("12.4"), "吨"), ("18.9", Decimal("1890000000.0"), "元")]


def test_a_column_beside_its_rate_is_counted_in_the_captions_count_unit():
    # 单位：件、% over three columns: 调解成功 is what 调解成功率 rates, counted in 件
    text = ("单位：件、%\n镇（街）\u3000受理调解案件\u3000调解成功\u3000调解成功率\n杨柳青镇\u3000236\u3000188\u300079.7\n")
    assert [(c.text, c.unit, c.metric_label) for c in extract_claims(text)] == [
        ("236", "件", "受理调解案件"), ("188", "件", "调解成功"), ("79.7", "%", "调解成功率")]


def test_a_column_of_a_part_of_the_column_before_it_is_in_its_unit():
    # 单位：种、只 over three columns: 其中：白鹤 breaks the birds counted down, so it is counted in 只
    text = ("单位：种、只\n乡镇\u3000记录种数\u3000水鸟数量\u3000其中：白鹤\n多宝乡\u300031\u300042600\u3000860\n")
    assert [(c.text, c.unit) for c in extract_claims(text)] == [("31", "种"), ("42600", "只"), ("860", "只")]


def test_a_signed_change_of_a_count_is_in_percent_and_of_a_rate_in_points():
    text = ("单位：件、%\n争议类型\u3000案件数\u3000占比\u3000同比增减\n劳动报酬\u30001,027\u300047.9\u3000+9.6\n")
    assert [(c.text, c.unit) for c in extract_claims(text)] == [("1,027", "件"), ("47.9", "%"), ("+9.6", "%")]
    text = "指标\u30002022年\u30002023年\u3000增减\n电子健康档案建档率（%）\u300091.2\u300093.5\u3000+2.3\n"
    assert [(c.text, c.unit) for c in extract_claims(text)][-1] == ("+2.3", "百分点")


def test_a_column_of_a_quota_set_from_above_holds_targets():
    text = ("2023年各旗县市区沙化土地综合治理完成情况\n单位：万亩、%\n旗县市区\u3000下达任务\u3000完成面积\u3000完成率\n"
            "科尔沁区\u300012.0\u300012.6\u3000105.0\n")
    assert [(c.text, c.kind) for c in extract_claims(text)] == [("12.0", "target"), ("12.6", "actual"), ("105.0", "actual")]


def test_a_tables_title_dates_its_figures_and_a_title_of_goals_makes_them_targets():
    text = ("在全区产业发展大会上的讲话\n（2024年3月1日）\n"
            "表1\u30002023年主要乡镇青菜头生产情况\n单位：万亩\n乡镇\u3000种植面积\n百胜镇\u30006.2\n"
            "表2\u30002024年全区榨菜产业主要目标任务\n指标\u30002023年完成\u30002024年目标\n"
            "青菜头种植面积（万亩）\u300072.6\u300072\n")
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("6.2", 2023, "actual"), ("72.6", 2023, "actual"), ("72", 2024, "target")]
    # a numbered title may set its number off with a colon (附表：2023年…)
    text = ("在区人大常委会会议上的报告\n（2024年6月27日）\n附表：2023年各镇（街）新会柑种植情况\n单位：亩、吨\n"
            "镇（街）\u3000种植面积\u3000柑果产量\n双水镇\u300032600\u300036800\n")
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [
        ("32600", 2023, "actual"), ("36800", 2023, "actual")]
    # a programme named a plan is no goal
    text = ("2023年部分乡镇营养改善计划实施情况\n乡镇\u3000学校数（所）\n扎瓦镇\u300012\n")
    assert [(c.text, c.year, c.kind) for c in extract_claims(text)] == [("12", 2023, "actual")]


def test_a_column_opening_with_a_span_of_years_gives_its_figures_that_period():
    text = ("表1\u3000各县（市、区）退耕还林完成情况\n单位：万亩\n"
            "县（市、区）\u30001999—2023年累计完成\u30002023年补植补造\n宝塔区\u3000119.2\u30000.62\n")
    assert [(c.text, c.metric_label, c.year, c.period) for c in extract_claims(text)] == [
        ("119.2", "累计完成", None, "1999-2023"), ("0.62", "补植补造", 2023, None)]


def test_where_the_columns_kinds_leave_the_cut_open_the_text_counts_their_nouns():
    # 单位：处、个 over three columns of counts: the text counts 隐患 in 处 and 充电桩 in 个
    text = ("全县共排查出租房1.2万处，发现隐患3260处，新建充电桩1850个。\n"
            "单位：处、个\n镇（街道）\u3000排查出租房\u3000发现隐患\u3000新建充电桩\n"
            "城关镇\u30003200\u3000870\u3000460\n")
    assert [(c.text, c.unit) for c in extract_claims(text)][3:] == [
        ("3200", "处"), ("870", "处"), ("460", "个")]
    # the same table with no such text is not guessed at
    assert [(c.text, c.unit) for c in extract_claims(text.split("\n", 1)[1])] == []


def test_a_column_naming_no_kind_stays_with_the_one_before_and_a_spaced_label_is_a_place():
    # 已开工 counts the 项目 of the column before it, not 万元; 索　县 is 索县 spaced for alignment
    text = ("那曲市供氧保障工程推进情况\n单位：个、万元\n县（区）\u3000年度项目数\u3000已开工\u3000完成投资\n"
            "索\u3000县\u30009\u30008\u30001460\n")
    assert [(c.text, c.unit, c.metric_label, c.locality) for c in extract_claims(text)] == [
        ("9", "个", "年度项目数", "索县"), ("8", "个", "已开工", "索县"), ("1460", "元", "完成投资", "索县")]


def test_a_column_of_the_same_period_a_year_before_is_of_the_year_before():
    # 上年同期 dates its cells a year before the text's and adds nothing to their label
    text = ("三亚市2024年上半年游艇产业运行分析\n表1　2024年上半年游艇产业主要指标\n"
            "指标名称\u3000\u3000单位\u3000\u30001—6月\u3000\u3000上年同期\u3000\u3000同比增长（%）\n"
            "游艇出海\u3000\u3000艘次\u3000\u300086200\u3000\u300077380\u3000\u300011.4\n")
    assert [(c.text, c.metric_label, c.year) for c in extract_claims(text)] == [
        ("86200", "1—6月游艇出海", 2024), ("77380", "游艇出海", 2023), ("11.4", "游艇出海同比增长率", 2024)]
