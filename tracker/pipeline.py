"""Text in, claims out: clean, split, extract, resolve, with no database."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from tracker.cleaning import CleanText, clean_text
from tracker.extracting import Amount, extract_amounts
from tracker.labeling import Label, has_traditional, label_amounts, share_labels, simplified
from tracker.relating import (ExtractedLink, comparison_links, following_part_links, said_of, sentence_part_links,
                              step_links, table_total_links)
from tracker.places import (PlaceMention, PlaceRecord, document_mentions, find_places, infer_home_place, issuer_place,
                            load_gazetteer, located_units, named_in_full, subject_mentions, unit_mentions)
from tracker.rules import load_rules
from tracker.resolving import (
    Context,
    breakdown_label,
    carries_year,
    publication_lines,
    resolve_amount_places,
    resolve_claim_place,
    resolve_kind,
    resolve_place,
    resolve_period,
    resolve_year,
    respective_years,
    row_town,
    seasons_dated,
    section_context,
    table_cell_kind,
    yearly_goal,
)
from tracker.segmenting import (TextSpan, colon_openers, joined_openers, split_sections, split_sentences,
                                split_stories)
from tracker.tables import compact_row_label, table_cells
from tracker.vocabulary import load_vocabulary


@dataclass(frozen=True)
class ExtractedClaim:
    """One claim with its place in the cleaned text and in the original."""

    section: int
    sentence: int
    start: int
    end: int
    raw_start: int
    raw_end: int
    text: str
    value: Decimal | None
    value_high: Decimal | None
    unit: str
    approx: str
    redacted: bool
    metric_label: str | None
    year: int | None
    period: str | None
    locality: str | None
    kind: str
    place: PlaceRecord | None = None
    aspect: str = "level"
    metric_key: str | None = None
    family: str = ""


@dataclass
class ExtractedDocument:
    """Everything extraction finds in one text."""

    clean: CleanText
    title: str | None
    year: int | None
    sections: list[TextSpan]
    section_contexts: list[Context]
    section_places: list[PlaceRecord | None]
    sentences: list[tuple[int, TextSpan]]
    claims: list[ExtractedClaim]
    links: list[ExtractedLink] = field(default_factory=list)


def document_title(text: str) -> str | None:
    """The first non-empty line of the cleaned text, as the title."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def extract_document(raw: str, year: int | None = None, place: PlaceRecord | None = None) -> ExtractedDocument:
    """Clean ``raw`` and extract every claim of it; ``year`` overrides the year found;
    ``place`` is the place of sections whose text names none."""
    clean = clean_text(raw)
    text = clean.text
    sections = split_sections(text)
    sentences: list[tuple[int, TextSpan]] = []
    claims: list[ExtractedClaim] = []
    # A page's publication date dates a document that names no year, not the parts of a collection;
    # on a page of dated stories, each story's date dates it.
    datelines = publication_lines(clean.raw) if len(sections) == 1 else []
    stories = split_stories(text, [clean.clean_offset(position) for position, _, _ in datelines]) \
        if len(datelines) > 1 else []
    if len(stories) > 1:
        sections, published = stories, [(year, month) for _, year, month in datelines]
    else:
        published = [datelines[0][1:] if datelines else (None, None)] * len(sections)
    # years are read where each season over two years is written as the one year dating it
    dating = seasons_dated(text, published[0][0])
    contexts = [section_context(dating, section.start, section.end, year=year, published=published[index][0],
                                published_month=published[index][1])
                for index, section in enumerate(sections)]
    doc_year = next((context.year for context in contexts if context.year is not None), None)
    gazetteer = load_gazetteer()
    vocabulary = load_vocabulary()
    rules = load_rules()
    respectively = rules.respectively
    traditional = has_traditional(text)  # 學校, 萬元: labels are written in simplified characters
    links: list[ExtractedLink] = []
    sentence_claims: list[list[int]] = []
    section_mentions = [document_mentions(text[section.start:section.end], gazetteer) for section in sections]
    # a story that names no place of its own is of the page's (我市, 全市 on a city's news page)
    page_home = infer_home_place(text, gazetteer, document_mentions(text, gazetteer)) if len(stories) > 1 else None
    homes = [infer_home_place(text[section.start:section.end], gazetteer, mentions) or page_home or place
             for section, mentions in zip(sections, section_mentions)]
    if homes == [None]:  # a page whose text names no place of its own is of its issuer's (来源：威县人社局)
        homes = [issuer_place(clean.raw, gazetteer)]
    for section_index, (section, context) in enumerate(zip(sections, contexts)):
        home = homes[section_index]
        # the home first, then every place the section names in full, whose short names it licenses
        named = named_in_full(section_mentions[section_index])
        known = ((home,) if home is not None else ()) + tuple(record for record in named if record != home)
        units = located_units(text[section.start:section.end], section_mentions[section_index])
        section_first = len(sentences)
        heading = None  # the sentence before, when it has no amounts: it may be a heading
        section_sentences = split_sentences(text, section.start, section.end)
        rows = table_cells([sentence.text for sentence in section_sentences])
        table_rows: list[tuple[int, list, list[int]]] = []  # each row's position, cells and claims
        carried = [opener if opener and carries_year(context, sentence.start) else "" for sentence, opener in zip(
            section_sentences, joined_openers(text, section_sentences, rules.carried_year_opening,
                                              rules.carried_time_own, across_sentences=True))]
        openers = [colon or goal or time or year for colon, goal, time, year in zip(
            colon_openers(text, section_sentences), joined_openers(text, section_sentences, rules.goal_opening),
            joined_openers(text, section_sentences, rules.time_opening, rules.time_own), carried)]
        for position, (sentence, opener) in enumerate(zip(section_sentences, openers)):
            sentence_index = len(sentences)
            sentences.append((section_index, sentence))
            row = rows.get(position)  # a table row's figures, read by its header
            dated = sentence.text if dating is text else dating[sentence.start:sentence.end]
            amounts = [cell.amount for cell in row] if row else extract_amounts(sentence.text)
            # a row's label spaced out for alignment (索　县) is read as the name it is
            named = compact_row_label(sentence.text) if row else sentence.text
            found = find_places(named, gazetteer, known) if amounts else []
            if not row:
                amounts = _outside_place_names(amounts, found)
            first = len(claims)
            sentence_claims.append(list(range(first, first + len(amounts))))
            previous, heading = heading, None if amounts else sentence.text
            if not amounts:
                continue
            mentions = subject_mentions(named, unit_mentions(named, found, units) if units else found)
            sentence_place = resolve_place(named, home, gazetteer, known, mentions)
            if row:
                listed_years = {index: cell.year for index, cell in enumerate(row) if cell.year}
                labels = [Label(cell.label_in([m.text for m in mentions]), "level") for cell in row]
            else:
                listed_years, year_spans = (respective_years(dated, amounts) if respectively in sentence.text
                                            else ({}, []))
                labels = label_amounts(sentence.text, amounts, [(m.start, m.end) for m in mentions] + year_spans,
                                       previous)
            if traditional:
                labels = [replace(label, text=simplified(label.text)) if label.text else label for label in labels]
            amount_places = resolve_amount_places(named, amounts, mentions, sentence_place, gazetteer, home)
            town = row_town(mentions, home, gazetteer) if row else None
            if town is not None:
                amount_places = [town] * len(amounts)
            if sentence_index > section_first:
                earlier = [(claims[i].metric_label, claims[i].unit, claims[i].aspect)
                           for i in sentence_claims[sentence_index - 1]]
                labels = [Label(breakdown_label(sentence.text, amount, mentions, earlier), "level")
                          if label.text is None and label.aspect == "level" else label
                          for amount, label in zip(amounts, labels)]
            part_links = sentence_part_links(sentence.text, amounts, first, [a.family for a in amounts],
                                             [label.aspect for label in labels])
            for link in part_links:
                if link.relation == "share":
                    holder, share = link.head - first, link.tail - first
                    labels = share_labels(labels, share, holder, amounts[holder])
            levels_said_of = said_of(labels)
            for index, (amount, label, amount_place) in enumerate(zip(amounts, labels, amount_places)):
                claim_place = resolve_claim_place(sentence.text, amount, amount_place, gazetteer, home)
                start, end = sentence.start + amount.start, sentence.start + amount.end
                raw_start, raw_end = clean.raw_span(start, end)
                read, item = _under_opener(opener, dated, amount)
                kind = table_cell_kind(row[index].target, row[index].year, context) if row \
                    else resolve_kind(read, item, context, start)
                period, period_end = (row[index].period, None) if row and row[index].period \
                    else (None, None) if index in listed_years \
                    else resolve_period(read, item, kind == "target", context, start)
                claim_year = listed_years.get(index) or (
                    None if period or kind == "target" and yearly_goal(read, item, context, start)
                    else resolve_year(read, item, context, start, kind == "target"))
                if row and row[index].years_back and claim_year is not None and index not in listed_years:
                    claim_year -= row[index].years_back  # 上年同期⇥203100: the year before the text's
                level = levels_said_of.get(index)
                if level is not None and not period and index not in listed_years \
                        and claims[first + level].year is not None:
                    # a change is of the year of the level it is said of (…2,146件，去年同期为1,932件，
                    # 同比增长8.3%: of 2024, not of the 去年 the clause before names)
                    claim_year, period_end = claims[first + level].year, None
                claims.append(ExtractedClaim(
                    section=section_index,
                    sentence=sentence_index,
                    start=start,
                    end=end,
                    raw_start=raw_start,
                    raw_end=raw_end,
                    text=_surface(raw[raw_start:raw_end], text[start:end]),
                    value=amount.value,
                    value_high=amount.value_high,
                    unit=amount.unit,
                    approx=amount.approx,
                    redacted=amount.redacted,
                    metric_label=label.text,
                    year=period_end if period_end is not None else claim_year,
                    period=period,
                    locality=claim_place.name if claim_place else None,
                    kind=kind,
                    place=claim_place,
                    aspect=label.aspect,
                    metric_key=_metric_key(vocabulary, label, amount, amounts),
                    family=amount.family,
                ))
            links += comparison_links(first, labels, lambda index: claims[index].year, sentence.text)
            links += part_links
            if row:
                table_rows.append((position, row, list(range(first, len(claims)))))
        section_spans = [span for _, span in sentences[section_first:]]
        links += step_links(section_spans, sentence_claims[section_first:], claims)
        links += following_part_links(text, section_spans, sentence_claims[section_first:], claims)
        links += table_total_links(table_rows, claims)
    return ExtractedDocument(clean, document_title(text), doc_year, sections, contexts, homes, sentences, claims,
                             list(dict.fromkeys(links)))


