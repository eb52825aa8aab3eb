"""Metric labels built from the words around each amount (seeds/labels.toml)."""
import pytest

from tracker.extracting import extract_amounts
from tracker.labeling import label_amounts
from tracker.pipeline import extract_claims, extract_document


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
    # A label ending in the counted thing takes 数 alone, not its measure word again.
    ("全县共排查校舍建筑物1200栋", [("1200栋", "排查校舍建筑物数")]),
    ("受理群众来信来访案件56件", [("56件", "受理群众来信来访案件数")]),
    # 达到或超过 links the noun to a bound like 达到.
    ("全区义务教育巩固率达到或超过95%", [("超过95%", "义务教育巩固率")]),
    ("维修改造城乡校舍10万平方米", [("10万平方米", "维修改造城乡校舍面积")]),
    ("投入资金3亿元,启动实施15所城区公办高中提升改造", [("3亿元", "投入资金"), ("15所", "启动实施城区公办高中提升改造学校数")]),
    # A count's noun after the amount; the verb after a subject count.
    ("选派4名校长到农村学校任职", [("4名", "选派到农村学校任职的校长数")]),
    ("12家教育网站获省教育厅前置审批", [("12家", "获省教育厅前置审批的教育网站数")]),
    ("对29所学校的校舍进行了维修改造", [("29所", "校舍维修改造的学校数")]),
    # A share with no noun after it is the share of what its verb does.
    ("全县中小学100%接入宽带网络", [("100%", "中小学接入宽带网络比例")]),
    ("全区100%实行“阳光招生、均衡编班”政策", [("100%", "实行“阳光招生、均衡编班”比例")]),
    ("高中阶段毛入学率达到92%以上的要求全部落实", [("92%以上", "高中阶段毛入学率")]),
    # A quotation inside a label keeps both its marks.
    ("评选表彰了12个“先进基层党组织”", [("12个", "评选表彰“先进基层党组织”数")]),
    # 就近, 就业, 就读 are verbs of their own, not 就 "then" ending the verb phrase.
    ("98%的适龄儿童实现了就近入学", [("98%", "实现就近入学的适龄儿童比例")]),
    ("市属2所高校毕业生就业率达89.4%", [("2所", "市属高校数"), ("89.4%", "毕业生就业率")]),
    # 提高到 links a noun to the level it reached, as 达到 does; 年末 opens a clause like 全年.
    ("森林覆盖率提高到38.6%,比上年提高0.5个百分点",
     [("38.6%", "森林覆盖率"), ("0.5个百分点", "森林覆盖率比上年提高幅度")]),
    ("年末全市户籍总人口277.8万人", [("277.8万人", "户籍总人口数")]),
    ("城镇登记失业率下降至3.2%", [("3.2%", "城镇登记失业率")]),
    ("城镇调查失业率控制在5.5%以内", [("5.5%以内", "城镇调查失业率")]),
    # 第二批 opens a clause like 第二; 批次 counts visits as 人次 does.
    ("第二批8个乡镇卫生院完成标准化建设", [("8个", "完成标准化建设的乡镇卫生院数")]),
    ("共接待来访群众560批次", [("560批次", "接待来访群众批次")]),
    # Bare amounts listed after a named one in its unit are counts of the same thing.
    ("全市新建学校5所、3所", [("5所", "新建学校数"), ("3所", "新建学校数")]),
    ("分别新建幼儿园3所、2所和4所", [("3所", "新建幼儿园数"), ("2所", "新建幼儿园数"), ("4所", "新建幼儿园数")]),
    # ... and so do bare parts after a total and 其中.
    ("全县共有中小学85所，其中12所、8所", [("85所", "中小学数"), ("12所", "中小学数"), ("8所", "中小学数")]),
    # Coordinated amounts share the noun and the verb of the last.
    ("中高职分别有300名和45名学生进入决赛", [("300名", "中高职进入决赛的学生数"), ("45名", "进入决赛的学生数")]),
    ("全年处分违规教师7人、取缔无证办学单位11家", [("7人", "处分违规教师数"), ("11家", "取缔无证办学单位数")]),
    # A measure word that only sorts its noun is not counted; one that is a noun too is.
    ("全县排查整改燃气安全隐患326处，新增床位200张，完成改革任务36项",
     [("326处", "排查整改燃气安全隐患数"), ("200张", "新增床位数"), ("36项", "完成改革任务项数")]),
    # Examples before 等 are not the measured thing.
    ("煤化工等5个示范专业、畜牧兽医等3个骨干专业得到重点支持",
     [("5个", "示范专业数"), ("3个", "得到重点支持的骨干专业数")]),
    # With no noun after the amount, the examples before 等 are what it counts.
    ("培训校长、骨干教师等1500人次", [("1500人次", "培训校长、骨干教师人次")]),
    # A count of attendances is labelled in 人次 whatever noun the sentence uses.
    ("组织专家送教下乡,受益人数3000人次", [("3000人次", "受益人次")]),
    ("对保留的9项审批项目实行网上办理", [("9项", "保留实行网上办理的审批项目数")]),
    # Two or more quotations before a count name its items; 各学校要 addresses, it does not measure.
    ("各学校要认真落实“课前预习”、“课堂互动”和“课后反思”三个环节", [("三个", "认真落实环节数")]),
    ("全区主要有四项任务", [("四项", "任务项数")]),
    # A frame clause (在…上, 围绕…) names the topic of the counts after it; a vague one does not.
    ("在全省中小学生艺术展演上，我县共有12人获一等奖、20人获二等奖",
     [("12人", "全省中小学生艺术展演获一等奖人数"), ("20人", "全省中小学生艺术展演获二等奖人数")]),
    ("2016年,要围绕推进教育信息化,重点做好五项工作", [("五项", "推进教育信息化重点做好工作项数")]),
    ("在具体工作中，要重点落实四个方面", [("四个", "重点落实方面数")]),
    # A document title names what its items belong to.
    ("会上印发了《2016年县教育局重点工作要点》，共计八个方面36条",
     [("八个", "县教育局重点工作要点方面数"), ("36条", "县教育局重点工作要点条数")]),
    # An aside in brackets after an amount does not hide the words that name it.
    ("力争再有15%(累计65%)的农村小学达到办学标准",
     [("15%", "达到办学标准的农村小学比例"), ("65%", "达到办学标准的农村小学比例")]),
    # A list of counts with their nouns shares the verb before the first, not its possessor.
    ("共表彰了12名“优秀教师”、8名“优秀班主任”", [("12名", "表彰“优秀教师”数"), ("8名", "表彰“优秀班主任”人数")]),
    ("县教育局及所属5个事业单位、12个党支部", [("5个", "县教育局及所属事业单位数"), ("12个", "党支部数")]),
    ("范围内的320所学校已全部建档", [("320所", "建档的学校数")]),
    # 有 between owner and owned is not part of the label.
    ("全县各乡镇现有代课教师120人", [("120人", "各乡镇代课教师数")]),
    ("部分学校尚有债务86万元", [("86万元", "部分学校债务")]),
    # Words before 的 after a count modify the counted noun after it.
    ("为全县35名就读职业学校的残疾学生减免学费", [("35名", "减免学费的就读职业学校的残疾学生数")]),
    ("谋划建设一所具有一定规模的示范性幼儿园", [("一所", "谋划建设具有一定规模的示范性幼儿园数")]),
    # 初中 and 高中 are schools, not 中 "in".
    ("新建3所寄宿制初中", [("3所", "新建寄宿制初中数")]),
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
    # A rate or points after a change verb with no level before them is that change.
    ("全年固定资产投资比上年增长3.1%，其中项目投资下降6.2%",
     [("3.1%", "固定资产投资比上年增长率"), ("6.2%", "项目投资下降率")]),
    ("增速比上半年提高3.2个百分点", [("3.2个百分点", "增速比上半年提高幅度")]),
    ("城乡居民人均可支配收入分别增长7%和8%",
     [("7%", "城乡居民人均可支配收入增长率"), ("8%", "城乡居民人均可支配收入增长率")]),
    # 增幅, 增速, 降幅 name the change of the level before; points after a rate change it
    ("全年一般公共预算收入完成9.86亿元，增幅为12.3%", [("9.86亿元", "一般公共预算收入"), ("12.3%", "一般公共预算收入增长率")]),
    ("社会消费品零售总额48.6亿元，增速为6.5%，比上年回落2.1个百分点", [
        ("48.6亿元", "社会消费品零售总额"), ("6.5%", "社会消费品零售总额增长率"),
        ("2.1个百分点", "社会消费品零售总额增长率比上年回落幅度")]),
    ("规模以上工业增加值同比下降1.3%，降幅比上半年收窄4.6个百分点", [
        ("1.3%", "规模以上工业增加值同比下降率"), ("4.6个百分点", "规模以上工业增加值同比下降率比上半年收窄幅度")]),
    ("全年全社会固定资产投资降幅为3.2%", [("3.2%", "全社会固定资产投资下降率")]),
    # 完成 links a named sum to its amount; before a count it is the action.
    ("全年一般公共预算收入完成8.6亿元", [("8.6亿元", "一般公共预算收入")]),
    ("完成xx所标准化学校建设", [("xx所", "完成标准化学校数")]),
    # Parts of a year open a clause like years do
    ("一季度全县社会消费品零售总额完成9.8亿元", [("9.8亿元", "社会消费品零售总额")]),
    ("1-9月，规模以上工业增加值同比下降1.3%", [("1.3%", "规模以上工业增加值同比下降率")]),
    # one thing counted in two units; a named one keeps its own words
    ("全年保障城乡低保对象1.26万户、2.13万人", [("1.26万户", "保障城乡低保对象户数"), ("2.13万人", "保障城乡低保对象人数")]),
    ("全市共有幼儿园581所、在园幼儿4.2万人", [("581所", "幼儿园数"), ("4.2万人", "在园幼儿数")]),
    # 对象 and 群众 are what is counted; 对 before a verb ends the noun
    ("为1865名重点优抚对象发放抚恤补助资金1560万元",
     [("1865名", "重点优抚对象人数"), ("1560万元", "发放抚恤补助资金")]),
    ("为300名困难群众发放救助金50万元", [("300名", "困难群众数"), ("50万元", "发放救助金")]),
    # the per-unit of a standard is no part of what is measured
    ("城乡低保标准提高到每人每年7200元", [("7200元", "城乡低保标准")]),
    # 第一产业 is a sector, not a list marker
    ("第一产业增加值238.5亿元", [("238.5亿元", "第一产业增加值")]),
    # a verb of giving ends a counted noun; a numbered item's marker and 年底前 open a clause
    ("上半年共为1200余名寄宿生发放生活补助90万元", [("1200余名", "寄宿生数"), ("90万元", "发放生活补助")]),
    ("3、计划投入资金500万元", [("500万元", "投入资金")]),
    ("预计全年教育经费投入13.5亿元左右", [("13.5亿元左右", "教育经费投入")]),
    # 户均 is a per-household average, not 户 and the link word 均; 全街道 opens a clause like 全县
    ("为贫困户发放产业扶持资金156万元，户均4785元", [("156万元", "贫困户发放产业扶持资金"), ("4785元", "户均")]),
    ("全街道建档立卡贫困户326户已全部脱贫", [("326户", "建档立卡贫困户脱贫户数")]),
    # an aside in the noun keeps its closing bracket; 上涨 is a change
    ("全市共有卫生机构（含村卫生室）426个", [("426个", "卫生机构（含村卫生室）数")]),
    ("全年全市居民消费价格比上年上涨2.1%", [("2.1%", "居民消费价格比上年上涨率")]),
    ("年底前完成全部12所学校的建设任务", [("12所", "完成全部建设任务的学校数")]),
    # Items of a distributive list.
    ("教师进修学校、特殊教育学校各1处", [("1处", "教师进修学校数"), ("1处", "特殊教育学校数")]),
    # a span before the amount is its period, not part of what is measured
    ("近三年共招聘教师612人", [("612人", "招聘教师数")]),
    ("2011年以来共新建学校25所", [("25所", "新建学校数")]),
    ("“十二五”期间共新建学校25所", [("25所", "新建学校数")]),
    # a running total after what was added is the total of what the first counted
    ("全年新认定高新技术企业18家，总数达到62家", [("18家", "新认定高新技术企业数"), ("62家", "高新技术企业总数")]),
    ("新增农民专业合作社136家，累计达到1542家", [("136家", "新增农民专业合作社数"), ("1542家", "农民专业合作社累计数")]),
    ("全年投入资金5亿元，累计达到20亿元", [("5亿元", "投入资金"), ("20亿元", "累计投入资金")]),
    # a rate of the task done right after what was done
    ("建成充电桩165个，完成55%", [("165个", "建成充电桩数"), ("55%", "建成充电桩完成率")]),
    ("完成适老化改造213户，完成42.6%", [("213户", "完成适老化改造户数"), ("42.6%", "适老化改造完成率")]),
    # a school noun takes only 数; a short word and an amount in an aside after a named
    # amount are a part of it
    ("其中幼儿园118所（公办46所、民办72所），小学79所", [
        ("118所", "幼儿园数"), ("46所", "公办幼儿园数"), ("72所", "民办幼儿园数"), ("79所", "小学数")]),
    # a count after 其中 named by a word that does not name what is counted is part of the total
    ("义务教育阶段在校学生58326人，其中小学39874人、初中18452人", [
        ("58326人", "义务教育阶段在校学生数"), ("39874人", "小学义务教育阶段在校学生数"),
        ("18452人", "初中义务教育阶段在校学生数")]),
    # ... and so is a bare one after 其中, not the part in an aside before it
    ("全年共批准入伍新兵186名（含女兵5名），其中上半年79名、下半年107名", [
        ("186名", "批准入伍新兵人数"), ("5名", "含女兵批准入伍新兵人数"), ("79名", "批准入伍新兵人数"),
        ("107名", "批准入伍新兵人数")]),
    ("共有各类医疗卫生机构412个，其中医院14个（公立医院5个），村卫生室352个", [
        ("412个", "各类医疗卫生机构数"), ("14个", "医院数"), ("5个", "公立医院数"), ("352个", "村卫生室数")]),
    ("新改建农村公路612公里，其中通组公路264公里", [("612公里", "新改建农村公路"), ("264公里", "通组公路")]),
    ("全年申请专利500件，其中发明专利216件", [("500件", "申请专利件数"), ("216件", "发明专利件数")]),
    ("适龄儿童入学率98%（城市99%、农村97%）",
     [("98%", "适龄儿童入学率"), ("99%", "城市适龄儿童入学率"), ("97%", "农村适龄儿童入学率")]),
    # a horizon and a numbered item's marker open a clause; a comma grouping digits ends none
    ("到2020年全区省优质园达到100所", [("100所", "省优质园数")]),
    ("1．新建幼儿园22所", [("22所", "新建幼儿园数")]),
    ("分别安排3,200万元、3,500万元", [("3,200万元", "安排"), ("3,500万元", "安排")]),
    # from one level to another, with 降至 and 缩小为
    ("贫困发生率由15.6%降至0.8%", [("15.6%", "贫困发生率"), ("0.8%", "贫困发生率")]),
    ("城乡居民收入比由上年的2.16:1缩小为2.12:1", [("2.16:1", "城乡居民收入比"), ("2.12:1", "城乡居民收入比")]),
    # rates a 均 gives one amount: each is named by its item, a quotation kept whole
    ("全区中小学宽带接入率和“班班通”配备率均达到100%", [("100%", "中小学宽带接入率"), ("100%", "“班班通”配备率")]),
    ("中小学、幼儿园专职保安配备率、视频监控覆盖率均达到100%",
     [("100%", "中小学、幼儿园专职保安配备率"), ("100%", "视频监控覆盖率")]),
    ("“三公”经费支出下降40%", [("40%", "“三公”经费支出下降率")]),
    # 均 right after the amount's own measure word is no average (户均 of 户), and 均计划 gives too
    ("甲县、乙县个体经营户均超过2万户", [("超过2万户", "甲县个体经营户数"), ("超过2万户", "乙县个体经营户数")]),
    ("联星小学、江桥小学均计划招生10个班", [("10个", "联星小学招生班数"), ("10个", "江桥小学招生班数")]),
    ("全县有贫困户1200户，户均3.2人", [("1200户", "贫困户数"), ("3.2人", "户均人数")]),
    # subjects before 均 share what the last holds
    ("单位和职工缴存比例均为5%～12%", [("5%～12%", "单位缴存比例"), ("5%～12%", "职工缴存比例")]),
    # a distributed amount's item with what its clause says of it; a list in the clause
    # before a lone 各 or 均, or before 分别 and one amount, gives it too
    ("第一中学、第二中学各选派教师2名", [("2名", "第一中学选派教师数"), ("2名", "第二中学选派教师数")]),
    ("东关村、西关村分别新建养殖场1个", [("1个", "东关村新建养殖场数"), ("1个", "西关村新建养殖场数")]),
    ("受理信访件320件、网络留言186件，按期办结率均达到98%",
     [("320件", "受理信访件数"), ("186件", "网络留言件数"), ("98%", "受理信访件按期办结率"),
      ("98%", "网络留言按期办结率")]),
    ("小学、初中入学率均比上年提高2个百分点", [("2个百分点", "小学入学率比上年提高幅度"),
                                             ("2个百分点", "初中入学率比上年提高幅度")]),
    # …but not to the list when the clause opens on the rest
    ("甲镇、乙镇分别受理投诉186件、153件，其余乡镇投诉量均在100件以下",
     [("186件", "甲镇受理投诉件数"), ("153件", "乙镇受理投诉件数"), ("100件以下", "其余乡镇投诉量件数")]),
    ("第三中学、第五中学扩建工程已完工，投入使用后各增加学位900个",
     [("900个", "第三中学投入使用后增加学位数"), ("900个", "第五中学扩建工程投入使用后增加学位数")]),
    # an amount that fills its aside is the item's before it, and the list word after it no one's
    ("主要涉及食品安全（403件）、价格违法（174件）和虚假宣传（139件）",
     [("403件", "主要涉及食品安全件数"), ("174件", "价格违法件数"), ("139件", "虚假宣传件数")]),
    # items ending in the same words may be longer, the first holding the subject they share
    ("农村居民工资性收入、经营净收入和转移净收入分别增长8.2%、6.9%和7.1%",
     [("8.2%", "农村居民工资性收入增长率"), ("6.9%", "经营净收入增长率"), ("7.1%", "转移净收入增长率")]),
    ("生活用水量和人工生态环境补水量分别增加0.05亿立方米、0.04亿立方米",
     [("0.05亿立方米", "生活用水量增加"), ("0.04亿立方米", "人工生态环境补水量增加")]),
    # a rate something is paid at is named by the words before 按, else by what is paid, and
    # what it is per; the words after 标准 are the next amount's
    ("户厕改造按照每户1,200—1,800元的标准给予补助", [("1,200—1,800元", "户厕改造标准（每户）")]),
    ("按每亩30元标准兑付作业补助资金378万元", [("30元", "作业补助标准（每亩）"), ("378万元", "兑付作业补助资金")]),
    ("对参与教师按每课时30～50元标准给予补助", [("30～50元", "参与教师补助标准（每课时）")]),
    # 分别 between the base and the change is no part of either
    ("全县粮食产量12万吨、油料产量3万吨，同比分别增长2.4%、3.1%",
     [("12万吨", "粮食产量"), ("3万吨", "油料产量"), ("2.4%", "粮食产量同比增长率"), ("3.1%", "油料产量同比增长率")]),
    # a list of whole names before 分别 gives each amount its name; the last ends as the
    # others do where they end alike
    ("全市地区生产总值、一般公共预算收入分别增长5.2%、6.1%",
     [("5.2%", "地区生产总值增长率"), ("6.1%", "一般公共预算收入增长率")]),
    ("受灾人次、农作物受灾面积和直接经济损失分别偏少52.1%、46.8%和60.4%",
     [("52.1%", "受灾人次偏少比例"), ("46.8%", "农作物受灾面积偏少比例"), ("60.4%", "直接经济损失偏少比例")]),
    ("限上住宿业、餐饮业营业额分别增长31.5%、26.8%",
     [("31.5%", "限上住宿业营业额增长率"), ("26.8%", "餐饮业营业额增长率")]),
    # what 分别 leads after a count is the next amounts'
    ("全县4个人民法庭分别审结案件612件、538件", [("4个", "人民法庭数"), ("612件", "审结案件数"), ("538件", "审结案件数")]),
    # 发展到 and 增至 link a noun to its level; 组织, 场 and 社 name what is counted
    ("全县农业社会化服务组织发展到312家，家庭农场增至1200家",
     [("312家", "农业社会化服务组织数"), ("1200家", "家庭农场数")]),
    # 压缩至 and 拓宽至 move a level on, as 提高到 does
    ("简易注销公告时间由45天压缩至20天", [("45天", "简易注销公告时间"), ("20天", "简易注销公告时间")]),
    ("路面宽度由5米拓宽至8.5米", [("5米", "路面宽度"), ("8.5米", "路面宽度")]),
    # a count right after a count is of the same group in another unit
    ("搬迁安置群众412户1480人", [("412户", "搬迁安置群众户数"), ("1480人", "搬迁安置群众数")]),
    # an amount with no words of its own: of the words before a colon, of the level before it
    # in its unit, or of what the rate before it changes
    ("城镇居民人均可支配收入：27846元，同比增长8.7%",
     [("27846元", "城镇居民人均可支配收入"), ("8.7%", "城镇居民人均可支配收入同比增长率")]),
    ("9月末城镇登记失业率为3.4%，控制在4.5%以内",
     [("3.4%", "9月末城镇登记失业率"), ("4.5%以内", "9月末城镇登记失业率")]),
    ("规上工业总产值增长10%以上，力争突破560亿元",
     [("10%以上", "规上工业总产值增长率"), ("突破560亿元", "规上工业总产值")]),
    # ... but a running total is named by what it adds up
    ("新增规模以上工业企业14家，总数达到167家", [("14家", "新增规模以上工业企业数"), ("167家", "规模以上工业企业总数")]),
    # an amount listed right after a count, or joined to it by 共, is of what the count counts
    ("免学费2860人次、343万元", [("2860人次", "免学费人次"), ("343万元", "免学费")]),
    ("组建县级卫生应急队伍3支共45人", [("3支", "组建县级卫生应急队伍数"), ("45人", "组建县级卫生应急队伍数")]),
    # an aside holding the level compared with leaves the words before it to the amount after it
    ("九年义务教育巩固率为98.9%，高于目标值（96%以上）2.9个百分点",
     [("98.9%", "九年义务教育巩固率"), ("96%以上", "高于目标值比例"), ("2.9个百分点", "高于目标值")]),
    # a range between 在 and 之间 is of the noun before 在
    ("各站年降水量在812.5～1263.7毫米之间", [("812.5～1263.7毫米", "各站年降水量")]),
    # a division counted after 辖 is what its name says, not the noun of the count after it
    ("辖7镇9乡、271个行政村", [("7镇", "辖镇数"), ("9乡", "辖乡数"), ("271个", "行政村数")]),
    # a count named by two measure words is labelled by its first
    ("全年共补贴各类农业机具3152台（套）", [("3152台（套）", "补贴各类农业机具台数")]),
])
def test_labels(sentence, expected):
    assert labels(sentence) == expected


