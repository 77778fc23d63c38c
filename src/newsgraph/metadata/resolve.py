"""Choose each metadata field from what the input format states and what cleaning found.

Priorities, most trusted first:

1. ``given``: what the input format states outright (a JSON Lines ``title``, an HTML page's
   ``published``, a Reuters ``<DATE>``). It was written as metadata, so it beats anything read off
   the text. It has no evidence in the text, so it adds none to :attr:`Metadata.evidence`.
2. A stamp line ("[June 18, 2024]"): a date printed as the article's date.
3. The dateline ("SEOUL (Reuters) -"), and the byline for authors: the outlet's own header.
4. A byline's outlet ("By A | Reuters"), then a "Source: X" line at the end, then a line sending
   the reader to the outlet ("Read more on X", "This article first appeared on X").
5. A credit trailer's reporters ("(Reporting by A)") for authors.
6. Credit tags ("(Yonhap)", which fill :attr:`Metadata.agencies`, never the outlet) and
   copyright holders, the weakest outlet evidence: a holder is the company, not always the
   outlet ("Thomson Reuters" publishes "Reuters"). A holder that contains another outlet or
   agency candidate of the same article names that candidate; otherwise it is the outlet only
   when nothing better was found.

Within one rank, the higher confidence and then the earlier finding wins. Authors come from the
byline, else from the trailer's reporters; reporters who are not authors, and "Additional
reporting" names, are contributors. The publication date is completed or inferred by
:mod:`newsgraph.metadata.published`; the language is told by :mod:`newsgraph.metadata.language`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from newsgraph.dates import PartialDate, parse_date
from newsgraph.metadata import byline, dateline, outlet, stamps, title
from newsgraph.metadata._people import unique_names
from newsgraph.metadata.language import detect_language
from newsgraph.metadata.published import PublishedDate, infer_published
from newsgraph.records import Evidence, Metadata
from newsgraph.steps import Found
from newsgraph.textmap import OffsetMap

__all__ = ["resolve_metadata", "RULE_RANKS"]

RULE_RANKS: Mapping[str, int] = MappingProxyType(
    {
        stamps.RULE: 1,
        title.RULE: 1,
        dateline.RULE: 2,
        dateline.DATE_RULE: 2,
        dateline.OUTLET_RULE: 2,
        byline.RULE: 2,
        byline.OUTLET_RULE: 3,
        outlet.SOURCE_RULE: 4,
        outlet.PROMO_RULE: 4,
        byline.TRAILER_REPORTING_RULE: 5,
        byline.TRAILER_ADDITIONAL_RULE: 5,
        outlet.CREDIT_RULE: 6,
        outlet.COPYRIGHT_RULE: 6,
    }
)
"""Rank of each finding rule (lower wins); an unknown rule ranks after all of these."""

_UNKNOWN_RANK = 9
_TEXT_FIELDS = ("title", "dateline", "url")


def resolve_metadata(
    given: Mapping[str, Any],
    found: Sequence[Found],
    clean_text: str,
    today: date,
    *,
    offset_map: OffsetMap | None = None,
) -> Metadata:
    """The article's :class:`Metadata`, each field chosen by the priorities of this module.

    ``today`` bounds the inference of a missing year (pass a fixed date for reproducible
    results). ``offset_map`` (clean to raw) locates in the raw text the evidence of a date
    inferred from the body; without it that evidence's raw span is ``(-1, -1)``.
    """
    metadata = Metadata()
    for name in _TEXT_FIELDS:
        _choose_text(metadata, name, given, found)
    _choose_outlet(metadata, given, found)
    _choose_people(metadata, given, found)
    _choose_published(metadata, given, found, clean_text, today, offset_map)
    language = given.get("language")
    metadata.language = language if isinstance(language, str) and language else detect_language(clean_text)
    return metadata


def _ranked(found: Sequence[Found], field: str) -> list[Found]:
    candidates = [item for item in found if item.field == field and item.value]
    order = {id(item): position for position, item in enumerate(candidates)}
    return sorted(
        candidates,
        key=lambda item: (RULE_RANKS.get(item.evidence.rule, _UNKNOWN_RANK), -item.confidence, order[id(item)]),
    )


def _given_text(given: Mapping[str, Any], name: str) -> str | None:
    value = given.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _given_list(given: Mapping[str, Any], *names: str) -> list[str]:
    values: list[str] = []
    for name in names:
        value = given.get(name)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, (list, tuple)):
            values.extend(str(item).strip() for item in value if str(item).strip())
    return unique_names(values)


def _choose_text(metadata: Metadata, name: str, given: Mapping[str, Any], found: Sequence[Found]) -> None:
    value = _given_text(given, name)
    if value is None:
        ranked = _ranked(found, name)
        if ranked:
            value = str(ranked[0].value)
            metadata.evidence[name] = ranked[0].evidence
    setattr(metadata, name, value)


def _choose_outlet(metadata: Metadata, given: Mapping[str, Any], found: Sequence[Found]) -> None:
    agencies = _ranked(found, "agency")
    metadata.agencies = unique_names(_given_list(given, "agencies", "agency") + [str(item.value) for item in agencies])
    if agencies:
        metadata.evidence["agencies"] = agencies[0].evidence
    metadata.outlet = _given_text(given, "outlet")
    if metadata.outlet is not None:
        return
    ranked = _ranked(found, "outlet")
    if not ranked:
        return
    best = ranked[0]
    value = str(best.value)
    if best.evidence.rule == outlet.COPYRIGHT_RULE:
        others = [str(item.value) for item in ranked if item.evidence.rule != outlet.COPYRIGHT_RULE]
        value = _named_within(value, others + metadata.agencies) or value
    metadata.outlet = value
    metadata.evidence["outlet"] = best.evidence


def _named_within(holder: str, names: Sequence[str]) -> str | None:
    """The first of ``names`` that ``holder`` contains as whole words ("Reuters" in "Thomson Reuters")."""
    for name in names:
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", holder, re.IGNORECASE):
            return name
    return None


def _choose_people(metadata: Metadata, given: Mapping[str, Any], found: Sequence[Found]) -> None:
    ranked = _ranked(found, "authors")
    bylines = [item for item in ranked if item.evidence.rule != byline.TRAILER_REPORTING_RULE]
    trailers = [item for item in ranked if item.evidence.rule == byline.TRAILER_REPORTING_RULE]
    additional = _ranked(found, "contributors")
    reporters = unique_names(str(name) for item in trailers for name in item.value)
    authors = _given_list(given, "authors", "author")
    if not authors and bylines:
        authors = unique_names(str(name) for name in bylines[0].value)
        metadata.evidence["authors"] = bylines[0].evidence
    contributors = _given_list(given, "contributors")
    if not authors and reporters:
        authors = reporters
        metadata.evidence["authors"] = trailers[0].evidence
    else:
        contributors.extend(reporters)
    contributors.extend(str(name) for item in additional for name in item.value)
    taken = {name.casefold() for name in authors}
    metadata.authors = authors
    metadata.contributors = [name for name in unique_names(contributors) if name.casefold() not in taken]
    if metadata.contributors and (additional or trailers):
        metadata.evidence["contributors"] = (additional or trailers)[0].evidence


def _choose_published(
    metadata: Metadata,
    given: Mapping[str, Any],
    found: Sequence[Found],
    clean_text: str,
    today: date,
    offset_map: OffsetMap | None,
) -> None:
    stated = _given_date(given.get("published"))
    if stated is not None:
        # What the input states is certain, unless it says how sure it is and how it was found
        # (a date inferred from the article's story).
        confidence = given.get("published_confidence")
        how = given.get("published_how")
        evidence = Evidence(-1, -1, str(how), str(given.get("published_rule", "given"))) if how else None
        if isinstance(confidence, (int, float)) or evidence is not None:
            level = float(confidence) if isinstance(confidence, (int, float)) else stated.confidence
            stated = PublishedDate(stated.value, level, evidence)
    if stated is None:
        for item in _ranked(found, "published"):
            try:
                stated = PublishedDate(PartialDate.from_iso(str(item.value)), item.confidence, item.evidence)
            except ValueError:
                continue
            break
    result = infer_published(stated, clean_text, today, offset_map)
    if result is None:
        return
    metadata.published = result.value.iso()
    metadata.published_confidence = result.confidence
    if result.evidence is not None:
        metadata.evidence["published"] = result.evidence


def _given_date(value: Any) -> PublishedDate | None:
    if isinstance(value, datetime):
        return PublishedDate(PartialDate.from_date(value.date()), 1.0)
    if isinstance(value, date):
        return PublishedDate(PartialDate.from_date(value), 1.0)
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is not None:
            return PublishedDate(parsed, 1.0)
    return None
