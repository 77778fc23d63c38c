"""Scoring the events of one article against its real-news gold (``eval/gold/news/README.md``).

Events are matched within their sentence: a predicted event is in a gold event's sentence when the
gold anchor (the sentence's first words) starts inside the prediction's evidence span, or the span
starts inside the anchor (a sentence split after an inline dateline, "WARSAW, May 12 - ..."). Actors are
compared as **units**: an actor of a country is its country (a minister, ministry, army or
government of Russia are all ``RUS``); an actor of no country, and a predicted actor of an
international body (CAMEO ``IGO``, ``NGO``...), is itself, matched to a gold actor by knowledge-base
id or by name (see :class:`~newsgraph.evaluation.matching.ActorMatcher`); a predicted bare sector
with no id and no country is unknown and counts as no actor.

A prediction is **fully right** when it has the gold event's type and its sources and targets are
right: every known predicted actor is among the gold's units, and the predicted side is empty
exactly when the gold side is. A mutual gold event is matched by a prediction in either direction,
or mutual, between its actors; a directed gold event A -> B also by a mutual prediction of exactly
{A, B}. Pairs are one to one within a sentence: fully right pairs first (as many as possible,
events that count before background ones), then pairs of the same type, which say what went wrong.
A prediction matched to a background gold event is neutral.
"""

from __future__ import annotations

import re

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.errors import InputError
from newsgraph.evaluation.anchors import find_loosely
from newsgraph.evaluation.event_scores import EventScore
from newsgraph.evaluation.gold import GoldDocument
from newsgraph.evaluation.gold_news import NEWS_HINT, GoldEvent
from newsgraph.evaluation.matching import ActorMatcher
from newsgraph.evaluation.predictions import PredictedEvent, PredictedParty, Predictions
from newsgraph.evaluation.scores import Problem, Ratio
from newsgraph.metadata.dateline import match_dateline

__all__ = ["EventResult", "date_right", "score_events"]

_SHOWN_WORDS = 8


@dataclass(frozen=True)
class EventResult:
    """The event figures of one article, every wrong prediction and miss, and the fully right
    pairs as ``(gold event index, predicted event id)``."""

    score: EventScore
    problems: tuple[Problem, ...]
    matched: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class _Gold:
    index: int
    event: GoldEvent
    start: int
    end: int
    sources: frozenset[str]
    targets: frozenset[str]


@dataclass(frozen=True)
class _Predicted:
    index: int
    event: PredictedEvent
    sources: frozenset[str]
    targets: frozenset[str]


def date_right(predicted: str | None, gold: str) -> bool:
    """Whether the predicted ISO date is the gold one at the gold's precision ("2025-05-12" is
    right for "2025-05"; "2025" is not right for "2025-05-12")."""
    return predicted is not None and len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def score_events(
    gold: GoldDocument, body: str, predicted: Sequence[PredictedEvent], predictions: Predictions
) -> EventResult:
    """Score the events ``predicted`` in the clean ``body`` against the gold events.

    ``predictions`` holds the article's predicted actors, used to match an actor that is itself
    (an international organisation) to a gold actor by name. Raises
    :class:`~newsgraph.errors.InputError` naming the gold file and event when a gold sentence is
    not in the body.
    """
    units = _Units(gold, predictions)
    golds = [_locate(gold, index, event, body, units) for index, event in enumerate(gold.events or ())]
    preds = [
        _Predicted(index, event, units.of_parties(event.sources), units.of_parties(event.targets))
        for index, event in enumerate(predicted)
    ]
    full = {(g.index, p.index) for g in golds for p in preds if _same_sentence(g, p) and _fully_right(g, p)}
    matched = _max_matching(golds, preds, full)
    paired = _greedy_pairs(golds, preds, matched, same_type=True)
    leftover = _greedy_pairs(golds, preds, {**matched, **paired}, same_type=False)
    return _Outcome(gold, body, units, golds, preds, full, matched, paired, leftover).result()