@pytest.mark.parametrize("previous,sentence,expected", [
    # A one-clause heading before a count of generic items names their topic.
    ("三是扎实推进校园安全工作", "全县重点抓好四项工作", ["扎实推进校园安全工作重点抓好工作项数"]),
    # An announced event is the topic of the counts of its places.
    ("成功举办全县中小学教师基本功大赛", "全县共有320名教师参赛,评出一等奖25名",
     ["成功举办全县中小学教师基本功大赛参赛的教师数", "成功举办全县中小学教师基本功大赛评出一等奖人数"]),
    # A passage of several clauses is no heading; a count with a noun of its own needs none.
    ("今年以来，我们扎实推进校园安全工作", "重点抓好四项工作", ["重点抓好工作项数"]),
    ("三是扎实推进校园安全工作", "全县新建学校4所", ["新建学校数"]),
])
def test_a_heading_names_what_generic_counts_are_about(previous, sentence, expected):
    amounts = extract_amounts(sentence)
    assert [label.text for label in label_amounts(sentence, amounts, previous=previous)] == expected


def test_place_names_are_left_to_the_locality():
    sentence = "为新宾县投入资金50万元"
    amounts = extract_amounts(sentence)
    start = sentence.index("新宾县")
    assert [label.text for label in label_amounts(sentence, amounts, [(start, start + 3)])] == ["投入资金"]


