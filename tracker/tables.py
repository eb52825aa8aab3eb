"""Reading tables that a page renders as lines of cells.

Statistical releases and the yearly reports on government information put their
figures in tables, which a scraped page gives as lines of cells set apart by
full-width spaces or tabs::

    指标名称　　单位　　1—9月　　同比增长（%）
    地区生产总值　　亿元　　218.64　　5.3

A *row* is a label and cells that are numbers (or placeholders such as ``—``); the
nearest line above it whose cells hold no number is its *header*, which names the
columns. Each number of a row is an amount whose unit is its column's (``比重（%）``),
else its row's (a ``单位`` column), else the table's (``单位：件``), and whose label is the
row's label with its column's name (``地区生产总值同比增长率``). A number whose unit no one
names is left out: a bare number is no claim. The rules are data in seeds/tables.toml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, fields, replace
from functools import cache, lru_cache
from itertools import combinations
from typing import Sequence

from tracker.extracting import Amount, extract_amounts
from tracker.resolving import year_value
from tracker.rules import load_rules, load_seed

HAN = re.compile(r"[\u4e00-\u9fff]")
DIGIT = re.compile(r"[0-9０-９]")


@dataclass(frozen=True)
class TableCell:
    """One figure of a table row: the amount (spans into the row's sentence), what it
    measures, what it measures when the row's label is a place (the column alone), the
    row's label, the year its column names, if any, whether its column holds goals, and the span
    of years its column names (1999—2023年累计完成 → 1999-2023), if any; the column's name and the
    table's number in the section, which tell the cells a total row sums."""

    amount: Amount
    label: str
    place_label: str
    row: str
    year: int | None = None
    target: bool = False
    period: str | None = None
    column: str = ""
    table: int = 0
    years_back: int = 0  # 1 under a column of the year before (上年同期): the text's year less one

    def label_in(self, places: list[str]) -> str:
        """The cell's label when ``places`` are the place names of its row."""
        if self.row in places or _rules().whole_place.match(self.row):
            return self.place_label
        return self.label


@dataclass(frozen=True)
class _Rules:
    separator: re.Pattern
    number: re.Pattern
    placeholders: frozenset
    date_cell: re.Pattern
    header_unit: re.Pattern
    table_unit: re.Pattern
    caption_unit: re.Pattern
    unit_list_separator: re.Pattern
    form_part: re.Pattern
    unit_headers: frozenset
    serial_headers: frozenset
    counted_header: re.Pattern
    value_headers: frozenset
    time_header: re.Pattern
    year_header: re.Pattern
    target_header: re.Pattern
    growth_header: re.Pattern
    comparison_header: re.Pattern
    bare_growth_header: re.Pattern
    span_header: re.Pattern
    growth_word: str
    decrease_word: str
    rate_suffix: str
    label_marker: re.Pattern
    whole_place: re.Pattern
    max_line: int
    max_heading: int
    max_category: int
    column_head: int
    as_of_mark: str
    signed_cell: re.Pattern
    percent_suffix: re.Pattern
    rate_change_unit: str
    header_families: dict
    previous_year_header: re.Pattern
    count_word: re.Pattern
    prose_count: re.Pattern
    table_title: re.Pattern
    table_title_end: re.Pattern
    table_title_goals: re.Pattern


# Seed keys that are not the rule's own name.
_SEED_KEYS = {"separator": "cell_separator", "number": "number_cell", "whole_place": "whole_place_label"}


@cache
def _rules() -> _Rules:
    # Each rule from its seed entry, read as its field's type says: a pattern compiled, a list
    # as a set, a word or a number as written.
    seed = load_seed("tables.toml")
    readers = {"re.Pattern": re.compile, "frozenset": frozenset, "str": str, "int": int,
               "dict": lambda patterns: {name: re.compile(pattern) for name, pattern in patterns.items()}}
    return _Rules(**{field.name: readers[field.type](seed[_SEED_KEYS.get(field.name, field.name)])
                     for field in fields(_Rules)})


def table_cells(sentences: list[str]) -> dict[int, list[TableCell]]:
    """The figures of the table rows among ``sentences`` (the sentences of one section, in
    order), by the index of the row's sentence. Sentences of prose are not rows."""
    rules = _rules()
    found: dict[int, list[TableCell]] = {}
    header: list[str] | None = None
    table_units: list[str] = []
    carried: tuple[str, str] | None = None  # the group and unit the last labelled row named
    as_of: int | None = None  # the year a caption says the figures stand at
    planned = False  # whether the table's title says it holds goals
    table = 0  # the number of the table the rows are in, counted by its titles and headers
    prose: str | None = None  # the section's text, where it counts a column's noun (隐患1.38万处)
    for index, sentence in enumerate(sentences):
        titled = rules.caption_unit.match(sentence.strip())
        title = rules.table_title.match(sentence.strip())
        if title and not (title.group("numbered") or rules.table_title_end.search(title.group("title"))):
            title = None
        if titled or title:
            # 表1　…毕业去向分布（单位：人、%）: a new table, in these units; 表1　2023年各县（市）…情况:
            # of that year
            header, carried, table = None, None, table + 1
            table_units = _units_listed(titled.group("unit")) if titled else []
            as_of = int(title.group("year")) if title else None
            planned = bool(title and rules.table_title_goals.search(title.group("title")))
            continue
        if rules.separator.search(sentence) is None:
            # one cell: a caption (单位：万元, 数据截至2023年12月31日) or a heading inside the table
            # keeps it open; prose closes it
            caption = rules.table_unit.match(sentence.strip())
            dated = load_rules().as_of.search(sentence) \
                if rules.as_of_mark in sentence and len(sentence) <= rules.max_heading else None
            if caption:
                table_units = _units_listed(caption.group("unit"))
            elif dated:
                as_of = year_value(dated.group(1))
            elif len(sentence) > rules.max_heading or "，" in sentence:
                header, table_units, carried, as_of, planned = None, [], None, None, False
            continue
        cells = _cells(sentence)
        if len(cells) < 2 or len(sentence) > rules.max_line:
            header, table_units, carried, as_of, planned = None, [], None, None, False
            continue
        numbers = [rules.number.match(text) for _, _, text in cells]
        if numbers[-1] and not any(numbers[:-1]) and (carried or any(
                _named_unit(text) for _, _, text in cells[:-1])):
            cell, carried = _labelled_row(cells, numbers[-1], carried)
            if cell is not None:
                found[index] = [cell]
            continue
        if not any(numbers):
            header, table = [text for _, _, text in cells], table + 1
            first = rules.table_unit.match(header[0])
            if first:
                table_units = _units_listed(first.group("unit"))
            continue
        # a row as long as its header may hold words under it besides its label (新华区⇥一类⇥810:
        # a class, a degree required), which are no figures
        aligned = len(cells) == len(header or ())
        if header and header[0] in rules.serial_headers and len(cells) > 2 \
                and (numbers[0] or cells[0][2] in rules.placeholders):
            # 1⇥粳米⇥元/500克⇥3.15, 1⇥磐安县⇥20, —⇥全市⇥30: a serial number or a rank is no figure
            cells, numbers = cells[1:], numbers[1:]
        if numbers[0] or header is None or not HAN.search(cells[0][2]) \
                or not all(number or _is_filler(text) or aligned and _is_category(text) or _whole_amount(text, 0)
                           for number, (_, _, text) in zip(numbers[1:], cells[1:])):
            continue
        prose = prose if prose is not None else "\n".join(sentences)
        row = _row_cells(cells, numbers, header, table_units, prose)
        if row:
            # a column of an earlier year than a table of goals is of what was done (2023年完成 in
            # 表2　2024年…主要目标任务)
            found[index] = [replace(cell, year=cell.year or (None if cell.period else as_of),
                                    target=cell.target or planned and not (cell.year and as_of and cell.year < as_of),
                                    table=table)
                            for cell in row]
    return found


def _cells(sentence: str) -> list[tuple[int, int, str]]:
    # The cells of a line with their spans; a label spaced out for alignment (全　市) is one cell.
    rules = _rules()
    cells = []
    position = 0
    for separator in rules.separator.finditer(sentence):
        if separator.start() > position:
            cells.append((position, separator.start(), sentence[position:separator.start()]))
        # 合计⇥⇥⇥269: each tab after the first stands for an empty cell, which keeps the
        # figures under their columns
        cells.extend((separator.start(), separator.start(), "") for _ in range(separator.group().count("\t") - 1))
        position = separator.end()
    if position < len(sentence):
        cells.append((position, len(sentence), sentence[position:]))
    while len(cells) > 2 and len(cells[0][2]) == 1 and len(cells[1][2]) == 1 \
            and HAN.match(cells[0][2]) and HAN.match(cells[1][2]):
        cells[:2] = [(cells[0][0], cells[1][1], cells[0][2] + cells[1][2])]
    return cells


def compact_row_label(sentence: str) -> str:
    """``sentence``, a table row, with its label spaced out for alignment (索　县⇥9) written
    together and the spaces moved after it, so that the label reads as a name at the same offsets."""
    cells = _cells(sentence)
    if not cells:
        return sentence
    start, end, text = cells[0]
    if end - start == len(text):
        return sentence
    return sentence[:start] + text + "\u3000" * (end - start - len(text)) + sentence[end:]


def _is_filler(text: str) -> bool:
    # A placeholder for no figure (or an empty cell, or a date), or a unit word (or a price per
    # quantity, 元/500克) in the row's unit column.
    rules = _rules()
    if not text or text in rules.placeholders or rules.date_cell.match(text):
        return True
    return (len(text) <= 4 or load_rules().per_quantity.search(text) is not None) and _unit_of(text) is not None


def _is_category(text: str) -> bool:
    # A short word under a column of words (一类, 本科及以上), or a list of them with no figure
    # (稻飞虱、二化螟、稻瘟病), not a sentence: a longer cell holding figures (8个乡镇站点、96个村级
    # 服务点改造提升) is read as prose.
    limit = _rules().max_category
    if HAN.search(text) is None or "，" in text:
        return False
    return len(text) <= limit or DIGIT.search(text) is None and all(len(word) <= limit for word in text.split("、"))


def _unit_of(text: str) -> str | None:
    # The unit word as written when tracker reads ``1`` followed by it as one amount (亿元, 件, %,
    # and a price per quantity, 元/500克, which is in its money's unit).
    text = text.strip()
    if not text or DIGIT.match(text):  # 调峰锅炉房（12座） counts the row's units, it names none
        return None
    return text if _cell_amount("1" + text) is not None else None


def _labelled_row(cells: list[tuple[int, int, str]], number: re.Match,
                  carried: tuple[str, str] | None) -> tuple[TableCell | None, tuple[str, str] | None]:
    # A row of a form whose labels name their unit (信息发布（单位：条）⇥总数⇥5862), and the rows
    # after it in that unit (概况类信息更新量⇥47), until one names another: the figure, and the
    # group and unit it carries on.
    rules = _rules()
    texts = [rules.label_marker.sub("", text) for _, _, text in cells[:-1]]
    named = next((unit for text in texts if (unit := _named_unit(text))), None)
    names = [rules.form_part.sub("", rules.header_unit.sub("", text)).strip() for text in texts]
    if named is not None:
        carried = (names[-2] if len(names) > 1 else "", named)
    if carried is None or not names[-1]:
        return None, carried
    # a bare value (总数) is of the group or the label before it
    label = (names[-2] if len(names) > 1 else carried[0]) + names[-1] \
        if names[-1] in rules.value_headers else names[-1]
    start, end, text = cells[-1]
    amount = _amount(number, "%" if number.group("percent") else carried[1], start, end, text)
    if amount is None:
        return None, carried
    return TableCell(amount, label, label, label), carried


def _units_listed(written: str) -> list[str]:
    # 单位：个、% names the unit of each figure column in turn; 单位：万元 (or 元/斤) that of all.
    if _unit_of(written):
        return [written]
    return [unit for unit in _rules().unit_list_separator.split(written) if unit]


def _units_in_turn(columns: list[str], table_units: list[str], figures: Sequence[str | None] = (),
                   prose: str = "") -> list[str | None]:
    # The unit of each figure column the table's units name in turn: one each, or one for each
    # kind of column, columns that differ only in their year (2023年销量⇥2022年销量) being one,
    # else columns that end in one noun (池塘养殖面积⇥底播增殖面积⇥海参产量, 单位：万亩、吨).
    rules = _rules()
    if len(table_units) == 1:
        return table_units * len(columns)
    if len(table_units) == len(columns):
        return table_units
    named = [_column_unit(column) for column in columns]
    open_columns = [place for place, unit in enumerate(named) if unit is None]
    if 0 < len(open_columns) < len(columns):
        # 肇事起数⇥受损农作物面积⇥理赔金额⇥理赔金额同比（%） under 单位：起、万亩、万元: a column naming
        # its own unit takes none of the table's, and a unit it names is not another column's
        left = [unit for unit in table_units if unit not in named]
        in_turn: list[str | None] = [None] * len(columns)
        open_figures = [figures[place] for place in open_columns] if figures else ()
        for place, unit in zip(open_columns, _units_in_turn([columns[place] for place in open_columns], left,
                                                            open_figures, prose)):
            in_turn[place] = unit
        return in_turn
    for kind_of in (lambda column: rules.year_header.sub("", column),
                    lambda column: rules.header_unit.sub("", column).strip()[-rules.column_head:]):
        kinds = [kind_of(column) for column in columns]
        starts = [place for place, kind in enumerate(kinds) if not place or kind != kinds[place - 1]]
        if table_units and len(table_units) == len(starts):
            return [table_units[bisect_right(starts, place) - 1] for place in range(len(columns))]
    return _units_by_kind(columns, table_units, figures, prose)


def _units_by_kind(columns: list[str], table_units: list[str], figures: Sequence[str | None] = (),
                   prose: str = "") -> list[str | None]:
    # Fewer units than columns, naming no kinds the columns' words tell apart (规上企业⇥营业收入⇥
    # 网络零售额 under 单位：家、亿元; 饲养量⇥出栏量⇥新建规模场 under 单位：万头、个): each unit in turn
    # over a run of columns, the runs where the columns' words fit the units' kinds (a count of
    # 企业, a sum of 收入) and columns ending alike stay together, then where the text counts the
    # columns' nouns in their units (隐患1.38万处) and a column naming no kind (已开工 after
    # 年度项目数) stays with the one before; none if no one way is best.
    if not 1 < len(table_units) < len(columns):
        return [None] * len(columns)
    families = [(amount.family if (amount := _cell_amount("1" + unit)) else None) for unit in table_units]
    guessed = [_header_family(column) for column in columns]
    for place in range(len(columns) - 1):
        # 调解成功⇥调解成功率: what a rate beside it is the rate of is counted
        name = _column_name(columns[place])
        if guessed[place] is None and guessed[place + 1] == "rate" and name \
                and _column_name(columns[place + 1]).startswith(name):
            guessed[place] = "count"
    # 水鸟数量⇥其中：白鹤: a column of a part of the one before it is in that one's unit
    parts = {place for place, column in enumerate(columns) if place and _rules().form_part.match(column.strip())}
    # 1.4 under 单位：万亩、座 counts no 座: the units each column's figure cannot be in
    barred = [{group for group, unit in enumerate(table_units) if figure and _counts_a_fraction(figure, unit)}
              for figure in figures]
    counted = _counted_in_prose(tuple(columns), tuple(table_units), prose) if prose else frozenset()
    best, best_score, tied = None, None, False
    for cuts in combinations(range(1, len(columns)), len(table_units) - 1):
        if parts.intersection(cuts):
            continue
        groups = [bisect_right(cuts, place) for place in range(len(columns))]
        if any(group in units for units, group in zip(barred, groups)):
            continue
        fitting = sum(0 if guess is None else 1 if guess == families[group] else -1
                      for guess, group in zip(guessed, groups))
        alike = sum((1 if groups[place] == groups[place + 1] else -1)
                    for place in range(len(columns) - 1) if columns[place][-1:] == columns[place + 1][-1:])
        seen = sum((place, groups[place]) in counted for place in range(len(columns)))
        following = sum(guessed[place] is None and groups[place] == groups[place - 1]
                        for place in range(1, len(columns)))
        score = (fitting, alike, seen, following)
        if best_score is None or score > best_score:
            best, best_score, tied = groups, score, False
        elif score == best_score:
            tied = True
    if best is None or tied:
        return [None] * len(columns)
    return [table_units[group] for group in best]


@lru_cache(maxsize=64)
def _counted_in_prose(columns: tuple[str, ...], table_units: tuple[str, ...], prose: str
                      ) -> frozenset[tuple[int, int]]:
    # The (column, unit) pairs the text counts: 排查场所 beside 累计排查场所4.52万处 is in 处.
    # Cached: every row of a table asks the same of the same section's text.
    rules = _rules()
    found = set()
    for place, column in enumerate(columns):
        noun = rules.count_word.sub("", _column_name(column))[-rules.column_head:]
        if len(noun) < rules.column_head:
            continue
        for group, unit in enumerate(table_units):
            if re.search(re.escape(noun) + rules.prose_count.pattern + re.escape(unit), prose):
                found.add((place, group))
    return frozenset(found)


def _counts_a_fraction(figure: str, unit: str) -> bool:
    # Whether ``figure`` in ``unit`` would count a fraction of a thing (1.4座, not 1.4万人).
    amount = _cell_amount(figure + unit)
    return amount is not None and amount.family == "count" and amount.value is not None \
        and amount.value != amount.value.to_integral_value()


def _header_family(column: str) -> str | None:
    # The family of amounts a column's name says it holds (营业收入: money; 规上企业: count), if any.
    name = _column_name(column)
    return next((family for family, pattern in _rules().header_families.items() if pattern.search(name)), None)


def _row_cells(cells: list[tuple[int, int, str]], numbers: list[re.Match | None], header: list[str],
               table_units: list[str], prose: str = "") -> list[TableCell]:
    # The figures of a row whose cells are ``cells``, their number cells read as ``numbers``.
    rules = _rules()
    # the header's cells for the row's, aligned from the right (a header may name the label column or not)
    offset = len(header) - len(cells)
    if offset > 0 and any(not text for _, _, text in cells) \
            and _units_under(numbers, header, 0) >= _units_under(numbers, header, offset):
        # a row that keeps its empty cells lost only the last ones (合计⇥⇥⇥269⇥156.3⇥75.6 under
        # 序号⇥项目名称⇥建设地点⇥建设规模（万千瓦）…⇥进展情况): it aligns from the left, unless
        # its figures stand under columns of units only from the right (合计（18家）⇥⇥112 under
        # 序号⇥影院名称⇥所在镇街⇥银幕（块）: the label stands over the serial number's column too)
        offset = 0
    columns = [header[index + offset] if 0 <= index + offset < len(header) else "" for index in range(len(cells))]
    row_unit = next((unit for column, (_, _, text) in zip(columns, cells)
                     if column in rules.unit_headers and (unit := _unit_of(text))), None)
    label = rules.label_marker.sub("", cells[0][2])
    # the brackets naming a unit or a count, the last of several (执业（助理）医师占比（%）)
    bracket = next((found for found in reversed(list(rules.header_unit.finditer(label)))
                    if _bracket_unit(found) is not None or _cell_amount(found.group("unit")) is not None), None)
    named = _bracket_unit(bracket)
    if named is not None:  # 破获毒品刑事案件（起）⇥20⇥23: a row's label may name its unit
        row_unit = row_unit or named
    if bracket is not None:
        label = (label[:bracket.start()] + label[bracket.end():]).strip()  # …or count what it sums (合计（18家）)
    result = []
    in_turn = _units_in_turn(columns[1:], table_units, [number.group("number") if number and not number.group("percent")
                                                        else None for number in numbers[1:]], prose)
    for place, (column, (start, end, text), number) in enumerate(zip(columns[1:], cells[1:], numbers[1:])):
        grown = _grown_figure(column, columns[place] if place else "")
        if number is None:
            whole = _whole_amount(text, start)
            if whole is not None:  # 水稻制种保险⇥12.6万亩⇥…: a cell may write its own unit
                negative = load_rules().minus_sign.search(text[:1]) is not None  # +4.2个百分点 is a rise
                result.append(TableCell(whole, _label(label, column, negative, grown),
                                        _label("", column, negative, grown) or label, label, column=column))
            continue
        column_unit = _column_unit(column)
        if column_unit and in_turn[place] and _named_unit(column) is None \
                and (scaled := _cell_amount("1" + in_turn[place])) is not None and scaled.unit == column_unit:
            column_unit = in_turn[place]  # 采集人数 under 单位：万人，吨，亿元: counted in the caption's 万人
        unit = "%" if number.group("percent") else column_unit or row_unit or in_turn[place]
        if unit == "%" and number.group("sign") and not number.group("percent") and column_unit is None \
                and (rules.header_families["rate"].search(label) or _header_family(column) == "rate"):
            # 建档率（%）⇥91.2⇥93.5⇥+2.3: a rate's change, in points (劳动报酬⇥1,027⇥47.9⇥+9.6 under
            # 单位：件、%: the count's, in %)
            unit = rules.rate_change_unit
        if unit is None:
            continue
        amount = _amount(number, unit, start, end, text)
        if amount is None:
            continue
        year = rules.year_header.match(column)
        # a season over two years (2022—2023学年) is no span: cues.toml dates it by one of them
        span = f"{year.group(1)}-{year.group('last')}" if year and year.group("last") \
            and not load_rules().season.match(column) else None
        negative = load_rules().minus_sign.search(number.group("sign")) is not None  # +5.0 is a rise
        result.append(TableCell(amount, _label(label, column, negative, grown),
                                _label("", column, negative, grown) or label,
                                label, int(year.group(1)) if year and not span else None,
                                rules.target_header.search(column) is not None, span, column,
                                years_back=int(rules.previous_year_header.match(column) is not None)))
    return result


def _units_under(numbers: list[re.Match | None], header: list[str], offset: int) -> int:
    # How many of a row's figures (``numbers``, one per cell) stand under a column naming a unit,
    # its cells shifted by ``offset``.
    return sum(1 for index, number in enumerate(numbers) if number is not None
               and 0 <= index + offset < len(header) and _column_unit(header[index + offset]) is not None)


def _named_unit(text: str) -> str | None:
    # The unit a cell names in brackets: 比重（%）, 信息发布（单位：条）, the first of two that count
    # alike (筹集（套/间）); not 固定资产投资（不含农户）, but the brackets after such an aside
    # (研学基地（营地）（个）).
    return next(filter(None, map(_bracket_unit, _rules().header_unit.finditer(text))), None)


def _bracket_unit(named: re.Match | None) -> str | None:
    # The unit the brackets ``named`` found in a cell hold, if they hold one.
    if named is None:
        return None
    written = named.group("unit")
    listed = _units_listed(written)
    return _unit_of(written) or (_unit_of(listed[0]) if listed else None)


def _column_unit(column: str) -> str | None:
    rules = _rules()
    named = _named_unit(column)
    if named:
        return named
    counted = rules.counted_header.search(column)
    return counted.group("unit") if counted else None


def _whole_amount(text: str, start: int) -> Amount | None:
    # The amount a cell holds whole, in digits with its unit (12.6万亩, +4.2个百分点), spanning the
    # cell at ``start``; None otherwise (a class written in words, 二类, is no figure).
    sign = _rules().signed_cell.match(text)
    read = _cell_amount(text[sign.end():] if sign else text)
    return replace(read, start=start, end=start + len(text)) if read is not None else None


@lru_cache(maxsize=64)
def _cell_amount(text: str) -> Amount | None:
    # The one amount ``text`` reads as, whole (12.6万亩, 18家), else None. Cached: a row's test and
    # its figures read the same cells, and every row reads its header's units.
    if not _rules().number.match(text[:1]):
        return None
    read = extract_amounts(text)
    if len(read) != 1 or read[0].start != 0 or read[0].end != len(text) or read[0].unit is None:
        return None
    return read[0]


def _amount(number: re.Match, unit: str, start: int, end: int, text: str) -> Amount | None:
    # The amount the number reads as with ``unit`` (218.64 亿元 → 21864000000 元), spanning the cell;
    # its sign goes to the label (同比下降率).
    read = extract_amounts(number.group("number") + unit)
    if len(read) != 1 or read[0].value is None and not read[0].redacted:
        return None
    return replace(read[0], start=start, end=end, text=text)


def _column_name(column: str) -> str:
    # A header cell's name, without its unit, its percent sign or its year.
    rules = _rules()
    return rules.year_header.sub("", rules.percent_suffix.sub("", rules.header_unit.sub("", column))).strip()


def _grown_figure(column: str, previous: str) -> str:
    # What a growth column naming nothing that grew (同比增长（%）) is the growth of: the figure
    # of the column before it (工业产值（亿元）); else nothing.
    rules = _rules()
    name, grown = _column_name(column), _column_name(previous)
    if not name or not rules.bare_growth_header.match(name) or not grown or rules.bare_growth_header.match(grown) \
            or grown in rules.value_headers or rules.time_header.match(grown) or rules.span_header.search(grown):
        return ""
    return grown


def _label(row: str, column: str, negative: bool, grown: str = "") -> str:
    # The row's label with its column's name: 地区生产总值 + 同比增长（%） → 地区生产总值同比增长率;
    # a period opens it (1—9月地区生产总值); a year or a bare value adds nothing; a growth column
    # naming nothing that grew names the figure it follows (工业产值 + 同比增长 → 工业产值同比增长率).
    rules = _rules()
    name = _column_name(column)
    if not name or name in rules.value_headers or rules.previous_year_header.match(name):
        return row  # 上年同期 says the year, which the claim's year holds
    if rules.time_header.match(name):
        return name + row
    if rules.comparison_header.match(name):  # 环比（%）⇥-0.92: 环比下降率
        name += (rules.decrease_word if negative else rules.growth_word) + rules.rate_suffix
    elif rules.growth_header.search(name):
        if negative:
            name = name.replace(rules.growth_word, rules.decrease_word)
        name += rules.rate_suffix
    return row + grown + name
