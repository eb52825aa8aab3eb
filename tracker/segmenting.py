"""Splitting cleaned text into sections (speeches) and sentences.

Sentences end at 。！？； and their ASCII forms and at line breaks; a ``?``
between two digits is a broken dash, not an end. The terminator is dropped
and the sentence trimmed, as the claims guide rules.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

SENTENCE_END = regex.compile(r"[。！？；;!\n]|(?<![0-9０-９])[?？]|[?？](?![0-9０-９])")
TRIM = " \t\r\u3000\xa0"


@dataclass(frozen=True)
class TextSpan:
    """A trimmed piece of text and where it stands in the text it came from."""

    start: int
    end: int
    text: str


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[TextSpan]:
    """The non-empty sentences of ``text[start:end]``, with spans into ``text``."""
    end = len(text) if end is None else end
    sentences = []
    position = start
    for stop in SENTENCE_END.finditer(text, start, end):
        _append_trimmed(sentences, text, position, stop.start())
        position = stop.end()
    _append_trimmed(sentences, text, position, end)
    return sentences


def _append_trimmed(out: list[TextSpan], text: str, start: int, end: int) -> None:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    if end > start:
        out.append(TextSpan(start, end, text[start:end]))


def split_sections(text: str) -> list[TextSpan]:
    """The speeches of a document; a document of one speech is one section."""
    return [TextSpan(0, len(text), "")]