def test_parts_after_qizhong_named_only_by_their_places_take_the_total_label():
    sentence = "设立耕地质量长期定位监测点4个，其中米山镇、三甲镇各1个"
    amounts = extract_amounts(sentence)
    places = [(sentence.index(place), sentence.index(place) + 3) for place in ("米山镇", "三甲镇")]
    assert [label.text for label in label_amounts(sentence, amounts, places)] == ["设立耕地质量长期定位监测点数"] * 3


def test_changes_know_their_level_base_and_aspect():
    sentence = "2015年,全市教育经费拨款29.74亿元,比2011年增加了8.16亿元,增长37.81%,年均递增6.62%"
    amounts = extract_amounts(sentence)
    found = [(label.aspect, label.origin, label.base) for label in label_amounts(sentence, amounts)]
    assert found == [("level", None, None), ("change", 0, "比2011年"), ("growth", 0, "比2011年"), ("cagr", 0, "比2011年")]


def test_a_yearly_rate_over_its_own_years_is_not_against_the_change_before_it():
    sentence = "高新技术企业总数达到2,318家，比上年净增305家，近三年年均增长18.6%"
    amounts = extract_amounts(sentence)
    found = [(label.aspect, label.origin, label.base) for label in label_amounts(sentence, amounts)]
    assert found == [("level", None, None), ("change", 0, "比上年"), ("cagr", 0, "近三年")]


