"""Metric labels: what each amount of a sentence measures, in the sentence's words.

A label is the measured noun phrase with what was done to it, built from
the clause around the amount (rules in seeds/labels.toml):

- the words before the amount, without the clause's opening (一是, 全市,
  2015年) and the words linking noun to amount (达到, 共有):
  ``学前三年毛入园率达到90%`` → ``学前三年毛入园率``;
- a count's noun after the amount, with the verb before it or, where the
  count is the subject, the verb after it: ``选派4名校长`` → ``选派校长数``,
  ``xx家教育网站获省教育厅前置审批`` → ``获省教育厅前置审批的教育网站数``;
- a comparison after a level takes the level's label, its base and its
  change: ``…拨款29.74亿元,比2011年增加了8.16亿元`` → ``…拨款比2011年增加额``;
- an item of a distributive list is labelled by its item:
  ``教师进修学校、…各1处`` → ``教师进修学校数``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Sequence

import regex

from tracker.extracting import ASIDE, DISTRIBUTIVE, HAN_WORDS, Amount, list_separator, respective_runs
from tracker.relating import aside_of, aside_spans, ranked_clause, relation_rules
from tracker.rules import RulePattern, alternation, clause_break_class, compile_rule, load_rules, load_seed
from tracker.topics import frame_topic, heading_topic, needs_topic, title_topic


@dataclass(frozen=True)
class LabelRules:
    """The compiled rules of seeds/labels.toml."""

    clause_break: RulePattern
    lead: RulePattern
    quoted_items: regex.Pattern
    possessor: RulePattern
    existential: regex.Pattern
    link: regex.Pattern
    achieved: RulePattern
    noun_stop: regex.Pattern
    noun_join: regex.Pattern
    joined_noun_max: int
    verb_stop: regex.Pattern
    filler: regex.Pattern
    count_heads: str
    school_nouns: tuple[str, ...]
    count_suffix_by_unit: dict[str, str]
    count_suffix: str
    household_suffix: dict[str, str]
    person_heads: str
    document_parts: frozenset[str]
    named_count_units: tuple[str, ...]
    rate_heads: tuple[str, ...]
    rate_suffix: str
    share_word: str
    part_opening: regex.Pattern
    area_suffix: str
    change: RulePattern
    change_end: regex.Pattern
    change_nouns: dict[str, str]
    decrease: RulePattern
    change_suffix: dict[str, str]
    to_level: RulePattern
    ranking_tail: regex.Pattern
    standard_before: regex.Pattern
    standard_after: regex.Pattern
    standard_paid: regex.Pattern
    standard_word: str
    standard_per: str
    standard_recipient: str
    base_amount: RulePattern
    base_amount_with: RulePattern
    base_amount_with_after: RulePattern
    running_total: regex.Pattern
    running_total_suffixes: dict[str, str]
    sum_opening: regex.Pattern
    completion: regex.Pattern
    completion_done: regex.Pattern
    completion_suffix: str
    newly: RulePattern
    yearly_span: regex.Pattern
    unit_heads: dict[str, str]


@cache
def label_rules() -> LabelRules:
    """The label rules, read once."""
    seed = load_seed("labels.toml")
    nouns = alternation(seed["change_nouns"])  # 增幅, 增速: a change named by a noun
    changes = f"{seed['change_verb']}|{nouns}"
    return LabelRules(
        clause_break=compile_rule(clause_break_class(seed["clause_breaks"])),
        lead=compile_rule(seed["lead"]),
        quoted_items=regex.compile(seed["quoted_items"]),
        possessor=compile_rule(seed["possessor"]),
        existential=regex.compile(seed["existential"]),
        link=regex.compile(seed["link"].replace("{qualifiers_guarded}", "|".join(load_rules().qualifiers_guarded))),
        achieved=compile_rule(seed["achieved"]),
        noun_stop=regex.compile(seed["noun_stops"]),
        noun_join=regex.compile(seed["noun_joins"]),
        joined_noun_max=seed["joined_noun_max"],
        verb_stop=regex.compile(seed["verb_stops"]),
        filler=regex.compile(seed["filler"]),
        count_heads=seed["count_heads"],
        school_nouns=tuple(seed["school_nouns"]),
        count_suffix_by_unit=seed["count_suffix_by_unit"],
        count_suffix=seed["count_suffix"],
        household_suffix=seed["household_suffix"],
        person_heads=seed["person_heads"],
        document_parts=frozenset(seed["document_parts"]),
        named_count_units=tuple(seed["named_count_units"]),
        rate_heads=tuple(seed["rate_heads"]),
        rate_suffix=seed["rate_suffix"],
        share_word=seed["share_word"],
        part_opening=regex.compile(seed["part_opening"]),
        area_suffix=seed["area_suffix"],
        change=compile_rule(f"^(?:{nouns})?(?:(?P<base>{seed['change_base']})(?:{seed['change_filler']})?)?"
                            f"(?P<verb>{changes})(?:了|为|是|达到|达)?$"),
        change_end=regex.compile(f"(?:{changes})了?$"),
        change_nouns=seed["change_nouns"],
        decrease=compile_rule(seed["decrease"]),
        change_suffix=seed["change_suffix"],
        to_level=compile_rule(seed["to_level"]),
        ranking_tail=regex.compile(seed["ranking_tail"]),
        standard_before=regex.compile(seed["standard_before"]),
        standard_after=regex.compile(seed["standard_after"]),
        standard_paid=regex.compile(seed["standard_paid"]),
        standard_word=seed["standard_word"],
        standard_per=seed["standard_per"],
        standard_recipient=seed["standard_recipient"],
        base_amount=compile_rule(seed["base_amount"]),
        base_amount_with=compile_rule(seed["base_amount_with"]),
        base_amount_with_after=compile_rule(seed["base_amount_with_after"]),
        running_total=regex.compile(seed["running_total"]),
        running_total_suffixes=seed["running_total_suffixes"],
        sum_opening=regex.compile(seed["sum_opening"]),
        completion=regex.compile(seed["completion"]),
        completion_done=regex.compile(seed["completion_done"]),
        completion_suffix=seed["completion_suffix"],
        newly=compile_rule(seed["newly"]),
        yearly_span=regex.compile(seed["yearly_span"]),
        unit_heads=seed["unit_heads"],
    )


# The amount a base names (比去年的26.3万元增加了12.3万元): no part of the change's label.
BASE_AMOUNT = regex.compile(r"的[^的]*[0-9０-９].*$")
HAN_RUN = regex.compile(r"[\p{Han}A-Za-z“”\"‘’、]+")
# A noun may hold an alternative in brackets: 村（社区）党组织书记, 镇（街道）便民服务中心.
NOUN_RUN = regex.compile(r"[\p{Han}A-Za-z“”\"‘’、]+(?:（[\p{Han}、]{1,6}）(?:[\p{Han}“”\"‘’][\p{Han}A-Za-z“”\"‘’、]*)?)*")
QUOTES = "“”\"‘’、 "
ASIDE_OPENING = {close: open_ for open_, close in ASIDE.items()}
OPENING = {"“": "”", "‘": "’", '"': '"'}
CLOSING = {close: open_ for open_, close in OPENING.items()}
COLONS = "：:"
LIST_JOINERS = regex.compile(r"\s*(?:、|和|及|与|以及)\s*")
CONJUNCTIONS = regex.compile(r"^(?:和|及|与|或|、|以及)$")
EDGES = regex.compile(r"^[^\p{Han}A-Za-z0-9“”]+|[^\p{Han}A-Za-z0-9“”]+$")
# Families that state a share of something: 98%的适龄儿童…, 近二分之一的教师….
SHARES = ("rate", "fraction")
# A verb phrase after a counted noun is cut here: a label names the action, not its details.
MAX_VERB = 12
# Words before the amount longer than this are a list of actions: the last one is kept.
MAX_BEFORE = 12


@dataclass(frozen=True)
class Label:
    """What an amount measures: ``text`` (None when nothing names it) and ``aspect``:
    ``level``, or a ``change``/``growth``/``cagr``/``pp_change`` of the level amount at
    index ``origin`` since ``base`` (比2011年); a level reached from another level (由43%
    提高到65%) has aspect ``level`` and that level as ``origin``. ``direction`` is -1 for
    decreases (减少, 下降)."""

    text: str | None
    aspect: str
    origin: int | None = None
    base: str | None = None
    direction: int = 1


@dataclass
class _Parts:
    before: str
    noun: str
    verb: str
    used: int  # characters of the text after the amount taken by its noun and verb
    listed: str = ""  # the examples before 等, which are what is counted when no noun follows
    apart: bool = False  # a distributed amount's item stands apart from these words
    outside: bool = False  # … in the clause before (its list may end in a verb of its own)


def _after_aside(sentence: str, position: int, clause_end: int) -> int:
    """Where the words that name the amount ending at ``position`` go on: after an aside in
    brackets right behind it (再有20%(总数80%)的学校达标), or after the bracket that closes
    right behind an amount inside an aside (总数80%); else at ``position``."""
    rest = sentence[position:clause_end]
    stripped = rest.lstrip()
    if stripped[:1] in ASIDE:
        close = rest.find(ASIDE[stripped[0]])
        if close != -1:
            return position + close + 1
    if stripped[:1] in ASIDE.values():
        opened = sentence.rfind(ASIDE_OPENING[stripped[0]], 0, position)
        if opened != -1 and sentence.find(stripped[0], opened, position) == -1:
            return position + len(rest) - len(stripped) + 1
    return position


def _fills_aside(sentence: str, amount: Amount) -> bool:
    """Whether ``amount`` is all its aside holds (食品安全（403件）)."""
    before, after = sentence[amount.start - 1:amount.start], sentence[amount.end:amount.end + 1]
    return before in ASIDE and after == ASIDE[before]


def _without(sentence: str, start: int, end: int, asides: Sequence[tuple[int, int]]) -> str:
    """``sentence[start:end]`` without the ``asides`` that stand wholly inside it."""
    inside = [(a, b) for a, b in asides if start <= a and b <= end]
    if not inside:
        return sentence[start:end]
    bounds = [start, *(edge for span in inside for edge in span), end]
    return "".join(sentence[a:b] for a, b in zip(bounds[::2], bounds[1::2]))


def _cut(verb: str) -> str:
    """``verb`` cut to MAX_VERB characters, but not inside a quotation (实施“阳光分班、合理排座”)."""
    cut = verb[:MAX_VERB]
    opened = cut.rfind("“")
    if opened > cut.rfind("”"):
        closed = verb.find("”", opened)
        cut = verb[:closed + 1] if closed != -1 else cut[:opened]
    return cut


def _blank(text: str, spans: Sequence[tuple[int, int]], offset: int) -> str:
    """``text`` (starting at ``offset`` of its sentence) without the characters of ``spans``."""
    cuts = sorted((max(start - offset, 0), min(end - offset, len(text))) for start, end in spans
                  if start - offset < len(text) and end > offset)
    if not cuts:
        return text  # the common case: no place name inside
    pieces, position = [], 0
    for start, end in cuts:
        pieces.append(text[position:max(start, position)])
        position = max(position, end)
    pieces.append(text[position:])
    return "".join(pieces)


def _unquote(text: str) -> str:
    """``text`` without the list commas and stray quotation marks at its edges; a
    quotation it holds whole keeps both marks (实施“阳光分班”)."""
    previous = None
    while previous != text:
        previous = text
        text = text.strip("、 ")
        if text and (text[0] in CLOSING and text[0] not in OPENING
                     or text[0] in OPENING and OPENING[text[0]] not in text[1:]):
            text = text[1:]
        if text and (text[-1] in OPENING and text[-1] not in CLOSING
                     or text[-1] in CLOSING and CLOSING[text[-1]] not in text[:-1]):
            text = text[:-1]
    return text


def _trim(text: str, rules: LabelRules, listed: bool = False) -> str:
    """The clause words without their opening and their link to the amount; a long list
    keeps its last item unless ``listed`` (the words are one item of a list)."""
    previous = None
    while previous != text:
        previous = text
        text = rules.link.sub("", rules.lead.sub("", rules.quoted_items.sub("", text.strip())))
    core = text.strip(QUOTES)
    if core.count("”") > core.count("“") and text.lstrip(QUOTES.replace("“", "")).startswith("“"):
        core = "“" + core  # “班班通”配备率 keeps the quotation it opens with
    text = rules.existential.sub("", _without_edges(_without_long_asides(_without_opening_aside(core))))
    if len(text) > MAX_BEFORE and "、" in text and not listed:
        asides = aside_spans(text)  # 各县（市、区）累计…: a 、 inside an aside lists nothing of ours
        last = max((m.start() for m in regex.finditer("、", text) if not aside_of(asides, m.start(), m.end())),
                   default=None)
        text = text[last + 1:] if last is not None else text
    return _drop_aspect(text, rules)


def _without_long_asides(text: str) -> str:
    """``text`` without its asides longer than ``MAX_BEFORE``: such an aside lists what the
    thing holds (食用农产品（蔬菜、水果类、畜禽肉及副产品、水产品）), it does not name it."""
    for start, end in reversed(aside_spans(text)):
        if end - start > MAX_BEFORE:
            text = text[:start] + text[end:]
    return text


def _without_opening_aside(text: str) -> str:
    """``text`` without an aside it opens with: what the aside qualified (第二批（6月）兑付,
    its 第二批 a lead word) is gone, and the aside names nothing measured."""
    stripped = text.lstrip()
    if stripped[:1] in ASIDE:
        spans = aside_spans(stripped)
        if spans and spans[0][0] == 0 and spans[0][1] < len(stripped):
            return stripped[spans[0][1]:]
    return text


def _without_edges(text: str) -> str:
    """``text`` without the marks at its ends, but with the closing bracket of an aside it
    holds (卫生机构（含村卫生室）)."""
    trimmed = EDGES.sub("", text)
    for opening, closing in ASIDE.items():
        if trimmed.count(opening) > trimmed.count(closing) and text.rstrip().endswith(closing):
            trimmed += closing
    return trimmed


def _drop_aspect(text: str, rules: LabelRules) -> str:
    # 进行了维修改造 → 维修改造: the label names the action, not its aspect.
    return rules.filler.sub("", text) if text else text


def _parts(pre: str, post: str, amount: Amount, rules: LabelRules, runs_on: bool = False) -> _Parts:
    """The words before the amount, the counted noun after it and the verb after that noun;
    ``runs_on`` when ``post`` runs straight into another amount, whose words the rest are
    (54所实项目学校|预算投入资金6001万)."""
    # 煤化工等xx个示范专业: the words before 等 are examples, not the measured thing;
    # 培训校长、教师等600人次 (no noun after): they are all the sentence names of it.
    listed = _trim(pre, rules) if pre.rstrip().endswith("等") else ""
    before = "" if listed else _trim(pre, rules)
    if amount.family != "count" and rules.achieved.search(before):
        before = _trim(rules.achieved.sub("", before), rules)  # 收入完成8.6亿元: 完成 links
    if amount.family == "count" and amount.unit in load_rules().divisions:
        return _Parts(before, "", "", 0, listed)  # 辖7镇9乡、271个行政村: 乡 is what 9 counts
    prefix = len(post) - len(post.removeprefix("的"))
    run = NOUN_RUN.match(post, prefix)
    words = run.group().rstrip("、") if run else ""
    stop = rules.noun_stop.search(words)
    whole_noun = words[:stop.start()] if stop else words
    joined = rules.noun_join.match(words, len(whole_noun)) if stop and whole_noun and not runs_on else None
    if joined and len(whole_noun) <= rules.joined_noun_max:  # 150多个国家和地区: 和 joins two counted nouns
        stop = rules.noun_stop.search(words, joined.end())
        end = stop.start() if stop else len(words)
        if 0 < end - joined.end() <= rules.joined_noun_max:
            whole_noun = words[:end]
    heads = rules.unit_heads.get(amount.unit)
    if heads and amount.family == "count":
        whole_noun = _with_modifier(words, whole_noun, heads, rules)
    noun = whole_noun
    if heads and amount.family == "count":
        # 2所高校毕业生就业率: the count is of 高校, up to its last head.
        found = list(_any_of(heads).finditer(noun))
        if found:
            end = found[-1].end()
            noun = noun[:end + (noun[end:end + 1] in CLOSING)]  # with its closing quote: “优秀教师”
    if runs_on:
        # A、B等xx个C: what follows the last 、 opens the next amount's item; 4个人民法庭|分别审结
        # 案件612件: what 分别 leads is the next amounts'.
        noun = noun.rsplit("、", 1)[0] if "、" in noun else noun
        noun = noun.split(load_rules().respectively, 1)[0]
        return _Parts(before, _unquote(noun), "", prefix + len(noun), listed)
    verb = words[len(whole_noun):].removeprefix("的")
    if (prefix and not whole_noun) or rules.to_level.match(verb):
        # 达到90%以上的要求: what follows 的 is not done by the amount; 由96.4%提高到…:
        # the level moves on to the next amount, it does not do 提高.
        verb = ""
    verb_stop = rules.verb_stop.search(verb, 1)
    verb = verb[:verb_stop.start()] if verb_stop else verb
    used = prefix + len(whole_noun) + len(verb)
    verb = _cut(rules.link.sub("", _drop_aspect(verb, rules)))
    return _Parts(before, _unquote(noun), _unquote(verb), used, listed)


@cache
def _any_of(chars: str) -> regex.Pattern:
    return regex.compile(f"[{regex.escape(chars)}]")


def _with_suffix(label: str, amount: Amount, rules: LabelRules) -> str:
    """A count's label ends in 数 (or its measure word and 数), a rate's in a rate word."""
    if not label:
        return label
    if amount.family == "count":
        if amount.unit in rules.named_count_units:
            # 受益人数4000人次: a count of attendances is one whatever the sentence calls it.
            return label.removesuffix(amount.unit).removesuffix("人数").removesuffix("数") + amount.unit
        if label.endswith(("数", "人次")):
            return label
        bare = label.rstrip("".join(CLOSING))
        if amount.unit in rules.household_suffix and bare[-1:] in rules.person_heads:
            return label + rules.household_suffix[amount.unit]  # 惠及居民6.8万户: 惠及居民户数
        if bare[-1:] in rules.count_heads or bare.endswith(rules.school_nouns):
            return label + rules.count_suffix
        return label + rules.count_suffix_by_unit.get(amount.unit, amount.unit + rules.count_suffix)
    found = rules.change_end.search(label) if amount.family in ("rate", "points") else None
    if found:  # 固定资产投资增长15.8% → …增长率; …降幅为3.2% → …下降率
        verb = _change_verb(found.group().removesuffix("了"), rules)
        return label[:found.start()] + verb + rules.change_suffix[amount.family]
    if amount.family in SHARES and not label.endswith(rules.rate_heads):
        return label + rules.rate_suffix
    if amount.family == "area" and not label.endswith(rules.area_suffix):
        return label + rules.area_suffix
    return label


def _change_verb(word: str, rules: LabelRules) -> str:
    """The change verb ``word`` names: itself, or the verb of a change noun (增幅 → 增长)."""
    return rules.change_nouns.get(word, word)


def _share_label(label: Label, holder: Label, holder_amount: Amount) -> Label:
    """The label of a share whose own words start at 占 (``label``), after the noun of the
    amount it is a share of (``holder``, see relating.sentence_part_links):
    ``教育系统共有9万多名师生，占全市总人口的七分之一`` → ``教育系统师生占全市总人口比例``."""
    rules = label_rules()
    qualifier, word, rest = (label.text or "").partition(rules.share_word)
    if not (word and holder.text) or qualifier and qualifier not in load_rules().qualifiers_before:
        return label
    nouns = counted_nouns(holder.text, holder_amount.unit) if holder_amount.family == "count" else []
    text = (nouns[0] if nouns else holder.text) + word + rest
    if not text.endswith(rules.rate_heads):
        text += rules.rate_suffix
    return Label(text, label.aspect, label.origin, label.base, label.direction)


def share_labels(labels: list[Label], share: int, holder: int, holder_amount: Amount) -> list[Label]:
    """``labels`` with the share at index ``share`` named after its holder (:func:`_share_label`)
    and the changes said of it named after it too (占…的18.2%，较上年提高1.1个百分点)."""
    was = labels[share].text
    labels = list(labels)
    labels[share] = now = _share_label(labels[share], labels[holder], holder_amount)
    if not was or now.text == was:
        return labels
    return [replace(label, text=now.text + label.text[len(was):])
            if label.origin == share and label.aspect != "level" and (label.text or "").startswith(was) else label
            for label in labels]


def counted_nouns(label: str, unit: str) -> list[str]:
    """The nouns a count's label may have been built from, longest first
    (中心小学学校数 → 中心小学学校, 中心小学; 普通高中处数 → 普通高中处, 普通高中)."""
    rules = label_rules()
    suffixes = (rules.count_suffix, unit + rules.count_suffix, rules.count_suffix_by_unit.get(unit, ""))
    return [label[: -len(suffix)] for suffix in suffixes if suffix and label.endswith(suffix) and len(label) > len(suffix)]


def _with_modifier(words: str, noun: str, heads: str, rules: LabelRules) -> str:
    """The counted noun of ``words`` (after a count) when what stands before its 的 is a
    modifier, not the counted thing: ``xx名就读普通高中的孤儿`` → ``就读普通高中的孤儿``,
    ``一所具有一定规模的幼儿园`` → ``具有一定规模的幼儿园``; else ``noun``."""
    if noun and (noun[-1] in heads or not words.startswith("的", len(noun))):
        return noun
    marker = words.find("的", len(noun))
    if marker == -1:
        return noun
    stop = rules.noun_stop.search(words, marker + 1)
    segment = words[marker + 1:stop.start() if stop else len(words)]
    # …的残疾学生减免学费: the counted noun ends at its last head (生), a verb may follow.
    end = max((index for index, char in enumerate(segment) if char in heads), default=-1)
    return words[:marker + 2 + end] if end != -1 else noun


def _level_label(parts: _Parts, amount: Amount, rules: LabelRules) -> str | None:
    if amount.item:
        item = _trim(amount.item, rules, listed=True)
        if not parts.apart:
            return _with_suffix(item, amount, rules) or None  # 宽带接入率和配备率均达到: the rates
        # 甲村、乙村分别新建养殖场1个: the item with what its clause says of it (a list in the
        # clause before ends in its own verb: …沂河路小学主体已封顶，建成后将各新增学位)
        stop = rules.noun_stop.search(item, 1) if parts.outside else None
        item = item[:stop.start()] if stop else item
        rest = _level_label(parts, replace(amount, item=None), rules)
        return item + rest if rest else _with_suffix(item, amount, rules) or None
    noun, verb = parts.noun, parts.verb
    if parts.listed and not noun:
        return _with_suffix(parts.listed, amount, rules) or None
    if amount.family == "money" and parts.before:
        noun, verb = "", ""  # 投入资金3亿元,启动…: the money is named before its amount.
    if amount.family not in ("count", "money", "area", *SHARES):
        noun, verb = "", ""
    if noun:
        label = parts.before + (verb + "的" if verb else "") + noun
    else:
        # 100%实施阳光分班, 工程质量百分之百达标: a share of what the verb after it does.
        label = parts.before + (verb if amount.family in ("count", *SHARES) else "")
    return _with_suffix(label, amount, rules) or None


def _shared_by_items(amounts: Sequence[Amount], places: set[str]) -> list[Amount]:
    """Items of a list whose last holds what all share (甲镇、乙镇粮食总产均超过…: 粮食总产;
    单位和职工缴存比例均为…: 缴存比例) each name it: a place its words alone (the place goes to
    the locality), another subject with them (单位缴存比例). The words shared are what the
    last item holds past a place it opens with, else past the length of each other item."""
    rules = label_rules()
    result = list(amounts)
    index = 0
    while index < len(result):
        end = index
        while end + 1 < len(result) and result[end + 1].item and result[end + 1].start == result[index].start:
            end += 1
        items = [amount.item and _trim(amount.item, rules, listed=True) for amount in result[index:end + 1]]
        if end > index and all(items) and result[index].given_by == load_rules().all_word \
                and not all(item.endswith(load_rules().all_item_heads) for item in items):
            last = items[-1]
            place = max((p for p in places if last.startswith(p) and p != last), key=len, default=None)
            for offset, item in enumerate(items):
                if place is not None and (item in places or offset == end - index):
                    shared = last[len(place):]
                elif offset < end - index and len(last) > len(item):
                    shared = item + last[len(item):]
                else:
                    continue
                result[index + offset] = replace(result[index + offset], item=shared)
        index = end + 1
    return result


def label_amounts(sentence: str, amounts: Sequence[Amount], skip: Sequence[tuple[int, int]] = (),
                  previous: str | None = None) -> list[Label]:
    """The metric label of each of ``amounts`` (in sentence order), with what it states
    of an earlier level of the sentence; ``skip`` holds spans left out of labels (place
    names, which go into the claim's locality); ``previous`` is the sentence before when
    it has no amounts (a heading), which may name what generic counts are about."""
    rules = label_rules()
    # 补贴农机3152台（套）: a count named by two measure words is labelled by its first
    paired = load_rules().paired_measure
    amounts = [replace(amount, unit=paired.sub("", amount.unit))
               if amount.family == "count" and len(amount.unit) > 2 and paired.search(amount.unit) else amount
               for amount in amounts]
    # 兴城市、绥中县各新建幼儿园2所: items that are places go to the locality, not the label;
    # 2019年、2020年各新建7所: items that are years go to the year.
    placed: set[int] = set()
    written = [amount.item for amount in amounts]  # each item as the sentence writes it
    if any(written):
        places = {sentence[start:end] for start, end in skip}
        amounts = _shared_by_items(amounts, places)
        placed = {index for index, amount in enumerate(amounts) if amount.item and (
            _trim(amount.item, rules) in places or load_rules().year.fullmatch(amount.item))}
        amounts = [replace(amount, item=None) if index in placed else amount for index, amount in enumerate(amounts)]
    # A comma between two quotations lists them (“学习教育”，“查摆问题”), and one inside an aside
    # that holds no amount is the aside's own (比2018年末（第四次全国经济普查，下同）增加…):
    # no clause ends there.
    asides = aside_spans(sentence)
    quiet = [span for span in asides if not any(span[0] < a.start < span[1] for a in amounts)]
    breaks = [m.start() for m in rules.clause_break.finditer(sentence)
              if not (sentence[m.start() - 1:m.start()] in CLOSING and sentence[m.end():m.end() + 1] in OPENING)
              and not aside_of(quiet, m.start(), m.end())]
    clauses, parts = [], []
    standards: dict[int, str] = {}
    for index, amount in enumerate(amounts):
        clause_start = max((b + 1 for b in breaks if b < amount.start), default=0)
        clause_end = min((b for b in breaks if b >= amount.end), default=len(sentence))
        start = clause_start
        if index and clause_start <= amounts[index - 1].end <= amount.start:
            # The words right after the previous amount are its noun and verb, not ours; after
            # one that fills its aside, the list word is no one's (食品安全（403件）、价格违法).
            start = min(amounts[index - 1].end + parts[-1].used, amount.start)
            joined = LIST_JOINERS.match(sentence, amounts[index - 1].end + 1) \
                if _fills_aside(sentence, amounts[index - 1]) else None
            start = min(joined.end(), amount.start) if joined else start
        cut = skip
        given = _given_aside(sentence, index, amounts, asides, clause_start)
        if given is not None:  # 高于目标值（96%以上）2.9个百分点: the words before the aside are ours
            start, cut = clause_start, [*skip, given]
        apart = outside = bool(amount.item) and written[index] not in sentence[clause_start:amount.start]
        if amount.given_by:
            word = sentence.rfind(amount.given_by, start, amount.start)
            if word != -1 and amount.item and written[index] in sentence[start:word]:
                start, apart = word + len(amount.given_by), True  # 第一中学、第二中学各|选派教师2名
            elif word != -1:
                cut = [*skip, (word, word + len(amount.given_by))]  # 对甲县、乙县，市财政各安排…
        resume = _after_aside(sentence, amount.end, clause_end)
        later = [a.start for a in amounts[index + 1:] if resume <= a.start < clause_end]
        end = min(later, default=clause_end)
        if _fills_aside(sentence, amount) and LIST_JOINERS.match(sentence, resume):
            end = resume  # 食品安全（403件）、价格违法（174件）: the words after are the next item's
        clauses.append((clause_start, start))
        post = sentence[resume:end]
        runs_on = bool(later) and end == min(later) and NOUN_RUN.fullmatch(post) is not None and not post.endswith("、")
        part = _parts(_blank(sentence[start:amount.start], cut, start), _blank(post, skip, resume), amount, rules,
                      runs_on)
        part.apart, part.outside = apart, outside
        standard = _paid_standard(sentence, start, amount, post, rules)
        if standard is not None:
            standards[index], part.used = standard
        parts.append(part)
    for index in placed:
        parts[index].before = parts[index].before.removeprefix(DISTRIBUTIVE)  # 兴城市、绥中县各新建…
    # A list of counts with their nouns shares the verb before the first: 评选了14名“名校长”、
    # 21名“名班主任”、28名“名教师” (the later ones have no words of their own before them).
    for index in range(1, len(parts)):
        if clauses[index][0] == clauses[index - 1][0] and not parts[index].before and parts[index - 1].noun \
                and LIST_JOINERS.fullmatch(sentence[clauses[index][1]:amounts[index].start]) \
                and not rules.possessor.search(parts[index - 1].before):
            parts[index].before = parts[index - 1].before
    # Coordinated amounts share the noun and verb of the last: xxx名和xx名学生进入决赛
    # (no noun of their own), xx个县级领导班子、xx个科级领导班子参加… (no verb of their own).
    for index in range(len(parts) - 2, -1, -1):
        following = parts[index + 1]
        if clauses[index + 1][0] != clauses[index][0]:
            continue
        between = sentence[amounts[index].end:amounts[index + 1].start].strip()
        if CONJUNCTIONS.match(between) and amounts[index].unit not in load_rules().divisions:
            parts[index].noun, parts[index].verb = following.noun, following.verb
        elif not parts[index].verb and parts[index].noun and between.endswith(("、", "和", "及", "与")):
            parts[index].verb = following.verb
    # Bare amounts listed after a named one in its unit share its words: 新建幼儿园3所、2所和4所,
    # 绥中县新建学校3所、兴城市5所 (a place between them goes to the locality), and so do bare
    # parts after a total: 共有中小学85所，其中叶柏寿街道12所. A bare count listed right after
    # a named one counts the same thing in its own unit: 保障低保对象1.26万户、2.13万人.
    aside_heads = dict(_aside_heads(sentence, amounts))
    for index in range(1, len(parts)):
        part, named = parts[index], parts[index - 1]
        if index - 1 in aside_heads and index not in aside_heads:
            named = parts[aside_heads[index - 1]]  # 新兵186名（含女兵5名），其中…: the aside is no list
        between = _blank(sentence[amounts[index - 1].end:amounts[index].start], skip, amounts[index - 1].end)
        # 搬迁安置群众412户1480人: a count right after a count is of the same group in another unit.
        listed = clauses[index][0] == clauses[index - 1][0] and (
            CONJUNCTIONS.match(between.strip()) or not between and amounts[index].family == "count")
        if (not (part.before or part.noun or part.verb or part.listed)
                and (amounts[index].unit == amounts[index - 1].unit
                     or listed and amounts[index].family == amounts[index - 1].family == "count")
                and amounts[index].item is None
                and (listed or rules.part_opening.match(between))):
            part.before, part.noun, part.verb = named.before, named.noun, named.verb
    labels: list[Label] = []
    level: int | None = None
    base = ""
    bounds = [0] + [b + 1 for b in breaks if amounts and b < amounts[0].start]
    frame = frame_topic([sentence[start:end - 1] for start, end in zip(bounds, bounds[1:])])
    heading = heading_topic(previous, rules.lead, rules.clause_break)
    runs = [run for _, run in respective_runs(sentence, amounts) if len(run) > 1]
    run_changes: dict[int, regex.Match | None] = {}
    listed_runs: dict[int, str] = {}
    for index, amount in enumerate(amounts):
        clause_start, start = clauses[index]
        head = rules.lead.sub("", _without(sentence, clause_start, amount.start, quiet).strip()).strip()
        between = sentence[start:amount.start].strip()
        # 全年新增4380人，其中第四季度新增1120人: a part's own change, not one of the level before
        change = rules.change.match(head) if not relation_rules().parts_lead.match(
            sentence, clause_start) else None
        compared = level
        run = next((run for run in runs if index in run), None)
        if run is not None:
            # 死亡23人，事故56起，分别比上年下降8.2%和11.5%: the i-th change of the run
            # is of the i-th of as many levels before it, all with the first one's words.
            # An amount after the first may say its own direction (分别增长5.3%和下降2.1%).
            run_changes.setdefault(run[0], change)
            levels = [k for k in range(run[0]) if labels[k].aspect == "level" and labels[k].text]
            own = rules.change.match(_after_join(between)) if index != run[0] else None
            if run_changes[run[0]] and len(levels) >= len(run):
                change, compared = own or run_changes[run[0]], levels[len(levels) - len(run) + run.index(index)]
        level_label = labels[compared].text if compared is not None else None
        # 由2014年的83.2%提高到2015年的92.1%: the verb right after the level may have been
        # taken as its verb (the year keeps the two from running on), so look there too.
        after_level = sentence[amounts[level].end:amount.start].strip() if level == index - 1 else ""
        if level_label and amount.item is None and any(
                rules.to_level.match(words) for words in (between, head, after_level)):
            labels.append(Label(level_label, "level", origin=level))
            continue
        # 完成投资2.86亿元，占年度计划的60.2%，比去年同期的2.41亿元…: a base is compared with the last
        # level in its own measure, not with a share between them
        based = compared if level_label is None or amounts[compared].family == amount.family else next(
            (k for k in range(index - 1, -1, -1)
             if labels[k].aspect == "level" and labels[k].text and amounts[k].family == amount.family), compared)
        if (level_label and amount.item is None and amount.family == amounts[based].family
                and (rules.base_amount.search(sentence, clause_start, amount.start)
                     or rules.base_amount_with.search(sentence, clause_start, amount.start)
                     and rules.base_amount_with_after.match(sentence, amount.end))):
            labels.append(Label(labels[based].text, "level"))  # 比去年的26.3万元, 与…的26.3万元相比: the level compared with
            if labels[based].origin is None:
                # …136.2亿元，较2022年的128.6亿元增长8.9%: the level was reached from the one it is compared with
                labels[based] = replace(labels[based], origin=index)
            if based != compared:
                level = based  # the change after the base is of that level, not of the share
            continue
        if change and level_label and amount.item is None and _comparable(amount, amounts[compared]):
            base = BASE_AMOUNT.sub("", change.group("base") or "") or base
            verb = _change_verb(change.group("verb"), rules)
            suffix = rules.change_suffix.get(amount.family, "")
            yearly = verb.startswith(("年均", "平均"))
            span = rules.yearly_span.search(sentence, clause_start, amount.start) if yearly else None
            if span and not change.group("base"):
                base = span.group()  # 近三年年均增长18.6%: over its own years, not the change's base before
            text = f"{level_label}{'' if yearly else base}{verb}{suffix}"
            labels.append(Label(text, _aspect(amount, amounts[compared], yearly), compared, base or None,
                                -1 if rules.decrease.search(verb) else 1))
            continue
        if (change and amount.family == "points" and index and labels[index - 1].text
                and amounts[index - 1].family == "rate" and amount.item is None):
            # 增长6.5%，比上年回落2.1个百分点: points said of the rate before, itself a change
            verb = _change_verb(change.group("verb"), rules)
            labels.append(Label(f"{labels[index - 1].text}{change.group('base') or ''}{verb}{rules.change_suffix['points']}",
                                "level"))
            continue
        label = standards.get(index) or _level_label(parts[index], amount, rules)
        if not label and run is not None and (not head or run[0] in listed_runs):
            # 制造业、建筑业和教育从业人员位居前列，分别为…: the list is in the clause before
            label = listed_runs.get(run[0]) or _listed_before_run(
                sentence, clause_start, amount, amounts, breaks, skip, rules)
            if label and index == run[0]:
                listed_runs[run[0]] = label
        if not label:
            label = _after_count(sentence, index, amounts, labels, rules) \
                or _borrowed_label(sentence, index, amounts, labels, clause_start, breaks, skip, asides, rules)
        if amount.family == "count" and not amount.item:
            label = _with_topic(label, parts[index], amount, rules, frame,
                                title_topic(sentence[:amount.start], rules.lead), heading)
        labels.append(Label(label, "level"))
        if label:
            level, base = index, ""
    labels = _label_parts(sentence, amounts, labels, parts, asides, aside_heads, rules)
    labels = _label_running_totals(sentence, amounts, labels, rules)
    labels = _label_completion_rates(sentence, amounts, labels, rules)
    labels = _label_respective_items(sentence, amounts, labels, [start for start, _ in clauses], skip, rules,
                                     set(listed_runs))
    return labels


def _paid_standard(sentence: str, start: int, amount: Amount, post: str,
                   rules: LabelRules) -> tuple[str, int] | None:
    """The label of an amount that is the rate something is paid at (户厕改造按照每户1,200元的标准
    → 户厕改造标准（每户）; 按每亩30元标准兑付作业补助资金 → 作业补助标准（每亩）), and how many
    characters after it that takes (的标准); None otherwise."""
    after = rules.standard_after.match(post)  # anchored: fails at once for most amounts
    before = rules.standard_before.search(sentence, start, amount.start) if after is not None else None
    if before is None:
        return None
    words = HAN_RUN.match(post, after.end())
    paid = rules.standard_paid.match(words.group()) if words else None
    words_before = sentence[start:before.start()]
    subject = _trim(words_before, rules)
    if paid and (not subject or words_before.lstrip().startswith(rules.standard_recipient)):
        subject += paid.group("paid")  # 对参与教师…给予补助: who is paid, and what
    per = rules.standard_per.format(before.group("per")) if before.group("per") else ""
    return subject + rules.standard_word + per, after.end()


def _given_aside(sentence: str, index: int, amounts: Sequence[Amount], asides: Sequence[tuple[int, int]],
                 clause_start: int) -> tuple[int, int] | None:
    """The aside right before ``amounts[index]`` that holds the amount before it and nothing else of
    its clause's amounts before it (高于全市平均水平（4.4%）1.2个百分点: the level compared with)."""
    if not asides or not index or any(clause_start <= other.start for other in amounts[:index - 1]):
        return None
    before = amounts[index - 1]
    return next((span for span in asides if span[0] < before.start and before.end < span[1] <= amounts[index].start
                 and not sentence[span[1]:amounts[index].start].strip()), None)


def _listed_before_run(sentence: str, clause_start: int, amount: Amount, amounts: Sequence[Amount],
                       breaks: Sequence[int], skip: Sequence[tuple[int, int]], rules: LabelRules) -> str | None:
    """The label of an amount of a 分别 run whose clause opens with 分别, from the clause
    before when it lists what the run is of and holds no amount: 制造业、建筑业和教育从业人员
    位居前列，分别为… → 制造业、建筑业和教育从业人员 (its items are paired later, see
    :func:`_label_respective_items`); places go to the locality (温岭市、玉环市进出口规模
    位居全市前三，分别为… → 进出口规模)."""
    if not sentence.startswith(load_rules().respectively, clause_start) or not clause_start:
        return None
    start = max((b + 1 for b in breaks if b < clause_start - 1), default=0)
    if any(start <= other.start < clause_start for other in amounts):
        return None
    # a place listed goes with its list word (浙江省、广东省和福建省)
    spans = [(place, joined.end() if (joined := LIST_JOINERS.match(sentence, end)) else end) for place, end in skip]
    words = rules.ranking_tail.sub("", _blank(sentence[start:clause_start - 1], spans, start).strip())
    return _with_suffix(_trim(words, rules, listed=True), amount, rules) or None


def _after_count(sentence: str, index: int, amounts: Sequence[Amount], labels: list[Label],
                 rules: LabelRules) -> str | None:
    """The label of an amount with no words of its own listed right after a count, or joined to it
    by a link word: what that count counts (资助普通高中国家助学金4120人次、412万元 → 资助普通高中国家助学金;
    组建县级卫生应急队伍3支共45人 → 组建县级卫生应急队伍数)."""
    if not index or amounts[index].item or amounts[index - 1].family != "count" or not labels[index - 1].text:
        return None
    previous, amount = amounts[index - 1], amounts[index]
    between = sentence[previous.end:amount.start]
    if not (LIST_JOINERS.fullmatch(between) or rules.link.fullmatch(between)):
        return None
    return _with_suffix(_count_stem(labels[index - 1].text, previous, rules), amount, rules) or None


def _borrowed_label(sentence: str, index: int, amounts: Sequence[Amount], labels: list[Label], clause_start: int,
                    breaks: Sequence[int], skip: Sequence[tuple[int, int]], asides: Sequence[tuple[int, int]],
                    rules: LabelRules) -> str | None:
    """The label of an amount whose clause says nothing of it but how it links (为, 达到,
    力争突破, 控制在): what the clause before names when it ranks first (灌云县60岁及以上人口
    比重最高，为25.36%; its place goes to the locality) or ends in a colon (地区生产总值：1872.36亿元),
    or what it did after its last amount when the clause only sums (发放补贴，共计2160万元);
    else the level before it in its unit (城镇登记失业率为3.4%，控制在4.5%以内), or what the
    rate before it changes (规上工业总产值增长10%以上，力争突破560亿元)."""
    amount = amounts[index]
    if amount.item or not clause_start or _trim(sentence[clause_start:amount.start], rules) \
            or index and rules.running_total.fullmatch(sentence, amounts[index - 1].end, amount.start) \
            and amounts[index - 1].unit == amount.unit and labels[index - 1].text:
        return None  # 新增…136家，累计达到1542家: see _label_running_totals
    span = ranked_clause(sentence, amount.start)
    colon = clause_start - 1
    if span is None and sentence[colon] in COLONS:
        start = max((b + 1 for b in breaks if b < colon), default=0)
        if not any(start <= other.start < colon for other in amounts):
            span = start, colon
    summed = False
    if span is None and rules.sum_opening.match(sentence, clause_start, amount.start):
        done = max((b + 1 for b in breaks if b < clause_start - 1), default=0)
        counted = [other for other in amounts[:index] if done <= other.start]
        # 有4所园存在超班额班级，共7个: a count after a count in the clause before may count
        # another thing, but the sum of another family sums what that clause did
        if not any(other.family == amount.family for other in counted):
            span, summed = (max([done, *(other.end for other in counted)]), clause_start - 1), True
    if span is not None:
        words = _trim(_blank(sentence[span[0]:span[1]], skip, span[0]), rules, listed=summed)
        if words:
            return _with_suffix(words, amount, rules) or None
    for before in range(index - 1, -1, -1):
        label = labels[before].text
        if not label or labels[before].aspect != "level":
            continue
        held = aside_of(asides, amounts[before].start, amounts[before].end)
        if held and held != aside_of(asides, amount.start, amount.end):
            continue  # 新兵186名（含女兵5名），其中上半年79名: not the aside's figure
        if amounts[before].unit == amount.unit:
            return label
        suffix = rules.change_suffix["rate"]
        changed = rules.change_end.search(label.removesuffix(suffix))
        if amounts[before].family == "rate" and label.endswith(suffix) and changed and changed.start():
            return _with_suffix(label[:changed.start()], amount, rules) or None
    return None


def _label_parts(sentence: str, amounts: Sequence[Amount], labels: list[Label], parts: list[_Parts],
                 asides: Sequence[tuple[int, int]], aside_heads: dict[int, int], rules: LabelRules) -> list[Label]:
    """幼儿园118所（公办46所、民办72所）, 在校学生58326人，其中小学39874人: a short word and an
    amount after a named amount of its unit, in an aside or after 其中, are a part of it,
    unless the word names what is counted itself (其中小学50所, 其中女教师3000人) or a kind of
    what the total counts (其中发明专利216件 after 申请专利)."""
    heads = dict(_parts_after_total(sentence, amounts, asides, rules))
    heads.update(aside_heads)  # an aside's head is nearer than the total before 其中
    labels = list(labels)
    for index, head in heads.items():
        before = parts[index].before
        if not (labels[head].text and labels[head].aspect == "level" and amounts[head].unit == amounts[index].unit):
            continue
        if 0 < len(before) <= MAX_RESPECTIVE_ITEM and HAN_WORDS.fullmatch(before) \
                and not _names_counted(before, amounts[index], rules) and before[-2:] not in labels[head].text:
            labels[index] = replace(labels[index], text=before + labels[head].text)
        elif labels[index].text is None and not (before or parts[index].noun or parts[index].verb):
            # 其中米山镇、三甲镇各1个: a part with no words of its own (its place is the locality)
            labels[index] = replace(labels[index], text=labels[head].text)
    return labels


def _label_running_totals(sentence: str, amounts: Sequence[Amount], labels: list[Label],
                          rules: LabelRules) -> list[Label]:
    """新增农民专业合作社136家，累计达到1542家: the second is the total of what the first counted."""
    labels = list(labels)
    for index in range(1, len(amounts)):
        previous, amount = amounts[index - 1], amounts[index]
        found = rules.running_total.fullmatch(sentence, previous.end, amount.start)
        if found and labels[index].text is None and labels[index - 1].text and previous.unit == amount.unit:
            stem = rules.newly.sub("", _count_stem(labels[index - 1].text, previous, rules))
            if amount.family == "count":
                text = stem + rules.running_total_suffixes["total" if found.group("total") else "accumulated"]
            else:
                text = rules.running_total_suffixes["measure"] + stem
            labels[index] = replace(labels[index], text=text)
    return labels


def _label_completion_rates(sentence: str, amounts: Sequence[Amount], labels: list[Label],
                            rules: LabelRules) -> list[Label]:
    """建成充电桩165个，完成55%: the rate is how much of the task the amount before it is done
    (建成充电桩完成率)."""
    labels = list(labels)
    for index in range(1, len(amounts)):
        previous, amount = amounts[index - 1], amounts[index]
        if labels[index].text is None and labels[index - 1].text and amount.family == "rate" \
                and rules.completion.fullmatch(sentence, previous.end, amount.start):
            stem = rules.completion_done.sub("", _count_stem(labels[index - 1].text, previous, rules))
            labels[index] = replace(labels[index], text=stem + rules.completion_suffix)
    return labels


def _label_respective_items(sentence: str, amounts: Sequence[Amount], labels: list[Label],
                            clause_starts: list[int], skip: Sequence[tuple[int, int]],
                            rules: LabelRules, listed_before: set[int] = frozenset()) -> list[Label]:
    """小学、初中生均图书分别为28册和39册: the i-th amount of a 分别 run is of the i-th item
    its shared label (or the words before 分别) lists; places are left to the locality. A run
    labelled by the clause before it (its first in ``listed_before``) may list long items."""
    labels = list(labels)
    places = {sentence[start:end] for start, end in skip}
    for position, run in respective_runs(sentence, amounts):
        text = labels[run[0]].text if len(run) > 1 else None
        if not text or labels[run[0]].aspect != "level":
            continue
        texts = [_own_direction(text, labels[index].text, amounts[index], rules) for index in run]
        head = sentence[clause_starts[run[0]]:position].strip()
        items = _respective_labels(text, (rules.lead.sub("", head), head), len(run), run[0] in listed_before)
        shared = len(text) - len(items[0][1]) if items else 0
        # Each label may end in its own direction; the words before that are the run's.
        if items and not places.intersection(item for item, _tail in items) \
                and all(other and other[:shared] == text[:shared] for other in texts):
            for index, (item, _tail), other in zip(run, items, texts):
                labels[index] = replace(labels[index], text=item + other[shared:])
    return labels


def _after_join(words: str) -> str:
    """``words`` after the join word of a 分别 run they open with (和下降 → 下降)."""
    join = next((join for join in sorted(load_rules().respectively_joins, key=len, reverse=True)
                 if words.startswith(join)), "")
    return words[len(join):]


def _own_direction(first: str, label: str | None, amount: Amount, rules: LabelRules) -> str | None:
    """The label of a later amount of a 分别 run labelled by its own change alone (分别增长5.1%、
    下降0.3% → 下降率): the first's label with that change; else ``label``."""
    suffix = rules.change_suffix.get(amount.family, "")
    if not label or label == first or not suffix or not label.endswith(suffix):
        return label
    verb = label.removesuffix(suffix)
    found = rules.change_end.search(first.removesuffix(suffix))
    if not found or not rules.change_end.match(verb):
        return label
    return first[:found.start()] + verb + suffix


# The items a 分别 run pairs with its amounts are short words of one length (小学、初中…,
# 城镇和农村…): at most this many characters each; items that end in the same two characters
# (工资性收入、经营净收入…) at most MAX_ALIKE_ITEM, the first with the subject they share.
MAX_RESPECTIVE_ITEM = 4
MAX_ALIKE_ITEM = 10
ORDINAL = "第"
SERIES_NUMERALS = "一二三四五六七八九十"


def _respective_labels(label: str, heads: Sequence[str], count: int,
                       long_items: bool = False) -> list[tuple[str, str]] | None:
    """The ``count`` items a shared ``label`` lists (else the words before 分别, ``heads``),
    each with the label's words after the list: ``小学、初中生均图书册数`` →
    [(小学, 生均图书册数), (初中, 生均图书册数)]; ``第一、二、三产业…`` → 第一…, 第二…, 第三…;
    None when none lists such items. ``long_items``: the label is a list before its run, whose
    items may be as long as alike ones."""
    for words in (label, *heads):
        pieces = list_separator().split(words, maxsplit=count - 1)[::2]
        alike = len(pieces) == count and len({piece[-2:] for piece in pieces}) == 1 and len(pieces[0]) > 2
        # A list of names longer than short words (地区生产总值、一般公共预算收入) names each whole,
        # unless only its first is long, as where it holds the verb (评审通过高级、中级、初级职称).
        whole = words is not label and len(pieces) == count \
            and max(map(len, pieces[:-1])) > MAX_RESPECTIVE_ITEM \
            and not (count > 2 and all(len(piece) <= 2 for piece in pieces[1:-1]))
        longest = MAX_ALIKE_ITEM if alike and words is not label or whole or long_items else MAX_RESPECTIVE_ITEM
        if len(pieces) != count or not all(
                0 < len(item) <= longest and HAN_WORDS.fullmatch(item) for item in pieces[:-1]):
            continue
        items, rest = pieces[:-1], pieces[-1]
        if items[0][-1] in SERIES_NUMERALS and rest[:1] in SERIES_NUMERALS \
                and all(item in SERIES_NUMERALS for item in items[1:]):
            # numerals of one series, 第 written once: 第一、二、三产业, 一、二、三等奖
            mark = ORDINAL if items[0][-2:-1] == ORDINAL else ""
            surface = rest[0]
            names = [mark + item[-1] for item in [*items, surface]]
        else:
            # The last item ends as the others do where they all end alike (工业和服务业增长率),
            # else it is as long as the item before it (小学、初中生均图书).
            ending = items[0][-1] if all(item[-1] == items[0][-1] for item in items) else ""
            if whole and not alike:
                # the last name ends as the others do (限上住宿业、餐饮业营业额), else it is all of it
                end = rest.find(ending, 1) + 1 if ending else 0
                surface = rest[:end] if end else rest
            else:
                end = rest.find(ending, len(items[-1]) - 1, MAX_RESPECTIVE_ITEM) if ending else -1
                surface = rest if alike and words is not label else rest[:end + 1] if end != -1 else rest[:len(items[-1])]
            names = [*items, surface]
        # The last item stands where the label's list ends, or where a label without the list opens.
        found = len(label) - len(rest) if words is label else label.find(surface)
        tail = label[found + len(surface):] if found != -1 else ""
        # Words of the list's own after its last item (小学、初中生均图书), or a head that is
        # the list alone, whose last item opens the label (第二产业、第三产业分别实现税收);
        # items ending alike, as they do when each is whole (not 拉丁美洲、非洲出口).
        # So is a head whose list runs to its end, its items ending in the same words
        # (农村居民工资性收入、经营净收入和转移净收入分别增长…), or whole names whose last the
        # label opens with (地区生产总值、一般公共预算收入分别增长 → 一般公共预算收入增长率).
        if tail and (len(rest) > len(surface) or words is not label and found == 0
                     and all(item[-1] == surface[-1] for item in items)
                     or words is not label and alike and rest == surface
                     or whole and found != -1 and words.endswith(label[:found + len(surface)])):
            return [(name, tail) for name in names]
    return None


def _with_topic(label: str | None, parts: _Parts, amount: Amount, rules: LabelRules,
                frame: str | None, title: str | None, heading: str | None) -> str | None:
    """``label`` after the topic a frame clause, a document title or a heading sets for it
    (tracker/topics.py), where its own words need one and do not name it already."""
    if frame and not parts.before.startswith(frame):
        topic = frame  # 在技能大赛上，共有7人获一等奖: the frame covers every count after it.
    elif not needs_topic(parts.noun, label):
        return label
    elif title and not parts.before and not parts.verb and (not parts.noun or parts.noun in rules.document_parts):
        topic = title  # 印发《工作要点》…共计十个方面42条: the items are the document's.
    elif heading and not title:
        topic = heading
    else:
        return label
    if label and topic in label:
        return label
    if label:
        return topic + label
    # The topic is not the counted thing but what the items belong to: 工作要点 → 工作要点条数.
    return topic + rules.count_suffix_by_unit.get(amount.unit, amount.unit + rules.count_suffix)


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a character written otherwise in simplified Chinese (學, 萬)."""
    return _traditional_characters().search(text) is not None


def simplified(label: str) -> str:
    """``label`` in simplified characters (城鄉義務教育 → 城乡义务教育), by OpenCC's t2s."""
    return _to_simplified().convert(label) if has_traditional(label) else label


@cache
def _to_simplified():
    import opencc  # loaded only for a document in traditional characters

    return opencc.OpenCC("t2s")


@cache
def _traditional_characters() -> re.Pattern:
    # Every CJK character that t2s changes, found once by converting them all, one a line; as
    # one character class (a search of a document's text costs a tenth of a set's isdisjoint).
    characters = [chr(code) for code in range(0x4E00, 0xA000)]
    converted = _to_simplified().convert("\n".join(characters)).split("\n")
    kept = load_seed("labels.toml")["traditional"]["simplified_too"]
    return re.compile("[" + "".join(c for c, s in zip(characters, converted) if c != s and c not in kept) + "]")


def _aside_heads(sentence: str, amounts: Sequence[Amount]) -> list[tuple[int, int]]:
    """(index, head) of each amount inside an aside that opens right after the amount ``head``
    (幼儿园118所（公办46所、民办72所）)."""
    pairs = []
    for head, amount in enumerate(amounts):
        if sentence[amount.end:amount.end + 1] in ASIDE:
            closing = sentence.find(ASIDE[sentence[amount.end]], amount.end)
            end = closing if closing != -1 else len(sentence)
            pairs += [(index, head) for index in range(head + 1, len(amounts)) if amounts[index].end <= end]
    return pairs


def _parts_after_total(sentence: str, amounts: Sequence[Amount], asides: Sequence[tuple[int, int]],
                       rules: LabelRules) -> list[tuple[int, int]]:
    """(index, total) of each count after 其中 whose total, the last amount of its unit
    before 其中 and outside an aside, is named (other parts are named by their own nouns:
    其中通组公路264公里)."""
    opening = relation_rules().parts_open.search(sentence)
    if opening is None:
        return []
    pairs = []
    for index, amount in enumerate(amounts):
        if amount.start < opening.end() or amount.family != "count":
            continue
        # 新兵186名（含女兵5名），其中…: the total is not the aside's
        total = next((k for k in range(index - 1, -1, -1) if amounts[k].end <= opening.start()
                      and amounts[k].unit == amount.unit
                      and not aside_of(asides, amounts[k].start, amounts[k].end)), None)
        if total is not None:
            pairs.append((index, total))
    return pairs


def _names_counted(word: str, amount: Amount, rules: LabelRules) -> bool:
    # 女教师 of 人, 医院 of 个, 小学 of 所: the word ends in a head of what is counted (a school
    # is one of an institution's).
    heads = rules.unit_heads.get(amount.unit, "")
    return amount.family == "count" and (word[-1] in heads or word[-1] in rules.count_heads
                                         or "校" in heads and word.endswith(rules.school_nouns))


def _count_stem(label: str, amount: Amount, rules: LabelRules) -> str:
    """A count's label without its counting suffix (新增农民专业合作社家数 → 新增农民专业合作社)."""
    for suffix in (rules.count_suffix_by_unit.get(amount.unit, ""), amount.unit + rules.count_suffix,
                   rules.count_suffix):
        if suffix and label.endswith(suffix):
            return label[:-len(suffix)]
    return label


def _comparable(amount: Amount, level: Amount) -> bool:
    # 增加一次投档机会 after 万分之一 is not a change of it: a change has the level's
    # family, a rate of change is a %, a change of a rate may be in points.
    return amount.family in (level.family, "rate") or (amount.family == "points" and level.family == "rate")


def _aspect(amount: Amount, level: Amount, yearly: bool) -> str:
    """What a change amount states of its level: the change itself, a growth rate, an
    average annual rate, or a change in percentage points."""
    if amount.family == "points":
        return "pp_change"
    if amount.family == "rate" and (level.family != "rate" or yearly):
        return "cagr" if yearly else "growth"
    if amount.family == "rate" and level.family == "rate":
        return "growth"  # 比上年提高2%: a relative growth or points written as %; the checks try both
    return "change"
