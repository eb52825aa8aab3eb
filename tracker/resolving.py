"""Giving each amount its context: year, kind (actual or target), place and metric label.

Years: explicit in the sentence (not a base of comparison, 比2011年, 比上年),
else 今年/去年 against the meeting year, else the frame's year. Kind: target
cues before the amount in its clause (a horizon 到2020年 only when not yet
past). Place: the i-th place of a list before 分别 for the i-th amount after
it, else the places of the amount's clause, else the sentence's. The label
itself is built in tracker.labeling; here only a breakdown by place borrows
the label of the whole counted in the sentence before.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Sequence

import regex

from tracker.extracting import (ASIDE, CLAUSE_BREAK, HAN_WORDS, LAST_CLAUSE_BREAK, Amount, respective_runs,
                                stated_totals)
from tracker.places import (COUNTRY, PROVINCE, TOWN, Gazetteer, HomeScope, PlaceMention, PlaceRecord, find_places,
                            home_scope, national_marker, own_marker, province_marker)
from tracker.numerals import NumeralError, parse_chinese, parse_numeral
from tracker.relating import aside_of, aside_spans, ranked_clause, relation_rules
from tracker.rules import alternation, load_rules
from tracker.segmenting import SENTENCE_ENDS, first_line_end

@dataclass(frozen=True)
class Frame:
    """A part of a speech from ``start`` on: the review of a past year or the plan for one;
    or a page's ``report`` on a year, which dates what it does not say is planned."""

    start: int
    kind: str
    year: int | None
    span: tuple[int, int] | None = None  # the years its heading names (一、过去五年工作回顾)
    flows_only: bool = False  # whether only what was done over its span is a total over it


@dataclass(frozen=True)
class Context:
    """What a section says of its time: the meeting year, its review and plan frames, and
    for a plan over years its span."""

    year: int | None = None
    frames: tuple[Frame, ...] = ()
    reviewed_year: int | None = None
    span: tuple[int, int] | None = None  # the years of a plan over years (…行动计划（2017—2020年）)
    # the year the text was written in, when after the year its title covers (石柱县2022年气候公报,
    # published in 2023: 今年 in its plan for that year is that year), or before it (攸县2025年秋季
    # 招生计划, published in 2024: 明年 is 2025 throughout)
    writing_year: int | None = None
    # the month of the meeting year the text was given in (its dateline's, or its page's), when known
    month: int | None = None


def year_value(text: str | None) -> int | None:
    """The year ``text`` writes (2015, 二〇一五, 二0一一); None for a hidden or implausible one."""
    if not text or any(ch in "xX" for ch in text):
        return None
    try:
        # 二0一一 mixes forms; cn2an reads such year strings digit by digit.
        value = int(parse_numeral(text) if text.isascii() else parse_chinese(text))
    except NumeralError:
        return None
    return value if 1900 <= value <= 2100 else None


def seasons_dated(text: str, written: int | None) -> str:
    """``text`` with each season over two years (2022/2023年榨季, 2023—2024学年) written as the
    one year that dates it, at the same length, for reading years: the year of the two that
    ``written`` (the page's year) is in the first season named, every other season by the same
    one of its two, and the later one where ``written`` is neither (cues.toml ``season``)."""
    seasons = [match for match in load_rules().season.finditer(text)
               if int(match.group("last")) == int(match.group("first")) + 1]
    if not seasons:
        return text
    later = written != int(seasons[0].group("first"))
    pieces, done = [], 0
    for season in seasons:
        year = season.group("last") if later else season.group("first")
        # 2023—2024学年 → "    2023年学年": the year's own 年 where the season has none of it, and
        # spaces before the year, where a year may stand apart from what precedes it
        dated = year if text.startswith("年", season.end()) else year + "年"
        start, end = season.start(), season.end()
        pieces += [text[done:start], " " * (end - start - len(dated)), dated]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def publication_lines(raw: str) -> list[tuple[int, int | None, int | None]]:
    """Where each publication line of a page stands (发布时间：2023-11-19, 发布时间：二〇二四年四月十九日)
    and its year and month: the page's date, or each story's on a page of several dated stories."""
    return [(found.start(), year_value(found.group(1)), _month_value(found.group("month")))
            for found in load_rules().published.finditer(raw)]


def _month_value(text: str | None) -> int | None:
    if not text:
        return None
    try:
        value = int(parse_numeral(text))  # 11, １１ or 十一
    except NumeralError:
        return None
    return value if 1 <= value <= 12 else None


# A page says what date its figures stand at this near its opening (资料截至二〇二三年底).
AS_OF_REACH = 600
# How far into a text its title is looked for.
TITLE_REACH = 200
# The words citing a plan stand this near before it (根据市人大常委会2023年度监督工作计划).
REFERENCE_REACH = 20

# A line naming a review and then a plan is a title when it runs on this far at most after
# the review's words (…2023年工作总结及2024年工作计划).
MAX_TITLE_REST = 40


