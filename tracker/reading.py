"""Reading files into text: which files, which bytes, which reader.

This is the entry point of reading; the readers of each kind of file live
in ``tracker.readers``. Text is decoded by a fixed ladder, not a guess: a
byte-order mark, else strict UTF-8, else strict GB18030 (a superset of
GB2312 and GBK), else a detector; an explicit encoding overrides the
ladder. HTML pages, Word files (.docx, and .doc through antiword or
catdoc) and PDFs have readers of their own. Every failure is a
:class:`ReadError` naming the file and the cause, and nothing else escapes.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tracker.readers import Decoded, ReadError, first_line
from tracker.readers.html import read_html
from tracker.readers.pdf import read_pdf
from tracker.readers.text import decode_bytes, read_text
from tracker.readers.word import read_doc, read_docx

__all__ = ["ReadError", "SourceText", "collect_paths", "decode_bytes", "read_source", "READ_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
READ_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".docx", ".doc", ".pdf")
# Never reports: hidden files (.DS_Store, editors' swap files) and the lock
# files Word leaves beside an open document (~$name.docx).
SKIPPED_PREFIXES = (".", "~$")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

Reader = Callable[[bytes, Path, "str | None"], Decoded]
READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "docx": read_docx, "pdf": read_pdf,
                              "doc": read_doc}


@dataclass(frozen=True)
class SourceText:
    """A file's bytes' identity and the text read from them."""

    path: Path
    sha256: str
    byte_size: int
    encoding: str
    text: str
    title: str | None = None

    @property
    def file_name(self) -> str:
        """The file's name without its folder, as exported in ``doc``."""
        return self.path.name


def _wanted(name: str) -> bool:
    return name.lower().endswith(READ_SUFFIXES) and not name.startswith(SKIPPED_PREFIXES)


def collect_paths(paths: list[str | Path]) -> tuple[list[Path], list[ReadError]]:
    """Expand folders into the files tracker reads (sorted); bad paths become errors.

    In a folder, only files with a known suffix are taken, hidden files and
    folders and Word's lock files are passed over, and symbolic links to
    folders are not followed (a loop would never end). A file named on its
    own is always taken, whatever its suffix.
    """
    found: list[Path] = []
    errors: list[ReadError] = []
    for given in paths:
        path = Path(given)
        # os.stat rather than Path.exists: the latter calls a name too long
        # or a symbolic link loop "missing" in some Python versions.
        try:
            info = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            errors.append(ReadError(path, "no such file or folder"))
            continue
        except OSError as exc:
            errors.append(ReadError(path, exc.strerror or first_line(exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found.extend(_walk(path, errors))
        else:
            found.append(path)
    return found, errors


def _walk(folder: Path, errors: list[ReadError]) -> list[Path]:
    def unlistable(exc: OSError) -> None:
        errors.append(ReadError(exc.filename or folder, f"cannot list the folder: {exc.strerror or exc}"))

    found = []
    for root, dirs, files in os.walk(folder, onerror=unlistable):
        dirs[:] = [name for name in dirs if not name.startswith(SKIPPED_PREFIXES)]
        for name in files:
            candidate = Path(root, name)
            if _wanted(name) and candidate.is_file():
                found.append(candidate)
    return sorted(found)


def sniff_format(path: Path, data: bytes) -> str:
    """Which reader takes the file: PDF and Word files by their bytes, the rest by suffix."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(OLE_MAGIC):
        return "doc"
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".docx", ".pdf"):
        return suffix[1:]  # not what it says it is: its reader says so
    if suffix == ".doc":
        head = data[:1024].lstrip().lower()
        if head.startswith(b"{\\rtf"):
            raise ReadError(path, "an RTF file named .doc; save it as .docx or text")
        if head.startswith((b"<!doctype", b"<html", b"<?xml", b"<meta", b"<head")) or b"<html" in head:
            return "html"  # web sites often serve HTML pages as .doc
        return "doc"
    return "text"


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """A regular file's bytes, refusing files over ``max_bytes`` before reading them."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, "a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # A pipe or a device would block or never end.
            raise ReadError(path, "not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise ReadError(path, f"{info.st_size} bytes is over the limit of {max_bytes} (--max-bytes)")
        with open(path, "rb") as handle:
            # Read one byte past the limit: a file may grow after its stat.
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(path, exc.strerror or first_line(exc)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(path, f"over the limit of {max_bytes} bytes (--max-bytes)")
    return data


def read_source(path: Path, encoding: str | None = None, max_bytes: int | None = None) -> SourceText:
    """Read one file into a :class:`SourceText`, or raise :class:`ReadError` (and nothing else)."""
    path = Path(path)
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise ReadError(path, "empty file")
    try:
        kind = sniff_format(path, data)
        decoded = READERS[kind](data, path, encoding)
    except RecursionError:
        raise ReadError(path, "nested too deeply to read") from None
    except MemoryError:
        raise ReadError(path, "too large to read in memory") from None
    if not decoded.text.strip():
        raise ReadError(path, "no text in it")
    return SourceText(path, hashlib.sha256(data).hexdigest(), len(data), decoded.encoding, decoded.text,
                      decoded.title)
