"""PDF files through pypdf, with line wraps between CJK characters joined.

A PDF keeps the lines of its page, not its paragraphs: ``600余万`` at the
end of one line and ``元`` at the start of the next are one amount. A line
break is joined when the line runs (nearly) to the page's longest line
(measured in columns, a CJK character being two), the next line does not
start indented, and a CJK character stands on either side of the break, or
a number goes on across it (``29.\n74``, ``95\n%``); a shorter line ends its
paragraph, and so does a line ending a sentence, since a heading may follow.
"""
from __future__ import annotations

import io
import logging
from contextlib import contextmanager
from pathlib import Path

from tracker.readers import Decoded, ReadError, display_width, first_line, is_cjk, missing_library, tidy_text

FULL_LINE_SHARE = 0.85
PARAGRAPH_ENDS = "。！？：；!?:;"
NUMBER_GOES_ON = "0123456789."


@contextmanager
def _quiet_pypdf():
    # pypdf logs each repair of a damaged file; a bad file gets one line
    # on stderr from tracker, not pypdf's warnings.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf(data: bytes, path: Path | str, encoding: str | None = None) -> Decoded:
    """A PDF's text, page by page, line wraps joined (``encoding`` is not used)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise missing_library(path, ".pdf files", "pypdf") from None
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt(reader, path)
            pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files, RecursionError included
        raise ReadError(path, f"not a readable PDF: {first_line(exc)}") from None
    text = "\n".join(join_wrapped_lines(tidy_text(page).strip("\n")) for page in pages)
    if not text.strip():
        raise ReadError(path, "no text in the PDF (scanned pages? it needs OCR first)")
    return Decoded(text, "pdf")


def _decrypt(reader, path: Path | str) -> None:
    # Many PDFs are "encrypted" with an empty password only to forbid
    # copying; those open. Others need a password tracker does not have.
    try:
        opened = reader.decrypt("")
    except Exception as exc:
        raise ReadError(path, f"an encrypted PDF tracker cannot open: {first_line(exc)}") from None
    if not opened:
        raise ReadError(path, "an encrypted PDF that needs a password; save an unprotected copy")


def join_wrapped_lines(page: str) -> str:
    """A page's text with wrapped lines joined (see the module's doc)."""
    lines = page.split("\n")
    full = max((display_width(line.rstrip()) for line in lines), default=0)
    out = [lines[0]] if lines else []
    for line in lines[1:]:
        previous = out[-1].rstrip()
        if _wrapped(previous, line, full):
            out[-1] = previous + line
        else:
            out.append(line)
    return "\n".join(out)


def _wrapped(previous: str, line: str, full: int) -> bool:
    if not previous or not line or line[0].isspace() or previous[-1] in PARAGRAPH_ENDS:
        return False
    if display_width(previous) < FULL_LINE_SHARE * full:
        return False
    if previous[-1] in NUMBER_GOES_ON and line[0] in NUMBER_GOES_ON[:-1] + "%":
        return True
    return is_cjk(previous[-1]) or is_cjk(line[0])
