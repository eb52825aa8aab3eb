"""Relations between claims that the text states (claim_links).

- a level and what a comparison says of it: ``change`` (比2011年增加了8.16亿元),
  ``growth`` (增长37.81%), ``cagr`` (年均递增6.62%), ``pp_change`` (提高了9个百分点),
  with the base year; ``from_to`` (由43%提高到65%);
- a total and its parts, ``part``: ``共有…76处,其中…``, a list closed by ``合计``,
  a total paid ``分四步`` in the sentences that follow;
- ``part_of_whole``: ``对94所项目学校中的78所``;
- ``share``: ``占全市总人口的七分之一`` (the share and the amount it is a share of).

Head and tail are indices into the document's claims; patterns are in
seeds/relations.toml.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import regex

from tracker.extracting import ASIDE, DIGIT, respective_runs, stated_totals
from tracker.rules import clause_break_class, load_rules, load_seed
from tracker.segmenting import on_one_line

YEAR = regex.compile(r"((?:19|20)[0-9]{2})\s*年")
CLAUSE_BREAK = regex.compile(clause_break_class("，,；;：:"))
BRACKET = regex.compile("[" + regex.escape("".join(ASIDE) + "".join(ASIDE.values())) + "]")
# How far before an amount the words that put it in or out of a sum are looked for.
WORDS_BEFORE = 24
# What may stand between a breakdown's total and its 其中 (…基地68个，其中…).
LIST_SEPARATORS = " ，,、；;：:"
DIGIT_CHARACTER = regex.compile(DIGIT)
BOUNDS = ("at_least", "more_than", "less_than")
# How far before an amount a ranking clause ends (最高，为).
RANKED_REACH = 8


@dataclass(frozen=True)
class ExtractedLink:
    """A relation from claim ``head`` to claim ``tail`` (indices of the document's claims)."""

    relation: str
    head: int
    tail: int
    base_year: int | None = None
    detail: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class RelationRules:
    """The compiled patterns of seeds/relations.toml."""

    parts_open: regex.Pattern
    total_before: regex.Pattern
    total_close: regex.Pattern
    steps: regex.Pattern
    step: regex.Pattern
    whole_of: regex.Pattern
    share: regex.Pattern
    share_of_whole: regex.Pattern
    share_of_plan: regex.Pattern
    share_of_change: regex.Pattern
    share_of_measure: regex.Pattern
    share_whole_measure: regex.Pattern
    outside_sums: regex.Pattern
    parts_end: regex.Pattern
    real_growth: regex.Pattern
    real_growth_metrics: regex.Pattern
    parts_lead: regex.Pattern
    nested_open: regex.Pattern
    ranked: regex.Pattern
    ranked_mark: str
    additive_families: frozenset[str]
    partitions: tuple[tuple[regex.Pattern, ...], ...]
    residual_part: regex.Pattern
    table_total_rows: regex.Pattern
    table_part_breaks: regex.Pattern
    table_average_columns: regex.Pattern
    base_kinds: dict[str, regex.Pattern]


@cache
def relation_rules() -> RelationRules:
    """The relation patterns, read once."""
    seed = load_seed("relations.toml")
    patterns = {name: regex.compile(seed[name]) for name in RelationRules.__dataclass_fields__
                if name not in ("additive_families", "base_kinds", "ranked_mark", "partitions")}
    return RelationRules(**patterns, additive_families=frozenset(seed["additive_families"]),
                         partitions=tuple(tuple(regex.compile(member) for member in group)
                                          for group in seed["partitions"]["groups"]),
                         ranked_mark=seed["ranked_mark"],
                         base_kinds={kind: regex.compile(words) for kind, words in seed["base_kinds"].items()})


def base_kind(base: str | None) -> str | None:
    """What a comparison is made against: a year (比2011年 → "2011"), a kind of seeds'
    ``base_kinds`` (同比 → "year", 比年初 → "year_start"), else the base as written
    (比预算数); None when it does not say."""
    if not base:
        return None
    found = YEAR.search(base)
    if found:
        return found.group(1)
    return next((kind for kind, words in relation_rules().base_kinds.items() if words.search(base)), base)


def ranked_clause(sentence: str, start: int) -> tuple[int, int] | None:
    """Where the words naming what ranks first stand, for an amount at ``start`` whose own
    clause only gives it (其中海州区最高，为91.2% → 其中海州区): the clause before, without its
    ranking word; None for any other amount."""
    window = max(0, start - RANKED_REACH)
    rules = relation_rules()
    if rules.ranked_mark not in sentence[window:start]:
        return None  # most amounts: no ranking word right before them
    linked = rules.ranked.search(sentence, window, start)
    if linked is None:
        return None
    end = linked.start()
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, end)]
    return (breaks[-1] if breaks else 0), end


