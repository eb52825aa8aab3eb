"""Decoding files by the fixed ladder, and the errors for bad files."""
from __future__ import annotations

import pytest

from tracker.reading import ReadError, read_source

from conftest import CORPUS

# GBK has no no-break space; the sample's few are spaces in its web copy.
SAMPLE = (CORPUS / "004_043583f907d8be22.txt").read_text(encoding="utf-8").replace("\xa0", " ")


@pytest.mark.parametrize("encoding,expected", [("utf-8", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
                                               ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")])
def test_a_report_reads_back_whatever_its_encoding(tmp_path, encoding, expected):
    path = tmp_path / "report.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    source = read_source(path)
    assert source.encoding == expected
    assert source.text == SAMPLE


def test_short_gbk_sentence_is_not_read_as_something_else(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("全市有幼儿园581所".encode("gbk"))
    assert read_source(path).text == "全市有幼儿园581所"


def test_explicit_encoding_overrides_and_a_wrong_one_says_so(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("投资600余万元".encode("gbk"))
    assert read_source(path, encoding="gbk").text == "投资600余万元"
    with pytest.raises(ReadError, match="not valid utf-8 at byte "):
        read_source(path, encoding="utf-8")


@pytest.mark.parametrize("data,cause", [
    (b"", "empty file"),
    (b"  \n ", "empty file"),
    (b"\x00\x01binary\x00", "binary file, not text"),
    (b"\x80\xff\xff\x80 not text" * 3, "not UTF-8 or GB18030 text; pass --encoding=NAME if you know its encoding"),
])
def test_bad_files_raise_one_line_causes(tmp_path, data, cause):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert str(error.value) == f"{path}: {cause}"


def test_files_over_the_limit_are_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("投资600余万元。" * 100, encoding="utf-8")
    with pytest.raises(ReadError, match="over the limit of 100"):
        read_source(path, max_bytes=100)