def test_an_aside_without_amounts_does_not_end_the_clause_of_a_change():
    sentence = "全市共有法人单位62385个，比2018年末（第四次全国经济普查，下同）增加18339个，增长41.6%"
    amounts = extract_amounts(sentence)
    found = [(label.text, label.aspect, label.base) for label in label_amounts(sentence, amounts)]
    assert found == [("法人单位数", "level", None), ("法人单位数比2018年末增加数", "change", "比2018年末"),
                     ("法人单位数比2018年末增长率", "growth", "比2018年末")]


def test_a_decrease_keeps_its_direction_and_points_are_pp_changes():
    sentence = "辍学率为0.5%,比上年下降了0.3个百分点"
    amounts = extract_amounts(sentence)
    found = [(label.aspect, label.direction) for label in label_amounts(sentence, amounts)]
    assert found == [("level", 1), ("pp_change", -1)]


def test_a_level_reached_from_another_points_back_to_it():
    sentence = "教师的课题参与率由年前的43%提高到65%"
    amounts = extract_amounts(sentence)
    assert [(label.aspect, label.origin) for label in label_amounts(sentence, amounts)] == [("level", None), ("level", 0)]


def test_the_pipeline_passes_a_sentence_without_amounts_as_the_heading_of_the_next():
    text = "县教育局工作报告\n三是扎实推进校园安全工作。全县重点抓好四项工作。全县新建学校4所，重点抓好三项工作。"
    assert [(claim.text, claim.metric_label) for claim in extract_claims(text)] == [
        ("四项", "扎实推进校园安全工作重点抓好工作项数"), ("4所", "新建学校数"), ("三项", "重点抓好工作项数")]


