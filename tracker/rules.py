"""The extraction rules kept as data in ``seeds/``: loaded once, compiled once.

Units, scales, qualifiers, exclusions, idioms and cue words are TOML files
(readable with the standard library); this module turns them into the
lookup tables and compiled patterns the extractor uses. Nothing here lists
a rule inline.
"""
from __future__ import annotations

import re
import tomllib
import warnings
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import regex

RulePattern = re.Pattern | regex.Pattern  # see compile_rule


def seeds_dir() -> Path:
    """Where the seed files are, in a checkout or in an installed package."""
    import tracker.seeds

    return Path(tracker.seeds.__file__).parent


def load_seed(name: str) -> dict:
    """Parse one TOML seed file (``tomllib`` refuses duplicate keys)."""
    with open(seeds_dir() / name, "rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class UnitInfo:
    """What a unit surface means: canonical unit, factor into it, and family."""

    canonical: str
    factor: Decimal
    family: str


@dataclass(frozen=True)
class ExclusionRule:
    """A pattern that marks a candidate as not a claim."""

    name: str
    units: frozenset[str] | None
    before: RulePattern | None
    after: RulePattern | None
    surface: RulePattern | None


@dataclass
class Rules:
    """Every table and pattern the amount extractor needs."""

    units: dict[str, UnitInfo]
    unit_not_followed_by: dict[str, str]
    unit_only_followed_by: dict[str, str]
    unit_only_followed_by_words: tuple[str, ...]
    scales: dict[str, Decimal]
    minus_sign: regex.Pattern
    per_quantity: regex.Pattern
    per_quantity_kept: frozenset[str]
    fraction_words: dict[str, str]
    paired_measure: regex.Pattern
    division_after: tuple[str, ...]
    clock_seconds: dict[str, int]
    clock_unit: dict[str, str]
    divisions: frozenset[str]
    qualifiers_before: dict[str, str]
    qualifiers_not_after: dict[str, str]
    qualifiers_guarded: tuple[str, ...]
    qualifiers_inside: dict[str, str]
    qualifiers_after: dict[str, str]
    qualifiers_after_duration: dict[str, str]
    qualifiers_after_multiple: dict[str, str]
    qualifier_rank: dict[str, int]
    distant_bounds: tuple[RulePattern, ...]
    distant_hint: RulePattern
    exclusions: list[ExclusionRule]
    idioms: RulePattern
    titles: RulePattern
    one_count_cues: RulePattern
    one_count_units: frozenset[str]
    one_count_postposed: frozenset[str]
    one_multiple_cues: RulePattern
    one_multiple_units: frozenset[str]
    one_frequency_before: regex.Pattern
    one_frequency_units: frozenset[str]
    unitless_cues: RulePattern
    unitless_unit: dict[str, str]
    rate_without_percent: RulePattern
    ratio_without_unit: RulePattern
    ratio_reach: int
    distributive_separators: list[str]
    list_count: regex.Pattern
    distributive_determiners: str
    respectively: str
    respectively_joins: tuple[str, ...]
    respectively_clause_joins: tuple[str, ...]
    respectively_last_joins: tuple[str, ...]
    respectively_change_joins: tuple[str, ...]
    all_word: str
    all_not_after: str
    all_listed: RulePattern
    all_listed_after_any: RulePattern
    all_item_heads: tuple[str, ...]
    list_total: RulePattern
    cheng_not_followed_by: str
    cheng_qualified_not_followed_by: str
    range_joiners: regex.Pattern
    range_from_to: regex.Pattern
    range_spread: regex.Pattern
    year: regex.Pattern
    season: regex.Pattern
    meeting: regex.Pattern
    meeting_date: regex.Pattern
    meeting_dateline: regex.Pattern
    late_meeting_month: int
    late_page_month: int
    whole_year: regex.Pattern
    lead_year: regex.Pattern
    lead_reach: int
    time_opening: re.Pattern
    time_own: re.Pattern
    carried_year_opening: re.Pattern
    carried_time_own: re.Pattern
    meeting_title: regex.Pattern
    report_title: regex.Pattern
    hidden_year: regex.Pattern
    covering_titles: tuple[str, ...]
    covering_year: str
    base_year_before: tuple[str, ...]
    base_year_after: regex.Pattern
    base_compared_before: regex.Pattern
    base_compared_after: regex.Pattern
    base_amount_year: regex.Pattern
    change_from_before: regex.Pattern
    change_from_after: regex.Pattern
    year_results_meetings: tuple[str, ...]
    outline: regex.Pattern
    census_years: dict[str, int]
    census_pattern: regex.Pattern
    as_of: regex.Pattern
    base_year: regex.Pattern
    frame_reference: regex.Pattern
    published: regex.Pattern
    review_frame: regex.Pattern
    plan_title: regex.Pattern
    plan_document: regex.Pattern
    frame_heading: RulePattern
    top_heading: RulePattern
    problems_heading: RulePattern
    answers_part: RulePattern
    year_opening: RulePattern
    plan_frame: regex.Pattern
    relative_years: dict[str, int]
    calendar_years: frozenset[str]
    present_words: regex.Pattern
    former: regex.Pattern
    clause_year_before: regex.Pattern
    dated_change: regex.Pattern
    later_goal: regex.Pattern
    later_goal_spanned: regex.Pattern
    relative_year_pattern: RulePattern
    period_spans: dict[str, tuple[int, int]]
    period_pattern: RulePattern
    period_total_after: RulePattern
    period_end_after: RulePattern
    period_since_after: RulePattern
    period_year_after: RulePattern
    period_level_before: RulePattern
    period_level_not_alone: frozenset[str]
    period_level_total: regex.Pattern
    period_explicit: RulePattern
    period_per_unit: RulePattern
    period_each_year: RulePattern
    period_since: regex.Pattern
    period_since_now: regex.Pattern
    period_recent: regex.Pattern
    period_hint: RulePattern
    period_frame_span: regex.Pattern
    period_stock_before: regex.Pattern
    period_stock_now: regex.Pattern
    period_opening: regex.Pattern
    period_flow_cues: RulePattern
    section_heading: regex.Pattern
    section_opening: regex.Pattern
    salutations: tuple[str, ...]
    target_cues: list[str]
    target_cue_patterns: list[str]
    target_horizon: str
    plan_cues: list[str]
    cue_not_followed_by: RulePattern
    cue_not_preceded_by: RulePattern
    rule_asks: RulePattern
    goal_named_before: RulePattern
    goal_named_after: RulePattern
    bound_after_level: RulePattern
    actual_markers: regex.Pattern
    goal_opening: re.Pattern
    plan_totals: tuple[str, ...]


@cache
def unit_family(unit: str) -> str:
    """The family of a canonical unit (元 → money, 所 → count); ``""`` when unknown."""
    for info in load_rules().units.values():
        if info.canonical == unit:
            return info.family
    return ""


# Classes that ``re`` and ``regex`` read differently on Unicode text (``re`` follows
# str.isspace and str.isalnum: \x1c-\x1f are spaces to it, not to ``regex``).
_ENGINE_SENSITIVE = regex.compile(r"(?<!\\)(?:\\\\)*\\[sSwWbB]")


def compile_rule(pattern: str) -> RulePattern:
    """``pattern`` compiled by ``re`` where ``re`` reads it as ``regex`` does, else by ``regex``
    (``\\p{Han}``, variable-width look-behinds, ``\\s``...). For rules run on short windows
    thousands of times a document: ``re`` makes such calls about half as costly, while on
    longer text ``regex`` is often the faster engine (it skips ahead on literal prefixes)."""
    if not _ENGINE_SENSITIVE.search(pattern):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # a nested set or set operation: regex syntax
                return re.compile(pattern)
        except (re.error, FutureWarning):
            pass
    return regex.compile(pattern)


def clause_break_class(breaks: str) -> str:
    """A pattern for one of the characters ``breaks``, where a colon between digits (a ratio
    1:14.2, a time 8:30) and a comma grouping digits (3,500万元) are no break."""
    # One character class, then look-behinds on what it matched: as fast as the bare class,
    # where an alternation of the cases was three times slower under re.
    pattern = "[" + "".join(regex.escape(c) for c in breaks) + "]"
    colons = "".join(c for c in breaks if c in ":：")
    if colons:
        pattern += f"(?<!(?<=[0-9０-９])[{colons}](?=[0-9０-９]))"
    if "," in breaks:
        pattern += "(?<!(?<=[0-9]),(?=[0-9]{3}(?![0-9])))"
    return pattern


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first."""
    # Longest first, so 个百分点 wins over 个 and 万亿 over 万. The one-character words come
    # last as one class: the same matches, and both engines test a class at once.
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    longer = [regex.escape(w) for w in ordered if len(w) != 1]
    single = [w for w in ordered if len(w) == 1]
    if len(single) > 1:
        longer.append("[" + "".join(regex.escape(w) if w in "\\]^-[" else w for w in single) + "]")
    else:
        longer += [regex.escape(w) for w in single]
    return "|".join(longer)


def _all_listed(seed: dict, after_any: bool = False) -> str:
    """A pattern for a list of items ending in 均 and its verb, then the rest of the clause
    up to the amount (宽带接入率和配备率均达到): group ``items`` is the list. With ``after_any``,
    均 may follow a character that otherwise makes it an average (户均)."""
    separators = alternation(seed["list_separators"])
    not_after = "" if after_any else rf"(?<![{seed['all_not_after']}])"
    return (rf"(?P<items>[^，,；;：:。]*?(?:{separators})[^，,；;：:。]*?){not_after}"
            rf"{seed['all_word']}(?:(?:{alternation(seed['all_followers'])})[^，,；;：:。]*)?$")


def _list_total(seed: dict) -> str:
    """A pattern for a list of items and the word that makes a total theirs together, at a clause's
    start (天台县、仙居县、三门县合计): group ``items`` is the list."""
    separators = alternation(seed["list_separators"])
    return rf"\s*(?P<items>[^，,；;：:。]*?(?:{separators})[^，,；;：:。]*?)(?:{alternation(seed['list_totals'])})"


@cache
def load_rules() -> Rules:
    """Load and compile the seed rules (cached: once per process)."""
    unit_seed = load_seed("units.toml")
    units: dict[str, UnitInfo] = {}
    for entry in unit_seed["unit"]:
        info = UnitInfo(entry["canonical"], Decimal(str(entry.get("factor", 1))), entry["family"])
        for surface in entry["surfaces"]:
            units[surface] = info
    measure_words = unit_seed["measure_words"]
    times = measure_words["times"]
    for word in measure_words["simplified"]:
        units.setdefault(word, UnitInfo(word, Decimal(1), "count"))
        if word not in measure_words["not_times"] and not word.endswith(times):  # 种次, 门次: occasions of its kind
            units.setdefault(word + times, UnitInfo(word + times, Decimal(1), "count"))
    for surface, simplified in measure_words["traditional"].items():
        units.setdefault(surface, UnitInfo(simplified, Decimal(1), "count"))

    qualifiers = unit_seed["qualifiers"]
    cue_seed = load_seed("cues.toml")
    # what makes a count of years no span: one list for the periods and the exclusions
    not_a_span = cue_seed["periods"]["not_a_span"]

    def with_spans(pattern: str) -> str:
        return pattern.replace("{not_a_span}", not_a_span)

    exclusion_seed = load_seed("exclusions.toml")
    exclusions = [
        ExclusionRule(
            name=rule["name"],
            units=frozenset(rule["unit"]) if "unit" in rule else None,
            before=compile_rule(rule["before"]) if "before" in rule else None,
            after=compile_rule(with_spans(rule["after"])) if "after" in rule else None,
            surface=compile_rule(rule["surface"]) if "surface" in rule else None,
        )
        for rule in exclusion_seed["rule"]
    ]
    unitless_unit = {cue: unit for unit, cues in cue_seed["unitless"].items() for cue in cues}
    return Rules(
        units=units,
        unit_not_followed_by=unit_seed["measure_words"]["not_followed_by"],
        unit_only_followed_by=unit_seed["measure_words"]["only_followed_by"],
        unit_only_followed_by_words=tuple(unit_seed["measure_words"]["only_followed_by_words"]),
        scales={k: Decimal(str(v)) for k, v in unit_seed["scales"].items()},
        per_quantity=regex.compile(unit_seed["per_quantity"]["after"]),
        per_quantity_kept=frozenset(unit_seed["per_quantity"]["kept_families"]),
        fraction_words=dict(unit_seed["fraction_words"]),
        paired_measure=regex.compile(unit_seed["measure_words"]["paired"]),
        division_after=tuple(unit_seed["division_counts"]["after"]),
        clock_seconds=dict(unit_seed["clock_units"]["seconds"]),
        clock_unit=dict(unit_seed["clock_units"]["as_unit"]),
        divisions=frozenset(unit_seed["division_counts"]["divisions"]),
        minus_sign=regex.compile(f"(?<![{unit_seed['signs']['not_after']}])(?:{alternation(unit_seed['signs']['minus'])})$"),
        qualifiers_before=qualifiers["before"],
        qualifiers_not_after=qualifiers["not_after"],
        # 约, but not where it ends a word (签约826人 counts people signed, not about 826)
        qualifiers_guarded=tuple(rf"(?<![{regex.escape(chars)}]){regex.escape(word)}"
                                 for word, chars in qualifiers["not_after"].items()),
        qualifiers_inside=qualifiers["inside"],
        qualifiers_after=qualifiers["after"],
        qualifiers_after_duration=qualifiers["after_duration"],
        qualifiers_after_multiple=qualifiers["after_multiple"],
        qualifier_rank=qualifiers["rank"],
        distant_bounds=tuple(compile_rule(pattern) for pattern in qualifiers["distant"].values()),
        # the bound words themselves, for one test of a sentence before the patterns
        distant_hint=compile_rule(alternation([word for word, approx in qualifiers["before"].items()
                                               if len(word) > 1 and approx in ("at_least", "less_than", "more_than")]
                                              + qualifiers["distant_hints"]["words"])),
        exclusions=exclusions,
        idioms=compile_rule(alternation(exclusion_seed["idioms"]["phrases"])),
        titles=compile_rule(exclusion_seed["titles"]["pattern"]),
        one_count_cues=compile_rule("(?:" + alternation(exclusion_seed["one_counts"]["cues"]) + ")$"),
        one_count_units=frozenset(exclusion_seed["one_counts"]["units"]),
        one_count_postposed=frozenset(exclusion_seed["one_counts"]["postposed_units"]),
        one_multiple_cues=compile_rule("(?:" + alternation(exclusion_seed["one_counts"]["multiple_cues"]) + ")$"),
        one_multiple_units=frozenset(exclusion_seed["one_counts"]["multiple_units"]),
        one_frequency_before=regex.compile(exclusion_seed["one_counts"]["frequency_before"]),
        one_frequency_units=frozenset(exclusion_seed["one_counts"]["frequency_units"]),
        unitless_cues=compile_rule(alternation(unitless_unit)),
        unitless_unit=unitless_unit,
        rate_without_percent=compile_rule(cue_seed["rate_without_percent"]["before"]),
        ratio_without_unit=compile_rule(cue_seed["ratio_without_unit"]["before"]),
        ratio_reach=cue_seed["ratio_without_unit"]["reach"],
        distributive_separators=cue_seed["distributive"]["list_separators"],
        list_count=regex.compile(f"(?P<count>[0-9])[{regex.escape(cue_seed['distributive']['list_count_units'])}]"),
        distributive_determiners=cue_seed["distributive"]["determiner_followers"],
        respectively=cue_seed["distributive"]["respectively"],
        respectively_joins=tuple(cue_seed["distributive"]["respectively_joins"]),
        respectively_clause_joins=tuple(cue_seed["distributive"]["respectively_clause_joins"]),
        respectively_last_joins=tuple(cue_seed["distributive"]["respectively_last_joins"]),
        respectively_change_joins=tuple(cue_seed["distributive"]["respectively_change_joins"]),
        all_word=cue_seed["distributive"]["all_word"],
        all_not_after=cue_seed["distributive"]["all_not_after"],
        all_listed=compile_rule(_all_listed(cue_seed["distributive"])),
        all_listed_after_any=compile_rule(_all_listed(cue_seed["distributive"], after_any=True)),
        all_item_heads=tuple(cue_seed["distributive"]["all_item_heads"]),
        list_total=compile_rule(_list_total(cue_seed["distributive"])),
        cheng_not_followed_by=cue_seed["cheng"]["not_followed_by"],
        cheng_qualified_not_followed_by=cue_seed["cheng"]["qualified_not_followed_by"],
        range_joiners=regex.compile(cue_seed["ranges"]["joiners"]),
        range_from_to=regex.compile(cue_seed["ranges"]["from_to"]),
        range_spread=regex.compile(cue_seed["ranges"]["spread"]),
        year=regex.compile(cue_seed["years"]["year"]),
        season=regex.compile(cue_seed["years"]["season"]),
        meeting=regex.compile(cue_seed["years"]["meeting"]),
        meeting_date=regex.compile(cue_seed["years"]["meeting_date"]),
        meeting_dateline=regex.compile(cue_seed["years"]["meeting_dateline"]),
        late_meeting_month=cue_seed["years"]["late_meeting_month"],
        late_page_month=cue_seed["years"]["late_page_month"],
        whole_year=regex.compile(cue_seed["years"]["whole_year"]),
        lead_year=regex.compile(cue_seed["years"]["lead_year"]),
        lead_reach=cue_seed["years"]["lead_reach"],
        time_opening=re.compile(cue_seed["years"]["time_opening"]),
        time_own=re.compile(cue_seed["years"]["time_own"]),
        carried_year_opening=re.compile(cue_seed["years"]["carried_year_opening"]),
        carried_time_own=re.compile(cue_seed["years"]["carried_time_own"]),
        meeting_title=regex.compile(cue_seed["years"]["meeting_title"]),
        report_title=regex.compile(cue_seed["years"]["report_title"], regex.MULTILINE),
        hidden_year=regex.compile(cue_seed["years"]["hidden_year"]),
        covering_titles=tuple(cue_seed["years"]["covering_titles"]),
        covering_year=cue_seed["years"]["covering_year"],
        base_year_before=tuple(cue_seed["years"]["base_before"]),
        base_year_after=regex.compile(cue_seed["years"]["base_after"]),
        base_compared_before=regex.compile(cue_seed["years"]["base_compared_before"]),
        base_compared_after=regex.compile(cue_seed["years"]["base_compared_after"]),
        base_amount_year=regex.compile(cue_seed["years"]["base_amount"]),
        change_from_before=regex.compile(cue_seed["years"]["change_from_before"]),
        change_from_after=regex.compile(cue_seed["years"]["change_from_after"]),
        year_results_meetings=tuple(cue_seed["years"]["year_results_meetings"]),
        outline=regex.compile(cue_seed["years"]["outline"]),
        census_years=cue_seed["years"]["census_years"],
        census_pattern=regex.compile(alternation(cue_seed["years"]["census_years"])),
        as_of=compile_rule(cue_seed["years"]["as_of"]),
        base_year=regex.compile(cue_seed["years"]["base_year"]),
        frame_reference=compile_rule(cue_seed["years"]["frame_reference"]),
        published=regex.compile(cue_seed["years"]["published"]),
        review_frame=regex.compile(cue_seed["years"]["review_frame"]),
        plan_title=regex.compile(cue_seed["years"]["plan_title"]),
        plan_document=regex.compile(cue_seed["years"]["plan_document"]),
        plan_frame=regex.compile(cue_seed["years"]["plan_frame"]),
        frame_heading=compile_rule(cue_seed["years"]["frame_heading"]),
        top_heading=compile_rule(cue_seed["years"]["top_heading"]),
        problems_heading=compile_rule(cue_seed["years"]["problems_heading"]),
        answers_part=compile_rule(cue_seed["years"]["answers_part"]),
        year_opening=compile_rule(cue_seed["years"]["year_opening"]),
        relative_years=cue_seed["years"]["relative_years"],
        calendar_years=frozenset(cue_seed["years"]["calendar_years"]),
        present_words=regex.compile(cue_seed["years"]["present_words"]),
        former=regex.compile(cue_seed["years"]["former"]),
        clause_year_before=regex.compile(cue_seed["years"]["clause_year_before"]),
        dated_change=regex.compile(cue_seed["years"]["dated_change"]),
        later_goal=regex.compile(cue_seed["years"]["later_goal"]),
        later_goal_spanned=regex.compile(cue_seed["years"]["later_goal_spanned"]),
        relative_year_pattern=compile_rule(alternation(cue_seed["years"]["relative_years"])),
        period_spans={name: tuple(span) for name, span in cue_seed["periods"]["spans"].items()},
        period_pattern=compile_rule(alternation(cue_seed["periods"]["spans"])),
        period_total_after=compile_rule(cue_seed["periods"]["total_after"]),
        period_end_after=compile_rule(cue_seed["periods"]["end_after"]),
        period_since_after=compile_rule(cue_seed["periods"]["since_after"]),
        period_year_after=compile_rule(cue_seed["periods"]["year_after"]),
        period_level_before=compile_rule(cue_seed["periods"]["level_before"]),
        period_level_not_alone=frozenset(cue_seed["periods"]["level_not_alone"]),
        period_level_total=regex.compile(cue_seed["periods"]["level_total"]),
        period_explicit=compile_rule(cue_seed["periods"]["explicit"]),
        period_per_unit=compile_rule(cue_seed["periods"]["per_unit"]),
        period_each_year=compile_rule(cue_seed["periods"]["each_year"]),
        period_since=regex.compile(cue_seed["periods"]["since"]),
        period_since_now=regex.compile(cue_seed["periods"]["since_now"]),
        period_recent=regex.compile(with_spans(cue_seed["periods"]["recent"])),
        period_hint=compile_rule(alternation(cue_seed["periods"]["hints"])),
        period_frame_span=regex.compile(cue_seed["periods"]["frame_span"]),
        period_stock_before=regex.compile(cue_seed["periods"]["stock_before"]),
        period_stock_now=regex.compile(cue_seed["periods"]["stock_now"]),
        period_opening=regex.compile(cue_seed["periods"]["opening"]),
        period_flow_cues=compile_rule(f'(?:{alternation(cue_seed["periods"]["flow_cues"])})'
                                      f'(?![{cue_seed["periods"]["flow_cue_not_before"]}])'),
        section_heading=regex.compile(cue_seed["sections"]["heading"], regex.MULTILINE),
        section_opening=regex.compile(cue_seed["sections"]["opening"].replace(
            "{salutations}", alternation(cue_seed["sections"]["salutations"])), regex.MULTILINE),
        salutations=tuple(cue_seed["sections"]["salutations"]),
        target_cues=cue_seed["target"]["cues"],
        target_cue_patterns=cue_seed["target"]["cue_patterns"],
        target_horizon=cue_seed["target"]["horizon"],
        plan_cues=cue_seed["target"]["plan_cues"],
        cue_not_followed_by=compile_rule(cue_seed["target"]["not_followed_by"]),
        cue_not_preceded_by=compile_rule(cue_seed["target"]["not_preceded_by"]),
        rule_asks=compile_rule(cue_seed["target"]["rule_asks"]),
        goal_named_before=compile_rule(cue_seed["target"]["goal_named_before"]),
        goal_named_after=compile_rule(cue_seed["target"]["goal_named_after"]),
        bound_after_level=compile_rule(cue_seed["target"]["bound_after_level"]),
        actual_markers=regex.compile(cue_seed["target"]["actual_markers"]),
        goal_opening=re.compile(cue_seed["target"]["goal_opening"]),
        plan_totals=tuple(cue_seed["target"]["plan_totals"]),
    )

