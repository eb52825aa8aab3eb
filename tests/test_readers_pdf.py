"""PDF files: text page by page, line wraps joined between CJK characters, clear errors."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tracker.readers.pdf import join_wrapped_lines
from tracker.reading import ReadError, read_source

from makers import claims_of, pdf_bytes, sample_paragraphs, wrap

PARAGRAPHS = sample_paragraphs()


def test_a_sample_report_as_pdf_gives_the_same_claims(tmp_path):
    lines = wrap(PARAGRAPHS, 60)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes([lines[i:i + 45] for i in range(0, len(lines), 45)]))
    source = read_source(path)
    assert source.encoding == "pdf"
    assert claims_of(source.text) == claims_of("\n".join(PARAGRAPHS))
    # A paragraph that ends with its sentence keeps its own line.
    assert "——在2016年全市教育工作会议上的讲话" in source.text.split("\n")


def test_an_amount_wrapped_across_lines_is_one_amount(tmp_path):
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(pdf_bytes([[
        "一、学前教育",
        "学前教育快速发展。全市共投资600余万",
        "元，改扩建幼儿园5所，新增学位1200个",
        "，在园幼儿2.6万人。",
        "二、义务教育",
    ]]))
    text = read_source(path).text
    assert text.split("\n") == ["一、学前教育",
                                "学前教育快速发展。全市共投资600余万元，改扩建幼儿园5所，新增学位1200个，在园幼儿2.6万人。",
                                "二、义务教育"]
    assert ("600余万元", "6000000", "元") in claims_of(text)


@pytest.mark.parametrize("page,joined", [
    ("全市共投资六百余万元的项目共计十二\n个，其中新建的幼儿园共五所", "全市共投资六百余万元的项目共计十二个，其中新建的幼儿园共五所"),
    ("全市教育经费总投入达到了亿元的29.\n74亿元，比上年增加了8.16亿元", "全市教育经费总投入达到了亿元的29.74亿元，比上年增加了8.16亿元"),
    ("全市共有幼儿园五百八十一所。\n二、义务教育", "全市共有幼儿园五百八十一所。\n二、义务教育"),
    ("全市共有幼儿园五百八十一所\n\u3000\u3000二、义务教育", "全市共有幼儿园五百八十一所\n\u3000\u3000二、义务教育"),
    ("短的标题\n全市共有幼儿园五百八十一所，小学一百所", "短的标题\n全市共有幼儿园五百八十一所，小学一百所"),
    ("The budget grew by fifteen percent\nin the year", "The budget grew by fifteen percent\nin the year"),
])
def test_join_wrapped_lines(page, joined):
    assert join_wrapped_lines(page) == joined


def test_a_pdf_of_scanned_pages_says_it_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([[]]))
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == "no text in the PDF (scanned pages? it needs OCR first)"


def test_a_truncated_pdf_is_an_error_or_its_pages_that_survive(tmp_path):
    whole = pdf_bytes([wrap(PARAGRAPHS[:8], 60)])
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[:200])
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause.startswith(("not a readable PDF: ", "no text in the PDF"))


def test_a_password_protected_pdf_says_so(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    plain.write_bytes(pdf_bytes([["全市共有幼儿园581所。"]]))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    with pytest.raises(ReadError) as error:
        read_source(locked)
    assert error.value.cause == "an encrypted PDF that needs a password; save an unprotected copy"
    # Protected with an empty user password (against copying only): it opens.
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    with open(locked, "wb") as handle:
        writer.write(handle)
    assert read_source(locked).text == "全市共有幼儿园581所。"


def test_a_pdf_named_txt_is_read_as_a_pdf(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(pdf_bytes([["全市共有幼儿园581所。"]]))
    assert read_source(path).text == "全市共有幼儿园581所。"


def test_without_pypdf_the_error_names_the_package(tmp_path, monkeypatch):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes([["全市共有幼儿园581所。"]]))
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if not installed
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == "reading .pdf files needs the pypdf package: pip install 'tracker[docs]'"


def test_pypdf_warnings_do_not_reach_stderr(tmp_path):
    whole = pdf_bytes([["全市共有幼儿园581所。"]])
    pointer = re.search(rb"startxref\n(\d+)", whole)
    path = tmp_path / "damaged.pdf"
    # A wrong pointer to the cross-reference table: pypdf repairs it, and logs "incorrect startxref pointer".
    path.write_bytes(whole[:pointer.start(1)] + str(int(pointer.group(1)) + 7).encode() + whole[pointer.end(1):])
    # In a process of its own: pytest captures logging, a user's terminal does not.
    script = f"from tracker.reading import read_source; print(read_source({str(path)!r}).text)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "全市共有幼儿园581所。\n", "")