def aside_spans(sentence: str) -> list[tuple[int, int]]:
    """The outermost asides in brackets of ``sentence``, as spans with their brackets
    (an aside left open is none)."""
    spans: list[tuple[int, int]] = []
    if not BRACKET.search(sentence):
        return spans  # most sentences hold none
    depth, start = 0, 0
    for bracket in BRACKET.finditer(sentence):
        if bracket.group() in ASIDE:
            start = bracket.start() if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, bracket.end()))
    return spans


def aside_of(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The aside of ``spans`` that holds ``start``…``end``, if any."""
    return next((span for span in spans if span[0] < start and end <= span[1]), None)


def _said_before(pattern: regex.Pattern, text: str, start: int) -> bool:
    """Whether ``pattern`` ends right before ``start`` of ``text``, within ``WORDS_BEFORE``."""
    return pattern.search(text, max(0, start - WORDS_BEFORE), start) is not None


def _outside_sums(text: str, start: int) -> bool:
    """Whether the amount at ``start`` of ``text`` is neither a total nor a part, by the words
    before it (人均, 约合, 多增, 比去年的: seeds' ``outside_sums``)."""
    return _said_before(relation_rules().outside_sums, text, start)


def base_year(base: str | None, year: int | None) -> int | None:
    """The year a comparison is made against: ``比2011年`` → 2011, ``比上年`` and ``同比`` → year - 1."""
    if not base:
        return None
    found = YEAR.search(base)
    if found:
        return int(found.group(1))
    if year is not None and relation_rules().base_kinds["year"].search(base):  # 比上年末 too
        return year - 1
    return None


def said_of(labels: list) -> dict[int, int]:
    """For each label of a change (aspect not ``level``, with an origin), the index of the level
    it is said of: where a from → to chain starting at its origin went (由43%提高到65%,提高了22个
    百分点: of 65%), else its origin."""
    reached: dict[int, int] = {}  # a chain's start, by the last level it reached
    levels = {}
    for offset, label in enumerate(labels):
        if label.origin is None:
            continue
        if label.aspect == "level":
            reached[label.origin] = offset
        else:
            levels[offset] = reached.get(label.origin, label.origin)
    return levels


def comparison_links(first: int, labels: list, year_of, sentence: str = "") -> list[ExtractedLink]:
    """Links from one sentence's labels: the document's claim ``first + i`` has ``labels[i]``;
    ``year_of(claim index)`` gives a claim's year, for bases such as 比上年. A growth rate
    at comparable prices (said in ``sentence``, or of 地区生产总值) has ``real`` in its detail."""
    rules = relation_rules()
    links = []
    levels = said_of(labels)
    for offset, label in enumerate(labels):
        if label.origin is None:
            continue
        head, tail = first + label.origin, first + offset
        if label.aspect == "level":
            links.append(ExtractedLink("from_to", head, tail))
        else:
            head = first + levels[offset]
            detail = {"direction": label.direction, "base": label.base}
            if label.aspect in ("growth", "cagr") and (rules.real_growth.search(sentence)
                                                       or rules.real_growth_metrics.search(label.text or "")):
                detail["real"] = True
            links.append(ExtractedLink(label.aspect, head, tail, base_year(label.base, year_of(head)), detail))
    return links


def sentence_part_links(sentence: str, amounts: list, first: int, families: list[str],
                        aspects: list[str]) -> list[ExtractedLink]:
    """Totals and parts inside one sentence: ``共有…76处,其中…`` and a list closed by ``合计``;
    parts of a whole (``94所…中的78所``); shares (``占…的63%``). ``aspects`` are the amounts'
    (only levels are totals, parts and the holders of shares). An aside in brackets
    (``幼儿园118所（公办46所、民办72所）``) breaks down the amount before it: its amounts
    are parts of that one only."""
    rules = relation_rules()
    links: list[ExtractedLink] = []
    asides = aside_spans(sentence)
    listed: list[int] = []  # the parts listed after 其中

    def summable(index: int) -> bool:
        # a range (在96人至312人之间) adds up to no one figure
        return (aspects[index] == "level" and families[index] in rules.additive_families
                and amounts[index].value_high is None and not _outside_sums(sentence, amounts[index].start))

    opening = rules.parts_open.search(sentence)
    if opening:
        # 三级医院9个（其中三级甲等医院5个）: after 其中 in an aside, its parts are the aside's
        aside = aside_of(asides, opening.start(), opening.end())
        # 新兵186名（含女兵5名），其中…: the total is not an aside's own figure
        before = [i for i, a in enumerate(amounts) if a.end <= (aside[0] if aside else opening.start())
                  and (aside is not None or not aside_of(asides, a.start, a.end))]
        after = [i for i, a in enumerate(amounts) if a.start >= opening.end()
                 and (a.end <= aside[1] if aside else not aside_of(asides, a.start, a.end))]
        ended = next((n for n, i in enumerate(after) if _said_before(rules.parts_end, sentence, amounts[i].start)), None)
        after = after[:ended]
        following = rules.parts_open.search(sentence, opening.end())
        if following:
            # …，其中…分别新造6200亩…，新建连片基地68个，其中千亩以上基地9个: a second breakdown's
            # total (the amount right before its 其中) and parts are not the first's
            after = [i for i in after if amounts[i].end <= following.start()]
            if after and not sentence[amounts[after[-1]].end:following.start()].strip(LIST_SEPARATORS):
                after = after[:-1]
        # 326亿元，比上年增长8.7%，其中…: a change of the total stands between it and its parts; so
        # may a level in another unit (演练126场次，参演人员2.3万余人次，其中区级演练2场次…;
        # 38.5万株，完成年度任务的107%，其中…). Past these, only a list of parts is the total's: one
        # part may be of a whole the words name (手术1.36万台次，同比增长15.8%，其中三、四级手术
        # 5219台次，占住院手术总量的41.2%).
        stated = len(before)
        while before and after and (aspects[before[-1]] != "level" or len(before) > 1 and _between_total(
                amounts[before[-1]], families[before[-1]], amounts[after[0]], families[after[0]], rules)):
            before = before[:-1]
        if before and after and summable(before[-1]) and not _parallel_totals(sentence, amounts, before, rules):
            total = before[-1]
            # the one amount before 其中 (or the one a word says is a total), or the one in the parts'
            # unit (项目14个，搬迁群众2,386户，其中郊区968户…), where no bound stands among them: a
            # threshold names what parts of another kind are of (83个村…均达到10万元以上，其中12个村…
            # 超过50万元; 年产值超过10亿元的企业46家，其中超过50亿元的8家)
            named = rules.total_before.search(sentence[:amounts[total].start]) or len(before) == 1
            if named or all(amounts[i].approx not in BOUNDS for i in before) \
                    and all(amounts[i].unit != amounts[total].unit for i in before[:-1]):
                parts = [i for i in after if families[i] == families[total]
                         and amounts[i].unit == amounts[total].unit and summable(i)]
                # of such a total, only the list right after 其中 (…2,136.8亩，全部落实占补平衡，落实
                # 补充耕地2,150.3亩 goes on to another thing)
                parts = _listed_run(parts, sentence, amounts, total, joined=not named)
                leads = _leads(sentence, opening.end(), [(amounts[i].start, amounts[i].end) for i in parts])
                links += _part_links(first, total, parts, amounts, "其中", leads)
                listed = parts if len(parts) > 1 else []
                if len(parts) == 1 and not amounts[parts[0]].item and len(before) == stated:
                    # one part named after 其中 is no sum, but it cannot pass its whole
                    links.append(ExtractedLink("part_of_whole", first + total, first + parts[0]))
    for index, amount in enumerate(amounts):
        # the last part stands right before (not 其余8个项目合计4.30亿元, itself a part)
        if (index and families[index] in rules.additive_families and amounts[index - 1].unit == amount.unit
                and rules.total_close.search(sentence[amounts[index - 1].end:amount.start])):
            parts = [i for i in range(index) if amounts[i].unit == amount.unit and summable(i)
                     and not aside_of(asides, amounts[i].start, amounts[i].end)]
            links += _part_links(first, index, parts, amounts, "合计")
    for index in range(1, len(amounts)):
        between = sentence[amounts[index - 1].end:amounts[index].start]
        if rules.whole_of.fullmatch(between) and families[index] == families[index - 1] == "count":
            links.append(ExtractedLink("part_of_whole", first + index - 1, first + index))
    breaks = None
    for index, amount in enumerate(amounts):
        whole = rules.share.search(sentence[:amount.start])
        if not whole or families[index] not in ("rate", "fraction", "ratio"):
            continue
        if breaks is None:  # a break inside an aside does not end the holder's clause
            breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence) if not aside_of(asides, m.start(), m.end())]
        # The share's holder is in its clause (全市有X所,占…), or ends the clause before a bare 占…
        clause = max((end for end in breaks if end <= whole.start()), default=0)
        subject = sentence[clause:whole.start()].strip()
        if subject in load_rules().qualifiers_before:
            subject = ""  # 约占: a qualifier, not the holder's name
        low = clause if subject else max((end for end in breaks if end <= clause - 1), default=0)
        own_aside = aside_of(asides, amount.start, amount.end)
        of = whole.group("of")
        # a share of an increase (占各项存款增量的63.5%) is held by a change; any other by a level,
        # across a clause that only changes it (1,135户，较上年增加126户，占…的12.0%)
        changed = bool(rules.share_of_change.search(of))
        candidates = [i for i, a in enumerate(amounts)
                      if a.end <= whole.start() and families[i] != families[index]
                      and aside_of(asides, a.start, a.end) in (None, own_aside)]
        # 4个主产镇种植面积占全县的79.4%: the share is of the towns' area, not of their count
        candidates = [i for i in candidates if families[i] != "count"
                      or not (rules.share_of_measure.search(sentence, amounts[i].end, whole.start())
                              or rules.share_whole_measure.search(of))]
        holders = [i for i in candidates if amounts[i].start >= low and (aspects[i] == "level") != changed]
        if not holders and not subject and not changed:
            low = max((end for end in breaks if end <= low - 1), default=0)
            holders = [i for i in candidates if amounts[i].start >= low and aspects[i] == "level"]
        if holders and load_rules().respectively in sentence:
            holders = _run_total(sentence, amounts, holders[-1], whole.start())
        if holders and listed and holders[-1] == listed[-1]:
            # 其中进口287.4亿元、出口25.2亿元，占全区…总额的60%左右: the last part's, or the total's
            holders = []
        if holders:
            detail = {"of": of, "of_whole": bool(rules.share_of_whole.match(of))}
            if rules.share_of_plan.search(of):
                detail["of_plan"] = True
            links.append(ExtractedLink("share", first + holders[-1], first + index, detail=detail))
    return links