def section_context(text: str, start: int = 0, end: int | None = None, year: int | None = None,
                    published: int | None = None, published_month: int | None = None) -> Context:
    """The meeting year and frames of ``text[start:end]``; ``year`` overrides the meeting year,
    and ``published`` (the year the page was published, in ``published_month``) stands in when the
    text names none."""
    rules = load_rules()
    end = len(text) if end is None else end
    opening_end = min(end, start + 3000)
    meeting = (rules.meeting.search(text, start, opening_end) or rules.meeting_date.search(text, start, opening_end)
               or rules.meeting_title.search(text, start, opening_end)
               or rules.meeting_dateline.search(text, start, opening_end))
    title_reach = min(end, start + TITLE_REACH)
    titled = rules.report_title.search(text, start, title_reach)
    # 关于攸县二〇二二年财政决算的报告, given at a meeting in 2023: the title's year is reviewed
    reported = titled if meeting else None
    titled = None if meeting else titled
    census = None if meeting or titled else rules.census_pattern.search(text, start, title_reach)
    as_of = None if meeting or titled or census else rules.as_of.search(text, start, min(end, start + AS_OF_REACH))
    title_end = first_line_end(text, start, end)
    planned_span = None if meeting else _plan_titled(text, start, title_reach)
    span = (int(planned_span.group(1)), int(planned_span.group(2))) if planned_span else None
    if span and span[0] >= span[1]:
        span = None
    meeting = meeting or titled
    meeting_year = year if year is not None else (year_value(meeting.group(1)) if meeting else None)
    if year is None and meeting is not None and not titled and published is not None \
            and meeting_year is not None and published == meeting_year + 1 \
            and meeting.group().endswith(rules.year_results_meetings):
        # 召开2023年全市文物工作新闻发布会 on a page of 2024-01-18: a press conference on a year's
        # work, held in the next (今年 is 2024); a speech re-posted a year later stays of its meeting
        meeting_year = published
    if span and year is None:
        meeting_year = span[0]  # a plan's own year is its first: its present state is of that year
    if census and meeting_year is None:
        meeting_year = rules.census_years[census.group()]
    if as_of and meeting_year is None:
        meeting_year = year_value(as_of.group(1))
    hidden = year is None and meeting is not None and meeting_year is None
    markers = [(title_end, "plan", str(span[1]))] if span else []
    planned_document = None if meeting or titled or span else rules.plan_document.search(text, start, title_reach)
    if planned_document:  # 关于高平市2023年…建设项目的公示: what it sets out is planned
        named = rules.year.search(planned_document.group())
        markers.append((planned_document.start(), "plan", named.group(1) if named else None))
    outlines = [match.span() for match in rules.outline.finditer(text, start, end)]
    for kind, pattern in (("review", rules.review_frame), ("plan", rules.plan_frame)):
        for match in pattern.finditer(text, start, end):
            if any(first <= match.start() < last for first, last in outlines):
                continue  # 本公报分为…和2023年工作打算五个部分: an outline opens no frame
            written = next((value for name, value in match.groupdict().items() if name.startswith("year") and value), None)
            if not written and kind == "review" and _within_sentence(text, match.start(), match.end()):
                continue  # …。各镇于12月10日前报送年度工作总结，…: a task that names a review
            if match.groupdict().get("next") and meeting_year is not None:
                written = str(meeting_year + 1)  # 四、明年的打算
            elif match.groupdict().get("now") and meeting_year is not None:
                written = str(meeting_year)  # 谈到今年的工作，…
            past = meeting_year is not None and (year_value(written) or meeting_year) < meeting_year
            # 一、2022年主要工作, in a report given in 2023, reviews 2022
            markers.append((match.start(), "review" if past else kind, written))
    if reported and meeting_year is not None and (year_value(reported.group(1)) or meeting_year) < meeting_year:
        markers.append((reported.start(1), "review", reported.group(1)))
    for match in rules.frame_heading.finditer(text, start, end):
        if match.group("review"):
            markers.append((match.start(), "review", match.group("year_heading")))
        elif match.group("dated") is not None:
            # 一、2023年全市…发展稳中有进, in a speech of 2024 (or on a page of 2024): a review of 2023
            now = meeting_year if meeting_year is not None else published
            if now is not None and (year_value(match.group("year_heading")) or now) < now:
                markers.append((match.start(), "review", match.group("year_heading")))
        elif match.group("present"):
            # 二、清醒认识当前春耕生产面临的形势: the state at the meeting, reported on as its year
            markers.append((match.start(), "report", str(meeting_year) if meeting_year is not None else None))
            tasks = rules.top_heading.search(text, first_line_end(text, match.start(), end), end)
            if tasks and not rules.frame_heading.match(text, tasks.start()) \
                    and not rules.problems_heading.search(tasks.group()):
                markers.append((tasks.start(), "plan", _named_year(tasks.group(), meeting_year)))
        else:  # 三、突出重点，全力做好2024年经济工作: the year its line names after the plan's words
            line = text[match.start():first_line_end(text, match.start(), end)]
            markers.append((match.start(), "plan", match.group("year_heading") or _named_year(line, meeting_year)))
    markers.extend((match.start(), "report", str(meeting_year) if meeting_year is not None else None)
                   for match in rules.answers_part.finditer(text, start, end))  # 【答记者问】
    # A plan named in a title (根据《…2019年工作要点》安排) or cited (根据…2023年度监督工作计划) is
    # no part of this text.
    markers = [marker for marker in markers if not _in_title(text, marker[0])
               and not rules.frame_reference.search(text, max(start, marker[0] - REFERENCE_REACH), marker[0])]
    markers.sort()
    # A heading found both as a heading and by its words (一、2020年工作回顾) is one marker,
    # with the year either names (五、存在问题和2024年工作打算).
    merged: list[tuple[int, str, str | None]] = []
    for marker in markers:
        if merged and marker[1] == merged[-1][1] and "\n" not in text[merged[-1][0]:marker[0]]:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] or marker[2])
        else:
            merged.append(marker)
    markers = merged
    # A title naming a review and a plan (2020年工作总结和2021年工作计划) opens with the first;
    # so does such a line under a site's name (the title the first line is not).
    markers = [marker for index, marker in enumerate(markers)
               if not (index and marker[1] == "plan" and markers[index - 1][1] == "review"
                       and (_names_both(text, markers[index - 1][0], marker[0], title_end, end)
                            or _announced(text, markers[index - 1][0])))]
    titled_markers = [marker for marker in markers if marker[0] < title_end]
    # …工作总结和2021年工作计划: the plan the title names is for the year after the review.
    title_plan = next((year_value(w) for _, k, w in titled_markers if k == "plan" and year_value(w)), None)
    markers = titled_markers[:1] + [marker for marker in markers if marker[0] >= title_end]
    reviewed = next((year_value(w) for _, k, w in markers if k == "review" and year_value(w)), None)
    # a title ending in 公报, 总结… covers its own year (2018年…统计公报), and so does one on a page
    # published after that year (2023年中欧班列（郑州）开行2868列, of 2024-01-09)
    covered = bool(titled) and year is None and (
        titled.group().endswith(rules.covering_titles) or titled.group(1) + rules.covering_year in titled.group()
        or published is not None and meeting_year is not None and published > meeting_year)
    if covered and meeting_year is not None:
        # 二、2023年主要工作 in 海口市博物馆2023年度工作报告: what a report on its year did that year
        markers = [(position, "review", written) if kind == "plan" and year_value(written) == meeting_year
                   else (position, kind, written) for position, kind, written in markers]
        reviewed = reviewed or next((year_value(w) for _, k, w in markers if k == "review" and year_value(w)), None)
    by_page = False
    if meeting_year is None and not hidden and title_plan and titled_markers[0][1] == "review":
        # …工作总结和2021年工作计划, no meeting: written in the year it reviews (今年 is 2020), unless
        # the page came out in the year it plans (今年 on a page of 2021-01-16 is 2021)
        meeting_year = title_plan if published == title_plan else title_plan - 1
        reviewed = reviewed or title_plan - 1
    elif meeting_year is None and not hidden:
        planned = next((year_value(w) for _, k, w in markers if k == "plan" and year_value(w)), None)
        meeting_year = planned if planned is not None else (reviewed + 1 if reviewed else published)
        # a page dated by nothing but its publication, late in its year, reports on that year
        # (and, at its end, plans the next)
        by_page = planned is None and reviewed is None and published is not None and published_month is not None
        # …as does one early in a year whose plan is for that year (2024年工作目标 on a page of 2024-01-10)
        early = reviewed is None and published is not None and published_month is not None \
            and published_month < rules.late_meeting_month and planned in (None, published)
        if early:
            lead = rules.lead_year.search(text, title_end, min(end, title_end + rules.lead_reach))
            if lead and year_value(lead.group(1)) == published - 1:
                # 记者近日获悉，2023年，我市… on a page of 2024-02-27: a report on 2023
                markers.insert(0, (start, "report", lead.group(1)))
                reviewed = published - 1
        if (planned is not None and reviewed is None and published is not None and published_month is not None
                and planned == published + 1 and published_month >= rules.late_meeting_month):
            # 四、2023年工作打算 on a page of 2022-12-08: written late in the year it reports on
            meeting_year, by_page = published, True
    dated = meeting
    if meeting is not None and not meeting.groupdict().get("month"):
        # 今天，我们召开全县2024年秋季开学工作会议 under a dateline （2024年8月26日）: the month is the dateline's
        dated = rules.meeting_date.search(text, start, opening_end) or rules.meeting_dateline.search(
            text, start, opening_end)
        dated = dated if dated is not None and year_value(dated.group(1)) == meeting_year else meeting
    late = _late_in_year(dated) or by_page and published_month >= rules.late_meeting_month
    month = _month_of(dated) if dated is not None and year_value(dated.group(1)) == meeting_year \
        else published_month if published is not None and published == meeting_year else None
    next_planned = by_page and published_month >= rules.late_page_month
    if reviewed is None and meeting_year is not None and any(k == "review" for _, k, _ in markers):
        # A meeting reviews the year before it (one late in its year, that year); a summary titled
        # by its year (2022年上半年工作总结) that year; a plan over years its first year, or the base
        # year it names (以2023年为基期).
        based = rules.base_year.search(text, start, end) if span else None
        if based and int(based.group(1)) < span[0]:
            reviewed = int(based.group(1))
        else:
            reviewed = meeting_year if census or as_of or covered or span or late else meeting_year - 1
    ahead = bool(titled) and year is None and published and meeting_year and published < meeting_year
    writing = published if (covered and published and meeting_year and published > meeting_year) or ahead else None
    if meeting_year is not None and not hidden:
        markers = _with_year_openings(text, start, end, markers, meeting_year, writing)
    frames = []
    for position, kind, written in markers:
        if written and any(ch in "xX" for ch in written) or hidden:
            frames.append(Frame(position, kind, None))
        elif written:
            frames.append(Frame(position, kind, year_value(written)))
        else:
            # a plan over years sets goals for its end; a page that reports on its own year plans the next
            planned = span[1] if span else title_plan or (meeting_year + 1 if next_planned else meeting_year)
            frame = Frame(position, kind, reviewed if kind == "review" else planned)
            frames.append(_with_heading_span(frame, text[position:first_line_end(text, position, end)], late))
    frames = _with_span_openings(text, start, end, frames)
    return Context(year=None if hidden else meeting_year, frames=tuple(frames), reviewed_year=reviewed, span=span,
                   writing_year=writing, month=month)


