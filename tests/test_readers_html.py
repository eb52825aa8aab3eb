"""HTML pages: the declared charset (gb2312 read as GB18030), the text without furniture, the title."""
from __future__ import annotations

import pytest

from tracker.readers.html import declared_charset
from tracker.reading import ReadError, read_source

from makers import claims_of, html_page, sample_paragraphs

PARAGRAPHS = sample_paragraphs()
TITLE = "新起点 新展望——在2016年全市教育工作会议上的讲话_葫芦岛市教育局"


@pytest.mark.parametrize("charset,encoding", [("gb2312", "gbk"), ("gbk", "gbk"), ("GB18030", "gb18030"),
                                              ("utf-8", "utf-8"), (None, "gbk"), (None, "utf-8")])
def test_a_sample_report_as_a_web_page_reads_back_paragraph_by_paragraph(tmp_path, charset, encoding):
    path = tmp_path / "report.htm"
    path.write_bytes(html_page(PARAGRAPHS, title=TITLE, charset=charset).encode(encoding))
    source = read_source(path)
    # Navigation, scripts, styles and the footer are gone; each <p> is a line.
    assert source.text.split("\n") == PARAGRAPHS
    assert source.title == TITLE
    assert source.encoding == ("utf-8" if encoding == "utf-8" else "gb18030")
    assert claims_of(source.text) == claims_of("\n".join(PARAGRAPHS))


def test_a_gbk_only_character_under_a_gb2312_label_does_not_cut_the_text(tmp_path):
    page = ('<html><head><meta charset="gb2312"><title>报告</title></head><body>'
            '<p>朱镕基总理视察时，全市共有幼儿园581所。</p><p>投资600余万元。</p></body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    assert read_source(path).text == "朱镕基总理视察时，全市共有幼儿园581所。\n投资600余万元。"


def test_a_page_labelled_gb2312_but_written_in_utf8_is_read_as_utf8(tmp_path):
    page = '<html><head><meta charset="gb2312"></head><body><p>全市共有幼儿园581所。</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    source = read_source(path)
    assert (source.text, source.encoding) == ("全市共有幼儿园581所。", "utf-8")


def test_a_page_that_breaks_its_declared_charset_says_what_to_pass(tmp_path):
    page = '<html><head><meta charset="gb2312"></head><body><p>全市共有幼儿园581所。</p></body></html>'
    data = page.encode("gbk").replace("幼".encode("gbk"), b"\xff\xfe")
    path = tmp_path / "page.html"
    path.write_bytes(data)
    bad = data.index(b"\xff")
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == (f"not valid gb18030 at byte {bad} (the page declares gb2312); "
                                 "pass --encoding=NAME if you know its encoding")


def test_line_breaks_in_the_markup_join_cjk_and_blocks_break_lines(tmp_path):
    page = ("<html><body><div>全市投资600余万\n    元，<b>新建</b>\n幼儿园5所。In\nEnglish words</div>"
            "<table><tr><td>学校</td><td>581所</td></tr></table>甲<br>乙"
            '<div class="bdsharebuttonbox">分享到微信</div><div style="display:none">隐藏的100万元</div>'
            "<pre>第一行\n第二行</pre></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    assert read_source(path).text.split("\n") == [
        "全市投资600余万元，新建幼儿园5所。In English words", "学校", "581所", "甲", "乙", "第一行", "第二行"]


def test_a_page_without_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"<html><head><title>x</title><script>var a = 1;</script></head><body> </body></html>")
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == "no text in it"


def test_html_served_as_doc_is_read_as_html(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(html_page(PARAGRAPHS[:3], title="t").encode("gbk"))
    source = read_source(path)
    assert source.text.split("\n") == PARAGRAPHS[:3]


def test_nesting_deeper_than_python_recursion_is_read(tmp_path):
    path = tmp_path / "deep.html"
    path.write_bytes(("<div>" * 1500 + "全市共有幼儿园581所。" + "</div>" * 1500).encode("utf-8"))
    assert read_source(path).text == "全市共有幼儿园581所。"


def test_nesting_deeper_than_the_parser_allows_is_an_error_not_a_cut_page(tmp_path):
    path = tmp_path / "deeper.html"
    path.write_bytes(("<div>" * 5000 + "全市共有幼儿园581所。" + "</div>" * 5000).encode("utf-8"))
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause.startswith("not a readable HTML page: Excessive depth in document")


@pytest.mark.parametrize("head,charset", [
    (b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />', "gb2312"),
    (b"<meta charset='GBK'>", "GBK"),
    (b'<?xml version="1.0" encoding="gb18030"?>', "gb18030"),
    (b"<title>no charset</title>", None),
])
def test_declared_charsets_are_found(head, charset):
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == charset