def _between_total(level, family: str, part, part_family: str, rules: RelationRules) -> bool:
    """Whether ``level`` may stand between a total and the first of its parts (``part``): a
    rate (完成年度任务的107%) or a count in another unit (参演人员2.3万余人次), not a measure
    that parts of another kind may be of (年产值超过10亿元的企业达到46家，其中超过50亿元的8家)."""
    return level.unit != part.unit and (family == part_family or family not in rules.additive_families)


def _run_total(sentence: str, amounts: list, holder: int, share_start: int) -> list[int]:
    """``[holder]``, unless it ends a run after 分别 that a share follows with no 分别 of its own
    and an amount before the run states what the run adds up to (共有生产企业269家，分别为96家、
    74家、58家、41家，占全市的65.3%): that amount holds the share."""
    word = load_rules().respectively
    for position, run in respective_runs(sentence, amounts):
        if not run or run[-1] != holder or word in sentence[amounts[holder].end:share_start]:
            continue
        return stated_totals(amounts, run)[-1:] or [holder]
    return [holder]


def _listed_run(parts: list[int], sentence: str, amounts: list, total: int, joined: bool = False) -> list[int]:
    """``parts`` cut to the list right after 其中 (its items joined by 、, no clause between them)
    where that list adds up to the total (or, when ``joined``, in any case): 监测点56个，其中国家级1个、
    省级5个、县级50个，…在9个镇布设监测点30个 (the clauses after it say other things of the same kind)."""
    cut = next((n for n in range(1, len(parts))
                if CLAUSE_BREAK.search(sentence, amounts[parts[n - 1]].end, amounts[parts[n]].start)), len(parts))
    if joined:
        return parts[:cut]
    if 1 < cut < len(parts) and sum(amounts[i].value for i in parts[:cut]) == amounts[total].value:
        return parts[:cut]
    return parts