@pytest.mark.parametrize("sentence,expected", [
    ("我们教育系统共有9万多名师生，占全市总人口的七分之一",
     [("9万多名", "教育系统师生数"), ("七分之一", "教育系统师生占全市总人口比例")]),
    ("其中财政性教育经费10.87亿元，占总投入的88.0%",
     [("10.87亿元", "财政性教育经费"), ("88.0%", "财政性教育经费占总投入比例")]),
    # 约 before 占 qualifies the share; 在园 is a word (children enrolled), not 在 "at".
    ("在园幼儿1.3万人，约占全市在园幼儿的三分之二",
     [("1.3万人", "在园幼儿数"), ("三分之二", "在园幼儿占全市在园幼儿比例")]),
    # A fraction before 的 and a noun is a share of that noun, as a rate is.
    ("全市有1/3的学校建成了标准化实验室", [("1/3", "建成标准化实验室的学校比例")]),
    ("近二分之一的教师参加了国培计划", [("近二分之一", "参加国培计划的教师比例")]),
    # A share with its own holder's words keeps them.
    ("优质高中资源占全市普通高中总数的63%", [("63%", "优质高中资源占全市普通高中比例")]),
    # A change of the share is named after it.
    ("全区教育经费支出12.6亿元，占一般公共预算支出的18.2%，较上年提高1.1个百分点", [
        ("12.6亿元", "教育经费支出"), ("18.2%", "教育经费支出占一般公共预算支出比例"),
        ("1.1个百分点", "教育经费支出占一般公共预算支出比例较上年提高幅度")]),
])
def test_a_share_opening_at_zhan_is_labelled_after_its_holder(sentence, expected):
    assert [(claim.text, claim.metric_label) for claim in extract_claims(sentence)] == expected