def _plan_titled(text: str, start: int, end: int) -> regex.Match | None:
    """The span of years a title line within ``text[start:end]`` names for the plan it is or
    issues (罗田县人民政府办公室关于印发…三年行动计划（2024—2026年）的通知, under the site's name),
    not one a sentence cites (《…行动计划（2024—2026年）》已经…研究同意，现印发给你们)."""
    for match in load_rules().plan_title.finditer(text, start, end):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = first_line_end(text, match.start())
        if not _in_title(text, match.start()) and "。" not in text[line_start:line_end]:
            return match
    return None


def _named_year(heading: str, meeting_year: int | None) -> str | None:
    """The year a plan's heading names within it (…做好2024年经济工作, …做好明年工作), if any."""
    rules = load_rules()
    named = rules.year.search(heading)
    if named:
        return named.group(1)
    relative = rules.relative_year_pattern.search(heading)
    if relative and meeting_year is not None:
        return str(meeting_year + rules.relative_years[relative.group()])
    return None


def _within_sentence(text: str, start: int, end: int) -> bool:
    # Words after a sentence ended on their line, that a clause goes on from: running text,
    # not a heading (a run-on heading is followed by no clause break).
    line_start = text.rfind("\n", 0, start) + 1
    return SENTENCE_BREAK.search(text, line_start, start) is not None and CLAUSE_BREAK.match(text, end) is not None


def _names_both(text: str, review: int, plan: int, title_end: int, end: int) -> bool:
    """Whether a review and a plan named at these positions stand in one short line after the
    title: a title under a site's name (…2023年工作总结及2024年工作计划)."""
    line_end = first_line_end(text, review, end)
    return title_end <= review and plan < line_end and line_end - review <= MAX_TITLE_REST


def _announced(text: str, review: int) -> bool:
    # …，介绍2023年…工作情况和2024年重点工作安排: running text announcing a year's state and then the
    # coming work (review_frame's group year7), whose plan opens where its part begins; a title naming
    # both keeps its plan (see titled_markers)
    found = load_rules().review_frame.match(text, review)
    line_start = text.rfind("\n", 0, review) + 1
    return found is not None and found.group("year7") is not None \
        and CLAUSE_BREAK.search(text, line_start, review) is not None


def _with_year_openings(text: str, start: int, end: int, markers: list[tuple[int, str, str | None]],
                        meeting_year: int, writing_year: int | None) -> list[tuple[int, str, str | None]]:
    # 今年是“十四五”开局之年… inside a frame opens one of its year: a review of a past year, a
    # plan of a coming one, for the meeting's year a frame of the kind it stands in. A text
    # without frames (a bulletin) gets none.
    rules = load_rules()
    added = []
    for opening in rules.year_opening.finditer(text, start, end):
        relative = opening.group("relative")
        enclosing, written = next(((kind, written) for position, kind, written in reversed(markers)
                                   if position <= opening.start()), (None, None))
        if relative:
            now = present_year(meeting_year, writing_year, enclosing, year_value(written),
                               calendar=relative in rules.calendar_years)
            year = now + rules.relative_years[relative]
        else:
            year = year_value(opening.group("year"))
        if year is None or enclosing is None:
            continue
        kind = "review" if year < meeting_year else "plan" if year > meeting_year else enclosing
        added.append((opening.start(), kind, str(year)))
    return sorted(markers + added) if added else markers


def _with_heading_span(frame: Frame, heading: str, late: bool) -> Frame:
    # 一、过去五年工作回顾 reviews the five years to its year; 二、今后五年的目标任务 plans the five
    # from its year (the next, at a meeting late in its year), and its goals are for the last.
    # A heading that names a year as well (“十三五”时期和2020年工作回顾) frames both, so neither.
    rules = load_rules()
    counted = rules.period_frame_span.search(heading)
    if frame.year is None or counted is None or rules.year.search(heading):
        return frame
    try:
        years = int(parse_numeral(counted.group(1) or counted.group(2)))
    except NumeralError:
        return frame
    if years < 2:
        return frame
    if frame.kind == "review":
        first = frame.year - years + 1
    else:
        first = frame.year + 1 if late else frame.year
    last = first + years - 1
    return Frame(frame.start, frame.kind, last, (first, last))


def _with_span_openings(text: str, start: int, end: int, frames: list[Frame]) -> list[Frame]:
    # 过去五年，是我旗发展极不平凡的五年, opening a paragraph under a review of their last year
    # (一、“十三五”时期和2020年工作回顾), speaks of the five years until the next frame
    # (2020年是极不平凡的一年). A review already over years has its span.
    rules = load_rules()
    added = []
    for opening in rules.period_opening.finditer(text, start, end):
        enclosing = next((frame for frame in reversed(frames) if frame.start <= opening.start()), None)
        if enclosing is None or enclosing.kind != "review" or enclosing.year is None or enclosing.span:
            continue
        try:
            years = int(parse_numeral(opening.group("count") or opening.group("count2")))
        except NumeralError:
            continue
        if years >= 2:
            added.append(Frame(opening.start(), "review", enclosing.year,
                               (enclosing.year - years + 1, enclosing.year), flows_only=True))
    return sorted(frames + added, key=lambda frame: frame.start) if added else frames


def _in_title(text: str, position: int) -> bool:
    # Inside 《…》 on its line.
    line = text[text.rfind("\n", 0, position) + 1:position]
    return line.count("《") > line.count("》")


def _late_in_year(meeting: regex.Match | None) -> bool:
    # A meeting dated in the second half of its year reviews that year (see late_meeting_month).
    month = _month_of(meeting)
    return month is not None and month >= load_rules().late_meeting_month


def _month_of(meeting: regex.Match | None) -> int | None:
    # The month a meeting's date names, if it names one that can be read.
    month = meeting.groupdict().get("month") if meeting is not None else None
    try:
        return None if month is None else int(parse_numeral(month))
    except NumeralError:
        return None