class _Units:
    """Turns gold actor keys and predicted parties into the units they are compared as."""

    def __init__(self, gold: GoldDocument, predictions: Predictions) -> None:
        self.gold = gold
        self.matcher = ActorMatcher(gold, predictions)
        self.kb_owner = {actor.kb_id: actor.key for actor in gold.actors if actor.kb_id}

    def of_key(self, key: str) -> str:
        actor = self.gold.actor(key)
        return actor.country or f"@{key}"

    def of_party(self, party: PredictedParty) -> str | None:
        if party.id is not None and (party.international or party.country is None):
            key = self.kb_owner.get(party.id) or self.matcher.resolve(party.id)
            return self.of_key(key) if key else f"?{party.id}"
        return party.country

    def of_parties(self, parties: Sequence[PredictedParty]) -> frozenset[str]:
        return frozenset(unit for unit in map(self.of_party, parties) if unit is not None)

    def show_key(self, key: str) -> str:
        unit = self.of_key(key)
        return key if unit == f"@{key}" else f"{key} ({unit})"

    def show_party(self, party: PredictedParty) -> str:
        unit = self.of_party(party)
        name = party.id or party.code or "?"
        if unit is None:
            return f"{name} (unknown)"
        return name if unit in (f"?{party.id}", name) else f"{name} ({unit.lstrip('@')})"


# A gold sentence is its first words: "Lisbon: Two ministers" is too short to read as prose, which
# match_dateline asks of a place in ordinary case before a colon.
_PLACE_AND_COLON = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?: +(?=\S)")


def _after_dateline(body: str, event: GoldEvent) -> tuple[int, int] | None:
    dateline = match_dateline(event.sentence)
    if dateline is not None:
        return find_loosely(body, dateline["prose"], event.n)
    colon = _PLACE_AND_COLON.match(event.sentence)
    return find_loosely(body, event.sentence[colon.end():], event.n) if colon is not None else None


def _locate(gold: GoldDocument, index: int, event: GoldEvent, body: str, units: _Units) -> _Gold:
    # The gold was checked against the raw page: a sentence not in the clean text is one cleaning
    # lost (or changed past recognition). It is placed nowhere, so it counts as missed.
    # A sentence opening the article may hold the dateline cleaning cuts ("NAIROBI, Kenya: ...").
    span = find_loosely(body, event.sentence, event.n) or _after_dateline(body, event) or (-1, -1)
    return _Gold(
        index,
        event,
        span[0],
        span[1],
        frozenset(units.of_key(key) for key in event.source),
        frozenset(units.of_key(key) for key in event.target),
    )


def _same_sentence(gold: _Gold, predicted: _Predicted) -> bool:
    start, end = predicted.event.evidence_start, predicted.event.evidence_end
    return start <= gold.start < end or gold.start <= start < gold.end


def _side(predicted: frozenset[str], gold: frozenset[str]) -> bool:
    return predicted <= gold and bool(predicted) == bool(gold)


def _gold_sides(gold: _Gold, predicted: _Predicted) -> tuple[frozenset[str], frozenset[str]]:
    """The gold's sources and targets as the prediction is judged against them: a mutual gold
    event may be predicted in either direction between its parties."""
    if gold.event.mutual:
        return (gold.sources, frozenset()) if predicted.event.mutual else (gold.sources, gold.sources)
    return gold.sources, gold.targets


def _fits(gold: _Gold, predicted: _Predicted) -> bool:
    return predicted.event.fits_type(gold.event.type, gold.event.status)


def _fully_right(gold: _Gold, predicted: _Predicted) -> bool:
    if not _fits(gold, predicted):
        return False
    sources, targets = _gold_sides(gold, predicted)
    if _side(predicted.sources, sources) and _side(predicted.targets, targets):
        return True
    both = gold.sources | gold.targets
    return (
        predicted.event.mutual
        and not gold.event.mutual
        and bool(gold.sources)
        and bool(gold.targets)
        and predicted.sources == both
    )