def _parallel_totals(sentence: str, amounts: list, before: list[int], rules: RelationRules) -> bool:
    """Two totals side by side, each introduced as one (一年级共报名3086人，七年级共报名2215人，
    其中…): the parts after 其中 may be of either or of both, so of neither for sure."""
    if len(before) < 2:
        return False
    last, previous = amounts[before[-1]], amounts[before[-2]]
    return (previous.unit == last.unit
            and all(rules.total_before.search(sentence[:a.start]) for a in (previous, last))
            and bool(CLAUSE_BREAK.search(sentence, previous.end, last.start)))


def _part_links(first: int, total: int, parts: list[int], amounts: list, form: str,
                leads: list[str] | None = None) -> list[ExtractedLink]:
    if len(parts) < 2 and not any(amounts[i].item for i in parts):
        return []
    whole = leads is not None and covers_whole(leads)
    return [_part_link(first + total, first + i, form, n, amounts[i].item, [amounts[i].start, amounts[i].end], whole)
            for n, i in enumerate(parts)]


def _part_link(total: int, part: int, form: str, order: int, item: str | None = None,
               span: list[int] | None = None, whole: bool = False) -> ExtractedLink:
    """A link from ``total`` to its ``order``-th ``part``, listed in ``form`` (其中, 合计); ``whole``
    when the parts name every member of a partition."""
    detail = {"form": form, "order": order, "item": item, "span": span}
    return ExtractedLink("part", total, part, detail=detail | ({"whole": True} if whole else {}))


