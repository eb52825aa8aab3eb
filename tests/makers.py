"""Test documents made from the sample reports with each format's own library.

HTML is written by hand around the report's paragraphs; .docx by
python-docx; PDF by pypdf's object model, with the standard Chinese font
STSong-Light and the UniGB-UTF16-H encoding, as Chinese PDF writers do.
"""
from __future__ import annotations

import html
import io
from pathlib import Path

from conftest import CORPUS


def sample_paragraphs(name: str = "004_043583f907d8be22.txt") -> list[str]:
    """The non-empty lines of a sample report, without the no-break spaces GBK lacks."""
    text = (CORPUS / name).read_text(encoding="utf-8").replace("\xa0", " ")
    return [line.strip() for line in text.splitlines() if line.strip()]


def html_page(paragraphs: list[str], *, title: str, charset: str | None = "gb2312") -> str:
    """A government-site page: a declared charset, navigation, scripts, the report as paragraphs."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>{html.escape(title)}</title>
<style>p {{ text-indent: 2em; }}</style>
<script>var menu = "首页 新闻 2016年投资100万元";</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/xw">新闻中心</a> | 访问量12345次</div>
<nav><ul><li>政务公开</li><li>办事服务</li></ul></nav>
<div id="content">
{body}
</div>
<div class="footer">版权所有 2016 葫芦岛市教育局 电话 0429-1234567</div>
<script>document.write("共有3000万人访问");</script>
</body></html>
"""


def make_docx(path: Path, blocks: list) -> Path:
    """A .docx of ``blocks`` in order: a string is a paragraph, a list of rows a table."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for row, cells in zip(table.rows, block):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
    document.save(path)
    return path


def wrap(paragraphs: list[str], columns: int) -> list[str]:
    """Lines of at most ``columns`` columns (a CJK character takes two), as a page lays them out."""
    from tracker.readers import display_width

    lines = []
    for paragraph in paragraphs:
        line = ""
        for char in paragraph:
            if display_width(line + char) > columns:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
    return lines


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF with one page per list of lines, in a CJK font with Unicode codes."""
    from pypdf import PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject,
                               TextStringObject)

    writer = PdfWriter()
    descendant = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/CIDFontType0"),
        NameObject("/BaseFont"): NameObject("/STSong-Light"),
        NameObject("/CIDSystemInfo"): DictionaryObject({
            NameObject("/Registry"): TextStringObject("Adobe"),
            NameObject("/Ordering"): TextStringObject("GB1"),
            NameObject("/Supplement"): NumberObject(4),
        }),
        NameObject("/DW"): NumberObject(1000),
    })
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/STSong-Light"),
        NameObject("/Encoding"): NameObject("/UniGB-UTF16-H"),
        NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
    }))
    for lines in pages:
        page = writer.add_blank_page(595, 842)
        operations = ["BT", "/F1 10 Tf", "14 TL", "40 800 Td"]
        operations += [f"<{line.encode('utf-16-be').hex()}> Tj T*" for line in lines]
        operations.append("ET")
        content = DecodedStreamObject()
        content.set_data("\n".join(operations).encode("ascii"))
        page[NameObject("/Contents")] = writer._add_object(content)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def claims_of(text: str) -> list[tuple[str, str | None, str]]:
    """The claims extracted from ``text``: surface, exact value, unit."""
    from tracker.pipeline import extract_document
    from tracker.storing import exact

    return [(claim.text, exact(claim.value), claim.unit) for claim in extract_document(text).claims]