def test_changes_after_fenbie_pair_with_as_many_levels_before_them():
    document = extract_document("全年共发生各类安全生产事故56起，死亡23人，分别比上年下降8.2%和11.5%")
    assert [(claim.text, claim.metric_label, claim.aspect) for claim in document.claims] == [
        ("56起", "发生各类安全生产事故起数", "level"), ("23人", "死亡人数", "level"),
        ("8.2%", "发生各类安全生产事故起数比上年下降率", "growth"), ("11.5%", "死亡人数比上年下降率", "growth")]
    assert [(link.relation, link.head, link.tail) for link in document.links] == [("growth", 0, 2), ("growth", 1, 3)]


def test_a_change_after_fenbie_may_say_its_own_direction():
    document = extract_document("全市完成货运量1.16亿吨，旅客运输量3276万人次，分别增长5.3%和下降2.1%")
    assert [(claim.text, claim.metric_label, claim.aspect) for claim in document.claims][2:] == [
        ("5.3%", "完成货运量增长率", "growth"), ("2.1%", "旅客运输量人次下降率", "growth")]
    assert [(link.relation, link.head, link.tail) for link in document.links] == [("growth", 0, 2), ("growth", 1, 3)]


@pytest.mark.parametrize("sentence,expected", [
    ("小学、初中生均教学及辅助用房面积分别为5.6平方米和6.9平方米",
     [("5.6平方米", "小学生均教学及辅助用房面积"), ("6.9平方米", "初中生均教学及辅助用房面积")]),
    ("城镇和农村居民人均可支配收入分别达到32156元和14208元",
     [("32156元", "城镇居民人均可支配收入"), ("14208元", "农村居民人均可支配收入")]),
    ("全县小学、初中师生比分别为1:14.2和1:11.6", [("1:14.2", "小学师生比"), ("1:11.6", "初中师生比")]),
    ("第一、二、三产业增加值分别增长3.1%、5.2%和7.3%", [
        ("3.1%", "第一产业增加值增长率"), ("5.2%", "第二产业增加值增长率"), ("7.3%", "第三产业增加值增长率")]),
    ("一、二、三等奖分别有5人、10人和20人", [("5人", "一等奖人数"), ("10人", "二等奖人数"), ("20人", "三等奖人数")]),
    # a comma ends the run before an amount of another unit, which opens a clause of its own
    ("专职、挂职、兼职团干部分别达到46名、35名和612名，28个乡镇配备1名专职副书记", [
        ("46名", "专职团干部数"), ("35名", "挂职团干部数"), ("612名", "兼职团干部数"), ("28个", "乡镇数"),
        ("1名", "配备专职副书记人数")]),
    # a head that is the list alone, its items ending alike: the last item opens the label
    ("第二产业、第三产业分别实现税收6.71亿元和5.63亿元",
     [("6.71亿元", "第二产业实现税收"), ("5.63亿元", "第三产业实现税收")]),
    ("与去年同期相比，事故起数、死亡人数分别下降20.7%和25%",
     [("20.7%", "事故起数下降率"), ("25%", "死亡人数下降率")]),
    # items of other lengths end where the others end (not 工业业)
    ("工业和服务业分别增长5.1%和6.2%", [("5.1%", "工业增长率"), ("6.2%", "服务业增长率")]),
    # each amount may say its own direction
    ("城镇和农村居民人均可支配收入分别增长5.1%、下降0.3%",
     [("5.1%", "城镇居民人均可支配收入增长率"), ("0.3%", "农村居民人均可支配收入下降率")]),
    # no list of as many short items: the label is shared
    ("城乡居民人均可支配收入分别增长7%和8%",
     [("7%", "城乡居民人均可支配收入增长率"), ("8%", "城乡居民人均可支配收入增长率")]),
    ("组织开展了读书、演讲、征文活动，分别有300人、200人和100人参加",
     [("300人", "参加人数"), ("200人", "参加人数"), ("100人", "参加人数")]),
    # a clause opening with 分别 is of the list in the clause before, without its rank
    ("分行业看，制造业、建筑业和教育从业人员位居前列，分别为17.82万人、12.05万人和8.96万人",
     [("17.82万人", "制造业人员数"), ("12.05万人", "建筑业人员数"), ("8.96万人", "教育从业人员数")]),
    ("区属部门中，区住房城乡建设委、区城市管理委、区市场监管局承办量居前，分别为3125件、2764件和2208件",
     [("3125件", "区住房城乡建设委承办量件数"), ("2764件", "区城市管理委承办量件数"), ("2208件", "区市场监管局承办量件数")]),
])
def test_fenbie_pairs_the_items_of_a_shared_label_with_its_amounts(sentence, expected):
    assert labels(sentence) == expected