def _is_base_year(sentence: str, match: regex.Match) -> bool:
    # 比2011年 / 较上年 / 2011年以来 / 自2015年全面实施补贴政策以来 / 与2010年…相比: a base or a
    # start, not the amount's own year.
    rules = load_rules()
    return sentence[:match.start()].rstrip().endswith(rules.base_year_before) \
        or rules.period_since.match(sentence, match.start()) is not None or bool(
        rules.base_year_after.search(sentence[match.end():])) or _compared_with(sentence, match)


def _compared_with(sentence: str, match: regex.Match) -> bool:
    # 与2010年第六次全国人口普查相比: the year a comparison is made with
    rules = load_rules()
    return bool(rules.base_compared_before.search(sentence, max(0, match.start() - BASE_COMPARED_REACH), match.start())
                and rules.base_compared_after.search(sentence[match.end():]) is not None)


def present_year(meeting_year: int | None, writing_year: int | None, frame_kind: str | None,
                 frame_year: int | None, calendar: bool = False) -> int | None:
    """The year 今年 names in a frame of ``frame_kind`` for ``frame_year``: the meeting's, unless the
    text was written in another year (``writing_year``) before the year its title names, or in
    the year the frame plans (五、2023年工作打算 今年…, in a 2022 bulletin written in 2023). A
    ``calendar`` word (今年, 去年, not 本年, 上年) counts from the year a report on the year before
    was written in."""
    if writing_year is not None and meeting_year is not None and writing_year < meeting_year:
        return writing_year
    if writing_year is not None and frame_kind == "plan" and frame_year == writing_year:
        return writing_year
    if calendar and writing_year is not None and meeting_year is not None and writing_year > meeting_year:
        return writing_year  # 去年全市新建…, in a report on 2023 written in January 2024: 2023
    return meeting_year


def resolve_year(sentence: str, amount: Amount, context: Context, position: int = 0,
                 target: bool = False) -> int | None:
    """The amount's year: explicit in its sentence, else 今年/去年 against the meeting year,
    else the year of the frame it stands in (``position`` in the text), else the meeting year.
    A ``target`` on a page reporting on a past year is of the page's own year; a whole year's
    result (全年…) outside any frame, in a text given before its year is out, is of the year before."""
    rules = load_rules()
    listed = rules.year.fullmatch(amount.item) if amount.item else None
    if listed:
        return year_value(listed.group(1))  # 2019年、2020年各新建7所
    based = rules.base_amount_year.search(sentence, max(0, amount.start - BASE_REACH), amount.start)
    if based:  # 比2015年的48.1万吨, 比去年的26.3万元: the base year's level
        if based.group("year"):
            return int(based.group("year"))
        compared = resolve_year(sentence, replace(amount, start=based.start(), end=based.start()), context, position)
        return compared + rules.relative_years[based.group("relative")] if compared is not None else None
    if _change_from(sentence, amount):
        # 由1500元提高到2000元: the level before stood at no year the text names, unless the
        # sentence compares with one (与2010年第六次全国人口普查相比，…由7126人上升为13314人)
        compared = [m for m in rules.year.finditer(sentence, 0, amount.start) if _compared_with(sentence, m)]
        return year_value(compared[-1].group(1)) if compared else None
    if rules.former.search(sentence, _clause_of(sentence, amount)[0], amount.start):
        return None  # “以前一年到头收入不到1万元: a time before, of no year the text names
    # 《…三年行动方案（2023—2025年）》 names a document: its years date none of the figures
    years = [m for m in rules.year.finditer(sentence) if not _is_base_year(sentence, m)
             and not _in_title(sentence, m.start())]
    before = [m for m in years if m.end() <= amount.start and not _dates_another(sentence, m, amount.start)
              and not rules.present_words.search(sentence, m.end(), amount.start)]
    after = [m for m in years if m.start() >= amount.end and not _dates_another(sentence, m, len(sentence))
             and not _later_goal(sentence, amount, m)]
    relative = [m for m in rules.relative_year_pattern.finditer(sentence, 0, amount.start)
                if _relative_own_year(sentence, m) and not _dates_another(sentence, m, amount.start)]
    # a year named before the amount, else one after it, unless 明年 stands before it
    chosen = before[-1] if before else (after[0] if after and not relative else None)
    if chosen is None and years and years[-1].end() <= amount.start \
            and rules.dated_change.match(sentence[years[-1].end():amount.start]):
        chosen = years[-1]  # 到2022年的689亿元，年均增长24.4%: the change is of its level's year
    if chosen:
        return year_value(chosen.group(1))
    if rules.hidden_year.search(sentence):
        return None
    frame = frame_at(context, position) if context.writing_year is not None else None
    if relative:
        word = relative[-1].group()
        now = present_year(context.year, context.writing_year, frame and frame.kind, frame and frame.year,
                           calendar=word in rules.calendar_years)
        if now is not None:
            return now + rules.relative_years[word]
    if (not target and context.year is not None and context.month is not None and context.month < rules.late_page_month
            and rules.whole_year.search(sentence) and _unframed(context, position)):
        return context.year - 1  # 全年出口…, in a report given in April: its own year is not over
    return _undated_year(context, position, target)


def carries_year(context: Context, position: int) -> bool:
    """Whether a year a sentence before ``position`` opens on dates the sentences after it: not in
    a review or plan over years, whose undated figures are totals over its span (五年来…。2021年，
    在…建设孵化基地1个。开展专场招聘会45场: over the five years)."""
    frame = frame_at(context, position)
    return frame is None or frame.span is None


def _unframed(context: Context, position: int) -> bool:
    # Whether no review or plan heading frames ``position``: none at all, or one on the state at the meeting.
    frame = frame_at(context, position)
    return frame is None or frame.kind == "report" and frame.year == context.year


def _later_goal(sentence: str, amount: Amount, year: regex.Match) -> bool:
    """Whether ``year`` opens a goal of its own (到2025年…) in a clause after ``amount``'s, which
    is no yearly rate over the years up to it."""
    rules = load_rules()
    if not rules.later_goal.search(sentence, max(0, year.start() - 2), year.start()):
        return False
    clause_start, clause_end = _clause_of(sentence, amount)
    return year.start() >= clause_end and not rules.later_goal_spanned.search(sentence, clause_start, amount.start)


def _change_from(sentence: str, amount: Amount) -> bool:
    # 由1500元提高到2000元, 由原来的2天缩短至: the level a change starts from, naming no time of
    # its own (not 由上年的3.7%, 由现行的15天)
    rules = load_rules()
    return rules.change_from_before.search(sentence, max(0, amount.start - CHANGE_FROM_REACH), amount.start) \
        is not None and rules.change_from_after.match(sentence, amount.end) is not None


def _relative_own_year(sentence: str, match: regex.Match) -> bool:
    """Whether 今年/去年… at ``match`` is the year of what follows: 比上年 is the base of a
    comparison and 去年以来 a start, but 今年以来 (since this year began) is this year."""
    rules = load_rules()
    if sentence[:match.start()].endswith(rules.base_year_before):
        return False
    return not rules.relative_years[match.group()] or not rules.base_year_after.search(sentence[match.end():])


def _dates_another(sentence: str, year: regex.Match, start: int) -> bool:
    # 由2015年的201.7亿元增加到286.4亿元: a year joined by 的 dates the amount right after it;
    # 继去年首次突破百亿元后: a year after 继 dates its own clause only.
    return OF.match(sentence, year.end()) is not None and NUMBER_START.search(sentence, year.end(), start) is not None \
        or load_rules().clause_year_before.search(sentence, max(0, year.start() - 2), year.start()) is not None \
        and CLAUSE_BREAK.search(sentence, year.end(), start) is not None


