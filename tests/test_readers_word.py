"""Word files: .docx paragraphs and tables in order; .doc through antiword or catdoc, or a clear error."""
from __future__ import annotations

import shutil
import stat
import sys
import zipfile
from pathlib import Path

import pytest

from tracker.readers.word import table_sentences
from tracker.reading import ReadError, read_source

from makers import claims_of, make_docx, sample_paragraphs

PARAGRAPHS = sample_paragraphs()
TABLE = [["学段", "学校数", "在园（校）学生"],
         ["幼儿园", "581所", "2.6万人"],
         ["小学", "120所", "9.8万人"]]


def test_a_sample_report_as_docx_reads_back_with_its_table_rows_as_sentences(tmp_path):
    path = make_docx(tmp_path / "report.docx", PARAGRAPHS[:6] + [TABLE] + PARAGRAPHS[6:])
    source = read_source(path)
    lines = source.text.split("\n")
    assert lines[:6] == PARAGRAPHS[:6]
    assert lines[6:8] == ["学段：幼儿园，学校数：581所，在园（校）学生：2.6万人。",
                          "学段：小学，学校数：120所，在园（校）学生：9.8万人。"]
    assert lines[8:] == PARAGRAPHS[6:]
    assert source.encoding == "docx"
    assert claims_of("\n".join(lines[6:8])) == [("581所", "581", "所"), ("2.6万人", "26000", "人"),
                            ("120所", "120", "所"), ("9.8万人", "98000", "人")]
    assert claims_of("\n".join(lines[:6] + lines[8:])) == claims_of("\n".join(PARAGRAPHS))


def test_merged_cells_count_once_and_a_caption_row_stands_alone(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    caption = table.cell(0, 0).merge(table.cell(0, 2))
    caption.text = "表1 2015年学校情况"
    for column, header in enumerate(["学段", "学校数", "教师"]):
        table.cell(1, column).text = header
    for column, value in enumerate(["高中", "12所", "1500人"]):
        table.cell(2, column).text = value
    document.save(tmp_path / "merged.docx")
    assert read_source(tmp_path / "merged.docx").text.split("\n") == [
        "表1 2015年学校情况", "学段：高中，学校数：12所，教师：1500人。"]


@pytest.mark.parametrize("rows,sentences", [
    ([["581所", "2.6万人"]], ["581所，2.6万人。"]),
    ([["项目", "数量"], ["幼儿园", ""], ["", "5所"]], ["项目：幼儿园。", "数量：5所。"]),
    ([["项目", "数量"], ["合计：5所"]], ["合计：5所。"]),
    ([["项目", "数量"], ["数量", "数量"]], ["项目：数量，数量。"]),
    ([["", ""], ["", ""]], []),
])
def test_table_sentences(rows, sentences):
    assert table_sentences(rows) == sentences


def test_a_zip_that_is_not_a_word_file_says_so(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "全市有幼儿园581所")
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause.startswith("not a readable Word (.docx) file: ")


def test_a_truncated_docx_says_so(tmp_path):
    whole = make_docx(tmp_path / "whole.docx", PARAGRAPHS[:5]).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause.startswith("not a readable Word (.docx) file: ")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr("tracker.readers.word.UNPACKED_FLOOR", 1000)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "0" * 2_000_000)
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause.startswith("a .docx that unpacks to 2000000 bytes, over the limit of ")


def test_without_python_docx_the_error_names_the_package(tmp_path, monkeypatch):
    path = make_docx(tmp_path / "report.docx", PARAGRAPHS[:2])
    monkeypatch.setitem(sys.modules, "docx", None)  # as if not installed
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == "reading .docx files needs the python-docx package: pip install 'tracker[docs]'"


# --- legacy .doc: an outside tool, found on PATH -----------------------------

OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "全市有幼儿园581所".encode("utf-16-le")


def fake_tool(folder, name, script):
    """A stand-in for antiword or catdoc: prints its arguments' file as a converter would."""
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{script}\n")
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    return folder


def test_a_doc_without_antiword_or_catdoc_names_the_missing_tools(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_DOC)
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == ("reading .doc files needs antiword or catdoc (apt-get install antiword), "
                                 "or save the file as .docx")


@pytest.mark.parametrize("tool,expected_args", [("antiword", "-m UTF-8.txt -w 0"), ("catdoc", "-w -d utf-8")])
def test_a_doc_goes_through_the_tool_found(tmp_path, monkeypatch, tool, expected_args):
    # The stand-in prints the report when called with the expected options.
    bin_dir = fake_tool(tmp_path / "bin", tool,
                        f'for last; do :; done; [ "$*" = "{expected_args} $last" ] || exit 3\n'
                        'printf "全市有幼儿园581所。\\r\\n\\n投资600余万元。\\n"')
    monkeypatch.setenv("PATH", str(bin_dir))  # only the stand-in: a real antiword must not be found first
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_DOC)
    source = read_source(path)
    assert (source.text, source.encoding) == ("全市有幼儿园581所。\n投资600余万元。", tool)


def test_a_doc_the_tool_cannot_read_gives_the_tools_message(tmp_path, monkeypatch):
    bin_dir = fake_tool(tmp_path / "bin", "antiword", 'echo "This is not a Word Document." >&2; exit 1')
    monkeypatch.setenv("PATH", str(bin_dir))
    path = tmp_path / "junk.doc"
    path.write_bytes(OLE_DOC)
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == "antiword could not read it: This is not a Word Document."


def test_an_rtf_named_doc_says_what_it_is(tmp_path):
    path = tmp_path / "letter.doc"
    path.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} hello}")
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == "an RTF file named .doc; save it as .docx or text"


def test_a_docx_named_doc_is_read_as_docx(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes(make_docx(tmp_path / "real.docx", PARAGRAPHS[:3]).read_bytes())
    assert read_source(path).text.split("\n") == PARAGRAPHS[:3]


# tests/data/report_003.doc: paragraphs 15-17 of sample report 003 and a
# table, written to .docx by make_docx and saved as Word 97 .doc by
# LibreOffice (soffice --headless --convert-to doc), which the tests cannot
# run themselves. .ci/run installs antiword.
REAL_DOC = Path(__file__).parent / "data" / "report_003.doc"


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed (.ci/run installs it)")
def test_a_real_doc_reads_through_antiword_with_its_table_as_sentences(tmp_path):
    source = read_source(REAL_DOC)
    paragraphs = sample_paragraphs("003_6921d1475b2d8838.txt")[15:18]
    assert source.encoding == "antiword"
    assert source.text.split("\n") == paragraphs + ["学段：幼儿园，学校数：581所。"]
    docx = make_docx(tmp_path / "same.docx", paragraphs + [[["学段", "学校数"], ["幼儿园", "581所"]]])
    assert claims_of(source.text) == claims_of(read_source(docx).text)