def _dyad_error(gold: _Gold, predicted: _Predicted) -> str:
    """What is wrong with the actors of a prediction of the gold event's type."""
    sources, targets = _gold_sides(gold, predicted)
    found_sources, found_targets = predicted.sources, predicted.targets
    directed = not gold.event.mutual and not predicted.event.mutual
    if directed and found_sources and found_targets and found_sources <= targets and found_targets <= sources:
        return "direction"
    if sources and not found_sources:
        return "source missing"
    if not _side(found_sources, sources):
        return "wrong source"
    if targets and not found_targets:
        return "target missing"
    return "wrong target"


def _max_matching(golds: list[_Gold], preds: list[_Predicted], edges: set[tuple[int, int]]) -> dict[int, int]:
    """A largest one-to-one pairing over ``edges`` (gold index -> predicted index), built with
    augmenting paths from the events that count (key ones first) before background ones, so that
    as many counted events as possible are matched."""
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(gold: int, seen: set[int]) -> bool:
        for predicted in preds:
            if (gold, predicted.index) not in edges or predicted.index in seen:
                continue
            seen.add(predicted.index)
            if predicted.index not in owner or augment(owner[predicted.index], seen):
                owner[predicted.index] = gold
                return True
        return False

    for gold in sorted(golds, key=lambda item: (item.event.background, not item.event.key, item.index)):
        augment(gold.index, set())
    return {gold: predicted for predicted, gold in owner.items()}


def _greedy_pairs(
    golds: list[_Gold], preds: list[_Predicted], taken: dict[int, int], *, same_type: bool
) -> dict[int, int]:
    """Pairs of a gold event and a prediction in its sentence, both not yet paired (of the same
    type, or of any type), in text order."""
    used = set(taken.values())
    pairs: dict[int, int] = {}
    for gold in golds:
        if gold.index in taken or gold.event.background:
            continue
        for predicted in preds:
            if predicted.index in used or not _same_sentence(gold, predicted):
                continue
            if same_type and not _fits(gold, predicted):
                continue
            pairs[gold.index] = predicted.index
            used.add(predicted.index)
            break
    return pairs