SENTENCE_BREAK = regex.compile(f"[{regex.escape(SENTENCE_ENDS)}]")
# How far before a year the 与 of a comparison it stands in is looked for.
BASE_COMPARED_REACH = 12
# How far before an amount a base that names it (比上年同期末的) is looked for.
BASE_REACH = 24
# How far before an amount the 由 of the level a change starts from is looked for (由改革前的).
CHANGE_FROM_REACH = 10
OF = regex.compile("(?:底|末|初)?的")  # 由2017年底的10.8%
NUMBER_START = regex.compile(r"[0-9０-９]")
# A number that may be an amount: not the digits of a name such as PM2.5 or PM10.
FREE_NUMBER = regex.compile(r"(?<![A-Za-z0-9０-９.．])[0-9０-９]")


def respective_years(sentence: str, amounts: Sequence[Amount]) -> tuple[dict[int, int], list[tuple[int, int]]]:
    """The year of each amount of a 分别 run after as many years listed in its clause
    (2018年、2019年、2020年分别安排3200万元、3500万元、3800万元) or spanned there (2024—2026年),
    by index, and the spans of those years (no part of what is measured)."""
    rules = load_rules()
    years: dict[int, int] = {}
    spans: list[tuple[int, int]] = []
    for position, run in respective_runs(sentence, amounts):
        last_break = LAST_CLAUSE_BREAK.search(sentence, 0, position)
        listed = list(rules.year.finditer(sentence, last_break.end() if last_break else 0, position))
        joined = all(sentence[a.end():b.start()].strip() in rules.distributive_separators
                     for a, b in zip(listed, listed[1:]))
        if len(listed) == len(run) > 1 and joined:
            years.update((index, year_value(m.group(1))) for index, m in zip(run, listed))
            spans.append((listed[0].start(), listed[-1].end()))
            continue
        # 未来三年（2024—2026年）到期的本金分别为8.6亿元、9.4亿元和10.2亿元: a span of as many
        # years, the one the sentence names before the run
        span = list(rules.period_explicit.finditer(sentence, 0, position))
        if len(span) == 1 and len(run) > 1 and int(span[0].group(2)) - int(span[0].group(1)) + 1 == len(run):
            years.update((index, int(span[0].group(1)) + offset) for offset, index in enumerate(run))
            first, last = span[0].span()
            if sentence[first - 1:first] in ASIDE and sentence[last:last + 1] == ASIDE[sentence[first - 1]]:
                first, last = first - 1, last + 1  # the brackets around it go with it
            spans.append((first, last))
    return years, spans


def _undated_year(context: Context, position: int, target: bool = False) -> int | None:
    # The year of an amount that names none: its frame's, else the meeting's. What a page
    # reporting on last year plans (下一步，我市将…) is planned from its own year.
    frame = frame_at(context, position)
    return frame.year if frame is not None and not (target and frame.kind == "report") else context.year


# Families that state a level, never a total accumulated over a span (an air quality's
# concentration over a heating season, 2022年11月15日至2023年3月15日, is its mean then).
NOT_TOTALS = ("rate", "points", "basis_points", "ratio", "fraction", "multiple", "concentration", "sound")


def resolve_period(sentence: str, amount: Amount, target: bool = False, context: Context | None = None,
                   position: int = 0) -> tuple[str | None, int | None]:
    """``(period, end_year)``: a plan period framing a total (``“十二五”时期…401所`` → 2011-2015),
    or the end year of a period whose end a goal names (``“十三五”末…77.2%`` → 2020); a
    ``target`` under a period's name (“十三五”发展目标是:…77.2%) is a goal for its end.
    With the ``context`` of the speech, a span up to its time (``2011年以来``, ``近5年``)
    framing an actual total is its period too."""
    rules = load_rules()
    for match in rules.period_pattern.finditer(sentence, 0, amount.start):
        first, last = rules.period_spans[match.group()]
        following = sentence[match.end():]
        if rules.period_year_after.search(following) or _in_title(sentence, match.start()):
            continue  # “十三五”开局之年, 《“十四五”…规划》: no horizon of the amounts after it
        now = _undated_year(context, position) if context is not None and not target \
            and rules.period_since_after.match(following) else None
        if now is not None and now != last:
            # “十四五”以来 said of 2023: a total from the period's first year to then, a level of then
            if amount.family in NOT_TOTALS or now <= first or _own_year_between(sentence, match.end(), amount.start) \
                    or _level_reached(sentence, amount):
                continue  # …，示范园达到158个: a level reached is of then
            return f"{first}-{now}", None
        total_after = rules.period_total_after.search(following)
        ended = rules.period_end_after.search(following)
        if ended or (target and not total_after):
            if target and not total_after and _own_year_between(sentence, match.end() if ended else 0, amount.start):
                # 2024年，按照“十四五”…规划，力争…: the goal is of its own year (明年…，确保到“十四五”末… is
                # of the period's end)
                continue
            return None, last
        if total_after and (target and amount.family in NOT_TOTALS
                            or rules.period_level_before.search(sentence, 0, amount.start)):
            return None, last  # a level reached in the period, or its goal: of its end year
        if total_after and amount.family not in NOT_TOTALS and not _own_year_between(sentence, match.end(), amount.start):
            return f"{first}-{last}", None
    if amount.family in NOT_TOTALS:
        return None, None
    # 《…三年行动方案（2023—2025年）》 names a plan: its span frames no total
    spans = [span for span in rules.period_explicit.finditer(sentence, 0, amount.start)
             if not _in_title(sentence, span.start())]
    if spans and not _own_year_between(sentence, spans[-1].end(), amount.start):
        first, last = int(spans[-1].group(1)), int(spans[-1].group(2))
        return (f"{first}-{last}", None) if first < last else (None, None)
    heading_span = _heading_span_period(sentence, amount, target, context, position)
    if heading_span is not None:
        return heading_span, None
    if context is not None and not target:
        return _span_period(sentence, amount, context, position), None
    if context is not None and context.span and not _own_year_between(sentence, 0, amount.start) \
            and not rules.period_level_before.search(sentence, 0, amount.start) \
            and not rules.period_per_unit.search(sentence, _clause_of(sentence, amount)[0], amount.start):
        # 计划期内新建幼儿园36所; 每年开展培训不少于5,000人次，3年累计培训1.5万人次以上 (a yearly goal
        # is its own clause's)
        return f"{context.span[0]}-{context.span[1]}", None
    return None, None


def _heading_span_period(sentence: str, amount: Amount, target: bool, context: Context | None,
                         position: int) -> str | None:
    # Under 一、过去五年工作回顾 a fact's total is over the five years (举办培训班386期), and under
    # 二、今后五年的目标任务 a goal's total; a level (达到, 目前, 总数) is of the last year.
    frame = frame_at(context, position) if context is not None else None
    if frame is None or frame.span is None or target != (frame.kind == "plan"):
        return None
    rules = load_rules()
    head = sentence[:amount.start]
    if _own_year_between(sentence, 0, amount.start) or rules.period_level_before.search(head) \
            or rules.period_per_unit.search(head) or rules.period_stock_before.search(head) \
            or rules.period_since.search(head):
        return None  # …, or a span of its own (2021年7月以来, under 过去五年)
    if frame.flows_only and (rules.year.search(sentence) or not rules.period_flow_cues.search(
            sentence, _clause_of(sentence, amount)[0], amount.start)):
        return None
    return f"{frame.span[0]}-{frame.span[1]}"


