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

from dataclasses import dataclass
from functools import cache
from typing import Sequence

import regex

from tracker.extracting import Amount
from tracker.rules import load_seed


@dataclass(frozen=True)
class LabelRules:
    """The compiled rules of seeds/labels.toml."""

    clause_break: regex.Pattern
    lead: regex.Pattern
    link: regex.Pattern
    noun_stop: regex.Pattern
    verb_stop: regex.Pattern
    filler: regex.Pattern
    count_heads: str
    count_suffix_by_unit: dict[str, str]
    count_suffix: str
    rate_heads: tuple[str, ...]
    rate_suffix: str
    area_suffix: str
    change: regex.Pattern
    decrease: regex.Pattern
    change_suffix: dict[str, str]
    to_level: regex.Pattern
    unit_heads: dict[str, str]


@cache
def label_rules() -> LabelRules:
    """The label rules, read once."""
    seed = load_seed("labels.toml")
    return LabelRules(
        clause_break=regex.compile("[" + regex.escape(seed["clause_breaks"]) + "]"),
        lead=regex.compile(seed["lead"]),
        link=regex.compile(seed["link"]),
        noun_stop=regex.compile(seed["noun_stops"]),
        verb_stop=regex.compile(seed["verb_stops"]),
        filler=regex.compile(seed["filler"]),
        count_heads=seed["count_heads"],
        count_suffix_by_unit=seed["count_suffix_by_unit"],
        count_suffix=seed["count_suffix"],
        rate_heads=tuple(seed["rate_heads"]),
        rate_suffix=seed["rate_suffix"],
        area_suffix=seed["area_suffix"],
        change=regex.compile(seed["change"]),
        decrease=regex.compile(seed["decrease"]),
        change_suffix=seed["change_suffix"],
        to_level=regex.compile(seed["to_level"]),
        unit_heads=seed["unit_heads"],
    )


HAN_RUN = regex.compile(r"[\p{Han}A-Za-z“”\"‘’、]+")
QUOTES = "“”\"‘’、 "
CONJUNCTIONS = regex.compile(r"^(?:和|及|与|或|、|以及)$")
EDGES = regex.compile(r"^[^\p{Han}A-Za-z0-9“”]+|[^\p{Han}A-Za-z0-9“”]+$")
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


def _blank(text: str, spans: Sequence[tuple[int, int]], offset: int) -> str:
    """``text`` (starting at ``offset`` of its sentence) without the characters of ``spans``."""
    keep = [True] * len(text)
    for start, end in spans:
        for index in range(max(start - offset, 0), min(end - offset, len(text))):
            keep[index] = False
    return "".join(ch for ch, kept in zip(text, keep) if kept)


def _trim(text: str, rules: LabelRules) -> str:
    """The clause words without their opening and their link to the amount."""
    previous = None
    while previous != text:
        previous = text
        text = rules.link.sub("", rules.lead.sub("", text.strip()))
    text = EDGES.sub("", text.strip(QUOTES))
    if len(text) > MAX_BEFORE and "、" in text:
        text = text.rsplit("、", 1)[1]
    return _drop_aspect(text, rules)


def _drop_aspect(text: str, rules: LabelRules) -> str:
    # 进行了维修改造 → 维修改造: the label names the action, not its aspect.
    return rules.filler.sub("", text) if text else text


def _parts(pre: str, post: str, amount: Amount, rules: LabelRules, runs_on: bool = False) -> _Parts:
    """The words before the amount, the counted noun after it and the verb after that noun;
    ``runs_on`` when ``post`` runs straight into another amount, whose words the rest are
    (54所实项目学校|预算投入资金6001万)."""
    # 煤化工等xx个示范专业: the words before 等 are examples, not the measured thing.
    before = "" if pre.rstrip().endswith("等") else _trim(pre, rules)
    prefix = len(post) - len(post.removeprefix("的"))
    run = HAN_RUN.match(post, prefix)
    words = run.group().rstrip("、") if run else ""
    stop = rules.noun_stop.search(words)
    whole_noun = words[:stop.start()] if stop else words
    noun = whole_noun
    heads = rules.unit_heads.get(amount.unit)
    if heads and amount.family == "count":
        # 2所高校毕业生就业率: the count is of 高校, up to its last head.
        found = list(regex.finditer(f"[{regex.escape(heads)}]", noun))
        if found:
            noun = noun[:found[-1].end()]
    if runs_on:
        # A、B等xx个C: what follows the last 、 opens the next amount's item.
        noun = noun.rsplit("、", 1)[0] if "、" in noun else noun
        return _Parts(before, noun.strip(QUOTES), "", prefix + len(noun))
    verb = words[len(whole_noun):].removeprefix("的")
    verb_stop = rules.verb_stop.search(verb, 1)
    verb = verb[:verb_stop.start()] if verb_stop else verb
    used = prefix + len(whole_noun) + len(verb)
    verb = rules.link.sub("", _drop_aspect(verb, rules))[:MAX_VERB]
    return _Parts(before, noun.strip(QUOTES), verb.strip(QUOTES), used)


