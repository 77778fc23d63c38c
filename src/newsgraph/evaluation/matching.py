"""Matching predictions to gold: which predicted actor is which gold actor, which span is which quote.

A predicted actor is a gold actor when their knowledge-base ids agree, or when their names agree
after normalisation (case, accents, hyphens, full stops: "Kim Jong-un" is "Kim Jong Un"), or when
one's name is among the other's aliases. A name shared by two gold actors ("Kim" for Kim Jong Un
and Lami Kim) identifies neither: namesakes must be told apart by the prediction, not the scorer.

The gold annotates a government body or an unnamed spokesperson as its country, and unnamed state
media ("North Korean state media") as a media actor of that country; a prediction that gives them
as a sector of the country (a ``government`` or ``military`` actor of country ``USA``, a ``media``
actor of country ``PRK``) is the same actor, matched more weakly than by name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from newsgraph.evaluation.anchors import find_words, straighten
from newsgraph.evaluation.gold import GoldActor, GoldDocument
from newsgraph.evaluation.predictions import PredictedActor, PredictedQuote, Predictions

__all__ = ["SECTOR_TYPES", "ActorMatcher", "normalise_name", "pair_spans", "place_quote"]

# Types of a predicted actor that is one part of a country's state (CAMEO's USAGOV, RUSMIL):
# the gold annotates such a body as its country.
SECTOR_TYPES = frozenset({"government", "military", "intelligence", "legislature", "police", "judiciary"})

_NOT_WORD = re.compile(r"[\W_]+")
# Letters that Unicode decomposition leaves whole, spelled as English copy usually spells them.
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_QUOTE_EDGES = "\"' \n\t"
# How far, in words, a predicted quote may start from the gold anchor and still be that quote:
# one word either side absorbs a leading article, a dash or a misplaced quote mark.
_START_SLACK_WORDS = 1

# Strength of a match between a gold and a predicted actor; higher wins.
_SAME_KB_ID = 3
_SAME_NAME = 2
_ALIAS = 1
_SAME_COUNTRY = 1


@cache
def normalise_name(name: str) -> str:
    """``name`` folded for comparison: no case, accents, full stops, hyphens or leading "the".

    "Radosław Sikorski" and "Radoslaw Sikorski" fold alike, as do "U.S." and "US".
    """
    text = unicodedata.normalize("NFKD", straighten(name).translate(_PLAIN_LETTERS))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = text.replace(".", "").replace("'", "")
    text = _NOT_WORD.sub(" ", text).strip()
    return text.removeprefix("the ")


class ActorMatcher:
    """Relates the predicted actors of one article to its gold actors."""

    def __init__(self, gold: GoldDocument, predictions: Predictions) -> None:
        self.gold = gold
        self.predictions = predictions
        self._forms = {actor.key: _forms(actor.name, actor.aliases) for actor in gold.actors}
        self._kb_owner = {actor.kb_id: actor.key for actor in gold.actors if actor.kb_id}
        self._resolved: dict[str, str | None] = {}

    def strength(self, gold: GoldActor, predicted: PredictedActor) -> int:
        """How well ``predicted`` matches ``gold``: 0 (not at all) to 3 (same knowledge-base id)."""
        predicted_kb = predicted.kb_id or predicted.id
        if gold.kb_id and predicted.kb_id and predicted.kb_id != gold.kb_id:
            return 0
        if gold.kb_id and predicted_kb == gold.kb_id:
            return _SAME_KB_ID
        if self._kb_owner.get(predicted_kb, gold.key) != gold.key:
            return 0
        name = normalise_name(predicted.name)
        if not name:
            return 0
        if name == normalise_name(gold.name):
            return _SAME_NAME
        if name in self._forms[gold.key] or normalise_name(gold.name) in _forms(predicted.name, predicted.aliases):
            return _ALIAS
        if predicted.country is not None and predicted.country == gold.country:
            if gold.type == "country" and predicted.type in SECTOR_TYPES:
                return _SAME_COUNTRY
            if gold.type == "media" and gold.kb_id is None and predicted.type == "media":
                return _SAME_COUNTRY
        return 0

    def resolve(self, actor_id: str | None) -> str | None:
        """The key of the gold actor the predicted actor ``actor_id`` is, or None.

        None also when two gold actors match equally well: a surname alone does not say which
        namesake is meant.
        """
        if actor_id is None:
            return None
        if actor_id not in self._resolved:
            predicted = self.predictions.actor(actor_id)
            ranked = sorted(((self.strength(actor, predicted), actor.key) for actor in self.gold.actors), reverse=True)
            best = [key for strength, key in ranked if strength and strength == ranked[0][0]]
            self._resolved[actor_id] = best[0] if len(best) == 1 else None
        return self._resolved[actor_id]

    def align(self) -> dict[str, str]:
        """A one-to-one pairing of gold actor keys with predicted actor ids, strongest matches first.

        A second predicted actor for the same gold actor (a person split in two by failed
        coreference) stays unpaired.
        """
        candidates = sorted(
            (-self.strength(gold, predicted), gold_index, predicted_index)
            for gold_index, gold in enumerate(self.gold.actors)
            for predicted_index, predicted in enumerate(self.predictions.actors)
            if self.strength(gold, predicted)
        )
        pairs: dict[str, str] = {}
        taken: set[int] = set()
        for _, gold_index, predicted_index in candidates:
            key = self.gold.actors[gold_index].key
            if key not in pairs and predicted_index not in taken:
                pairs[key] = self.predictions.actors[predicted_index].id
                taken.add(predicted_index)
        return pairs


def _forms(name: str, aliases: Sequence[str]) -> frozenset[str]:
    return frozenset(form for form in (normalise_name(text) for text in (name, *aliases)) if form)


def pair_spans(
    text: str, gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)`` of quote spans that are the same quote.

    A predicted span is a gold quote when it overlaps the quote's anchored first words and starts
    at most one word before or after them; closer starts pair first.
    """
    candidates = sorted(
        (abs(gold_start - predicted_start), gold_index, predicted_index)
        for gold_index, (gold_start, gold_end) in enumerate(gold)
        for predicted_index, (predicted_start, predicted_end) in enumerate(predicted)
        if predicted_start < gold_end
        and predicted_end > gold_start
        and _words(text[min(gold_start, predicted_start) : max(gold_start, predicted_start)]) <= _START_SLACK_WORDS
    )
    pairs: list[tuple[int, int]] = []
    gold_taken: set[int] = set()
    predicted_taken: set[int] = set()
    for _, gold_index, predicted_index in candidates:
        if gold_index not in gold_taken and predicted_index not in predicted_taken:
            pairs.append((gold_index, predicted_index))
            gold_taken.add(gold_index)
            predicted_taken.add(predicted_index)
    return sorted(pairs)


def _words(text: str) -> int:
    return sum(1 for token in text.split() if _NOT_WORD.sub("", token))


def place_quote(quote: PredictedQuote, text: str) -> tuple[int, int] | None:
    """The span of ``quote`` in ``text``: its own offsets, else where its words first occur."""
    if quote.start is not None and quote.end is not None:
        return quote.start, quote.end
    words = straighten(quote.text).strip(_QUOTE_EDGES)
    found = straighten(text).find(words) if words else -1
    if found >= 0:
        return found, found + len(words)
    first_words = " ".join(words.split()[:6])
    span = find_words(text, first_words)
    return None if span is None else (span[0], span[0] + len(words))