def _leads(text: str, opened: int, spans: list[tuple[int, int]]) -> list[str]:
    """The words before each part whose ``spans`` are given: from ``opened`` (the end of 其中) to
    the first, then from each part to the next."""
    return [text[spans[n - 1][1] if n else opened:start] for n, (start, _) in enumerate(spans)]


def covers_whole(leads: list[str]) -> bool:
    """Whether parts whose words before them are ``leads`` name every member of one of the
    seeds' partitions, each in one part only and each part opening on one (本县…，县外…):
    together they are the whole. A part opening on other words names a narrower class
    (普惠性民办幼儿园, 市外省内转移就业). So do several whose last names the rest (其他…, 其余…),
    unless the list holds amounts besides them (县级公立医院4家、…村卫生室786个、其他机构226个:
    the parts counted in 家 are not among them)."""
    leads = [lead.lstrip(LIST_SEPARATORS + "和及与") for lead in leads]
    if len(leads) > 1 and relation_rules().residual_part.search(leads[-1]) \
            and not any(DIGIT_CHARACTER.search(lead) for lead in leads):
        return True
    for group in relation_rules().partitions:
        if not all(any(member.match(lead) for member in group) for lead in leads):
            continue
        named = [{index for index, member in enumerate(group) if member.search(lead)} for lead in leads]
        if all(named) and sum(map(len, named)) == len(group) == len(set().union(*named)):
            return True
    return False