def _outside_place_names(amounts: list[Amount], mentions: list[PlaceMention]) -> list[Amount]:
    """``amounts`` without those written inside a place's name (六枝特区, 八步区: a numeral and a
    measure word opening the name; 七台河 where the text names 七台河市 in full), which the
    gazetteer knows better than a rule on the characters after them."""
    named = [(m.start, m.end) for m in mentions]
    return [amount for amount in amounts
            if not any(start <= amount.start and amount.end <= end for start, end in named)]


def _surface(raw: str, clean: str) -> str:
    # As written in the source (a line wrap kept: 600余万\n元), unless page furniture cut it
    # (1\n\n4、860萬元 → 1860萬元).
    if "\n" in raw and "".join(raw.split()) != "".join(clean.split()):
        return clean
    return raw


def _under_opener(opener: str, sentence: str, amount: Amount) -> tuple[str, Amount]:
    # A sentence under an opener (…目标是：A；B。C) is read with the opener before it.
    if not opener:
        return sentence, amount
    return opener + sentence, replace(amount, start=amount.start + len(opener), end=amount.end + len(opener))


def _metric_key(vocabulary, label, amount, amounts) -> str | None:
    # A change is a change of its level's metric, matched with the level's family.
    if label.aspect != "level" and label.origin is not None:
        entry = vocabulary.match(label.text, amounts[label.origin].family)
    else:
        entry = vocabulary.match(label.text, amount.family, label.aspect)
    return entry.key if entry else None


def extract_claims(raw: str) -> list[ExtractedClaim]:
    """The claims of one text, without a database (for tests and benchmarks)."""
    return extract_document(raw).claims
