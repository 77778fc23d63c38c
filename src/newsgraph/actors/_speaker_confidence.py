"""How sure newsgraph is of a quotation's speaker, from what its attribution looked like.

A resolved speaker's confidence is a logistic model of the attribution's :class:`SpeakerEvidence`:
how the speaker was found (a mention, a pronoun, a title ...), whether a speech cue attributed it,
how far the speaker's words stand from the quotation, how far back the actor was last seen before
them, and how many other actors of its sort stand around the quotation (rivals a reader could
take for the speaker). An unresolved speaker's confidence is the share of quotations unresolved
for the same reason whose gold names no speaker either. The weights and rates are fitted on the
tuning half of the real-news gold by ``python -m newsgraph.evaluation.quote_confidence_fit`` and
read from ``data/quotes/confidence.json``.

Helpers of :mod:`newsgraph.actors.speakers`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from newsgraph.errors import NewsgraphError

__all__ = ["SpeakerEvidence", "evidence_features", "speaker_confidence"]

_CONFIDENCE_FILE = "confidence.json"
_FAR = 3
_CROWDED = 3


@dataclass(frozen=True)
class SpeakerEvidence:
    """What the attribution of one quotation looked like.

    ``how`` the speaker was found (or None) and ``reason`` it is unresolved (or None); ``cued``:
    a speech cue attributed it, not another verb; ``kind`` of the quotation; ``words_apart``:
    sentences between the quotation and the speaker's words (for a quotation carrying on another,
    the other's); ``seen_apart``: sentences back from the speaker's words to where the actor last
    appeared (0 when the words name it; :data:`_FAR` or more when never before); ``rivals``: other
    actors of the speaker's sort (people for a person, bodies and states for the rest) named in the
    quotation's sentence and the one before.
    """

    how: str | None
    reason: str | None
    cued: bool = True
    kind: str = "direct"
    words_apart: int = 0
    seen_apart: int = 0
    rivals: int = 0


def evidence_features(evidence: SpeakerEvidence) -> dict[str, float]:
    """The features of a resolved speaker's evidence the confidence model weighs, each in [0, 1]."""
    return {
        "bias": 1.0,
        f"how={evidence.how}": 1.0,
        f"kind={evidence.kind}": 1.0,
        "uncued": float(not evidence.cued),
        "words apart": min(evidence.words_apart, _FAR) / _FAR,
        "seen apart": min(evidence.seen_apart, _FAR) / _FAR,
        "rivals": min(evidence.rivals, _CROWDED) / _CROWDED,
    }


@lru_cache(maxsize=1)
def _confidence_table() -> Mapping[str, Any]:
    resource = files("newsgraph") / "data" / "quotes" / _CONFIDENCE_FILE
    try:
        table: Mapping[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsgraphError(
            f"cannot read the quote confidence table data/quotes/{_CONFIDENCE_FILE} ({error}); reinstall newsgraph"
        ) from error
    return table


def speaker_confidence(evidence: SpeakerEvidence) -> float:
    """How sure newsgraph is of a speaker with ``evidence``: for a resolved one, the fitted model's
    probability that it is right; for an unresolved one, the share of such quotations whose gold
    has no speaker either."""
    table = _confidence_table()
    if evidence.reason is not None:
        value = float(table["unresolved"].get(evidence.reason, table["unresolved_default"]))
    else:
        weights: Mapping[str, float] = table["resolved_weights"]
        score = sum(weights.get(name, 0.0) * value for name, value in evidence_features(evidence).items())
        value = 1.0 / (1.0 + math.exp(-score))
    return round(min(max(value, 0.0), 1.0), 3)
