"""Scoring one article: the pipeline's quotes, actors and mentions against the gold.

:func:`score_document` takes the gold, the clean body (and title) the pipeline produced and its
predictions as plain records, and returns a :class:`~newsgraph.evaluation.scores.DocumentScore`
with every miss listed. The rules, in short (``eval/README.md`` has them in full):

- a quote is found when a predicted quote starts within a word of the gold quote's first words;
  direct and partial quotes are matched together, indirect speech apart;
- its speaker is right when the predicted speaker actor is the gold speaker actor (see
  :class:`~newsgraph.evaluation.matching.ActorMatcher`); a quote with no gold speaker is right
  only with no predicted speaker;
- actors are paired one to one; an actor the gold only mentions optionally is neither required
  nor wrong, and neither is a sector of a country (its government, its military) predicted beside
  the country itself;
- a mention is found when a predicted span overlaps it and is linked to its actor; a pronoun the
  gold does not annotate is ignored, since the gold annotates pronouns only as speakers.
  A gold file without mentions (the real-news set) does not score them: ``mentions`` is None.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.evaluation.anchors import LocatedGold, LocatedQuote, locate_gold
from newsgraph.evaluation.gold import GoldDocument
from newsgraph.evaluation.matching import SECTOR_TYPES, ActorMatcher, pair_spans, place_quote
from newsgraph.evaluation.predictions import PredictedQuote, Predictions
from newsgraph.evaluation.scores import DocumentScore, Problem, Ratio, Score

__all__ = ["score_document"]

_QUOTED = ("direct", "partial")
_PRONOUNS = frozenset(
    ("he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their", "theirs", "we", "us", "our")
    + ("ours", "i", "me", "my", "you", "your", "himself", "herself", "itself", "themselves")
)
_SHOWN_WORDS = 4


@dataclass(frozen=True)
class _Pair:
    gold: LocatedQuote
    predicted: PredictedQuote
    speaker_right: bool


@dataclass(frozen=True)
class _Matched:
    """The outcome of matching one group of quotes (direct and partial, or indirect)."""

    pairs: tuple[_Pair, ...]
    gold: tuple[LocatedQuote, ...]
    predicted: tuple[PredictedQuote, ...]


def score_document(
    gold: GoldDocument, body: str, predictions: Predictions, title: str | None = None, *, lenient: bool = False
) -> DocumentScore:
    """Score ``predictions`` for one article against ``gold``.

    ``body`` is the clean text the predictions' offsets refer to and ``title`` the article's
    title (needed when the gold has headline quotes). Raises
    :class:`~newsgraph.errors.InputError` when a gold anchor is not in the text.
    """
    located = locate_gold(gold, body, title, lenient=lenient)
    matcher = ActorMatcher(gold, predictions)
    problems: list[Problem] = []
    texts = {"body": body, "title": title or ""}
    quoted = _match_quotes(located, texts, predictions, matcher, _QUOTED, problems)
    indirect = _match_quotes(located, texts, predictions, matcher, ("indirect",), problems)
    return DocumentScore(
        article=gold.article,
        quotes=_found(quoted),
        direct=_found(quoted, kind="direct"),
        partial=_found(quoted, kind="partial"),
        indirect=_found(indirect),
        speakers=Ratio(sum(pair.speaker_right for pair in quoted.pairs), len(quoted.pairs)),
        attributed=_attributed(quoted),
        indirect_attributed=_attributed(indirect),
        actors=_score_actors(gold, predictions, matcher, problems),
        mentions=_score_mentions(located, body, predictions, matcher, problems) if gold.scores_mentions else None,
        problems=tuple(problems),
        unresolved=_unresolved(predictions, _QUOTED),
        speaker_confidences=tuple(
            (pair.predicted.confidence, pair.speaker_right)
            for pair in quoted.pairs
            if pair.predicted.confidence is not None
        ),
        indirect_unresolved=_unresolved(predictions, ("indirect",)),
        unresolved_reasons=tuple(
            quote.unresolved_reason or "unstated" for quote in predictions.quotes if quote.speaker_actor_id is None
        ),
    )


def _unresolved(predictions: Predictions, kinds: tuple[str, ...]) -> Ratio:
    """The predicted quotations of ``kinds`` with no speaker actor, out of all of them."""
    found = [quote for quote in predictions.quotes if quote.kind in kinds]
    return Ratio(sum(quote.speaker_actor_id is None for quote in found), len(found))


def _match_quotes(
    located: LocatedGold,
    texts: dict[str, str],
    predictions: Predictions,
    matcher: ActorMatcher,
    kinds: tuple[str, ...],
    problems: list[Problem],
) -> _Matched:
    article = located.gold.article
    pairs: list[_Pair] = []
    all_gold: list[LocatedQuote] = []
    all_predicted: list[PredictedQuote] = []
    for where, text in texts.items():
        gold = [quote for quote in located.quotes if quote.quote.where == where and quote.quote.kind in kinds]
        predicted: list[PredictedQuote] = []
        spans: list[tuple[int, int]] = []
        for quote in predictions.quotes:
            if quote.where != where or quote.kind not in kinds:
                continue
            span = place_quote(quote, text)
            if span is None:
                problems.append(
                    Problem(
                        article,
                        "quote",
                        "spurious",
                        "nothing",
                        f"{quote.kind} {_shown(quote.text)!r} (not in the {where})",
                    )
                )
                all_predicted.append(quote)
                continue
            predicted.append(quote)
            spans.append(span)
        matched = pair_spans(text, [(quote.start, quote.end) for quote in gold], spans)
        matched_gold = {gold_index for gold_index, _ in matched}
        matched_predicted = {predicted_index for _, predicted_index in matched}
        for gold_index, predicted_index in matched:
            pair = _pair(gold[gold_index], predicted[predicted_index], matcher)
            pairs.append(pair)
            _report_pair(article, pair, matcher, problems)
        for index, missed in enumerate(gold):
            if index not in matched_gold:
                expected = (
                    f"{missed.quote.kind} {missed.quote.starts!r} by {_speakers(located.gold, missed.quote.speakers)}"
                )
                problems.append(Problem(article, "quote", "missed", expected, "nothing", missed.start))
        for index, prediction in enumerate(predicted):
            if index not in matched_predicted:
                found = f"{prediction.kind} {_shown(prediction.text)!r} by {_predicted_speaker(prediction, matcher)}"
                problems.append(Problem(article, "quote", "spurious", "nothing", found, spans[index][0]))
        all_gold.extend(gold)
        all_predicted.extend(predicted)
    return _Matched(tuple(pairs), tuple(all_gold), tuple(all_predicted))


def _pair(gold: LocatedQuote, predicted: PredictedQuote, matcher: ActorMatcher) -> _Pair:
    if not gold.quote.speakers:
        right = predicted.speaker_actor_id is None
    else:
        right = matcher.resolve(predicted.speaker_actor_id) in gold.quote.speakers
    return _Pair(gold, predicted, right)


def _report_pair(article: str, pair: _Pair, matcher: ActorMatcher, problems: list[Problem]) -> None:
    quote = pair.gold.quote
    if quote.kind != pair.predicted.kind:
        problems.append(
            Problem(
                article, "quote", "wrong kind", f"{quote.kind} {quote.starts!r}", pair.predicted.kind, pair.gold.start
            )
        )
    if not pair.speaker_right:
        problems.append(
            Problem(
                article,
                "speaker",
                "wrong speaker",
                f"{_speakers(matcher.gold, quote.speakers)} for {quote.starts!r}",
                _predicted_speaker(pair.predicted, matcher),
                pair.gold.start,
            )
        )


def _found(matched: _Matched, kind: str | None = None) -> Score:
    if kind is None:
        tp = len(matched.pairs)
        return Score(tp, len(matched.predicted) - tp, len(matched.gold) - tp)
    tp = sum(1 for pair in matched.pairs if pair.gold.quote.kind == kind and pair.predicted.kind == kind)
    predicted = sum(1 for quote in matched.predicted if quote.kind == kind)
    gold = sum(1 for quote in matched.gold if quote.quote.kind == kind)
    return Score(tp, predicted - tp, gold - tp)


def _attributed(matched: _Matched) -> Score:
    right = sum(pair.speaker_right for pair in matched.pairs)
    return Score(right, len(matched.predicted) - right, len(matched.gold) - right)


def _score_actors(
    gold: GoldDocument, predictions: Predictions, matcher: ActorMatcher, problems: list[Problem]
) -> Score:
    pairs = matcher.align()
    optional = gold.optional_actors()
    paired_ids = set(pairs.values())
    tp = fn = 0
    for actor in gold.actors:
        if actor.key in pairs:
            tp += actor.key not in optional
            predicted = predictions.actor(pairs[actor.key])
            if predicted.country is not None and predicted.country != actor.country:
                problems.append(
                    Problem(gold.article, "actor", "wrong country", f"{actor.name}: {actor.country}", predicted.country)
                )
            sector_of_country = actor.type == "country" and predicted.type in SECTOR_TYPES
            if predicted.type is not None and predicted.type != actor.type and not sector_of_country:
                problems.append(
                    Problem(gold.article, "actor", "wrong type", f"{actor.name}: {actor.type}", predicted.type)
                )
        elif actor.key not in optional:
            fn += 1
            problems.append(
                Problem(gold.article, "actor", "missed", f"{actor.name} ({actor.kb_id or actor.key})", "nothing")
            )
    fp = 0
    for predicted in predictions.actors:
        if predicted.id in paired_ids:
            continue
        if predicted.type in SECTOR_TYPES and matcher.resolve(predicted.id) in pairs:
            # A sector of a country found as itself (USAGOV beside USA) is finer, not wrong.
            continue
        fp += 1
        problems.append(Problem(gold.article, "actor", "spurious", "nothing", f"{predicted.name} ({predicted.id})"))
    return Score(tp, fp, fn)


def _score_mentions(
    located: LocatedGold, body: str, predictions: Predictions, matcher: ActorMatcher, problems: list[Problem]
) -> Score:
    article = located.gold.article
    found: set[int] = set()
    fp = 0
    for predicted in sorted(predictions.mentions, key=lambda mention: mention.start):
        actor = matcher.resolve(predicted.actor_id)
        overlapping = [
            index
            for index, gold in enumerate(located.mentions)
            if gold.start < predicted.end and gold.end > predicted.start
        ]
        same_actor = [index for index in overlapping if located.mentions[index].mention.actor == actor]
        if same_actor:
            # Any span over a gold mention of its actor finds it; a second one (a title and the
            # name after it, both linked to the same person) is neither right nor wrong.
            found.update(index for index in same_actor if not located.mentions[index].mention.optional)
            continue
        text = body[predicted.start : predicted.end]
        if not overlapping and _is_pronoun(text):
            continue
        fp += 1
        expected = "nothing"
        if overlapping:
            other = located.mentions[overlapping[0]].mention
            expected = f"{other.text!r} as {_speakers(located.gold, (other.actor,))}"
        problems.append(
            Problem(
                article,
                "mention",
                "wrong actor" if overlapping else "spurious",
                expected,
                f"{text!r} as {_actor_label(predicted.actor_id, matcher)}",
                predicted.start,
            )
        )
    required = [index for index, gold in enumerate(located.mentions) if not gold.mention.optional]
    for index in required:
        if index not in found:
            gold = located.mentions[index]
            problems.append(
                Problem(
                    article,
                    "mention",
                    "missed",
                    f"{gold.mention.text!r} as {_speakers(located.gold, (gold.mention.actor,))}",
                    "nothing",
                    gold.start,
                )
            )
    tp = sum(1 for index in required if index in found)
    return Score(tp, fp, len(required) - tp)


def _is_pronoun(text: str) -> bool:
    return text.lower() in _PRONOUNS and not (len(text) > 1 and text.isupper())


def _shown(text: str) -> str:
    words = text.split()
    return " ".join(words[:_SHOWN_WORDS]) + (" ..." if len(words) > _SHOWN_WORDS else "")


def _speakers(gold: GoldDocument, keys: tuple[str, ...]) -> str:
    if not keys:
        return "no speaker"
    return " or ".join(f"{key} ({gold.actor(key).name})" for key in keys)


def _actor_label(actor_id: str | None, matcher: ActorMatcher) -> str:
    if actor_id is None:
        return "no actor"
    actor = matcher.predictions.actor(actor_id)
    return f"{actor.name} ({actor_id})" if actor.name else actor_id


def _predicted_speaker(quote: PredictedQuote, matcher: ActorMatcher) -> str:
    label = _actor_label(quote.speaker_actor_id, matcher)
    return f"{label}, written {quote.speaker_text!r}" if quote.speaker_text else label