def test_labels_of_text_in_traditional_characters_are_written_in_simplified_ones():
    document = extract_document("在2013年全市教育工作会议上的讲话\n全年發放家庭經濟困難學生資助資金3568萬元。乾县新建学校3所。")
    assert [(claim.text, claim.metric_label) for claim in document.claims] == [
        ("3568萬元", "发放家庭经济困难学生资助资金"), ("3所", "新建学校数")]  # 乾县 stays


def test_only_and_a_month_on_month_change_are_read_around_the_level():
    # 仅为 is no part of the label; 环比 compares with the month before, as 同比 with the year before
    assert labels("9月份全县平均降雨量仅8.6毫米，环比下降71.4%，水库蓄水率仅为38.6%，水位最低降至8.72米") == [
        ("8.6毫米", "9月份全县平均降雨量"), ("71.4%", "9月份全县平均降雨量环比下降率"),
        ("38.6%", "水库蓄水率"), ("8.72米", "水位最低")]


@pytest.mark.parametrize("sentence, expected", [
    # the alternative in brackets is part of the counted noun, before and after the amount
    ("全县17个乡镇（街道）均设立消费维权联络站", [("17个", "设立消费维权联络站的乡镇（街道）数")]),
    ("全市共有文化馆6个、乡镇（街道）综合文化站73个、村（社区）综合性文化服务中心1057个",
     [("6个", "文化馆数"), ("73个", "乡镇（街道）综合文化站数"), ("1057个", "村（社区）综合性文化服务中心数")]),
    # one that ends the noun, before a name in Latin letters, is kept too
    ("全市9个县（市、区）PM2.5平均浓度为30微克/立方米",
     [("9个", "县（市、区）数"), ("30微克/立方米", "PM2.5平均浓度")]),
])
def test_a_counted_noun_keeps_the_alternative_it_holds_in_brackets(sentence, expected):
    assert labels(sentence) == expected


