"""Decoding files by the fixed ladder, and the errors for bad files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.reading import ReadError, collect_paths, read_source

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


# --- the encoding ladder, past BOM, UTF-8 and GB18030 ------------------------

def test_a_gbk_only_character_reads_under_the_ladder(tmp_path):
    # 镕 is in GBK, not in GB2312: strict GB2312 would stop at it.
    path = tmp_path / "gbk.txt"
    path.write_bytes("总理朱镕基视察，全市投资600余万元。".encode("gbk"))
    source = read_source(path)
    assert (source.encoding, source.text) == ("gb18030", "总理朱镕基视察，全市投资600余万元。")


def test_an_explicit_gb2312_is_read_as_gb18030(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("朱镕基".encode("gbk"))
    assert read_source(path, encoding="gb2312").text == "朱镕基"
    assert read_source(path, encoding="gb2312").encoding == "gb18030"


def test_a_truncated_gbk_file_says_so(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(SAMPLE.encode("gbk")[:-1])  # the last character cut in two
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause.startswith("truncated GB18030 text: it ends inside a character at byte ")
    assert error.value.cause.endswith("pass --encoding=NAME if you know its encoding")


def test_a_truncated_utf8_file_says_so(tmp_path):
    path = tmp_path / "cut.txt"
    data = SAMPLE.encode("utf-8")
    path.write_bytes(data[:-2])
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause == (f"truncated UTF-8 text: it ends inside a character at byte {len(data) - 3}; "
                                 "pass --encoding=NAME if you know its encoding")


def test_a_damaged_gbk_file_names_the_bad_byte_rather_than_guess(tmp_path):
    data = bytearray(SAMPLE.encode("gbk"))
    middle = len(data) // 2
    data[middle:middle + 2] = b"\xff\xff"
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert error.value.cause.startswith("not valid GB18030 at byte ")
    assert "(a damaged file?)" in error.value.cause
    bad_byte = int(error.value.cause.split("at byte ")[1].split()[0])
    assert middle - 1 <= bad_byte <= middle + 1


def test_big5_goes_past_gb18030_to_the_detector(tmp_path):
    # Big5 bytes are valid GB18030, read as private-use characters; the
    # detector is asked then, and it knows Big5.
    traditional = "全市有幼兒園581所，在園幼兒2.6萬人，專任教師1200人。"
    path = tmp_path / "big5.txt"
    path.write_bytes(traditional.encode("big5"))
    source = read_source(path)
    assert source.text == traditional
    assert source.encoding == "big5"


@pytest.mark.parametrize("encoding", ["cp1252", "cp1251"])
def test_the_detector_reads_what_the_ladder_cannot(tmp_path, encoding):
    text = {
        # A detector is a last resort for a reason: a shorter French text
        # comes out as cp1250, KOI8-R Russian as Shift-JIS.
        "cp1252": "Le budget de l'école a augmenté de 15 % à Besançon; l'été dernier, 581 élèves. "
                  "Les enseignants ont reçu une formation complète et les élèves sont très satisfaits de la qualité.",
        "cp1251": "Бюджет школ вырос на 15 процентов, в прошлом году было 581 ученик. "
                  "Учителя прошли полное обучение.",
    }[encoding]
    path = tmp_path / "foreign.txt"
    path.write_bytes(text.encode(encoding))
    source = read_source(path)
    assert source.text == text
    assert source.encoding == encoding


def test_utf16_without_a_bom_is_binary_unless_named(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("2016年全市有幼儿园581所。".encode("utf-16-le"))
    with pytest.raises(ReadError, match="binary file, not text"):
        read_source(path)
    assert read_source(path, encoding="utf-16-le").text == "2016年全市有幼儿园581所。"


def test_a_nul_past_the_sniffed_start_is_still_binary(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"a" * 10_000 + b"\x00tail")
    with pytest.raises(ReadError, match="binary file, not text"):
        read_source(path)


def test_an_unknown_explicit_encoding_says_so(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"abc")
    with pytest.raises(ReadError, match=r"unknown encoding 'klingon' \(--encoding\)"):
        read_source(path, encoding="klingon")


# --- paths: folders with junk, unreadable things -----------------------------

def test_folders_give_report_files_and_pass_over_junk(tmp_path):
    for name in ["a.txt", "b.HTML", "c.htm", "d.docx", "e.doc", "f.pdf", "g.md",
                 "photo.jpg", "data.xlsx", ".DS_Store", "~$d.docx", "Thumbs.db", "notes"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "h.txt").write_bytes(b"x")
    (tmp_path / "loop").symlink_to(tmp_path)  # a link to a folder is not followed
    found, errors = collect_paths([tmp_path])
    assert errors == []
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt", "b.HTML", "c.htm", "d.docx", "e.doc", "f.pdf", "g.md", "sub/h.txt"]


def test_a_file_named_on_its_own_is_taken_whatever_its_suffix(tmp_path):
    path = tmp_path / "report.dat"
    path.write_text("全市有幼儿园581所。", encoding="utf-8")
    found, errors = collect_paths([path])
    assert (found, errors) == ([path], [])


def test_a_pipe_is_not_read(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(ReadError) as error:
        read_source(pipe)  # would block forever if opened
    assert str(error.value) == f"{pipe}: not a regular file"


def test_a_name_too_long_for_the_system_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / ("长" * 200 + ".txt")
    found, errors = collect_paths([path])
    assert found == []
    assert [str(e) for e in errors] == [f"{path}: File name too long"]


def test_a_path_through_a_file_is_missing(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    found, errors = collect_paths([tmp_path / "a.txt" / "b.txt"])
    assert [e.cause for e in errors] == ["no such file or folder"]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_an_input_output_error_is_reported(tmp_path):
    # Reading /proc/self/mem at offset 0 fails with EIO, even for root.
    with pytest.raises(ReadError) as error:
        read_source(Path("/proc/self/mem"))
    assert str(error.value) == "/proc/self/mem: Input/output error"


def test_a_permission_error_names_the_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("x")
    real_open = open

    def refuse(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(ReadError) as error:
        read_source(path)
    assert str(error.value) == f"{path}: Permission denied"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("opened a file over the limit"))
    with pytest.raises(ReadError) as error:
        read_source(path, max_bytes=999)
    assert error.value.cause == "1000 bytes is over the limit of 999 (--max-bytes)"


# --- what comes out of a reader: a SourceText or a ReadError, nothing else ---

@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf", ".doc", ".bin"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_read_or_raise_read_error(tmp_path, suffix, data):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        source = read_source(path, max_bytes=2500)
    except ReadError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
    else:
        assert source.text.strip()
        assert "\x00" not in source.text
        source.text.encode("utf-8")  # storable: no lone surrogates


def _valid_documents(tmp_path):
    from makers import html_page, make_docx, pdf_bytes

    paragraphs = SAMPLE.splitlines()[:12]
    docx_path = make_docx(tmp_path / "valid.docx", paragraphs + [[["学段", "学校数"], ["幼儿园", "581所"]]])
    return {
        ".txt": SAMPLE[:3000].encode("gbk"),
        ".html": html_page(paragraphs, title="t").encode("gbk"),
        ".docx": docx_path.read_bytes(),
        ".pdf": pdf_bytes([paragraphs]),
    }


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_damaged_real_documents_read_or_raise_read_error(tmp_path, suffix, cut, flips):
    valid = _VALID.setdefault(suffix, _valid_documents(tmp_path)[suffix])
    data = bytearray(valid[:max(1, int(len(valid) * cut))] if cut < 0.5 else valid)
    for where, value in flips:
        data[min(len(data) - 1, int(len(data) * where))] = value
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(bytes(data))
    try:
        source = read_source(path)
    except ReadError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
    else:
        assert "\x00" not in source.text
        source.text.encode("utf-8")


_VALID: dict[str, bytes] = {}


def test_a_symbolic_link_loop_and_a_broken_link_are_errors(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    found, errors = collect_paths([tmp_path / "loop.txt", tmp_path / "broken.txt"])
    assert found == []
    assert [str(e) for e in errors] == [f"{tmp_path / 'loop.txt'}: Too many levels of symbolic links",
                                        f"{tmp_path / 'broken.txt'}: no such file or folder"]
    # In a folder they are not files, and are passed over.
    assert collect_paths([tmp_path]) == ([], [])