def yearly_goal(sentence: str, amount: Amount, context: Context, position: int = 0) -> bool:
    """Whether a goal is set for each year of a plan over years (每年新建“青年之家”5个以上
    under 今后五年, or in a 2018—2020 plan): then it is of none of them. Its caller knows it
    is a goal; a year of its own in the sentence dates it still."""
    frame = frame_at(context, position)
    span = frame.span if frame is not None and frame.kind == "plan" and frame.span else context.span
    if span is None or span[0] == span[1]:
        return False
    start, _end = _clause_of(sentence, amount)
    return bool(load_rules().period_each_year.search(sentence, start, amount.start)) \
        and not _own_year_between(sentence, 0, amount.start)


def _own_year_between(sentence: str, start: int, end: int) -> bool:
    # “十二五”以来,…,2014年,全市…投入为1.2亿元: an amount with a year of its own after a
    # span's name is of that year (a base year, 比2010年, is no year of its own).
    rules = load_rules()
    return any(not _is_base_year(sentence, m) for pattern in (rules.year, rules.relative_year_pattern)
               for m in pattern.finditer(sentence, start, end))


def _level_reached(sentence: str, amount: Amount) -> bool:
    # Whether the amount is a level reached (面积达到110.4万亩, 总数达到412个) after a span, not a
    # total over it (累计达到126.5亿元, 教师流失达136人).
    rules = load_rules()
    reached = rules.period_level_before.search(sentence, 0, amount.start)
    return reached is not None and reached.group() not in rules.period_level_not_alone \
        and rules.period_level_total.search(sentence, _clause_of(sentence, amount)[0], amount.start) is None


def _span_period(sentence: str, amount: Amount, context: Context, position: int) -> str | None:
    # 2011年以来,全市共招聘新教师3800人 said in 2016 of 2015 → 2011-2015: the span ends in the
    # year an undated amount at this place is of (the reviewed year, else the speech's own).
    rules = load_rules()
    head = sentence[:amount.start]
    if not rules.period_hint.search(head):
        return None  # a plain test first: most sentences name no span
    found = [m for pattern in (rules.period_since, rules.period_since_now, rules.period_recent)
             for m in pattern.finditer(head)]
    if not found:
        return None
    marker = max(found, key=lambda m: m.end())
    if _own_year_between(sentence, marker.end(), amount.start) \
            or rules.period_stock_now.search(sentence, marker.end(), amount.start) or _level_reached(sentence, amount):
        return None  # …以来，…累计签约项目87个，目前已开工项目61个: a stock now is no total over the span
    last = _undated_year(context, position)
    if last is None:
        return None
    if marker.re is rules.period_since and marker.group("relative"):
        first = last + rules.relative_years[marker.group("relative")]  # 去年9月以来
    elif marker.re is not rules.period_recent:
        first = year_value(marker.group(1))
    else:
        try:
            first = last - int(parse_numeral(next(group for group in marker.groups() if group))) + 1
        except NumeralError:
            return None
    return f"{first}-{last}" if first is not None and first < last else None


@cache
def _cue_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    rules = load_rules()
    strong = "|".join([alternation(rules.target_cues), *rules.target_cue_patterns, rules.target_horizon])
    return regex.compile(strong), regex.compile(alternation(rules.plan_cues))


def _blanked(match) -> str:
    return "\u3000" * len(match.group())


@lru_cache(maxsize=4)
def _without_cue_blanks(sentence: str) -> str:
    """``sentence`` with what holds no goal cue blanked: titles (《…行动计划》), what a rule
    asks (按照…要求), 将…列入 whose verb may follow the amount. Once per sentence."""
    rules = load_rules()
    return rules.rule_asks.sub(_blanked, rules.titles.sub(_blanked, sentence))


def frame_at(context: Context, position: int) -> Frame | None:
    """The frame a position of the text stands in, if the speech has frames."""
    return next((f for f in reversed(context.frames) if f.start <= position), None)


def _past_horizon(match: regex.Match, context: Context | None) -> bool:
    # 到2015年 said in 2016 dates a level already reached (提高到2015年的92.1%), not a goal.
    written = match.groupdict().get("horizon")
    year = year_value(written)
    return year is not None and context is not None and context.year is not None and year < context.year


# A goal's name (目标任务, 下达我县耕地保有量任务) stands within this many characters before the
# amount it names.
GOAL_NAME_REACH = 20


def resolve_kind(sentence: str, amount: Amount, context: Context | None = None, position: int = 0) -> str:
    """``target`` or ``actual``: the last word before the amount in its sentence decides
    between a goal cue (力争, 计划; 要, 将 outside a review of the past) and a mark of a
    fact (完成了, 已, 目前); with neither, an amount in the plan part of a speech is an
    item of the plan (a target), elsewhere an actual."""
    strong, weak = _cue_patterns()
    rules = load_rules()
    # Cue words inside titles (《…行动计划》) name a document, not a plan.
    head = _without_cue_blanks(sentence)[:amount.start]
    frame = frame_at(context, position) if context else None

    def last_cue(pattern: regex.Pattern) -> int:
        return max((m.end() for m in pattern.finditer(head)
                    if not rules.cue_not_followed_by.search(head[m.end():])
                    and not rules.cue_not_preceded_by.search(head[:m.start()])
                    and not _past_horizon(m, context)), default=-1)

    if rules.goal_named_before.search(sentence, max(0, amount.start - GOAL_NAME_REACH), amount.start) \
            or rules.goal_named_after.match(sentence, amount.end):
        return "target"  # 完成目标任务5.8万人的108.1%, 控制在4.5%以内的年度目标之内
    clause_start, clause_end = _clause_of(sentence, amount)
    if rules.bound_after_level.match(sentence, clause_start) and NUMBER_START.search(sentence, 0, clause_start):
        return "target"  # 失业率为3.4%，控制在4.5%以内
    if _change_from(sentence, amount):
        return "actual"  # 力争作业点由14个增加至18个: the level a change starts from stands now
    cue = last_cue(strong)
    if frame is None or frame.kind != "review":
        cue = max(cue, last_cue(weak))
    planned = frame is not None and frame.kind == "plan"

    def facts(text: str, begin: int, stop: int) -> list[int]:
        # where the marks of a fact end; in a plan's part, 累计 sums what is to be done
        return [m.end() for m in rules.actual_markers.finditer(text, begin, stop)
                if not (planned and m.group() in rules.plan_totals)]

    marker = max(facts(head, 0, len(head)), default=-1)
    if cue > marker:
        return "target"
    if marker < 0 and planned:
        if amount.family == "count" and not sentence[clause_start:amount.start].strip() \
                and HAN_WORDS.match(sentence, amount.end):
            return "actual"  # 54所实项目学校预算投入…: a count heading its clause names a set that exists
        return "actual" if facts(sentence, amount.end, clause_end) else "target"
    return "actual"


def table_cell_kind(planned: bool, year: int | None, context: Context) -> str:
    """``target`` or ``actual`` for a table cell: planned where its header says so (目标值, 计划) or
    where its column's year is after the text's own (2025年 in a plan of 2024)."""
    later = year is not None and context.year is not None and year > context.year
    return "target" if planned or later else "actual"


