"""Reading files into text: which files, which bytes, which encoding.

Text is decoded by a fixed ladder, not a guess: a byte-order mark, else
strict UTF-8, else strict GB18030 (a superset of GB2312 and GBK); an
explicit encoding overrides the ladder. Every failure is a
:class:`ReadError` naming the file and the cause.
"""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".text", ".md")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LADDER = ("utf-8", "gb18030")


class ReadError(Exception):
    """A file could not be read as a report; ``str()`` is the one-line cause."""

    def __init__(self, path: Path | str, cause: str):
        super().__init__(f"{path}: {cause}")
        self.path = str(path)
        self.cause = cause


@dataclass(frozen=True)
class SourceText:
    """A file's bytes' identity and the text decoded from them."""

    path: Path
    sha256: str
    byte_size: int
    encoding: str
    text: str

    @property
    def file_name(self) -> str:
        """The file's name without its folder, as exported in ``doc``."""
        return self.path.name


def collect_paths(paths: list[str | Path]) -> tuple[list[Path], list[ReadError]]:
    """Expand folders into their text files (sorted); missing paths become errors."""
    found: list[Path] = []
    errors: list[ReadError] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES))
        elif path.exists():
            found.append(path)
        else:
            errors.append(ReadError(path, "no such file or folder"))
    return found, errors


def decode_bytes(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` by the ladder (or ``encoding``); return the text and the encoding used."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ReadError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"not valid {encoding} at byte {exc.start}") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"not valid {name} after its byte-order mark at byte {exc.start}") from None
    for name in LADDER:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise ReadError(path, "not UTF-8 or GB18030 text; pass --encoding=NAME if you know its encoding")


def read_source(path: Path, encoding: str | None = None, max_bytes: int | None = None) -> SourceText:
    """Read one file into a :class:`SourceText`, or raise :class:`ReadError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from None
    if not data.strip():
        raise ReadError(path, "empty file")
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(path, f"{len(data)} bytes is over the limit of {max_bytes} (--max-bytes)")
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError(path, "binary file, not text")
    text, used = decode_bytes(data, path, encoding)
    return SourceText(path, hashlib.sha256(data).hexdigest(), len(data), used, text.replace("\r\n", "\n"))