def _with_suffix(label: str, amount: Amount, rules: LabelRules) -> str:
    """A count's label ends in 数 (or its measure word and 数), a rate's in a rate word."""
    if not label:
        return label
    if amount.family == "count":
        if label.endswith(("数", "人次")):
            return label
        if label[-1] in rules.count_heads:
            return label + rules.count_suffix
        return label + rules.count_suffix_by_unit.get(amount.unit, amount.unit + rules.count_suffix)
    if amount.family == "rate" and not label.endswith(rules.rate_heads):
        return label + rules.rate_suffix
    if amount.family == "area" and not label.endswith(rules.area_suffix):
        return label + rules.area_suffix
    return label


def counted_nouns(label: str, unit: str) -> list[str]:
    """The nouns a count's label may have been built from, longest first
    (中心小学学校数 → 中心小学学校, 中心小学; 普通高中处数 → 普通高中处, 普通高中)."""
    rules = label_rules()
    suffixes = (rules.count_suffix, unit + rules.count_suffix, rules.count_suffix_by_unit.get(unit, ""))
    return [label[: -len(suffix)] for suffix in suffixes if suffix and label.endswith(suffix) and len(label) > len(suffix)]


def _level_label(parts: _Parts, amount: Amount, rules: LabelRules) -> str | None:
    if amount.item:
        return _with_suffix(_trim(amount.item, rules), amount, rules) or None
    noun, verb = parts.noun, parts.verb
    if amount.family == "money" and parts.before:
        noun, verb = "", ""  # 投入资金3亿元,启动…: the money is named before its amount.
    if amount.family not in ("count", "rate", "money", "area"):
        noun, verb = "", ""
    if noun:
        label = parts.before + (verb + "的" if verb else "") + noun
    else:
        label = parts.before + (verb if amount.family == "count" else "")
    return _with_suffix(label, amount, rules) or None


def label_amounts(sentence: str, amounts: Sequence[Amount], skip: Sequence[tuple[int, int]] = ()) -> list[Label]:
    """The metric label of each of ``amounts`` (in sentence order), with what it states
    of an earlier level of the sentence; ``skip`` holds spans left out of labels (place
    names, which go into the claim's locality)."""
    rules = label_rules()
    breaks = [m.start() for m in rules.clause_break.finditer(sentence)]
    clauses, parts = [], []
    for index, amount in enumerate(amounts):
        clause_start = max((b + 1 for b in breaks if b < amount.start), default=0)
        clause_end = min((b for b in breaks if b >= amount.end), default=len(sentence))
        start = clause_start
        if index and clause_start <= amounts[index - 1].end <= amount.start:
            # The words right after the previous amount are its noun and verb, not ours.
            start = min(amounts[index - 1].end + parts[-1].used, amount.start)
        later = [a.start for a in amounts[index + 1:] if amount.end <= a.start < clause_end]
        end = min(later, default=clause_end)
        clauses.append((clause_start, start))
        post = sentence[amount.end:end]
        runs_on = bool(later) and end == min(later) and HAN_RUN.fullmatch(post) is not None and not post.endswith("、")
        parts.append(_parts(_blank(sentence[start:amount.start], skip, start),
                            _blank(post, skip, amount.end), amount, rules, runs_on))
    # Coordinated amounts share the noun and verb of the last: xxx名和xx名学生进入决赛
    # (no noun of their own), xx个县级领导班子、xx个科级领导班子参加… (no verb of their own).
    for index in range(len(parts) - 2, -1, -1):
        following = parts[index + 1]
        if clauses[index + 1][0] != clauses[index][0]:
            continue
        between = sentence[amounts[index].end:amounts[index + 1].start].strip()
        if CONJUNCTIONS.match(between):
            parts[index].noun, parts[index].verb = following.noun, following.verb
        elif not parts[index].verb and parts[index].noun and between.endswith(("、", "和", "及", "与")):
            parts[index].verb = following.verb
    labels: list[Label] = []
    level: int | None = None
    base = ""
    for index, amount in enumerate(amounts):
        clause_start, start = clauses[index]
        head = rules.lead.sub("", sentence[clause_start:amount.start].strip()).strip()
        between = sentence[start:amount.start].strip()
        change = rules.change.match(head)
        level_label = labels[level].text if level is not None else None
        # 由2014年的83.2%提高到2015年的92.1%: the verb right after the level may have been
        # taken as its verb (the year keeps the two from running on), so look there too.
        after_level = sentence[amounts[level].end:amount.start].strip() if level == index - 1 else ""
        if level_label and amount.item is None and any(
                rules.to_level.match(words) for words in (between, head, after_level)):
            labels.append(Label(level_label, "level", origin=level))
            continue
        if change and level_label and amount.item is None and _comparable(amount, amounts[level]):
            base = change.group("base") or base
            verb = change.group("verb")
            suffix = rules.change_suffix.get(amount.family, "")
            yearly = verb.startswith(("年均", "平均"))
            text = f"{level_label}{'' if yearly else base}{verb}{suffix}"
            labels.append(Label(text, _aspect(amount, amounts[level], yearly), level, base or None,
                                -1 if rules.decrease.search(verb) else 1))
            continue
        label = _level_label(parts[index], amount, rules)
        labels.append(Label(label, "level"))
        if label:
            level, base = index, ""
    return labels


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
