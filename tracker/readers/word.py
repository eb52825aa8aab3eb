"""Word files: .docx through python-docx, legacy .doc through antiword or catdoc.

A .docx gives its paragraphs and tables in document order. A table row
becomes one sentence that names each cell by its column header
(``学校数：581所，在校生：2.6万人。``), so an amount in a table keeps what it
counts. Legacy .doc files are converted by an outside tool when one is
installed; many ".doc" files on government sites are really HTML or .docx
and are read as what they are.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from tracker.readers import Decoded, ReadError, first_line, missing_library, tidy_text

# A .docx is a zip; refuse one that unpacks to more than this many times
# its own size or this many bytes, whichever is larger (a zip bomb).
UNPACKED_RATIO = 200
UNPACKED_FLOOR = 200_000_000
DOC_TOOLS = (
    ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0"]),
    ("catdoc", ["catdoc", "-w", "-d", "utf-8"]),
)
DOC_TOOL_TIMEOUT_S = 120


def read_docx(data: bytes, path: Path | str, encoding: str | None = None) -> Decoded:
    """A .docx file: paragraphs and table rows in document order (``encoding`` is not used)."""
    try:
        import docx
        from docx.table import Table
    except ImportError:
        raise missing_library(path, ".docx files", "python-docx") from None
    _check_unpacked_size(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(table_sentences(_table_rows(block)))
            else:
                lines.append(block.text)
    except ReadError:
        raise
    except Exception as exc:  # python-docx and its zip and XML layers raise many kinds
        raise ReadError(path, f"not a readable Word (.docx) file: {first_line(exc)}") from None
    text = tidy_text("\n".join(line for line in lines if line.strip()))
    return Decoded(text, "docx")


def _check_unpacked_size(data: bytes, path: Path | str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ReadError(path, f"not a readable Word (.docx) file: {first_line(exc)}") from None
    limit = max(UNPACKED_FLOOR, UNPACKED_RATIO * len(data))
    if unpacked > limit:
        raise ReadError(path, f"a .docx that unpacks to {unpacked} bytes, over the limit of {limit}")


def _table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        rows.append(cells)
    return rows


def _cell_text(cell) -> str:
    from docx.table import Table

    parts = []
    for block in cell.iter_inner_content():
        if isinstance(block, Table):
            parts.extend(table_sentences(_table_rows(block)))
        else:
            parts.append(block.text.strip())
    return "".join(part for part in parts if part)


def table_sentences(rows: list[list[str]]) -> list[str]:
    """A table as sentences: each row after the header names its cells by their column.

    Leading rows of one cell (a table's caption in merged cells) stand as
    lines of their own; a row that does not line up with the header gives
    its cells without names.
    """
    rows = [[cell.strip() for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    lines: list[str] = []
    while len(rows) > 1 and len([cell for cell in rows[0] if cell]) == 1 and any(len(row) > 1 for row in rows[1:]):
        lines.append(next(cell for cell in rows[0] if cell))
        rows = rows[1:]
    if not rows:
        return lines
    if len(rows) == 1:
        return lines + [_sentence(cell for cell in rows[0] if cell)]
    header, *body = rows
    for row in body:
        if len(row) == len(header):
            parts = (f"{name}：{cell}" if name and name != cell else cell
                     for name, cell in zip(header, row) if cell)
        else:
            parts = (cell for cell in row if cell)
        lines.append(_sentence(parts))
    return lines


def _sentence(parts) -> str:
    text = "，".join(parts)
    return text if text.endswith(("。", "！", "？", "；")) else text + "。"


def read_doc(data: bytes, path: Path | str, encoding: str | None = None) -> Decoded:
    """A legacy Word .doc file, through antiword or catdoc (``encoding`` is not used)."""
    found = next(((name, command) for name, command in DOC_TOOLS if shutil.which(command[0])), None)
    if found is None:
        raise ReadError(path, "reading .doc files needs antiword or catdoc (apt-get install antiword), "
                              "or save the file as .docx")
    name, command = found
    # The tool reads the bytes that were hashed, not the path, which may
    # have changed since.
    with tempfile.NamedTemporaryFile(suffix=".doc") as handle:
        handle.write(data)
        handle.flush()
        try:
            done = subprocess.run([*command, handle.name], capture_output=True, timeout=DOC_TOOL_TIMEOUT_S,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReadError(path, f"{name} took over {DOC_TOOL_TIMEOUT_S} s on it") from None
        except OSError as exc:
            raise ReadError(path, f"{name} could not be run: {exc.strerror or exc}") from None
    if done.returncode != 0:
        cause = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(path, f"{name} could not read it: {cause[0] if cause else f'exit status {done.returncode}'}")
    text = tidy_text(done.stdout.decode("utf-8", "replace"))
    return Decoded(_tables_as_sentences(text), name)


def _tables_as_sentences(text: str) -> str:
    """antiword's tables (lines of ``|cell  |cell  |``) as sentences, and no blank lines, as for a .docx.

    The tools put a blank line between paragraphs; the .docx reader does
    not, and blank lines mean something to the cleaning (page breaks).
    """
    out: list[str] = []
    rows: list[list[str]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
            rows.append([cell.strip() for cell in stripped[1:-1].split("|")])
            continue
        if rows:
            out.extend(table_sentences(rows))
            rows = []
        if line.strip():
            out.append(line)
    out.extend(table_sentences(rows))
    return "\n".join(out)
