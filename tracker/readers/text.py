"""Plain text: which encoding, by a fixed ladder rather than a guess.

The ladder: a byte-order mark; else strict UTF-8; else strict GB18030 (a
superset of GB2312 and GBK, so it covers both); else, as a last resort, a
detector (charset-normalizer). An explicit encoding overrides the ladder.

Detectors read a short GBK sentence as Korean or Big5, so the detector
never sees text that strict UTF-8 or GB18030 reads, nor text that one of
them reads but for a cut-off last character (a truncated file) or a damaged
stretch in the middle: those are errors that say what to pass.
"""
from __future__ import annotations

import codecs
from pathlib import Path

import regex

from tracker.readers import Decoded, ReadError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LADDER = ("utf-8", "gb18030")
# GB2312 and GBK labels are read as GB18030, their superset: a page or a
# user that says gb2312 very often means GBK, and strict GB2312 stops at the
# first GBK-only character (many names of people and places are such).
GB_LABELS = frozenset({"gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
                       "csgb2312", "chinese", "iso-ir-58", "euc-cn", "euccn", "gb18030", "gb-18030"})
HINT = "pass --encoding=NAME if you know its encoding"
GENERIC_FAILURE = f"not UTF-8 or GB18030 text; {HINT}"
# Control bytes never found in text of any ASCII-compatible encoding (tab,
# line ends, form feed, escape and DOS's end-of-file mark are allowed).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1a\x1b")
_BINARY_SHARE = 0.01
_PRIVATE_USE = regex.compile(r"\p{Co}")
_HAN = regex.compile(r"\p{Han}")
# Most a detector's guess may look like noise (charset-normalizer's "chaos",
# in percent): above it, the bytes are called undecodable rather than guessed.
DETECTOR_MAX_CHAOS = 5.0


def codec_name(label: str) -> str:
    """The Python codec for an encoding label (GB2312/GBK labels give GB18030).

    Raises LookupError for a label Python does not know.
    """
    label = label.strip().lower()
    if label in GB_LABELS:
        return "gb18030"
    return codecs.lookup(label).name


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` holds a NUL or more than a few control bytes."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > _BINARY_SHARE * len(sample)


def decode_with(data: bytes, path: Path | str, encoding: str, origin: str = "--encoding") -> tuple[str, str]:
    """Decode ``data`` strictly with a named encoding; errors say which byte and who named it."""
    try:
        name = codec_name(encoding)
    except LookupError:
        raise ReadError(path, f"unknown encoding {encoding!r} ({origin})") from None
    try:
        return data.decode(name), name
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"not valid {encoding} at byte {exc.start} ({origin})") from None


def decode_bytes(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` by the ladder (or ``encoding``); return the text and the encoding used."""
    if encoding:
        return decode_with(data, path, encoding)
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"not valid {name} after its byte-order mark at byte {exc.start}") from None
    failures: dict[str, UnicodeDecodeError] = {}
    for name in LADDER:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            failures[name] = exc
            continue
        if name == "gb18030" and _PRIVATE_USE.search(text):
            # Big5 bytes are valid GB18030 too, mostly read as private-use
            # characters; let the detector say whether it is something else.
            better = _detect(data)
            if better is not None and better[1] != "gb18030":
                return better
        return text, name
    _raise_if_damaged(data, path, failures)
    detected = _detect(data)
    if detected is not None:
        return detected
    raise ReadError(path, GENERIC_FAILURE)


def _raise_if_damaged(data: bytes, path: Path | str, failures: dict[str, UnicodeDecodeError]) -> None:
    """Raise when the bytes are UTF-8 or GB18030 text cut short or damaged, rather than guess."""
    for name in LADDER:
        exc = failures[name]
        cut_short = exc.end == len(data) and ("end of data" in exc.reason or "incomplete" in exc.reason)
        if cut_short:
            readable = data[:exc.start].decode(name)
            if _mostly_han(readable, 4):
                raise ReadError(path, f"truncated {name.upper()} text: it ends inside a character "
                                      f"at byte {exc.start}; {HINT}")
    name, exc = max(failures.items(), key=lambda item: item[1].start)
    # A damaged stretch needs a longer run of Chinese before it than a cut
    # end does: other encodings' bytes read as a few Han characters too.
    if _mostly_han(data[:exc.start].decode(name), 16):
        raise ReadError(path, f"not valid {name.upper()} at byte {exc.start} (a damaged file?); {HINT}")


def _mostly_han(text: str, at_least: int) -> bool:
    """Whether ``text`` reads as Chinese: ``at_least`` Han characters, a fair share of its letters."""
    letters = sum(1 for char in text if char.isalpha())
    han = len(_HAN.findall(text))
    return han >= at_least and han >= 0.3 * letters and not _PRIVATE_USE.search(text)


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading, if it is not mostly noise."""
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data).best()
    except Exception:  # a detector that fails has simply found nothing
        return None
    if best is None or best.percent_chaos > DETECTOR_MAX_CHAOS:
        return None
    try:
        return data.decode(best.encoding), codecs.lookup(best.encoding).name
    except (UnicodeDecodeError, LookupError):
        return None


def read_text(data: bytes, path: Path | str, encoding: str | None = None) -> Decoded:
    """A plain-text file: decoded by the ladder, line ends made ``\\n``."""
    wide = any(data.startswith(bom) for bom, name in BOMS if name != "utf-8-sig")
    if encoding is None and not wide and looks_binary(data):
        raise ReadError(path, "binary file, not text")
    text, used = decode_bytes(data, path, encoding)
    if "\x00" in text:
        raise ReadError(path, "binary file, not text")
    return Decoded(text.replace("\r\n", "\n"), used)