def step_links(sentences: list, sentence_claims: list[list[int]], claims: list) -> list[ExtractedLink]:
    """A total settled in steps (``欠款13644.78万元…分四步走:第一步,…1512.88万元``):
    the amounts of the step sentences are parts of the latest earlier total in the same
    unit. ``sentences`` are spans of the text (``start``, ``text``)."""
    rules = relation_rules()
    links: list[ExtractedLink] = []
    for index, sentence in enumerate(sentences):
        announced = rules.steps.search(sentence.text)
        if not announced:
            continue
        cut = sentence.start + announced.start()
        totals = [c for i in range(max(0, index - 5), index + 1) for c in sentence_claims[i]
                  if claims[c].family == "money" and claims[c].end <= cut]
        if not totals or claims[totals[-1]].family not in rules.additive_families:
            continue
        total = totals[-1]
        parts = [c for c in sentence_claims[index] if claims[c].start > cut and claims[c].unit == claims[total].unit]
        for later in range(index + 1, min(len(sentences), index + 12)):
            if not rules.step.match(sentences[later].text):
                break
            parts += [c for c in sentence_claims[later] if claims[c].unit == claims[total].unit]
        if len(parts) >= 2:
            links += [ExtractedLink("part", total, c, detail={"form": "分步", "order": n}) for n, c in enumerate(parts)]
    return links


def following_part_links(text: str, sentences: list, sentence_claims: list[list[int]], claims: list
                         ) -> list[ExtractedLink]:
    """Parts listed in the sentences after their total: a sentence opening with 其中 on the
    total's line, and the items a ； joins to it. ``sentences`` are spans of ``text``."""
    rules = relation_rules()
    links: list[ExtractedLink] = []
    if not sentences:
        return links
    # the lead is rare: find it in the text, then the sentences it opens
    starts = {sentence.start: index for index, sentence in enumerate(sentences)}
    for lead in rules.parts_lead.finditer(text, sentences[0].start, sentences[-1].end):
        index = starts.get(lead.start())
        if not index or not on_one_line(text, sentences[index - 1], sentences[index]):
            continue
        later = index + 1
        while later < len(sentences) and on_one_line(text, sentences[later - 1], sentences[later], "；;"):
            later += 1
        levels = [c for i in range(index, later) for c in _outside_nested(text, sentences[i], _outside_asides(
                  sentences[i], sentence_claims[i], claims), claims) if _summable(text, claims[c])]
        # the total is the one level of the parts' unit in the sentences a ； joins before
        opened = index - 1
        while opened and on_one_line(text, sentences[opened - 1], sentences[opened], "；;"):
            opened -= 1
        totals = [c for i in range(opened, index) for c in sentence_claims[i]
                  if levels and claims[c].unit == claims[levels[0]].unit and _summable(text, claims[c])]
        if len(totals) > 1:
            # 完成治理215.6万亩，为下达任务207万亩的104.2%。其中，…: the parts are of what was done, not of the task
            totals = [c for c in totals if claims[c].kind == claims[levels[0]].kind]
        if len(totals) != 1 or claims[totals[-1]].family not in rules.additive_families:
            continue
        total = totals[-1]
        # a part is of its total's year (其中…2,146件，去年同期为1,932件: the base is no part)
        parts = [c for c in levels if claims[c].unit == claims[total].unit and claims[c].family == claims[total].family
                 and (None in (claims[c].year, claims[total].year) or claims[c].year == claims[total].year)]
        for group in _breakdowns(parts, claims, total):
            if len(group) == 1:
                links.append(ExtractedLink("part_of_whole", total, group[0]))
            else:
                spans = [(claims[c].start, claims[c].end) for c in group]
                whole = covers_whole(_leads(text, lead.end(), spans))
                links += [_part_link(total, c, "其中", n, span=list(span), whole=whole)
                          for n, (c, span) in enumerate(zip(group, spans))]
    return links


