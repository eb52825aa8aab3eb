"""Cleaning page furniture and mending cuts, with spans mapped back to the source."""
from __future__ import annotations

from tracker.cleaning import clean_text

from conftest import CORPUS


def test_document_site_banner_counters_and_trailer_are_dropped():
    raw = (CORPUS / "003_6921d1475b2d8838.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    for furniture in ("上传人:", "第1页 / 共22页", "点击查看更多", "由会员分享", "展开阅读全文", "版权所有", "ICP备"):
        assert furniture not in text
    assert "投资600余万元" in text


def test_page_markers_of_a_converted_file_are_joined():
    raw = (CORPUS / "003_6921d1475b2d8838.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    assert "普及程度。2011年,全市幼儿毛入园率达到98.79%" in text
    assert "努力将学校建成省内外一流名校" in text


def test_related_article_list_at_the_end_is_dropped():
    raw = (CORPUS / "000_ebbb7d2fbaa12e1c.txt").read_text(encoding="utf-8")
    text = clean_text(raw).text
    assert "推荐访问" not in text and "学生军训讲话稿范本10篇" not in text
    assert "四是维修改造城乡校舍10万平方米以上" in text


def test_a_news_sites_related_news_list_is_dropped():
    raw = "正文。" * 20 + "\n全县共签约项目36个。\n责任编辑：李婷\n\n相关新闻：\n· 我县新增4家省级“专精特新”中小企业\n"
    text = clean_text(raw).text
    assert "全县共签约项目36个" in text and "新增4家" not in text


def test_a_related_links_list_opened_in_brackets_is_dropped():
    raw = "正文。" * 20 + "\n全县新建水厂2座。\n\n【相关链接】\n· 左权县水利局2022年工作总结及2023年工作计划\n"
    text = clean_text(raw).text
    assert "全县新建水厂2座" in text and "2022年工作总结" not in text


def test_a_menu_word_near_the_top_does_not_cut_the_report():
    raw = "相关文章\n" + "正文。" * 10 + "\n全市新建幼儿园12所。\n" + "正文。" * 50
    assert "全市新建幼儿园12所" in clean_text(raw).text


def test_entities_glosses_and_invisible_characters_are_removed_with_spans_kept():
    raw = "新建校舍4.7萬(wàn)㎡,&nbsp;投资3\u200b00万元"
    clean = clean_text(raw)
    assert clean.text == "新建校舍4.7萬㎡, 投资300万元"
    start = clean.text.index("4.7")
    assert raw[slice(*clean.raw_span(start, start + 5))] == "4.7萬(wàn)㎡"
    start = clean.text.index("300")
    assert raw[slice(*clean.raw_span(start, start + 5))] == "3\u200b00万元"


def test_a_unit_in_brackets_is_no_pinyin_gloss():
    raw = "序号\t热源名称\t供热能力（MW）\t重量（kg）\t长(cháng)度（km）\n"
    assert clean_text(raw).text == "序号\t热源名称\t供热能力（MW）\t重量（kg）\t长度（km）\n"


def test_a_line_wrap_inside_an_amount_is_joined():
    raw = "全年培训教师8600人\n次,投资600余万\n元。"
    clean = clean_text(raw)
    assert clean.text == "全年培训教师8600人次,投资600余万元。"
    start = clean.text.index("600余")
    assert raw[slice(*clean.raw_span(start, start + 6))] == "600余万\n元"


def test_an_ordinary_line_break_after_a_number_is_kept():
    assert clean_text("完成任务的102%\n二、主要措施").text == "完成任务的102%\n二、主要措施"


def test_a_table_rows_last_number_is_not_joined_to_the_next_rows_label():
    # 元宝山区 and 个人所得税 open on what reads as a unit; a row's cells are whole
    raw = "旗县区\t收购量（万吨）\t同比增长（%）\n红山区\t1.8\t5.9\n元宝山区\t12.6\t5.9\n" \
          "“六税两费”减征　　11,800　　8,905\n个人所得税专项附加扣除等　　8,700　　—\n"
    assert clean_text(raw).text == raw
    assert clean_text("红山区收购1.8\n元").text == "红山区收购1.8元"  # prose still mends its cut


def test_clean_text_without_edits_maps_identically():
    raw = "全市共有幼儿园581所。"
    clean = clean_text(raw)
    assert clean.text == raw
    assert clean.raw_span(6, 10) == (6, 10)


def test_a_site_menu_line_is_dropped_so_the_title_comes_first():
    raw = "首页 | 政务公开 | 教育动态 | 通知公告 | 联系我们\n梨树县2016年教育工作总结\n全县共有学校126所。\n"
    text = clean_text(raw).text
    assert text.split() == ["梨树县2016年教育工作总结", "全县共有学校126所。"]
    assert clean_text("机构设置|政策文件|工作动态|办事指南\n正文").text.split() == ["正文"]
    # links spaced apart, 首页 after the site's name; a location line
    raw = "梨树县教育局\u3000首页\u3000机构概况\u3000政务公开\u3000办事指南\n您当前的位置：首页 > 政务公开\n梨树县2016年教育工作总结\n"
    assert clean_text(raw).text.split() == ["梨树县2016年教育工作总结"]
    # a toolbar of reading modes, but not a body line opening with 无障碍
    raw = ("无障碍浏览\u3000长者模式\u3000繁體版\u3000登录\n关于白沙镇2023年财政预算执行情况的报告\n【字号：大 中 小】\u3000【打印】\n"
           "索引号：011120334/2024-01185\u3000\u3000文号：罗政办发〔2024〕6号\n无障碍设施改造120处。\n")
    assert clean_text(raw).text.split() == ["关于白沙镇2023年财政预算执行情况的报告", "无障碍设施改造120处。"]


def test_an_amount_cut_by_a_page_marker_is_given_mended():
    from tracker.pipeline import extract_claims

    raw = "讲话\n\n1、全年开工项目64个,全年投入资金1\n\n2、860萬元,消除危房4.6萬平方\n米。\n\n3、新增学位3240个。"
    claims = extract_claims(raw)
    # a line wrap is kept as written; a page marker's cut is mended
    assert [(c.text, c.value) for c in claims] == [
        ("64个", 64), ("1860萬元", 18600000), ("4.6萬平方\n米", 46000), ("3240个", 3240)]
    assert raw[claims[1].raw_start:claims[1].raw_end] == "1\n\n2、860萬元"  # the span is still the source's
