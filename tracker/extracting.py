"""Finding amounts in a sentence: numeral, qualifiers, scale and unit.

One compiled pattern, built from the seed rules, finds every candidate in
one pass; each candidate is then read into an :class:`Amount` (exact value
in its base unit, canonical unit, approx) and checked against the
exclusions (dates, ordinals, names, planning horizons, idioms...).
Distributive forms (``各1处`` after a list of four names) expand into one
amount per item.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Sequence

import regex

from tracker.numerals import NumeralError, parse_numeral
from tracker.rules import (Rules, RulePattern, UnitInfo, alternation, clause_break_class, compile_rule, load_rules,
                           load_seed)

DIGIT = "[0-9０-９]"
DIGITS = (
    rf"{DIGIT}{{1,3}}(?:,{DIGIT}{{3}})+(?:[.．]{DIGIT}+)?(?!{DIGIT})"
    rf"|{DIGIT}{{1,3}}(?:[ \u00a0]{DIGIT}{{3}})+(?:[.．]{DIGIT}+)?(?![0-9０-９.．])"
    rf"|{DIGIT}+(?:[.．]{DIGIT}+)?"
)
CN_DIGIT = "零〇○一二两兩三四五六七八九"
CN_NUMERAL = (
    rf"[{CN_DIGIT}十百千](?:[{CN_DIGIT}十百千]|[万萬亿億](?=[{CN_DIGIT}]))*"
    rf"(?:[点點][{CN_DIGIT}]+)?"
)
HIDDEN_DIGIT = "xX×ｘＸ"
HIDDEN = (
    rf"[0-9]*[{HIDDEN_DIGIT}]+[0-9]*(?:[.．][0-9{HIDDEN_DIGIT}]+)?"
    rf"|[0-9]+[.．][0-9]*[{HIDDEN_DIGIT}]+[0-9]*|[*＊]{{1,6}}"
)
# Digits after a letter, half or full width, are part of a code (ＨＹＣＧ２０２４－０３６).
LETTERS = "A-Za-zＡ-Ｚａ-ｚ"
NUMBER = (
    rf"(?<![0-9０-９.．{LETTERS}{CN_DIGIT}十百千])"
    rf"(?:(?<![{LETTERS}])(?:{HIDDEN})(?![{LETTERS}])|{DIGITS}|{CN_NUMERAL})"
)
DASH_SYMBOL = r"\s*[-—–~～〜－]+\s*"
# A `?` between two digits is a dash broken by an encoding round trip.
DASH = rf"(?:{DASH_SYMBOL}|\s*(?:至|到)\s*|[?？](?={DIGIT}))"
RATIO_SEPARATORS = "︰∶"
ALL_DIGITS = regex.compile(DIGITS)
DIGIT_NEXT = regex.compile(r"\s*[0-9０-９.．]")
# A ratio whose second term is left unsaid (收入倍差1.68): a number, itself the ratio.
BARE_RATIO = UnitInfo("ratio", Decimal(1), "ratio")
HAN_WORDS = regex.compile(r"\p{Han}+")
CLAUSE_BREAKS = "，,：:；;。（("
# Brackets an aside opens and closes: a list word inside one (妇幼保健院（所、站）) joins no
# items of the list around it, and the clause of a list goes on past it.
ASIDE = {"(": ")", "（": "）"}
LIST_BREAKS = "".join(c for c in CLAUSE_BREAKS if c not in ASIDE)
# How far around a lone 一 the other one of a slogan's pair (修复一处、见效一处) is looked for.
PAIR_REACH = 8
# The word after a list that gives each item the amount (A、B各1处).
DISTRIBUTIVE = "各"
# Families of amounts that state a rate or its change.
RATE_FAMILIES = ("rate", "points")
# A slash fraction's denominator is at most this (1/3, 3/4, 1/100); 12/31 is a date.
MAX_SLASH_DENOMINATOR = 20
# A time joined from clock units (2小时10分32秒 = 2.175556小时) is kept to a millionth of its unit.
CLOCK_PRECISION = Decimal("0.000001")


@dataclass(frozen=True)
class Amount:
    """One amount read from a sentence; ``start``/``end`` index that sentence."""

    start: int
    end: int
    text: str
    value: Decimal | None
    value_high: Decimal | None
    unit: str
    approx: str
    redacted: bool
    family: str
    item: str | None = None  # the listed item a distributed amount counts (A、B各1处 → A)
    given_by: str | None = None  # the word that gives each item the amount: 各, 均 or 分别


def unit_alternation(rules: Rules) -> str:
    """An alternation of the units, where one that also opens words is followed by none of
    their next characters (3万群众 is no count of 群), and one that is also a preposition
    by no Chinese character but those listed, a bound or a conjunction (42对 and 3,000列以上
    count pairs and trains, 20万对学校 does not)."""
    guarded = [(word, rf"{regex.escape(word)}(?![{regex.escape(chars)}])")
               for word, chars in rules.unit_not_followed_by.items()]
    words = "".join(f"|{regex.escape(word)}" for word in rules.unit_only_followed_by_words)
    guarded += [(word, rf"{regex.escape(word)}(?!(?![{regex.escape(chars)}]{words})[\u4e00-\u9fff])")
                for word, chars in rules.unit_only_followed_by.items()]
    plain = set(rules.units) - set(rules.unit_not_followed_by) - set(rules.unit_only_followed_by)
    # a guarded unit longer than a plain one it opens with is tried first (51,326人年, not 人)
    first = {word for word, _ in guarded if any(word.startswith(unit) and word != unit for unit in plain)}
    return "|".join([pattern for word, pattern in guarded if word in first] + [alternation(plain)]
                    + [pattern for word, pattern in guarded if word not in first])


@cache
def amount_pattern() -> re.Pattern:
    """The one compiled pattern that finds every candidate amount.

    It uses nothing beyond the standard ``re`` syntax, and ``re`` runs it
    about twice as fast as ``regex`` does (same matches on the corpus).
    """
    rules = load_rules()
    pre = "|".join([alternation(set(rules.qualifiers_before) - set(rules.qualifiers_not_after)),
                    *rules.qualifiers_guarded])
    inside = alternation(rules.qualifiers_inside)
    scale = alternation(rules.scales)
    unit = unit_alternation(rules)
    post = alternation(rules.qualifiers_after)
    # 3千瓦, 5千克: a unit that starts with a scale word is read as the unit, not as 千 and 瓦.
    scale_led = alternation(u for u in rules.units if u.startswith(tuple(rules.scales))) or "(?!)"
    fraction = (
        rf"(?P<f_pre>{pre})?(?:(?P<den>{NUMBER}|(?<![{CN_DIGIT}])[十百千万])分之(?P<numr>{CN_NUMERAL}|{DIGITS})"
        rf"|(?P<word>{alternation(rules.fraction_words)}))(?P<f_post>{post})?"
    )
    cheng = (
        rf"(?P<c_pre>{pre})?(?<![{CN_DIGIT}十0-9０-９.．])(?P<cheng>[一二两三四五六七八九1-9１-９])成(?P<c_in>多)?(?P<c_post>{post})?"
        rf"(?(c_pre)(?![{regex.escape(rules.cheng_qualified_not_followed_by)}])|(?![{regex.escape(rules.cheng_not_followed_by)}]))"
    )
    ratio = (
        rf"(?P<r_pre>{pre})?(?P<r1>{DIGITS})\s*(?P<rsep>[:：{RATIO_SEPARATORS}])\s*(?P<r2>{DIGITS})"
    )
    slash = (  # 1/3的学校: a fraction written with a slash (a date or a number like 2017/12 is not)
        rf"(?P<s_pre>{pre})?(?<![0-9０-９.．/／])(?P<s_num>{DIGIT}{{1,3}})[/／](?P<s_den>{DIGIT}{{1,3}})"
        rf"(?![0-9０-９.．/／万萬])(?P<s_post>{post})?"  # 15/10万 is a rate per 100,000
    )
    main = (
        rf"(?P<pre>{pre})?"
        rf"(?P<num>{NUMBER})"
        rf"(?:(?P<lo_scale>{scale})?(?:(?P<lo_unit>{unit}){DASH_SYMBOL}|(?P<dash>{DASH}))(?P<num2>{NUMBER}))?"
        rf"(?P<inside>{inside})?(?:(?!{scale_led})(?P<scale>{scale}))?(?P<inside2>余|多)?(?:[ \u00a0]?(?P<unit>{unit}))?"
        rf"(?P<post>{post})?"
    )
    # Cheap guard: an amount can only start at a digit, a hidden digit, a
    # Chinese numeral or the first character of a qualifier.
    first = set("0123456789０１２３４５６７８９" + HIDDEN_DIGIT + "*＊" + CN_DIGIT + "十百千万")
    first.update(word[0] for word in rules.qualifiers_before)
    guard = "[" + "".join(regex.escape(ch) for ch in sorted(first)) + "]"
    return re.compile(rf"(?={guard})(?:{fraction}|{cheng}|{slash}|{ratio}|{main})")


@cache
def possible_amount() -> re.Pattern:
    """What every sentence with an amount holds (a digit, a hidden digit, 分之, 成 after a
    numeral, or a Chinese numeral before its scale or unit): most sentences hold none, and
    this is far cheaper to look for than :func:`amount_pattern`."""
    rules = load_rules()
    inside = alternation(rules.qualifiers_inside)
    scale = alternation(rules.scales)
    unit = unit_alternation(rules)
    return re.compile(
        rf"[0-9０-９{HIDDEN_DIGIT}*＊]|分之|[一二两三四五六七八九]成|{alternation(rules.fraction_words)}"
        rf"|[{CN_DIGIT}十百千](?:{inside})?(?:{scale})?(?:余|多)?[ \u00a0]?(?:{unit}|{scale})"
    )


def _approx(rules: Rules, *qualifiers: str | None) -> str:
    best = "exact"
    for word in qualifiers:
        if not word:
            continue
        found = (
            rules.qualifiers_before.get(word)
            or rules.qualifiers_inside.get(word)
            or rules.qualifiers_after.get(word)
            or "exact"
        )
        if rules.qualifier_rank[found] > rules.qualifier_rank[best]:
            best = found
    return best


def _qualifier_in_unit(rules: Rules, unit_surface: str | None) -> str | None:
    """The qualifier a unit's surface holds between its measure word and its unit (个多月)."""
    return next((ch for ch in unit_surface or "" if ch in rules.qualifiers_inside), None)