def _breakdowns(parts: list[int], claims: list, total: int) -> list[list[int]]:
    """The parts of ``total`` as one breakdown, or one per sentence when a sentence of them
    lists several that add up to the total by themselves: 其中，投资亿元以上项目14个；产业类项目16个、
    基础设施类项目3个、社会民生类项目2个 splits the 21 projects two ways."""
    groups: dict[int, list[int]] = {}
    for c in parts:
        groups.setdefault(claims[c].sentence, []).append(c)
    whole = claims[total].value
    if len(groups) > 1 and whole is not None and any(
            len(group) > 1 and all(claims[c].value is not None for c in group)
            and sum(claims[c].value for c in group) == whole for group in groups.values()):
        return list(groups.values())
    return [parts] if parts else []


def _summable(text: str, claim) -> bool:
    return claim.aspect == "level" and not _outside_sums(text, claim.start)


def _outside_nested(text: str, sentence, indices: list[int], claims: list) -> list[int]:
    """The claims of ``indices`` before a clause of ``sentence`` (a span of the text) that breaks
    down the item before it (临时展览15个，其中自主策划9个、引进展览6个)."""
    first = min((claims[c].start for c in indices), default=None)
    nested = relation_rules().nested_open.search(text, first, sentence.end) if first is not None else None
    return [c for c in indices if nested is None or claims[c].start < nested.start()]


def _outside_asides(sentence, indices: list[int], claims: list) -> list[int]:
    """The claims of ``indices`` that stand outside the asides of ``sentence`` (a span of the text)."""
    spans = aside_spans(sentence.text)
    return [c for c in indices
            if aside_of(spans, claims[c].start - sentence.start, claims[c].end - sentence.start) is None]


def table_total_links(rows: list[tuple[int, list, list[int]]], claims: list) -> list[ExtractedLink]:
    """Totals and parts of tables: each figure of a row labelled 合计 is the sum of the figures above
    it in its column and unit, since the table's header, a heading inside it or its last total row.
    ``rows`` are the table rows of a section in order, each its sentence's position, its cells
    (tables.TableCell) and their claims' indices."""
    rules = relation_rules()
    links: list[ExtractedLink] = []
    above: dict[tuple[int, str, str], list[int]] = defaultdict(list)  # (table, column, unit) → claims
    broken: set[int] = set()  # tables whose rows break a figure down: their rows overlap
    last = None
    for position, cells, indices in rows:
        if last is not None and position != last + 1:
            above.clear()  # 三、本年度办理结果 between rows: the rows after it are a list of their own
        last = position
        label = cells[0].row
        if rules.table_part_breaks.search(label):
            broken.update(cell.table for cell in cells)
            continue
        total = rules.table_total_rows.match(label.strip()) is not None
        for cell, index in zip(cells, indices):
            key = (cell.table, cell.column, claims[index].unit)
            if not total:
                above[key].append(index)
                continue
            parts = above.pop(key, [])
            if cell.table in broken or len(parts) < 2 or claims[index].family not in rules.additive_families \
                    or claims[index].aspect != "level" or any(claims[i].aspect != "level" for i in parts) \
                    or rules.table_average_columns.search(cell.column) \
                    or claims[index].value is not None and any(
                        claims[i].value is not None and claims[i].value >= claims[index].value for i in parts):
                continue  # an average or a rate down a column (成交均价, 平均亩产), no sum
            links += [_part_link(index, part, "合计", order) for order, part in enumerate(parts)]
    return links