def test_a_count_of_people_in_households_counts_households():
    assert labels("全市改造老旧小区512个，惠及居民6.8万户") == [("512个", "改造老旧小区数"), ("6.8万户", "惠及居民户数")]
    assert labels("走访群众xxx户") == [("xxx户", "走访群众户数")]
    assert labels("全年新登记企业1.2万户") == [("1.2万户", "新登记企业数")]  # firms are no people


def test_an_average_or_mean_keeps_its_first_character():
    # 均 opens the noun 均价 / 均值 here; it is no adverb ("all") to drop
    assert labels("收购均价1690元/担，全市PM2.5均值为35微克/立方米") == [
        ("1690元/担", "收购均价"), ("35微克/立方米", "PM2.5均值")]


def test_yue_ending_a_word_stays_in_the_label():
    # 签约 is signing: its 约 is no "about" linking the noun to the amount, but 损失约 is
    assert labels("孕产妇签约826人，挽回经济损失约27万元") == [("826人", "孕产妇签约人数"), ("约27万元", "挽回经济损失")]


@pytest.mark.parametrize("sentence, expected", [
    # a 、 inside an aside lists no items of the label: the label keeps the whole place word
    ("11月，各县（市、区）累计出现优良天次数为285天", [("285天", "各县（市、区）累计出现优良天次数")]),
    # an aside opening the label qualified the lead word dropped before it (第二批)
    ("第二批（6月）兑付537.9万元", [("537.9万元", "兑付")]),
    # an aside longer than a name lists what the thing holds; it is no part of the name
    ("食用农产品（蔬菜、水果类、畜禽肉及副产品、水产品）抽检1074批次", [("1074批次", "食用农产品抽检批次")]),
])
def test_brackets_in_the_words_before_an_amount(sentence, expected):
    assert labels(sentence) == expected


def test_the_aim_of_a_target_is_no_part_of_its_label():
    assert labels("线上交易额力争达到4亿元，粮食总产量确保稳定在52万吨") == [
        ("4亿元", "线上交易额"), ("52万吨", "粮食总产量")]


def test_yao_of_zhuyao_does_not_end_a_counted_noun():
    # 主要 (main) is an adjective of the noun; 要 alone (will) would end it
    assert labels("三条主要入湖河流水质均达到Ⅱ类") == [("三条", "主要入湖河流水质条数")]


def test_a_clause_that_only_sums_is_labelled_by_what_the_clause_before_did():
    assert labels("为1200名困难老人发放护理补贴，共计216万元") == [
        ("1200名", "发放护理补贴的困难老人数"), ("216万元", "困难老人发放护理补贴")]
    # a count after a count there may count another thing: it is not given those words
    assert labels("有4所园存在超班额班级，共7个")[1] == ("7个", None)


def test_a_shortened_duration_is_labelled_by_what_was_shortened():
    # 缩短至, 压缩至 and 平均 link the measure to its level, as 提高到 and 均 do
    assert labels("行车间隔缩短至180秒，审批时限压缩至5个工作日，耕层厚度平均达到26.4厘米") == [
        ("180秒", "行车间隔"), ("5个工作日", "审批时限"), ("26.4厘米", "耕层厚度")]


def test_two_short_nouns_joined_by_he_are_counted_together():
    # 和 between two short nouns joins them (国家和地区); it is no verb after the noun
    assert labels("产品远销全球150多个国家和地区") == [("150多个", "产品远销全球国家和地区数")]
    assert labels("番茄制品销往意大利、俄罗斯等40余个国家和地区") == [("40余个", "国家和地区数")]


def test_a_base_is_compared_with_the_last_level_in_its_own_measure():
    # a share between the level and its base (占年度计划的60.2%) is neither compared nor changed
    assert labels("累计完成投资2.86亿元，占年度计划的60.2%，比去年同期的2.41亿元增长22.5%") == [
        ("2.86亿元", "完成投资"), ("60.2%", "占年度计划比例"), ("2.41亿元", "完成投资"),
        ("22.5%", "完成投资比去年同期增长率")]
