"""HTML pages (.html, .htm): decode by the declared charset, parse, keep the text.

The bytes are decoded before parsing, so the text never depends on the
parser's own guess: a byte-order mark, else the charset the page declares
(read as GB18030 where it says gb2312 or gbk: a GBK-only character under a
gb2312 label would otherwise cut the text short), else the text ladder.
Valid UTF-8 is taken first whatever the label, since many sites moved to
UTF-8 and kept their old gb2312 label, while GBK text is practically never
valid UTF-8. Scripts, styles, forms and navigation are dropped; block
elements and ``<br>`` make line breaks; the ``<title>`` is the title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from tracker.readers import Decoded, ReadError, first_line, is_cjk, tidy_text
from tracker.readers.text import BOMS, HINT, codec_name, decode_bytes, decode_with
from tracker.rules import load_seed

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# HTML collapses runs of these (not U+3000 or no-break spaces) into one space.
_HTML_SPACE = regex.compile(r"[ \t\n\r\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s_-]+")
_BREAK = object()
_SPACE_RUN = regex.compile(r"[ \x00]+")


@dataclass(frozen=True)
class HtmlRules:
    """The tag lists of ``seeds/html.toml``."""

    drop_tags: frozenset[str]
    drop_class_words: frozenset[str]
    block_tags: frozenset[str]


@cache
def html_rules() -> HtmlRules:
    """Load the HTML tag lists once."""
    seed = load_seed("html.toml")
    return HtmlRules(frozenset(seed["drop_tags"]), frozenset(seed["drop_class_words"]),
                     frozenset(seed["block_tags"]))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag or an XML declaration, if any."""
    head = data[:4096]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii") if found else None


def decode_html(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a page's bytes: ``encoding``, a BOM, valid UTF-8, the declared charset, else the ladder."""
    if encoding or any(data.startswith(bom) for bom, _name in BOMS):
        return decode_bytes(data, path, encoding)
    declared = declared_charset(data)
    try:
        name = codec_name(declared) if declared else None
    except LookupError:
        name = None  # a label Python does not know: as if none were given
    if name is None:
        return decode_bytes(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return decode_with(data, path, name, origin=f"the page declares {declared}")
    except ReadError as error:
        raise ReadError(path, f"{error.cause}; {HINT}") from None


def read_html(data: bytes, path: Path | str, encoding: str | None = None) -> Decoded:
    """An HTML page: its visible text, a line per paragraph, and its title."""
    from lxml import etree
    import lxml.html

    text, used = decode_html(data, path, encoding)
    markup = _XML_DECLARATION.sub("", tidy_text(text))
    # huge_tree: libxml2 otherwise silently drops what is nested past 256
    # levels; the size is bounded by --max-bytes, and the walk needs no recursion.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise ReadError(path, f"not a readable HTML page: {first_line(exc)}") from None
    fatal = [entry for entry in parser.error_log if entry.level == etree.ErrorLevels.FATAL]
    if fatal:
        # libxml2 stops at a fatal error (nesting too deep) and keeps what it
        # had: a page cut short, which must not pass for the whole page.
        raise ReadError(path, f"not a readable HTML page: {fatal[0].message.strip()}")
    title_element = root.find(".//title")
    title = None
    if title_element is not None:
        title = _HTML_SPACE.sub(" ", title_element.text_content()).strip() or None
    body = root.find("body")
    lines = _lines(_pieces(body if body is not None else root, html_rules()))
    return Decoded("\n".join(lines), used, title[:500] if title else None)


def _dropped(element, rules: HtmlRules) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in rules.drop_tags or element.get("hidden") is not None:
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    words = _WORD_SPLIT.split(f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    return any(word in rules.drop_class_words for word in words)


def _pieces(root, rules: HtmlRules) -> list:
    """The page's text in order: (text, preformatted) pairs and paragraph breaks.

    A stack instead of recursion: a page may nest elements deeper than
    Python's recursion limit.
    """
    pieces: list = []
    stack: list = [("start", root, False)]
    while stack:
        event, element, pre = stack.pop()
        if event == "tail":
            if element.tail:
                pieces.append((element.tail, pre))
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "end":
            if tag in rules.block_tags:
                pieces.append(_BREAK)
            if element.tail and element is not root:
                pieces.append((element.tail, pre))
            continue
        if not tag or _dropped(element, rules):
            if element is not root:
                stack.append(("tail", element, pre))
            continue
        if tag in rules.block_tags or tag == "br":
            pieces.append(_BREAK)
        inner_pre = pre or tag in ("pre", "textarea", "listing", "plaintext")
        if element.text:
            pieces.append((element.text, inner_pre))
        stack.append(("end", element, pre))
        stack.extend(("start", child, inner_pre) for child in reversed(element))
    return pieces


def _lines(pieces: list) -> list[str]:
    """Paragraphs from the pieces: HTML spaces collapsed, blank lines dropped."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _join_cjk_spaces("".join(current))
        if line.strip():
            paragraphs.append(line)
        current.clear()

    for piece in pieces:
        if piece is _BREAK:
            flush()
            continue
        text, pre = piece
        if pre:
            # Preformatted text keeps its line breaks as paragraph breaks.
            first, *rest = text.split("\n")
            current.append(first)
            for line in rest:
                flush()
                current.append(line)
        else:
            current.append(_collapse(text))
    flush()
    return paragraphs


def _collapse(text: str) -> str:
    # A line break in the markup between two CJK characters is no space on
    # the page to a Chinese reader; it is marked here and removed by
    # _join_cjk_spaces once the neighbours across tags are known.
    return _HTML_SPACE.sub(lambda m: "\x00" if "\n" in m.group() else " ", text)


def _join_cjk_spaces(line: str) -> str:
    def space(match: regex.Match) -> str:
        if "\x00" not in match.group():
            return " "
        before = line[match.start() - 1] if match.start() else ""
        after = line[match.end()] if match.end() < len(line) else ""
        return "" if before and after and (is_cjk(before) or is_cjk(after)) else " "

    return _SPACE_RUN.sub(space, line).strip(" ")