def _is_hidden(numeral: str) -> bool:
    return any(ch in HIDDEN_DIGIT or ch in "*＊" for ch in numeral)


# How much text after a candidate the exclusion rules see (以下的小规模学校有43所 needs 11).
EXCLUSION_AFTER = 16


@cache
def _exclusions_for(unit: str | None) -> tuple:
    """The exclusion rules that apply to amounts in ``unit``."""
    return tuple(rule for rule in load_rules().exclusions if rule.units is None or unit in rule.units)


def _excluded(rules: Rules, sentence: str, start: int, end: int, unit: str | None) -> bool:
    """Whether an exclusion rule matches the core ``sentence[start:end]`` (numeral to unit)."""
    surface = sentence[start:end]
    before = sentence[max(0, start - 8):start]
    after = sentence[end:end + EXCLUSION_AFTER]
    for rule in _exclusions_for(unit):
        if rule.surface is not None and not rule.surface.search(surface):
            continue
        if rule.before is not None and not rule.before.search(before):
            continue
        if rule.after is not None and not rule.after.search(after):
            continue
        return True
    return False


CLAUSE_BREAK = regex.compile(clause_break_class(CLAUSE_BREAKS))
LIST_BREAK = regex.compile(clause_break_class(LIST_BREAKS))
LAST_CLAUSE_BREAK = regex.compile(CLAUSE_BREAK.pattern, regex.REVERSE)


