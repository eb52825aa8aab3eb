"""Cleaning the text read from a file before extraction.

Drops site menus, upload banners, page counters and trailing
related-article lists, mends page breaks that cut a number or a sentence,
and removes inline residue (entities, pinyin glosses, invisible
characters). The cleaned text keeps a map back to the original, so every
span found in it can be given in the source too.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

import regex

from tracker.rules import alternation, load_rules, load_seed


@dataclass(frozen=True)
class Edit:
    """Replace ``raw[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str = ""


class CleanText:
    """Cleaned text with a map from its offsets to the original's."""

    def __init__(self, raw: str, edits: list[Edit]):
        self.raw = raw
        pieces: list[str] = []
        # Parallel arrays: a segment starts at clean offset clean_starts[i]
        # and raw offset raw_starts[i]; copied segments map one to one.
        self._clean_starts: list[int] = []
        self._raw_starts: list[int] = []
        self._raw_ends: list[int] = []
        self._copied: list[bool] = []
        position = clean_length = 0
        for edit in _merge(edits):
            if edit.start > position:
                self._add(clean_length, position, edit.start, True)
                pieces.append(raw[position:edit.start])
                clean_length += edit.start - position
            if edit.replacement:
                self._add(clean_length, edit.start, edit.end, False)
                pieces.append(edit.replacement)
                clean_length += len(edit.replacement)
            position = max(position, edit.end)
        if position < len(raw):
            self._add(clean_length, position, len(raw), True)
            pieces.append(raw[position:])
        self.text = "".join(pieces)

    def _add(self, clean_start: int, raw_start: int, raw_end: int, copied: bool) -> None:
        self._clean_starts.append(clean_start)
        self._raw_starts.append(raw_start)
        self._raw_ends.append(raw_end)
        self._copied.append(copied)

    def _segment(self, position: int) -> int:
        return max(0, bisect_right(self._clean_starts, position) - 1)

    def raw_offset(self, position: int) -> int:
        """The original offset of the cleaned text's character at ``position``."""
        if not self._clean_starts:
            return 0
        index = self._segment(position)
        if self._copied[index]:
            return min(self._raw_starts[index] + position - self._clean_starts[index], self._raw_ends[index])
        return self._raw_starts[index]

    def clean_offset(self, raw_position: int) -> int:
        """The cleaned text's offset of the original's ``raw_position`` (where its character
        went, or where what was dropped around it stood)."""
        if not self._raw_starts:
            return 0
        index = max(0, bisect_right(self._raw_starts, raw_position) - 1)
        if self._copied[index]:
            return self._clean_starts[index] + min(raw_position - self._raw_starts[index],
                                                   self._raw_ends[index] - self._raw_starts[index])
        return self._clean_starts[index]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the cleaned span ``[start, end)``."""
        if end <= start:
            offset = self.raw_offset(start)
            return offset, offset
        last = self._segment(end - 1)
        if self._copied[last]:
            raw_end = self._raw_starts[last] + (end - 1 - self._clean_starts[last]) + 1
        else:
            raw_end = self._raw_ends[last]
        return self.raw_offset(start), raw_end


def _merge(edits: list[Edit]) -> list[Edit]:
    merged: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if merged and edit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Edit(last.start, max(last.end, edit.end), last.replacement)
        else:
            merged.append(edit)
    return merged


@dataclass(frozen=True)
class FurnitureRules:
    """Compiled patterns of ``seeds/furniture.toml``."""

    drop_line: regex.Pattern
    menu_bars: str
    menu_line: regex.Pattern
    menu_home: str
    menu_spaced: regex.Pattern
    trailer_line: regex.Pattern
    trailer_min_share: float
    page_marker_min_run: int
    cut_number: regex.Pattern
    entity: regex.Pattern
    stray_ampersand: regex.Pattern
    pinyin_gloss: regex.Pattern
    invisible: regex.Pattern


@cache
def furniture_rules() -> FurnitureRules:
    """Load and compile the furniture rules once."""
    seed = load_seed("furniture.toml")
    inline = seed["inline"]
    return FurnitureRules(
        drop_line=regex.compile("|".join(f"(?:{p})" for p in seed["drop_lines"])),
        menu_bars=seed["menu_bars"],
        menu_line=regex.compile(seed["menu_line"]),
        menu_home=seed["menu_home"],
        menu_spaced=regex.compile(seed["menu_spaced"]),
        trailer_line=regex.compile("|".join(f"(?:{p})" for p in seed["trailer_lines"])),
        trailer_min_share=seed["trailer_min_share"],
        page_marker_min_run=seed["page_marker_min_run"],
        cut_number=regex.compile(seed["cut_number"]),
        entity=regex.compile(inline["entity"]),
        stray_ampersand=regex.compile(inline["stray_ampersand"]),
        pinyin_gloss=regex.compile(inline["pinyin_gloss"]),
        invisible=regex.compile(inline["invisible"]),
    )


LINE = regex.compile(r"[^\n]*(?:\n|$)")
PAGE_MARKER = regex.compile(r"(?:^|\n)[ \t\u3000]*\n?[ \t\u3000]*(\d{1,4})、")


def _line_edits(raw: str, rules: FurnitureRules) -> list[Edit]:
    edits = []
    for line in LINE.finditer(raw):
        if line.start() == line.end():
            break
        content = line.group().strip()
        if not content:
            continue
        if line.start() >= rules.trailer_min_share * len(raw) and rules.trailer_line.search(content):
            edits.append(Edit(line.start(), len(raw)))
            break
        if rules.drop_line.search(content) or (any(bar in content for bar in rules.menu_bars)
                                               and rules.menu_line.search(content)) \
                or (rules.menu_home in content and rules.menu_spaced.search(content)):
            edits.append(Edit(line.start(), line.end()))
    return edits


def _page_marker_edits(raw: str, rules: FurnitureRules) -> list[Edit]:
    """Remove ``\\n\\nN、`` page markers of a consecutive run and join the pages."""
    markers = [(int(m.group(1)), m) for m in PAGE_MARKER.finditer(raw)]
    best: list[regex.Match] = []
    run: list[regex.Match] = []
    expected = 1
    for number, match in markers:
        if number == expected:
            run.append(match)
            expected += 1
        elif number == 1:
            run, expected = [match], 2
        if len(run) > len(best):
            best = list(run)
    if len(best) < rules.page_marker_min_run:
        return []
    edits = []
    for match in best:
        start = match.start()
        # Join to the previous page: drop the trailing whitespace before it too.
        while start > 0 and raw[start - 1] in " \t\u3000\n":
            start -= 1
        edits.append(Edit(start, match.end()))
    return edits


@cache
def unit_wrap_pattern() -> re.Pattern:
    """A line break inside an amount: between a numeral and its unit, or inside a unit word."""
    rules = load_rules()
    numeral_end = "[0-9０-９万萬亿億千余多]"
    pieces = [rf"(?<={numeral_end})[ \t]*\n[ \t]*(?=(?:{alternation(rules.units)}))"]
    for surface in rules.units:
        for cut in range(1, len(surface)):
            head, tail = regex.escape(surface[:cut]), regex.escape(surface[cut:])
            pieces.append(rf"(?<={numeral_end}{head})\n(?={tail})")
    # Under ``re``, with every match starting at a space or line break, it runs twice as fast.
    return re.compile(r"(?=[ \t\n])(?:" + "|".join(pieces) + ")")


@cache
def _cell_gap() -> re.Pattern:
    # Cells of a table row set apart after its first (红山区⇥1.8⇥5.9), by tables.toml's separator:
    # the row's last number is whole, and the next row may open on what reads as a unit (元宝山区).
    return re.compile(r"\S" + load_seed("tables.toml")["cell_separator"])


def _inline_edits(raw: str, rules: FurnitureRules) -> list[Edit]:
    edits = [Edit(m.start(), m.end(), html.unescape(m.group()).replace("\xa0", " ")) for m in rules.entity.finditer(raw)]
    for pattern in (rules.stray_ampersand, rules.pinyin_gloss, rules.invisible, rules.cut_number):
        edits.extend(Edit(m.start(), m.end()) for m in pattern.finditer(raw))
    edits.extend(Edit(m.start(), m.end()) for m in unit_wrap_pattern().finditer(raw)
                 if not _cell_gap().search(raw, raw.rfind("\n", 0, m.start()) + 1, m.start()))
    return edits


def clean_text(raw: str) -> CleanText:
    """Clean ``raw`` (furniture, page breaks, residue) keeping a map back to it."""
    rules = furniture_rules()
    edits = _line_edits(raw, rules) + _page_marker_edits(raw, rules) + _inline_edits(raw, rules)
    return CleanText(raw, edits)
