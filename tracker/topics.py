"""What the counts of a sentence are about when their own words do not say.

A count of generic items (三项工作, 四个方面, 三个环节, 42条) or of the places
in an event (7人获一等奖, 198名教师参赛) names its topic elsewhere, and the
claims guide wants the metric as specific as the text allows:

- in a clause that frames the sentence: ``在全省技能大赛上，共有7人获一等奖``,
  ``围绕推进义务教育均衡发展，重点抓好四方面工作``;
- in a document title the sentence names before the count:
  ``印发的《年度工作要点》…共计十个方面42条``;
- in the heading or announcement just before the sentence:
  ``四是做好“回头看”工作。主要有三项任务``, ``举办技能大赛。全市有198名教师参赛``.

Rules are the [topics] table of seeds/labels.toml.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from tracker.rules import load_seed


@dataclass(frozen=True)
class TopicRules:
    """The compiled [topics] rules of seeds/labels.toml."""

    frame: regex.Pattern
    vague: regex.Pattern
    title: regex.Pattern
    generic_items: frozenset[str]
    event_words: regex.Pattern
    heading_max: int


@cache
def topic_rules() -> TopicRules:
    """The topic rules, read once."""
    seed = load_seed("labels.toml")["topics"]
    return TopicRules(
        frame=regex.compile(seed["frame"]),
        vague=regex.compile(seed["vague"]),
        title=regex.compile(seed["title"]),
        generic_items=frozenset(seed["generic_items"]),
        event_words=regex.compile(seed["event_words"]),
        heading_max=seed["heading_max"],
    )


def frame_topic(clauses: list[str]) -> str | None:
    """The topic of the first of ``clauses`` (the clauses of a sentence before its first
    amount) that frames the rest (在X上, 在X中, 围绕X), unless that frame is vague
    (在具体工作中)."""
    rules = topic_rules()
    for clause in clauses:
        found = rules.frame.match(clause.strip())
        if found:
            topic = found.group("topic").strip()
            return None if not topic or rules.vague.match(topic) else topic
    return None


def title_topic(text: str, lead: regex.Pattern) -> str | None:
    """The last document title (《…》) in ``text``, without its year (20xx年)."""
    titles = topic_rules().title.findall(text)
    return lead.sub("", titles[-1]).strip() or None if titles else None


def heading_topic(previous: str | None, lead: regex.Pattern, clause_break: regex.Pattern) -> str | None:
    """The topic a short one-clause sentence without amounts sets for the sentence
    after it: a heading (四是做好“回头看”工作) or an announcement (成功举办技能大赛)."""
    if not previous:
        return None
    topic = lead.sub("", previous.strip())
    if clause_break.search(topic):
        return None  # 概括地讲，…，无非就是…: a passage, not a heading
    return topic if 0 < len(topic) <= topic_rules().heading_max else None


def needs_topic(noun: str, label: str | None) -> bool:
    """Whether a count labelled ``label`` (counted noun ``noun``) needs a topic: its
    noun is a generic item (工作, 方面, 问题), nothing names it, or it counts the
    places of an event (获一等奖, 参赛)."""
    rules = topic_rules()
    return noun in rules.generic_items or not label or rules.event_words.search(label) is not None