def resolve_place(sentence: str, home: PlaceRecord | None, gazetteer: Gazetteer,
                  known: tuple[PlaceRecord, ...] = (), mentions: list[PlaceMention] | None = None
                  ) -> PlaceRecord | None:
    """The place a sentence's amounts are about: the places it names (several → the
    smallest place holding them all; a lone town → that town), else the section's home place.
    A place named in an aside (3418人（其中吴城镇1026人）) is the aside's only.
    ``mentions`` are the sentence's place names when already found."""
    if mentions is None:
        mentions = find_places(sentence, gazetteer, known)
    if mentions:
        asides = aside_spans(sentence)
        mentions = [m for m in mentions if aside_of(asides, m.start, m.end) is None]
    return _place_named(mentions, gazetteer, home) or home


def row_town(mentions: list[PlaceMention], home: PlaceRecord | None, gazetteer: Gazetteer) -> PlaceRecord | None:
    """The town of a table row that names one besides its own county's (or city's) name in a cell
    (如东县实验小学⇥掘港街道⇥一年级⇥12⇥540: the school's county holds its town), else None."""
    towns = {m.record.name: m.record for m in mentions if m.record.level == TOWN}
    if len(towns) != 1 or home is None:
        return None
    home_side = {home, *gazetteer.ancestors(home)}
    divisions = [m.record for m in mentions if m.record.code is not None]
    return next(iter(towns.values())) if all(d in home_side for d in divisions) else None


def _clause_of(sentence: str, amount: Amount | PlaceMention) -> tuple[int, int]:
    """Where the clause holding ``amount`` (or a place's mention) starts and ends in its sentence."""
    last = LAST_CLAUSE_BREAK.search(sentence, 0, amount.start)
    start = last.end() if last else 0
    end = CLAUSE_BREAK.search(sentence, amount.end)
    return start, end.start() if end else len(sentence)


def _place_named(mentions: list[PlaceMention], gazetteer: Gazetteer,
                 home: PlaceRecord | None = None) -> PlaceRecord | None:
    """The place several mentions name together: the smallest division holding the
    divisions among them (:func:`_common_place`), else a lone town; None when they name neither."""
    # 三亚市海棠区: a division written right after a place holding it names the division alone
    held = {index for index, (outer, inner) in enumerate(zip(mentions, mentions[1:]))
            if outer.end == inner.start and inner.record.code is not None
            and outer.record in gazetteer.ancestors(inner.record)}
    divisions = [m.record for index, m in enumerate(mentions) if m.record.code is not None and index not in held]
    towns = {m.record.name: m.record for m in mentions if m.record.level == "town"}
    # 涪城区城厢街道: the town, written after its district; the district's city named too is no
    # second place (袁州区新坊镇宜春钽铌矿: the mine named by the city is in the town)
    district = next((outer.record for outer, inner in zip(mentions, mentions[1:])
                     if outer.end == inner.start and outer.record.code is not None and inner.record.level == "town"),
                    None) if len(towns) == 1 else None
    if district is not None and all(d == district or d in gazetteer.ancestors(district) for d in divisions):
        return next(iter(towns.values()))
    if divisions:
        return _common_place(divisions, gazetteer, home)
    return next(iter(towns.values())) if len(towns) == 1 else None


def _common_place(divisions: list[PlaceRecord], gazetteer: Gazetteer,
                  home: PlaceRecord | None) -> PlaceRecord:
    """The smallest place holding ``divisions``, except that a report of one place never gives
    the country for places in two provinces: a county's report names itself beside the county it
    aids far away as the giver (安吉企业到青川县投资兴业12家, 组织到浙江就业), so the figures are
    the other's once the home's own side (the home, the places above and within it) is set
    aside; and the home's where the rest still span provinces (与北京、广东企业签约)."""
    common = gazetteer.smallest_common(divisions)
    if common is not gazetteer.country or home is None or home.code is None or home.level == COUNTRY:
        return common
    home_side = {home, *gazetteer.ancestors(home)}
    others = [d for d in divisions if d not in home_side and home not in gazetteer.ancestors(d)]
    rest = gazetteer.smallest_common(others) if others else None
    return home if rest is None or rest is gazetteer.country else rest


def _listed_before(sentence: str, mentions: list[PlaceMention], position: int,
                   totals: Sequence[int] = ()) -> list[PlaceMention]:
    """The places listed last before ``position`` (建平县、喀左县…分别): a run of two or more
    names joined only by list words, in its clause or the clause before it with no number
    between (支持井冈山市、永丰县、万安县职教中心建设，市财政分别安排…) but the list's count or
    a total the run adds up to (its start among ``totals``)."""
    rules = load_rules()
    before = [m for m in mentions if m.end <= position and (m.record.code is not None or m.record.level == "town")]
    if not before or len(CLAUSE_BREAK.findall(sentence, before[-1].end, position)) > 1:
        return []
    run = [before[-1]]
    opening = before[-1].start
    for mention in reversed(before[:-1]):
        if mention.end == opening:  # 古蔺县二郎镇、江阳区黄舣镇: a town right after its county is one item
            opening = mention.start
            continue
        if sentence[mention.end:opening].strip() not in rules.distributive_separators:
            break
        run.insert(0, mention)
        opening = mention.start
    # A number between may only count the list itself (许家湖镇、诸葛镇、崔家峪镇3个乡镇…分别) or
    # give its total (…四个主产镇共有生产企业269家，分别为96家、74家、58家、41家).
    numbers = [number for number in FREE_NUMBER.finditer(sentence, before[-1].end, position)
               if number.start() not in totals]
    counted = rules.list_count.match(sentence, numbers[0].start()) if len(numbers) == 1 else None
    if numbers and not (counted and int(counted.group("count")) == len(run)):
        return []
    return run if len(run) > 1 else []


# A whole named within this many characters of its clause's opening (上半年全县) is its subject,
# which the clauses after it that name no place keep.
SUBJECT_REACH = 6