class _Outcome:
    """Turns the pairs of one article into figures and problems."""

    def __init__(
        self,
        gold: GoldDocument,
        body: str,
        units: _Units,
        golds: list[_Gold],
        preds: list[_Predicted],
        full: set[tuple[int, int]],
        matched: dict[int, int],
        paired: dict[int, int],
        leftover: dict[int, int],
    ) -> None:
        self.gold, self.body, self.units = gold, body, units
        self.golds, self.preds, self.full = golds, preds, full
        self.matched, self.paired, self.leftover = matched, paired, leftover
        self.problems: list[Problem] = []

    def result(self) -> EventResult:
        by_predicted = {predicted: gold for gold, predicted in self.matched.items()}
        paired_with = {predicted: gold for gold, predicted in self.paired.items()}
        errors: Counter[str] = Counter()
        counted = right = type_right = neutral = 0
        confidences: list[tuple[float, bool]] = []
        for predicted in self.preds:
            gold_index = by_predicted.get(predicted.index)
            if gold_index is not None and self.golds[gold_index].event.background:
                neutral += 1
                continue
            counted += 1
            is_right = gold_index is not None
            right += is_right
            in_sentence = [gold for gold in self.golds if _same_sentence(gold, predicted)]
            type_right += any(_fits(gold, predicted) for gold in in_sentence)
            if predicted.event.confidence is not None:
                confidences.append((predicted.event.confidence, is_right))
            if not is_right:
                kind, expected = self._error(predicted, in_sentence, paired_with.get(predicted.index))
                errors[kind] += 1
                self._problem(kind, expected, predicted, in_sentence[0].start if in_sentence else None)
        status, date = self._matched_figures()
        counted_golds = [gold for gold in self.golds if not gold.event.background]
        misses: Counter[str] = Counter()
        for gold in counted_golds:
            if gold.index in self.matched:
                continue
            other = self.paired.get(gold.index, self.leftover.get(gold.index))
            kind = "missed" if other is None else "found with wrong dyad/type"
            misses[kind] += 1
            found = "nothing in this sentence" if other is None else self._show_predicted(self.preds[other])
            self.problems.append(
                Problem(self.gold.article, "event", kind, self._show_gold(gold, sentence=True), found, gold.start)
            )
        score = EventScore(
            predicted=counted,
            right=right,
            type_right=type_right,
            neutral=neutral,
            gold=len(counted_golds),
            found=sum(1 for gold in counted_golds if gold.index in self.matched),
            key=sum(1 for gold in counted_golds if gold.event.key),
            key_found=sum(1 for gold in counted_golds if gold.event.key and gold.index in self.matched),
            status=status,
            date=date,
            errors=dict(errors),
            misses=dict(misses),
            confidences=tuple(confidences),
        )
        pairs = tuple(sorted((gold, self.preds[predicted].event.id) for gold, predicted in self.matched.items()))
        return EventResult(score, tuple(sorted(self.problems, key=_problem_order)), pairs)

    def _error(self, predicted: _Predicted, in_sentence: list[_Gold], paired: int | None) -> tuple[str, str]:
        """The kind of a wrong prediction and what the gold holds instead."""
        if paired is not None:
            gold = self.golds[paired]
            return _dyad_error(gold, predicted), self._show_gold(gold)
        if not in_sentence:
            return "no event here", "no event in this sentence"
        same_type = [gold for gold in in_sentence if _fits(gold, predicted)]
        if not same_type:
            return "wrong type", " / ".join(self._show_gold(gold) for gold in in_sentence)
        for gold in same_type:
            if (gold.index, predicted.index) in self.full:
                return "duplicate", f"{self._show_gold(gold)}, already found"
        return _dyad_error(same_type[0], predicted), self._show_gold(same_type[0])

    def _matched_figures(self) -> tuple[Ratio, Ratio]:
        status = date = Ratio()
        for gold_index, predicted_index in sorted(self.matched.items()):
            gold, predicted = self.golds[gold_index], self.preds[predicted_index]
            if gold.event.background:
                continue
            status_right = predicted.event.status == gold.event.status
            status += Ratio(int(status_right), 1)
            if not status_right:
                self._problem("wrong status", self._show_gold(gold), predicted, gold.start)
            if gold.event.date_fixed and gold.event.date is not None:
                is_right = date_right(predicted.event.date, gold.event.date)
                date += Ratio(int(is_right), 1)
                if not is_right:
                    self._problem("wrong date", self._show_gold(gold), predicted, gold.start)
        return status, date

    def _problem(self, kind: str, expected: str, predicted: _Predicted, at: int | None) -> None:
        sentence = self._words(predicted.event.evidence_start, predicted.event.evidence_end)
        self.problems.append(
            Problem(
                self.gold.article,
                "event",
                kind,
                f"in {sentence!r}: {expected}",
                self._show_predicted(predicted),
                at if at is not None else predicted.event.evidence_start,
            )
        )

    def _words(self, start: int, end: int) -> str:
        words = self.body[start:end].split()
        return " ".join(words[:_SHOWN_WORDS]) + (" ..." if len(words) > _SHOWN_WORDS else "")

    def _show_gold(self, gold: _Gold, *, sentence: bool = False) -> str:
        event = gold.event
        show = self.units.show_key
        if event.mutual:
            dyad = " + ".join(map(show, event.source)) + " (mutual)"
        else:
            dyad = f"{' + '.join(map(show, event.source)) or '-'} -> {' + '.join(map(show, event.target)) or '-'}"
        text = f"{event.type} {dyad}, {event.status}, {event.date or 'no date'}"
        if event.trigger:
            text += f", trigger {event.trigger!r}"
        return f"in {event.sentence!r}...: {text}" if sentence else text

    def _show_predicted(self, predicted: _Predicted) -> str:
        event = predicted.event
        show = self.units.show_party
        if event.mutual:
            dyad = " + ".join(map(show, event.sources)) + " (mutual)"
        else:
            dyad = f"{' + '.join(map(show, event.sources)) or '-'} -> {' + '.join(map(show, event.targets)) or '-'}"
        return f"{event.type} {dyad}, {event.status}, {event.date or 'no date'}, trigger {event.trigger!r}"


def _problem_order(problem: Problem) -> tuple[int, str]:
    return (problem.at if problem.at is not None else -1, problem.problem)
