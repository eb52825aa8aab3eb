"""Turning one file's bytes into report text, a module per kind of file.

``tracker.reading`` is the entry point: it opens the file, applies the
limits and picks the reader. Each reader takes the bytes and returns a
:class:`Decoded`, or raises :class:`ReadError`, the one error a reader
raises whatever is wrong with the file.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex


class ReadError(Exception):
    """A file could not be read as a report; ``str()`` is the one-line cause."""

    def __init__(self, path: Path | str, cause: str):
        super().__init__(f"{path}: {cause}")
        self.path = str(path)
        self.cause = cause


@dataclass(frozen=True)
class Decoded:
    """The text read from a file, how it was read, and the title it declares."""

    text: str
    encoding: str
    title: str | None = None


# Characters no report text holds and PostgreSQL or the UTF-8 codec refuse:
# C0 controls but tab and newline, DEL, lone surrogates, noncharacters.
_UNWANTED = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\p{Cs}\ufffe\uffff]")
_HAN = regex.compile(r"\p{Han}")


def tidy_text(text: str) -> str:
    """Text extracted from a document, made safe to store.

    Line ends become ``\\n`` (a form feed is a page break, so a line end too);
    characters that cannot be stored or mean nothing in a report are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _UNWANTED.sub("", text)


def first_line(exc: BaseException) -> str:
    """An exception as one short line: its message's first line, else its type."""
    message = str(exc).strip()
    line = message.splitlines()[0] if message else type(exc).__name__
    return line if len(line) <= 200 else line[:197] + "..."


def is_cjk(char: str) -> bool:
    """A Han character or CJK punctuation (full-width forms included)."""
    if _HAN.match(char):
        return True
    return "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced view: two for wide (CJK) characters."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def missing_library(path: Path | str, what: str, package: str) -> ReadError:
    """The error for a reader whose optional library is not installed."""
    return ReadError(path, f"reading {what} needs the {package} package: pip install 'tracker[docs]'")