def _clause_start(sentence: str, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last clause break before it."""
    found = LAST_CLAUSE_BREAK.search(sentence, 0, position)
    return found.end() if found else 0


# A noun right after a scaled number names what it counts when a cue ends within this many
# characters of it (3.2万建档立卡贫困人口, 1360万资金).
MAX_COUNTED_NOUN = 10


def _unitless_unit(rules: Rules, sentence: str, start: int, end: int) -> str | None:
    # The noun the number counts, right after it, decides; else the nearest cue before it.
    noun = HAN_WORDS.match(sentence, end, end + MAX_COUNTED_NOUN)
    following = rules.unitless_cues.search(noun.group()) if noun else None
    if following:
        return rules.unitless_unit[following.group()]
    clause = sentence[_clause_start(sentence, start):start]
    cues = list(rules.unitless_cues.finditer(clause))
    return rules.unitless_unit[cues[-1].group()] if cues else None


def _counts_one(rules: Rules, sentence: str, start: int, end: int, unit: str | None) -> bool:
    """Whether a lone 一 counts: after a verb of making (新建一所), a multiple after a verb of
    growth (增长一倍), times in each span of time (每年开展一次), or after what it counts at its
    clause's end, for a building, a site or a firm (投运500千伏变电站一座，); never one of a slogan's
    pair (修复一处、见效一处)."""
    before = sentence[max(0, start - 6):start]
    # 修复一处、见效一处, “建设一处、验收一处、移交一处”: a slogan's pair counts nothing (新建一所小学、
    # 一所初中 does: a noun follows each)
    if f"一{unit}" in sentence[max(0, start - PAIR_REACH):start] + sentence[end:end + PAIR_REACH] \
            and not HAN_WORDS.match(sentence, end):
        return False
    if unit in rules.one_count_units and rules.one_count_cues.search(before) \
            or unit in rules.one_multiple_units and rules.one_multiple_cues.search(before) \
            or unit in rules.one_frequency_units \
            and rules.one_frequency_before.search(sentence, _clause_start(sentence, start), start):
        return True
    ends_clause = end == len(sentence) or sentence[end] in LIST_BREAKS
    return unit in rules.one_count_postposed and start > 0 and ends_clause and bool(HAN_WORDS.match(sentence, start - 1))


def _read_main(rules: Rules, sentence: str, match: re.Match) -> Amount | None:
    num, num2 = match.group("num"), match.group("num2")
    unit_surface = match.group("unit")
    scale_word = match.group("scale")
    start, end = match.span()
    if unit_surface is None and not scale_word:
        post, digits = match.group("post"), ALL_DIGITS.fullmatch(num) is not None
        if (post or match.group("dash") is not None or not digits) \
                and not (post and digits and _bare_ratio(rules, sentence, start, end)):
            # the commonest candidate: a lone numeral (统一, 一是), nothing to read; but a ratio
            # with its bound (收入倍差缩小至1.66以内) is read below
            return None
    if unit_surface is None:
        if scale_word:
            # The amount ends at its scale (or qualifier), not at a unit.
            end = match.end("post") if match.group("post") else max(
                match.end("scale"), match.end("inside2") if match.group("inside2") else 0
            )
            unit_name = _unitless_unit(rules, sentence, match.start("num"), end)
            if unit_name is None:
                return None
            unit_info = rules.units[unit_name]
        elif (
            rules.rate_without_percent.search(sentence[max(0, start - 12):start])
            and not DIGIT_NEXT.match(sentence, end)
        ):
            unit_info = rules.units["%"]
        elif _bare_ratio(rules, sentence, start, end):
            unit_info = BARE_RATIO
        else:
            return None
    else:
        unit_info = rules.units[unit_surface]
        if unit_info.family == "count" and sentence[match.start("unit") - 1] in " \u00a0":
            # "7 篇" in a banner: a measure word sticks to its numeral; units
            # of measure may stand apart (7100 平方米, 96.3 %).
            return None
    # A lone 一 (一个, 一批) is tested first: it is common, and far cheaper than the exclusions.
    # One qualified inside its unit (一个多小时), or scaled (一万余人次), is an amount.
    in_unit = _qualifier_in_unit(rules, unit_surface)
    lone_one = num == "一" and num2 is None and not match.group("pre") and not in_unit and not scale_word
    if lone_one and not _counts_one(rules, sentence, start, end, unit_surface):
        return None
    core_end = match.end("unit") if unit_surface else end
    if _excluded(rules, sentence, match.start("num"), core_end, unit_info.canonical):
        return None
    redacted = _is_hidden(num) or (num2 is not None and _is_hidden(num2))
    value = value_high = None
    if not redacted:
        factor = unit_info.factor * (rules.scales[scale_word] if scale_word else 1)
        low_factor = unit_info.factor * rules.scales[match.group("lo_scale")] if match.group("lo_scale") else factor
        try:
            value = parse_numeral(num) * low_factor
            value_high = parse_numeral(num2) * factor if num2 is not None else None
        except NumeralError:
            return None
    approx = _approx(rules, match.group("pre"), match.group("inside"), match.group("inside2"), match.group("post"),
                     in_unit)
    sign = None if match.group("pre") or not start else rules.minus_sign.search(sentence, max(0, start - 2), start)
    if sign is not None:  # 增长-3.2%, －4.2℃, 零下3.2摄氏度
        start = sign.start()
        value = -value if value is not None else None
        value_high = -value_high if value_high is not None else None
    return Amount(start, end, sentence[start:end], value, value_high, unit_info.canonical, approx, redacted,
                  unit_info.family)


def _bare_ratio(rules: Rules, sentence: str, start: int, end: int) -> bool:
    """Whether the lone number at ``start`` is a ratio its words name (城乡居民收入倍差缩小至1.68)."""
    return (rules.ratio_without_unit.search(sentence[max(0, start - rules.ratio_reach):start]) is not None
            and not DIGIT_NEXT.match(sentence, end))


def _read_fraction(rules: Rules, sentence: str, match: re.Match) -> Amount | None:
    word = match.group("word")
    try:  # 一半 is one of two
        denominator, numerator = (Decimal(1), Decimal(rules.fraction_words[word])) if word else (
            parse_numeral(match.group("den")), parse_numeral(match.group("numr")))
    except NumeralError:
        return None
    if denominator == 0:
        return None
    approx = _approx(rules, match.group("f_pre"), match.group("f_post"))
    start, end = match.span()
    if denominator == 100:
        return Amount(start, end, sentence[start:end], numerator, None, "%", approx, False, "rate")
    value = (numerator / denominator).quantize(Decimal("0.000001"))
    return Amount(start, end, sentence[start:end], value, None, "fraction", approx, False, "fraction")


def _read_cheng(rules: Rules, sentence: str, match: re.Match) -> Amount:
    value = parse_numeral(match.group("cheng")) * 10
    approx = _approx(rules, match.group("c_pre") or "", match.group("c_in"), match.group("c_post"))
    start, end = match.span()
    return Amount(start, end, sentence[start:end], value, None, "%", approx, False, "rate")


def _read_slash(rules: Rules, sentence: str, match: re.Match) -> Amount | None:
    numerator, denominator = parse_numeral(match.group("s_num")), parse_numeral(match.group("s_den"))
    if not 0 < numerator < denominator <= MAX_SLASH_DENOMINATOR:
        return None  # 24/7, 12/31: not a share
    if _excluded(rules, sentence, match.start("s_num"), match.end("s_den"), "fraction"):
        return None  # 第1/2页
    value = (numerator / denominator).quantize(Decimal("0.000001"))
    start, end = match.span()
    approx = _approx(rules, match.group("s_pre"), match.group("s_post"))
    return Amount(start, end, sentence[start:end], value, None, "fraction", approx, False, "fraction")


def _read_ratio(rules: Rules, sentence: str, match: re.Match) -> Amount | None:
    start, end = match.span()
    written_as_ratio = match.group("rsep") in RATIO_SEPARATORS
    if not written_as_ratio and "比" not in sentence[_clause_start(sentence, start):start]:
        return None
    first, second = parse_numeral(match.group("r1")), parse_numeral(match.group("r2"))
    if second == 0:
        return None
    value = (first / second).quantize(Decimal("0.000001"))
    approx = _approx(rules, match.group("r_pre"))
    return Amount(start, end, sentence[start:end], value, None, "ratio", approx, False, "ratio")


@cache
def distributive_pattern() -> regex.Pattern:
    """A list of items ending in 各, then the rest of the clause up to the amount."""
    rules = load_rules()
    separators = alternation(rules.distributive_separators)
    determiners = regex.escape(rules.distributive_determiners)
    listed = regex.compile(
        rf"(?P<items>[^，,；;：:。]*?(?:{separators})[^，,；;：:。]*?){DISTRIBUTIVE}(?:有|为|自)?"
        rf"(?![{determiners}])[^，,；;：:。{DISTRIBUTIVE}]*$"
    )
    return listed


@cache
def lone_distributive() -> RulePattern:
    """A clause head whose 各 (group ``each``) or 均 (and its verb, or the amount's own qualifier:
    增速均超过8%) stands with no list before it in the clause (市财政各安排, 办结率均为): the list
    may be in the clause before; not for a clause opening on the rest (其余乡镇均在100件以下)."""
    rules = load_rules()
    seed = load_seed("cues.toml")["distributive"]
    separators = alternation(rules.distributive_separators)
    return compile_rule(
        rf"^(?!\s*(?:{alternation(seed['rest_openings'])}))"
        rf"(?:(?!{separators})[^{LIST_BREAKS}])*?(?:(?P<each>{DISTRIBUTIVE})(?:有|为|自)?"
        rf"(?![{regex.escape(rules.distributive_determiners)}])"
        rf"|(?<![{rules.all_not_after}]){rules.all_word}(?:{alternation(seed['all_followers'])}|$))[^{LIST_BREAKS}]*$")


@cache
def list_separator() -> regex.Pattern:
    """The words between the items of a list; a split by it keeps them (小学、初中 → 小学, 、, 初中)."""
    return regex.compile(f"({alternation(load_rules().distributive_separators)})")


def _distribute(sentence: str, amount: Amount) -> list[Amount]:
    """``A、B、C各1处`` / ``A、B各选派2名`` → one amount per listed item; so too
    ``A率、B率均达到100%`` and ``甲镇、乙镇粮食总产均超过10万吨``."""
    start = _clause_start(sentence, amount.start)
    head = sentence[start:amount.start]
    if any(closing in head and head.count(closing) > head.count(opening) for opening, closing in ASIDE.items()):
        start = _list_start(sentence, amount.start)  # 妇幼保健院（所、站）各14个: the aside is inside
        head = sentence[start:amount.start]
    found = distributive_pattern().search(head)
    if found is not None:
        items, word = _split_list(found.group("items")), DISTRIBUTIVE
    else:
        items, word = _all_listed(head, amount.unit), load_rules().all_word
    return [replace(amount, item=item, given_by=word) for item in items] if len(items) >= 2 else [amount]


def _list_start(sentence: str, end: int) -> int:
    """Where the clause ending at ``end`` starts when an aside inside it is no break: after
    the last of ``LIST_BREAKS`` outside brackets (卫生监督所（中心）、妇幼保健院各… is one clause)."""
    depth = 0
    for position in range(end - 1, -1, -1):
        char = sentence[position]
        if char in ASIDE.values():
            depth += 1
        elif char in ASIDE:
            depth = max(0, depth - 1)
        elif depth == 0 and char in LIST_BREAKS and LIST_BREAK.match(sentence, position):
            return position + 1  # (a comma grouping digits, 3,871户, is no break)
    return 0


# A list word that is a character of a word (泰和县, 普及率) leaves fewer than this many
# characters on one side of it.
MIN_LISTED_WORD = 2


def _split_list(text: str) -> list[str]:
    """The items of a list, split at its list words outside brackets; a list word inside a
    word (泰和县、永丰县 is two items) splits nothing."""
    closing = "".join(ASIDE.values())
    depth, masked = 0, []
    for char in text:
        depth += char in ASIDE
        depth -= char in closing and depth > 0
        masked.append(char if depth == 0 else "\0")
    masked_text = "".join(masked)
    items, last = [], 0
    for found in list_separator().finditer(masked_text):
        words = found.group() != "、"
        if words and (len(text[last:found.start()].strip()) < MIN_LISTED_WORD
                      or len(masked_text[found.end():].split("、", 1)[0].strip()) < MIN_LISTED_WORD):
            continue
        items.append(text[last:found.start()])
        last = found.end()
    items.append(text[last:])
    return [item.strip() for item in items if item.strip()]


def _distribute_over_list_before(amounts: list[Amount], sentence: str) -> list[Amount]:
    """Amounts whose 各 or 均 lists nothing in its own clause are given to each item of the
    clause before: its list with no amounts for 各 (对新干县、峡江县、安福县，市财政各安排奖补资金
    300万元), the words before each of its amounts for 均 (人大代表建议96件、政协委员提案153件，
    办结率均为100%). So is an amount alone after a list and 分别 (双龙村、大庆村分别新建养殖场1个)."""
    rules = load_rules()
    first = _distributive_words().search(sentence)
    if first is None:
        return amounts  # the common case
    result: list[Amount] = []
    for index, amount in enumerate(amounts):
        if first.start() > amount.start:
            result.append(amount)
            continue
        items: list[str] = []
        start = _clause_start(sentence, amount.start)
        lone = None
        if amount.item is None and start and sentence[start - 1] in "，,":
            lone = lone_distributive().search(sentence[start:amount.start])
        if lone is not None:
            word = DISTRIBUTIVE if lone.group("each") is not None else rules.all_word
            items = _listed_before_clause(amounts, sentence, start, each=word == DISTRIBUTIVE,
                                          rate=amount.family in RATE_FAMILIES)
        elif amount.item is None:
            word = rules.respectively
            items = _alone_after_respectively(amounts, index, sentence)
        if len(items) > 1:
            result.extend(replace(amount, item=item, given_by=word) for item in items)
        else:
            result.append(amount)
    return result


@cache
def _distributive_words() -> re.Pattern:
    """各, 均 (not 人均, 平均…) and 分别: the words that give an amount to each of a list."""
    rules = load_rules()
    return re.compile(f"{DISTRIBUTIVE}|(?<![{rules.all_not_after}]){rules.all_word}|{rules.respectively}")


def _listed_before_clause(amounts: list[Amount], sentence: str, start: int, each: bool,
                          rate: bool = False) -> list[str]:
    """The items of the list in the clause ending before ``start``: for 各 (``each``) a list
    with no amounts, its first item past a 的 (推进较快的新干县); for 均 the items a 各 gave
    its amount to (普顺镇、砚台镇各建设1个示范片，面积均不少于3,000亩), the words before each
    of two or more amounts joined by list words, or, for a ``rate``, the list whose total the
    clause states (天台县、仙居县、三门县合计进出口84.0亿元，增速均超过15%)."""
    previous_start = _list_start(sentence, start - 1)
    inside = [a for a in amounts if previous_start <= a.start and a.end < start]
    if not each and len(inside) > 1 and len({a.start for a in inside}) == 1 and all(a.item for a in inside):
        return [a.item for a in inside]
    if each:
        if inside:
            return _respective_run(sentence, previous_start, inside)
        items = _split_list(sentence[previous_start:start - 1])
        if items:
            items[0] = items[0].rsplit("的", 1)[-1]
        return items if all(HAN_WORDS.match(item) for item in items) else []
    if len(inside) == 1:
        return _one_amount_clauses(amounts, sentence, start) or (
            _listed_before_total(sentence, previous_start, inside[0]) if rate else [])
    if len(inside) < 2:
        return []
    items, last = [], previous_start
    for position, listed in enumerate(inside):
        words = sentence[last:listed.start]
        if position:
            joined = list_separator().match(words.lstrip())
            if joined is None:
                return []
            words = words.lstrip()[joined.end():]
        items.append(words.strip())
        last = listed.end
    if sentence[last:start - 1].strip():
        return []
    if all(items):
        return items
    # 曲江区、乐昌市、南雄市新登记市场主体分别为5,306户、4,216户和3,871户，增速均超过15%: the list
    # before 分别 names what each amount is of
    return [] if any(items[1:]) else _listed_before_respectively(sentence, previous_start, inside)[1]


def _listed_before_total(sentence: str, previous_start: int, total: Amount) -> list[str]:
    """The items listed before the word that makes ``total`` theirs together (合计, 共计)."""
    found = load_rules().list_total.match(sentence, previous_start, total.start)
    items = _split_list(found.group("items")) if found else []
    return items if len(items) > 1 and all(HAN_WORDS.fullmatch(item) for item in items) else []


def _listed_before_respectively(sentence: str, previous_start: int, inside: list[Amount]) -> tuple[int, list[str]]:
    """Where the 分别 that gives out the amounts ``inside`` stands (-1 where none does), and the
    items listed before it where they are as many as the amounts."""
    position = sentence.rfind(load_rules().respectively, previous_start, inside[0].start)
    listed = _split_list(sentence[previous_start:position]) if position > previous_start else []
    if len(listed) == len(inside) and all(HAN_WORDS.match(item) for item in listed):
        return position, listed
    return position, []


def _respective_run(sentence: str, previous_start: int, inside: list[Amount]) -> list[str]:
    """For 各 after a clause whose amounts a 分别 gives out (补贴标准分别提高到每人每月80元和100元，
    较上年各增加10元): what each of those amounts is of, its listed item where the list names as
    many, else the words before 分别 for all of them."""
    if len(inside) < 2:
        return []
    position, listed = _listed_before_respectively(sentence, previous_start, inside)
    if listed or position == -1:
        return listed
    head = sentence[previous_start:position].strip()
    return [head] * len(inside) if HAN_WORDS.match(head) else []


def _one_amount_clauses(amounts: list[Amount], sentence: str, start: int) -> list[str]:
    """The words before the amount of each clause in the run of clauses before ``start`` that
    each end in one level (城镇居民人均生活消费支出16320元，农村居民人均生活消费支出9875元，增速均超过8%);
    a run of rates is of siblings, not of what a rate after it is of (衣着类上涨1.2%，…，其余类别价格
    涨幅均在0.5%—2.5%之间)."""
    items: list[str] = []
    end = start - 1
    while end > 0 and sentence[end] in "，,":
        clause_start = _list_start(sentence, end)
        inside = [a for a in amounts if clause_start <= a.start and a.end <= end]
        if len(inside) != 1 or inside[0].family in RATE_FAMILIES or sentence[inside[0].end:end].strip() \
                or not HAN_WORDS.match(sentence, clause_start):
            break
        items.append(sentence[clause_start:inside[0].start].strip())
        end = clause_start - 1
    return items[::-1] if len(items) > 1 else []


def _alone_after_respectively(amounts: list[Amount], index: int, sentence: str) -> list[str]:
    """The items listed before a 分别 whose run is this one amount alone (双龙村、大庆村分别新建
    肉牛养殖场1个): none where another amount of its clause follows in the run."""
    rules = load_rules()
    amount = amounts[index]
    start = _list_start(sentence, amount.start)
    position = sentence.rfind(rules.respectively, start, amount.start)
    if position == -1 or any(start <= a.start < amount.start for a in amounts):
        return []
    following = amounts[index + 1] if index + 1 < len(amounts) else None
    if following is not None and _joins_run(sentence, amount, following):
        return []
    items = _split_list(sentence[start:position])
    return items if all(HAN_WORDS.match(item) for item in items) else []


def _all_listed(head: str, unit: str) -> list[str]:
    """The items a 均 before an amount gives it to. Rates each name their own
    (宽带接入率和配备率均达到 → both), and a listed word that is no rate is then shared with
    the rate after it (中小学、幼儿园专职保安配备率 is one item). Else the listed words are
    subjects, and the last holds what they share too (单位和职工缴存比例 → 单位, 职工缴存比例:
    labeling shares it). Empty when no such list stands before it. 均 right after the
    amount's own measure word is no average of it (甲县、乙县个体经营户均超过2万户)."""
    rules = load_rules()
    if rules.all_word not in head:
        return []
    found = rules.all_listed.search(head)
    if found is None and unit and f"{unit}{rules.all_word}" in head:
        found = rules.all_listed_after_any.search(head)
        found = found if found and found.group("items").endswith(unit) else None
    if found is None:
        return []
    pieces = list_separator().split(found.group("items"))
    words = [piece.strip() for piece in pieces[::2] if piece.strip()]
    if len(words) < 2:
        return []
    if not any(word.endswith(rules.all_item_heads) for word in words[:-1]):
        return words
    items, shared = [], ""
    for index, piece in enumerate(pieces):
        if index % 2 and not shared:
            continue  # the separator after an item
        shared += piece
        if shared.strip().endswith(rules.all_item_heads):
            items.append(shared.strip())
            shared = ""
    return items if not shared.strip() else []


def _distant_bounds(amounts: list[Amount], sentence: str) -> list[Amount]:
    """Bound the exact amounts that a bound standing apart bounds (units.toml qualifiers.distant):
    不低于教师工资总额的1.5% → at_least; 分别不超过900元、700元和500元 → less_than, all three."""
    rules = load_rules()
    if not amounts or not rules.distant_hint.search(sentence):
        return amounts
    result = []
    for amount in amounts:
        if amount.approx == "exact" and not amount.redacted:
            head = sentence[_clause_start(sentence, amount.start):amount.start]
            found = next((m for pattern in rules.distant_bounds if (m := pattern.search(head))), None)
            if found:
                amount = replace(amount, approx=rules.qualifiers_before[found.group("bound")])
        result.append(amount)
    for _position, run in respective_runs(sentence, result):
        first = result[run[0]] if run else None
        if first is not None and first.approx != "exact" and first.text.startswith(tuple(rules.qualifiers_before)):
            for index in run[1:]:
                if result[index].approx == "exact":
                    result[index] = replace(result[index], approx=first.approx)
    return result


def _share_list_units(amounts: list[Amount], sentence: str) -> list[Amount]:
    """In ``8个、5个和22个百分点`` the earlier items take the last one's unit."""
    separators = {*load_rules().distributive_separators, ",", "，"}
    result = list(amounts)
    for index in range(len(result) - 2, -1, -1):
        current, following = result[index], result[index + 1]
        if sentence[current.end:following.start].strip() not in separators:
            continue
        # 个 is the head of 个百分点: "8个、5个和22个百分点" are all points.
        if following.unit == "百分点" and current.unit == "个":
            result[index] = replace(current, unit="百分点", family="points")
    return result


def _joins_run(sentence: str, before: Amount, after: Amount) -> bool:
    """Whether ``after`` continues the 分别 run that ``before`` is in: joined by a list word, and
    by a comma only to an amount of its unit (46名、35名和612名，28个乡镇… opens a clause)."""
    rules = load_rules()
    joint = sentence[before.end:after.start].strip()
    verb = next((verb for verb in rules.respectively_change_joins if joint.endswith(verb)), None)
    if verb is not None:
        # 分别增长5.3%和下降2.1%: a join word, then the next amount's own change
        return joint[:-len(verb)] in rules.respectively_joins and after.unit == before.unit
    return joint in rules.respectively_joins \
        and (joint not in rules.respectively_clause_joins or after.unit == before.unit)


def respective_runs(sentence: str, amounts: Sequence[Amount]) -> list[tuple[int, list[int]]]:
    """For each 分别 of ``sentence``, where it stands and the indices of the amounts that
    follow it in one run: the first in its clause, each next joined to the one before by a
    list word only (by a comma, only one of the same unit), up to one joined by 和."""
    rules = load_rules()
    word = rules.respectively
    runs = []
    position = sentence.find(word)
    while position != -1:
        after = position + len(word)
        run: list[int] = []
        for index, amount in enumerate(amounts):
            if amount.start < after:
                continue
            if not run:
                if CLAUSE_BREAK.search(sentence, after, amount.start):
                    break
            elif not _joins_run(sentence, amounts[run[-1]], amount):
                break
            run.append(index)
            if len(run) > 1 and sentence[amounts[run[-2]].end:amount.start].strip() in rules.respectively_last_joins:
                break  # 1家和1家: the run's last
        runs.append((position, run))
        position = sentence.find(word, after)
    return runs


def stated_totals(amounts: Sequence[Amount], run: list[int]) -> list[int]:
    """The indices of the amounts before a respective ``run`` that state what it adds up to, in
    its unit (共有生产企业269家，分别为96家、74家、58家、41家); none where a figure of it is hidden."""
    values = [amounts[index].value for index in run]
    if not run or None in values:
        return []
    total, unit = sum(values), amounts[run[-1]].unit
    return [index for index in range(run[0]) if amounts[index].value == total and amounts[index].unit == unit]


def _join_ranges(amounts: list[Amount], sentence: str) -> list[Amount]:
    """``3万元至5万元``: two amounts of one unit joined by 至 or 到 are one range, its text
    the whole span (not after 从 or 由, where they are a level and where it went, unless 不等
    follows: 从50万元至80万元不等; nor when the second is not above the first)."""
    rules = load_rules()
    result: list[Amount] = []
    for amount in amounts:
        low = result[-1] if result else None
        if (low is not None and low.value_high is None and amount.value_high is None
                and low.unit == amount.unit and low.redacted == amount.redacted
                and low.item is None and amount.item is None
                and (low.value is None or amount.value is None or low.value < amount.value)
                and rules.range_joiners.match(sentence[low.end:amount.start])
                and (not rules.range_from_to.search(sentence[_clause_start(sentence, low.start):low.start])
                     or rules.range_spread.match(sentence, amount.end))):
            approx = max(low.approx, amount.approx, key=rules.qualifier_rank.__getitem__)
            result[-1] = replace(low, end=amount.end, text=sentence[low.start:amount.end], value_high=amount.value,
                                 approx=approx)
        else:
            result.append(amount)
    return result


def _join_clock_times(amounts: list[Amount], sentence: str) -> list[Amount]:
    """``2小时10分32秒``: amounts in clock units written one right after another, each finer
    than the one before, are one duration in the first one's unit (a bare 分 there is minutes)."""
    rules = load_rules()
    seconds = rules.clock_seconds
    result: list[Amount] = []
    finest = None  # the unit of the last amount joined into result[-1]
    joined: set[int] = set()
    for amount in amounts:
        first = result[-1] if finest is not None else None
        if (first is not None and first.end == amount.start
                and seconds.get(amount.unit, seconds[finest]) < seconds[finest]
                and first.value is not None and amount.value is not None
                and first.value_high is None and amount.value_high is None and not amount.redacted):
            total = first.value * seconds[first.unit] + amount.value * seconds[amount.unit]
            value = total / seconds[first.unit]  # kept whole until the last unit is added
            unit = rules.clock_unit.get(first.unit, first.unit)
            approx = max(first.approx, amount.approx, key=rules.qualifier_rank.__getitem__)
            result[-1] = replace(first, end=amount.end, text=sentence[first.start:amount.end], value=value,
                                 unit=unit, family=rules.units[unit].family, approx=approx)
            finest = amount.unit
            joined.add(len(result) - 1)
            continue
        result.append(amount)
        finest = amount.unit if amount.unit in seconds and amount.value_high is None else None
    return [replace(amount, value=amount.value.quantize(CLOCK_PRECISION).normalize()) if i in joined else amount
            for i, amount in enumerate(result)]


def extract_amounts(sentence: str) -> list[Amount]:
    """Every amount in one sentence, in order, with spans into that sentence."""
    if not possible_amount().search(sentence):
        return []
    rules = load_rules()
    idiom_spans = None  # found only once a candidate reads as an amount: most never do
    found: list[Amount] = []
    for match in amount_pattern().finditer(sentence):
        if found and match.start() < found[-1].end:
            continue  # 139.5元/5升: inside the quantity a price is per
        if match.group("den") is not None or match.group("word") is not None:
            amount = _read_fraction(rules, sentence, match)
        elif match.group("cheng") is not None:
            amount = _read_cheng(rules, sentence, match)
        elif match.group("s_num") is not None:
            amount = _read_slash(rules, sentence, match)
        elif match.group("r1") is not None:
            amount = _read_ratio(rules, sentence, match)
        else:
            amount = _read_main(rules, sentence, match)
        if amount is None:
            continue
        if sentence[amount.end:amount.end + 1] in "/／" \
                and (amount.family == "money" or amount.family in rules.per_quantity_kept):
            amount = _per_quantity(rules, sentence, amount)
        elif amount.family == "count" and sentence[amount.end:amount.end + 1] in "（(/／":
            amount = _paired_measure(rules, sentence, amount)
        elif amount.family == "duration":  # 12小时内
            amount = _bounded_after(rules, sentence, amount, amount.end, rules.qualifiers_after_duration)
        elif amount.family == "multiple":  # 1倍多
            amount = _bounded_after(rules, sentence, amount, amount.end, rules.qualifiers_after_multiple)
        if idiom_spans is None:
            idiom_spans = [m.span() for m in rules.idioms.finditer(sentence)]
            idiom_spans += [m.span() for m in rules.titles.finditer(sentence)]
        if not any(s < match.end() and match.start() < e for s, e in idiom_spans):
            found.extend(_distribute(sentence, amount))
    found = _join_ranges(_join_clock_times(found, sentence), sentence)
    if load_rules().respectively in sentence:
        found = _respective_bare_numbers(found, sentence)
    found = _distribute_over_list_before(found, sentence)
    if any(word in sentence for word in rules.division_after):
        found = _division_counts(found, sentence)
    return _distant_bounds(_share_list_units(found, sentence), sentence)


def _per_quantity(rules: Rules, sentence: str, amount: Amount) -> Amount:
    """``amount`` with the quantity it is per in its text: a price stays in its money's unit
    (1.85元/立方米); a weight, volume or energy keeps both in its unit (440公斤/亩, 35万吨/日)."""
    per = rules.per_quantity.match(sentence, amount.end)
    if per is None:
        return amount
    unit, family = amount.unit, amount.family
    if family != "money":
        if not HAN_WORDS.match(per.group(), 1):
            return amount  # 2.5吨/5年 is no unit
        unit, family = f"{unit}/{per.group()[1:]}", "intensity"
    return _bounded_after(rules, sentence, amount, per.end(), unit=unit, family=family)  # 1690元/担左右


def _bounded_after(rules: Rules, sentence: str, amount: Amount, end: int, bounds: dict[str, str] | None = None,
                   **changes) -> Amount:
    """``amount`` (with ``changes``) reaching to ``end`` of ``sentence``, and over one of the
    ``bounds`` (the qualifiers after an amount, by default) standing there when none bounds it
    yet (1690元/担左右, 150件/套以上, 12小时内)."""
    bounds = rules.qualifiers_after if bounds is None else bounds
    approx = amount.approx
    word = next((word for word in bounds if sentence.startswith(word, end)), None) if approx == "exact" else None
    if word is not None:
        end, approx = end + len(word), bounds[word]
    return replace(amount, end=end, text=sentence[amount.start:end], approx=approx, **changes)


def _paired_measure(rules: Rules, sentence: str, amount: Amount) -> Amount:
    """``amount`` with the second measure word of a count of things that come singly or in sets
    (2.1万台（套）, 12,860件/套): its unit names both, as written."""
    paired = rules.paired_measure.match(sentence, amount.end)
    if paired is None or not amount.text.endswith(amount.unit):
        return amount
    return _bounded_after(rules, sentence, amount, paired.end(), unit=amount.unit + paired.group())  # 150件/套以上


@cache
def _division_run() -> tuple[regex.Pattern, regex.Pattern]:
    """The run of divisions counted after 辖 (辖5镇5乡、), and one count of it (5镇)."""
    rules = load_rules()
    count = rf"(?P<num>{NUMBER})(?P<unit>{alternation(rules.divisions)})"
    return (regex.compile(rf"(?:{alternation(rules.division_after)})(?P<run>(?:{count}、?)+)"),
            regex.compile(count))


def _division_counts(amounts: list[Amount], sentence: str) -> list[Amount]:
    """``amounts`` with the divisions a place governs counted after 辖 (辖7镇9乡、271个行政村:
    7 towns and 9 townships): a division's name stands for its measure word there."""
    run, count = _division_run()
    found = run.search(sentence)
    if found is None:
        return amounts
    counts = []
    for item in count.finditer(sentence, found.start("run"), found.end("run")):
        redacted = _is_hidden(item.group("num"))
        try:
            value = None if redacted else parse_numeral(item.group("num"))
        except NumeralError:
            continue
        counts.append(Amount(item.start(), item.end(), item.group(), value, None, item.group("unit"), "exact",
                             redacted, "count"))
    return sorted(amounts + counts, key=lambda amount: amount.start)


BARE_NUMBER = regex.compile(rf"{DIGIT}+(?:[.．]{DIGIT}+)?")


@cache
def _bare_run() -> tuple[regex.Pattern, regex.Pattern]:
    """Bare numbers listed after 分别 and its verb, up to the amount that gives them its unit,
    and one such number with the scale word it may write (86.2万、41.5万人次)."""
    rules = load_rules()
    separators = alternation(rules.distributive_separators)
    number = rf"(?P<digits>{BARE_NUMBER.pattern})(?P<scale>{alternation(rules.scales)})?"
    run = regex.compile(rf"{rules.respectively}\p{{Han}}{{0,4}}?(?P<run>(?:{number}\s*(?:{separators})\s*)+)$")
    return run, regex.compile(number)


def _respective_bare_numbers(amounts: list[Amount], sentence: str) -> list[Amount]:
    """``分别为40、41、38微克/立方米``: the bare numbers of the run take the unit and scale of
    the last, which alone writes them; a number of the run may write the scale too where the
    last writes the same (分别发送旅客86.2万、41.5万人次)."""
    result: list[Amount] = []
    run, listed = _bare_run()
    for amount in amounts:
        found = None
        if amount.value is not None and amount.value_high is None and not amount.redacted:
            found = run.search(sentence, _clause_start(sentence, amount.start), amount.start)
        own = BARE_NUMBER.match(amount.text) if found else None
        if own and parse_numeral(own.group()):
            factor = amount.value / parse_numeral(own.group())
            bares = list(listed.finditer(sentence, found.start("run"), found.end("run")))
            if all(not bare.group("scale") or amount.text.startswith(bare.group("scale"), own.end())
                   for bare in bares):
                # a scaled number of the run read on its own (42.6万, a count of people) is this
                result = [other for other in result
                          if not found.start("run") <= other.start < found.end("run")]
                for bare in bares:
                    result.append(replace(amount, start=bare.start(), end=bare.end(), text=bare.group(),
                                          value=parse_numeral(bare.group("digits")) * factor,
                                          approx="exact", item=None))
        result.append(amount)
    return result
