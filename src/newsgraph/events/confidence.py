"""How sure the coder is of an event: a number in [0, 1], from what the text around it shows.

The coder fills an :class:`EventFeatures` for every event it codes (:class:`FeatureReader` reads
the parts that need the parse) and stores :func:`event_confidence` of it on the record. The score
is a logistic function of the numbers :func:`feature_values` derives from the features::

    confidence = 1 / (1 + exp(-(intercept + sum(weight[name] * value[name]))))

The weights, the intercept, the default display threshold and the floor are data, in
``newsgraph/data/events/confidence.json``, read once by :func:`load_confidence_model`. The weights
are fitted on the tuning half of the real-news gold set by
:mod:`newsgraph.evaluation.confidence_fit` (the file's ``fitted_on`` says on what). Events under the
``threshold`` are hidden by default and left out of clusters; events under the ``floor`` are not
coded at all: on the tuning half none of them was right.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.clean.captions import find_credit
from newsgraph.errors import NewsgraphError
from newsgraph.events.records import ActorRef, Status
from newsgraph.nlp import doc_text
from newsgraph.quotes.marks import find_quoted_regions

__all__ = [
    "FEATURE_NAMES",
    "ConfidenceModel",
    "EventFeatures",
    "FeatureReader",
    "SentenceFacts",
    "event_confidence",
    "feature_values",
    "load_confidence_model",
    "read_model",
]

_DATA = "confidence.json"

FEATURE_NAMES: tuple[str, ...] = (
    "nominal",
    "adjectival",
    "derived",
    "known_source",
    "sector_source",
    "known_target",
    "sector_target",
    "planned",
    "alleged",
    "denied",
    "hypothetical",
    "negated",
    "in_quotation",
    "later_sentence",
    "long_sentence",
    "short_sentence",
    "caption_like",
    "crowded_sentence",
    "recalled",
    "from_clause",
    "implied_authority",
    "mutual",
    "verbal_conflict",
    "material_cooperation",
    "material_conflict",
    "echoed",
)
"""The names :func:`feature_values` gives values to: the data file weighs exactly these."""

# Past these the values stop growing: the thirtieth sentence is as far from the lead as the
# fiftieth, a sentence of 80 words as hard to parse as one of 100.
# PLOVER's quads; verbal cooperation (AGREE, CONSULT, SUPPORT, CONCEDE) is the baseline.
_VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_MATERIAL_COOPERATION = frozenset({"COOPERATE", "AID", "RETREAT"})
_MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
_LATE_SENTENCE = 30
_LONG_FROM, _LONG_SPAN = 40, 40
_SHORT_BELOW = 6
_CROWD = 4
# A caption left in the body: a photo credit at its end, a caption label at its start, or the
# words captions are written in.
_CAPTION_LABEL = re.compile(r"^\s*(?:FILE\s+PHOTO|(?i:photo(?:graph)?|caption|image|picture))\s*[:\u2013\u2014-]")
_CAPTION_WORDS = re.compile(
    r"\b(?:pictured|poses?\s+for|posing\s+for|(?:is|are)\s+seen|in\s+this\s+(?:file|handout)\s+(?:photo|picture|image))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventFeatures:
    """What the confidence of one event is computed from.

    ``rule`` is the coder's rule name (``verb:meet``, ``noun:summit``, ``light:hold+talk``; a rule
    with two parts, ``verb:vow+verb:deepen`` or ``reported-obligation:verb:leave``, coded the event
    from another one's words). ``trigger_pos`` is the trigger word's coarse part of speech (spaCy's
    ``VERB``, ``NOUN``, ``ADJ``...) and ``nominal`` says the event is an event noun with no verb of
    its own ("the summit between Kim and Putin"; "held talks" is not nominal).

    ``known_source`` and ``known_target``: a party is an identified actor (one with an id); the
    other party of an event with two identified sources and no target ("A and B met", "arms
    transfers between A and B") is the second source. ``sector_source`` and
    ``sector_target``: the party is there but known only by its sector ("police", "rebels"): no
    actor has an id, one has a code. A party with neither counts as missing.

    ``status`` and ``negated`` are the record's. ``in_quotation``: the trigger stands between
    quotation marks. ``sentence_index`` counts the document's sentences from 0, ``sentence_tokens``
    the words of the sentence (punctuation and spaces left out); ``caption_like`` says the sentence
    reads like a photo caption left in the body. ``events_in_sentence`` is how many events the
    coder drafted in the sentence, this one included (those it drops for naming no actor too).
    ``event_type`` is the PLOVER type (its quad is weighed); ``mutual`` says the parties acted on
    one another. ``echoed``: another sentence of the document reports the same event
    (:mod:`newsgraph.events.echoes`); the coder learns it once the whole document is coded.
    """

    rule: str
    trigger_pos: str
    nominal: bool
    known_source: bool
    known_target: bool
    sector_source: bool
    sector_target: bool
    status: Status
    negated: bool
    in_quotation: bool
    sentence_index: int
    sentence_tokens: int
    caption_like: bool
    events_in_sentence: int
    event_type: str = ""
    mutual: bool = False
    echoed: bool = False


def feature_values(features: EventFeatures) -> dict[str, float]:
    """The number the model weighs for each name of :data:`FEATURE_NAMES`: 0 or 1 for a yes/no
    feature, a share between 0 and 1 for a graded one."""
    return {
        "nominal": float(features.nominal),
        "adjectival": float(features.trigger_pos == "ADJ"),
        "derived": float(features.rule.count(":") >= 2),
        "known_source": float(features.known_source),
        "sector_source": float(features.sector_source),
        "known_target": float(features.known_target),
        "sector_target": float(features.sector_target),
        "planned": float(features.status == "planned"),
        "alleged": float(features.status == "alleged"),
        "denied": float(features.status == "denied"),
        "hypothetical": float(features.status == "hypothetical"),
        "negated": float(features.negated),
        "in_quotation": float(features.in_quotation),
        "later_sentence": min(features.sentence_index, _LATE_SENTENCE) / _LATE_SENTENCE,
        "long_sentence": min(max(features.sentence_tokens - _LONG_FROM, 0), _LONG_SPAN) / _LONG_SPAN,
        "short_sentence": float(features.sentence_tokens < _SHORT_BELOW),
        "caption_like": float(features.caption_like),
        "crowded_sentence": min(max(features.events_in_sentence - 1, 0), _CROWD) / _CROWD,
        "recalled": float("+recalled" in features.rule),
        "from_clause": float("+clause" in features.rule),
        "implied_authority": float("+implied-authority" in features.rule),
        "mutual": float(features.mutual),
        "verbal_conflict": float(features.event_type in _VERBAL_CONFLICT),
        "material_cooperation": float(features.event_type in _MATERIAL_COOPERATION),
        "material_conflict": float(features.event_type in _MATERIAL_CONFLICT),
        "echoed": float(features.echoed),
    }


@dataclass(frozen=True)
class ConfidenceModel:
    """The logistic model's weights (one per name of :data:`FEATURE_NAMES`) and intercept, the
    default threshold under which events are hidden and not counted, the floor under which they
    are not coded at all, and what it was fitted on."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float
    floor: float
    fitted_on: str

    def score(self, features: EventFeatures) -> float:
        return self.score_values(feature_values(features))

    def score_values(self, values: Mapping[str, float]) -> float:
        """The confidence of an event whose :func:`feature_values` are ``values``."""
        total = self.intercept + sum(self.weights[name] * value for name, value in values.items())
        return round(1.0 / (1.0 + math.exp(-total)), 4)


@lru_cache(maxsize=1)
def load_confidence_model() -> ConfidenceModel:
    """The model shipped in ``newsgraph/data/events/confidence.json`` (read once, then cached).

    Raises :class:`NewsgraphError` when the file is missing, or does not weigh exactly the
    features :func:`feature_values` gives, or holds a value that is not a finite number."""
    resource = files("newsgraph") / "data" / "events" / _DATA
    try:
        raw = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsgraphError(f"cannot read the event confidence model {_DATA} ({error}); reinstall newsgraph") from error
    return read_model(raw)


def read_model(raw: Any) -> ConfidenceModel:
    """A :class:`ConfidenceModel` from the data file's JSON, checked."""
    if not isinstance(raw, dict) or not isinstance(raw.get("weights"), dict):
        raise NewsgraphError(f"the event confidence model {_DATA} must be an object with a `weights` object")
    weights: dict[str, Any] = raw["weights"]
    missing, unknown = set(FEATURE_NAMES) - set(weights), set(weights) - set(FEATURE_NAMES)
    if missing or unknown:
        raise NewsgraphError(
            f"the event confidence model {_DATA} must weigh exactly the features newsgraph computes: "
            f"missing {sorted(missing)}, unknown {sorted(unknown)}"
        )
    numbers = {name: weights[name] for name in FEATURE_NAMES} | {
        "intercept": raw.get("intercept"), "threshold": raw.get("threshold"), "floor": raw.get("floor", 0.0)
    }
    for name, value in numbers.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise NewsgraphError(f"the event confidence model {_DATA}: {name} must be a finite number, got {value!r}")
    threshold, floor = float(raw["threshold"]), float(raw.get("floor", 0.0))
    if not 0.0 <= threshold <= 1.0:
        raise NewsgraphError(f"the event confidence model {_DATA}: threshold must be between 0 and 1, got {threshold}")
    if not 0.0 <= floor <= threshold:
        raise NewsgraphError(f"the event confidence model {_DATA}: floor must be between 0 and the threshold, got {floor}")
    return ConfidenceModel(
        intercept=float(raw["intercept"]),
        weights=MappingProxyType({name: float(weights[name]) for name in FEATURE_NAMES}),
        threshold=threshold,
        floor=floor,
        fitted_on=str(raw.get("fitted_on", "")),
    )


def event_confidence(features: EventFeatures) -> float:
    """How sure the coder is of the event these features describe, in [0, 1]."""
    return load_confidence_model().score(features)


@dataclass(frozen=True)
class SentenceFacts:
    """What every event of one sentence shares: where the sentence stands, how long it is, whether
    it reads like a photo caption, and how many events the coder drafted in it."""

    index: int
    tokens: int
    caption_like: bool
    events: int


class FeatureReader:
    """Reads the features of one parsed document's events; the quotation marks are paired once."""

    def __init__(self, doc: Doc) -> None:
        regions = sorted((region.start, region.end) for region in find_quoted_regions(doc_text(doc)))
        self._starts = [start for start, _ in regions]
        self._ends = [end for _, end in regions]

    def sentence(self, sentence: Span, index: int, events: int) -> SentenceFacts:
        """The facts of the ``index``-th sentence (from 0), in which the coder drafted ``events``."""
        words = sum(1 for token in sentence if not (token.is_space or token.is_punct))
        text = sentence.text.strip()
        caption = bool(_CAPTION_LABEL.match(text) or _CAPTION_WORDS.search(text) or find_credit(text))
        return SentenceFacts(index, words, caption, events)

    def quoted(self, offset: int) -> bool:
        """Whether the character at ``offset`` stands between quotation marks."""
        position = bisect_right(self._starts, offset) - 1
        # Regions never overlap, so only the last one starting at or before the offset can hold it.
        return position >= 0 and offset < self._ends[position]

    def features(
        self,
        sentence: SentenceFacts,
        *,
        rule: str,
        trigger: Token,
        nominal: bool,
        sources: Sequence[ActorRef],
        targets: Sequence[ActorRef],
        status: Status,
        negated: bool,
        event_type: str = "",
        mutual: bool = False,
    ) -> EventFeatures:
        """The features of one event of ``sentence``: its rule, trigger word, parties (as the
        record will hold them), status and negation."""
        known_sources = sum(1 for ref in sources if ref.id is not None)
        known_target = any(ref.id is not None for ref in targets) or known_sources >= 2
        coded_source, coded_target = any(ref.code for ref in sources), any(ref.code for ref in targets)
        return EventFeatures(
            rule=rule,
            trigger_pos=trigger.pos_,
            nominal=nominal,
            known_source=known_sources > 0,
            known_target=known_target,
            sector_source=coded_source and known_sources == 0,
            sector_target=coded_target and not known_target,
            status=status,
            negated=negated,
            in_quotation=self.quoted(trigger.idx),
            sentence_index=sentence.index,
            sentence_tokens=sentence.tokens,
            caption_like=sentence.caption_like,
            events_in_sentence=sentence.events,
            event_type=event_type,
            mutual=mutual,
        )