def resolve_amount_places(sentence: str, amounts: Sequence[Amount], mentions: list[PlaceMention],
                          sentence_place: PlaceRecord | None, gazetteer: Gazetteer,
                          home: PlaceRecord | None = None) -> list[PlaceRecord | None]:
    """The place of each amount of a sentence. After a list of places and 分别, the i-th
    amount of the run that follows is of the i-th place when the counts match
    (建平县、喀左县…分别达到8.62亿元和5.47亿元), as is that of a later run with no list of its
    own; else, in a clause naming several places,
    the one named since the amount before (绥中县3所、兴城市5所); else the places named in
    the amount's own clause (分县看,建平县108所,喀左县74所), or in the clause before one that
    only gives it (其中海州区最高，为91.2%); else the sentence's place, but
    for a total before its parts (其中…) that names none, the ``home`` place where there is
    one (新建农田5.2万亩，其中马市镇1.1万亩)."""
    opening = relation_rules().parts_open.search(sentence)
    parts = opening.start() if opening else -1
    whole_place = sentence_place
    if home is not None and parts != -1 and not any(m.start < parts for m in mentions):
        whole_place = home
    places: list[PlaceRecord | None] = []
    scope: HomeScope | None = None
    for index, amount in enumerate(amounts):
        clause_start, stop = _clause_of(sentence, amount)
        # the start of the words an aside holding only the amount follows, if it is in one
        followed = None
        if clause_start and sentence[clause_start - 1] in ASIDE and sentence.startswith(
                ASIDE[sentence[clause_start - 1]], amount.end):
            last = LAST_CLAUSE_BREAK.search(sentence, 0, clause_start - 1)
            followed = last.end() if last else 0
        if followed is not None:
            # 兰溪市女埠街道（41微克/立方米）、金东区孝顺镇（40微克/立方米）: an aside holding only
            # the amount is of the place it follows
            owner_start = max(followed, amounts[index - 1].end if index else 0)
            owner = _place_named([m for m in mentions if owner_start <= m.start and m.end <= clause_start - 1],
                                 gazetteer, home)
            if owner is not None:
                places.append(owner)
                continue
        in_clause = [m for m in mentions if clause_start <= m.start and m.end <= stop]
        # 绥中县新建学校3所、兴城市5所: in a list of places with their amounts, the place
        # named since the amount before is this one's.
        item_start = max(clause_start, amounts[index - 1].end if index else 0)
        in_item = [m for m in in_clause if item_start <= m.start and m.end <= amount.start]
        # …, 兰溪市女埠街道（41微克/立方米）: a town written right after its district is one place
        one_place = len(in_item) == 1 or len(in_item) == 2 and in_item[0].end == in_item[1].start \
            and in_item[1].record.level == "town"
        named = _place_named(in_item, gazetteer, home) if len(in_clause) > 1 and one_place else None
        if amount.item:  # 兴城市、绥中县各新建幼儿园2所: an item that is a place is the amount's place
            # (甲镇、乙镇粮食总产均超过…: the last item opens with its place; 对甲县、乙县，市财政各
            # 安排…: the list is in the clause before)
            near = in_clause if amount.item in sentence[clause_start:stop] \
                else [m for m in mentions if m.end <= amount.start]
            named = _place_named([m for m in near if amount.item.endswith(m.text) or amount.item.startswith(m.text)],
                                 gazetteer, home) or named
        fallback = whole_place if amount.end <= parts else sentence_place
        if not in_clause and mentions and (
                amount.end > parts and all(_owned_later(sentence, m, stop, amounts) for m in mentions)
                or all(_object_later(sentence, m, stop, amounts) for m in mentions)):
            # 其中中心城区168家，潞江镇…发展特色咖啡馆37家: a place named in a later clause with a
            # figure of its own is that figure's, not this one's; nor is one where or on which later
            # work was done (…，在杨柳青镇举办主场活动)
            fallback = home
        # 根据洛阳市…核算结果，上半年全县实现…，同比增长5.6%: the home's own figures, in the clause
        # naming its whole and in those after it that name no place, where it opens its clause
        own_scope = home_scope(sentence, clause_start, amount.start, home, gazetteer)
        if own_scope is not None and own_scope.start - clause_start <= SUBJECT_REACH:
            scope = own_scope
        if followed is not None:  # 高于全市平均水平（4.4%）: the whole's own figure
            own_scope = home_scope(sentence, followed, clause_start - 1, home, gazetteer, compared=True) or own_scope
        named_scope = next((found for found in (own_scope, scope) if found is not None and not any(
            found.end <= m.start and m.end <= amount.start for m in mentions)), None)
        if named_scope is not None:
            places.append(named_scope.place)
            continue
        if not in_clause and (ranked := ranked_clause(sentence, amount.start)):
            # 其中海州区最高，为91.2%: the place that ranks first
            in_clause = [m for m in mentions if ranked[0] <= m.start and m.end <= ranked[1]]
        if not in_clause and index:
            # 化州市新建生产线5条，茂南区大力发展采摘游，共接待游客8万人次: the one place named
            # since the amount before, in clauses of no amount, where it opens its clause
            since = [m for m in mentions if amounts[index - 1].end <= m.start and m.end <= amount.start]
            if len(since) == 1 and _opens_clause(sentence, since[0]):
                in_clause = since
        places.append(named or _place_named(in_clause, gazetteer, home) or fallback)
    previous: list[PlaceMention] = []
    for position, run in respective_runs(sentence, amounts):
        # …分别完成投资680万元、455万元，工程形象进度分别达到65%和50%: a run after another
        # with no list of its own is of the same places
        totals = [amounts[index].start for index in stated_totals(amounts, run)]
        listed = _listed_before(sentence, mentions, position, totals) or previous
        previous = listed
        if listed and len(listed) == len(run):
            for mention, index in zip(listed, run):
                places[index] = _place_named([mention], gazetteer, home)
    return places


def _object_later(sentence: str, mention: PlaceMention, stop: int, amounts: Sequence[Amount]) -> bool:
    # Whether a place stands after a clause ending at ``stop``, in a clause holding no amount that
    # it does not open: where something was done (发放宣传资料3.5万份，在杨柳青镇举办主场活动), or
    # what it was done to (新增冷链库容5,000吨，推动闸口镇交易市场扩容改造).
    if mention.start < stop or _opens_clause(sentence, mention):
        return False
    start, end = _clause_of(sentence, mention)
    return not any(start <= amount.start and amount.end <= end for amount in amounts)


def _opens_clause(sentence: str, mention: PlaceMention) -> bool:
    # Whether the place stands first in its clause (茂南区依托近郊优势…), not in an aside
    # (出现在8月18日（西沱镇）, 参加海峡两岸（三明）林业博览会).
    start = _clause_of(sentence, mention)[0]
    return not sentence[start:mention.start].strip() and not (start and sentence[start - 1] in ASIDE)


def _owned_later(sentence: str, mention: PlaceMention, stop: int, amounts: Sequence[Amount]) -> bool:
    # Whether a place stands after a clause ending at ``stop``, in a clause holding an amount after it.
    if mention.start < stop:
        return False
    end = CLAUSE_BREAK.search(sentence, mention.end)
    end = end.start() if end else len(sentence)
    return any(mention.end <= amount.start and amount.end <= end for amount in amounts)


def breakdown_label(sentence: str, amount: Amount, mentions: list[PlaceMention],
                    previous: Sequence[tuple[str | None, str, str]]) -> str | None:
    """What an amount with no words of its own measures when its clause is only a place
    and the amount (分县区看,建平县108所,喀左县74所): a breakdown by place of the first
    level of its unit in the sentence before (全市共有幼儿园531所), given as ``previous``
    ``(label, unit, aspect)`` of that sentence's claims; None for any other clause."""
    clause_start, stop = _clause_of(sentence, amount)
    named = [m for m in mentions if clause_start <= m.start and m.end <= stop]
    if not named:
        return None
    rest = [ch for index, ch in enumerate(sentence[clause_start:stop], clause_start)
            if not amount.start <= index < amount.end and not any(m.start <= index < m.end for m in named)]
    if "".join(rest).strip():
        return None
    return next((label for label, unit, aspect in previous if label and unit == amount.unit and aspect == "level"),
                None)


def resolve_claim_place(sentence: str, amount: Amount, sentence_place: PlaceRecord | None,
                        gazetteer: Gazetteer, home: PlaceRecord | None = None) -> PlaceRecord | None:
    """An amount's place: the country where its clause speaks of 全国 (全国平均水平为75%);
    with the document's ``home`` place, the home's province where its clause opens with 全省
    (全省…为88%，我县达到92%) and the home where it opens with 我市/我县; else its sentence's place."""
    clause_start, clause_end = _clause_of(sentence, amount)
    clause = sentence[clause_start:clause_end]
    if national_marker().search(clause):
        return gazetteer.country
    if home is not None:
        if own_marker().match(clause):
            return home
        if province_marker().match(clause):
            return next((p for p in (home, *gazetteer.ancestors(home)) if p.level == PROVINCE), sentence_place)
    return sentence_place
